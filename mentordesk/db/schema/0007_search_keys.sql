-- MentorDesk schema version 7: which index rows belong to which record, findable
-- through a b-tree. FTS5 cannot index its UNINDEXED columns, so replacing the rows
-- of one note (every autosave) scanned the whole index; now it looks them up here.
-- "search_text" rows share their rowid with "search_key"; the rows already indexed
-- are renumbered by date right after this script (migrations.py, step 7).
CREATE TABLE "search_key" ("rowid" INTEGER PRIMARY KEY, "kind" TEXT NOT NULL, "record_id" TEXT NOT NULL,
                           "mentee_id" TEXT);
CREATE INDEX "search_key_record" ON "search_key" ("kind", "record_id");
CREATE INDEX "search_key_mentee" ON "search_key" ("mentee_id");
