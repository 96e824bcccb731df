"""The referral log: when a mentor offered a mentee a referral or a signpost.

Mentoring is not counselling. When a wellbeing check is low, the session editor
reminds the mentor of that and of their support contacts, and lets them note that
they offered a referral or signpost. The log is private by default: its notes are
indexed for search as private text and never printed unless the mentor asks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from mentordesk.db import search
from mentordesk.db.base import new_id, transaction
from mentordesk.db.models import Mentee, Referral, Session
from mentordesk.services import clock
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.validation import clean_text

SEARCH_KIND = "referral"
MAX_NOTE_LENGTH = 4000
# A wellbeing check at or below this score, or this many signals, calls for the boundary prompt.
LOW_WELLBEING_SCORE = 2
MANY_SIGNALS = 3


@dataclass(frozen=True)
class ReferralRecord:
    id: str
    mentee_id: str
    session_id: str | None
    on: date
    note: str


def needs_boundary_prompt(score: int | None, signals: Iterable[str]) -> bool:
    """A low wellbeing score or several signals: time to remember the limits of the role."""
    ticked = {s.strip() for s in signals if s.strip()}
    return (score is not None and score <= LOW_WELLBEING_SCORE) or len(ticked) >= MANY_SIGNALS


def _record(row: Referral) -> ReferralRecord:
    return ReferralRecord(id=row.id, mentee_id=row.mentee_id, session_id=row.session_id,
                          on=row.on, note=row.note)


def add_referral(mentee_id: str, session_id: str | None, on: date | None, note: str) -> ReferralRecord:
    """Log that a referral or signpost was offered (``on`` defaults to today)."""
    note = clean_text(note, "The referral note", multiline=True, max_length=MAX_NOTE_LENGTH)
    when = on or clock.today()
    if not isinstance(when, date):
        raise ValidationError("The date of a referral must be a date.")
    with transaction():
        if Mentee.get_or_none(Mentee.id == mentee_id) is None:
            raise NotFoundError("That mentee no longer exists.")
        if session_id is not None:
            session = Session.get_or_none(Session.id == session_id)
            if session is None:
                raise NotFoundError("That session no longer exists.")
            if session.mentee_id != mentee_id:
                raise ValidationError("That session belongs to another mentee.")
        row = Referral.create(id=new_id(), mentee=mentee_id, session=session_id, on=when, note=note)
        search.insert_rows(referral_rows(row))
    return _record(row)


def referral_rows(row: Referral) -> list[search.Row]:
    """The search rows of one referral: private, like the whole log."""
    return search.rows_for(SEARCH_KIND, row.id, row.mentee_id, row.on, {"note": row.note},
                           private_fields=("note",))


def list_referrals(mentee_id: str, *, session_id: str | None = None) -> list[ReferralRecord]:
    """A mentee's referral log, newest first (only one session's, when given)."""
    query = Referral.select().where(Referral.mentee == mentee_id)
    if session_id is not None:
        query = query.where(Referral.session == session_id)
    return [_record(r) for r in query.order_by(Referral.on.desc(), Referral.created_at.desc())]


def delete_referral(referral_id: str) -> None:
    with transaction():
        deleted = Referral.delete().where(Referral.id == referral_id).execute()
        if not deleted:
            raise NotFoundError("That referral is no longer in the log.")
        search.drop_record(SEARCH_KIND, referral_id)
