"""The mentor's own profile: the name, role and organisation printed on every report."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mentordesk.services.mentor import MentorProfile, save_profile
from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit


class ProfileDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None, profile: MentorProfile | None = None,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, "My profile", submit=submit or save_profile,
                         intro="Your name, role and organisation appear at the top of every report "
                               "you print.")
        self.save_button.setAccessibleName("Save profile")
        self.name = self.line_field("Your name", "e.g. Dr Amina Haddad")
        self.role = self.line_field("Your role", "e.g. Consultant anaesthetist, educational supervisor")
        self.organisation = self.line_field("Your organisation")
        self.email = self.line_field("Your e-mail")
        for label, field in (("&Name", self.name), ("&Role", self.role),
                             ("&Organisation", self.organisation), ("&E-mail", self.email)):
            self.form.addRow(label, field)
        profile = profile or MentorProfile()
        self.name.setText(profile.name)
        self.role.setText(profile.role)
        self.organisation.setText(profile.organisation)
        self.email.setText(profile.email)

    def value(self) -> MentorProfile:
        return MentorProfile(self.name.text(), self.role.text(), self.organisation.text(),
                             self.email.text())
