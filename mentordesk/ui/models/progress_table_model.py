"""The progress updates of one goal, newest first: date, percent, note."""

from __future__ import annotations

from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.row_table_model import Column, RowTableModel


class ProgressTableModel(RowTableModel):
    """Rows are (date, percent, note) tuples as ``GoalView.progress`` holds them."""

    COLUMNS = (
        Column("Date", lambda p: format_date(p[0]), lambda p: p[0].isoformat()),
        Column("Progress", lambda p: f"{p[1]} %", lambda p: p[1]),
        Column("Note", lambda p: " ".join(p[2].split())),
    )
