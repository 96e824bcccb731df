"""The prep sheet PDF: read back as text, at most two pages, nothing private; the `prep` command."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from dashboard_fixtures import LONDON_NOW, action, london, meeting, mentee  # noqa: F401
from pypdf import PdfReader

from mentordesk.cli import main
from mentordesk.db.base import close_database
from mentordesk.db.models import Goal, GoalProgress, Referral
from mentordesk.reports.prep_sheet import write_prep_sheet
from mentordesk.services import prep

TODAY = LONDON_NOW.date()
NAME = "陈静 Chén Jìng"
LONG = ("Wondered aloud whether the night shifts leave any room for the research day, and what would "
        "happen if the rota were renegotiated before the summer. ") * 40


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", " ".join(text.split()))


def _busy_mentee() -> str:
    m = mentee(NAME, cadence=21)
    for n in range(4):
        s = meeting(m, datetime(2026, 1, 5, 18, 0) + timedelta(days=14 * n), score=5 - n,
                    questions=LONG, challenge=LONG, private="PRIVATE-REMARK-TEXT " * 50)
        for k in range(5):
            action(s, m, f"Action {n}.{k}: " + LONG[:160], due_on=TODAY - timedelta(days=k))
        Referral.create(mentee=m, session=s, on=TODAY, note="REFERRAL-LOG-TEXT")
    for n in range(9):
        goal = Goal.create(mentee=m, title=f"Goal {n}: " + LONG[:200], created_at=datetime(2025, 11, 1))
        GoalProgress.create(goal=goal, on=TODAY - timedelta(days=n), percent=10 * n)
    return m


@pytest.mark.usefixtures("db", "london")
def test_long_notes_and_a_non_latin_name_fit_two_pages_without_private_text(tmp_path: Path) -> None:
    """A mentee with very long notes: the name reads back, two pages at most, no private remark or referral."""
    m = _busy_mentee()
    out = write_prep_sheet(prep.prepare(m), tmp_path / "prep.pdf")
    pages, text = _text(out)
    assert pages <= 2
    assert "Meeting prep — 陈静 Chén Jìng" in text
    for heading in ("Last contact", "Agreement", "Goals", "Open actions", "To follow up from the meeting on",
                    "Questions to ask", "Notes"):
        assert heading in text
    assert "(more in MentorDesk)" in text and "more open actions in MentorDesk" in text
    assert "PRIVATE-REMARK-TEXT" not in text and "REFERRAL-LOG-TEXT" not in text
    assert "Wellbeing" not in text and "falling" not in text.lower()
    for question in prep.prepare(m).questions:
        assert " ".join(question.text.split())[:40] in text


@pytest.mark.usefixtures("db", "london")
def test_wellbeing_only_when_asked_for(tmp_path: Path) -> None:
    """With include_wellbeing the last score and trend are printed, in words and numbers."""
    m = _busy_mentee()
    _, text = _text(write_prep_sheet(prep.prepare(m), tmp_path / "w.pdf", include_wellbeing=True))
    assert "Wellbeing 2 of 5, falling (4 → 3 → 2)" in text


@pytest.mark.usefixtures("db", "london")
def test_a_quiet_mentee_fits_one_page(tmp_path: Path) -> None:
    """A short record makes one page, with ruled space for notes."""
    m = mentee("Jonas Müller", cadence=28)
    meeting(m, datetime(2026, 3, 9, 9, 0), questions="What would help?", challenge="Ask for the slot.")
    pages, text = _text(write_prep_sheet(prep.prepare(m), tmp_path / "q.pdf"))
    assert pages == 1 and "Meeting prep — Jonas Müller" in text and "No open goals." in text


@pytest.mark.usefixtures("london")
def test_prep_command_writes_the_sheet_and_refuses_unknown_or_ambiguous(
        db: Path, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk prep` writes the PDF; an unknown name or an ambiguous prefix: one line, exit 2, no file."""
    mentee("Anna Kowalska")
    mentee("Anna Nowak")
    mentee("Łucja Wróblewska")
    close_database()
    out = tmp_path / "sheet.pdf"
    assert main(["--data-dir", str(data_dir), "prep", "lucja", "--out", str(out)]) == 0
    assert "Meeting prep — Łucja Wróblewska" in _text(out)[1]
    capsys.readouterr()
    for selector in ("Unknown Person", "Anna"):
        bad = tmp_path / f"{selector}.pdf"
        assert main(["--data-dir", str(data_dir), "prep", selector, "--out", str(bad)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("mentordesk: ")
        assert not bad.exists()
    assert list(tmp_path.glob("*.pdf")) == [out]
