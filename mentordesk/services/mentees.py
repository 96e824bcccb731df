"""Mentees: create, edit, list and find them, and move them through their statuses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime

from mentordesk.db import search
from mentordesk.db.base import transaction, utc_now
from mentordesk.db.models import (
    MATCH_ORIGINS,
    MENTEE_STATUSES,
    Mentee,
    MenteeTag,
    StatusChange,
    Tag,
)
from mentordesk.db.rows import rows_for_ids
from mentordesk.services.clock import today
from mentordesk.services.errors import (
    AmbiguousError,
    NotFoundError,
    TransitionError,
)
from mentordesk.services.folding import fold
from mentordesk.services.mentee_status import ALLOWED_TRANSITIONS, STATUS_LABELS
from mentordesk.services.validation import clean_choice, clean_email, clean_text


@dataclass(frozen=True)
class MenteeData:
    """The editable profile of a mentee, as the add/edit form and the importer give it."""

    name: str
    role: str = ""
    specialty: str = ""
    organisation: str = ""
    email: str = ""
    started_post_on: date | None = None
    new_in_post: bool = False
    notes: str = ""
    strengths: str = ""
    aspirations: str = ""
    match_origin: str = "mentee_invited"
    shared_interests: str = ""
    proximity: str = ""
    aligned_values: str = ""
    tags: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class MenteeRow:
    """One line of the roster."""

    id: str
    name: str
    role: str
    specialty: str
    organisation: str
    status: str
    tags: tuple[str, ...]
    last_met: datetime | None
    next_on: date | None
    open_actions: int
    cadence_days: int | None
    days_since_contact: int | None

    @property
    def overdue(self) -> bool:
        """Not seen for longer than the agreed cadence (only while the relationship is active)."""
        if self.status != "active" or not self.cadence_days:
            return False
        if self.days_since_contact is None:
            return False
        return self.days_since_contact > self.cadence_days


def _clean(data: MenteeData) -> MenteeData:
    tags = tuple(dict.fromkeys(t for t in (clean_text(t, "Tag", max_length=60) for t in data.tags) if t))
    return replace(
        data,
        name=clean_text(data.name, "Name", required=True, max_length=200),
        role=clean_text(data.role, "Role", max_length=200),
        specialty=clean_text(data.specialty, "Specialty", max_length=200),
        organisation=clean_text(data.organisation, "Organisation", max_length=200),
        email=clean_email(data.email),
        notes=clean_text(data.notes, "Notes", multiline=True),
        strengths=clean_text(data.strengths, "Strengths", multiline=True),
        aspirations=clean_text(data.aspirations, "Aspirations", multiline=True),
        match_origin=clean_choice(data.match_origin, "How the match began", MATCH_ORIGINS),
        shared_interests=clean_text(data.shared_interests, "Shared interests", multiline=True),
        proximity=clean_text(data.proximity, "Proximity", multiline=True),
        aligned_values=clean_text(data.aligned_values, "Aligned values", multiline=True),
        tags=tags,
    )


_PROFILE_FIELDS = [f.name for f in fields(MenteeData) if f.name != "tags"]
# What the mentor writes about a mentee that the full-text search finds.
SEARCHED_FIELDS = ("notes", "strengths", "aspirations", "closure_reflection")


def mentee_rows(mentee_id: str, created_at: datetime | str, texts: Mapping[str, str]) -> list[search.Row]:
    """The search rows of a mentee's own texts (``texts`` maps SEARCHED_FIELDS to their values)."""
    return search.rows_for("mentee", mentee_id, mentee_id, created_at,
                           {name: texts.get(name, "") for name in SEARCHED_FIELDS})


def reindex_mentee(mentee: Mentee) -> None:
    search.drop_record("mentee", mentee.id)
    search.insert_rows(mentee_rows(mentee.id, mentee.created_at,
                                   {name: getattr(mentee, name) for name in SEARCHED_FIELDS}))


def _set_tags(mentee: Mentee, tags: tuple[str, ...]) -> None:
    MenteeTag.delete().where(MenteeTag.mentee == mentee).execute()
    for name in tags:
        tag, _ = Tag.get_or_create(name=name)
        MenteeTag.create(mentee=mentee, tag=tag)


