"""`mentordesk search`: one hit a line, newest first, private text only when asked, grep-like exit codes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from mentordesk import cli
from mentordesk.services import goals, mentees, sessions
from mentordesk.services.storage import close_data, open_data_dir


@pytest.fixture
def folder(tmp_path: Path) -> Iterator[Path]:
    """A closed data folder with two mentees, notes in several scripts and one private remark."""
    path = tmp_path / "data"
    open_data_dir(path)
    try:
        lucja = mentees.create_mentee(mentees.MenteeData(name="Łucja Wójcik")).id
        chen = mentees.create_mentee(mentees.MenteeData(name="陈静")).id
        sessions.save_session(sessions.SessionData(
            mentee_id=lucja, held_on=datetime(2026, 1, 12, 9, 0),
            listening="She trained in Łódź\tbefore\nmoving to the coast.",
            private_remarks="Worried about Łódź again, keep this between us."))
        sessions.save_session(sessions.SessionData(
            mentee_id=chen, held_on=datetime(2026, 2, 3, 14, 30),
            questions="我是医生，今天很累。What would make lodz feel like home?"))
        goals.add_goal(lucja, goals.GoalData(title="Present the audit in Łódź"))
    finally:
        close_data()
    yield path
    close_data()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[str], str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out.splitlines(), captured.err


def test_one_hit_a_line_newest_first(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each hit is date, mentee, section and a one-line snippet, separated by tabs, newest first."""
    code, lines, err = _run(capsys, "search", "lodz", "--data-dir", str(folder))
    assert code == 0 and err == ""
    rows = [line.split("\t") for line in lines]
    assert all(len(row) == 4 for row in rows)
    sessions_rows = [row for row in rows if row[2] != "Goal"]
    assert sessions_rows == [
        ["2026-02-03", "陈静", "Open questions", "我是医生，今天很累。What would make lodz feel like home?"],
        ["2026-01-12", "Łucja Wójcik", "Listening & observation",
         "She trained in Łódź before moving to the coast."],
    ]
    assert any(row[1:3] == ["Łucja Wójcik", "Goal"] and "Łódź" in row[3] for row in rows)


def test_accents_and_chinese_both_ways(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'ŁÓDŹ' finds the unaccented 'lodz' too, and 医生 is found inside running Chinese text."""
    code, lines, _ = _run(capsys, "--data-dir", str(folder), "search", "ŁÓDŹ")
    assert code == 0 and any("lodz feel like home" in line for line in lines)
    code, lines, _ = _run(capsys, "--data-dir", str(folder), "search", "医生")
    assert code == 0 and [line.split("\t")[1] for line in lines] == ["陈静"]


def test_private_remarks_only_when_asked(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Private remarks are not searched unless --include-private is given."""
    code, lines, err = _run(capsys, "--data-dir", str(folder), "search", "between", "us")
    assert (code, lines) == (1, [])
    assert err == "mentordesk: nothing found for “between us” (private remarks not searched).\n"
    code, lines, _ = _run(capsys, "--data-dir", str(folder), "search", "between us", "--include-private")
    assert code == 0
    assert [line.split("\t")[:3] for line in lines] == [["2026-01-12", "Łucja Wójcik", "Private remarks"]]


def test_limit_and_bad_input(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--limit caps the hits; a bad limit or a query without words is an error with exit 2."""
    _, every, _ = _run(capsys, "--data-dir", str(folder), "search", "lodz")
    code, lines, _ = _run(capsys, "--data-dir", str(folder), "search", "lodz", "--limit", "1")
    assert len(every) == 3 and code == 0 and lines == every[:1]
    code, _, err = _run(capsys, "--data-dir", str(folder), "search", "lodz", "--limit", "0")
    assert code == 2 and "limit" in err
    code, lines, err = _run(capsys, "--data-dir", str(folder), "search", '"*"')
    assert (code, lines) == (2, []) and err.startswith("mentordesk: give at least one word")
    code, lines, err = _run(capsys, "--data-dir", str(folder), "search", "follow-up", "NEAR(")
    assert (code, lines) == (1, []) and "nothing found" in err
