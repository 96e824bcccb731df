"""The question bank: prompts for the four moves, shipped as data and added by the mentor.

The shipped prompts live in ``resources/questions/questions.json`` (format in the
README beside it). ``sync_builtin_questions`` copies them into the data file with
their stable ids, so every data file, export and report names a shipped prompt
the same way. The mentor's own prompts sit beside them and are theirs to change.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from mentordesk.db.base import database
from mentordesk.db.models import MOVES, Question
from mentordesk.paths import resources_dir
from mentordesk.services.errors import MentorDeskError, NotFoundError, ValidationError
from mentordesk.services.folding import fold
from mentordesk.services.validation import clean_choice, clean_text

QUESTIONS_FORMAT = "mentordesk-questions"
QUESTIONS_VERSION = 1

TOPICS = (
    "first_hundred_days",
    "burnout_balance",
    "career_choices",
    "feedback_after_hard_shift",
    "research",
    "leadership",
    "returning_from_leave",
    "general",
)
TOPIC_LABELS = {
    "first_hundred_days": "First hundred days",
    "burnout_balance": "Burnout and balance",
    "career_choices": "Career choices",
    "feedback_after_hard_shift": "Feedback after a hard shift",
    "research": "Research",
    "leadership": "Leadership",
    "returning_from_leave": "Returning from leave",
    "general": "General",
}
MOVE_LABELS = {
    "listening": "Listening & observation",
    "questions": "Open questions",
    "encouragement": "Encouragement",
    "challenge": "Challenge",
}

# What is going on with a mentee, and where open questions for it are found.
# Ordered: suggestions walk the situations in this order, never in a set's order,
# so that a seed gives the same answer in every process.
SITUATION_TOPICS: dict[str, tuple[str, ...]] = {
    "new_in_post": ("first_hundred_days",),
    "stalled_goal": ("career_choices", "general"),
    "falling_wellbeing": ("burnout_balance",),
    "long_gap": ("general", "returning_from_leave"),
}
FALLBACK_TOPIC = "general"
OPEN_QUESTION_MOVE = "questions"

MAX_QUESTION_LENGTH = 1000
_ENTRY_KEYS = ("id", "move", "topic", "text")


class ShippedFileError(MentorDeskError):
    """A data file MentorDesk ships (question bank, milestone prompts) is missing or malformed."""


@dataclass(frozen=True)
class BankEntry:
    """One prompt of the shipped bank, as the file gives it."""

    id: str
    move: str
    topic: str
    text: str


def questions_file() -> Path:
    return resources_dir() / "questions" / "questions.json"


def read_shipped_json(path: Path, *, format_name: str, version: int, what: str) -> dict[str, Any]:
    """The top-level object of a shipped JSON document, its format and version checked.

    ``what`` names the document in messages ("The question bank"); every message
    also names the file, so a broken install can be traced.
    """
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise ShippedFileError(f"{what} {path} is missing; MentorDesk may need reinstalling.") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ShippedFileError(f"{what} {path} cannot be read: {exc}.") from exc
    try:
        doc = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ShippedFileError(
            f"{what} {path} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})."
        ) from exc
    if not isinstance(doc, dict):
        raise ShippedFileError(f"{what} {path} must hold one JSON object.")
    if doc.get("format") != format_name:
        raise ShippedFileError(f"{what} {path} is not a “{format_name}” document "
                               f"(format is {doc.get('format')!r}).")
    found = doc.get("version")
    if not isinstance(found, int) or isinstance(found, bool) or found < 1:
        raise ShippedFileError(f"{what} {path} has no valid version number.")
    if found > version:
        raise ShippedFileError(f"{what} {path} is version {found}, newer than this MentorDesk "
                               f"understands (up to {version}).")
    return doc


def _is_uuid(value: object) -> bool:
    if not isinstance(value, str):
        return False
    try:
        return str(uuid.UUID(value)) == value
    except ValueError:
        return False


def _check_entry(path: Path, number: int, entry: object) -> BankEntry:
    where = f"The question bank {path}: question {number}"
    if not isinstance(entry, dict):
        raise ShippedFileError(f"{where} is not an object.")
    missing = [key for key in _ENTRY_KEYS if key not in entry]
    if missing:
        raise ShippedFileError(f"{where} is missing the key(s) {', '.join(missing)}.")
    unknown = sorted(set(entry) - set(_ENTRY_KEYS))
    if unknown:
        raise ShippedFileError(f"{where} has unknown key(s) {', '.join(unknown)}.")
    if not _is_uuid(entry["id"]):
        raise ShippedFileError(f"{where} has an id that is not a lower-case UUID: {entry['id']!r}.")
    where = f"{where} ({entry['id']})"
    if entry["move"] not in MOVES:
        raise ShippedFileError(f"{where} has an unknown move {entry['move']!r} "
                               f"(expected one of {', '.join(MOVES)}).")
    if entry["topic"] not in TOPICS:
        raise ShippedFileError(f"{where} has an unknown topic {entry['topic']!r} "
                               f"(expected one of {', '.join(TOPICS)}).")
    text = entry["text"]
    if not isinstance(text, str) or not text.strip():
        raise ShippedFileError(f"{where} has empty text.")
    if text != " ".join(text.split()) or len(text) > MAX_QUESTION_LENGTH:
        raise ShippedFileError(f"{where} has text with stray spaces or more than "
                               f"{MAX_QUESTION_LENGTH} characters.")
    return BankEntry(id=entry["id"], move=entry["move"], topic=entry["topic"], text=text)


@lru_cache(maxsize=8)
def _load_cached(path: Path, _stamp: tuple[int, int]) -> tuple[BankEntry, ...]:
    doc = read_shipped_json(path, format_name=QUESTIONS_FORMAT, version=QUESTIONS_VERSION,
                            what="The question bank")
    unknown = sorted(set(doc) - {"format", "version", "questions"})
    if unknown:
        raise ShippedFileError(f"The question bank {path} has unknown key(s) {', '.join(unknown)}.")
    items = doc.get("questions")
    if not isinstance(items, list) or not items:
        raise ShippedFileError(f"The question bank {path} has no list of questions.")
    entries: list[BankEntry] = []
    ids: set[str] = set()
    texts: dict[str, str] = {}
    for number, item in enumerate(items, start=1):
        entry = _check_entry(path, number, item)
        if entry.id in ids:
            raise ShippedFileError(f"The question bank {path}: question {number} repeats the id {entry.id}.")
        key = fold(entry.text)
        if key in texts:
            raise ShippedFileError(f"The question bank {path}: question {number} ({entry.id}) repeats "
                                   f"the text of {texts[key]}.")
        ids.add(entry.id)
        texts[key] = entry.id
        entries.append(entry)
    return tuple(entries)


def load_question_bank(path: Path | None = None) -> tuple[BankEntry, ...]:
    """The shipped prompts, checked; a malformed file raises ShippedFileError naming it.

    Read once per process (again only if the file changes).
    """
    path = path or questions_file()
    try:
        info = path.stat()
        stamp = (info.st_mtime_ns, info.st_size)
    except OSError:
        stamp = (0, 0)  # the loader reports the missing file in its own words
    return _load_cached(path, stamp)


def sync_builtin_questions(bank: Iterable[BankEntry] | None = None) -> int:
    """Make the builtin rows of the open data file equal the shipped bank; return rows changed.

    Shipped prompts are written with their own ids (re-worded ones are updated in
    place), and builtin rows no longer shipped are removed. The mentor's own
    questions are never touched. When the file is already in step this only
    reads the builtin rows and writes nothing.
    """
    entries = tuple(bank) if bank is not None else load_question_bank()
    wanted = {e.id: (e.text, e.move, e.topic, True) for e in entries}
    with database.atomic():
        query = (Question.select(Question.id, Question.text, Question.move, Question.topic,
                                 Question.builtin)
                 .where((Question.builtin == True) | Question.id.in_(list(wanted))))  # noqa: E712
        stored = {row[0]: tuple(row[1:]) for row in _tuples(query)}
        stale = sorted(row_id for row_id in stored if row_id not in wanted)
        changed = [e for e in entries if stored.get(e.id) != wanted[e.id]]
        if stale:
            Question.delete().where(Question.id.in_(stale)).execute()
        for entry in changed:
            (Question.insert(id=entry.id, text=entry.text, move=entry.move, topic=entry.topic,
                             builtin=True)
             .on_conflict(conflict_target=[Question.id],
                          preserve=[Question.text, Question.move, Question.topic, Question.builtin])
             .execute())
    return len(stale) + len(changed)


def _tuples(query: Any) -> list[tuple[Any, ...]]:
    """Rows of a select as plain tuples (the peewee stubs type them as model instances)."""
    return cast(list[tuple[Any, ...]], list(query.tuples()))


def _clean_topic(topic: str | None) -> str:
    topic = (topic or "").strip()
    if topic:
        clean_choice(topic, "Topic", TOPICS)
    return topic


def _clean_question(text: str, move: str, topic: str | None) -> tuple[str, str, str]:
    return (
        clean_text(text, "Question text", required=True, max_length=MAX_QUESTION_LENGTH),
        clean_choice(move, "Move", MOVES),
        _clean_topic(topic),
    )


def _refuse_duplicate(text: str, move: str, *, except_id: str | None = None) -> None:
    key = fold(text)
    for row_id, other in _tuples(Question.select(Question.id, Question.text).where(Question.move == move)):
        if row_id != except_id and fold(other) == key:
            raise ValidationError(f"“{text}” is already in the question bank under "
                                  f"{MOVE_LABELS[move]}.")


def get_question(question_id: str) -> Question:
    question = Question.get_or_none(Question.id == question_id)
    if question is None:
        raise NotFoundError("That question is no longer in the bank.")
    return question


def add_question(text: str, move: str, topic: str = "") -> Question:
    """Add one of the mentor's own prompts to the bank."""
    text, move, topic = _clean_question(text, move, topic)
    with database.atomic():
        _refuse_duplicate(text, move)
        question: Question = Question.create(text=text, move=move, topic=topic, builtin=False)
    return question


