"""Rebuilding the whole full-text index from the records (after a bulk load).

Each kind of record says itself which of its texts are indexed and how
(``session_rows``, ``goal_rows``, ...), the same functions its service uses on
every save, so a rebuilt index equals one kept up to date write by write.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from mentordesk.db import search
from mentordesk.db.base import transaction
from mentordesk.db.journal_models import ReflectionEntry
from mentordesk.db.models import ActionItem, Goal, GoalProgress, Mentee, Referral, Session
from mentordesk.services.goals import goal_rows, progress_rows
from mentordesk.services.journal import entry_rows
from mentordesk.services.mentees import SEARCHED_FIELDS, mentee_rows
from mentordesk.services.referrals import referral_rows
from mentordesk.services.sessions import session_rows

BATCH = 5000


def _all_rows() -> Iterator[search.Row]:
    for mentee in Mentee.select().iterator():
        texts = {name: getattr(mentee, name) for name in SEARCHED_FIELDS}
        yield from mentee_rows(mentee.id, mentee.created_at, texts)
    for session in Session.select().iterator():
        yield from session_rows(session)
    actions = (ActionItem.select(ActionItem.id, ActionItem.mentee, ActionItem.text, Session.held_on)
               .join(Session))
    for action_id, mentee_id, text, held_on in actions.tuples().iterator():
        yield from search.rows_for("action", action_id, mentee_id, held_on, {"text": text})
    for goal in Goal.select().iterator():
        yield from goal_rows(goal)
    progress = GoalProgress.select(GoalProgress, Goal.mentee).join(Goal)
    for row in progress.iterator():
        yield from progress_rows(row, row.goal.mentee_id)
    for referral in Referral.select().iterator():
        yield from referral_rows(referral)
    for entry in ReflectionEntry.select().iterator():
        yield from entry_rows(entry)


def _batches(rows: Iterable[search.Row]) -> Iterator[list[search.Row]]:
    batch: list[search.Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def rebuild() -> None:
    """Index every text again, in one transaction."""
    with transaction():
        search.clear()
        for batch in _batches(_all_rows()):
            search.insert_rows(batch)
