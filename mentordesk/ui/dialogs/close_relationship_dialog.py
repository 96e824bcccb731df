"""Asking before a relationship is closed, and saying where the mentee goes."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm_close(parent: QWidget | None, name: str) -> bool:
    """True if the mentor confirms closing the relationship with ``name``."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Close relationship")
    box.setText(f"Close the mentoring relationship with {name}?")
    box.setInformativeText("Their notes are kept. They leave the roster and can be found again "
                           "with “Show closed”, and reopened at any time.")
    close = box.addButton("Close relationship", QMessageBox.ButtonRole.AcceptRole)
    close.setAccessibleName("Close relationship")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName("Cancel")
    box.setDefaultButton(cancel)
    box.exec()
    confirmed = box.clickedButton() is close
    box.deleteLater()
    return confirmed
