"""The areas of the window, as a list for the navigation column."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon  # the icons come after the first paint

Index = QModelIndex | QPersistentModelIndex


class NavigationModel(QAbstractListModel):
    def __init__(self, titles: list[str], parent: Any = None) -> None:
        super().__init__(parent)
        self._titles = list(titles)
        self._icons: list[QIcon] = []

    def set_icons(self, icons: list[QIcon]) -> None:
        """An icon beside each area's name (the window's icon set)."""
        self._icons = list(icons)
        if self._titles:
            self.dataChanged.emit(self.index(0), self.index(len(self._titles) - 1),
                                  [Qt.ItemDataRole.DecorationRole])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._titles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._titles):
            return None
        title = self._titles[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return title
        if role == Qt.ItemDataRole.DecorationRole and index.row() < len(self._icons):
            return self._icons[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{title} (Ctrl+{index.row() + 1})"
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
