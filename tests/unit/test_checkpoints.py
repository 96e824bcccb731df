"""The write-ahead log is folded back into the data file on request, not on a mentor's save."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from mentordesk.db.base import database
from mentordesk.services import checkpoints, mentees, sessions


def _write_many(mentee_id: str, count: int) -> None:
    for n in range(count):
        sessions.save_session(sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 1, 1, 9, n % 60),
                                                   listening=f"A long observation {n} " * 200))


def test_saves_do_not_checkpoint_once_left_to_the_caller(db: Path) -> None:
    """With checkpoints left to the caller the log only grows; a checkpoint then empties it into the file."""
    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Ana Pereira")).id)
    checkpoints.leave_checkpoints_to_caller()
    wal = Path(f"{db}-wal")
    _write_many(mentee_id, 60)
    size_before = db.stat().st_size
    assert wal.stat().st_size > 1000 * 4096  # past SQLite's own checkpoint threshold, yet not folded back
    assert checkpoints.checkpoint(db) == 0
    assert db.stat().st_size > size_before  # the pages are in the data file now


def test_checkpoint_on_a_worker_thread_keeps_data(db: Path) -> None:
    """A checkpoint from another thread's connection leaves every session readable."""
    import threading

    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Chidi Okeke")).id)
    checkpoints.leave_checkpoints_to_caller()
    _write_many(mentee_id, 5)
    worker = threading.Thread(target=checkpoints.checkpoint, args=(db,))
    worker.start()
    worker.join(10)
    assert len(sessions.list_sessions(mentee_id=mentee_id)) == 5


def _automerge() -> int:
    row = database.execute_sql("SELECT v FROM search_text_config WHERE k = 'automerge'").fetchone()
    return 4 if row is None else int(row[0])


def test_index_merges_move_to_the_worker_and_back(db: Path) -> None:
    """While the window is open the index does not merge on insert; closing restores FTS5's default."""
    from mentordesk.services import search

    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Dora Nowak")).id)
    checkpoints.leave_checkpoints_to_caller()
    assert _automerge() == 0
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    _write_many(mentee_id, 10)
    checkpoints.checkpoint(db)  # merges a little, then checkpoints
    assert len(search.search("observation", limit=100)) == 10
    checkpoints.restore_defaults()
    assert _automerge() == 4
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000
