"""The first hundred days in a new post: check-ins at day 0, 30, 60, 90 and 100."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from mentordesk.db.base import transaction
from mentordesk.db.models import Milestone
from mentordesk.services.errors import NotFoundError, TransitionError, ValidationError
from mentordesk.services.mentees import get_mentee
from mentordesk.services.milestones_data import default_milestones
from mentordesk.services.validation import clean_text


@dataclass(frozen=True)
class MilestoneView:
    id: str
    day: int
    due_on: date | None
    prompt: str
    done_on: date | None
    note: str


def _require_new_in_post(mentee_id: str) -> None:
    mentee = get_mentee(mentee_id)
    if not mentee.new_in_post:
        raise TransitionError(f"{mentee.name} is not marked as new in post; the first-hundred-days "
                              "track is for someone starting a new post.")
    if mentee.started_post_on is None:
        raise ValidationError(f"Set the date {mentee.name} started in post first.")


def start_track(mentee_id: str) -> list[MilestoneView]:
    """Create the default check-ins for a mentee new in post (once)."""
    _require_new_in_post(mentee_id)
    with transaction():
        if Milestone.select().where(Milestone.mentee == mentee_id).exists():
            return track(mentee_id)
        for position, (day, prompt) in enumerate(default_milestones()):
            Milestone.create(mentee=mentee_id, day=day, prompt=prompt, position=position)
    return track(mentee_id)


def add_milestone(mentee_id: str, day: int, prompt: str) -> Milestone:
    _require_new_in_post(mentee_id)
    if not 0 <= day <= 365:
        raise ValidationError("A milestone falls between day 0 and day 365 of the new post.")
    prompt = clean_text(prompt, "Check-in prompt", required=True, max_length=500)
    with transaction():
        position = Milestone.select().where(Milestone.mentee == mentee_id).count()
        return Milestone.create(mentee=mentee_id, day=day, prompt=prompt, position=position)


def reword(milestone_id: str, prompt: str) -> None:
    prompt = clean_text(prompt, "Check-in prompt", required=True, max_length=500)
    with transaction():
        _get(milestone_id).update(prompt=prompt).where(Milestone.id == milestone_id).execute()


def tick(milestone_id: str, *, done_on: date | None, note: str = "") -> None:
    """Tick a check-in off (or untick it with done_on=None)."""
    note = clean_text(note, "Note", multiline=True)
    with transaction():
        _get(milestone_id)
        Milestone.update(done_on=done_on, note=note).where(Milestone.id == milestone_id).execute()


def _get(milestone_id: str) -> Milestone:
    row = Milestone.get_or_none(Milestone.id == milestone_id)
    if row is None:
        raise NotFoundError("That milestone no longer exists.")
    return row


def track(mentee_id: str) -> list[MilestoneView]:
    mentee = get_mentee(mentee_id)
    start = mentee.started_post_on
    rows = Milestone.select().where(Milestone.mentee == mentee_id).order_by(Milestone.day, Milestone.position)
    return [MilestoneView(r.id, r.day, start + timedelta(days=r.day) if start else None, r.prompt,
                          r.done_on, r.note) for r in rows]


def next_milestone(mentee_id: str) -> MilestoneView | None:
    return next((m for m in track(mentee_id) if m.done_on is None), None)
