"""Start-up through run_gui: bad data folders, a second start, and a full open and close."""

from __future__ import annotations

import gc
import stat
import sys
from pathlib import Path
from typing import Any

import peewee
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from mentordesk import app
from mentordesk.app import run_gui
from mentordesk.paths import data_file
from mentordesk.services import storage
from mentordesk.services.questions import ShippedFileError
from mentordesk.ui import single_instance
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.single_instance import SingleInstanceServer, ask_running_instance_to_raise, server_name


def test_a_file_in_place_of_the_data_folder_is_one_line_and_exit_2(
        tmp_path: Path, capsys: Any, qapp: Any) -> None:
    """A data folder that is a file ends with one clear line on stderr, exit code 2, no window."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    before = {id(w) for w in QApplication.topLevelWidgets()}  # (windows other tests left)
    assert run_gui(blocker) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "is a file, not a folder" in err
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and id(w) not in before]
    assert blocker.read_text() == "not a folder"


def test_a_data_file_that_is_not_a_database_is_refused(tmp_path: Path, capsys: Any, qapp: Any) -> None:
    """A data file that is not a MentorDesk database is left alone, with exit code 2."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    data_file(folder).write_bytes(b"hello, I am a text file")
    assert run_gui(folder) == 2
    assert "not a MentorDesk database" in capsys.readouterr().err
    assert data_file(folder).read_bytes() == b"hello, I am a text file"


def test_second_start_raises_the_running_window_and_exits_0(qtbot: Any, tmp_path: Path) -> None:
    """When a window is already open on the data file, run_gui asks it to come forward and returns 0."""
    folder = tmp_path / "data"
    running = SingleInstanceServer(server_name(data_file(folder)))
    try:
        assert running.listen()
        with qtbot.waitSignal(running.raise_requested, timeout=3000):
            assert run_gui(folder) == 0
    finally:
        running.close()
    assert not folder.exists()  # the second start did not touch the data


def test_full_start_shows_the_demo_window_and_closes_cleanly(qtbot: Any, tmp_path: Path) -> None:
    """run_gui opens the data file, shows the labelled window, logs crashes there, and returns 0."""
    folder = tmp_path / "data" / "demo"
    hook_before = sys.excepthook
    seen: list[str] = []

    def look_then_close() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        seen.extend(w.windowTitle() for w in windows)
        seen.append(oct(stat.S_IMODE(folder.stat().st_mode)))
        for window in windows:
            window.close()  # the last window closed ends the event loop, as for the mentor

    QTimer.singleShot(0, look_then_close)
    assert run_gui(folder, demo=True) == 0
    assert seen == ["MentorDesk — DEMO DATA", "0o700"]
    assert data_file(folder).exists()
    assert sys.excepthook is hook_before
    assert QApplication.applicationName() == "MentorDesk"
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.deleteLater()


def _visible_main_windows() -> list[MainWindow]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]


def test_the_shown_window_is_raised_by_a_later_start(qtbot: Any, tmp_path: Path) -> None:
    """The window listens once it is shown; a later start on the same data file brings it forward."""
    folder = tmp_path / "data"
    name = server_name(data_file(folder))
    answered: list[bool] = []

    def second_start() -> None:
        windows = _visible_main_windows()
        answered.append(ask_running_instance_to_raise(name))
        for window in windows:
            window.close()

    QTimer.singleShot(app.LISTEN_AFTER_MS + 400, second_start)
    collecting: list[bool] = []
    QTimer.singleShot(app.LISTEN_AFTER_MS + 300, lambda: collecting.append(gc.isenabled()))
    iconed: list[bool] = []
    QApplication.setWindowIcon(QIcon())  # the icon comes once the window is shown
    QTimer.singleShot(app.LISTEN_AFTER_MS + 300, lambda: iconed.append(not QApplication.windowIcon().isNull()))
    gc.disable()  # as the command line starts the window: the shown window turns it back on
    try:
        assert run_gui(folder) == 0
    finally:
        gc.enable()
    assert answered == [True]
    assert collecting == [True]
    assert iconed == [True]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.deleteLater()


def test_two_starts_at_once_leave_one_window(qtbot: Any, tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A start that found no socket but is beaten to listening by another one (both opening at
    the same moment) brings the other forward and closes its own, unused window: exit 0."""
    folder = tmp_path / "data"
    monkeypatch.setattr(single_instance, "may_be_running", lambda _name: False)
    other = SingleInstanceServer(server_name(data_file(folder)))
    try:
        assert other.listen()
        with qtbot.waitSignal(other.raise_requested, timeout=5000):
            assert run_gui(folder) == 0
    finally:
        other.close()
    assert not _visible_main_windows()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.deleteLater()


def test_the_mentors_first_start_from_the_command_shows_the_welcome(qtbot: Any, tmp_path: Path) -> None:
    """`mentordesk` on a new data folder: the command line checks (and so creates) the data file
    first, and the window still greets the mentor."""
    from mentordesk import cli
    from mentordesk.ui.dialogs.welcome_dialog import WelcomeDialog

    welcomed: list[bool] = []

    def look_then_close() -> None:
        welcomed.append(any(isinstance(w, WelcomeDialog) and w.isVisible() for w in QApplication.topLevelWidgets()))
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and widget.isWindow():
                widget.close()

    QTimer.singleShot(0, look_then_close)
    assert cli.main(["--data-dir", str(tmp_path / "data")]) == 0
    assert welcomed == [True]
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, (MainWindow, WelcomeDialog)):
            widget.deleteLater()


def test_the_first_paint_needs_no_peewee(tmp_path: Path) -> None:
    """The window's first screen reads the data file in plain SQL: the models (and peewee) load
    after it (db/orm.py); SQLCipher and reportlab wait for an encrypted file and a PDF."""
    from mentordesk.bench import startup
    from mentordesk.db.base import close_database
    from mentordesk.services.sample_data import fill_demo
    from mentordesk.services.storage import open_data_dir

    folder = tmp_path / "data"
    open_data_dir(folder)
    fill_demo()
    close_database()
    loaded = startup.packages_at_first_paint(folder)
    assert {"mentordesk", "PySide6", "sqlite3"} <= loaded
    assert not {"peewee", "playhouse", "sqlcipher3", "reportlab"} & loaded


@pytest.mark.parametrize(("problem", "said"), [
    (peewee.OperationalError("database is locked"), "at the next start (the data file was busy)"),
    (ShippedFileError("The question bank has no list of questions."), "could not be read"),
])
def test_a_question_bank_that_cannot_be_brought_in_is_said_not_a_crash(
        window: MainWindow, monkeypatch: pytest.MonkeyPatch, problem: Exception, said: str) -> None:
    """The bank is synced once the window is shown: a busy file or a damaged installation is a
    line in the status bar, and the window goes on."""
    def fail() -> None:
        raise problem

    monkeypatch.setattr(storage, "sync_questions", fail)
    app._bring_in_questions(window)
    assert said in window.statusBar().currentMessage()
