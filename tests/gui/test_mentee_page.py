"""The mentee's own page driven as a mentor would: lifecycle, agreement, goals, first hundred days."""

from __future__ import annotations

import time
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import on_dialog, type_text
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QInputDialog

from mentordesk.db.models import Agreement, Goal, GoalProgress, Mentee, Milestone, Session, StatusChange
from mentordesk.services import goals, mentees, milestones, relationships
from mentordesk.services.mentees import MenteeData
from mentordesk.ui.dialogs.agreement_dialog import AgreementDialog
from mentordesk.ui.dialogs.agreement_history_dialog import AgreementHistoryDialog
from mentordesk.ui.dialogs.check_in_dialog import CheckInDialog
from mentordesk.ui.dialogs.close_relationship_dialog import CloseRelationshipDialog
from mentordesk.ui.dialogs.goal_dialog import GoalDialog
from mentordesk.ui.dialogs.progress_dialog import ProgressDialog
from mentordesk.ui.dialogs.tick_dialog import TickDialog
from mentordesk.ui.main_window import MENTEES, MainWindow
from mentordesk.ui.models.agreement_versions_model import AgreementVersionsModel
from mentordesk.ui.models.goal_table_model import REVIEW, GoalTableModel
from mentordesk.ui.models.mentee_table_model import DAYS_SINCE, NAME, OVERDUE_COLOUR
from mentordesk.ui.models.milestone_table_model import NEXT_TEXT, MilestoneTableModel
from mentordesk.ui.models.progress_table_model import ProgressTableModel
from mentordesk.ui.models.status_history_model import StatusHistoryModel
from mentordesk.ui.views.mentees_view import MENTEE_PAGE, ROSTER_PAGE

NAME_PL = "Zofia Łukasiewicz"
REFLECTION = "Zdała egzamin; 她已经准备好了."


