"""Reading and checking an exchange document (see docs/exchange-format.md) before anything is written.

``read_document`` turns a file into plain JSON values within bounded time and
memory (size checked before reading, nesting depth checked before parsing,
duplicate keys refused while parsing). ``validate`` checks the whole document —
types, choices, dates that exist, UUIDs, duplicate ids, references, lengths —
and returns it as rows ready for the database. Every error is an ExchangeError
whose one-line message names the problem and where it is, as a JSON path such
as ``mentees[3].sessions[12].held_on``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

from mentordesk.db.assessment_models import RATERS
from mentordesk.db.base import new_id, utc_now
from mentordesk.db.models import (
    ACTION_OWNERS,
    AGENDA_OWNERS,
    CLOSURE_REASONS,
    GOAL_STATUSES,
    MATCH_ORIGINS,
    MEETING_FORMATS,
    MENTEE_STATUSES,
    MOVES,
)
from mentordesk.services.errors import ValidationError

FORMAT_NAME = "mentordesk"
FORMAT_VERSION = 1  # the newest version this program writes and reads

MAX_DOCUMENT_BYTES = 512 * 1024 * 1024  # refused before reading; the benchmark's export is ~60 MB
MAX_DEPTH = 32  # the format itself nests 7 deep; settings values may nest a little
MAX_LINE = 1_000  # names, roles, titles, labels, tags
MAX_TEXT = 100_000  # notes and the four sections of a meeting
MAX_KEY = 255  # framework, item and domain keys, setting names
MAX_FRAMEWORK_DOCUMENT = 1_000_000


class ExchangeError(ValidationError):
    """An exchange document that cannot be imported; the message says what and where."""


def fail(path: str, message: str) -> NoReturn:
    raise ExchangeError(f"{path or 'the document'}: {message}" if path else message)


def show(value: object) -> str:
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


# ---------------------------------------------------------------- reading the file


_KEEP = bytes(range(256)).translate(None, b"[]{}\"")
_BRACKET_STEP = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_STRING = re.compile(rb'"[^"]*"')


def nesting_depth(raw: bytes) -> int:
    """How deeply lists and objects nest, brackets inside strings ignored.

    A few linear passes in C over the bytes, before parsing: escaped backslashes and
    quotes go first, then everything but quotes and brackets, then whole strings.
    (Bytes of multi-byte UTF-8 characters are never ASCII, so they cannot fake one.)
    """
    skeleton = raw.replace(b"\\\\", b"").replace(b'\\"', b"").translate(None, _KEEP)
    steps = _STRING.sub(b"", skeleton).translate(_BRACKET_STEP)
    depth = deepest = 0
    for step in steps:
        depth += 1 if step == 1 else -1
        if depth > deepest:
            deepest = depth
            if deepest > MAX_DEPTH:
                break
    return deepest


class _DuplicateKey(ValueError):
    pass


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _no_constant(name: str) -> NoReturn:
    raise ValueError(f"“{name}” is not a number JSON allows")


def parse_text(text: str, raw: bytes | None = None) -> Any:
    """Parse JSON text with the depth bound, refusing duplicate keys, NaN and Infinity."""
    if not text.strip():
        fail("", "the file is empty; it is not a MentorDesk export.")
    if nesting_depth(raw if raw is not None else text.encode("utf-8", "surrogatepass")) > MAX_DEPTH:
        fail("", f"the document nests more than {MAX_DEPTH} levels deep; it is not a MentorDesk export.")
    try:
        return json.loads(text, object_pairs_hook=_no_duplicates, parse_constant=_no_constant)
    except _DuplicateKey as exc:
        fail("", f"the key “{exc.args[0]}” appears twice in one object.")
    except json.JSONDecodeError as exc:
        hint = " (the file may be cut short)" if exc.pos >= len(text.rstrip()) else ""
        fail("", f"not valid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}{hint}.")
    except RecursionError:
        fail("", "the document nests too deeply; it is not a MentorDesk export.")
    except ValueError as exc:  # NaN/Infinity, or a number with thousands of digits
        fail("", f"not valid JSON: {exc}.")


def read_document(path: Path) -> Any:
    """The JSON value in ``path``; refuses an oversized, empty, non-UTF-8 or malformed file."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        fail("", f"{path} does not exist.")
    except OSError as exc:
        fail("", f"{path} cannot be read ({exc.strerror}).")
    if path.is_dir():
        fail("", f"{path} is a folder, not an export file.")
    if size > MAX_DOCUMENT_BYTES:
        fail("", f"{path} is too large ({size:,} bytes; an export may be at most "
                 f"{MAX_DOCUMENT_BYTES:,} bytes).")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        fail("", f"{path} cannot be read ({exc.strerror}).")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        fail("", f"{path} is not UTF-8 text (byte {exc.start} cannot be read); "
                 "it is not a MentorDesk export.")
    return parse_text(text, raw)


