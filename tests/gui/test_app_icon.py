"""The application icon: every PNG size from resources/icons."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from mentordesk.ui.app_icon import ICON_SIZES, application_icon


def test_application_icon_has_every_size(qapp: QApplication) -> None:
    """The icon offers each shipped size, so the title bar and the task bar need not scale one picture."""
    icon = application_icon()
    assert not icon.isNull()
    assert sorted((s.width(), s.height()) for s in icon.availableSizes()) == [(n, n) for n in ICON_SIZES]
    small = icon.pixmap(QSize(16, 16)).toImage()
    assert small.width() == 16
    assert small.pixelColor(8, 8).alpha() > 0, "the 16 px icon is blank in the middle"

