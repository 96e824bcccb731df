"""The records MentorDesk keeps. Field names follow the exchange format in DESIGN.md.

Conventions: ids of exchanged records are UUID strings; ``*_on`` fields are
dates, ``held_on`` is the mentor's local wall-clock time (no zone), and
``created_at``/``updated_at`` are naive UTC timestamps the program keeps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import peewee as pw

from mentordesk.db.base import database, new_id, utc_now

MENTEE_STATUSES = ("prospective", "active", "paused", "closed")
MATCH_ORIGINS = ("mentee_invited", "mentor_invited", "programme", "other")
MEETING_FORMATS = ("in_person", "video", "phone", "mixed")
AGENDA_OWNERS = ("mentee", "mentor", "shared")
GOAL_STATUSES = ("open", "achieved", "dropped")
CLOSURE_REASONS = ("goals_realised", "circumstances_changed", "mutual", "other")
ACTION_OWNERS = ("mentee", "mentor")
MOVES = ("listening", "questions", "encouragement", "challenge")


if TYPE_CHECKING:
    # peewee's metaclass adds ``id``, ``<foreign key>_id`` and backrefs that its stubs
    # do not know: let type checking accept them rather than ignore every line.
    _Model = Any
else:
    _Model = pw.Model


class BaseModel(_Model):
    class Meta:
        database = database
        legacy_table_names = False


class UUIDModel(BaseModel):
    id = pw.CharField(primary_key=True, max_length=36, default=new_id)


class Mentor(BaseModel):
    """The mentor's own profile, one row: used in every report header."""

    name = pw.TextField(default="")
    role = pw.TextField(default="")
    organisation = pw.TextField(default="")
    email = pw.TextField(default="")
    updated_at = pw.DateTimeField(default=utc_now)


class Mentee(UUIDModel):
    name = pw.TextField()
    # Lower-cased, accent-free copy of the name, for the mentee selector and sorting.
    name_key = pw.TextField(index=True)
    role = pw.TextField(default="")
    specialty = pw.TextField(default="")
    organisation = pw.TextField(default="")
    email = pw.TextField(default="")
    started_post_on = pw.DateField(null=True)
    new_in_post = pw.BooleanField(default=False)
    status = pw.CharField(default="active", index=True)
    notes = pw.TextField(default="")
    strengths = pw.TextField(default="")
    aspirations = pw.TextField(default="")
    # How the match began.
    match_origin = pw.CharField(default="mentee_invited")
    shared_interests = pw.TextField(default="")
    proximity = pw.TextField(default="")
    aligned_values = pw.TextField(default="")
    # Closure, when the relationship has ended.
    closed_on = pw.DateField(null=True)
    closure_reason = pw.CharField(null=True)
    closure_reflection = pw.TextField(default="")
    created_at = pw.DateTimeField(default=utc_now)
    updated_at = pw.DateTimeField(default=utc_now)


class StatusChange(BaseModel):
    """Every change of a mentee's status, dated: the relationship's history."""

    mentee = pw.ForeignKeyField(Mentee, backref="status_changes", on_delete="CASCADE")
    from_status = pw.CharField(null=True)
    to_status = pw.CharField()
    changed_on = pw.DateField()
    reason = pw.CharField(null=True)  # a closure's reason, kept after reopening
    note = pw.TextField(default="")  # for a closure: the closing reflection
    created_at = pw.DateTimeField(default=utc_now)


class Tag(BaseModel):
    name = pw.TextField(unique=True)


class MenteeTag(BaseModel):
    mentee = pw.ForeignKeyField(Mentee, backref="tag_links", on_delete="CASCADE")
    tag = pw.ForeignKeyField(Tag, backref="mentee_links", on_delete="CASCADE")

    class Meta:
        indexes = ((("mentee", "tag"), True),)


class Agreement(UUIDModel):
    """Shared expectations. A change writes a new row; the newest is current."""

    mentee = pw.ForeignKeyField(Mentee, backref="agreements", on_delete="CASCADE")
    relationship_kind = pw.TextField(default="")
    meeting_format = pw.CharField(default="in_person")
    cadence_days = pw.IntegerField(null=True)
    agenda_owner = pw.CharField(default="mentee")
    confidentiality = pw.TextField(default="")
    review_on = pw.DateField(null=True)
    agreed_on = pw.DateField(null=True)
    created_at = pw.DateTimeField(default=utc_now)


