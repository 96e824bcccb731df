"""The warning sign beside anything overdue: on the Dashboard, in the roster, in lists.

MentorDesk's own drawing (resources/icons/warning-*.png) rather than the style's
standard icon: asking the style for it made PySide build the style's classes and
their long lists of constants, about 7 ms of the first screen's paint.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

from mentordesk.paths import resources_dir

SIZES = (16, 24, 32, 48)


@cache
def warning_icon() -> QIcon:
    icon = QIcon()
    for size in SIZES:
        icon.addFile(str(resources_dir() / "icons" / f"warning-{size}.png"), QSize(size, size))
    return icon
