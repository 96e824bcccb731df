"""Every version of a mentee's agreement, newest first."""

from __future__ import annotations

from mentordesk.services.relationships import AGENDA_LABELS, FORMAT_LABELS
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.row_table_model import Column, RowTableModel


def _iso(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else ""


class AgreementVersionsModel(RowTableModel):
    COLUMNS = (
        Column("Recorded", lambda a: format_date(a.created_at), lambda a: _iso(a.created_at)),
        Column("Agreed on", lambda a: format_date(a.agreed_on), lambda a: _iso(a.agreed_on)),
        Column("Kind", lambda a: a.relationship_kind),
        Column("Format", lambda a: FORMAT_LABELS.get(a.meeting_format, a.meeting_format)),
        Column("Every", lambda a: f"{a.cadence_days} days" if a.cadence_days else "No set rhythm",
               lambda a: a.cadence_days or 0),
        Column("Agenda", lambda a: AGENDA_LABELS.get(a.agenda_owner, a.agenda_owner)),
        Column("Review on", lambda a: format_date(a.review_on), lambda a: _iso(a.review_on)),
        Column("Confidentiality", lambda a: " ".join(a.confidentiality.split())),
    )
