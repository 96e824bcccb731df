"""A mentee's status history, dated: every start, pause, closure and reopening."""

from __future__ import annotations

from mentordesk.db.models import StatusChange
from mentordesk.services.mentee_status import STATUS_LABELS
from mentordesk.services.relationships import CLOSURE_LABELS
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.row_table_model import Column, RowTableModel


def change_text(row: StatusChange) -> str:
    to = STATUS_LABELS.get(row.to_status, row.to_status)
    if row.from_status is None:
        return f"Began as {to.lower()}"
    return f"{STATUS_LABELS.get(row.from_status, row.from_status)} → {to}"


class StatusHistoryModel(RowTableModel):
    COLUMNS = (
        Column("Date", lambda r: format_date(r.changed_on), lambda r: r.changed_on.isoformat()),
        Column("Change", change_text),
        Column("Reason", lambda r: CLOSURE_LABELS.get(r.reason, "") if r.reason else ""),
        Column("Note", lambda r: " ".join((r.note or "").split())),
    )
