-- MentorDesk schema version 6: meetings across all mentees listed by date (the
-- Sessions area, newest first) without sorting the whole table each time.
CREATE INDEX "session_held_on" ON "session" ("held_on");
