"""A mentee's timeline: meetings newest first, open actions with overdue said in words, the balance of the moves."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from mentordesk.services import mentees, sessions
from mentordesk.ui.models.open_action_model import OpenActionModel
from mentordesk.ui.models.session_list_model import SessionListModel
from mentordesk.ui.widgets.timeline_widget import TimelineWidget


@pytest.fixture
def mentee(db: Path, fixed_clock: datetime) -> tuple[str, list[str]]:
    """A mentee with eight meetings (oldest first in the list returned) that never challenge."""
    mentee_id = mentees.create_mentee(mentees.MenteeData(name="Nguyễn Thị Phương")).id
    ids = []
    for n in range(8):
        ids.append(sessions.save_session(sessions.SessionData(
            mentee_id=mentee_id, held_on=datetime(2026, 1, 5, 17, 0) + timedelta(days=7 * n), format="video",
            agenda=f"Meeting {n + 1}: rota and exams", listening="l" * 50, questions="q" * 30,
            encouragement="e" * 20,
            actions=(sessions.ActionData("Book the teaching slot", "mentee", date(2026, 3, 1)),
                     sessions.ActionData("Send the 医生 rota", "mentor", date(2026, 4, 1)))
            if n == 7 else ())))
    return mentee_id, [i for i in ids if i]


@pytest.fixture
def timeline(qtbot: Any, mentee: tuple[str, list[str]]) -> TimelineWidget:
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(640, 600)
    widget.set_mentee(mentee[0])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _rows(view: Any) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_meetings_newest_first_with_summary(timeline: TimelineWidget) -> None:
    """Each meeting shows its day, time and format, then its one-line summary; newest on top."""
    rows = _rows(timeline.session_list)
    assert len(rows) == 8
    assert rows[0] == "Mon 23 Feb 2026, 17:00 · Video · 2 open actions\nMeeting 8: rota and exams"
    assert rows[-1].startswith("Mon 5 Jan 2026, 17:00 · Video\nMeeting 1")
    assert "8 meetings, newest first" in timeline.sessions_heading.text()


def test_balance_is_written_out(timeline: TimelineWidget) -> None:
    """The balance over the last six sessions is given in numbers and in a sentence, not only drawn."""
    assert timeline.balance.numbers.text() == (
        "Listening 50 % · Questions 30 % · Encouragement 20 % · Challenge 0 %")
    assert timeline.balance.reading.text() == "Mostly listening, no challenge in the last 6 sessions."
    assert "last 6 sessions" in timeline.balance.heading.text()
    assert "no challenge" in timeline.balance.accessibleDescription()


def test_open_actions_say_overdue_in_words(timeline: TimelineWidget) -> None:
    """Open actions show text, owner and due date; the overdue one says OVERDUE, not only in red."""
    assert _rows(timeline.action_list) == [
        "Book the teaching slot — mentee — due 1 Mar 2026, OVERDUE",
        "Send the 医生 rota — me (mentor) — due 1 Apr 2026",
    ]
    assert timeline.actions_heading.text() == "Open &actions — 2, 1 overdue"


def test_enter_opens_the_meeting(qtbot: Any, timeline: TimelineWidget, mentee: tuple[str, list[str]]) -> None:
    """Enter on a meeting, or on an action, emits open_session with the meeting's id."""
    timeline.session_list.setCurrentIndex(timeline.session_model.index(2))
    with qtbot.waitSignal(timeline.open_session) as opened:
        qtbot.keyClick(timeline.session_list, Qt.Key.Key_Return)
    assert opened.args == [mentee[1][5]]
    timeline.action_list.setCurrentIndex(timeline.action_model.index(1))
    with qtbot.waitSignal(timeline.open_session) as opened:
        qtbot.keyClick(timeline.action_list, Qt.Key.Key_Return)
    assert opened.args == [mentee[1][7]]


def test_empty_and_refreshed(qtbot: Any, timeline: TimelineWidget, mentee: tuple[str, list[str]]) -> None:
    """No mentee shows an empty timeline; a newly written meeting appears after refresh."""
    timeline.set_mentee(None)
    assert _rows(timeline.session_list) == [] and timeline.balance.reading.text() == "No sessions to look at yet."
    timeline.set_mentee(mentee[0])
    sessions.save_session(sessions.SessionData(
        mentee_id=mentee[0], held_on=datetime(2026, 3, 10, 8, 0), challenge="c" * 500))
    timeline.refresh()
    assert _rows(timeline.session_list)[0].startswith("Tue 10 Mar 2026, 08:00 · In person\n")
    assert "Challenge" in timeline.balance.numbers.text() and "little" not in timeline.balance.reading.text()


def test_timeline_models(qtmodeltester: Any, timeline: TimelineWidget) -> None:
    """Both list models of the timeline pass Qt's model tester."""
    qtmodeltester.check(timeline.session_model)
    qtmodeltester.check(timeline.action_model)
    assert isinstance(timeline.session_model, SessionListModel)
    assert isinstance(timeline.action_model, OpenActionModel)
