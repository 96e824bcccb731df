"""Opening a data file encrypted with SQLCipher (the ``sqlcipher3`` wheel).

An encrypted file has no readable header: its first 16 bytes are the random salt
the key is derived from, instead of SQLite's ``SQLite format 3\\0``. SQLCipher
does not check a passphrase when it connects; the first read fails with "file is
not a database". So every connection made here reads ``sqlite_master`` once at
once, and a wrong passphrase becomes the project's ``WrongPassphraseError``.
Deriving the key (PBKDF2, 256,000 rounds) costs about 0.1 s per connection.
"""

from __future__ import annotations

import functools
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentordesk.services.errors import DataFileError

if TYPE_CHECKING:
    import peewee

PLAIN_HEADER = b"SQLite format 3\x00"
WRONG_PASSPHRASE = "The passphrase is not right."
MIN_PAGE = 512  # every SQLite/SQLCipher file is a whole number of pages of at least this size


class WrongPassphraseError(DataFileError):
    """The passphrase does not open the data file (or the file is not a MentorDesk database)."""

    def __init__(self, message: str = WRONG_PASSPHRASE) -> None:
        super().__init__(message)


class PassphraseNeededError(DataFileError):
    """The data file is encrypted and no passphrase was given."""


def is_encrypted(path: Path) -> bool:
    """True for a file that looks like a SQLCipher database: no plain SQLite header, whole pages.

    A short text file or an empty file is not taken for an encrypted one, so it is
    still refused as "not a MentorDesk database" instead of asking for a passphrase.
    """
    try:
        if not path.is_file():
            return False
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except OSError:
        return False
    return size >= MIN_PAGE and size % MIN_PAGE == 0 and header != PLAIN_HEADER


def dbapi() -> Any:
    """The sqlcipher3 DB-API module, imported on first use: it loads its own SQLite and
    crypto libraries (10 ms at start), which a plain data file never needs."""
    from sqlcipher3 import dbapi2

    return dbapi2


def db_errors(*more: type[Exception]) -> tuple[type[Exception], ...]:
    """The errors of either SQLite (and ``more``), for ``except db_errors():`` (Python
    evaluates it only when something was raised, so SQLCipher is not loaded for nothing)."""
    return (sqlite3.Error, dbapi().Error, *more)


def is_cipher_database(db: object) -> bool:
    """True for a database opened by ``open_cipher`` (no SQLCipher import for a plain one)."""
    return _database_class.cache_info().currsize > 0 and isinstance(db, _database_class())


def quote(passphrase: str) -> str:
    """The passphrase as an SQL string literal (for ``PRAGMA key`` and ``ATTACH … KEY``)."""
    check_passphrase_text(passphrase)
    return "'" + passphrase.replace("'", "''") + "'"


def check_passphrase_text(passphrase: str) -> None:
    if not passphrase:
        raise WrongPassphraseError("A passphrase is needed to open the encrypted data file.")
    if "\x00" in passphrase:
        raise WrongPassphraseError("A passphrase cannot contain a NUL character.")


def _keyed(conn: Any, passphrase: str) -> None:
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {quote(passphrase)}")


def _first_read(conn: Any) -> None:
    """The cheap query that tells a wrong passphrase (SQLCipher cannot tell it earlier)."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except dbapi().DatabaseError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise DataFileError("The data file is locked by another program.") from exc
        raise WrongPassphraseError() from exc


def connect(path: Path, passphrase: str, *, uri: bool = False, timeout: float = 5.0) -> Any:
    """A plain DB-API connection (sqlcipher3) to an encrypted file, checked with the passphrase."""
    # Read-only looks open a file without a -wal as immutable, so they create no -wal/-shm beside it.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    target = f"{path.absolute().as_uri()}?mode=ro{immutable}" if uri else str(path)
    conn = dbapi().connect(target, uri=uri, timeout=timeout)
    try:
        _keyed(conn, passphrase)
        _first_read(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def new_connection(path: Path, passphrase: str) -> Any:
    """A connection to a new, empty file that will be encrypted with ``passphrase`` (backup target)."""
    conn = dbapi().connect(str(path))
    try:
        _keyed(conn, passphrase)
    except BaseException:
        conn.close()
        raise
    return conn


@functools.cache
def _database_class() -> type[peewee.SqliteDatabase]:
    """peewee's SQLCipher database with a quiet log and a passphrase checked on every connect
    (made on first use, with the sqlcipher3 import)."""
    from playhouse.sqlcipher_ext import SqlCipherDatabase

    class CipherDatabase(SqlCipherDatabase):
        def _connect(self) -> Any:
            params = dict(self.connect_params)
            passphrase = params.pop("passphrase", "")
            conn = dbapi().connect(self.database, isolation_level=None, **params)
            try:
                _keyed(conn, passphrase)
                _first_read(conn)
                self._add_conn_hooks(conn)
            except BaseException:
                conn.close()
                raise
            return conn

        def rekey(self, passphrase: str) -> bool:
            check_passphrase_text(passphrase)
            return bool(super().rekey(passphrase))

    return CipherDatabase


def open_cipher(path: Path, passphrase: str, pragmas: dict[str, Any],
                timeout: float) -> peewee.SqliteDatabase:
    """Connect to the encrypted file at ``path``; raises WrongPassphraseError or DataFileError."""
    import peewee

    check_passphrase_text(passphrase)
    db = _database_class()(str(path), passphrase=passphrase, pragmas=pragmas, timeout=timeout)
    try:
        db.connect()
    except WrongPassphraseError:
        raise
    except peewee.DatabaseError as exc:
        raise DataFileError(f"The data file {path} cannot be opened: {exc}.") from exc
    return db


def check_openable(path: Path, passphrase: str, *, full: bool = True) -> tuple[int, set[str], str]:
    """Read-only look at an encrypted file: (user_version, table names, quick_check result).

    The key is proved by reading the schema; without ``full`` the pages are not read through ("ok")."""
    conn = connect(path, passphrase, uri=True, timeout=1.0)
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = str(conn.execute("PRAGMA quick_check").fetchone()[0]) if full else "ok"
    except dbapi().DatabaseError as exc:
        raise DataFileError(f"The data file {path} is damaged or not a MentorDesk database.") from exc
    finally:
        conn.close()
    return version, tables, check
