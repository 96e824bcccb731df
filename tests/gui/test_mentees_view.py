"""The Mentees area driven as a mentor would: type, click, save, close, reopen."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from gui_helpers import button_with_text, on_dialog, type_text
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox

from mentordesk.db.base import close_database
from mentordesk.db.models import Agreement, Mentee, Session
from mentordesk.services import mentees
from mentordesk.services.mentees import MenteeData
from mentordesk.services.storage import open_data_dir
from mentordesk.ui.dialogs.close_relationship_dialog import CloseRelationshipDialog
from mentordesk.ui.dialogs.mentee_dialog import MenteeDialog
from mentordesk.ui.main_window import DASHBOARD, MENTEES, MainWindow
from mentordesk.ui.models.mentee_table_model import DAYS_SINCE, ID_ROLE, NAME, ROLE, STATUS
from mentordesk.ui.views.mentees_view import ROSTER_PAGE


def shown_names(win: MainWindow) -> list[str]:
    proxy = win.mentees.proxy
    return [proxy.index(row, NAME).data() for row in range(proxy.rowCount())]


def select_row_of(qtbot: Any, win: MainWindow, name: str) -> QModelIndex:
    table = win.mentees.table
    proxy = win.mentees.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, NAME)
        if index.data() == name:
            rect = table.visualRect(index)
            qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            assert win.mentees.selected() is not None and win.mentees.selected().name == name
            return index
    raise AssertionError(f"{name} is not in the roster: {shown_names(win)}")


def add_mentee_through_dialog(qtbot: Any, win: MainWindow, name: str, role: str = "",
                              organisation: str = "") -> None:
    def fill(dialog: MenteeDialog) -> None:
        type_text(qtbot, dialog.name, name)
        type_text(qtbot, dialog.role, role)
        type_text(qtbot, dialog.organisation, organisation)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(MenteeDialog, fill):
        win.mentees.add_action.trigger()


def test_add_find_edit_close_and_reopen_window(qtbot: Any, window: MainWindow, data_dir: Path) -> None:
    """A mentor adds two mentees with non-Latin names, finds, edits and closes one, and sees it after
    reopening the window."""
    add_mentee_through_dialog(qtbot, window, "王秀英", "Staff nurse", "City General")
    assert window.current_area() == MENTEES
    add_mentee_through_dialog(qtbot, window, "Łucja Wróblewska", "Registrar", "St Mary's")
    assert sorted(shown_names(window)) == sorted(["王秀英", "Łucja Wróblewska"])

    qtbot.keyClicks(window.mentees.search, "lucja")
    assert shown_names(window) == ["Łucja Wróblewska"]
    qtbot.keyClicks(window.mentees.search, " mary")  # every word must match, organisation too
    assert shown_names(window) == ["Łucja Wróblewska"]

    index = select_row_of(qtbot, window, "Łucja Wróblewska")

    def change_role(dialog: MenteeDialog) -> None:
        assert dialog.name.text() == "Łucja Wróblewska"
        dialog.role.selectAll()
        qtbot.keyClicks(dialog.role, "Registrar ST5")
        type_text(qtbot, dialog.tags, "research, 返岗")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    qtbot.keyClick(window.mentees.table, Qt.Key.Key_Return)  # Enter opens the selected mentee's page
    assert window.mentees.page.isVisible() and window.mentees.page.title.text() == "Łucja Wróblewska"
    with on_dialog(MenteeDialog, change_role):
        window.mentees.page.edit_action.trigger()  # "Edit profile…"
    window.mentees.page.back_action.trigger()
    assert window.mentees.proxy.index(index.row(), ROLE).data() == "Registrar ST5"

    def confirm(dialog: CloseRelationshipDialog) -> None:
        assert "Łucja Wróblewska" in dialog.intro.text()
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(CloseRelationshipDialog, confirm):
        roster = window.mentees.pages.widget(ROSTER_PAGE)  # not the (hidden) mentee page's button
        qtbot.mouseClick(button_with_text(roster, "Close relationship"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.mentees.search, "")
    window.mentees.search.clear()
    assert shown_names(window) == ["王秀英"]
    qtbot.mouseClick(window.mentees.show_closed, Qt.MouseButton.LeftButton)
    assert sorted(shown_names(window)) == sorted(["王秀英", "Łucja Wróblewska"])

    window.close()
    close_database()
    open_data_dir(data_dir)
    again = MainWindow(data_dir / "mentordesk.sqlite3")
    qtbot.addWidget(again)
    again.show()
    assert again.current_area() == DASHBOARD  # a new window opens on what needs attention
    again.show_area(MENTEES)
    assert shown_names(again) == ["王秀英"]
    again.mentees.show_closed.setChecked(True)
    select_row_of(qtbot, again, "Łucja Wróblewska")
    row = again.mentees.selected()
    assert row is not None
    assert (row.role, row.organisation, row.status) == ("Registrar ST5", "St Mary's", "closed")
    assert row.tags == tuple(sorted(("research", "返岗")))
    assert again.mentees.reopen_action.isEnabled() and not again.mentees.close_action.isEnabled()


def test_empty_name_keeps_dialog_open_and_saves_nothing(qtbot: Any, window: MainWindow) -> None:
    """Saving without a name shows the rule inline, keeps the form open, and stores nothing."""
    def try_empty(dialog: MenteeDialog) -> None:
        qtbot.keyClicks(dialog.role, "Registrar")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert dialog.error.isVisible()
        assert dialog.error.message() == "Name is required."
        assert dialog.role.text() == "Registrar"  # what was typed is still there
        qtbot.keyClicks(dialog.email, "not-an-address")
        qtbot.keyClicks(dialog.name, "Aisha Rahman")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible()
        assert "does not look like an e-mail address" in dialog.error.message()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    with on_dialog(MenteeDialog, try_empty):
        window.mentees.add_action.trigger()
    assert Mentee.select().count() == 0


def test_empty_roster_invites_the_first_mentee(qtbot: Any, window: MainWindow) -> None:
    """With no mentees the area says so and its button opens the form; afterwards the roster shows."""
    window.show_area(MENTEES)
    view = window.mentees
    assert view.add_first_button.isVisible()
    assert "no mentees yet" in view.empty_text.text()

    def fill(dialog: MenteeDialog) -> None:
        type_text(qtbot, dialog.name, "Nguyễn Thị Hương")
        qtbot.mouseClick(dialog.has_started_post, Qt.MouseButton.LeftButton)
        assert dialog.started_post_on.isEnabled()
        dialog.match_origin.setCurrentIndex(dialog.match_origin.findData("programme"))
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(MenteeDialog, fill):
        qtbot.mouseClick(view.add_first_button, Qt.MouseButton.LeftButton)
    assert not view.add_first_button.isVisible()
    assert view.table.isVisible()
    stored = mentees.find_mentee("nguyen")
    assert stored.match_origin == "programme"
    assert stored.started_post_on is not None


def test_closed_only_mentees_do_not_look_like_an_empty_roster(qtbot: Any, db: Path) -> None:
    """When every relationship is closed, the roster (not the first-mentee invitation) is shown."""
    mentee = mentees.create_mentee(MenteeData(name="Oluwaseun Adeyemi"))
    mentees.set_status(mentee.id, "closed")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    win.show_area(MENTEES)
    assert not win.mentees.add_first_button.isVisible()
    assert shown_names(win) == []
    win.mentees.show_closed.setChecked(True)
    assert shown_names(win) == ["Oluwaseun Adeyemi"]


def test_roster_model_passes_qt_model_tester(qtmodeltester: Any, db: Path, fixed_clock: datetime) -> None:
    """The roster model (and its search proxy) keep Qt's model contracts, with rows in it."""
    for name in ("Łucja Wróblewska", "王秀英", "Jonas Müller"):
        mentees.create_mentee(MenteeData(name=name, role="Registrar"))
    from mentordesk.ui.views.mentees_view import MenteesView

    view = MenteesView()
    try:
        assert view.model.rowCount() == 3
        qtmodeltester.check(view.model)
        view.proxy.set_search("mul")
        qtmodeltester.check(view.proxy)
    finally:
        view.deleteLater()


