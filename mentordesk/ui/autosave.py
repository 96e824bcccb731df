"""Saving while the mentor types, never on the typing path.

Every change only calls ``touch()``, which restarts a short pause timer and, if
none is running, starts a longer deadline timer. The save itself runs from a
timer (after a pause, or at the latest when the deadline passes while typing
goes on) or from ``flush()`` (focus change, close, quit, SIGTERM, Ctrl+S).
A kill therefore loses at most the last few seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

PAUSE_MS = 800
DEADLINE_MS = 5000


class Autosaver(QObject):
    """Calls ``save`` (which returns True when it stored the data) when it is time.

    ``saved`` is emitted after a successful save; a failed save leaves the data
    "dirty" and is tried again at the next deadline, change or flush.
    """

    saved = Signal()

    def __init__(self, save: Callable[[], bool], *, pause_ms: int = PAUSE_MS,
                 deadline_ms: int = DEADLINE_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._save = save
        self._dirty = False
        self._saving = False
        self.pause = QTimer(self)
        self.pause.setSingleShot(True)
        self.pause.timeout.connect(self._time_to_save)
        self.deadline = QTimer(self)
        self.deadline.setSingleShot(True)
        self.deadline.timeout.connect(self._time_to_save)
        self.set_intervals(pause_ms, deadline_ms)

    def set_intervals(self, pause_ms: int, deadline_ms: int) -> None:
        self.pause.setInterval(pause_ms)
        self.deadline.setInterval(max(deadline_ms, pause_ms))

    def is_dirty(self) -> bool:
        return self._dirty

    def touch(self) -> None:
        """Something changed: the cheap call of the typing path (timers only)."""
        self._dirty = True
        self.pause.start()
        if not self.deadline.isActive():
            self.deadline.start()

    def _time_to_save(self) -> None:
        # A slot returns nothing: PySide 6 mishandles a bool returned to a signal connection.
        self.flush()

    def flush(self) -> bool:
        """Save now if anything changed; True when nothing is left unsaved."""
        self.pause.stop()
        self.deadline.stop()
        if not self._dirty:
            return True
        if self._saving:  # a save that re-enters (a dialog inside it): the running one decides
            return False
        self._saving = True
        self._dirty = False
        try:
            ok = self._save()
        except BaseException:
            self._dirty = True
            raise
        finally:
            self._saving = False
        if not ok:
            self._dirty = True
            self.deadline.start()  # try again later, even if nothing else changes
            return False
        self.saved.emit()
        return True
