"""``mentordesk report MENTEE --out FILE.pdf``: a mentee's progress report, without a window."""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    report = commands.add_parser(
        "report", parents=[common], help="write a mentee's progress report (PDF)",
        description="Write a progress report for one mentee as a PDF. MENTEE is a full name, a "
                    "unique prefix (case and accents do not matter) or an id. Private remarks, "
                    "wellbeing and the referral log are left out unless asked for; when any is "
                    "included, every page is marked as containing private information.")
    report.add_argument("mentee", metavar="MENTEE")
    report.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    report.add_argument("--from", dest="date_from", metavar="DATE",
                        help="first day of the period, YYYY-MM-DD (default: when the "
                             "relationship began)")
    report.add_argument("--to", dest="date_to", metavar="DATE",
                        help="last day of the period, YYYY-MM-DD (default: today)")
    report.add_argument("--include-private", action="store_true",
                        help="include the private remarks of each meeting")
    report.add_argument("--include-wellbeing", action="store_true",
                        help="include wellbeing scores, signals and notes")
    report.add_argument("--include-referrals", action="store_true",
                        help="include the referral log")
    report.add_argument("--sections", choices=("all", "challenge", "summary"), default="all",
                        help="per meeting: all four moves, only encouragement and challenge, or "
                             "a summary line (default: all)")
    report.add_argument("--page-size", choices=("A4", "Letter"), default="A4",
                        type=lambda value: {"a4": "A4", "letter": "Letter"}.get(value.lower(), value),
                        help="paper size (default: A4)")
    report.set_defaults(handler=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mentordesk.services.mentees import find_mentee
    from mentordesk.services.progress_report import ReportOptions, check_options, write_report
    from mentordesk.services.validation import parse_date

    options = check_options(ReportOptions(
        date_from=parse_date(args.date_from, "--from"),
        date_to=parse_date(args.date_to, "--to"),
        sections=args.sections,
        include_private=args.include_private,
        include_wellbeing=args.include_wellbeing,
        include_referrals=args.include_referrals,
    ))
    mentee = find_mentee(args.mentee)
    out = Path(args.out).expanduser()
    report = write_report(mentee.id, options, out, page_size=args.page_size)
    count = len(report.meetings)
    print(f"Wrote {out} ({count} meeting{'' if count == 1 else 's'}, "
          f"{report.period_start.isoformat()} to {report.period_end.isoformat()}).")
    return 0
