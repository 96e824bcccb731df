"""The idle lock: content hidden after idle time, typed notes saved first, only the right passphrase unlocks."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import type_text
from PySide6.QtCore import Qt
from shiboken6 import isValid

from mentordesk.db.models import Session
from mentordesk.services import encryption, mentees
from mentordesk.ui.dialogs.session_window import open_new_session, open_windows
from mentordesk.ui.lock_screen import LockScreen
from mentordesk.ui.main_window import MainWindow

SECRET = "lange Passphrase für Zürich"


@pytest.fixture
def locked_window(qtbot: Any, db: Path) -> Iterator[MainWindow]:
    """A shown main window on an encrypted data file with one mentee."""
    mentees.create_mentee(mentees.MenteeData(name="Łucja Wróblewska", role="Registrar"))
    encryption.encrypt(db, SECRET)
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.idle_lock.try_unlock(SECRET)  # shows the session windows the lock hid, so they can be closed here
    for session_window in list(open_windows()):
        if isValid(session_window):
            session_window.close()


def test_idle_time_hides_content_after_saving_typed_note(qtbot: Any, locked_window: MainWindow) -> None:
    """After the idle time the note typed in an open session is stored, then the content and the session hide."""
    win = locked_window
    mentee = mentees.find_mentee("Łucja")
    session_window = open_new_session(win, mentee.id)
    session_window.editor.autosave.set_intervals(600_000, 600_000)  # only the lock can save it in time
    qtbot.waitExposed(session_window)
    edit = session_window.editor.sections.edits["listening"]
    edit.setFocus()
    type_text(qtbot, edit, "Tired after nights, Łódź")
    assert not Session.select().where(Session.listening.contains("Łódź")).exists()
    win.idle_lock.reload_setting(interval_ms=150)
    qtbot.waitUntil(win.idle_lock.is_locked, timeout=3000)
    assert Session.select().where(Session.listening.contains("Łódź")).exists()
    assert isinstance(win.centralWidget(), LockScreen)
    assert not session_window.isVisible()
    assert not win.menuBar().isEnabled()
    win.grab().save("/tmp/mentordesk-locked.png")


def test_only_the_right_passphrase_unlocks(qtbot: Any, locked_window: MainWindow) -> None:
    """A wrong passphrase leaves it locked with a message; the right one brings the content back."""
    win = locked_window
    content = win.centralWidget()
    win.idle_lock.reload_setting(interval_ms=100)
    qtbot.waitUntil(win.idle_lock.is_locked, timeout=3000)
    screen = win.centralWidget()
    assert isinstance(screen, LockScreen)
    type_text(qtbot, screen.field, "wrong passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert win.idle_lock.is_locked()
    assert "not right" in screen.error.message()
    assert screen.field.text() == ""
    type_text(qtbot, screen.field, SECRET)
    qtbot.keyClick(screen.field, Qt.Key.Key_Return)
    assert not win.idle_lock.is_locked()
    assert win.centralWidget() is content
    assert win.menuBar().isEnabled()


def test_activity_postpones_the_lock(qtbot: Any, locked_window: MainWindow) -> None:
    """Typing restarts the idle time, so a mentor at work is not locked out."""
    win = locked_window
    win.idle_lock.reload_setting(interval_ms=400)
    assert win.idle_lock.watching()
    for _ in range(6):
        qtbot.wait(120)
        qtbot.keyClick(win.navigation, Qt.Key.Key_Down)
    assert not win.idle_lock.is_locked()
    qtbot.waitUntil(win.idle_lock.is_locked, timeout=3000)


def test_no_lock_without_encryption(qtbot: Any, window: MainWindow) -> None:
    """A plain data file has no passphrase to unlock with, so the idle lock stays off."""
    window.idle_lock.reload_setting(interval_ms=50)
    assert not window.idle_lock.active()
    # Nor does it watch every event of the program for nothing.
    assert not window.idle_lock.watching()
    qtbot.wait(200)
    assert not window.idle_lock.is_locked()


def test_turning_the_lock_off_stops_watching(qtbot: Any, locked_window: MainWindow) -> None:
    """Idle time 0 (never): the filter on every event goes, and a later time brings it back."""
    lock = locked_window.idle_lock
    lock.reload_setting(interval_ms=0)
    assert not lock.active() and not lock.watching()
    lock.reload_setting(interval_ms=60_000)
    assert lock.active() and lock.watching()
