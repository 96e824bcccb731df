"""The Sessions area: every meeting across mentees, filtered by mentee and date range, sortable.

The table reads a page at a time (see ``SessionTableModel``), so opening the
area stays quick on tens of thousands of sessions.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services.errors import MentorDeskError
from mentordesk.services.folding import fold
from mentordesk.services.session_list import SessionFilter, mentee_choices
from mentordesk.ui import looks
from mentordesk.ui.models.mentee_choice_model import ID_ROLE as MENTEE_CHOICE_ID_ROLE
from mentordesk.ui.models.mentee_choice_model import SEARCH_ROLE, MenteeChoiceModel
from mentordesk.ui.models.session_table_model import (
    FORMAT,
    ID_ROLE,
    MENTEE,
    OPEN_ACTIONS,
    SUMMARY,
    WELLBEING,
    WHEN,
    SessionTableModel,
)
from mentordesk.ui.widgets.error_label import ErrorLabel

ANY_DATE = QDate(2000, 1, 1)  # the lowest date of the pickers, shown as "Any date"


class FoldingCompleter(QCompleter):
    """Completes mentee names from any part of them, ignoring case and accents (lodz → Łódź)."""

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")


class SessionsView(QWidget):
    """Emits ``open_session(session_id)`` when a row is opened (double-click or Enter)."""

    open_session = Signal(str)
    write_first_session = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sessions")
        self.model = SessionTableModel(self)
        self.mentee_model = MenteeChoiceModel(self)

        self.mentee_filter = QComboBox()
        self.mentee_filter.setAccessibleName("Show sessions of mentee")
        self.mentee_filter.setToolTip("Type part of a name to find a mentee")
        self.mentee_filter.setEditable(True)
        self.mentee_filter.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mentee_filter.setModel(self.mentee_model)
        self.mentee_filter.setMinimumContentsLength(12)
        self.mentee_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.mentee_filter.setMinimumWidth(260)
        completer = FoldingCompleter(self.mentee_model, self.mentee_filter)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.mentee_filter.setCompleter(completer)
        self.mentee_filter.currentIndexChanged.connect(self._filters_changed)
        line = self.mentee_filter.lineEdit()
        assert line is not None  # the combo is editable
        line.setAccessibleName("Mentee name to find")
        line.setPlaceholderText("All mentees")
        line.editingFinished.connect(self._restore_mentee_text)

        self.from_date = self._date_edit("Sessions from date")
        self.to_date = self._date_edit("Sessions up to date")
        self.clear_button = QPushButton("Show &all")
        self.clear_button.setAccessibleName("Clear the filters")
        self.clear_button.setToolTip("All mentees, any date")
        self.clear_button.clicked.connect(self.clear_filters)

        dates = QHBoxLayout()
        dates.addWidget(self.from_date)
        to_label = QLabel("&to")
        to_label.setBuddy(self.to_date)
        dates.addWidget(to_label)
        dates.addWidget(self.to_date)
        dates.addSpacing(8)
        dates.addWidget(self.clear_button)
        dates.addStretch(1)
        filters = QFormLayout()
        filters.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        filters.addRow("&Mentee:", self.mentee_filter)
        filters.addRow("&Dates from", dates)
        from_label = filters.labelForField(dates)
        if isinstance(from_label, QLabel):
            from_label.setBuddy(self.from_date)

        self.table = QTableView()
        self.table.setAccessibleName("Sessions, newest first")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(WHEN, Qt.SortOrder.DescendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName("Session columns: click one to sort")
        # Fixed widths: sizing to contents would read every row of a large table.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        for column, width in ((WHEN, 150), (MENTEE, 190), (FORMAT, 80), (OPEN_ACTIONS, 100), (WELLBEING, 90)):
            self.table.setColumnWidth(column, width)
        self.table.activated.connect(self._activated)
        self.model.modelReset.connect(self._update_footer)
        self.model.rowsInserted.connect(self._update_footer)

        self.error = ErrorLabel()
        self.footer = QLabel()
        self.footer.setAccessibleName("Sessions summary")
        self.footer.setWordWrap(True)

        title = QLabel("Sessions")
        looks.page_title(title)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.footer)
        # The empty state: a sentence (the footer) and a way to begin.
        self.first_session_button = QPushButton("Write your first session…")
        self.first_session_button.setAccessibleName("Write your first session")
        self.first_session_button.clicked.connect(self.write_first_session)
        self.first_session_button.hide()
        layout.addWidget(self.first_session_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setDisplayFormat("d MMM yyyy")
        edit.setCalendarPopup(True)
        edit.setMinimumDate(ANY_DATE)
        edit.setSpecialValueText("Any date")
        edit.setDate(ANY_DATE)
        edit.setToolTip("Pick a date, or go to the first date for “Any date”")
        edit.dateChanged.connect(self._filters_changed)
        # An unset picker would open its calendar in January 2000: open it on this month.
        edit.calendarWidget().installEventFilter(self)
        return edit

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            for edit in (self.from_date, self.to_date):
                if watched is edit.calendarWidget() and edit.date() == ANY_DATE:
                    today = QDate.currentDate()
                    edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return super().eventFilter(watched, event)

    # --- filters -------------------------------------------------------------------------
    def current_filter(self) -> SessionFilter:
        mentee_id = self.mentee_filter.currentData(MENTEE_CHOICE_ID_ROLE) or None
        return SessionFilter(mentee_id=mentee_id, start=_chosen(self.from_date), end=_chosen(self.to_date))

    def set_mentee(self, mentee_id: str | None) -> None:
        """Show the sessions of one mentee (None: all mentees)."""
        row = self.mentee_model.row_of(mentee_id or "")
        self.mentee_filter.setCurrentIndex(max(row, 0))

    def set_date_range(self, start: QDate | None, end: QDate | None) -> None:
        self.from_date.setDate(start or ANY_DATE)
        self.to_date.setDate(end or ANY_DATE)

    def clear_filters(self) -> None:
        """All mentees, any date: one reload, not one per control."""
        widgets = (self.mentee_filter, self.from_date, self.to_date)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.mentee_filter.setCurrentIndex(0)
            self.from_date.setDate(ANY_DATE)
            self.to_date.setDate(ANY_DATE)
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self._filters_changed()

    def _restore_mentee_text(self) -> None:
        """Leaving the box with half a name typed shows the chosen mentee again."""
        current = self.mentee_filter.currentText()
        wanted = self.mentee_filter.itemText(self.mentee_filter.currentIndex())
        if current != wanted:
            self.mentee_filter.setEditText(wanted)

    def _filters_changed(self) -> None:
        where = self.current_filter()
        if where.start and where.end and where.start > where.end:
            self.error.show_message("The “From” date comes after the “To” date: no session can match.")
            return
        self.error.clear_message()
        try:
            self.model.set_filter(where)
        except MentorDeskError as error:
            self.error.show_message(str(error))

    # --- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the mentees and the sessions again, keeping the filters."""
        keep = self.mentee_filter.currentData(MENTEE_CHOICE_ID_ROLE) or ""
        self.mentee_filter.blockSignals(True)
        try:
            self.mentee_model.set_choices(mentee_choices())
            self.mentee_filter.setCurrentIndex(max(self.mentee_model.row_of(keep), 0))
        finally:
            self.mentee_filter.blockSignals(False)
        self._filters_changed()

    def _update_footer(self) -> None:
        shown, total = self.model.rowCount(), self.model.total()
        where = self.model.current_filter()
        filtered = where.mentee_id or where.start or where.end
        self.first_session_button.setVisible(total == 0 and not filtered)
        if total == 0:
            self.footer.setText("No session matches these filters." if filtered
                                else "No sessions yet: they appear here once you write your first note.")
        elif shown < total:
            self.footer.setText(f"{shown:,} of {_sessions(total)} read so far; "
                                "scroll down for more. Double-click or Enter opens a session.")
        else:
            self.footer.setText(f"{_sessions(total)}. Double-click or Enter opens a session.")

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(ID_ROLE):
            self.open_session.emit(str(index.data(ID_ROLE)))


def _chosen(edit: QDateEdit) -> date | None:
    """The picked date, or None while the picker says "Any date"."""
    picked = edit.date()
    return None if picked == ANY_DATE else date(picked.year(), picked.month(), picked.day())


def _sessions(count: int) -> str:
    return "1 session" if count == 1 else f"{count:,} sessions"