# ---------------------------------------------------------------- checkers

Check = Callable[[Any, str], Any]
REQUIRED = object()


@dataclass(frozen=True)
class Key:
    check: Check
    default: Any = REQUIRED  # a value, a callable making one, or REQUIRED


def obj(value: Any, path: str, keys: dict[str, Key]) -> dict[str, Any]:
    """Check an object against its keys; missing optional keys take their defaults."""
    if not isinstance(value, dict):
        fail(path, f"must be an object, not {kind_of(value)}.")
    for name in value:
        if name not in keys:
            fail(f"{path}.{name}" if path else name,
                 f"unknown key (format version {FORMAT_VERSION} has no such key here).")
    out: dict[str, Any] = {}
    for name, spec in keys.items():
        where = f"{path}.{name}" if path else name
        if name in value:
            out[name] = spec.check(value[name], where)
        elif spec.default is REQUIRED:
            fail(where, "is missing.")
        else:
            out[name] = spec.default() if callable(spec.default) else spec.default
    return out


def _unicode(value: str, path: str) -> str:
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            fail(path, "holds a broken character (a lone surrogate), not Unicode text.")
    return value


def text(max_length: int = MAX_TEXT, *, required: bool = False) -> Check:
    def check(value: Any, path: str) -> str:
        if not isinstance(value, str):
            fail(path, f"must be text, not {kind_of(value)}.")
        if len(value) > max_length:
            fail(path, f"is too long ({len(value):,} characters; at most {max_length:,}).")
        if required and not value.strip():
            fail(path, "must not be empty.")
        return _unicode(value, path)
    return check


def nullable(check: Check) -> Check:
    def inner(value: Any, path: str) -> Any:
        return None if value is None else check(value, path)
    return inner


def choice(options: tuple[str, ...]) -> Check:
    def check(value: Any, path: str) -> str:
        if value not in options or not isinstance(value, str):
            fail(path, f"{show(value)} is not one of: {', '.join(options)}.")
        return value
    return check


def integer(low: int, high: int) -> Check:
    def check(value: Any, path: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool):
            fail(path, f"must be a whole number, not {kind_of(value)}.")
        if not low <= value <= high:
            fail(path, f"{value} is out of range ({low} to {high}).")
        return value
    return check


def boolean(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        fail(path, f"must be true or false, not {kind_of(value)}.")
    return value


_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_LOCAL = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{6})?)?\Z")
_UTC = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{6})?Z\Z")


def a_date(value: Any, path: str) -> date:
    if not isinstance(value, str) or not _DATE.match(value):
        fail(path, f"{show(value)} is not a date (use YYYY-MM-DD).")
    try:
        return date.fromisoformat(value)
    except ValueError:
        fail(path, f"{show(value)} is not a date that exists.")


def local_time(value: Any, path: str) -> datetime:
    if not isinstance(value, str) or not _LOCAL.match(value):
        fail(path, f"{show(value)} is not a date and time (use YYYY-MM-DDTHH:MM).")
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        fail(path, f"{show(value)} is not a date and time that exists.")


