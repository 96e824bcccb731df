"""A plain data file opens without peewee; peewee, loaded later, takes over the same connection.

Each case runs in a fresh interpreter: in the test process peewee is loaded long before.
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from mentordesk.db import base, integrity, migrations
from mentordesk.db.base import close_database
from mentordesk.paths import data_file
from mentordesk.services.errors import DataFileError
from mentordesk.services.storage import open_data_dir


def _run(script: str, folder: Path) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script), str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _existing_data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    open_data_dir(folder)
    close_database()
    return folder


def test_reads_need_no_peewee_and_writes_share_the_connection(tmp_path: Path) -> None:
    folder = _existing_data(tmp_path)
    out = _run("""
        import sys
        from pathlib import Path
        from mentordesk.db import base, integrity
        from mentordesk.db.rows import rows
        from mentordesk.services import preferences
        from mentordesk.services.storage import open_data_dir

        path = open_data_dir(Path(sys.argv[1]), questions=False)
        assert rows("SELECT COUNT(*) FROM mentee") == [(0,)]
        assert preferences.get("goal_review_weeks") == 6
        print("peewee before:", "peewee" in sys.modules)
        plain = base.connection()

        from mentordesk.services.mentees import MenteeData, create_mentee  # peewee loads, takes over
        from mentordesk.db.orm import database
        print("same connection:", database.connection() is plain and base.connection() is plain)
        create_mentee(MenteeData(name="Zoë Ngũgĩ"))
        preferences.put("goal_review_weeks", 8)
        print("rows see it:", rows("SELECT name FROM mentee"), preferences.get("goal_review_weeks"))
        base.close_database()
        print("clean close noted:", integrity.trusted_check(path) is not None)
    """, folder)
    assert "peewee before: False" in out
    assert "same connection: True" in out
    assert "rows see it: [('Zoë Ngũgĩ',)] 8" in out
    assert "clean close noted: True" in out
    open_data_dir(folder)
    try:
        from mentordesk.db.models import Mentee

        assert [m.name for m in Mentee.select()] == ["Zoë Ngũgĩ"]
    finally:
        close_database()


def test_peewee_first_loaded_on_another_thread(tmp_path: Path) -> None:
    """The daily backup may be the first to need the models, on its worker thread: the worker
    gets a connection of its own and the window's thread keeps the one it opened."""
    folder = _existing_data(tmp_path)
    out = _run("""
        import sys, threading
        from pathlib import Path
        from mentordesk.db import base, integrity
        from mentordesk.services.storage import open_data_dir

        path = open_data_dir(Path(sys.argv[1]), questions=False)
        plain = base.connection()
        seen = []

        def worker():
            from mentordesk.db.orm import database
            seen.append(database.connection() is not plain)
            base.close_database()  # closes the worker's own connection only, as peewee does
            seen.append(base.open_path() == path)

        thread = threading.Thread(target=worker)
        thread.start()
        thread.join()
        print("still open for every thread:", base.open_path() == path)
        from mentordesk.db.models import Mentee
        from mentordesk.db.orm import database
        print("worker had its own:", seen == [True, True])
        print("main thread keeps it:", database.connection() is plain, Mentee.select().count())
        base.close_database()
        print("clean close noted:", integrity.trusted_check(path) is not None)
    """, folder)
    assert "still open for every thread: True" in out
    assert "worker had its own: True" in out
    assert "main thread keeps it: True 0" in out
    assert "clean close noted: True" in out


def test_a_closed_start_without_peewee_notes_a_clean_close(tmp_path: Path) -> None:
    """The command line's check before the window opens and closes the file without peewee."""
    folder = _existing_data(tmp_path)
    out = _run("""
        import sys
        from pathlib import Path
        from mentordesk.db import integrity
        from mentordesk.services.storage import close_data, open_data_dir

        path = open_data_dir(Path(sys.argv[1]), questions=False)
        close_data()
        print("peewee:", "peewee" in sys.modules, "noted:", integrity.trusted_check(path) is not None)
    """, folder)
    assert "peewee: False noted: True" in out


def test_a_failed_migration_closes_the_file_without_a_clean_close(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A step that fails (here: the disk says no) leaves no open file and no note of a clean
    close, so the next start reads the file through; the mentor gets a DataFileError."""
    folder = tmp_path / "data"

    def fails(*_args: Any, **_kwargs: Any) -> int:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrations, "migrate", fails)
    with pytest.raises(DataFileError, match="disk I/O error"):
        open_data_dir(folder)
    assert base.open_path() is None
    assert not integrity.note_path(data_file(folder)).exists()
    monkeypatch.undo()
    open_data_dir(folder)  # nothing was left holding it
    close_database()