def _own(question_id: str, doing: str) -> Question:
    question = get_question(question_id)
    if question.builtin:
        raise ValidationError(f"Questions that come with MentorDesk cannot be {doing}; "
                              "add your own version instead.")
    return question


def update_question(question_id: str, *, text: str | None = None, move: str | None = None,
                    topic: str | None = None) -> Question:
    """Re-word, move or re-file one of the mentor's own prompts (None keeps a field as it is)."""
    with database.atomic():
        question = _own(question_id, "changed")
        new_text, new_move, new_topic = _clean_question(
            question.text if text is None else text,
            question.move if move is None else move,
            question.topic if topic is None else topic,
        )
        _refuse_duplicate(new_text, new_move, except_id=question.id)
        question.text, question.move, question.topic = new_text, new_move, new_topic
        question.save()
    return question


def delete_question(question_id: str) -> None:
    """Remove one of the mentor's own prompts; shipped prompts are refused."""
    with database.atomic():
        question = _own(question_id, "deleted")
        question.delete_instance()


def _sort_key(question: Question) -> tuple[int, int, int, str]:
    topic_rank = TOPICS.index(question.topic) if question.topic in TOPICS else len(TOPICS)
    return (MOVES.index(question.move) if question.move in MOVES else len(MOVES), topic_rank,
            0 if question.builtin else 1, fold(question.text))