class Goal(UUIDModel):
    mentee = pw.ForeignKeyField(Mentee, backref="goals", on_delete="CASCADE")
    title = pw.TextField()
    detail = pw.TextField(default="")
    target_on = pw.DateField(null=True)
    status = pw.CharField(default="open")
    position = pw.IntegerField(default=0)
    created_at = pw.DateTimeField(default=utc_now)


class GoalProgress(BaseModel):
    goal = pw.ForeignKeyField(Goal, backref="progress", on_delete="CASCADE")
    on = pw.DateField()
    percent = pw.IntegerField()
    note = pw.TextField(default="")


class Session(UUIDModel):
    """One meeting, written around the four moves."""

    mentee = pw.ForeignKeyField(Mentee, backref="sessions", on_delete="CASCADE")
    held_on = pw.DateTimeField()  # local wall-clock time, as the mentor entered it
    duration_min = pw.IntegerField(null=True)
    format = pw.CharField(default="in_person")
    agenda = pw.TextField(default="")
    agenda_by = pw.CharField(default="mentee")
    listening = pw.TextField(default="")
    questions = pw.TextField(default="")
    encouragement = pw.TextField(default="")
    challenge = pw.TextField(default="")
    wellbeing_score = pw.IntegerField(null=True)
    wellbeing_signals = pw.TextField(default="")  # one signal a line
    wellbeing_note = pw.TextField(default="")
    private_remarks = pw.TextField(default="")
    next_on = pw.DateField(null=True)
    created_at = pw.DateTimeField(default=utc_now)
    updated_at = pw.DateTimeField(default=utc_now)

    class Meta:
        # (mentee, held_on) also covers the next agreed date and the wellbeing score (schema 8).
        indexes = ((("mentee", "held_on", "next_on", "wellbeing_score"), False), (("held_on",), False))


class ActionItem(UUIDModel):
    session = pw.ForeignKeyField(Session, backref="actions", on_delete="CASCADE")
    mentee = pw.ForeignKeyField(Mentee, backref="actions", on_delete="CASCADE")
    text = pw.TextField()
    owner = pw.CharField(default="mentee")
    due_on = pw.DateField(null=True)
    done_on = pw.DateField(null=True)
    position = pw.IntegerField(default=0)


# Open actions, the only ones looked up by mentee, with their text: overdue ones are
# counted without reading the rows (schema 8).
ActionItem.add_index(ActionItem.index(
    ActionItem.mentee, ActionItem.due_on, ActionItem.owner, ActionItem.position, ActionItem.text,
    where=ActionItem.done_on.is_null(), name="action_item_open"))


class Question(UUIDModel):
    """A prompt from the question bank: shipped (stable ids) or the mentor's own."""

    text = pw.TextField()
    move = pw.CharField()
    topic = pw.TextField(default="")
    builtin = pw.BooleanField(default=False)


class Milestone(UUIDModel):
    """A first-hundred-days check-in for a mentee new in post (day 0, 30, 60, 90, 100)."""

    mentee = pw.ForeignKeyField(Mentee, backref="milestones", on_delete="CASCADE")
    day = pw.IntegerField()
    prompt = pw.TextField()
    done_on = pw.DateField(null=True)
    note = pw.TextField(default="")
    position = pw.IntegerField(default=0)


class Referral(UUIDModel):
    """A referral or signpost offered to a mentee (occupational health, a wellbeing service, ...).

    Private by default: never in a report unless the mentor asks for it.
    """

    mentee = pw.ForeignKeyField(Mentee, backref="referrals", on_delete="CASCADE")
    session = pw.ForeignKeyField(Session, backref="referrals", null=True, on_delete="SET NULL")
    on = pw.DateField()
    note = pw.TextField(default="")
    created_at = pw.DateTimeField(default=utc_now)


class SupportContact(BaseModel):
    """The mentor's own list of where to signpost: occupational health, named people, ..."""

    name = pw.TextField()
    detail = pw.TextField(default="")
    position = pw.IntegerField(default=0)


class Setting(BaseModel):
    """Settings that belong with the data (review intervals, retention, ...), as JSON values."""

    key = pw.CharField(primary_key=True)
    value = pw.TextField()


# The order in which tables are created and (reversed) dropped.
ALL_MODELS: list[type[BaseModel]] = [
    Mentor,
    Mentee,
    StatusChange,
    Tag,
    MenteeTag,
    Agreement,
    Goal,
    GoalProgress,
    Session,
    ActionItem,
    Question,
    Milestone,
    Referral,
    SupportContact,
    Setting,
]
