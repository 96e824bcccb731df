"""The referral log and the mentor's support contacts: storing, order, privacy, the boundary rule."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from mentordesk.db.models import Referral, Session, SupportContact
from mentordesk.services import mentees, referrals, sessions, support_contacts
from mentordesk.services import search as search_service
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.support_contacts import ContactData


@pytest.fixture
def mentee_id(db: Path) -> str:
    return str(mentees.create_mentee(mentees.MenteeData(name="Łucja Wróblewska")).id)


def _session_id(mentee_id: str) -> str:
    data = sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 3, 2, 17, 30),
                                wellbeing_score=2, listening="Tired after nights.")
    session_id = sessions.save_session(data)
    assert session_id is not None
    return session_id


def _hit_ids(text: str, *, include_private: bool) -> set[str]:
    return {h.record_id for h in search_service.search(text, include_private=include_private)}


def test_referral_is_logged_per_mentee_and_session(mentee_id: str) -> None:
    """A signpost offered in a session is kept with its date, note, mentee and session."""
    session_id = _session_id(mentee_id)
    record = referrals.add_referral(mentee_id, session_id, date(2026, 3, 2), "  Occupational health self-referral ")
    row = Referral.get_by_id(record.id)
    assert (row.mentee_id, row.session_id, row.on, row.note) == (
        mentee_id, session_id, date(2026, 3, 2), "Occupational health self-referral")
    assert referrals.list_referrals(mentee_id) == [record]
    assert referrals.list_referrals(mentee_id, session_id=session_id) == [record]


def test_referrals_listed_newest_first(mentee_id: str) -> None:
    """The log reads newest first, whatever order it was written in."""
    older = referrals.add_referral(mentee_id, None, date(2026, 1, 5), "GP")
    newer = referrals.add_referral(mentee_id, None, date(2026, 2, 9), "Wellbeing hub")
    assert [r.id for r in referrals.list_referrals(mentee_id)] == [newer.id, older.id]


def test_referral_date_defaults_to_today(mentee_id: str, fixed_clock: datetime) -> None:
    """Without a date the referral is logged on the mentor's today."""
    assert referrals.add_referral(mentee_id, None, None, "").on == fixed_clock.date()


def test_referral_note_is_private_in_search(mentee_id: str) -> None:
    """A referral note is found only when private text is included, accents folded."""
    record = referrals.add_referral(mentee_id, _session_id(mentee_id), date(2026, 3, 2),
                                    "Signposted to the Łódź staff wellbeing service 医生")
    assert record.id not in _hit_ids("lodz wellbeing", include_private=False)
    assert record.id in _hit_ids("lodz wellbeing", include_private=True)
    assert record.id in _hit_ids("医生", include_private=True)
    hits = [h for h in search_service.search("lodz", include_private=True) if h.record_id == record.id]
    assert hits[0].private and hits[0].kind == "referral"


def test_deleted_referral_leaves_search(mentee_id: str) -> None:
    """Deleting a referral removes it from the log and from the index; a second delete is an error."""
    record = referrals.add_referral(mentee_id, None, date(2026, 3, 2), "Chaplaincy")
    referrals.delete_referral(record.id)
    assert referrals.list_referrals(mentee_id) == []
    assert record.id not in _hit_ids("chaplaincy", include_private=True)
    with pytest.raises(NotFoundError):
        referrals.delete_referral(record.id)


def test_referral_refuses_unknown_or_foreign_records(mentee_id: str) -> None:
    """A referral needs an existing mentee, and a session of that same mentee."""
    other = str(mentees.create_mentee(mentees.MenteeData(name="王秀英")).id)
    with pytest.raises(NotFoundError):
        referrals.add_referral("no-such-mentee", None, None, "GP")
    with pytest.raises(NotFoundError):
        referrals.add_referral(mentee_id, "no-such-session", None, "GP")
    with pytest.raises(ValidationError):
        referrals.add_referral(other, _session_id(mentee_id), None, "GP")
    assert Referral.select().count() == 0


def test_referral_survives_its_session(mentee_id: str) -> None:
    """Deleting the session keeps the referral in the mentee's log, detached from it."""
    session_id = _session_id(mentee_id)
    record = referrals.add_referral(mentee_id, session_id, None, "GP")
    sessions.delete_session(session_id)
    assert Session.select().count() == 0
    assert [(r.id, r.session_id) for r in referrals.list_referrals(mentee_id)] == [(record.id, None)]


@pytest.mark.parametrize(("score", "signals", "expected"), [
    (None, (), False), (3, ("exhaustion", "workload"), False), (2, (), True), (1, (), True),
    (5, ("exhaustion", "workload", "isolation"), True), (None, ("exhaustion", "exhaustion", " "), False),
])
def test_boundary_prompt_rule(score: int | None, signals: tuple[str, ...], expected: bool) -> None:
    """The prompt shows for a score of 2 or less, or three different signals."""
    assert referrals.needs_boundary_prompt(score, signals) is expected


def test_support_contacts_keep_order_edits_and_removals(db: Path) -> None:
    """The list is stored in the mentor's order; edits keep ids, removals go, additions append."""
    first = support_contacts.add_contact("Occupational health", "ext. 4410")
    second = support_contacts.add_contact("Dr Nguyễn Thị Hương", "Staff wellbeing lead")
    assert [c.name for c in support_contacts.list_contacts()] == ["Occupational health", "Dr Nguyễn Thị Hương"]
    stored = support_contacts.save_contacts([
        ContactData("Dr Nguyễn Thị Hương", "Staff wellbeing lead, bleep 231", second.id),
        ContactData("Samaritans", "116 123"),
    ])
    assert [(c.name, c.detail) for c in stored] == [
        ("Dr Nguyễn Thị Hương", "Staff wellbeing lead, bleep 231"), ("Samaritans", "116 123")]
    assert stored[0].id == second.id
    assert SupportContact.get_or_none(SupportContact.id == first.id) is None
    assert support_contacts.list_contacts() == stored


def test_support_contacts_validate(db: Path) -> None:
    """A contact needs a name, and a failed save changes nothing."""
    support_contacts.add_contact("GP")
    with pytest.raises(ValidationError):
        support_contacts.save_contacts([ContactData("   ", "no name")])
    with pytest.raises(NotFoundError):
        support_contacts.save_contacts([ContactData("Ghost", "", 9999)])
    assert [c.name for c in support_contacts.list_contacts()] == ["GP"]
    contact = support_contacts.list_contacts()[0]
    assert contact.id is not None
    support_contacts.delete_contact(contact.id)
    assert support_contacts.list_contacts() == []
