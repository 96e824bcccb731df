"""Gathering the preparation for one mentee: contact, agreement, goals, actions, follow-up, questions."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from dashboard_fixtures import LONDON_NOW, action, london, meeting, mentee  # noqa: F401

from mentordesk.db.models import Goal, GoalProgress, Milestone, Referral
from mentordesk.services import prep, questions

TODAY = LONDON_NOW.date()
pytestmark = pytest.mark.usefixtures("db", "london")


def test_prep_gathers_what_the_meeting_needs() -> None:
    """Days since contact, agreement line, open goals with latest progress, open actions, follow-up."""
    m = mentee("Łucja Wróblewska", cadence=28, review_on=date(2026, 9, 1))
    old = meeting(m, datetime(2026, 1, 20, 17, 0), score=5, questions="Old question")
    meeting(m, datetime(2026, 2, 10, 17, 0), next_on=date(2026, 3, 10), score=3,
            questions="What would make Tuesdays easier?", challenge="Say no to one extra shift.",
            private="Mentions a family illness")
    action(old, m, "Book the exam", due_on=TODAY - timedelta(days=2))
    action(old, m, "Send the rota", owner="mentor", due_on=TODAY + timedelta(days=5))
    action(old, m, "Already done", done_on=TODAY)
    goal = Goal.create(mentee=m, title="Pass the exam", created_at=datetime(2025, 12, 1))
    GoalProgress.create(goal=goal, on=date(2026, 1, 5), percent=20)
    GoalProgress.create(goal=goal, on=date(2026, 2, 10), percent=35)
    Goal.create(mentee=m, title="Done goal", status="achieved", created_at=datetime(2025, 1, 1))
    data = prep.prepare(m)
    assert data.days_since_contact == 34 and data.not_seen
    assert data.contact_line == "Last met 34 days ago, on 10 Feb 2026 — longer than the agreed 28 days."
    assert data.agreement.startswith("Kind not set · every 28 days")
    assert [(g.title, g.latest_percent, g.last_update) for g in data.goals] == [
        ("Pass the exam", 35, date(2026, 2, 10))]
    assert [(a.text, a.owner, a.overdue) for a in data.open_actions] == [
        ("Book the exam", "mentee", True), ("Send the rota", "mentor", False)]
    assert data.follow_up is not None and data.follow_up.questions == "What would make Tuesdays easier?"
    assert data.follow_up.challenge == "Say no to one extra shift."
    assert data.wellbeing.words == "3 of 5, falling (5 → 3)"
    assert "long_gap" in data.situations and "falling_wellbeing" in data.situations
    assert len(data.questions) == 3 and all(q.text for q in data.questions)


def test_prep_never_carries_private_remarks_or_referrals() -> None:
    """Nothing private reaches the data that may be printed."""
    m = mentee("Private Person")
    s = meeting(m, datetime(2026, 3, 1, 9, 0), private="PRIVATE-REMARK-TEXT")
    Referral.create(mentee=m, session=s, on=TODAY, note="REFERRAL-LOG-TEXT")
    text = repr(asdict(prep.prepare(m)))
    assert "PRIVATE-REMARK-TEXT" not in text and "REFERRAL-LOG-TEXT" not in text


def test_no_sessions_and_new_in_post() -> None:
    """A mentee new in post with no meeting yet: no follow-up, the next check-in, first-hundred-days questions."""
    m = mentee("Adéọlá Adébáyọ̀", new_in_post=True, started=TODAY - timedelta(days=10))
    Milestone.create(mentee=m, day=30, prompt="How are the first weeks?")
    data = prep.prepare(m)
    assert data.last_met is None and data.contact_line == "No meeting yet." and data.follow_up is None
    assert data.wellbeing.words == "No wellbeing score recorded yet."
    assert data.next_milestone is not None and data.next_milestone.due_on == TODAY + timedelta(days=20)
    assert data.situations == ("new_in_post",)
    topics = {q.topic for q in data.questions}
    assert "first_hundred_days" in topics


def test_suggestions_are_stable_for_the_day_and_change_on_request() -> None:
    """The same three questions all day; "suggest others" gives a different set."""
    m = mentee("Jing Chen")
    first = prep.prepare(m).questions
    assert prep.prepare(m).questions == first
    others = [prep.prepare(m, shuffle=n).questions for n in range(1, 4)]
    assert any(o != first for o in others)
    assert all(questions.get_question(q.id).move == "questions" for q in first)


def test_questions_text_for_the_session() -> None:
    """Suggested questions go into the session one bullet a line."""
    items = (prep.SuggestedQuestion("a", "What helps?", "general"),
             prep.SuggestedQuestion("b", "What next?", "general"))
    assert prep.questions_text(items) == "• What helps?\n• What next?"


def test_unknown_mentee_is_a_readable_error(db: Path) -> None:
    """Preparing for a mentee who does not exist says so."""
    from mentordesk.services.errors import NotFoundError

    with pytest.raises(NotFoundError, match="no longer exists"):
        prep.prepare("missing")
