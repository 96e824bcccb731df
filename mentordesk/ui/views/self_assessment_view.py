"""The Self-assessment area: history with the radar chart, taking an assessment, the
development plan and the mentees' view, for one framework at a time."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import assessments
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, available_frameworks
from mentordesk.ui import looks
from mentordesk.ui.dialogs.own_framework_dialog import add_framework_file
from mentordesk.ui.views.assessment_history import AssessmentHistory
from mentordesk.ui.views.assessment_taking import AssessmentTaking
from mentordesk.ui.views.development_plan import DevelopmentPlan
from mentordesk.ui.views.journal_view import JournalView
from mentordesk.ui.views.mentee_feedback_view import MenteeFeedbackView
from mentordesk.ui.widgets.domain_reflections import DomainReflections

HISTORY_TAB, TAKING_TAB, PLAN_TAB, MENTEES_TAB, JOURNAL_TAB = range(5)


class SelfAssessmentView(QWidget):
    """Emits ``changed`` after anything it saved that other areas show (the dashboard's due actions)."""

    changed = Signal()

    def __init__(self, data_dir: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Self-assessment")
        self.data_dir = data_dir
        self.framework = QComboBox()
        self.framework.setAccessibleName("Framework")
        self._fill_frameworks(DEFAULT_FRAMEWORK)
        self.framework.currentIndexChanged.connect(self._framework_changed)

        self.new_action = self._action("&New self-assessment", self.new_assessment, "Ctrl+Shift+A")
        self.continue_action = self._action("&Continue unfinished", self.continue_latest, "Ctrl+Shift+C")
        self.framework_action = self._action("Add own &framework…", self.add_framework)

        self.history = AssessmentHistory()
        self.taking = AssessmentTaking()
        self.plan = DevelopmentPlan(self.framework_key())
        self.feedback = MenteeFeedbackView(self.framework_key())
        # The reflection journal, and on the History tab the entries linked to one domain (issue 13).
        self.journal = JournalView(self.framework_key())
        self.domain_reflections = DomainReflections(self.framework_key())
        self.history.changes.addTab(self.domain_reflections, "Reflections on a domain")
        self.nothing_open = QLabel("No assessment is open. Start a new self-assessment (Ctrl+Shift+A), or "
                                   "continue an unfinished one from the history.")
        self.nothing_open.setWordWrap(True)
        self.nothing_open.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.taking_pages = QStackedWidget()
        self.taking_pages.addWidget(self.nothing_open)
        self.taking_pages.addWidget(self.taking)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Self-assessment sections")
        self.tabs.addTab(self.history, "&History and chart")
        self.tabs.addTab(self.taking_pages, "&Taking an assessment")
        self.tabs.addTab(self.plan, "Development &plan")
        self.tabs.addTab(self.feedback, "&Mentees' view")
        self.tabs.addTab(self.journal, "&Reflection journal")

        self.history.continue_requested.connect(self.open_assessment)
        self.history.changed.connect(self._after_change)
        self.taking.completed.connect(self._completed)
        self.taking.paused.connect(self._paused)
        self.plan.changed.connect(self.changed)
        self.feedback.take.connect(self.open_assessment)
        self.feedback.changed.connect(self._after_change)
        self.journal.changed.connect(self.domain_reflections.refresh)
        self.domain_reflections.open_entry.connect(self.open_reflection)

        title = QLabel("Self-assessment")
        looks.page_title(title)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        framework_label = QLabel("Framework:")
        framework_label.setBuddy(self.framework)
        top.addWidget(framework_label)
        top.addWidget(self.framework)
        for action in (self.new_action, self.continue_action, self.framework_action):
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            top.addWidget(button)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.addLayout(top)
        inner.addWidget(self.tabs, 1)
        # A small window scrolls the area instead of growing the whole main window.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _action(self, text: str, slot: object, shortcut: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _fill_frameworks(self, keep: str) -> None:
        self.framework.blockSignals(True)
        self.framework.clear()
        seen: set[str] = set()
        for framework in available_frameworks(self.data_dir):
            if framework.key not in seen:
                seen.add(framework.key)
                self.framework.addItem(framework.title, framework.key)
        index = self.framework.findData(keep)
        self.framework.setCurrentIndex(max(index, 0))
        self.framework.blockSignals(False)

    def framework_key(self) -> str:
        return str(self.framework.currentData() or DEFAULT_FRAMEWORK)

    def _framework_changed(self) -> None:
        self.plan.set_framework(self.framework_key())
        self.feedback.set_framework(self.framework_key())
        self.journal.set_framework(self.framework_key())
        self.domain_reflections.set_framework(self.framework_key())

    # --- acting ----------------------------------------------------------------------------
    def new_assessment(self) -> str | None:
        try:
            assessment_id = assessments.start_assessment(self.framework_key(), data_dir=self.data_dir)
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot start the assessment", str(error))
            return None
        self.open_assessment(assessment_id)
        return assessment_id

    def continue_latest(self) -> None:
        unfinished = [s for s in assessments.list_assessments(rater="self", framework=self.framework_key())
                      if not s.completed]
        if not unfinished:
            QMessageBox.information(self, "Nothing to continue", "Every self-assessment is finished.")
            return
        self.open_assessment(unfinished[0].id)

    def open_assessment(self, assessment_id: str) -> None:
        self.taking.open(assessment_id)
        self.taking_pages.setCurrentWidget(self.taking)
        self.tabs.setCurrentIndex(TAKING_TAB)
        self.taking.table.setFocus()
        self.history.refresh(assessment_id)

    def open_reflection(self, entry_id: str) -> None:
        self.tabs.setCurrentIndex(JOURNAL_TAB)
        self.journal.open_entry(entry_id)

    def add_framework(self, path: Path | None = None) -> None:
        framework = add_framework_file(self, path)
        if framework is not None:
            self._fill_frameworks(framework.key)
            self._framework_changed()

    def _completed(self, assessment_id: str) -> None:
        self.taking_pages.setCurrentWidget(self.nothing_open)
        self._after_change(assessment_id)
        self.tabs.setCurrentIndex(HISTORY_TAB)

    def _paused(self, assessment_id: str) -> None:
        self.taking_pages.setCurrentWidget(self.nothing_open)
        self.history.refresh(assessment_id)
        self.tabs.setCurrentIndex(HISTORY_TAB)

    def _after_change(self, select_id: str | None = None) -> None:
        self.history.refresh(select_id)
        self.plan.refresh()
        self.feedback.refresh()
        self.changed.emit()
