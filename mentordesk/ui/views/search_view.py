"""Search everything written (Ctrl+F from anywhere): a box, "Include private remarks", hits newest first.

Typing searches after a short pause, not at every keystroke. Enter or a
double-click on a hit emits ``open_session(session_id)``, or
``open_mentee(mentee_id)`` for a hit outside any session (a goal, the mentee's
notes); the window stays around with its results for the next Ctrl+F.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.search import search, terms_of
from mentordesk.ui.formatting import plural
from mentordesk.ui.models.search_result_model import MENTEE_ID_ROLE, SESSION_ID_ROLE, SearchResultModel
from mentordesk.ui.widgets.search_hit_delegate import SearchHitDelegate

PAUSE_MS = 250  # typing pauses this long before a search runs
LIMIT = 50


class SearchView(QDialog):
    open_session = Signal(str)
    open_mentee = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Search your notes")
        self.setAccessibleName("Search your notes")
        self.setModal(False)
        self.resize(760, 560)

        self.box = QLineEdit()
        self.box.setAccessibleName("Search for")
        self.box.setPlaceholderText("Words to find — case and accents do not matter; \"quotes\" for a phrase")
        self.box.setClearButtonEnabled(True)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._search_now_and_go_to_hits)
        self.box.installEventFilter(self)
        self.include_private = QCheckBox("Include &private remarks")
        self.include_private.setAccessibleName("Include private remarks")
        self.include_private.setToolTip("Private remarks are searched only while this is ticked")
        self.include_private.toggled.connect(self.run_search)
        label = QLabel("&Find:")
        label.setBuddy(self.box)
        top = QHBoxLayout()
        top.addWidget(label)
        top.addWidget(self.box, 1)
        top.addWidget(self.include_private)

        self.model = SearchResultModel(self)
        self.results = QListView()
        self.results.setAccessibleName("Search results, newest first")
        self.results.setModel(self.model)
        self.results.setItemDelegate(SearchHitDelegate(self.results))
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setAlternatingRowColors(True)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.activated.connect(self.open_hit)

        self.status = QLabel("Type a word to search every note, agenda, action, goal and mentee note.")
        self.status.setAccessibleName("Search status")
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)

        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self.run_search)

    # --- searching -----------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self._pause.start()  # restarts: only a pause in typing searches

    def run_search(self) -> None:
        self._pause.stop()
        text = self.box.text()
        if not terms_of(text):
            self.model.set_hits([])
            self.status.setText("Type a word to search every note, agenda, action, goal and mentee note."
                                if not text.strip() else "Type at least one word or number.")
            return
        private = self.include_private.isChecked()
        hits = search(text, include_private=private, limit=LIMIT)
        self.model.set_hits(hits)
        where = "" if private else " (private remarks not searched)"
        if not hits:
            self.status.setText(f"Nothing found for “{text.strip()}”{where}.")
        elif len(hits) >= LIMIT:
            self.status.setText(f"The {LIMIT} newest hits{where}; add a word to narrow the search. "
                                "Enter opens a hit.")
        else:
            self.status.setText(f"{plural(len(hits), 'hit')}, newest first{where}. Enter opens a hit.")
        if hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _search_now_and_go_to_hits(self) -> None:
        self.run_search()
        if self.model.rowCount():
            self.results.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the box moves into the hits, as in any search field with results.
        if (watched is self.box and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount()):
            if self._pause.isActive():
                self.run_search()
            self.results.setFocus()
            return True
        return super().eventFilter(watched, event)

    # --- opening -------------------------------------------------------------------------
    def open_hit(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        session_id = index.data(SESSION_ID_ROLE)
        mentee_id = index.data(MENTEE_ID_ROLE)
        if session_id:
            self.open_session.emit(str(session_id))
        elif mentee_id:
            self.open_mentee.emit(str(mentee_id))
        else:
            return
        self.hide()

    def start(self) -> None:
        """Show the window with the box focused and its text selected (for Ctrl+F)."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.box.setFocus()
        self.box.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter belongs to the box and the list, never to a default button of the dialog.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return
        super().keyPressEvent(event)
