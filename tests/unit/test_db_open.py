"""Opening the data file: permissions, pragmas, migrations, refusals, models against the schema."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest

import mentordesk.db
from mentordesk.db import migrations
from mentordesk.db.base import close_database, database, open_database
from mentordesk.db.models import Mentee
from mentordesk.paths import data_file
from mentordesk.services.errors import DataFileError
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.storage import open_data_dir


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _snapshot(path: Path) -> tuple[bytes, int, list[str]]:
    """The bytes and mtime of a file, and what lies next to it."""
    return path.read_bytes(), path.stat().st_mtime_ns, sorted(os.listdir(path.parent))


@pytest.fixture
def closed_after() -> Iterator[None]:
    yield
    close_database()


def test_open_creates_private_folder_and_files(db: Path) -> None:
    """The data folder is created 0700 and the data file and its WAL companions are owner-only."""
    create_mentee(MenteeData(name="Ada Example"))  # a write, so the -wal and -shm files exist
    assert _mode(db.parent) == 0o700
    assert _mode(db) == 0o600
    companions = [Path(f"{db}-wal"), Path(f"{db}-shm")]
    assert all(p.exists() for p in companions)
    for path in companions:
        assert _mode(path) & 0o077 == 0, f"{path.name} is readable by others"


def test_pragmas_are_on(db: Path) -> None:
    """The database runs in WAL mode with foreign keys enforced and a busy timeout."""
    assert database.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert database.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
    assert database.execute_sql("PRAGMA busy_timeout").fetchone()[0] > 0


def test_new_file_is_at_latest_version(db: Path) -> None:
    """A freshly created data file has the newest schema version."""
    assert migrations.schema_version(database.obj) == migrations.LATEST


def test_file_from_version_1_is_migrated_after_a_backup(data_dir: Path, closed_after: None) -> None:
    """A version-1 file is backed up with the backup API, migrated to LATEST, and keeps its data."""
    data_dir.mkdir(mode=0o700)
    path = data_file(data_dir)
    raw = peewee.SqliteDatabase(str(path))
    raw.connect()
    migrations.migrate(raw, path, target=1)
    raw.execute_sql(
        "INSERT INTO mentee (id, name, name_key, role, specialty, organisation, email, new_in_post, status,"
        " notes, strengths, aspirations, match_origin, shared_interests, proximity, aligned_values,"
        " closure_reflection, created_at, updated_at) VALUES ('11111111-2222-4333-8444-555555555555',"
        " 'Łucja Żmijewska', 'lucja zmijewska', '', '', '', '', 0, 'active', '', '', '', 'programme',"
        " '', '', '', '', '2024-01-01 10:00:00', '2024-01-01 10:00:00')"
    )
    assert migrations.schema_version(raw) == 1
    raw.close()

    open_data_dir(data_dir)
    assert migrations.schema_version(database.obj) == migrations.LATEST
    mentee = Mentee.get_by_id("11111111-2222-4333-8444-555555555555")
    assert mentee.name == "Łucja Żmijewska"

    backups = list((data_dir / migrations.BACKUP_FOLDER).iterdir())
    assert len(backups) == 1
    assert _mode(backups[0]) == 0o600
    with sqlite3.connect(f"{backups[0].absolute().as_uri()}?mode=ro", uri=True) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert copy.execute("PRAGMA user_version").fetchone()[0] == 1
        assert copy.execute("SELECT name FROM mentee").fetchall() == [("Łucja Żmijewska",)]
    copy.close()


def test_file_from_a_newer_version_is_refused_unchanged(data_dir: Path) -> None:
    """A data file written by a newer MentorDesk is refused, and neither it nor its folder changes."""
    path = open_data_dir(data_dir)
    create_mentee(MenteeData(name="Ada Example"))
    database.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    close_database()
    before = _snapshot(path)
    with pytest.raises(DataFileError, match="newer MentorDesk"):
        open_data_dir(data_dir)
    assert _snapshot(path) == before
    assert not Path(f"{path}-wal").exists()
    assert not Path(f"{path}-shm").exists()


def test_foreign_sqlite_database_is_refused_unchanged(data_dir: Path) -> None:
    """An SQLite database from another program is not a MentorDesk file and is left alone."""
    data_dir.mkdir(mode=0o700)
    path = data_file(data_dir)
    with sqlite3.connect(path) as other:
        other.execute("CREATE TABLE recipes (name TEXT)")
        other.execute("INSERT INTO recipes VALUES ('bigos')")
    other.close()
    before = _snapshot(path)
    with pytest.raises(DataFileError, match="not a MentorDesk one"):
        open_data_dir(data_dir)
    assert _snapshot(path) == before


@pytest.mark.parametrize("content", [b"", b"Dear diary,\nnot a database.\n", b"SQLite format 3\x00" + b"\xff" * 200],
                         ids=["empty", "text", "damaged"])
def test_unusable_file_is_refused_unchanged(data_dir: Path, content: bytes) -> None:
    """An empty file, a text file or a damaged database is refused with DataFileError and not touched."""
    data_dir.mkdir(mode=0o700)
    path = data_file(data_dir)
    path.write_bytes(content)
    before = _snapshot(path)
    with pytest.raises(DataFileError):
        open_database(path)
    assert _snapshot(path) == before


def _all_models() -> list[type[peewee.Model]]:
    """Every peewee model defined anywhere in mentordesk.db."""
    found: dict[str, type[peewee.Model]] = {}
    for info in pkgutil.iter_modules(mentordesk.db.__path__, "mentordesk.db."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, peewee.Model)
                    and value.__module__ == module.__name__ and value._meta.fields
                    and not getattr(value._meta, "abstract", False)):
                found[value._meta.table_name] = value
    return list(found.values())


def test_models_match_the_migrated_schema(db: Path) -> None:
    """Every model's columns are exactly the columns the migrations create, so they cannot drift apart."""
    models = _all_models()
    assert {"mentee", "session", "action_item", "agreement", "goal"} <= {m._meta.table_name for m in models}
    tables = {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master WHERE type='table'")}
    checked = 0
    for model in models:
        table = model._meta.table_name
        if table in {"base_model", "uuid_model"} and table not in tables:
            continue  # abstract bases without a table
        assert table in tables, f"model {model.__name__} has no table {table!r}"
        columns = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')}
        fields = {field.column_name for field in model._meta.sorted_fields}
        assert fields == columns, f"{model.__name__}: model {sorted(fields)} != table {sorted(columns)}"
        checked += 1
    assert checked >= 8
