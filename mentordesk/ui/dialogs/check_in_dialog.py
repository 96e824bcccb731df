"""A first-hundred-days check-in: add one (day and prompt) or re-word one (prompt only)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QSpinBox, QWidget

from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit


@dataclass(frozen=True)
class CheckIn:
    day: int
    prompt: str


class CheckInDialog(FormDialog):
    def __init__(self, parent: QWidget | None, prompt: str = "", day: int | None = None, *,
                 rewording: bool = False, submit: Submit | None = None) -> None:
        super().__init__(parent, "Re-word check-in" if rewording else "Add a check-in",
                         save_text="Save check-in", submit=submit)
        self.day = QSpinBox()
        self.day.setAccessibleName("Day in post")
        self.day.setRange(0, 365)
        self.day.setPrefix("Day ")
        self.day.setValue(day or 0)
        self.day.setEnabled(not rewording)
        self.prompt = self.text_field("Check-in prompt", 3, "What to ask or look at together")
        self.prompt.setPlainText(prompt)
        self.form.addRow("&Day", self.day)
        self.form.addRow("&Prompt", self.prompt)
        self.prompt.setFocus()

    def value(self) -> CheckIn:
        return CheckIn(self.day.value(), self.prompt.toPlainText())
