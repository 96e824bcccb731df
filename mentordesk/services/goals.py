"""A mentee's goals and their progress over time, and when a goal review is due."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentordesk.db import search
from mentordesk.db.base import transaction
from mentordesk.db.models import GOAL_STATUSES, Goal, GoalProgress
from mentordesk.services import clock, preferences
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.mentees import get_mentee
from mentordesk.services.validation import clean_choice, clean_text

STATUS_LABELS = {"open": "Open", "achieved": "Achieved", "dropped": "Dropped"}


@dataclass(frozen=True)
class GoalData:
    title: str
    detail: str = ""
    target_on: date | None = None
    status: str = "open"


@dataclass(frozen=True)
class GoalView:
    id: str
    mentee_id: str
    title: str
    detail: str
    target_on: date | None
    status: str
    progress: tuple[tuple[date, int, str], ...]  # oldest first
    review_due: bool

    @property
    def latest_percent(self) -> int | None:
        return self.progress[-1][1] if self.progress else None


def _clean(data: GoalData) -> GoalData:
    return GoalData(
        title=clean_text(data.title, "Goal", required=True, max_length=300),
        detail=clean_text(data.detail, "Detail", multiline=True),
        target_on=data.target_on,
        status=clean_choice(data.status, "Goal status", GOAL_STATUSES),
    )


def goal_rows(goal: Goal) -> list[search.Row]:
    return search.rows_for("goal", goal.id, goal.mentee_id, goal.target_on or goal.created_at,
                           {"title": goal.title, "detail": goal.detail})


def progress_rows(progress: GoalProgress, mentee_id: str) -> list[search.Row]:
    return search.rows_for("progress", str(progress.id), mentee_id, progress.on, {"note": progress.note})


def _index(goal: Goal) -> None:
    search.drop_record("goal", goal.id)
    search.insert_rows(goal_rows(goal))


def add_goal(mentee_id: str, data: GoalData) -> Goal:
    data = _clean(data)
    with transaction():
        mentee = get_mentee(mentee_id)
        position = Goal.select().where(Goal.mentee == mentee).count()
        goal = Goal.create(mentee=mentee, position=position, **data.__dict__)
        _index(goal)
    return goal


def update_goal(goal_id: str, data: GoalData) -> Goal:
    data = _clean(data)
    with transaction():
        goal = _get(goal_id)
        for name, value in data.__dict__.items():
            setattr(goal, name, value)
        goal.save()
        _index(goal)
    return goal


def delete_goal(goal_id: str) -> None:
    with transaction():
        goal = _get(goal_id)
        for progress in goal.progress:
            search.drop_record("progress", str(progress.id))
        search.drop_record("goal", goal.id)
        goal.delete_instance(recursive=True)


def add_progress(goal_id: str, percent: int, note: str = "", on: date | None = None) -> GoalProgress:
    """Record how far a goal has come: 0 to 100 percent, with a note."""
    if not isinstance(percent, int) or not 0 <= percent <= 100:
        raise ValidationError(f"Progress is a percentage from 0 to 100 (not {percent}).")
    note = clean_text(note, "Progress note", multiline=True)
    with transaction():
        goal = _get(goal_id)
        row = GoalProgress.create(goal=goal, on=on or clock.today(), percent=percent, note=note)
        search.insert_rows(progress_rows(row, goal.mentee_id))
    return row


def _get(goal_id: str) -> Goal:
    goal = Goal.get_or_none(Goal.id == goal_id)
    if goal is None:
        raise NotFoundError("That goal no longer exists.")
    return goal


def is_review_due(goal: Goal, last_update: date | None, today: date) -> bool:
    """An open goal whose last progress update (or creation) is older than the review interval."""
    if goal.status != "open":
        return False
    since = last_update or goal.created_at.date()
    return today - since > preferences.goal_review_interval()


def goals_of(mentee_id: str) -> list[GoalView]:
    goals = list(Goal.select().where(Goal.mentee == mentee_id).order_by(Goal.position, Goal.created_at))
    progress: dict[str, list[tuple[date, int, str]]] = {}
    query = (GoalProgress.select().where(GoalProgress.goal.in_([g.id for g in goals]))
             .order_by(GoalProgress.on, GoalProgress.id))
    for row in query:
        progress.setdefault(row.goal_id, []).append((row.on, row.percent, row.note))
    today = clock.today()
    views = []
    for goal in goals:
        history = tuple(progress.get(goal.id, ()))
        last = history[-1][0] if history else None
        views.append(GoalView(goal.id, goal.mentee_id, goal.title, goal.detail, goal.target_on, goal.status,
                              history, is_review_due(goal, last, today)))
    return views
