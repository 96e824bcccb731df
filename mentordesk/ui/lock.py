"""The idle lock: after a while without typing or clicking, the window hides its content.

It applies only when the data file is encrypted: a passphrase is what unlocks
it, and without one a lock would protect nothing that the computer's own screen
lock does not. The idle time is the setting ``lock_minutes`` (default 10, 0 =
never). While the lock applies, an application-wide event filter restarts a timer
on every key press, click or wheel turn (only then: such a filter passes every
event of the program through Python). On time-out, every open session window is saved first,
then the main window shows a lock screen instead of its content (menus off) and
every other MentorDesk window is hidden until the right passphrase is typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from mentordesk.services import encryption, preferences
from mentordesk.services.errors import MentorDeskError

if TYPE_CHECKING:
    from mentordesk.ui.lock_screen import LockScreen

LOCK_SETTING = "lock_minutes"
ACTIVITY = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.MouseMove,
}


class IdleLock(QObject):
    """Locks ``window`` after the idle time; ``locked``/``unlocked`` tell the rest of the window."""

    locked = Signal()
    unlocked = Signal()

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._interval_ms = 0
        self._watching = False
        self.reload_setting()

    # --- the timer -------------------------------------------------------------------------
    def reload_setting(self, interval_ms: int | None = None) -> None:
        """Read the idle time again (after a change of settings or encryption); tests pass ``interval_ms``."""
        if interval_ms is None:
            try:
                minutes = float(preferences.get(LOCK_SETTING) or 0)
            except (MentorDeskError, TypeError, ValueError):
                minutes = 0
            interval_ms = int(minutes * 60_000)
        protected = encryption.data_file_is_protected()
        self._interval_ms = interval_ms if protected and interval_ms > 0 else 0
        self._watch(self._interval_ms > 0)
        self.restart()

    def _watch(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def active(self) -> bool:
        return self._interval_ms > 0

    def watching(self) -> bool:
        """True while the application-wide filter that sees typing and clicks is installed."""
        return self._watching

    def restart(self) -> None:
        if self._interval_ms > 0 and not self.is_locked():
            self.timer.start(self._interval_ms)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._interval_ms > 0 and event.type() in ACTIVITY and not self.is_locked():
            self.timer.start(self._interval_ms)
        return False

    # --- locking ---------------------------------------------------------------------------
    def is_locked(self) -> bool:
        return self.screen is not None

    def lock(self) -> None:
        if self.is_locked() or not encryption.data_file_is_protected():
            return
        from mentordesk.ui.dialogs.session_window import save_all_open

        save_all_open()  # what was typed is stored before anything is hidden
        self._hidden = [w for w in QApplication.topLevelWidgets()
                        if w is not self.window and w.isVisible() and w.isWindow()]
        for widget in self._hidden:
            widget.hide()
        self._content = self.window.takeCentralWidget()
        from mentordesk.ui.lock_screen import LockScreen  # only when it locks

        self.screen = LockScreen()
        self.screen.unlock_requested.connect(self.try_unlock)
        self.window.setCentralWidget(self.screen)
        self.window.menuBar().setEnabled(False)
        self.window.statusBar().hide()
        self.screen.field.setFocus()
        self.locked.emit()

    def try_unlock(self, passphrase: str) -> bool:
        if self.screen is None:
            return True
        if not encryption.passphrase_matches(passphrase):
            self.screen.wrong()
            return False
        self.window.takeCentralWidget()
        self.screen.deleteLater()
        self.screen = None
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content = None
        self.window.menuBar().setEnabled(True)
        self.window.statusBar().show()
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.restart()
        self.unlocked.emit()
        return True

    def uninstall(self) -> None:
        self._watch(False)
        self.timer.stop()
