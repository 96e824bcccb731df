"""The mentor's support contacts as an editable Qt table: name and detail, in their order."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mentordesk.services.support_contacts import ContactData
from mentordesk.ui.models.headed_table_model import HeadedTableModel

NAME, DETAIL = range(2)
HEADERS = {NAME: "Name", DETAIL: "How to reach them"}

Index = QModelIndex | QPersistentModelIndex


class SupportContactModel(HeadedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ContactData] = []

    def set_contacts(self, contacts: list[ContactData]) -> None:
        self.beginResetModel()
        self._rows = list(contacts)
        self.endResetModel()

    def contacts(self) -> list[ContactData]:
        return list(self._rows)

    def add_contact(self, name: str, detail: str = "") -> int:
        row = len(self._rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self._rows.append(ContactData(name, detail))
        self.endInsertRows()
        return row

    def remove_contact(self, row: int) -> None:
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self.endRemoveRows()

    def move_contact(self, row: int, offset: int) -> int:
        """Move a contact up (-1) or down (+1); returns its new row."""
        target = row + offset
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)) or offset == 0:
            return row
        # Qt's destination is the row before which the moved row lands, in the old numbering.
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        return target

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            contact = self._rows[index.row()]
            return contact.name if index.column() == NAME else contact.detail
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return False
        contact = self._rows[index.row()]
        text = str(value)
        self._rows[index.row()] = (replace(contact, name=text) if index.column() == NAME
                                   else replace(contact, detail=text))
        self.dataChanged.emit(index, index)
        return True
