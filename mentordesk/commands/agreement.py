"""``mentordesk agreement MENTEE --out FILE.pdf``: the printable one-page agreement."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "agreement", parents=[common], help="write a mentee's one-page agreement as a PDF",
        description="Write the current mentoring agreement with MENTEE as a one-page PDF to sign "
                    "together. MENTEE is a full name, a unique prefix (case and accents do not "
                    "matter) or an id. The sheet holds the agreed terms only, never private notes.")
    parser.add_argument("mentee", metavar="MENTEE")
    parser.add_argument("--out", metavar="FILE.pdf", required=True, type=Path,
                        help="where to write the PDF")
    parser.set_defaults(handler=_cmd_agreement)


def _cmd_agreement(args: argparse.Namespace) -> int:
    from mentordesk.reports.agreement import write_agreement
    from mentordesk.services.agreement_report import agreement_sheet
    from mentordesk.services.clock import today
    from mentordesk.services.mentees import find_mentee

    mentee = find_mentee(args.mentee)
    path = write_agreement(agreement_sheet(mentee.id), args.out, prepared_on=today())
    print(path)
    return 0
