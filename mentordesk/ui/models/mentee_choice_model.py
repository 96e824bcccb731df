"""The mentees to choose from in a filter: "All mentees" first, then every mentee by name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentordesk.services.folding import fold
from mentordesk.services.mentee_status import STATUS_LABELS
from mentordesk.services.session_list import MenteeChoice

ALL_MENTEES = "All mentees"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The mentee's id ("" for all mentees)."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
"""The folded name, matched against folded typing (``lodz`` finds Łódź)."""

Index = QModelIndex | QPersistentModelIndex


class MenteeChoiceModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._choices: list[MenteeChoice] = []
        self._folded: list[str] = []

    def set_choices(self, choices: list[MenteeChoice]) -> None:
        self.beginResetModel()
        self._choices = list(choices)
        self._folded = [fold(c.name) for c in self._choices]
        self.endResetModel()

    def row_of(self, mentee_id: str) -> int:
        for number, choice in enumerate(self._choices):
            if choice.id == mentee_id:
                return number + 1
        return 0 if not mentee_id else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._choices) + 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() > len(self._choices):
            return None
        if index.row() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return ALL_MENTEES
            return {ID_ROLE: "", SEARCH_ROLE: fold(ALL_MENTEES)}.get(role)
        choice = self._choices[index.row() - 1]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if choice.status == "closed":
                return f"{choice.name} ({STATUS_LABELS['closed'].lower()})"
            return choice.name
        if role == ID_ROLE:
            return choice.id
        if role == SEARCH_ROLE:
            return self._folded[index.row() - 1]
        return None
