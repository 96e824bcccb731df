"""The first page: what needs attention today, each item one click from its mentee.

Counts at the top (a tile per kind; clicking one shows only that kind), the list
below. The rules are all in ``services.dashboard``; this view only shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import clock, dashboard
from mentordesk.services.dashboard import KIND_LABELS, KINDS, AttentionItem, DashboardData
from mentordesk.ui import looks, theme
from mentordesk.ui.formatting import format_date, plural
from mentordesk.ui.models.attention_model import (
    DETAIL,
    HEADERS,
    ID_ROLE,
    KIND,
    MENTEE,
    OPEN,
    PREPARE,
    WHAT,
    AttentionFilterModel,
    AttentionModel,
)
from mentordesk.ui.widgets.column_fit import ColumnFit

LIST_PAGE, EMPTY_PAGE = 0, 1
SIZING_ROWS = 40  # the columns are made wide enough for the first rows
TILE_COLUMNS = 5
# The tiles' look: the number large, red when overdue (and said in the name), ui/looks.py.
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class _Figure(QFrame):
    """A roster count (active, paused, prospective), small."""

    def __init__(self, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = looks.small_figure(QLabel("0"))
        self.label = QLabel(label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 12, 0)
        layout.addWidget(self.number)
        layout.addWidget(self.label)

    def set_value(self, value: int) -> None:
        self.number.setText(str(value))
        self.setAccessibleName(f"{self.label.text()}: {value}")


class _Tile(QPushButton):
    """A count of one kind of item; checked, it filters the list to that kind."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setCheckable(True)
        self.attention = False
        self.number = looks.figure_number(QLabel("0"))
        self.label = QLabel(KIND_LABELS[kind])
        self.label.setWordWrap(True)
        for label in (self.number, self.label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        layout.addWidget(self.number)
        layout.addWidget(self.label)
        self.setMinimumHeight(72)

    def set_value(self, value: int, overdue: bool) -> None:
        self.number.setText(str(value))
        attention = overdue and value > 0
        if attention != self.attention:
            self.attention = attention
            self._colour_number()
        self.setAccessibleName(f"{self.label.text()}: {value}" + (" (overdue)" if overdue and value else ""))
        self.setToolTip(f"Show only: {self.label.text().lower()}")

    def _colour_number(self) -> None:
        looks.text_colour(self.number, theme.attention() if self.attention else None)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.attention:
            self._colour_number()  # the shade of the scheme now in use

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.isChecked():  # the kind the list shows: a frame in the link colour
            from PySide6.QtGui import QPainter, QPen  # no tile is checked at start

            painter = QPainter(self)
            painter.setPen(QPen(theme.link(), 2))
            painter.drawRect(self.rect().adjusted(1, 1, -1, -1))
            painter.end()


class DashboardView(QWidget):
    """Emits ``open_mentee(id)``, ``open_prep(id)``, ``open_self_assessment()`` from the items,
    ``open_mentees``/``add_mentee`` from the empty state, and ``reminder_changed(text)``."""

    open_mentee = Signal(str)
    open_prep = Signal(str)
    open_self_assessment = Signal()
    open_mentees = Signal()
    add_mentee = Signal()
    reminder_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Dashboard")
        title = looks.page_title(QLabel("Dashboard"))
        self.date_label = looks.quiet(QLabel())
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.date_label)
        self.summary = QLabel()
        self.summary.setObjectName("dashboardSummary")
        self.summary.setWordWrap(True)

        self.tiles = {kind: _Tile(kind) for kind in KINDS}
        tiles = QGridLayout()
        for n, kind in enumerate(KINDS):
            tile = self.tiles[kind]
            tile.toggled.connect(lambda on, k=kind: self._filter(k if on else None))
            tiles.addWidget(tile, n // TILE_COLUMNS, n % TILE_COLUMNS)
        self.overdue = self.tiles[dashboard.NOT_SEEN]

        self.active, self.paused, self.prospective = (_Figure("active"), _Figure("paused"),
                                                      _Figure("prospective"))
        self.mentees_button = QPushButton("Go to mentees")
        self.mentees_button.setAccessibleName("Go to mentees")
        self.mentees_button.clicked.connect(self._go)
        roster = QHBoxLayout()
        roster.addWidget(QLabel("Mentees:"))
        for figure in (self.active, self.paused, self.prospective):
            roster.addWidget(figure)
        roster.addStretch(1)
        roster.addWidget(self.mentees_button)

        self.model = AttentionModel(self)
        self.proxy = AttentionFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setAccessibleName("What needs attention")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        head.setSectionResizeMode(WHAT, QHeaderView.ResizeMode.Stretch)
        head.setStretchLastSection(False)
        self.table.clicked.connect(self._clicked)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

        self.open_button = QPushButton("&Open mentee")
        self.open_button.setAccessibleName("Open the selected mentee")
        self.open_button.clicked.connect(lambda: self._emit_selected(OPEN))
        self.prep_button = QPushButton("&Prepare meeting…")
        self.prep_button.setAccessibleName("Prepare the meeting with the selected mentee")
        self.prep_button.clicked.connect(lambda: self._emit_selected(PREPARE))
        self.show_all_button = QPushButton("Show &all")
        self.show_all_button.setAccessibleName("Show every kind of item")
        self.show_all_button.clicked.connect(lambda: self._filter(None))
        buttons = QHBoxLayout()
        for button in (self.open_button, self.prep_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.show_all_button)
        list_page = QWidget()
        list_layout = QVBoxLayout(list_page)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.addWidget(self.table, 1)
        list_layout.addLayout(buttons)

        self.empty_text = looks.empty_state(QLabel())
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.add_button = looks.primary(QPushButton("Add a mentee"))
        self.add_button.setAccessibleName("Add a mentee")
        self.add_button.clicked.connect(self.add_mentee)
        self.write_button = QPushButton("Open the roster to write a session")
        self.write_button.setAccessibleName("Open the roster to write a session")
        self.write_button.clicked.connect(self.open_mentees)
        empty_buttons = QHBoxLayout()
        empty_buttons.addStretch(1)
        empty_buttons.addWidget(self.add_button)
        empty_buttons.addWidget(self.write_button)
        empty_buttons.addStretch(1)
        empty_page = QWidget()
        empty_layout = QVBoxLayout(empty_page)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addLayout(empty_buttons)
        empty_layout.addStretch(2)

        self.pages = QStackedWidget()
        self.pages.addWidget(list_page)
        self.pages.addWidget(empty_page)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.summary)
        layout.addLayout(tiles)
        layout.addLayout(roster)
        layout.addWidget(self.pages, 1)
        self.data = DashboardData(today=clock.today(), items=())
        self._columns_sized = False
        self.refresh()

    # --- showing -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read what needs attention again (a few aggregate queries)."""
        data = self.data = dashboard.dashboard()
        today = data.today
        self.date_label.setText(f"{_WEEKDAYS[today.weekday()]}, {format_date(today)}")
        self.model.set_items(data.items)
        numbers, overdue = data.numbers(), data.overdue_kinds()
        for kind, tile in self.tiles.items():
            tile.set_value(numbers[kind], kind in overdue)
            tile.setEnabled(numbers[kind] > 0 or tile.isChecked())
        self.active.set_value(data.active)
        self.paused.set_value(data.paused)
        self.prospective.set_value(data.prospective)
        self.mentees_button.setText("Go to mentees" if data.total_mentees else "Add your first mentee")
        self.mentees_button.setAccessibleName(self.mentees_button.text())
        self._say_summary(data)
        self.pages.setCurrentIndex(LIST_PAGE if data.items else EMPTY_PAGE)
        if data.items and not self._columns_sized:
            self._columns_sized = True
            self._size_columns(data.items[:SIZING_ROWS])
        self._update_buttons()
        self.reminder_changed.emit(dashboard.reminder_text(data))

    def _size_columns(self, items: tuple[AttentionItem, ...]) -> None:
        """Widths from the texts of the first rows (ui/widgets/column_fit.py)."""
        fit = ColumnFit(self.table)
        for column, least, most in ((KIND, 120, 210), (MENTEE, 120, 200), (DETAIL, 140, 270),
                                    (OPEN, 60, 160), (PREPARE, 60, 120)):
            width = fit.width({AttentionModel.text(item, column) for item in items}, HEADERS[column])
            if column == DETAIL and any(item.overdue for item in items):
                width += fit.icon  # the warning sign before an overdue date
            self.table.setColumnWidth(column, min(max(width, least), most))

    def _say_summary(self, data: DashboardData) -> None:
        if data.total_mentees == 0:
            self.summary.setText("No mentees yet.")
            self.empty_text.setText("Nothing needs you today. Add your first mentee to keep your notes, "
                                    "agreements and meetings with them in one place.")
            self.write_button.hide()
            return
        self.write_button.show()
        overdue = data.overdue_items
        if not data.items:
            self.summary.setText("Nothing needs you today.")
            self.empty_text.setText("Nothing needs you today. Add a mentee, or open one in the roster "
                                    "and write a session note.")
        elif overdue:
            self.summary.setText(f"⚠ {plural(overdue, 'thing')} overdue, "
                                 f"{plural(len(data.items), 'item')} in all. Click a count to see only "
                                 "that kind; click a mentee's row to open them.")
        else:
            self.summary.setText(f"Nothing is overdue. {plural(len(data.items), 'item')} coming up.")

    def selected_mentee_id(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return rows[0].data(ID_ROLE) or None

    def select_first_of(self, kind: str) -> bool:
        """Select the first item of ``kind`` (used by the window's keyboard path and tests)."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, KIND)
            if self.model.item_at(self.proxy.mapToSource(index).row()).kind == kind:
                self.table.selectRow(row)
                return True
        return False

    # --- acting --------------------------------------------------------------------------
    def _filter(self, kind: str | None) -> None:
        for other, tile in self.tiles.items():
            tile.blockSignals(True)
            tile.setChecked(other == kind)
            tile.blockSignals(False)
        self.proxy.set_kind(kind)
        self.show_all_button.setEnabled(kind is not None)
        self._update_buttons()

    def _clicked(self, index: QModelIndex) -> None:
        # One click from the mentee: the "Open mentee ›" and "Prepare ›" cells act at once.
        if index.column() in (OPEN, PREPARE):
            self._act(index, index.column())

    def _activated(self, index: QModelIndex) -> None:
        self._act(index, PREPARE if index.column() == PREPARE else OPEN)

    def _emit_selected(self, column: int) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self._act(rows[0], column)

    def _act(self, index: QModelIndex, column: int) -> None:
        mentee_id = index.siblingAtColumn(KIND).data(ID_ROLE)
        if not mentee_id:
            if column == OPEN:
                self.open_self_assessment.emit()
            return
        (self.open_prep if column == PREPARE else self.open_mentee).emit(mentee_id)

    def _update_buttons(self, *_args: object) -> None:
        has_mentee = self.selected_mentee_id() is not None
        self.open_button.setEnabled(has_mentee)
        self.prep_button.setEnabled(has_mentee)
        self.show_all_button.setEnabled(self.proxy.kind() is not None)

    def _go(self) -> None:
        if self.data.total_mentees == 0:
            self.add_mentee.emit()
        else:
            self.open_mentees.emit()
