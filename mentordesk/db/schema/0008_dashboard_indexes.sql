-- MentorDesk schema version 8: the Dashboard reads its facts from indexes alone.
-- The last meeting, the next agreed date and the newest wellbeing scores of each
-- mentee come from one index instead of the session rows (a page each). Open
-- actions, the only ones looked up by mentee, get a small index of their own that
-- holds their text, so the overdue ones are counted and the oldest named without
-- reading every action row.
DROP INDEX IF EXISTS "session_mentee_id_held_on";
CREATE INDEX "session_mentee_id_held_on_next_on_wellbeing_score"
    ON "session" ("mentee_id", "held_on", "next_on", "wellbeing_score");
DROP INDEX IF EXISTS "action_item_mentee_id_done_on_due_on";
CREATE INDEX "action_item_open"
    ON "action_item" ("mentee_id", "due_on", "owner", "position", "text") WHERE "done_on" IS NULL;
