"""From the Dashboard to the prep view to a new session with a suggested question."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from mentordesk.db.models import Agreement, Session
from mentordesk.services import clock, dashboard, mentees
from mentordesk.services.mentees import MenteeData
from mentordesk.ui import theme
from mentordesk.ui.main_window import DASHBOARD, MENTEES, MainWindow
from mentordesk.ui.models.attention_model import MENTEE, OPEN, PREPARE, AttentionModel
from mentordesk.ui.models.prep_rows_model import PrepRowsModel


def _overdue_and_calm() -> tuple[str, str]:
    late = mentees.create_mentee(MenteeData(name="Łucja Wróblewska"), on=date(2025, 12, 1))
    Agreement.create(mentee=late.id, cadence_days=28)
    Session.create(mentee=late.id, held_on=datetime(2026, 1, 30, 14, 0), next_on=date(2026, 2, 27),
                   questions="How did the rota talk go?", private_remarks="PRIVATE")
    calm = mentees.create_mentee(MenteeData(name="Jonas Müller"))
    Session.create(mentee=calm.id, held_on=datetime(2026, 3, 10, 9, 0), next_on=date(2026, 3, 18))
    return late.id, calm.id


def _row_of(window: MainWindow, mentee_id: str, kind: str) -> int:
    proxy = window.dashboard.proxy
    for row in range(proxy.rowCount()):
        item = window.dashboard.model.item_at(proxy.mapToSource(proxy.index(row, 0)).row())
        if item.mentee_id == mentee_id and item.kind == kind:
            return row
    raise AssertionError("no such item on the Dashboard")


def test_from_the_dashboard_prepare_and_take_a_question_into_a_new_session(
        qtbot: QtBot, db: Path, fixed_clock: datetime, monkeypatch: Any) -> None:
    """Click "Prepare ›" on the overdue mentee, then "Use in next session": the new session has the question."""
    late, _calm = _overdue_and_calm()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    assert win.current_area() == DASHBOARD
    assert win.reminder.text() == "1 thing needs attention — see the Dashboard"
    assert win.dashboard.overdue.number.text() == "1"

    row = _row_of(win, late, dashboard.NOT_SEEN)
    table = win.dashboard.table
    rect = table.visualRect(win.dashboard.proxy.index(row, PREPARE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    prep = win.prep_view
    assert prep is not None and prep.isVisible()
    assert prep.title.text() == "Prepare the meeting with Łucja Wróblewska"
    assert prep.contact.text().startswith("Last met 45 days ago")
    assert "PRIVATE" not in prep.follow_questions.text()
    assert prep.follow_questions.text() == "Open questions: How did the rota talk go?"
    question = prep.question_labels[0].text()
    assert question

    qtbot.mouseClick(prep.use_buttons[0], Qt.MouseButton.LeftButton)
    window = win._session_drafts[late]
    assert window.editor.mentee_id == late
    assert window.editor.sections.edits["questions"].toPlainText() == f"• {question}"
    second = prep.question_labels[1].text()
    qtbot.mouseClick(prep.use_buttons[1], Qt.MouseButton.LeftButton)
    assert win._session_drafts[late] is window
    assert window.editor.sections.edits["questions"].toPlainText() == f"• {question}\n• {second}"
    window.close()
    prep.close()


def test_one_click_opens_the_mentee_in_the_roster(qtbot: QtBot, db: Path, fixed_clock: datetime) -> None:
    """The "Open mentee ›" cell shows the Mentees area with that mentee selected."""
    late, _calm = _overdue_and_calm()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    row = _row_of(win, late, dashboard.NOT_SEEN)
    table = win.dashboard.table
    rect = table.visualRect(win.dashboard.proxy.index(row, OPEN))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.current_area() == MENTEES
    selected = win.mentees.selected()
    assert selected is not None and selected.id == late


def test_tiles_filter_the_list_and_the_empty_state_says_what_to_do(
        qtbot: QtBot, db: Path, fixed_clock: datetime) -> None:
    """Clicking a count shows only that kind; with nothing to do the page says what to do next."""
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    assert win.dashboard.pages.currentIndex() == 1
    assert "Nothing needs you today" in win.dashboard.empty_text.text()
    assert win.reminder.text() == ""
    late, calm = _overdue_and_calm()
    win.dashboard.refresh()
    assert win.dashboard.pages.currentIndex() == 0
    qtbot.mouseClick(win.dashboard.tiles[dashboard.MEETINGS], Qt.MouseButton.LeftButton)
    proxy = win.dashboard.proxy
    names = {proxy.index(r, MENTEE).data() for r in range(proxy.rowCount())}
    assert names == {"Jonas Müller"}
    qtbot.mouseClick(win.dashboard.show_all_button, Qt.MouseButton.LeftButton)
    assert proxy.rowCount() == 2


def test_ctrl_p_prepares_the_selected_mentee_and_prints(qtbot: QtBot, db: Path, fixed_clock: datetime,
                                                         tmp_path: Path) -> None:
    """Ctrl+P on a selected roster mentee opens the prep view; "Print prep sheet…" writes the PDF."""
    late, _calm = _overdue_and_calm()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.show_area(MENTEES)
    win.mentees.select_mentee(late)
    win.prepare_action.trigger()
    prep = win.prep_view
    assert prep is not None and prep.data is not None and prep.data.mentee_id == late
    out = tmp_path / "sheet.pdf"
    prep.choose_path = lambda: out  # type: ignore[method-assign]
    qtbot.mouseClick(prep.print_button, Qt.MouseButton.LeftButton)
    assert out.exists() and str(out) in prep.message.text()
    prep.close()


def test_models_pass_the_model_tester(qtmodeltester: Any, db: Path, fixed_clock: datetime) -> None:
    """The attention and prep list models behave as Qt expects."""
    _overdue_and_calm()
    model = AttentionModel()
    model.set_items(dashboard.dashboard(clock.today()).items)
    qtmodeltester.check(model)
    rows = PrepRowsModel(["A", "B"])
    rows.set_rows([("x", "y"), ("z", "w")], [True, False])
    qtmodeltester.check(rows)


def test_overdue_counts_stand_out_in_light_and_dark(qtbot: QtBot, db: Path, fixed_clock: datetime) -> None:
    """A count with something overdue is drawn in the attention shade of the scheme in use (the
    name says "overdue" too); the tile that filters the list has a frame in the link colour."""
    _overdue_and_calm()
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    late, calm = win.dashboard.tiles[dashboard.NOT_SEEN], win.dashboard.tiles[dashboard.MEETINGS]

    def number_colour(tile: Any) -> QColor:
        return QColor(tile.number.palette().color(tile.number.foregroundRole()))

    try:
        for scheme in (Qt.ColorScheme.Light, Qt.ColorScheme.Dark):
            theme.force_scheme(app, scheme)
            qtbot.wait(10)
            assert number_colour(late) == theme.attention(), scheme
            assert number_colour(calm) != theme.attention(), scheme
            assert "(overdue)" in late.accessibleName()
        qtbot.mouseClick(calm, Qt.MouseButton.LeftButton)
        image = calm.grab().toImage()
        assert QColor(image.pixel(1, image.height() // 2)) == theme.link()
    finally:
        theme.force_scheme(app, Qt.ColorScheme.Light)
        QGuiApplication.styleHints().unsetColorScheme()
