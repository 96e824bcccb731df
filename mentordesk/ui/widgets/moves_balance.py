"""The balance of the four moves over recent sessions: one stacked bar, its numbers, one sentence.

Each part of the bar has its own colour and its own hatching and is labelled
in the bar where it fits; the numbers and the reading are always written out
below it, so nothing depends on telling colours apart.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from mentordesk.services.balance import MOVE_NAMES, MovesBalance

# Colour-blind-safe hues (Okabe–Ito) with a pattern each.
SEGMENT_STYLES = (
    (QColor("#0072b2"), Qt.BrushStyle.SolidPattern),
    (QColor("#e69f00"), Qt.BrushStyle.BDiagPattern),
    (QColor("#009e73"), Qt.BrushStyle.Dense4Pattern),
    (QColor("#cc79a7"), Qt.BrushStyle.DiagCrossPattern),
)
BAR_HEIGHT = 26


class BalanceBar(QWidget):
    """The stacked bar alone: four parts in the order of a conversation."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._percents: tuple[int, ...] = (0, 0, 0, 0)
        self.setMinimumHeight(BAR_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_percents(self, percents: tuple[int, ...]) -> None:
        self._percents = percents
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, BAR_HEIGHT)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = self.palette().color(self.foregroundRole())
        area = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        if not any(self._percents):
            painter.setPen(QPen(outline, 1, Qt.PenStyle.DashLine))
            painter.drawRect(area)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "no notes yet")
            painter.end()
            return
        x = area.left()
        for (colour, pattern), name, pct in zip(SEGMENT_STYLES, MOVE_NAMES, self._percents, strict=True):
            if not pct:
                continue
            width = area.width() * pct / 100
            part = QRectF(x, area.top(), width, area.height())
            painter.fillRect(part, colour.lighter(165))
            painter.fillRect(part, QBrush(colour, pattern))
            painter.setPen(QPen(outline, 1))
            painter.drawRect(part)
            self._label(painter, part, name, pct)
            x += width
        painter.end()

    def _label(self, painter: QPainter, part: QRectF, name: str, pct: int) -> None:
        metrics = painter.fontMetrics()
        for text in (f"{name} {pct} %", f"{name[0]} {pct} %", f"{name[0]}"):
            if metrics.horizontalAdvance(text) + 8 <= part.width():
                box = metrics.boundingRect(text).adjusted(-3, -1, 3, 1)
                box.moveCenter(part.center().toPoint())
                painter.fillRect(box, QColor(255, 255, 255, 220))  # legible over any hatching
                painter.setPen(QColor("#000000"))
                painter.drawText(part, Qt.AlignmentFlag.AlignCenter, text)
                return


class MovesBalanceWidget(QWidget):
    """Heading, bar, numbers and the reading sentence of a ``MovesBalance``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Balance of the four moves")
        self.heading = QLabel("Balance of the four moves")
        self.heading.setStyleSheet("font-weight: bold;")
        self.bar = BalanceBar()
        self.numbers = QLabel()
        self.numbers.setWordWrap(True)
        self.numbers.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reading = QLabel()
        self.reading.setWordWrap(True)
        self.reading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.bar)
        layout.addWidget(self.numbers)
        layout.addWidget(self.reading)
        self.set_balance(None)

    def set_balance(self, balance: MovesBalance | None) -> None:
        if balance is None or not balance.written:
            self.heading.setText("Balance of the four moves")
            self.bar.set_percents((0, 0, 0, 0))
            self.numbers.setText("")
            self.numbers.hide()
            self.reading.setText(balance.reading if balance else "No sessions to look at yet.")
        else:
            over = "last session" if balance.sessions == 1 else f"last {balance.sessions} sessions"
            self.heading.setText(f"Balance of the four moves — {over}")
            self.bar.set_percents(balance.percents)
            self.numbers.setText(balance.labelled())
            self.numbers.show()
            self.reading.setText(balance.reading)
        description = " ".join(t for t in (self.heading.text() + ".", self.numbers.text(),
                                            self.reading.text()) if t)
        self.setAccessibleDescription(description)
        self.bar.setAccessibleName(description)

    def text(self) -> str:
        """What the widget says, as one line (numbers and reading)."""
        return " — ".join(t for t in (self.numbers.text(), self.reading.text()) if t)
