"""What needs the mentor's attention today: every rule of the Dashboard, in one place.

Every rule works on the mentor's local date (``clock.today()``), never on UTC
timestamps, so a meeting at 23:30 on the day the clocks change is on that day.
Only active and prospective relationships appear: paused and closed ones never
nag. The whole dashboard is a handful of aggregate queries over all mentees (no
query per mentee), so it stays fast on a career's worth of data.

The rules, as a mentor would read them:

- an action is overdue when it is open and its due date is before today;
- an active mentee is "not seen" when the days since the last meeting (or, with no
  meeting yet, since the relationship became active) exceed the agreed cadence; a
  cadence that is unset or 0 means no such reminder;
- a meeting is coming up when the next date agreed at the last meeting falls
  between today and seven days from today, both included;
- a goal review is due when an open goal had no progress update (or, without any,
  was created) longer ago than the goal-review interval (a preference);
- an agreement review is due when its review date is at most fourteen days away
  (or has passed);
- a first-hundred-days check-in is coming up when the next one not yet ticked off
  falls within fourteen days or has passed (mentees marked new in post only);
- a development-plan action of the mentor's is due when its target date has come;
- wellbeing is falling when, over the last three meetings with a score, each score
  is lower than the one before, or the newest is at least two below an earlier one.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from mentordesk.db.rows import CHUNK, marks, rows, rows_for_ids
from mentordesk.services import clock, preferences

if TYPE_CHECKING:
    from mentordesk.services import goals

# --- the rules' constants ---------------------------------------------------------------
NAGGING_STATUSES = ("active", "prospective")
"""Relationships that may appear on the Dashboard; paused and closed ones never do."""
MEETING_WINDOW_DAYS = 7
AGREEMENT_REVIEW_WINDOW_DAYS = 14
MILESTONE_WINDOW_DAYS = 14
WELLBEING_SESSIONS = 3
WELLBEING_DROP = 2
LONG_GAP_WITHOUT_CADENCE_DAYS = 56
"""Without an agreed cadence, eight weeks without a meeting still counts as a long gap."""
NEW_IN_POST_DAYS = 100

MENTEE_ACTIONS = "mentee_actions"
MENTOR_ACTIONS = "mentor_actions"
NOT_SEEN = "not_seen"
MEETINGS = "meetings"
GOAL_REVIEWS = "goal_reviews"
AGREEMENT_REVIEWS = "agreement_reviews"
MILESTONES = "milestones"
DEVELOPMENT = "development"
WELLBEING = "wellbeing"

# The order of the tiles and of the list: people first, then things to do, then reviews.
KINDS = (NOT_SEEN, MEETINGS, WELLBEING, MENTOR_ACTIONS, MENTEE_ACTIONS, GOAL_REVIEWS, AGREEMENT_REVIEWS,
         MILESTONES, DEVELOPMENT)
KIND_LABELS = {
    MENTEE_ACTIONS: "Mentees' actions overdue",
    MENTOR_ACTIONS: "Your actions overdue",
    NOT_SEEN: "Not seen within the cadence",
    MEETINGS: "Meetings in the next 7 days",
    GOAL_REVIEWS: "Goal reviews due",
    AGREEMENT_REVIEWS: "Agreement reviews due",
    MILESTONES: "First-hundred-days check-ins",
    DEVELOPMENT: "Development actions due",
    WELLBEING: "Wellbeing falling",
}
"""Names of the kinds of item, as the tiles and the list say them."""


# Records as NamedTuples: immutable like frozen dataclasses, and made without generating code
# (the three dataclasses cost the window's start 4 ms, their module included).
class AttentionItem(NamedTuple):
    """One thing on the Dashboard, one click from its mentee (``mentee_id`` None: the mentor's own)."""

    kind: str
    mentee_id: str | None
    mentee_name: str
    what: str
    detail: str
    on: date | None
    """The date that matters: due, review, meeting or check-in date (None: no date)."""
    overdue: bool
    """The date has passed (or the cadence is exceeded): counted in the start-up reminder."""
    number: int = 1
    """How many things the item stands for (several overdue actions of one mentee)."""


class DashboardData(NamedTuple):
    today: date
    items: tuple[AttentionItem, ...]
    active: int = 0
    paused: int = 0
    prospective: int = 0
    closed: int = 0

    @property
    def total_mentees(self) -> int:
        return self.active + self.paused + self.prospective + self.closed

    def numbers(self) -> dict[str, int]:
        """How many things of each kind (each overdue action counts), in one pass."""
        found = dict.fromkeys(KINDS, 0)
        for item in self.items:
            found[item.kind] += item.number
        return found

    def number_of(self, kind: str) -> int:
        return self.numbers()[kind]

    def overdue_kinds(self) -> set[str]:
        return {item.kind for item in self.items if item.overdue}

    @property
    def overdue_items(self) -> int:
        """Items whose date has passed: the number the start-up reminder gives."""
        return sum(1 for item in self.items if item.overdue)


class MenteeFacts(NamedTuple):
    """What the rules need to know of one mentee, gathered for all mentees at once."""

    id: str
    name: str
    status: str
    new_in_post: bool
    started_post_on: date | None
    last_met: datetime | None = None
    next_on: date | None = None
    active_since: date | None = None
    cadence_days: int | None = None
    review_on: date | None = None
    scores: tuple[int, ...] = ()  # last wellbeing scores, oldest first


# --- the rules, one small function each (tested one by one) -----------------------------

def days_between(earlier: date, later: date) -> int:
    return (later - earlier).days


def is_action_overdue(due_on: date | None, done_on: date | None, today: date) -> bool:
    return done_on is None and due_on is not None and due_on < today


def days_without_contact(facts: MenteeFacts, today: date) -> int | None:
    """Days since the last meeting, or since the relationship became active if none yet."""
    since = facts.last_met.date() if facts.last_met else facts.active_since
    return None if since is None else days_between(since, today)


def is_not_seen(facts: MenteeFacts, today: date) -> bool:
    """Active, with a cadence, and longer than the cadence since the last contact."""
    if facts.status != "active" or not facts.cadence_days:
        return False
    days = days_without_contact(facts, today)
    return days is not None and days > facts.cadence_days


def is_meeting_soon(next_on: date | None, today: date) -> bool:
    return next_on is not None and today <= next_on <= today + timedelta(days=MEETING_WINDOW_DAYS)


def is_agreement_review_due(review_on: date | None, today: date) -> bool:
    return review_on is not None and review_on <= today + timedelta(days=AGREEMENT_REVIEW_WINDOW_DAYS)


def is_milestone_due(due_on: date | None, done_on: date | None, today: date) -> bool:
    return (done_on is None and due_on is not None
            and due_on <= today + timedelta(days=MILESTONE_WINDOW_DAYS))


def is_wellbeing_falling(scores: Sequence[int]) -> bool:
    """``scores`` oldest first; only the last three count."""
    last = list(scores)[-WELLBEING_SESSIONS:]
    if len(last) < 2:
        return False
    if len(last) == WELLBEING_SESSIONS and all(a > b for a, b in zip(last, last[1:], strict=False)):
        return True
    return max(last[:-1]) - last[-1] >= WELLBEING_DROP


def wellbeing_direction(scores: Sequence[int]) -> str:
    """Over the last three scores: ``falling`` (the rule above), ``rising``, ``lower``,
    ``steady``, ``up and down``, or ``unknown`` with fewer than two scores."""
    last = list(scores)[-WELLBEING_SESSIONS:]
    if len(last) < 2:
        return "unknown"
    if is_wellbeing_falling(last):
        return "falling"
    if last[-1] > last[0]:
        return "rising"
    if last[-1] < last[0]:
        return "lower"
    return "steady" if len(set(last)) == 1 else "up and down"


def is_new_in_post(new_in_post: bool, started_post_on: date | None, today: date) -> bool:
    return (new_in_post and started_post_on is not None
            and 0 <= days_between(started_post_on, today) <= NEW_IN_POST_DAYS)


def is_goal_stalled(goal: goals.GoalView) -> bool:
    """An open goal with a review due, or whose last two updates show no progress."""
    if goal.status != "open":
        return False
    if goal.review_due:
        return True
    history = goal.progress
    return len(history) >= 2 and history[-1][1] <= history[-2][1]


def situations(facts: MenteeFacts, goal_views: Iterable[goals.GoalView], today: date) -> set[str]:
    """What is going on, in the question bank's words: chooses the suggested questions."""
    found: set[str] = set()
    if is_new_in_post(facts.new_in_post, facts.started_post_on, today):
        found.add("new_in_post")
    if any(is_goal_stalled(g) for g in goal_views):
        found.add("stalled_goal")
    if is_wellbeing_falling(facts.scores):
        found.add("falling_wellbeing")
    days = days_without_contact(facts, today)
    limit = facts.cadence_days or LONG_GAP_WITHOUT_CADENCE_DAYS
    if facts.last_met is not None and days is not None and days > limit:
        found.add("long_gap")
    return found


def question_seed(mentee_id: str, today: date, shuffle: int = 0) -> int:
    """The same suggestions all day for one mentee (stable across runs), others tomorrow."""
    return zlib.crc32(f"{mentee_id}:{today.isoformat()}:{shuffle}".encode())


# --- gathering the facts for all mentees at once -----------------------------------------

def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        return value.date()
    return date.fromisoformat(str(value)[:10])


def _as_datetime(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))


