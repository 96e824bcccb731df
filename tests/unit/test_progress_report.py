"""The progress report: what it gathers, what it keeps out, and the PDF it writes."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentordesk.db.models import Referral
from mentordesk.reports import charts
from mentordesk.reports.document import PRIVATE_MARKING
from mentordesk.services import goals, milestones, progress_report, relationships, sessions
from mentordesk.services.errors import ValidationError
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.services.progress_report import ReportOptions, gather, write_report
from mentordesk.services.sessions import ActionData, SessionData

NAMES = {
    "polish": "Łucja Wróblewska-Żółć",
    "vietnamese": "Nguyễn Thị Phương Thảo",
    "chinese": "王秀英",
    "greek": "Αλέξανδρος Παπαδόπουλος",
    "arabic": "فاطمة الزهراء",
}
MARKUP = '<b>not bold</b> & <i>x</i> </para> <font name="Helvetica">f</font>\tafter-tab'
LONG_WORD = "antidisestablishment" * 20
LONG_NOTE = "\n".join(f"Line {n}: rota, exams, rest and the long commute home." for n in range(120))
RTL_NOTE = " ".join(["تحدثنا عن جدول المناوبات والامتحانات والراحة"] * 12)


def squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def make_mentee(name: str = "Łucja Wróblewska-Żółć") -> str:
    mentee = create_mentee(MenteeData(name=name, role="Registrar", specialty="Cardiology",
                                      new_in_post=True, started_post_on=date(2025, 9, 1)),
                           on=date(2025, 9, 1))
    relationships.save_agreement(mentee.id, relationships.AgreementData(
        relationship_kind="career mentoring", agreed_on=date(2025, 9, 10), cadence_days=28))
    return str(mentee.id)


def meet(mentee_id: str, when: datetime, marker: str, **extra: object) -> str:
    values: dict[str, object] = {
        "agenda": f"agenda {marker}",
        "listening": f"listening {marker}",
        "questions": f"questions {marker}",
        "encouragement": f"encouragement {marker}",
        "challenge": f"challenge {marker}",
        "private_remarks": f"PRIVATEREMARK {marker}",
        "wellbeing_score": 2,
        "wellbeing_signals": ("poor sleep",),
        "wellbeing_note": f"WELLNOTE {marker}",
    }
    values.update(extra)
    session_id = sessions.save_session(SessionData(mentee_id=mentee_id, held_on=when, **values))  # type: ignore[arg-type]
    assert session_id
    return session_id


@pytest.fixture
def mentee(db: Path, fixed_clock: datetime) -> str:
    """A mentee with an agreement, a goal with progress, three meetings, actions and a referral."""
    save_profile(MentorProfile(name="Dr Alex Morgan", role="Consultant"))
    mentee_id = make_mentee()
    goal = goals.add_goal(mentee_id, goals.GoalData(title="Pass the membership exam",
                                                    target_on=date(2026, 6, 1)))
    goals.add_progress(goal.id, 20, "Started the question bank", on=date(2025, 10, 1))
    goals.add_progress(goal.id, 60, "Mock exam passed", on=date(2026, 1, 15))
    meet(mentee_id, datetime(2025, 10, 2, 9, 0), "OCTOBER",
         actions=(ActionData("Book the course", done_on=date(2025, 10, 20)),))
    meet(mentee_id, datetime(2025, 12, 4, 9, 0), "DECEMBER",
         actions=(ActionData("Ask for a study day", due_on=date(2026, 1, 31)),))
    session_id = meet(mentee_id, datetime(2026, 2, 5, 9, 0), "FEBRUARY")
    Referral.create(mentee=mentee_id, session=session_id, on=date(2026, 2, 5),
                    note="REFERRALNOTE occupational health")
    milestones.start_track(mentee_id)
    return mentee_id


def write(tmp_path: Path, mentee_id: str, name: str = "r.pdf", **options: object) -> Path:
    out = tmp_path / name
    write_report(mentee_id, ReportOptions(**options), out)  # type: ignore[arg-type]
    return out


def test_gather_collects_the_period_and_its_parts(mentee: str) -> None:
    """The report holds header, agreement, goal history, meetings, actions, moves and milestones."""
    report = gather(mentee)
    assert report.mentee_name == "Łucja Wróblewska-Żółć"
    assert report.mentor.name == "Dr Alex Morgan"
    assert report.relationship_kind == "career mentoring"
    assert report.period_start == date(2025, 9, 10)  # the agreement came before the first meeting
    assert report.period_end == date(2026, 3, 16)
    assert [m.held_on.month for m in report.meetings] == [10, 12, 2]
    assert [p.percent for p in report.goals[0].progress] == [20, 60]
    assert [a.text for a in report.actions_completed] == ["Book the course"]
    assert [a.text for a in report.actions_open] == ["Ask for a study day"]
    assert report.moves.meetings == (3, 3, 3, 3)
    assert len(report.milestones) >= 4
    assert report.referrals is None
    assert all(m.private_remarks is None and m.wellbeing is None for m in report.meetings)
    assert not report.contains_private_information


def test_sections_choice_shapes_each_meeting(mentee: str) -> None:
    """"challenge" keeps encouragement and challenge only; "summary" keeps a summary line."""
    challenge = gather(mentee, ReportOptions(sections="challenge")).meetings[0]
    assert [label for label, _ in challenge.sections] == ["Encouragement", "Challenge"]
    summary = gather(mentee, ReportOptions(sections="summary")).meetings[0]
    assert summary.sections == () and summary.summary == "agenda OCTOBER"


def test_bad_options_are_refused(mentee: str) -> None:
    """A period that ends before it starts, or unknown sections, is a ValidationError."""
    with pytest.raises(ValidationError, match="after it ends"):
        gather(mentee, ReportOptions(date_from=date(2026, 2, 1), date_to=date(2026, 1, 1)))
    with pytest.raises(ValidationError, match="Sections"):
        gather(mentee, ReportOptions(sections="some"))


def test_private_parts_are_out_by_default(mentee: str, tmp_path: Path) -> None:
    """Without asking: no private remarks, wellbeing, referral log nor marking on any page."""
    out = write(tmp_path, mentee)
    text = pdf_text(out)
    assert "encouragement OCTOBER" in text
    for secret in ("PRIVATEREMARK", "WELLNOTE", "poor sleep", "REFERRALNOTE", "Referral log",
                   PRIVATE_MARKING):
        assert secret not in text, secret


@pytest.mark.parametrize(
    ("option", "present", "absent"),
    [
        ("include_private", ["PRIVATEREMARK FEBRUARY"], ["WELLNOTE", "REFERRALNOTE"]),
        ("include_wellbeing", ["WELLNOTE FEBRUARY", "poor sleep", "2 of 5"],
         ["PRIVATEREMARK", "REFERRALNOTE"]),
        ("include_referrals", ["REFERRALNOTE occupational health", "Referral log"],
         ["PRIVATEREMARK", "WELLNOTE"]),
    ],
)
def test_each_private_part_comes_only_when_asked(mentee: str, tmp_path: Path, option: str,
                                                 present: list[str], absent: list[str]) -> None:
    """Each private part is included on its own, and every page then carries the marking."""
    out = write(tmp_path, mentee, **{option: True})
    pages = [page.extract_text() for page in PdfReader(out).pages]
    text = "\n".join(pages)
    for snippet in present:
        assert snippet in text, snippet
    for snippet in absent:
        assert snippet not in text, snippet
    assert all(PRIVATE_MARKING in page for page in pages)


def test_sessions_outside_the_period_are_absent(mentee: str, tmp_path: Path) -> None:
    """--from/--to keep only the meetings inside the period (both days included)."""
    out = write(tmp_path, mentee, date_from=date(2025, 12, 4), date_to=date(2026, 2, 4))
    text = pdf_text(out)
    assert "encouragement DECEMBER" in text
    assert "OCTOBER" not in text and "FEBRUARY" not in text
    assert "1 meeting" in text


def test_names_in_five_scripts_read_back_and_fonts_are_embedded(db: Path, fixed_clock: datetime,
                                                                 tmp_path: Path) -> None:
    """Polish, Vietnamese, Chinese, Greek and Arabic names come back as typed; no font is left out."""
    for script, name in NAMES.items():
        mentee_id = make_mentee(name)
        meet(mentee_id, datetime(2026, 1, 10, 10, 0), script)
        out = write(tmp_path, mentee_id, f"{script}.pdf")
        text = pdf_text(out)
        if script == "arabic":
            assert squash(name) in squash(text)
        else:
            assert name in text, script
        assert PdfReader(out).metadata.title == f"Progress report — {name}"  # type: ignore[union-attr]
        for page in PdfReader(out).pages:
            for ref in page["/Resources"]["/Font"].values():
                font = ref.get_object()
                if font["/Subtype"] == "/Type0":
                    font = font["/DescendantFonts"][0].get_object()
                descriptor = font["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
                assert "Helvetica" not in str(font["/BaseFont"])


def test_typed_text_comes_out_literally(db: Path, fixed_clock: datetime, tmp_path: Path) -> None:
    """Markup-like text, tabs, a very long word, a long note and long Arabic never break the build."""
    mentee_id = make_mentee("<b>Ann</b> & Co")
    goal = goals.add_goal(mentee_id, goals.GoalData(title=MARKUP, detail=LONG_WORD))
    goals.add_progress(goal.id, 50, MARKUP, on=date(2026, 1, 1))
    meet(mentee_id, datetime(2026, 1, 5, 9, 0), "X", agenda=MARKUP, listening=LONG_NOTE,
         challenge=RTL_NOTE, encouragement=LONG_WORD,
         actions=(ActionData(MARKUP, due_on=date(2026, 2, 1)),))
    out = write(tmp_path, mentee_id, include_private=True)
    text = pdf_text(out)
    assert "<b>Ann</b> & Co" in text
    literal = "".join(MARKUP.split())  # table cells may wrap it
    assert "".join(text.split()).count(literal) >= 4  # goal title, progress note, agenda, action
    assert "after-tab" in text
    assert LONG_WORD in "".join(text.split())
    assert "Line 119:" in text
    assert squash(RTL_NOTE) in squash(text)


def test_default_period_starts_with_the_relationship(mentee: str) -> None:
    """The default period runs from the first meeting or agreement, whichever is first, to today."""
    assert progress_report.default_period(mentee) == (date(2025, 9, 10), date(2026, 3, 16))


def test_saved_bytes_are_owner_only_and_atomic(mentee: str, tmp_path: Path) -> None:
    """A previewed report saved from bytes is the same PDF, mode 0600, nothing else left."""
    data, report = progress_report.report_bytes(mentee, ReportOptions())
    assert data.startswith(b"%PDF") and report.mentee_name.startswith("Łucja")
    folder = tmp_path / "out"
    folder.mkdir()
    out = progress_report.save_pdf_bytes(data, folder / "saved.pdf")
    assert out.read_bytes() == data
    assert (out.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in folder.iterdir()) == ["saved.pdf"]


def test_default_file_name_is_readable_and_safe() -> None:
    """The suggested name says what it is, whose it is and when; no slashes from a name."""
    assert (progress_report.default_file_name("A/B: Ng", date(2026, 3, 16))
            == "Progress report — A-B- Ng — 2026-03-16.pdf")


def test_charts_use_only_the_bundled_font() -> None:
    """Every string in the charts is drawn in the report base's font, never Helvetica."""
    line = charts.goal_progress_chart([(date(2026, 1, 1), 10), (date(2026, 3, 1), 70)])
    bars = charts.moves_balance_chart(["Listening & observation", "Open questions",
                                       "Encouragement", "Challenge"], [3, 2, 5, 1])
    for drawing in (line, bars, charts.goal_progress_chart([])):
        used = charts.fonts_used(drawing)
        assert used and all(name.startswith("MentorDeskSans") for name in used), used
