"""Settings, the first-run welcome, the guide, the About box and quick open."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QProcess, Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMessageBox

from mentordesk.db.models import Mentee
from mentordesk.services import backups, mentees, mentor, preferences, relationships
from mentordesk.services.mentees import MenteeData
from mentordesk.ui.dialogs.about_dialog import THIRD_PARTY
from mentordesk.ui.dialogs.help_window import CHAPTER_OF_SECTION, HelpWindow, load_chapters
from mentordesk.ui.dialogs.settings_dialog import SettingsDialog
from mentordesk.ui.dialogs.welcome_dialog import WelcomeDialog
from mentordesk.ui.main_window import MainWindow
from mentordesk.ui.views.reports_view import ReportsView


def test_settings_save_and_read_back_every_value(qtbot: Any, db: Path, tmp_path: Path) -> None:
    """Each setting changed in the dialog is stored on Save and shown again when it reopens."""
    folder = tmp_path / "usb"
    folder.mkdir()
    dialog = SettingsDialog(None, db)
    qtbot.addWidget(dialog)
    assert dialog.location.text() == str(db)
    dialog.second_folder.setText(str(folder))
    dialog.reminder_days.setValue(30)
    dialog.lock_minutes.setValue(25)
    dialog.report_sections.setCurrentIndex(dialog.report_sections.findData("challenge"))
    dialog.page_size.setCurrentIndex(dialog.page_size.findText("Letter"))
    dialog.goal_review_weeks.setValue(9)
    dialog.retention_years.setValue(7)
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert backups.second_folder() == folder
    assert [preferences.get(k) for k in (backups.REMINDER_DAYS_KEY, "lock_minutes", "report_sections",
                                         "page_size", "goal_review_weeks", "retention_years")] == [
        30, 25, "challenge", "Letter", 9, 7]

    again = SettingsDialog(None, db)
    qtbot.addWidget(again)
    assert (again.second_folder.text(), again.reminder_days.value(), again.lock_minutes.value(),
            again.report_sections.currentData(), again.page_size.currentText(),
            again.goal_review_weeks.value(), again.retention_years.value()) == (
        str(folder), 30, 25, "challenge", "Letter", 9, 7)
    reports = ReportsView()
    qtbot.addWidget(reports)
    assert (reports.sections.currentData(), reports.page_size.currentText()) == ("challenge", "Letter")

    again.forget_folder_button.click()
    again.lock_minutes.setValue(0)
    again.accept()
    assert backups.second_folder() is None and preferences.get("lock_minutes") == 0


def test_a_second_folder_that_is_gone_is_refused_in_the_form(qtbot: Any, db: Path, tmp_path: Path) -> None:
    """A second backup folder that does not exist keeps the dialog open with the reason."""
    dialog = SettingsDialog(None, db)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.second_folder.setText(str(tmp_path / "unplugged"))
    dialog.accept()
    assert dialog.isVisible() and "not a folder" in dialog.error.text()
    assert backups.second_folder() is None


def test_open_folder_opens_the_data_folder(qtbot: Any, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """"Open folder" asks the desktop to show the folder that holds the data file."""
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    dialog = SettingsDialog(None, db)
    qtbot.addWidget(dialog)
    dialog.open_folder_button.click()
    assert opened == [str(db.parent)]


def test_retention_lists_old_closures_and_erases_only_after_asking(
        qtbot: Any, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Relationships closed longer ago than the period are listed; Erase asks, and Cancel keeps them."""
    old = mentees.create_mentee(MenteeData(name="Øystein Ødegård"), on=date(2015, 1, 1)).id
    relationships.close_relationship(old, reason="mutual", on=date(2016, 6, 1))
    mentees.create_mentee(MenteeData(name="Recent Person"))
    dialog = SettingsDialog(None, db)
    qtbot.addWidget(dialog)
    dialog.retention_years.setValue(5)
    assert [r.name for r in dialog.closed_model.rows()] == ["Øystein Ødegård"]
    dialog.closed_table.selectRow(0)
    answers = iter([False, True])

    def fake_exec(box: QMessageBox) -> int:
        if next(answers):
            [erase] = [b for b in box.buttons() if b.text() == "Erase permanently"]
            erase.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    dialog.erase_button.click()
    assert Mentee.get_or_none(Mentee.id == old) is not None
    dialog.erase_button.click()
    assert Mentee.get_or_none(Mentee.id == old) is None
    assert dialog.closed_model.rows() == []


