"""What can be done to a mentee from the roster: the menu items and the roster's buttons.

They exist before the roster does: the window's menus and shortcuts (Ctrl+N on
the Dashboard) work from the start, and the Mentees area is built the first time
one of them is used or the area is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from mentordesk.services.mentee_status import ALLOWED_TRANSITIONS

if TYPE_CHECKING:
    from mentordesk.ui.views.mentees_view import MenteesView


class MenteeActions(QObject):
    def __init__(self, parent: QObject, view: Callable[[], MenteesView]) -> None:
        super().__init__(parent)

        def action(text: str, slot: Callable[[MenteesView], object],
                   shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
            act = QAction(text, parent)
            if shortcut is not None:
                act.setShortcut(shortcut)
            act.triggered.connect(lambda: slot(view()))
            return act

        self.add = action("&New mentee…", lambda v: v.add_mentee(), QKeySequence.StandardKey.New)
        self.add.setToolTip("Add a mentee (Ctrl+N)")
        self.open = action("&Open", lambda v: v.open_selected(), QKeySequence("Ctrl+O"))
        self.open.setToolTip("Open the mentee's page (Enter)")
        self.edit = action("&Edit profile…", lambda v: v.edit_selected())
        self.activate = action("&Activate", lambda v: v.set_status("active"))
        self.pause = action("&Pause", lambda v: v.set_status("paused"))
        self.close = action("&Close relationship…", lambda v: v.close_selected())
        self.reopen = action("&Reopen", lambda v: v.set_status("active"))
        self.reopen.setToolTip("Make a closed relationship active again")
        self.update_for(None)

    def update_for(self, status: str | None) -> None:
        """Enable what can be done to a mentee with ``status`` (None: none selected)."""
        allowed = ALLOWED_TRANSITIONS.get(status or "", ())
        self.edit.setEnabled(status is not None)
        self.open.setEnabled(status is not None)
        self.activate.setEnabled(status in ("prospective", "paused") and "active" in allowed)
        self.pause.setEnabled("paused" in allowed)
        self.close.setEnabled("closed" in allowed)
        self.reopen.setEnabled(status == "closed" and "active" in allowed)
