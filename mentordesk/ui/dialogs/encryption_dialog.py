"""File → Passphrase protection…: turn encryption of the data file on, change the passphrase, turn it off."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import encryption
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.widgets.error_label import ErrorLabel


def _secret(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    return edit


class EncryptionDialog(QDialog):
    """One dialog for the three choices; what it offers depends on whether the file is encrypted now."""

    def __init__(self, parent: QWidget | None, data_file: Path) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self.encrypted = encryption.is_encrypted(data_file)
        self.outcome = ""  # what was done, for the status bar
        self.setWindowTitle("Passphrase protection")
        self.setAccessibleName("Passphrase protection")
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        layout.addWidget(self.state)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if self.encrypted:
            self._build_encrypted(layout)
        else:
            self._build_plain(layout)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def _build_plain(self, layout: QVBoxLayout) -> None:
        self.state.setText("Your data file is <b>not encrypted</b>: anyone who can read your files can read "
                           "your notes. With a passphrase, the data file and its backups are encrypted, and "
                           "MentorDesk asks for the passphrase when it starts and after "
                           "it was left alone for a while.")
        self.warning = QLabel(f"⚠ {encryption.NOT_RECOVERABLE}")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("font-weight: bold;")
        self.warning.setAccessibleName("Warning")
        layout.addWidget(self.warning)
        form = QFormLayout()
        self.new = _secret("New passphrase")
        self.repeat = _secret("New passphrase again")
        form.addRow("&New passphrase:", self.new)
        form.addRow("&Type it again:", self.repeat)
        layout.addLayout(form)
        self.ok_button.setText("Turn on encryption")
        self.ok_button.setAccessibleName("Turn on encryption")

    def _build_encrypted(self, layout: QVBoxLayout) -> None:
        self.state.setText("Your data file is <b>encrypted</b> with a passphrase.")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("What to do")
        change = QWidget()
        form = QFormLayout(change)
        self.current = _secret("Current passphrase")
        self.new = _secret("New passphrase")
        self.repeat = _secret("New passphrase again")
        form.addRow("&Current passphrase:", self.current)
        form.addRow("&New passphrase:", self.new)
        form.addRow("&Type it again:", self.repeat)
        note = QLabel("Backups made before keep the old passphrase: restoring one asks for it.")
        note.setWordWrap(True)
        form.addRow(note)
        off = QWidget()
        off_form = QFormLayout(off)
        self.off_current = _secret("Current passphrase to turn encryption off")
        off_form.addRow("Current &passphrase:", self.off_current)
        off_note = QLabel("⚠ Without encryption, anyone who can read your files can read your notes. "
                          "Backups already made stay encrypted with this passphrase.")
        off_note.setWordWrap(True)
        off_form.addRow(off_note)
        self.tabs.addTab(change, "Change passphrase")
        self.tabs.addTab(off, "Turn encryption off")
        layout.addWidget(self.tabs)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._tab_changed(0)

    def _tab_changed(self, index: int) -> None:
        text = "Change passphrase" if index == 0 else "Turn encryption off"
        self.ok_button.setText(text)
        self.ok_button.setAccessibleName(text)

    def accept(self) -> None:
        from mentordesk.ui.dialogs.session_window import save_all_open

        try:
            if not self.encrypted:
                encryption.check_new_passphrase(self.new.text(), self.repeat.text())
                save_all_open()
                count = encryption.encrypt(self.data_file, self.new.text())
                also = f" {count} backup(s) were encrypted too." if count else ""
                self.outcome = f"Encryption is on.{also}"
            elif self.tabs.currentIndex() == 0:
                encryption.check_new_passphrase(self.new.text(), self.repeat.text())
                save_all_open()
                encryption.change_passphrase(self.data_file, self.current.text(), self.new.text())
                self.outcome = "The passphrase is changed."
            else:
                save_all_open()
                encryption.decrypt(self.data_file, self.off_current.text())
                self.outcome = "Encryption is off."
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, data_file: Path) -> str:
        """Show the dialog; what was done (empty when cancelled)."""
        dialog = cls(parent, data_file)
        try:
            dialog.exec()
            return dialog.outcome
        finally:
            dialog.deleteLater()
