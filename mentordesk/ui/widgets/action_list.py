"""The action items of a session: a small table to edit in place, and a line to add one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.sessions import ActionData
from mentordesk.ui.models.action_table_model import DONE, DUE, OWNER, OWNER_LABELS, TEXT, ActionTableModel

Index = QModelIndex | QPersistentModelIndex


class OwnerDelegate(QStyledItemDelegate):
    """Who owns an action is chosen from a list, not typed."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Who owns the action")
        for key, label in OWNER_LABELS.items():
            combo.addItem(label, key)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class _RemoveAction(QUndoCommand):
    """Removing an action item from a session: undone by putting it back where it was."""

    def __init__(self, model: ActionTableModel, row: int) -> None:
        super().__init__("Remove action")
        self.model, self.row = model, row
        self.action: ActionData | None = None

    def redo(self) -> None:
        self.action = self.model.remove_action(self.row)

    def undo(self) -> None:
        if self.action is not None:
            self.model.insert_action(self.row, self.action)


class ActionList(QWidget):
    """Emits ``changed`` after every addition, edit or removal."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ActionTableModel(self)
        self.table = QTableView()
        self.table.setAccessibleName("Action items")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(OWNER, OwnerDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.SelectedClicked)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column in (OWNER, DUE, DONE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(90)
        self.table.setMaximumHeight(130)
        self.undo_stack = QUndoStack(self)
        for keys, slot in ((QKeySequence.StandardKey.Undo, self.undo_stack.undo),
                           (QKeySequence.StandardKey.Redo, self.undo_stack.redo)):
            shortcut = QShortcut(keys, self.table)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_selected)

        self.new_text = QLineEdit()
        self.new_text.setAccessibleName("New action")
        self.new_text.setPlaceholderText("Type an action and press Enter to add it")
        self.new_text.returnPressed.connect(self.add_from_line)
        self.new_owner = QComboBox()
        self.new_owner.setAccessibleName("Who owns the new action")
        for key, label in OWNER_LABELS.items():
            self.new_owner.addItem(label, key)
        self.add_button = QPushButton("&Add action")
        self.add_button.setAccessibleName("Add action")
        self.add_button.clicked.connect(self.add_from_line)
        self.remove_button = QPushButton("Remove")
        self.remove_button.setAccessibleName("Remove the selected action")
        self.remove_button.setToolTip("Remove the selected action (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        adding.addWidget(self.new_text, 1)
        adding.addWidget(self.new_owner)
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        self.undo_button = QPushButton("Undo remove")
        self.undo_button.setAccessibleName("Put back the action removed last")
        self.undo_button.setToolTip("Put back the action removed last (Ctrl+Z in the list)")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.undo_button.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        adding.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(adding)
        layout.addWidget(self.table)
        for signal in (self.model.dataChanged, self.model.rowsInserted, self.model.rowsRemoved,
                       self.model.modelReset):
            signal.connect(self._emit_changed)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _emit_changed(self, *_args: Any) -> None:
        self._update_buttons()
        self.changed.emit()

    def _update_buttons(self, *_args: Any) -> None:
        self.remove_button.setEnabled(bool(self.table.selectionModel().selectedRows()))

    def add_from_line(self) -> None:
        text = self.new_text.text().strip()
        if not text:
            return
        row = self.model.add_action(text, self.new_owner.currentData())
        self.new_text.clear()
        self.table.scrollTo(self.model.index(row, TEXT))

    def remove_selected(self) -> None:
        """Remove the selected action; Ctrl+Z in the list (or Undo) puts it back."""
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.undo_stack.push(_RemoveAction(self.model, rows[0].row()))
