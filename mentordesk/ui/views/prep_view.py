"""Preparing the next meeting with one mentee, in a window of its own.

A window, not a page: the mentor keeps it open beside the new session note. It
shows ``services.prep.PrepData`` and prints the prep sheet; "Use in next session"
hands a suggested question to the window (``start_session_with_questions``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME
from mentordesk.services import prep
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.prep import PrepData
from mentordesk.ui import looks
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.prep_rows_model import PrepRowsModel

DEFAULT_SIZE = (780, 900)
MAX_VISIBLE_ROWS = 6


def _text_label(name: str) -> QLabel:
    """A label for the mentor's own text: plain text always, never rich text."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _table(name: str, model: PrepRowsModel) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return table


def _fit(table: QTableView, empty: QLabel, rows: int) -> None:
    """Show the table just as tall as its rows (six at most, then it scrolls), or the empty text."""
    table.setVisible(rows > 0)
    empty.setVisible(rows == 0)
    table.resizeRowsToContents()
    shown = min(rows, MAX_VISIBLE_ROWS)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    height += sum(table.rowHeight(r) for r in range(shown))
    table.setFixedHeight(height + (4 if rows > shown else 0))


class PrepView(QWidget):
    """Emits ``start_session_with_questions(mentee_id, text)`` and ``open_mentee(mentee_id)``."""

    start_session_with_questions = Signal(str, str)
    open_mentee = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.data: PrepData | None = None
        self._shuffle = 0
        self.setAccessibleName("Prepare the meeting")
        self.title = _text_label("Mentee")
        looks.page_title(self.title)
        self.about = _text_label("Role and place of work")
        looks.quiet(self.about)

        self.contact = _text_label("Days since the last contact")
        self.next_meeting = _text_label("Next meeting")
        self.agreement = _text_label("Agreement")
        self.wellbeing = _text_label("Wellbeing score and trend")
        self.milestone = _text_label("Next first-hundred-days check-in")
        self.going_on = _text_label("What is going on")
        facts = QGridLayout()
        for row, (caption, label) in enumerate((
                ("Last contact", self.contact), ("Next meeting", self.next_meeting),
                ("Agreement", self.agreement), ("Wellbeing", self.wellbeing),
                ("First hundred days", self.milestone), ("What is going on", self.going_on))):
            facts.addWidget(QLabel(f"<b>{caption}</b>"), row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(label, row, 1)
        facts.setColumnStretch(1, 1)

        self.goals_model = PrepRowsModel(["Goal", "Progress", "Last update", "Target"], self)
        self.goals_table = _table("Open goals with their latest progress", self.goals_model)
        self.actions_model = PrepRowsModel(["Action", "Who", "Due"], self)
        self.actions_table = _table("Open actions", self.actions_model)
        self.no_goals = QLabel("No open goals.")
        self.no_actions = QLabel("No open actions.")
        self.follow_heading = QLabel()
        self.follow_questions = _text_label("Open questions of the last meeting")
        self.follow_challenge = _text_label("Challenge of the last meeting")

        self.question_labels: list[QLabel] = []
        self.use_buttons: list[QPushButton] = []
        questions_box = QGroupBox("Suggested open questions")
        questions_layout = QGridLayout(questions_box)
        for n in range(3):
            label = _text_label(f"Suggested question {n + 1}")
            button = QPushButton("Use in next session")
            button.clicked.connect(lambda _c=False, i=n: self.use_question(i))
            questions_layout.addWidget(label, n, 0)
            questions_layout.addWidget(button, n, 1, Qt.AlignmentFlag.AlignTop)
            self.question_labels.append(label)
            self.use_buttons.append(button)
        questions_layout.setColumnStretch(0, 1)
        self.others_button = QPushButton("Suggest &others")
        self.others_button.setAccessibleName("Suggest other questions")
        self.others_button.clicked.connect(self.suggest_others)
        questions_layout.addWidget(self.others_button, 3, 1)

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.title)
        body_layout.addWidget(self.about)
        body_layout.addLayout(facts)
        body_layout.addWidget(QLabel("<b>Goals</b>"))
        body_layout.addWidget(self.goals_table)
        body_layout.addWidget(self.no_goals)
        body_layout.addWidget(QLabel("<b>Open actions</b>"))
        body_layout.addWidget(self.actions_table)
        body_layout.addWidget(self.no_actions)
        body_layout.addWidget(self.follow_heading)
        body_layout.addWidget(self.follow_questions)
        body_layout.addWidget(self.follow_challenge)
        body_layout.addWidget(questions_box)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        scroll.setAccessibleName("Preparation")

        self.include_wellbeing = QCheckBox("Show wellbeing on the printed sheet")
        self.include_wellbeing.setAccessibleName("Show wellbeing on the printed sheet")
        self.print_button = QPushButton("&Print prep sheet…")
        self.print_button.setAccessibleName("Print prep sheet")
        self.print_button.setShortcut(QKeySequence("Ctrl+P"))
        self.print_button.setToolTip("Save the prep sheet as a PDF to print (Ctrl+P)")
        self.print_button.clicked.connect(lambda: self.print_sheet())
        self.mentee_button = QPushButton("Open &mentee")
        self.mentee_button.setAccessibleName("Open the mentee")
        self.mentee_button.clicked.connect(lambda: self.data and self.open_mentee.emit(self.data.mentee_id))
        self.message = QLabel()
        self.message.setAccessibleName("Message")
        self.message.setWordWrap(True)
        bottom = QHBoxLayout()
        bottom.addWidget(self.include_wellbeing)
        bottom.addStretch(1)
        bottom.addWidget(self.mentee_button)
        bottom.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+W"), self).activated.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        self.resize(*DEFAULT_SIZE)

    # --- showing -------------------------------------------------------------------------
    def show_mentee(self, mentee_id: str) -> None:
        """Gather and show the preparation for one mentee (today's usual suggestions)."""
        self._shuffle = 0
        self.message.clear()
        self._show(prep.prepare(mentee_id))

    def _show(self, data: PrepData) -> None:
        self.data = data
        self.setWindowTitle(f"Prepare the meeting with {data.name} — {APP_NAME}")
        self.setAccessibleName(f"Prepare the meeting with {data.name}")
        self.title.setText(f"Prepare the meeting with {data.name}")
        self.about.setText(" · ".join(p for p in (data.role, data.specialty, data.organisation) if p))
        self.contact.setText(data.contact_line)
        if data.next_on is None:
            self.next_meeting.setText("No next date agreed.")
        elif data.next_on >= data.today:
            self.next_meeting.setText(f"{format_date(data.next_on)}, as agreed at the last meeting.")
        else:
            self.next_meeting.setText(f"{format_date(data.next_on)} was agreed; no meeting is written since.")
        self.agreement.setText(data.agreement)
        self.wellbeing.setText(data.wellbeing.words)
        m = data.next_milestone
        due = f", due {format_date(m.due_on)}" if m and m.due_on else ""
        self.milestone.setText(f"Day {m.day}{due}: {m.prompt}" if m else "—")
        self.going_on.setText(data.situation_words.capitalize() or "Nothing in particular.")
        self.goals_model.set_rows(
            [(g.title, "not yet measured" if g.latest_percent is None else
              f"{g.latest_percent} %" + (" — stalled" if g.stalled else ""),
              format_date(g.last_update) or "—", format_date(g.target_on) or "—") for g in data.goals],
            [g.stalled for g in data.goals])
        self.actions_model.set_rows(
            [(a.text, "Mentee" if a.owner == "mentee" else "You",
              (format_date(a.due_on) or "—") + (" — overdue" if a.overdue else ""))
             for a in data.open_actions],
            [a.overdue for a in data.open_actions])
        _fit(self.goals_table, self.no_goals, len(data.goals))
        _fit(self.actions_table, self.no_actions, len(data.open_actions))
        follow = data.follow_up
        if follow is None:
            self.follow_heading.setText("<b>To follow up</b>: no meeting yet.")
        else:
            self.follow_heading.setText(f"<b>To follow up from {format_date(follow.held_on)}</b>")
        self.follow_questions.setText(f"Open questions: {follow.questions}" if follow and follow.questions
                                      else "Open questions: none written.")
        self.follow_challenge.setText(f"Challenge: {follow.challenge}" if follow and follow.challenge
                                      else "Challenge: none written.")
        for n, (label, button) in enumerate(zip(self.question_labels, self.use_buttons, strict=True)):
            question = data.questions[n] if n < len(data.questions) else None
            label.setText(question.text if question else "")
            button.setEnabled(question is not None)
            button.setAccessibleName(f"Use in next session: {question.text}" if question
                                     else "Use in next session")

    # --- acting --------------------------------------------------------------------------
    def use_question(self, number: int) -> None:
        if self.data is None or number >= len(self.data.questions):
            return
        text = prep.questions_text([self.data.questions[number]])
        self.start_session_with_questions.emit(self.data.mentee_id, text)
        self.message.setText("Taken into the next session's open questions.")

    def suggest_others(self) -> None:
        if self.data is None:
            return
        self._shuffle += 1
        self._show(prep.prepare(self.data.mentee_id, shuffle=self._shuffle))

    def choose_path(self) -> Path | None:
        """Ask where to save the sheet (a seam for tests)."""
        assert self.data is not None
        name, _ = QFileDialog.getSaveFileName(self, "Save the prep sheet",
                                              str(Path.home() / f"Prep sheet — {self.data.name}.pdf"),
                                              "PDF (*.pdf)")
        return Path(name) if name else None

    def print_sheet(self, path: Path | None = None) -> Path | None:
        """Write the prep sheet PDF; returns where, or None if cancelled or refused."""
        if self.data is None:
            return None
        path = path or self.choose_path()
        if path is None:
            return None
        from mentordesk.reports.prep_sheet import write_prep_sheet
        from mentordesk.services.mentor import get_profile

        try:
            written = write_prep_sheet(self.data, path, include_wellbeing=self.include_wellbeing.isChecked(),
                                       author=get_profile().name)
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot save the prep sheet", str(error))
            return None
        self.message.setText(f"Prep sheet saved to {written}. Open it to print.")
        return written
