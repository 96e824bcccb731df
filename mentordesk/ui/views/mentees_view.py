"""The Mentees area: the roster, its search and filters, what can be done to a mentee, and
each mentee's own page (opened from the roster, with a way back)."""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QFontMetrics, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import mentees, relationships
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentee_status import STATUS_LABELS
from mentordesk.services.mentees import MenteeRow
from mentordesk.services.overview import roster_counts
from mentordesk.ui import looks
from mentordesk.ui.dialogs.close_relationship_dialog import CloseRelationshipDialog, Closure
from mentordesk.ui.dialogs.mentee_dialog import MenteeDialog
from mentordesk.ui.formatting import plural
from mentordesk.ui.mentee_actions import MenteeActions
from mentordesk.ui.models.mentee_filter_model import MenteeFilterModel
from mentordesk.ui.models.mentee_table_model import (
    DAYS_SINCE,
    HEADERS,
    ID_ROLE,
    LAST_MET,
    NAME,
    NEXT_MEETING,
    OPEN_ACTIONS,
    ORGANISATION,
    ROLE,
    SPECIALTY,
    STATUS,
    MenteeTableModel,
    days_since_text,
    display_text,
)
from mentordesk.ui.undo import CloseCommand, push_status_change
from mentordesk.ui.views.mentee_page import MenteePage
from mentordesk.ui.widgets.column_fit import ColumnFit
from mentordesk.ui.widgets.lazy_area import LazyArea

EMPTY_PAGE, ROSTER_PAGE, MENTEE_PAGE = 0, 1, 2


