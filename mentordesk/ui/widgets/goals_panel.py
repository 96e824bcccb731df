"""A mentee's goals on their page: the list, a progress chart and the updates of the chosen goal."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QMessageBox, QVBoxLayout, QWidget

from mentordesk.services import goals
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.goals import GoalData, GoalView
from mentordesk.ui.dialogs.goal_dialog import GoalDialog
from mentordesk.ui.dialogs.progress_dialog import ProgressDialog, ProgressEntry
from mentordesk.ui.models.goal_table_model import TITLE, GoalTableModel
from mentordesk.ui.models.progress_table_model import ProgressTableModel
from mentordesk.ui.models.row_table_model import SORT_ROLE
from mentordesk.ui.widgets.action_button import action_button, list_table, make_action, stretch_column
from mentordesk.ui.widgets.goal_chart import GoalChart


class GoalsPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Goals", parent)
        self.mentee_id = ""
        self.model = GoalTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = list_table("Goals")
        self.table.setModel(self.proxy)
        stretch_column(self.table, TITLE)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # as the mentor ordered them
        self.table.selectionModel().selectionChanged.connect(self._show_selected)
        self.table.activated.connect(lambda _index: self.edit_goal())
        self.table.setMinimumHeight(100)
        self.table.setMaximumHeight(170)

        self.add_action = make_action(self, "Add &goal…", self.add_goal, "Ctrl+G")
        self.edit_action = make_action(self, "Edit goal…", self.edit_goal)
        self.progress_action = make_action(self, "Add p&rogress…", self.add_progress, "Ctrl+R",
                                           "Record progress on the selected goal")
        self.delete_action = make_action(self, "Delete goal…", self.delete_goal)
        buttons = QHBoxLayout()
        for action in (self.add_action, self.edit_action, self.progress_action, self.delete_action):
            buttons.addWidget(action_button(action))
        buttons.addStretch(1)

        self.chart = GoalChart()
        self.progress_model = ProgressTableModel(self)
        self.progress_table = list_table("Progress updates of the selected goal")
        self.progress_table.setModel(self.progress_model)
        self.progress_table.setMinimumHeight(80)
        self.progress_table.setMaximumHeight(150)
        self.chart.setMaximumHeight(150)
        detail = QHBoxLayout()
        detail.addWidget(self.chart, 1)
        detail.addWidget(self.progress_table, 1)

        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        layout.addLayout(detail)

    # --- showing -------------------------------------------------------------------------
    def set_mentee(self, mentee_id: str, keep: str | None = None) -> None:
        self.mentee_id = mentee_id
        current = self.selected()
        keep = keep or (current.id if current else None)
        self.model.set_rows(goals.goals_of(mentee_id))
        ids = [g.id for g in self.model.rows()]
        target = keep if keep in ids else (ids[0] if ids else None)
        if target:
            self.select_goal(target)
        self._show_selected()

    def select_goal(self, goal_id: str) -> None:
        for row in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(row, 0))
            if self.model.row_at(source.row()).id == goal_id:
                self.table.selectRow(row)
                return

    def selected(self) -> GoalView | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def _show_selected(self) -> None:
        goal = self.selected()
        for action in (self.edit_action, self.progress_action, self.delete_action):
            action.setEnabled(goal is not None)
        if goal is None:
            self.chart.set_progress("", [])
            self.progress_model.set_rows([])
            return
        self.chart.set_progress(goal.title, [(d, p) for d, p, _note in goal.progress])
        self.progress_model.set_rows(list(reversed(goal.progress)))

    # --- acting --------------------------------------------------------------------------
    def add_goal(self) -> None:
        created: list[str] = []
        if GoalDialog.ask(self, submit=lambda d: created.append(goals.add_goal(self.mentee_id, d).id)):
            self._after(created[0])

    def edit_goal(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        data = GoalData(goal.title, goal.detail, goal.target_on, goal.status)
        if GoalDialog.ask(self, data, submit=lambda d: goals.update_goal(goal.id, d)):
            self._after(goal.id)

    def add_progress(self) -> None:
        goal = self.selected()
        if goal is None:
            return

        def save(entry: ProgressEntry) -> None:
            goals.add_progress(goal.id, entry.percent, entry.note, on=entry.on)

        if ProgressDialog.ask(self, goal.title, goal.latest_percent, submit=save):
            self._after(goal.id)

    def delete_goal(self) -> None:
        goal = self.selected()
        if goal is None:
            return
        answer = QMessageBox.question(self, "Delete goal",
                                      f"Delete the goal “{goal.title}” and its progress history?")
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            goals.delete_goal(goal.id)
        except MentorDeskError as error:
            QMessageBox.information(self, "Cannot delete the goal", str(error))
        self._after(None)

    def _after(self, goal_id: str | None) -> None:
        self.set_mentee(self.mentee_id, goal_id)
        self.changed.emit()
