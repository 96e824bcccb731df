"""Every interactive control in every area and window has a name a screen reader can say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTextEdit,
    QWidget,
)

from mentordesk.services import mentees
from mentordesk.services.sample_data import fill_demo
from mentordesk.ui import theme
from mentordesk.ui.dialogs.session_window import open_windows
from mentordesk.ui.dialogs.settings_dialog import SettingsDialog
from mentordesk.ui.main_window import AREA_TITLES, MainWindow
from mentordesk.ui.views.session_editor import SessionEditor

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox,
               QAbstractItemView, QAbstractSlider)


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside its own controls (a spin box's line edit, a line edit's clear button,
    scroll bars, header sections)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, (QScrollBar, QHeaderView)):
        return True
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QAbstractSpinBox, QComboBox, QLineEdit)) or parent.objectName().startswith("qt_"):
            return True
        if isinstance(parent, QAbstractItemView) and widget is not parent:
            return True  # an item editor or the table's corner button
        parent = parent.parentWidget()
    return False


def unnamed_controls(root: QWidget) -> list[str]:
    """Interactive controls under ``root`` with neither an accessible name nor a text that serves as one."""
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel) if label.buddy() is not None}
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, INTERACTIVE) or _internal(widget):
            continue
        if widget.accessibleName().strip() or id(widget) in buddies:
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        missing.append(f"{type(widget).__name__} {widget.objectName()!r} under {type(widget.parentWidget()).__name__}"
                       f" {widget.parentWidget().accessibleName()!r} in {widget.window().windowTitle()!r}")
    return missing


@pytest.fixture
def demo_window(qtbot: Any, db: Path) -> MainWindow:
    fill_demo()
    window = MainWindow(db, demo=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_every_control_in_every_area_and_window_is_named(qtbot: Any, demo_window: MainWindow) -> None:
    """Visit each area, the mentee page, a session, the prep, search, settings, guide and small dialogs;
    fail on any interactive control without an accessible name."""
    window = demo_window
    problems: list[str] = []
    for area in range(len(AREA_TITLES)):
        window.show_area(area)
        problems += unnamed_controls(window)
    first = mentees.list_mentees()[0]
    window.open_mentee_page(first.id)
    assert window.mentees.showing_page()
    problems += unnamed_controls(window)

    window.mentees.back_to_roster()
    window.mentees.select_mentee(first.id)
    session = window.new_session()
    assert session is not None
    problems += unnamed_controls(session)
    prep = window.prepare_meeting(first.id)
    assert prep is not None
    problems += unnamed_controls(prep)
    problems += unnamed_controls(window.show_search())

    settings = SettingsDialog(window, window.data_file)
    qtbot.addWidget(settings)
    problems += unnamed_controls(settings)
    for dialog in (window.show_guide("four-moves"), window.quick_open(), window.show_shortcuts(),
                   window.show_about(), window.show_welcome()):
        problems += unnamed_controls(dialog)
        dialog.close()
    for session_window in open_windows():
        session_window.close()
    assert problems == [], "\n".join(problems)


def test_the_walker_notices_an_unnamed_control(qtbot: Any) -> None:
    """The check itself fails on a bare line edit and passes once it is named or labelled."""
    root = QWidget()
    qtbot.addWidget(root)
    edit = QLineEdit(root)
    assert len(unnamed_controls(root)) == 1
    label = QLabel("&Name", root)
    label.setBuddy(edit)
    assert unnamed_controls(root) == []


def test_session_tab_order_runs_through_the_four_moves(qtbot: Any, demo_window: MainWindow) -> None:
    """From the agenda, Tab reaches the four sections in their order, then the actions."""
    demo_window.mentees.select_mentee(mentees.list_mentees()[0].id)
    session = demo_window.new_session()
    assert session is not None
    editor: SessionEditor = session.editor
    chain = []
    widget: QWidget = editor.agenda
    for _ in range(12):
        widget = widget.nextInFocusChain()
        while widget.focusPolicy().value & 0x1 == 0 or not widget.isVisibleTo(session):  # TabFocus
            widget = widget.nextInFocusChain()
        chain.append(widget)
    order = [chain.index(editor.sections.edits[m]) for m in ("listening", "questions", "encouragement",
                                                             "challenge")]
    assert order == sorted(order)
    assert chain.index(editor.action_list.new_text) > order[-1]
    session.close()


def test_overdue_is_said_in_words_not_only_in_red(qtbot: Any, demo_window: MainWindow) -> None:
    """Where the Dashboard shows a cell in the attention colour, its text says "Overdue" or "… ago" too."""
    model = demo_window.dashboard.findChild(QAbstractItemView).model()  # type: ignore[union-attr]
    red = {"#a4262c", theme.attention().name()}
    coloured = []
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            if isinstance(brush, (QBrush, QColor)) and QBrush(brush).color().name() in red:
                coloured.append(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
    assert coloured, "the demo data has overdue items"
    assert all("overdue" in text.lower() or "ago" in text for text in coloured), coloured
