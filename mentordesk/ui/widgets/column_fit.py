"""Column widths measured from the texts a table will show.

Qt's own measuring (resizeColumnToContents, ResizeToContents) asks the model for
every role of every measured cell; on hundreds of rows that was most of the time a
list took to open. The texts are at hand in the rows already, so they are measured
directly with the table's fonts.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView


class ColumnFit:
    def __init__(self, table: QTableView) -> None:
        self.cells = table.fontMetrics()
        self.header = table.horizontalHeader().fontMetrics()
        self.margin = 2 * self.cells.horizontalAdvance("M")
        self.icon = self.cells.height() + 6
        """Room for a decoration (a warning sign) before a cell's text."""

    def width(self, texts: Iterable[str], header_text: str, *, header_extra: int = 0,
              metrics: QFontMetrics | None = None) -> int:
        """Wide enough for every text (in ``metrics``, else the table's font) and for the
        header's text with ``header_extra`` beside it (a sort arrow)."""
        font = metrics or self.cells
        widest = max((font.horizontalAdvance(text) for text in texts), default=0)
        return max(widest, self.header.horizontalAdvance(header_text) + header_extra) + self.margin
