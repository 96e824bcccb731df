"""A read-only table of short texts for the prep view's lists (goals, open actions)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from mentordesk.ui import theme
from mentordesk.ui.models.headed_table_model import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex
ATTENTION_COLOUR = QColor("#a4262c")


class PrepRowsModel(HeadedTableModel):
    """Rows of texts under fixed headers; a row marked for attention is drawn in red
    (its text says why too: "overdue", "stalled")."""

    def __init__(self, headers: Sequence[str], parent: Any = None) -> None:
        self.HEADERS = dict(enumerate(headers))  # this model's own columns
        super().__init__(parent)
        self._rows: list[tuple[str, ...]] = []
        self._marked: list[bool] = []

    def set_rows(self, rows: Sequence[Sequence[str]], marked: Sequence[bool] | None = None) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self._marked = list(marked) if marked is not None else [False] * len(self._rows)
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows) or index.column() >= len(self.HEADERS):
            return None
        text = self._rows[index.row()][index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return text
        if role == Qt.ItemDataRole.ForegroundRole and self._marked[index.row()]:
            return QBrush(theme.attention())
        return None
