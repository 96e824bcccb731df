"""One mentee's timeline: the balance of the four moves lately, meetings newest first, open actions.

Goes into the mentee page. Opening a meeting (double-click or Enter, on the
meeting or on an action agreed in it) emits ``open_session(session_id)``.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.balance import moves_balance
from mentordesk.services.open_actions import open_actions
from mentordesk.services.sessions import list_sessions
from mentordesk.ui.formatting import plural
from mentordesk.ui.models.open_action_model import SESSION_ID_ROLE, OpenActionModel
from mentordesk.ui.models.session_list_model import ID_ROLE, SessionListModel
from mentordesk.ui.widgets.moves_balance import MovesBalanceWidget

RECENT_SESSIONS = 6  # how many recent sessions the balance looks at


class _FitWidthDelegate(QStyledItemDelegate):
    """Rows as wide as the list, not as their text: long lines end in "…" instead of scrolling."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(min(hint.width(), 50), hint.height())


def _list_view(name: str) -> QListView:
    view = QListView()
    view.setItemDelegate(_FitWidthDelegate(view))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setAccessibleName(name)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    return view


class TimelineWidget(QWidget):
    open_session = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Timeline")
        self._mentee_id: str | None = None

        self.balance = MovesBalanceWidget()
        self.session_model = SessionListModel(self)
        self.sessions_heading = QLabel()
        self.sessions_heading.setStyleSheet("font-weight: bold;")
        self.session_list = _list_view("Meetings, newest first")
        self.session_list.setModel(self.session_model)
        self.session_list.setSpacing(1)
        self.session_list.activated.connect(self._session_activated)
        self.sessions_heading.setBuddy(self.session_list)

        self.action_model = OpenActionModel(self)
        self.actions_heading = QLabel()
        self.actions_heading.setStyleSheet("font-weight: bold;")
        self.action_list = _list_view("Open actions")
        self.action_list.setModel(self.action_model)
        self.action_list.activated.connect(self._action_activated)
        self.actions_heading.setBuddy(self.action_list)

        meetings = QWidget()
        meetings_layout = QVBoxLayout(meetings)
        meetings_layout.setContentsMargins(0, 0, 0, 0)
        meetings_layout.addWidget(self.sessions_heading)
        meetings_layout.addWidget(self.session_list, 1)
        todo = QWidget()
        todo_layout = QVBoxLayout(todo)
        todo_layout.setContentsMargins(0, 0, 0, 0)
        todo_layout.addWidget(self.actions_heading)
        todo_layout.addWidget(self.action_list, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(meetings)
        self.splitter.addWidget(todo)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.balance)
        layout.addWidget(self.splitter, 1)
        self.set_mentee(None)

    def mentee_id(self) -> str | None:
        return self._mentee_id

    def set_mentee(self, mentee_id: str | None) -> None:
        """Show this mentee's timeline (None: an empty one)."""
        self._mentee_id = mentee_id
        self.refresh()

    def refresh(self) -> None:
        """Read the mentee's sessions, actions and balance again (after a session was saved)."""
        mentee_id = self._mentee_id
        rows = list_sessions(mentee_id=mentee_id) if mentee_id else []
        todo = open_actions(mentee_id) if mentee_id else []
        self.session_model.set_sessions(rows)
        self.action_model.set_actions(todo)
        self.balance.set_balance(moves_balance(mentee_id, RECENT_SESSIONS) if mentee_id else None)
        self.sessions_heading.setText(
            f"&Meetings — {plural(len(rows), 'meeting')}, newest first" if rows else "&Meetings — none yet")
        overdue = self.action_model.overdue_count()
        if todo:
            self.actions_heading.setText(f"Open &actions — {len(todo)}"
                                         + (f", {overdue} overdue" if overdue else ""))
        else:
            self.actions_heading.setText("Open &actions — none")

    def _session_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(ID_ROLE):
            self.open_session.emit(str(index.data(ID_ROLE)))

    def _action_activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(SESSION_ID_ROLE):
            self.open_session.emit(str(index.data(SESSION_ID_ROLE)))
