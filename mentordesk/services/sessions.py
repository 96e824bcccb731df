"""Meetings written around the four moves, with their action items.

A session becomes a record only once something is written in it: an empty
editor never counts as contact. Every save rewrites the session's search rows
in the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from peewee import fn

from mentordesk.db import search
from mentordesk.db.base import new_id, transaction, utc_now
from mentordesk.db.models import (
    ACTION_OWNERS,
    AGENDA_OWNERS,
    MEETING_FORMATS,
    ActionItem,
    Mentee,
    Session,
)
from mentordesk.services import clock
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.relationships import current_agreement
from mentordesk.services.validation import clean_choice, clean_text

SECTION_FIELDS = ("listening", "questions", "encouragement", "challenge")
SECTION_LABELS = {
    "listening": "Listening & observation",
    "questions": "Open questions",
    "encouragement": "Encouragement",
    "challenge": "Challenge",
}
TEXT_FIELDS = ("agenda", *SECTION_FIELDS, "wellbeing_note")
PRIVATE_FIELDS = ("private_remarks",)
WELLBEING_SIGNALS = ("exhaustion", "cynicism", "poor sleep", "isolation", "workload",
                     "irritability", "loss of confidence")


@dataclass(frozen=True)
class ActionData:
    text: str
    owner: str = "mentee"
    due_on: date | None = None
    done_on: date | None = None
    id: str | None = None


@dataclass(frozen=True)
class SessionData:
    mentee_id: str
    held_on: datetime
    duration_min: int | None = None
    format: str = "in_person"
    agenda: str = ""
    agenda_by: str = "mentee"
    listening: str = ""
    questions: str = ""
    encouragement: str = ""
    challenge: str = ""
    wellbeing_score: int | None = None
    wellbeing_signals: tuple[str, ...] = ()
    wellbeing_note: str = ""
    private_remarks: str = ""
    next_on: date | None = None
    actions: tuple[ActionData, ...] = field(default_factory=tuple)

    def is_blank(self) -> bool:
        """Nothing written yet: no text, no action, no wellbeing check."""
        texts = [getattr(self, name) for name in (*TEXT_FIELDS, *PRIVATE_FIELDS)]
        return (not any(t.strip() for t in texts) and not self.actions
                and self.wellbeing_score is None and not self.wellbeing_signals)


@dataclass(frozen=True)
class SessionSummary:
    """One line of a timeline or of the Sessions area."""

    id: str
    mentee_id: str
    mentee_name: str
    held_on: datetime
    format: str
    summary: str
    moves: tuple[int, int, int, int]  # characters written in each of the four sections
    open_actions: int
    wellbeing_score: int | None


def _clean(data: SessionData) -> SessionData:
    if data.duration_min is not None and not 0 < data.duration_min <= 24 * 60:
        raise ValidationError("The duration must be between 1 minute and 24 hours.")
    if data.wellbeing_score is not None and not 1 <= data.wellbeing_score <= 5:
        raise ValidationError("The wellbeing score goes from 1 (struggling) to 5 (thriving).")
    actions = tuple(
        replace(a, text=clean_text(a.text, "Action", required=True, max_length=2000),
                owner=clean_choice(a.owner, "Who owns the action", ACTION_OWNERS))
        for a in data.actions if a.text.strip()
    )
    signals = tuple(dict.fromkeys(s.strip() for s in data.wellbeing_signals if s.strip()))
    texts: dict[str, Any] = {
        name: clean_text(getattr(data, name), name.replace("_", " ").capitalize(), multiline=True)
        for name in (*TEXT_FIELDS, *PRIVATE_FIELDS)
    }
    return replace(
        data, format=clean_choice(data.format, "Format", MEETING_FORMATS),
        agenda_by=clean_choice(data.agenda_by, "Who brought the agenda", AGENDA_OWNERS),
        actions=actions, wellbeing_signals=signals, **texts,
    )


def save_session(data: SessionData, session_id: str | None = None) -> str | None:
    """Create or update one session with its actions; return its id.

    A new session with nothing written in it is not stored (returns None).
    """
    if session_id is None and data.is_blank():
        return None
    data = _clean(data)
    with transaction():
        mentee = Mentee.get_or_none(Mentee.id == data.mentee_id)
        if mentee is None:
            raise NotFoundError("That mentee no longer exists.")
        values = {name: getattr(data, name) for name in (
            "held_on", "duration_min", "format", "agenda_by", "wellbeing_score", "next_on",
            *TEXT_FIELDS, *PRIVATE_FIELDS)}
        values["wellbeing_signals"] = "\n".join(data.wellbeing_signals)
        if session_id is None:
            session = Session.create(id=new_id(), mentee=mentee, **values)
        else:
            session = Session.get_or_none(Session.id == session_id)
            if session is None:
                raise NotFoundError("That session no longer exists.")
            for name, value in values.items():
                setattr(session, name, value)
            session.updated_at = utc_now()
            session.save()
        _save_actions(session, data.actions)
        index_session(session)
    return str(session.id)


def _save_actions(session: Session, actions: tuple[ActionData, ...]) -> None:
    keep = {a.id for a in actions if a.id}
    for old in ActionItem.select().where(ActionItem.session == session):
        if old.id not in keep:
            search.drop_record("action", old.id)
            old.delete_instance()
    for position, action in enumerate(actions):
        item = ActionItem.get_or_none(ActionItem.id == action.id) if action.id else None
        is_new = item is None
        if item is None:
            item = ActionItem(id=action.id or new_id(), session=session, mentee=session.mentee_id)
        item.text, item.owner = action.text, action.owner
        item.due_on, item.done_on, item.position = action.due_on, action.done_on, position
        item.save(force_insert=is_new)  # ids are made here, not by the database
        search.index_record("action", item.id, session.mentee_id, session.held_on, {"text": item.text})


def index_session(session: Session) -> None:
    search.drop_record("session", session.id)
    search.insert_rows(session_rows(session))


def session_rows(session: Session) -> list[search.Row]:
    return search.rows_for(
        "session", session.id, session.mentee_id, session.held_on,
        {name: getattr(session, name) for name in (*TEXT_FIELDS, *PRIVATE_FIELDS)},
        private_fields=PRIVATE_FIELDS,
    )


def get_session(session_id: str) -> SessionData:
    session = Session.get_or_none(Session.id == session_id)
    if session is None:
        raise NotFoundError("That session no longer exists.")
    actions = tuple(
        ActionData(a.text, a.owner, a.due_on, a.done_on, a.id)
        for a in ActionItem.select().where(ActionItem.session == session).order_by(ActionItem.position)
    )
    return SessionData(
        mentee_id=session.mentee_id, held_on=session.held_on, duration_min=session.duration_min,
        format=session.format, agenda=session.agenda, agenda_by=session.agenda_by,
        listening=session.listening, questions=session.questions,
        encouragement=session.encouragement, challenge=session.challenge,
        wellbeing_score=session.wellbeing_score,
        wellbeing_signals=tuple(s for s in session.wellbeing_signals.splitlines() if s),
        wellbeing_note=session.wellbeing_note, private_remarks=session.private_remarks,
        next_on=session.next_on, actions=actions,
    )


def delete_session(session_id: str) -> None:
    with transaction():
        actions = ActionItem.select(ActionItem.id).where(ActionItem.session == session_id)
        for action in actions:
            search.drop_record("action", action.id)
        search.drop_record("session", session_id)
        Session.delete().where(Session.id == session_id).execute()


def new_session(mentee_id: str, *, held_on: datetime | None = None) -> SessionData:
    """A blank session with the defaults a mentor expects: now, the agreed format and
    agenda owner, and the next meeting one cadence later."""
    when = held_on or clock.now().replace(second=0, microsecond=0)
    agreement = current_agreement(mentee_id)
    data = SessionData(mentee_id=mentee_id, held_on=when, duration_min=45)
    if agreement is not None:
        fmt = agreement.meeting_format if agreement.meeting_format != "mixed" else "in_person"
        data = replace(data, format=fmt, agenda_by=agreement.agenda_owner)
        if agreement.cadence_days:
            data = replace(data, next_on=when.date() + timedelta(days=agreement.cadence_days))
    return data


def summary_line(row: Session, length: int = 140, empty: str = "(no notes)") -> str:
    """A meeting in one line: its agenda, else the first of the four sections written."""
    for name in ("agenda", *SECTION_FIELDS):
        text = " ".join((getattr(row, name, "") or "").split())
        if text:
            return text[:length] + ("…" if len(text) > length else "")
    return empty


def list_sessions(*, mentee_id: str | None = None, start: date | None = None, end: date | None = None,
                  limit: int | None = None) -> list[SessionSummary]:
    """Sessions newest first, of one mentee or all, optionally within [start, end]."""
    query = held_within(Session.select(Session, Mentee.name).join(Mentee), start, end)
    query = query.order_by(Session.held_on.desc())
    if mentee_id:
        query = query.where(Session.mentee == mentee_id)
    if limit:
        query = query.limit(limit)
    return summaries(list(query))


def held_within(query: Any, start: date | None, end: date | None) -> Any:
    """``query`` of sessions held on ``start`` or later and on ``end`` or earlier (either may be None)."""
    if start:
        query = query.where(Session.held_on >= datetime.combine(start, datetime.min.time()))
    if end:
        query = query.where(Session.held_on < datetime.combine(end + timedelta(days=1), datetime.min.time()))
    return query


def summaries(rows: list[Session]) -> list[SessionSummary]:
    """The list lines of ``rows`` (sessions read with their mentee's name), open actions counted."""
    ids = [r.id for r in rows]
    open_counts: dict[str, int] = {}
    for chunk in range(0, len(ids), 500):
        open_counts.update(
            ActionItem.select(ActionItem.session, fn.COUNT(ActionItem.id))
            .where(ActionItem.session.in_(ids[chunk:chunk + 500]), ActionItem.done_on.is_null())
            .group_by(ActionItem.session).tuples()
        )
    return [
        SessionSummary(
            id=r.id, mentee_id=r.mentee_id, mentee_name=r.mentee.name, held_on=r.held_on,
            format=r.format, summary=summary_line(r),
            moves=(len(r.listening.strip()), len(r.questions.strip()),
                   len(r.encouragement.strip()), len(r.challenge.strip())),
            open_actions=open_counts.get(r.id, 0), wellbeing_score=r.wellbeing_score,
        )
        for r in rows
    ]
