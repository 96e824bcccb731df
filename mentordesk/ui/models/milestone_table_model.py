"""The first-hundred-days track as a table; the next check-in is said in words, not only shown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from mentordesk.services.milestones import MilestoneView
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.row_table_model import Column, RowTableModel

DAY, DUE, PROMPT, DONE = range(4)
NEXT_TEXT = "▶ Next"


class MilestoneTableModel(RowTableModel):
    def __init__(self, parent: Any = None) -> None:
        # The "Done" column reads the next check-in, so the columns are made per model.
        self.COLUMNS = (
            Column("Day", lambda m: f"Day {m.day}", lambda m: m.day),
            Column("Due", lambda m: format_date(m.due_on),
                   lambda m: m.due_on.isoformat() if m.due_on else ""),
            Column("Check-in", lambda m: m.prompt),
            Column("Done", self._done, lambda m: m.done_on.isoformat() if m.done_on else ""),
        )
        super().__init__(parent)
        self.next_id: str | None = None

    def set_track(self, rows: list[MilestoneView], next_id: str | None) -> None:
        self.next_id = next_id
        self.set_rows(rows)

    def _done(self, m: MilestoneView) -> str:
        if m.done_on:
            return f"✓ {format_date(m.done_on)}" + (f" — {' '.join(m.note.split())}" if m.note else "")
        return NEXT_TEXT if m.id == self.next_id else ""

    def extra_data(self, row: MilestoneView, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and row.id == self.next_id:
            font = QFont()
            font.setBold(True)
            return font
        return None
