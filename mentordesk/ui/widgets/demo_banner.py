"""The strip that says, on every page, that the window shows invented demo data."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QLabel, QWidget

from mentordesk.ui import looks

DEMO_TEXT = ("DEMO DATA — these mentees are invented, for trying MentorDesk out. "
             "Your own notes are kept in a separate file.")
# The same in light and dark: dark text on a pale yellow, as a paper note would be.
BACKGROUND, TEXT, RULE = QColor("#fff4ce"), QColor("#3b2f00"), QColor("#c19c00")


class DemoBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DEMO_TEXT, parent)
        self.setAccessibleName("Demo data notice")
        self.setWordWrap(True)
        looks.small_figure(self)  # bold
        self.setContentsMargins(12, 8, 12, 10)
        self.setAutoFillBackground(True)
        palette = QPalette(self.palette())
        palette.setColor(QPalette.ColorRole.Window, BACKGROUND)
        palette.setColor(QPalette.ColorRole.WindowText, TEXT)
        self.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        painter = QPainter(self)  # the rule along the bottom
        painter.setPen(QPen(RULE, 2))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        painter.end()
