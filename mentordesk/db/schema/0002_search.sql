-- MentorDesk schema version 2: the full-text index over everything the mentor writes.
-- "body" holds a folded copy of the text (lower case, accents removed, Chinese and
-- Japanese split into single characters) so that searches ignore case and accents;
-- "sort_on" (ISO date) lets hits be listed newest first without ranking them all.
CREATE VIRTUAL TABLE "search_text" USING fts5(
    "kind" UNINDEXED, "record_id" UNINDEXED, "mentee_id" UNINDEXED,
    "field" UNINDEXED, "private" UNINDEXED, "sort_on" UNINDEXED, "body",
    tokenize = 'unicode61 remove_diacritics 2'
);
