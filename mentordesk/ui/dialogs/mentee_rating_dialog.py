"""Who returned a rating form, and when: one named mentee from the roster, or anonymous with a label."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.clock import today
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.widgets.error_label import ErrorLabel

Submit = Callable[[str | None, str, date], str]


class MenteeRatingDialog(QDialog):
    """``submit(mentee_id or None, label, date)`` starts the rating and returns its id."""

    def __init__(self, parent: QWidget | None, roster: Sequence[tuple[str, str]], submit: Submit) -> None:
        super().__init__(parent)
        self._submit = submit
        self.created: str | None = None
        self.setWindowTitle("Enter a mentee's ratings")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(460)
        self.named = QRadioButton("From a &named mentee")
        self.named.setAccessibleName("From a named mentee")
        self.mentee = QComboBox()
        self.mentee.setAccessibleName("Mentee")
        for mentee_id, name in roster:
            self.mentee.addItem(name, mentee_id)
        self.anonymous = QRadioButton("&Anonymous (e.g. collected by a programme)")
        self.anonymous.setAccessibleName("Anonymous")
        self.label = QLineEdit()
        self.label.setAccessibleName("Label of the anonymous rating")
        self.label.setPlaceholderText("e.g. Programme feedback 2026")
        self.named.toggled.connect(self.mentee.setEnabled)
        self.anonymous.toggled.connect(self.label.setEnabled)
        (self.named if roster else self.anonymous).setChecked(True)
        self.named.setEnabled(bool(roster))
        self.mentee.setEnabled(self.named.isChecked())
        self.label.setEnabled(self.anonymous.isChecked())
        day = today()
        self.taken_on = QDateEdit(QDate(day.year, day.month, day.day))
        self.taken_on.setAccessibleName("Date of the rating")
        self.taken_on.setCalendarPopup(True)
        self.taken_on.setDisplayFormat("d MMM yyyy")
        form = QFormLayout()
        form.addRow(self.named)
        form.addRow("Mentee", self.mentee)
        form.addRow(self.anonymous)
        form.addRow("Label", self.label)
        form.addRow("&Date of the form", self.taken_on)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Enter the ratings")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName("Enter the ratings")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def save(self) -> None:
        mentee_id = str(self.mentee.currentData()) if self.named.isChecked() and self.mentee.count() else None
        label = "" if mentee_id else self.label.text()
        day = self.taken_on.date().toPython()
        assert isinstance(day, date)
        try:
            self.created = self._submit(mentee_id, label, day)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, roster: Sequence[tuple[str, str]], submit: Submit) -> str | None:
        dialog = cls(parent, roster, submit)
        dialog.exec()
        created = dialog.created
        dialog.deleteLater()
        return created
