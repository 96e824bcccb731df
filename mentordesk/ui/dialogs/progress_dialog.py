"""Record how far a goal has come: date, percent and a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QSpinBox, QWidget

from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit
from mentordesk.ui.widgets.optional_date import date_of, make_date_edit


@dataclass(frozen=True)
class ProgressEntry:
    on: date
    percent: int
    note: str


class ProgressDialog(FormDialog):
    def __init__(self, parent: QWidget | None, goal_title: str, last_percent: int | None = None, *,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, "Progress update", save_text="Save progress", submit=submit,
                         intro=f"How far is “{goal_title}” now?")
        self.on = make_date_edit("Date of the update")
        self.percent = QSpinBox()
        self.percent.setAccessibleName("Progress percent")
        self.percent.setRange(0, 100)
        self.percent.setSuffix(" %")
        self.percent.setValue(last_percent or 0)
        self.note = self.text_field("Progress note", 3, "What moved, what is in the way")
        self.form.addRow("&Date", self.on)
        self.form.addRow("&Progress", self.percent)
        self.form.addRow("&Note", self.note)
        self.percent.setFocus()

    def value(self) -> ProgressEntry:
        return ProgressEntry(date_of(self.on), self.percent.value(), self.note.toPlainText())
