"""The inline message a form shows when what was typed breaks a rule."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class ErrorLabel(QLabel):
    """Red text with a leading "⚠" (so it is not colour alone), hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #a4262c; font-weight: bold;")
        self.setAccessibleName("Error message")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(f"⚠ {message}")
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()

    def message(self) -> str:
        return self.text().removeprefix("⚠ ")
