"""The Self-assessment area: taking an assessment by keyboard, pausing, resuming, the radar and the plan."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mentordesk.db.base import close_database
from mentordesk.services import assessments, development_plan, mentees
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, get_framework
from mentordesk.services.mentees import MenteeData
from mentordesk.services.storage import open_data_dir
from mentordesk.ui.dialogs.development_action_dialog import DevelopmentActionDialog
from mentordesk.ui.models.assessment_item_model import NOT_ANSWERED, NOT_APPLICABLE
from mentordesk.ui.views.self_assessment_view import PLAN_TAB, TAKING_TAB, SelfAssessmentView
from tests.gui.gui_helpers import on_dialog, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _earlier(taken_on: str = "2025-09-01") -> str:
    framework = get_framework(DEFAULT_FRAMEWORK)
    assessment_id = assessments.start_assessment(taken_on=taken_on)
    for number, item in enumerate(framework.items):
        assessments.answer(assessment_id, item.key, 2 + number % 4)
    assessments.complete(assessment_id)
    return assessment_id


def _view(qtbot: Any, data_dir: Path) -> SelfAssessmentView:
    view = SelfAssessmentView(data_dir)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def _keys(qtbot: Any, view: SelfAssessmentView, *keys: Any) -> None:
    for key in keys:
        if isinstance(key, tuple):
            qtbot.keyClick(view.taking.table, key[0], key[1])
        else:
            qtbot.keyClick(view.taking.table, key)


def test_keyboard_assessment_paused_resumed_finished_and_drawn_next_to_an_earlier_one(
        qtbot: Any, data_dir: Path, fixed_clock: object) -> None:
    """Digits, N, arrows and domain keys answer; closing and reopening resumes; Finish puts it on the radar."""
    open_data_dir(data_dir)
    earlier_id = _earlier()
    framework = get_framework(DEFAULT_FRAMEWORK)
    first, second = framework.domains[0], framework.domains[1]
    view = _view(qtbot, data_dir)
    view.new_action.trigger()
    assert view.tabs.currentIndex() == TAKING_TAB
    taking = view.taking
    assessment_id = taking.assessment_id
    assert assessment_id is not None
    assert "1 = Not at all skilled" in taking.scale_text.text()
    assert taking.model.row_at(0).answer_text == NOT_ANSWERED

    # Domain 1: 5, 6, N/A, back up with K and replace N/A by 4, then 7 and 3.
    _keys(qtbot, view, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_N)
    assert taking.model.row_at(2).answer_text == NOT_APPLICABLE
    _keys(qtbot, view, Qt.Key.Key_K, Qt.Key.Key_4, Qt.Key.Key_7, Qt.Key.Key_3)
    saved = assessments.get_assessment(assessment_id).answers
    assert [saved[i.key] for i in first.items] == [5, 6, 4, 7, 3]
    # Domain 2 by PgDown: 2, then 0 (not applicable), then a reflection.
    _keys(qtbot, view, Qt.Key.Key_PageDown)
    assert second.title in taking.domain_title.text()
    _keys(qtbot, view, Qt.Key.Key_2, Qt.Key.Key_0, Qt.Key.Key_Up, Qt.Key.Key_J)
    assert taking.current_row() == 2
    type_text(qtbot, taking.domain_reflection, "Agree who brings the agenda — Łódź & <b>")
    saved = assessments.get_assessment(assessment_id).answers
    assert saved[second.items[0].key] == 2 and saved[second.items[1].key] is None
    assert second.items[2].key not in saved  # not answered yet, not "not applicable"

    # Quit in the middle: close the view and the data file, then open both again.
    view.close()
    close_database()
    open_data_dir(data_dir)
    view = _view(qtbot, data_dir)
    assert assessments.get_assessment(assessment_id).domain_reflections[second.key].startswith("Agree who")
    unfinished = view.history.model.rows()
    assert [s.completed for s in unfinished if s.id == assessment_id] == [False]
    view.continue_action.trigger()
    taking = view.taking
    assert taking.assessment_id == assessment_id
    assert (taking.domain_index, taking.current_row()) == (1, 2)
    assert taking.domain_reflection.toPlainText() == "Agree who brings the agenda — Łódź & <b>"

    # Finish too early: the service's count is shown, and the view jumps to the first gap.
    taking.finish_button.click()
    missing = len(framework.items) - 7
    assert f"{missing} items are not answered yet" in taking.error.message()
    assert (taking.domain_index, taking.current_row()) == (1, 2)

    # Answer everything else by keyboard: 4 for each statement, Ctrl+Right for the next domain.
    for index in range(1, len(framework.domains)):
        domain = framework.domains[index]
        start = taking.current_row()
        _keys(qtbot, view, *([Qt.Key.Key_4] * (len(domain.items) - start)), (Qt.Key.Key_Right, CTRL))
    assert taking.pages.currentIndex() == 1  # the overall reflection page
    type_text(qtbot, taking.final_reflection, "More patient than last autumn.")
    taking.finish_button.click()
    assert taking.error.message() == ""
    detail = assessments.get_assessment(assessment_id)
    assert detail.summary.completed
    assert detail.reflection == "More patient than last autumn."

    # The radar: this assessment solid, the earlier one dashed, means as the service computes them.
    history = view.history
    assert history.primary() is not None and history.primary().id == assessment_id  # type: ignore[union-attr]
    assert history.compare_id() == earlier_id
    chart = history.chart
    assert chart.axes == [d.title for d in framework.domains]
    assert len(chart.series) == 2
    now, before = chart.series
    assert now.values == tuple(d.mean for d in assessments.domain_scores(assessment_id).domains)
    assert before.values == tuple(d.mean for d in assessments.domain_scores(earlier_id).domains)
    assert not now.dashed and before.dashed
    assert now.values[0] == 5.0  # (5 + 6 + 4 + 7 + 3) / 5
    assert now.values[1] == 3.5  # 2, not applicable, 4, 4, 4 -> (2 + 4 + 4 + 4) / 4
    assert history.extremes.text() == assessments.strongest_and_weakest(assessment_id).sentence
    assert history.domain_changes.rowCount() == len(framework.domains)
    assert history.item_changes.rowCount() == len(framework.items)
    pdf = history.save_pdf(data_dir / "assessment.pdf")
    assert pdf is not None and pdf.stat().st_size > 0


def test_models_pass_the_model_tester(qtbot: Any, data_dir: Path, fixed_clock: object, qtmodeltester: Any) -> None:
    """Every table model of the area behaves as Qt expects, filled with real data."""
    open_data_dir(data_dir)
    earlier_id = _earlier("2025-06-01")
    latest_id = _earlier("2026-01-10")
    assessments.start_assessment(taken_on="2026-03-01")
    development_plan.add_development_action("equity", "Attend the inclusion workshop", target_on="2026-04-01")
    view = _view(qtbot, data_dir)
    view.history.select(latest_id)
    assert view.history.compare_id() == earlier_id
    view.open_assessment(assessments.list_assessments(include_unfinished=True)[0].id)
    view.plan.domain.setCurrentIndex(0)  # all domains
    for model in (view.history.model, view.history.domain_changes, view.history.item_changes,
                  view.taking.model, view.plan.model, view.feedback.model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_fourth_open_action_is_refused_with_a_readable_message(
        qtbot: Any, data_dir: Path, fixed_clock: object) -> None:
    """The plan's three-open-actions rule is shown in the form, which keeps what was typed."""
    open_data_dir(data_dir)
    _earlier()
    for text in ("Read", "Ask", "Watch"):
        development_plan.add_development_action("wellbeing", text)
    view = _view(qtbot, data_dir)
    view.tabs.setCurrentIndex(PLAN_TAB)
    plan = view.plan
    plan.domain.setCurrentIndex(plan.domain.findData("wellbeing"))
    assert plan.model.rowCount() == 3
    seen: list[str] = []

    def fill(dialog: DevelopmentActionDialog) -> None:
        type_text(qtbot, dialog.text, "Practise referring")
        dialog.save()
        seen.append(dialog.error.message())
        dialog.reject()

    with on_dialog(DevelopmentActionDialog, fill):
        plan.add_button.click()
    assert "already has 3 open actions" in seen[0]
    assert len(development_plan.list_development_actions(domain_key="wellbeing")) == 3
    type_text(qtbot, plan.notes, "Notice tiredness earlier.")
    plan.flush()
    notes = assessments.get_assessment(plan.notes_assessment or "").development_notes
    assert notes["wellbeing"] == "Notice tiredness earlier."


