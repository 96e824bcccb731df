"""An older MentorDesk refuses a data file written by a newer one, on every way in, and leaves it as it was."""

from __future__ import annotations

import os
import sys
import types
from pathlib import Path

import pytest

from mentordesk import cli
from mentordesk.db import migrations
from mentordesk.db.base import database
from mentordesk.paths import data_file
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.storage import close_data, open_data_dir


def _folder_snapshot(folder: Path) -> dict[str, tuple[int, bytes, int]]:
    """Every file in a folder (recursively) with its mode, bytes and mtime."""
    found = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = Path(root, name)
            info = path.stat()
            found[str(path.relative_to(folder))] = (info.st_mode, path.read_bytes(), info.st_mtime_ns)
    return found


@pytest.fixture
def newer_file(data_dir: Path) -> Path:
    """A data folder whose file says it was written by the next MentorDesk (schema LATEST + 1)."""
    open_data_dir(data_dir)
    create_mentee(MenteeData(name="Zofia Łęcka-Dąbrowska"))
    database.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    close_data()
    return data_dir


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """A stand-in for mentordesk.app that records a window that should never open."""
    opened: list[Path] = []
    fake = types.ModuleType("mentordesk.app")
    fake.run_gui = lambda data_dir, **_: opened.append(data_dir) or 0  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mentordesk.app", fake)
    return opened


@pytest.mark.parametrize("argv", [[], ["mentees"]], ids=["window", "headless"])
def test_older_build_refuses_a_newer_data_file(newer_file: Path, no_window: list[Path], argv: list[str],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Opening a newer file ends with one readable line and exit 2, no window, and not a byte changed."""
    before = _folder_snapshot(newer_file)
    assert cli.main(["--data-dir", str(newer_file), *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("mentordesk: ") and "newer MentorDesk" in lines[0]
    assert str(migrations.LATEST + 1) in lines[0]
    assert no_window == []
    assert _folder_snapshot(newer_file) == before
    assert not (newer_file / migrations.BACKUP_FOLDER).exists()
    assert not Path(f"{data_file(newer_file)}-wal").exists()
