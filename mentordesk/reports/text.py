"""Any user string -> safe reportlab Paragraph markup that draws every script.

Right-to-left text: we shape Arabic with ``arabic-reshaper`` (letters become their
joined presentation forms) and reorder with ``python-bidi`` (``get_display``), before
reportlab sees the text. reportlab 5 can shape with uharfbuzz (``style.shaping``), but
its bidi reordering needs the separate ``rlbidi`` package, which we do not ship;
without it, harfbuzz-shaped Arabic comes out joined but left-to-right, i.e.
backwards. The reshaper + bidi pair is pure Python, works with any font that has the
presentation forms (Noto Sans Arabic has them all) and renders correctly, as checked
on rendered pages. Its limit: reordering is done per logical line, before reportlab
wraps it, so a right-to-left run longer than one printed line wraps with its lines
in the wrong order. Short runs (names, a phrase) are kept on one line with
no-break spaces to avoid exactly that.

Characters that the main family lacks in any of its styles are put in
``<font name="...">`` runs of the first fallback family that has them (fonts.py).
reportlab's font tag resets bold and italic, so callers say which style the text
sits in (``bold=``, ``italic=``), or use ``paragraph()`` which reads it off the style.

Very long words need nothing from us: every style keeps reportlab's
``splitLongWords`` on, which cuts a word wider than the frame at the frame's edge.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from mentordesk.reports import fonts

if TYPE_CHECKING:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

TAB = "\u00a0\u00a0\u00a0 "
"""A tab: the width of four spaces, still a place where the line may break."""

NO_BREAK_RTL_RUN = 40
"""Right-to-left runs up to this many characters are kept on one printed line."""

_NEWLINES = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_RTL_CLASSES = frozenset({"R", "AL"})
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_RTL_RUN = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff](?:[^\S\n]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|"
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])*"
)


def para_markup(text: str, *, bold: bool = False, italic: bool = False) -> str:
    """Markup for ``Paragraph`` that shows ``text`` literally, in any script.

    ``bold``/``italic`` name the style the text is drawn in (the paragraph's style or
    the ``<b>``/``<i>`` it is placed inside), so that fallback runs match it.
    Never raises for a ``str``; lone surrogates become U+FFFD, control characters go.
    """
    lines = _clean(text).split("\n")
    return "<br/>".join(_line_markup(line, bold, italic) for line in lines)


def paragraph(text: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of the user's ``text`` in ``style`` (bold/italic taken from the style)."""
    from reportlab.lib.fonts import ps2tt
    from reportlab.platypus import Paragraph

    _, bold, italic = ps2tt(style.fontName)
    return Paragraph(para_markup(text, bold=bool(bold), italic=bool(italic)), style)


def plain_text(text: str) -> str:
    """``text`` cleaned as ``para_markup`` cleans it, without markup (for PDF metadata)."""
    return " ".join(_clean(text).split())


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # Pairs of surrogates become the character they encode, lone ones U+FFFD.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def _line_markup(line: str, bold: bool, italic: bool) -> str:
    line = line.replace("\t", TAB)
    if any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in line):
        line = _visual_order(line)
    # Formatting characters (bidi marks, zero-width joiners, ...) have done their work
    # above and have no glyph in our fonts: drop them.
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cf")
    return "".join(_font_runs(line, bold, italic))


def _visual_order(line: str) -> str:
    from arabic_reshaper import reshape

    def keep_together(match: re.Match[str]) -> str:
        run = match.group(0)
        return re.sub(r"[^\S\n]+", "\u00a0", run) if len(run) <= NO_BREAK_RTL_RUN else run

    line = _RTL_RUN.sub(keep_together, line)
    try:
        line = reshape(line)
        levels = _bidi_levels(line)
    except Exception:  # a bug in either library must not stop a report
        return line
    if levels is None:
        from bidi import get_display

        return str(get_display(line))
    return _reorder(line, levels)


def _bidi_levels(line: str) -> list[int] | None:
    """The resolved embedding level of each character (UAX #9), or None if unknown.

    python-bidi's own ``get_display`` reorders correctly (bracket pairs included) but
    leaves mirroring to the renderer, and reportlab does not mirror: a bracket in
    right-to-left text would face the wrong way. Its debug report has the levels,
    one per UTF-8 byte, from which we reorder and mirror ourselves.
    """
    from bidi import get_display

    report = str(get_display(line, debug=True))
    section = report.partition("levels:")[2].partition("paragraphs:")[0]
    byte_levels = [int(level) for level in _LEVEL.findall(section)]
    if len(byte_levels) != len(line.encode("utf-8")):
        return None
    levels, offset = [], 0
    for ch in line:
        levels.append(byte_levels[offset])
        offset += len(ch.encode("utf-8"))
    return levels


def _reorder(line: str, levels: list[int]) -> str:
    """Rule L2 of UAX #9, plus mirroring of brackets at right-to-left levels (L4)."""
    from bidi.mirror import MIRRORED

    order = list(range(len(line)))
    odd = [level for level in levels if level % 2]
    if odd:
        for level in range(max(levels), min(odd) - 1, -1):
            start = 0
            while start < len(order):
                if levels[order[start]] < level:
                    start += 1
                    continue
                end = start
                while end < len(order) and levels[order[end]] >= level:
                    end += 1
                order[start:end] = order[start:end][::-1]
                start = end
    return "".join(
        MIRRORED.get(line[i], line[i]) if levels[i] % 2 else line[i] for i in order
    )


def _font_runs(line: str, bold: bool, italic: bool) -> list[str]:
    main = fonts.covered_chars(fonts.FAMILY)
    parts: list[str] = []
    run: list[str] = []
    run_family = fonts.FAMILY
    for ch in line:
        code = ord(ch)
        keep = ch.isspace() and code in fonts.covered_chars(run_family)
        family = run_family if keep else _family_for(code, main)
        if family != run_family and run:
            parts.append(_wrap(run, run_family, bold, italic))
            run = []
        run_family = family
        run.append(ch)
    if run:
        parts.append(_wrap(run, run_family, bold, italic))
    return parts


def _family_for(code: int, main: frozenset[int]) -> str:
    if code in main:
        return fonts.FAMILY
    for family in fonts.FALLBACKS:
        if code in fonts.covered_chars(family):
            return family
    return fonts.FAMILY  # nothing has it: the main font's "missing" box, text kept


def _wrap(run: list[str], family: str, bold: bool, italic: bool) -> str:
    text = escape("".join(run))
    if family == fonts.FAMILY:
        return text
    return f'<font name="{fonts.font_name(family, bold=bold, italic=italic)}">{text}</font>'
