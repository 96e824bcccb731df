-- MentorDesk schema version 4: competency assessments (answers, domain notes), the
-- development plan and the mentor's own frameworks. Generated from
-- mentordesk/db/assessment_models.py with peewee, then frozen.
CREATE TABLE "framework_file" ("id" INTEGER NOT NULL PRIMARY KEY, "key" VARCHAR(255) NOT NULL, "version" VARCHAR(255) NOT NULL, "document" TEXT NOT NULL, "added_at" DATETIME NOT NULL);
CREATE UNIQUE INDEX "framework_file_key_version" ON "framework_file" ("key", "version");
CREATE TABLE "assessment" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "framework" VARCHAR(255) NOT NULL, "framework_version" VARCHAR(255) NOT NULL, "taken_on" DATE NOT NULL, "rater" VARCHAR(255) NOT NULL, "mentee_id" VARCHAR(36), "rater_label" TEXT NOT NULL, "reflection" TEXT NOT NULL, "completed_at" DATETIME, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("mentee_id") REFERENCES "mentee" ("id") ON DELETE CASCADE);
CREATE INDEX "assessment_framework_rater_taken_on" ON "assessment" ("framework", "rater", "taken_on");
CREATE INDEX "assessment_mentee_id" ON "assessment" ("mentee_id");
CREATE TABLE "assessment_answer" ("id" INTEGER NOT NULL PRIMARY KEY, "assessment_id" VARCHAR(36) NOT NULL, "item_key" VARCHAR(255) NOT NULL, "value" INTEGER, FOREIGN KEY ("assessment_id") REFERENCES "assessment" ("id") ON DELETE CASCADE);
CREATE INDEX "assessment_answer_assessment_id" ON "assessment_answer" ("assessment_id");
CREATE UNIQUE INDEX "assessment_answer_assessment_id_item_key" ON "assessment_answer" ("assessment_id", "item_key");
CREATE TABLE "domain_note" ("id" INTEGER NOT NULL PRIMARY KEY, "assessment_id" VARCHAR(36) NOT NULL, "domain_key" VARCHAR(255) NOT NULL, "reflection" TEXT NOT NULL, "development_notes" TEXT NOT NULL, FOREIGN KEY ("assessment_id") REFERENCES "assessment" ("id") ON DELETE CASCADE);
CREATE INDEX "domain_note_assessment_id" ON "domain_note" ("assessment_id");
CREATE UNIQUE INDEX "domain_note_assessment_id_domain_key" ON "domain_note" ("assessment_id", "domain_key");
CREATE TABLE "development_action" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "framework" VARCHAR(255) NOT NULL, "domain_key" VARCHAR(255) NOT NULL, "text" TEXT NOT NULL, "target_on" DATE, "done_on" DATE, "created_at" DATETIME NOT NULL);
CREATE INDEX "development_action_done_on_target_on" ON "development_action" ("done_on", "target_on");
