"""A mentee's goals as a table: title, status, latest progress, target date, review due."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QFont

from mentordesk.services.goals import STATUS_LABELS, GoalView
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.row_table_model import Column, RowTableModel
from mentordesk.ui.warning_sign import warning_sign

TITLE, STATUS, PROGRESS, TARGET, REVIEW = range(5)
REVIEW_DUE_TEXT = "Review due"


def _progress(goal: GoalView) -> str:
    return "No update yet" if goal.latest_percent is None else f"{goal.latest_percent} %"


class GoalTableModel(RowTableModel):
    COLUMNS = (
        Column("Goal", lambda g: g.title, lambda g: g.title.casefold()),
        Column("Status", lambda g: STATUS_LABELS.get(g.status, g.status)),
        Column("Progress", _progress, lambda g: -1 if g.latest_percent is None else g.latest_percent),
        Column("Target", lambda g: format_date(g.target_on),
               lambda g: g.target_on.isoformat() if g.target_on else ""),
        Column("Review", lambda g: REVIEW_DUE_TEXT if g.review_due else "", lambda g: int(g.review_due)),
    )

    def extra_data(self, row: GoalView, column: int, role: int) -> Any:
        from PySide6.QtCore import Qt

        if column == REVIEW and row.review_due:
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_sign()
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return ("No progress recorded for longer than the review interval: "
                        "time to look at it together.")
        return None
