"""Light and dark: the Fusion style with a palette that follows the system's colour scheme.

Qt 6 gives Fusion a dark palette by itself where the platform reports a dark scheme;
where it does not (offscreen, plain X servers, some desktops) ``apply_scheme`` sets
one. The few colours MentorDesk picks itself (overdue, links, private remarks) come
from the functions below, which choose a readable shade for the palette in use.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

_OWN_DARK = "mentordeskDarkPalette"

# (light, dark) shades; both meet 4.5:1 against the window background of their scheme.
_ATTENTION = ("#a4262c", "#ff8a8a")
_LINK = ("#1f5f8b", "#8cc8f2")
_PRIVATE_TINT = ("#fbf6ea", "#3b3424")
_LOCK = ("#6b4e16", "#e6c27a")


def is_dark(palette: QPalette | None = None) -> bool:
    """True when the window background is dark (whatever made it so)."""
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def _pick(pair: tuple[str, str]) -> QColor:
    return QColor(pair[1] if is_dark() else pair[0])


def attention() -> QColor:
    """Text that needs attention (overdue, a warning): always shown with a word or sign too."""
    return _pick(_ATTENTION)


def link() -> QColor:
    return _pick(_LINK)


def private_tint() -> QColor:
    """The background of private remarks."""
    return _pick(_PRIVATE_TINT)


def lock() -> QColor:
    return _pick(_LOCK)


def dark_palette() -> QPalette:
    """A dark palette for Fusion, for platforms that report a dark scheme but give no palette."""
    p = QPalette()
    role, group = QPalette.ColorRole, QPalette.ColorGroup
    base, window, text = QColor("#1e1e1e"), QColor("#2b2b2b"), QColor("#e8e8e8")
    for r, c in ((role.Window, window), (role.WindowText, text), (role.Base, base),
                 (role.AlternateBase, QColor("#262626")), (role.ToolTipBase, QColor("#3a3a3a")),
                 (role.ToolTipText, text), (role.Text, text), (role.Button, QColor("#353535")),
                 (role.ButtonText, text), (role.BrightText, QColor("#ffffff")),
                 (role.Highlight, QColor("#2f6fa3")), (role.HighlightedText, QColor("#ffffff")),
                 (role.Link, QColor(_LINK[1])), (role.LinkVisited, QColor("#c8a6f0")),
                 (role.PlaceholderText, QColor("#a0a0a0")), (role.Light, QColor("#4a4a4a")),
                 (role.Midlight, QColor("#3d3d3d")), (role.Mid, QColor("#2a2a2a")),
                 (role.Dark, QColor("#151515")), (role.Shadow, QColor("#000000"))):
        p.setColor(r, c)
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(group.Disabled, r, QColor("#7a7a7a"))
    p.setColor(group.Disabled, role.Highlight, QColor("#404040"))
    return p


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Give the application the palette of ``scheme`` unless the platform has done so already."""
    own = bool(app.property(_OWN_DARK))
    if scheme == Qt.ColorScheme.Dark and not is_dark(app.palette()):
        app.setPalette(dark_palette())
        app.setProperty(_OWN_DARK, True)
    elif scheme != Qt.ColorScheme.Dark and own:
        app.setPalette(app.style().standardPalette())
        app.setProperty(_OWN_DARK, False)


def force_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Ask for ``scheme`` (for screenshots and tests): the platform's hint and our palette."""
    QGuiApplication.styleHints().setColorScheme(scheme)
    apply_scheme(app, scheme)


def apply_theme(app: QApplication, *, style: bool = True) -> None:
    """Fusion everywhere (``style``: set it here; else the application was made with it),
    following the system's light or dark scheme as it changes."""
    if style:
        app.setStyle("Fusion")
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))
    apply_scheme(app, hints.colorScheme())
