"""The Sessions area: every session across mentees, filtered by mentee and date range, sorted, read lazily."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import type_text
from PySide6.QtCore import QDate, QPoint, Qt

from mentordesk.services import mentees, sessions
from mentordesk.ui.main_window import SESSIONS, MainWindow
from mentordesk.ui.models.mentee_choice_model import MenteeChoiceModel
from mentordesk.ui.models.session_table_model import ID_ROLE, MENTEE, WHEN, SessionTableModel
from mentordesk.ui.views.sessions_view import SessionsView

# (mentee, day in Feb 2026, what was listened to)
MEETINGS = [
    ("Łucja Wójcik", 2, "Rota worries"),
    ("陈静", 5, "我是医生，今天很累"),
    ("Łucja Wójcik", 9, "Audit plan"),
    ("Aaron Zed", 12, "First week in post"),
    ("陈静", 16, "Exam in May"),
    ("Łucja Wójcik", 20, "Teaching slot"),
]


@pytest.fixture
def data(db: Path) -> dict[str, str]:
    """Three mentees and six sessions in February 2026; returns session ids by their note."""
    ids = {name: mentees.create_mentee(mentees.MenteeData(name=name)).id
           for name in ("Łucja Wójcik", "陈静", "Aaron Zed")}
    found = {}
    for name, day, note in MEETINGS:
        session_id = sessions.save_session(sessions.SessionData(
            mentee_id=ids[name], held_on=datetime(2026, 2, day, 10, 30), listening=note,
            actions=(sessions.ActionData("Follow up"),) if day == 9 else (), wellbeing_score=day % 5 + 1))
        assert session_id
        found[note] = session_id
    return found


@pytest.fixture
def view(qtbot: Any, data: dict[str, str]) -> SessionsView:
    widget = SessionsView()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _column(view: SessionsView, column: int) -> list[str]:
    model = view.table.model()
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_all_sessions_newest_first(view: SessionsView) -> None:
    """Every session of every mentee is listed, newest first, with date, mentee, summary and counts."""
    assert _column(view, MENTEE) == [m for m, _, _ in reversed(MEETINGS)]
    assert _column(view, WHEN)[0] == "20 Feb 2026, 10:30"
    row_with_action = _column(view, MENTEE).index("Łucja Wójcik", 1)
    assert view.table.model().index(row_with_action, 4).data() == "1"
    assert "6 sessions" in view.footer.text()


def test_filter_by_mentee_typing_part_of_the_name(qtbot: Any, view: SessionsView) -> None:
    """Typing "lucja" (no accents) in the mentee box offers Łucja Wójcik; choosing her shows her sessions only."""
    line = view.mentee_filter.lineEdit()
    line.selectAll()
    type_text(qtbot, line, "lucja")
    popup = view.mentee_filter.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    assert popup.model().rowCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert view.mentee_filter.currentText() == "Łucja Wójcik"
    assert _column(view, MENTEE) == ["Łucja Wójcik"] * 3
    assert "3 sessions" in view.footer.text()
    view.clear_filters()
    assert len(_column(view, MENTEE)) == 6


def test_filter_by_date_range(qtbot: Any, view: SessionsView) -> None:
    """From/To keep the sessions inside the range (both ends included); "Any date" lifts a bound."""
    view.set_mentee(mentees.find_mentee("陈静").id)
    assert view.mentee_filter.currentText() == "陈静"
    view.from_date.setDate(QDate(2026, 2, 5))
    view.to_date.setDate(QDate(2026, 2, 16))
    assert [d[:6] for d in _column(view, WHEN)] == ["16 Feb", "5 Feb "]
    view.set_mentee(None)
    assert [d[:6] for d in _column(view, WHEN)] == ["16 Feb", "12 Feb", "9 Feb ", "5 Feb "]
    view.to_date.setDate(view.to_date.minimumDate())
    assert view.to_date.text() == "Any date"
    assert len(_column(view, WHEN)) == 5
    view.to_date.setDate(QDate(2026, 2, 1))
    assert view.error.isVisible() and "comes after" in view.error.message()
    view.clear_filters()
    assert not view.error.isVisible() and len(_column(view, WHEN)) == 6


def test_sort_by_clicking_a_column(qtbot: Any, view: SessionsView) -> None:
    """Clicking the Mentee header sorts by name (accents ignored) in the database, newest first within a name."""
    header = view.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(MENTEE) + 10, header.height() // 2))
    names = _column(view, MENTEE)
    assert names in (["Aaron Zed", *["Łucja Wójcik"] * 3, "陈静", "陈静"],
                     ["陈静", "陈静", *["Łucja Wójcik"] * 3, "Aaron Zed"])
    view.table.sortByColumn(MENTEE, Qt.SortOrder.AscendingOrder)
    assert _column(view, MENTEE)[:2] == ["Aaron Zed", "Łucja Wójcik"]
    assert [d[:6] for d in _column(view, WHEN)[1:4]] == ["20 Feb", "9 Feb ", "2 Feb "]


def test_enter_and_double_click_open_the_session(qtbot: Any, view: SessionsView, data: dict[str, str]) -> None:
    """Enter on a row, or a double-click, emits open_session with that session's id."""
    view.table.setFocus()
    view.table.setCurrentIndex(view.table.model().index(1, 0))
    with qtbot.waitSignal(view.open_session) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [data["Exam in May"]]
    rect = view.table.visualRect(view.table.model().index(2, 3))
    with qtbot.waitSignal(view.open_session) as opened:
        # A real double-click: press and release, then the double-click event.
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [data["First week in post"]]