def test_overdue_is_said_in_words_with_a_warning_icon(qtbot: Any, db: Path, fixed_clock: datetime) -> None:
    """A mentee not seen for longer than the cadence reads "N days — overdue (cadence C)"."""
    mentee = mentees.create_mentee(MenteeData(name="Łucja Wróblewska"))
    Agreement.create(mentee=mentee.id, cadence_days=28)
    Session.create(mentee=mentee.id, held_on=datetime(2026, 1, 30, 14, 0), next_on=date(2026, 2, 27))
    calm = mentees.create_mentee(MenteeData(name="Jonas Müller"))
    Session.create(mentee=calm.id, held_on=datetime(2026, 3, 10, 9, 0))
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show_area(MENTEES)
    model = win.mentees.model
    overdue = model.index(model.row_of(mentee.id), DAYS_SINCE)
    assert overdue.data() == "45 days — overdue (cadence 28)"
    assert overdue.data(Qt.ItemDataRole.DecorationRole) is not None
    fine = model.index(model.row_of(calm.id), DAYS_SINCE)
    assert fine.data() == "6 days"
    assert fine.data(Qt.ItemDataRole.DecorationRole) is None
    assert win.dashboard.overdue.number.text() == "1"


def test_status_actions_follow_the_relationship(qtbot: Any, window: MainWindow,
                                                monkeypatch: Any) -> None:
    """Pause and Activate are offered only when allowed; a refused change is a message, not a traceback."""
    mentees.create_mentee(MenteeData(name="Aisha Rahman"), status="prospective")
    window.mentees.refresh()
    window.show_area(MENTEES)
    select_row_of(qtbot, window, "Aisha Rahman")
    view = window.mentees
    assert view.activate_action.isEnabled() and not view.pause_action.isEnabled()
    qtbot.mouseClick(button_with_text(view.pages.widget(ROSTER_PAGE), "Activate"), Qt.MouseButton.LeftButton)
    assert view.proxy.index(0, STATUS).data() == "Active"
    assert view.pause_action.isEnabled() and not view.activate_action.isEnabled()

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _parent, _title, text: told.append(text))
    mentee_id = view.proxy.index(0, NAME).data(ID_ROLE)
    mentees.set_status(mentee_id, "paused")  # changed elsewhere while the roster still says active
    view.pause_action.trigger()
    assert told == ["Aisha Rahman is already paused."]
    assert view.proxy.index(0, STATUS).data() == "Paused"


