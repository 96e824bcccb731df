"""The session editor driven as a mentor would: type, tab, add actions, check wellbeing, close, reopen."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import on_dialog, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

from mentordesk.db.base import close_database
from mentordesk.db.models import ActionItem, Question, Referral, Session
from mentordesk.services import mentees, relationships, sessions, support_contacts
from mentordesk.services import search as search_service
from mentordesk.services.storage import open_data_dir
from mentordesk.ui.dialogs.question_picker import QuestionPicker
from mentordesk.ui.dialogs.session_window import SessionWindow, open_new_session, open_session, open_windows
from mentordesk.ui.dialogs.support_contacts_dialog import SupportContactsDialog
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.models.action_table_model import ActionTableModel
from mentordesk.ui.models.question_list_model import QuestionListModel
from mentordesk.ui.models.support_contact_model import SupportContactModel
from mentordesk.ui.views.session_editor import SessionEditor

SECTION_WORDS = {
    "listening": "Exhausted after Łódź nights, spoke quietly",
    "questions": "What would help? 我是医生，今天很累",
    "encouragement": "Handover praised by Dr Nguyễn",
    "challenge": "Ask the rota lead about zephyr study time",
}


@pytest.fixture
def mentee_id(db: Path) -> str:
    mentee = mentees.create_mentee(mentees.MenteeData(name="Łucja Wróblewska", role="Registrar"))
    relationships.save_agreement(mentee.id, relationships.AgreementData(cadence_days=28, meeting_format="video",
                                                                        agenda_owner="shared"))
    return str(mentee.id)


@pytest.fixture(autouse=True)
def _close_session_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Session windows delete themselves on close: close those a test left open, while the data
    file is still open (they save), instead of handing them to qtbot."""
    if "db" in request.fixturenames:
        request.getfixturevalue("db")
    yield
    for win in list(open_windows()):
        if isValid(win):
            win.editor.autosave.set_intervals(60_000, 60_000)
            win.close()


@pytest.fixture
def session_window(qtbot: Any, mentee_id: str) -> SessionWindow:
    """A new session's window, shown."""
    win = open_new_session(None, mentee_id)
    qtbot.waitExposed(win)
    return win


def focused(qtbot: Any, widget: QWidget) -> QWidget:
    widget.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus, timeout=2000)
    return widget


