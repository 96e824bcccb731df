"""Housekeeping of the data file away from the window's thread: log checkpoints, index merges.

SQLite checkpoints the write-ahead log on the commit that finds it over 1,000
pages, and FTS5 merges index segments on the insert that fills a level; either
makes that one autosave stall for 15–25 ms on a large file. While the window is
open it turns both off and calls ``checkpoint`` on a worker thread now and then
instead (``restore_defaults`` when it closes). FTS5's "crisis merge" still
steps in should segments ever pile up.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.db.base import database, transaction
from mentordesk.services.backups import own_connection

MERGE_PAGES = 64  # a small step: the worker holds the write lock for a few milliseconds only
DEFAULT_AUTOMERGE = 4
DEFAULT_AUTOCHECKPOINT = 1000


def leave_checkpoints_to_caller() -> None:
    """Stop commits on the open connection from checkpointing or merging the index."""
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")
    with transaction():
        database.execute_sql("INSERT INTO search_text (search_text, rank) VALUES ('automerge', 0)")


def restore_defaults() -> None:
    """SQLite's and FTS5's own housekeeping again (when the window closes)."""
    with transaction():
        database.execute_sql("INSERT INTO search_text (search_text, rank) VALUES ('automerge', ?)",
                             (DEFAULT_AUTOMERGE,))
    database.execute_sql(f"PRAGMA wal_autocheckpoint = {DEFAULT_AUTOCHECKPOINT}")


def checkpoint(data_file: Path) -> int:
    """Merge a little of the index, then copy the log back into the data file.

    Uses a connection of its own, so it is safe on any thread; returns the pages
    still left in the log (0 when it is all in the file).
    """
    conn = own_connection(data_file)
    try:
        conn.execute("INSERT INTO search_text (search_text, rank) VALUES ('merge', ?)", (MERGE_PAGES,))
        conn.commit()
        busy, log_pages, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return max(0, int(log_pages) - int(copied)) if not busy else int(log_pages)
