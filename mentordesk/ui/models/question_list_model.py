"""Prompts of the question bank as a Qt list: the text, with its topic and origin as a tooltip."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from mentordesk.db.models import Question
from mentordesk.services.questions import TOPIC_LABELS

ID_ROLE = Qt.ItemDataRole.UserRole + 1

Index = QModelIndex | QPersistentModelIndex


class QuestionListModel(QAbstractListModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, bool]] = []  # id, text, topic, builtin

    def set_questions(self, questions: list[Question]) -> None:
        self.beginResetModel()
        self._rows = [(q.id, q.text, q.topic, bool(q.builtin)) for q in questions]
        self.endResetModel()

    def row_of(self, question_id: str) -> int:
        return next((n for n, row in enumerate(self._rows) if row[0] == question_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        question_id, text, topic, builtin = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text if builtin else f"{text}  (yours)"
        if role == Qt.ItemDataRole.EditRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            theme = TOPIC_LABELS.get(topic, "No theme")
            return f"{theme} — {'comes with MentorDesk' if builtin else 'your own question'}"
        if role == ID_ROLE:
            return question_id
        return None