def recording_saves(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Patch save_session to note the listening text at the moment each save runs."""
    calls: list[str] = []
    real = sessions.save_session

    def record(data: sessions.SessionData, session_id: str | None = None) -> str | None:
        calls.append(data.listening)
        return real(data, session_id)

    monkeypatch.setattr(sessions, "save_session", record)
    return calls


def test_mentor_types_a_full_session_and_finds_it_after_reopening(
        qtbot: Any, window: MainWindow, mentee_id: str, data_dir: Path, fixed_clock: datetime) -> None:
    """Tab through the four sections, add actions, see the boundary prompt, record a signpost, close
    without saving, reopen the data file and find every word."""
    support_contacts.add_contact("Occupational health", "ext. 4410")
    support_contacts.add_contact("Dr Nguyễn Thị Hương", "Staff wellbeing lead")
    window.mentees.refresh()
    assert window.mentees.select_mentee(mentee_id)
    window.new_session_action.trigger()
    [session_win] = open_windows()
    qtbot.waitExposed(session_win)
    editor = session_win.editor
    assert editor.format.currentData() == "video" and editor.agenda_by.currentData() == "shared"
    assert editor.next_planned.isChecked() and editor.next_on.date().toPython() == date(2026, 4, 13)

    type_text(qtbot, focused(qtbot, editor.agenda), "Rota and exams")
    field = focused(qtbot, editor.sections.edits["listening"])
    for number, (move, words) in enumerate(SECTION_WORDS.items()):
        assert QApplication.focusWidget() is editor.sections.edits[move]
        type_text(qtbot, field, words)
        if number < 3:
            qtbot.keyClick(field, Qt.Key.Key_Tab)
            field = QApplication.focusWidget()

    type_text(qtbot, focused(qtbot, editor.action_list.new_text), "Email the rota lead")
    qtbot.keyClick(editor.action_list.new_text, Qt.Key.Key_Return)
    editor.action_list.new_owner.setCurrentIndex(editor.action_list.new_owner.findData("mentor"))
    type_text(qtbot, editor.action_list.new_text, "Send the Ærøskøbing policy")
    qtbot.mouseClick(editor.action_list.add_button, Qt.MouseButton.LeftButton)
    assert editor.action_list.model.rowCount() == 2

    assert not editor.boundary.isVisible()
    editor.wellbeing.score.setCurrentIndex(editor.wellbeing.score.findData(2))
    for name in ("exhaustion", "poor sleep", "isolation"):
        qtbot.keyClick(focused(qtbot, editor.wellbeing.signal_boxes[name]), Qt.Key.Key_Space)
    type_text(qtbot, focused(qtbot, editor.wellbeing.note), "Sleeping four hours")
    assert editor.boundary.isVisible()
    assert "Occupational health — ext. 4410" in editor.boundary.contacts.text()
    assert "Dr Nguyễn Thị Hương — Staff wellbeing lead" in editor.boundary.contacts.text()
    type_text(qtbot, focused(qtbot, editor.boundary.note), "Occupational health self-referral, Świnoujście")
    qtbot.mouseClick(editor.boundary.record_button, Qt.MouseButton.LeftButton)
    assert "Świnoujście" in editor.boundary.recorded.text()
    type_text(qtbot, focused(qtbot, editor.private_remarks), "Worried about burnout, quinoa")

    session_win.close()
    assert not session_win.isVisible()
    close_database()
    open_data_dir(data_dir)

    [session] = list(Session.select())
    assert (session.mentee_id, session.held_on, session.format) == (mentee_id, datetime(2026, 3, 16, 9, 30), "video")
    assert session.agenda == "Rota and exams"
    for move, words in SECTION_WORDS.items():
        assert getattr(session, move) == words
    assert session.wellbeing_score == 2
    assert set(session.wellbeing_signals.splitlines()) == {"exhaustion", "poor sleep", "isolation"}
    assert session.wellbeing_note == "Sleeping four hours"
    assert session.private_remarks == "Worried about burnout, quinoa"
    actions = list(ActionItem.select().order_by(ActionItem.position))
    assert [(a.text, a.owner) for a in actions] == [
        ("Email the rota lead", "mentee"), ("Send the Ærøskøbing policy", "mentor")]
    [referral] = list(Referral.select())
    assert (referral.session_id, referral.note) == (session.id, "Occupational health self-referral, Świnoujście")

    for words in ("lodz nights", "医生", "nguyen", "zephyr", "rota exams", "aeroskobing", "sleeping four"):
        assert search_service.search(words), words
    assert not search_service.search("quinoa")
    assert [h.field for h in search_service.search("quinoa", include_private=True)] == ["private_remarks"]
    assert not search_service.search("swinoujscie")
    assert [h.kind for h in search_service.search("swinoujscie", include_private=True)] == ["referral"]

    reopened = open_session(None, session.id)
    assert reopened.editor.sections.texts() == SECTION_WORDS
    assert reopened.editor.boundary.isVisible()
    reopened.close()


def test_keystroke_is_shown_before_any_save(qtbot: Any, session_window: SessionWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """The key event inserts its letter and returns without saving; the save comes later, from a timer."""
    calls = recording_saves(monkeypatch)
    editor = session_window.editor
    editor.autosave.set_intervals(50, 200)
    edit = focused(qtbot, editor.sections.edits["listening"])
    qtbot.keyClick(edit, Qt.Key.Key_A)
    type_text(qtbot, edit, "ł")
    assert edit.toPlainText() == "ał"
    assert calls == []
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)
    assert calls == ["ał"]


def test_autosave_after_a_pause(qtbot: Any, session_window: SessionWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A short pause in typing saves once; nothing more is saved while nothing changes."""
    calls = recording_saves(monkeypatch)
    editor = session_window.editor
    editor.autosave.set_intervals(150, 5000)
    type_text(qtbot, focused(qtbot, editor.sections.edits["listening"]), "Quiet today")
    assert calls == []
    qtbot.waitUntil(lambda: bool(calls), timeout=2000)
    qtbot.wait(400)
    assert calls == ["Quiet today"]
    assert editor.status_text.startswith("Saved ")
    assert "Saved " in session_window.windowTitle()
    assert Session.select().count() == 1


def test_continuous_typing_saves_at_least_every_deadline(
        qtbot: Any, session_window: SessionWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typing without a pause still saves whenever the deadline passes, each save holding more text."""
    calls = recording_saves(monkeypatch)
    editor = session_window.editor
    editor.autosave.set_intervals(400, 600)
    edit = focused(qtbot, editor.sections.edits["listening"])
    for _ in range(24):  # 2.4 s of typing, never pausing as long as 400 ms
        qtbot.keyClick(edit, Qt.Key.Key_X)
        qtbot.wait(100)
    saved_while_typing = list(calls)
    assert len(saved_while_typing) >= 2
    assert all(len(a) < len(b) for a, b in zip(saved_while_typing, saved_while_typing[1:], strict=False))
    assert all(set(text) == {"x"} for text in saved_while_typing)


def test_blank_editor_creates_no_session(qtbot: Any, mentee_id: str) -> None:
    """Opening a new session and closing it, or typing and deleting everything, leaves no record."""
    win = open_new_session(None, mentee_id)
    win.close()
    assert Session.select().count() == 0

    win = open_new_session(None, mentee_id)
    edit = focused(qtbot, win.editor.sections.edits["challenge"])
    type_text(qtbot, edit, "oops")
    assert win.editor.save_now()
    assert Session.select().count() == 1
    for _ in range(4):
        qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    win.close()
    assert Session.select().count() == 0


def test_failed_save_keeps_text_and_says_so(qtbot: Any, session_window: SessionWindow,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """When the data file cannot be written the text stays, the error shows, the window stays open,
    and the next save after the problem is gone stores everything."""
    def broken(*_args: object, **_kwargs: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sessions, "save_session", broken)
    editor = session_window.editor
    edit = focused(qtbot, editor.sections.edits["encouragement"])
    type_text(qtbot, edit, "Brave call on the ward, Zoë")
    assert not editor.save_now()
    assert editor.status_text.startswith("⚠ Not saved") and "disk I/O error" in editor.status_text
    assert editor.status.isVisible() and "Not saved" in session_window.windowTitle()
    assert edit.toPlainText() == "Brave call on the ward, Zoë"
    session_window.close()
    assert session_window.isVisible()
    assert Session.select().count() == 0

    monkeypatch.undo()
    session_window.close()
    assert not session_window.isVisible()
    assert [s.encouragement for s in Session.select()] == ["Brave call on the ward, Zoë"]


def test_ctrl_s_saves_at_once(qtbot: Any, session_window: SessionWindow) -> None:
    """Ctrl+S stores the note without waiting for the autosave timers."""
    editor = session_window.editor
    editor.autosave.set_intervals(60_000, 60_000)
    edit = focused(qtbot, editor.sections.edits["questions"])
    type_text(qtbot, edit, "What matters most to you?")
    assert Session.select().count() == 0
    qtbot.keyClick(edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert [s.questions for s in Session.select()] == ["What matters most to you?"]
    assert editor.status_text.startswith("Saved ")


def test_undo_still_works_after_autosave(qtbot: Any, session_window: SessionWindow) -> None:
    """Saving never resets the text, so Ctrl+Z and Ctrl+Shift+Z still undo and redo what was typed."""
    editor = session_window.editor
    edit = focused(qtbot, editor.sections.edits["listening"])
    type_text(qtbot, edit, "First thought")
    assert editor.save_now()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    type_text(qtbot, edit, "second")
    assert editor.save_now()
    assert edit.document().isUndoAvailable()
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    undone = edit.toPlainText()
    assert undone != "First thought\nsecond" and "First thought\nsecond".startswith(undone)
    qtbot.keyClick(edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == "First thought\nsecond"


def test_question_bank_inserts_at_the_cursor_and_takes_own_questions(
        qtbot: Any, session_window: SessionWindow) -> None:
    """Ctrl+K in a section lists that move's prompts; the mentor adds their own and Enter inserts it."""
    editor = session_window.editor
    edit = focused(qtbot, editor.sections.edits["challenge"])
    type_text(qtbot, edit, "Asked: ")
    own = "What would Łódź-you say to 医生-you?"

    def pick(dialog: QuestionPicker) -> None:
        assert dialog.current_move() == "challenge"
        assert dialog.model.rowCount() > 0
        type_text(qtbot, dialog.own, own)
        qtbot.keyClick(dialog.own, Qt.Key.Key_Return)
        assert dialog.isVisible()  # Enter in "your own question" adds, it does not insert
        assert dialog.list.currentIndex().data(Qt.ItemDataRole.EditRole) == own
        qtbot.keyClick(dialog.list, Qt.Key.Key_Return)

    with on_dialog(QuestionPicker, pick):
        qtbot.keyClick(edit, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert edit.toPlainText() == "Asked: " + own
    assert Question.get(Question.text == own).move == "challenge"


def test_question_bank_search_and_enter(qtbot: Any, session_window: SessionWindow) -> None:
    """Typing in the picker's search box filters, the arrow key moves, and Enter inserts that prompt."""
    editor = session_window.editor
    edit = focused(qtbot, editor.sections.edits["questions"])
    chosen: list[str] = []

    def pick(dialog: QuestionPicker) -> None:
        everything = dialog.model.rowCount()
        type_text(qtbot, dialog.search, "you")
        assert 1 < dialog.model.rowCount() < everything
        qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
        chosen.append(dialog.list.currentIndex().data(Qt.ItemDataRole.EditRole))
        assert dialog.list.currentIndex().row() == 1
        qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    with on_dialog(QuestionPicker, pick):
        qtbot.keyClick(edit, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert edit.toPlainText() == chosen[0]
    assert Question.get(Question.text == chosen[0]).move == "questions"


def test_support_contacts_dialog_adds_and_reorders(qtbot: Any, window: MainWindow) -> None:
    """Settings → Support contacts: add two contacts, move the second up, save; the order is kept."""
    support_contacts.add_contact("Occupational health", "ext. 4410")

    def edit(dialog: SupportContactsDialog) -> None:
        qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
        editor = dialog.table.indexWidget(dialog.model.index(1, 0))
        assert editor is not None
        type_text(qtbot, editor, "Dr Nguyễn Thị Hương")
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits from the event loop
        qtbot.waitUntil(lambda: dialog.model.contacts()[1].name == "Dr Nguyễn Thị Hương", timeout=2000)
        assert dialog.selected_row() == 1
        qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
        assert dialog.selected_row() == 0
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(SupportContactsDialog, edit):
        window.support_contacts_action.trigger()
    assert [c.name for c in support_contacts.list_contacts()] == ["Dr Nguyễn Thị Hương", "Occupational health"]


def test_new_session_needs_a_selected_mentee(qtbot: Any, window: MainWindow, mentee_id: str) -> None:
    """Ctrl+Shift+N without a selected mentee says what to do and opens nothing."""
    from PySide6.QtWidgets import QMessageBox

    window.mentees.refresh()
    window.mentees.table.clearSelection()
    with on_dialog(QMessageBox, lambda box: box.accept()):
        window.new_session_action.trigger()
    assert open_windows() == []


def test_models_pass_the_model_tester(qtmodeltester: Any, db: Path) -> None:
    """The action, question and contact models behave as Qt expects."""
    actions = ActionTableModel()
    actions.set_actions([sessions.ActionData("Read the guideline", due_on=date(2026, 4, 1))])
    actions.add_action("Book the course", "mentor")
    qtmodeltester.check(actions)
    questions = QuestionListModel()
    questions.set_questions(list(Question.select().limit(5)))
    qtmodeltester.check(questions)
    contacts = SupportContactModel()
    contacts.set_contacts([support_contacts.ContactData("GP"), support_contacts.ContactData("Chaplaincy")])
    assert contacts.move_contact(1, -1) == 0
    qtmodeltester.check(contacts)


def test_action_table_edits_in_place(db: Path, fixed_clock: datetime) -> None:
    """An action's text, owner, due date and done mark change in place; bad input is refused."""
    model = ActionTableModel()
    row = model.add_action("Draft the audit")
    first_id = model.actions()[0].id
    assert model.setData(model.index(row, 1), "mentor")
    assert model.setData(model.index(row, 2), "2026-04-01")
    assert not model.setData(model.index(row, 2), "31 Feb")
    assert model.setData(model.index(row, 3), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    action = model.actions()[0]
    assert (action.id, action.owner, action.due_on, action.done_on) == (
        first_id, "mentor", date(2026, 4, 1), fixed_clock.date())


SIGTERM_CHILD = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from mentordesk.services import mentees
    from mentordesk.services.storage import open_data_dir
    from mentordesk.ui.dialogs.session_window import open_new_session
    from mentordesk.ui.shutdown import install_shutdown_saving
    open_data_dir(Path(sys.argv[1]))
    mentee = mentees.create_mentee(mentees.MenteeData(name="Zoë"))
    win = open_new_session(None, mentee.id)
    win.editor.autosave.set_intervals(600_000, 600_000)
    win.editor.sections.edits["listening"].setPlainText("Typed just before the kill, Łódź")
    install_shutdown_saving(app)
    print("ready", flush=True)
    sys.exit(app.exec())
""")


@pytest.mark.slow
def test_sigterm_saves_open_sessions(tmp_path: Path) -> None:
    """SIGTERM while a note is unsaved: the application saves it and exits normally."""
    folder = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with subprocess.Popen([sys.executable, "-c", SIGTERM_CHILD, str(folder)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, env=env) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            child.send_signal(signal.SIGTERM)
            _out, err = child.communicate(timeout=20)
            assert child.returncode == 0, err
        finally:
            if child.poll() is None:
                child.kill()
                child.communicate()
    open_data_dir(folder)
    try:
        assert [s.listening for s in Session.select()] == ["Typed just before the kill, Łódź"]
    finally:
        close_database()


def test_editor_module_is_used_for_existing_sessions(qtbot: Any, mentee_id: str) -> None:
    """Opening a stored session edits it: changes go to the same record, and a second open brings the
    same window forward."""
    session_id = sessions.save_session(sessions.SessionData(mentee_id=mentee_id, held_on=datetime(2026, 3, 2, 17, 0),
                                                            challenge="Old text"))
    assert session_id is not None
    win = open_session(None, session_id)
    assert isinstance(win.editor, SessionEditor)
    assert open_session(None, session_id) is win
    edit = focused(qtbot, win.editor.sections.edits["challenge"])
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    type_text(qtbot, edit, ", new words")
    win.close()
    assert [s.challenge for s in Session.select()] == ["Old text, new words"]


def test_removed_action_comes_back_with_ctrl_z(qtbot: Any, mentee_id: str) -> None:
    """Delete removes the selected action; Ctrl+Z in the list puts it back in its place, same id, and it is saved."""
    window = open_new_session(None, mentee_id)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    editor = window.editor
    actions = editor.action_list
    for text in ("Book the simulation slot", "Read the rota policy", "Ask about study leave"):
        type_text(qtbot, actions.new_text, text)
        qtbot.keyClick(actions.new_text, Qt.Key.Key_Return)
    before = actions.model.actions()
    actions.table.setFocus()
    actions.table.selectRow(1)
    qtbot.keyClick(actions.table, Qt.Key.Key_Delete)
    assert [a.text for a in actions.model.actions()] == ["Book the simulation slot", "Ask about study leave"]
    assert actions.undo_button.isEnabled()
    qtbot.keyClick(actions.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert actions.model.actions() == before
    editor.save_now()
    assert [a.text for a in ActionItem.select().order_by(ActionItem.position)] == [a.text for a in before]
    assert {a.id for a in ActionItem.select()} == {a.id for a in before}
