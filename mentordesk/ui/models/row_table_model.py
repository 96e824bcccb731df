"""The base of the mentee page's lists: a rows table whose columns are a class attribute."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentordesk.ui.models.rows_table_model import SORT_ROLE, Column, Index, RowsTableModel

__all__ = ["SORT_ROLE", "Column", "Index", "RowTableModel"]


class RowTableModel(RowsTableModel[Any]):
    """Subclasses set ``COLUMNS`` and may add roles in ``extra_data``."""

    COLUMNS: Sequence[Column[Any]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(self.COLUMNS, parent)
