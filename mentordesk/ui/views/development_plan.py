"""The development plan: notes per domain and up to three open actions with target dates."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import assessments, development_plan
from mentordesk.services.development_plan import MAX_OPEN_ACTIONS_PER_DOMAIN, DevelopmentActionData
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, Framework, get_framework
from mentordesk.ui import looks
from mentordesk.ui.dialogs.development_action_dialog import DevelopmentActionDialog
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.development_action_model import ACTION, DOMAIN, DevelopmentActionModel
from mentordesk.ui.views.assessment_history import sorted_table
from mentordesk.ui.widgets.error_label import ErrorLabel

SAVE_DELAY_MS = 600


class DevelopmentPlan(QWidget):
    changed = Signal()

    def __init__(self, framework_key: str = DEFAULT_FRAMEWORK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Development plan")
        self.framework: Framework = get_framework(framework_key)
        self.notes_assessment: str | None = None
        self.domain = QComboBox()
        self.domain.setAccessibleName("Domain")
        self.domain.currentIndexChanged.connect(self._domain_changed)
        self.notes_label = QLabel()
        self.notes_label.setWordWrap(True)
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Development notes for this domain")
        self.notes.setPlaceholderText("What do you want to develop in this domain, and how?")
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(110)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._dirty = False
        self.notes.textChanged.connect(self._typed)

        self.model = DevelopmentActionModel(self)
        self.table, self.proxy = sorted_table(self.model, "Development actions", self)
        self.table.horizontalHeader().setSectionResizeMode(DOMAIN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(ACTION, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.add_button = QPushButton("&Add action…")
        self.add_button.setAccessibleName("Add a development action")
        self.add_button.clicked.connect(self.add_action)
        self.done_button = QPushButton("&Mark done")
        self.done_button.setAccessibleName("Mark the selected action done")
        self.done_button.clicked.connect(lambda: self._act(development_plan.complete_development_action))
        self.reopen_button = QPushButton("&Reopen")
        self.reopen_button.setAccessibleName("Reopen the selected action")
        self.reopen_button.clicked.connect(lambda: self._act(development_plan.reopen_development_action))
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the selected action")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.done_button, self.reopen_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.error = ErrorLabel()
        rule = QLabel(f"Up to {MAX_OPEN_ACTIONS_PER_DOMAIN} open actions per domain keep the plan doable. "
                      "Actions whose date has come appear on the dashboard.")
        looks.quiet(rule)
        rule.setWordWrap(True)

        top = QHBoxLayout()
        domain_label = QLabel("&Domain:")
        domain_label.setBuddy(self.domain)
        top.addWidget(domain_label)
        top.addWidget(self.domain, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.notes_label)
        layout.addWidget(self.notes)
        layout.addWidget(QLabel("Actions"))
        layout.addWidget(rule)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.set_framework(framework_key)

    def set_framework(self, framework_key: str) -> None:
        self.flush()
        self.framework = get_framework(framework_key)
        self.domain.blockSignals(True)
        self.domain.clear()
        self.domain.addItem("All domains", None)
        for d in self.framework.domains:
            self.domain.addItem(d.title, d.key)
        self.domain.setCurrentIndex(1)
        self.domain.blockSignals(False)
        self.refresh()

    def domain_key(self) -> str | None:
        value = self.domain.currentData()
        return str(value) if value else None

    # --- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        self.flush()
        latest = assessments.list_assessments(rater="self", framework=self.framework.key)
        self.notes_assessment = latest[0].id if latest else None
        self.model.set_rows(development_plan.list_development_actions(framework_key=self.framework.key,
                                                                 domain_key=self.domain_key()))
        key = self.domain_key()
        self.notes.blockSignals(True)
        if self.notes_assessment is None:
            self.notes_label.setText("Development notes are kept with an assessment: take one first.")
            self.notes.setPlainText("")
            self.notes.setEnabled(False)
        elif key is None:
            self.notes_label.setText("Choose a domain to write its development notes.")
            self.notes.setPlainText("")
            self.notes.setEnabled(False)
        else:
            detail = assessments.get_assessment(self.notes_assessment)
            self.notes_label.setText(f"Development notes (kept with your assessment of "
                                     f"{format_date(detail.summary.taken_on)})")
            self.notes.setPlainText(detail.development_notes.get(key, ""))
            self.notes.setEnabled(True)
        self.notes.blockSignals(False)
        self._dirty = False
        self._update_buttons()

    def _domain_changed(self) -> None:
        self.error.clear_message()
        self.refresh()

    def selected(self) -> DevelopmentActionData | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.done_button.setEnabled(chosen is not None and chosen.open)
        self.reopen_button.setEnabled(chosen is not None and not chosen.open)
        self.delete_button.setEnabled(chosen is not None)

    # --- notes -----------------------------------------------------------------------------
    def _typed(self) -> None:
        self._dirty = True
        self._timer.start()

    def flush(self) -> None:
        self._timer.stop()
        key = self.domain_key() if hasattr(self, "model") else None
        if not self._dirty or self.notes_assessment is None or key is None:
            return
        try:
            assessments.set_development_notes(self.notes_assessment, key, self.notes.toPlainText())
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self._dirty = False

    def hideEvent(self, event: object) -> None:  # noqa: N802 — Qt's name
        self.flush()
        super().hideEvent(event)  # type: ignore[arg-type]

    # --- actions ---------------------------------------------------------------------------
    def add_action(self) -> None:
        domains = [(d.key, d.title) for d in self.framework.domains]

        def submit(domain_key: str, text: str, target: object) -> None:
            development_plan.add_development_action(domain_key, text, target_on=target,  # type: ignore[arg-type]
                                               framework_key=self.framework.key)

        if DevelopmentActionDialog.ask(self, domains, submit, self.domain_key()):
            self.error.clear_message()
            self.refresh()
            self.changed.emit()

    def _act(self, operation: object) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            operation(chosen.id)  # type: ignore[operator]
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.error.clear_message()
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(self, "Delete action", f"Delete the action “{chosen.text}”?",
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                      QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Yes:
            self._act(development_plan.delete_development_action)
