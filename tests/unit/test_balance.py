"""The balance of the four moves, a mentee's open actions, and the paged list of all sessions."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.services import mentees, sessions
from mentordesk.services.balance import moves_balance, read_balance, whole_percents
from mentordesk.services.errors import ValidationError
from mentordesk.services.open_actions import open_actions
from mentordesk.services.session_list import (
    SessionFilter,
    count_sessions,
    mentee_choices,
    page_of_sessions,
)


@pytest.fixture
def mentee_id(db: Path) -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name="Łucja Wójcik")).id)


def _meet(mentee_id: str, day: date, *, listening: str = "", questions: str = "", encouragement: str = "",
          challenge: str = "", agenda: str = "", actions: tuple[sessions.ActionData, ...] = (),
          wellbeing: int | None = None) -> str:
    session_id = sessions.save_session(sessions.SessionData(
        mentee_id=mentee_id, held_on=datetime.combine(day, datetime.min.time()).replace(hour=10),
        listening=listening, questions=questions, encouragement=encouragement, challenge=challenge,
        agenda=agenda, actions=actions, wellbeing_score=wellbeing))
    assert session_id
    return session_id


def test_whole_percents_add_up_to_100() -> None:
    """Rounded shares always sum to exactly 100, and nothing written gives all zeros."""
    assert sum(whole_percents((1, 1, 1, 0))) == 100
    assert whole_percents((1, 1, 1, 0)) == (34, 33, 33, 0)
    assert whole_percents((0, 0, 0, 0)) == (0, 0, 0, 0)
    assert whole_percents((40, 30, 25, 5)) == (40, 30, 25, 5)


@pytest.mark.parametrize(
    ("percents", "expected"),
    [
        ((30, 25, 25, 20), "All four moves have their place in the last 6 sessions."),
        ((40, 30, 25, 5), "Little challenge in the last 6 sessions."),
        ((10, 10, 80, 0), "Mostly encouragement, no challenge in the last 6 sessions."),
        ((50, 47, 3, 0), "Mostly listening, no challenge, little encouragement in the last 6 sessions."),
        ((50, 0, 50, 0), "Mostly listening, no open questions or challenge in the last 6 sessions."),
        ((0, 0, 0, 0), "Nothing written in the four sections yet."),
    ],
)
def test_reading_names_the_rare_and_the_dominant_move(percents: tuple[int, int, int, int], expected: str) -> None:
    """The sentence says which move dominates and which is missing or rare."""
    assert read_balance(percents, 6) == expected


def test_balance_over_the_last_sessions_only(mentee_id: str) -> None:
    """Only the last N sessions with notes count; an agenda-only meeting is skipped."""
    start = date(2026, 1, 5)
    # An old stretch of pure challenge that must not count...
    for week in range(3):
        _meet(mentee_id, start + timedelta(days=7 * week), challenge="x" * 400)
    # ... then six sessions with no challenge at all, and one meeting with only an agenda.
    for week in range(3, 9):
        _meet(mentee_id, start + timedelta(days=7 * week), listening="l" * 40, questions="q" * 30,
              encouragement="e" * 30)
    _meet(mentee_id, start + timedelta(days=70), agenda="Rota swap only")
    balance = moves_balance(mentee_id, last_n=6)
    assert balance.sessions == 6
    assert balance.percents == (40, 30, 30, 0)
    assert balance.reading == "No challenge in the last 6 sessions."
    assert balance.labelled() == "Listening 40 % · Questions 30 % · Encouragement 30 % · Challenge 0 %"
    wider = moves_balance(mentee_id, last_n=9)
    assert wider.percents[3] > 50 and wider.reading.startswith("Mostly challenge")


def test_balance_without_notes(mentee_id: str) -> None:
    """A mentee with no written sections gets zeros and a plain sentence, not a division error."""
    balance = moves_balance(mentee_id)
    assert (balance.sessions, balance.percents, balance.written) == (0, (0, 0, 0, 0), False)
    with pytest.raises(ValidationError):
        moves_balance(mentee_id, last_n=0)


def test_open_actions_due_first_with_overdue_said(mentee_id: str) -> None:
    """Open actions come overdue first, undated last; done actions are left out."""
    _meet(mentee_id, date(2026, 3, 1), listening="Talked.", actions=(
        sessions.ActionData("Book the teaching slot", "mentee", date(2026, 3, 20)),
        sessions.ActionData("Send the rota", "mentor", date(2026, 3, 5)),
        sessions.ActionData("Read the guideline", "mentee", None),
        sessions.ActionData("Already done", "mentee", date(2026, 3, 2), date(2026, 3, 2)),
    ))
    found = open_actions(mentee_id, today=date(2026, 3, 10))
    assert [(a.text, a.owner, a.overdue) for a in found] == [
        ("Send the rota", "mentor", True),
        ("Book the teaching slot", "mentee", False),
        ("Read the guideline", "mentee", False),
    ]
    assert all(a.agreed_on == date(2026, 3, 1) for a in found)


def test_pages_filter_and_sort_in_the_database(mentee_id: str) -> None:
    """Pages of all sessions follow the filter and the order, without gaps or repeats."""
    other = str(mentees.create_mentee(mentees.MenteeData(name="Aaron Zed")).id)
    ids = [_meet(mentee_id if n % 2 else other, date(2026, 1, 1) + timedelta(days=n),
                 listening=f"Meeting {n}", wellbeing=(n % 5) + 1) for n in range(25)]
    everything = SessionFilter()
    assert count_sessions(everything) == 25
    paged = [s.id for offset in range(0, 25, 10) for s in page_of_sessions(everything, offset=offset, limit=10)]
    assert paged == list(reversed(ids))
    hers = SessionFilter(mentee_id=mentee_id, start=date(2026, 1, 5), end=date(2026, 1, 10))
    assert [s.held_on.day for s in page_of_sessions(hers)] == [10, 8, 6]
    assert count_sessions(hers) == 3
    by_name = page_of_sessions(everything, sort_key="mentee", descending=False, limit=25)
    assert [s.mentee_name for s in by_name][:1] == ["Aaron Zed"] and by_name[-1].mentee_name == "Łucja Wójcik"
    by_score = [s.wellbeing_score for s in page_of_sessions(everything, sort_key="wellbeing", limit=25)]
    assert by_score == sorted(by_score, reverse=True)
    with pytest.raises(ValidationError):
        page_of_sessions(everything, sort_key="listening; DROP TABLE session")
    with pytest.raises(ValidationError):
        count_sessions(SessionFilter(start=date(2026, 2, 1), end=date(2026, 1, 1)))
    assert [m.name for m in mentee_choices()] == ["Aaron Zed", "Łucja Wójcik"]
