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
    path = _made(data_dir, demo=True)
    held = path.stat()
    page = 4096
    with path.open("r+b") as handle:
        pages = handle.seek(0, os.SEEK_END) // page
        for number in (pages // 2, pages // 2 + 1, pages - 2):
            handle.seek(number * page)
            handle.write(bytes(range(256)) * (page // 256))
    os.utime(path, ns=(held.st_atime_ns, held.st_mtime_ns))
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