def test_large_tables_are_read_a_page_at_a_time(qtbot: Any, qtmodeltester: Any, data: dict[str, str]) -> None:
    """The model shows the first page and fetches the rest as asked, without gaps or repeats."""
    model = SessionTableModel(page_size=4)
    model.reload()
    assert (model.rowCount(), model.total(), model.canFetchMore()) == (4, 6, True)
    model.fetchMore()
    assert (model.rowCount(), model.canFetchMore()) == (6, False)
    ids = [model.index(r, 0).data(ID_ROLE) for r in range(6)]
    assert ids == [data[note] for _, _, note in reversed(MEETINGS)]
    qtmodeltester.check(model)
    model.sort(MENTEE, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 4 and model.index(0, MENTEE).data() == "陈静"
    qtmodeltester.check(model)


def test_mentee_choice_model(qtmodeltester: Any, data: dict[str, str]) -> None:
    """The mentee filter's model: "All mentees" first, then every mentee by name."""
    from mentordesk.services.session_list import mentee_choices

    model = MenteeChoiceModel()
    model.set_choices(mentee_choices())
    assert [model.index(r).data() for r in range(model.rowCount())] == [
        "All mentees", "Aaron Zed", "Łucja Wójcik", "陈静"]
    qtmodeltester.check(model)


def test_main_window_shows_sessions_area(qtbot: Any, data: dict[str, str], db: Path) -> None:
    """The Sessions area of the window is this view, read again each time it is shown."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    assert not window.sessions_area.built  # nothing of it on the start path
    window.show_area(SESSIONS)
    assert window.stack.currentWidget() is window.sessions_area
    assert isinstance(window.sessions, SessionsView) and window.sessions.isVisible()
    assert window.sessions.table.model().rowCount() == 6
    sessions.save_session(sessions.SessionData(
        mentee_id=mentees.find_mentee("Aaron").id, held_on=datetime(2026, 3, 1, 9, 0), listening="New"))
    window.show_area(0)
    window.navigation.setCurrentIndex(window.navigation.model().index(SESSIONS, 0))
    assert window.sessions.table.model().rowCount() == 7


def test_empty_sessions_area_offers_a_first_session(qtbot: Any, db: Path) -> None:
    """With no sessions at all the area says so and offers a button that starts one."""
    from mentordesk.ui.views.sessions_view import SessionsView

    view = SessionsView()
    qtbot.addWidget(view)
    view.show()
    assert "No sessions yet" in view.footer.text()
    assert view.first_session_button.isVisible()
    with qtbot.waitSignal(view.write_first_session, timeout=1000):
        qtbot.mouseClick(view.first_session_button, Qt.MouseButton.LeftButton)