def timestamp(value: Any, path: str) -> datetime:
    if not isinstance(value, str) or not _UTC.match(value):
        fail(path, f"{show(value)} is not a UTC time (use YYYY-MM-DDTHH:MM:SSZ).")
    try:
        return datetime.fromisoformat(value[:-1])
    except ValueError:
        fail(path, f"{show(value)} is not a time that exists.")


def an_id(value: Any, path: str) -> str:
    if isinstance(value, str) and _UUID.match(value):
        return value
    fail(path, f"{show(value)} is not an id (a lower-case UUID such as 3f2b…-…).")


def list_of(check: Check, *, max_items: int = 10_000_000) -> Check:
    def inner(value: Any, path: str) -> list[Any]:
        if not isinstance(value, list):
            fail(path, f"must be a list, not {kind_of(value)}.")
        if len(value) > max_items:
            fail(path, f"has {len(value):,} entries; at most {max_items:,}.")
        return [check(item, f"{path}[{i}]") for i, item in enumerate(value)]
    return inner


def object_of(check: Check, *, key_length: int = MAX_KEY) -> Check:
    """An object with free keys (item keys, domain keys, setting names) and checked values."""
    def inner(value: Any, path: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            fail(path, f"must be an object, not {kind_of(value)}.")
        out = {}
        for name, item in value.items():
            where = f"{path}.{name}"
            if not name.strip() or len(name) > key_length:
                fail(where, f"is not a usable key (1 to {key_length} characters).")
            _unicode(name, where)
            out[name] = check(item, where)
        return out
    return inner


def any_json(value: Any, path: str) -> Any:
    if isinstance(value, str):
        _unicode(value, path)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            any_json(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for name, item in value.items():
            _unicode(name, f"{path}.{name}")
            any_json(item, f"{path}.{name}")
    return value


def signal(value: Any, path: str) -> str:
    """A wellbeing signal: one line of text (they are stored one a line)."""
    line = text(MAX_LINE, required=True)(value, path)
    if line.splitlines() != [line]:
        fail(path, "must be one line of text.")
    return line


def unique_lines(value: Any, path: str) -> list[str]:
    items = list_of(text(MAX_LINE, required=True))(value, path)
    if len(set(items)) != len(items):
        repeated = next(item for i, item in enumerate(items) if item in items[:i])
        fail(path, f"lists {show(repeated)} twice.")
    return items


# ---------------------------------------------------------------- the document's shape

LINE = text(MAX_LINE)
TEXT = text()
DATE = nullable(a_date)
NOW = utc_now


def _topics() -> tuple[str, ...]:
    from mentordesk.services.questions import TOPICS

    return ("", *TOPICS)


def _topic(value: Any, path: str) -> str:
    return choice(_topics())(value, path)


MENTOR = {
    "name": Key(LINE, ""), "role": Key(LINE, ""), "organisation": Key(LINE, ""), "email": Key(LINE, ""),
    "updated_at": Key(timestamp, NOW),
}
MATCH = {
    "origin": Key(choice(MATCH_ORIGINS), "mentee_invited"), "shared_interests": Key(TEXT, ""),
    "proximity": Key(TEXT, ""), "aligned_values": Key(TEXT, ""),
}
AGREEMENT = {
    "id": Key(an_id, new_id), "relationship_kind": Key(LINE, ""),
    "meeting_format": Key(choice(MEETING_FORMATS), "in_person"),
    "cadence_days": Key(nullable(integer(0, 366)), None),
    "agenda_owner": Key(choice(AGENDA_OWNERS), "mentee"), "confidentiality": Key(TEXT, ""),
    "review_on": Key(DATE, None), "agreed_on": Key(DATE, None), "created_at": Key(timestamp, NOW),
}
CLOSURE = {
    "closed_on": Key(DATE, None), "reason": Key(nullable(choice(CLOSURE_REASONS)), None),
    "reflection": Key(TEXT, ""),
}
STATUS_CHANGE = {
    "from": Key(nullable(choice(MENTEE_STATUSES)), None), "to": Key(choice(MENTEE_STATUSES)),
    "on": Key(a_date), "reason": Key(nullable(choice(CLOSURE_REASONS)), None), "note": Key(TEXT, ""),
    "created_at": Key(timestamp, NOW),
}
PROGRESS = {"on": Key(a_date), "percent": Key(integer(0, 100)), "note": Key(TEXT, "")}
GOAL = {
    "id": Key(an_id), "title": Key(text(MAX_LINE, required=True)), "detail": Key(TEXT, ""),
    "target_on": Key(DATE, None), "status": Key(choice(GOAL_STATUSES), "open"),
    "position": Key(integer(0, 1_000_000), 0), "created_at": Key(timestamp, NOW),
}
WELLBEING = {
    "score": Key(nullable(integer(1, 5)), None), "signals": Key(list_of(signal, max_items=100), list),
    "note": Key(TEXT, ""),
}
ACTION = {
    "id": Key(an_id), "text": Key(text(MAX_TEXT, required=True)),
    "owner": Key(choice(ACTION_OWNERS), "mentee"), "due_on": Key(DATE, None), "done_on": Key(DATE, None),
    "position": Key(integer(0, 1_000_000), 0),
}
SESSION = {
    "id": Key(an_id), "held_on": Key(local_time), "duration_min": Key(nullable(integer(1, 24 * 60)), None),
    "format": Key(choice(MEETING_FORMATS), "in_person"), "agenda": Key(TEXT, ""),
    "agenda_by": Key(choice(AGENDA_OWNERS), "mentee"), "listening": Key(TEXT, ""),
    "questions": Key(TEXT, ""), "encouragement": Key(TEXT, ""), "challenge": Key(TEXT, ""),
    "wellbeing": Key(lambda v, p: obj(v, p, WELLBEING),
                     lambda: {"score": None, "signals": [], "note": ""}),
    "private_remarks": Key(TEXT, ""), "next_on": Key(DATE, None),
    "created_at": Key(timestamp, NOW), "updated_at": Key(timestamp, NOW),
}
MILESTONE = {
    "id": Key(an_id), "day": Key(integer(0, 365)), "prompt": Key(text(MAX_LINE, required=True)),
    "done_on": Key(DATE, None), "note": Key(TEXT, ""), "position": Key(integer(0, 1_000_000), 0),
}
REFERRAL = {
    "id": Key(an_id), "on": Key(a_date), "session_id": Key(nullable(an_id), None), "note": Key(TEXT, ""),
    "created_at": Key(timestamp, NOW),
}


def _nested(keys: dict[str, Key]) -> Check:
    return lambda value, path: obj(value, path, keys)


MENTEE = {
    "id": Key(an_id), "name": Key(text(MAX_LINE, required=True)), "role": Key(LINE, ""),
    "specialty": Key(LINE, ""), "organisation": Key(LINE, ""), "email": Key(LINE, ""),
    "started_post_on": Key(DATE, None), "new_in_post": Key(boolean, False),
    "status": Key(choice(MENTEE_STATUSES), "active"), "tags": Key(unique_lines, list),
    "notes": Key(TEXT, ""), "strengths": Key(TEXT, ""), "aspirations": Key(TEXT, ""),
    "match": Key(_nested(MATCH), lambda: obj({}, "", MATCH)),
    "agreement": Key(nullable(_nested(AGREEMENT)), None),
    "agreement_history": Key(list_of(_nested(AGREEMENT)), list),
    "closure": Key(nullable(_nested(CLOSURE)), None),
    "status_history": Key(list_of(_nested(STATUS_CHANGE)), list),
    "goals": Key(list_of(lambda v, p: _goal(v, p)), list),
    "sessions": Key(list_of(lambda v, p: _session(v, p)), list),
    "milestones": Key(list_of(_nested(MILESTONE)), list),
    "referrals": Key(list_of(_nested(REFERRAL)), list),
    "created_at": Key(timestamp, NOW), "updated_at": Key(timestamp, NOW),
}


def _goal(value: Any, path: str) -> dict[str, Any]:
    keys = {**GOAL, "progress": Key(list_of(_nested(PROGRESS)), list)}
    return obj(value, path, keys)


def _session(value: Any, path: str) -> dict[str, Any]:
    return obj(value, path, {**SESSION, "actions": Key(list_of(_nested(ACTION)), list)})


ANSWER = nullable(integer(0, 10))
ASSESSMENT = {
    "id": Key(an_id), "framework": Key(text(MAX_KEY, required=True)),
    "framework_version": Key(text(MAX_KEY, required=True)), "taken_on": Key(a_date),
    "rater": Key(choice(RATERS), "self"), "mentee_id": Key(nullable(an_id), None),
    "rater_label": Key(LINE, ""), "answers": Key(object_of(ANSWER), dict), "reflection": Key(TEXT, ""),
    "domain_reflections": Key(object_of(TEXT), dict), "development_notes": Key(object_of(TEXT), dict),
    "completed_at": Key(nullable(timestamp), None), "created_at": Key(timestamp, NOW),
    "updated_at": Key(timestamp, NOW),
}
QUESTION = {
    "id": Key(an_id), "text": Key(text(MAX_LINE, required=True)), "move": Key(choice(MOVES)),
    "topic": Key(_topic, ""), "builtin": Key(boolean, False),
}
SUPPORT_CONTACT = {
    "name": Key(text(MAX_LINE, required=True)), "detail": Key(TEXT, ""),
    "position": Key(integer(0, 1_000_000), 0),
}
FRAMEWORK = {
    "key": Key(text(MAX_KEY, required=True)), "version": Key(text(MAX_KEY, required=True)),
    "document": Key(text(MAX_FRAMEWORK_DOCUMENT, required=True)), "added_at": Key(timestamp, NOW),
}
DEVELOPMENT_ACTION = {
    "id": Key(an_id), "framework": Key(text(MAX_KEY, required=True)),
    "domain_key": Key(text(MAX_KEY, required=True)), "text": Key(text(MAX_LINE, required=True)),
    "target_on": Key(DATE, None), "done_on": Key(DATE, None), "created_at": Key(timestamp, NOW),
}
JOURNAL_ENTRY = {
    "id": Key(an_id), "written_on": Key(a_date), "title": Key(LINE, ""), "what_happened": Key(TEXT, ""),
    "so_what": Key(TEXT, ""), "now_what": Key(TEXT, ""), "framework": Key(nullable(text(MAX_KEY)), None),
    "domain_key": Key(nullable(text(MAX_KEY)), None), "mentee_id": Key(nullable(an_id), None),
    "created_at": Key(timestamp, NOW), "updated_at": Key(timestamp, NOW),
}


def _header(value: Any) -> None:
    """Format and version come first, so a foreign or newer file gets the right message."""
    if not isinstance(value, dict):
        fail("", f"the document must be one JSON object, not {kind_of(value)}; "
                 "it is not a MentorDesk export.")
    if value.get("format") != FORMAT_NAME:
        found = show(value["format"]) if "format" in value else "missing"
        fail("format", f"must be “{FORMAT_NAME}” (found {found}); this is not a MentorDesk export.")
    version = value.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        fail("version", f"{show(version)} is not a format version (a whole number from 1).")
    if version > FORMAT_VERSION:
        fail("version", f"this export is format version {version}, written by a newer MentorDesk; this "
                        f"program reads up to version {FORMAT_VERSION}. Please update MentorDesk.")


TOP = {
    "format": Key(lambda v, p: v), "version": Key(lambda v, p: v),
    "exported_at": Key(timestamp, NOW),
    "mentor": Key(nullable(_nested(MENTOR)), None),
    "mentees": Key(list_of(_nested(MENTEE)), list),
    "assessments": Key(list_of(_nested(ASSESSMENT)), list),
    "questions": Key(list_of(_nested(QUESTION)), list),
    "tags": Key(unique_lines, list),
    "support_contacts": Key(list_of(_nested(SUPPORT_CONTACT)), list),
    "settings": Key(object_of(any_json), dict),
    "frameworks": Key(list_of(_nested(FRAMEWORK)), list),
    "development_plan": Key(list_of(_nested(DEVELOPMENT_ACTION)), list),
    "journal": Key(list_of(_nested(JOURNAL_ENTRY)), list),
}


@dataclass
class Checked:
    """A document that passed the shape checks (values converted: dates, datetimes)."""

    doc: dict[str, Any]
    ids: dict[str, dict[str, str]] = field(default_factory=dict)  # kind -> id -> path


def _unique(ids: dict[str, dict[str, str]], kind: str, value: str, path: str) -> None:
    seen = ids.setdefault(kind, {})
    if value in seen:
        fail(path, f"the id {value} is used twice (first at {seen[value]}).")
    seen[value] = path


def check_shape(value: Any) -> Checked:
    """Every key, type, choice and date of the document, and that no id repeats.

    References to frameworks and existing records are checked by the importer,
    which can see the data file.
    """
    _header(value)
    doc = obj(value, "", TOP)
    checked = Checked(doc)
    ids = checked.ids
    for m, mentee in enumerate(doc["mentees"]):
        where = f"mentees[{m}]"
        _unique(ids, "mentee", mentee["id"], f"{where}.id")
        agreements = [*mentee["agreement_history"], *([mentee["agreement"]] if mentee["agreement"] else [])]
        if mentee["agreement_history"] and mentee["agreement"] is None:
            fail(f"{where}.agreement", "is null, but earlier versions are listed in agreement_history.")
        for a, agreement in enumerate(agreements):
            path = (f"{where}.agreement_history[{a}]" if a < len(mentee["agreement_history"])
                    else f"{where}.agreement")
            _unique(ids, "agreement", agreement["id"], f"{path}.id")
        for g, goal in enumerate(mentee["goals"]):
            _unique(ids, "goal", goal["id"], f"{where}.goals[{g}].id")
        sessions: set[str] = set()
        for s, session in enumerate(mentee["sessions"]):
            _unique(ids, "session", session["id"], f"{where}.sessions[{s}].id")
            sessions.add(session["id"])
            for a, action in enumerate(session["actions"]):
                _unique(ids, "action", action["id"], f"{where}.sessions[{s}].actions[{a}].id")
        for i, milestone in enumerate(mentee["milestones"]):
            _unique(ids, "milestone", milestone["id"], f"{where}.milestones[{i}].id")
        for r, referral in enumerate(mentee["referrals"]):
            _unique(ids, "referral", referral["id"], f"{where}.referrals[{r}].id")
            if referral["session_id"] is not None and referral["session_id"] not in sessions:
                fail(f"{where}.referrals[{r}].session_id",
                     f"names the session {referral['session_id']}, which is not one of this mentee's.")
    for a, assessment in enumerate(doc["assessments"]):
        where = f"assessments[{a}]"
        _unique(ids, "assessment", assessment["id"], f"{where}.id")
        if assessment["rater"] == "self" and (assessment["mentee_id"] or assessment["rater_label"]):
            fail(where, "a self-assessment has no mentee_id and no rater_label.")
    for q, question in enumerate(doc["questions"]):
        _unique(ids, "question", question["id"], f"questions[{q}].id")
    for d, action in enumerate(doc["development_plan"]):
        _unique(ids, "development_action", action["id"], f"development_plan[{d}].id")
    for j, entry in enumerate(doc["journal"]):
        _unique(ids, "journal", entry["id"], f"journal[{j}].id")
    seen_frameworks: dict[tuple[str, str], int] = {}
    for f, framework in enumerate(doc["frameworks"]):
        pair = (framework["key"], framework["version"])
        if pair in seen_frameworks:
            fail(f"frameworks[{f}]", f"repeats the framework “{pair[0]}” version {pair[1]} "
                                     f"(first at frameworks[{seen_frameworks[pair]}]).")
        seen_frameworks[pair] = f
    return checked
