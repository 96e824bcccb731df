"""The mentor's development plan: concrete steps per competency domain, with target dates.

At most three actions may be open per domain; the Dashboard shows those whose
target date has come.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from mentordesk.db.assessment_models import DevelopmentAction
from mentordesk.db.base import new_id, transaction, utc_now
from mentordesk.services import clock
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, Framework, get_framework
from mentordesk.services.validation import clean_text, parse_date

MAX_OPEN_ACTIONS_PER_DOMAIN = 3
MAX_ACTION_TEXT = 500


@dataclass(frozen=True)
class DevelopmentActionData:
    id: str
    framework: str
    domain_key: str
    domain_title: str
    text: str
    target_on: date | None
    done_on: date | None
    created_at: datetime

    @property
    def open(self) -> bool:
        return self.done_on is None


def _action_data(row: DevelopmentAction, titles: dict[tuple[str, str], str]) -> DevelopmentActionData:
    return DevelopmentActionData(
        id=str(row.id), framework=str(row.framework), domain_key=str(row.domain_key),
        domain_title=titles.get((str(row.framework), str(row.domain_key)), str(row.domain_key)),
        text=str(row.text), target_on=row.target_on, done_on=row.done_on, created_at=row.created_at)


def _domain_titles(framework_keys: Iterable[str]) -> dict[tuple[str, str], str]:
    titles: dict[tuple[str, str], str] = {}
    for key in set(framework_keys):
        try:
            framework = get_framework(key)
        except NotFoundError:
            continue
        titles.update({(key, d.key): d.title for d in framework.domains})
    return titles


def _open_count(framework_key: str, domain_key: str, *, excluding: str | None = None) -> int:
    query = DevelopmentAction.select().where(
        (DevelopmentAction.framework == framework_key) & (DevelopmentAction.domain_key == domain_key)
        & DevelopmentAction.done_on.is_null())
    if excluding is not None:
        query = query.where(DevelopmentAction.id != excluding)
    return int(query.count())


def _refuse_fourth(framework: Framework, domain_key: str, *, excluding: str | None = None) -> None:
    if _open_count(framework.key, domain_key, excluding=excluding) >= MAX_OPEN_ACTIONS_PER_DOMAIN:
        title = framework.domain(domain_key).title
        raise ValidationError(
            f"{title} already has {MAX_OPEN_ACTIONS_PER_DOMAIN} open actions; finish or remove one "
            "before adding another.")


def add_development_action(domain_key: str, text: str, *, target_on: date | str | None = None,
                           framework_key: str = DEFAULT_FRAMEWORK) -> str:
    """Add a concrete step to the plan for one domain; at most three may be open per domain."""
    framework = get_framework(framework_key)
    framework.domain(domain_key)
    value = clean_text(text, "Action", required=True, max_length=MAX_ACTION_TEXT)
    target = parse_date(target_on, "Target date")
    with transaction():
        _refuse_fourth(framework, domain_key)
        action_id = new_id()
        DevelopmentAction.create(id=action_id, framework=framework.key, domain_key=domain_key, text=value,
                                 target_on=target, created_at=utc_now())
    return action_id


def _action(action_id: str) -> DevelopmentAction:
    row = DevelopmentAction.get_or_none(DevelopmentAction.id == action_id)
    if row is None:
        raise NotFoundError("This development action does not exist (it may have been deleted).")
    return row


def update_development_action(action_id: str, text: str, target_on: date | str | None) -> None:
    value = clean_text(text, "Action", required=True, max_length=MAX_ACTION_TEXT)
    target = parse_date(target_on, "Target date")
    with transaction():
        row = _action(action_id)
        DevelopmentAction.update(text=value, target_on=target).where(DevelopmentAction.id == row.id).execute()


def complete_development_action(action_id: str, done_on: date | str | None = None) -> None:
    day = parse_date(done_on, "Date done") or clock.today()
    with transaction():
        row = _action(action_id)
        DevelopmentAction.update(done_on=day).where(DevelopmentAction.id == row.id).execute()


def reopen_development_action(action_id: str) -> None:
    """Mark a finished action open again (refused when the domain already has three open)."""
    with transaction():
        row = _action(action_id)
        if row.done_on is None:
            return
        _refuse_fourth(get_framework(str(row.framework)), str(row.domain_key), excluding=str(row.id))
        DevelopmentAction.update(done_on=None).where(DevelopmentAction.id == row.id).execute()


def delete_development_action(action_id: str) -> None:
    with transaction():
        _action(action_id).delete_instance()


def list_development_actions(*, framework_key: str | None = None, domain_key: str | None = None,
                             include_done: bool = True) -> list[DevelopmentActionData]:
    """The plan: open actions first (by target date, undated last), then finished ones, newest first."""
    query = DevelopmentAction.select()
    if framework_key is not None:
        query = query.where(DevelopmentAction.framework == framework_key)
    if domain_key is not None:
        query = query.where(DevelopmentAction.domain_key == domain_key)
    if not include_done:
        query = query.where(DevelopmentAction.done_on.is_null())
    rows = list(query)
    titles = _domain_titles(str(r.framework) for r in rows)
    open_rows = sorted((r for r in rows if r.done_on is None),
                       key=lambda r: (r.target_on is None, r.target_on or date.min, r.created_at))
    done_rows = sorted((r for r in rows if r.done_on is not None), key=lambda r: r.done_on or date.min,
                       reverse=True)
    return [_action_data(r, titles) for r in open_rows + done_rows]


def due_development_actions(today: date | None = None, *,
                            within_days: int = 0) -> list[DevelopmentActionData]:
    """Open actions whose target date has come (or comes within ``within_days``), for the dashboard."""
    day = (today or clock.today()) + timedelta(days=within_days)
    rows = list(DevelopmentAction.select()
                .where(DevelopmentAction.done_on.is_null() & DevelopmentAction.target_on.is_null(False)
                       & (DevelopmentAction.target_on <= day))
                .order_by(DevelopmentAction.target_on, DevelopmentAction.created_at))
    titles = _domain_titles(str(r.framework) for r in rows)
    return [_action_data(r, titles) for r in rows]
