"""Plain SQL for the reads where peewee's query building and row conversion cost more
than the query itself: the Dashboard and the roster, on hundreds of mentees and
thousands of actions. The SQL names tables and columns as the schema steps do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mentordesk.db.base import connection

CHUNK = 500
"""Ids per query: below SQLite's limit on parameters."""


def marks(values: Sequence[object]) -> str:
    """One ``?`` per value, for an ``IN (…)``."""
    return ", ".join("?" for _ in values)


def rows(sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    return list(connection().execute(sql, list(params)).fetchall())


def rows_for_ids(sql: str, ids: Sequence[str], *leading: Any) -> list[tuple[Any, ...]]:
    """Run ``sql`` (``{marks}`` standing for the ids) over ``ids`` in chunks SQLite accepts;
    ``leading`` parameters come before the ids."""
    found: list[tuple[Any, ...]] = []
    for start in range(0, len(ids), CHUNK):
        part = list(ids[start:start + CHUNK])
        found += rows(sql.format(marks=marks(part)), [*leading, *part])
    return found
