"""The next meetings as an iCalendar (.ics) file, written by hand after RFC 5545.

What goes out is deliberately little: a neutral title with the mentee's initials
("Mentoring meeting — A.K."), the start and end, a stable UID and nothing of the
notes. A calendar is often synchronised to a phone or shared with a secretary.

Which meetings: for each mentee, the next date agreed at the last meeting, when it
is today or later. The time of day is that of the last meeting and the length its
duration (45 minutes if none was kept): mentees tend to keep their slot.

Times are written in UTC ("…Z"), converted from the mentor's local wall-clock time
with the local zone's rules (zoneinfo). Why not local times with a TZID: RFC 5545
requires a VTIMEZONE block for every TZID used, with the zone's transition rules
written out; getting those right by hand is error-prone, and a floating time (no
zone at all) would move when the mentor travels. UTC needs no VTIMEZONE, is
unambiguous on the days the clocks change, and every calendar program shows it in
the reader's own zone.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from mentordesk.db.rows import rows_for_ids
from mentordesk.services import clock, dashboard
from mentordesk.services.errors import ReportError
from mentordesk.services.mentees import get_mentee

DEFAULT_DURATION_MIN = 45
PRODID = "-//MentorDesk//MentorDesk//EN"
MAX_LINE_OCTETS = 75


@dataclass(frozen=True)
class Meeting:
    mentee_id: str
    initials: str
    starts: datetime  # local wall-clock time, naive
    duration_min: int

    @property
    def title(self) -> str:
        return f"Mentoring meeting — {self.initials}"


def initials(name: str) -> str:
    """"Aisha Khan" -> "A.K."; first letters of the first and last word ("陈静" -> "陈.")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    chosen = words if len(words) == 1 else [words[0], words[-1]]
    return "".join(w[0].upper() + "." for w in chosen)


def next_meetings(mentee_id: str | None = None, *, today: date | None = None) -> list[Meeting]:
    """The next agreed meeting of one mentee (any status), or of every active mentee."""
    today = today or clock.today()
    if mentee_id is None:
        facts = dashboard.gather_facts(statuses=("active",))
    else:
        facts = dashboard.gather_facts(mentee_ids=[mentee_id])
    durations = _last_durations(list(facts))
    meetings = []
    for f in facts.values():
        if f.next_on is None or f.next_on < today or f.last_met is None:
            continue
        starts = datetime.combine(f.next_on, f.last_met.time().replace(second=0, microsecond=0))
        meetings.append(Meeting(f.id, initials(f.name), starts,
                                durations.get(f.id) or DEFAULT_DURATION_MIN))
    meetings.sort(key=lambda m: (m.starts, m.initials))
    return meetings


def _last_durations(ids: list[str]) -> dict[str, int | None]:
    rows = rows_for_ids(
        "SELECT m.id, s.duration_min FROM mentee m JOIN session s ON s.id = ("
        " SELECT id FROM session WHERE mentee_id = m.id ORDER BY held_on DESC LIMIT 1)"
        " WHERE m.id IN ({marks})", ids)
    return {mentee_id: duration for mentee_id, duration in rows}


# --- the local zone ---------------------------------------------------------------------

def local_zone() -> tzinfo | None:
    """The mentor's zone with its rules: $TZ, else /etc/localtime; None if neither names one."""
    names = []
    tz = os.environ.get("TZ", "").lstrip(":")
    if tz:
        names.append(tz)
    with contextlib.suppress(OSError):
        target = os.path.realpath("/etc/localtime")
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
    for name in names:
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    with contextlib.suppress(OSError, ValueError), open("/etc/localtime", "rb") as stream:
        return ZoneInfo.from_file(stream, key="localtime")
    return None


def to_utc(local: datetime, zone: tzinfo | None = None) -> datetime:
    """A naive local wall-clock time as an aware UTC time.

    A time that does not exist (skipped when the clocks go forward) is read with the
    offset from before the change; an ambiguous one (repeated when they go back) as
    its first occurrence.
    """
    zone = zone if zone is not None else local_zone()
    if zone is None:
        # The C library's own rules ($TZ after tzset(), or /etc/localtime).
        time.tzset()
        return local.astimezone(UTC)
    return local.replace(tzinfo=zone, fold=0).astimezone(UTC)


# --- writing RFC 5545 --------------------------------------------------------------------

def escape_text(text: str) -> str:
    """TEXT value escaping (RFC 5545 3.3.11): backslash, semicolon, comma and newlines."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold_line(line: str) -> str:
    """Fold a content line at 75 octets (RFC 5545 3.1), never inside a UTF-8 character."""
    parts: list[str] = []
    current, size, limit = "", 0, MAX_LINE_OCTETS
    for ch in line:
        width = len(ch.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, MAX_LINE_OCTETS - 1  # the leading space counts
        current += ch
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def calendar_text(meetings: Sequence[Meeting], *, zone: tzinfo | None = None,
                  stamp: datetime | None = None) -> str:
    """The whole VCALENDAR, with CRLF line endings."""
    zone = zone if zone is not None else local_zone()
    stamp = stamp or datetime.now(UTC)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for meeting in meetings:
        start = to_utc(meeting.starts, zone)
        end = start + timedelta(minutes=meeting.duration_min)
        lines += [
            "BEGIN:VEVENT",
            # Stable for one mentee and day, so importing again updates rather than doubles.
            f"UID:{meeting.mentee_id}-{meeting.starts:%Y%m%d}@mentordesk",
            f"DTSTAMP:{_stamp(stamp)}",
            f"DTSTART:{_stamp(start)}",
            f"DTEND:{_stamp(end)}",
            f"SUMMARY:{escape_text(meeting.title)}",
            "CLASS:PRIVATE",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold_line(line) + "\r\n" for line in lines)


def write_calendar(out_path: Path, meetings: Sequence[Meeting]) -> Path:
    """Write the .ics file (mode 0600), complete or not at all."""
    out_path = Path(out_path)
    folder = out_path.parent
    if not folder.is_dir():
        raise ReportError(f"The calendar cannot be saved: the folder {folder} does not exist.")
    if out_path.is_dir():
        raise ReportError(f"The calendar cannot be saved: {out_path} is a folder.")
    data = calendar_text(meetings).encode("utf-8")
    try:
        fd, temp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportError(f"The calendar {out_path} could not be written: {exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.chmod(temp, 0o600)
        os.replace(temp, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise ReportError(f"The calendar {out_path} could not be written: {exc.strerror or exc}.") from exc
    return out_path


def export_calendar(out_path: Path, mentee_id: str | None = None) -> int:
    """Write the next meetings (one mentee or every active one); return how many.

    With no meeting to export nothing is written and a ReportError says why.
    """
    meetings = next_meetings(mentee_id)
    if not meetings:
        if mentee_id is not None:
            name = get_mentee(mentee_id).name
            raise ReportError(f"No next meeting is agreed with {name}: nothing was written.")
        raise ReportError("No next meeting is agreed with any active mentee: nothing was written.")
    write_calendar(out_path, meetings)
    return len(meetings)
