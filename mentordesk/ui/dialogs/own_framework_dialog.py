"""Adding a framework file of the mentor's own: choose it, check it, and say what is wrong."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import Framework, add_own_framework


def add_framework_file(parent: QWidget | None, path: Path | None = None) -> Framework | None:
    """Ask for a framework file (unless ``path`` is given) and keep it in the data file.

    A file that cannot be used is refused with a message naming the file and the problem.
    """
    if path is None:
        name, _ = QFileDialog.getOpenFileName(parent, "Add a framework of your own", "",
                                              "Framework files (*.json)")
        if not name:
            return None
        path = Path(name)
    try:
        framework = add_own_framework(path)
    except MentorDeskError as error:
        box = QMessageBox(QMessageBox.Icon.Warning, "Framework not added", str(error),
                          QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText("resources/frameworks/README.md in MentorDesk describes the file format.")
        box.exec()
        box.deleteLater()
        return None
    QMessageBox.information(parent, "Framework added",
                            f"“{framework.title}” (version {framework.version}) can now be chosen.")
    return framework
