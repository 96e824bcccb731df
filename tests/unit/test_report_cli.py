"""`mentordesk report`: writes the progress report; bad input is one stderr line, exit 2, no file."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentordesk import cli
from mentordesk.reports.document import PRIVATE_MARKING
from mentordesk.services import sessions
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.sessions import SessionData
from mentordesk.services.storage import close_data, open_data_dir


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder with three mentees (two share a prefix) and meetings in 2025 and 2026."""
    folder = tmp_path / "data"
    open_data_dir(folder)
    try:
        for name in ("Łucja Żmijewska", "Anna Nowak", "Anna Kowalska"):
            mentee = create_mentee(MenteeData(name=name))
            for when, marker in ((datetime(2025, 6, 1, 10), "JUNE2025"),
                                 (datetime(2026, 1, 10, 10), "JANUARY2026")):
                sessions.save_session(SessionData(
                    mentee_id=mentee.id, held_on=when, challenge=f"challenge {marker}",
                    private_remarks=f"SECRET {marker}"))
    finally:
        close_data()
    return folder


def run(data: Path, *args: str) -> int:
    return cli.main(["report", *args, "--data-dir", str(data)])


def test_writes_the_report_of_the_period(data: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A prefix without accents finds the mentee; only the meetings in --from/--to are in the PDF."""
    out = tmp_path / "report.pdf"
    assert run(data, "lucja", "--out", str(out), "--from", "2026-01-01", "--to", "2026-01-31") == 0
    assert str(out) in capsys.readouterr().out
    text = "\n".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Łucja Żmijewska" in text and "challenge JANUARY2026" in text
    assert "JUNE2025" not in text and "SECRET" not in text and PRIVATE_MARKING not in text


def test_include_private_and_letter(data: Path, tmp_path: Path) -> None:
    """--include-private puts the private remarks in and marks every page; --page-size Letter."""
    out = tmp_path / "private.pdf"
    assert run(data, "Łucja", "--out", str(out), "--include-private", "--sections", "challenge",
               "--page-size", "letter") == 0
    reader = PdfReader(out)
    pages = [page.extract_text() for page in reader.pages]
    assert "SECRET JUNE2025" in "\n".join(pages)
    assert all(PRIVATE_MARKING in page for page in pages)
    assert round(float(reader.pages[0].mediabox.width)) == 612


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["nobody", "--out", "{tmp}/r.pdf"], "No mentee matches"),
        (["anna", "--out", "{tmp}/r.pdf"], "matches 2 mentees"),
        (["lucja", "--out", "{tmp}/missing/r.pdf"], "does not exist"),
        (["lucja", "--out", "{tmp}/r.pdf", "--from", "2026-02-01", "--to", "2026-01-01"],
         "after it ends"),
        (["lucja", "--out", "{tmp}/r.pdf", "--from", "2026-02-30"], "is not a date"),
        (["lucja", "--out", "{tmp}/r.pdf", "--to", "yesterday"], "is not a date"),
    ],
    ids=["unknown", "ambiguous", "missing-folder", "from-after-to", "impossible-date", "not-a-date"],
)
def test_bad_input_is_one_line_exit_2_and_no_file(data: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str],
                                                  args: list[str], message: str) -> None:
    """Each mistake gives one clear line on stderr, exit status 2, and leaves no file behind."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = sorted(out_dir.iterdir())
    args = [a.replace("{tmp}", str(out_dir)) for a in args]
    assert run(data, *args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mentordesk: ") and message in err, err
    assert sorted(out_dir.iterdir()) == before


@pytest.mark.unprivileged
@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores folder permissions; run as an "
                                               "unprivileged user")
def test_out_in_a_folder_without_write_permission(data: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    """An --out in a read-only folder is refused with one line, exit 2, and the folder stays empty."""
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        assert run(data, "lucja", "--out", str(locked / "r.pdf")) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "not writable" in err
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_headless_report_never_imports_qt(data: Path, tmp_path: Path) -> None:
    """The report command runs without Qt (checked in a fresh interpreter)."""
    import subprocess
    import sys

    code = (
        "import sys\nfrom mentordesk import cli\n"
        f"rc = cli.main(['report', 'lucja', '--out', {str(tmp_path / 'q.pdf')!r}, "
        f"'--data-dir', {str(data)!r}])\n"
        "assert rc == 0, rc\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
