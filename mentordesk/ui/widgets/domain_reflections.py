"""On the History tab: "Reflections on this domain", the journal entries linked to one competency
domain, each opened in the journal with a double-click or Enter."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import journal
from mentordesk.services.frameworks import get_framework
from mentordesk.services.portfolio_report import domain_title
from mentordesk.ui.formatting import plural
from mentordesk.ui.models.journal_model import DATE, TITLE, JournalTableModel
from mentordesk.ui.models.rows_table_model import SORT_ROLE


class DomainReflections(QWidget):
    """Emits ``open_entry(entry_id)`` when the mentor opens one of the entries."""

    open_entry = Signal(str)

    def __init__(self, framework_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Reflections on this domain")
        self._framework_key = framework_key
        self.domain = QComboBox()
        self.domain.setAccessibleName("Domain whose reflections are shown")
        self.domain.currentIndexChanged.connect(lambda _i: self.refresh())
        self.summary = QLabel()
        self.summary.setAccessibleName("Reflections on this domain, summary")
        self.summary.setWordWrap(True)
        self.model = JournalTableModel(domain_title, self, with_domain=False)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setAccessibleName("Journal entries on this domain, newest first")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(DATE, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip("Double-click or press Enter to open the entry in the reflection journal")
        self.table.activated.connect(self._activated)

        title = QLabel("<b>Reflections on this domain:</b>")
        title.setBuddy(self.domain)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.domain, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addStretch(0)
        self.set_framework(framework_key)

    def set_framework(self, framework_key: str) -> None:
        self._framework_key = framework_key
        keep = self.domain.currentData()
        self.domain.blockSignals(True)
        self.domain.clear()
        for d in get_framework(framework_key).domains:
            self.domain.addItem(d.title, d.key)
        self.domain.setCurrentIndex(max(self.domain.findData(keep), 0))
        self.domain.blockSignals(False)
        self.refresh()

    def set_domain(self, domain_key: str) -> None:
        index = self.domain.findData(domain_key)
        if index >= 0:
            self.domain.setCurrentIndex(index)

    def domain_key(self) -> str | None:
        value = self.domain.currentData()
        return str(value) if value else None

    def refresh(self) -> None:
        key = self.domain_key()
        rows = journal.list_entries(domain_key=key, framework=self._framework_key) if key else []
        self.model.set_rows(rows)
        if rows:
            self.summary.setText(f"{plural(len(rows), 'journal entry', 'journal entries')}; "
                                 "double-click one to open it.")
        else:
            self.summary.setText("None yet: link an entry to this domain in the Reflection journal.")
        self.table.setVisible(bool(rows))

    def _activated(self, index: QModelIndex) -> None:
        entry = self.model.row_at(self.proxy.mapToSource(index).row())
        self.open_entry.emit(entry.id)
