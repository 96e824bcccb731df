"""Export → import → export gives the same document; imports into a non-empty file only add."""

from __future__ import annotations

import os
import string
import uuid
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from exchange_fixtures import UNIQUE_WORD, build_rich_data, index_rows, load, wipe, without_stamp
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentordesk.db.models import Mentee, Question
from mentordesk.services import exchange
from mentordesk.services.exchange_export import build_document
from mentordesk.services.exchange_import import import_document
from mentordesk.services.frameworks import get_framework
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.search import search
from mentordesk.services.storage import close_data, open_data_dir

settings.register_profile("exchange-ci", max_examples=200, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("exchange-local", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PROFILE = "exchange-ci" if os.environ.get("CI") == "true" else "exchange-local"


def test_rich_data_round_trips_exactly(tmp_path: Path) -> None:
    """Every feature's data survives export → import into an empty file → export, byte for byte."""
    open_data_dir(tmp_path / "a")
    try:
        build_rich_data()
        first = exchange.export_to_file(tmp_path / "first.json")
        source_index = index_rows()
    finally:
        close_data()
    open_data_dir(tmp_path / "b")
    try:
        report = exchange.import_file(first)
        second = exchange.export_to_file(tmp_path / "second.json")
        assert index_rows() == source_index, "the imported text is indexed as the services index it"
        hits = search(UNIQUE_WORD)
        assert {hit.mentee_name for hit in hits} == {"Łucja Żmijewska"}
        assert "notes" in {hit.field for hit in hits}  # mentee notes are searchable after import too
    finally:
        close_data()
    assert report.added["mentees"] == 2
    assert without_stamp(second.read_text("utf-8")) == without_stamp(first.read_text("utf-8"))
    document = load(first)
    ana = next(m for m in document["mentees"] if m["name"] == "Łucja Żmijewska")
    assert len(ana["agreement_history"]) == 1 and ana["agreement"]["meeting_format"] == "mixed"
    assert [p["percent"] for p in ana["goals"][0]["progress"]] == [20, 55]
    assert len(ana["referrals"]) == 2 and ana["milestones"][0]["done_on"] == "2026-01-06"
    assert ana["sessions"][-1]["wellbeing"]["signals"] == ["exhaustion", "poor sleep"]
    self_rating = next(a for a in document["assessments"] if a["reflection"])
    assert None in self_rating["answers"].values() and self_rating["completed_at"]
    assert any(q["builtin"] for q in document["questions"]) and any(not q["builtin"] for q in document["questions"])
    assert document["settings"]["retention_years"] == 7 and len(document["journal"]) == 1
    assert os.stat(first).st_mode & 0o077 == 0, "an export is readable by its owner only"


def test_import_into_a_non_empty_file_only_adds(tmp_path: Path) -> None:
    """Mentees already present (by id) are skipped and reported; stored records never change."""
    open_data_dir(tmp_path / "a")
    try:
        ids = build_rich_data()
        export = exchange.export_to_file(tmp_path / "all.json")
    finally:
        close_data()
    open_data_dir(tmp_path / "b")
    try:
        kept = create_mentee(MenteeData(name="Carmen Ruiz"))
        create_mentee(MenteeData(name="Ana renamed here"), mentee_id=ids["ana"])
        before = build_document()
        report = exchange.import_file(export)
        after = build_document()
        names = {m["name"] for m in after["mentees"]}
        assert names == {"Carmen Ruiz", "Ana renamed here", "Ben O’Neill"}
        assert report.skipped_mentees == ["Łucja Żmijewska"]
        assert any("Skipped 1 mentee" in line and "Łucja" in line for line in report.lines())
        unchanged = [m for m in before["mentees"]]
        assert all(m in after["mentees"] for m in unchanged), "existing mentees are not changed"
        assert Mentee.get_by_id(kept.id).name == "Carmen Ruiz"
        again = exchange.import_file(export)
        assert again.added == {} and sorted(again.skipped_mentees) == ["Ben O’Neill", "Łucja Żmijewska"]
        assert build_document()["mentees"] == after["mentees"]
        assert Question.select().where(Question.id == ids["question"]).count() == 1
    finally:
        close_data()


def test_minimal_document_takes_defaults(db: Path) -> None:
    """A document with only the required keys imports, missing optional keys taking their defaults."""
    mentee_id = str(uuid.uuid4())
    report = import_document({"format": "mentordesk", "version": 1,
                              "mentees": [{"id": mentee_id, "name": "Minimal Person"}]})
    assert report.added["mentees"] == 1
    mentee = build_document()["mentees"][0]
    assert (mentee["status"], mentee["match"]["origin"], mentee["sessions"], mentee["closure"]) == (
        "active", "mentee_invited", [], None)


def test_one_mentee_record(db: Path, tmp_path: Path) -> None:
    """export --mentee holds that mentee and the ratings they gave, and nobody else."""
    ids = build_rich_data()
    from mentordesk.services.erasure import export_mentee

    document = export_mentee(ids["ana"], tmp_path / "ana.json")
    assert [m["id"] for m in document["mentees"]] == [ids["ana"]]
    assert [a["mentee_id"] for a in document["assessments"]] == [ids["ana"]]
    assert document["questions"] == [] and document["settings"] == {}
    assert load(tmp_path / "ana.json")["mentees"][0]["name"] == "Łucja Żmijewska"


@pytest.mark.slow
def test_benchmark_data_set_round_trips(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The benchmark's whole career (300 mentees, 30,000 sessions, 60,000 actions) exports and imports back."""
    import time

    from mentordesk.services.sample_data import generate

    open_data_dir(tmp_path / "big")
    try:
        generate(mentees=300, sessions=30000, actions=60000, years=25, longest=200)
        start = time.perf_counter()
        first = exchange.export_to_file(tmp_path / "big.json")
        exported = time.perf_counter() - start
    finally:
        close_data()
    open_data_dir(tmp_path / "copy")
    try:
        start = time.perf_counter()
        report = exchange.import_file(first)
        imported = time.perf_counter() - start
        second = exchange.export_to_file(tmp_path / "copy.json")
    finally:
        close_data()
    assert (report.added["mentees"], report.added["sessions"], report.added["actions"]) == (300, 30000, 60000)
    assert load(second) == load(first)
    with capsys.disabled():
        print(f"\nexport {exported:.1f} s, import {imported:.1f} s, {first.stat().st_size / 1e6:.0f} MB")


# ---------------------------------------------------------------- random data sets

ANY_TEXT = st.text(max_size=40) | st.text(max_size=400, alphabet=st.characters(codec="utf-8")) | st.just("")
LINE_TEXT = st.text(max_size=60)
NAME = st.text(min_size=1, max_size=60).filter(lambda s: s.strip() != "")
SIGNAL = st.text(min_size=1, max_size=20).filter(lambda s: s.strip() != "" and s.splitlines() == [s])
DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))
OPT_DAY = st.none() | DAYS
MOMENTS = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2040, 1, 1)).map(
    lambda d: d.replace(microsecond=0))
