"""The portfolio PDF and CSV read back, and `mentordesk portfolio`: what is printed, and what never is."""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentordesk import cli
from mentordesk.reports.document import PRIVATE_MARKING
from mentordesk.services import assessments, journal, sessions
from mentordesk.services.errors import ReportError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, get_framework
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.services.portfolio import portfolio_csv
from mentordesk.services.portfolio_report import gather, save_portfolio
from mentordesk.services.storage import close_data, open_data_dir

NAMES = ("Zofia Łukasiewicz", "Ahmed Hassan", "王芳")
NOTE_TEXTS = ("listening-quokka", "questions-quokka", "encouragement-quokka", "challenge-quokka",
              "agenda-quokka", "remark-secret-quokka")
START, END = date(2026, 1, 1), date(2026, 12, 31)


def _take(taken_on: str, base: int) -> str:
    framework = get_framework(DEFAULT_FRAMEWORK)
    assessment_id = assessments.start_assessment(taken_on=taken_on)
    for number, item in enumerate(framework.items):
        assessments.answer(assessment_id, item.key, (base + number) % 5 + 2)
    assessments.complete(assessment_id)
    return assessment_id


def _fill() -> dict[str, str]:
    """Three mentees with confidential notes, two self-assessments and three journal entries."""
    save_profile(MentorProfile(name="Dr Mentor Example"))
    ids = {}
    for n, name in enumerate(NAMES):
        mentee = create_mentee(MenteeData(name=name), on=date(2025, 12, 1))
        ids[name] = mentee.id
        sessions.save_session(sessions.SessionData(
            mentee_id=mentee.id, held_on=datetime(2026, 3, 1 + n, 9), duration_min=60,
            agenda=NOTE_TEXTS[4], listening=NOTE_TEXTS[0], questions=NOTE_TEXTS[1],
            encouragement=NOTE_TEXTS[2], challenge=NOTE_TEXTS[3], private_remarks=NOTE_TEXTS[5]))
    _take("2026-02-01", 1)
    ids["latest"] = _take("2026-09-01", 3)
    ids["linked"] = journal.save_entry(journal.EntryData(
        written_on=date(2026, 4, 2), title="Holding back advice", what_happened="I gave the answer — 太快了.",
        so_what="Solving is not mentoring <b>&</b>.", now_what="Wait ten seconds.",
        framework=DEFAULT_FRAMEWORK, domain_key="communication", mentee_id=ids[NAMES[0]]))
    ids["naming"] = journal.save_entry(journal.EntryData(
        written_on=date(2026, 5, 2), title="A talk with Ahmed", what_happened="Ahmed Hassan was upset."))
    ids["other"] = journal.save_entry(journal.EntryData(
        written_on=date(2026, 6, 2), title="Unchosen entry", what_happened="unchosen-reflection-text"))
    return ids


@pytest.fixture
def filled(db: Path) -> dict[str, str]:
    return _fill()


def _text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text() or "" for page in PdfReader(path).pages).split())


def _assert_fonts_embedded(path: Path) -> None:
    for page in PdfReader(path).pages:
        for font_ref in page["/Resources"]["/Font"].values():
            font = font_ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontDescriptor" in font, font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]


def test_no_name_and_no_note_unless_chosen(filled: dict[str, str], tmp_path: Path) -> None:
    """Without choices the PDF holds counts only: no mentee name, no note, no reflection; fonts embedded."""
    out = tmp_path / "portfolio.pdf"
    save_portfolio(gather(START, END), out)
    text = _text(out)
    assert "Mentoring portfolio" in text and "Dr Mentor Example" in text
    assert "Meetings held 3" in text and "Hours of mentoring 3" in text
    for secret in (*NAMES, "Łukasiewicz", "Ahmed", *NOTE_TEXTS, "Holding back advice", "unchosen"):
        assert secret not in text, secret
    assert PRIVATE_MARKING not in text
    _assert_fonts_embedded(out)
    assert oct(os.stat(out).st_mode & 0o777) == oct(0o600)


def test_chosen_reflection_in_full_without_its_mentee(filled: dict[str, str], tmp_path: Path) -> None:
    """A chosen reflection is printed with its three parts and domain; its linked mentee is not."""
    out = tmp_path / "portfolio.pdf"
    document = gather(START, END, reflection_ids=(filled["linked"],))
    save_portfolio(document, out)
    text = _text(out)
    assert "Holding back advice" in text and "2026-04-02" in text
    assert "I gave the answer — 太快了." in text and "Solving is not mentoring <b>&</b>." in text
    assert "Wait ten seconds." in text and "Effective communication" in text
    assert "What happened?" in text and "So what?" in text and "Now what?" in text
    for secret in (*NAMES, "Łukasiewicz", "unchosen-reflection-text", *NOTE_TEXTS):
        assert secret not in text, secret
    _assert_fonts_embedded(out)


def test_reflection_naming_a_mentee_is_warned_about(filled: dict[str, str]) -> None:
    """A chosen reflection that names someone on the roster gives a warning before printing."""
    document = gather(START, END, reflection_ids=(filled["naming"],))
    assert any("mentions Ahmed Hassan" in w for w in document.portfolio.warnings)
    assert not any("mentions" in w for w in gather(START, END, reflection_ids=(filled["linked"],))
                   .portfolio.warnings)


