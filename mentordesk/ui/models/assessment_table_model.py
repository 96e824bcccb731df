"""The assessment history as a table: date, framework and version, who rated, finished or not."""

from __future__ import annotations

from typing import Any

from mentordesk.services.assessment_report import rater_text
from mentordesk.services.assessments import AssessmentSummary
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel

DATE, FRAMEWORK, RATER, STATE = range(4)


def state_text(summary: AssessmentSummary) -> str:
    """Finished or not, in words (never colour alone)."""
    if summary.completed:
        return "Finished"
    return f"Unfinished — {summary.answered} of {summary.item_count} answered"


COLUMNS: list[Column[AssessmentSummary]] = [
    Column("Date", lambda s: format_date(s.taken_on), lambda s: s.taken_on.isoformat()),
    Column("Framework", lambda s: f"{s.framework_title} (version {s.framework_version})"),
    Column("Rater", rater_text),
    Column("State", state_text, lambda s: (100_000 if s.completed else 0) + s.answered),
]


class AssessmentTableModel(RowsTableModel[AssessmentSummary]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)

    def row_of(self, assessment_id: str) -> int:
        return next((n for n, s in enumerate(self.rows()) if s.id == assessment_id), -1)
