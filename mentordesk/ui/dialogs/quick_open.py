"""Quick open (Ctrl+Shift+O): type part of a mentee's name, Enter opens their page.

Matching ignores case and accents ("lodz" finds "Łódź") through services.folding.fold,
and finds the typed text anywhere in the name; closed relationships are listed too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QListView, QVBoxLayout, QWidget

from mentordesk.services import mentees
from mentordesk.services.folding import fold
from mentordesk.services.mentees import STATUS_LABELS

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
KEY_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Choice:
    id: str
    name: str
    status: str
    key: str  # the folded name


class ChoiceModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Choice] = []

    def set_rows(self, rows: list[Choice]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if row.status == "active":
                return row.name
            return f"{row.name}  ({STATUS_LABELS[row.status].lower()})"
        if role == ID_ROLE:
            return row.id
        if role == KEY_ROLE:
            return row.key
        return None


class FoldedFilter(QSortFilterProxyModel):
    """Keeps the rows whose folded name contains every folded word typed."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        key = str(self.sourceModel().index(source_row, 0, source_parent).data(KEY_ROLE) or "")
        return all(word in key for word in self._words)


class QuickOpen(QDialog):
    """Emits ``chosen(mentee_id)`` and closes when the mentor presses Enter or double-clicks."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Open a mentee")
        self.setAccessibleName("Open a mentee")
        self.resize(420, 360)
        self.model = ChoiceModel(self)
        self.model.set_rows([Choice(r.id, r.name, r.status, fold(r.name))
                             for r in mentees.list_mentees(include_closed=True)])
        self.proxy = FoldedFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.sort(0)
        self.name = QLineEdit()
        self.name.setAccessibleName("Part of the mentee's name")
        self.name.setPlaceholderText("Type part of a name — accents and case do not matter")
        self.name.textChanged.connect(self._filter)
        self.name.installEventFilter(self)
        self.list = QListView()
        self.list.setAccessibleName("Matching mentees")
        self.list.setModel(self.proxy)
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self._open)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        self.name.returnPressed.connect(self.open_current)
        self._filter("")

    def _filter(self, text: str) -> None:
        self.proxy.set_text(text)
        if self.proxy.rowCount():
            self.list.setCurrentIndex(self.proxy.index(0, 0))
            self.empty.setText("Enter opens the highlighted mentee; ↓ and ↑ choose another.")
        elif self.model.rowCount():
            self.empty.setText(f"No mentee's name contains “{text.strip()}”.")
        else:
            self.empty.setText("You have no mentees yet: add one with Mentees → New mentee (Ctrl+N).")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # ↓ and ↑ move in the list while the typing goes on in the box.
        if watched is self.name and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                self.list.setFocus()
                self.list.keyPressEvent(event)
                self.name.setFocus()
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> None:
        index = self.list.currentIndex()
        if index.isValid():
            self._open(index)

    def _open(self, index: QModelIndex) -> None:
        mentee_id = str(index.data(ID_ROLE) or "")
        if mentee_id:
            self.accept()
            self.chosen.emit(mentee_id)
