"""When a data file must be read through for damage before it is opened.

A full check (``PRAGMA quick_check``) reads every page of the file: a fifth of a
second on a whole career of notes, on every start. A file that MentorDesk closed
cleanly itself, and that has not changed since, does not need it again. So a
clean close writes the file's size, modification time and inode beside it
(``<data file>-closed``, owner-only), and the next open checks the file in full
only when:

- there is no such note, or it does not match the file any more (another program,
  a copy, a restore, a crash after writes that reached the file);
- a write-ahead log is left beside the file (the last session did not close
  cleanly, or another one is still open);
- the last full check is older than ``FULL_CHECK_EVERY``.

Damage to a file at rest (a failing disk) is also caught by the daily backup,
which checks each copy it makes (services/backups.py).
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

FULL_CHECK_EVERY = timedelta(days=7)


def note_path(path: Path) -> Path:
    return Path(f"{path}-closed")


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _identity(path: Path) -> dict[str, int]:
    stat = path.stat()
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "inode": stat.st_ino}


def _read_note(path: Path) -> dict[str, object] | None:
    try:
        note = json.loads(note_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return note if isinstance(note, dict) else None


def last_full_check(path: Path) -> datetime | None:
    """When the file was last read through in full, if a note of a clean close says so and still fits."""
    note = _read_note(path)
    if note is None or Path(f"{path}-wal").exists():
        return None
    try:
        if {key: note.get(key) for key in ("size", "mtime_ns", "inode")} != _identity(path):
            return None
        checked = datetime.fromisoformat(str(note["checked_at"]))
    except (OSError, KeyError, ValueError):
        return None
    return checked if checked.tzinfo is None else None  # MentorDesk writes naive UTC times


def trusted_check(path: Path, now: datetime | None = None) -> datetime | None:
    """The last full check a clean close noted, if it is recent enough to skip another one.

    A check noted in the future (the clock was wrong then, or is now) does not count:
    otherwise it would be carried from close to close and the weekly check never come.
    """
    checked = last_full_check(path)
    now = now or _now()
    return None if checked is None or checked > now or now - checked > FULL_CHECK_EVERY else checked


def needs_full_check(path: Path, now: datetime | None = None) -> bool:
    return trusted_check(path, now) is None


def forget(path: Path) -> None:
    """Drop the note: the next open reads the file through."""
    note_path(path).unlink(missing_ok=True)


def note_clean_close(path: Path, checked_at: datetime | None) -> None:
    """After the last connection closed: remember the file as it is now.

    ``checked_at`` is when this file was last read through in full (None: not in this
    session and not known, so no note is written). Nothing is written while a
    write-ahead log is still beside the file: another connection is open.
    """
    forget(path)
    if checked_at is None or not path.exists() or Path(f"{path}-wal").exists():
        return
    note = {**_identity(path), "checked_at": checked_at.isoformat()}
    target = note_path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(note, handle)
        os.replace(tmp, target)
    except OSError:
        tmp.unlink(missing_ok=True)  # without a note the next start checks in full: safe
