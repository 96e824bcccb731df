"""A list of things to tick (id and label), for choices such as "which reflections to include"."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class CheckListModel(QAbstractListModel):
    """Emits ``checked_changed`` whenever a tick is set or cleared."""

    checked_changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._items: list[tuple[str, str]] = []
        self._checked: set[str] = set()

    def set_items(self, items: Sequence[tuple[str, str]], *, keep_checked: bool = True) -> None:
        """``items`` are (id, label); ticks of ids still listed are kept."""
        self.beginResetModel()
        self._items = list(items)
        ids = {item_id for item_id, _ in self._items}
        self._checked = (self._checked & ids) if keep_checked else set()
        self.endResetModel()
        self.checked_changed.emit()

    def checked_ids(self) -> tuple[str, ...]:
        """The ticked ids, in the order of the list."""
        return tuple(item_id for item_id, _ in self._items if item_id in self._checked)

    def set_checked(self, item_id: str, checked: bool = True) -> None:
        row = next((n for n, (i, _) in enumerate(self._items) if i == item_id), -1)
        if row >= 0:
            self.setData(self.index(row), Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._items):
            return None
        item_id, label = self._items[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if item_id in self._checked else Qt.CheckState.Unchecked
        if role == ID_ROLE:
            return item_id
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole or index.row() >= len(self._items):
            return False
        item_id = self._items[index.row()][0]
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        if checked == (item_id in self._checked):
            return True
        if checked:
            self._checked.add(item_id)
        else:
            self._checked.discard(item_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True
