"""Moving the write-ahead log back into the data file away from the window's thread.

SQLite does this by itself on the commit that finds the log over 1,000 pages,
which makes that one autosave stall for tens of milliseconds on a large file.
The window turns that off for its connection and calls ``checkpoint`` on a
worker thread now and then instead; closing the data file checkpoints too.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.db.base import database
from mentordesk.services.backups import own_connection


def leave_checkpoints_to_caller() -> None:
    """Stop the open connection from checkpointing on commit."""
    database.execute_sql("PRAGMA wal_autocheckpoint = 0")


def checkpoint(data_file: Path) -> int:
    """Copy what the log holds back into the data file, without waiting for readers or writers.

    Uses a connection of its own, so it is safe on any thread; returns the pages
    still left in the log (0 when it is all in the file).
    """
    conn = own_connection(data_file)
    try:
        busy, log_pages, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    finally:
        conn.close()
    return max(0, int(log_pages) - int(copied)) if not busy else int(log_pages)
