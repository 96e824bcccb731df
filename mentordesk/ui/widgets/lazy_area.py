"""An area of the main window that builds its view the first time it is shown.

The window then starts with only what the first screen needs: the views (and
the modules) of areas not yet visited cost nothing on the start path.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyArea(QWidget):
    def __init__(self, build: Callable[[], QWidget], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._view: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    @property
    def built(self) -> bool:
        return self._view is not None

    def view(self) -> QWidget:
        """The area's view, built now if it was not yet."""
        if self._view is None:
            self._view = self._build()
            self._layout.addWidget(self._view)
            self._view.show()  # a child added to a shown parent is not shown by itself
        return self._view

    def showEvent(self, event: QShowEvent) -> None:
        self.view()
        super().showEvent(event)
