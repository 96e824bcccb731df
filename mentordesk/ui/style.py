"""The few looks the window sets itself; everything else follows the platform style."""

WINDOW_STYLE = """
QLabel#pageTitle { font-size: 20px; font-weight: bold; padding: 4px 0 8px 0; }
QLabel#figureNumber { font-size: 28px; font-weight: bold; }
QFrame#figure[attention="true"] QLabel#figureNumber { color: #a4262c; }
QPushButton#primary { padding: 6px 18px; font-weight: bold; }
QLabel#quiet { color: palette(placeholder-text); }
QListView#navigation { font-size: 15px; outline: 0; }
QListView#navigation::item { padding: 8px 10px; }
"""
