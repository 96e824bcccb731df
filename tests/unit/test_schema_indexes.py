"""The frozen schema steps and the models agree, and the Dashboard's queries read indexes only.

The Dashboard is on the start path: on a career's data, reading session or action
rows instead of indexes costs a page per row (schema step 8).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import peewee
import pytest

from mentordesk.db import rows as rows_module
from mentordesk.db.base import database
from mentordesk.db.models import ALL_MODELS
from mentordesk.services import dashboard
from mentordesk.services.sample_data import fill_demo


def _indexes(db: peewee.SqliteDatabase, table: str) -> dict[str, tuple[int, int, list[str]]]:
    """Each index of a table: unique, partial, and its columns in order."""
    found = {}
    for _seq, name, unique, _origin, partial in db.execute_sql(f'PRAGMA index_list("{table}")'):
        columns = [row[2] for row in db.execute_sql(f'PRAGMA index_info("{name}")')]
        found[name] = (unique, partial, columns)
    return found


def test_the_schema_steps_make_the_models_tables_and_indexes(db: Path) -> None:
    reference = peewee.SqliteDatabase(":memory:", pragmas={"foreign_keys": 1})
    with reference.bind_ctx(ALL_MODELS):
        reference.create_tables(ALL_MODELS)
    for model in ALL_MODELS:
        table = model._meta.table_name
        real = database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
        expected = reference.execute_sql(f'PRAGMA table_info("{table}")').fetchall()
        assert real == expected, table
        assert _indexes(database.obj, table) == _indexes(reference, table), table
    assert _indexes(database.obj, "action_item")["action_item_open"][1] == 1  # open actions only


@pytest.fixture
def dashboard_sql(db: Path, fixed_clock: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, list[Any]]]:
    """Every statement the Dashboard runs on the demo data, with its parameters."""
    fill_demo()
    seen: list[tuple[str, list[Any]]] = []
    real = database.obj.connection()

    class Spy:
        def execute(self, sql: str, params: Any = ()) -> Any:
            seen.append((sql, list(params or ())))
            return real.execute(sql, params)

    monkeypatch.setattr(rows_module, "connection", Spy)
    data = dashboard.dashboard()
    monkeypatch.undo()
    assert data.items  # the demo data has things to attend to
    return seen


def test_the_dashboard_reads_no_session_or_action_rows(dashboard_sql: list[tuple[str, list[Any]]]) -> None:
    """Sessions are read from the (mentee, held_on, next_on, wellbeing_score) index alone,
    actions from the small index of open ones; neither table is scanned."""
    steps = [row[3] for sql, params in dashboard_sql
             for row in database.execute_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
    # The Dashboard's SQL names the session table "s" (or in full) and the action table "a".
    on_sessions = [step for step in steps if step.split(" ")[1:2] in (["session"], ["s"])]
    on_actions = [step for step in steps if step.split(" ")[1:2] in (["action_item"], ["a"])]
    assert on_sessions and on_actions
    assert all(step.startswith("SEARCH") and "COVERING INDEX" in step for step in on_sessions), on_sessions
    assert all(step.startswith("SEARCH") and "action_item_open" in step for step in on_actions), on_actions
