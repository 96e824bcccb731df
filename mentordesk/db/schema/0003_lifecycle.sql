-- MentorDesk schema version 3: first-hundred-days milestones, the referral log,
-- the mentor's support contacts and settings kept with the data.
CREATE TABLE "milestone" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "mentee_id" VARCHAR(36) NOT NULL, "day" INTEGER NOT NULL, "prompt" TEXT NOT NULL, "done_on" DATE, "note" TEXT NOT NULL, "position" INTEGER NOT NULL, FOREIGN KEY ("mentee_id") REFERENCES "mentee" ("id") ON DELETE CASCADE);
CREATE INDEX "milestone_mentee_id" ON "milestone" ("mentee_id");
CREATE TABLE "referral" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "mentee_id" VARCHAR(36) NOT NULL, "session_id" VARCHAR(36), "on" DATE NOT NULL, "note" TEXT NOT NULL, "created_at" DATETIME NOT NULL, FOREIGN KEY ("mentee_id") REFERENCES "mentee" ("id") ON DELETE CASCADE, FOREIGN KEY ("session_id") REFERENCES "session" ("id") ON DELETE SET NULL);
CREATE INDEX "referral_mentee_id" ON "referral" ("mentee_id");
CREATE INDEX "referral_session_id" ON "referral" ("session_id");
CREATE TABLE "setting" ("key" VARCHAR(255) NOT NULL PRIMARY KEY, "value" TEXT NOT NULL);
CREATE TABLE "support_contact" ("id" INTEGER NOT NULL PRIMARY KEY, "name" TEXT NOT NULL, "detail" TEXT NOT NULL, "position" INTEGER NOT NULL);
