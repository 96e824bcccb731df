"""The sample-data generator: deterministic, realistic demo mentees, and fast at scale."""

from __future__ import annotations

import time
import unicodedata
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.db.base import database
from mentordesk.db.models import ActionItem, Agreement, Goal, GoalProgress, Mentee, Session, StatusChange
from mentordesk.services import sample_data
from mentordesk.services.errors import ValidationError
from mentordesk.services.mentees import MenteeData, create_mentee, list_mentees
from mentordesk.services.mentor import get_profile
from mentordesk.services.storage import close_data, open_data_dir

TODAY = date(2026, 3, 16)  # the day of the fixed_clock fixture


def _fingerprint(folder: Path, **kwargs: object) -> tuple[list[str], list[str], list[str]]:
    open_data_dir(folder)
    try:
        sample_data.fill_demo(**kwargs)  # type: ignore[arg-type]
        names = [m.name for m in Mentee.select().order_by(Mentee.name)]
        sessions = [s.id for s in Session.select(Session.id).order_by(Session.id)]
        texts = [s.listening for s in Session.select(Session.listening).order_by(Session.id)]
    finally:
        close_data()
    return names, sessions, texts


def test_same_seed_same_data(tmp_path: Path) -> None:
    """Two runs with the same seed and day give the same names, session ids and text."""
    first = _fingerprint(tmp_path / "one", today=TODAY)
    second = _fingerprint(tmp_path / "two", today=TODAY)
    assert first == second
    other = _fingerprint(tmp_path / "three", today=TODAY, seed=8)
    assert other[1] != first[1]


@pytest.fixture
def demo(db: Path, fixed_clock: datetime) -> Path:
    assert fixed_clock.date() == TODAY
    sample_data.fill_demo()
    return db


def test_demo_roster(demo: Path) -> None:
    """About fifteen mentees with the status mix of a real practice and a demo mentor profile."""
    mentees = list(Mentee.select())
    assert 12 <= len(mentees) <= 18
    statuses = [m.status for m in mentees]
    assert statuses.count("paused") == 1
    assert statuses.count("prospective") == 1
    assert statuses.count("closed") == 2
    assert statuses.count("active") >= 10
    for closed in (m for m in mentees if m.status == "closed"):
        assert closed.closed_on is not None and closed.closure_reason and closed.closure_reflection
    assert not get_profile().is_empty


def _scripts(name: str) -> set[str]:
    return {unicodedata.name(ch).split()[0] for ch in name if ch.isalpha()}


def test_names_come_from_several_scripts_and_languages(demo: Path) -> None:
    """Names include Latin with Polish and Vietnamese letters, Greek, Cyrillic, Chinese and Arabic."""
    names = [m.name for m in Mentee.select()]
    scripts = set().union(*(_scripts(n) for n in names))
    assert {"LATIN", "GREEK", "CYRILLIC", "CJK", "ARABIC"} <= scripts
    joined = "".join(names)
    assert "Ł" in joined and "ż" in joined.lower()
    assert any(ch in joined for ch in "ễộảị")


def test_new_in_post_mentee_in_first_hundred_days(demo: Path) -> None:
    """One mentee is new in post, started about forty days ago, with a review at day one hundred."""
    new = list(Mentee.select().where(Mentee.new_in_post == True))  # noqa: E712 (peewee expression)
    assert len(new) == 1
    started = new[0].started_post_on
    assert 30 <= (TODAY - started).days <= 60
    agreement = Agreement.get(Agreement.mentee == new[0])
    assert agreement.review_on == started + timedelta(days=100)
    assert Session.select().where(Session.mentee == new[0], Session.held_on < started).count() == 0
    assert Session.select().where(Session.mentee == new[0]).count() >= 2


def test_overdue_and_attention_items(demo: Path) -> None:
    """With a fixed clock, at least one active mentee is overdue and some actions are past due and open."""
    rows = list_mentees()
    overdue = [r for r in rows if r.overdue]
    assert 1 <= len(overdue) <= 3
    late = ActionItem.select().where(ActionItem.done_on.is_null(), ActionItem.due_on < TODAY).count()
    assert late >= 1
    assert ActionItem.select().where(ActionItem.done_on.is_null(False)).count() > late