IDS = st.uuids(version=4).map(str)


def _day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _stamp(value: datetime) -> str:
    return value.isoformat(timespec="seconds") + "Z"


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """A random but valid exchange document (ids drawn unique)."""
    used: set[str] = set()

    def new_id() -> str:
        value = draw(IDS.filter(lambda v: v not in used))
        used.add(value)
        return value

    def session() -> dict[str, Any]:
        held = draw(MOMENTS)
        return {
            "id": new_id(), "held_on": held.isoformat(timespec="minutes" if not held.second else "seconds"),
            "duration_min": draw(st.none() | st.integers(1, 1440)),
            "format": draw(st.sampled_from(["in_person", "video", "phone", "mixed"])),
            "agenda": draw(ANY_TEXT), "agenda_by": draw(st.sampled_from(["mentee", "mentor", "shared"])),
            "listening": draw(ANY_TEXT), "questions": draw(ANY_TEXT), "encouragement": draw(ANY_TEXT),
            "challenge": draw(ANY_TEXT),
            "wellbeing": {"score": draw(st.none() | st.integers(1, 5)),
                          "signals": draw(st.lists(SIGNAL, max_size=3)), "note": draw(ANY_TEXT)},
            "private_remarks": draw(ANY_TEXT), "next_on": _day(draw(OPT_DAY)),
            "created_at": _stamp(draw(MOMENTS)), "updated_at": _stamp(draw(MOMENTS)),
            "actions": [{"id": new_id(), "text": draw(NAME), "owner": draw(st.sampled_from(["mentee", "mentor"])),
                         "due_on": _day(draw(OPT_DAY)), "done_on": _day(draw(OPT_DAY)), "position": n}
                        for n in range(draw(st.integers(0, 3)))],
        }

    def mentee() -> dict[str, Any]:
        sessions = [session() for _ in range(draw(st.integers(0, 3)))]
        agreements = [{"id": new_id(), "relationship_kind": draw(LINE_TEXT),
                       "meeting_format": draw(st.sampled_from(["in_person", "video"])),
                       "cadence_days": draw(st.none() | st.integers(1, 366)),
                       "agenda_owner": "shared", "confidentiality": draw(ANY_TEXT),
                       "review_on": _day(draw(OPT_DAY)), "agreed_on": _day(draw(OPT_DAY)),
                       "created_at": _stamp(draw(MOMENTS))} for _ in range(draw(st.integers(0, 2)))]
        closed = draw(st.booleans())
        return {
            "id": new_id(), "name": draw(NAME), "role": draw(LINE_TEXT), "specialty": draw(LINE_TEXT),
            "organisation": draw(LINE_TEXT), "email": draw(LINE_TEXT), "started_post_on": _day(draw(OPT_DAY)),
            "new_in_post": draw(st.booleans()),
            "status": "closed" if closed else draw(st.sampled_from(["prospective", "active", "paused"])),
            "tags": sorted(set(draw(st.lists(NAME, max_size=3)))), "notes": draw(ANY_TEXT),
            "strengths": draw(ANY_TEXT), "aspirations": draw(ANY_TEXT),
            "match": {"origin": draw(st.sampled_from(["programme", "other"])), "shared_interests": draw(ANY_TEXT),
                      "proximity": "", "aligned_values": draw(ANY_TEXT)},
            "agreement": agreements[-1] if agreements else None, "agreement_history": agreements[:-1],
            "closure": {"closed_on": _day(draw(DAYS)), "reason": "mutual", "reflection": draw(ANY_TEXT)}
            if closed else None,
            "status_history": [{"from": None, "to": "active", "on": _day(draw(DAYS)), "reason": None,
                                "note": draw(ANY_TEXT), "created_at": _stamp(draw(MOMENTS))}],
            "goals": [{"id": new_id(), "title": draw(NAME), "detail": draw(ANY_TEXT), "target_on": _day(draw(OPT_DAY)),
                       "status": draw(st.sampled_from(["open", "achieved", "dropped"])), "position": n,
                       "created_at": _stamp(draw(MOMENTS)),
                       "progress": [{"on": _day(draw(DAYS)), "percent": draw(st.integers(0, 100)),
                                     "note": draw(ANY_TEXT)} for _ in range(draw(st.integers(0, 2)))]}
                      for n in range(draw(st.integers(0, 2)))],
            "sessions": sessions,
            "milestones": [{"id": new_id(), "day": draw(st.integers(0, 365)), "prompt": draw(NAME),
                            "done_on": _day(draw(OPT_DAY)), "note": draw(ANY_TEXT), "position": n}
                           for n in range(draw(st.integers(0, 2)))],
            "referrals": [{"id": new_id(), "on": _day(draw(DAYS)),
                           "session_id": draw(st.sampled_from([None, *[s["id"] for s in sessions]])),
                           "note": draw(ANY_TEXT), "created_at": _stamp(draw(MOMENTS))}
                          for _ in range(draw(st.integers(0, 2)))],
            "created_at": _stamp(draw(MOMENTS)), "updated_at": _stamp(draw(MOMENTS)),
        }

    mentees = [mentee() for _ in range(draw(st.integers(0, 3)))]
    framework = get_framework("mentoring-competencies")
    items = [i.key for i in framework.items]
    domains = [d.key for d in framework.domains]
    assessments = []
    for _ in range(draw(st.integers(0, 2))):
        by_mentee = bool(mentees) and draw(st.booleans())
        assessments.append({
            "id": new_id(), "framework": framework.key, "framework_version": framework.version,
            "taken_on": _day(draw(DAYS)), "rater": "mentee" if by_mentee else "self",
            "mentee_id": mentees[0]["id"] if by_mentee else None, "rater_label": "",
            "answers": {k: draw(st.none() | st.integers(1, 7)) for k in draw(st.lists(st.sampled_from(items),
                                                                                    max_size=5, unique=True))},
            "reflection": draw(ANY_TEXT),
            "domain_reflections": {k: draw(NAME) for k in draw(st.lists(st.sampled_from(domains), max_size=2,
                                                                        unique=True))},
            "development_notes": {k: draw(NAME) for k in draw(st.lists(st.sampled_from(domains), max_size=2,
                                                                       unique=True))},
            "completed_at": draw(st.none() | MOMENTS.map(_stamp)), "created_at": _stamp(draw(MOMENTS)),
            "updated_at": _stamp(draw(MOMENTS)),
        })
    return {
        "format": "mentordesk", "version": 1, "exported_at": "2026-01-01T00:00:00Z",
        "mentor": draw(st.none() | st.fixed_dictionaries({"name": LINE_TEXT, "role": LINE_TEXT,
                                                          "organisation": LINE_TEXT, "email": LINE_TEXT,
                                                          "updated_at": MOMENTS.map(_stamp)})),
        "mentees": mentees, "assessments": assessments,
        "questions": [{"id": new_id(), "text": draw(NAME), "move": "challenge",
                       "topic": draw(st.sampled_from(["", "general"])), "builtin": False}
                      for _ in range(draw(st.integers(0, 2)))],
        "tags": sorted(set(draw(st.lists(NAME, max_size=2)))),
        "support_contacts": [{"name": draw(NAME), "detail": draw(ANY_TEXT), "position": n}
                             for n in range(draw(st.integers(0, 2)))],
        "settings": draw(st.dictionaries(st.text(alphabet=string.ascii_lowercase + "_", min_size=1, max_size=12),
                                         st.integers() | st.text(max_size=20) | st.lists(st.text(max_size=8)),
                                         max_size=3)),
        "frameworks": [],
        "development_plan": [{"id": new_id(), "framework": framework.key, "domain_key": draw(st.sampled_from(domains)),
                              "text": draw(NAME), "target_on": _day(draw(OPT_DAY)), "done_on": None,
                              "created_at": _stamp(draw(MOMENTS))} for _ in range(draw(st.integers(0, 2)))],
        "journal": [],
    }


