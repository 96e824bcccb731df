"""The full read-through for damage at start: skipped only after MentorDesk's own clean close.

(db/integrity.py: the note of a clean close; damaged files refused at start are in
test_bad_data_files.py.)
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.db import integrity, migrations
from mentordesk.services import backups
from mentordesk.services.encryption import WrongPassphraseError, encrypt
from mentordesk.services.errors import DataFileError
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.sample_data import fill_demo
from mentordesk.services.storage import close_data, open_data_dir


@pytest.fixture
def full_checks(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[bool]]:
    """Each look at the file before opening it, True when it read the file through."""
    seen: list[bool] = []
    real = migrations._check

    def spy(path: Path, passphrase: str | None, *, full: bool) -> None:
        seen.append(full)
        real(path, passphrase, full=full)

    monkeypatch.setattr(migrations, "_check", spy)
    # Every open below stands for a new start of the program.
    monkeypatch.setattr(migrations, "_checked", {})
    yield seen
    close_data()


def _reopen(folder: Path) -> Path:
    migrations._checked.clear()  # a new process remembers nothing
    return open_data_dir(folder)


def _made(folder: Path, *, demo: bool = False) -> Path:
    path = open_data_dir(folder)
    fill_demo() if demo else create_mentee(MenteeData(name="Ana Núñez"))
    close_data()
    return path


def _damaged_at_rest(data_dir: Path) -> Path:
    """A data file, closed cleanly, with pages gone bad and its modification time as it was."""
    path = _made(data_dir, demo=True)
    held = path.stat()
    page = 4096
    with path.open("r+b") as handle:
        pages = handle.seek(0, os.SEEK_END) // page
        for number in (pages // 2, pages // 2 + 1, pages - 2):
            handle.seek(number * page)
            handle.write(bytes(range(256)) * (page // 256))
    os.utime(path, ns=(held.st_atime_ns, held.st_mtime_ns))
    return path


def test_a_clean_close_spares_the_next_start_the_read_through(data_dir: Path, full_checks: list[bool]) -> None:
    path = _made(data_dir)
    note = integrity.note_path(path)
    assert note.is_file() and stat.S_IMODE(note.stat().st_mode) == 0o600
    assert not Path(f"{path}-wal").exists()
    _reopen(data_dir)
    assert full_checks == [False]
    assert not note.exists()  # while open, a crash must lead to a full check
    close_data()
    assert note.is_file()
    _reopen(data_dir)
    assert full_checks == [False, False]


def test_a_file_changed_by_another_program_is_read_through(data_dir: Path, full_checks: list[bool]) -> None:
    path = _made(data_dir)
    with sqlite3.connect(path) as other:
        other.execute("PRAGMA journal_mode = delete")
        other.execute("UPDATE mentee SET name = 'Ana Núñez García'")
    other.close()
    _reopen(data_dir)
    assert full_checks == [True]


def test_a_log_left_beside_the_file_means_a_read_through(data_dir: Path, full_checks: list[bool]) -> None:
    """A session that did not close cleanly leaves its write-ahead log: the next start checks in full."""
    path = _made(data_dir)
    assert integrity.last_full_check(path) is not None
    Path(f"{path}-wal").write_bytes(b"")
    assert integrity.last_full_check(path) is None
    _reopen(data_dir)
    assert full_checks == [True]


def test_a_damaged_or_foreign_note_means_a_read_through(data_dir: Path, full_checks: list[bool]) -> None:
    path = _made(data_dir)
    integrity.note_path(path).write_text("{not json", encoding="utf-8")
    _reopen(data_dir)
    close_data()
    integrity.note_path(path).write_text('["a list"]', encoding="utf-8")
    _reopen(data_dir)
    assert full_checks == [True, True]


def test_at_least_one_read_through_a_week(data_dir: Path, full_checks: list[bool]) -> None:
    path = _made(data_dir)
    checked = integrity.last_full_check(path)
    assert checked is not None
    assert not integrity.needs_full_check(path, now=checked + integrity.FULL_CHECK_EVERY)
    assert integrity.needs_full_check(path, now=checked + integrity.FULL_CHECK_EVERY + timedelta(seconds=1))
    # The time of the last read-through is carried from one clean close to the next, not renewed.
    _reopen(data_dir)
    close_data()
    assert integrity.last_full_check(path) == checked


def test_an_encrypted_file_still_needs_its_passphrase(data_dir: Path, full_checks: list[bool]) -> None:
    path = open_data_dir(data_dir)
    create_mentee(MenteeData(name="Ana Núñez"))
    encrypt(path, "correct horse battery")
    close_data()
    assert integrity.last_full_check(path) is not None
    migrations._checked.clear()
    with pytest.raises(WrongPassphraseError):
        open_data_dir(data_dir, "wrong horse")
    migrations._checked.clear()
    open_data_dir(data_dir, "correct horse battery")
    assert full_checks[-1] is False


def test_damage_at_rest_is_found_by_the_daily_backup(data_dir: Path, full_checks: list[bool]) -> None:
    """Pages gone bad without the file's time changing (a failing disk) are not seen at start,
    so the daily backup reads its copy through: the damaged copy is not kept, the mentor is
    told, and the next start reads the file through and refuses it."""
    path = _damaged_at_rest(data_dir)
    _reopen(data_dir)
    assert full_checks == [False]
    with pytest.raises(backups.DamagedDataError, match="looks damaged"):
        backups.daily_backup_if_due(path, now=datetime(2026, 3, 16, 20, 0))
    assert list(backups.backup_folder(path).glob("mentordesk-*.sqlite3")) == []
    assert not integrity.note_path(path).exists()
    close_data()
    with pytest.raises(DataFileError, match="damaged"):
        _reopen(data_dir)
    assert full_checks[-1] is True


def test_a_check_noted_in_the_future_does_not_count(data_dir: Path, full_checks: list[bool]) -> None:
    """A clock that was ahead must not put off the weekly read-through for ever."""
    import json

    path = _made(data_dir)
    note = json.loads(integrity.note_path(path).read_text(encoding="utf-8"))
    note["checked_at"] = "2099-01-01T00:00:00"
    integrity.note_path(path).write_text(json.dumps(note), encoding="utf-8")
    assert integrity.needs_full_check(path)
    _reopen(data_dir)
    assert full_checks == [True]


def test_a_backup_made_by_hand_is_checked_too(data_dir: Path, full_checks: list[bool]) -> None:
    """File → Back up now (or ``mentordesk backup``) makes the day's copy: it is read through as
    the daily one would be, so damage is not missed on a day the mentor backs up by hand."""
    path = _damaged_at_rest(data_dir)
    _reopen(data_dir)
    with pytest.raises(backups.DamagedDataError):
        backups.backup_now(path)
    assert list(backups.backup_folder(path).glob("mentordesk-*.sqlite3")) == []
    assert not integrity.note_path(path).exists()


def test_a_copy_damaged_on_its_way_blames_the_backup_disk_not_the_data(
        db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When only the copy is bad (the data file reads through sound) the copy is dropped and
    the mentor is told the data is fine; the note of a clean close is kept."""
    real = backups._integrity

    def copy_fails(path: Path, message: str, passphrase: str | None = None, **kwargs: object) -> None:
        if path != db:
            raise backups.BackupError(f"{message} (bad sector on the backup disk).")
        real(path, message, passphrase, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(backups, "_integrity", copy_fails)
    with pytest.raises(backups.BackupError, match="the data file itself is sound") as raised:
        backups.daily_backup_if_due(db, now=datetime(2026, 3, 16, 20, 0))
    assert not isinstance(raised.value, backups.DamagedDataError)
    folder = backups.backup_folder(db)
    assert list(folder.glob("mentordesk-*.sqlite3")) == [] and list(folder.glob("*.part")) == []
    close_data()
    assert integrity.note_path(db).is_file()


def test_the_daily_copy_joins_the_backups_only_once_checked(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked under its temporary name: a start quit in the middle of the check leaves no
    unchecked copy among the backups (and the next start makes the day's copy again)."""
    seen: list[tuple[str, bool]] = []
    real = backups.check_copy

    def spy(data_file: Path, copy: Path) -> None:
        seen.append((copy.suffix, copy.with_suffix("").exists()))
        real(data_file, copy)

    monkeypatch.setattr(backups, "check_copy", spy)
    result = backups.daily_backup_if_due(db, now=datetime(2026, 3, 16, 20, 0))
    assert result is not None and result.path.is_file()
    assert seen == [(".part", False)]
