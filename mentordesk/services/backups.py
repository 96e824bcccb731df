"""Consistent copies of the data file: on request, once a day in a rotation, to a second folder, and back.

Every copy goes through SQLite's backup API, never a plain copy of a live file.
The daily backup (``daily_backup_if_due``) opens its own connection and touches
neither the window's connection nor Qt, so it can run on a worker thread.
Rotation in ``<data folder>/backups``: the newest copy of each of the last 7
days, 4 weeks and 6 months is kept; other rotation copies are deleted. Copies
written before a migration or a restore are named differently and never
rotated away.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentordesk.db import base, cipher, migrations
from mentordesk.db.base import (
    backup_to,
    close_database,
    current_passphrase,
    distrust,
    open_database,
)
from mentordesk.paths import OWNER_ONLY_FILE, ensure_private_dir, make_owner_only
from mentordesk.services import clock, preferences
from mentordesk.services.errors import DataFileError, MentorDeskError

KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 6
SECOND_FOLDER_KEY = "backup_second_folder"
REMINDER_DAYS_KEY = "backup_reminder_days"
DEFAULT_REMINDER_DAYS = 14
LAST_COPY_FILE = "last-copy.json"
_ROTATION = re.compile(r"^mentordesk-(\d{4}-\d{2}-\d{2}-\d{6})\.sqlite3$")
_STAMP = "%Y-%m-%d-%H%M%S"


class BackupError(MentorDeskError):
    """A backup or restore that cannot be done; the message says why."""


class DamagedDataError(BackupError):
    """The daily backup found the data file itself damaged: the mentor must be told at once."""


@dataclass(frozen=True)
class BackupResult:
    path: Path  # the new copy in the rotation folder
    second_copy: Path | None  # the copy in the mentor's second folder, when made
    second_problem: str | None  # why the second copy could not be made


def backup_folder(data_file: Path) -> Path:
    return data_file.parent / migrations.BACKUP_FOLDER


def rotation_name(moment: datetime) -> str:
    return f"mentordesk-{moment.strftime(_STAMP)}.sqlite3"


def _rotation_copies(folder: Path) -> list[tuple[datetime, Path]]:
    """Rotation copies in ``folder``, newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _ROTATION.match(path.name)
            if match:
                try:
                    found.append((datetime.strptime(match.group(1), _STAMP), path))
                except ValueError:
                    continue
    return sorted(found, reverse=True)


def _data_key(path: Path) -> str | None:
    """The passphrase for an extra connection to the data file: the open database's, when encrypted."""
    if not cipher.is_encrypted(path):
        return None
    key = current_passphrase()
    if key is None:
        raise BackupError(f"{path} is encrypted and not open with its passphrase.")
    return key


def own_connection(path: Path) -> Any:
    """A connection of this thread's own to a data file (with the open database's key when encrypted)."""
    key = _data_key(path)
    conn: Any = cipher.connect(path, key) if key else sqlite3.connect(str(path), timeout=5.0)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def copy_database(data_file: Path, target: Path, *, verify: bool = False) -> Path:
    """A consistent copy of ``data_file`` at ``target`` through the backup API, with its own connection.

    Safe on any thread: the copy is taken in one step inside a read transaction,
    so the window can keep writing (WAL) and the copy is still consistent. With
    ``verify`` the copy is read through for damage before it takes its place
    (``check_copy``), so a copy interrupted or found damaged is never one of the backups.
    """
    ensure_private_dir(target.parent)
    tmp = target.with_name(target.name + ".part")
    tmp.unlink(missing_ok=True)
    key = _data_key(data_file)
    source = own_connection(data_file)
    try:
        # A copy of an encrypted file is encrypted with the same key.
        copy = cipher.new_connection(tmp, key) if key else sqlite3.connect(str(tmp))
        try:
            source.backup(copy)
        finally:
            copy.close()
    except cipher.db_errors() as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"The backup could not be written to {target}: {exc}.") from exc
    finally:
        source.close()
    if verify:
        check_copy(data_file, tmp)
    tmp.chmod(OWNER_ONLY_FILE)
    os.replace(tmp, target)
    return target


