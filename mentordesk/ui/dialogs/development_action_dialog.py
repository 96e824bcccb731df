"""Add a concrete development action: which domain, what, and (optionally) by when."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.clock import today
from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.widgets.error_label import ErrorLabel

Submit = Callable[[str, str, date | None], object]


class DevelopmentActionDialog(QDialog):
    """``submit(domain_key, text, target_on)`` runs on Save; a rule it reports (such as the
    three-open-actions limit) is shown in the dialog, which stays open."""

    def __init__(self, parent: QWidget | None, domains: Sequence[tuple[str, str]], submit: Submit,
                 domain_key: str | None = None) -> None:
        super().__init__(parent)
        self._submit = submit
        self.setWindowTitle("New development action")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(480)
        self.domain = QComboBox()
        self.domain.setAccessibleName("Domain")
        for key, title in domains:
            self.domain.addItem(title, key)
        if domain_key is not None and self.domain.findData(domain_key) >= 0:
            self.domain.setCurrentIndex(self.domain.findData(domain_key))
        self.text = QLineEdit()
        self.text.setAccessibleName("Action")
        self.text.setPlaceholderText("A concrete step, e.g. “Ask two mentees for feedback on my questions”")
        self.has_target = QCheckBox("Target date")
        self.has_target.setAccessibleName("Has a target date")
        self.has_target.setChecked(True)
        self.target = QDateEdit(QDate(today().year, today().month, today().day).addMonths(3))
        self.target.setAccessibleName("Target date")
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("d MMM yyyy")
        self.has_target.toggled.connect(self.target.setEnabled)
        form = QFormLayout()
        form.addRow("&Domain", self.domain)
        form.addRow("&Action", self.text)
        form.addRow(self.has_target, self.target)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def target_on(self) -> date | None:
        return self.target.date().toPython() if self.has_target.isChecked() else None  # type: ignore[return-value]

    def save(self) -> None:
        try:
            self._submit(str(self.domain.currentData()), self.text.text(), self.target_on())
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, domains: Sequence[tuple[str, str]], submit: Submit,
            domain_key: str | None = None) -> bool:
        dialog = cls(parent, domains, submit, domain_key)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted
