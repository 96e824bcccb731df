"""The mentor's own list of where to signpost a mentee: occupational health, a wellbeing
service, named people. Shown by the session editor when a wellbeing check is low.

The list is the mentor's, not a mentee's: it is not indexed for search.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mentordesk.db.base import transaction
from mentordesk.db.models import SupportContact
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.validation import clean_text

MAX_CONTACTS = 100


@dataclass(frozen=True)
class ContactData:
    name: str
    detail: str = ""
    id: int | None = None


def _clean(contact: ContactData) -> ContactData:
    return ContactData(
        name=clean_text(contact.name, "The name of a support contact", required=True, max_length=200),
        detail=clean_text(contact.detail, f"The detail of “{contact.name.strip()}”", multiline=True,
                          max_length=1000),
        id=contact.id,
    )


def list_contacts() -> list[ContactData]:
    """The contacts in the mentor's order."""
    query = SupportContact.select().order_by(SupportContact.position, SupportContact.id)
    return [ContactData(row.name, row.detail, row.id) for row in query]


def save_contacts(contacts: Sequence[ContactData]) -> list[ContactData]:
    """Make the stored list equal ``contacts``, in that order (one transaction).

    Contacts with an id are updated, those without are added, stored ones not in
    the list are removed. Returns the list as stored.
    """
    cleaned = [_clean(c) for c in contacts]
    if len(cleaned) > MAX_CONTACTS:
        raise ValidationError(f"Keep at most {MAX_CONTACTS} support contacts.")
    with transaction():
        stored = {row.id: row for row in SupportContact.select()}
        keep = {c.id for c in cleaned if c.id is not None}
        unknown = keep - set(stored)
        if unknown:
            raise NotFoundError("A support contact was removed meanwhile; open the list again.")
        for row_id, row in stored.items():
            if row_id not in keep:
                row.delete_instance()
        for position, contact in enumerate(cleaned):
            if contact.id is None:
                SupportContact.create(name=contact.name, detail=contact.detail, position=position)
            else:
                row = stored[contact.id]
                row.name, row.detail, row.position = contact.name, contact.detail, position
                row.save()
    return list_contacts()


def add_contact(name: str, detail: str = "") -> ContactData:
    """Add one contact at the end of the list."""
    contact = _clean(ContactData(name, detail))
    with transaction():
        last = SupportContact.select().order_by(SupportContact.position.desc()).first()
        row = SupportContact.create(name=contact.name, detail=contact.detail,
                                    position=(last.position + 1) if last else 0)
    return ContactData(row.name, row.detail, row.id)


def delete_contact(contact_id: int) -> None:
    with transaction():
        if not SupportContact.delete().where(SupportContact.id == contact_id).execute():
            raise NotFoundError("That support contact is no longer in the list.")