# The start-up path reads these on a career's worth of data: plain SQL (db/rows.py), one
# pass each, and only the columns the rules use.


def gather_facts(*, statuses: Sequence[str] = NAGGING_STATUSES,
                 mentee_ids: Sequence[str] | None = None) -> dict[str, MenteeFacts]:
    """The facts of every mentee with one of ``statuses`` (or of ``mentee_ids``), in five queries."""
    if mentee_ids is None:
        return _facts(f"m.status IN ({marks(statuses)})", list(statuses))
    ids = list(dict.fromkeys(mentee_ids))
    facts: dict[str, MenteeFacts] = {}
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        facts.update(_facts(f"m.id IN ({marks(part)})", part))
    return facts


def _facts(chosen: str, params: list[Any]) -> dict[str, MenteeFacts]:
    """Facts of the mentees ``m`` that the SQL condition ``chosen`` selects."""
    base = rows("SELECT m.id, m.name, m.status, m.new_in_post, m.started_post_on FROM mentee m "
                 f"WHERE {chosen}", params)
    if not base:
        return {}
    # The last meeting and the date agreed at it, from the (mentee, held_on, next_on, …) index alone.
    last = {mentee_id: (_as_datetime(held_on), _as_date(next_on)) for mentee_id, held_on, next_on in rows(
        "SELECT m.id, s.held_on, s.next_on FROM mentee m JOIN session s ON s.mentee_id = m.id"
        " AND s.held_on = (SELECT MAX(held_on) FROM session WHERE mentee_id = m.id)"
        f" WHERE {chosen}", params)}
    agreements = {mentee_id: (cadence, _as_date(review_on)) for mentee_id, cadence, review_on in rows(
        "SELECT mentee_id, cadence_days, review_on FROM agreement WHERE rowid IN ("
        " SELECT MAX(ag.rowid) FROM agreement ag JOIN mentee m ON m.id = ag.mentee_id"
        f" WHERE {chosen} GROUP BY ag.mentee_id)", params)}
    active_since = {mentee_id: _as_date(on) for mentee_id, on in rows(
        "SELECT m.id, MAX(c.changed_on) FROM status_change c JOIN mentee m ON m.id = c.mentee_id"
        f" WHERE c.to_status = 'active' AND {chosen} GROUP BY m.id", params)}
    scores = _last_scores(chosen, params, WELLBEING_SESSIONS)
    facts = {}
    for mentee_id, name, status, new_in_post, started in base:
        held_on, next_on = last.get(mentee_id, (None, None))
        cadence, review_on = agreements.get(mentee_id, (None, None))
        facts[mentee_id] = MenteeFacts(
            id=mentee_id, name=name, status=status, new_in_post=bool(new_in_post),
            started_post_on=_as_date(started), last_met=held_on, next_on=next_on,
            active_since=active_since.get(mentee_id), cadence_days=cadence, review_on=review_on,
            scores=tuple(score for _, score in scores.get(mentee_id, ())),
        )
    return facts


