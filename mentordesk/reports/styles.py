"""Every paragraph style, colour, page size and margin of MentorDesk's PDFs, as data.

Report modules take their styles from ``styles()`` and never build a ParagraphStyle
of their own, so that all reports look alike and use the bundled fonts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from mentordesk.reports import fonts

PAGE_SIZES: dict[str, tuple[float, float]] = {"A4": A4, "LETTER": LETTER}
"""Page sizes by name (upper case); A4 is the default, US Letter the other choice."""
DEFAULT_PAGE_SIZE = "A4"


@dataclass(frozen=True)
class Margins:
    top: float = 22 * mm
    bottom: float = 22 * mm
    left: float = 20 * mm
    right: float = 20 * mm


MARGINS = Margins()

# Colours: dark text, one calm accent, a muted grey for small print and a clear
# but not alarming red for the private marking.
INK = colors.HexColor("#1f2328")
ACCENT = colors.HexColor("#1f5f8b")
MUTED = colors.HexColor("#5f6b76")
RULE = colors.HexColor("#c9d1d9")
TABLE_HEADER_BG = colors.HexColor("#e8eef3")
TABLE_STRIPE_BG = colors.HexColor("#f6f8fa")
PRIVATE = colors.HexColor("#a3282b")

BASE_SIZE = 10.0


@dataclass(frozen=True)
class ReportStyles:
    """The paragraph styles of every report."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    body: ParagraphStyle
    body_italic: ParagraphStyle
    small: ParagraphStyle
    table: ParagraphStyle
    table_header: ParagraphStyle
    private: ParagraphStyle
    footer: ParagraphStyle
    footer_right: ParagraphStyle


def page_size(name: str) -> tuple[float, float]:
    """The (width, height) in points of a page size name such as "A4" or "Letter"."""
    try:
        return PAGE_SIZES[name.strip().upper()]
    except KeyError:
        known = ", ".join(sorted(PAGE_SIZES))
        raise ValueError(f"Unknown page size {name!r}; use one of {known}.") from None


@cache
def styles() -> ReportStyles:
    """The shared styles, built once (after the bundled fonts are registered)."""
    fonts.register_fonts()
    regular = fonts.font_name(fonts.FAMILY)
    bold = fonts.font_name(fonts.FAMILY, bold=True)
    italic = fonts.font_name(fonts.FAMILY, italic=True)

    body = ParagraphStyle(
        "MDBody",
        fontName=regular,
        fontSize=BASE_SIZE,
        leading=BASE_SIZE * 1.4,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=4,
        splitLongWords=1,
        allowWidows=0,
        allowOrphans=0,
    )

    def derive(name: str, **changes: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **changes)

    return ReportStyles(
        title=derive(
            "MDTitle", fontName=bold, fontSize=20, leading=25, textColor=ACCENT, spaceAfter=6
        ),
        subtitle=derive("MDSubtitle", fontSize=12, leading=16, textColor=MUTED, spaceAfter=12),
        heading1=derive(
            "MDHeading1",
            fontName=bold,
            fontSize=14,
            leading=18,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        heading2=derive(
            "MDHeading2",
            fontName=bold,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=body,
        body_italic=derive("MDBodyItalic", fontName=italic),
        small=derive("MDSmall", fontSize=8, leading=10.5, textColor=MUTED),
        table=derive("MDTable", fontSize=9, leading=12, spaceAfter=0),
        table_header=derive("MDTableHeader", fontName=bold, fontSize=9, leading=12, spaceAfter=0),
        private=derive(
            "MDPrivate", fontName=bold, fontSize=8, leading=10, textColor=PRIVATE, spaceAfter=0
        ),
        footer=derive("MDFooter", fontSize=7.5, leading=9.5, textColor=MUTED, spaceAfter=0),
        footer_right=derive(
            "MDFooterRight",
            fontSize=7.5,
            leading=9.5,
            textColor=MUTED,
            spaceAfter=0,
            alignment=TA_RIGHT,
        ),
    )



def table_style(*, header_rows: int = 1) -> TableStyle:
    """The look of every table: bundled font, a shaded header, light rules, striped rows.

    Use it for every Table, even one of Paragraphs only: reportlab's Table otherwise
    sets Helvetica, which ends up in the PDF as a font that is not embedded.
    """
    fonts.register_fonts()
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.font_name(fonts.FAMILY), 9, 12),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("ROWBACKGROUNDS", (0, header_rows), (-1, -1), [colors.white, TABLE_STRIPE_BG]),
    ]
    if header_rows > 0:
        commands += [
            ("FONT", (0, 0), (-1, header_rows - 1), fonts.font_name(fonts.FAMILY, bold=True), 9),
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), TABLE_HEADER_BG),
        ]
    return TableStyle(commands)
