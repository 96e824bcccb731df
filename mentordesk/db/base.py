"""The one database of MentorDesk and the function that opens it.

Every model binds to ``database``, a peewee ``DatabaseProxy`` (db/orm.py): it is
initialised by ``open_database`` (and can hold an encrypted SQLCipher database
without any model changing). A plain data file is opened with the standard
``sqlite3`` module and peewee loads on first use, taking over that connection:
the window's first screen needs no peewee (``connection()`` and db/rows.py).
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.db import integrity
from mentordesk.paths import OWNER_ONLY_FILE, make_owner_only
from mentordesk.services.errors import DataFileError

if TYPE_CHECKING:
    import peewee

    from mentordesk.db.orm import database as database

# The open data file and when it was last read through for damage (db/integrity.py).
_opened: list[tuple[Path, datetime] | None] = [None]
_open_file: list[Path | None] = [None]  # the open data file, whoever opened it
_note_lock = threading.Lock()
_ORM = "mentordesk.db.orm"


class _PlainFile:
    """A plain data file opened with ``sqlite3``, until peewee takes the connection over."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.thread = threading.get_ident()
        self.handed = False  # to peewee (db/orm.py), which closes it from then on


_plain: list[_PlainFile | None] = [None]


def __getattr__(name: str) -> Any:
    """``database`` loads peewee (and binds the open data file) on first use."""
    if name == "database":
        from mentordesk.db.orm import database

        return database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _orm_database() -> peewee.Database | None:
    """The database the models are bound to, if peewee is loaded at all."""
    orm = sys.modules.get(_ORM)
    return orm.database.obj if orm is not None else None


def hand_over_to_orm() -> None:
    """Called by db/orm.py when it loads: bind the models to the plain file open now."""
    plain = _plain[0]
    if plain is not None:
        _take_over(plain)


def _take_over(plain: _PlainFile) -> None:
    from mentordesk.db import orm

    path = _open_file[0]
    assert path is not None  # set with the plain file, both cleared on closing
    plain.handed = True
    orm.take_over(path, plain.connection, plain.thread)


def open_path() -> Path | None:
    """The data file that is open now, or None: for every thread (peewee's own "is it
    closed?" answers for the asking thread only)."""
    return _open_file[0]


def connection() -> Any:
    """The open data file's DB-API connection for this thread: the plain one open_database
    made until peewee has taken it over, else peewee's."""
    plain = _plain[0]
    if plain is not None and not plain.handed and plain.thread == threading.get_ident():
        return plain.connection
    from mentordesk.db.orm import database

    return database.connection()


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
    import uuid  # here: the window's start makes no records

    return str(uuid.uuid4())


def utc_now() -> datetime:
    """A naive UTC timestamp, as the program stores its own record times."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


def open_database(path: Path, *, migrate: bool = True, passphrase: str | None = None) -> None:
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
    _plain[0] = None
    plain: _PlainFile | None = None
    if key is not None:
        from mentordesk.db import orm

        db = cipher.open_cipher(path, key, PRAGMAS, BUSY_TIMEOUT_MS / 1000)
        orm.database.initialize(db)
        conn = db.connection()
    else:
        conn = _connect_plain(path)
        _plain[0] = plain = _PlainFile(conn)
    _open_file[0] = path
    try:
        if plain is not None and _ORM in sys.modules:  # peewee is loaded already: it takes over now
            _take_over(plain)
        secure_files(path)
        integrity.forget(path)  # until this session closes cleanly
        _opened[0] = (path, checked_at)
        if migrate and int(conn.execute("PRAGMA user_version").fetchone()[0]) != migrations.LATEST:
            # A new file or an older version: the steps run through peewee.
            from mentordesk.db import orm

            migrations.migrate(orm.database.obj, path)
    except BaseException as exc:
        _close(clean=False)  # no note of a clean close: the next start reads the file through
        loaded = sys.modules.get("peewee")  # (its errors, if it was loaded)
        if isinstance(exc, (sqlite3.DatabaseError, *((loaded.PeeweeException,) if loaded else ()))):
            raise DataFileError(f"The data file {path} cannot be opened: {exc}.") from exc
        raise


def _connect_plain(path: Path) -> sqlite3.Connection:
    """A connection as peewee makes it (autocommit; transactions are explicit), with the pragmas."""
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise DataFileError(f"The data file {path} cannot be opened: {exc}.") from exc
    try:
        for name, value in PRAGMAS.items():
            conn.execute(f"PRAGMA {name} = {value}")
    except sqlite3.Error as exc:
        conn.close()
        raise DataFileError(f"The data file {path} cannot be opened: {exc}.") from exc
    return conn


def close_database() -> None:
    """Close the data file; closed cleanly, it need not be read through for damage next time."""
    _close(clean=True)


def _close(*, clean: bool) -> None:
    obj = _orm_database()
    closed = obj is not None and bool(obj.close())  # this thread's peewee connection, if open
    plain = _plain[0]
    if plain is not None and plain.thread != threading.get_ident():
        return  # another thread closes only its own connection, as peewee does: the file stays open
    _plain[0] = None
    if plain is not None:
        plain.connection.close()  # also if peewee has it: closing twice is harmless
        closed = True
    _open_file[0] = None
    with _note_lock:  # not while the daily backup's check finds the file damaged (distrust)
        opened, _opened[0] = _opened[0], None
        if closed and clean and opened is not None:
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
    obj = _orm_database()  # an encrypted file is always opened through peewee
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
    from mentordesk.db.orm import database

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