def last_scores(mentee_ids: Sequence[str], per_mentee: int) -> dict[str, list[tuple[datetime, int]]]:
    """The newest ``per_mentee`` wellbeing scores of each mentee, oldest first."""
    ids = list(dict.fromkeys(mentee_ids))
    found: dict[str, list[tuple[datetime, int]]] = {}
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        found.update(_last_scores(f"m.id IN ({marks(part)})", part, per_mentee))
    return found


def _last_scores(chosen: str, params: list[Any], per_mentee: int) -> dict[str, list[tuple[datetime, int]]]:
    found: dict[str, list[tuple[datetime, int]]] = {}
    # From the (mentee, held_on, next_on, wellbeing_score) index alone: a correlated
    # OFFSET finds the date of the n-th newest score, and the scores from then on are read.
    for mentee_id, held_on, score in rows(
            "SELECT m.id, s.held_on, s.wellbeing_score FROM mentee m JOIN session s ON s.mentee_id = m.id"
            " AND s.wellbeing_score IS NOT NULL AND s.held_on >= COALESCE(("
            "  SELECT held_on FROM session WHERE mentee_id = m.id AND wellbeing_score IS NOT NULL"
            f"  ORDER BY held_on DESC LIMIT 1 OFFSET ?), '') WHERE {chosen} ORDER BY m.id, s.held_on",
            [per_mentee - 1, *params]):
        found.setdefault(mentee_id, []).append((_as_datetime(held_on) or datetime.min, int(score)))
    return {mentee_id: scores[-per_mentee:] for mentee_id, scores in found.items()}


