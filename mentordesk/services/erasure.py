"""Erasing a mentee for good, a mentee's own record on request, and the retention list.

Erasure deletes the mentee and everything of theirs — meetings, actions, goals,
agreements, milestones, referrals, the ratings they gave, their search rows and
tags no one else uses — with ``secure_delete`` on, rewrites the full-text index
so no word of theirs stays in it, and empties the write-ahead log, so their text
does not linger in the data file. Backups keep it until they rotate out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from mentordesk.db import search
from mentordesk.db.assessment_models import Assessment
from mentordesk.db.base import database, transaction
from mentordesk.db.models import Mentee, MenteeTag, Tag
from mentordesk.services import clock
from mentordesk.services.errors import NotFoundError, ValidationError

BACKUPS_NOTE = ("Backups made before now still hold this mentee's notes until they rotate out "
                "(after at most six months), and so do copies you made yourself.")


@dataclass(frozen=True)
class ClosedRelationship:
    id: str
    name: str
    closed_on: date


def erase_mentee(mentee_id: str) -> str:
    """Delete the mentee and everything of theirs for good; returns their name."""
    with transaction():
        mentee = Mentee.get_or_none(Mentee.id == mentee_id)
        if mentee is None:
            raise NotFoundError("That mentee no longer exists.")
        name = str(mentee.name)
        links = MenteeTag.select(MenteeTag.tag).where(MenteeTag.mentee == mentee_id)
        tag_ids = [row[0] for row in links.tuples()]
        search.drop_mentee(mentee_id)
        Assessment.delete().where(Assessment.mentee == mentee_id).execute()
        # Foreign keys cascade to sessions, actions, goals, progress, agreements, ...
        Mentee.delete().where(Mentee.id == mentee_id).execute()
        if tag_ids:
            used = MenteeTag.select(MenteeTag.tag)
            Tag.delete().where(Tag.id.in_(tag_ids) & Tag.id.not_in(used)).execute()
        # Deleted index rows stay in FTS5's segments until they are merged: merge them now.
        database.execute_sql("INSERT INTO search_text (search_text) VALUES ('optimize')")
    database.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return name


def export_mentee(mentee_id: str, out: Path | None = None) -> dict[str, Any]:
    """One mentee's record in the exchange format (written to ``out`` when given)."""
    from mentordesk.services.exchange_export import mentee_document, write_document

    document = mentee_document(mentee_id)
    if out is not None:
        write_document(document, out)
    return document


def _years_before(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def closed_longer_than(years: int, today: date | None = None) -> list[ClosedRelationship]:
    """Relationships closed more than ``years`` years ago, longest closed first (0 years: none)."""
    if not isinstance(years, int) or years < 0:
        raise ValidationError("The retention period is a whole number of years.")
    if years == 0:
        return []
    limit = _years_before(today or clock.today(), years)
    query = (Mentee.select(Mentee.id, Mentee.name, Mentee.closed_on)
             .where((Mentee.status == "closed") & Mentee.closed_on.is_null(False)
                    & (Mentee.closed_on < limit))
             .order_by(Mentee.closed_on, Mentee.name_key))
    return [ClosedRelationship(str(m.id), str(m.name), m.closed_on) for m in query]


__all__ = ["BACKUPS_NOTE", "ClosedRelationship", "closed_longer_than", "erase_mentee", "export_mentee"]
