"""Undoing the newest change of a mentee's status (services/status_undo.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.db.models import Mentee
from mentordesk.services import mentees, relationships
from mentordesk.services.errors import TransitionError
from mentordesk.services.status_undo import restore_status


def _mentee(status: str = "active") -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name="Zofia Łukasiewicz"), status=status).id)


def _history(mentee_id: str) -> list[tuple[str | None, str]]:
    return [(h.from_status, h.to_status) for h in relationships.status_history(mentee_id)]


def test_undo_pause_puts_the_mentee_back_and_drops_the_change(db: Path) -> None:
    """Undoing a pause makes the mentee active again and leaves no trace in the history."""
    mentee_id = _mentee("active")
    mentees.set_status(mentee_id, "paused")
    restore_status(mentee_id, "active")
    assert Mentee.get_by_id(mentee_id).status == "active"
    assert _history(mentee_id) == [(None, "active")]


def test_undo_closure_clears_the_closure_details(db: Path, fixed_clock: object) -> None:
    """Undoing a closure reopens without keeping the closing date, reason or reflection."""
    mentee_id = _mentee("paused")
    relationships.close_relationship(mentee_id, reason="mutual", reflection="Wir sind fertig 完")
    restore_status(mentee_id, "paused")
    mentee = Mentee.get_by_id(mentee_id)
    assert (mentee.status, mentee.closed_on, mentee.closure_reason, mentee.closure_reflection) == (
        "paused", None, None, "")
    assert _history(mentee_id) == [(None, "paused")]


def test_undo_reopen_brings_the_closure_back(db: Path, fixed_clock: object) -> None:
    """Undoing a reopen restores the earlier closure's date, reason and reflection."""
    mentee_id = _mentee("active")
    relationships.close_relationship(mentee_id, reason="goals_realised", reflection="Done well",
                                     on=date(2026, 4, 5))
    relationships.reopen_relationship(mentee_id)
    restore_status(mentee_id, "closed")
    mentee = Mentee.get_by_id(mentee_id)
    assert (mentee.status, mentee.closed_on, mentee.closure_reason, mentee.closure_reflection) == (
        "closed", date(2026, 4, 5), "goals_realised", "Done well")
    assert _history(mentee_id) == [(None, "active"), ("active", "closed")]


def test_undo_refuses_when_the_status_changed_since(db: Path) -> None:
    """Only the newest change, from the expected status, can be undone; otherwise nothing changes."""
    mentee_id = _mentee("active")
    mentees.set_status(mentee_id, "paused")
    mentees.set_status(mentee_id, "active")
    with pytest.raises(TransitionError, match="changed again"):
        restore_status(mentee_id, "prospective")  # the newest change came from "paused"
    with pytest.raises(TransitionError):
        restore_status(_mentee("active"), "prospective")  # the first status cannot be undone
    assert _history(mentee_id) == [(None, "active"), ("active", "paused"), ("paused", "active")]
