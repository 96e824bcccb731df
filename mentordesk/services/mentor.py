"""The mentor's own profile: the name, role and organisation on every report."""

from __future__ import annotations

from dataclasses import dataclass

from mentordesk.db.base import transaction, utc_now
from mentordesk.db.models import Mentor
from mentordesk.services.validation import clean_email, clean_text


@dataclass(frozen=True)
class MentorProfile:
    name: str = ""
    role: str = ""
    organisation: str = ""
    email: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.name.strip()


def get_profile() -> MentorProfile:
    row = Mentor.select().order_by(Mentor.id).first()
    if row is None:
        return MentorProfile()
    return MentorProfile(row.name, row.role, row.organisation, row.email)


def save_profile(profile: MentorProfile) -> MentorProfile:
    cleaned = MentorProfile(
        name=clean_text(profile.name, "Your name", max_length=200),
        role=clean_text(profile.role, "Your role", max_length=200),
        organisation=clean_text(profile.organisation, "Your organisation", max_length=200),
        email=clean_email(profile.email),
    )
    with transaction():
        row = Mentor.select().order_by(Mentor.id).first() or Mentor()
        row.name, row.role = cleaned.name, cleaned.role
        row.organisation, row.email = cleaned.organisation, cleaned.email
        row.updated_at = utc_now()
        row.save()
    return cleaned