class MenteesView(QWidget):
    """Emits ``changed`` after every change it saved, so other areas can refresh, and
    ``about_to_act`` before a form opens, so the window can show the roster first."""

    changed = Signal()
    about_to_act = Signal()
    open_session = Signal(str)  # from a mentee's timeline
    new_session_for = Signal(str)  # a mentee id

    def __init__(self, parent: QWidget | None = None, *, undo_stack: QUndoStack | None = None,
                 actions: MenteeActions | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mentees")
        # Changes of status and closures go through the window's undo stack (Edit → Undo).
        self.undo_stack = undo_stack
        self.model = MenteeTableModel(self)
        self._columns_sized = False
        self.proxy = MenteeFilterModel(self)
        self.proxy.setSourceModel(self.model)
        # The window makes the actions before the roster exists (its menus); alone, the view makes its own.
        self.mentee_actions = actions or MenteeActions(self, lambda: self)
        self.add_action, self.open_action = self.mentee_actions.add, self.mentee_actions.open
        self.edit_action, self.activate_action = self.mentee_actions.edit, self.mentee_actions.activate
        self.pause_action, self.close_action = self.mentee_actions.pause, self.mentee_actions.close
        self.reopen_action = self.mentee_actions.reopen

        self.search = QLineEdit()
        self.search.setAccessibleName("Search mentees")
        self.search.setPlaceholderText("Search by name, role, specialty or organisation")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName("Show status")
        self.status_filter.addItem("All open relationships", "")
        for key, label in STATUS_LABELS.items():
            self.status_filter.addItem(f"{label} only", key)
        self.status_filter.currentIndexChanged.connect(self.refresh)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Show tag")
        self.tag_filter.setToolTip("Show only mentees with this tag")
        self.tag_filter.addItem("All tags", "")
        self.tag_filter.currentIndexChanged.connect(self.refresh)
        self.show_closed = QCheckBox("Show closed")
        self.show_closed.setAccessibleName("Show closed relationships")
        self.show_closed.toggled.connect(self.refresh)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.tag_filter)
        filters.addWidget(self.show_closed)

        buttons = QHBoxLayout()
        for action in (self.add_action, self.open_action, self.edit_action, None, self.activate_action,
                       self.pause_action, self.close_action, self.reopen_action):
            if action is None:
                buttons.addSpacing(16)
                continue
            button = QToolButton()
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.table = QTableView()
        self.table.setAccessibleName("Mentee roster")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(NAME, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setAccessibleName("Roster columns: click one to sort")
        # Free text shares the room left; dates, counts and the status always show in full
        # (their widths measured from the rows' texts, see _size_columns).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in (ROLE, SPECIALTY, ORGANISATION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(70)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)

        self.footer = QLabel()
        self.footer.setAccessibleName("Roster summary")

        roster = QWidget()
        roster_layout = QVBoxLayout(roster)
        roster_layout.setContentsMargins(0, 0, 0, 0)
        roster_layout.addLayout(filters)
        roster_layout.addLayout(buttons)
        roster_layout.addWidget(self.table, 1)
        roster_layout.addWidget(self.footer)

        self.empty_text = QLabel("You have no mentees yet. Add the first one to keep your notes, "
                                 "agreements and meetings with them in one place.")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_first_button = QPushButton("Add your first mentee")
        self.add_first_button.setAccessibleName("Add your first mentee")
        looks.primary(self.add_first_button)
        self.add_first_button.clicked.connect(self.add_mentee)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.add_first_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(empty)
        self.pages.addWidget(roster)
        # The mentee's own page is built the first time a mentee is opened.
        self.page_area = LazyArea(lambda: self._make_page(undo_stack))
        self.pages.addWidget(self.page_area)
        self.area_title = QLabel("Mentees")
        looks.page_title(self.area_title)
        self.pages.currentChanged.connect(lambda page: self.area_title.setVisible(page != MENTEE_PAGE))
        layout = QVBoxLayout(self)
        layout.addWidget(self.area_title)
        layout.addWidget(self.pages, 1)
        self.refresh()

    # --- actions -------------------------------------------------------------------------
    def selected(self) -> MenteeRow | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.proxy.mapToSource(rows[0])
        return self.model.mentee_at(source.row())

    def select_mentee(self, mentee_id: str) -> bool:
        row = self.model.row_of(mentee_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, NAME))
        if not index.isValid():
            return False
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def add_mentee(self) -> None:
        self.about_to_act.emit()
        created: list[str] = []
        data = MenteeDialog.ask(self, submit=lambda d: created.append(mentees.create_mentee(d).id))
        if data is None:
            return
        if self.showing_page():  # the new mentee is listed in the roster, not on another's page
            self.pages.setCurrentIndex(ROSTER_PAGE)
        self._after_change(created[0] if created else None)

    def edit_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.about_to_act.emit()
        try:
            current = mentees.mentee_data(mentees.get_mentee(row.id))
        except MentorDeskError as error:
            self._tell("Cannot edit", str(error))
            self.refresh()
            return
        if MenteeDialog.ask(self, current, submit=lambda d: mentees.update_mentee(row.id, d)) is not None:
            self._after_change(row.id)

    @property
    def page(self) -> MenteePage:
        return cast(MenteePage, self.page_area.view())

    def _make_page(self, undo_stack: QUndoStack | None) -> MenteePage:
        page = MenteePage(undo_stack=undo_stack)
        page.back_requested.connect(self.back_to_roster)
        page.changed.connect(self.changed)
        page.open_session.connect(self.open_session)
        page.new_session_requested.connect(self.new_session_for)
        return page

    def open_selected(self) -> None:
        """Show the selected mentee's own page."""
        row = self.selected()
        if row is None:
            return
        try:
            self.page.show_mentee(row.id)
        except MentorDeskError as error:
            self._tell("Cannot open", str(error))
            self.refresh()
            return
        self.pages.setCurrentIndex(MENTEE_PAGE)
        self.page.setFocus()

    def open_page(self, mentee_id: str) -> bool:
        """Show a mentee's page, whatever the roster's filters hide (quick open)."""
        try:
            self.page.show_mentee(mentee_id)
        except MentorDeskError as error:
            self._tell("Cannot open", str(error))
            return False
        self.select_mentee(mentee_id)
        self.pages.setCurrentIndex(MENTEE_PAGE)
        self.page.setFocus()
        return True

    def back_to_roster(self) -> None:
        shown = self.page.mentee_id
        self.pages.setCurrentIndex(ROSTER_PAGE)
        self.refresh()
        if shown:
            self.select_mentee(shown)
        self.table.setFocus()

    def showing_page(self) -> bool:
        return self.pages.currentIndex() == MENTEE_PAGE

    def close_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        self.about_to_act.emit()

        def save(closure: Closure) -> None:
            relationships.close_relationship(row.id, reason=closure.reason, reflection=closure.reflection,
                                             on=closure.on)

        closure = CloseRelationshipDialog.ask(self, row.name, submit=save)
        if closure is None:
            return
        if self.undo_stack is None:
            self._after_change(row.id)
            return
        self.undo_stack.push(CloseCommand(
            row.id, row.name, row.status, reason=closure.reason, reflection=closure.reflection, on=closure.on,
            after=self._after_change, failed=lambda message: self._tell("Cannot change the status", message)))

    def set_status(self, status: str) -> None:
        row = self.selected()
        if row is None:
            return
        push_status_change(self.undo_stack, row.id, row.name, row.status, status, after=self._after_change,
                           failed=lambda message: self._tell("Cannot change the status", message))

    def _after_change(self, mentee_id: str | None) -> None:
        self.refresh()
        if self.showing_page() and self.page.mentee_id == mentee_id:
            self.page.reload()
        if mentee_id:
            self.select_mentee(mentee_id)
        self.changed.emit()

    def _tell(self, title: str, message: str) -> None:
        QMessageBox.information(self, title, message)

    # --- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the roster again from the data file, keeping the selection where possible."""
        keep = self.selected()
        status = self.status_filter.currentData()
        tag = self._refill_tags()
        rows = mentees.list_mentees(statuses=(status,) if status else None,
                                    include_closed=self.show_closed.isChecked(), tag=tag or None)
        self.model.set_rows(rows)
        if rows or self.search.text() or status or tag or self.show_closed.isChecked():
            has_any = True
        else:
            has_any = roster_counts().total > 0
        if not self.showing_page():
            self.pages.setCurrentIndex(ROSTER_PAGE if has_any else EMPTY_PAGE)
        if rows:
            self._size_columns(rows)
        if keep is not None:
            self.select_mentee(keep.id)
        self._update_footer()
        self._update_actions()

    def _refill_tags(self) -> str:
        """Bring the tag list up to date, keeping the chosen tag while it exists."""
        chosen = str(self.tag_filter.currentData() or "")
        tags = mentees.all_tags()
        if [self.tag_filter.itemData(i) for i in range(1, self.tag_filter.count())] != tags:
            self.tag_filter.blockSignals(True)
            self.tag_filter.clear()
            self.tag_filter.addItem("All tags", "")
            for tag in tags:
                self.tag_filter.addItem(f"Tag: {tag}", tag)
            self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(chosen)))
            self.tag_filter.blockSignals(False)
        return str(self.tag_filter.currentData() or "")

    def _size_columns(self, rows: list[MenteeRow]) -> None:
        """Wide enough for every row's text (ui/widgets/column_fit.py). Widths only grow,
        so a column the mentor widened stays as wide."""
        fit = ColumnFit(self.table)
        bold_font = self.table.font()
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        sort_arrow = fit.header.height()
        overdue = [days_since_text(row) for row in rows if row.overdue]
        for column in (NAME, STATUS, LAST_MET, DAYS_SINCE, OPEN_ACTIONS, NEXT_MEETING):
            texts = {display_text(row, column) for row in rows}
            width = fit.width(texts, HEADERS[column], header_extra=sort_arrow)
            if column == DAYS_SINCE and overdue:  # bold, after a warning sign
                width = max(width, fit.width(overdue, "", metrics=bold) + fit.icon)
            if column == NAME:
                width = min(max(width, 160), 240)
            if not self._columns_sized or width > self.table.columnWidth(column):
                self.table.setColumnWidth(column, width)
        self._columns_sized = True

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_footer()
        self._update_actions()

    def _update_footer(self) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if total and not shown:
            self.footer.setText(f"No mentee matches “{self.search.text().strip()}”.")
        elif shown < total:
            self.footer.setText(f"{shown} of {plural(total, 'mentee')} shown.")
        else:
            self.footer.setText(f"{plural(total, 'mentee')}.")

    def _update_actions(self) -> None:
        row = self.selected()
        self.mentee_actions.update_for(row.status if row else None)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(ID_ROLE):
            self.open_selected()
