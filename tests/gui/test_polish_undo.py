"""Edit → Undo and Redo for changes of status and closing a relationship."""

from __future__ import annotations

from datetime import date
from typing import Any

from gui_helpers import on_dialog, type_text
from PySide6.QtCore import Qt

from mentordesk.db.models import Mentee
from mentordesk.services import mentees, relationships
from mentordesk.services.mentees import MenteeData
from mentordesk.ui.dialogs.close_relationship_dialog import CloseRelationshipDialog
from mentordesk.ui.main_window import MainWindow


def _history(mentee_id: str) -> list[tuple[str | None, str]]:
    return [(h.from_status, h.to_status) for h in relationships.status_history(mentee_id)]


def test_undo_and_redo_a_pause_from_the_roster(qtbot: Any, window: MainWindow) -> None:
    """Pause, Undo (menu text names it), Redo; the roster and the history follow each step."""
    mentee_id = mentees.create_mentee(MenteeData(name="Ngozi Okonkwo-Adébáyọ̀")).id
    window.mentees.refresh()
    assert window.mentees.select_mentee(mentee_id)
    assert not window.undo_action.isEnabled()
    window.mentees.pause_action.trigger()
    assert Mentee.get_by_id(mentee_id).status == "paused"
    assert window.undo_action.isEnabled() and "pause" in window.undo_action.text().lower()
    window.undo_action.trigger()
    assert Mentee.get_by_id(mentee_id).status == "active" and _history(mentee_id) == [(None, "active")]
    assert window.mentees.pause_action.isEnabled() and not window.mentees.activate_action.isEnabled()
    window.redo_action.trigger()
    assert Mentee.get_by_id(mentee_id).status == "paused"
    assert window.mentees.activate_action.isEnabled()


def test_undo_a_closure_reopens_as_it_was(qtbot: Any, window: MainWindow) -> None:
    """Closing through the dialog, then Undo, gives back the paused relationship without closure details;
    Redo closes it again with the same reason and reflection."""
    mentee_id = mentees.create_mentee(MenteeData(name="Zofia Łukasiewicz"), status="paused").id
    window.mentees.refresh()
    window.mentees.select_mentee(mentee_id)

    def confirm(dialog: CloseRelationshipDialog) -> None:
        dialog.reason.setCurrentIndex(dialog.reason.findData("goals_realised"))
        type_text(qtbot, dialog.reflection, "Passed the exam")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(CloseRelationshipDialog, confirm):
        window.mentees.close_action.trigger()
    assert Mentee.get_by_id(mentee_id).status == "closed"
    window.undo_action.trigger()
    mentee = Mentee.get_by_id(mentee_id)
    assert (mentee.status, mentee.closed_on, mentee.closure_reflection) == ("paused", None, "")
    window.redo_action.trigger()
    mentee = Mentee.get_by_id(mentee_id)
    assert (mentee.status, mentee.closure_reason, mentee.closure_reflection) == (
        "closed", "goals_realised", "Passed the exam")


def test_undo_from_the_mentee_page_and_reopen(qtbot: Any, window: MainWindow, fixed_clock: object) -> None:
    """On the mentee's page, Reopen and its Undo bring back the earlier closure and update the page."""
    mentee_id = mentees.create_mentee(MenteeData(name="陈静"), on=date(2025, 1, 1)).id
    relationships.close_relationship(mentee_id, reason="mutual", reflection="Moved away", on=date(2026, 2, 1))
    window.open_mentee_page(mentee_id)
    page = window.mentees.page
    assert page.reopen_action.isEnabled()
    page.reopen_action.trigger()
    assert Mentee.get_by_id(mentee_id).status == "active" and not page.closure_box.isVisibleTo(page)
    window.undo_action.trigger()
    mentee = Mentee.get_by_id(mentee_id)
    assert (mentee.status, mentee.closed_on, mentee.closure_reflection) == ("closed", date(2026, 2, 1),
                                                                           "Moved away")
    assert page.closure_box.isVisibleTo(page) and "Moved away" in page.closure_text.text()


def test_undo_that_can_no_longer_apply_says_so(qtbot: Any, window: MainWindow, monkeypatch: Any) -> None:
    """When the status changed another way since, Undo explains instead of changing anything."""
    from PySide6.QtWidgets import QMessageBox

    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: told.append(text))
    mentee_id = mentees.create_mentee(MenteeData(name="Ana")).id
    window.mentees.refresh()
    window.mentees.select_mentee(mentee_id)
    window.mentees.pause_action.trigger()
    mentees.set_status(mentee_id, "active")  # e.g. from the mentee page of another window
    window.undo_action.trigger()
    assert told and "changed again" in told[0]
    assert Mentee.get_by_id(mentee_id).status == "active"
