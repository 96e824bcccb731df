"""A small line chart of one goal's progress over time, drawn with QPainter."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from mentordesk.ui.formatting import format_date

LINE_COLOUR = "#1f5f8b"


class GoalChart(QWidget):
    """Percent (0–100) against date. Its accessible description says the same in words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Progress chart")
        self._points: list[tuple[date, int]] = []
        self._title = ""
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:
        return QSize(320, 140)

    def set_progress(self, title: str, points: list[tuple[date, int]]) -> None:
        self._title = title
        self._points = sorted(points)
        self.setAccessibleDescription(self.summary())
        self.update()

    def points(self) -> list[tuple[date, int]]:
        return list(self._points)

    def summary(self) -> str:
        if not self._points:
            return f"{self._title}: no progress recorded yet." if self._title else "No goal selected."
        steps = ", ".join(f"{p} % on {format_date(d)}" for d, p in self._points)
        return f"{self._title}: {steps}."

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        metrics = self.fontMetrics()
        left = metrics.horizontalAdvance("100 %") + 8
        plot = QRectF(left, 6, self.width() - left - 12, self.height() - metrics.height() - 16)
        painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
        for percent in (0, 50, 100):
            y = plot.bottom() - plot.height() * percent / 100
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text_colour)
            painter.drawText(QRectF(0, y - metrics.height() / 2, left - 6, metrics.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, f"{percent} %")
            painter.setPen(QPen(muted, 1, Qt.PenStyle.DotLine))
        painter.setPen(text_colour)
        if not self._points:
            empty = "No progress recorded yet" if self._title else "Select a goal to see its progress"
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, empty)
            painter.end()
            return
        first, last = self._points[0][0], self._points[-1][0]
        span = max((last - first).days, 1)

        def at(day: date, percent: int) -> QPointF:
            x = plot.left() + (plot.width() * (day - first).days / span if len(self._points) > 1 else 0)
            return QPointF(x, plot.bottom() - plot.height() * percent / 100)

        points = [at(d, p) for d, p in self._points]
        pen = QPen(QColor(LINE_COLOUR), 2)
        painter.setPen(pen)
        for start, end in zip(points, points[1:], strict=False):
            painter.drawLine(start, end)
        painter.setBrush(pen.color())
        for point in points:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(text_colour)
        label_y = plot.bottom() + 4
        painter.drawText(QRectF(plot.left(), label_y, plot.width(), metrics.height()),
                         Qt.AlignmentFlag.AlignLeft, format_date(first))
        if len(self._points) > 1:
            painter.drawText(QRectF(plot.left(), label_y, plot.width(), metrics.height()),
                             Qt.AlignmentFlag.AlignRight, format_date(last))
        painter.end()
