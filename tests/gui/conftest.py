"""GUI fixtures: QSettings in a temporary folder and a main window (helpers: gui_helpers.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings

from mentordesk.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    """Every test writes its window settings under its own temporary folder."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


@pytest.fixture
def window(qtbot: Any, db: Path) -> MainWindow:
    """A shown main window on an empty, open data file."""
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
