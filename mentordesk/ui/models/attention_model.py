"""The Dashboard's list of what needs attention, as a Qt table, and its filter by kind."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from mentordesk.services.dashboard import KIND_LABELS, AttentionItem
from mentordesk.ui import theme
from mentordesk.ui.models.headed_table_model import HeadedTableModel
from mentordesk.ui.warning_sign import warning_sign

KIND, MENTEE, WHAT, DETAIL, OPEN, PREPARE = range(6)
HEADERS = {KIND: "Needs attention", MENTEE: "Mentee", WHAT: "What", DETAIL: "When",
           OPEN: "", PREPARE: ""}
OPEN_TEXT = "Open mentee ›"
PREPARE_TEXT = "Prepare ›"
SELF_TEXT = "Self-assessment ›"

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The mentee's id ('' for the mentor's own development actions)."""
KIND_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class AttentionModel(HeadedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AttentionItem] = []

    def set_items(self, items: list[AttentionItem] | tuple[AttentionItem, ...]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item_at(self, row: int) -> AttentionItem:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        item = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(item, column)
        if role == ID_ROLE:
            return item.mentee_id or ""
        if role == KIND_ROLE:
            return item.kind
        if role == Qt.ItemDataRole.ToolTipRole and column in (WHAT, DETAIL):
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole and column in (OPEN, PREPARE) and self.text(item, column):
            return ("Click to open the mentee" if column == OPEN else
                    "Click to prepare the next meeting")
        if column in (OPEN, PREPARE) and role == Qt.ItemDataRole.ForegroundRole:
            return theme.link()  # a colour: Qt takes it for the brush (no QBrush type at start)
        if column == DETAIL and item.overdue:
            if role == Qt.ItemDataRole.ForegroundRole:
                return theme.attention()
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_sign()
        return None

    @staticmethod
    def text(item: AttentionItem, column: int) -> str:
        """What the cell of ``item`` in ``column`` says."""
        if column == KIND:
            return KIND_LABELS[item.kind]
        if column == MENTEE:
            return item.mentee_name
        if column == WHAT:
            return item.what
        if column == DETAIL:
            # Said in words, not only in red: unless the kind already says "overdue".
            said = "overdue" in KIND_LABELS[item.kind].lower()
            return ("Overdue — " if item.overdue and not said else "") + item.detail
        if column == OPEN:
            return OPEN_TEXT if item.mentee_id else SELF_TEXT
        if column == PREPARE:
            return PREPARE_TEXT if item.mentee_id else ""
        return ""



class AttentionFilterModel(QSortFilterProxyModel):
    """Shows one kind of item, or all (kind None).

    Qt's own filter on the kind role: with no kind it lets every row through without
    asking the model, where an override would be called from C++ for every row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self.setFilterRole(KIND_ROLE)
        self.setFilterKeyColumn(KIND)

    def set_kind(self, kind: str | None) -> None:
        self._kind = kind
        self.setFilterRegularExpression("" if kind is None else f"^{re.escape(kind)}$")

    def kind(self) -> str | None:
        return self._kind
