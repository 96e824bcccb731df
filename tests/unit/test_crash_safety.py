"""Nothing committed is lost when MentorDesk is killed mid-write."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mentordesk.db.base import close_database
from mentordesk.db.models import Session
from mentordesk.services.storage import open_data_dir

WRITER = r"""
import sys
from datetime import datetime, timedelta
from pathlib import Path
from mentordesk.services.storage import open_data_dir
from mentordesk.services import mentees, sessions

open_data_dir(Path(sys.argv[1]))
mentee = mentees.find_mentee("Crash Test")
start = datetime(2026, 1, 1, 9, 0)
for n in range(100000):
    session_id = sessions.save_session(sessions.SessionData(
        mentee_id=mentee.id, held_on=start + timedelta(hours=n),
        listening="Observed a long shift and a quiet handover. " * 20,
        actions=(sessions.ActionData(f"Action {n}"),)))
    print(session_id, flush=True)
"""


@pytest.mark.slow
def test_killed_writer_loses_nothing_it_reported(data_dir: Path) -> None:
    """A child writes notes and prints each id after commit; SIGKILL at random moments loses none."""
    from mentordesk.services import mentees

    open_data_dir(data_dir)
    mentees.create_mentee(mentees.MenteeData(name="Crash Test"))
    close_database()
    rng = random.Random(20261125)
    reported: list[str] = []
    for _ in range(12):
        child = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir)],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.4 + rng.random() * 0.6)  # start-up plus a random stretch of writing
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        reported.extend(line for line in out.split() if len(line) == 36)
    assert reported, "the writer never got to commit anything"

    raw = sqlite3.connect(data_dir / "mentordesk.sqlite3")
    try:
        assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()
    open_data_dir(data_dir)
    try:
        stored = {s.id for s in Session.select(Session.id)}
    finally:
        close_database()
    assert set(reported) <= stored
