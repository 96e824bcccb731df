"""Any user string -> safe reportlab Paragraph markup that draws every script.

Right-to-left text: we shape Arabic with ``arabic-reshaper`` (letters become their
joined presentation forms) and reorder with ``python-bidi`` (``get_display``), before
reportlab sees the text. reportlab 5 can shape with uharfbuzz (``style.shaping``), but
its bidi reordering needs the separate ``rlbidi`` package, which we do not ship;
without it, harfbuzz-shaped Arabic comes out joined but left-to-right, i.e.
backwards. The reshaper + bidi pair is pure Python, works with any font that has the
presentation forms (Noto Sans Arabic has them all) and renders correctly, as checked
on rendered pages. Reordering is done per logical line, before reportlab wraps it,
so a right-to-left run longer than one printed line would wrap with its lines in
the wrong order. Callers that know the width the text is set in pass ``width=``
(``paragraph(..., width=...)``): a line with right-to-left text is then broken into
printed lines first, in logical order, measured with the fonts' own widths, and
each is reordered on its own (UAX #9 reorders per printed line, too). Without a
width, short runs (names, a phrase) are still kept on one line with no-break
spaces.

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

_ASCII_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_NEWLINES = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_RTL_CLASSES = frozenset({"R", "AL"})
_LEVEL = re.compile(r"Level\(\s*(\d+),?\s*\)")
_RTL_RUN = re.compile(
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff](?:[^\S\n]+[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|"
    r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff])*"
)


def para_markup(
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    width: float | None = None,
    font_size: float = 10.0,
) -> str:
    """Markup for ``Paragraph`` that shows ``text`` literally, in any script.

    ``bold``/``italic`` name the style the text is drawn in (the paragraph's style or
    the ``<b>``/``<i>`` it is placed inside), so that fallback runs match it.
    ``width`` (points) and ``font_size``: the measure the text will be set in; with
    them, lines holding right-to-left text are broken into printed lines here, so
    that long right-to-left runs read top to bottom in the right order.
    Never raises for a ``str``; lone surrogates become U+FFFD, control characters go.
    """
    parts: list[str] = []
    for line in _clean(text).split("\n"):
        if width and width > 0 and _has_rtl(line):
            chunks = _fit_lines(line.replace("\t", TAB), width, font_size, bold, italic)
            # Every printed line keeps the direction of the paragraph it came from.
            base = _base_direction(line)
            parts.extend(_line_markup(chunk, bold, italic, base) for chunk in chunks)
        else:
            parts.append(_line_markup(line, bold, italic))
    return "<br/>".join(parts)


def paragraph(text: str, style: ParagraphStyle, *, width: float | None = None) -> Paragraph:
    """A Paragraph of the user's ``text`` in ``style`` (bold/italic taken from the style).

    Give ``width``, the width the paragraph will be set in, wherever the text may hold
    a long right-to-left run (notes, reflections): see ``para_markup``.
    """
    from reportlab.lib.fonts import ps2tt
    from reportlab.platypus import Paragraph

    _, bold, italic = ps2tt(style.fontName)
    if width is not None:
        width -= style.leftIndent + style.rightIndent
    markup = para_markup(
        text, bold=bool(bold), italic=bool(italic), width=width, font_size=style.fontSize
    )
    return Paragraph(markup, style)


def plain_text(text: str) -> str:
    """``text`` cleaned as ``para_markup`` cleans it, without markup (for PDF metadata)."""
    return " ".join(_clean(text).split())


def _clean(text: Any) -> str:
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    # Pairs of surrogates become the character they encode, lone ones U+FFFD.
    text = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    text = unicodedata.normalize("NFC", _NEWLINES.sub("\n", text))
    if text.isascii():  # the common case, without a look at each character
        return _ASCII_CONTROLS.sub("", text)
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")


def _has_rtl(line: str) -> bool:
    if line.isascii():
        return False
    return any(unicodedata.bidirectional(ch) in _RTL_CLASSES for ch in line)


_TOKENS = re.compile(r"\S+|\s+")
_FIT_SLACK = 1.0
"""Points kept free on each printed line, so that reportlab never wraps it again."""


def _fit_lines(line: str, width: float, size: float, bold: bool, italic: bool) -> list[str]:
    """``line`` broken at spaces into pieces no wider than ``width``, in logical order.

    Each word is measured as it will be drawn: Arabic shaped (joining never crosses a
    space, so a word shaped alone has its final forms), each character in the font
    that will draw it. A single word wider than the line stays whole; reportlab's
    ``splitLongWords`` cuts it.
    """
    limit = max(width - _FIT_SLACK, 1.0)
    pieces: list[str] = []
    current = ""
    current_width = 0.0
    pending_space = ""
    for token in _TOKENS.findall(line):
        if token.isspace():
            pending_space += token
            continue
        word_width = _measure(token, size, bold, italic)
        space_width = _measure(pending_space, size, bold, italic) if pending_space else 0.0
        if current and current_width + space_width + word_width > limit:
            pieces.append(current)
            current, current_width = token, word_width
        else:
            current += pending_space + token
            current_width += space_width + word_width
        pending_space = ""
    if current or not pieces:
        pieces.append(current)
    return pieces


def _measure(text: str, size: float, bold: bool, italic: bool) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if _has_rtl(text):
        try:
            from arabic_reshaper import reshape

            text = reshape(text)
        except Exception:  # measuring must never stop a report
            pass
    main = fonts.covered_chars(fonts.FAMILY)
    total = 0.0
    for ch in text:
        if unicodedata.category(ch) == "Cf":
            continue
        if ch.isspace():
            # A space takes the font of the run it sits in: count the widest one.
            total += max(
                stringWidth(" ", fonts.font_name(family, bold=bold, italic=italic), size)
                for family in (fonts.FAMILY, *fonts.FALLBACKS)
            )
            continue
        family = _family_for(ord(ch), main)
        total += stringWidth(ch, fonts.font_name(family, bold=bold, italic=italic), size)
    return total


def _base_direction(line: str) -> str:
    """"R" or "L": the direction of the first strongly directed character (UAX #9, P2)."""
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL_CLASSES:
            return "R"
        if kind == "L":
            return "L"
    return "L"


def _line_markup(line: str, bold: bool, italic: bool, base: str | None = None) -> str:
    line = line.replace("\t", TAB)
    if line.isascii():  # every ASCII character is in the main font; nothing to reorder
        return escape(line)
    if _has_rtl(line):
        line = _visual_order(line, base)
    # Formatting characters (bidi marks, zero-width joiners, ...) have done their work
    # above and have no glyph in our fonts: drop them.
    line = "".join(ch for ch in line if unicodedata.category(ch) != "Cf")
    return "".join(_font_runs(line, bold, italic))


def _visual_order(line: str, base: str | None = None) -> str:
    from arabic_reshaper import reshape

    def keep_together(match: re.Match[str]) -> str:
        run = match.group(0)
        return re.sub(r"[^\S\n]+", "\u00a0", run) if len(run) <= NO_BREAK_RTL_RUN else run

    line = _RTL_RUN.sub(keep_together, line)
    try:
        line = reshape(line)
        levels = _bidi_levels(line, base)
    except Exception:  # a bug in either library must not stop a report
        return line
    if levels is None:
        from bidi import get_display

        return str(get_display(line, base_dir=base))
    return _reorder(line, levels)


def _bidi_levels(line: str, base: str | None = None) -> list[int] | None:
    """The resolved embedding level of each character (UAX #9), or None if unknown.

    python-bidi's own ``get_display`` reorders correctly (bracket pairs included) but
    leaves mirroring to the renderer, and reportlab does not mirror: a bracket in
    right-to-left text would face the wrong way. Its debug report has the levels,
    one per UTF-8 byte, from which we reorder and mirror ourselves.
    """
    from bidi import get_display

    report = str(get_display(line, base_dir=base, debug=True))
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
