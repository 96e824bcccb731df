"""The few looks the window sets itself; everything else follows the platform style.

#a4262c (attention) and #1f5f8b (link) are the light scheme's shades; theme.window_style()
puts in those of the scheme in use.
"""

WINDOW_STYLE = """
QLabel#pageTitle { font-size: 20px; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#figureNumber { font-size: 28px; font-weight: bold; }
QFrame#figure[attention="true"] QLabel#figureNumber { color: #a4262c; }
QPushButton#primary { padding: 6px 18px; font-weight: bold; }
QLabel#quiet { color: palette(placeholder-text); }
QListView#navigation { font-size: 15px; outline: 0; }
QListView#navigation::item { padding: 8px 10px; }
QPushButton#tile { text-align: left; padding: 0; }
QPushButton#tile[attention="true"] QLabel#figureNumber { color: #a4262c; }
QPushButton#tile:checked { border: 2px solid #1f5f8b; }
QLabel#smallFigure { font-weight: bold; }
QLabel#emptyState { font-size: 15px; }
"""
# One sheet for the whole window (the Dashboard's tiles included): every widget with a
# sheet of its own costs Qt another round of matching rules when it is first shown.
