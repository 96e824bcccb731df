"""Buttons and actions for the mentee page: text buttons that carry a QAction and a name."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QToolButton, QWidget


def make_action(parent: QWidget, text: str, slot: Callable[[], object], shortcut: str | None = None,
                tip: str = "") -> QAction:
    """An action whose shortcut works while focus is anywhere inside ``parent``."""
    action = QAction(text, parent)
    if shortcut:
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    label = text.replace("&", "").rstrip("…")
    action.setToolTip(f"{tip or label} ({shortcut})" if shortcut else (tip or label))
    action.triggered.connect(slot)
    parent.addAction(action)
    return action


def action_button(action: QAction) -> QToolButton:
    button = QToolButton()
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
    return button


def list_table(name: str) -> QTableView:
    """A read-only, row-selecting table as the page's lists use it."""
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setAccessibleName(f"{name}: columns")
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return table


def stretch_column(table: QTableView, column: int) -> None:
    """Let one column (the free text) take the room the others leave."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
