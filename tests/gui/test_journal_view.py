"""The reflection journal, its entries on the History tab, and the mentoring portfolio dialog."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentordesk.services import journal, sessions
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, get_framework
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.ui.dialogs.portfolio_dialog import PortfolioDialog
from mentordesk.ui.models.check_list_model import CheckListModel
from mentordesk.ui.models.journal_model import JournalTableModel
from mentordesk.ui.views.self_assessment_view import HISTORY_TAB, JOURNAL_TAB, SelfAssessmentView
from tests.gui.gui_helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier
MENTEE = "Zofia Łukasiewicz"


def _view(qtbot: Any, db: Path) -> SelfAssessmentView:
    view = SelfAssessmentView(db.parent)
    qtbot.addWidget(view)
    view.resize(1100, 760)
    view.show()
    qtbot.waitExposed(view)
    return view


def _write_entry(qtbot: Any, view: SelfAssessmentView, title: str, parts: tuple[str, str, str]) -> None:
    journal_view = view.journal
    qtbot.mouseClick(journal_view.new_button, Qt.MouseButton.LeftButton)
    editor = journal_view.editor
    type_text(qtbot, editor.title, title)
    for edit, text in zip(editor.parts.values(), parts, strict=True):
        type_text(qtbot, edit, text)


@pytest.fixture
def mentee_id(db: Path) -> str:
    """One mentee with a confidential meeting note in the period."""
    mentee = create_mentee(MenteeData(name=MENTEE), on=date(2026, 1, 5))
    sessions.save_session(sessions.SessionData(mentee_id=mentee.id, held_on=datetime(2026, 2, 1, 9),
                                               duration_min=45, listening="confidential-otter",
                                               private_remarks="secret-otter"))
    return str(mentee.id)


def test_reflection_on_a_domain_shows_in_history_and_goes_into_the_portfolio(
        qtbot: Any, db: Path, mentee_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        fixed_clock: object) -> None:
    """Write an entry linked to a domain and a mentee, see it on that domain, print it without the mentee."""
    view = _view(qtbot, db)
    view.tabs.setCurrentIndex(JOURNAL_TAB)
    _write_entry(qtbot, view, "Zu früh geraten",
                 ("I gave advice too fast — 太快了.", "Solving is not mentoring.", "Wait ten seconds."))
    editor = view.journal.editor
    domain = get_framework(DEFAULT_FRAMEWORK).domains[1]
    editor.domain.setCurrentIndex(editor.domain.findText(domain.title))
    editor.mentee.setCurrentIndex(editor.mentee.findText(MENTEE))
    assert editor.is_dirty()
    editor.parts["now_what"].setFocus()
    qtbot.waitUntil(editor.parts["now_what"].hasFocus)
    qtbot.keyClick(editor.parts["now_what"], Qt.Key.Key_S, CTRL)

    [entry] = journal.list_entries()
    assert (entry.title, entry.domain_key, entry.mentee_id) == ("Zu früh geraten", domain.key, mentee_id)
    assert entry.what_happened == "I gave advice too fast — 太快了."
    assert not editor.is_dirty()
    assert view.journal.model.rowCount() == 1
    assert view.journal.model.index(0, 2).data() == domain.title

    view.tabs.setCurrentIndex(HISTORY_TAB)
    panel = view.domain_reflections
    tabs = view.history.changes.tabBar()
    qtbot.mouseClick(tabs, Qt.MouseButton.LeftButton,
                     pos=tabs.tabRect(view.history.changes.indexOf(panel)).center())
    assert panel.isVisible()
    panel.domain.setCurrentIndex(panel.domain.findText(domain.title))
    assert panel.model.rowCount() == 1 and panel.model.index(0, 1).data() == "Zu früh geraten"
    panel.set_domain(get_framework(DEFAULT_FRAMEWORK).domains[0].key)
    assert panel.model.rowCount() == 0 and "None yet" in panel.summary.text()
    panel.set_domain(domain.key)
    panel.table.activated.emit(panel.proxy.index(0, 0))
    assert view.tabs.currentIndex() == JOURNAL_TAB and view.journal.editor.entry_id == entry.id

    dialog = PortfolioDialog(view)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.set_period(date(2026, 1, 1), date(2026, 3, 16))
    dialog.check()
    assert dialog.reflections.rowCount() == 1
    dialog.reflections.set_checked(entry.id)
    dialog.csv.setChecked(True)
    dialog.check()
    # One mentee is a count that could identify her: saving waits for the mentor's confirmation.
    assert "small count" in dialog.warnings.text() and not dialog.save_button.isEnabled()
    out = tmp_path / "portfolio"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "PDF documents (*.pdf)"))
    assert dialog.save() is None and not out.with_suffix(".pdf").exists()
    dialog.confirm.setChecked(True)
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    pdf = out.with_suffix(".pdf")
    assert dialog.saved_path == pdf and out.with_suffix(".csv").exists()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Zu früh geraten" in text and "I gave advice too fast — 太快了." in text and domain.title in text
    for secret in (MENTEE, "Łukasiewicz", "confidential-otter", "secret-otter"):
        assert secret not in text


def test_changes_are_kept_when_leaving_and_delete_asks_first(
        qtbot: Any, db: Path, monkeypatch: pytest.MonkeyPatch, fixed_clock: object) -> None:
    """Moving to a new entry or another tab saves the edited one; Delete asks, and Cancel keeps it."""
    view = _view(qtbot, db)
    view.tabs.setCurrentIndex(JOURNAL_TAB)
    _write_entry(qtbot, view, "First", ("Part one", "", ""))
    _write_entry(qtbot, view, "Second", ("", "Part two", ""))  # New entry saved "First"
    view.tabs.setCurrentIndex(HISTORY_TAB)  # leaving the tab saves "Second"
    assert [e.title for e in journal.list_entries()] == ["Second", "First"]
    view.tabs.setCurrentIndex(JOURNAL_TAB)
    assert view.journal.count.text() == "2 entries"

    type_text(qtbot, view.journal.search, "part one")
    assert view.journal.proxy.rowCount() == 1
    view.journal.search.clear()

    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Yes])
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return next(answers)

    monkeypatch.setattr(QMessageBox, "question", question)
    view.journal.select(journal.list_entries()[1].id)
    assert view.journal.editor.title.text() == "First"
    qtbot.mouseClick(view.journal.editor.delete_button, Qt.MouseButton.LeftButton)
    assert len(journal.list_entries()) == 2 and "“First”" in asked[0]
    qtbot.mouseClick(view.journal.editor.delete_button, Qt.MouseButton.LeftButton)
    assert [e.title for e in journal.list_entries()] == ["Second"]
    assert view.journal.model.rowCount() == 1


def test_an_empty_entry_is_refused_with_a_reason(qtbot: Any, db: Path, fixed_clock: object) -> None:
    """Saving an entry with nothing written shows why, and stores nothing."""
    view = _view(qtbot, db)
    view.tabs.setCurrentIndex(JOURNAL_TAB)
    view.journal.new_entry()
    view.journal.editor.save_button.click()
    assert "Write something" in view.journal.editor.error.message()
    assert journal.list_entries() == []


def test_models(qtmodeltester: Any, db: Path) -> None:
    """The journal table and the tick list pass Qt's model checks."""
    journal.save_entry(journal.EntryData(written_on=date(2026, 1, 2), title="One", so_what="x"))
    model = JournalTableModel(lambda _f, _d: "")
    model.set_rows(journal.list_entries())
    qtmodeltester.check(model)
    ticks = CheckListModel()
    ticks.set_items([("a", "Alpha"), ("b", "Beta")])
    ticks.set_checked("b")
    assert ticks.checked_ids() == ("b",)
    qtmodeltester.check(ticks)
