"""Preparing the next meeting with one mentee: everything the prep view and the prep sheet show.

It never carries private remarks or the referral log: what is gathered here may be
printed, and a printed sheet can be seen by others. The rules (overdue, falling,
what is going on) are those of ``services.dashboard``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from mentordesk.db.models import ActionItem, Session
from mentordesk.services import clock, dashboard, goals, milestones, questions, relationships
from mentordesk.services.mentees import get_mentee

WELLBEING_HISTORY = 5
SITUATION_LABELS = {
    "new_in_post": "new in post",
    "stalled_goal": "a goal has stalled",
    "falling_wellbeing": "wellbeing is falling",
    "long_gap": "a long gap since the last meeting",
}


@dataclass(frozen=True)
class PrepGoal:
    title: str
    latest_percent: int | None
    last_update: date | None
    target_on: date | None
    review_due: bool
    stalled: bool


@dataclass(frozen=True)
class PrepAction:
    text: str
    owner: str  # "mentee" or "mentor"
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class FollowUp:
    """The open questions and the challenge of the last meeting, to pick up again."""

    held_on: datetime
    questions: str
    challenge: str


@dataclass(frozen=True)
class WellbeingTrend:
    scores: tuple[tuple[date, int], ...]  # up to five, oldest first
    direction: str  # see dashboard.wellbeing_direction

    @property
    def latest(self) -> int | None:
        return self.scores[-1][1] if self.scores else None

    @property
    def words(self) -> str:
        """The trend in words and numbers: "2 of 5, falling (4 → 3 → 2)"."""
        if not self.scores:
            return "No wellbeing score recorded yet."
        numbers = " → ".join(str(score) for _, score in self.scores[-dashboard.WELLBEING_SESSIONS:])
        if self.direction == "unknown":
            return f"{self.latest} of 5 (the only score so far)"
        return f"{self.latest} of 5, {self.direction} ({numbers})"


@dataclass(frozen=True)
class SuggestedQuestion:
    id: str
    text: str
    topic: str


@dataclass(frozen=True)
class PrepData:
    mentee_id: str
    name: str
    role: str
    specialty: str
    organisation: str
    status: str
    today: date
    last_met: datetime | None
    days_since_contact: int | None
    cadence_days: int | None
    not_seen: bool
    next_on: date | None
    agreement: str
    goals: tuple[PrepGoal, ...]
    open_actions: tuple[PrepAction, ...]
    follow_up: FollowUp | None
    wellbeing: WellbeingTrend
    next_milestone: milestones.MilestoneView | None
    situations: tuple[str, ...]
    questions: tuple[SuggestedQuestion, ...]

    @property
    def contact_line(self) -> str:
        """Days since the last contact in words, with the cadence when it is exceeded."""
        if self.last_met is None:
            return "No meeting yet."
        days = self.days_since_contact or 0
        text = "Last met today" if days == 0 else f"Last met {days} day{'s' if days != 1 else ''} ago"
        text += f", on {format_day(self.last_met.date())}"
        if self.not_seen:
            text += f" — longer than the agreed {self.cadence_days} days"
        return text + "."

    @property
    def situation_words(self) -> str:
        return ", ".join(SITUATION_LABELS[s] for s in self.situations)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_day(day: date) -> str:
    """"3 Feb 2026" whatever the locale (for the sheet and the command line)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def prepare(mentee_id: str, *, shuffle: int = 0, today: date | None = None) -> PrepData:
    """Everything needed before the next meeting with one mentee (any status).

    ``shuffle`` asks for other suggested questions (0: today's usual three).
    """
    today = today or clock.today()
    mentee = get_mentee(mentee_id)
    facts = dashboard.gather_facts(mentee_ids=[mentee_id])[mentee_id]
    goal_views = [g for g in goals.goals_of(mentee_id) if g.status == "open"]
    found = dashboard.situations(facts, goal_views, today)
    ordered = tuple(s for s in questions.SITUATION_TOPICS if s in found)
    suggested = questions.suggest_questions(set(ordered), count=3,
                                            seed=dashboard.question_seed(mentee_id, today, shuffle))
    days = dashboard.days_without_contact(facts, today) if facts.last_met else None
    return PrepData(
        mentee_id=mentee.id, name=mentee.name, role=mentee.role, specialty=mentee.specialty,
        organisation=mentee.organisation, status=mentee.status, today=today,
        last_met=facts.last_met, days_since_contact=days, cadence_days=facts.cadence_days,
        not_seen=dashboard.is_not_seen(facts, today), next_on=facts.next_on,
        agreement=relationships.agreement_line(relationships.current_agreement(mentee_id)),
        goals=tuple(PrepGoal(g.title, g.latest_percent, g.progress[-1][0] if g.progress else None,
                             g.target_on, g.review_due, dashboard.is_goal_stalled(g)) for g in goal_views),
        open_actions=_open_actions(mentee_id, today),
        follow_up=_follow_up(mentee_id),
        wellbeing=wellbeing_trend(mentee_id),
        next_milestone=_next_milestone(mentee.new_in_post, mentee_id),
        situations=ordered,
        questions=tuple(SuggestedQuestion(q.id, q.text, q.topic) for q in suggested),
    )


def _open_actions(mentee_id: str, today: date) -> tuple[PrepAction, ...]:
    query = (ActionItem.select(ActionItem.text, ActionItem.owner, ActionItem.due_on)
             .where(ActionItem.mentee == mentee_id, ActionItem.done_on.is_null())
             .order_by(ActionItem.due_on.is_null(), ActionItem.due_on, ActionItem.position))
    return tuple(PrepAction(text, owner, due, dashboard.is_action_overdue(due, None, today))
                 for text, owner, due in query.tuples())


def _follow_up(mentee_id: str) -> FollowUp | None:
    row = (Session.select(Session.held_on, Session.questions, Session.challenge)
           .where(Session.mentee == mentee_id).order_by(Session.held_on.desc()).first())
    if row is None:
        return None
    return FollowUp(row.held_on, row.questions.strip(), row.challenge.strip())


def wellbeing_trend(mentee_id: str) -> WellbeingTrend:
    scores = dashboard.last_scores([mentee_id], WELLBEING_HISTORY).get(mentee_id, [])
    values = [score for _, score in scores]
    return WellbeingTrend(tuple((held.date(), score) for held, score in scores),
                          dashboard.wellbeing_direction(values))


def _next_milestone(new_in_post: bool, mentee_id: str) -> milestones.MilestoneView | None:
    return milestones.next_milestone(mentee_id) if new_in_post else None


def questions_text(items: list[SuggestedQuestion] | tuple[SuggestedQuestion, ...]) -> str:
    """Suggested questions as they go into a session's "Open questions" section."""
    return "\n".join(f"• {q.text}" for q in items)
