"""The development plan as a table: domain, action, target date, open or done."""

from __future__ import annotations

from typing import Any

from mentordesk.services.development_plan import DevelopmentActionData
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel

DOMAIN, ACTION, TARGET, STATE = range(4)


def action_state(action: DevelopmentActionData) -> str:
    return "Open" if action.done_on is None else f"Done {format_date(action.done_on)}"


COLUMNS: list[Column[DevelopmentActionData]] = [
    Column("Domain", lambda a: a.domain_title),
    Column("Action", lambda a: a.text),
    Column("Target date", lambda a: format_date(a.target_on) or "no date",
           lambda a: a.target_on.isoformat() if a.target_on else "9999"),
    Column("State", action_state, lambda a: a.done_on.isoformat() if a.done_on else ""),
]


class DevelopmentActionModel(RowsTableModel[DevelopmentActionData]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def row_of(self, action_id: str) -> int:
        return next((n for n, a in enumerate(self.rows()) if a.id == action_id), -1)