def backup_now(data_file: Path, out: Path | None = None) -> Path:
    """Back up the open data file to ``out``, or into the rotation folder; returns the copy's path."""
    target = out or backup_folder(data_file) / rotation_name(clock.now())
    if target.exists() and target.is_dir():
        raise BackupError(f"{target} is a folder; give a file name for the backup.")
    if target.resolve() == data_file.resolve():
        raise BackupError("A backup cannot replace the data file itself.")
    if out is None:
        ensure_private_dir(target.parent)
    elif not target.parent.is_dir():
        raise BackupError(f"The folder {target.parent} does not exist.")
    try:
        backup_to(base.database.obj, target)
    except cipher.db_errors(OSError) as exc:
        raise BackupError(f"The backup could not be written to {target}: {exc}.") from exc
    check_copy(data_file, target)  # the day's backup, when it is in the rotation: it must be sound too
    if out is None:
        prune(target.parent, clock.today())
    return target


def prune(folder: Path, today: date) -> list[Path]:
    """Delete rotation copies beyond 7 daily, 4 weekly and 6 monthly ones; returns what was deleted."""
    keep: set[Path] = set()
    days: set[date] = set()
    weeks: set[tuple[int, int]] = set()
    months: set[tuple[int, int]] = set()
    copies = _rotation_copies(folder)
    for moment, path in copies:
        day = moment.date()
        week = tuple(day.isocalendar())[:2]
        month = (day.year, day.month)
        for seen, key, limit in ((days, day, KEEP_DAILY), (weeks, week, KEEP_WEEKLY),
                                 (months, month, KEEP_MONTHLY)):
            if key not in seen and len(seen) < limit:
                seen.add(key)  # type: ignore[arg-type]
                keep.add(path)
    removed = []
    for _moment, path in copies:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def _stored_setting(data_file: Path, key: str) -> object:
    """A setting read with an own connection (the daily backup may run on a worker thread)."""
    conn = own_connection(data_file)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = ?", (key,)).fetchone()
    except cipher.db_errors():
        row = None
    finally:
        conn.close()
    return json.loads(row[0]) if row else None


def daily_backup_if_due(data_file: Path, *, now: datetime | None = None) -> BackupResult | None:
    """Make today's rotation copy if there is none yet, and a copy in the second folder if one is set.

    Returns None when today's copy exists already. Uses its own connection only.
    """
    moment = now or clock.now()
    folder = ensure_private_dir(backup_folder(data_file))
    if any(taken.date() == moment.date() for taken, _ in _rotation_copies(folder)):
        return None
    path = copy_database(data_file, folder / rotation_name(moment), verify=True)
    prune(folder, moment.date())
    second = _stored_setting(data_file, SECOND_FOLDER_KEY)
    if not second:
        return BackupResult(path, None, None)
    try:
        copy = copy_to_second_folder(path, Path(str(second)), moment)
    except BackupError as error:
        return BackupResult(path, None, str(error))
    _record_copy(data_file, moment)
    return BackupResult(path, copy, None)


def check_copy(data_file: Path, copy: Path) -> None:
    """Read a new copy through for damage; a damaged one is deleted and raises.

    Damage in the copy is damage in the data file (a failing disk, say) unless the data
    file itself reads through sound, in which case only the copy is bad (BackupError).
    Damage in the data file raises DamagedDataError, and the next start reads it
    through in full. Either way a damaged copy never pushes good ones out of the rotation.
    """
    key = _data_key(data_file)
    try:
        _integrity(copy, "damaged", key, pragma="quick_check")
        return
    except BackupError as exc:
        copy.unlink(missing_ok=True)
        problem = exc
    try:
        _integrity(data_file, "damaged", key, pragma="quick_check")
    except BackupError as exc:
        distrust(data_file)
        raise DamagedDataError(
            f"The data file {data_file} looks damaged ({exc}): today's backup of it failed its check "
            "and was not kept. Restore the newest backup that opens (File → Restore…) before writing "
            "more.") from exc
    raise BackupError(f"The backup written to {copy.parent} failed its check ({problem}) and was not kept; "
                      "the data file itself is sound. The disk that holds the backups may be failing.")


