"""Full-text search: accents, Chinese and Japanese, phrases, hostile input, privacy, edits."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.services import mentees, search, sessions


@pytest.fixture
def mentee_id(db: Path) -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name="Nguyễn Thị Phương")).id)


def _write(mentee_id: str, day: int = 1, **fields: str) -> str:
    session_id = sessions.save_session(
        sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 2, day, 10, 0), **fields))  # type: ignore[arg-type]
    assert session_id
    return session_id


def _found(text: str, **kwargs: bool) -> list[str]:
    return [hit.snippet for hit in search.search(text, **kwargs)]


def test_accents_are_ignored_both_ways(mentee_id: str) -> None:
    """'lodz' finds Łódź and 'Łódź' finds lodz; 'nguyen' finds Nguyễn."""
    _write(mentee_id, listening="She trained in Łódź before moving.")
    _write(mentee_id, day=2, questions="Was lodz the right choice? Ask Nguyễn.")
    assert len(_found("lodz")) == 2
    assert len(_found("ŁÓDŹ")) == 2
    assert _found("nguyen") == ["Was lodz the right choice? Ask Nguyễn."]


def test_chinese_word_inside_running_text(mentee_id: str) -> None:
    """"医生" is found inside "我是医生，今天很累", and so are one- and two-character queries."""
    _write(mentee_id, listening="我是医生，今天很累")
    _write(mentee_id, day=2, listening="看護師として働いています")
    assert _found("医生") == ["我是医生，今天很累"]
    assert _found("累") == ["我是医生，今天很累"]
    assert _found("看護") == ["看護師として働いています"]
    assert _found("医累") == []


def test_phrases_and_words(mentee_id: str) -> None:
    """A quoted phrase needs its words together; separate words need only to be there."""
    _write(mentee_id, challenge="Book the teaching slot before the rota closes.")
    assert _found('"teaching slot"')
    assert not _found('"slot teaching"')
    assert _found("slot teaching")


@pytest.mark.parametrize("hostile", ['follow-up', '"', '*', 'AND', 'OR NOT', 'body:x', '(', 'NEAR(a b)', "'", "^a"])
def test_hostile_input_is_just_words(mentee_id: str, hostile: str) -> None:
    """Query syntax characters typed by a mentor never raise."""
    _write(mentee_id, listening="Agreed a follow-up AND a review.")
    search.search(hostile)


def test_follow_up_is_found(mentee_id: str) -> None:
    """A hyphenated word is found as typed."""
    _write(mentee_id, listening="Agreed a follow-up in May.")
    assert _found("follow-up") == ["Agreed a follow-up in May."]


def test_private_remarks_only_when_asked(mentee_id: str) -> None:
    """Private remarks stay out of results unless 'include private' is ticked."""
    _write(mentee_id, private_remarks="Possible grievance with the clinical lead.")
    assert _found("grievance") == []
    hits = search.search("grievance", include_private=True)
    assert [(h.field, h.private) for h in hits] == [("private_remarks", True)]


def test_edited_note_is_found_by_new_words_only(mentee_id: str) -> None:
    """After an edit the index follows the note: old words gone, new words found."""
    session_id = _write(mentee_id, listening="cardiology rotation")
    data = sessions.get_session(session_id)
    from dataclasses import replace

    sessions.save_session(replace(data, listening="dermatology rotation"), session_id)
    assert _found("cardiology") == []
    assert _found("dermatology") == ["dermatology rotation"]


def test_newest_first_with_limit_and_highlight(mentee_id: str) -> None:
    """Hits come newest first, at most the limit, with the word highlighted in the snippet."""
    for day in range(1, 8):
        _write(mentee_id, day=day, agenda=f"Resilience check {day}")
    hits = search.search("resilience", limit=3)
    assert [h.on.day for h in hits if h.on] == [7, 6, 5]
    start, end = hits[0].highlights[0]
    assert hits[0].snippet[start:end] == "Resilience"


def test_actions_open_their_session(mentee_id: str) -> None:
    """A hit in an action item names the session it belongs to and the mentee."""
    session_id = sessions.save_session(sessions.SessionData(
        mentee_id=mentee_id, held_on=datetime(2026, 2, 3, 9, 0),
        actions=(sessions.ActionData("Draft the audit proposal"),)))
    (hit,) = search.search("audit")
    assert (hit.kind, hit.session_id, hit.mentee_name) == ("action", session_id, "Nguyễn Thị Phương")


# The database is only read by the searches, so sharing it between examples is safe.
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_text_finds_itself(mentee_id: str, text: str) -> None:
    """Whatever a mentor writes, searching for that same text never raises and finds the note."""
    session_id = _write(mentee_id, listening=f"{text} quokka") if text.strip() else None
    hits = search.search(text, limit=1000)
    if session_id and search.terms_of(text):
        assert session_id in {h.record_id for h in hits}


def test_mentee_notes_and_closing_reflection_are_found(db: Path) -> None:
    """Notes on the profile and a closing reflection are searchable; reopening drops the reflection."""
    from mentordesk.services import relationships

    mentee = mentees.create_mentee(mentees.MenteeData(name="Oisín Ó Briain", aspirations="A fellowship in Kraków"))
    assert [h.field for h in search.search("krakow")] == ["aspirations"]
    relationships.close_relationship(mentee.id, reason="goals_realised", reflection="Flourished on the wards")
    assert [h.field_label for h in search.search("flourished")] == ["Closing reflection"]
    relationships.reopen_relationship(mentee.id)
    assert search.search("flourished") == []


def test_newest_meeting_first_whatever_the_order_written(mentee_id: str) -> None:
    """A note written today about an old meeting still lists after newer meetings."""
    for day in (20, 3, 11):
        _write(mentee_id, day=day, agenda=f"Supervision day {day}")
    assert [h.on.day for h in search.search("supervision") if h.on] == [20, 11, 3]


def test_renumbering_orders_existing_rows_by_date(mentee_id: str) -> None:
    """Rows indexed before schema step 7 are renumbered so the newest date has the highest rowid."""
    from mentordesk.db import search as index
    from mentordesk.db.base import database

    for day in (5, 1, 9):
        _write(mentee_id, day=day, agenda=f"Quokka {day}")
    database.execute_sql("UPDATE search_key SET rowid = -rowid")  # scramble, as before step 7
    database.execute_sql("UPDATE search_text SET rowid = -rowid")
    index.renumber()
    dates = [row[0] for row in database.execute_sql("SELECT sort_on FROM search_text ORDER BY rowid DESC")]
    assert dates == sorted(dates, reverse=True)
    assert [h.on.day for h in search.search("quokka") if h.on] == [9, 5, 1]
