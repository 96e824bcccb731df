"""Commands about the roster: ``mentees`` lists it, ``show`` prints one mentee."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    roster = commands.add_parser("mentees", parents=[common], help="list the mentees, one a line",
                                 description="List the mentees, one a line: name, status, id prefix. "
                                             "Closed mentees are left out unless asked for.")
    roster.add_argument("--all", action="store_true", help="include closed mentees")
    roster.add_argument("--status", action="append", metavar="STATUS",
                        choices=("prospective", "active", "paused", "closed"),
                        help="only mentees with this status (prospective, active, paused, closed); "
                             "may be repeated")
    roster.set_defaults(handler=_cmd_mentees)

    show = commands.add_parser("show", parents=[common], help="print one mentee's profile",
                               description="Print one mentee's profile. MENTEE is a full name, a unique "
                                           "prefix (case and accents do not matter) or an id.")
    show.add_argument("mentee", metavar="MENTEE")
    show.set_defaults(handler=_cmd_show)


def _cmd_mentees(args: argparse.Namespace) -> int:
    from mentordesk.services.mentees import list_mentees

    statuses = tuple(dict.fromkeys(args.status)) if args.status else None
    for row in list_mentees(statuses=statuses, include_closed=args.all):
        print(f"{row.name}\t{row.status}\t{row.id[:8]}")
    return 0


def _cmd_show(args: argparse.Namespace) -> int:
    from mentordesk.services.clock import today
    from mentordesk.services.mentees import STATUS_LABELS, find_mentee, list_mentees, mentee_data

    mentee = find_mentee(args.mentee)
    data = mentee_data(mentee)
    row = next((r for r in list_mentees(statuses=(mentee.status,)) if r.id == mentee.id), None)

    lines: list[tuple[str, str]] = [
        ("id", mentee.id),
        ("status", STATUS_LABELS.get(mentee.status, mentee.status)),
        ("role", data.role),
        ("specialty", data.specialty),
        ("organisation", data.organisation),
        ("e-mail", data.email),
    ]
    if data.started_post_on:
        lines.append(("in post since", _date(data.started_post_on)
                      + ("  (new in post)" if data.new_in_post else "")))
    lines.append(("tags", ", ".join(data.tags)))
    lines.append(("match", data.match_origin.replace("_", " ")))
    if row is not None:
        if row.last_met is not None:
            days = (today() - row.last_met.date()).days
            lines.append(("last met", f"{row.last_met:%Y-%m-%d %H:%M}  ({_days(days)} ago)"))
        else:
            lines.append(("last met", "not yet"))
        if row.next_on:
            lines.append(("next meeting", _date(row.next_on)))
        if row.cadence_days:
            lines.append(("cadence", f"every {row.cadence_days} days"
                          + ("  (overdue)" if row.overdue else "")))
        lines.append(("open actions", str(row.open_actions)))
    if mentee.closed_on:
        lines.append(("closed on", _date(mentee.closed_on)))
        if mentee.closure_reason:
            lines.append(("reason", mentee.closure_reason.replace("_", " ")))

    print(mentee.name)
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        if value:
            print(f"  {label.ljust(width)}  {value}")
    return 0


def _date(value: date | str) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _days(n: int) -> str:
    return "1 day" if n == 1 else f"{n} days"
