"""The small dialog that asks for the passphrase of an encrypted data file (or backup).

Three tries: a wrong passphrase clears the field and says how many tries are
left; a problem that is not the passphrase (a damaged file) ends the dialog and
is kept in ``problem`` for the caller to report. Never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.encryption import PASSPHRASE_ERRORS
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.widgets.error_label import ErrorLabel

TRIES = 3
Check = Callable[[str], object]


class PassphraseDialog(QDialog):
    """Asks for a passphrase and runs ``check(passphrase)``; closes with Accepted when it succeeds."""

    def __init__(self, parent: QWidget | None, check: Check, *, title: str = "Passphrase",
                 prompt: str = "Type your passphrase.", tries: int = TRIES, ok_text: str = "Open") -> None:
        super().__init__(parent)
        self._check = check
        self.tries_left = tries
        self.passphrase: str | None = None
        self.problem: MentorDeskError | None = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(420)
        self.prompt = QLabel(prompt)
        self.prompt.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        self.field.setPlaceholderText("Passphrase")
        self.prompt.setBuddy(self.field)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(ok_text)
        self.ok_button.setAccessibleName(ok_text)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addWidget(self.field)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.field.setFocus()

    def accept(self) -> None:
        text = self.field.text()
        if not text:
            self.error.show_message("Type the passphrase first.")
            return
        try:
            self._check(text)
        except PASSPHRASE_ERRORS as error:
            self.tries_left -= 1
            self.field.clear()
            self.field.setFocus()
            if self.tries_left <= 0:
                self.problem = error
                self.error.show_message(f"{error} No tries left.")
                self.done(QDialog.DialogCode.Rejected)
                return
            left = "1 try" if self.tries_left == 1 else f"{self.tries_left} tries"
            self.error.show_message(f"{error} {left} left.")
            return
        except MentorDeskError as error:
            self.problem = error
            self.done(QDialog.DialogCode.Rejected)
            return
        self.passphrase = text
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, check: Check,
            **kwargs: object) -> tuple[str | None, MentorDeskError | None]:
        """Show the dialog: (the passphrase that worked, None), or (None, the problem; None if cancelled)."""
        dialog = cls(parent, check, **kwargs)  # type: ignore[arg-type]
        try:
            dialog.exec()
            return dialog.passphrase, dialog.problem
        finally:
            dialog.deleteLater()


def ask_to_open(data_dir: Path, open_with: Callable[[str], Path]) -> tuple[Path | None, str | None]:
    """On start: ask for the data file's passphrase and open it with ``open_with``.

    Returns (the data file's path, None), or (None, why it was not opened).
    """
    opened: list[Path] = []

    def check(passphrase: str) -> None:
        opened.append(open_with(passphrase))

    passphrase, problem = PassphraseDialog.ask(
        None, check, title="MentorDesk is locked",
        prompt=f"Your notes in {data_dir} are protected with a passphrase. Type it to open them.")
    if passphrase is not None and opened:
        return opened[-1], None
    if problem is not None:
        return None, str(problem)
    return None, "The data file was not opened: no passphrase was given."
