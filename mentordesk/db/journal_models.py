"""The mentor's reflection journal: entries about their own mentoring.

Created by schema step 0005 (``schema/0005_journal.sql``). The link to a mentee
is private: it helps the mentor find an entry again and is never printed
unless asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import peewee as pw

from mentordesk.db.base import utc_now
from mentordesk.db.models import Mentee, UUIDModel


class ReflectionEntry(UUIDModel):
    written_on = pw.DateField()
    title = pw.TextField(default="")
    what_happened = pw.TextField(default="")
    so_what = pw.TextField(default="")
    now_what = pw.TextField(default="")
    framework = pw.CharField(null=True)  # the competency framework of ``domain_key``
    domain_key = pw.CharField(null=True)
    mentee = pw.ForeignKeyField(Mentee, backref="reflections", null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=utc_now)
    updated_at = pw.DateTimeField(default=utc_now)

    if TYPE_CHECKING:
        mentee_id: str | None

    class Meta:
        indexes = ((("written_on",), False),)


JOURNAL_MODELS = [ReflectionEntry]
