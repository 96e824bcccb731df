"""Settings kept with the data (not with the window): review intervals, kinds of relationship, ..."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from mentordesk.db.base import transaction
from mentordesk.db.rows import rows

DEFAULTS: dict[str, Any] = {
    "goal_review_weeks": 6,
    "relationship_kinds": [
        "career", "research", "clinical skills", "transition into a post",
        "wellbeing & balance", "leadership", "education & teaching",
    ],
    "lock_minutes": 10,
    "retention_years": 0,  # 0: never suggest erasing closed relationships
}


def get(key: str) -> Any:
    # Plain SQL: the window's start reads settings before the models are loaded (db/orm.py).
    found = rows("SELECT value FROM setting WHERE key = ?", [key])
    if not found:
        return DEFAULTS.get(key)
    return json.loads(found[0][0])


def put(key: str, value: Any) -> None:
    from mentordesk.db.models import Setting

    with transaction():
        Setting.insert(key=key, value=json.dumps(value, ensure_ascii=False)).on_conflict_replace().execute()


def goal_review_interval() -> timedelta:
    """How long an open goal may go without a progress update before its review is due."""
    return timedelta(weeks=int(get("goal_review_weeks")))


def relationship_kinds() -> list[str]:
    return list(get("relationship_kinds"))


def add_relationship_kind(kind: str) -> list[str]:
    """The mentor can extend the list of kinds of relationship."""
    kinds = relationship_kinds()
    clean = " ".join(kind.split())
    if clean and clean.casefold() not in {k.casefold() for k in kinds}:
        kinds.append(clean)
        put("relationship_kinds", kinds)
    return kinds
