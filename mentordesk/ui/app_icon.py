"""The application icon for the window, the task bar and the window switcher."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from mentordesk.paths import resources_dir

ICON_SIZES = (16, 32, 48, 64, 128, 256)


def application_icon() -> QIcon:
    """MentorDesk's icon from the PNG sizes in ``resources/icons`` (no SVG support needed)."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in ICON_SIZES:
        path = folder / f"mentordesk-{size}.png"
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon
