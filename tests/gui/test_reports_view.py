"""The Reports area: pick a mentee and a period, build the preview on a worker, save the PDF."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QFileDialog

from mentordesk.reports.document import PRIVATE_MARKING
from mentordesk.services import sessions
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.sessions import SessionData
from mentordesk.ui.main_window import REPORTS, MainWindow
from mentordesk.ui.views.reports_view import ReportsView


@pytest.fixture
def mentees(db: Path) -> dict[str, str]:
    """Two mentees; 王秀英 has meetings in 2025 and 2026, with private remarks."""
    ids = {}
    for name in ("Łucja Żmijewska", "王秀英"):
        ids[name] = create_mentee(MenteeData(name=name), on=date(2025, 1, 1)).id
    for when, marker in ((datetime(2025, 5, 2, 9), "MAY2025"), (datetime(2026, 2, 3, 9), "FEB2026")):
        sessions.save_session(SessionData(mentee_id=ids["王秀英"], held_on=when,
                                          encouragement=f"encouragement {marker}",
                                          private_remarks=f"SECRET {marker}"))
    return ids


def build(qtbot: Any, view: ReportsView) -> None:
    qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    assert view.is_building() or view.page_count() > 0
    qtbot.waitUntil(lambda: not view.is_building() and view.page_count() > 0, timeout=20_000)


def test_build_preview_and_save(qtbot: Any, qtmodeltester: Any, window: MainWindow,
                                mentees: dict[str, str], tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The mentor picks a mentee and period, previews the pages, and saves what was previewed."""
    window.show_area(REPORTS)
    view = window.reports
    assert window.stack.currentWidget() is window.reports_area and view.isVisible()
    view.refresh()
    view.select_mentee(mentees["王秀英"])
    assert view.mentee.currentText() == "王秀英"
    qtmodeltester.check(view.names)
    # The default period begins with the first meeting.
    assert view.date_from.date() == QDate(2025, 5, 2)
    view.date_from.setDate(QDate(2026, 1, 1))
    view.date_to.setDate(QDate(2026, 12, 31))
    assert not view.save_button.isEnabled()
    build(qtbot, view)
    assert view.save_button.isEnabled()
    assert "1 meeting" in view.status.text() and "page" in view.status.text()
    view.grab().save(str(tmp_path / "reports.png"))

    target = tmp_path / "saved.pdf"
    asked: list[str] = []

    def fake_dialog(_parent: Any, _title: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(target), "PDF documents (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake_dialog)
    with qtbot.waitSignal(view.saved, timeout=5000):
        qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert Path(asked[0]).name.startswith("Progress report — 王秀英 — ")
    assert target.read_bytes() == view.pdf_bytes()
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "王秀英" in text and "encouragement FEB2026" in text
    assert "MAY2025" not in text and "SECRET" not in text and PRIVATE_MARKING not in text
    assert len(PdfReader(target).pages) == view.page_count()


def test_private_remarks_only_when_ticked(qtbot: Any, db: Path, mentees: dict[str, str]) -> None:
    """Ticking "Private remarks" puts them in the preview, with the marking on every page."""
    view = ReportsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.select_mentee(mentees["王秀英"])
    box = view.include_private
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert view.include_private.isChecked()
    build(qtbot, view)
    target = db.parent.parent / "private.pdf"
    target.write_bytes(view.pdf_bytes())
    pages = [page.extract_text() for page in PdfReader(target).pages]
    assert "SECRET FEB2026" in "\n".join(pages)
    assert all(PRIVATE_MARKING in page for page in pages)


def test_a_period_ending_before_it_starts_is_explained(qtbot: Any, db: Path,
                                                       mentees: dict[str, str]) -> None:
    """From after To builds nothing and says why, in words."""
    view = ReportsView()
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    view.select_mentee(mentees["Łucja Żmijewska"])
    view.date_from.setDate(QDate(2026, 3, 1))
    view.date_to.setDate(QDate(2026, 1, 1))
    qtbot.mouseClick(view.build_button, Qt.MouseButton.LeftButton)
    assert not view.is_building()
    assert "after it ends" in view.status.text()
    assert not view.save_button.isEnabled()
