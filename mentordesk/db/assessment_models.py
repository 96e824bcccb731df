"""The records of competency assessments, the development plan and the mentor's own frameworks.

Kept apart from ``models.py`` so that the feature's storage sits in one place;
the tables are created by schema step 0004 (``schema/0004_assessments.sql``).

In an assessment's answers, a row whose ``value`` is NULL means "not applicable";
an item not answered yet has no row at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import peewee as pw

from mentordesk.db.base import utc_now
from mentordesk.db.models import BaseModel, Mentee, UUIDModel

RATERS = ("self", "mentee")


class FrameworkFile(BaseModel):
    """A framework of the mentor's own, kept as the JSON they wrote, so export and backups carry it."""

    key = pw.CharField()
    version = pw.CharField()
    document = pw.TextField()
    added_at = pw.DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("key", "version"), True),)


class Assessment(UUIDModel):
    """One rating of the mentor against one framework version: by the mentor, or by a mentee.

    A mentee rating names the mentee (deleted with them, or at their request) or
    is anonymous (``mentee`` NULL), e.g. collected by a programme and labelled so.
    """

    framework = pw.CharField()
    framework_version = pw.CharField()
    taken_on = pw.DateField()
    rater = pw.CharField(default="self")
    mentee = pw.ForeignKeyField(Mentee, backref="assessments", null=True, on_delete="CASCADE")
    rater_label = pw.TextField(default="")
    reflection = pw.TextField(default="")
    completed_at = pw.DateTimeField(null=True)  # NULL while unfinished
    created_at = pw.DateTimeField(default=utc_now)
    updated_at = pw.DateTimeField(default=utc_now)

    if TYPE_CHECKING:
        mentee_id: str | None  # peewee's accessor for the raw foreign key

    class Meta:
        indexes = ((("framework", "rater", "taken_on"), False),)


class AssessmentAnswer(BaseModel):
    assessment = pw.ForeignKeyField(Assessment, backref="answers", on_delete="CASCADE")
    item_key = pw.CharField()
    value = pw.IntegerField(null=True)  # NULL: not applicable

    class Meta:
        indexes = ((("assessment", "item_key"), True),)


class DomainNote(BaseModel):
    """The mentor's reflection and development notes on one domain of one assessment."""

    assessment = pw.ForeignKeyField(Assessment, backref="domain_notes", on_delete="CASCADE")
    domain_key = pw.CharField()
    reflection = pw.TextField(default="")
    development_notes = pw.TextField(default="")

    class Meta:
        indexes = ((("assessment", "domain_key"), True),)


class DevelopmentAction(UUIDModel):
    """A concrete step of the development plan for one domain of a framework (key, any version)."""

    framework = pw.CharField()
    domain_key = pw.CharField()
    text = pw.TextField()
    target_on = pw.DateField(null=True)
    done_on = pw.DateField(null=True)
    created_at = pw.DateTimeField(default=utc_now)

    class Meta:
        indexes = ((("done_on", "target_on"), False),)


# Creation order (reversed to drop); schema step 0004 creates exactly these.
ASSESSMENT_MODELS: list[type[BaseModel]] = [
    FrameworkFile,
    Assessment,
    AssessmentAnswer,
    DomainNote,
    DevelopmentAction,
]
