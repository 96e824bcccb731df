"""The question bank: the shipped file, its checks, syncing into a data file, own prompts, suggestions."""

from __future__ import annotations

import json
import re
import uuid
from pathlib import Path
from typing import Any

import pytest

from mentordesk.db.base import close_database
from mentordesk.db.models import MOVES, Question
from mentordesk.services import questions
from mentordesk.services.errors import MentorDeskError, NotFoundError, ValidationError
from mentordesk.services.folding import fold
from mentordesk.services.storage import open_data_dir

YES_NO_OPENERS = ("do", "does", "did", "is", "are", "can", "could", "will", "would", "have", "has",
                  "should")
# A few American spellings that slip in easily; the bank is written in British English.
AMERICAN = re.compile(r"\b(organiz\w*|prioritiz\w*|recogniz\w*|realiz\w*|behavior\w*|center\w*|"
                      r"color\w*|favor\w*|honor\w*|program)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def bank() -> tuple[questions.BankEntry, ...]:
    return questions.load_question_bank()


@pytest.fixture
def synced(db: Path) -> Path:
    questions.sync_builtin_questions()
    return db


def _doc(entries: list[dict[str, Any]], **top: Any) -> dict[str, Any]:
    return {"format": "mentordesk-questions", "version": 1, "questions": entries, **top}


def _entry(**fields: Any) -> dict[str, Any]:
    base = {"id": str(uuid.uuid4()), "move": "questions", "topic": "general",
            "text": "What would help most?"}
    base.update(fields)
    return base


def _rows() -> dict[str, tuple[str, str, str, bool]]:
    return {q.id: (q.text, q.move, q.topic, q.builtin) for q in Question.select()}


# --- the shipped file ------------------------------------------------------------------------


def test_shipped_bank_loads_with_enough_prompts(bank: tuple[questions.BankEntry, ...]) -> None:
    """The bank shipped in resources/ loads without error and holds at least 60 prompts."""
    assert questions.questions_file().is_file()
    assert len(bank) >= 60


def test_every_topic_has_every_move(bank: tuple[questions.BankEntry, ...]) -> None:
    """Every topic is covered by all four moves, so every topic has at least one open question."""
    pairs = {(e.topic, e.move) for e in bank}
    missing = [(t, m) for t in questions.TOPICS for m in MOVES if (t, m) not in pairs]
    assert missing == []
    assert {e.move for e in bank} == set(MOVES)
    assert {e.topic for e in bank} == set(questions.TOPICS)
    assert set(questions.TOPIC_LABELS) == set(questions.TOPICS)


def test_ids_are_unique_canonical_uuids(bank: tuple[questions.BankEntry, ...]) -> None:
    """Each shipped prompt has its own id, written as a canonical lower-case UUID."""
    ids = [e.id for e in bank]
    assert len(set(ids)) == len(ids)
    assert all(str(uuid.UUID(i)) == i for i in ids)


def test_no_duplicate_texts(bank: tuple[questions.BankEntry, ...]) -> None:
    """No prompt is shipped twice, even differing only in case or accents."""
    texts = [fold(e.text) for e in bank]
    assert len(set(texts)) == len(texts)


def test_open_questions_are_open(bank: tuple[questions.BankEntry, ...]) -> None:
    """Open questions are questions that cannot be answered yes or no."""
    for entry in (e for e in bank if e.move == "questions"):
        first = entry.text.split()[0].lower().strip(",")
        assert first not in YES_NO_OPENERS, entry.text
        assert entry.text.endswith("?"), entry.text


def test_prompts_are_concise_british_sentences(bank: tuple[questions.BankEntry, ...]) -> None:
    """Each prompt is a short finished sentence, in British spelling."""
    for entry in bank:
        assert 15 <= len(entry.text) <= 160, entry.text
        assert entry.text[0].isupper() and entry.text[-1] in ".?", entry.text
        assert not AMERICAN.search(entry.text), entry.text


def test_listening_prompts_are_cues_for_the_mentor(bank: tuple[questions.BankEntry, ...]) -> None:
    """Listening prompts tell the mentor what to observe; they are not questions to ask."""
    for entry in (e for e in bank if e.move == "listening"):
        assert not entry.text.endswith("?"), entry.text


# --- malformed files -------------------------------------------------------------------------


DUPLICATE_ID = str(uuid.uuid4())


@pytest.mark.parametrize(
    "content, problem",
    [
        (_doc([{"id": str(uuid.uuid4()), "move": "questions", "text": "What now?"}]),
         "missing the key(s) topic"),
        (_doc([_entry(move="listen")]), "unknown move 'listen'"),
        (_doc([_entry(topic="exams")]), "unknown topic 'exams'"),
        (_doc([_entry(id=DUPLICATE_ID), _entry(id=DUPLICATE_ID, text="How else?")]), "repeats the id"),
        (_doc([_entry(text="   ")]), "empty text"),
        (_doc([_entry(text=None)]), "empty text"),
        (_doc([_entry(id="not-a-uuid")]), "not a lower-case UUID"),
        (_doc([_entry(), _entry(text="WHAT would help most?")]), "repeats the text"),
        (_doc([_entry(colour="blue")]), "unknown key(s) colour"),
        (_doc([]), "no list of questions"),
        (_doc([_entry()], version=2), "newer than this MentorDesk"),
        (_doc([_entry()], format="something-else"), "mentordesk-questions"),
        (["not", "an", "object"], "one JSON object"),
    ],
)
def test_malformed_bank_is_refused_naming_file_and_problem(tmp_path: Path, content: object,
                                                           problem: str) -> None:
    """A broken question bank stops the loader with the file's name and what is wrong."""
    path = tmp_path / "broken-bank.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(questions.ShippedFileError) as caught:
        questions.load_question_bank(path)
    assert isinstance(caught.value, MentorDeskError)
    assert "broken-bank.json" in str(caught.value)
    assert problem in str(caught.value)


def test_invalid_json_and_missing_file_are_refused(tmp_path: Path) -> None:
    """Text that is not JSON, and a file that is not there, are reported with the file's name."""
    path = tmp_path / "half-written.json"
    path.write_text('{"format": "mentordesk-questions", "version": 1, "questions": [', encoding="utf-8")
    with pytest.raises(questions.ShippedFileError, match=r"half-written\.json is not valid JSON \(line 1"):
        questions.load_question_bank(path)
    with pytest.raises(questions.ShippedFileError, match=r"nowhere\.json is missing"):
        questions.load_question_bank(tmp_path / "nowhere.json")


def test_edited_file_is_read_again(tmp_path: Path) -> None:
    """The loader's cache notices when the file changes."""
    path = tmp_path / "bank.json"
    path.write_text(json.dumps(_doc([_entry()])), encoding="utf-8")
    assert len(questions.load_question_bank(path)) == 1
    path.write_text(json.dumps(_doc([_entry(), _entry(text="How else could this go?")])), encoding="utf-8")
    assert len(questions.load_question_bank(path)) == 2


# --- syncing into the data file --------------------------------------------------------------


def test_sync_writes_the_bank_once(db: Path, bank: tuple[questions.BankEntry, ...]) -> None:
    """Opening a data file writes every shipped prompt as builtin; a second sync changes nothing."""
    rows = _rows()
    assert rows == {e.id: (e.text, e.move, e.topic, True) for e in bank}
    assert questions.sync_builtin_questions() == 0
    assert _rows() == rows


def test_sync_keeps_ids_stable_across_data_files(tmp_path: Path) -> None:
    """Two fresh data files hold the shipped prompts under the very same ids."""
    seen = []
    for name in ("first", "second"):
        open_data_dir(tmp_path / name)
        try:
            questions.sync_builtin_questions()
            seen.append(_rows())
        finally:
            close_database()
    assert seen[0] == seen[1]
    assert len(seen[0]) == len(questions.load_question_bank())


def test_sync_follows_a_newer_bank_and_spares_own_questions(synced: Path,
                                                            bank: tuple[questions.BankEntry, ...]) -> None:
    """A re-worded prompt is updated in place, a dropped one removed, the mentor's own kept."""
    own = questions.add_question("What would your best teacher ask you now?", "questions", "general")
    first = bank[0]
    reworded = questions.BankEntry(first.id, first.move, first.topic, "Notice the first thing they say.")
    newer = (reworded, *bank[2:])
    assert questions.sync_builtin_questions(newer) == 2
    rows = _rows()
    assert rows[bank[0].id][0] == "Notice the first thing they say."
    assert bank[1].id not in rows
    assert rows[own.id] == (own.text, "questions", "general", False)
    assert questions.sync_builtin_questions(newer) == 0


# --- the mentor's own questions --------------------------------------------------------------


def test_own_question_add_edit_delete(synced: Path) -> None:
    """The mentor adds a prompt, re-words and re-files it, then deletes it."""
    own = questions.add_question("  What   would a good week look like?  ", "questions")
    assert (own.text, own.move, own.topic, own.builtin) == (
        "What would a good week look like?", "questions", "", False)
    changed = questions.update_question(own.id, text="What would a good month look like?",
                                        topic="career_choices")
    stored = questions.get_question(own.id)
    assert (changed.text, stored.text, stored.move, stored.topic) == (
        "What would a good month look like?", "What would a good month look like?",
        "questions", "career_choices")
    questions.update_question(own.id, move="challenge")
    assert questions.get_question(own.id).move == "challenge"
    questions.delete_question(own.id)
    with pytest.raises(NotFoundError):
        questions.get_question(own.id)


@pytest.mark.parametrize(
    "text, move, topic, message",
    [
        ("", "questions", "", "Question text is required"),
        ("What now?", "pondering", "", "Move must be one of"),
        ("What now?", "questions", "exams", "Topic must be one of"),
        ("what has gone WELL since we last met?", "questions", "", "already in the question bank"),
    ],
)
def test_own_question_is_validated(synced: Path, text: str, move: str, topic: str, message: str) -> None:
    """An empty, mis-filed or repeated prompt is refused and nothing is stored."""
    before = _rows()
    with pytest.raises(ValidationError, match=message):
        questions.add_question(text, move, topic)
    assert _rows() == before


def test_builtin_questions_cannot_be_deleted_or_changed(synced: Path,
                                                        bank: tuple[questions.BankEntry, ...]) -> None:
    """Shipped prompts are refused with a readable message and stay as they were."""
    before = _rows()
    with pytest.raises(ValidationError, match="come with MentorDesk cannot be deleted"):
        questions.delete_question(bank[0].id)
    with pytest.raises(ValidationError, match="come with MentorDesk cannot be changed"):
        questions.update_question(bank[0].id, text="Something else entirely.")
    with pytest.raises(NotFoundError):
        questions.delete_question(str(uuid.uuid4()))
    assert _rows() == before


# --- listing and searching -------------------------------------------------------------------


def test_search_ignores_case_and_accents(synced: Path) -> None:
    """'lodz' finds Łódź and 'RESTED' finds 'rested': case and accents never matter."""
    own = questions.add_question("What did the move to Łódź change for you?", "questions", "career_choices")
    assert [q.id for q in questions.list_questions(search="lodz")] == [own.id]
    assert [q.id for q in questions.list_questions(search="ŁÓDŹ change")] == [own.id]
    rested = questions.list_questions(search="RESTED")
    assert rested and all("rested" in q.text.lower() for q in rested)
    assert questions.list_questions(search="no such words anywhere") == []


def test_list_filters_by_move_and_topic_in_a_stable_order(synced: Path) -> None:
    """Filtering by move and topic gives just those prompts, shipped before the mentor's own."""
    own = questions.add_question("What is the smallest useful thing to try?", "questions", "research")
    listed = questions.list_questions(move="questions", topic="research")
    assert listed and all((q.move, q.topic) == ("questions", "research") for q in listed)
    assert listed[-1].id == own.id
    everything = questions.list_questions()
    assert [q.move for q in everything] == sorted((q.move for q in everything), key=MOVES.index)
    with pytest.raises(ValidationError):
        questions.list_questions(move="wondering")


# --- suggestions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "situation, topics",
    [
        ("new_in_post", {"first_hundred_days"}),
        ("stalled_goal", {"career_choices", "general"}),
        ("falling_wellbeing", {"burnout_balance"}),
        ("long_gap", {"general", "returning_from_leave"}),
    ],
)
def test_suggestions_fit_the_situation(synced: Path, situation: str, topics: set[str]) -> None:
    """Each situation gets three different open questions from its own topics."""
    chosen = questions.suggest_questions({situation}, seed=7)
    assert len(chosen) == 3
    assert len({q.id for q in chosen}) == 3
    assert all(q.move == "questions" and q.topic in topics for q in chosen)


