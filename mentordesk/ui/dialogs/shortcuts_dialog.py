"""Help → Keyboard shortcuts: every shortcut of a window, read from its actions so it stays true.

``collect_shortcuts`` also serves the test that no two shortcuts clash: two bindings
of the same keys clash when one's reach contains the other's (a window-wide action and
anything inside that window; a widget's action and anything inside that widget).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMenu,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.ui.models.rows_table_model import Column, RowsTableModel

NATIVE = QKeySequence.SequenceFormat.NativeText


@dataclass(frozen=True)
class Binding:
    keys: str  # portable text, e.g. "Ctrl+Shift+N"
    what: str  # what it does, as the menu says it
    where: str  # the menu or area it belongs to
    scope: QWidget  # the widget within which the keys reach it

    def reaches(self, other: Binding) -> bool:
        """True when a key press inside ``other``'s scope could also reach this binding."""
        return self.scope is other.scope or self.scope.isAncestorOf(other.scope) \
            or other.scope.isAncestorOf(self.scope)


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def _scope_of(widget: QWidget, context: Qt.ShortcutContext) -> QWidget:
    if context in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut):
        return widget.window()
    return widget


def _area_name(widget: QWidget) -> str:
    """The name of the area or page ``widget`` is part of (the page of a stacked widget, or its window)."""
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        parent = current.parentWidget()
        if isinstance(parent, QStackedWidget) and current.accessibleName():
            return current.accessibleName()
        current = parent
    top = widget.window()
    return top.accessibleName() or top.windowTitle()


def _menu_owner(menu: QMenu) -> tuple[QWidget, str]:
    """The window a menu belongs to (menus are windows of their own) and the menu's title."""
    parent = menu.parentWidget()
    while isinstance(parent, QMenu):
        parent = parent.parentWidget()
    return (parent or menu), _clean(menu.title())


def _action_bindings(action: QAction) -> list[Binding]:
    bindings = []
    what = _clean(action.text()) or _clean(action.toolTip())
    for obj in action.associatedObjects():
        if not isinstance(obj, QWidget):
            continue
        if isinstance(obj, QMenu):
            owner, where = _menu_owner(obj)
        else:
            owner = obj
            where = _area_name(obj)
        for keys in action.shortcuts():
            bindings.append(Binding(keys.toString(), what, where, _scope_of(owner, action.shortcutContext())))
    return bindings


def collect_shortcuts(window: QWidget) -> list[Binding]:
    """Every key binding of ``window`` and the windows it owns (actions, QShortcuts, button keys),
    one entry per reach: an action in a menu and on a button counts once per window."""
    found: dict[tuple[str, str, int], Binding] = {}
    objects: list[QObject] = [window, *window.findChildren(QObject)]
    for obj in objects:
        if isinstance(obj, QAction):
            for binding in _action_bindings(obj):
                found.setdefault((binding.keys, binding.what, id(binding.scope)), binding)
        elif isinstance(obj, QShortcut):
            parent = obj.parent()
            if isinstance(parent, QWidget) and not obj.key().isEmpty():
                what = obj.whatsThis() or obj.objectName() or "(shortcut)"
                scope = _scope_of(parent, obj.context())
                where = _area_name(scope)
                for sequence in obj.keys():  # noqa: SIM118 — QShortcut.keys() is a list of key sequences
                    keys = sequence.toString()
                    found.setdefault((keys, what, id(scope)), Binding(keys, what, where, scope))
        elif isinstance(obj, QAbstractButton) and not obj.shortcut().isEmpty():
            sequence = obj.shortcut()
            if sequence == QKeySequence.mnemonic(obj.text()) or (
                    isinstance(obj, QToolButton) and obj.defaultAction() is not None):
                continue  # an underlined letter, or the key of the action the button shows
            scope = obj.window()
            what = _clean(obj.text()) or obj.accessibleName()
            where = _area_name(obj)
            keys = sequence.toString()
            found.setdefault((keys, what, id(scope)), Binding(keys, what, where, scope))
    return sorted(found.values(), key=lambda b: (b.where, b.keys))


def clashes(bindings: list[Binding]) -> list[tuple[Binding, Binding]]:
    """Pairs of different bindings of the same keys whose reaches overlap."""
    pairs = []
    for i, first in enumerate(bindings):
        for second in bindings[i + 1:]:
            if first.keys == second.keys and first.what != second.what and first.reaches(second):
                pairs.append((first, second))
    return pairs


COLUMNS: list[Column[Binding]] = [
    Column("Keys", lambda b: QKeySequence(b.keys).toString(NATIVE)),
    Column("Does", lambda b: b.what),
    Column("Where", lambda b: b.where),
]


class ShortcutsDialog(QDialog):
    """A list of what the keys do in the main window; opened with open() and left open beside it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.setAccessibleName("Keyboard shortcuts")
        self.resize(700, 600)
        intro = QLabel("Every shortcut of the main window. Shortcuts marked with an area work while that "
                       "area is shown. In text fields, Ctrl+Z and Ctrl+Shift+Z undo and redo typing.")
        intro.setWordWrap(True)
        # One line per keys and meaning; a menu names the place better than a button does.
        unique: dict[tuple[str, str], Binding] = {}
        for binding in collect_shortcuts(window):
            if binding.what != "(shortcut)" and binding.scope.window() is window:
                unique.setdefault((binding.keys, binding.what), binding)
        self.model: RowsTableModel[Binding] = RowsTableModel(COLUMNS, self)
        self.model.set_rows(sorted(unique.values(), key=lambda b: (b.where, b.what)))
        self.table = QTableView()
        self.table.setAccessibleName("Shortcuts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setAlternatingRowColors(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def rows(self) -> list[Binding]:
        return self.model.rows()
