"""The first-run welcome: shown once, beside the window (never blocking it), on a new data file.

It asks for the mentor's name and role (printed on reports), offers a passphrase for
the data file when the window has one to offer, and offers the demo data to look
around in a separate window, so nothing invented ever mixes with real notes.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QProcess
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentor import MentorProfile, get_profile, save_profile
from mentordesk.ui import looks
from mentordesk.ui.widgets.error_label import ErrorLabel


def start_demo() -> bool:
    """Open MentorDesk on the demo data in a process of its own; True when it started."""
    return QProcess.startDetached(sys.executable, ["-m", "mentordesk", "--demo"])[0]


class WelcomeDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, passphrase_action: QAction | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to MentorDesk")
        self.setAccessibleName("Welcome to MentorDesk")
        self.setModal(False)
        self.setMinimumWidth(500)
        self._passphrase_action = passphrase_action
        intro = QLabel(
            "<h3>Welcome to MentorDesk</h3>"
            "<p>Your notes on each mentee, your meetings and your own development, in one private file "
            "on this computer. Nothing leaves it unless you export or print it.</p>"
            "<p>Two things to start with — both can be changed later under Settings:</p>")
        intro.setWordWrap(True)
        self.name = QLineEdit()
        self.name.setAccessibleName("Your name")
        self.name.setPlaceholderText("e.g. Dr Amina Haddad")
        self.role = QLineEdit()
        self.role.setAccessibleName("Your role")
        self.role.setPlaceholderText("e.g. Consultant anaesthetist, educational supervisor")
        profile = get_profile()
        self.name.setText(profile.name)
        self.role.setText(profile.role)
        form = QFormLayout()
        form.addRow("Your &name", self.name)
        form.addRow("Your &role", self.role)
        form_note = QLabel("They appear at the top of every report you print.")
        looks.quiet(form_note)
        self.error = ErrorLabel()

        self.passphrase_button = QPushButton("Protect with a &passphrase…")
        self.passphrase_button.setAccessibleName("Protect the data file with a passphrase")
        self.passphrase_button.setToolTip("Encrypt the data file; you type the passphrase when "
                                          "MentorDesk starts")
        self.passphrase_button.clicked.connect(self._passphrase)
        self.passphrase_button.setVisible(passphrase_action is not None)
        self.demo_button = QPushButton("Look around the &demo data")
        self.demo_button.setAccessibleName("Look around the demo data in a separate window")
        self.demo_button.setToolTip("Opens invented mentees in a second window; they never mix "
                                    "with your notes")
        self.demo_button.clicked.connect(self._demo)
        self.start_button = QPushButton("&Start")
        looks.primary(self.start_button)
        self.start_button.setAccessibleName("Save and start")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.accept)
        self.later_button = QPushButton("&Later")
        self.later_button.setAccessibleName("Close without saving")
        self.later_button.clicked.connect(self.reject)
        self.status = QLabel()
        self.status.setWordWrap(True)

        offers = QHBoxLayout()
        offers.addWidget(self.passphrase_button)
        offers.addWidget(self.demo_button)
        offers.addStretch(1)
        ending = QHBoxLayout()
        ending.addStretch(1)
        ending.addWidget(self.later_button)
        ending.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(form_note)
        layout.addWidget(self.error)
        layout.addLayout(offers)
        layout.addWidget(self.status)
        layout.addLayout(ending)
        self.setTabOrder(self.name, self.role)
        self.setTabOrder(self.role, self.passphrase_button)
        self.setTabOrder(self.passphrase_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.later_button)
        self.setTabOrder(self.later_button, self.start_button)

    def _passphrase(self) -> None:
        if self._passphrase_action is not None:
            self._passphrase_action.trigger()

    def _demo(self) -> None:
        if start_demo():
            self.status.setText("The demo data opens in a second window. Close it when you have seen enough.")
        else:
            self.status.setText("The demo window could not be started. "
                                "Try “mentordesk --demo” from a terminal.")

    def accept(self) -> None:
        """Save the name and role (if any were typed) and close."""
        name, role = self.name.text().strip(), self.role.text().strip()
        if name or role:
            current = get_profile()
            try:
                save_profile(MentorProfile(name, role, current.organisation, current.email))
            except MentorDeskError as error:
                self.error.show_message(str(error))
                return
        super().accept()
