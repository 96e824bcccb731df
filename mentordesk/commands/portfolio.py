"""``mentordesk portfolio --from DATE --to DATE --out FILE.pdf``: the mentor's own portfolio."""

from __future__ import annotations

import argparse
import sys
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    portfolio = commands.add_parser(
        "portfolio", parents=[common], help="write your mentoring portfolio for appraisal (PDF)",
        description="Write your mentoring portfolio for a period: mentees as counts, meetings and "
                    "hours, closures, your self-assessment trend, your development plan, and the "
                    "reflections you choose. No mentee is named. Small counts that could identify "
                    "someone, and chosen reflections that mention a mentee, are reported on stderr.")
    portfolio.add_argument("--from", dest="date_from", metavar="DATE", required=True,
                           help="first day of the period, YYYY-MM-DD")
    portfolio.add_argument("--to", dest="date_to", metavar="DATE", required=True,
                           help="last day of the period, YYYY-MM-DD")
    portfolio.add_argument("--out", metavar="FILE.pdf", required=True, help="where to write the PDF")
    portfolio.add_argument("--csv", metavar="FILE.csv", help="also write the figures as CSV")
    portfolio.add_argument("--reflection", metavar="ID", action="append", default=[],
                           help="include this journal entry in full (repeat for more; its link to a "
                                "mentee is never printed)")
    portfolio.set_defaults(handler=_cmd_portfolio)


def _cmd_portfolio(args: argparse.Namespace) -> int:
    from pathlib import Path

    from mentordesk.services.errors import ValidationError
    from mentordesk.services.portfolio_report import check_destination, gather, save_portfolio
    from mentordesk.services.validation import parse_date

    start = parse_date(args.date_from, "--from")
    end = parse_date(args.date_to, "--to")
    assert start is not None and end is not None  # both are required options
    if start > end:
        raise ValidationError(f"--from {start.isoformat()} is after --to {end.isoformat()}.")
    out = Path(args.out).expanduser()
    csv_out = Path(args.csv).expanduser() if args.csv else None
    for path in (out, csv_out):
        if path is not None:
            check_destination(path)
    document = gather(start, end, reflection_ids=tuple(dict.fromkeys(args.reflection)))
    for warning in document.portfolio.warnings:
        print(f"mentordesk: warning: {warning}", file=sys.stderr)
    save_portfolio(document, out, csv_out)
    written = f"{out} and {csv_out}" if csv_out else str(out)
    print(f"Wrote {written} ({start.isoformat()} to {end.isoformat()}).")
    return 0
