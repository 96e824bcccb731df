"""Rebuilding the full-text index gives exactly the index that writes keep up to date."""

from __future__ import annotations

from pathlib import Path

from exchange_fixtures import build_rich_data, index_rows

from mentordesk.db import search
from mentordesk.services import search_index


def test_rebuild_equals_the_index_kept_by_every_write(db: Path) -> None:
    """Sessions, actions, goals, progress notes, referrals and journal entries all come back the same."""
    build_rich_data()
    kept = index_rows()
    kinds = {row[0] for row in kept}
    assert {"session", "action", "goal", "progress", "referral", "reflection"} <= kinds
    search.clear()
    assert index_rows() == []
    search_index.rebuild()
    assert index_rows() == kept
