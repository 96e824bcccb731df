"""Encryption of the data file at rest with a passphrase (SQLCipher): turn on, change, turn off.

Turning encryption on or off cannot be done in place (``PRAGMA rekey`` only changes
an existing key): a NEW file is written beside the data file with ``ATTACH`` and
``sqlcipher_export()``, checked (``integrity_check`` and the row count of every
table equal to the original's), and swapped in with ``os.replace`` while the
app's connection is closed; stale -wal/-shm files are removed and the data file
is opened again. Changing the passphrase re-keys the open file.

When encryption is turned on, the copies already in ``backups/`` are encrypted
with the same passphrase too, so no plain copy is left in the data folder.
Copies in the mentor's second folder are not touched (the drive may be away).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from mentordesk.db import base, cipher, migrations
from mentordesk.db.base import close_database, current_passphrase, open_database
from mentordesk.paths import OWNER_ONLY_FILE
from mentordesk.services.errors import DataFileError, MentorDeskError, ValidationError

MIN_LENGTH = 8
NOT_RECOVERABLE = ("If you forget the passphrase, nobody can open your notes again — not you, "
                   "not MentorDesk's makers. There is no reset. Write it down somewhere safe.")


class EncryptionError(MentorDeskError):
    """Encryption could not be turned on, changed or turned off; the data file is as it was."""


# A wrong passphrase, or none where one is needed: the errors a passphrase prompt answers by asking again.
PASSPHRASE_ERRORS = (cipher.WrongPassphraseError, cipher.PassphraseNeededError)
WrongPassphraseError = cipher.WrongPassphraseError
PassphraseNeededError = cipher.PassphraseNeededError


def passphrase_matches(passphrase: str) -> bool:
    """Whether ``passphrase`` is the one the open data file was opened with (to unlock the window)."""
    current = current_passphrase()
    import hmac  # here: the window's start needs no hashing

    return current is not None and hmac.compare_digest(current.encode("utf-8"), passphrase.encode("utf-8"))


def data_file_is_protected() -> bool:
    """Whether the open data file is encrypted (the idle lock applies only then)."""
    return current_passphrase() is not None


def is_encrypted(path: Path) -> bool:
    """Whether the file at ``path`` is an encrypted (SQLCipher) data file."""
    return cipher.is_encrypted(path)


def check_new_passphrase(passphrase: str, repeated: str | None = None) -> None:
    """Rules for a new passphrase: long enough, typed the same twice."""
    if len(passphrase) < MIN_LENGTH:
        raise ValidationError(f"Choose a passphrase of at least {MIN_LENGTH} characters.")
    if passphrase != passphrase.strip():
        raise ValidationError("The passphrase begins or ends with a space; remove it to avoid surprises.")
    if "\x00" in passphrase:
        raise ValidationError("A passphrase cannot contain a NUL character.")
    if repeated is not None and repeated != passphrase:
        raise ValidationError("The two passphrases are not the same. Type them again.")


def _open_path() -> Path:
    path = base.open_path()
    if path is None:
        raise EncryptionError("No data file is open.")
    return path


def _check_is_open(path: Path) -> None:
    if _open_path().resolve() != path.resolve():
        raise EncryptionError(f"{path} is not the data file that is open.")


def _verify_current(path: Path, passphrase: str) -> None:
    if current_passphrase() != passphrase:
        # The open connection has the key; compare against it, not against a new slow open.
        raise cipher.WrongPassphraseError()


def _source_connection(path: Path, passphrase: str | None) -> Any:
    if passphrase is None:
        conn = cipher.dbapi().connect(str(path), timeout=5.0)
        conn.execute("PRAGMA cipher_log_level = NONE")
        return conn
    return cipher.connect(path, passphrase)


def _counts(conn: Any, schema: str = "main") -> dict[str, int]:
    names = [row[0] for row in conn.execute(f"SELECT name FROM {schema}.sqlite_master WHERE type='table'")]
    return {name: int(conn.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0])
            for name in names}


def export_copy(source: Path, source_key: str | None, target: Path, target_key: str | None) -> None:
    """Write ``source`` to the new file ``target`` with ``target_key`` (None: plain) and check it.

    Raises EncryptionError (and leaves no ``target``) when the copy is not complete and sound.
    """
    target.unlink(missing_ok=True)
    try:
        conn = _source_connection(source, source_key)
        conn.isolation_level = None
        try:
            conn.execute("ATTACH DATABASE ? AS converted KEY ?", (str(target), target_key or ""))
            conn.execute("BEGIN")  # one consistent read of the source for the export and the counts
            expected = _counts(conn)
            version = int(conn.execute("PRAGMA user_version").fetchone()[0])
            conn.execute("SELECT sqlcipher_export('converted')")
            # sqlcipher_export copies schema and rows, not the schema version.
            conn.execute(f"PRAGMA converted.user_version = {version}")
            conn.execute("COMMIT")
            conn.execute("DETACH DATABASE converted")
        finally:
            conn.close()
        target.chmod(OWNER_ONLY_FILE)
        check = cipher.connect(target, target_key) if target_key else cipher.dbapi().connect(str(target))
        try:
            result = check.execute("PRAGMA integrity_check").fetchone()[0]
            found = _counts(check)
            found_version = int(check.execute("PRAGMA user_version").fetchone()[0])
        finally:
            check.close()
    except cipher.db_errors(OSError, DataFileError) as exc:
        _remove(target)
        raise EncryptionError(f"Nothing was changed: the new copy could not be written ({exc}).") from exc
    if result != "ok" or found != expected or found_version != version:
        _remove(target)
        raise EncryptionError("Nothing was changed: the new copy did not match the data file.")


def _remove(path: Path) -> None:
    for name in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        name.unlink(missing_ok=True)


def _swap(path: Path, new_file: Path, passphrase: str | None) -> None:
    """Close the app's connection, put ``new_file`` in place of ``path`` and open it again."""
    close_database()
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(new_file, path)
    open_database(path, passphrase=passphrase)