def copy_to_second_folder(backup: Path, folder: Path, moment: datetime) -> Path:
    """Copy a finished backup (a closed file, so a plain copy is safe) into the mentor's second folder."""
    if not folder.is_dir():
        raise BackupError(f"The second backup folder {folder} is not available (is the drive connected?).")
    target = folder / rotation_name(moment)
    tmp = target.with_name(target.name + ".part")
    try:
        shutil.copyfile(backup, tmp)
        tmp.chmod(OWNER_ONLY_FILE)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"No copy could be written to {folder} ({exc.strerror}).") from exc
    prune(folder, moment.date())
    return target


def _record_copy(data_file: Path, moment: datetime) -> None:
    stamp = backup_folder(data_file) / LAST_COPY_FILE
    stamp.write_text(json.dumps({"at": moment.isoformat(timespec="seconds")}), encoding="utf-8")
    make_owner_only(stamp)


def set_second_folder(folder: Path | None) -> None:
    """Choose (or, with None, forget) the second folder for backups, e.g. an external drive."""
    if folder is not None:
        if not folder.is_dir():
            raise BackupError(f"{folder} is not a folder.")
        if not os.access(folder, os.W_OK):
            raise BackupError(f"The folder {folder} is not writable.")
    preferences.put(SECOND_FOLDER_KEY, str(folder) if folder is not None else None)


def second_folder() -> Path | None:
    value = preferences.get(SECOND_FOLDER_KEY)
    return Path(value) if value else None


