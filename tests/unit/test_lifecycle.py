"""The relationship lifecycle: statuses, agreement versions, goals, first hundred days, closure."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from mentordesk.db.models import Agreement, GoalProgress, Mentee, Milestone, StatusChange
from mentordesk.services import goals, mentees, milestones, relationships
from mentordesk.services.errors import TransitionError, ValidationError


def _mentee(status: str = "active", **fields: object) -> str:
    data = mentees.MenteeData(name=str(fields.pop("name", "Zofia Łukasiewicz")), **fields)  # type: ignore[arg-type]
    return str(mentees.create_mentee(data, status=status).id)


def _snapshot(mentee_id: str) -> tuple[object, ...]:
    m = Mentee.get_by_id(mentee_id)
    return (m.status, m.closed_on, m.closure_reason, StatusChange.select().count(),
            Agreement.select().count(), GoalProgress.select().count(), Milestone.select().count())


ALLOWED = [
    ("prospective", "active"), ("active", "paused"), ("paused", "active"),
    ("prospective", "closed"), ("active", "closed"), ("paused", "closed"), ("closed", "active"),
]
REFUSED = [
    ("prospective", "paused"), ("closed", "paused"), ("closed", "prospective"), ("active", "prospective"),
    ("paused", "prospective"), ("active", "active"), ("closed", "closed"),
]


@pytest.mark.parametrize("start, to", ALLOWED)
def test_allowed_status_changes_are_dated(db: Path, fixed_clock: object, start: str, to: str) -> None:
    """Every allowed move is made and kept as dated history."""
    mentee_id = _mentee(start)
    mentees.set_status(mentee_id, to)
    history = relationships.status_history(mentee_id)
    assert [(h.from_status, h.to_status) for h in history] == [(None, start), (start, to)]
    assert history[-1].changed_on == date(2026, 3, 16)


@pytest.mark.parametrize("start, to", REFUSED)
def test_refused_status_changes_change_nothing(db: Path, start: str, to: str) -> None:
    """A move the lifecycle does not allow raises a readable error and changes nothing."""
    mentee_id = _mentee(start)
    before = _snapshot(mentee_id)
    with pytest.raises(TransitionError, match="Zofia Łukasiewicz"):
        mentees.set_status(mentee_id, to)
    assert _snapshot(mentee_id) == before


def test_close_and_reopen_keeps_the_closure_in_history(db: Path) -> None:
    """Closing records date, reason and reflection; reopening keeps that closure in the history."""
    mentee_id = _mentee()
    relationships.close_relationship(mentee_id, reason="goals_realised", reflection="She is flying.",
                                     on=date(2026, 1, 5))
    closed = Mentee.get_by_id(mentee_id)
    assert (closed.status, closed.closed_on, closed.closure_reason) == ("closed", date(2026, 1, 5), "goals_realised")
    assert [m.name for m in mentees.list_mentees()] == []
    assert [m.name for m in mentees.list_mentees(include_closed=True)] == ["Zofia Łukasiewicz"]
    relationships.reopen_relationship(mentee_id, on=date(2026, 2, 1))
    reopened = Mentee.get_by_id(mentee_id)
    assert (reopened.status, reopened.closed_on) == ("active", None)
    closure = [h for h in relationships.status_history(mentee_id) if h.to_status == "closed"]
    assert [(c.reason, c.note, c.changed_on) for c in closure] == [("goals_realised", "She is flying.", date(2026, 1, 5))]


def test_closing_a_closed_mentee_is_refused(db: Path) -> None:
    """A closed relationship cannot be closed again; nothing changes."""
    mentee_id = _mentee("closed")
    before = _snapshot(mentee_id)
    with pytest.raises(TransitionError, match="already closed"):
        relationships.close_relationship(mentee_id, reason="mutual")
    assert _snapshot(mentee_id) == before


def test_unknown_closure_reason_is_refused(db: Path) -> None:
    """The reason must be one of the four; nothing changes otherwise."""
    mentee_id = _mentee()
    before = _snapshot(mentee_id)
    with pytest.raises(ValidationError, match="Reason"):
        relationships.close_relationship(mentee_id, reason="bored")
    assert _snapshot(mentee_id) == before


def test_agreement_changes_keep_earlier_versions(db: Path) -> None:
    """Changing the agreement writes a new version; the earlier one stays; no-op saves add nothing."""
    mentee_id = _mentee()
    first = relationships.AgreementData("career", "video", 28, "mentee", "What is said stays here.",
                                        date(2026, 1, 1), date(2026, 7, 1))
    relationships.save_agreement(mentee_id, first)
    relationships.save_agreement(mentee_id, first)
    second = relationships.AgreementData("career", "in_person", 42, "shared", "What is said stays here.",
                                         date(2026, 1, 1), date(2026, 7, 1))
    relationships.save_agreement(mentee_id, second)
    history = relationships.agreement_history(mentee_id)
    assert [a.cadence_days for a in history] == [42, 28]
    assert relationships.agreement_line(history[0]) == "career · every 42 days · in person · agenda: shared"


def test_review_before_agreement_is_refused(db: Path) -> None:
    """A review date before the agreement date is an error and stores nothing."""
    mentee_id = _mentee()
    with pytest.raises(ValidationError, match="review date"):
        relationships.save_agreement(mentee_id, relationships.AgreementData(
            agreed_on=date(2026, 3, 1), review_on=date(2026, 2, 1)))
    assert Agreement.select().count() == 0


@pytest.mark.parametrize("percent", [-1, 101, 250])
def test_goal_progress_outside_0_to_100_is_refused(db: Path, percent: int) -> None:
    """Progress above 100 % or below 0 is refused and nothing is stored."""
    goal = goals.add_goal(_mentee(), goals.GoalData("Pass the MRCP part 2"))
    with pytest.raises(ValidationError, match="0 to 100"):
        goals.add_progress(goal.id, percent)
    assert GoalProgress.select().count() == 0


def test_goal_progress_history_and_review_due(db: Path, fixed_clock: object) -> None:
    """Progress is kept over time; a review is due once the last update is older than six weeks."""
    mentee_id = _mentee()
    goal = goals.add_goal(mentee_id, goals.GoalData("Lead a QI project", target_on=date(2026, 9, 1)))
    goals.add_progress(goal.id, 20, "Chose the topic", on=date(2026, 1, 10))
    goals.add_progress(goal.id, 40, "Baseline data", on=date(2026, 1, 20))
    (view,) = goals.goals_of(mentee_id)
    assert [p[1] for p in view.progress] == [20, 40] and view.latest_percent == 40
    assert view.review_due  # 2026-01-20 + 6 weeks < 2026-03-16
    goals.add_progress(goal.id, 50, on=date(2026, 3, 10))
    assert not goals.goals_of(mentee_id)[0].review_due


def test_first_hundred_days_track(db: Path) -> None:
    """A mentee new in post gets check-ins from their start date that can be ticked, re-worded and added to."""
    mentee_id = _mentee(new_in_post=True, started_post_on=date(2026, 2, 2))
    track = milestones.start_track(mentee_id)
    assert {m.day for m in track} == {0, 30, 60, 90, 100}
    assert track[0].due_on == date(2026, 2, 2)
    assert [m for m in track if m.day == 100][0].due_on == date(2026, 2, 2) + timedelta(days=100)
    milestones.tick(track[0].id, done_on=date(2026, 2, 3), note="Met the team")
    milestones.reword(track[1].id, "How are nights going?")
    milestones.add_milestone(mentee_id, 45, "Check the study leave form")
    again = milestones.track(mentee_id)
    assert again[0].done_on == date(2026, 2, 3)
    assert "How are nights going?" in [m.prompt for m in again]
    assert milestones.next_milestone(mentee_id) is not None
    assert len(milestones.start_track(mentee_id)) == len(again)  # starting twice adds nothing


def test_milestone_for_mentee_not_new_in_post_is_refused(db: Path) -> None:
    """The track is only for someone new in post; otherwise nothing is created."""
    mentee_id = _mentee()
    with pytest.raises(TransitionError, match="not marked as new in post"):
        milestones.start_track(mentee_id)
    with pytest.raises(TransitionError):
        milestones.add_milestone(mentee_id, 10, "x")
    assert Milestone.select().count() == 0
