"""The main window: areas, shortcuts, menus, the demo label and remembered settings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gui_helpers import on_dialog, type_text
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from mentordesk import __version__
from mentordesk.services import mentees, mentor
from mentordesk.services.mentees import MenteeData
from mentordesk.ui.dialogs.about_dialog import AboutDialog
from mentordesk.ui.dialogs.mentee_dialog import MenteeDialog
from mentordesk.ui.dialogs.profile_dialog import ProfileDialog
from mentordesk.ui.main_window import (
    AREA_TITLES,
    DASHBOARD,
    MENTEES,
    REPORTS,
    SESSIONS,
    MainWindow,
)
from mentordesk.ui.views.placeholder_view import PlaceholderView


def test_opens_on_the_dashboard_with_honest_counts(qtbot: Any, db: Path) -> None:
    """A first start shows the Dashboard, with counts per status from the data file."""
    mentees.create_mentee(MenteeData(name="Jonas Müller"))
    mentees.create_mentee(MenteeData(name="Aisha Rahman"), status="paused")
    mentees.create_mentee(MenteeData(name="Dimitrios Papadopoulos"), status="prospective")
    win = MainWindow(db)
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle() == "MentorDesk"
    assert win.banner is None
    assert win.current_area() == DASHBOARD
    assert win.stack.currentWidget() is win.dashboard
    figures = win.dashboard
    assert (figures.active.number.text(), figures.paused.number.text(),
            figures.prospective.number.text(), figures.overdue.number.text()) == ("1", "1", "1", "0")
    qtbot.mouseClick(win.dashboard.mentees_button, Qt.MouseButton.LeftButton)
    assert win.current_area() == MENTEES


def test_ctrl_number_switches_areas_and_unbuilt_areas_say_so(qtbot: Any, window: MainWindow) -> None:
    """Ctrl+1…5 reach the five areas; areas not built yet show one honest sentence."""
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    for number in (2, 3, 4, 5, 1):
        qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)
        assert window.current_area() == number - 1
        assert window.navigation.currentIndex().data() == AREA_TITLES[number - 1]
    # Every area is built now (Reports was the last placeholder).
    window.show_area(REPORTS)
    assert window.reports_area.built and window.reports.isVisible()
    assert window.stack.currentWidget() is window.reports_area
    assert not any(isinstance(window.stack.widget(i), PlaceholderView)
                   for i in range(window.stack.count()))


def test_clicking_the_navigation_changes_area(qtbot: Any, window: MainWindow) -> None:
    """Clicking an area's name in the left column shows that area."""
    nav = window.navigation
    rect = nav.visualRect(nav.model().index(SESSIONS, 0))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.stack.currentWidget() is window.sessions_area
    assert window.sessions_area.built and window.sessions.isVisible()


def test_demo_window_is_clearly_labelled(qtbot: Any, db: Path) -> None:
    """On demo data the title says DEMO DATA and a banner says the mentees are invented."""
    win = MainWindow(db, demo=True)
    qtbot.addWidget(win)
    win.show()
    assert win.windowTitle() == "MentorDesk — DEMO DATA"
    assert win.banner is not None and win.banner.isVisible()
    assert "invented" in win.banner.text()


def test_geometry_is_remembered_and_window_opens_on_dashboard(qtbot: Any, db: Path) -> None:
    """Size comes back in the next window, which opens on the Dashboard whatever was shown last."""
    first = MainWindow(db)
    qtbot.addWidget(first)
    first.show()
    # A height of the mentor's choosing. (Restoring fits the width to the 800x600 offscreen
    # screen, and the window's minimum width depends on the fonts installed, so the
    # height carries the check.)
    first.resize(QSize(first.width(), 530))
    first.move(QPoint(40, 30))
    first.show_area(REPORTS)
    first.close()
    second = MainWindow(db)
    qtbot.addWidget(second)
    second.show()
    assert second.height() == 530
    assert second.current_area() == DASHBOARD


def test_profile_is_edited_from_the_settings_menu(qtbot: Any, window: MainWindow) -> None:
    """My profile saves name, role, organisation and e-mail; a bad e-mail is shown in the form."""
    def fill(dialog: ProfileDialog) -> None:
        type_text(qtbot, dialog.name, "Dr Zofia Łukasik")
        type_text(qtbot, dialog.role, "Consultant anaesthetist")
        type_text(qtbot, dialog.organisation, "Szpital Miejski")
        type_text(qtbot, dialog.email, "zofia@")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and "e-mail" in dialog.error.message()
        type_text(qtbot, dialog.email, "example.org")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    with on_dialog(ProfileDialog, fill):
        window.profile_action.trigger()
    assert mentor.get_profile() == mentor.MentorProfile(
        "Dr Zofia Łukasik", "Consultant anaesthetist", "Szpital Miejski", "zofia@example.org")


def test_about_names_version_and_licence(window: MainWindow) -> None:
    """Help › About shows the version and the GPL-3.0-or-later licence."""
    window.about_action.trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    shown = dialog.text.toPlainText()
    assert __version__ in shown and "GPL-3.0-or-later" in shown
    dialog.reject()


def unnamed_controls(root: QWidget) -> tuple[int, list[QWidget]]:
    controls = [
        w for kind in (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QPlainTextEdit, QDateEdit)
        for w in root.findChildren(kind)
        if w.isVisibleTo(root) and not w.objectName().startswith("qt_")  # Qt's own inner parts
    ]
    return len(controls), [w for w in controls if not w.accessibleName()]


def test_every_control_has_an_accessible_name(qtbot: Any, window: MainWindow) -> None:
    """Screen readers can name every button, field and list, in every area and in the forms."""
    mentees.create_mentee(MenteeData(name="Jonas Müller"))
    window.mentees.refresh()
    checked = 0
    for area in range(len(AREA_TITLES)):
        window.show_area(area)
        count, unnamed = unnamed_controls(window)
        assert unnamed == [], AREA_TITLES[area]
        checked += count
    for dialog in (MenteeDialog(window), ProfileDialog(window)):
        count, unnamed = unnamed_controls(dialog)
        assert unnamed == [], dialog.windowTitle()
        checked += count
        dialog.deleteLater()
    assert checked > 30


def test_new_mentee_from_the_dashboard_shows_the_roster_behind_the_form(qtbot: Any,
                                                                         window: MainWindow) -> None:
    """Ctrl+N on the Dashboard opens the form over the Mentees area, and the new mentee is listed."""
    areas: list[int] = []

    def fill(dialog: MenteeDialog) -> None:
        areas.append(window.current_area())
        type_text(qtbot, dialog.name, "Ελένη Παπαδοπούλου")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert window.current_area() == DASHBOARD
    with on_dialog(MenteeDialog, fill):
        window.mentees.add_action.trigger()
    assert areas == [MENTEES]
    assert window.mentees.model.mentee_at(0).name == "Ελένη Παπαδοπούλου"
    window.show_area(DASHBOARD)
    assert window.dashboard.active.number.text() == "1"