@settings(settings.get_profile(PROFILE))
@given(document=documents())
def test_random_data_sets_round_trip(tmp_path_factory: pytest.TempPathFactory, document: dict[str, Any]) -> None:
    """Any valid data set (any Unicode, empty and long fields, none or several records) survives
    export → import into an empty file → export unchanged."""
    folder = tmp_path_factory.getbasetemp() / "hypothesis-exchange"
    open_data_dir(folder)
    try:
        wipe()
        import_document(document)
        first = build_document()
        wipe()
        import_document(first)
        second = build_document()
    finally:
        close_data()
    first.pop("exported_at")
    second.pop("exported_at")
    assert second == first
    # And nothing was lost on the way in: every text of the random document is there.
    mentees = {m["id"]: m for m in first["mentees"]}
    assert set(mentees) == {m["id"] for m in document["mentees"]}
    for original in document["mentees"]:
        stored = mentees[original["id"]]
        assert (stored["name"], stored["notes"], stored["tags"]) == (original["name"], original["notes"],
                                                                     original["tags"])
        by_id = {s["id"]: s for s in stored["sessions"]}
        assert by_id.keys() == {s["id"] for s in original["sessions"]}
        for session in original["sessions"]:
            assert by_id[session["id"]] == session
    assert first["settings"] == document["settings"]
    assert {a["id"]: a for a in first["assessments"]} == {a["id"]: a for a in document["assessments"]}