def test_welcome_saves_name_and_role_and_offers_what_exists(
        qtbot: Any, db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The welcome stores the name and role; its passphrase button shows only with an action to trigger;
    the demo button starts a separate process."""
    bare = WelcomeDialog(None)
    qtbot.addWidget(bare)
    assert bare.passphrase_button.isHidden()

    action = QAction("Passphrase")
    triggered: list[bool] = []
    action.triggered.connect(lambda: triggered.append(True))
    started: list[list[str]] = []
    monkeypatch.setattr(QProcess, "startDetached", lambda program, args: started.append([program, *args])
                        or (True, 1))
    dialog = WelcomeDialog(None, passphrase_action=action)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.passphrase_button.isHidden() and not dialog.isModal()
    dialog.passphrase_button.click()
    assert triggered == [True]
    dialog.demo_button.click()
    assert started and started[0][1:] == ["-m", "mentordesk", "--demo"]
    dialog.name.setText("Dr Nguyễn Thị Hương")
    dialog.role.setText("Consultant physician")
    dialog.start_button.click()
    assert (mentor.get_profile().name, mentor.get_profile().role) == ("Dr Nguyễn Thị Hương",
                                                                       "Consultant physician")


def test_welcome_from_the_window_is_not_blocking(qtbot: Any, window: MainWindow) -> None:
    """show_welcome opens beside the window (the window stays usable) and uses its passphrase action."""
    dialog = window.show_welcome()
    assert dialog.isVisible() and not dialog.isModal()
    has_action = isinstance(getattr(window, "passphrase_action", None), QAction)
    assert dialog.passphrase_button.isHidden() != has_action
    window.show_area(2)
    assert window.current_area() == 2
    dialog.later_button.click()
    assert not dialog.isVisible()


def test_guide_has_the_chapters_and_opens_from_f1_and_the_session_hints(qtbot: Any, window: MainWindow) -> None:
    """Every chapter of the method is there, F1 opens the guide, and each section hint leads to a chapter."""
    keys = [c.key for c in load_chapters()]
    for key in ("what-mentoring-is", "four-moves", "shared-expectations", "how-matches-begin",
                "first-hundred-days", "burnout-and-referral", "how-relationships-end"):
        assert key in keys
    assert set(CHAPTER_OF_SECTION.values()) <= set(keys)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    guide = window.findChild(HelpWindow)
    assert guide is not None and guide.isVisible()
    window.show_guide("burnout-and-referral")
    assert guide.current_key() == "burnout-and-referral"
    assert "refer" in guide.text.toPlainText()
    guide.close()


def test_about_names_third_party_licences(window: MainWindow) -> None:
    """The About box names the licence of each component, icons and fonts included."""
    dialog = window.show_about()
    text = dialog.text.toPlainText()
    for name, _use, licence in THIRD_PARTY:
        assert name in text and licence in text
    for must in ("LGPL-3.0", "GPL-3.0-or-later", "Font Awesome", "OFL"):
        assert must in text
    dialog.reject()


def test_quick_open_filters_by_folded_name(qtbot: Any, window: MainWindow) -> None:
    """Typing part of a name without accents narrows the list; closed relationships are found too."""
    for name in ("Łucja Żmijewska", "陈静", "Siobhán Ní Mhurchú"):
        mentees.create_mentee(MenteeData(name=name))
    closed = mentees.create_mentee(MenteeData(name="Zoë Ölund")).id
    relationships.close_relationship(closed, reason="mutual")
    dialog = window.quick_open()
    assert dialog.proxy.rowCount() == 4
    dialog.name.setText("siob mhur")
    assert [dialog.proxy.index(r, 0).data() for r in range(dialog.proxy.rowCount())] == ["Siobhán Ní Mhurchú"]
    dialog.name.setText("陈")
    assert dialog.proxy.rowCount() == 1
    dialog.name.setText("olund")
    assert "closed" in dialog.proxy.index(0, 0).data()
    dialog.name.setText("nobody")
    assert dialog.proxy.rowCount() == 0 and "nobody" in dialog.empty.text()
    dialog.name.setText("zoe")
    dialog.open_current()
    assert window.mentees.showing_page() and window.mentees.page.mentee_id == closed


def test_quick_open_model(qtmodeltester: Any, qtbot: Any, window: MainWindow) -> None:
    """The quick-open list model and its filter obey Qt's model rules."""
    mentees.create_mentee(MenteeData(name="Ana"))
    dialog = window.quick_open()
    qtmodeltester.check(dialog.model)
    qtmodeltester.check(dialog.proxy)
    dialog.close()
