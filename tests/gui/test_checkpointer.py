"""The window folds the data file's log back on a worker thread, never on a save."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from mentordesk.db.base import database
from mentordesk.services import mentees, sessions
from mentordesk.ui.checkpointer import Checkpointer


def test_checkpointer_turns_off_commit_checkpoints_and_runs_its_own(qtbot: Any, db: Path) -> None:
    """After it starts, saves leave the log alone; its own run moves the log into the file."""
    checkpointer = Checkpointer(db, interval_ms=60_000)
    assert database.execute_sql("PRAGMA wal_autocheckpoint").fetchone()[0] == 0
    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Zofia Nowak")).id)
    for n in range(40):
        sessions.save_session(sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 1, 2, 9, n),
                                                   listening="Quiet handover, steady voice. " * 150))
    before = db.stat().st_size
    checkpointer.run_now()
    checkpointer.stop()
    assert db.stat().st_size > before
    assert len(sessions.list_sessions(mentee_id=mentee_id)) == 40
