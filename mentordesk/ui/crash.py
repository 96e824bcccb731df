"""The crash message: what the mentor sees instead of the window vanishing."""

from __future__ import annotations

from pathlib import Path

from mentordesk.crash import CrashHandler


def show_crash_message(log_path: Path) -> None:
    """A short, calm message saying what happened and where the details are."""
    from PySide6.QtWidgets import QApplication, QMessageBox  # here: the start needs neither

    parent = QApplication.activeWindow()
    QMessageBox.critical(
        parent,
        "MentorDesk — unexpected error",
        "Something went wrong that MentorDesk did not expect.\n\n"
        "What was saved before this moment is kept. If the window misbehaves, "
        "close MentorDesk and open it again.\n\n"
        f"Details for a developer (no note text) are in:\n{log_path}",
    )


def install_crash_handler(data_dir: Path) -> CrashHandler:
    """Log uncaught errors to ``crash.log`` in the data folder and show the crash message."""
    return CrashHandler(data_dir, notify=show_crash_message).install()