def last_copy_age_days(data_file: Path, today: date | None = None) -> int | None:
    """Days since the last copy reached the second folder (None: never)."""
    stamp = backup_folder(data_file) / LAST_COPY_FILE
    try:
        at = datetime.fromisoformat(json.loads(stamp.read_text(encoding="utf-8"))["at"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return ((today or clock.today()) - at.date()).days


def copy_reminder(data_file: Path) -> str | None:
    """A reminder when the second folder is set but has had no copy for too long."""
    folder = second_folder()
    if folder is None:
        return None
    limit = int(preferences.get(REMINDER_DAYS_KEY) or DEFAULT_REMINDER_DAYS)
    age = last_copy_age_days(data_file)
    if age is None:
        return f"No backup has reached {folder} yet: connect it so that MentorDesk can copy there."
    if age > limit:
        return f"The last backup in {folder} is {age} days old: connect it so that MentorDesk can copy there."
    return None


# ---------------------------------------------------------------- restore


def _source_key(source: Path, passphrase: str | None) -> str | None:
    """The passphrase for a backup: the one given, else the open data file's; None for a plain copy."""
    if not cipher.is_encrypted(source):
        return None
    key = passphrase or current_passphrase()
    if key is None:
        raise cipher.PassphraseNeededError(
            f"Not restored: {source.name} is encrypted. Give the passphrase that was in use when the copy "
            "was made.")
    return key


def check_restorable(source: Path, passphrase: str | None = None) -> None:
    """Refuse a file that is not a MentorDesk database, is damaged or is from a newer MentorDesk.

    An encrypted backup is opened with ``passphrase`` (default: the open data file's); a wrong
    one raises WrongPassphraseError, none at all PassphraseNeededError.
    """
    if not source.is_file():
        raise BackupError(f"Not restored: {source} does not exist or is not a file.")
    try:
        with source.open("rb") as handle:
            header = handle.read(16)
    except OSError as exc:
        raise BackupError(f"Not restored: {source} cannot be read ({exc.strerror}).") from exc
    key = _source_key(source, passphrase)
    if key is None and header != b"SQLite format 3\x00":
        raise BackupError(f"Not restored: {source} is not a MentorDesk database.")
    try:
        migrations.check_openable(source, key)
    except cipher.WrongPassphraseError as exc:
        raise cipher.WrongPassphraseError(
            f"Not restored: the passphrase does not open {source.name}. Give the passphrase that was in use "
            "when the copy was made.") from exc
    except DataFileError as exc:
        raise BackupError(f"Not restored: {exc}") from exc
    _integrity(source, f"Not restored: {source} is damaged", key)


def _integrity(path: Path, message: str, passphrase: str | None = None, *,
               pragma: str = "integrity_check") -> None:
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    conn: Any = None
    try:
        if passphrase:  # a damaged first page reads as a wrong passphrase: damaged all the same
            conn = cipher.connect(path, passphrase, uri=True)
        else:
            conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro{immutable}", uri=True)
        result = conn.execute(f"PRAGMA {pragma}").fetchone()[0]
    except cipher.db_errors(DataFileError) as exc:
        result = str(exc)
    finally:
        if conn is not None:
            conn.close()
    if result != "ok":
        raise BackupError(f"{message} ({result}).")


def restore(data_file: Path, source: Path, passphrase: str | None = None) -> Path:
    """Replace the open data file with the backup ``source``; returns the copy made of the current file.

    An encrypted backup is read with ``passphrase`` (the one in use when it was made; by default
    the open data file's). The restored data file keeps the protection it has now: encrypted
    with the current passphrase when it is encrypted, plain when it is not.

    The current file is backed up first. Then the connection is closed, the backup is
    copied (backup API) to a temporary file beside the data file and checked, stale
    -wal/-shm files are removed, and the copy is moved into place in one step. The
    data file is open again afterwards (migrated if the backup is from an older version).
    """
    check_restorable(source, passphrase)
    source_key = _source_key(source, passphrase)
    target_key = current_passphrase() if cipher.is_encrypted(data_file) else None
    if source.resolve() == data_file.resolve():
        raise BackupError("Not restored: that is the data file itself.")
    moment = clock.now()
    safety = backup_to(base.database.obj, backup_folder(data_file) / f"mentordesk-before-restore-"
                                                                f"{moment.strftime(_STAMP)}.sqlite3")
    tmp = data_file.with_name(data_file.name + ".restoring")
    tmp.unlink(missing_ok=True)
    try:
        if source_key or target_key:
            from mentordesk.services.encryption import EncryptionError, export_copy

            try:
                export_copy(source, source_key, tmp, target_key)
            except EncryptionError as exc:
                raise BackupError(f"Not restored: {source} could not be copied ({exc}).") from exc
        else:
            _plain_copy(source, tmp)
        tmp.chmod(OWNER_ONLY_FILE)
        _integrity(tmp, "Not restored: the copied backup failed its check", target_key)
    except cipher.db_errors(OSError) as exc:
        tmp.unlink(missing_ok=True)
        raise BackupError(f"Not restored: {source} could not be copied ({exc}).") from exc
    except BackupError:
        tmp.unlink(missing_ok=True)
        raise
    close_database()
    for companion in (Path(f"{data_file}-wal"), Path(f"{data_file}-shm")):
        companion.unlink(missing_ok=True)
    os.replace(tmp, data_file)
    from mentordesk.services.questions import sync_builtin_questions

    open_database(data_file, passphrase=target_key)
    sync_builtin_questions()
    return safety


def _plain_copy(source: Path, tmp: Path) -> None:
    source_conn = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(str(tmp))
        try:
            source_conn.backup(copy)
        finally:
            copy.close()
    finally:
        source_conn.close()
