"""The .ics export: RFC 5545 by hand (CRLF, folding, escaping), UTC times, neutral titles."""

from __future__ import annotations

import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dashboard_fixtures import LONDON_NOW, at, london, meeting, mentee  # noqa: F401

from mentordesk.cli import main
from mentordesk.services import calendar_export
from mentordesk.services.calendar_export import Meeting, calendar_text, escape_text, fold_line, initials
from mentordesk.services.errors import ReportError

TODAY = LONDON_NOW.date()
LONDON = ZoneInfo("Europe/London")


def test_escaping_of_text_values() -> None:
    """Backslash, semicolon, comma and newlines are escaped as RFC 5545 3.3.11 says."""
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_folding_at_75_octets_never_splits_a_character() -> None:
    """Each physical line is at most 75 octets; unfolding gives the line back, multi-byte letters whole."""
    line = "SUMMARY:" + "Łódź 医生 ليلى " * 20
    folded = fold_line(line)
    parts = folded.split("\r\n")
    assert len(parts) > 3
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert "".join([parts[0]] + [p[1:] for p in parts[1:]]) == line


@pytest.mark.parametrize(("name", "expected"), [
    ("Aisha Khan", "A.K."), ("Siobhán Ní Mhurchú", "S.M."), ("陈静", "陈."),
    ("jean-luc picard", "J.P."), ("ليلى حداد", "ل.ح."), ("  ", "?"),
])
def test_initials(name: str, expected: str) -> None:
    """Initials of the first and last word, for neutral calendar titles."""
    assert initials(name) == expected


@pytest.mark.parametrize(("local", "utc"), [
    (datetime(2026, 3, 29, 23, 30), datetime(2026, 3, 29, 22, 30, tzinfo=UTC)),  # BST after the change
    (datetime(2026, 10, 25, 23, 30), datetime(2026, 10, 25, 23, 30, tzinfo=UTC)),  # GMT again
    (datetime(2026, 3, 28, 23, 30), datetime(2026, 3, 28, 23, 30, tzinfo=UTC)),
])
def test_local_wall_time_to_utc_on_clock_change_days(local: datetime, utc: datetime) -> None:
    """23:30 in London on the days the clocks change becomes the right UTC instant."""
    assert calendar_export.to_utc(local, LONDON) == utc


@pytest.mark.usefixtures("london")
def test_the_local_zone_follows_tz() -> None:
    """With TZ=Europe/London the export uses London's rules, with or without zoneinfo's help."""
    zone = calendar_export.local_zone()
    assert zone is not None and datetime(2026, 7, 1, 12, 0, tzinfo=zone).utcoffset() == timedelta(hours=1)
    assert calendar_export.to_utc(datetime(2026, 3, 29, 23, 30)) == datetime(2026, 3, 29, 22, 30, tzinfo=UTC)


def test_calendar_text_is_crlf_and_parses_back() -> None:
    """Every line ends in CRLF; icalendar reads the events back with their UTC times and titles."""
    meetings = [Meeting("m-1", "S.N.", datetime(2026, 3, 29, 23, 30), 45),
                Meeting("m-2", "A.K.", datetime(2026, 10, 25, 23, 30), 60)]
    text = calendar_text(meetings, zone=LONDON, stamp=datetime(2026, 3, 16, 9, 30, tzinfo=UTC))
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    cal = icalendar.Calendar.from_ical(text)
    events = list(cal.walk("VEVENT"))
    assert [str(e["SUMMARY"]) for e in events] == ["Mentoring meeting — S.N.", "Mentoring meeting — A.K."]
    assert events[0].decoded("DTSTART") == datetime(2026, 3, 29, 22, 30, tzinfo=UTC)
    assert events[0].decoded("DTEND") == datetime(2026, 3, 29, 23, 15, tzinfo=UTC)
    assert events[1].decoded("DTSTART") == datetime(2026, 10, 25, 23, 30, tzinfo=UTC)
    assert str(events[0]["UID"]) == "m-1-20260329@mentordesk"


@pytest.mark.usefixtures("db", "london")
def test_export_of_all_active_mentees_has_no_notes(tmp_path: Path) -> None:
    """Only active mentees' next meetings from today on; titles carry initials, never names or notes."""
    anke = mentee("Anke Schäfer")
    meeting(anke, datetime(2026, 3, 1, 23, 30), next_on=date(2026, 3, 29), duration=50,
            questions="Secret question, about the rota; and more", private="Very private remark")
    past = mentee("Past Date")
    meeting(past, datetime(2026, 2, 1, 9, 0), next_on=TODAY - timedelta(days=1))
    paused = mentee("Paused Person", status="paused")
    meeting(paused, datetime(2026, 3, 1, 9, 0), next_on=TODAY + timedelta(days=3))
    out = tmp_path / "meetings.ics"
    assert calendar_export.export_calendar(out) == 1
    raw = out.read_bytes()
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = raw.decode("utf-8")
    for secret in ("Anke", "Schäfer", "Secret", "private", "Paused", "Past"):
        assert secret not in text
    event = next(iter(icalendar.Calendar.from_ical(raw).walk("VEVENT")))
    assert str(event["SUMMARY"]) == "Mentoring meeting — A.S."
    assert event.decoded("DTSTART") == datetime(2026, 3, 29, 22, 30, tzinfo=UTC)
    assert event.decoded("DTEND") - event.decoded("DTSTART") == timedelta(minutes=50)
    assert "DESCRIPTION" not in event


@pytest.mark.usefixtures("db", "london")
def test_one_mentee_any_status_and_nothing_to_export(tmp_path: Path) -> None:
    """One named mentee is exported even when paused; with no next meeting nothing is written."""
    paused = mentee("Zeynep Yıldırım", status="paused")
    meeting(paused, datetime(2026, 3, 1, 8, 0), next_on=TODAY + timedelta(days=3))
    assert calendar_export.export_calendar(tmp_path / "one.ics", paused) == 1
    none = mentee("No Date")
    with pytest.raises(ReportError, match="No next meeting is agreed with No Date"):
        calendar_export.export_calendar(tmp_path / "none.ics", none)
    assert not (tmp_path / "none.ics").exists()


@pytest.mark.usefixtures("db", "london")
def test_calendar_command(data_dir: Path, tmp_path: Path,
                          capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk calendar --out FILE [MENTEE]` writes the file; an unknown mentee is one line, exit 2."""
    m = mentee("Jing Chen")
    meeting(m, datetime(2026, 3, 10, 16, 30), next_on=TODAY + timedelta(days=2))
    at(LONDON_NOW)
    from mentordesk.db.base import close_database

    close_database()
    out = tmp_path / "c.ics"
    assert main(["--data-dir", str(data_dir), "calendar", "--out", str(out), "Jing"]) == 0
    assert "1 meeting written" in capsys.readouterr().out
    assert "Mentoring meeting — J.C." in out.read_text(encoding="utf-8")
    missing = tmp_path / "missing.ics"
    assert main(["--data-dir", str(data_dir), "calendar", "--out", str(missing), "Nobody"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "No mentee matches" in err and not missing.exists()
