"""The printable agreement: names in any script, the terms, no private text, fonts embedded, CLI."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentordesk import cli
from mentordesk.reports.agreement import write_agreement
from mentordesk.services import mentees, relationships, sessions
from mentordesk.services.agreement_report import agreement_sheet
from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.services.relationships import AgreementData
from mentordesk.services.storage import close_data, open_data_dir

MENTOR = "Dr Zofia Łukasiewicz-Wróbel"
MENTEE = "王秀英 فاطمة الزهراء"
PRIVATE_REMARK = "Seemed exhausted; worried about the divorce"
PRIVATE_NOTE = "Mentioned a grievance with the rota coordinator"
CONFIDENTIALITY = "What we discuss stays between us, unless a patient is at risk."


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _fill() -> str:
    save_profile(MentorProfile(name=MENTOR, role="Consultant anaesthetist"))
    mentee = mentees.create_mentee(mentees.MenteeData(
        name=MENTEE, role="Staff nurse", organisation="Szpital Miejski w Łodzi", notes=PRIVATE_NOTE,
        match_origin="programme", shared_interests="Simulation teaching"))
    relationships.save_agreement(mentee.id, AgreementData(
        relationship_kind="transition into a post", meeting_format="video", cadence_days=21,
        agenda_owner="shared", confidentiality=CONFIDENTIALITY,
        agreed_on=date(2026, 2, 2), review_on=date(2026, 8, 2)))
    sessions.save_session(sessions.SessionData(mentee_id=mentee.id, held_on=datetime(2026, 2, 9, 17, 0),
                                               listening="Talked about night shifts",
                                               private_remarks=PRIVATE_REMARK))
    return str(mentee.id)


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_agreement_reads_back_with_names_terms_and_no_private_text(db: Path, tmp_path: Path) -> None:
    """Both names (Polish, Chinese, Arabic), every term and the match come back; no private text does."""
    out = write_agreement(agreement_sheet(_fill()), tmp_path / "agreement.pdf", prepared_on=date(2026, 3, 16))
    reader = PdfReader(out)
    assert len(reader.pages) == 1
    text = _text(out)
    assert MENTOR in text
    assert "王秀英" in text
    assert squash("فاطمة الزهراء") in squash(text)
    for term in ("Transition into a post", "Video", "About every 21 days", "Shared", "2026-02-02",
                 "2026-08-02", "Matched by a mentoring programme", "Simulation teaching",
                 "Signature"):
        assert term in text, term
    assert squash(CONFIDENTIALITY) in squash(text)
    for private in (PRIVATE_REMARK, PRIVATE_NOTE, "night shifts", "Contains private information"):
        assert squash(private) not in squash(text), private


def test_every_font_of_the_agreement_is_embedded(db: Path, tmp_path: Path) -> None:
    """Each font on the page carries its font program, the CJK and Arabic fallbacks included."""
    out = write_agreement(agreement_sheet(_fill()), tmp_path / "agreement.pdf")
    seen = set()
    for page in PdfReader(out).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DroidSansFallback", "NotoSansArabic-Regular"} <= seen


def test_without_an_agreement_the_sheet_leaves_terms_to_fill_in(db: Path, tmp_path: Path) -> None:
    """A mentee with no agreement yet gets a sheet that says the terms are still to be agreed."""
    mentee = mentees.create_mentee(mentees.MenteeData(name="Jonas Müller"), status="prospective")
    text = _text(write_agreement(agreement_sheet(mentee.id), tmp_path / "blank.pdf"))
    assert "Jonas Müller" in text
    assert "Nothing is recorded yet" in text
    assert text.count("to be agreed") >= 5


def test_command_writes_the_agreement(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk agreement MENTEE --out FILE` finds the mentee by a prefix and writes the PDF."""
    open_data_dir(data_dir)
    try:
        _fill()
    finally:
        close_data()
    out = tmp_path / "sheet.pdf"
    assert cli.main(["--data-dir", str(data_dir), "agreement", "王秀", "--out", str(out)]) == 0
    assert "王秀英" in _text(out)
    assert str(out) in capsys.readouterr().out


@pytest.mark.parametrize("selector, message", [("Nobody", "No mentee matches"), ("Jo", "matches 2 mentees")])
def test_unknown_or_ambiguous_mentee_is_one_line_and_no_file(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], selector: str, message: str) -> None:
    """An unknown or ambiguous mentee ends with one line on stderr, exit 2, and no file."""
    open_data_dir(data_dir)
    try:
        for name in ("Jonas Müller", "Joanna Kowalska"):
            mentees.create_mentee(mentees.MenteeData(name=name))
    finally:
        close_data()
    out = tmp_path / "sheet.pdf"
    assert cli.main(["agreement", selector, "--out", str(out), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mentordesk: ") and message in err
    assert not out.exists()