def click(qtbot: Any, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def set_date(edit: Any, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def focus(qtbot: Any, widget: Any) -> None:
    """Give ``widget`` the keyboard focus in an active window, as a mentor's click would."""
    widget.window().activateWindow()
    qtbot.waitUntil(widget.window().isActiveWindow)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def open_page(qtbot: Any, win: MainWindow, mentee_id: str) -> Any:
    win.show_area(MENTEES)
    view = win.mentees
    view.refresh()
    assert view.select_mentee(mentee_id)
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.pages.currentIndex() == MENTEE_PAGE
    return view.page


def history(mentee_id: str) -> list[tuple[str | None, str]]:
    return [(c.from_status, c.to_status) for c in StatusChange.select().where(StatusChange.mentee == mentee_id)
            .order_by(StatusChange.id)]


def test_from_invitation_to_closure_and_reopening(qtbot: Any, window: MainWindow, fixed_clock: datetime) -> None:
    """A mentor takes an invited mentee through activation, agreement, goals, pause, closure and reopening."""
    mentee = mentees.create_mentee(MenteeData(name=NAME_PL, role="Registrar", match_origin="mentee_invited",
                                              shared_interests="Simulation"), status="prospective")
    page = open_page(qtbot, window, mentee.id)
    assert page.title.text() == NAME_PL
    assert "Prospective" in page.status_label.text()
    assert page.match["Began"].text() == "The mentee asked me"
    assert not page.pause_action.isEnabled()  # a prospective relationship cannot be paused

    page.activate_action.trigger()
    assert Mentee.get_by_id(mentee.id).status == "active"
    assert "Active" in page.status_label.text()
    assert page.history_model.rowCount() == 2

    def agree(dialog: AgreementDialog) -> None:
        def new_kind(box: QInputDialog) -> None:
            box.setTextValue("Return to training")
            box.accept()

        with on_dialog(QInputDialog, new_kind):
            click(qtbot, dialog.add_kind_button)
        assert dialog.kind.currentText() == "Return to training"
        dialog.meeting_format.setCurrentIndex(dialog.meeting_format.findData("video"))
        dialog.cadence.setValue(21)
        dialog.agenda_owner.setCurrentIndex(dialog.agenda_owner.findData("shared"))
        type_text(qtbot, dialog.confidentiality, "Between us unless a patient is at risk.")
        set_date(dialog.agreed_on.edit, date(2026, 3, 16))
        dialog.review_on.known.setChecked(True)
        set_date(dialog.review_on.edit, date(2026, 3, 1))
        click(qtbot, dialog.save_button)
        assert dialog.isVisible()
        assert "review date cannot be before" in dialog.error.message()
        assert Agreement.select().count() == 0
        set_date(dialog.review_on.edit, date(2026, 9, 16))
        click(qtbot, dialog.save_button)

    with on_dialog(AgreementDialog, agree):
        page.agreement_action.trigger()
    stored = relationships.current_agreement(mentee.id)
    assert stored is not None
    assert (stored.relationship_kind, stored.meeting_format, stored.cadence_days, stored.agenda_owner,
            stored.review_on) == ("Return to training", "video", 21, "shared", date(2026, 9, 16))
    assert page.agreement["In short"].text() == relationships.agreement_line(stored)
    assert "every 21 days" in page.agreement["In short"].text()

    def change_cadence(dialog: AgreementDialog) -> None:
        assert dialog.cadence.value() == 21
        dialog.cadence.setValue(28)
        click(qtbot, dialog.save_button)

    with on_dialog(AgreementDialog, change_cadence):
        page.agreement_action.trigger()
    assert Agreement.select().count() == 2
    assert "every 28 days" in page.agreement["In short"].text()

    def look_at_versions(dialog: AgreementHistoryDialog) -> None:
        model = dialog.model
        assert model.rowCount() == 2
        assert [model.index(r, 4).data() for r in range(2)] == ["28 days", "21 days"]
        dialog.reject()

    with on_dialog(AgreementHistoryDialog, look_at_versions):
        page.versions_action.trigger()

    def new_goal(dialog: GoalDialog) -> None:
        type_text(qtbot, dialog.title, "Pass the ARCP")
        click(qtbot, dialog.save_button)

    with on_dialog(GoalDialog, new_goal):
        page.goals.add_action.trigger()
    goal = Goal.get(Goal.mentee == mentee.id)
    for on, percent in ((date(2026, 3, 2), 40), (date(2026, 3, 16), 70)):
        def progress(dialog: ProgressDialog, on: date = on, percent: int = percent) -> None:
            set_date(dialog.on, on)
            dialog.percent.setValue(percent)
            type_text(qtbot, dialog.note, "Portfolio half done")
            click(qtbot, dialog.save_button)

        with on_dialog(ProgressDialog, progress):
            page.goals.progress_action.trigger()
    assert [(p.on, p.percent) for p in GoalProgress.select().where(GoalProgress.goal == goal.id)
            .order_by(GoalProgress.on)] == [(date(2026, 3, 2), 40), (date(2026, 3, 16), 70)]
    assert page.goals.chart.points() == [(date(2026, 3, 2), 40), (date(2026, 3, 16), 70)]
    assert page.goals.model.index(0, 2).data() == "70 %"
    assert page.goals.progress_model.rowCount() == 2
    assert "70 % on 16 Mar 2026" in page.goals.chart.accessibleDescription()

    page.pause_action.trigger()
    assert Mentee.get_by_id(mentee.id).status == "paused" and "Paused" in page.status_label.text()
    page.activate_action.trigger()
    assert Mentee.get_by_id(mentee.id).status == "active"

    def close(dialog: CloseRelationshipDialog) -> None:
        set_date(dialog.closed_on, date(2026, 3, 15))
        dialog.reason.setCurrentIndex(dialog.reason.findData("goals_realised"))
        type_text(qtbot, dialog.reflection, REFLECTION)
        click(qtbot, dialog.save_button)

    with on_dialog(CloseRelationshipDialog, close):
        page.close_action.trigger()
    closed = Mentee.get_by_id(mentee.id)
    assert (closed.status, closed.closed_on, closed.closure_reason, closed.closure_reflection) == (
        "closed", date(2026, 3, 15), "goals_realised", REFLECTION)
    assert page.closure_box.isVisible()
    assert "Goals realised" in page.closure_text.text() and REFLECTION in page.closure_text.text()
    assert page.reopen_action.isEnabled() and not page.close_action.isEnabled()

    page.reopen_action.trigger()
    assert Mentee.get_by_id(mentee.id).status == "active"
    assert not page.closure_box.isVisible()
    assert history(mentee.id) == [(None, "prospective"), ("prospective", "active"), ("active", "paused"),
                                  ("paused", "active"), ("active", "closed"), ("closed", "active")]
    texts = [[page.history_model.index(r, c).data() for c in range(4)]
             for r in range(page.history_model.rowCount())]
    assert ["15 Mar 2026", "Active → Closed", "Goals realised", REFLECTION] in texts

    focus(qtbot, page.history_table)
    qtbot.keyClick(page.history_table, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.mentees.pages.currentIndex() == ROSTER_PAGE
    assert window.mentees.selected() is not None and window.mentees.selected().name == NAME_PL


def test_escape_goes_back_and_profile_stays_editable(qtbot: Any, window: MainWindow) -> None:
    """Esc returns to the roster; "Edit profile…" on the page saves strengths and shows them."""
    from mentordesk.ui.dialogs.mentee_dialog import MenteeDialog

    mentee = mentees.create_mentee(MenteeData(name="王秀英"))
    page = open_page(qtbot, window, mentee.id)

    def edit(dialog: MenteeDialog) -> None:
        type_text(qtbot, dialog.strengths, "Calm under pressure")
        type_text(qtbot, dialog.aspirations, "Lead a ward")
        click(qtbot, dialog.save_button)

    with on_dialog(MenteeDialog, edit):
        page.edit_action.trigger()
    assert Mentee.get_by_id(mentee.id).strengths == "Calm under pressure"
    assert page.profile["Strengths"].text() == "Calm under pressure"
    assert page.profile["Aspirations"].text() == "Lead a ward"
    focus(qtbot, page.goals.table)
    qtbot.keyClick(page.goals.table, Qt.Key.Key_Escape)
    assert window.mentees.pages.currentIndex() == ROSTER_PAGE


def test_first_hundred_days_ticked_reworded_and_added(qtbot: Any, window: MainWindow,
                                                     fixed_clock: datetime) -> None:
    """For a mentee new in post, the track starts, a check-in is ticked with a note, re-worded, and one added."""
    mentee = mentees.create_mentee(MenteeData(name="Nguyễn Thị Hương", new_in_post=True,
                                              started_post_on=date(2026, 3, 1)))
    page = open_page(qtbot, window, mentee.id)
    panel = page.milestones
    assert panel.isVisible()
    assert panel.buttons[panel.start_action].isVisible()
    click(qtbot, panel.buttons[panel.start_action])
    rows = milestones.track(mentee.id)
    assert len(rows) == Milestone.select().count() > 0
    assert rows[0].due_on == date(2026, 3, 1)
    assert "Next: day 0, due 1 Mar 2026 (15 days overdue)" in panel.status.text()
    assert panel.model.index(0, 3).data() == NEXT_TEXT
    first = rows[0]

    def tick(dialog: TickDialog) -> None:
        set_date(dialog.done_on, date(2026, 3, 3))
        type_text(qtbot, dialog.note, "Settling in well")
        click(qtbot, dialog.save_button)

    with on_dialog(TickDialog, tick):
        panel.tick_action.trigger()
    ticked = Milestone.get_by_id(first.id)
    assert (ticked.done_on, ticked.note) == (date(2026, 3, 3), "Settling in well")
    assert panel.model.index(0, 3).data() == "✓ 3 Mar 2026 — Settling in well"
    assert panel.model.index(1, 3).data() == NEXT_TEXT

    panel.table.selectRow(1)

    def reword(dialog: CheckInDialog) -> None:
        assert not dialog.day.isEnabled()
        dialog.prompt.selectAll()
        type_text(qtbot, dialog.prompt, "Kto ci pomaga najbardziej?")
        click(qtbot, dialog.save_button)

    with on_dialog(CheckInDialog, reword):
        panel.reword_action.trigger()
    assert Milestone.get_by_id(rows[1].id).prompt == "Kto ci pomaga najbardziej?"
    assert panel.model.index(1, 2).data() == "Kto ci pomaga najbardziej?"

    def add(dialog: CheckInDialog) -> None:
        dialog.day.setValue(45)
        type_text(qtbot, dialog.prompt, "Halfway: what has surprised you?")
        click(qtbot, dialog.save_button)

    with on_dialog(CheckInDialog, add):
        panel.add_action.trigger()
    added = Milestone.get(Milestone.prompt == "Halfway: what has surprised you?")
    assert added.day == 45
    shown = [panel.model.index(r, 1).data() for r in range(panel.model.rowCount())
             if panel.model.index(r, 2).data() == "Halfway: what has surprised you?"]
    assert shown == ["15 Apr 2026"]


def test_track_is_hidden_for_a_mentee_not_new_in_post(qtbot: Any, window: MainWindow) -> None:
    """Someone not new in post has no first-hundred-days panel on their page."""
    mentee = mentees.create_mentee(MenteeData(name="Jonas Müller"))
    page = open_page(qtbot, window, mentee.id)
    assert not page.milestones.isVisible()


def test_page_shows_the_timeline_and_starts_a_session(qtbot: Any, window: MainWindow) -> None:
    """The page lists the mentee's meetings newest first; New session opens an editor for them."""
    from mentordesk.services import sessions
    from mentordesk.ui.dialogs.session_window import open_windows

    mentee = mentees.create_mentee(MenteeData(name="Ngozi Adeyemi"))
    for day in (3, 17):
        sessions.save_session(sessions.SessionData(mentee_id=mentee.id, held_on=datetime(2026, 2, day, 9, 0),
                                                   agenda=f"Rota worries {day}"))
    page = open_page(qtbot, window, mentee.id)
    model = page.timeline.session_model
    shown = [str(model.data(model.index(row, 0))) for row in range(model.rowCount())]
    assert len(shown) == 2 and "Rota worries 17" in shown[0] and "Rota worries 3" in shown[1]
    opened: list[str] = []
    window.mentees.open_session.connect(opened.append)
    page.timeline.open_session.emit(sessions.list_sessions(mentee_id=mentee.id)[0].id)
    assert opened == [sessions.list_sessions(mentee_id=mentee.id)[0].id]
    qtbot.mouseClick(page.new_session_button, Qt.MouseButton.LeftButton)
    editors = [w for w in open_windows() if w.isVisible()]
    assert editors and all(w.editor.data().mentee_id == mentee.id for w in editors)
    for editor in editors:
        editor.close()


def test_roster_marks_an_overdue_mentee_in_a_fixed_time_zone(qtbot: Any, db: Path, fixed_clock: datetime,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """With the clock and zone fixed, an overdue mentee is said overdue in words, with an icon and colour."""
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        late = mentees.create_mentee(MenteeData(name="فاطمة الزهراء", tags=("ED",)))
        relationships.save_agreement(late.id, relationships.AgreementData(cadence_days=28))
        Session.create(mentee=late.id, held_on=datetime(2026, 1, 30, 23, 30))
        fine = mentees.create_mentee(MenteeData(name="Jonas Müller", tags=("research",)))
        relationships.save_agreement(fine.id, relationships.AgreementData(cadence_days=28))
        Session.create(mentee=fine.id, held_on=datetime(2026, 3, 15, 0, 30))
        win = MainWindow(db)
        qtbot.addWidget(win)
        win.show_area(MENTEES)
        model = win.mentees.model
        late_cell = model.index(model.row_of(late.id), DAYS_SINCE)
        assert late_cell.data() == "45 days — overdue (cadence 28)"
        assert late_cell.data(Qt.ItemDataRole.DecorationRole) is not None
        assert late_cell.data(Qt.ItemDataRole.ForegroundRole).color() == QColor(OVERDUE_COLOUR)
        fine_cell = model.index(model.row_of(fine.id), DAYS_SINCE)
        assert fine_cell.data() == "1 day"
        assert fine_cell.data(Qt.ItemDataRole.ForegroundRole) is None

        tags = win.mentees.tag_filter
        assert [tags.itemData(i) for i in range(tags.count())] == ["", "ED", "research"]
        tags.setCurrentIndex(tags.findData("research"))
        proxy = win.mentees.proxy
        assert [proxy.index(r, NAME).data() for r in range(proxy.rowCount())] == ["Jonas Müller"]
        tags.setCurrentIndex(tags.findData(""))
        assert proxy.rowCount() == 2
    finally:
        monkeypatch.undo()
        time.tzset()


def test_roster_close_asks_reason_and_reflection(qtbot: Any, window: MainWindow) -> None:
    """The roster's Close action uses the closure form and records the reason and reflection."""
    mentee = mentees.create_mentee(MenteeData(name="Aisha Rahman"))
    window.show_area(MENTEES)
    window.mentees.refresh()
    window.mentees.select_mentee(mentee.id)

    def close(dialog: CloseRelationshipDialog) -> None:
        assert "Aisha Rahman" in dialog.intro.text()
        dialog.reason.setCurrentIndex(dialog.reason.findData("circumstances_changed"))
        type_text(qtbot, dialog.reflection, "Moved to Leeds")
        click(qtbot, dialog.save_button)

    with on_dialog(CloseRelationshipDialog, close):
        window.mentees.close_action.trigger()
    stored = Mentee.get_by_id(mentee.id)
    assert (stored.status, stored.closure_reason, stored.closure_reflection) == (
        "closed", "circumstances_changed", "Moved to Leeds")


def test_print_agreement_saves_a_pdf(qtbot: Any, window: MainWindow, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """"Print agreement…" writes the one-page agreement where the mentor chose, without private notes."""
    mentee = mentees.create_mentee(MenteeData(name="Łucja Wróblewska", notes="private: family illness"))
    relationships.save_agreement(mentee.id, relationships.AgreementData(relationship_kind="career",
                                                                        confidentiality="Chatham House"))
    page = open_page(qtbot, window, mentee.id)
    target = tmp_path / "agreement"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), "PDF (*.pdf)"))
    page.print_action.trigger()
    text = PdfReader(tmp_path / "agreement.pdf").pages[0].extract_text()
    assert "Łucja Wróblewska" in text and "Chatham House" in text and "Career" in text
    assert "family illness" not in text


def test_page_controls_have_accessible_names(qtbot: Any, window: MainWindow) -> None:
    """Every control on the page and in its forms has a name a screen reader can say."""
    from test_main_window import unnamed_controls

    mentee = mentees.create_mentee(MenteeData(name="Jonas Müller", new_in_post=True,
                                              started_post_on=date(2026, 1, 5)))
    page = open_page(qtbot, window, mentee.id)
    count, unnamed = unnamed_controls(page)
    assert unnamed == [] and count > 15
    for dialog in (AgreementDialog(page), GoalDialog(page), ProgressDialog(page, "x"), TickDialog(page, "x"),
                   CheckInDialog(page), CloseRelationshipDialog(page, "x")):
        count, unnamed = unnamed_controls(dialog)
        assert unnamed == [], dialog.windowTitle()
        dialog.deleteLater()


def test_page_models_pass_qt_model_tester(qtmodeltester: Any, db: Path, fixed_clock: datetime) -> None:
    """Every list model of the page keeps Qt's model contracts, with rows in it."""
    mentee = mentees.create_mentee(MenteeData(name="Zofia", new_in_post=True, started_post_on=date(2026, 3, 1)),
                                   status="prospective")
    mentees.set_status(mentee.id, "active")
    relationships.save_agreement(mentee.id, relationships.AgreementData(cadence_days=14))
    relationships.save_agreement(mentee.id, relationships.AgreementData(cadence_days=21))
    goal = goals.add_goal(mentee.id, goals.GoalData(title="Audit"))
    goals.add_progress(goal.id, 30, "started", on=date(2026, 1, 1))
    track = milestones.start_track(mentee.id)
    goal_model = GoalTableModel()
    goal_model.set_rows(goals.goals_of(mentee.id))
    assert goal_model.index(0, REVIEW).data() == "Review due"  # last update ten weeks ago
    progress = ProgressTableModel()
    progress.set_rows(goals.goals_of(mentee.id)[0].progress)
    track_model = MilestoneTableModel()
    track_model.set_track(track, track[0].id)
    status = StatusHistoryModel()
    status.set_rows(relationships.status_history(mentee.id))
    versions = AgreementVersionsModel()
    versions.set_rows(relationships.agreement_history(mentee.id))
    for model in (goal_model, progress, track_model, status, versions):
        assert model.rowCount() > 0
        qtmodeltester.check(model)