# --- the dashboard ----------------------------------------------------------------------

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def _day(on: date, today: date) -> str:
    """"9 Mar", with the year when it is not this year's."""
    # Not strftime: Qt sets the C locale from the environment, and "%b" would follow it.
    text = f"{on.day} {_MONTHS[on.month - 1]}"
    return text if on.year == today.year else f"{text} {on.year}"


def _when(on: date, today: date) -> str:
    days = days_between(today, on)
    if abs(days) >= 730:
        span = f"{abs(days) // 365} years"
    elif abs(days) >= 70:
        span = f"{abs(days) // 7} weeks"
    else:
        span = f"{abs(days)} days"
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {span}" if days > 0 else f"{span} ago"


def _short(text: str, limit: int = 90) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit - 1] + "…"


def dashboard(today: date | None = None) -> DashboardData:
    """Everything that needs attention today, most pressing kinds first."""
    today = today or clock.today()
    facts = gather_facts()
    items: list[AttentionItem] = []
    items += _action_items(facts, today)
    for f in sorted(facts.values(), key=lambda f: f.name.casefold()):
        items += _mentee_items(f, today)
    items += _goal_items(facts, today)
    items += _milestone_items(facts, today)
    items += _development_items(today)
    order = {kind: n for n, kind in enumerate(KINDS)}
    items.sort(key=lambda i: (order[i.kind], i.on or date.max, i.mentee_name.casefold()))
    counts = dict(rows("SELECT status, COUNT(*) FROM mentee GROUP BY status", ()))
    return DashboardData(today=today, items=tuple(items), active=counts.get("active", 0),
                         paused=counts.get("paused", 0), prospective=counts.get("prospective", 0),
                         closed=counts.get("closed", 0))


def _action_items(facts: dict[str, MenteeFacts], today: date) -> list[AttentionItem]:
    """One item per mentee and owner: how many actions are overdue, and the oldest one."""
    if not facts:
        return []
    items = []
    # Counted and picked in SQL, in one pass over the index of open actions: a busy career has
    # thousands of overdue actions, a few hundred groups. The key (due date, then place in
    # the session) picks the oldest; SQLite takes the bare columns from the row with the MIN.
    for mentee_id, owner, text, due_on, n, _key in rows(
            "SELECT a.mentee_id, a.owner, a.text, a.due_on, COUNT(*),"
            " MIN(a.due_on || printf(' %010d', a.position))"
            " FROM action_item a INDEXED BY action_item_open JOIN mentee m ON m.id = a.mentee_id"
            f" WHERE m.status IN ({marks(NAGGING_STATUSES)}) AND a.done_on IS NULL AND a.due_on < ?"
            " GROUP BY a.mentee_id, a.owner", [*NAGGING_STATUSES, today.isoformat()]):
        if mentee_id not in facts:
            continue
        oldest = _as_date(due_on) or today
        what = _short(text) if n == 1 else f"{n} actions overdue — oldest: {_short(text, 70)}"
        items.append(AttentionItem(
            MENTOR_ACTIONS if owner == "mentor" else MENTEE_ACTIONS, mentee_id, facts[mentee_id].name,
            what, f"Due {_day(oldest, today)} ({_when(oldest, today)})", oldest, True, n))
    return items