def test_suggestions_are_deterministic_for_a_seed(synced: Path) -> None:
    """The same seed gives the same questions; different seeds can give others."""
    situations = {"new_in_post", "falling_wellbeing"}
    first = [q.id for q in questions.suggest_questions(situations, seed=42)]
    assert first == [q.id for q in questions.suggest_questions(set(situations), seed=42)]
    assert len({tuple(q.id for q in questions.suggest_questions(situations, seed=s)) for s in range(10)}) > 1


def test_several_situations_take_turns(synced: Path) -> None:
    """With two situations, both are represented among three suggestions."""
    chosen = questions.suggest_questions({"new_in_post", "falling_wellbeing"}, seed=3)
    assert {q.topic for q in chosen} == {"first_hundred_days", "burnout_balance"}


def test_suggestions_fall_back_to_general_without_repeats(synced: Path) -> None:
    """No situation gives general questions; asking for more than a topic holds fills up with general."""
    plain = questions.suggest_questions(set(), seed=1)
    assert len(plain) == 3 and all(q.topic == "general" and q.move == "questions" for q in plain)
    own_topic = Question.select().where(Question.move == "questions",
                                        Question.topic == "first_hundred_days").count()
    many = questions.suggest_questions({"new_in_post"}, count=own_topic + 2, seed=1)
    assert len(many) == own_topic + 2
    assert len({q.id for q in many}) == len(many)
    assert [q.topic for q in many[own_topic:]] == ["general", "general"]
    assert questions.suggest_questions({"new_in_post"}, count=0) == []


def test_unknown_situation_is_refused(synced: Path) -> None:
    """A situation the bank does not know is a readable error, not a silent empty list."""
    with pytest.raises(ValidationError, match="Unknown situation"):
        questions.suggest_questions({"bad_day"})
