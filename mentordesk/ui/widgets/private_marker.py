"""A lock and a line saying that what follows is private: drawn, not a glyph, so it
shows on any machine, and said in words, so it does not rely on the picture."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from mentordesk.ui import theme

PRIVATE_TEXT = "Private — never printed unless you ask"
LOCK_COLOUR = QColor("#6b4e16")


def lock_pixmap(size: int = 16, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    s = float(size)
    pen = QPen(theme.lock(), max(1.5, s / 9))
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawArc(QRectF(s * 0.28, s * 0.08, s * 0.44, s * 0.5), 0, 180 * 16)
    painter.drawLine(int(s * 0.28), int(s * 0.33), int(s * 0.28), int(s * 0.46))
    painter.drawLine(int(s * 0.72), int(s * 0.33), int(s * 0.72), int(s * 0.46))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(theme.lock())
    painter.drawRoundedRect(QRectF(s * 0.15, s * 0.44, s * 0.7, s * 0.5), s * 0.08, s * 0.08)
    painter.end()
    return pixmap


class PrivateMarker(QWidget):
    def __init__(self, text: str = PRIVATE_TEXT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        icon = QLabel()
        icon.setPixmap(lock_pixmap(16, self.devicePixelRatioF()))
        icon.setAccessibleName("Lock")
        self.label = QLabel(text)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setStyleSheet(f"color: {theme.lock().name()}; font-weight: bold;")
        self.setAccessibleName(text)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(icon)
        layout.addWidget(self.label)
        layout.addStretch(1)

    def text(self) -> str:
        return self.label.text()
