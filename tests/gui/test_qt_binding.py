"""The Qt binding keeps Python's reference counts intact, so a long session cannot abort."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QCheckBox

CALLS = 2000


class _Emitter(QObject):
    changed = Signal(str)


def test_void_calls_and_signals_keep_none_and_true_alive(qtbot: Any) -> None:
    """Thousands of void calls and emits leave the counts of None and True where they were.

    PySide6 6.12.0 on Python 3.11 dropped one reference per call; a mentor's
    evening of typing then ended in "Fatal Python error: none_dealloc".
    """
    box = QCheckBox()
    qtbot.addWidget(box)
    timer = QTimer()
    emitter = _Emitter()
    emitter.changed.connect(lambda _text: None)
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(CALLS):
        box.toggle()
        timer.start(1000)
        emitter.changed.emit("x")
    timer.stop()
    assert abs(sys.getrefcount(None) - none_before) < CALLS // 10
    assert abs(sys.getrefcount(True) - true_before) < CALLS // 10
