"""Qt start-up: the application object, fonts, crash handler, single instance, main window.

The command line has already chosen the data folder (and filled the demo data when
asked); this module opens it and shows the window. Headless commands never come here.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk import APP_NAME, __version__
from mentordesk.paths import data_file
from mentordesk.services.encryption import PassphraseNeededError
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.storage import close_data, open_data_dir

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from mentordesk.ui.checkpointer import Checkpointer
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.single_instance import SingleInstanceServer

EXIT_OK = 0
EXIT_DATA_ERROR = 2
LISTEN_AFTER_MS = 100


def run_gui(data_dir: Path, *, demo: bool = False, argv: list[str] | None = None,
            first_start: bool | None = None, opened: Path | None = None) -> int:
    """Open the window on the data file in ``data_dir``; returns the process exit code.

    A second start on the same data file brings the running window forward and
    returns 0. A data folder or file that cannot be used prints one line on
    stderr and returns 2, before any window exists. On a first start (the data file
    did not exist: ``first_start``, else looked up here) the window shows a welcome.
    ``opened``: the data file the command line has already opened and checked; the
    window takes it over, and closes it in the end like one it opened itself.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from mentordesk.ui.single_instance import ask_running_instance_to_raise, may_be_running, server_name

    existing = QApplication.instance()
    # Fusion from the start, as an argument: setting it afterwards hands back the style object,
    # and PySide builds the style's Python classes for it (about 3 ms).
    app = existing or QApplication([*(argv if argv is not None else sys.argv[:1]), "-style", "Fusion"])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    # The desktop file name links Wayland windows to the menu entry; the icon in the title
    # bar and task bar follows once the window is shown (_show_app_icon), off the start path.
    app.setDesktopFileName("mentordesk")

    name = server_name(data_file(data_dir))
    if may_be_running(name) and ask_running_instance_to_raise(name):
        close_data()  # if the command line had opened it
        print(f"MentorDesk is already open on {data_file(data_dir)}; brought its window forward.",
              file=sys.stderr)
        return EXIT_OK
    created = not data_file(data_dir).exists() if first_start is None else first_start
    try:
        # The question bank comes once the window is shown (after_shown).
        path = opened if opened is not None else open_data_dir(data_dir, questions=False)
    except PassphraseNeededError:
        # An encrypted data file: a small dialog asks for the passphrase (three tries).
        from mentordesk.ui.dialogs.passphrase_dialog import ask_to_open

        _show_app_icon(app)

        opened, problem = ask_to_open(data_dir, lambda passphrase: open_data_dir(data_dir, passphrase,
                                                                                 questions=False))
        if opened is None:
            print(f"mentordesk: {problem}", file=sys.stderr)
            return EXIT_DATA_ERROR
        path = opened
    except MentorDeskError as error:
        print(f"mentordesk: {error}", file=sys.stderr)
        return EXIT_DATA_ERROR

    from mentordesk.ui.crash import install_crash_handler
    from mentordesk.ui.fonts import register_bundled_fonts
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.shutdown import install_shutdown_saving

    crash = install_crash_handler(data_dir)
    # Quit and SIGTERM save every open session first.
    stop_shutdown_saving = install_shutdown_saving(app)
    listener = SecondStartListener(name)
    try:
        register_bundled_fonts()
        from mentordesk.ui.theme import apply_theme

        apply_theme(app, style=existing is not None)  # Fusion, following the system's light or dark scheme
        window = MainWindow(path, demo=demo)
        window.show()
        checkpointers: list[Checkpointer] = []

        def after_shown() -> None:
            gc.enable()  # if the command line started without it (cli._open_window)
            _show_app_icon(app)
            # Listen for later starts on this data file (they bring this window forward); then,
            # as the window that keeps the file, fold the log back off the typing path.
            if window.isVisible() and listener.start(window):
                from mentordesk.ui.checkpointer import Checkpointer

                checkpointers.append(Checkpointer(path, window))
                _bring_in_questions(window)

        # A timer of this start's own, stopped when it ends: a window closed at once must not
        # leave it to fire in a later event loop (another start in the same process, as in tests).
        shown = QTimer(window)
        shown.setSingleShot(True)
        shown.timeout.connect(after_shown)
        shown.start(LISTEN_AFTER_MS)
        if created and not demo:
            window.show_welcome()  # beside the window, never blocking it
        window.data_safety.schedule_daily_backup()  # after the window is shown, on a worker thread
        try:
            return app.exec()
        finally:
            shown.stop()
            for checkpointer in checkpointers:
                checkpointer.stop()
    finally:
        listener.close()
        stop_shutdown_saving()
        crash.uninstall()
        close_data()


def _bring_in_questions(window: MainWindow) -> None:
    """The shipped question bank into the data file: the first use of the models, which
    load here, after the first paint (db/orm.py), instead of before it."""
    import sqlite3

    import peewee

    from mentordesk.services.storage import sync_questions

    try:
        sync_questions()
    except MentorDeskError as error:  # a damaged installation: the rest of the program works
        window.statusBar().showMessage(f"The question bank could not be read: {error}", 15000)
    except (sqlite3.Error, peewee.PeeweeException):  # another program holds the file: next start
        window.statusBar().showMessage("The question bank will be brought up to date at the next start "
                                       "(the data file was busy).", 15000)


def _show_app_icon(app: QApplication) -> None:
    from mentordesk.ui.app_icon import application_icon

    if app.windowIcon().isNull():
        app.setWindowIcon(application_icon())


class SecondStartListener:
    """The window's end of the single-instance socket, started once the window is shown."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.server: SingleInstanceServer | None = None

    def start(self, window: MainWindow) -> bool:
        """Listen; False when another start on this data file got there first (both were
        opening at once): that window is brought forward and this one, not used yet, closes."""
        from mentordesk.ui.single_instance import SingleInstanceServer, ask_running_instance_to_raise

        server = self.server = SingleInstanceServer(self.name)
        if server.listen():
            server.raise_requested.connect(window.bring_to_front)
            return True
        ask_running_instance_to_raise(self.name)
        window.close()
        return False

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
