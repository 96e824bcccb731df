"""Changes between two assessments, per domain or per item (from ``services.assessments.compare``)."""

from __future__ import annotations

from typing import Any

from mentordesk.services.assessments import DomainChange, ItemChange
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel

MISSING_SORT = -100.0


def mean_text(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


def rating_text(value: int | None) -> str:
    return "—" if value is None else str(value)


def change_text(change: float | None, *, whole: bool = False) -> str:
    """The change with its direction in words, so a sign is never the only cue."""
    if change is None:
        return "—"
    if abs(change) < 0.05:
        return "no change"
    amount = f"{abs(change):.0f}" if whole else f"{abs(change):.1f}"
    return f"up {amount}" if change > 0 else f"down {amount}"


DOMAIN_COLUMNS: list[Column[DomainChange]] = [
    Column("Domain", lambda d: d.title),
    Column("Before", lambda d: mean_text(d.before), lambda d: MISSING_SORT if d.before is None else d.before,
           right_aligned=True),
    Column("After", lambda d: mean_text(d.after), lambda d: MISSING_SORT if d.after is None else d.after,
           right_aligned=True),
    Column("Change", lambda d: change_text(d.change),
           lambda d: MISSING_SORT if d.change is None else d.change),
]

ITEM_COLUMNS: list[Column[ItemChange]] = [
    Column("Statement", lambda i: i.text),
    Column("Before", lambda i: rating_text(i.before), lambda i: -1 if i.before is None else i.before,
           tooltip=lambda i: "— means not applicable or not answered" if i.before is None else "",
           right_aligned=True),
    Column("After", lambda i: rating_text(i.after), lambda i: -1 if i.after is None else i.after,
           tooltip=lambda i: "— means not applicable or not answered" if i.after is None else "",
           right_aligned=True),
    Column("Change", lambda i: change_text(i.change, whole=True),
           lambda i: MISSING_SORT if i.change is None else float(i.change)),
]


class DomainChangeModel(RowsTableModel[DomainChange]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(DOMAIN_COLUMNS, parent)


class ItemChangeModel(RowsTableModel[ItemChange]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(ITEM_COLUMNS, parent)
