"""Competency assessments: storage, answering, scoring with known answers, history, gaps and the plan."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import peewee
import pytest

from mentordesk.db import migrations
from mentordesk.db.assessment_models import ASSESSMENT_MODELS, Assessment, AssessmentAnswer, DomainNote
from mentordesk.db.base import close_database, database
from mentordesk.db.models import ALL_MODELS, Mentee
from mentordesk.services import assessments, development_plan, frameworks, mentees
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.storage import open_data_dir

# A small framework whose means are easy to work out by hand.
SMALL = {
    "format": "mentordesk-framework", "key": "small", "version": "1", "title": "Small",
    "scale": {"min": 1, "max": 7, "anchors": {"1": "Low", "7": "High"}, "not_applicable": True},
    "domains": [
        {"key": "listening", "title": "Listening", "items": [
            {"key": "listening.a", "text": "I a."}, {"key": "listening.b", "text": "I b."},
            {"key": "listening.c", "text": "I c."}]},
        {"key": "feedback", "title": "Feedback", "items": [
            {"key": "feedback.a", "text": "I a."}, {"key": "feedback.b", "text": "I b."}]},
        {"key": "values", "title": "Values", "items": [
            {"key": "values.a", "text": "I a."}, {"key": "values.b", "text": "I b."}]},
    ],
}


@pytest.fixture
def small(db: Path, tmp_path: Path, fixed_clock: object) -> str:
    path = tmp_path / "small.json"
    path.write_text(json.dumps(SMALL), "utf-8")
    return frameworks.add_own_framework(path).key


def _take(answers: dict[str, int | None], *, taken_on: str = "2026-03-01", finish: bool = True,
          rater: str = "self", mentee_id: str | None = None, framework: str = "small") -> str:
    assessment_id = assessments.start_assessment(framework, rater=rater, mentee_id=mentee_id,
                                                 taken_on=taken_on)
    for key, value in answers.items():
        assessments.answer(assessment_id, key, value)
    if finish:
        assessments.complete(assessment_id)
    return assessment_id


def _all(values: list[int | None]) -> dict[str, int | None]:
    keys = [i.key for i in frameworks.get_framework("small").items]
    return dict(zip(keys, values, strict=True))


def _means(assessment_id: str) -> dict[str, float | None]:
    return {d.domain_key: d.mean for d in assessments.domain_scores(assessment_id).domains}


# ---------------------------------------------------------------- storage


def test_schema_step_creates_exactly_the_models_tables(db: Path) -> None:
    """Columns, indexes and foreign keys of the frozen SQL match what peewee makes of the models."""
    assert migrations.LATEST >= 4 and migrations.schema_version(database.obj) == migrations.LATEST
    reference = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    models = ALL_MODELS + ASSESSMENT_MODELS
    with reference.bind_ctx(models):
        reference.create_tables(models)
    for model in ASSESSMENT_MODELS:
        table = model._meta.table_name
        for pragma in ("table_info", "foreign_key_list"):
            real = database.execute_sql(f'PRAGMA {pragma}("{table}")').fetchall()
            expected = reference.execute_sql(f'PRAGMA {pragma}("{table}")').fetchall()
            assert sorted(real) == sorted(expected), (table, pragma)
        assert _indexes(database.obj, table) == _indexes(reference, table), table
        columns = [row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")')]
        assert columns == [field.column_name for field in model._meta.sorted_fields], table


def _indexes(db: peewee.SqliteDatabase, table: str) -> dict[str, tuple[int, list[str]]]:
    """Each index of a table: whether it is unique, and its columns in order."""
    found = {}
    for _seq, name, unique, _origin, _partial in db.execute_sql(f'PRAGMA index_list("{table}")'):
        columns = [row[2] for row in db.execute_sql(f'PRAGMA index_info("{name}")')]
        found[name] = (unique, columns)
    return found


# ---------------------------------------------------------------- taking an assessment


def test_not_applicable_and_not_answered_are_different(small: str) -> None:
    """None is saved as an answer ("not applicable"); a cleared item has no answer at all."""
    assessment_id = _take({"listening.a": 5, "listening.b": None}, finish=False)
    detail = assessments.get_assessment(assessment_id)
    assert detail.answers == {"listening.a": 5, "listening.b": None}
    assert (detail.summary.answered, detail.summary.item_count, detail.summary.completed) == (2, 7, False)
    assessments.answer(assessment_id, "listening.b", 3)  # changing an answer keeps one row
    assessments.clear_answer(assessment_id, "listening.a")
    assert assessments.get_assessment(assessment_id).answers == {"listening.b": 3}
    assert AssessmentAnswer.select().count() == 1


@pytest.mark.parametrize(("item", "value", "message"), [
    ("listening.a", 0, "from 1 to 7"),
    ("listening.a", 8, "from 1 to 7"),
    ("listening.a", True, "from 1 to 7"),
    ("nope.item", 3, "“nope.item” is not an item"),
])
def test_bad_answers_are_refused(small: str, item: str, value: int, message: str) -> None:
    assessment_id = _take({}, finish=False)
    with pytest.raises(ValidationError, match=message):
        assessments.answer(assessment_id, item, value)
    assert AssessmentAnswer.select().count() == 0


def test_complete_refused_with_count_missing_then_allowed(small: str) -> None:
    """Finishing needs every item answered or not applicable; the message counts what is missing."""
    assessment_id = _take({"listening.a": 5, "feedback.a": None, "values.a": 2}, finish=False)
    with pytest.raises(ValidationError, match="4 items are not answered yet"):
        assessments.complete(assessment_id)
    for key in ("listening.b", "listening.c", "feedback.b"):
        assessments.answer(assessment_id, key, None)
    with pytest.raises(ValidationError, match="1 item is not answered yet"):
        assessments.complete(assessment_id)
    assessments.answer(assessment_id, "values.b", 7)
    assessments.complete(assessment_id)
    assert assessments.get_assessment(assessment_id).summary.completed
    with pytest.raises(ValidationError, match="finished assessment"):
        assessments.clear_answer(assessment_id, "values.b")


def test_pause_and_resume_across_reopening_the_data_file(small: str, data_dir: Path) -> None:
    """The resume point is the first unanswered item in framework order, and survives a restart."""
    assessment_id = _take({"listening.a": 4, "listening.b": None, "feedback.a": 6}, finish=False)
    close_database()
    open_data_dir(data_dir)
    point = assessments.resume_point(assessment_id)
    assert point == assessments.ResumePoint("listening", "listening.c", 0, 2)
    assessments.answer(assessment_id, "listening.c", 1)
    point = assessments.resume_point(assessment_id)
    assert point is not None
    assert (point.item_key, point.domain_index, point.item_index) == ("feedback.b", 1, 1)
    for key in ("feedback.b", "values.a", "values.b"):
        assessments.answer(assessment_id, key, 3)
    assert assessments.resume_point(assessment_id) is None


def test_reflections_and_development_notes_are_kept(small: str) -> None:
    assessment_id = _take({}, finish=False)
    assessments.set_domain_reflection(assessment_id, "listening", "I interrupt when tired.\nWork on it.")
    assessments.set_development_notes(assessment_id, "listening", "Count to three.")
    assessments.set_development_notes(assessment_id, "values", "Ask for feedback.")
    assessments.set_reflection(assessment_id, "A good year, 多谢.")
    detail = assessments.get_assessment(assessment_id)
    assert detail.domain_reflections == {"listening": "I interrupt when tired.\nWork on it."}
    assert detail.development_notes == {"listening": "Count to three.", "values": "Ask for feedback."}
    assert detail.reflection == "A good year, 多谢."
    assert DomainNote.select().count() == 2
    with pytest.raises(ValidationError, match="“nope” is not a domain"):
        assessments.set_domain_reflection(assessment_id, "nope", "x")


def test_start_rules(small: str) -> None:
    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Kwame Mensah")).id)
    with pytest.raises(ValidationError, match="future"):
        assessments.start_assessment("small", taken_on="2026-03-17")
    with pytest.raises(ValidationError, match="no mentee"):
        assessments.start_assessment("small", mentee_id=mentee_id)
    with pytest.raises(ValidationError, match="Rater must be one of"):
        assessments.start_assessment("small", rater="colleague")
    with pytest.raises(NotFoundError):
        assessments.start_assessment("small", rater="mentee", mentee_id="no-such-id")
    with pytest.raises(NotFoundError):
        assessments.start_assessment("unknown")
    assessment_id = assessments.start_assessment("small")
    summary = assessments.get_assessment(assessment_id).summary
    assert (summary.taken_on, summary.framework_version, summary.rater) == (date(2026, 3, 16), "1", "self")
    assert Assessment.select().count() == 1


# ---------------------------------------------------------------- scoring with known answers


def test_domain_means_ignore_not_applicable_and_never_show_zero(small: str) -> None:
    """listening 7, 4, N/A -> 5.5; feedback N/A, N/A -> not rated; values 2, 3 -> 2.5."""
    assessment_id = _take(_all([7, 4, None, None, None, 2, 3]))
    scores = assessments.domain_scores(assessment_id)
    by_key = {d.domain_key: d for d in scores.domains}
    assert by_key["listening"].mean == pytest.approx(5.5)
    assert (by_key["listening"].rated, by_key["listening"].not_applicable) == (2, 1)
    assert by_key["feedback"].mean is None and by_key["feedback"].not_applicable == 2
    assert by_key["values"].mean == pytest.approx(2.5)
    assert scores.completed


def test_unanswered_items_do_not_count_while_unfinished(small: str) -> None:
    """Only listening.a (6) and values.b (1) answered: listening 6, feedback not rated, values 1."""
    assessment_id = _take({"listening.a": 6, "values.b": 1}, finish=False)
    scores = assessments.domain_scores(assessment_id)
    assert _means(assessment_id) == {"listening": 6.0, "feedback": None, "values": 1.0}
    assert [d.unanswered for d in scores.domains] == [2, 2, 1]
    assert not scores.completed


def test_shipped_framework_known_means(db: Path, fixed_clock: object) -> None:
    """On the shipped framework: communication 1..5 -> 3.0; expectations 7,7,N/A,N/A,4 -> 6.0."""
    framework = frameworks.get_framework("mentoring-competencies", "1.0")
    answers: dict[str, int | None] = {item.key: 4 for item in framework.items}
    communication: list[int | None] = [1, 2, 3, 4, 5]
    expectations: list[int | None] = [7, 7, None, None, 4]
    for values, domain in ((communication, "communication"), (expectations, "expectations")):
        for value, item in zip(values, framework.domain(domain).items, strict=True):
            answers[item.key] = value
    for item in framework.domain("equity").items:
        answers[item.key] = None
    assessment_id = _take(answers, framework="mentoring-competencies")
    means = _means(assessment_id)
    assert means["communication"] == pytest.approx(3.0)
    assert means["expectations"] == pytest.approx(6.0)
    assert means["equity"] is None
    assert means["wellbeing"] == pytest.approx(4.0)


def test_unfinished_assessment_is_left_out_of_trends(small: str) -> None:
    first = _take(_all([4, 4, 4, 4, 4, 4, 4]), taken_on="2025-09-01")
    second = _take(_all([5, 6, 7, 3, None, 2, 2]), taken_on="2026-03-01")
    unfinished = _take({"listening.a": 1}, taken_on="2026-03-10", finish=False)
    trend = assessments.trend("small")
    assert [t.assessment_id for t in trend] == [first, second]
    assert trend[1].mean_of("listening") == pytest.approx(6.0) and trend[1].mean_of("feedback") == 3.0
    history = assessments.list_assessments(rater="self")
    assert [s.id for s in history] == [unfinished, second, first]
    assert [s.completed for s in history] == [False, True, True]
    assert [s.id for s in assessments.list_assessments(include_unfinished=False)] == [second, first]


def test_compare_per_domain_and_item(small: str) -> None:
    before = _take(_all([4, 4, 4, 3, None, 5, 5]), taken_on="2025-09-01")
    after = _take(_all([6, 5, 4, None, None, 5, 3]), taken_on="2026-03-01")
    comparison = assessments.compare(before, after)
    domains = {d.domain_key: d for d in comparison.domains}
    assert domains["listening"].change == pytest.approx(1.0)  # 4.0 -> 5.0
    assert domains["feedback"].before == 3.0 and domains["feedback"].after is None
    assert domains["feedback"].change is None
    assert domains["values"].change == pytest.approx(-1.0)  # 5.0 -> 4.0
    items = {i.item_key: i for i in comparison.items}
    assert (items["listening.a"].before, items["listening.a"].after, items["listening.a"].change) == (4, 6, 2)
    assert items["feedback.a"].change is None
    assert [i.item_key for i in comparison.items][:3] == ["listening.a", "listening.b", "listening.c"]


def test_strongest_and_weakest_in_words_with_ties(small: str) -> None:
    """listening 6.0, feedback 3.5, values 6.0: two strongest named together, one weakest."""
    assessment_id = _take(_all([6, 6, 6, 3, 4, 6, 6]))
    found = assessments.strongest_and_weakest(assessment_id)
    assert found.strongest == ("Listening", "Values") and found.weakest == ("Feedback",)
    assert found.sentence == "Strongest: Listening and Values (6.0 each). Weakest: Feedback (3.5)."


def test_extremes_when_nothing_or_everything_is_equal(small: str) -> None:
    none_rated = _take(_all([None] * 7))
    assert assessments.strongest_and_weakest(none_rated).sentence == "No domain is rated yet."
    all_equal = _take(_all([5, 5, 5, 5, 5, None, None]))
    found = assessments.strongest_and_weakest(all_equal)
    assert found.sentence == "All rated domains have the same mean (5.0); none stands out."
    only_one = _take(_all([2, None, None, None, None, None, None]))
    assert assessments.strongest_and_weakest(only_one).sentence == "Only Listening is rated (2.0)."


# ---------------------------------------------------------------- the mentee's view


def test_self_vs_mentee_gap_uses_latest_self_and_mean_of_mentees(small: str) -> None:
    """Latest self: listening 4.0. Mentees: 6.0 (named) and 5.0 (anonymous) -> 5.5; gap +1.5."""
    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Zofia Łukasiewicz")).id)
    _take(_all([1, 1, 1, 1, 1, 1, 1]), taken_on="2025-01-01")
    latest = _take(_all([4, 4, 4, 6, 6, None, None]), taken_on="2026-01-01")
    _take(_all([6, 6, 6, 2, None, 7, 7]), rater="mentee", mentee_id=mentee_id)
    _take(_all([5, 5, 5, None, None, None, None]), rater="mentee")
    _take({"listening.a": 1}, rater="mentee", finish=False)  # unfinished: ignored
    report = assessments.self_vs_mentee_gap("small")
    assert report.self_assessment_id == latest and report.mentee_ratings == 2
    gaps = {g.domain_key: g for g in report.domains}
    assert gaps["listening"].mentee_mean == pytest.approx(5.5) and gaps["listening"].gap == pytest.approx(1.5)
    assert gaps["feedback"].mentee_mean == 2.0 and gaps["feedback"].mentee_ratings == 1
    assert gaps["feedback"].gap == pytest.approx(-4.0)
    assert gaps["values"].self_mean is None and gaps["values"].gap is None
    history = assessments.list_assessments(rater="mentee")
    assert {(s.mentee_name, s.anonymous) for s in history} == {("Zofia Łukasiewicz", False), ("", True)}


def test_named_mentee_ratings_can_be_deleted_on_request(small: str) -> None:
    """Deleting a mentee's ratings removes theirs (with answers) and leaves anonymous and self ones."""
    keep_id = str(mentees.create_mentee(mentees.MenteeData(name="Ana Souza")).id)
    mentee_id = str(mentees.create_mentee(mentees.MenteeData(name="Ravi Iyer")).id)
    own = _take(_all([4] * 7))
    _take(_all([5] * 7), rater="mentee", mentee_id=mentee_id)
    _take(_all([6] * 7), rater="mentee", mentee_id=mentee_id, finish=False)
    anonymous = _take(_all([3] * 7), rater="mentee")
    other = _take(_all([2] * 7), rater="mentee", mentee_id=keep_id)
    assert assessments.delete_mentee_ratings(mentee_id) == 2
    assert {s.id for s in assessments.list_assessments()} == {own, anonymous, other}
    assert AssessmentAnswer.select().count() == 21
    # Deleting the mentee themself takes their ratings with them.
    Mentee.get_by_id(keep_id).delete_instance()
    assert {s.id for s in assessments.list_assessments()} == {own, anonymous}


