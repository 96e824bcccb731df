"""File-menu actions that keep the data safe — export, import, back up, restore — and erasing a mentee.

Each action is thin: a file dialog or a question, one service call, a message.
The daily backup runs on a worker thread after the window is shown (it opens
its own connection; for the large data set a copy takes about a second).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow

from mentordesk.services import encryption
from mentordesk.services.data_location import cloud_folder, cloud_sync_warning
from mentordesk.services.errors import MentorDeskError

if TYPE_CHECKING:
    from mentordesk.services.mentees import MenteeRow

# The dialogs and the backup service are imported where they are used: the actions are
# made at every start, what they do is needed far less often.

DAILY_BACKUP_DELAY_MS = 3000
JSON_FILTER = "MentorDesk export (*.json)"
DB_FILTER = "MentorDesk data file (*.sqlite3);;All files (*)"


class DataSafetyActions(QObject):
    """Builds the actions and runs them for ``window``; ``changed`` is called after the data changed."""

    backup_finished = Signal(object)  # a BackupResult, None, or an error message (str)

    def __init__(self, window: QMainWindow, data_file: Path, *, selected: Callable[[], MenteeRow | None],
                 changed: Callable[[], None]) -> None:
        super().__init__(window)
        self.window = window
        self.data_file = data_file
        self.selected = selected
        self.changed = changed
        self._worker: threading.Thread | None = None

        self.export_action = self._action("&Export…", self.export_all, None,
                                          "Write everything to one JSON file (plain text: keep it safe)")
        self.import_action = self._action("&Import…", self.import_file, None,
                                          "Add the mentees of an export file that are not here yet")
        self.backup_action = self._action("&Back up now…", self.backup_now, None,
                                          "Write a consistent copy of the data file")
        self.restore_action = self._action("&Restore…", self.restore, None,
                                           "Replace the data file with a backup (the current one is kept)")
        self.erase_action = self._action("Erase mentee &permanently…", self.erase_selected, None,
                                         "Delete the selected mentee and all their notes for good")
        self.backup_finished.connect(self._report_backup)

        warning = cloud_sync_warning(data_file)
        folder = cloud_folder(data_file)
        short = f"Warning: data file in a cloud-synced folder ({folder})" if folder else ""
        self.location_warning = QLabel(short)
        self.location_warning.setAccessibleName("Data location warning")
        self.location_warning.setWordWrap(False)
        if warning:
            self.location_warning.setToolTip(warning)
            window.statusBar().addPermanentWidget(self.location_warning)

    def _action(self, text: str, slot: Callable[[], object], shortcut: str | None, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def file_actions(self) -> list[QAction]:
        return [self.export_action, self.import_action, self.backup_action, self.restore_action]

    # --- the actions ----------------------------------------------------------------------
    def _tell(self, title: str, message: str, *, problem: bool = False) -> None:
        from PySide6.QtWidgets import QMessageBox

        if problem:
            QMessageBox.warning(self.window, title, message)
        else:
            QMessageBox.information(self.window, title, message)

    def _plain_export_confirmed(self) -> bool:
        """An export of an encrypted data file is plain text: say so and let the mentor choose."""
        from PySide6.QtWidgets import QMessageBox

        if not encryption.is_encrypted(self.data_file):
            return True
        box = QMessageBox(QMessageBox.Icon.Warning, "Export in plain text?",
                          "Your data file is encrypted, but an export is plain text: anyone who gets the "
                          "file can read every note, private remarks included.\n\nWrite it anyway?",
                          parent=self.window)
        write = box.addButton("Export in plain text", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is write

    def export_all(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if not self._plain_export_confirmed():
            return
        path, _ = QFileDialog.getSaveFileName(self.window, "Export everything", "mentordesk-export.json",
                                              JSON_FILTER)
        if not path:
            return
        from mentordesk.services import exchange  # on first use: off the start path

        try:
            written = exchange.export_to_file(Path(path))
        except MentorDeskError as error:
            self._tell("Not exported", str(error), problem=True)
            return
        self._tell("Exported", f"Everything was written to {written}.\n\nThe file holds all your notes, "
                               "private remarks included, in plain text: keep it somewhere safe.")

    def import_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self.window, "Import an export file", "", JSON_FILTER)
        if not path:
            return
        from mentordesk.services import exchange  # on first use: off the start path

        try:
            report = exchange.import_file(Path(path))
        except MentorDeskError as error:
            self._tell("Not imported", f"{error}\n\nNothing was changed.", problem=True)
            return
        self.changed()
        self._tell("Imported", "\n".join(report.lines()))

    def backup_now(self) -> None:
        from mentordesk.services import backups

        try:
            path = backups.backup_now(self.data_file)
        except MentorDeskError as error:
            self._tell("No backup made", str(error), problem=True)
            return
        self._tell("Backed up", f"A copy of your data file was written to {path}.")

    def restore(self) -> None:
        from PySide6.QtWidgets import QFileDialog, QMessageBox

        from mentordesk.services import backups

        folder = str(backups.backup_folder(self.data_file))
        path, _ = QFileDialog.getOpenFileName(self.window, "Restore from a backup", folder, DB_FILTER)
        if not path:
            return
        answer = QMessageBox.question(
            self.window, "Restore this backup?",
            f"Replace your data with the backup {Path(path).name}?\n\nYour data as it is now is backed up "
            "first, so this can be undone by restoring that copy.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            safety = self._restore_from(Path(path))
        except MentorDeskError as error:
            self._tell("Not restored", str(error), problem=True)
            return
        self.changed()
        self._tell("Restored", f"Your data now comes from {Path(path).name}.\n\nThe data as it was before is "
                               f"kept in {safety}.")

    def _restore_from(self, source: Path) -> Path:
        """Restore; an encrypted backup made with another passphrase asks for that one (three tries)."""
        from mentordesk.services import backups

        try:
            return backups.restore(self.data_file, source)
        except encryption.PASSPHRASE_ERRORS:
            pass
        from mentordesk.ui.dialogs.passphrase_dialog import PassphraseDialog

        passphrase, problem = PassphraseDialog.ask(
            self.window, lambda text: backups.check_restorable(source, text),
            title="Passphrase of the backup",
            prompt=f"{source.name} is encrypted with another passphrase. Type the passphrase that was in use "
                   "when the copy was made.", ok_text="Restore")
        if passphrase is None:
            raise problem or backups.BackupError("Not restored: no passphrase was given.")
        return backups.restore(self.data_file, source, passphrase)

    def erase_selected(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        from mentordesk.services import erasure  # on first use: off the start path

        row = self.selected()
        if row is None:
            self._tell("Erase a mentee", "Select a mentee in the Mentees list first.")
            return
        box = QMessageBox(QMessageBox.Icon.Warning, "Erase mentee permanently?",
                          f"Erase {row.name} and everything of theirs — meetings, actions, goals, ratings — "
                          f"for good?\n\nThis cannot be undone. {erasure.BACKUPS_NOTE}", parent=self.window)
        erase = box.addButton("Erase permanently", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not erase:
            return
        try:
            name = erasure.erase_mentee(row.id)
        except MentorDeskError as error:
            self._tell("Not erased", str(error), problem=True)
            return
        self.changed()
        self.window.statusBar().showMessage(f"{name} was erased.", 8000)

    # --- the daily backup -----------------------------------------------------------------
    def schedule_daily_backup(self, delay_ms: int = DAILY_BACKUP_DELAY_MS) -> None:
        """After the window is shown: make today's backup on a worker thread, if it is due."""
        QTimer.singleShot(delay_ms, self._start_daily_backup)

    def _start_daily_backup(self) -> None:
        from mentordesk.services import backups

        if not self.window.isVisible():  # closed since: its data file may be closed too
            return
        if self._worker is not None and self._worker.is_alive():
            return

        def work() -> None:
            try:
                result: object = backups.daily_backup_if_due(self.data_file)
            except backups.DamagedDataError as error:
                result = error
            except (MentorDeskError, OSError) as error:
                result = f"Today's backup could not be made: {error}"
            self.backup_finished.emit(result)

        self._worker = threading.Thread(target=work, name="daily-backup", daemon=True)
        self._worker.start()

    def wait_for_backup(self, timeout: float = 30.0) -> None:
        if self._worker is not None:
            self._worker.join(timeout)

    def _report_backup(self, result: object) -> None:
        from mentordesk.services import backups

        if isinstance(result, backups.DamagedDataError):
            self._tell("The data file looks damaged", str(result), problem=True)
            return
        if isinstance(result, str):
            self.window.statusBar().showMessage(result, 15000)
            return
        if isinstance(result, backups.BackupResult) and result.second_problem:
            self.window.statusBar().showMessage(result.second_problem, 15000)
            return
        try:
            reminder = backups.copy_reminder(self.data_file)
        except MentorDeskError:
            reminder = None
        if reminder:
            self.window.statusBar().showMessage(reminder, 15000)
        elif isinstance(result, backups.BackupResult):
            self.window.statusBar().showMessage("Today's backup is made.", 5000)
