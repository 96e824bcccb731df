"""The first page: how many mentees, and how many are waiting for a meeting.

Deliberately small; the full dashboard (overdue actions, reviews due, first hundred
days) comes in its own release.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentordesk.services.overview import RosterCounts, roster_counts
from mentordesk.ui.formatting import plural


class _Figure(QFrame):
    """One number with what it counts, readable at a glance."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.number = QLabel("0")
        self.number.setObjectName("figureNumber")
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.number)
        layout.addWidget(self.label)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleName(f"{self.label.text()}: {value}")


class DashboardView(QWidget):
    open_mentees = Signal()
    add_mentee = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Dashboard")
        title = QLabel("Dashboard")
        title.setObjectName("pageTitle")
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)
        self.active = _Figure("active mentees")
        self.overdue = _Figure("not seen within their agreed cadence")
        self.paused = _Figure("paused")
        self.prospective = _Figure("prospective")
        figures = QGridLayout()
        for column, figure in enumerate((self.active, self.overdue, self.paused, self.prospective)):
            figures.addWidget(figure, 0, column)
        self.mentees_button = QPushButton("Go to mentees")
        self.mentees_button.setAccessibleName("Go to mentees")
        self.mentees_button.clicked.connect(self._go)
        later = QLabel("A fuller dashboard — overdue actions, reviews due, first-hundred-days "
                       "milestones — arrives in a later release.")
        later.setWordWrap(True)
        later.setObjectName("quiet")
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.summary)
        layout.addLayout(figures)
        layout.addWidget(self.mentees_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        layout.addWidget(later)
        self.counts = RosterCounts()
        self.refresh()

    def refresh(self) -> None:
        counts = self.counts = roster_counts()
        self.active.set_value(counts.active)
        self.overdue.set_value(counts.overdue)
        self.paused.set_value(counts.paused)
        self.prospective.set_value(counts.prospective)
        self.overdue.setProperty("attention", counts.overdue > 0)
        self.overdue.style().unpolish(self.overdue)
        self.overdue.style().polish(self.overdue)
        if counts.total == 0:
            self.summary.setText("No mentees yet. Start by adding the first one.")
            self.mentees_button.setText("Add your first mentee")
        elif counts.overdue:
            self.summary.setText(f"⚠ {plural(counts.overdue, 'mentee')} not seen for longer than "
                                 "you agreed. They are marked “overdue” in the roster.")
            self.mentees_button.setText("Go to mentees")
        else:
            self.summary.setText("Everyone active has been seen within the agreed cadence.")
            self.mentees_button.setText("Go to mentees")
        self.mentees_button.setAccessibleName(self.mentees_button.text())

    def _go(self) -> None:
        if self.counts.total == 0:
            self.add_mentee.emit()
        else:
            self.open_mentees.emit()
