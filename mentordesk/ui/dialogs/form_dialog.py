"""The base of the small forms (the mentee page's, My profile): fields, an inline error, Save and Cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.ui.widgets.error_label import ErrorLabel
from mentordesk.ui.widgets.fields import line_field, text_field

Submit = Callable[[Any], object]


class FormDialog(QDialog):
    """Subclasses add rows to ``self.form`` and implement ``value()``. On Save, ``submit(value)``
    runs; a rule it (or ``value()``) reports is shown in the form, which stays open."""

    def __init__(self, parent: QWidget | None, title: str, *, save_text: str = "Save",
                 intro: str = "", submit: Submit | None = None) -> None:
        super().__init__(parent)
        self._submit: Submit = submit or (lambda _value: None)
        self.result_value: Any = None
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setMinimumWidth(460)
        self.form = QFormLayout()
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(save_text)
        self.save_button.setAccessibleName(save_text)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.cancel_button.setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, *args: Any, submit: Submit | None = None, **kwargs: Any) -> Any:
        """Show the form; the value as saved, or None if the mentor cancelled."""
        dialog = cls(parent, *args, submit=submit, **kwargs)
        try:
            dialog.exec()
            return dialog.result_value
        finally:
            dialog.deleteLater()

    line_field = staticmethod(line_field)
    text_field = staticmethod(text_field)

    def value(self) -> Any:
        raise NotImplementedError

    def accept(self) -> None:
        try:
            value = self.value()
            self._submit(value)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.error.clear_message()
        self.result_value = value
        super().accept()
