"""``erase``: delete one mentee and everything of theirs for good; ``closed``: the retention list."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    erase = commands.add_parser(
        "erase", parents=[common], help="delete one mentee and all their notes permanently",
        description="Delete one mentee permanently with everything of theirs (meetings, actions, goals, "
                    "ratings they gave, search entries). Backups keep the data until they rotate out. "
                    "Needs --yes.")
    erase.add_argument("mentee", metavar="MENTEE")
    erase.add_argument("--yes", action="store_true", help="confirm the permanent deletion")
    erase.set_defaults(handler=_cmd_erase)

    closed = commands.add_parser(
        "closed", parents=[common], help="list relationships closed longer ago than the retention period",
        description="List relationships closed longer ago than YEARS (default: the retention period "
                    "in the settings), one a line.")
    closed.add_argument("--years", type=int, metavar="YEARS")
    closed.set_defaults(handler=_cmd_closed)


def _cmd_erase(args: argparse.Namespace) -> int:
    from mentordesk.services.erasure import BACKUPS_NOTE, erase_mentee
    from mentordesk.services.errors import ValidationError
    from mentordesk.services.mentees import find_mentee

    mentee = find_mentee(args.mentee)
    if not args.yes:
        raise ValidationError(f"This would erase {mentee.name} and all their notes for good; "
                              "add --yes to confirm.")
    name = erase_mentee(mentee.id)
    print(f"Erased {name}. {BACKUPS_NOTE}")
    return 0


def _cmd_closed(args: argparse.Namespace) -> int:
    from mentordesk.services import preferences
    from mentordesk.services.erasure import closed_longer_than

    years = args.years if args.years is not None else int(preferences.get("retention_years") or 0)
    for row in closed_longer_than(years):
        print(f"{row.name}\tclosed {row.closed_on.isoformat()}\t{row.id[:8]}")
    return 0
