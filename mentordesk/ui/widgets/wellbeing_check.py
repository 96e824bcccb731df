"""A short wellbeing check: a 1–5 score, the signals that were noticed, a note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from mentordesk.services.sessions import WELLBEING_SIGNALS

SCORE_LABELS = {
    1: "1 — struggling",
    2: "2 — strained",
    3: "3 — getting by",
    4: "4 — well",
    5: "5 — thriving",
}
SIGNAL_COLUMNS = 4


class WellbeingCheck(QWidget):
    """Emits ``changed`` on every change of the score, a signal or the note."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.score = QComboBox()
        self.score.setAccessibleName("Wellbeing score")
        self.score.addItem("Not checked", None)
        for value, label in SCORE_LABELS.items():
            self.score.addItem(label, value)
        self.score.currentIndexChanged.connect(self.changed)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        self.signal_boxes: dict[str, QCheckBox] = {}
        self._other_signals: tuple[str, ...] = ()  # kept as they are (from an import, say)
        for number, name in enumerate(WELLBEING_SIGNALS):
            box = QCheckBox(name.capitalize())
            box.setAccessibleName(f"Signal: {name}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, number // SIGNAL_COLUMNS, number % SIGNAL_COLUMNS)
            self.signal_boxes[name] = box
        signals = QWidget()
        signals.setLayout(grid)
        self.note = QLineEdit()
        self.note.setAccessibleName("Wellbeing note")
        self.note.setPlaceholderText("Anything to remember about how they are")
        self.note.textChanged.connect(self.changed)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        score_row = QHBoxLayout()
        score_row.addWidget(self.score)
        score_row.addStretch(1)
        form.addRow("Score", score_row)
        form.addRow("Signals", signals)
        form.addRow("Note", self.note)

    def score_value(self) -> int | None:
        value = self.score.currentData()
        return int(value) if value is not None else None

    def set_score(self, value: int | None) -> None:
        self.score.setCurrentIndex(max(0, self.score.findData(value)) if value is not None else 0)

    def signals(self) -> tuple[str, ...]:
        ticked = tuple(name for name, box in self.signal_boxes.items() if box.isChecked())
        return ticked + self._other_signals

    def set_signals(self, signals: tuple[str, ...]) -> None:
        self._other_signals = tuple(s for s in signals if s not in self.signal_boxes)
        for name, box in self.signal_boxes.items():
            box.setChecked(name in signals)