def create_mentee(data: MenteeData, *, status: str = "active", on: date | None = None,
                  mentee_id: str | None = None) -> Mentee:
    """Add a mentee; the first status is recorded as the start of their history."""
    data = _clean(data)
    clean_choice(status, "Status", MENTEE_STATUSES)
    with transaction():
        values = {name: getattr(data, name) for name in _PROFILE_FIELDS}
        if mentee_id:
            values["id"] = mentee_id
        mentee = Mentee.create(name_key=fold(data.name), status=status, **values)
        _set_tags(mentee, data.tags)
        reindex_mentee(mentee)
        StatusChange.create(mentee=mentee, from_status=None, to_status=status,
                            changed_on=on or today())
    return mentee


def update_mentee(mentee_id: str, data: MenteeData) -> Mentee:
    data = _clean(data)
    with transaction():
        mentee = get_mentee(mentee_id)
        for name in _PROFILE_FIELDS:
            setattr(mentee, name, getattr(data, name))
        mentee.name_key = fold(data.name)
        mentee.updated_at = utc_now()
        mentee.save()
        _set_tags(mentee, data.tags)
        reindex_mentee(mentee)
    return mentee


def get_mentee(mentee_id: str) -> Mentee:
    mentee = Mentee.get_or_none(Mentee.id == mentee_id)
    if mentee is None:
        raise NotFoundError("That mentee no longer exists.")
    return mentee


def mentee_data(mentee: Mentee) -> MenteeData:
    """The editable profile of a stored mentee (for the edit form)."""
    values = {name: getattr(mentee, name) for name in _PROFILE_FIELDS}
    return MenteeData(tags=tags_of(mentee.id), **values)


def tags_of(mentee_id: str) -> tuple[str, ...]:
    query = (Tag.select(Tag.name).join(MenteeTag).where(MenteeTag.mentee == mentee_id)
             .order_by(Tag.name))
    return tuple(t.name for t in query)


def all_tags() -> list[str]:
    return [t.name for t in Tag.select(Tag.name).order_by(Tag.name)]


def set_status(mentee_id: str, status: str, *, on: date | None = None, note: str = "") -> Mentee:
    """Move a mentee to ``status`` if the current one allows it, and date the change."""
    clean_choice(status, "Status", MENTEE_STATUSES)
    with transaction():
        mentee = get_mentee(mentee_id)
        current = mentee.status
        if status == current:
            raise TransitionError(f"{mentee.name} is already {STATUS_LABELS[status].lower()}.")
        if status not in ALLOWED_TRANSITIONS[current]:
            raise TransitionError(
                f"{mentee.name} is {STATUS_LABELS[current].lower()}; a relationship cannot go from "
                f"{STATUS_LABELS[current].lower()} to {STATUS_LABELS[status].lower()}."
            )
        when = on or today()
        StatusChange.create(mentee=mentee, from_status=current, to_status=status,
                            changed_on=when, note=clean_text(note, "Note", multiline=True))
        if status == "closed":
            mentee.closed_on = when
        elif current == "closed":
            # Reopened: the closure stays in the status history, not on the profile.
            mentee.closed_on, mentee.closure_reason, mentee.closure_reflection = None, None, ""
        mentee.status = status
        mentee.updated_at = utc_now()
        mentee.save()
        reindex_mentee(mentee)
    return mentee