def test_bad_own_framework_names_the_file_and_the_problem(
        qtbot: Any, data_dir: Path, tmp_path: Path, fixed_clock: object) -> None:
    """A framework file without a scale is refused with a message naming the file and what is missing."""
    open_data_dir(data_dir)
    bad = tmp_path / "my-framework.json"
    bad.write_text(json.dumps({"format": "mentordesk-framework", "key": "mine", "version": "1",
                               "title": "Mine", "domains": []}), "utf-8")
    view = _view(qtbot, data_dir)
    texts: list[str] = []

    def read(box: QMessageBox) -> None:
        texts.append(box.text())
        box.accept()

    with on_dialog(QMessageBox, read):
        view.add_framework(bad)
    assert str(bad) in texts[0] and "scale" in texts[0]
    assert view.framework.findData("mine") < 0


def test_named_mentee_rating_entered_by_keyboard_shows_the_gap(
        qtbot: Any, data_dir: Path, fixed_clock: object) -> None:
    """Ratings returned by a named mentee are entered like an assessment and give a gap per domain."""
    from mentordesk.ui.dialogs.mentee_rating_dialog import MenteeRatingDialog

    open_data_dir(data_dir)
    _earlier()
    mentee_id = mentees.create_mentee(MenteeData(name="Nguyễn Thị Hương")).id
    view = _view(qtbot, data_dir)

    def choose(dialog: MenteeRatingDialog) -> None:
        assert dialog.mentee.currentText() == "Nguyễn Thị Hương"
        dialog.save()

    with on_dialog(MenteeRatingDialog, choose):
        view.feedback.enter_button.click()
    taking = view.taking
    assert "Rating by Nguyễn Thị Hương" in taking.heading.text()
    for domain in get_framework(DEFAULT_FRAMEWORK).domains:
        _keys(qtbot, view, *([Qt.Key.Key_6] * len(domain.items)), Qt.Key.Key_PageDown)
    taking.finish_button.click()
    gaps = {g.domain_key: g for g in view.feedback.model.rows()}
    assert gaps["communication"].mentee_mean == 6.0
    assert gaps["communication"].gap == 6.0 - (gaps["communication"].self_mean or 0)
    assert [s.mentee_id for s in assessments.list_assessments(rater="mentee")] == [mentee_id]
