"""A radar (spider) chart of domain means, drawn with reportlab graphics in the report fonts.

One axis per domain, a ring per scale point, one polygon per assessment. The
polygons differ in line style (solid, dashed) and marker shape, not in colour
alone, and a legend names them in words. A domain that is not rated leaves a gap
in its polygon (never a point at 0) and its title says "not rated".
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from mentordesk.reports import fonts

LABEL_WIDTH_CHARS = 18


@dataclass(frozen=True)
class RadarSeries:
    label: str
    values: tuple[float | None, ...]  # one per axis; None: not rated
    dashed: bool = False


def fraction(value: float, scale_min: int, scale_max: int) -> float:
    """Where a value sits between the centre (0) and the outer ring (1); the lowest point is
    one ring out from the centre, so that a rating of 1 is not drawn as "nothing"."""
    steps = scale_max - scale_min + 1
    return (value - scale_min + 1) / steps


def segments(values: Sequence[float | None]) -> list[list[int]]:
    """Runs of neighbouring rated axes (wrapping around) that are joined by lines.

    A complete polygon is one run that ends where it started; a gap splits it.
    """
    count = len(values)
    rated = [v is not None for v in values]
    if all(rated):
        return [list(range(count)) + [0]] if count else []
    if not any(rated):
        return []
    start = next(i for i in range(count) if not rated[i])  # begin after a gap
    runs: list[list[int]] = []
    run: list[int] = []
    for step in range(1, count + 1):
        index = (start + step) % count
        if rated[index]:
            run.append(index)
        elif run:
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


def radar_drawing(axes: Sequence[str], series: Sequence[RadarSeries], *, scale_min: int = 1,
                  scale_max: int = 7, width: float = 460, height: float = 380) -> Any:
    """A reportlab ``Drawing`` (a flowable) of the chart with its legend underneath."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect, String
    from reportlab.lib import colors

    from mentordesk.reports.styles import INK, MUTED, RULE

    fonts.register_fonts()
    regular = fonts.font_name(fonts.FAMILY)
    bold = fonts.font_name(fonts.FAMILY, bold=True)
    legend_height = 16 * len(series) + 6
    drawing = Drawing(width, height)
    # Otherwise the renderer starts in Helvetica, which lands in the PDF unembedded.
    drawing.initialFontName = regular
    drawing.initialFontSize = 8
    cx, cy = width / 2, legend_height + (height - legend_height) / 2
    radius = min(width / 2 - 95, (height - legend_height) / 2 - 34)
    count = len(axes)
    if count == 0:
        return drawing

    def point(axis: int, frac: float) -> tuple[float, float]:
        angle = math.pi / 2 - 2 * math.pi * axis / count
        return cx + radius * frac * math.cos(angle), cy + radius * frac * math.sin(angle)

    for value in range(scale_min, scale_max + 1):
        frac = fraction(value, scale_min, scale_max)
        ring = [coord for axis in range(count) for coord in point(axis, frac)]
        drawing.add(Polygon(ring, strokeColor=RULE, strokeWidth=0.5, fillColor=None))
        x, y = point(0, frac)
        drawing.add(String(x + 3, y + 1, str(value), fontName=regular, fontSize=6.5, fillColor=MUTED))

    latest = series[0].values if series else ()
    for axis, title in enumerate(axes):
        x, y = point(axis, 1.0)
        drawing.add(Line(cx, cy, x, y, strokeColor=RULE, strokeWidth=0.5))
        not_rated = bool(latest) and latest[axis] is None
        lines = textwrap.wrap(title, LABEL_WIDTH_CHARS) or [""]
        if not_rated:
            lines.append("(not rated)")
        lx, ly = point(axis, 1.0 + 14 / radius)
        dx = lx - cx
        anchor = "middle" if abs(dx) < radius * 0.2 else ("start" if dx > 0 else "end")
        top = ly + (len(lines) * 9 if ly > cy + radius * 0.5 else len(lines) * 4.5) - 7
        for number, line in enumerate(lines):
            drawing.add(String(lx, top - number * 9, line, fontName=bold if number < len(lines) - (
                1 if not_rated else 0) else regular, fontSize=7.5, fillColor=INK, textAnchor=anchor))

    shades = (colors.HexColor("#1f5f8b"), colors.HexColor("#b35c00"), colors.HexColor("#4b6b2f"))
    for number, one in enumerate(series):
        colour = shades[number % len(shades)]
        dash = [4, 3] if one.dashed else None
        for run in segments(one.values):
            coords = [c for axis in run for c in point(axis, fraction(float(one.values[axis] or 0),
                                                                      scale_min, scale_max))]
            if len(run) > 1:
                drawing.add(PolyLine(coords, strokeColor=colour, strokeWidth=1.6, strokeDashArray=dash))
        for axis, mean in enumerate(one.values):
            if mean is None:
                continue
            x, y = point(axis, fraction(mean, scale_min, scale_max))
            if one.dashed:
                drawing.add(Rect(x - 2.2, y - 2.2, 4.4, 4.4, strokeColor=colour, fillColor=colors.white,
                                 strokeWidth=1))
            else:
                drawing.add(Circle(x, y, 2.4, strokeColor=colour, fillColor=colour))
        ly = legend_height - 14 - 16 * number
        lx = width / 2 - 150
        drawing.add(Line(lx, ly + 3, lx + 30, ly + 3, strokeColor=colour, strokeWidth=1.6,
                         strokeDashArray=dash))
        style = "dashed line, squares" if one.dashed else "solid line, dots"
        drawing.add(String(lx + 38, ly, f"{one.label} ({style})", fontName=regular, fontSize=8,
                           fillColor=INK))
    return drawing
