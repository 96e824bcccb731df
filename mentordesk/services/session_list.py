"""All sessions across mentees, a page at a time, in any order the Sessions area asks for.

``sessions.list_sessions`` reads every matching row; on a busy career (30,000
sessions) that takes a second. The Sessions area instead counts the rows and
reads one page at a time, sorted by the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from peewee import fn

from mentordesk.db.models import ActionItem, Mentee, Session
from mentordesk.services.errors import ValidationError
from mentordesk.services.sessions import SessionSummary, held_within, summaries

SORT_KEYS = ("held_on", "mentee", "format", "open_actions", "wellbeing")


@dataclass(frozen=True)
class SessionFilter:
    """Which sessions to show: one mentee or all, within [start, end] (either may be open)."""

    mentee_id: str | None = None
    start: date | None = None
    end: date | None = None


def _filtered(query: Any, where: SessionFilter) -> Any:
    if where.start and where.end and where.start > where.end:
        raise ValidationError("The first date of the range comes after the last one.")
    if where.mentee_id:
        query = query.where(Session.mentee == where.mentee_id)
    return held_within(query, where.start, where.end)


def count_sessions(where: SessionFilter = SessionFilter()) -> int:  # noqa: B008 — frozen, immutable
    """How many sessions the filter lets through."""
    return int(_filtered(Session.select(), where).count())


def _open_count() -> Any:
    return (ActionItem.select(fn.COUNT(ActionItem.id))
            .where(ActionItem.session == Session.id, ActionItem.done_on.is_null()))


def _ordering(sort_key: str, descending: bool) -> list[Any]:
    if sort_key not in SORT_KEYS:
        raise ValidationError(f"Sessions cannot be sorted by “{sort_key}”.")
    column: Any = {
        "held_on": Session.held_on,
        "mentee": Mentee.name_key,
        "format": Session.format,
        "open_actions": fn.COALESCE(_open_count(), 0),
        "wellbeing": fn.COALESCE(Session.wellbeing_score, 0),  # "no check" sorts below 1
    }[sort_key]
    first = column.desc() if descending else column.asc()
    # Ties keep the newest meeting first and an order that pages never shuffle.
    tail = [] if sort_key == "held_on" else [Session.held_on.desc()]
    return [first, *tail, Session.id.desc() if descending else Session.id.asc()]


def page_of_sessions(where: SessionFilter = SessionFilter(), *,  # noqa: B008 — frozen, immutable
                     sort_key: str = "held_on", descending: bool = True,
                     offset: int = 0, limit: int = 200) -> list[SessionSummary]:
    """One page of session summaries in the asked order (newest first by default)."""
    if offset < 0 or limit < 1:
        raise ValidationError("A page starts at 0 and holds at least one session.")
    # Sort and skip over narrow rows (id and the sort column) first, then read the page's
    # notes: sorting 30,000 whole sessions with their text is ten times slower.
    page = (_filtered(Session.select(Session.id).join(Mentee), where)
            .order_by(*_ordering(sort_key, descending)).offset(offset).limit(limit))
    ids = [session_id for (session_id,) in page.tuples()]
    if not ids:
        return []
    found = {r.id: r for r in Session.select(Session, Mentee.name).join(Mentee).where(Session.id.in_(ids))}
    return summaries([found[i] for i in ids if i in found])


@dataclass(frozen=True)
class MenteeChoice:
    id: str
    name: str
    status: str


def mentee_choices() -> list[MenteeChoice]:
    """Every mentee (closed ones too) for the Sessions filter, by name."""
    query = (Mentee.select(Mentee.id, Mentee.name, Mentee.status)
             .order_by(Mentee.name_key, Mentee.name))
    return [MenteeChoice(id=i, name=n, status=s) for i, n, s in query.tuples()]
