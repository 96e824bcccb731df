"""A date that may be left unset: a check box ("known") beside a calendar date field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from mentordesk.services.clock import today


def make_date_edit(name: str, value: date | None = None) -> QDateEdit:
    edit = QDateEdit()
    edit.setAccessibleName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    set_date(edit, value or today())
    return edit


def set_date(edit: QDateEdit, value: date) -> None:
    edit.setDate(QDate(value.year, value.month, value.day))


def date_of(edit: QDateEdit) -> date:
    value = edit.date()
    return date(value.year(), value.month(), value.day())


class OptionalDateEdit(QWidget):
    def __init__(self, name: str, check_text: str = "Set", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(check_text)
        self.known.setAccessibleName(f"{name}: set")
        self.edit = make_date_edit(name)
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        self.setFocusProxy(self.known)  # a form label's shortcut lands on the check box
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.known)
        layout.addWidget(self.edit, 1)

    def value(self) -> date | None:
        return date_of(self.edit) if self.known.isChecked() else None

    def set_value(self, value: date | None, default: date | None = None) -> None:
        self.known.setChecked(value is not None)
        set_date(self.edit, value or default or today())
