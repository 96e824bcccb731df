"""A whole task with the keyboard alone: a mentee, a session, undo, the prep window, a report."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui_helpers import on_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from mentordesk.db.models import Mentee, Session
from mentordesk.services import relationships
from mentordesk.ui.dialogs.mentee_dialog import MenteeDialog
from mentordesk.ui.dialogs.quick_open import QuickOpen
from mentordesk.ui.dialogs.session_window import open_windows
from mentordesk.ui.main_window import MENTEES, REPORTS, MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def press(qtbot: Any, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a person would type it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert isinstance(target, QWidget)
    qtbot.keyClick(target, key, modifiers)


def active(qtbot: Any, window: QWidget) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)


def test_keyboard_alone_from_new_mentee_to_report(qtbot: Any, window: MainWindow, data_dir: Path,
                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+N and Enter add a mentee, Ctrl+Shift+N and Tab write a session, Ctrl+Z undoes a pause,
    Ctrl+P prepares the meeting, Ctrl+5 and Ctrl+Enter build a report that Ctrl+S saves."""
    active(qtbot, window)

    def fill(dialog: MenteeDialog) -> None:
        type_text(qtbot, dialog.name, "Łucja Żmijewska")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    with on_dialog(MenteeDialog, fill):
        press(qtbot, Qt.Key.Key_N, CTRL)
    assert [m.name for m in Mentee.select()] == ["Łucja Żmijewska"]
    assert window.current_area() == MENTEES and window.mentees.selected() is not None

    # A session: the window opens on the agenda; Tab goes on through the four sections.
    active(qtbot, window)
    press(qtbot, Qt.Key.Key_N, CTRL_SHIFT)
    [session_window] = open_windows()
    active(qtbot, session_window)
    editor = session_window.editor
    editor.sections.edits["listening"].setFocus()
    for move, words in (("listening", "Tired after nights"), ("questions", "What would help?"),
                        ("encouragement", "Calm handover"), ("challenge", "Ask for the rota")):
        assert QApplication.focusWidget() is editor.sections.edits[move]
        type_text(qtbot, editor.sections.edits[move], words)
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_W, CTRL)  # closes and saves
    qtbot.waitUntil(lambda: not open_windows(), timeout=3000)
    saved = Session.get()
    assert (saved.listening, saved.challenge) == ("Tired after nights", "Ask for the rota")

    # Pause through the Mentees menu with its letter, then Ctrl+Z takes it back.
    active(qtbot, window)
    window.mentees.table.setFocus()
    mentee_id = window.mentees.selected().id  # type: ignore[union-attr]
    window.mentees.pause_action.trigger()  # menu keyboard navigation is the platform's; the undo is ours
    assert Mentee.get_by_id(mentee_id).status == "paused"
    press(qtbot, Qt.Key.Key_Z, CTRL)
    assert Mentee.get_by_id(mentee_id).status == "active"
    assert [(h.from_status, h.to_status) for h in relationships.status_history(mentee_id)] == [(None, "active")]
    assert window.mentees.pause_action.isEnabled()  # the roster reads the status again
    press(qtbot, Qt.Key.Key_Z, CTRL_SHIFT)
    assert Mentee.get_by_id(mentee_id).status == "paused"
    press(qtbot, Qt.Key.Key_Z, CTRL)

    # Ctrl+P: the prep window for the selected mentee; Esc closes it.
    press(qtbot, Qt.Key.Key_P, CTRL)
    prep = window.prep_view
    assert prep is not None and prep.isVisible()
    active(qtbot, prep)
    press(qtbot, Qt.Key.Key_Escape)
    assert not prep.isVisible()

    # Ctrl+Shift+O: quick open by part of the name, without accents; Enter opens the page.
    active(qtbot, window)
    press(qtbot, Qt.Key.Key_O, CTRL_SHIFT)
    quick = window.findChild(QuickOpen)
    assert quick is not None and quick.isVisible()
    type_text(qtbot, quick.name, "zmij")
    qtbot.keyClick(quick.name, Qt.Key.Key_Return)
    assert window.mentees.showing_page() and window.mentees.page.mentee_id == mentee_id

    # Ctrl+5, Tab into the form, Ctrl+Enter builds the preview, Ctrl+S saves it.
    active(qtbot, window)
    press(qtbot, Qt.Key.Key_5, CTRL)
    assert window.current_area() == REPORTS
    window.navigation.setFocus()
    while not window.reports.isAncestorOf(QApplication.focusWidget()):
        press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: not window.reports.is_building() and window.reports.page_count() > 0, timeout=20_000)
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_args, **_kw: (str(target), "PDF"))
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert target.read_bytes().startswith(b"%PDF")
