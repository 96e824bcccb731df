"""Tick a check-in off: when it happened and a note."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QWidget

from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit
from mentordesk.ui.widgets.optional_date import date_of, make_date_edit


@dataclass(frozen=True)
class Tick:
    done_on: date
    note: str


class TickDialog(FormDialog):
    def __init__(self, parent: QWidget | None, prompt: str, done_on: date | None = None, note: str = "", *,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, "Tick off check-in", save_text="Tick off", submit=submit,
                         intro=f"Done: “{prompt}”")
        self.done_on = make_date_edit("Done on", done_on)
        self.note = self.text_field("Check-in note", 3, "How it went (optional)")
        self.note.setPlainText(note)
        self.form.addRow("Done &on", self.done_on)
        self.form.addRow("&Note", self.note)

    def value(self) -> Tick:
        return Tick(date_of(self.done_on), self.note.toPlainText())
