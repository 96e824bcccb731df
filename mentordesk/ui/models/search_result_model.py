"""Search hits as a Qt list, newest first: each hit's date, mentee, section and snippet."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentordesk.services.search import SearchHit
from mentordesk.ui.formatting import format_date

HIT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The ``SearchHit`` itself (for the delegate that paints it)."""
SESSION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
MENTEE_ID_ROLE = Qt.ItemDataRole.UserRole + 3
PRIVATE_LABEL = "Private"

Index = QModelIndex | QPersistentModelIndex


def hit_heading(hit: SearchHit) -> str:
    """'12 Mar 2026 · Łucja Wójcik · Challenge · Private' (the parts that are known)."""
    private = hit.private and "private" not in hit.field_label.lower()
    parts = [format_date(hit.on) if hit.on else "", hit.mentee_name, hit.field_label,
             PRIVATE_LABEL if private else ""]
    return " · ".join(p for p in parts if p)


class SearchResultModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit_at(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 — Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit_heading(hit)}\n{hit.snippet}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit_heading(hit)}: {hit.snippet}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Enter opens the session" if hit.session_id else "Enter opens the mentee"
        if role == HIT_ROLE:
            return hit
        if role == SESSION_ID_ROLE:
            return hit.session_id or ""
        if role == MENTEE_ID_ROLE:
            return hit.mentee_id or ""
        return None
