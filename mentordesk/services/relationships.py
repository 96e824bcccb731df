"""The shape of a relationship: its agreement (kept in versions) and its closure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peewee import SQL

from mentordesk.db.base import transaction, utc_now
from mentordesk.db.models import (
    AGENDA_OWNERS,
    CLOSURE_REASONS,
    MEETING_FORMATS,
    Agreement,
    Mentee,
    StatusChange,
)
from mentordesk.services import clock
from mentordesk.services.errors import TransitionError, ValidationError
from mentordesk.services.mentees import get_mentee, reindex_mentee, set_status
from mentordesk.services.validation import clean_choice, clean_text

CLOSURE_LABELS = {
    "goals_realised": "Goals realised",
    "circumstances_changed": "Circumstances changed",
    "mutual": "Mutual decision",
    "other": "Other",
}
FORMAT_LABELS = {"in_person": "In person", "video": "Video", "phone": "Phone", "mixed": "Mixed"}
AGENDA_LABELS = {"mentee": "Mentee", "mentor": "Mentor", "shared": "Shared"}


@dataclass(frozen=True)
class AgreementData:
    relationship_kind: str = ""
    meeting_format: str = "in_person"
    cadence_days: int | None = 28
    agenda_owner: str = "mentee"
    confidentiality: str = ""
    agreed_on: date | None = None
    review_on: date | None = None


def _clean_agreement(data: AgreementData) -> AgreementData:
    if data.cadence_days is not None and not 0 <= data.cadence_days <= 366:
        raise ValidationError("Meet every 0 to 366 days (0 or empty: no set cadence).")
    if data.agreed_on and data.review_on and data.review_on < data.agreed_on:
        raise ValidationError("The review date cannot be before the date the agreement was made.")
    return AgreementData(
        relationship_kind=clean_text(data.relationship_kind, "Kind of relationship", max_length=200),
        meeting_format=clean_choice(data.meeting_format, "Meeting format", MEETING_FORMATS),
        cadence_days=data.cadence_days or None,
        agenda_owner=clean_choice(data.agenda_owner, "Who brings the agenda", AGENDA_OWNERS),
        confidentiality=clean_text(data.confidentiality, "Confidentiality", multiline=True),
        agreed_on=data.agreed_on, review_on=data.review_on,
    )


def save_agreement(mentee_id: str, data: AgreementData) -> Agreement:
    """Record the agreement as it now stands; earlier versions are kept."""
    data = _clean_agreement(data)
    with transaction():
        mentee = get_mentee(mentee_id)
        current = current_agreement(mentee_id)
        if current is not None and agreement_data(current) == data:
            return current
        return Agreement.create(mentee=mentee, **data.__dict__)


# Versions are told apart by insertion order (rowid): two saves can share a timestamp.
_NEWEST_FIRST = SQL("rowid DESC")


def current_agreement(mentee_id: str) -> Agreement | None:
    return Agreement.select().where(Agreement.mentee == mentee_id).order_by(_NEWEST_FIRST).first()


def agreement_history(mentee_id: str) -> list[Agreement]:
    """Every version, newest first."""
    return list(Agreement.select().where(Agreement.mentee == mentee_id).order_by(_NEWEST_FIRST))


def agreement_data(row: Agreement) -> AgreementData:
    return AgreementData(row.relationship_kind, row.meeting_format, row.cadence_days, row.agenda_owner,
                         row.confidentiality, row.agreed_on, row.review_on)


def agreement_line(row: Agreement | None) -> str:
    """The agreement in one line: kind, cadence, who brings the agenda."""
    if row is None:
        return "No agreement recorded yet."
    parts = [row.relationship_kind or "Kind not set"]
    parts.append(f"every {row.cadence_days} days" if row.cadence_days else "no set cadence")
    parts.append(FORMAT_LABELS.get(row.meeting_format, row.meeting_format).lower())
    parts.append(f"agenda: {AGENDA_LABELS.get(row.agenda_owner, row.agenda_owner).lower()}")
    return " · ".join(parts)


def close_relationship(mentee_id: str, *, reason: str, reflection: str = "",
                       on: date | None = None) -> Mentee:
    """End the relationship with a date, a reason and a closing reflection."""
    clean_choice(reason, "Reason for closing", CLOSURE_REASONS)
    reflection = clean_text(reflection, "Closing reflection", multiline=True)
    when = on or clock.today()
    with transaction():
        mentee = get_mentee(mentee_id)
        if mentee.status == "closed":
            raise TransitionError(f"The relationship with {mentee.name} is already closed.")
        set_status(mentee_id, "closed", on=when, note=reflection)
        newest = (StatusChange.select(StatusChange.id).where(StatusChange.mentee == mentee_id)
                  .order_by(StatusChange.id.desc()).limit(1))
        StatusChange.update(reason=reason).where(StatusChange.id.in_(newest)).execute()
        mentee = get_mentee(mentee_id)
        mentee.closure_reason, mentee.closure_reflection = reason, reflection
        mentee.updated_at = utc_now()
        mentee.save()
        reindex_mentee(mentee)
    return mentee


def reopen_relationship(mentee_id: str, *, on: date | None = None, note: str = "") -> Mentee:
    """Make a closed relationship active again; the closure stays in the status history."""
    mentee = get_mentee(mentee_id)
    if mentee.status != "closed":
        raise TransitionError(f"The relationship with {mentee.name} is not closed.")
    return set_status(mentee_id, "active", on=on, note=note)


def status_history(mentee_id: str) -> list[StatusChange]:
    """Every change of status, oldest first."""
    return list(StatusChange.select().where(StatusChange.mentee == mentee_id)
                .order_by(StatusChange.changed_on, StatusChange.id))
