"""Self-rating against mentees' ratings, per domain (from ``services.assessments.self_vs_mentee_gap``)."""

from __future__ import annotations

from typing import Any

from mentordesk.services.assessments import DomainGap
from mentordesk.ui.models.change_table_model import MISSING_SORT, mean_text
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel


def gap_text(gap: float | None) -> str:
    """The gap in words: who rates higher, and by how much."""
    if gap is None:
        return "—"
    if abs(gap) < 0.05:
        return "the same"
    side = "mentees rate you higher" if gap > 0 else "you rate yourself higher"
    return f"{abs(gap):.1f} — {side}"


COLUMNS: list[Column[DomainGap]] = [
    Column("Domain", lambda g: g.title),
    Column("You", lambda g: mean_text(g.self_mean),
           lambda g: MISSING_SORT if g.self_mean is None else g.self_mean, right_aligned=True),
    Column("Mentees", lambda g: mean_text(g.mentee_mean),
           lambda g: MISSING_SORT if g.mentee_mean is None else g.mentee_mean, right_aligned=True),
    Column("Ratings", lambda g: str(g.mentee_ratings), lambda g: g.mentee_ratings, right_aligned=True),
    Column("Gap", lambda g: gap_text(g.gap), lambda g: MISSING_SORT if g.gap is None else g.gap),
]


class DomainGapModel(RowsTableModel[DomainGap]):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(COLUMNS, parent)
