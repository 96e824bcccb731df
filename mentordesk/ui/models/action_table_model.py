"""The action items of one session as a Qt table: what, who, by when, done."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mentordesk.db.base import new_id
from mentordesk.services import clock
from mentordesk.services.errors import ValidationError
from mentordesk.services.sessions import ActionData
from mentordesk.services.validation import parse_date
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.headed_table_model import HeadedTableModel

TEXT, OWNER, DUE, DONE = range(4)
HEADERS = {TEXT: "Action", OWNER: "Who", DUE: "Due", DONE: "Done"}
OWNER_LABELS = {"mentee": "Mentee", "mentor": "Me (mentor)"}

Index = QModelIndex | QPersistentModelIndex


class ActionTableModel(HeadedTableModel):
    HEADERS = HEADERS

    """Every new action gets its id here, so it keeps it across autosaves."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ActionData] = []

    # --- filling and reading -------------------------------------------------------------
    def set_actions(self, actions: tuple[ActionData, ...] | list[ActionData]) -> None:
        self.beginResetModel()
        self._rows = [a if a.id else replace(a, id=new_id()) for a in actions]
        self.endResetModel()

    def actions(self) -> tuple[ActionData, ...]:
        return tuple(self._rows)

    def add_action(self, text: str, owner: str = "mentee", due_on: Any = None) -> int:
        """Append an action; returns its row."""
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(ActionData(text=text, owner=owner, due_on=due_on, id=new_id()))
        self.endInsertRows()
        return row

    def remove_action(self, row: int) -> ActionData | None:
        """Remove one action; returns it (so it can be put back)."""
        if not 0 <= row < len(self._rows):
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self._rows.pop(row)
        self.endRemoveRows()
        return removed

    def insert_action(self, row: int, action: ActionData) -> None:
        """Put an action back where it was (undo of a removal)."""
        row = max(0, min(row, len(self._rows)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.insert(row, action)
        self.endInsertRows()

    # --- the Qt model --------------------------------------------------------------------
    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DONE:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TEXT:
                return action.text
            if column == OWNER:
                return OWNER_LABELS.get(action.owner, action.owner)
            if column == DUE:
                return format_date(action.due_on) or "—"
            if column == DONE:
                return f"Done {format_date(action.done_on)}" if action.done_on else "Open"
        if role == Qt.ItemDataRole.EditRole:
            if column == TEXT:
                return action.text
            if column == OWNER:
                return action.owner
            if column == DUE:
                return action.due_on.isoformat() if action.due_on else ""
        if role == Qt.ItemDataRole.CheckStateRole and column == DONE:
            return Qt.CheckState.Checked if action.done_on else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and column == DUE:
            return "Double-click and type a date as YYYY-MM-DD (empty for none)"
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        action = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.CheckStateRole and column == DONE:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            new = replace(action, done_on=(action.done_on or clock.today()) if done else None)
        elif role == Qt.ItemDataRole.EditRole and column == TEXT:
            text = str(value).strip()
            if not text:
                return False
            new = replace(action, text=text)
        elif role == Qt.ItemDataRole.EditRole and column == OWNER:
            if value not in OWNER_LABELS:
                return False
            new = replace(action, owner=str(value))
        elif role == Qt.ItemDataRole.EditRole and column == DUE:
            try:
                new = replace(action, due_on=parse_date(str(value or ""), "Due date"))
            except ValidationError:
                return False
        else:
            return False
        self._rows[index.row()] = new
        self.dataChanged.emit(self.index(index.row(), TEXT), self.index(index.row(), DONE))
        return True
