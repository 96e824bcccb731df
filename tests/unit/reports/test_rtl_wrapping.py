"""Long right-to-left text wraps with its printed lines in reading order (para_markup width=)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from mentordesk.reports.document import build_pdf
from mentordesk.reports.styles import styles
from mentordesk.reports.text import para_markup, paragraph

HEBREW_LETTERS = "אבגדהוזחטיכלמנסעפצקרשת"
# Forty distinct Hebrew words, so that each printed line tells which words it holds.
WORDS = [HEBREW_LETTERS[i % 22] + HEBREW_LETTERS[(i * 7 + 3) % 22] + HEBREW_LETTERS[(i * 5 + 1) % 22]
         + HEBREW_LETTERS[i // 22] for i in range(40)]
ARABIC_NOTE = " ".join(["تحدثنا عن جدول المناوبات والامتحانات والراحة"] * 8)


def printed_lines(para: Paragraph, width: float) -> list[str]:
    para.wrap(width, 10_000)
    lines = []
    for line in para.blPara.lines:
        words = getattr(line, "words", None)
        if words is None:  # a simple line: (extra space, list of words)
            lines.append(" ".join(line[1]))
        else:
            lines.append("".join(getattr(frag, "text", "") for frag in words))
    return lines


def test_long_hebrew_paragraph_reads_top_to_bottom_in_order() -> None:
    """Each printed line holds the next words in reading order, each line reversed on its own."""
    width = 180.0
    para = paragraph(" ".join(WORDS), styles().body, width=width)
    lines = printed_lines(para, width)
    assert len(lines) >= 4
    seen: list[str] = []
    for line in lines:
        # Visual order on the line is right to left: reverse it back into reading order.
        logical = [word[::-1] for word in line.replace("\u00a0", " ").split()][::-1]
        seen.extend(logical)
    assert seen == WORDS


def test_lines_fit_so_reportlab_does_not_wrap_again() -> None:
    """The breaks come from the measure: reportlab finds no line wider than the frame."""
    width = 220.0
    markup = para_markup(ARABIC_NOTE, width=width, font_size=styles().body.fontSize)
    para = Paragraph(markup, styles().body)
    para.wrap(width, 10_000)
    assert len(para.blPara.lines) == markup.count("<br/>") + 1 > 2


def test_without_width_a_line_is_reordered_whole() -> None:
    """Callers that give no width get what they had: one reordered logical line."""
    assert "<br/>" not in para_markup(" ".join(WORDS))


def test_long_arabic_note_reads_back_in_order(tmp_path: Path) -> None:
    """A multi-line Arabic note comes back from the PDF as the text typed (after NFKC)."""
    frame = 300.0
    out = build_pdf(tmp_path / "r.pdf", [paragraph(ARABIC_NOTE, styles().body, width=frame)],
                    title="t")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)

    def squash(value: str) -> str:
        return "".join(unicodedata.normalize("NFKC", value).split())

    assert squash(ARABIC_NOTE) in squash(text)


def test_a_wrapped_line_keeps_its_paragraphs_direction() -> None:
    """An English note whose second printed line starts with Arabic still reads left to right."""
    text = "Quoted a proverb in the meeting, which she liked: «الصبر مفتاح الفرج», patience is key."
    markup = para_markup(text, width=270, font_size=styles().body.fontSize)
    lines = [Paragraph(part, styles().body).getPlainText() for part in markup.split("<br/>")]
    assert len(lines) == 2 and lines[1].startswith("«")  # this line starts with Arabic
    assert lines[-1].endswith("key.")  # not ".patience ... key" as a right-to-left line would be
