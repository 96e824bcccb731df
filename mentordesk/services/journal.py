"""The reflection journal: the mentor's own dated entries about their mentoring."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache

from mentordesk.db import search
from mentordesk.db.base import transaction, utc_now
from mentordesk.db.journal_models import ReflectionEntry
from mentordesk.db.models import Mentee
from mentordesk.paths import resources_dir
from mentordesk.services import clock
from mentordesk.services.errors import MentorDeskError, NotFoundError, ValidationError
from mentordesk.services.validation import clean_text

TEXT_FIELDS = ("title", "what_happened", "so_what", "now_what")
SECTION_KEYS = ("what_happened", "so_what", "now_what")


@dataclass(frozen=True)
class EntryData:
    written_on: date
    title: str = ""
    what_happened: str = ""
    so_what: str = ""
    now_what: str = ""
    framework: str | None = None
    domain_key: str | None = None
    mentee_id: str | None = None  # a private link, never printed unless asked for


@dataclass(frozen=True)
class Entry(EntryData):
    id: str = ""
    mentee_name: str = ""


@dataclass(frozen=True)
class PromptSection:
    key: str
    title: str
    prompts: tuple[str, ...]


@cache
def prompt_sections() -> tuple[PromptSection, ...]:
    """The shipped prompts for what happened / so what / now what."""
    path = resources_dir() / "reflection" / "prompts.json"
    try:
        document = json.loads(path.read_text("utf-8"))
        sections = tuple(
            PromptSection(str(s["key"]), str(s["title"]), tuple(str(p) for p in s["prompts"]))
            for s in document["sections"]
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise MentorDeskError(f"The reflection prompts in {path} cannot be read: {exc}.") from exc
    keys = [s.key for s in sections]
    if document.get("format") != "mentordesk-reflection-prompts" or keys != list(SECTION_KEYS):
        raise MentorDeskError(f"The reflection prompts in {path} are not in the expected format.")
    if any(not s.prompts or not all(p.strip() for p in s.prompts) for s in sections):
        raise MentorDeskError(f"The reflection prompts in {path} have an empty prompt.")
    return sections


def _clean(data: EntryData) -> EntryData:
    texts = {name: clean_text(getattr(data, name), name.replace("_", " ").capitalize(),
                              multiline=name != "title", max_length=300 if name == "title" else 100_000)
             for name in TEXT_FIELDS}
    if not any(texts.values()):
        raise ValidationError("Write something in the entry before saving it.")
    if data.domain_key and not data.framework:
        raise ValidationError("A competency domain needs its framework.")
    if data.mentee_id and Mentee.get_or_none(Mentee.id == data.mentee_id) is None:
        raise NotFoundError("The mentee this entry is linked to no longer exists.")
    return EntryData(written_on=data.written_on, framework=data.framework or None,
                     domain_key=data.domain_key or None, mentee_id=data.mentee_id or None, **texts)


def entry_rows(row: ReflectionEntry) -> list[search.Row]:
    # The mentee link is private, so the index does not carry it.
    return search.rows_for("reflection", row.id, None, row.written_on,
                           {name: getattr(row, name) for name in TEXT_FIELDS})


def _index(row: ReflectionEntry) -> None:
    search.drop_record("reflection", row.id)
    search.insert_rows(entry_rows(row))


def save_entry(data: EntryData, entry_id: str | None = None) -> str:
    data = _clean(data)
    with transaction():
        if entry_id is None:
            row = ReflectionEntry.create(**data.__dict__)
        else:
            row = _get(entry_id)
            for name, value in data.__dict__.items():
                setattr(row, name, value)
            row.updated_at = utc_now()
            row.save()
        _index(row)
    return str(row.id)


def delete_entry(entry_id: str) -> None:
    with transaction():
        _get(entry_id).delete_instance()
        search.drop_record("reflection", entry_id)


def _get(entry_id: str) -> ReflectionEntry:
    row = ReflectionEntry.get_or_none(ReflectionEntry.id == entry_id)
    if row is None:
        raise NotFoundError("That journal entry no longer exists.")
    return row


def _entry(row: ReflectionEntry, names: dict[str, str]) -> Entry:
    return Entry(written_on=row.written_on, title=row.title, what_happened=row.what_happened,
                 so_what=row.so_what, now_what=row.now_what, framework=row.framework,
                 domain_key=row.domain_key, mentee_id=row.mentee_id, id=row.id,
                 mentee_name=names.get(row.mentee_id or "", ""))


def list_entries(*, start: date | None = None, end: date | None = None, domain_key: str | None = None,
                 framework: str | None = None) -> list[Entry]:
    """Entries newest first, optionally within a period or for one competency domain."""
    query = (ReflectionEntry.select()
             .order_by(ReflectionEntry.written_on.desc(), ReflectionEntry.created_at.desc()))
    if start:
        query = query.where(ReflectionEntry.written_on >= start)
    if end:
        query = query.where(ReflectionEntry.written_on <= end)
    if domain_key:
        query = query.where(ReflectionEntry.domain_key == domain_key)
    if framework:
        query = query.where(ReflectionEntry.framework == framework)
    rows = list(query)
    names = dict(Mentee.select(Mentee.id, Mentee.name)
                 .where(Mentee.id.in_({r.mentee_id for r in rows if r.mentee_id})).tuples())
    return [_entry(row, names) for row in rows]


def get_entry(entry_id: str) -> Entry:
    row = _get(entry_id)
    names = dict(Mentee.select(Mentee.id, Mentee.name).where(Mentee.id == row.mentee_id).tuples())
    return _entry(row, names)


def new_entry() -> EntryData:
    return EntryData(written_on=clock.today())
