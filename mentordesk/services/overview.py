"""Counts for the first page the mentor sees: how many mentees, and how many need a meeting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import cast

import peewee as pw

from mentordesk.db.models import Mentee
from mentordesk.services.mentees import list_mentees


@dataclass(frozen=True)
class RosterCounts:
    active: int = 0
    paused: int = 0
    prospective: int = 0
    closed: int = 0
    overdue: int = 0
    """Active mentees not seen for longer than their agreed cadence."""

    @property
    def total(self) -> int:
        return self.active + self.paused + self.prospective + self.closed


def roster_counts() -> RosterCounts:
    query = Mentee.select(Mentee.status, pw.fn.COUNT(Mentee.id)).group_by(Mentee.status).tuples()
    by_status: dict[str, int] = dict(cast(Iterable[tuple[str, int]], query))
    overdue = sum(1 for row in list_mentees(statuses=("active",)) if row.overdue)
    return RosterCounts(
        active=by_status.get("active", 0),
        paused=by_status.get("paused", 0),
        prospective=by_status.get("prospective", 0),
        closed=by_status.get("closed", 0),
        overdue=overdue,
    )
