"""The strip that says, on every page, that the window shows invented demo data."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

DEMO_TEXT = ("DEMO DATA — these mentees are invented, for trying MentorDesk out. "
             "Your own notes are kept in a separate file.")


class DemoBanner(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(DEMO_TEXT, parent)
        self.setObjectName("demoBanner")
        self.setAccessibleName("Demo data notice")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel#demoBanner { background: #fff4ce; color: #3b2f00; "
                           "border-bottom: 2px solid #c19c00; padding: 8px 12px; font-weight: bold; }")
