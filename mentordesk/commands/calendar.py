"""``calendar`` exports the next agreed meetings as an iCalendar (.ics) file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    calendar = commands.add_parser(
        "calendar", parents=[common], help="export the next meetings as an .ics calendar file",
        description="Export the next meeting agreed with MENTEE, or with every active mentee, as an "
                    "iCalendar file that calendar programs import. Entries carry a neutral title with "
                    "the mentee's initials and no notes.")
    calendar.add_argument("mentee", metavar="MENTEE", nargs="?",
                          help="one mentee (full name, unique prefix or id); all active ones if left out")
    calendar.add_argument("--out", metavar="FILE.ics", required=True, type=Path, help="the file to write")
    calendar.set_defaults(handler=_cmd_calendar)


def _cmd_calendar(args: argparse.Namespace) -> int:
    from mentordesk.services.calendar_export import export_calendar
    from mentordesk.services.mentees import find_mentee

    mentee_id = find_mentee(args.mentee).id if args.mentee else None
    count = export_calendar(args.out, mentee_id)
    print(f"{count} meeting{'s' if count != 1 else ''} written to {args.out}")
    return 0
