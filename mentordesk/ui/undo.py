"""Undo and redo for changes made in lists (QUndoStack commands).

Only list edits are undoable here — a change of status, closing or reopening a
relationship; text fields keep their own undo. Each command calls one service and
then ``after(mentee_id)`` so the views can read the data again. A command that can no
longer be carried out (the data changed in another way since) tells the mentor
through ``failed(message)`` and is dropped from the stack.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtGui import QUndoCommand, QUndoStack

from mentordesk.services import mentees, relationships
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentee_status import STATUS_LABELS
from mentordesk.services.status_undo import restore_status

Refresh = Callable[[str], None]
Report = Callable[[str], None]


class _MenteeCommand(QUndoCommand):
    def __init__(self, text: str, mentee_id: str, after: Refresh, failed: Report) -> None:
        super().__init__(text)
        self.mentee_id = mentee_id
        self._after = after
        self._failed = failed

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except MentorDeskError as error:
            self.setObsolete(True)
            self._failed(str(error))
        self._after(self.mentee_id)


class StatusCommand(_MenteeCommand):
    """Move a mentee to another status (activate, pause, reopen); undo puts the old one back."""

    def __init__(self, mentee_id: str, name: str, previous: str, status: str, *,
                 after: Refresh, failed: Report) -> None:
        label = "reopen" if previous == "closed" else STATUS_LABELS[status].lower()
        super().__init__(f"{label} {name}", mentee_id, after, failed)
        self.previous, self.status = previous, status

    def redo(self) -> None:
        self._run(lambda: mentees.set_status(self.mentee_id, self.status))

    def undo(self) -> None:
        self._run(lambda: restore_status(self.mentee_id, self.previous))


class CloseCommand(_MenteeCommand):
    """Close a relationship that the close dialog has just closed; undo reopens it as it was."""

    def __init__(self, mentee_id: str, name: str, previous: str, *, reason: str, reflection: str,
                 on: date | None, after: Refresh, failed: Report) -> None:
        super().__init__(f"close the relationship with {name}", mentee_id, after, failed)
        self.previous = previous
        self.reason, self.reflection, self.on = reason, reflection, on
        self._done = True  # the dialog has saved the closure already

    def redo(self) -> None:
        if self._done:
            self._done = False
            self._after(self.mentee_id)
            return
        self._run(lambda: relationships.close_relationship(
            self.mentee_id, reason=self.reason, reflection=self.reflection, on=self.on))

    def undo(self) -> None:
        self._run(lambda: restore_status(self.mentee_id, self.previous))


def push_status_change(stack: QUndoStack | None, mentee_id: str, name: str, previous: str, status: str, *,
                       after: Refresh, failed: Report) -> None:
    """Change the status through ``stack`` (undoable), or directly when there is no stack."""
    command = StatusCommand(mentee_id, name, previous, status, after=after, failed=failed)
    if stack is None:
        command.redo()
    else:
        stack.push(command)
