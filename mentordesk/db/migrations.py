"""Schema versions of the data file, kept in ``PRAGMA user_version``.

Each step brings the file from version N-1 to N inside one transaction,
together with its version bump. Before the first step runs on an existing
file, a consistent copy is written next to it through SQLite's backup API.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk.db import integrity
from mentordesk.services.errors import DataFileError

if TYPE_CHECKING:
    import peewee

Step = Callable[["peewee.SqliteDatabase"], None]


def _sql_file(name: str) -> Step:
    def run(db: peewee.SqliteDatabase) -> None:
        from importlib import resources  # here: opening a file in step loads none of it

        script = resources.files("mentordesk.db").joinpath("schema", name).read_text("utf-8")
        for statement in _statements(script):
            db.execute_sql(statement)

    run.__name__ = f"apply_{name}"
    return run


def _then(step: Step, function: str) -> Step:
    """A frozen SQL step followed by a data change that SQL alone cannot make."""
    def run(db: peewee.SqliteDatabase) -> None:
        from mentordesk.db import search

        step(db)
        getattr(search, function)()

    run.__name__ = f"{step.__name__}_then_{function}"
    return run


def _statements(script: str) -> list[str]:
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


# Version N is reached by STEPS[N - 1]. Append only; never edit a released step.
STEPS: list[Step] = [
    _sql_file("0001_core.sql"),
    _sql_file("0002_search.sql"),
    _sql_file("0003_lifecycle.sql"),
    _sql_file("0004_assessments.sql"),
    _sql_file("0005_journal.sql"),
    _sql_file("0006_session_date_index.sql"),
    _then(_sql_file("0007_search_keys.sql"), "renumber"),
    _sql_file("0008_dashboard_indexes.sql"),
]
LATEST = len(STEPS)

BACKUP_FOLDER = "backups"


def schema_version(db: peewee.SqliteDatabase) -> int:
    return int(db.execute_sql("PRAGMA user_version").fetchone()[0])


# Files read through in this process, by (path, size, modification time), with when:
# the window opened after the command line's check does not read a large file twice.
_checked: dict[tuple[str, int, int], datetime] = {}


def _fingerprint(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def check_openable(path: Path, passphrase: str | None = None, *, trust_clean_close: bool = False) -> datetime:
    """Look at an existing file read-only and refuse what MentorDesk must not touch.

    Returns when the file was last read through in full for damage. That is now,
    unless it was already read in this process and has not changed since, or
    (with ``trust_clean_close``) MentorDesk closed it cleanly and nothing has
    changed it since (db/integrity.py). Its version and tables are looked at always.
    An encrypted file (``passphrase`` given) is looked at through a read-only SQLCipher connection.
    """
    fingerprint = _fingerprint(path)
    checked_at = _checked.get(fingerprint)
    if checked_at is None and trust_clean_close:
        checked_at = integrity.trusted_check(path)
    full = checked_at is None
    _check(path, passphrase, full=full)
    if checked_at is None:
        checked_at = datetime.now(UTC).replace(tzinfo=None, microsecond=0)
        _checked[fingerprint] = checked_at
    return checked_at


def _check(path: Path, passphrase: str | None, *, full: bool) -> None:
    if passphrase is not None:
        from mentordesk.db import cipher

        _judge(path, *cipher.check_openable(path, passphrase, full=full))
        return
    # Even a read-only connection to a WAL file creates -wal and -shm beside it and
    # leaves them there. With no -wal present every committed page is in the main
    # file, so it can be read as immutable, which creates nothing.
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    uri = f"{path.absolute().as_uri()}?mode=ro{immutable}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=1.0)
    except sqlite3.Error as exc:
        raise DataFileError(f"The data file {path} cannot be read: {exc}.") from exc
    try:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        check = conn.execute("PRAGMA quick_check").fetchone()[0] if full else "ok"
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise DataFileError(f"The data file {path} is locked by another program.") from exc
        raise DataFileError(f"The data file {path} is damaged or not a MentorDesk database.") from exc
    finally:
        conn.close()
    _judge(path, version, tables, check)


def _judge(path: Path, version: int, tables: set[str], check: str) -> None:
    if check != "ok":
        raise DataFileError(f"The data file {path} is damaged ({check}).")
    if version > LATEST:
        raise DataFileError(
            f"The data file {path} was written by a newer MentorDesk (data version {version}; "
            f"this program knows up to {LATEST}). Please update MentorDesk."
        )
    if version == 0 and tables:
        raise DataFileError(f"The data file {path} is a database, but not a MentorDesk one.")
    if version > 0 and "mentee" not in tables:
        raise DataFileError(f"The data file {path} is a database, but not a MentorDesk one.")


def backup_before_migration(db: peewee.SqliteDatabase, path: Path, version: int) -> Path:
    from mentordesk.db.base import backup_to
    from mentordesk.paths import ensure_private_dir

    folder = ensure_private_dir(path.parent / BACKUP_FOLDER)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return backup_to(db, folder / f"{path.stem}-v{version}-before-migration-{stamp}{path.suffix}")


def migrate(db: peewee.SqliteDatabase, path: Path | None = None, *, target: int = LATEST) -> int:
    """Bring the open database up to ``target``; return the version it had before."""
    start = schema_version(db)
    if start > LATEST:
        raise DataFileError(f"The data file was written by a newer MentorDesk (version {start}).")
    if start < target and start > 0 and path is not None:
        backup_before_migration(db, path, start)
    for version in range(start + 1, target + 1):
        with db.atomic():
            STEPS[version - 1](db)
            db.execute_sql(f"PRAGMA user_version = {version}")
    return start
