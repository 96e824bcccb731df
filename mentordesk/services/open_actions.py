"""A mentee's open action items, for the timeline: what is still to do, who owns it, when it is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentordesk.db.models import ActionItem, Session
from mentordesk.services import clock


@dataclass(frozen=True)
class OpenAction:
    id: str
    session_id: str
    text: str
    owner: str  # mentee | mentor
    due_on: date | None
    agreed_on: date  # the day of the meeting where it was agreed
    overdue: bool


def open_actions(mentee_id: str, *, today: date | None = None) -> list[OpenAction]:
    """Actions not done yet: overdue first, then by due date (undated last), then oldest agreed."""
    today = today or clock.today()
    query = (ActionItem.select(ActionItem.id, ActionItem.session, ActionItem.text, ActionItem.owner,
                               ActionItem.due_on, Session.held_on)
             .join(Session)
             .where(ActionItem.mentee == mentee_id, ActionItem.done_on.is_null()))
    actions = [
        OpenAction(id=i, session_id=s, text=t, owner=o, due_on=d, agreed_on=h.date(),
                   overdue=d is not None and d < today)
        for i, s, t, o, d, h in query.tuples()
    ]
    actions.sort(key=lambda a: (a.due_on is None, a.due_on or date.max, a.agreed_on, a.id))
    return actions
