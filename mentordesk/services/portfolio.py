"""The mentor's mentoring portfolio for appraisal: figures for a period, never a mentee's notes.

Mentees appear only as counts unless the mentor names one (with their consent).
A count small enough to identify someone (1 or 2) is flagged before printing,
and chosen reflections are checked for names from the roster.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from mentordesk.db.assessment_models import Assessment
from mentordesk.db.models import Agreement, Mentee, Milestone, Session, StatusChange
from mentordesk.services import assessments, development_plan, journal
from mentordesk.services.errors import ValidationError
from mentordesk.services.folding import fold
from mentordesk.services.relationships import CLOSURE_LABELS

SMALL_COUNT = 3  # counts of 1 or 2 may identify a person


@dataclass(frozen=True)
class Figure:
    label: str
    value: int | float
    identifying: bool = False  # a count below SMALL_COUNT (but not 0)


@dataclass(frozen=True)
class DomainTrend:
    domain_key: str
    title: str
    means: tuple[float | None, ...]  # one per finished assessment in the period, oldest first


@dataclass(frozen=True)
class NamedMentee:
    name: str
    meetings: int
    hours: float


@dataclass(frozen=True)
class Portfolio:
    start: date
    end: date
    mentor_name: str
    by_status: tuple[Figure, ...]
    by_kind: tuple[Figure, ...]
    meetings: int
    hours: float
    meetings_without_duration: int
    tracks_completed: int
    closed_by_reason: tuple[Figure, ...]
    assessment_dates: tuple[date, ...]
    domain_trends: tuple[DomainTrend, ...]
    development_done: int
    development_open: int
    reflections: tuple[journal.Entry, ...]
    named_mentees: tuple[NamedMentee, ...] = ()
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def identifying_figures(self) -> list[Figure]:
        return [f for f in (*self.by_status, *self.by_kind, *self.closed_by_reason) if f.identifying]


def _figure(label: str, value: int) -> Figure:
    return Figure(label, value, identifying=0 < value < SMALL_COUNT)


def _status_at(day: date) -> dict[str, str]:
    """Each mentee's status at the end of ``day`` (mentees not yet begun are absent)."""
    status: dict[str, str] = {}
    query = (StatusChange.select(StatusChange.mentee, StatusChange.to_status)
             .where(StatusChange.changed_on <= day).order_by(StatusChange.changed_on, StatusChange.id))
    for mentee_id, to_status in query.tuples():
        status[mentee_id] = to_status
    return status


def _in_period(start: date, end: date) -> dict[str, str]:
    """Mentees whose relationship overlapped the period, with their status at its end."""
    at_end = _status_at(end)
    closed_before = {m for m, s in _status_at(start - timedelta(days=1)).items() if s == "closed"}
    changed_inside = {m for (m,) in StatusChange.select(StatusChange.mentee)
                      .where(StatusChange.changed_on.between(start, end)).tuples()}
    return {m: s for m, s in at_end.items() if m not in closed_before or m in changed_inside}


def _kinds(mentee_ids: list[str], end: date) -> Counter[str]:
    newest: dict[str, str] = {}
    query = (Agreement.select(Agreement.mentee, Agreement.relationship_kind, Agreement.agreed_on)
             .where(Agreement.mentee.in_(mentee_ids)).order_by(Agreement.created_at))
    for mentee_id, kind, agreed_on in query.tuples():
        if agreed_on is None or agreed_on <= end:
            newest[mentee_id] = kind or "not recorded"
    return Counter(newest.get(m, "no agreement recorded") for m in mentee_ids)


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, datetime.min.time()), datetime.combine(end + timedelta(days=1),
                                                                          datetime.min.time())


