"""Closing a relationship: the date, the reason and a closing reflection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QWidget

from mentordesk.db.models import CLOSURE_REASONS
from mentordesk.services.relationships import CLOSURE_LABELS
from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit
from mentordesk.ui.widgets.optional_date import date_of, make_date_edit


@dataclass(frozen=True)
class Closure:
    on: date
    reason: str
    reflection: str


class CloseRelationshipDialog(FormDialog):
    """``submit`` receives a Closure (the caller runs ``relationships.close_relationship``)."""

    def __init__(self, parent: QWidget | None, name: str, *, submit: Submit | None = None) -> None:
        super().__init__(parent, "Close relationship", save_text="Close relationship", submit=submit,
                         intro=f"Close the mentoring relationship with {name}? Their notes are kept. "
                               "They leave the roster, can be found again with “Show closed”, "
                               "and can be reopened at any time.")
        self.closed_on = make_date_edit("Closing date")
        self.reason = QComboBox()
        self.reason.setAccessibleName("Reason for closing")
        for key in CLOSURE_REASONS:
            self.reason.addItem(CLOSURE_LABELS[key], key)
        self.reflection = self.text_field("Closing reflection", 4,
                                          "What was achieved, what you learnt, what you wish them")
        self.form.addRow("Closing &date", self.closed_on)
        self.form.addRow("&Reason", self.reason)
        self.form.addRow("Closing &reflection", self.reflection)
        self.cancel_button.setDefault(True)

    def value(self) -> Closure:
        return Closure(date_of(self.closed_on), str(self.reason.currentData()), self.reflection.toPlainText())
