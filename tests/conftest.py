"""Shared fixtures: a headless Qt, a temporary data folder, private QSettings, a fixed clock."""

from __future__ import annotations

import os

# Before anything can create a QApplication: no screen in tests.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.pop("MENTORDESK_DATA_DIR", None)
if not os.environ.get("XDG_RUNTIME_DIR") or not os.access(os.environ["XDG_RUNTIME_DIR"], os.W_OK):
    import tempfile

    os.environ["XDG_RUNTIME_DIR"] = tempfile.mkdtemp(prefix="mentordesk-run-")  # 0700

from collections.abc import Iterator  # noqa: E402
from datetime import datetime  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings  # noqa: E402

from mentordesk.db.base import close_database  # noqa: E402
from mentordesk.services import clock  # noqa: E402
from mentordesk.services.storage import open_data_dir  # noqa: E402

FIXED_NOW = datetime(2026, 3, 16, 9, 30)

# In CI the example database is of no use and its folder may not be writable.
settings.register_profile("ci", database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, not yet created data folder."""
    return tmp_path / "data"


@pytest.fixture
def db(data_dir: Path) -> Iterator[Path]:
    """An open, empty MentorDesk data file in a temporary folder; yields its path."""
    path = open_data_dir(data_dir)
    yield path
    close_database()


@pytest.fixture
def fixed_clock() -> Iterator[datetime]:
    """Local time fixed at FIXED_NOW for the rules that depend on today's date."""
    clock.set_clock(lambda: FIXED_NOW)
    yield FIXED_NOW
    clock.set_clock(None)


@pytest.fixture(autouse=True)
def _private_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep QSettings and XDG folders of each test away from the real user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
