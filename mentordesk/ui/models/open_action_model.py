"""A mentee's open action items as a Qt list: text, who owns it, when due; overdue said in words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mentordesk.services.open_actions import OpenAction
from mentordesk.ui import theme
from mentordesk.ui.formatting import format_date
from mentordesk.ui.warning_sign import warning_sign

OWNER_WORDS = {"mentee": "mentee", "mentor": "me (mentor)"}
OVERDUE_COLOUR = QColor("#a4262c")
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The id of the session where the action was agreed."""
OVERDUE_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def action_text(action: OpenAction) -> str:
    """'Send the rota — me (mentor) — due 5 Mar 2026, OVERDUE'."""
    owner = OWNER_WORDS.get(action.owner, action.owner)
    if action.due_on is None:
        due = "no due date"
    else:
        due = f"due {format_date(action.due_on)}" + (", OVERDUE" if action.overdue else "")
    return f"{action.text} — {owner} — {due}"


class OpenActionModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[OpenAction] = []

    def set_actions(self, rows: list[OpenAction]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def overdue_count(self) -> int:
        return sum(1 for a in self._rows if a.overdue)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        action = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return action_text(action)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{action.text}\nAgreed on {format_date(action.agreed_on)}"
        if role == SESSION_ID_ROLE:
            return action.session_id
        if role == OVERDUE_ROLE:
            return action.overdue
        if action.overdue and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(theme.attention())
        if action.overdue and role == Qt.ItemDataRole.DecorationRole:
            return warning_sign()
        return None
