"""The one database of MentorDesk and the function that opens it.

Every model binds to ``database``, a peewee ``DatabaseProxy``: it is initialised
once per process by ``open_database`` (and can later hold an encrypted
SQLCipher database without any model changing).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import peewee

from mentordesk.db import integrity
from mentordesk.paths import OWNER_ONLY_FILE, make_owner_only
from mentordesk.services.errors import DataFileError

database = peewee.DatabaseProxy()
# The open data file and when it was last read through for damage (db/integrity.py).
_opened: list[tuple[Path, datetime] | None] = [None]
_note_lock = threading.Lock()

BUSY_TIMEOUT_MS = 5000
PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",
    "busy_timeout": BUSY_TIMEOUT_MS,
    "secure_delete": 1,
    "cache_size": -16000,  # 16 MB
    "temp_store": "memory",
}


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """A naive UTC timestamp, as the program stores its own record times."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def open_database(path: Path, *, migrate: bool = True,
                  passphrase: str | None = None) -> peewee.SqliteDatabase:
    """Open (creating if needed) the data file at ``path`` and bind every model to it.

    A file that is empty, not a database, damaged, locked or from a newer
    MentorDesk raises DataFileError and is left exactly as it was. An encrypted
    file opens through SQLCipher with ``passphrase`` (db/cipher.py); without one,
    or with a wrong one, it raises PassphraseNeededError / WrongPassphraseError.
    A passphrase given for a plain file is not used.
    """
    from mentordesk.db import cipher, migrations

    existed = path.exists()
    if existed:
        if path.is_dir():
            raise DataFileError(f"{path} is a folder, not a MentorDesk data file.")
        if path.stat().st_size == 0:
            raise DataFileError(f"The data file {path} is empty; it is not a MentorDesk database.")
        if not os.access(path, os.R_OK | os.W_OK):
            raise DataFileError(f"The data file {path} cannot be changed: permission denied.")
        encrypted = cipher.is_encrypted(path)
        if not encrypted and not _looks_like_sqlite(path):
            raise DataFileError(f"The data file {path} is not a MentorDesk database.")
        if encrypted and passphrase is None:
            raise cipher.PassphraseNeededError(f"The data file {path} is encrypted: a passphrase is needed.")
    key = passphrase if existed and encrypted else None
    checked_at = utc_now()  # a new file is sound
    if existed:
        # Look before touching: a read-only connection cannot change a foreign file.
        checked_at = migrations.check_openable(path, key, trust_clean_close=True)
    elif not os.access(path.parent, os.W_OK):
        raise DataFileError(f"The data file cannot be created in {path.parent}: permission denied.")
    db: peewee.SqliteDatabase
    if key is not None:
        db = cipher.open_cipher(path, key, PRAGMAS, BUSY_TIMEOUT_MS / 1000)
    else:
        db = peewee.SqliteDatabase(str(path), pragmas=PRAGMAS, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            db.connect()
        except peewee.DatabaseError as exc:
            raise DataFileError(f"The data file {path} cannot be opened: {exc}.") from exc
    secure_files(path)
    integrity.forget(path)  # until this session closes cleanly
    _opened[0] = (path, checked_at)
    database.initialize(db)
    if migrate:
        try:
            migrations.migrate(db, path)
        except Exception:
            db.close()
            raise
    return db


def close_database() -> None:
    """Close the data file; closed cleanly, it need not be read through for damage next time."""
    obj = database.obj
    if obj is not None and not obj.is_closed():
        obj.close()
        with _note_lock:  # not while the daily backup's check finds the file damaged (distrust)
            opened, _opened[0] = _opened[0], None
            if opened is not None:
                integrity.note_clean_close(*opened)


def distrust(path: Path) -> None:
    """``path`` was found damaged while open: no note of a clean close, so the next start reads it through."""
    with _note_lock:
        opened = _opened[0]
        if opened is not None and opened[0].resolve() == path.resolve():
            _opened[0] = None
        integrity.forget(path)


def current_passphrase() -> str | None:
    """The passphrase of the open data file (None when it is not encrypted), for its own extra connections."""
    obj = database.obj
    if obj is None:
        return None
    value = getattr(obj, "connect_params", {}).get("passphrase")
    return str(value) if value else None


def _companion_files(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def secure_files(path: Path) -> None:
    """Owner-only permission on the data file and its WAL companions."""
    for name in _companion_files(path):
        make_owner_only(name)


@contextmanager
def transaction() -> Iterator[None]:
    """One write, all or nothing."""
    with database.atomic():
        yield


def backup_to(source: peewee.SqliteDatabase, target: Path) -> Path:
    """A consistent copy of a live database through SQLite's backup API."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    passphrase = getattr(source, "connect_params", {}).get("passphrase")
    fd_target: Any
    if passphrase:
        # An encrypted database is copied into an encrypted file with the same key.
        from mentordesk.db import cipher

        fd_target = cipher.new_connection(tmp, str(passphrase))
    else:
        fd_target = sqlite3.connect(str(tmp))
    try:
        source.connection().backup(fd_target)
    finally:
        fd_target.close()
    tmp.chmod(OWNER_ONLY_FILE)
    tmp.replace(target)
    return target