def _mentee_items(f: MenteeFacts, today: date) -> list[AttentionItem]:
    items = []
    if is_not_seen(f, today):
        days = days_without_contact(f, today)
        what = (f"Not seen for {days} days" if f.last_met else f"No meeting yet in {days} days as active")
        items.append(AttentionItem(NOT_SEEN, f.id, f.name, what, f"Agreed: every {f.cadence_days} days",
                                   f.last_met.date() if f.last_met else f.active_since, True))
    if is_meeting_soon(f.next_on, today) and f.next_on is not None:
        at = f", {f.last_met:%H:%M}" if f.last_met else ""
        day = f"{_WEEKDAYS[f.next_on.weekday()]} {_day(f.next_on, today)}"
        items.append(AttentionItem(MEETINGS, f.id, f.name, f"Meeting {_when(f.next_on, today)}",
                                   f"{day}{at}", f.next_on, False))
    if is_agreement_review_due(f.review_on, today) and f.review_on is not None:
        items.append(AttentionItem(AGREEMENT_REVIEWS, f.id, f.name, "Review the agreement",
                                   f"Review date {_day(f.review_on, today)} ({_when(f.review_on, today)})",
                                   f.review_on, f.review_on < today))
    if is_wellbeing_falling(f.scores):
        trend = " → ".join(str(s) for s in f.scores[-WELLBEING_SESSIONS:])
        items.append(AttentionItem(WELLBEING, f.id, f.name, "Wellbeing score falling",
                                   f"Last scores {trend} (of 5)", None, False))
    return items


def _goal_items(facts: dict[str, MenteeFacts], today: date) -> list[AttentionItem]:
    if not facts:
        return []
    interval = preferences.goal_review_interval()
    items = []
    for mentee_id, title, created_at, last in rows(
            "SELECT g.mentee_id, g.title, g.created_at,"
            ' (SELECT MAX(p."on") FROM goal_progress p WHERE p.goal_id = g.id)'
            " FROM goal g JOIN mentee m ON m.id = g.mentee_id"
            f" WHERE g.status = 'open' AND m.status IN ({marks(NAGGING_STATUSES)}) ORDER BY g.position",
            NAGGING_STATUSES):
        if mentee_id not in facts:
            continue
        since = _as_date(last) or _as_date(created_at) or today
        if today - since > interval:
            items.append(AttentionItem(GOAL_REVIEWS, mentee_id, facts[mentee_id].name, _short(title),
                                       f"No update since {_day(since, today)}", since + interval, True))
    return items


def _milestone_items(facts: dict[str, MenteeFacts], today: date) -> list[AttentionItem]:
    new = {m: f for m, f in facts.items() if f.new_in_post and f.started_post_on}
    if not new:
        return []
    items, seen = [], set()
    for mentee_id, day, prompt in rows_for_ids(
            "SELECT mentee_id, day, prompt FROM milestone WHERE done_on IS NULL AND mentee_id IN ({marks})"
            " ORDER BY mentee_id, day, position", list(new)):
        if mentee_id in seen:
            continue  # only the next check-in of each mentee
        seen.add(mentee_id)
        start = new[mentee_id].started_post_on
        assert start is not None
        due_on = start + timedelta(days=day)
        if is_milestone_due(due_on, None, today):
            items.append(AttentionItem(MILESTONES, mentee_id, new[mentee_id].name,
                                       f"Day {day} check-in: {_short(prompt, 70)}",
                                       f"Due {_day(due_on, today)} ({_when(due_on, today)})",
                                       due_on, due_on < today))
    return items


def _development_items(today: date) -> list[AttentionItem]:
    # Most days nothing of the plan is due: asked first in one indexed query, so that the
    # plan's module (and the frameworks it reads for domain titles) loads only when needed.
    if not rows("SELECT 1 FROM development_action WHERE done_on IS NULL AND target_on <= ? LIMIT 1",
                 [today.isoformat()]):
        return []
    from mentordesk.services.development_plan import due_development_actions

    return [AttentionItem(DEVELOPMENT, None, "You", _short(a.text),
                          f"{a.domain_title} — target {_day(a.target_on, today)} "
                          f"({_when(a.target_on, today)})", a.target_on, a.target_on < today)
            for a in due_development_actions(today) if a.target_on is not None]


def reminder_text(data: DashboardData) -> str:
    """The start-up reminder for the status bar ('' when nothing is overdue)."""
    n = data.overdue_items
    if not n:
        return ""
    return f"{n} thing{'s' if n != 1 else ''} need{'s' if n == 1 else ''} attention — see the Dashboard"
