"""build_pdf: every script readable, fonts embedded, safe writing, page furniture."""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import arabic_reshaper
import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, PageBreak, Table

from mentordesk.reports.document import PRIVATE_MARKING, build_pdf
from mentordesk.reports.styles import styles, table_style
from mentordesk.reports.text import paragraph
from mentordesk.services.errors import MentorDeskError, ReportError

LTR_NAMES = [
    "Łucja Wróblewska-Żółć",
    "Nguyễn Thị Phương",
    "Αλέξανδρος Παπαδόπουλος",
    "王秀英",
    "佐藤 花子",
]
RTL_NAMES = ["فاطمة الزهراء", "נועה כהן"]
MARKUP_LIKE = ["<b>", "&", "</para>", '<font name="x">']
LONG_WORD = "".join(chr(ord("a") + i % 26) for i in range(400))
NOTE = "\n\n".join(
    f"Paragraph {n}: we talked about rota planning, exams and rest. " * 6 for n in range(1, 25)
)
PREPARED = date(2026, 3, 16)


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def story() -> list[Any]:
    sheet = styles()
    rows = [[paragraph("Name", sheet.table_header)]]
    rows += [[paragraph(name, sheet.table)] for name in LTR_NAMES + RTL_NAMES]
    flowables: list[Any] = [paragraph("Mentees — Wróblewska-Żółć", sheet.title)]
    flowables.append(Table(rows, style=table_style()))
    flowables += [paragraph(name, sheet.heading2) for name in RTL_NAMES]
    flowables += [paragraph(text, sheet.body) for text in MARKUP_LIKE]
    flowables.append(paragraph("col1\tcol2", sheet.body))
    flowables.append(paragraph(LONG_WORD, sheet.body))
    flowables.append(paragraph(NOTE, sheet.body))
    return flowables


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "sample.pdf"
    build_pdf(
        out,
        story(),
        title="Progress — فاطمة الزهراء",
        author="Dr Łucja Wróblewska-Żółć",
        footer_text="Summary for 王秀英",
        private_marking=True,
        prepared_on=PREPARED,
    )
    return out


def test_every_name_reads_back_as_the_same_characters(sample: Path) -> None:
    """Names in seven scripts come back from the PDF as the characters that went in."""
    text = "\n".join(page_texts(sample))
    for name in LTR_NAMES:
        assert name in text, name
    # pypdf puts right-to-left runs back into logical order, and the shaped Arabic
    # reads back as presentation forms: NFKC maps them to the letters typed.
    for name in RTL_NAMES:
        assert squash(name) in squash(text), name


def test_arabic_is_drawn_joined(sample: Path) -> None:
    """The Arabic name is in the PDF as its joined (initial/medial/final) letter forms."""
    text = "".join(page_texts(sample)[0].split())
    assert "".join(arabic_reshaper.reshape("فاطمة الزهراء").split()) in text


def test_markup_like_text_long_words_and_tabs_come_out_literally(sample: Path) -> None:
    """Markup-like text is printed as typed; the long word is all there; tabs are spaces."""
    text = "\n".join(page_texts(sample))
    for snippet in MARKUP_LIKE:
        assert snippet in text, snippet
    assert LONG_WORD in "".join(text.split())
    assert re.search(r"col1\s+col2", text)
    assert "Paragraph 24:" in text


def test_every_font_is_embedded(sample: Path) -> None:
    """Each font used on any page carries its font program (no silent Helvetica)."""
    seen = set()
    for page in PdfReader(sample).pages:
        for font_ref in page["/Resources"]["/Font"].values():
            font = font_ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"} <= seen
    assert {"NotoSansArabic-Regular", "NotoSansArabic-Bold"} <= seen


def test_every_page_has_number_date_and_private_marking(sample: Path) -> None:
    """Each page says "Page N of M", when it was prepared, and that it is private."""
    texts = page_texts(sample)
    assert len(texts) >= 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {len(texts)}" in text
        assert "Prepared on 2026-03-16" in text
        assert "王秀英" in text.split("Prepared on")[1]
        assert PRIVATE_MARKING in text


def test_metadata_and_file_mode(sample: Path) -> None:
    """Title and author are in the PDF's metadata; only the owner may read the file."""
    info = PdfReader(sample).metadata
    assert info is not None
    assert info.title == "Progress — فاطمة الزهراء"
    assert info.author == "Dr Łucja Wróblewska-Żółć"
    assert stat.S_IMODE(sample.stat().st_mode) == 0o600


def test_no_private_marking_unless_asked(tmp_path: Path) -> None:
    """Without private_marking, no page carries the marking; Letter size is honoured."""
    out = build_pdf(
        tmp_path / "plain.pdf", [paragraph("x", styles().body), PageBreak(),
                                 paragraph("y", styles().body)],
        title="t", page_size="Letter",
    )
    texts = page_texts(out)
    assert len(texts) == 2
    assert all(PRIVATE_MARKING not in text for text in texts)
    assert "Page 2 of 2" in texts[1]
    box = PdfReader(out).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


class Explodes(Flowable):
    """A flowable that fails while the document is being drawn."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return avail_width, 10

    def draw(self) -> None:
        raise RuntimeError("boom")


def test_failure_leaves_nothing_behind(tmp_path: Path) -> None:
    """A flowable raising mid-build leaves no file and no temporary file."""
    out = tmp_path / "report.pdf"
    flowables = [paragraph(NOTE, styles().body), Explodes()]
    with pytest.raises(RuntimeError, match="boom"):
        build_pdf(out, flowables, title="t")
    assert list(tmp_path.iterdir()) == []


def test_failure_keeps_an_existing_file(tmp_path: Path) -> None:
    """An earlier report at the same path is untouched when the new one fails."""
    out = tmp_path / "report.pdf"
    out.write_bytes(b"the old report")
    with pytest.raises(RuntimeError):
        build_pdf(out, [Explodes()], title="t")
    assert out.read_bytes() == b"the old report"
    assert list(tmp_path.iterdir()) == [out]


def test_missing_folder_is_a_readable_project_error(tmp_path: Path) -> None:
    """Saving into a folder that does not exist raises ReportError naming the folder."""
    folder = tmp_path / "nowhere"
    with pytest.raises(ReportError, match="does not exist") as caught:
        build_pdf(folder / "r.pdf", [paragraph("x", styles().body)], title="t")
    assert isinstance(caught.value, MentorDeskError)
    assert str(folder) in str(caught.value)
    assert not folder.exists()


def test_bad_destinations_are_project_errors(tmp_path: Path) -> None:
    """A folder in place of the file, or an unknown page size, is a ReportError."""
    (tmp_path / "taken.pdf").mkdir()
    with pytest.raises(ReportError, match="is a folder"):
        build_pdf(tmp_path / "taken.pdf", [], title="t")
    with pytest.raises(ReportError, match="page size"):
        build_pdf(tmp_path / "r.pdf", [], title="t", page_size="A5")
    assert not (tmp_path / "r.pdf").exists()


@pytest.mark.unprivileged
@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions")
def test_read_only_folder_is_a_project_error(tmp_path: Path) -> None:
    """A folder the user cannot write to gives ReportError and leaves it empty."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ReportError, match="not writable"):
            build_pdf(folder / "r.pdf", [paragraph("x", styles().body)], title="t")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)