def test_histories_are_consistent(demo: Path) -> None:
    """Every mentee has an agreement, a status history ending in its status, and sessions in order."""
    for mentee in Mentee.select():
        changes = list(StatusChange.select().where(StatusChange.mentee == mentee)
                       .order_by(StatusChange.changed_on, StatusChange.id))
        assert changes[0].from_status is None
        assert changes[-1].to_status == mentee.status
        for before, after in zip(changes, changes[1:], strict=False):
            assert after.from_status == before.to_status
        agreement = Agreement.get(Agreement.mentee == mentee)
        assert 14 <= agreement.cadence_days <= 42 and agreement.relationship_kind and agreement.confidentiality
        held = [s.held_on for s in Session.select(Session.held_on).where(Session.mentee == mentee)]
        if mentee.status == "prospective":
            assert held == []
        else:
            assert held and max(held).date() <= TODAY
            assert min(held).date() >= TODAY - timedelta(days=2 * 365 + 1)
        if mentee.status == "closed":
            assert max(held).date() <= mentee.closed_on
        assert 1 <= Goal.select().where(Goal.mentee == mentee).count() <= 3


def test_sessions_hold_realistic_notes(demo: Path) -> None:
    """Sessions have text in all four moves, agendas, wellbeing scores with one signal per line, actions."""
    sessions = list(Session.select())
    assert len(sessions) >= 100
    for s in sessions:
        assert s.listening.count(".") >= 3 and s.questions.count("?") >= 2
        assert s.encouragement and s.challenge and s.agenda
        assert s.agenda_by in {"mentee", "mentor", "shared"}
        assert s.wellbeing_score is None or 1 <= s.wellbeing_score <= 5
        for signal in s.wellbeing_signals.splitlines():
            assert signal.strip() == signal and signal and "," not in signal
    low = [s for s in sessions if s.wellbeing_score is not None and s.wellbeing_score <= 2]
    assert low and all(s.wellbeing_signals for s in low)
    assert any("\n" in s.wellbeing_signals for s in low)
    assert any(s.private_remarks for s in sessions)
    assert ActionItem.select().count() >= 100
    assert {a.owner for a in ActionItem.select(ActionItem.owner)} == {"mentee", "mentor"}
    assert GoalProgress.select().count() > 0
    assert database.execute_sql("SELECT count(*) FROM search_text").fetchone()[0] > 0


def test_refuses_a_data_file_with_mentees(db: Path) -> None:
    """Sample data goes only into an empty data file; a mentor's own mentees are never mixed in."""
    create_mentee(MenteeData(name="Ana Núñez"))
    with pytest.raises(ValidationError):
        sample_data.fill_demo()
    assert Mentee.select().count() == 1


def test_generate_at_moderate_scale(db: Path) -> None:
    """30 mentees with exactly 3,000 sessions and 6,000 actions are written in a few seconds."""
    started = time.perf_counter()
    summary = sample_data.generate(mentees=30, sessions=3000, actions=6000, years=5, longest=200, seed=3,
                                   today=date(2026, 3, 16))
    elapsed = time.perf_counter() - started
    assert (summary.mentees, summary.sessions, summary.actions) == (30, 3000, 6000)
    assert (Mentee.select().count(), Session.select().count(), ActionItem.select().count()) == (30, 3000, 6000)
    busiest = database.execute_sql(
        "SELECT count(*) FROM session GROUP BY mentee_id ORDER BY 1 DESC LIMIT 1").fetchone()[0]
    assert busiest == 200
    oldest = database.execute_sql("SELECT min(held_on) FROM session").fetchone()[0]
    assert oldest >= (date(2026, 3, 16) - timedelta(days=5 * 365)).isoformat()
    assert elapsed < 20, f"took {elapsed:.1f} s"
