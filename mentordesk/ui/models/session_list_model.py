"""One mentee's sessions as a Qt list, newest first: date, format and a one-line summary each."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentordesk.services.relationships import FORMAT_LABELS
from mentordesk.services.sessions import SessionSummary
from mentordesk.ui.formatting import format_date, plural

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The session's id."""

Index = QModelIndex | QPersistentModelIndex


def heading_of(summary: SessionSummary) -> str:
    """'Mon 23 Nov 2026, 19:00 · Video · 2 open actions'."""
    parts = [f"{summary.held_on:%a} {format_date(summary.held_on)}, {summary.held_on:%H:%M}",
             FORMAT_LABELS.get(summary.format, summary.format.replace("_", " ").capitalize())]
    if summary.open_actions:
        parts.append(f"{plural(summary.open_actions, 'open action')}")
    return " · ".join(parts)


class SessionListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[SessionSummary] = []

    def set_sessions(self, rows: list[SessionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def session_at(self, row: int) -> SessionSummary:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{heading_of(row)}\n{row.summary}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{heading_of(row)}. {row.summary}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.summary
        if role == ID_ROLE:
            return row.id
        return None
