"""para_markup: any user string becomes safe Paragraph markup in the right fonts."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from reportlab.platypus import Paragraph

from mentordesk.reports import fonts
from mentordesk.reports.styles import styles
from mentordesk.reports.text import para_markup, paragraph, plain_text

TRICKY = [
    "<b>", "&", "&amp;", "</para>", '<font name="x">', "<br/>", "]]>", "\t", "\n", "\r\n",
    "\x00", "\x1b", "\ud800", "\udfff", "\u200f", "\u202e", "\ufeff", "فاطمة", "(", ")",
    "נועה", "王秀英", "😀", "\u0301", "لا", "١٢٣", " ",
]


def plain(markup: str, *, style_name: str = "body") -> str:
    return Paragraph(markup, getattr(styles(), style_name)).getPlainText()


def test_markup_like_text_comes_out_literally() -> None:
    """Tags, entities and ampersands in user text are shown, not interpreted."""
    text = '<b>bold?</b> & </para> <font name="x">y</font> &amp; <br/>'
    assert plain(para_markup(text)) == text


def test_empty_and_broken_input_never_raise() -> None:
    """Empty text, lone surrogates and control characters give clean markup."""
    assert para_markup("") == ""
    assert para_markup("a\ud800b") == "a\ufffdb"
    assert para_markup("a\x00b\x07c\x1bd") == "abcd"
    assert para_markup("\ud83d\ude00") == "\U0001f600"  # a surrogate pair is one character


def test_newlines_become_breaks_and_tabs_spaces() -> None:
    """Line ends of every kind are kept as <br/>; a tab is a wide but breakable space."""
    assert para_markup("a\nb\r\nc\rd") == "a<br/>b<br/>c<br/>d"
    tabbed = para_markup("a\tb")
    assert "\t" not in tabbed and tabbed.startswith("a") and tabbed.endswith("b")
    assert " " in tabbed


def test_characters_the_main_font_lacks_go_to_a_fallback() -> None:
    """CJK runs are wrapped in the CJK font, matching the bold or italic style asked for."""
    assert para_markup("Mr 王秀英") == f'Mr <font name="{fonts.CJK}">王秀英</font>'
    bold = fonts.font_name(fonts.CJK, bold=True)
    assert para_markup("王", bold=True) == f'<font name="{bold}">王</font>'
    assert para_markup("Łucja Nguyễn Αλέξανδρος") == "Łucja Nguyễn Αλέξανδρος"


def test_paragraph_takes_bold_from_its_style() -> None:
    """paragraph() in a bold style draws fallback runs in the bold fallback font."""
    para = paragraph("فاطمة", styles().heading1)
    assert fonts.font_name(fonts.ARABIC, bold=True) in para.text


def test_right_to_left_is_shaped_reordered_and_mirrored() -> None:
    """Arabic is joined and reversed for display; brackets in RTL text are mirrored."""
    arabic = plain(para_markup("فاطمة"))
    assert arabic == "\ufed3\ufe8e\ufec3\ufee4\ufe94"[::-1]  # joined forms, visual order
    hebrew = plain(para_markup("שלום (עולם)"))
    assert hebrew == "(םלוע) םולש"
    assert plain(para_markup("Mentee: נועה (2024) said")) == "Mentee: (2024) העונ said"


def test_a_long_word_does_not_overflow_the_frame() -> None:
    """A 400-character word is cut into lines no wider than the frame."""
    para = Paragraph(para_markup("x" * 400), styles().body)
    para.wrap(200, 10_000)
    lines = para.blPara.lines
    assert len(lines) > 3
    for line in lines:
        extra = line.extraSpace if hasattr(line, "extraSpace") else line[0]
        assert extra >= -0.01


def test_plain_text_is_one_clean_line() -> None:
    """plain_text() (for PDF metadata) drops control characters and folds whitespace."""
    assert plain_text(" a\n\tb\x00c \ud800 ") == "a bc \ufffd"


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.one_of(st.text(st.characters(exclude_categories=())), st.sampled_from(TRICKY)),
        max_size=12,
    ).map("".join),
    st.booleans(),
    st.booleans(),
)
def test_any_string_gives_markup_that_parses(text: str, bold: bool, italic: bool) -> None:
    """For any str, para_markup returns markup that reportlab parses and lays out."""
    markup = para_markup(text, bold=bold, italic=italic)
    para = Paragraph(markup, styles().body)
    para.wrap(300, 10_000)
