"""The reflection journal: the mentor's dated entries (newest first), a search and a domain
filter, and the entry editor beside them. An entry with changes is saved on Ctrl+S, and when
the mentor moves to another entry or leaves the tab."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import journal
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import get_framework
from mentordesk.services.portfolio_report import domain_title
from mentordesk.ui import looks
from mentordesk.ui.formatting import format_date, plural
from mentordesk.ui.models.journal_model import DATE, TITLE, JournalFilterModel, JournalTableModel
from mentordesk.ui.widgets.reflection_editor import ReflectionEditor


class JournalView(QWidget):
    """Emits ``changed`` after an entry was saved or deleted."""

    changed = Signal()

    def __init__(self, framework_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Reflection journal")
        self._framework_key = framework_key
        self._selecting = False

        self.search = QLineEdit()
        self.search.setAccessibleName("Search the journal")
        self.search.setPlaceholderText("Search the journal…")
        self.search.setClearButtonEnabled(True)
        self.domain_filter = QComboBox()
        self.domain_filter.setAccessibleName("Show entries of the competency domain")
        self.domain_filter.currentIndexChanged.connect(lambda _i: self.refresh())

        self.model = JournalTableModel(domain_title, self)
        self.proxy = JournalFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("Journal entries, newest first")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName("Journal entries: columns, click one to sort")
        header.setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.search.textChanged.connect(self.proxy.set_text)
        self.count = QLabel()
        looks.quiet(self.count)
        self.count.setAccessibleName("Number of entries shown")

        self.editor = ReflectionEditor(framework_key)
        self.editor.saved.connect(self._saved)
        self.editor.delete_button.clicked.connect(self.delete_current)

        self.new_action = self._action("&New entry", self.new_entry, "Ctrl+Shift+J")
        self.save_action = self._action("&Save entry", self.editor.save, QKeySequence.StandardKey.Save)
        self.delete_action = self._action("&Delete entry…", self.delete_current,
                                          QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.table.addAction(self.delete_action)
        new_button = QPushButton("&New entry")
        new_button.setAccessibleName("New journal entry (Ctrl+Shift+J)")
        new_button.setToolTip("Ctrl+Shift+J")
        new_button.clicked.connect(self.new_entry)
        self.new_button = new_button

        left = QWidget()
        left.setMinimumWidth(260)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.domain_filter)
        left_layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(new_button)
        left_layout.addLayout(bottom)
        splitter = QSplitter()
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.editor)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 620])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self._fill_domain_filter()
        self.refresh()

    def _action(self, text: str, slot: object, shortcut: str | QKeySequence.StandardKey) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- the list --------------------------------------------------------------------------
    def set_framework(self, framework_key: str) -> None:
        self._framework_key = framework_key
        self.editor.set_framework(framework_key)
        self._fill_domain_filter()
        self.refresh()

    def _fill_domain_filter(self) -> None:
        keep = self.domain_filter.currentData()
        self.domain_filter.blockSignals(True)
        self.domain_filter.clear()
        self.domain_filter.addItem("All competency domains", None)
        for d in get_framework(self._framework_key).domains:
            self.domain_filter.addItem(d.title, d.key)
        self.domain_filter.setCurrentIndex(max(self.domain_filter.findData(keep), 0))
        self.domain_filter.blockSignals(False)

    def show_domain(self, domain_key: str | None) -> None:
        """Show only the entries of one domain (None: every entry)."""
        self.domain_filter.setCurrentIndex(max(self.domain_filter.findData(domain_key), 0))

    def refresh(self, select_id: str | None = None) -> None:
        domain_key = self.domain_filter.currentData()
        rows = journal.list_entries(domain_key=domain_key,
                                    framework=self._framework_key if domain_key else None)
        keep = select_id or self.editor.entry_id
        self._selecting = True
        self.model.set_rows(rows)
        self._selecting = False
        self.count.setText(plural(len(rows), "entry", "entries"))
        if keep:
            self.select(keep)

    def select(self, entry_id: str) -> bool:
        row = self.model.row_of(entry_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def _current_changed(self, current: object, _previous: object) -> None:
        if self._selecting or not current.isValid():  # type: ignore[attr-defined]
            return
        entry = self.model.row_at(self.proxy.mapToSource(current).row())  # type: ignore[arg-type]
        if entry.id == self.editor.entry_id:
            return
        if not self.leave_current():
            self._selecting = True
            if self.editor.entry_id:
                self.select(self.editor.entry_id)
            else:
                self.table.selectionModel().clearSelection()
            self._selecting = False
            return
        self.editor.load(journal.get_entry(entry.id))

    # --- acting ----------------------------------------------------------------------------
    def open_entry(self, entry_id: str) -> None:
        """Show one entry (from the history's "Reflections on this domain")."""
        if not self.select(entry_id):
            self.show_domain(None)
            self.search.clear()
            self.select(entry_id)

    def leave_current(self) -> bool:
        """Save the entry being edited if it changed; False if the mentor chose to stay on it."""
        if not self.editor.is_dirty() or self.editor.save():
            return True
        answer = QMessageBox.question(
            self, "Entry not saved",
            f"This entry could not be saved: {self.editor.error.message()}\n\nDiscard your changes?",
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    def new_entry(self) -> None:
        if not self.leave_current():
            return
        self._selecting = True
        self.table.selectionModel().clearSelection()
        self.table.selectionModel().setCurrentIndex(self.proxy.index(-1, -1),
                                                    QItemSelectionModel.SelectionFlag.NoUpdate)
        self._selecting = False
        self.editor.load(None)
        self.editor.title.setFocus()

    def delete_current(self) -> None:
        entry_id = self.editor.entry_id
        if entry_id is None:
            return
        title = self.editor.title.text() or "this untitled entry"
        answer = QMessageBox.question(
            self, "Delete journal entry",
            f"Delete the entry of {format_date(self.editor.written_on())}, “{title}”? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            journal.delete_entry(entry_id)
        except MentorDeskError as error:
            self.editor.error.show_message(str(error))
            return
        self.editor.load(None)
        self.refresh()
        self.changed.emit()

    def _saved(self, entry_id: str) -> None:
        self.refresh(entry_id)
        self.changed.emit()

    def hideEvent(self, event: object) -> None:  # noqa: N802 — Qt's name
        if self.editor.is_dirty():
            self.editor.save()  # a rule it breaks stays on screen, with the text, for the next visit
        super().hideEvent(event)  # type: ignore[arg-type]