# ---------------------------------------------------------------- the development plan


def test_at_most_three_open_actions_per_domain(small: str) -> None:
    ids = [development_plan.add_development_action("listening", f"Step {n}", framework_key="small")
           for n in (1, 2, 3)]
    with pytest.raises(ValidationError, match="Listening already has 3 open actions"):
        development_plan.add_development_action("listening", "Step 4", framework_key="small")
    development_plan.add_development_action("values", "Another domain is fine", framework_key="small")
    development_plan.complete_development_action(ids[0])
    fourth = development_plan.add_development_action("listening", "Step 4", framework_key="small")
    with pytest.raises(ValidationError, match="3 open actions"):
        development_plan.reopen_development_action(ids[0])
    development_plan.delete_development_action(fourth)
    development_plan.reopen_development_action(ids[0])
    plan = development_plan.list_development_actions(framework_key="small", domain_key="listening")
    assert len(plan) == 3 and all(a.open for a in plan) and plan[0].domain_title == "Listening"


def test_development_action_rules(small: str) -> None:
    with pytest.raises(ValidationError, match="“nope” is not a domain"):
        development_plan.add_development_action("nope", "x", framework_key="small")
    with pytest.raises(ValidationError, match="Action is required"):
        development_plan.add_development_action("listening", "  ", framework_key="small")
    with pytest.raises(ValidationError, match="not a date"):
        development_plan.add_development_action("listening", "x", target_on="31/04/2026", framework_key="small")
    with pytest.raises(NotFoundError):
        development_plan.complete_development_action("missing")


