"""Leaving cleanly: every open session is saved before the application quits, also
when the system asks it to stop with SIGTERM (logout, shutdown, ``kill``)."""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import FrameType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

# Qt's event loop runs C++ code; Python sees a signal only when it runs some Python.
WAKE_MS = 250


def save_all_open() -> None:
    # The session windows' module stays off the start path; not loaded, no window is open.
    session_windows = sys.modules.get("mentordesk.ui.dialogs.session_window")
    if session_windows is not None:
        session_windows.save_all_open()


def install_shutdown_saving(app: QApplication) -> Callable[[], None]:
    """Save open sessions on quit and on SIGTERM (then quit); returns a function that undoes it."""
    def save_before_quit() -> None:  # a slot returns nothing (see ui/autosave.py)
        save_all_open()

    app.aboutToQuit.connect(save_before_quit)
    wake = QTimer(app)
    wake.setInterval(WAKE_MS)
    wake.timeout.connect(lambda: None)
    wake.start()

    def on_sigterm(_number: int, _frame: FrameType | None) -> None:
        # Run from the event loop, not inside whatever Python was doing when the signal came.
        QTimer.singleShot(0, _save_and_quit)

    def _save_and_quit() -> None:
        save_all_open()
        for window in app.topLevelWidgets():
            if window.isVisible() and window.isWindow() and window.parent() is None:
                window.close()
        app.quit()

    previous = signal.signal(signal.SIGTERM, on_sigterm)

    def uninstall() -> None:
        signal.signal(signal.SIGTERM, previous)
        wake.stop()
        wake.deleteLater()
        app.aboutToQuit.disconnect(save_before_quit)

    return uninstall
