"""Screenshots of each main area in the light and the dark scheme (docs/light-*.png, docs/dark-*.png).

Run from the repository: QT_QPA_PLATFORM=offscreen .venv/bin/python docs/screenshots.py [SCALE]
Uses a temporary data folder with the demo data; never touches your own notes.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if len(sys.argv) > 1:
    os.environ["QT_SCALE_FACTOR"] = sys.argv[1]

from PySide6.QtCore import QSettings, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from mentordesk.services import mentees  # noqa: E402
from mentordesk.services.sample_data import fill_demo  # noqa: E402
from mentordesk.services.storage import open_data_dir  # noqa: E402

DOCS = Path(__file__).resolve().parent
AREAS = ["dashboard", "mentees", "sessions", "self-assessment", "reports"]


def main() -> None:
    scratch = Path(tempfile.mkdtemp(prefix="mentordesk-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(scratch / "settings"))
    app = QApplication(sys.argv[:1])
    from mentordesk.ui.fonts import register_bundled_fonts
    from mentordesk.ui.main_window import MainWindow
    from mentordesk.ui.theme import apply_theme, force_scheme

    register_bundled_fonts()
    apply_theme(app)
    path = open_data_dir(scratch / "data")
    fill_demo()
    suffix = f"-{sys.argv[1].replace('.', '')}" if len(sys.argv) > 1 else ""
    for scheme, name in ((Qt.ColorScheme.Light, "light"), (Qt.ColorScheme.Dark, "dark")):
        force_scheme(app, scheme)
        window = MainWindow(path, demo=True)
        window.resize(1180, 720)
        window.show()
        for number, area in enumerate(AREAS):
            window.show_area(number)
            app.processEvents()
            window.grab().save(str(DOCS / f"{name}-{area}{suffix}.png"))
        first = mentees.list_mentees()[0]
        window.open_mentee_page(first.id)
        app.processEvents()
        window.grab().save(str(DOCS / f"{name}-mentee-page{suffix}.png"))
        window.mentees.back_to_roster()
        window.mentees.select_mentee(first.id)
        session = window.new_session()
        if session is not None:
            session.resize(900, 720)
            app.processEvents()
            session.grab().save(str(DOCS / f"{name}-session{suffix}.png"))
            session.editor.finish()
            session.hide()
        window.hide()
        window.deleteLater()
        app.processEvents()


if __name__ == "__main__":
    main()
