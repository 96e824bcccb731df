"""Picking a prompt from the question bank for the section being written (Ctrl+K).

Typing filters; the arrow keys move; Enter inserts the chosen prompt. The mentor
can add their own prompt to the bank from here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.db.models import MOVES
from mentordesk.services import questions
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.questions import MOVE_LABELS
from mentordesk.ui import looks
from mentordesk.ui.models.question_list_model import ID_ROLE, QuestionListModel
from mentordesk.ui.widgets.error_label import ErrorLabel

NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class QuestionPicker(QDialog):
    def __init__(self, parent: QWidget | None = None, move: str = "questions") -> None:
        super().__init__(parent)
        self.chosen_text: str | None = None
        self.setWindowTitle("Question bank")
        self.setAccessibleName("Question bank")
        self.resize(620, 460)
        self.move_choice = QComboBox()
        self.move_choice.setAccessibleName("Move")
        for key in MOVES:
            self.move_choice.addItem(MOVE_LABELS[key], key)
        self.move_choice.setCurrentIndex(max(0, self.move_choice.findData(move)))
        self.move_choice.currentIndexChanged.connect(self.refresh)
        self.search = QLineEdit()
        self.search.setAccessibleName("Search questions")
        self.search.setPlaceholderText("Type to filter, ↑↓ to choose, Enter to insert")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.refresh)
        self.search.installEventFilter(self)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.move_choice)

        self.model = QuestionListModel(self)
        self.list = QListView()
        self.list.setAccessibleName("Questions")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setUniformItemSizes(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.activated.connect(self.accept)
        self.empty = QLabel("No question matches. Add your own below.")
        looks.quiet(self.empty)

        self.own = QLineEdit()
        self.own.setAccessibleName("Your own question")
        self.own.setPlaceholderText("Your own question, kept in the bank for next time")
        self.own.installEventFilter(self)  # Enter here adds to the bank, it does not insert
        self.add_button = QPushButton("Add to &bank")
        self.add_button.setAccessibleName("Add my question to the bank")
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_own)
        own_row = QHBoxLayout()
        own_row.addWidget(self.own, 1)
        own_row.addWidget(self.add_button)
        self.error = ErrorLabel()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.insert_button = self.buttons.addButton("&Insert", QDialogButtonBox.ButtonRole.AcceptRole)
        self.insert_button.setAccessibleName("Insert the question")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(own_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.refresh()
        self.search.setFocus()

    @classmethod
    def ask(cls, parent: QWidget | None, move: str) -> str | None:
        """The text of the prompt chosen, or None when cancelled."""
        dialog = cls(parent, move)
        try:
            dialog.exec()
            return dialog.chosen_text
        finally:
            dialog.deleteLater()

    def current_move(self) -> str:
        return str(self.move_choice.currentData())

    def refresh(self, *_args: object, select_id: str | None = None) -> None:
        self.model.set_questions(questions.list_questions(move=self.current_move(),
                                                          search=self.search.text()))
        row = self.model.row_of(select_id) if select_id else 0
        if self.model.rowCount():
            self.list.setCurrentIndex(self.model.index(max(row, 0), 0))
        self.empty.setVisible(self.model.rowCount() == 0)
        self.insert_button.setEnabled(self.model.rowCount() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The arrow keys in the search box walk the list, so the hands never leave the keys.
        if event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        if watched is self.own and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.add_own()
            return True
        if watched is self.search and event.key() in NAVIGATION_KEYS:
            self.list.keyPressEvent(event)
            return True
        return False

    def add_own(self) -> None:
        try:
            question = questions.add_question(self.own.text(), self.current_move())
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        self.error.clear_message()
        self.own.clear()
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.refresh(select_id=question.id)
        self.list.setFocus()

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid() or index.data(ID_ROLE) is None:
            return
        self.chosen_text = str(index.data(Qt.ItemDataRole.EditRole))
        super().accept()
