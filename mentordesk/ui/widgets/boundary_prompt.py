"""The role boundary prompt: a calm note shown inside the session editor when a
wellbeing check is low — mentoring is not counselling, where to signpost, and a
place to record that a referral or signpost was offered."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.referrals import ReferralRecord
from mentordesk.services.support_contacts import ContactData
from mentordesk.ui.formatting import format_date
from mentordesk.ui.widgets.private_marker import PrivateMarker

STYLE = """
QFrame#boundaryPrompt { background: #eef4fa; border: 1px solid #9db7d3; border-radius: 6px; }
QFrame#boundaryPrompt QLabel { background: transparent; color: #1d2b3a; }
QLabel#boundaryTitle { font-weight: bold; font-size: 15px; }
QLabel#urgentRoute { font-weight: bold; }
"""


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)  # names and notes are shown, never interpreted
    label.setWordWrap(True)
    return label


class BoundaryPrompt(QFrame):
    """Emits ``record_requested(note)`` for the button, ``edit_contacts_requested`` for the link."""

    record_requested = Signal(str)
    edit_contacts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boundaryPrompt")
        self.setAccessibleName("Role boundary note")
        self.setStyleSheet(STYLE)
        title = _plain("Mentoring is not counselling")
        title.setObjectName("boundaryTitle")
        intro = _plain("This check suggests they are having a hard time. You can listen, and point "
                       "them to people whose job it is to help. You do not have to carry this alone.")
        self.contacts_title = _plain("Your support contacts:")
        self.contacts = _plain()
        self.contacts.setAccessibleName("Support contacts")
        self.contacts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_contacts = QPushButton("Edit support contacts…")
        self.edit_contacts.setAccessibleName("Edit support contacts")
        self.edit_contacts.clicked.connect(self.edit_contacts_requested)
        urgent = _plain("If there is an immediate risk to them or to others, use your organisation's "
                        "urgent route now — do not wait for the next meeting.")
        urgent.setObjectName("urgentRoute")

        self.note = QLineEdit()
        self.note.setAccessibleName("Referral or signpost note")
        self.note.setPlaceholderText("What you offered, e.g. occupational health self-referral")
        self.note.returnPressed.connect(self._record)
        self.record_button = QPushButton("I offered a referral or signpost")
        self.record_button.setAccessibleName("I offered a referral or signpost")
        self.record_button.clicked.connect(self._record)
        recording = QHBoxLayout()
        recording.addWidget(self.note, 1)
        recording.addWidget(self.record_button)
        self.recorded = _plain()
        self.recorded.setAccessibleName("Referrals recorded in this session")
        self.recorded.hide()
        private = PrivateMarker("Private — the referral log is never printed unless you ask")

        contacts_row = QHBoxLayout()
        contacts_row.addWidget(self.contacts, 1)
        contacts_row.addWidget(self.edit_contacts, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.contacts_title)
        layout.addLayout(contacts_row)
        layout.addWidget(urgent)
        layout.addLayout(recording)
        layout.addWidget(self.recorded)
        layout.addWidget(private)

    def set_contacts(self, contacts: list[ContactData]) -> None:
        if contacts:
            lines = [f"•  {c.name}" + (f" — {' '.join(c.detail.split())}" if c.detail.strip() else "")
                     for c in contacts]
            self.contacts.setText("\n".join(lines))
        else:
            self.contacts.setText("You have not listed any yet: occupational health, a staff wellbeing "
                                  "service, named colleagues. Add them once and they appear here.")

    def set_recorded(self, records: list[ReferralRecord]) -> None:
        lines = [f"✓ Recorded {format_date(r.on)}" + (f": {r.note}" if r.note else "") for r in records]
        self.recorded.setText("\n".join(lines))
        self.recorded.setVisible(bool(lines))

    def _record(self) -> None:
        self.record_requested.emit(self.note.text())

    def clear_note(self) -> None:
        self.note.clear()
