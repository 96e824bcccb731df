"""What the idle lock (ui/lock.py) puts in the window: a short message and the passphrase field."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mentordesk.ui import looks
from mentordesk.ui.widgets.error_label import ErrorLabel


class LockScreen(QWidget):
    """What the locked window shows: a short message and the passphrase field."""

    unlock_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("MentorDesk is locked")
        title = looks.page_title(QLabel("MentorDesk is locked"))
        note = QLabel("Your notes are hidden because MentorDesk was left alone for a while.\n"
                      "Everything you had typed is saved. Type your passphrase to go on.")
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName("Passphrase")
        self.field.setPlaceholderText("Passphrase")
        self.field.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setAccessibleName("Unlock")
        self.unlock_button.clicked.connect(self._submit)
        self.error = ErrorLabel()
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(note)
        inner.addLayout(row)
        inner.addWidget(self.error)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.field.text())

    def wrong(self) -> None:
        self.field.clear()
        self.field.setFocus()
        self.error.show_message("The passphrase is not right. Try again.")
