"""A session in its own non-modal window.

A window of its own, not a page of the main window: the mentor can keep the
roster, the mentee's timeline or last month's note open beside the one being
written, and several meetings can be open at once. Each session opens in at most
one window (asking again brings it forward). Closing the window saves; the
application saves every open window before it quits (see ui/shutdown.py).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from mentordesk import APP_NAME
from mentordesk.services import sessions
from mentordesk.ui.views.session_editor import SessionEditor

DEFAULT_SIZE = (820, 900)

_open: weakref.WeakSet[SessionWindow] = weakref.WeakSet()


class SessionWindow(QWidget):
    """Emits ``session_saved(session_id)`` after each stored save, so views can refresh."""

    session_saved = Signal(str)

    def __init__(self, editor: SessionEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editor = editor
        self.setAccessibleName(editor.accessibleName())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(editor)
        editor.status_changed.connect(self._update_title)
        editor.saved.connect(self.session_saved)
        close = QShortcut(QKeySequence("Ctrl+W"), self)
        close.activated.connect(self.close)
        self.resize(*DEFAULT_SIZE)
        self._update_title()
        _open.add(self)

    def _update_title(self, *_args: object) -> None:
        self.setWindowTitle(f"{self.editor.title.text()} · {self.editor.status_text} — {APP_NAME}")

    def closeEvent(self, event: QCloseEvent) -> None:
        # A save that fails keeps the window open: the text is still here and the error says why.
        if not self.editor.finish():
            event.ignore()
            return
        _open.discard(self)
        super().closeEvent(event)


def open_windows() -> list[SessionWindow]:
    return [w for w in _open if w.isVisible()]


def _find(session_id: str) -> SessionWindow | None:
    return next((w for w in open_windows() if w.editor.session_id == session_id), None)


def _show(window: SessionWindow) -> SessionWindow:
    window.show()
    window.raise_()
    window.activateWindow()
    window.editor.sections.edits["listening"].setFocus()
    return window


def open_new_session(parent: QWidget | None, mentee_id: str) -> SessionWindow:
    """A blank session for a mentee, with the defaults of their agreement."""
    return _show(SessionWindow(SessionEditor(sessions.new_session(mentee_id)), parent))


def open_session(parent: QWidget | None, session_id: str) -> SessionWindow:
    """An existing session, to read and edit (brought forward if already open)."""
    existing = _find(session_id)
    if existing is not None:
        existing.raise_()
        existing.activateWindow()
        return existing
    return _show(SessionWindow(SessionEditor(sessions.get_session(session_id), session_id), parent))


def save_all_open() -> bool:
    """Store what every open session window holds (quit, SIGTERM); True when all were saved."""
    return all([w.editor.save_now() for w in list(_open)])
