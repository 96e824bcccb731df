"""The first hundred days in a new post on the mentee's page: start, tick off, re-word, add."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from mentordesk.db.models import Mentee
from mentordesk.services import clock, milestones
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import get_mentee
from mentordesk.services.milestones import MilestoneView
from mentordesk.ui.dialogs.check_in_dialog import CheckIn, CheckInDialog
from mentordesk.ui.dialogs.tick_dialog import Tick, TickDialog
from mentordesk.ui.formatting import format_date, plural
from mentordesk.ui.models.milestone_table_model import PROMPT, MilestoneTableModel
from mentordesk.ui.widgets.action_button import action_button, list_table, make_action, stretch_column


def next_text(item: MilestoneView | None) -> str:
    """The next check-in in words: which day, when it is due, and what it is about."""
    if item is None:
        return "Every check-in is done."
    text = f"Next: day {item.day}"
    if item.due_on:
        days = (item.due_on - clock.today()).days
        when = ("today" if days == 0 else f"in {plural(days, 'day')}" if days > 0
                else f"{plural(-days, 'day')} overdue")
        text += f", due {format_date(item.due_on)} ({when})"
    return f"{text} — {item.prompt}"


class MilestonesPanel(QGroupBox):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("First hundred days", parent)
        self.mentee_id = ""
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("Next check-in")
        self.model = MilestoneTableModel(self)
        self.table = list_table("First-hundred-days check-ins")
        self.table.setModel(self.model)
        stretch_column(self.table, PROMPT)
        self.table.setWordWrap(True)  # a check-in prompt is a sentence: show all of it
        self.table.setMinimumHeight(260)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.table.activated.connect(lambda _index: self.tick_selected())

        self.start_action = make_action(self, "Start the track", self.start)
        self.tick_action = make_action(self, "&Tick off…", self.tick_selected, "Ctrl+T")
        self.untick_action = make_action(self, "Untick", self.untick_selected)
        self.reword_action = make_action(self, "Re-word…", self.reword_selected)
        self.add_action = make_action(self, "Add a check-in…", self.add_check_in)
        buttons = QHBoxLayout()
        self.buttons = {}
        for action in (self.start_action, self.tick_action, self.untick_action, self.reword_action,
                       self.add_action):
            self.buttons[action] = action_button(action)
            buttons.addWidget(self.buttons[action])
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    def set_mentee(self, mentee: Mentee) -> None:
        """Show the track of a mentee new in post (or one who has a track); hide otherwise."""
        self.mentee_id = mentee.id
        keep = self.selected()
        rows = milestones.track(mentee.id)
        self.setVisible(bool(mentee.new_in_post or rows))
        upcoming = next((m for m in rows if m.done_on is None), None)
        self.model.set_track(rows, upcoming.id if upcoming else None)
        self.table.resizeRowsToContents()
        if not rows:
            if mentee.started_post_on is None:
                self.status.setText("New in post: set the date they started (Edit profile…) to plan "
                                    "check-ins at day 0, 30, 60, 90 and 100.")
            else:
                end = mentee.started_post_on + timedelta(days=100)
                self.status.setText(f"Started in post on {format_date(mentee.started_post_on)}. "
                                    "Start the track for check-ins at day 0, 30, 60, 90 and 100 "
                                    f"(until {format_date(end)}).")
        else:
            done = sum(1 for m in rows if m.done_on)
            self.status.setText(f"{done} of {len(rows)} check-ins done. {next_text(upcoming)}")
        self.start_action.setEnabled(mentee.new_in_post and mentee.started_post_on is not None)
        for action, button in self.buttons.items():
            button.setVisible(bool(rows) != (action is self.start_action))
        if keep:
            self._select(keep.id)
        elif upcoming:
            self._select(upcoming.id)
        self._update_actions()

    def _select(self, milestone_id: str) -> None:
        for row, item in enumerate(self.model.rows()):
            if item.id == milestone_id:
                self.table.selectRow(row)

    def selected(self) -> MilestoneView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update_actions(self) -> None:
        item = self.selected()
        self.tick_action.setEnabled(item is not None)
        self.untick_action.setEnabled(item is not None and item.done_on is not None)
        self.reword_action.setEnabled(item is not None)

    # --- acting --------------------------------------------------------------------------
    def start(self) -> None:
        self._run(lambda: milestones.start_track(self.mentee_id))

    def tick_selected(self) -> None:
        item = self.selected()
        if item is None:
            return

        def save(tick: Tick) -> None:
            milestones.tick(item.id, done_on=tick.done_on, note=tick.note)

        if TickDialog.ask(self, item.prompt, item.done_on, item.note, submit=save):
            self._after()

    def untick_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self._run(lambda: milestones.tick(item.id, done_on=None, note=item.note))

    def reword_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if CheckInDialog.ask(self, item.prompt, item.day, rewording=True,
                             submit=lambda c: milestones.reword(item.id, c.prompt)):
            self._after()

    def add_check_in(self) -> None:
        item = self.selected()

        def save(check_in: CheckIn) -> None:
            milestones.add_milestone(self.mentee_id, check_in.day, check_in.prompt)

        if CheckInDialog.ask(self, "", item.day if item else 0, submit=save):
            self._after()

    def _run(self, work: Callable[[], object]) -> None:
        try:
            work()
        except MentorDeskError as error:
            QMessageBox.information(self, "First hundred days", str(error))
        self._after()

    def _after(self) -> None:
        self.set_mentee(get_mentee(self.mentee_id))
        self.changed.emit()
