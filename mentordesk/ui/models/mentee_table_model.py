"""The roster as a Qt table: one row per mentee, from ``services.mentees.list_mentees``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from mentordesk.services.folding import fold
from mentordesk.services.mentees import STATUS_LABELS, MenteeRow
from mentordesk.ui import theme
from mentordesk.ui.formatting import format_date, plural
from mentordesk.ui.models.headed_table_model import HeadedTableModel
from mentordesk.ui.warning_sign import warning_sign

NAME, ROLE, SPECIALTY, ORGANISATION, STATUS, LAST_MET, DAYS_SINCE, OPEN_ACTIONS, NEXT_MEETING = range(9)
HEADERS = {
    NAME: "Name",
    ROLE: "Role",
    SPECIALTY: "Specialty",
    ORGANISATION: "Organisation",
    STATUS: "Status",
    LAST_MET: "Last met",
    DAYS_SINCE: "Days since contact",
    OPEN_ACTIONS: "Open actions",
    NEXT_MEETING: "Next meeting",
}

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
"""Raw values that sort correctly (folded text, ISO dates, numbers)."""
ID_ROLE = Qt.ItemDataRole.UserRole + 2
"""The mentee's id."""
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3
"""Folded name, role, specialty and organisation, for the search box."""
STATUS_ROLE = Qt.ItemDataRole.UserRole + 4
"""The status key (``active``, ``closed`` ...)."""

NEVER_MET_SORT = 1_000_000  # "no meeting yet" sorts as the longest time since contact
OVERDUE_COLOUR = QColor("#a4262c")

Index = QModelIndex | QPersistentModelIndex


def days_since_text(row: MenteeRow) -> str:
    """Days since the last meeting in words; overdue is said, not only coloured."""
    days = row.days_since_contact
    if days is None:
        return "No meeting yet"
    text = "Today" if days == 0 else plural(days, "day")
    if row.overdue:
        text += f" — overdue (cadence {row.cadence_days})"
    return text


class MenteeTableModel(HeadedTableModel):
    HEADERS = HEADERS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[MenteeRow] = []
        self._search: list[str] = []
        # Sort keys per column, made once per reset: sorting asks for each many times.
        self._sort_keys: dict[int, list[str | int]] = {}

    # --- filling -------------------------------------------------------------------------
    def set_rows(self, rows: list[MenteeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [fold(" ".join((r.name, r.role, r.specialty, r.organisation))) for r in self._rows]
        self._sort_keys = {}
        self.endResetModel()

    def mentee_at(self, row: int) -> MenteeRow:
        return self._rows[row]

    def row_of(self, mentee_id: str) -> int:
        for number, mentee in enumerate(self._rows):
            if mentee.id == mentee_id:
                return number
        return -1

    # --- Qt model ------------------------------------------------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(row, column)
        if role == SORT_ROLE:
            keys = self._sort_keys.get(column)
            if keys is None:
                keys = self._sort_keys[column] = [self._sort_key(r, column) for r in self._rows]
            return keys[index.row()]
        if role == ID_ROLE:
            return row.id
        if role == STATUS_ROLE:
            return row.status
        if role == SEARCH_ROLE:
            return self._search[index.row()]
        if role == Qt.ItemDataRole.ToolTipRole and column == DAYS_SINCE and row.overdue:
            return (f"Not seen for {row.days_since_contact} days; you agreed to meet every "
                    f"{row.cadence_days} days.")
        if role == Qt.ItemDataRole.ToolTipRole and column == NAME:
            return row.name + (f" — tags: {', '.join(row.tags)}" if row.tags else "")
        if role == Qt.ItemDataRole.ToolTipRole and column in (ROLE, SPECIALTY, ORGANISATION):
            return self._display(row, column) or None
        if column == DAYS_SINCE and row.overdue:
            if role == Qt.ItemDataRole.DecorationRole:
                return warning_sign()
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(theme.attention())
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == OPEN_ACTIONS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _display(row: MenteeRow, column: int) -> str:
        return display_text(row, column)

    @staticmethod
    def _sort_key(row: MenteeRow, column: int) -> str | int:
        return _SORT[column](row)


_STATUS_ORDER = {"active": 0, "paused": 1, "prospective": 2, "closed": 3}

_DISPLAY: dict[int, Callable[[MenteeRow], str]] = {
    NAME: lambda r: r.name,
    ROLE: lambda r: r.role,
    SPECIALTY: lambda r: r.specialty,
    ORGANISATION: lambda r: r.organisation,
    STATUS: lambda r: STATUS_LABELS.get(r.status, r.status),
    LAST_MET: lambda r: format_date(r.last_met),
    DAYS_SINCE: days_since_text,
    OPEN_ACTIONS: lambda r: str(r.open_actions),
    NEXT_MEETING: lambda r: format_date(r.next_on),
}



def display_text(row: MenteeRow, column: int) -> str:
    """What the roster shows for ``row`` in ``column``."""
    return _DISPLAY[column](row)


_SORT: dict[int, Callable[[MenteeRow], str | int]] = {
    NAME: lambda r: fold(r.name),
    ROLE: lambda r: fold(r.role),
    SPECIALTY: lambda r: fold(r.specialty),
    ORGANISATION: lambda r: fold(r.organisation),
    STATUS: lambda r: _STATUS_ORDER.get(r.status, 9),
    LAST_MET: lambda r: r.last_met.isoformat() if r.last_met else "",
    DAYS_SINCE: lambda r: NEVER_MET_SORT if r.days_since_contact is None else r.days_since_contact,
    OPEN_ACTIONS: lambda r: r.open_actions,
    NEXT_MEETING: lambda r: r.next_on.isoformat() if r.next_on else "",
}
