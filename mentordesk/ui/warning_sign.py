"""The warning sign beside anything overdue: on the Dashboard, in the roster, in lists.

MentorDesk's own drawing (resources/icons/warning-*.png) rather than the style's
standard icon: asking the style for it made PySide build the style's classes and
their long lists of constants, about 7 ms of the first screen's paint. A pixmap at
the screen's scale, not an icon, for the same reason (Qt makes the icon itself).
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QGuiApplication, QPixmap

from mentordesk.paths import resources_dir

SIZE = 16  # logical pixels, as Qt's small icons in lists
SIZES = (16, 24, 32, 48)


@cache
def warning_sign() -> QPixmap:
    app = QGuiApplication.instance()
    scale = app.devicePixelRatio() if isinstance(app, QGuiApplication) else 1.0
    size = next((s for s in SIZES if s >= SIZE * scale), SIZES[-1])
    pixmap = QPixmap(str(resources_dir() / "icons" / f"warning-{size}.png"))
    pixmap.setDevicePixelRatio(size / SIZE)
    return pixmap
