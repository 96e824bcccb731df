"""Erasing a mentee leaves nothing of them in the data file; the retention list finds old closures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from exchange_fixtures import UNIQUE_WORD, build_rich_data

from mentordesk import cli
from mentordesk.db.assessment_models import Assessment
from mentordesk.db.base import database
from mentordesk.db.models import ActionItem, Goal, Mentee, Referral, Session, Tag
from mentordesk.services.erasure import closed_longer_than, erase_mentee
from mentordesk.services.exchange_export import build_document
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.relationships import close_relationship
from mentordesk.services.search import search


def _file_bytes(path: Path) -> bytes:
    """The data file and its write-ahead log, as bytes on disk."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_erased_mentee_leaves_no_trace_in_the_file(db: Path) -> None:
    """After erasure neither the name nor a unique word of their notes is in the file's bytes."""
    ids = build_rich_data()
    for _ in range(3):  # text also in older page versions and index segments
        create_mentee(MenteeData(name=f"Other {_}", notes="unrelated words"))
    assert "Żmijewska".encode() in _file_bytes(db) or UNIQUE_WORD.encode() in _file_bytes(db)
    assert search(UNIQUE_WORD)
    name = erase_mentee(ids["ana"])
    assert name == "Łucja Żmijewska"
    data = _file_bytes(db)
    for needle in ("Żmijewska", "Łucja", UNIQUE_WORD, "zmijewska"):
        assert needle.encode() not in data, f"{needle!r} is still in the data file"
    assert search(UNIQUE_WORD) == []
    assert Mentee.get_or_none(Mentee.id == ids["ana"]) is None
    for model in (Session, ActionItem, Goal, Referral):
        assert model.select().where(model.mentee == ids["ana"]).count() == 0
    assert Assessment.select().where(Assessment.mentee == ids["ana"]).count() == 0
    assert Tag.select().where(Tag.name == "new post").count() == 0, "a tag only they had goes too"
    assert Tag.select().where(Tag.name == "research").count() == 1, "a tag others use stays"
    assert database.execute_sql("SELECT count(*) FROM search_text WHERE mentee_id = ?",
                                (ids["ana"],)).fetchone()[0] == 0
    assert [m["name"] for m in build_document()["mentees"]][0] == "Ben O’Neill"


def test_erase_on_the_command_line_needs_yes(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk erase` without --yes refuses in one line; with it, the mentee is gone."""
    from mentordesk.services.storage import close_data

    create_mentee(MenteeData(name="Ana Núñez"))
    close_data()
    folder = str(db.parent)
    assert cli.main(["--data-dir", folder, "erase", "ana"]) == 2
    assert "--yes" in capsys.readouterr().err
    assert cli.main(["--data-dir", folder, "erase", "ana", "--yes"]) == 0
    assert "backups" in capsys.readouterr().out.lower()
    assert cli.main(["--data-dir", folder, "mentees", "--all"]) == 0
    assert capsys.readouterr().out == ""


def test_closed_longer_than_the_retention_period(db: Path) -> None:
    """Only relationships closed more than N years ago are listed, longest closed first; 0 means never."""
    old = create_mentee(MenteeData(name="Closed long ago"))
    close_relationship(old.id, reason="mutual", on=date(2018, 5, 1))
    older = create_mentee(MenteeData(name="Closed longer ago"))
    close_relationship(older.id, reason="other", on=date(2017, 1, 1))
    recent = create_mentee(MenteeData(name="Closed recently"))
    close_relationship(recent.id, reason="mutual", on=date(2025, 5, 1))
    create_mentee(MenteeData(name="Still active"))
    rows = closed_longer_than(7, today=date(2026, 3, 16))
    assert [r.name for r in rows] == ["Closed longer ago", "Closed long ago"]
    assert closed_longer_than(0) == []
