"""Small builders shared by the dashboard, prep and calendar tests (not a test module)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime

import pytest

from mentordesk.db.models import ActionItem, Agreement, Session
from mentordesk.services import clock
from mentordesk.services.mentees import MenteeData, create_mentee

LONDON_NOW = datetime(2026, 3, 16, 9, 30)  # a Monday


@pytest.fixture
def london(monkeypatch: pytest.MonkeyPatch) -> Iterator[datetime]:
    """The mentor's zone is Europe/London and the local clock stands at LONDON_NOW."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    clock.set_clock(lambda: LONDON_NOW)
    yield LONDON_NOW
    clock.set_clock(None)
    monkeypatch.undo()
    time.tzset()


def at(moment: datetime) -> None:
    """Move the fixed local clock."""
    clock.set_clock(lambda: moment)


def mentee(name: str, *, status: str = "active", cadence: int | None = None, review_on: date | None = None,
           new_in_post: bool = False, started: date | None = None, on: date | None = None) -> str:
    row = create_mentee(MenteeData(name=name, new_in_post=new_in_post, started_post_on=started),
                        status=status, on=on or date(2026, 1, 5))
    if cadence is not None or review_on is not None:
        Agreement.create(mentee=row.id, cadence_days=cadence, review_on=review_on)
    return str(row.id)


def meeting(mentee_id: str, held_on: datetime, *, next_on: date | None = None, score: int | None = None,
            questions: str = "", challenge: str = "", private: str = "", duration: int | None = None) -> str:
    row = Session.create(mentee=mentee_id, held_on=held_on, next_on=next_on, wellbeing_score=score,
                         questions=questions, challenge=challenge, private_remarks=private,
                         duration_min=duration)
    return str(row.id)


def action(session_id: str, mentee_id: str, text: str, *, owner: str = "mentee", due_on: date | None = None,
           done_on: date | None = None, position: int = 0) -> None:
    ActionItem.create(session=session_id, mentee=mentee_id, text=text, owner=owner, due_on=due_on,
                      done_on=done_on, position=position)
