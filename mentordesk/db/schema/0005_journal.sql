-- MentorDesk schema version 5: the mentor's reflection journal.
CREATE TABLE "reflection_entry" ("id" VARCHAR(36) NOT NULL PRIMARY KEY, "written_on" DATE NOT NULL, "title" TEXT NOT NULL, "what_happened" TEXT NOT NULL, "so_what" TEXT NOT NULL, "now_what" TEXT NOT NULL, "framework" VARCHAR(255), "domain_key" VARCHAR(255), "mentee_id" VARCHAR(36), "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, FOREIGN KEY ("mentee_id") REFERENCES "mentee" ("id") ON DELETE SET NULL);
CREATE INDEX "reflection_entry_mentee_id" ON "reflection_entry" ("mentee_id");
CREATE INDEX "reflection_entry_written_on" ON "reflection_entry" ("written_on");
