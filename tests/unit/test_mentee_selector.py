"""The one mentee selector: full name, unique prefix (case and accents ignored), later word, id."""

from __future__ import annotations

import pytest

from mentordesk.db.models import Mentee
from mentordesk.services.errors import AmbiguousError, NotFoundError
from mentordesk.services.mentees import MenteeData, create_mentee, find_mentee

pytestmark = pytest.mark.usefixtures("db")

NAMES = ["Łódź Test", "Nguyễn Thị Phương Thảo", "Chen Jing", "Chen Li", "María José Fernández",
         "Ελένη Παπαδοπούλου", "陈静", "Ann Lee", "Ann Lee-Smith"]


@pytest.fixture
def roster() -> dict[str, Mentee]:
    return {name: create_mentee(MenteeData(name=name)) for name in NAMES}


@pytest.mark.parametrize(
    ("selector", "expected"),
    [
        ("Łódź Test", "Łódź Test"),
        ("lodz", "Łódź Test"),
        ("ŁÓDŹ t", "Łódź Test"),
        ("nguyen", "Nguyễn Thị Phương Thảo"),
        ("NGUYEN THI phuong", "Nguyễn Thị Phương Thảo"),
        ("  maria   jose ", "María José Fernández"),
        ("fernan", "María José Fernández"),
        ("ελενη", "Ελένη Παπαδοπούλου"),
        ("παπα", "Ελένη Παπαδοπούλου"),
        ("陈", "陈静"),
        ("Chen Li", "Chen Li"),
        ("Ann Lee", "Ann Lee"),
    ],
)
def test_finds_the_one_mentee(roster: dict[str, Mentee], selector: str, expected: str) -> None:
    """A full name, a unique prefix or a later-word prefix finds the mentee, ignoring case and accents."""
    assert find_mentee(selector).id == roster[expected].id


def test_finds_by_id_and_id_prefix(roster: dict[str, Mentee]) -> None:
    """The full id and a long enough id prefix both select the mentee."""
    mentee = roster["Chen Li"]
    assert find_mentee(mentee.id).id == mentee.id
    assert find_mentee(mentee.id[:8]).id == mentee.id


def test_ambiguous_prefix_lists_the_matches(roster: dict[str, Mentee]) -> None:
    """A prefix shared by several mentees is an AmbiguousError naming each of them."""
    with pytest.raises(AmbiguousError) as caught:
        find_mentee("chen")
    error = caught.value
    assert len(error.matches) == 2
    assert "Chen Jing" in str(error) and "Chen Li" in str(error)
    assert roster["Chen Jing"].id[:8] in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("selector", ["nobody", "zzz", "", "   ", "Chen Lin"])
def test_unknown_is_not_found(roster: dict[str, Mentee], selector: str) -> None:
    """A selector that matches no one raises NotFoundError."""
    with pytest.raises(NotFoundError):
        find_mentee(selector)
