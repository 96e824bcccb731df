"""The mentor's own profile: the name, role and organisation printed on every report."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.ui.widgets.error_label import ErrorLabel

Submit = Callable[[MentorProfile], object]


class ProfileDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, profile: MentorProfile | None = None,
                 submit: Submit | None = None) -> None:
        super().__init__(parent)
        self._submit: Submit = submit or save_profile
        self.result_profile: MentorProfile | None = None
        self.setWindowTitle("My profile")
        self.setAccessibleName("My profile")
        self.setMinimumWidth(440)
        intro = QLabel("Your name, role and organisation appear at the top of every report you print.")
        intro.setWordWrap(True)
        self.name = self._line("Your name", "e.g. Dr Amina Haddad")
        self.role = self._line("Your role", "e.g. Consultant anaesthetist, educational supervisor")
        self.organisation = self._line("Your organisation")
        self.email = self._line("Your e-mail")
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Role", self.role)
        form.addRow("&Organisation", self.organisation)
        form.addRow("&E-mail", self.email)
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save profile")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        profile = profile or MentorProfile()
        self.name.setText(profile.name)
        self.role.setText(profile.role)
        self.organisation.setText(profile.organisation)
        self.email.setText(profile.email)

    @classmethod
    def ask(cls, parent: QWidget | None, profile: MentorProfile | None = None, *,
            submit: Submit | None = None) -> MentorProfile | None:
        """Show the form and save on Save; the profile as entered, or None if cancelled."""
        dialog = cls(parent, profile, submit)
        try:
            dialog.exec()
            return dialog.result_profile
        finally:
            dialog.deleteLater()

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def profile(self) -> MentorProfile:
        return MentorProfile(self.name.text(), self.role.text(), self.organisation.text(),
                             self.email.text())

    def accept(self) -> None:
        profile = self.profile()
        try:
            self._submit(profile)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.result_profile = profile
        super().accept()
