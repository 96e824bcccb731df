"""Every Dashboard rule and its edges, on a fixed local clock in Europe/London."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from dashboard_fixtures import LONDON_NOW, action, at, london, meeting, mentee  # noqa: F401

from mentordesk.db.models import Agreement, Goal, GoalProgress, Milestone
from mentordesk.services import assessments, dashboard, development_plan
from mentordesk.services.dashboard import (
    AGREEMENT_REVIEWS,
    DEVELOPMENT,
    GOAL_REVIEWS,
    MEETINGS,
    MENTEE_ACTIONS,
    MENTOR_ACTIONS,
    MILESTONES,
    NOT_SEEN,
    WELLBEING,
)

TODAY = LONDON_NOW.date()
pytestmark = pytest.mark.usefixtures("db", "london")


def kinds_of(mentee_id: str | None) -> list[str]:
    return [i.kind for i in dashboard.dashboard().items if i.mentee_id == mentee_id]


def test_overdue_actions_are_split_between_mentee_and_mentor() -> None:
    """Open actions due before today count, the mentee's and the mentor's separately; due today does not."""
    m = mentee("Jonas Müller")
    s = meeting(m, datetime(2026, 3, 1, 10, 0))
    action(s, m, "Draft the audit proposal", due_on=TODAY - timedelta(days=3))
    action(s, m, "Book the simulation slot", due_on=TODAY - timedelta(days=1))
    action(s, m, "Ask the rota coordinator", owner="mentor", due_on=TODAY - timedelta(days=1))
    action(s, m, "Due today, not yet late", due_on=TODAY)
    action(s, m, "Done late but done", due_on=TODAY - timedelta(days=9), done_on=TODAY - timedelta(days=2))
    action(s, m, "No due date")
    data = dashboard.dashboard()
    theirs = [i for i in data.items if i.kind == MENTEE_ACTIONS]
    mine = [i for i in data.items if i.kind == MENTOR_ACTIONS]
    assert len(theirs) == 1 and theirs[0].number == 2 and "Draft the audit proposal" in theirs[0].what
    assert theirs[0].on == TODAY - timedelta(days=3) and theirs[0].overdue
    assert len(mine) == 1 and mine[0].number == 1 and mine[0].what == "Ask the rota coordinator"
    assert (data.number_of(MENTEE_ACTIONS), data.number_of(MENTOR_ACTIONS)) == (2, 1)


def test_the_oldest_overdue_action_is_the_first_of_its_day() -> None:
    """Of actions due on the same day, the one listed first in the session is named."""
    m = mentee("Aiko Tanaka")
    s = meeting(m, datetime(2026, 3, 1, 10, 0))
    due = TODAY - timedelta(days=5)
    action(s, m, "Third on the list", due_on=due, position=3)
    action(s, m, "First on the list", due_on=due, position=1)
    action(s, m, "Second on the list", due_on=due, position=2)
    action(s, m, "Due later", due_on=TODAY - timedelta(days=1), position=0)
    [item] = [i for i in dashboard.dashboard().items if i.kind == MENTEE_ACTIONS]
    assert item.number == 4 and item.what.endswith("oldest: First on the list") and item.on == due


def test_not_seen_longer_than_the_cadence() -> None:
    """Strictly longer than the cadence is overdue; exactly the cadence is not."""
    late = mentee("Aisha Rahman", cadence=28)
    meeting(late, datetime.combine(TODAY - timedelta(days=29), datetime.min.time()).replace(hour=17))
    on_time = mentee("Thomas Whitfield", cadence=28)
    meeting(on_time, datetime.combine(TODAY - timedelta(days=28), datetime.min.time()).replace(hour=8))
    assert kinds_of(late) == [NOT_SEEN]
    assert kinds_of(on_time) == []
    item = next(i for i in dashboard.dashboard().items if i.mentee_id == late)
    assert item.what == "Not seen for 29 days" and "every 28 days" in item.detail and item.overdue


def test_cadence_unset_or_zero_never_nags() -> None:
    """Without an agreement, with no cadence, or with cadence 0, a long gap is no reminder."""
    no_agreement = mentee("Priya Chaturvedi")
    unset = mentee("Seun Adebayo", cadence=None, review_on=TODAY + timedelta(days=300))
    zero = mentee("Eleni Papadopoulou")
    Agreement.create(mentee=zero, cadence_days=0)
    for m in (no_agreement, unset, zero):
        meeting(m, datetime(2025, 6, 1, 10, 0))
        assert NOT_SEEN not in kinds_of(m)


def test_a_mentee_with_no_sessions_counts_from_becoming_active() -> None:
    """No meeting yet: the days are counted from the day the relationship became active."""
    waiting = mentee("Łucja Wróblewska", cadence=21, on=TODAY - timedelta(days=30))
    fresh = mentee("Jing Chen", cadence=21, on=TODAY - timedelta(days=5))
    item = next(i for i in dashboard.dashboard().items if i.mentee_id == waiting)
    assert item.kind == NOT_SEEN and item.what == "No meeting yet in 30 days as active"
    assert kinds_of(fresh) == []


def test_paused_closed_and_prospective_without_cadence_never_nag() -> None:
    """Paused and closed relationships appear nowhere, whatever is late or falling."""
    for status in ("paused", "closed"):
        m = mentee(f"Someone {status}", status=status, cadence=14, review_on=TODAY)
        s = meeting(m, datetime(2025, 12, 1, 10, 0), next_on=TODAY + timedelta(days=2), score=5)
        meeting(m, datetime(2026, 1, 1, 10, 0), score=4)
        meeting(m, datetime(2026, 2, 1, 10, 0), next_on=TODAY + timedelta(days=2), score=2)
        action(s, m, "Late action", due_on=TODAY - timedelta(days=20))
        Goal.create(mentee=m, title="Old goal", created_at=datetime(2025, 1, 1))
        assert kinds_of(m) == [], status
    prospective = mentee("Lena Schäfer", status="prospective", cadence=28, on=TODAY - timedelta(days=90))
    assert NOT_SEEN not in kinds_of(prospective)


def test_meetings_in_the_next_seven_days_both_ends_included() -> None:
    """The next date agreed at the last meeting, from today to today + 7 days."""
    ids = {}
    for offset in (-1, 0, 7, 8):
        m = mentee(f"Mentee {offset:+d}")
        meeting(m, datetime(2026, 3, 2, 16, 30), next_on=TODAY + timedelta(days=offset))
        ids[offset] = m
    assert kinds_of(ids[-1]) == [] and kinds_of(ids[8]) == []
    soon = {i.mentee_id: i for i in dashboard.dashboard().items if i.kind == MEETINGS}
    assert soon[ids[0]].what == "Meeting today" and soon[ids[7]].what == "Meeting in 7 days"
    assert soon[ids[7]].detail == "Mon 23 Mar, 16:30" and not soon[ids[7]].overdue


def test_only_the_last_meetings_next_date_counts() -> None:
    """An older session's next date is replaced by the newest session's."""
    m = mentee("Ifeoma Nwosu")
    meeting(m, datetime(2026, 2, 1, 9, 0), next_on=TODAY + timedelta(days=2))
    meeting(m, datetime(2026, 3, 10, 9, 0), next_on=TODAY + timedelta(days=30))
    assert kinds_of(m) == []


@pytest.mark.parametrize(("clock_at", "next_on", "expected"), [
    (datetime(2026, 3, 22, 23, 50), date(2026, 3, 29), "Meeting in 7 days"),  # clocks go forward
    (datetime(2026, 3, 29, 0, 10), date(2026, 3, 29), "Meeting today"),
    (datetime(2026, 10, 18, 0, 5), date(2026, 10, 25), "Meeting in 7 days"),  # clocks go back
    (datetime(2026, 10, 25, 23, 59), date(2026, 10, 25), "Meeting today"),
])
def test_a_meeting_at_2330_on_the_day_the_clocks_change(clock_at: datetime, next_on: date,
                                                         expected: str) -> None:
    """A 23:30 meeting on a clock-change day is on that local day: counted in local dates, not hours."""
    m = mentee("Siobhán Ní Mhurchú")
    meeting(m, datetime(2026, 3, 1, 23, 30), next_on=next_on)
    at(clock_at)
    item = next(i for i in dashboard.dashboard().items if i.mentee_id == m)
    assert (item.kind, item.what, item.on) == (MEETINGS, expected, next_on)
    assert item.detail.endswith("23:30")
    at(datetime.combine(next_on - timedelta(days=8), clock_at.time()))  # eight local days before
    assert kinds_of(m) == []


def test_goal_reviews_follow_the_review_interval() -> None:
    """An open goal without an update for longer than six weeks is due; achieved ones never."""
    m = mentee("Nguyễn Thị Phương Thảo")
    stale = Goal.create(mentee=m, title="Pass the membership exam", created_at=datetime(2025, 10, 1))
    GoalProgress.create(goal=stale, on=TODAY - timedelta(weeks=6, days=1), percent=40)
    fresh = Goal.create(mentee=m, title="Start the audit", created_at=datetime(2025, 10, 1))
    GoalProgress.create(goal=fresh, on=TODAY - timedelta(weeks=6), percent=10)
    Goal.create(mentee=m, title="Never updated, just set", created_at=datetime.combine(
        TODAY - timedelta(days=3), datetime.min.time()))
    Goal.create(mentee=m, title="Achieved long ago", status="achieved", created_at=datetime(2024, 1, 1))
    due = [i for i in dashboard.dashboard().items if i.kind == GOAL_REVIEWS]
    assert [i.what for i in due] == ["Pass the membership exam"] and due[0].overdue


def test_agreement_reviews_due_within_fourteen_days_or_past() -> None:
    """Review date at most 14 days away is due (overdue once passed); 15 days away is not."""
    soon = mentee("Zeynep Yıldırım", cadence=28, review_on=TODAY + timedelta(days=14))
    late = mentee("Hannah Ashworth", cadence=28, review_on=TODAY - timedelta(days=1))
    later = mentee("Olena Kovalenko", cadence=28, review_on=TODAY + timedelta(days=15))
    items = {i.mentee_id: i for i in dashboard.dashboard().items if i.kind == AGREEMENT_REVIEWS}
    assert set(items) == {soon, late}
    assert not items[soon].overdue and items[late].overdue
    assert later not in items


def test_the_next_first_hundred_days_check_in() -> None:
    """The next unticked check-in of a mentee new in post, when due within 14 days or late."""
    started = TODAY - timedelta(days=20)
    new = mentee("Adéọlá Adébáyọ̀", new_in_post=True, started=started)
    for day, done in ((0, TODAY - timedelta(days=19)), (30, None), (60, None)):
        Milestone.create(mentee=new, day=day, prompt=f"Day {day} prompt", done_on=done)
    later = mentee("Chen Jing", new_in_post=True, started=TODAY - timedelta(days=5))
    Milestone.create(mentee=later, day=30, prompt="Too far away")
    unmarked = mentee("Not new any more", new_in_post=False, started=started)
    Milestone.create(mentee=unmarked, day=0, prompt="Forgotten")
    items = [i for i in dashboard.dashboard().items if i.kind == MILESTONES]
    assert [(i.mentee_id, i.on) for i in items] == [(new, started + timedelta(days=30))]
    assert items[0].what.startswith("Day 30 check-in") and not items[0].overdue


def test_development_plan_actions_due_are_the_mentors_own() -> None:
    """A development action whose target date has passed shows with no mentee; a later one does not."""
    domain = assessments.get_framework(assessments.DEFAULT_FRAMEWORK).domains[0]
    development_plan.add_development_action(domain.key, "Ask for feedback on my listening",
                                       target_on=TODAY - timedelta(days=2))
    development_plan.add_development_action(domain.key, "Read about coaching", target_on=TODAY + timedelta(days=3))
    items = [i for i in dashboard.dashboard().items if i.kind == DEVELOPMENT]
    assert [(i.what, i.mentee_id, i.overdue) for i in items] == [("Ask for feedback on my listening", None, True)]


@pytest.mark.parametrize(("scores", "falling"), [
    ([5, 4, 3], True), ([4, 4, 2], True), ([5, 3], True), ([2, 5, 3], True),
    ([3, 3, 3], False), ([3, 4, 3], False), ([5, 4, 4], False), ([4], False), ([], False),
    ([1, 5, 4, 3], True), ([5, 4, 3, 4], False),
])
def test_wellbeing_falling_rule(scores: list[int], falling: bool) -> None:
    """Strictly lower at each of the last three scores, or the newest two below an earlier one."""
    assert dashboard.is_wellbeing_falling(scores) is falling


def test_wellbeing_falling_uses_the_last_three_scored_sessions() -> None:
    """Sessions without a score are skipped; only active mentees are flagged."""
    m = mentee("Ángel Ruiz")
    for day, score in ((1, 5), (8, None), (15, 4), (22, None), (29, 3)):
        meeting(m, datetime(2026, 2, 1, 10, 0) + timedelta(days=day), score=score)
    steady = mentee("Ruth Davies")
    for day, score in ((1, 3), (8, 4), (15, 3)):
        meeting(steady, datetime(2026, 2, 1, 10, 0) + timedelta(days=day), score=score)
    item = next(i for i in dashboard.dashboard().items if i.kind == WELLBEING)
    assert item.mentee_id == m and item.detail == "Last scores 5 → 4 → 3 (of 5)"
    assert WELLBEING not in kinds_of(steady)


def test_counts_and_the_start_up_reminder() -> None:
    """The reminder counts overdue items only; with nothing overdue there is none."""
    assert dashboard.reminder_text(dashboard.dashboard()) == ""
    upcoming = mentee("Upcoming", cadence=28)
    meeting(upcoming, datetime(2026, 3, 10, 9, 0), next_on=TODAY + timedelta(days=1))
    assert dashboard.reminder_text(dashboard.dashboard()) == ""
    late = mentee("Late", cadence=7)
    s = meeting(late, datetime(2026, 2, 1, 9, 0))
    action(s, late, "Late one", due_on=date(2026, 2, 10))
    data = dashboard.dashboard()
    assert data.overdue_items == 2 and data.active == 2
    assert dashboard.reminder_text(data) == "2 things need attention — see the Dashboard"


def test_empty_data_file_has_nothing_to_show(db: Path) -> None:
    """No mentees: no items, zero counts."""
    data = dashboard.dashboard()
    assert data.items == () and data.total_mentees == 0
