"""Help → About: the version, MentorDesk's licence and the licences of what it is built with."""

from __future__ import annotations

from pathlib import Path

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from mentordesk import __version__

# (component, what it does here, licence)
THIRD_PARTY = [
    ("Qt and PySide6", "the window and its widgets", "LGPL-3.0"),
    ("peewee", "the data file", "MIT"),
    ("ReportLab", "PDF reports", "BSD"),
    ("pypdfium2 and PDFium", "the report preview", "Apache-2.0 / BSD-3-Clause"),
    ("platformdirs", "where the data folder lives", "MIT"),
    ("python-bidi", "right-to-left text in PDFs", "LGPL-3.0"),
    ("arabic-reshaper", "Arabic letter forms in PDFs", "MIT"),
    ("qtawesome", "drawing the icons", "MIT"),
    ("Font Awesome Free 6", "the icons", "icons CC BY 4.0, font SIL OFL 1.1"),
    ("DejaVu Sans", "text in PDFs", "Bitstream Vera / DejaVu licence (free)"),
    ("Droid Sans Fallback", "Chinese, Japanese and Korean in PDFs", "Apache-2.0"),
    ("Noto Sans Arabic and Hebrew", "Arabic and Hebrew in PDFs", "SIL OFL 1.1"),
]


def about_html(data_file: Path | None = None) -> str:
    rows = "".join(f"<tr><td><b>{name}</b></td><td>{use}</td><td>{licence}</td></tr>"
                   for name, use, licence in THIRD_PARTY)
    where = f"<p>Data file: {data_file}</p>" if data_file else ""
    return (
        f"<h2>MentorDesk {__version__}</h2>"
        "<p>A private, offline notebook for mentors in medicine and the health professions. "
        "Nothing leaves this computer unless you export or print it.</p>"
        "<p><b>Licence:</b> GNU General Public License, version 3 or later (GPL-3.0-or-later). "
        "You may use, study, share and change MentorDesk under its terms; it comes with no warranty.</p>"
        f"{where}"
        f"<p>Built with Qt {qVersion()} and PySide6 {PySide6.__version__}.</p>"
        "<h3>Third-party components</h3>"
        "<table cellpadding='3'><tr><th align='left'>Component</th><th align='left'>Used for</th>"
        f"<th align='left'>Licence</th></tr>{rows}</table>"
        "<p>The licence texts of the bundled fonts are in the <i>resources/fonts</i> folder.</p>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, data_file: Path | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About MentorDesk")
        self.setAccessibleName("About MentorDesk")
        self.resize(600, 560)
        self.text = QTextBrowser()
        self.text.setAccessibleName("About MentorDesk")
        self.text.setOpenExternalLinks(False)
        self.text.setHtml(about_html(data_file))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
