"""The search window: typing finds notes after a pause, accents and Chinese work, private only when ticked."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from gui_helpers import type_text
from PySide6.QtCore import Qt

from mentordesk.services import goals, mentees, sessions
from mentordesk.services.search import SearchHit
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.models.search_result_model import HIT_ROLE
from mentordesk.ui.views.search_view import SearchView
from mentordesk.ui.widgets.search_hit_delegate import hit_html, snippet_html


@pytest.fixture
def notes(db: Path) -> dict[str, str]:
    """Notes in Polish, Chinese and English, one private remark and a goal; returns ids by name."""
    lucja = mentees.create_mentee(mentees.MenteeData(name="Łucja Wójcik")).id
    chen = mentees.create_mentee(mentees.MenteeData(name="陈静")).id
    older = sessions.save_session(sessions.SessionData(
        mentee_id=lucja, held_on=datetime(2026, 1, 12, 9, 0),
        listening="She trained in Łódź before moving to the coast.",
        private_remarks="Between us: thinking of leaving medicine <b>soon</b>."))
    newer = sessions.save_session(sessions.SessionData(
        mentee_id=chen, held_on=datetime(2026, 2, 3, 14, 30),
        listening="我是医生，今天很累。Missed the lodz conference."))
    goal = goals.add_goal(lucja, goals.GoalData(title="Present the ward audit"))
    assert older and newer
    return {"lucja": lucja, "chen": chen, "older": older, "newer": newer, "goal": goal.id}


@pytest.fixture
def view(qtbot: Any, notes: dict[str, str]) -> SearchView:
    dialog = SearchView()
    qtbot.addWidget(dialog)
    dialog.start()
    qtbot.waitExposed(dialog)
    return dialog


def _hits(view: SearchView) -> list[SearchHit]:
    return [view.model.index(r).data(HIT_ROLE) for r in range(view.model.rowCount())]


def _type_and_wait(qtbot: Any, view: SearchView, text: str) -> None:
    view.box.clear()
    type_text(qtbot, view.box, text)
    qtbot.waitUntil(lambda: not view._pause.isActive())


def test_typing_searches_after_a_pause(qtbot: Any, view: SearchView) -> None:
    """No search runs per keystroke: the hits appear once typing pauses."""
    type_text(qtbot, view.box, "lodz")
    assert view.model.rowCount() == 0 and view._pause.isActive()
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert "2 hits, newest first" in view.status.text()


def test_accents_found_newest_first(qtbot: Any, view: SearchView, notes: dict[str, str]) -> None:
    """"lodz" finds "Łódź" and "lodz", newest first, with the word highlighted in bold."""
    _type_and_wait(qtbot, view, "lodz")
    hits = _hits(view)
    assert [h.session_id for h in hits] == [notes["newer"], notes["older"]]
    assert [h.mentee_name for h in hits] == ["陈静", "Łucja Wójcik"]
    older = hits[1]
    assert [older.snippet[s:e] for s, e in older.highlights] == ["Łódź"]
    assert "<b><u>Łódź</u></b>" in snippet_html(older)
    assert view.model.index(1).data(Qt.ItemDataRole.AccessibleTextRole).startswith(
        "12 Jan 2026 · Łucja Wójcik · Listening & observation: ")


def test_chinese_word_inside_running_text(qtbot: Any, view: SearchView, notes: dict[str, str]) -> None:
    """"医生" is found inside "我是医生，今天很累" and highlighted."""
    _type_and_wait(qtbot, view, "医生")
    hits = _hits(view)
    assert [h.session_id for h in hits] == [notes["newer"]]
    assert "<b><u>医生</u></b>" in snippet_html(hits[0])


def test_private_only_when_ticked(qtbot: Any, view: SearchView, notes: dict[str, str]) -> None:
    """Private remarks are found only with the box ticked, and the hit says Private; markup stays text."""
    assert not view.include_private.isChecked()
    _type_and_wait(qtbot, view, "leaving medicine")
    assert _hits(view) == [] and "private remarks not searched" in view.status.text()
    qtbot.mouseClick(view.include_private, Qt.MouseButton.LeftButton)
    hits = _hits(view)
    assert len(hits) == 1 and hits[0].private
    assert "Private" in view.model.index(0).data(Qt.ItemDataRole.AccessibleTextRole)
    html = hit_html(hits[0])
    assert "<b>Private remarks</b>" in html and "&lt;b&gt;soon&lt;/b&gt;" in html
    qtbot.mouseClick(view.include_private, Qt.MouseButton.LeftButton)
    assert _hits(view) == []


def test_enter_opens_the_session_or_the_mentee(qtbot: Any, view: SearchView, notes: dict[str, str]) -> None:
    """Enter in the box goes to the hits; Enter on a hit emits open_session, or open_mentee for a goal."""
    type_text(qtbot, view.box, "lodz")
    qtbot.keyClick(view.box, Qt.Key.Key_Return)  # searches at once, without waiting for the pause
    assert view.model.rowCount() == 2
    qtbot.keyClick(view.results, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.open_session) as opened:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert opened.args == [notes["older"]]
    assert not view.isVisible()
    view.start()
    _type_and_wait(qtbot, view, "ward audit")
    with qtbot.waitSignal(view.open_mentee) as opened:
        qtbot.keyClick(view.results, Qt.Key.Key_Return)
    assert opened.args == [notes["lucja"]]


def test_hostile_input_and_nothing_found(qtbot: Any, view: SearchView) -> None:
    """Query syntax typed as words never fails; nothing found is said in words."""
    for text in ('follow-up "', "NEAR(", "*"):
        _type_and_wait(qtbot, view, text)
        assert view.model.rowCount() == 0
    assert view.status.text() == "Type at least one word or number."
    _type_and_wait(qtbot, view, "zebra")
    assert view.status.text().startswith("Nothing found for “zebra”")


def test_search_result_model(qtbot: Any, qtmodeltester: Any, view: SearchView) -> None:
    """The hits model passes Qt's model tester."""
    _type_and_wait(qtbot, view, "lodz")
    qtmodeltester.check(view.model)


def test_ctrl_f_opens_search_from_anywhere(qtbot: Any, notes: dict[str, str], db: Path) -> None:
    """Ctrl+F in the main window opens the search window with the box focused."""
    window = MainWindow(db)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search_view is not None
    qtbot.waitUntil(window.search_view.isVisible)
    assert window.search_action.shortcut().toString() == "Ctrl+F"
