"""One icon set for the whole window: Font Awesome 6 Free (solid) through qtawesome.

Icons are drawn from the icon font in the palette's text colour, so they stay
visible in light and dark; ``refresh`` draws them again after the scheme changed.
Font Awesome Free: icons CC BY 4.0, font SIL OFL 1.1; qtawesome: MIT.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QPalette

os.environ.setdefault("QT_API", "pyside6")  # qtawesome speaks Qt through QtPy: use our binding

ICON_KEY = "mentordeskIcon"

# What an icon means in MentorDesk -> its name in Font Awesome 6 Free (solid).
NAMES = {
    "dashboard": "fa6s.gauge",
    "mentees": "fa6s.user-group",
    "sessions": "fa6s.comments",
    "self-assessment": "fa6s.compass",
    "reports": "fa6s.file-lines",
    "new-mentee": "fa6s.user-plus",
    "edit": "fa6s.pen",
    "new-session": "fa6s.comment-medical",
    "prepare": "fa6s.clipboard-list",
    "search": "fa6s.magnifying-glass",
    "quick-open": "fa6s.user-check",
    "undo": "fa6s.rotate-left",
    "redo": "fa6s.rotate-right",
    "settings": "fa6s.sliders",
    "profile": "fa6s.id-card",
    "contacts": "fa6s.hand-holding-heart",
    "guide": "fa6s.book-open",
    "keyboard": "fa6s.keyboard",
    "about": "fa6s.circle-info",
    "quit": "fa6s.right-from-bracket",
    "activate": "fa6s.play",
    "pause": "fa6s.pause",
    "close": "fa6s.flag-checkered",
    "reopen": "fa6s.arrow-rotate-left",
    "export": "fa6s.file-export",
    "import": "fa6s.file-import",
    "backup": "fa6s.floppy-disk",
    "restore": "fa6s.clock-rotate-left",
    "erase": "fa6s.trash-can",
    "folder": "fa6s.folder-open",
    "lock": "fa6s.lock",
}


def icon(key: str) -> QIcon:
    """The icon for ``key`` in the palette's colours (an empty icon if the font cannot load)."""
    palette = QGuiApplication.palette()
    try:
        import qtawesome

        return qtawesome.icon(
            NAMES[key],
            color=palette.color(QPalette.ColorRole.ButtonText),
            color_disabled=palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText),
            color_active=palette.color(QPalette.ColorRole.ButtonText),
            color_selected=palette.color(QPalette.ColorRole.HighlightedText),
        )
    except Exception:  # noqa: BLE001 — a missing icon font must never stop the window
        return QIcon()


def set_icon(action: QAction, key: str) -> QAction:
    """Give ``action`` the icon ``key`` and remember it for ``refresh``."""
    action.setProperty(ICON_KEY, key)
    action.setIcon(icon(key))
    return action


def refresh(root: QObject) -> None:
    """Draw every remembered icon under ``root`` again (after light/dark changed)."""
    for action in root.findChildren(QAction):
        key = action.property(ICON_KEY)
        if key:
            action.setIcon(icon(str(key)))