def test_due_development_actions_for_the_dashboard(small: str) -> None:
    """Open actions whose target date has come, earliest first; done and undated ones are not due."""
    late = development_plan.add_development_action("listening", "Shadow a colleague", target_on="2026-03-01",
                                              framework_key="small")
    today = development_plan.add_development_action("values", "Write my values down", target_on="2026-03-16",
                                               framework_key="small")
    soon = development_plan.add_development_action("feedback", "Ask for feedback", target_on="2026-03-20",
                                              framework_key="small")
    development_plan.add_development_action("feedback", "Undated", framework_key="small")
    done = development_plan.add_development_action("listening", "Done already", target_on="2026-02-01",
                                              framework_key="small")
    development_plan.complete_development_action(done, "2026-02-02")
    assert [a.id for a in development_plan.due_development_actions(date(2026, 3, 16))] == [late, today]
    assert [a.id for a in development_plan.due_development_actions()] == [late, today]  # the fixed clock
    assert [a.id for a in development_plan.due_development_actions(within_days=7)] == [late, today, soon]
    plan = development_plan.list_development_actions()
    assert [a.text for a in plan][-2:] == ["Undated", "Done already"]
    assert plan[-1].done_on == date(2026, 2, 2)


def test_default_framework_plan(db: Path, fixed_clock: object) -> None:
    """Without a framework named, the plan is for the shipped framework and shows its domain titles."""
    action_id = development_plan.add_development_action("wellbeing", "Learn the referral routes",
                                                   target_on="2026-04-01")
    (action,) = development_plan.list_development_actions(include_done=False)
    assert (action.id, action.framework, action.domain_title) == (
        action_id, "mentoring-competencies", "Wellbeing and resilience")
