"""Keyboard shortcuts: none clash, the main actions have one, and Help lists them all."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from mentordesk.services import mentees
from mentordesk.services.sample_data import fill_demo
from mentordesk.ui.dialogs.shortcuts_dialog import Binding, clashes, collect_shortcuts
from mentordesk.ui.main_window import MainWindow


def _demo_window(qtbot: Any, db: Path) -> MainWindow:
    fill_demo()
    window = MainWindow(db, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_no_two_shortcuts_clash_in_the_same_place(qtbot: Any, db: Path) -> None:
    """Across every action and QShortcut of the window (mentee page, prep, search and a session window
    open), no keys do two different things where both can be reached."""
    window = _demo_window(qtbot, db)
    first = mentees.list_mentees()[0]
    window.open_mentee_page(first.id)
    window.prepare_meeting(first.id)
    window.show_search()
    window.mentees.back_to_roster()
    window.mentees.select_mentee(first.id)
    session = window.new_session()
    assert session is not None
    bindings = collect_shortcuts(window)
    assert len(bindings) > 30
    problems = [f"{a.keys}: {a.what} ({a.where}) / {b.what} ({b.where})" for a, b in clashes(bindings)]
    session.close()
    assert problems == []


def test_the_clash_check_catches_ctrl_p_twice(qtbot: Any) -> None:
    """The check reports two window-wide actions on one key, and a widget's action inside that window."""
    top = QWidget()
    qtbot.addWidget(top)
    inner = QWidget(top)
    prepare, print_ = QAction("Prepare", top), QAction("Print", inner)
    for action, owner in ((prepare, top), (print_, inner)):
        action.setShortcut(QKeySequence("Ctrl+P"))
        owner.addAction(action)
    found = clashes(collect_shortcuts(top))
    assert [(a.what, b.what) for a, b in found] in ([("Prepare", "Print")], [("Print", "Prepare")])
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    other = Binding("Ctrl+P", "Other", "", elsewhere)
    assert not Binding("Ctrl+P", "Prepare", "", top).reaches(other)


def test_every_main_action_is_in_a_menu_with_its_shortcut(qtbot: Any, window: MainWindow) -> None:
    """New mentee, new session, quick open, search, prep, areas, undo/redo, settings and help are in
    the menu bar, each with a shortcut the menu shows."""
    in_menus = {action for menu in window.menuBar().findChildren(QMenu) for action in menu.actions()}
    main = [window.mentees.add_action, window.new_session_action, window.quick_open_action, window.search_action,
            window.prepare_action, *window.area_actions, window.undo_action, window.redo_action,
            window.settings_action, window.guide_action, window.shortcuts_action, window.quit_action]
    for action in main:
        assert action in in_menus, action.text()
        assert not action.shortcut().isEmpty(), action.text()
    assert window.area_actions[4].shortcut() == QKeySequence("Ctrl+5")
    assert window.prepare_action.shortcut() == QKeySequence("Ctrl+P")
    assert window.mentees.page.print_action.shortcut() == QKeySequence("Ctrl+Shift+P")


def test_help_lists_every_shortcut_of_the_menus(qtbot: Any, window: MainWindow) -> None:
    """Help → Keyboard shortcuts has a line for every menu action that has keys, read from the actions."""
    dialog = window.show_shortcuts()
    listed = {(b.keys, b.what) for b in dialog.rows()}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if not action.shortcut().isEmpty():
                what = action.text().replace("&", "").rstrip("…").strip()
                assert (action.shortcut().toString(), what) in listed, what
    assert dialog.model.rowCount() == len(dialog.rows())
    dialog.reject()
