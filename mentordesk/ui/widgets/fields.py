"""Form fields as every MentorDesk form makes them: named for screen readers, with a hint."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit


def line_field(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def text_field(name: str, lines: int = 3, placeholder: str = "") -> QPlainTextEdit:
    """A plain-text box ``lines`` high in which Tab moves on to the next field."""
    edit = QPlainTextEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(edit.fontMetrics().lineSpacing() * lines + 14)
    return edit
