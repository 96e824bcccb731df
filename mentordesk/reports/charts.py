"""Charts for the reports, drawn with reportlab.graphics in the bundled fonts.

Every label is set in the report base's font: reportlab's charts otherwise draw
in Helvetica, which would land in the PDF as a font that is not embedded. Charts
show numbers, dates and fixed labels only; text a mentor typed stays in Paragraphs.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, String, UserNode
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.attrmap import AttrMap, AttrMapValue
from reportlab.lib.validators import isNumber, isString

from mentordesk.reports import fonts
from mentordesk.reports.styles import ACCENT, INK, MUTED, RULE

LABEL_SIZE = 7.5


def _font() -> str:
    fonts.register_fonts()
    return fonts.font_name(fonts.FAMILY)


class _Drawing(Drawing):
    """A Drawing whose renderer starts in our font (reportlab's own starts in Helvetica)."""

    _attrMap = AttrMap(BASE=Drawing, initialFontName=AttrMapValue(isString),
                       initialFontSize=AttrMapValue(isNumber))


def _drawing(width: float, height: float) -> Drawing:
    drawing = _Drawing(width, height)
    drawing.initialFontName = _font()
    drawing.initialFontSize = LABEL_SIZE
    return drawing


def goal_progress_chart(points: Sequence[tuple[date, int]], *, width: float = 220,
                        height: float = 110) -> Drawing:
    """A line of a goal's progress (percent) over time; one point is drawn as a dot."""
    font = _font()
    drawing = _drawing(width, height)
    plot = LinePlot()
    plot.x, plot.y = 30, 22
    plot.width, plot.height = width - 42, height - 32
    xs = [day.toordinal() for day, _ in points]
    first, last = (min(xs), max(xs)) if xs else (date.today().toordinal(),) * 2
    if last - first < 14:  # a short span still gets a readable axis
        first, last = first - 7, last + 7
    plot.data = [[(day.toordinal(), percent) for day, percent in points]] if points else [[]]
    line = plot.lines[0]
    line.strokeColor = ACCENT
    line.strokeWidth = 1.6
    line.symbol = makeMarker("FilledCircle", size=3.5, fillColor=ACCENT, strokeColor=ACCENT)

    x_axis = plot.xValueAxis
    x_axis.valueMin, x_axis.valueMax = first, last
    x_axis.valueSteps = _date_steps(first, last)
    x_axis.labelTextFormat = lambda value: date.fromordinal(int(value)).strftime("%b %Y")
    y_axis = plot.yValueAxis
    y_axis.valueMin, y_axis.valueMax, y_axis.valueStep = 0, 100, 25
    y_axis.labelTextFormat = "%d%%"
    for axis in (x_axis, y_axis):
        axis.labels.fontName = font
        axis.labels.fontSize = LABEL_SIZE
        axis.labels.fillColor = MUTED
        axis.strokeColor = RULE
    y_axis.visibleGrid = True
    y_axis.gridStrokeColor = RULE
    y_axis.gridStrokeWidth = 0.3
    drawing.add(plot)
    if not points:
        drawing.add(String(width / 2, height / 2, "No progress recorded", fontName=font,
                           fontSize=LABEL_SIZE, fillColor=MUTED, textAnchor="middle"))
    return drawing


def _date_steps(first: int, last: int, count: int = 3) -> list[int]:
    """A few evenly spaced dates along the axis, ends included."""
    if count < 2 or last <= first:
        return [first]
    step = (last - first) / (count - 1)
    return [round(first + step * i) for i in range(count)]


def moves_balance_chart(labels: Sequence[str], values: Sequence[int], *, width: float = 420,
                        height: float = 110, unit: str = "meetings") -> Drawing:
    """Horizontal bars: how often each of the four moves was written down."""
    font = _font()
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    label_room = 130
    chart.x, chart.y = label_room, 18
    chart.width, chart.height = width - label_room - 40, height - 26
    # reportlab draws the first category at the bottom: reverse, so the list reads top down.
    chart.data = [list(values)[::-1]]
    chart.categoryAxis.categoryNames = list(labels)[::-1]
    chart.bars[0].fillColor = ACCENT
    chart.bars[0].strokeColor = None
    chart.barWidth = 8
    chart.valueAxis.valueMin = 0
    top = max([*values, 1])
    chart.valueAxis.valueMax = top
    chart.valueAxis.valueStep = max(1, _nice_step(top))
    chart.valueAxis.labelTextFormat = "%d"
    for axis_labels in (chart.categoryAxis.labels, chart.valueAxis.labels):
        axis_labels.fontName = font
        axis_labels.fontSize = LABEL_SIZE + 0.5
        axis_labels.fillColor = INK
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.labels.fontSize = LABEL_SIZE
    chart.categoryAxis.strokeColor = RULE
    chart.valueAxis.strokeColor = RULE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = LABEL_SIZE
    chart.barLabels.fillColor = INK
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    drawing.add(chart)
    drawing.add(String(width - 2, 4, unit, fontName=font, fontSize=LABEL_SIZE, fillColor=MUTED,
                       textAnchor="end"))
    return drawing


def _nice_step(top: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if top / step <= 6:
            return step
    return max(1, top // 5)


def fonts_used(drawing: Any) -> set[str]:
    """The font names of every string a drawing would draw (to check no Helvetica is left)."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, UserNode):  # charts, axes and labels: what they would draw
            node = node.provideNode()
        if isinstance(node, String):
            found.add(node.fontName)
        for child in getattr(node, "contents", []) or []:
            walk(child)

    walk(drawing)
    return found
