"""One mentee's own page: profile, match, agreement, goals, first hundred days, status and closure.

``timeline_slot`` at the bottom is left empty for the sessions timeline.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.db.models import Mentee
from mentordesk.services import mentees, relationships
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentee_status import ALLOWED_TRANSITIONS, STATUS_LABELS
from mentordesk.services.relationships import CLOSURE_LABELS
from mentordesk.ui import looks
from mentordesk.ui.dialogs.agreement_dialog import AgreementDialog
from mentordesk.ui.dialogs.agreement_history_dialog import AgreementHistoryDialog
from mentordesk.ui.dialogs.close_relationship_dialog import CloseRelationshipDialog, Closure
from mentordesk.ui.dialogs.mentee_dialog import MATCH_ORIGIN_LABELS, MenteeDialog
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.status_history_model import StatusHistoryModel
from mentordesk.ui.undo import CloseCommand, push_status_change
from mentordesk.ui.widgets.action_button import action_button, list_table, make_action
from mentordesk.ui.widgets.goals_panel import GoalsPanel
from mentordesk.ui.widgets.milestones_panel import MilestonesPanel
from mentordesk.ui.widgets.timeline_widget import TimelineWidget

NOT_GIVEN = "—"


def _value_label(name: str) -> QLabel:
    label = QLabel()
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # the mentor's text is shown as typed, never as markup
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class MenteePage(QWidget):
    """Emits ``back_requested`` for the roster and ``changed`` after every change it saved."""

    back_requested = Signal()
    changed = Signal()
    open_session = Signal(str)  # a session id
    new_session_requested = Signal(str)  # a mentee id

    def __init__(self, parent: QWidget | None = None, *, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mentee page")
        self.mentee_id = ""
        self.undo_stack = undo_stack  # changes of status and closures can be undone (Edit → Undo)
        self._build_actions()

        self.title = QLabel()
        looks.page_title(self.title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setAccessibleName("Mentee name")
        self.status_label = _value_label("Relationship status")
        self.status_label.setStyleSheet("font-weight: bold;")
        header = QHBoxLayout()
        header.addWidget(action_button(self.back_action))
        header.addWidget(self.title)
        header.addWidget(self.status_label)
        header.addStretch(1)
        actions = QHBoxLayout()
        for action in (self.edit_action, None, self.activate_action,
                       self.pause_action, self.close_action, self.reopen_action):
            if action is None:
                actions.addSpacing(16)
            else:
                actions.addWidget(action_button(action))
        actions.addStretch(1)

        self.closure_box = QGroupBox("Relationship closed")
        self.closure_text = _value_label("Closure")
        closure_layout = QVBoxLayout(self.closure_box)
        closure_layout.addWidget(self.closure_text)

        self.profile_box, self.profile, _ = self._fields("Profile", (
            "Role", "Specialty", "Organisation", "E-mail", "In post since", "Tags", "Strengths",
            "Aspirations", "Notes"))
        self.match_box, self.match, match_layout = self._fields("How the match began", (
            "Began", "Shared interests", "Proximity", "Aligned values"))
        match_layout.addWidget(action_button(self.edit_match_action), 0, Qt.AlignmentFlag.AlignLeft)
        self.agreement_box, self.agreement, agreement_layout = self._fields("Agreement", (
            "In short", "Agreed on", "Review on", "Confidentiality"))
        agreement_buttons = QHBoxLayout()
        for action in (self.agreement_action, self.versions_action, self.print_action):
            agreement_buttons.addWidget(action_button(action))
        agreement_buttons.addStretch(1)
        agreement_layout.addLayout(agreement_buttons)

        self.history_model = StatusHistoryModel(self)
        self.history_table = list_table("Status history")
        self.history_table.setModel(self.history_model)
        self.history_table.setMinimumHeight(110)
        history_box = QGroupBox("Status history")
        QVBoxLayout(history_box).addWidget(self.history_table)

        self.goals = GoalsPanel()
        self.goals.changed.connect(self.changed)
        self.milestones = MilestonesPanel()
        self.milestones.changed.connect(self.changed)

        # The sessions timeline: meetings newest first, open actions, the balance of the moves.
        self.timeline_slot = QGroupBox("Meetings")
        self.timeline_slot.setObjectName("timelineSlot")
        self.timeline_slot.setAccessibleName("Sessions timeline")
        timeline_layout = QVBoxLayout(self.timeline_slot)
        self.new_session_button = QPushButton("New session…")
        self.new_session_button.setAccessibleName("Write a new session with this mentee")
        self.new_session_button.clicked.connect(lambda: self.new_session_requested.emit(self.mentee_id))
        timeline_layout.addWidget(self.new_session_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.timeline = TimelineWidget()
        self.timeline.setMinimumHeight(320)
        self.timeline.open_session.connect(self.open_session)
        timeline_layout.addWidget(self.timeline)

        body = QWidget()
        grid = QGridLayout(body)
        grid.addWidget(self.closure_box, 0, 0, 1, 2)
        left = QVBoxLayout()
        for box in (self.profile_box, self.match_box, self.agreement_box, history_box):
            left.addWidget(box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self.goals)
        right.addWidget(self.milestones, 1)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.addWidget(self.timeline_slot, 2, 0, 1, 2)
        scroll = QScrollArea()
        scroll.setAccessibleName("Mentee details")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.body = body

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)

    def _build_actions(self) -> None:
        act = make_action
        self.back_action = act(self, "← &Back to roster", self.back_requested.emit, "Alt+Left",
                               "Back to the roster (Esc)")
        self.escape_action = act(self, "Back", self.back_requested.emit, "Esc")
        self.edit_action = act(self, "&Edit profile…", self.edit_profile, "Ctrl+E")
        self.edit_match_action = act(self, "Edit &match…", self.edit_profile)
        self.agreement_action = act(self, "&Agreement…", self.edit_agreement, "Ctrl+Shift+A",
                                    "Change the agreement (earlier versions are kept)")
        self.versions_action = act(self, "Earlier &versions…", self.show_versions)
        # Ctrl+P is the window's "Prepare meeting"; the agreement prints with Ctrl+Shift+P.
        self.print_action = act(self, "&Print agreement…", self.print_agreement, "Ctrl+Shift+P",
                                "Save the one-page agreement as a PDF")
        self.activate_action = act(self, "Acti&vate", lambda: self._status("active"))
        self.pause_action = act(self, "Pa&use", lambda: self._status("paused"))
        self.close_action = act(self, "&Close relationship…", self.close_relationship)
        self.reopen_action = act(self, "&Reopen", self.reopen)
        # Nothing to act on until a mentee is shown.
        for action in (self.edit_action, self.edit_match_action, self.agreement_action, self.versions_action,
                       self.print_action, self.activate_action, self.pause_action, self.close_action,
                       self.reopen_action):
            action.setEnabled(False)

    def _fields(self, title: str, names: tuple[str, ...]) -> tuple[QGroupBox, dict[str, QLabel], QVBoxLayout]:
        box = QGroupBox(title)
        outer = QVBoxLayout(box)
        form = QFormLayout()
        labels = {}
        for name in names:
            labels[name] = _value_label(name)
            form.addRow(f"{name}:", labels[name])
        outer.addLayout(form)
        return box, labels, outer

    # --- showing -------------------------------------------------------------------------
    def show_mentee(self, mentee_id: str) -> None:
        self.mentee_id = mentee_id
        self.reload()

    def reload(self) -> None:
        """Read everything on the page again from the data file."""
        mentee = mentees.get_mentee(self.mentee_id)
        data = mentees.mentee_data(mentee)
        self.title.setText(mentee.name)
        self.status_label.setText(f"· {STATUS_LABELS[mentee.status]}")
        started = format_date(data.started_post_on)
        if started and data.new_in_post:
            started += " (new in post)"
        elif data.new_in_post:
            started = "New in post (start date not set)"
        for name, value in (("Role", data.role), ("Specialty", data.specialty),
                            ("Organisation", data.organisation), ("E-mail", data.email),
                            ("In post since", started), ("Tags", ", ".join(data.tags)),
                            ("Strengths", data.strengths), ("Aspirations", data.aspirations),
                            ("Notes", data.notes)):
            self.profile[name].setText(value or NOT_GIVEN)
        for name, value in (("Began", MATCH_ORIGIN_LABELS.get(data.match_origin, "")),
                            ("Shared interests", data.shared_interests), ("Proximity", data.proximity),
                            ("Aligned values", data.aligned_values)):
            self.match[name].setText(value or NOT_GIVEN)
        current = relationships.current_agreement(self.mentee_id)
        self.agreement["In short"].setText(relationships.agreement_line(current))
        self.agreement["Agreed on"].setText(format_date(current.agreed_on) if current else "" or NOT_GIVEN)
        self.agreement["Review on"].setText(format_date(current.review_on) if current else "" or NOT_GIVEN)
        self.agreement["Confidentiality"].setText((current.confidentiality if current else "") or NOT_GIVEN)
        for action in (self.edit_action, self.edit_match_action, self.agreement_action, self.print_action):
            action.setEnabled(True)
        versions = len(relationships.agreement_history(self.mentee_id))
        self.versions_action.setEnabled(versions > 1)
        self.versions_action.setText(f"Earlier &versions ({max(versions - 1, 0)})…")
        self.history_model.set_rows(relationships.status_history(self.mentee_id))
        self._show_closure(mentee)
        self.goals.set_mentee(self.mentee_id)
        self.timeline.set_mentee(self.mentee_id)
        self.milestones.set_mentee(mentee)
        allowed = ALLOWED_TRANSITIONS[mentee.status]
        self.activate_action.setEnabled(mentee.status in ("prospective", "paused"))
        self.pause_action.setEnabled("paused" in allowed)
        self.close_action.setEnabled("closed" in allowed)
        self.reopen_action.setEnabled(mentee.status == "closed")

    def _show_closure(self, mentee: Mentee) -> None:
        self.closure_box.setVisible(mentee.status == "closed")
        if mentee.status != "closed":
            return
        reason = CLOSURE_LABELS.get(mentee.closure_reason or "", "no reason given")
        text = f"Closed on {format_date(mentee.closed_on)} · Reason: {reason}"
        if mentee.closure_reflection:
            text += f"\nClosing reflection: {mentee.closure_reflection}"
        self.closure_text.setText(text + "\nUse Reopen to make the relationship active again.")

    # --- acting --------------------------------------------------------------------------
    def edit_profile(self) -> None:
        current = mentees.mentee_data(mentees.get_mentee(self.mentee_id))
        if MenteeDialog.ask(self, current, submit=lambda d: mentees.update_mentee(self.mentee_id, d)):
            self._after()

    def edit_agreement(self) -> None:
        current = relationships.current_agreement(self.mentee_id)
        data = relationships.agreement_data(current) if current else None
        if AgreementDialog.ask(self, data, submit=lambda d: relationships.save_agreement(self.mentee_id, d)):
            self._after()

    def show_versions(self) -> None:
        AgreementHistoryDialog.show_versions(self, self.title.text(),
                                             relationships.agreement_history(self.mentee_id))

    def print_agreement(self) -> None:
        name = "".join(c if c.isalnum() else "-" for c in self.title.text()).strip("-") or "mentee"
        path, _filter = QFileDialog.getSaveFileName(self, "Save the agreement as PDF",
                                                    str(Path.home() / f"agreement-{name}.pdf"), "PDF (*.pdf)")
        if not path:
            return
        from mentordesk.reports.agreement import write_agreement
        from mentordesk.services.agreement_report import agreement_sheet
        from mentordesk.services.clock import today

        out = Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf")
        self._try("Cannot save the agreement",
                  lambda: write_agreement(agreement_sheet(self.mentee_id), out, prepared_on=today()))

    def close_relationship(self) -> None:
        def save(closure: Closure) -> None:
            relationships.close_relationship(self.mentee_id, reason=closure.reason,
                                             reflection=closure.reflection, on=closure.on)

        previous = mentees.get_mentee(self.mentee_id).status
        closure = CloseRelationshipDialog.ask(self, self.title.text(), submit=save)
        if not closure:
            return
        if self.undo_stack is None:
            self._after()
            return
        self.undo_stack.push(CloseCommand(
            self.mentee_id, self.title.text(), previous, reason=closure.reason, reflection=closure.reflection,
            on=closure.on, after=self._after_command, failed=self._command_failed))

    def reopen(self) -> None:
        self._status("active")

    def _status(self, status: str) -> None:
        try:
            previous = mentees.get_mentee(self.mentee_id).status
        except MentorDeskError as error:
            self._command_failed(str(error))
            return
        push_status_change(self.undo_stack, self.mentee_id, self.title.text(), previous, status,
                           after=self._after_command, failed=self._command_failed)

    def _after_command(self, mentee_id: str) -> None:
        """After a change of status, its undo or its redo (the page may show someone else by then)."""
        if mentee_id == self.mentee_id:
            with contextlib.suppress(MentorDeskError):  # erased meanwhile: the roster shows it
                self.reload()
        self.changed.emit()

    def _command_failed(self, message: str) -> None:
        QMessageBox.information(self, "Cannot change the status", message)

    def _try(self, title: str, work: Callable[[], object]) -> bool:
        try:
            work()
        except MentorDeskError as error:
            QMessageBox.information(self, title, str(error))
            self.reload()
            return False
        return True

    def _after(self) -> None:
        self.reload()
        self.changed.emit()
