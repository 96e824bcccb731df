"""Add or edit a mentee: who they are, how the match began, and free notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from mentordesk.db.models import MATCH_ORIGINS
from mentordesk.services.clock import today
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import MenteeData, validate_mentee
from mentordesk.ui.widgets.error_label import ErrorLabel
from mentordesk.ui.widgets.fields import line_field, text_field

MATCH_ORIGIN_LABELS = {
    "mentee_invited": "The mentee asked me",
    "mentor_invited": "I invited the mentee",
    "programme": "Matched by a mentoring programme",
    "other": "Another way",
}
assert set(MATCH_ORIGIN_LABELS) == set(MATCH_ORIGINS)

Submit = Callable[[MenteeData], object]

_TAG_SEPARATORS = re.compile(r"[,，、;；]")


def split_tags(text: str) -> tuple[str, ...]:
    return tuple(t.strip() for t in _TAG_SEPARATORS.split(text) if t.strip())


class MenteeDialog(QDialog):
    """The mentee form. ``submit`` (saving, or only checking) runs on Save; a rule it
    reports is shown in the form, which stays open with nothing saved."""

    def __init__(self, parent: QWidget | None = None, data: MenteeData | None = None,
                 submit: Submit | None = None) -> None:
        super().__init__(parent)
        self._original = data or MenteeData(name="")
        self._submit: Submit = submit or validate_mentee
        self.result_data: MenteeData | None = None
        self.setWindowTitle("Edit mentee" if data else "New mentee")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(520)

        self.name = line_field("Name", "Full name, as the mentee writes it")
        self.role = line_field("Role", "e.g. Registrar, staff nurse, medical student")
        self.specialty = line_field("Specialty", "e.g. Paediatrics")
        self.organisation = line_field("Organisation", "Hospital, practice or school")
        self.email = line_field("E-mail", "Optional")
        self.has_started_post = QCheckBox("Started in post on")
        self.has_started_post.setAccessibleName("Started in post: known")
        self.started_post_on = QDateEdit()
        self.started_post_on.setAccessibleName("Started in post on")
        self.started_post_on.setCalendarPopup(True)
        self.started_post_on.setDisplayFormat("d MMM yyyy")
        self.started_post_on.setEnabled(False)
        self.has_started_post.toggled.connect(self.started_post_on.setEnabled)
        self.new_in_post = QCheckBox("New in post (first hundred days)")
        self.new_in_post.setAccessibleName("New in post")
        self.tags = line_field("Tags", "Separated by commas, e.g. research, return to work")

        self.match_origin = QComboBox()
        self.match_origin.setAccessibleName("How the match began")
        for key in MATCH_ORIGINS:
            self.match_origin.addItem(MATCH_ORIGIN_LABELS[key], key)
        self.shared_interests = text_field("Shared interests", 2)
        self.proximity = text_field("Proximity", 2, "Same site, same department, far away…")
        self.aligned_values = text_field("Aligned values", 2)
        self.strengths = text_field("Strengths", 2, "What they do well")
        self.aspirations = text_field("Aspirations", 2, "Where they want to go")
        self.notes = text_field("Notes", 4, "Anything else worth remembering")

        who = QGroupBox("Who")
        who_form = QFormLayout(who)
        who_form.addRow("&Name *", self.name)
        who_form.addRow("&Role", self.role)
        who_form.addRow("&Specialty", self.specialty)
        who_form.addRow("&Organisation", self.organisation)
        who_form.addRow("&E-mail", self.email)
        started = QHBoxLayout()
        started.addWidget(self.has_started_post)
        started.addWidget(self.started_post_on, 1)
        who_form.addRow(started)
        who_form.addRow(self.new_in_post)
        who_form.addRow("&Tags", self.tags)

        match = QGroupBox("How the match began")
        match_form = QFormLayout(match)
        match_form.addRow("Be&gan", self.match_origin)
        match_form.addRow("Shared &interests", self.shared_interests)
        match_form.addRow("&Proximity", self.proximity)
        match_form.addRow("Aligned &values", self.aligned_values)

        notes = QGroupBox("Strengths, aspirations and notes")
        notes_form = QFormLayout(notes)
        notes_form.addRow("Strengt&hs", self.strengths)
        notes_form.addRow("&Aspirations", self.aspirations)
        notes_form.addRow("Notes", self.notes)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save mentee")
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(who)
        layout.addWidget(match)
        layout.addWidget(notes)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._fill(self._original)
        self.name.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, data: MenteeData | None = None, *,
            submit: Submit | None = None) -> MenteeData | None:
        """Show the form; the data as saved, or None if the mentor cancelled."""
        dialog = cls(parent, data, submit)
        try:
            dialog.exec()
            return dialog.result_data
        finally:
            dialog.deleteLater()

    # --- building ------------------------------------------------------------------------
    def _fill(self, data: MenteeData) -> None:
        self.name.setText(data.name)
        self.role.setText(data.role)
        self.specialty.setText(data.specialty)
        self.organisation.setText(data.organisation)
        self.email.setText(data.email)
        self.has_started_post.setChecked(data.started_post_on is not None)
        start = data.started_post_on or today()
        self.started_post_on.setDate(QDate(start.year, start.month, start.day))
        self.new_in_post.setChecked(data.new_in_post)
        self.tags.setText(", ".join(data.tags))
        self.match_origin.setCurrentIndex(max(0, self.match_origin.findData(data.match_origin)))
        self.shared_interests.setPlainText(data.shared_interests)
        self.proximity.setPlainText(data.proximity)
        self.aligned_values.setPlainText(data.aligned_values)
        self.strengths.setPlainText(data.strengths)
        self.aspirations.setPlainText(data.aspirations)
        self.notes.setPlainText(data.notes)

    # --- reading -------------------------------------------------------------------------
    def data(self) -> MenteeData:
        """What the form holds now; fields it does not show are kept from the original."""
        started: date | None = None
        if self.has_started_post.isChecked():
            started = self.started_post_on.date().toPython()  # type: ignore[assignment]
        return replace(
            self._original,
            name=self.name.text(),
            role=self.role.text(),
            specialty=self.specialty.text(),
            organisation=self.organisation.text(),
            email=self.email.text(),
            started_post_on=started,
            new_in_post=self.new_in_post.isChecked(),
            tags=split_tags(self.tags.text()),
            match_origin=str(self.match_origin.currentData()),
            shared_interests=self.shared_interests.toPlainText(),
            proximity=self.proximity.toPlainText(),
            aligned_values=self.aligned_values.toPlainText(),
            strengths=self.strengths.toPlainText(),
            aspirations=self.aspirations.toPlainText(),
            notes=self.notes.toPlainText(),
        )

    def accept(self) -> None:
        data = self.data()
        try:
            self._submit(data)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.error.clear_message()
        self.result_data = data
        super().accept()
