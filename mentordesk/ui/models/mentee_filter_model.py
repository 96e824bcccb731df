"""Search over the roster: every word typed must appear, case and accents ignored."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel

from mentordesk.services.folding import fold
from mentordesk.ui.models.mentee_table_model import SEARCH_ROLE, SORT_ROLE


class MenteeFilterModel(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._terms: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        terms = fold(text).split()
        if terms == self._terms:
            return
        self.beginFilterChange()
        self._terms = terms
        self.endFilterChange()

    def search_terms(self) -> list[str]:
        return list(self._terms)

    def filterAcceptsRow(self, source_row: int,
                         source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self._terms:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SEARCH_ROLE) or ""
        return all(term in haystack for term in self._terms)