def list_mentees(*, search: str = "", statuses: tuple[str, ...] | None = None,
                 include_closed: bool = False, tag: str | None = None) -> list[MenteeRow]:
    """The roster, sorted by name, with last contact, open actions and cadence."""
    # Only the roster's columns, as plain tuples: building full model objects was most of the cost.
    query = (Mentee.select(Mentee.id, Mentee.name, Mentee.role, Mentee.specialty, Mentee.organisation,
                           Mentee.status).order_by(Mentee.name_key).namedtuples())
    if statuses:
        query = query.where(Mentee.status.in_(statuses))
    elif not include_closed:
        query = query.where(Mentee.status != "closed")
    if search.strip():
        query = query.where(Mentee.name_key.contains(fold(search.strip())))
    if tag:
        query = query.where(Mentee.id.in_(
            MenteeTag.select(MenteeTag.mentee).join(Tag).where(Tag.name == tag)))
    mentees = list(query)
    ids = [m.id for m in mentees]
    if not ids:
        return []
    # The rest in plain SQL from indexes alone (db/rows.py): on hundreds of mentees, peewee's
    # building of the id lists cost more than the queries.
    last = {mentee_id: (datetime.fromisoformat(held_on), date.fromisoformat(next_on) if next_on else None)
            for mentee_id, held_on, next_on in rows_for_ids(
                "SELECT m.id, s.held_on, s.next_on FROM mentee m JOIN session s ON s.mentee_id = m.id"
                " AND s.held_on = (SELECT MAX(held_on) FROM session WHERE mentee_id = m.id)"
                " WHERE m.id IN ({marks})", ids)}
    open_actions = dict(rows_for_ids(
        "SELECT mentee_id, COUNT(*) FROM action_item INDEXED BY action_item_open"
        " WHERE done_on IS NULL AND mentee_id IN ({marks}) GROUP BY mentee_id", ids))
    cadence = dict(rows_for_ids(
        "SELECT mentee_id, cadence_days FROM agreement WHERE rowid IN ("
        " SELECT MAX(rowid) FROM agreement WHERE mentee_id IN ({marks}) GROUP BY mentee_id)", ids))
    tags: dict[str, list[str]] = {}
    for mentee_id, name in rows_for_ids(
            "SELECT mt.mentee_id, t.name FROM mentee_tag mt JOIN tag t ON t.id = mt.tag_id"
            " WHERE mt.mentee_id IN ({marks}) ORDER BY t.name", ids):
        tags.setdefault(mentee_id, []).append(name)
    now = today()
    rows = []
    for m in mentees:
        held_on, next_on = last.get(m.id, (None, None))
        since = (now - held_on.date()).days if held_on else None
        rows.append(MenteeRow(
            id=m.id, name=m.name, role=m.role, specialty=m.specialty,
            organisation=m.organisation, status=m.status, tags=tuple(tags.get(m.id, ())),
            last_met=held_on, next_on=next_on, open_actions=open_actions.get(m.id, 0),
            cadence_days=cadence.get(m.id), days_since_contact=since,
        ))
    return rows


def find_mentee(selector: str) -> Mentee:
    """The one mentee meant by a full name, a unique prefix, or an id.

    Case and accents do not matter ("lodz" finds "Łódź"). Nothing found is a
    NotFoundError; more than one match is an AmbiguousError listing them.
    """
    text = selector.strip()
    if not text:
        raise NotFoundError("No mentee given.")
    by_id = Mentee.get_or_none(Mentee.id == text)
    if by_id is not None:
        return by_id
    key = fold(" ".join(text.split()))
    exact = list(Mentee.select().where(Mentee.name_key == key))
    if len(exact) == 1:
        return exact[0]
    matches = exact or list(
        Mentee.select().where(Mentee.name_key.startswith(key)).order_by(Mentee.name_key)
    )
    if not matches:
        # A prefix of the family name or any later word is a fair way to ask, too.
        matches = [m for m in Mentee.select().where(Mentee.name_key.contains(" " + key))
                   if any(word.startswith(key) for word in m.name_key.split()[1:])]
    if not matches:
        by_id_prefix = list(Mentee.select().where(Mentee.id.startswith(text.lower())).limit(3))
        if len(by_id_prefix) == 1 and len(text) >= 6:
            return by_id_prefix[0]
        raise NotFoundError(f"No mentee matches “{text}”.")
    if len(matches) > 1:
        names = [f"{m.name} ({m.id[:8]})" for m in matches]
        raise AmbiguousError(f"“{text}” matches {len(matches)} mentees: " + "; ".join(names) + ".",
                             names)
    return matches[0]


def validate_mentee(data: MenteeData) -> MenteeData:
    """The cleaned profile, or the ValidationError that saving it would raise (for forms)."""
    return _clean(data)
