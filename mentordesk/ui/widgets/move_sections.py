"""The four moves of a mentoring conversation, each a plain-text field with a hint."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from mentordesk.services.sessions import SECTION_FIELDS, SECTION_LABELS
from mentordesk.ui import looks

PICKER_KEYS = (QKeySequence("Ctrl+K"), QKeySequence("Ctrl+Shift+Q"))
HINTS = {
    "listening": "What you heard and noticed: their words, mood, what was not said.",
    "questions": "The open questions you asked, and what they opened up.",
    "encouragement": "Strengths and progress you named, and how they took it.",
    "challenge": "What you asked them to stretch for, reconsider or commit to.",
}


class SectionEdit(QPlainTextEdit):
    """Plain text only (pasted rich text arrives as text); Tab moves to the next field."""

    def __init__(self, move: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.move_key = move
        self.setObjectName(f"section_{move}")
        self.setAccessibleName(SECTION_LABELS[move])
        self.setAccessibleDescription(HINTS[move])
        self.setPlaceholderText(HINTS[move])
        self.setTabChangesFocus(True)
        self.setMinimumHeight(96)
        self.setMaximumHeight(200)

    def event(self, event: QEvent) -> bool:
        # On Linux Ctrl+K deletes to the end of the line in a text field; here it opens the
        # question bank, so let the window's shortcuts see these keys first.
        if event.type() == QEvent.Type.ShortcutOverride:
            assert isinstance(event, QKeyEvent)
            if QKeySequence(event.keyCombination()) in PICKER_KEYS:
                event.ignore()
                return True
        return super().event(event)


class MoveSections(QWidget):
    """Emits ``changed`` on every edit and remembers which section was used last,
    so a question from the bank goes where the mentor is writing."""

    changed = Signal()
    help_requested = Signal(str)  # the move whose "?" was activated

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, SectionEdit] = {}
        self._current = SECTION_FIELDS[0]
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for number, move in enumerate(SECTION_FIELDS, start=1):
            edit = SectionEdit(move)
            # && shows one "&": the label is a buddy, so a single one would mark a mnemonic.
            title = QLabel(f"<b>{number}. {SECTION_LABELS[move].replace('&', '&&')}</b>")
            title.setBuddy(edit)
            hint = QLabel(HINTS[move])
            looks.quiet(hint)
            hint.setWordWrap(True)
            # "?" opens the guide's chapter on the four moves (the session editor connects it).
            link = QLabel(f'<a href="{move}">?</a>')
            link.setAccessibleName(f"Guide: {SECTION_LABELS[move]}")
            link.setToolTip("What the guide says about this move")
            link.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
            link.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes section to section; F1 opens the guide
            link.linkActivated.connect(self.help_requested)
            title_row = QHBoxLayout()
            title_row.addWidget(title)
            title_row.addWidget(link)
            title_row.addStretch(1)
            layout.addLayout(title_row)
            layout.addWidget(hint)
            layout.addWidget(edit)
            edit.textChanged.connect(self.changed)
            edit.installEventFilter(self)
            self.edits[move] = edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and isinstance(watched, SectionEdit):
            self._current = watched.move_key
        return False

    def current_move(self) -> str:
        """The section that has, or last had, the keyboard focus."""
        return self._current

    def current_edit(self) -> SectionEdit:
        return self.edits[self._current]

    def texts(self) -> dict[str, str]:
        return {move: edit.toPlainText() for move, edit in self.edits.items()}

    def set_texts(self, texts: dict[str, str]) -> None:
        for move, edit in self.edits.items():
            edit.setPlainText(texts.get(move, ""))

    def insert_at_cursor(self, text: str) -> None:
        """Put ``text`` at the cursor of the current section, as one undo step."""
        edit = self.current_edit()
        cursor = edit.textCursor()
        cursor.insertText(text)
        edit.setTextCursor(cursor)
        edit.setFocus()
