"""The few looks MentorDesk gives widgets itself; everything else follows the platform style.

Set in code rather than with a style sheet on the window: a window with a sheet draws
and measures every widget in it through Qt's style-sheet engine, which cost the first
screen about 7 ms. Colours come from the palette (they follow light and dark by
themselves) or from ui/theme.py, whose shades the widgets that use them pick again
when the scheme changes.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QPushButton, QWidget


def _font(widget: QWidget, *, pixels: int | None = None, bold: bool = False) -> None:
    font = QFont(widget.font())
    if pixels is not None:
        font.setPixelSize(pixels)
    if bold:
        font.setBold(True)
    widget.setFont(font)


def page_title(label: QLabel) -> QLabel:
    """The title of an area or a page."""
    _font(label, pixels=20, bold=True)
    label.setContentsMargins(0, 4, 0, 8)
    return label


def figure_number(label: QLabel) -> QLabel:
    """The large number of a Dashboard tile."""
    _font(label, pixels=28, bold=True)
    return label


def small_figure(label: QLabel) -> QLabel:
    _font(label, bold=True)
    return label


def empty_state(label: QLabel) -> QLabel:
    """The sentence of an empty list that says what to do first."""
    _font(label, pixels=15)
    return label


def quiet(label: QLabel) -> QLabel:
    """A hint or a note in the palette's muted text colour."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def primary(button: QPushButton) -> QPushButton:
    """The one button that starts what the page is for: bold, and a little larger."""
    _font(button, bold=True)
    hint = button.sizeHint()
    button.setMinimumSize(hint.width() + 24, hint.height() + 4)
    return button


def text_colour(label: QLabel, colour: QColor | None) -> None:
    """Draw the label's text in ``colour`` (None: the palette's own again)."""
    if colour is None:
        label.setPalette(QPalette())  # nothing set of its own: all from the window again
        return
    palette = QPalette(label.palette())
    # The role it draws with: WindowText, or ButtonText inside a button (a Dashboard tile).
    palette.setColor(label.foregroundRole(), colour)
    label.setPalette(palette)


NAVIGATION = "QListView { font-size: 15px; outline: 0; } QListView::item { padding: 8px 10px; }"
"""The areas list: a sheet of its own, small, so that only it goes through the sheet engine."""
