"""Every model and every field bound to the database is handled by the exchange format's mapping."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import mentordesk.db
from mentordesk.db.base import database
from mentordesk.db.models import BaseModel
from mentordesk.services.exchange_export import DERIVED, FIELD_MAP, INTERNAL


def bound_models() -> list[type[BaseModel]]:
    """Every concrete peewee model of mentordesk.db (all its modules imported), parents first."""
    for info in pkgutil.iter_modules(mentordesk.db.__path__, "mentordesk.db."):
        importlib.import_module(info.name)
    found: list[type[BaseModel]] = []
    todo = list(BaseModel.__subclasses__())
    while todo:
        model = todo.pop(0)
        todo.extend(model.__subclasses__())
        if model.__module__.startswith("mentordesk.db.") and model._meta.database is database \
                and model not in found:
            found.append(model)
    tables = {row[0] for row in database.execute_sql("SELECT name FROM sqlite_master WHERE type = 'table'")}
    concrete = [m for m in found if m._meta.table_name in tables]
    # Parents before children (the order of foreign keys), for deleting in reverse.
    ordered: list[type[BaseModel]] = []
    while concrete:
        for model in list(concrete):
            parents = {f.rel_model for f in model._meta.refs}
            if not (parents - {model}) & set(concrete):
                ordered.append(model)
                concrete.remove(model)
    return ordered


def test_every_model_and_field_is_mapped(db: Path) -> None:
    """A model or field missing from the exporter's mapping (e.g. a new feature's table) fails by name."""
    models = bound_models()
    assert len(models) >= 15
    missing = [m.__name__ for m in models if m not in FIELD_MAP]
    assert not missing, f"models the exchange format does not carry: {missing}"
    for model in models:
        fields = set(model._meta.fields)
        mapped = set(FIELD_MAP[model])
        assert fields - mapped == set(), f"{model.__name__}: fields not exported: {sorted(fields - mapped)}"
        assert mapped - fields == set(), f"{model.__name__}: mapping names unknown fields {sorted(mapped - fields)}"


def test_every_unexported_field_says_why(db: Path) -> None:
    """A field left out of the document is marked derived or internal, with a reason."""
    for model, fields in FIELD_MAP.items():
        for name, where in fields.items():
            assert where.strip(), f"{model.__name__}.{name} has no entry"
            if where.startswith((DERIVED, INTERNAL)):
                assert ":" in where and len(where.split(":", 1)[1].strip()) > 3, f"{model.__name__}.{name}"


def test_mapping_names_only_bound_models(db: Path) -> None:
    """The mapping holds no model that no longer has a table (a stale entry)."""
    models = set(bound_models())
    assert set(FIELD_MAP) <= models, set(FIELD_MAP) - models
