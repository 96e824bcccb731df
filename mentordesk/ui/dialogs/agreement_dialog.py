"""The agreement: kind of relationship, how and how often to meet, agenda, confidentiality, dates."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QInputDialog, QLabel, QPushButton, QSpinBox, QWidget

from mentordesk.db.models import AGENDA_OWNERS, MEETING_FORMATS
from mentordesk.services import preferences
from mentordesk.services.clock import today
from mentordesk.services.relationships import FORMAT_LABELS, AgreementData
from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit
from mentordesk.ui.widgets.optional_date import OptionalDateEdit

AGENDA_CHOICES = {"mentee": "The mentee", "mentor": "The mentor", "shared": "Both of us (shared)"}


class AgreementDialog(FormDialog):
    """Saving writes a new version of the agreement; the earlier ones are kept."""

    def __init__(self, parent: QWidget | None, data: AgreementData | None = None, *,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, "Agreement", save_text="Save agreement", submit=submit,
                         intro="What you and your mentee expect of each other. A change keeps "
                               "the earlier version in the history.")
        data = data or AgreementData(agreed_on=today())
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of relationship")
        self.add_kind_button = QPushButton("Add a kind…")
        self.add_kind_button.setAccessibleName("Add a kind of relationship")
        self.add_kind_button.clicked.connect(self.add_kind)
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.kind, 1)
        kind_row.addWidget(self.add_kind_button)
        self._fill_kinds(data.relationship_kind)

        self.meeting_format = QComboBox()
        self.meeting_format.setAccessibleName("Meeting format")
        for key in MEETING_FORMATS:
            self.meeting_format.addItem(FORMAT_LABELS[key], key)
        self.meeting_format.setCurrentIndex(max(0, self.meeting_format.findData(data.meeting_format)))
        self.cadence = QSpinBox()
        self.cadence.setAccessibleName("Meet every (days)")
        self.cadence.setRange(0, 366)
        self.cadence.setSuffix(" days")
        self.cadence.setSpecialValueText("No set rhythm")
        self.cadence.setValue(data.cadence_days or 0)
        self.agenda_owner = QComboBox()
        self.agenda_owner.setAccessibleName("Who brings the agenda")
        for key in AGENDA_OWNERS:
            self.agenda_owner.addItem(AGENDA_CHOICES[key], key)
        self.agenda_owner.setCurrentIndex(max(0, self.agenda_owner.findData(data.agenda_owner)))
        self.confidentiality = self.text_field("Confidentiality", 3,
                                               "What stays between you, and when it would not")
        self.confidentiality.setPlainText(data.confidentiality)
        self.agreed_on = OptionalDateEdit("Agreed on", "Agreed")
        self.agreed_on.set_value(data.agreed_on)
        self.review_on = OptionalDateEdit("Review on", "Review")
        self.review_on.set_value(data.review_on, default=data.agreed_on)

        kind_label = QLabel("&Kind of relationship")
        kind_label.setBuddy(self.kind)
        self.form.addRow(kind_label, kind_row)
        self.form.addRow("&Format", self.meeting_format)
        self.form.addRow("Meet &every", self.cadence)
        self.form.addRow("&Agenda brought by", self.agenda_owner)
        self.form.addRow("&Confidentiality", self.confidentiality)
        self.form.addRow("Agreed &on", self.agreed_on)
        self.form.addRow("&Review on", self.review_on)

    def _fill_kinds(self, selected: str) -> None:
        kinds = preferences.relationship_kinds()
        if selected and selected not in kinds:
            kinds.append(selected)
        self.kind.clear()
        self.kind.addItem("(not set)", "")
        for kind in kinds:
            self.kind.addItem(kind, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(selected)))

    def add_kind(self) -> None:
        """Ask for a new kind of relationship, keep it in the list, and choose it."""
        text, ok = QInputDialog.getText(self, "Add a kind of relationship",
                                        "A kind of relationship, e.g. “quality improvement”:")
        clean = " ".join(text.split())
        if not ok or not clean:
            return
        kinds = preferences.add_relationship_kind(clean)
        chosen = next((k for k in kinds if k.casefold() == clean.casefold()), clean)
        self._fill_kinds(chosen)

    def value(self) -> AgreementData:
        return AgreementData(
            relationship_kind=str(self.kind.currentData() or ""),
            meeting_format=str(self.meeting_format.currentData()),
            cadence_days=self.cadence.value() or None,
            agenda_owner=str(self.agenda_owner.currentData()),
            confidentiality=self.confidentiality.toPlainText(),
            agreed_on=self.agreed_on.value(),
            review_on=self.review_on.value(),
        )
