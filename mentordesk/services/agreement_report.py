"""What the printable one-page agreement holds: the shared terms, never private notes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from mentordesk.services.mentees import get_mentee
from mentordesk.services.mentor import get_profile
from mentordesk.services.relationships import AGENDA_LABELS, FORMAT_LABELS, current_agreement

# Worded for a sheet both people read (the mentee dialog speaks from the mentor's side).
MATCH_ORIGIN_TEXT = {
    "mentee_invited": "The mentee invited the mentor",
    "mentor_invited": "The mentor invited the mentee",
    "programme": "Matched by a mentoring programme",
    "other": "Another way",
}


@dataclass(frozen=True)
class AgreementSheet:
    """The agreement as it is printed. Only terms both people agreed; no notes, no remarks."""

    mentee_name: str
    mentee_role: str
    mentor_name: str
    mentor_role: str
    has_agreement: bool
    relationship_kind: str = ""
    meeting_format: str = ""
    cadence_days: int | None = None
    agenda_owner: str = ""
    confidentiality: str = ""
    agreed_on: date | None = None
    review_on: date | None = None
    match_origin: str = ""
    shared_interests: str = ""
    proximity: str = ""
    aligned_values: str = ""


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def agreement_sheet(mentee_id: str) -> AgreementSheet:
    """The current agreement of a mentee with both names, ready for ``reports.agreement``."""
    mentee = get_mentee(mentee_id)
    mentor = get_profile()
    row = current_agreement(mentee_id)
    sheet = AgreementSheet(
        mentee_name=mentee.name,
        mentee_role=_joined(mentee.role, mentee.specialty, mentee.organisation),
        mentor_name=mentor.name,
        mentor_role=_joined(mentor.role, mentor.organisation),
        has_agreement=row is not None,
        match_origin=MATCH_ORIGIN_TEXT.get(mentee.match_origin, ""),
        shared_interests=mentee.shared_interests,
        proximity=mentee.proximity,
        aligned_values=mentee.aligned_values,
    )
    if row is None:
        return sheet
    return replace(
        sheet,
        relationship_kind=row.relationship_kind,
        meeting_format=FORMAT_LABELS.get(row.meeting_format, row.meeting_format),
        cadence_days=row.cadence_days,
        agenda_owner=AGENDA_LABELS.get(row.agenda_owner, row.agenda_owner),
        confidentiality=row.confidentiality,
        agreed_on=row.agreed_on,
        review_on=row.review_on,
    )
