"""Taking an assessment, one domain at a time, with the keyboard alone.

Digits set the rating of the current item, 0 or N marks it "not applicable",
Delete makes it "not answered yet" again; Up/Down (or K/J) move between items,
PgDown/PgUp or Ctrl+Right/Left (Ctrl+PgDown/PgUp anywhere) between domains. Each
answer is saved at once; reflections shortly after typing stops and whenever the
page changes. Leaving is pausing: opening the assessment again resumes where it stopped.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import assessments
from mentordesk.services.assessment_report import rater_text
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import Framework, Item, get_framework
from mentordesk.ui import looks
from mentordesk.ui.formatting import format_date, plural
from mentordesk.ui.models.assessment_item_model import RATING, AssessmentItemModel, ItemAnswer
from mentordesk.ui.widgets.error_label import ErrorLabel

DOMAIN_PAGE, FINAL_PAGE = 0, 1
SAVE_DELAY_MS = 600
UP_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_K)
DOWN_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_J)
NOT_APPLICABLE_KEYS = (Qt.Key.Key_0, Qt.Key.Key_N)
CLEAR_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)


class AssessmentTaking(QWidget):
    """Emits ``completed(id)`` when the assessment is finished and ``paused(id)`` when the
    mentor leaves it for later."""

    completed = Signal(str)
    paused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Taking an assessment")
        self.assessment_id: str | None = None
        self.framework: Framework | None = None
        self.answers: dict[str, int | None] = {}
        self._domain_reflections: dict[str, str] = {}
        self.domain_index = 0
        self.model = AssessmentItemModel(self)

        self.heading = QLabel()
        looks.page_title(self.heading)
        self.heading.setWordWrap(True)
        self.domain_title = QLabel()
        self.domain_title.setWordWrap(True)
        self.domain_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.domain_description = QLabel()
        self.domain_description.setWordWrap(True)
        self.scale_text = QLabel()
        self.scale_text.setWordWrap(True)
        self.scale_text.setAccessibleName("Rating scale")
        self.keys_text = QLabel("Keys: 1–7 rate the selected statement · 0 or N: not applicable · "
                                "Delete: not answered yet · ↑/↓ or K/J: statements · "
                                "PgDown/PgUp or Ctrl+→/←: domains")
        looks.quiet(self.keys_text)
        self.keys_text.setWordWrap(True)

        self.table = QTableView()
        self.table.setAccessibleName("Statements of this domain")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setAccessibleName("Statement and rating columns")
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RATING, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(RATING, 240)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.installEventFilter(self)

        self.domain_reflection = QPlainTextEdit()
        self.domain_reflection.setAccessibleName("Reflection on this domain")
        self.domain_reflection.setPlaceholderText("Your reflection on this domain (optional): an example, "
                                                  "what went well, what you would do differently")
        self.domain_reflection.setTabChangesFocus(True)
        self.domain_reflection.setMaximumHeight(90)
        self.final_reflection = QPlainTextEdit()
        self.final_reflection.setAccessibleName("Overall reflection")
        self.final_reflection.setPlaceholderText("Looking at the whole assessment: what stands out, and "
                                                 "what do you want to work on?")
        self.final_reflection.setTabChangesFocus(True)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self._dirty = {"domain": False, "final": False}
        self.domain_reflection.textChanged.connect(lambda: self._changed("domain"))
        self.final_reflection.textChanged.connect(lambda: self._changed("final"))

        domain_page = QWidget()
        domain_layout = QVBoxLayout(domain_page)
        domain_layout.setContentsMargins(0, 0, 0, 0)
        domain_layout.addWidget(self.domain_title)
        domain_layout.addWidget(self.domain_description)
        domain_layout.addWidget(self.table, 1)
        domain_layout.addWidget(QLabel("Reflection on this domain"))
        domain_layout.addWidget(self.domain_reflection)
        final_page = QWidget()
        final_layout = QVBoxLayout(final_page)
        final_layout.setContentsMargins(0, 0, 0, 0)
        final_title = QLabel("Overall reflection")
        final_title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.final_summary = QLabel()
        self.final_summary.setWordWrap(True)
        final_layout.addWidget(final_title)
        final_layout.addWidget(self.final_summary)
        final_layout.addWidget(self.final_reflection, 1)
        self.pages = QStackedWidget()
        self.pages.addWidget(domain_page)
        self.pages.addWidget(final_page)

        self.progress = QLabel()
        self.progress.setAccessibleName("Progress")
        self.error = ErrorLabel()
        self.previous_button = self._button("◀ &Previous domain", self.previous_domain)
        self.next_button = self._button("&Next domain ▶", self.next_domain)
        self.pause_button = self._button("Pause — &continue later", self.pause)
        self.finish_button = self._button("&Finish", self.finish)
        looks.primary(self.finish_button)
        buttons = QHBoxLayout()
        for button in (self.previous_button, self.next_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.progress)
        buttons.addSpacing(12)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.scale_text)
        layout.addWidget(self.keys_text)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        for keys, slot in (("Ctrl+PgDown", self.next_domain), ("Ctrl+PgUp", self.previous_domain)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    def _button(self, text: str, slot: object) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.replace("&", "").strip("◀▶ "))
        button.clicked.connect(slot)
        return button

    # --- opening ---------------------------------------------------------------------------
    def open(self, assessment_id: str) -> None:
        """Show an assessment where it stopped: the first statement not answered yet."""
        self.flush()
        detail = assessments.get_assessment(assessment_id)
        summary = detail.summary
        self.assessment_id = assessment_id
        self.framework = get_framework(summary.framework, summary.framework_version)
        self.answers = dict(detail.answers)
        self._domain_reflections = dict(detail.domain_reflections)
        self.heading.setText(f"{self.framework.title} — {rater_text(summary)}, "
                             f"{format_date(summary.taken_on)}")
        scale = self.framework.scale
        anchors = " · ".join(f"{point} = {label}" for point, label in scale.anchors)
        self.scale_text.setText(f"Scale {scale.min} to {scale.max}: {anchors}"
                                + (" · 0 or N = not applicable" if scale.not_applicable else ""))
        self._set_final_text(detail.reflection)
        self.error.clear_message()
        point = assessments.resume_point(assessment_id)
        if point is None:
            self.show_domain(len(self.framework.domains) - 1)
        else:
            self.show_domain(point.domain_index, point.item_index)

    def _set_final_text(self, text: str) -> None:
        self.final_reflection.blockSignals(True)
        self.final_reflection.setPlainText(text)
        self.final_reflection.blockSignals(False)
        self._dirty["final"] = False

    def show_domain(self, index: int, item_row: int = 0) -> None:
        """Show domain ``index`` (the number of domains means the overall reflection page)."""
        if self.framework is None:
            return
        self.flush()
        count = len(self.framework.domains)
        self.domain_index = max(0, min(index, count))
        self.previous_button.setEnabled(self.domain_index > 0)
        self.next_button.setEnabled(self.domain_index < count)
        if self.domain_index == count:
            self.pages.setCurrentIndex(FINAL_PAGE)
            self._update_progress()
            self.final_reflection.setFocus()
            return
        self.pages.setCurrentIndex(DOMAIN_PAGE)
        domain = self.framework.domains[self.domain_index]
        self.domain_title.setText(f"Domain {self.domain_index + 1} of {count}: {domain.title}")
        self.domain_description.setText(domain.description)
        self.domain_description.setVisible(bool(domain.description))
        self.model.set_rows([self._row(number, item) for number, item in enumerate(domain.items, start=1)])
        self.domain_reflection.blockSignals(True)
        self.domain_reflection.setPlainText(self._domain_reflections.get(domain.key, ""))
        self.domain_reflection.blockSignals(False)
        self._dirty["domain"] = False
        self.select_item(item_row)
        self._update_progress()
        self.table.setFocus()

    def _row(self, number: int, item: Item) -> ItemAnswer:
        assert self.framework is not None
        return ItemAnswer(number, item, item.key in self.answers, self.answers.get(item.key),
                          self.framework.scale)

    def select_item(self, row: int) -> None:
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, 0)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)

    def current_row(self) -> int:
        index: QModelIndex = self.table.currentIndex()
        return index.row() if index.isValid() else 0

    def _update_progress(self) -> None:
        if self.framework is None:
            return
        total = len(self.framework.items)
        answered = sum(1 for item in self.framework.items if item.key in self.answers)
        self.progress.setText(f"{answered} of {total} answered")
        missing = total - answered
        self.final_summary.setText(
            "Every statement is answered. Write what stands out, then press Finish."
            if missing == 0 else
            f"{plural(missing, 'statement')} not answered yet. Go back with PgUp, or press Finish "
            "to see which.")

    # --- answering ---------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 — Qt's name
        if watched is self.table and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            return self._key(event)
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        key = event.key()
        ctrl = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        scale = self.framework.scale if self.framework is not None else None
        if scale is None:
            return False
        if ctrl and key == Qt.Key.Key_Right or key == Qt.Key.Key_PageDown:
            self.next_domain()
        elif ctrl and key == Qt.Key.Key_Left or key == Qt.Key.Key_PageUp:
            self.previous_domain()
        elif ctrl:
            return False
        elif key in UP_KEYS:
            self.select_item(self.current_row() - 1)
        elif key in DOWN_KEYS:
            self.select_item(self.current_row() + 1)
        elif key in NOT_APPLICABLE_KEYS and scale.not_applicable:
            self.rate(None)
        elif key in CLEAR_KEYS:
            self.clear()
        elif Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and scale.min <= key - Qt.Key.Key_0 <= scale.max:
            self.rate(int(key - Qt.Key.Key_0))
        else:
            return False
        return True

    def rate(self, value: int | None) -> None:
        """Save the rating of the selected statement (None: not applicable) and go to the next."""
        row = self.current_row()
        if self.assessment_id is None or self.model.rowCount() == 0:
            return
        item = self.model.row_at(row).item
        try:
            assessments.answer(self.assessment_id, item.key, value)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.error.clear_message()
        self.answers[item.key] = value
        self.model.refresh_row(row, self._row(row + 1, item))
        self._update_progress()
        if row + 1 < self.model.rowCount():
            self.select_item(row + 1)

    def clear(self) -> None:
        row = self.current_row()
        if self.assessment_id is None or self.model.rowCount() == 0:
            return
        item = self.model.row_at(row).item
        try:
            assessments.clear_answer(self.assessment_id, item.key)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.answers.pop(item.key, None)
        self.model.refresh_row(row, self._row(row + 1, item))
        self._update_progress()

    def next_domain(self) -> None:
        self.show_domain(self.domain_index + 1)

    def previous_domain(self) -> None:
        self.show_domain(self.domain_index - 1)

    # --- reflections -------------------------------------------------------------------------
    def _changed(self, which: str) -> None:
        self._dirty[which] = True
        self._save_timer.start()

    def flush(self) -> None:
        """Save reflections typed since the last save (called on a pause in typing and on leaving)."""
        self._save_timer.stop()
        if self.assessment_id is None or self.framework is None:
            return
        try:
            if self._dirty["domain"] and self.domain_index < len(self.framework.domains):
                key = self.framework.domains[self.domain_index].key
                text = self.domain_reflection.toPlainText()
                assessments.set_domain_reflection(self.assessment_id, key, text)
                self._domain_reflections[key] = text
            if self._dirty["final"]:
                assessments.set_reflection(self.assessment_id, self.final_reflection.toPlainText())
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self._dirty = {"domain": False, "final": False}

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 — Qt's name
        self.flush()
        super().hideEvent(event)

    # --- leaving -----------------------------------------------------------------------------
    def pause(self) -> None:
        self.flush()
        if self.assessment_id is not None:
            self.paused.emit(self.assessment_id)

    def finish(self) -> None:
        """Complete the assessment; when statements are missing, say how many and go to the first."""
        self.flush()
        if self.assessment_id is None:
            return
        try:
            assessments.complete(self.assessment_id)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            point = assessments.resume_point(self.assessment_id)
            if point is not None:
                self.show_domain(point.domain_index, point.item_index)
            return
        self.error.clear_message()
        self.completed.emit(self.assessment_id)
