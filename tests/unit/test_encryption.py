"""Encryption at rest: unreadable without the passphrase, lossless on, change and off, private files, CLI."""

from __future__ import annotations

import io
import sqlite3
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from mentordesk import cli
from mentordesk.db.base import close_database
from mentordesk.db.cipher import PassphraseNeededError, WrongPassphraseError
from mentordesk.paths import data_file
from mentordesk.services import backups, encryption, exchange, mentees, sessions
from mentordesk.services.errors import ValidationError
from mentordesk.services.storage import open_data_dir

SECRET = "Zürich, 我的密码 'quoted'"
OTHER = "another long passphrase"
NOTE = "Burnout after the zephyrine rota"


def _fill() -> None:
    mentee = mentees.create_mentee(mentees.MenteeData(name="Łucja Wróblewska", role="Registrar"))
    sessions.save_session(sessions.SessionData(mentee_id=mentee.id, held_on=datetime(2026, 3, 2, 9, 0),
                                               listening=NOTE))


def _document() -> dict[str, Any]:
    document = exchange.build_document()
    document.pop("exported_at")
    return document


def _not_readable_by_sqlite(path: Path) -> None:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    finally:
        conn.close()
    assert NOTE.encode("utf-8") not in path.read_bytes()


def _assert_private(folder: Path) -> None:
    for path in folder.rglob("*"):
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


@pytest.fixture
def encrypted(db: Path) -> Path:
    """The test data file with a mentee and a note, encrypted with SECRET."""
    _fill()
    encryption.encrypt(db, SECRET)
    return db


def test_encrypted_file_and_backups_are_unreadable_without_the_passphrase(encrypted: Path) -> None:
    """The data file, a backup and the daily copy cannot be read by plain sqlite3 and hold no note text."""
    assert encryption.is_encrypted(encrypted)
    daily = backups.daily_backup_if_due(encrypted)
    assert daily is not None
    made = backups.backup_now(encrypted, encrypted.parent / "copy.sqlite3")
    close_database()
    for path in (encrypted, made, daily.path):
        assert encryption.is_encrypted(path)
        _not_readable_by_sqlite(path)


def test_wrong_or_missing_passphrase_is_a_clear_error(encrypted: Path) -> None:
    """A wrong passphrase raises the project's error with a plain message; none at all says it is needed."""
    close_database()
    with pytest.raises(WrongPassphraseError, match=r"^The passphrase is not right\.$"):
        open_data_dir(encrypted.parent, "not the one")
    with pytest.raises(PassphraseNeededError, match="encrypted"):
        open_data_dir(encrypted.parent)
    open_data_dir(encrypted.parent, SECRET)
    assert mentees.get_mentee(mentees.find_mentee("Łucja").id).name == "Łucja Wróblewska"


def test_on_change_off_keep_all_data_and_private_files(db: Path) -> None:
    """Turning encryption on, changing the passphrase and turning it off keep the full export identical."""
    _fill()
    old_backup = backups.backup_now(db)  # a plain copy made before encryption was turned on
    before = _document()
    assert encryption.encrypt(db, SECRET) == 1
    assert encryption.is_encrypted(db) and encryption.is_encrypted(old_backup)
    _not_readable_by_sqlite(old_backup)
    assert _document() == before
    _assert_private(db.parent)
    encryption.change_passphrase(db, SECRET, OTHER)
    close_database()
    open_data_dir(db.parent, OTHER)
    assert _document() == before
    _assert_private(db.parent)
    encryption.decrypt(db, OTHER)
    assert not encryption.is_encrypted(db)
    close_database()
    open_data_dir(db.parent)
    assert _document() == before
    _assert_private(db.parent)
    assert not [p for p in db.parent.iterdir() if p.name.endswith((".encrypting", ".decrypting"))]


def test_changes_need_the_current_passphrase(encrypted: Path) -> None:
    """Changing or turning off with a wrong current passphrase changes nothing."""
    with pytest.raises(WrongPassphraseError):
        encryption.change_passphrase(encrypted, "wrong", OTHER)
    with pytest.raises(WrongPassphraseError):
        encryption.decrypt(encrypted, "wrong")
    assert encryption.is_encrypted(encrypted)
    close_database()
    open_data_dir(encrypted.parent, SECRET)


def test_new_passphrase_rules() -> None:
    """Too short, or typed differently twice, is refused with a readable message."""
    with pytest.raises(ValidationError, match="at least"):
        encryption.check_new_passphrase("short")
    with pytest.raises(ValidationError, match="not the same"):
        encryption.check_new_passphrase("long enough one", "long enough two")
    encryption.check_new_passphrase("long enough one", "long enough one")


def test_backup_before_a_change_restores_with_the_old_passphrase(encrypted: Path) -> None:
    """A copy made before a passphrase change is restored with the passphrase in use then."""
    before = _document()
    old_copy = backups.backup_now(encrypted, encrypted.parent / "old.sqlite3")
    encryption.change_passphrase(encrypted, SECRET, OTHER)
    mentees.create_mentee(mentees.MenteeData(name="Added later"))
    with pytest.raises(WrongPassphraseError, match="in use when the copy was made"):
        backups.restore(encrypted, old_copy)
    with pytest.raises(WrongPassphraseError):
        backups.restore(encrypted, old_copy, "wrong")
    backups.restore(encrypted, old_copy, SECRET)
    assert _document() == before
    # The restored data file keeps the current passphrase.
    close_database()
    open_data_dir(encrypted.parent, OTHER)
    assert _document() == before


def test_cli_with_and_without_the_passphrase(encrypted: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Headless commands read MENTORDESK_PASSPHRASE; without it (no terminal) they end with one line, exit 2."""
    close_database()
    folder = str(encrypted.parent)
    monkeypatch.delenv("MENTORDESK_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO())  # not a terminal
    capsys.readouterr()
    assert cli.main(["--data-dir", folder, "mentees"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"mentordesk: The data file {data_file(encrypted.parent)} is encrypted: "
                   "set MENTORDESK_PASSPHRASE or run from a terminal."]
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", "wrong")
    assert cli.main(["--data-dir", folder, "mentees"]) == 2
    assert capsys.readouterr().err.strip() == "mentordesk: The passphrase is not right."
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", SECRET)
    assert cli.main(["--data-dir", folder, "mentees"]) == 0
    assert "Łucja Wróblewska" in capsys.readouterr().out


def test_cli_plain_export_of_encrypted_file_needs_confirmation(encrypted: Path, tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`export` of an encrypted data file refuses without --plain-text-ok and writes with it."""
    close_database()
    monkeypatch.setenv("MENTORDESK_PASSPHRASE", SECRET)
    out = tmp_path / "all.json"
    capsys.readouterr()
    assert cli.main(["--data-dir", str(encrypted.parent), "export", "--out", str(out)]) == 2
    assert "--plain-text-ok" in capsys.readouterr().err
    assert not out.exists()
    assert cli.main(["--data-dir", str(encrypted.parent), "export", "--out", str(out), "--plain-text-ok"]) == 0
    assert NOTE in out.read_text("utf-8")


def test_damaged_encrypted_file_is_not_taken_for_a_wrong_passphrase(encrypted: Path) -> None:
    """A short text file is refused as not a database, not met with a passphrase prompt."""
    close_database()
    text = encrypted.parent / "notes.sqlite3"
    text.write_text("Dear diary")
    assert not encryption.is_encrypted(text)
