"""Add or edit a goal: title, detail, target date, status."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from mentordesk.db.models import GOAL_STATUSES
from mentordesk.services.goals import STATUS_LABELS, GoalData
from mentordesk.ui.dialogs.form_dialog import FormDialog, Submit
from mentordesk.ui.widgets.optional_date import OptionalDateEdit


class GoalDialog(FormDialog):
    def __init__(self, parent: QWidget | None, data: GoalData | None = None, *,
                 submit: Submit | None = None) -> None:
        super().__init__(parent, "Edit goal" if data else "New goal", save_text="Save goal", submit=submit)
        data = data or GoalData(title="")
        self.title = QLineEdit(data.title)
        self.title.setAccessibleName("Goal")
        self.title.setPlaceholderText("e.g. Pass the FRCA final; lead a QI project")
        self.detail = self.text_field("Detail", 3, "What achieving it would look like")
        self.detail.setPlainText(data.detail)
        self.target_on = OptionalDateEdit("Target date", "By")
        self.target_on.set_value(data.target_on)
        self.status = QComboBox()
        self.status.setAccessibleName("Goal status")
        for key in GOAL_STATUSES:
            self.status.addItem(STATUS_LABELS[key], key)
        self.status.setCurrentIndex(max(0, self.status.findData(data.status)))
        self.form.addRow("&Goal *", self.title)
        self.form.addRow("&Detail", self.detail)
        self.form.addRow("&Target", self.target_on)
        self.form.addRow("&Status", self.status)
        self.title.setFocus()

    def value(self) -> GoalData:
        return GoalData(title=self.title.text(), detail=self.detail.toPlainText(),
                        target_on=self.target_on.value(), status=str(self.status.currentData()))
