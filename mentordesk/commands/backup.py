"""``backup`` and ``restore``: consistent copies of the data file, and putting one back."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

ENV_BACKUP_PASSPHRASE = "MENTORDESK_BACKUP_PASSPHRASE"


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common], help="write a consistent copy of the data file",
        description="Write a consistent copy of the data file (SQLite's backup API). Without --out it goes "
                    "into the backups folder beside the data file, where 7 daily, 4 weekly and 6 monthly "
                    "copies are kept. Prints the copy's path.")
    backup.add_argument("--out", metavar="FILE", help="write the copy to this file instead")
    backup.add_argument("--second-folder", metavar="DIR",
                        help="also choose DIR (e.g. an external drive) for a daily second copy; "
                             "an empty value forgets it")
    backup.set_defaults(handler=_cmd_backup)

    restore = commands.add_parser(
        "restore", parents=[common], help="replace the data file with a backup",
        description="Replace the data file with a backup. The current file is backed up first; a file "
                    "that is not a MentorDesk database, is damaged or is from a newer MentorDesk is "
                    "refused and nothing changes.")
    restore.add_argument("file", metavar="FILE")
    restore.epilog = ("An encrypted backup is opened with the data file's passphrase; if it was made "
                      "before a passphrase change, the passphrase in use then is asked for (or read from "
                      "$MENTORDESK_BACKUP_PASSPHRASE).")
    restore.set_defaults(handler=_cmd_restore)


def _data_file(args: argparse.Namespace) -> Path:
    from mentordesk.paths import chosen_data_dir, data_file

    return data_file(chosen_data_dir(args.data_dir, demo=args.demo))


def _cmd_backup(args: argparse.Namespace) -> int:
    from mentordesk.services import backups

    data_file = _data_file(args)
    if args.second_folder is not None:
        folder = Path(args.second_folder).expanduser() if args.second_folder else None
        backups.set_second_folder(folder)
        print(f"Second backup folder: {folder}" if folder else "Second backup folder forgotten.")
    path = backups.backup_now(data_file, Path(args.out).expanduser() if args.out else None)
    print(path)
    return 0


def _backup_passphrase(source: Path) -> str:
    import os
    import sys

    from mentordesk.services.errors import MentorDeskError

    if os.environ.get(ENV_BACKUP_PASSPHRASE):
        return os.environ[ENV_BACKUP_PASSPHRASE]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Passphrase in use when {source.name} was made: ")
    raise MentorDeskError(f"Not restored: {source.name} is encrypted with another passphrase: set "
                          f"{ENV_BACKUP_PASSPHRASE} or run from a terminal.")


def _cmd_restore(args: argparse.Namespace) -> int:
    from mentordesk.db.cipher import PassphraseNeededError, WrongPassphraseError
    from mentordesk.services import backups

    source = Path(args.file).expanduser()
    try:
        safety = backups.restore(_data_file(args), source)
    except (WrongPassphraseError, PassphraseNeededError):
        # The copy was made with another passphrase (or the data file is not encrypted).
        safety = backups.restore(_data_file(args), source, _backup_passphrase(source))
    print(f"Restored from {args.file}. The data file as it was before is kept in {safety}")
    return 0
