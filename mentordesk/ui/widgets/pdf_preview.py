"""A scrolling column of page images: the preview of a report before it is saved."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget


class PdfPreview(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self._pages = QWidget()
        self._pages.setObjectName("previewPages")
        self._layout = QVBoxLayout(self._pages)
        self._layout.setSpacing(12)
        self._layout.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self._pages)
        self._count = 0

    def show_pages(self, images: list[QImage]) -> None:
        self.clear()
        for number, image in enumerate(images, start=1):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setFixedSize(image.size())  # a page keeps its proportions; the area scrolls
            label.setAccessibleName(f"Page {number} of {len(images)}")
            label.setStyleSheet("border: 1px solid #b8b8b8; background: white;")
            self._layout.addWidget(label)
        self._count = len(images)

    def clear(self) -> None:
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self._count = 0

    def page_count(self) -> int:
        return self._count
