"""Driving the window as a person would: typing any script, clicking, answering dialogs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QWidget


@contextmanager
def on_dialog(dialog_type: type[QDialog], interact: Callable[[Any], None]) -> Iterator[list[Any]]:
    """Run ``interact(dialog)`` as soon as a modal ``dialog_type`` opens inside the block.

    ``interact`` must close the dialog (Save, Cancel, a button). If it fails, the dialog
    is rejected so the test cannot hang, and the failure is raised when the block ends.
    Yields a list that receives the dialog once it was seen.
    """
    seen: list[Any] = []
    errors: list[BaseException] = []
    state = {"done": False}

    def poll() -> None:
        if state["done"]:
            return
        widget = QApplication.activeModalWidget()
        if not isinstance(widget, dialog_type) or not widget.isVisible():
            QTimer.singleShot(5, poll)
            return
        state["done"] = True
        seen.append(widget)
        try:
            interact(widget)
        except BaseException as error:  # re-raised below, in the test's own frame
            errors.append(error)
        if widget.isVisible():
            widget.reject()

    QTimer.singleShot(0, poll)
    try:
        yield seen
    finally:
        state["done"] = True
    if errors:
        raise errors[0]
    assert seen, f"no {dialog_type.__name__} was opened"


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` the way a keyboard would.

    QTest only knows ASCII keys: other letters (Ł, ễ) arrive as key events that carry
    their text, and Chinese or Japanese as an input method's committed text, as from an IME.
    """
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        elif ord(char) >= 0x2E80:
            event = QInputMethodEvent("", [])
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                         Qt.KeyboardModifier.NoModifier, char))


def button_with_text(parent: QWidget, text: str) -> Any:
    """The push button inside ``parent`` whose text (without the & of its shortcut) is ``text``."""
    for button in parent.findChildren(QAbstractButton):
        if button.text().replace("&", "") == text:
            return button
    raise AssertionError(f"no button “{text}” in {parent!r}")
