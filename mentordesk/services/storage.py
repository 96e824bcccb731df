"""Opening the mentor's data folder: the one way the window and the commands reach the data."""

from __future__ import annotations

from pathlib import Path

from mentordesk.db.base import close_database, open_database
from mentordesk.paths import data_file, ensure_private_dir


def open_data_dir(folder: Path, passphrase: str | None = None, *, questions: bool = True) -> Path:
    """Make sure the folder is usable and private, open (or create) its data file, and
    bring its schema up to date. Returns the data file's path.

    An encrypted data file needs its ``passphrase`` (PassphraseNeededError without
    one, WrongPassphraseError with a wrong one: both DataFileError).
    Raises DataLocationError or DataFileError, whose text can be shown as it is.
    Without ``questions`` the caller brings the shipped question bank in itself
    (``sync_questions``: the window does so once it is shown).
    """
    ensure_private_dir(folder)
    path = data_file(folder)
    open_database(path, passphrase=passphrase)
    if questions:
        sync_questions()
    return path


def sync_questions() -> None:
    """The shipped question bank, with the same ids in every data file (a read when in step)."""
    from mentordesk.services.questions import sync_builtin_questions

    sync_builtin_questions()


def close_data() -> None:
    close_database()
