"""Session notes: saving around the four moves, actions, defaults, and what counts as contact."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mentordesk.db.base import new_id
from mentordesk.db.models import ActionItem, Agreement, Session
from mentordesk.services import mentees, sessions
from mentordesk.services.errors import ValidationError


@pytest.fixture
def mentee_id(db: Path) -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name="Aoife Ní Bhriain")).id)


def _session(mentee_id: str, **fields: object) -> sessions.SessionData:
    return sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 3, 2, 17, 30), **fields)  # type: ignore[arg-type]


def test_blank_new_session_is_not_stored(mentee_id: str) -> None:
    """An editor opened and left empty never becomes a record, so it never counts as contact."""
    assert sessions.save_session(_session(mentee_id)) is None
    assert Session.select().count() == 0


def test_four_moves_and_actions_round_trip(mentee_id: str) -> None:
    """What the mentor wrote in the four sections and the actions come back exactly."""
    action_id = new_id()
    data = _session(
        mentee_id, listening="Tired after nights.\nQuiet.", questions="What would help most?",
        encouragement="Your handover was clear.", challenge="Ask for the rota change.",
        wellbeing_score=2, wellbeing_signals=("exhaustion", "poor sleep"), private_remarks="Worried.",
        actions=(sessions.ActionData("Email the rota lead", "mentee", date(2026, 3, 9), id=action_id),),
    )
    session_id = sessions.save_session(data)
    assert session_id is not None
    assert sessions.get_session(session_id) == data
    assert ActionItem.get_by_id(action_id).mentee_id == mentee_id


def test_update_keeps_action_ids_and_removes_deleted(mentee_id: str) -> None:
    """Saving again updates in place: kept actions keep their ids, removed ones are gone."""
    keep, drop = new_id(), new_id()
    data = _session(mentee_id, listening="x", actions=(
        sessions.ActionData("keep me", id=keep), sessions.ActionData("drop me", id=drop)))
    session_id = sessions.save_session(data)
    changed = _session(mentee_id, listening="x y", actions=(sessions.ActionData("keep me, edited", id=keep),))
    assert sessions.save_session(changed, session_id) == session_id
    assert [a.text for a in ActionItem.select()] == ["keep me, edited"]
    assert Session.select().count() == 1


@pytest.mark.parametrize(
    "fields, message",
    [({"wellbeing_score": 6}, "wellbeing"), ({"duration_min": 0}, "duration"), ({"format": "carrier pigeon"}, "Format")],
)
def test_invalid_sessions_are_refused(mentee_id: str, fields: dict[str, object], message: str) -> None:
    """Impossible values raise a readable error and store nothing."""
    with pytest.raises(ValidationError, match=message):
        sessions.save_session(_session(mentee_id, listening="x", **fields))
    assert Session.select().count() == 0


def test_new_session_defaults_follow_the_agreement(mentee_id: str, fixed_clock: datetime) -> None:
    """A new note starts now, with the agreed agenda owner and the next date one cadence later."""
    Agreement.create(mentee=mentee_id, meeting_format="video", cadence_days=21, agenda_owner="shared")
    data = sessions.new_session(mentee_id)
    assert data.held_on == fixed_clock.replace(second=0, microsecond=0)
    assert (data.format, data.agenda_by) == ("video", "shared")
    assert data.next_on == date(2026, 4, 6)


def test_list_sessions_newest_first_with_range(mentee_id: str) -> None:
    """The sessions list is newest first and a date range keeps only the meetings inside it."""
    for day in (1, 10, 20):
        sessions.save_session(sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 1, day, 23, 30),
                                                   agenda=f"day {day}"))
    rows = sessions.list_sessions(mentee_id=mentee_id)
    assert [r.held_on.day for r in rows] == [20, 10, 1]
    inside = sessions.list_sessions(start=date(2026, 1, 10), end=date(2026, 1, 10))
    assert [r.summary for r in inside] == ["day 10"]


def test_delete_session_removes_actions_and_search_rows(mentee_id: str) -> None:
    """Deleting a session leaves no action and nothing findable behind."""
    from mentordesk.services import search

    session_id = sessions.save_session(_session(mentee_id, listening="zebrafish", actions=(
        sessions.ActionData("read about zebrafish"),)))
    assert session_id and search.search("zebrafish")
    sessions.delete_session(session_id)
    assert ActionItem.select().count() == 0
    assert search.search("zebrafish") == []
