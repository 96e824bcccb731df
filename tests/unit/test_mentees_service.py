"""The mentees and mentor-profile services: create, edit, list, statuses, validation."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.db.models import Mentee, StatusChange
from mentordesk.services.errors import NotFoundError, TransitionError, ValidationError
from mentordesk.services.mentees import (
    ALLOWED_TRANSITIONS,
    MenteeData,
    create_mentee,
    get_mentee,
    list_mentees,
    mentee_data,
    set_status,
    tags_of,
    update_mentee,
)
from mentordesk.services.mentor import MentorProfile, get_profile, save_profile

pytestmark = pytest.mark.usefixtures("db", "fixed_clock")


def _names(**filters: object) -> list[str]:
    return [row.name for row in list_mentees(**filters)]  # type: ignore[arg-type]


def test_create_and_read_back() -> None:
    """A new mentee keeps every profile field, its tags, and a first dated status change."""
    data = MenteeData(name="  Nguyễn Thị   Thảo ", role="Staff nurse", specialty="Acute medicine",
                      email="thao@example.org", started_post_on=date(2025, 9, 1), new_in_post=True,
                      tags=("nursing", "nursing", "first 100 days"))
    mentee = create_mentee(data, status="prospective")
    stored = get_mentee(mentee.id)
    assert stored.name == "Nguyễn Thị Thảo"
    assert stored.name_key == "nguyen thi thao"
    assert mentee_data(stored).tags == ("first 100 days", "nursing")
    assert stored.status == "prospective"
    history = list(StatusChange.select().where(StatusChange.mentee == mentee.id))
    assert [(h.from_status, h.to_status, h.changed_on) for h in history] == [(None, "prospective",
                                                                               date(2026, 3, 16))]


def test_edit_changes_profile_and_tags() -> None:
    """Editing replaces the profile, the folded name and the tag list."""
    mentee = create_mentee(MenteeData(name="Thomas Whitfield", tags=("wellbeing",)))
    update_mentee(mentee.id, MenteeData(name="Tom Whitfield", role="FY2", tags=("exam prep", "teaching")))
    stored = get_mentee(mentee.id)
    assert (stored.name, stored.name_key, stored.role) == ("Tom Whitfield", "tom whitfield", "FY2")
    assert tags_of(mentee.id) == ("exam prep", "teaching")


def test_edit_of_missing_mentee_is_not_found() -> None:
    """Editing a mentee that does not exist raises NotFoundError."""
    with pytest.raises(NotFoundError):
        update_mentee("no-such-id", MenteeData(name="Nobody"))


def test_list_search_filter_and_closed() -> None:
    """The roster sorts by name, searches accent-free, filters by tag and status, hides closed ones."""
    create_mentee(MenteeData(name="Łucja Żmijewska", tags=("research",)))
    create_mentee(MenteeData(name="Ana Núñez", tags=("exam prep",)))
    paused = create_mentee(MenteeData(name="Zeynep Yıldırım"))
    closed = create_mentee(MenteeData(name="João Gonçalves", tags=("research",)))
    set_status(paused.id, "paused")
    set_status(closed.id, "closed")

    assert _names() == ["Ana Núñez", "Łucja Żmijewska", "Zeynep Yıldırım"]
    assert _names(include_closed=True) == ["Ana Núñez", "João Gonçalves", "Łucja Żmijewska", "Zeynep Yıldırım"]
    assert _names(search="zmij") == ["Łucja Żmijewska"]
    assert _names(search="NUNEZ") == ["Ana Núñez"]
    assert _names(tag="research") == ["Łucja Żmijewska"]
    assert _names(tag="research", include_closed=True) == ["João Gonçalves", "Łucja Żmijewska"]
    assert _names(statuses=("paused",)) == ["Zeynep Yıldırım"]
    assert _names(statuses=("closed",)) == ["João Gonçalves"]


def test_allowed_transitions_are_recorded() -> None:
    """Each allowed status change updates the mentee and adds one dated history entry."""
    mentee = create_mentee(MenteeData(name="Priya Chaturvedi"), status="prospective")
    for step, target in enumerate(("active", "paused", "active", "closed", "active"), start=2):
        set_status(mentee.id, target, on=date(2026, 1, step), note=f"step {step}")
        assert get_mentee(mentee.id).status == target
        assert StatusChange.select().where(StatusChange.mentee == mentee.id).count() == step
    last = StatusChange.select().where(StatusChange.mentee == mentee.id).order_by(StatusChange.id.desc()).get()
    assert (last.from_status, last.to_status, last.changed_on) == ("closed", "active", date(2026, 1, 6))


REFUSED = [(start, target) for start in ALLOWED_TRANSITIONS for target in ALLOWED_TRANSITIONS
           if target not in ALLOWED_TRANSITIONS[start]]


@pytest.mark.parametrize(("start", "target"), REFUSED)
def test_refused_transition_changes_nothing(start: str, target: str) -> None:
    """A transition the current status does not allow raises TransitionError and leaves everything as it was."""
    mentee = create_mentee(MenteeData(name="Ifeoma Nwachukwu"), status=start)
    before = StatusChange.select().count()
    with pytest.raises(TransitionError):
        set_status(mentee.id, target)
    assert get_mentee(mentee.id).status == start
    assert StatusChange.select().count() == before


def test_unknown_status_is_a_validation_error() -> None:
    """A status outside the four known ones is refused before anything is written."""
    mentee = create_mentee(MenteeData(name="Ifeoma Nwachukwu"))
    with pytest.raises(ValidationError):
        set_status(mentee.id, "finished")
    with pytest.raises(ValidationError):
        create_mentee(MenteeData(name="Someone"), status="finished")
    assert Mentee.select().count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (MenteeData(name="   "), "Name is required"),
        (MenteeData(name="Ada", email="ada-at-example"), "e-mail"),
        (MenteeData(name="x" * 201), "too long"),
        (MenteeData(name="Ada", role="r" * 201), "too long"),
        (MenteeData(name="Ada", match_origin="luck"), "must be one of"),
    ],
    ids=["empty-name", "bad-email", "long-name", "long-role", "bad-origin"],
)
def test_invalid_input_is_refused(data: MenteeData, message: str) -> None:
    """Invalid profile input raises ValidationError with a readable message and stores nothing."""
    with pytest.raises(ValidationError, match=message):
        create_mentee(data)
    assert Mentee.select().count() == 0


def test_mentor_profile_round_trip() -> None:
    """The mentor's profile starts empty, is saved cleaned, and reads back the same."""
    assert get_profile().is_empty
    saved = save_profile(MentorProfile(name=" Dr Alex  Morgan ", role="Consultant", organisation="Riverside",
                                       email="alex@example.org"))
    assert saved.name == "Dr Alex Morgan"
    assert get_profile() == saved
    save_profile(MentorProfile(name="Dr Alex Morgan", role="Educational supervisor"))
    assert get_profile().role == "Educational supervisor"
    with pytest.raises(ValidationError):
        save_profile(MentorProfile(name="Alex", email="not an address"))


def test_list_is_empty_on_a_new_file(db: Path) -> None:
    """A new data file has an empty roster."""
    assert list_mentees(include_closed=True) == []
