"""Backups: consistent owner-only copies, the daily rotation, the second folder, and restoring safely."""

from __future__ import annotations

import os
import sqlite3
import stat
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk import cli
from mentordesk.db import migrations
from mentordesk.db.base import database
from mentordesk.db.models import Mentee
from mentordesk.services import backups
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.storage import close_data, open_data_dir


def _names(path: Path) -> list[str]:
    with sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True) as conn:
        names = [row[0] for row in conn.execute("SELECT name FROM mentee ORDER BY name")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return names


def test_backup_now_is_a_consistent_private_copy(db: Path) -> None:
    """A backup holds what was committed, is owner-only, and lands in the rotation folder."""
    create_mentee(MenteeData(name="Ana Núñez"))
    path = backups.backup_now(db)
    assert path.parent == db.parent / "backups"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert _names(path) == ["Ana Núñez"]


def test_daily_backup_runs_once_a_day_with_its_own_connection(db: Path) -> None:
    """The daily backup is made when due, not twice the same day, and works from another thread."""
    import threading

    create_mentee(MenteeData(name="Ana Núñez"))
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.append(backups.daily_backup_if_due(db)))
    worker.start()
    worker.join()
    first = results[0]
    assert isinstance(first, backups.BackupResult) and _names(first.path) == ["Ana Núñez"]
    assert backups.daily_backup_if_due(db) is None


def test_rotation_keeps_7_daily_4_weekly_6_monthly(tmp_path: Path) -> None:
    """A year of daily copies is pruned to the newest of 7 days, 4 weeks and 6 months."""
    folder = tmp_path / "backups"
    folder.mkdir()
    today = date(2026, 3, 16)
    for back in range(400):
        moment = datetime.combine(today - timedelta(days=back), datetime.min.time()) + timedelta(hours=20)
        (folder / backups.rotation_name(moment)).write_bytes(b"x")
    (folder / "mentordesk-v3-before-migration-20250101-100000.sqlite3").write_bytes(b"keep")
    backups.prune(folder, today)
    kept = sorted(p.name for p in folder.iterdir())
    dated = [datetime.strptime(n[len("mentordesk-"):-len(".sqlite3")], "%Y-%m-%d-%H%M%S").date()
             for n in kept if not n.startswith("mentordesk-v3")]
    assert "mentordesk-v3-before-migration-20250101-100000.sqlite3" in kept
    assert {today - timedelta(days=n) for n in range(7)} <= set(dated)
    assert len({d.isocalendar()[:2] for d in dated}) >= 4
    assert len({(d.year, d.month) for d in dated}) == 6
    assert len(dated) <= 7 + 4 + 6


def test_second_folder_gets_a_copy_and_a_reminder_when_stale(db: Path, tmp_path: Path) -> None:
    """With a second folder chosen, the daily backup copies there; an old or missing copy is reminded."""
    drive = tmp_path / "usb"
    drive.mkdir()
    create_mentee(MenteeData(name="Ana Núñez"))
    backups.set_second_folder(drive)
    assert backups.copy_reminder(db) is not None  # nothing copied yet
    result = backups.daily_backup_if_due(db, now=datetime(2026, 3, 1, 9, 0))
    assert result is not None and result.second_copy is not None and result.second_problem is None
    assert _names(result.second_copy) == ["Ana Núñez"]
    assert backups.last_copy_age_days(db, today=date(2026, 3, 11)) == 10
    os.rename(drive, tmp_path / "unplugged")
    later = backups.daily_backup_if_due(db, now=datetime(2026, 3, 2, 9, 0))
    assert later is not None and later.second_problem and "not available" in later.second_problem
    assert backups.last_copy_age_days(db, today=date(2026, 3, 30)) == 29


def test_restore_brings_back_the_copy_and_keeps_the_current_file(db: Path) -> None:
    """Restore replaces the data with the backup, after backing up the current file; the file reopens."""
    create_mentee(MenteeData(name="Ana Núñez"))
    copy = backups.backup_now(db)
    create_mentee(MenteeData(name="Written after the backup"))
    safety = backups.restore(db, copy)
    assert [m.name for m in Mentee.select()] == ["Ana Núñez"]
    assert sorted(_names(safety)) == ["Ana Núñez", "Written after the backup"]
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert not list(db.parent.glob("*.restoring"))
    create_mentee(MenteeData(name="Still writable"))


def _refused_restore(folder: Path, source: Path, capsys: pytest.CaptureFixture[str]) -> str:
    data = folder / "mentordesk.sqlite3"
    before = data.read_bytes()
    code = cli.main(["--data-dir", str(folder), "restore", str(source)])
    err = capsys.readouterr().err
    assert code == 2 and len(err.splitlines()) == 1 and err.startswith("mentordesk: "), err
    assert data.read_bytes() == before
    return err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    open_data_dir(path)
    create_mentee(MenteeData(name="Ana Núñez"))
    close_data()
    return path


def test_restore_refuses_a_file_that_is_not_a_mentordesk_database(folder: Path, tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """A text file, an empty file or another program's database is refused and nothing changes."""
    text = tmp_path / "notes.txt"
    text.write_text("Dear diary")
    assert "not a MentorDesk database" in _refused_restore(folder, text, capsys)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    assert "Not restored" in _refused_restore(folder, empty, capsys)
    other = tmp_path / "recipes.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.close()
    assert "not a MentorDesk one" in _refused_restore(folder, other, capsys)


def test_restore_refuses_a_backup_from_a_newer_version(folder: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """A backup written by a newer MentorDesk is refused with one line."""
    newer = tmp_path / "newer.sqlite3"
    open_data_dir(folder)
    backups.backup_now(folder / "mentordesk.sqlite3", newer)
    close_data()
    with sqlite3.connect(newer) as conn:
        conn.execute(f"PRAGMA user_version = {migrations.LATEST + 1}")
    conn.close()
    assert "newer MentorDesk" in _refused_restore(folder, newer, capsys)


def test_cli_backup_prints_the_path_and_restore_round_trips(folder: Path, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk backup` prints where the copy went; `restore` of it brings that state back."""
    assert cli.main(["--data-dir", str(folder), "backup"]) == 0
    path = Path(capsys.readouterr().out.strip())
    assert path.is_file() and path.parent == folder / "backups"
    out = tmp_path / "chosen.sqlite3"
    assert cli.main(["--data-dir", str(folder), "backup", "--out", str(out)]) == 0
    assert _names(out) == ["Ana Núñez"]
    open_data_dir(folder)
    create_mentee(MenteeData(name="Later"))
    close_data()
    assert cli.main(["--data-dir", str(folder), "restore", str(out)]) == 0
    open_data_dir(folder)
    try:
        assert [m.name for m in Mentee.select()] == ["Ana Núñez"]
        assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        close_data()
