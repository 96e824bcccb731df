"""The bundled fonts every PDF is drawn with, registered with reportlab once.

The main family is DejaVu Sans (Latin, Greek, Cyrillic, Vietnamese, basic Hebrew).
Characters it does not have in all four of its styles are drawn with a fallback:
Noto Sans Arabic (DejaVu's oblique styles have no Arabic at all), Noto Sans Hebrew
(the Hebrew points DejaVu lacks) and Droid Sans Fallback (Chinese, Japanese, Korean).

reportlab is imported only when a font is registered or measured, so that importing
this module costs nothing. No Qt here: the UI registers the same files itself, from
``font_files()``.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mentordesk.paths import resources_dir

FAMILY = "MentorDeskSans"
"""The reportlab family name of the main font; every paragraph style uses it."""

ARABIC = "MentorDeskArabic"
HEBREW = "MentorDeskHebrew"
CJK = "MentorDeskCJK"
FALLBACKS: tuple[str, ...] = (ARABIC, HEBREW, CJK)
"""Fallback families, in the order they are tried for a character the main font lacks."""


@dataclass(frozen=True)
class _Family:
    name: str
    regular: str
    bold: str
    italic: str
    bold_italic: str

    def files(self) -> tuple[str, ...]:
        return self.regular, self.bold, self.italic, self.bold_italic


# Files without an italic (or bold) design reuse the upright (or regular) one.
_FAMILIES = (
    _Family(
        FAMILY,
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "DejaVuSans-Oblique.ttf",
        "DejaVuSans-BoldOblique.ttf",
    ),
    _Family(
        ARABIC,
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
    ),
    _Family(
        HEBREW,
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
        "NotoSansHebrew-Regular.ttf",
        "NotoSansHebrew-Bold.ttf",
    ),
    _Family(
        CJK,
        "DroidSansFallbackFull.ttf",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallbackFull.ttf",
    ),
)

_STYLE_SUFFIXES = ("", "-Bold", "-Italic", "-BoldItalic")

_lock = threading.Lock()
_registered = False


def fonts_dir() -> Path:
    """The folder of the bundled font files."""
    return resources_dir() / "fonts"


def font_files() -> list[Path]:
    """Every bundled font file, main family first (for QFontDatabase in the UI, too)."""
    names: list[str] = []
    for family in _FAMILIES:
        for file_name in family.files():
            if file_name not in names:
                names.append(file_name)
    return [fonts_dir() / name for name in names]


def font_name(family: str, *, bold: bool = False, italic: bool = False) -> str:
    """The reportlab name of one style of a registered family."""
    return family + _STYLE_SUFFIXES[int(bold) + 2 * int(italic)]


def register_fonts() -> None:
    """Register every bundled font and family with reportlab; later calls do nothing.

    Safe to call from several threads: the first caller registers, the others wait.
    """
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = fonts_dir()
        for family in _FAMILIES:
            for index, file_name in enumerate(family.files()):
                name = family.name + _STYLE_SUFFIXES[index]
                # shapable=False: text arrives already shaped and in visual order (text.py).
                pdfmetrics.registerFont(TTFont(name, str(folder / file_name), shapable=False))
            pdfmetrics.registerFontFamily(
                family.name,
                normal=family.name,
                bold=font_name(family.name, bold=True),
                italic=font_name(family.name, italic=True),
                boldItalic=font_name(family.name, bold=True, italic=True),
            )
        _registered = True


@cache
def covered_chars(family: str) -> frozenset[int]:
    """Code points the family draws in every one of its styles (regular, bold, italic, both)."""
    register_fonts()
    from reportlab.pdfbase import pdfmetrics

    maps = [
        set(pdfmetrics.getFont(font_name(family, bold=b, italic=i)).face.charToGlyph)
        for b in (False, True)
        for i in (False, True)
    ]
    return frozenset(set.intersection(*maps))
