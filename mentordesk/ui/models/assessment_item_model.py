"""The items of one domain while an assessment is taken: the statement and its answer in words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mentordesk.services.frameworks import Item, Scale
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel

NOT_ANSWERED = "— not answered yet"
NOT_APPLICABLE = "N/A — not applicable"

ITEM, RATING = range(2)


@dataclass(frozen=True)
class ItemAnswer:
    number: int  # 1-based, within the domain
    item: Item
    answered: bool
    value: int | None  # None with answered: not applicable
    scale: Scale

    @property
    def answer_text(self) -> str:
        if not self.answered:
            return NOT_ANSWERED
        if self.value is None:
            return NOT_APPLICABLE
        anchor = self.scale.anchor(self.value)
        return f"{self.value}" + (f" — {anchor}" if anchor else "")


COLUMNS: list[Column[ItemAnswer]] = [
    Column("Statement", lambda a: f"{a.number}. {a.item.text}", lambda a: a.number),
    Column("Rating", lambda a: a.answer_text,
           lambda a: -2 if not a.answered else (-1 if a.value is None else a.value)),
]


class AssessmentItemModel(RowsTableModel[ItemAnswer]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
