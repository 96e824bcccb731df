"""``prep`` writes the prep sheet PDF for the next meeting with one mentee."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    prep = commands.add_parser(
        "prep", parents=[common], help="write the prep sheet (PDF) for the next meeting with a mentee",
        description="Write the prep sheet for the next meeting with MENTEE: one A4 page to print and "
                    "write on. MENTEE is a full name, a unique prefix (case and accents do not matter) "
                    "or an id. Private remarks and referrals are never on it.")
    prep.add_argument("mentee", metavar="MENTEE")
    prep.add_argument("--out", metavar="FILE.pdf", required=True, type=Path, help="the PDF to write")
    prep.add_argument("--include-wellbeing", action="store_true",
                      help="show the wellbeing score and its trend (off by default: a printed sheet "
                           "can be seen by others)")
    prep.set_defaults(handler=_cmd_prep)


def _cmd_prep(args: argparse.Namespace) -> int:
    from mentordesk.reports.prep_sheet import write_prep_sheet
    from mentordesk.services.mentees import find_mentee
    from mentordesk.services.mentor import get_profile
    from mentordesk.services.prep import prepare

    mentee = find_mentee(args.mentee)
    data = prepare(mentee.id)
    path = write_prep_sheet(data, args.out, include_wellbeing=args.include_wellbeing,
                            author=get_profile().name)
    print(f"Prep sheet for {data.name} written to {path}")
    return 0
