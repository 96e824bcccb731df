"""A radar (spider) chart of domain means, painted with QPainter.

One axis per domain with its title, a ring per scale point, one polygon per
assessment. Polygons differ by line style (solid, dashed) and marker (dot,
square) as well as colour, and the legend names them in words. A domain that is
not rated leaves a gap in its polygon, and its title says "(not rated)".
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget

from mentordesk.reports.radar import RadarSeries, fraction, segments

SHADES = (QColor("#1f5f8b"), QColor("#b35c00"), QColor("#4b6b2f"))
LEGEND_LINE = 22


class RadarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Radar chart of domain means")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(360, 320)
        self.axes: list[str] = []
        self.series: list[RadarSeries] = []
        self.scale_min, self.scale_max = 1, 7
        self.empty_text = "No finished assessment yet."

    def sizeHint(self) -> QSize:  # noqa: N802 — Qt's name
        return QSize(520, 460)

    def set_data(self, axes: Sequence[str], series: Sequence[RadarSeries], *, scale_min: int = 1,
                 scale_max: int = 7) -> None:
        self.axes = list(axes)
        self.series = list(series)
        self.scale_min, self.scale_max = scale_min, scale_max
        self.setAccessibleDescription(self.describe())
        self.update()

    def describe(self) -> str:
        """The chart in words, for screen readers and tooltips."""
        if not self.series:
            return self.empty_text
        parts = []
        for one in self.series:
            values = ", ".join(f"{axis} {'not rated' if v is None else f'{v:.1f}'}"
                               for axis, v in zip(self.axes, one.values, strict=False))
            parts.append(f"{one.label}: {values}")
        return ". ".join(parts)

    # --- painting ------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 — Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.windowText().color()
        rule = palette.mid().color()
        metrics = QFontMetricsF(self.font())
        line_height = metrics.height()
        if not self.axes or not self.series:
            painter.setPen(text_colour)
            painter.drawText(QRectF(self.rect()), Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
            return
        legend_height = len(self.series) * (line_height + 4) + 8
        area = QRectF(self.rect()).adjusted(8, 8, -8, -8 - legend_height)
        centre = area.center()
        label_room = min(150.0, area.width() * 0.22)
        radius = max(40.0, min(area.width() / 2 - label_room, area.height() / 2 - 2.6 * line_height))
        count = len(self.axes)

        def point(axis: int, frac: float) -> QPointF:
            angle = math.pi / 2 - 2 * math.pi * axis / count
            return QPointF(centre.x() + radius * frac * math.cos(angle),
                           centre.y() - radius * frac * math.sin(angle))

        painter.setPen(QPen(rule, 1))
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        for value in range(self.scale_min, self.scale_max + 1):
            frac = fraction(value, self.scale_min, self.scale_max)
            painter.setPen(QPen(rule, 1))
            painter.drawPolygon(QPolygonF([point(axis, frac) for axis in range(count)]))
            painter.setFont(small)
            painter.setPen(text_colour)
            at = point(0, frac)
            painter.drawText(QPointF(at.x() + 3, at.y() - 2), str(value))
        painter.setFont(self.font())

        latest = self.series[0].values
        for axis, title in enumerate(self.axes):
            painter.setPen(QPen(rule, 1))
            painter.drawLine(centre, point(axis, 1.0))
            text = title + ("\n(not rated)" if latest[axis] is None else "")
            anchor = point(axis, 1.0 + 14 / radius)
            dx = anchor.x() - centre.x()
            box = QRectF(0, 0, label_room, 3 * line_height)
            if abs(dx) < radius * 0.2:
                box.moveCenter(anchor)
                box.moveTop(anchor.y() - 3 * line_height if anchor.y() < centre.y() else anchor.y())
                align = Qt.AlignmentFlag.AlignHCenter | (
                    Qt.AlignmentFlag.AlignBottom if anchor.y() < centre.y() else Qt.AlignmentFlag.AlignTop)
            elif dx > 0:
                box.moveTopLeft(QPointF(anchor.x(), anchor.y() - 1.5 * line_height))
                align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            else:
                box.moveTopRight(QPointF(anchor.x(), anchor.y() - 1.5 * line_height))
                align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.setPen(text_colour)
            painter.drawText(box, align | Qt.TextFlag.TextWordWrap, text)

        for number, one in enumerate(self.series):
            colour = SHADES[number % len(SHADES)]
            pen = QPen(colour, 2.2, Qt.PenStyle.DashLine if one.dashed else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in segments(one.values):
                if len(run) > 1:
                    painter.drawPolyline(QPolygonF([
                        point(axis, fraction(float(one.values[axis] or 0), self.scale_min, self.scale_max))
                        for axis in run]))
            painter.setPen(QPen(colour, 1.5))
            for axis, mean in enumerate(one.values):
                if mean is None:
                    continue
                at = point(axis, fraction(mean, self.scale_min, self.scale_max))
                if one.dashed:
                    painter.setBrush(palette.base())
                    painter.drawRect(QRectF(at.x() - 3.5, at.y() - 3.5, 7, 7))
                else:
                    painter.setBrush(colour)
                    painter.drawEllipse(at, 3.5, 3.5)
            y = self.height() - legend_height + number * (line_height + 4) + line_height / 2 + 4
            x = 16.0
            painter.setPen(pen)
            painter.drawLine(QPointF(x, y), QPointF(x + 40, y))
            painter.setPen(text_colour)
            style = "dashed line, squares" if one.dashed else "solid line, dots"
            painter.drawText(QPointF(x + 50, y + metrics.ascent() / 2 - 1), f"{one.label} ({style})")
        painter.end()