def encrypt(path: Path, passphrase: str) -> int:
    """Turn encryption on for the open, plain data file ``path``; returns how many backups were encrypted."""
    _check_is_open(path)
    if is_encrypted(path):
        raise EncryptionError("The data file is encrypted already.")
    check_new_passphrase(passphrase)
    new_file = path.with_name(path.name + ".encrypting")
    export_copy(path, None, new_file, passphrase)
    _swap(path, new_file, passphrase)
    return encrypt_plain_backups(path.parent / migrations.BACKUP_FOLDER, passphrase)


def decrypt(path: Path, passphrase: str) -> None:
    """Turn encryption off for the open, encrypted data file ``path`` (``passphrase`` is its current one)."""
    _check_is_open(path)
    if not is_encrypted(path):
        raise EncryptionError("The data file is not encrypted.")
    _verify_current(path, passphrase)
    new_file = path.with_name(path.name + ".decrypting")
    export_copy(path, passphrase, new_file, None)
    _swap(path, new_file, None)


def change_passphrase(path: Path, old: str, new: str) -> None:
    """Give the open, encrypted data file ``path`` a new passphrase (``PRAGMA rekey``).

    Backups made before keep the old passphrase.
    """
    _check_is_open(path)
    if not is_encrypted(path):
        raise EncryptionError("The data file is not encrypted; turn encryption on instead.")
    _verify_current(path, old)
    check_new_passphrase(new)
    db = base.database.obj
    if not cipher.is_cipher_database(db):
        raise EncryptionError("The open data file is not encrypted.")
    try:
        db.rekey(new)
    except cipher.dbapi().Error as exc:
        raise EncryptionError(f"The passphrase could not be changed ({exc}).") from exc
    # Reopen to prove the new key opens the file (and to start from a clean connection).
    close_database()
    open_database(path, passphrase=new)


def encrypt_plain_backups(folder: Path, passphrase: str) -> int:
    """Encrypt, in place, every plain SQLite copy in the backups folder; returns how many."""
    done = 0
    if not folder.is_dir():
        return done
    for backup in sorted(folder.iterdir()):
        if not backup.is_file() or backup.suffix != ".sqlite3" or is_encrypted(backup):
            continue
        with backup.open("rb") as handle:
            if handle.read(len(cipher.PLAIN_HEADER)) != cipher.PLAIN_HEADER:
                continue
        new_file = backup.with_name(backup.name + ".encrypting")
        export_copy(backup, None, new_file, passphrase)
        os.replace(new_file, backup)
        done += 1
    return done