def build_portfolio(start: date, end: date, *, reflection_ids: tuple[str, ...] = (),
                    named_mentee_ids: tuple[str, ...] = (), mentor_name: str = "") -> Portfolio:
    if end < start:
        raise ValidationError("The end of the period is before its start.")
    members = _in_period(start, end)
    ids = list(members)
    low, high = _bounds(start, end)
    sessions = list(Session.select(Session.mentee, Session.duration_min)
                    .where((Session.held_on >= low) & (Session.held_on < high)).tuples())
    minutes = sum(d or 0 for _, d in sessions)
    closures = Counter(
        CLOSURE_LABELS.get(reason or "", "Reason not recorded")
        for (reason,) in StatusChange.select(StatusChange.reason)
        .where((StatusChange.to_status == "closed") & StatusChange.changed_on.between(start, end)).tuples()
    )
    tracks = 0
    by_mentee: dict[str, list[date | None]] = {}
    for mentee_id, done_on in Milestone.select(Milestone.mentee, Milestone.done_on).tuples():
        by_mentee.setdefault(mentee_id, []).append(done_on)
    for ticks in by_mentee.values():
        if ticks and all(ticks) and start <= max(d for d in ticks if d) <= end:
            tracks += 1

    finished = (Assessment.select(Assessment.id).where(
        (Assessment.rater == "self") & Assessment.completed_at.is_null(False)
        & Assessment.taken_on.between(start, end)).order_by(Assessment.taken_on))
    scores = [assessments.domain_scores(a.id) for a in finished]
    trends: list[DomainTrend] = []
    if scores:
        for domain in scores[-1].domains:
            trends.append(DomainTrend(domain.domain_key, domain.title,
                                      tuple(s.mean_of(domain.domain_key) for s in scores)))
    plan = development_plan.list_development_actions()
    done = sum(1 for a in plan if a.done_on and start <= a.done_on <= end)
    still_open = sum(1 for a in plan if a.done_on is None and a.created_at.date() <= end)

    chosen = [journal.get_entry(i) for i in reflection_ids]
    named = []
    for mentee_id in named_mentee_ids:
        mentee = Mentee.get_by_id(mentee_id)
        own = [d for m, d in sessions if m == mentee_id]
        named.append(NamedMentee(mentee.name, len(own), round(sum(d or 0 for d in own) / 60, 1)))
    portfolio = Portfolio(
        start=start, end=end, mentor_name=mentor_name,
        by_status=tuple(_figure(s.capitalize(), n) for s, n in sorted(Counter(members.values()).items())),
        by_kind=tuple(_figure(k, n) for k, n in sorted(_kinds(ids, end).items())),
        meetings=len(sessions), hours=round(minutes / 60, 1),
        meetings_without_duration=sum(1 for _, d in sessions if not d),
        tracks_completed=tracks,
        closed_by_reason=tuple(_figure(k, n) for k, n in sorted(closures.items())),
        assessment_dates=tuple(s.taken_on for s in scores), domain_trends=tuple(trends),
        development_done=done, development_open=still_open,
        reflections=tuple(chosen), named_mentees=tuple(named),
    )
    return _with_warnings(portfolio, named_mentee_ids)


def names_in_text(text: str, exclude: tuple[str, ...] = ()) -> list[str]:
    """Roster names (full, or the family name) that appear in ``text``, case- and accent-insensitive."""
    folded = fold(text)
    found = []
    for mentee_id, name in Mentee.select(Mentee.id, Mentee.name).tuples():
        if mentee_id in exclude:
            continue
        parts = [fold(name)] + [fold(p) for p in name.split()[1:] if len(p) >= 3]
        if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", folded) for p in parts if p):
            found.append(name)
    return found


def _with_warnings(portfolio: Portfolio, named: tuple[str, ...]) -> Portfolio:
    warnings = [f"“{f.label}: {f.value}” is a small count that could identify a mentee."
                for f in portfolio.identifying_figures]
    for entry in portfolio.reflections:
        text = " ".join(getattr(entry, name) for name in journal.TEXT_FIELDS)
        for name in names_in_text(text, exclude=named):
            warnings.append(f"The reflection of {entry.written_on.isoformat()} mentions {name}.")
    return Portfolio(**{**portfolio.__dict__, "warnings": tuple(warnings)})


def portfolio_csv(portfolio: Portfolio) -> str:
    """The figures as CSV (section, figure, value), for appraisal forms and spreadsheets."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "figure", "value"])
    writer.writerow(["period", "from", portfolio.start.isoformat()])
    writer.writerow(["period", "to", portfolio.end.isoformat()])
    for f in portfolio.by_status:
        writer.writerow(["mentees by status", f.label, f.value])
    for f in portfolio.by_kind:
        writer.writerow(["mentees by kind of relationship", f.label, f.value])
    writer.writerow(["meetings", "meetings held", portfolio.meetings])
    writer.writerow(["meetings", "hours", portfolio.hours])
    writer.writerow(["first hundred days", "tracks completed", portfolio.tracks_completed])
    for f in portfolio.closed_by_reason:
        writer.writerow(["relationships closed", f.label, f.value])
    for trend in portfolio.domain_trends:
        for taken_on, mean in zip(portfolio.assessment_dates, trend.means, strict=True):
            writer.writerow([f"self-assessment {taken_on.isoformat()}", trend.title,
                             "" if mean is None else f"{mean:.2f}"])
    writer.writerow(["development plan", "actions completed", portfolio.development_done])
    writer.writerow(["development plan", "actions open", portfolio.development_open])
    return out.getvalue()
