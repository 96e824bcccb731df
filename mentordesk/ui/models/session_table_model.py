"""All sessions across mentees as a Qt table, read a page at a time.

A busy career holds tens of thousands of sessions: the model counts them, shows
the first page at once and fetches more as the view scrolls (``canFetchMore`` /
``fetchMore``). Sorting and filtering happen in the database (``sort``,
``set_filter``), so a sort proxy over a half-read table is not used: it would
sort only what has been read so far.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from mentordesk.services.relationships import FORMAT_LABELS
from mentordesk.services.session_list import SessionFilter, count_sessions, page_of_sessions
from mentordesk.services.sessions import SessionSummary
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.headed_table_model import HeadedTableModel

WHEN, MENTEE, FORMAT, SUMMARY, OPEN_ACTIONS, WELLBEING = range(6)
HEADERS = {
    WHEN: "Date & time",
    MENTEE: "Mentee",
    FORMAT: "Format",
    SUMMARY: "Summary",
    OPEN_ACTIONS: "Open actions",
    WELLBEING: "Wellbeing",
}
# The service's sort key for each sortable column; the summary sorts by date.
SORT_KEYS = {WHEN: "held_on", MENTEE: "mentee", FORMAT: "format", SUMMARY: "held_on",
             OPEN_ACTIONS: "open_actions", WELLBEING: "wellbeing"}
PAGE_SIZE = 100

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The session's id."""
MENTEE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


def when_text(summary: SessionSummary) -> str:
    return f"{format_date(summary.held_on)}, {summary.held_on:%H:%M}"


def wellbeing_text(score: int | None) -> str:
    return "—" if score is None else f"{score} of 5"


class SessionTableModel(HeadedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent: Any = None, *, page_size: int = PAGE_SIZE) -> None:
        super().__init__(parent)
        self._page_size = page_size
        self._filter = SessionFilter()
        self._sort_column = WHEN
        self._order = Qt.SortOrder.DescendingOrder
        self._rows: list[SessionSummary] = []
        self._total = 0
        self._resetting = False

    # --- filling -------------------------------------------------------------------------
    def set_filter(self, where: SessionFilter) -> None:
        """Show the sessions this filter lets through, from the first page."""
        self._filter = where
        self.reload()

    def current_filter(self) -> SessionFilter:
        return self._filter

    def reload(self) -> None:
        """Read the count and the first page again (after a change or a new filter)."""
        self._resetting = True  # no fetching from inside the reset's own signals
        self.beginResetModel()
        try:
            self._total = count_sessions(self._filter)
            self._rows = self._page(0)
        finally:
            self.endResetModel()
            self._resetting = False

    def _page(self, offset: int) -> list[SessionSummary]:
        return page_of_sessions(
            self._filter, sort_key=SORT_KEYS[self._sort_column],
            descending=self._order == Qt.SortOrder.DescendingOrder,
            offset=offset, limit=self._page_size)

    def total(self) -> int:
        """All sessions the filter lets through, read or not yet."""
        return self._total

    def session_at(self, row: int) -> SessionSummary:
        return self._rows[row]

    def row_of(self, session_id: str) -> int:
        """The row of a session already read, or -1."""
        return next((n for n, s in enumerate(self._rows) if s.id == session_id), -1)

    # --- lazy reading --------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 — Qt's signature
        return not parent.isValid() and not self._resetting and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        more = self._page(len(self._rows))
        if not more:  # the data file changed under us: stop asking
            self._total = len(self._rows)
            return
        start = len(self._rows)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    # --- sorting -------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in SORT_KEYS or (column, order) == (self._sort_column, self._order):
            return
        self._sort_column, self._order = column, order
        self.reload()

    # --- Qt model ------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return _DISPLAY[column](row)
        if role == ID_ROLE:
            return row.id
        if role == MENTEE_ID_ROLE:
            return row.mentee_id
        if role == Qt.ItemDataRole.ToolTipRole and column in (SUMMARY, MENTEE):
            return _DISPLAY[column](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (OPEN_ACTIONS, WELLBEING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


_DISPLAY: dict[int, Callable[[SessionSummary], str]] = {
    WHEN: when_text,
    MENTEE: lambda s: s.mentee_name,
    FORMAT: lambda s: FORMAT_LABELS.get(s.format, s.format.replace("_", " ").capitalize()),
    SUMMARY: lambda s: s.summary,
    OPEN_ACTIONS: lambda s: str(s.open_actions) if s.open_actions else "",
    WELLBEING: lambda s: wellbeing_text(s.wellbeing_score),
}
