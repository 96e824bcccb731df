"""Taking back the last change of a mentee's status (the window's Undo).

A status change is kept as a dated StatusChange row; undoing it removes that row
and puts the mentee back where they were, closure details included. Only the
newest change can be taken back, and only while nothing changed the status since.
"""

from __future__ import annotations

from mentordesk.db.base import transaction, utc_now
from mentordesk.db.models import MENTEE_STATUSES, Mentee, StatusChange
from mentordesk.services.errors import TransitionError
from mentordesk.services.mentees import get_mentee
from mentordesk.services.validation import clean_choice


def _newest(mentee_id: str, *, to_status: str | None = None) -> StatusChange | None:
    query = StatusChange.select().where(StatusChange.mentee == mentee_id)
    if to_status is not None:
        query = query.where(StatusChange.to_status == to_status)
    return query.order_by(StatusChange.id.desc()).first()


def restore_status(mentee_id: str, status: str) -> Mentee:
    """Undo the newest status change of the mentee, which must have moved them from ``status``.

    The change disappears from the status history. Going back to "closed" brings back the
    date, reason and reflection of that closure; leaving "closed" clears them from the profile.
    """
    clean_choice(status, "Status", MENTEE_STATUSES)
    with transaction():
        mentee = get_mentee(mentee_id)
        last = _newest(mentee_id)
        if last is None or last.to_status != mentee.status or last.from_status != status:
            raise TransitionError(
                f"The change of status of {mentee.name} cannot be undone: it has changed again since.")
        last.delete_instance()
        mentee.status = status
        closing = _newest(mentee_id, to_status="closed") if status == "closed" else None
        if closing is not None:
            mentee.closed_on = closing.changed_on
            mentee.closure_reason = closing.reason
            mentee.closure_reflection = closing.note
        else:
            mentee.closed_on, mentee.closure_reason, mentee.closure_reflection = None, None, ""
        mentee.updated_at = utc_now()
        mentee.save()
    return mentee
