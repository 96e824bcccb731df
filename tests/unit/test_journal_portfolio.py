"""The reflection journal and the appraisal portfolio: figures checked against a hand-built data set."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mentordesk.db.models import Agreement, Milestone
from mentordesk.services import (
    assessments,
    development_plan,
    journal,
    mentees,
    portfolio,
    relationships,
    search,
    sessions,
)
from mentordesk.services.errors import ValidationError

FRAMEWORK = "mentoring-competencies"


def _mentee(name: str, status: str = "active", on: date = date(2025, 1, 10)) -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name=name), status=status, on=on).id)


def _meet(mentee_id: str, when: datetime, minutes: int | None) -> None:
    sessions.save_session(sessions.SessionData(mentee_id=mentee_id, held_on=when, duration_min=minutes,
                                               listening="Confidential detail zanzibar"))


@pytest.fixture
def career(db: Path) -> dict[str, str]:
    """Five relationships over 2025–2026 with known meetings, closures and a finished track."""
    ana = _mentee("Ana Pereira")
    ben = _mentee("Ben O'Connor")
    chi = _mentee("Chidi Okeke")
    dora = _mentee("Dora Nowak", on=date(2024, 1, 1))
    eve = _mentee("Eve Adams", status="prospective", on=date(2026, 5, 1))  # after the period
    for mentee_id, kind in ((ana, "career"), (ben, "career"), (chi, "research")):
        Agreement.create(mentee=mentee_id, relationship_kind=kind, agreed_on=date(2025, 1, 10))
    relationships.close_relationship(dora, reason="circumstances_changed", on=date(2024, 12, 1))  # before
    relationships.close_relationship(ben, reason="goals_realised", on=date(2025, 11, 30))
    relationships.close_relationship(chi, reason="goals_realised", on=date(2025, 12, 15))
    _meet(ana, datetime(2025, 2, 1, 9), 60)
    _meet(ana, datetime(2025, 3, 1, 9), 30)
    _meet(ben, datetime(2025, 6, 1, 23, 30), 90)
    _meet(chi, datetime(2025, 7, 1, 9), None)
    _meet(chi, datetime(2024, 12, 31, 23, 59), 45)  # outside the period
    mentees.update_mentee(ana, mentees.MenteeData(name="Ana Pereira", new_in_post=True,
                                                  started_post_on=date(2025, 1, 6)))
    for day, done in ((0, date(2025, 1, 6)), (100, date(2025, 4, 20))):
        Milestone.create(mentee=ana, day=day, prompt=f"day {day}", done_on=done)
    return {"ana": ana, "ben": ben, "chi": chi, "dora": dora, "eve": eve}


def test_figures_of_a_period(career: dict[str, str]) -> None:
    """Counts by status and kind, meetings, hours, tracks and closures match the hand-built data."""
    result = portfolio.build_portfolio(date(2025, 1, 1), date(2025, 12, 31))
    assert {f.label: f.value for f in result.by_status} == {"Active": 1, "Closed": 2}
    assert {f.label: f.value for f in result.by_kind} == {"career": 2, "research": 1}
    assert (result.meetings, result.hours, result.meetings_without_duration) == (4, 3.0, 1)
    assert result.tracks_completed == 1
    assert {f.label: f.value for f in result.closed_by_reason} == {"Goals realised": 2}
    assert {f.label for f in result.identifying_figures} == {"Active", "Closed", "career", "research", "Goals realised"}


def test_empty_period(career: dict[str, str]) -> None:
    """A period with nothing in it gives zeros and empty lists, not errors."""
    result = portfolio.build_portfolio(date(2030, 1, 1), date(2030, 12, 31))
    assert (result.meetings, result.hours, result.tracks_completed) == (0, 0.0, 0)
    assert result.closed_by_reason == () and result.domain_trends == ()
    assert {f.label: f.value for f in result.by_status} == {"Active": 1, "Prospective": 1}
    assert all("small count" in w for w in result.warnings)


def test_end_before_start_is_refused(db: Path) -> None:
    """A period that ends before it starts is a readable error."""
    with pytest.raises(ValidationError, match="before its start"):
        portfolio.build_portfolio(date(2025, 2, 1), date(2025, 1, 1))


def test_domain_means_trend(db: Path) -> None:
    """Each finished self-assessment in the period gives one mean per domain; unfinished ones do not count."""
    framework = assessments.get_framework(FRAMEWORK)
    for taken_on, value in (("2025-03-01", 4), ("2025-09-01", 6)):
        assessment_id = assessments.start_assessment(FRAMEWORK, taken_on=taken_on)
        for domain in framework.domains:
            for item in domain.items:
                assessments.answer(assessment_id, item.key, value)
        assessments.complete(assessment_id)
    assessments.start_assessment(FRAMEWORK, taken_on="2025-10-01")  # unfinished
    result = portfolio.build_portfolio(date(2025, 1, 1), date(2025, 12, 31))
    assert result.assessment_dates == (date(2025, 3, 1), date(2025, 9, 1))
    assert len(result.domain_trends) == len(framework.domains)
    assert {t.means for t in result.domain_trends} == {(4.0, 6.0)}


def test_development_plan_progress(db: Path) -> None:
    """Actions completed in the period and those still open are counted."""
    first = development_plan.add_development_action("communication", "Record one consultation", target_on="2025-03-01")
    development_plan.add_development_action("communication", "Read about feedback models")
    development_plan.complete_development_action(first, done_on=date(2025, 4, 1))
    result = portfolio.build_portfolio(date(2025, 1, 1), date(2099, 12, 31))
    assert (result.development_done, result.development_open) == (1, 1)


def test_journal_entry_linked_and_searchable(career: dict[str, str]) -> None:
    """An entry keeps its domain and private mentee link, and its words are found by search."""
    entry_id = journal.save_entry(journal.EntryData(
        written_on=date(2025, 5, 2), title="A hard conversation", what_happened="I talked too much",
        so_what="I solved instead of asking", now_what="Ask one more open question",
        framework=FRAMEWORK, domain_key="communication", mentee_id=career["ana"]))
    entry = journal.get_entry(entry_id)
    assert (entry.domain_key, entry.mentee_name) == ("communication", "Ana Pereira")
    assert [e.id for e in journal.list_entries(domain_key="communication")] == [entry_id]
    (hit,) = search.search("solved instead")
    assert (hit.kind, hit.field_label, hit.mentee_id) == ("reflection", "Journal: so what", None)


def test_empty_entry_is_refused(db: Path) -> None:
    """An entry with nothing written is not saved."""
    with pytest.raises(ValidationError, match="Write something"):
        journal.save_entry(journal.EntryData(written_on=date(2025, 1, 1), title="  "))


def test_chosen_reflections_are_checked_for_names(career: dict[str, str]) -> None:
    """A chosen reflection that names a mentee (even without accents or by family name) is flagged."""
    entry_id = journal.save_entry(journal.EntryData(written_on=date(2025, 5, 2),
                                                    what_happened="Talked with okeke about the lab."))
    clean_id = journal.save_entry(journal.EntryData(written_on=date(2025, 5, 3),
                                                    what_happened="A course on giving feedback."))
    result = portfolio.build_portfolio(date(2025, 1, 1), date(2025, 12, 31), reflection_ids=(entry_id, clean_id))
    assert [w for w in result.warnings if "mentions" in w] == ["The reflection of 2025-05-02 mentions Chidi Okeke."]


def test_named_mentee_only_when_chosen(career: dict[str, str]) -> None:
    """A mentee appears by name only when the mentor names them, with their own meetings and hours."""
    result = portfolio.build_portfolio(date(2025, 1, 1), date(2025, 12, 31), named_mentee_ids=(career["ana"],))
    assert [(n.name, n.meetings, n.hours) for n in result.named_mentees] == [("Ana Pereira", 2, 1.5)]
    csv_text = portfolio.portfolio_csv(result)
    assert "Ana Pereira" not in csv_text and "zanzibar" not in csv_text
    assert "meetings,meetings held,4" in csv_text


def test_reflection_prompts_ship() -> None:
    """The shipped prompts cover what happened, so what and now what."""
    assert [s.key for s in journal.prompt_sections()] == ["what_happened", "so_what", "now_what"]
