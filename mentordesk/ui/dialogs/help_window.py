"""The guide: chapters on the method in our own words (resources/help/*.md), with a contents list.

Opened from Help → Guide (F1) and from the "?" beside each section of the session
editor, which goes straight to the chapter that explains it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QStringListModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QListView, QSplitter, QTextBrowser, QVBoxLayout, QWidget

from mentordesk.paths import resources_dir

# Where the session editor's "?" links lead.
CHAPTER_OF_SECTION = {
    "listening": "four-moves",
    "questions": "four-moves",
    "encouragement": "four-moves",
    "challenge": "four-moves",
    "wellbeing": "burnout-and-referral",
    "agenda": "shared-expectations",
}


@dataclass(frozen=True)
class Chapter:
    key: str  # the file name without its number and .md: "four-moves"
    title: str
    text: str  # Markdown


def help_folder() -> Path:
    return resources_dir() / "help"


def load_chapters(folder: Path | None = None) -> list[Chapter]:
    """Every chapter in file-name order; the title is the first "# " line."""
    chapters = []
    for path in sorted((folder or help_folder()).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        title = first[2:].strip() if first.startswith("# ") else path.stem
        key = path.stem.split("-", 1)[1] if path.stem[:2].isdigit() else path.stem
        chapters.append(Chapter(key, title, text))
    return chapters


class HelpWindow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle("MentorDesk guide")
        self.setAccessibleName("MentorDesk guide")
        self.resize(900, 620)
        self.chapters = load_chapters()
        self.contents = QListView()
        self.contents.setAccessibleName("Chapters")
        self.contents.setModel(QStringListModel([c.title for c in self.chapters], self))
        self.contents.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.contents.setMaximumWidth(260)
        self.contents.selectionModel().currentRowChanged.connect(self._chosen)
        self.text = QTextBrowser()
        self.text.setAccessibleName("Chapter text")
        self.text.setOpenExternalLinks(False)
        self.text.setOpenLinks(False)
        self.text.document().setDocumentMargin(16)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(splitter)
        layout.addLayout(row)
        QShortcut(QKeySequence("Ctrl+W"), self).activated.connect(self.close)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.close)
        if self.chapters:
            self.show_chapter(self.chapters[0].key)

    def keys(self) -> list[str]:
        return [c.key for c in self.chapters]

    def current_key(self) -> str:
        row = self.contents.currentIndex().row()
        return self.chapters[row].key if 0 <= row < len(self.chapters) else ""

    def show_chapter(self, key: str) -> None:
        """Show the chapter ``key`` (the first one if there is no such chapter)."""
        keys = self.keys()
        row = keys.index(key) if key in keys else 0
        index = self.contents.model().index(row, 0)
        select = QItemSelectionModel.SelectionFlag.ClearAndSelect
        self.contents.selectionModel().setCurrentIndex(index, select)
        self._chosen(index, QModelIndex())

    def _chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.text.setMarkdown(self.chapters[current.row()].text)


def open_help(parent: QWidget, chapter: str = "") -> HelpWindow:
    """The guide window of ``parent``'s window (one per window), on ``chapter``."""
    top = parent.window()
    window = top.findChild(HelpWindow, options=Qt.FindChildOption.FindDirectChildrenOnly)
    if window is None:
        window = HelpWindow(top)
    if chapter:
        window.show_chapter(chapter)
    window.show()
    window.raise_()
    window.activateWindow()
    return window