def list_questions(*, move: str | None = None, topic: str | None = None, search: str = "") -> list[Question]:
    """The bank, by move then topic, shipped prompts before the mentor's own.

    ``search`` matches every word in the text or the topic's name, regardless of
    case and accents ("lodz" finds "Łódź").
    """
    query = Question.select()
    if move:
        query = query.where(Question.move == clean_choice(move, "Move", MOVES))
    if topic is not None:
        query = query.where(Question.topic == _clean_topic(topic))
    words = fold(search).split()
    rows = list(query)
    if words:
        rows = [q for q in rows
                if all(w in fold(f"{q.text} {TOPIC_LABELS.get(q.topic, q.topic)}") for w in words)]
    return sorted(rows, key=_sort_key)


def suggest_questions(situations: set[str], *, count: int = 3, seed: int | None = None) -> list[Question]:
    """Open questions chosen for what is going on with a mentee.

    Situations are ``new_in_post``, ``stalled_goal``, ``falling_wellbeing`` and
    ``long_gap``; several take turns, so each is represented. The same seed gives
    the same questions; none is suggested twice; when the situations' topics run
    out (or none is given) general questions fill the list, then any open question.
    """
    unknown = sorted(set(situations) - set(SITUATION_TOPICS))
    if unknown:
        raise ValidationError(f"Unknown situation(s) {', '.join(unknown)} "
                              f"(expected {', '.join(SITUATION_TOPICS)}).")
    if count <= 0:
        return []
    rng = random.Random(seed)
    open_questions = sorted(Question.select().where(Question.move == OPEN_QUESTION_MOVE),
                            key=lambda q: q.id)

    def pool(topics: tuple[str, ...]) -> list[Question]:
        found = [q for q in open_questions if q.topic in topics]
        rng.shuffle(found)
        return found

    pools = [pool(topics) for name, topics in SITUATION_TOPICS.items() if name in situations]
    pools.append(pool((FALLBACK_TOPIC,)))
    chosen: list[Question] = []
    seen: set[str] = set()

    def take(candidates: list[Question]) -> bool:
        while candidates:
            question = candidates.pop(0)
            if question.id not in seen:
                seen.add(question.id)
                chosen.append(question)
                return True
        return False

    situation_pools, fallback = pools[:-1], pools[-1]
    while len(chosen) < count and any(situation_pools):
        for candidates in situation_pools:
            if len(chosen) < count:
                take(candidates)
    rest = list(open_questions)
    rng.shuffle(rest)
    for candidates in (fallback, rest):
        while len(chosen) < count and take(candidates):
            pass
    return chosen
