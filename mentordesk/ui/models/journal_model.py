"""The reflection journal as a table: date, title (or the first words) and competency domain."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from mentordesk.services.folding import fold
from mentordesk.services.journal import TEXT_FIELDS, Entry
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.rows_table_model import ROW_ROLE, SORT_ROLE, Column, RowsTableModel

DATE, TITLE, DOMAIN = range(3)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
"""The folded text of the whole entry, matched against folded typing."""

DomainTitle = Callable[[str | None, str | None], str]


def entry_heading(entry: Entry) -> str:
    """The title, or the first words of the entry when it has none."""
    if entry.title:
        return entry.title
    for name in TEXT_FIELDS[1:]:
        text = " ".join(getattr(entry, name).split())
        if text:
            return text if len(text) <= 60 else text[:59].rstrip() + "…"
    return "(empty)"


class JournalTableModel(RowsTableModel[Entry]):
    def __init__(self, domain_title: DomainTitle, parent: Any = None, *, with_domain: bool = True) -> None:
        columns: list[Column[Entry]] = [
            Column("Date", lambda e: format_date(e.written_on), lambda e: e.written_on.isoformat()),
            Column("Title", entry_heading),
        ]
        if with_domain:
            columns.append(Column("Domain",
                                  lambda e: domain_title(e.framework, e.domain_key) or "—"))
        super().__init__(columns, parent)
        self._folded: list[str] = []

    def set_rows(self, rows: Any) -> None:
        self._folded = [fold(" ".join(getattr(e, name) for name in TEXT_FIELDS)) for e in rows]
        super().set_rows(rows)

    def row_of(self, entry_id: str) -> int:
        return next((n for n, e in enumerate(self.rows()) if e.id == entry_id), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == SEARCH_ROLE:
            return self._folded[index.row()] if index.isValid() and index.row() < len(self._folded) else None
        return super().data(index, role)


class JournalFilterModel(QSortFilterProxyModel):
    """Keeps the entries whose text holds every typed word (case and accents do not matter)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int,  # noqa: N802 — Qt's name
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._words:
            return True
        source = self.sourceModel()
        text = source.index(source_row, 0, source_parent).data(SEARCH_ROLE) or ""
        return all(word in text for word in self._words)


__all__ = ["DATE", "DOMAIN", "ROW_ROLE", "SEARCH_ROLE", "TITLE", "JournalFilterModel", "JournalTableModel",
           "entry_heading"]