def test_named_mentee_only_when_chosen(filled: dict[str, str], tmp_path: Path) -> None:
    """A mentee named with consent appears with meetings and hours; the others stay counts; page marked."""
    out = tmp_path / "named.pdf"
    save_portfolio(gather(START, END, named_mentee_ids=(filled[NAMES[1]],)), out)
    text = _text(out)
    assert "Mentees named with their consent" in text and "Ahmed Hassan 1 1" in text
    assert NAMES[0] not in text and NAMES[2] not in text
    assert not any(note in text for note in NOTE_TEXTS)
    assert PRIVATE_MARKING in text


def test_self_assessment_trend_and_chart(filled: dict[str, str], tmp_path: Path) -> None:
    """The domain means of each assessment in the period are in the table; the chart's legend names both."""
    out = tmp_path / "trend.pdf"
    document = gather(START, END)
    save_portfolio(document, out)
    text = _text(out)
    assert "Latest in the period, 2026-09-01" in text and "Earliest in the period, 2026-02-01" in text
    latest = assessments.domain_scores(filled["latest"])
    assert [t.title for t in document.portfolio.domain_trends] == [d.title for d in latest.domains]
    for trend in document.portfolio.domain_trends:
        row = " ".join(f"{m:.1f}" for m in trend.means if m is not None)
        assert f"{trend.title} {row}" in text, trend.title
    assert document.scale_min == get_framework(DEFAULT_FRAMEWORK).scale.min


def test_csv_beside_the_pdf(filled: dict[str, str], tmp_path: Path) -> None:
    """The CSV holds the figures (no names, no notes) and is the service's portfolio_csv."""
    document = gather(START, END, reflection_ids=(filled["linked"],))
    save_portfolio(document, tmp_path / "p.pdf", tmp_path / "p.csv")
    written = (tmp_path / "p.csv").read_text("utf-8")
    assert written == portfolio_csv(document.portfolio)
    rows = list(csv.reader(io.StringIO(written)))
    assert ["meetings", "meetings held", "3"] in rows
    assert not any(name in written for name in NAMES)


def test_bad_csv_folder_writes_nothing(filled: dict[str, str], tmp_path: Path) -> None:
    """A CSV destination in a missing folder is refused before the PDF is written."""
    with pytest.raises(ReportError, match="does not exist"):
        save_portfolio(gather(START, END), tmp_path / "p.pdf", tmp_path / "missing" / "p.csv")
    assert not (tmp_path / "p.pdf").exists()


def test_empty_period_still_prints(db: Path, tmp_path: Path) -> None:
    """An empty data file gives a short, readable portfolio rather than an error."""
    out = tmp_path / "empty.pdf"
    save_portfolio(gather(START, END), out)
    text = _text(out)
    assert "No mentee in this period." in text and "No self-assessment was finished" in text
    assert "No reflection was chosen" in text


# --- the command -----------------------------------------------------------------------------
@pytest.fixture
def data(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    folder = tmp_path / "data"
    open_data_dir(folder)
    try:
        ids = _fill()
    finally:
        close_data()
    return folder, ids


def run(folder: Path, *args: str) -> int:
    return cli.main(["portfolio", *args, "--data-dir", str(folder)])


def test_command_writes_pdf_and_csv_with_warnings(data: tuple[Path, dict[str, str]], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Warnings go to stderr without failing; the chosen reflection is in, its mentee's name is not."""
    folder, ids = data
    out, table = tmp_path / "p.pdf", tmp_path / "p.csv"
    assert run(folder, "--from", "2026-01-01", "--to", "2026-12-31", "--out", str(out), "--csv", str(table),
               "--reflection", ids["linked"], "--reflection", ids["naming"]) == 0
    captured = capsys.readouterr()
    assert str(out) in captured.out
    assert "mentordesk: warning:" in captured.err and "mentions Ahmed Hassan" in captured.err
    text = _text(out)
    assert "Holding back advice" in text and "A talk with Ahmed" in text
    assert NAMES[0] not in text and not any(note in text for note in NOTE_TEXTS)
    assert table.read_text("utf-8").startswith("section,figure,value")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--from", "2026-02-30", "--to", "2026-12-31", "--out", "{tmp}/p.pdf"], "is not a date"),
        (["--from", "2026-01-01", "--to", "soon", "--out", "{tmp}/p.pdf"], "is not a date"),
        (["--from", "2026-06-01", "--to", "2026-01-01", "--out", "{tmp}/p.pdf"], "is after --to"),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--out", "{tmp}/missing/p.pdf"], "does not exist"),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--out", "{tmp}/p.pdf", "--csv", "{tmp}/no/p.csv"],
         "does not exist"),
        (["--from", "2026-01-01", "--to", "2026-12-31", "--out", "{tmp}/p.pdf", "--reflection", "nope"],
         "no longer exists"),
    ],
    ids=["impossible-date", "not-a-date", "from-after-to", "missing-folder", "missing-csv-folder",
         "unknown-reflection"],
)
def test_bad_input_is_one_line_exit_2_and_no_file(data: tuple[Path, dict[str, str]], tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  args: list[str], message: str) -> None:
    """Bad dates, a period backwards, a missing folder or reflection: one stderr line, exit 2, no file."""
    folder, _ = data
    assert run(folder, *[a.replace("{tmp}", str(tmp_path)) for a in args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mentordesk: ") and message in err
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.csv"))