def test_status_filter_shows_one_status(qtbot: Any, db: Path) -> None:
    """The status list narrows the roster; "Closed only" shows closed relationships."""
    mentees.create_mentee(MenteeData(name="Aisha Rahman"), status="paused")
    mentees.create_mentee(MenteeData(name="Jonas Müller"))
    gone = mentees.create_mentee(MenteeData(name="Oluwaseun Adeyemi"))
    mentees.set_status(gone.id, "closed")
    win = MainWindow(db)
    qtbot.addWidget(win)
    combo = win.mentees.status_filter
    combo.setCurrentIndex(combo.findData("paused"))
    assert shown_names(win) == ["Aisha Rahman"]
    combo.setCurrentIndex(combo.findData("closed"))
    assert shown_names(win) == ["Oluwaseun Adeyemi"]
    combo.setCurrentIndex(combo.findData(""))
    assert shown_names(win) == ["Aisha Rahman", "Jonas Müller"]


def test_double_click_opens_the_mentee(qtbot: Any, window: MainWindow) -> None:
    """Double-clicking a row opens the mentee's page; its "Edit profile…" form has the stored data."""
    mentees.create_mentee(MenteeData(name="Sofía Hernández", specialty="Emergency medicine",
                                     tags=("ED",)))
    window.mentees.refresh()
    window.show_area(MENTEES)
    table = window.mentees.table
    index = select_row_of(qtbot, window, "Sofía Hernández")
    opened: list[str] = []

    def look(dialog: MenteeDialog) -> None:
        opened.append(dialog.specialty.text())
        assert dialog.tags.text() == "ED"
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)

    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    page = window.mentees.page
    assert page.isVisible() and page.profile["Specialty"].text() == "Emergency medicine"
    with on_dialog(MenteeDialog, look):
        page.edit_action.trigger()
    assert opened == ["Emergency medicine"]
