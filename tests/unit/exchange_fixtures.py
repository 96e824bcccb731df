"""A data set built through the services, touching every kind of record the exchange format carries."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mentordesk.db.base import database
from mentordesk.services import (
    assessments,
    development_plan,
    goals,
    journal,
    milestones,
    preferences,
    questions,
    referrals,
    support_contacts,
)
from mentordesk.services.frameworks import get_framework
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.services.relationships import AgreementData, close_relationship, save_agreement
from mentordesk.services.sessions import ActionData, SessionData, save_session

UNIQUE_WORD = "zygomorphicquokka"


def build_rich_data() -> dict[str, str]:
    """Every feature used at least once; returns a few ids by name."""
    save_profile(MentorProfile("Dr Zoë Ōkubo", "Consultant", "St Ågatha’s", "zoe@example.org"))
    ana = create_mentee(MenteeData(
        name="Łucja Żmijewska", role="Registrar", specialty="Paediatrics", organisation="Szpital",
        email="lucja@example.org", started_post_on=date(2026, 1, 5), new_in_post=True,
        notes=f"Line one\nLine two 医生 {UNIQUE_WORD}", strengths="Calm 😀", aspirations="PhD",
        match_origin="programme", shared_interests="Research", proximity="Same site",
        aligned_values="Patients first", tags=("research", "new post")), on=date(2026, 1, 2))
    save_agreement(ana.id, AgreementData("career", "video", 28, "shared", "Chatham House",
                                         date(2026, 1, 6), date(2026, 7, 6)))
    save_agreement(ana.id, AgreementData("career", "mixed", 21, "mentee", "Chatham House rules",
                                         date(2026, 2, 1), date(2026, 8, 1)))
    goal = goals.add_goal(ana.id, goals.GoalData("Publish the audit", "Detail\nwith lines", date(2026, 9, 1)))
    goals.add_progress(goal.id, 20, "Draft written", on=date(2026, 2, 1))
    goals.add_progress(goal.id, 55, "Submitted — العربية", on=date(2026, 3, 1))
    goals.add_goal(ana.id, goals.GoalData("Second goal", status="achieved"))
    session_id = save_session(SessionData(
        mentee_id=ana.id, held_on=datetime(2026, 3, 2, 17, 30), duration_min=50, format="video",
        agenda="Rota", agenda_by="mentor", listening=f"Tired {UNIQUE_WORD}", questions="What helps?",
        encouragement="Good work", challenge="Say no", wellbeing_score=2,
        wellbeing_signals=("exhaustion", "poor sleep"), wellbeing_note="Nights", private_remarks="Private 🙈",
        next_on=date(2026, 3, 30),
        actions=(ActionData("Email the rota lead", "mentee", date(2026, 3, 9)),
                 ActionData("Send the paper", "mentor", None, date(2026, 3, 5)))))
    assert session_id is not None
    save_session(SessionData(mentee_id=ana.id, held_on=datetime(2026, 2, 2, 8, 0), listening="First"))
    milestones.start_track(ana.id)
    first = milestones.track(ana.id)[0]
    milestones.tick(first.id, done_on=date(2026, 1, 6), note="Induction done")
    referrals.add_referral(ana.id, session_id, date(2026, 3, 2), "Occupational health")
    referrals.add_referral(ana.id, None, date(2026, 3, 3), "Wellbeing service")

    ben = create_mentee(MenteeData(name="Ben O’Neill", tags=("research",)), status="prospective",
                        on=date(2025, 12, 1))
    from mentordesk.services.mentees import set_status

    set_status(ben.id, "active", on=date(2026, 1, 1))
    close_relationship(ben.id, reason="goals_realised", reflection="We got there.", on=date(2026, 2, 1))

    support_contacts.add_contact("Occupational health", "ext. 4455")
    support_contacts.add_contact("Chaplaincy")
    preferences.put("goal_review_weeks", 8)
    preferences.put("retention_years", 7)
    own = questions.add_question("What would you tell a friend in your place?", "questions", "general")

    framework = get_framework("mentoring-competencies")
    items = [item.key for item in framework.items]
    self_id = assessments.start_assessment(taken_on=date(2026, 1, 10))
    for number, key in enumerate(items):
        assessments.answer(self_id, key, None if number == 3 else 1 + number % 7)
    assessments.set_reflection(self_id, "Listening well; challenge less.")
    assessments.set_domain_reflection(self_id, framework.domains[0].key, "Domain thought")
    assessments.set_development_notes(self_id, framework.domains[1].key, "Read a book")
    assessments.complete(self_id)
    unfinished = assessments.start_assessment(taken_on=date(2026, 2, 10))
    assessments.answer(unfinished, items[0], 5)
    rating = assessments.start_assessment(rater="mentee", mentee_id=ana.id, taken_on=date(2026, 3, 1))
    assessments.answer(rating, items[1], 6)
    assessments.start_assessment(rater="mentee", rater_label="Programme 2026", taken_on=date(2026, 3, 2))
    action = development_plan.add_development_action(framework.domains[0].key, "Practise silence",
                                                target_on=date(2026, 6, 1))
    development_plan.complete_development_action(action, date(2026, 3, 1))
    journal.save_entry(journal.EntryData(written_on=date(2026, 3, 3), title="A hard meeting",
                                         what_happened="She cried", so_what="I rushed", now_what="Pause",
                                         framework="mentoring-competencies",
                                         domain_key=framework.domains[0].key, mentee_id=ana.id))
    return {"ana": ana.id, "ben": ben.id, "session": session_id, "question": own.id}


def without_stamp(text: str) -> str:
    """An export's text with its exported_at line removed."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith('"exported_at"'))


def load(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    document.pop("exported_at")
    return document


def index_rows() -> list[tuple[Any, ...]]:
    """The full-text index as a sorted list (progress rows by their text, their ids are row numbers)."""
    rows = database.execute_sql(
        "SELECT kind, CASE WHEN kind = 'progress' THEN '' ELSE record_id END, mentee_id, field, private, "
        "sort_on, body FROM search_text").fetchall()
    return sorted(tuple(row) for row in rows)


def wipe() -> None:
    """Empty the open data file again (the shipped questions stay), for the next example."""
    from test_exchange_coverage import bound_models  # type: ignore[import-not-found]

    from mentordesk.db import search
    from mentordesk.db.base import transaction
    from mentordesk.db.models import Question

    with transaction():
        search.clear()
        for model in reversed(bound_models()):
            query = model.delete()
            if model is Question:
                query = query.where(Question.builtin == False)  # noqa: E712
            query.execute()
