"""The main window: builds the areas, the menus and the navigation, and connects them.

It holds no feature logic; each area is a view that calls the services itself.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME, __version__
from mentordesk.services.mentor import get_profile
from mentordesk.ui.dialogs.profile_dialog import ProfileDialog
from mentordesk.ui.models.navigation_model import NavigationModel
from mentordesk.ui.settings import app_settings
from mentordesk.ui.style import WINDOW_STYLE
from mentordesk.ui.views.dashboard_view import DashboardView
from mentordesk.ui.views.mentees_view import MenteesView
from mentordesk.ui.views.placeholder_view import PlaceholderView
from mentordesk.ui.widgets.demo_banner import DemoBanner

DASHBOARD, MENTEES, SESSIONS, SELF_ASSESSMENT, REPORTS = range(5)
AREA_TITLES = ["Dashboard", "Mentees", "Sessions", "Self-assessment", "Reports"]

GEOMETRY_KEY = "mainWindow/geometry"
DEFAULT_SIZE = (1180, 720)


class MainWindow(QMainWindow):
    def __init__(self, data_file: Path, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self.demo = demo
        self.setWindowTitle(f"{APP_NAME} — DEMO DATA" if demo else APP_NAME)
        self.setAccessibleName(self.windowTitle())
        self.setStyleSheet(WINDOW_STYLE)

        self.dashboard = DashboardView()
        self.mentees = MenteesView()
        self.sessions = PlaceholderView(
            "Sessions", "Session notes arrive in the next release: each meeting written around "
            "listening, open questions, encouragement and challenge, with its action items.")
        self.self_assessment = PlaceholderView(
            "Self-assessment", "The competency self-assessment arrives in a later release: rate your "
            "own mentoring, see how it changes over time, and plan your development.")
        self.reports = PlaceholderView(
            "Reports", "Printable progress reports and meeting prep sheets (PDF) arrive in a later "
            "release.")
        self.stack = QStackedWidget()
        for view in (self.dashboard, self.mentees, self.sessions, self.self_assessment, self.reports):
            self.stack.addWidget(view)

        self.navigation = QListView()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Areas")
        self.navigation.setModel(NavigationModel(AREA_TITLES, self.navigation))
        self.navigation.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.navigation.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.navigation.setFixedWidth(180)
        self.navigation.selectionModel().currentRowChanged.connect(self._navigated)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.navigation)
        body.addWidget(self.stack, 1)
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.banner: DemoBanner | None = None
        if demo:
            self.banner = DemoBanner()
            outer.addWidget(self.banner)
        outer.addLayout(body, 1)
        self.setCentralWidget(central)

        self._build_menus()
        self.dashboard.open_mentees.connect(lambda: self.show_area(MENTEES))
        self.dashboard.add_mentee.connect(self._add_from_dashboard)
        self.mentees.changed.connect(self.dashboard.refresh)
        self._restore_settings()

    # --- building ------------------------------------------------------------------------
    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = bar.addMenu("&View")
        self.area_actions: list[QAction] = []
        for number, title in enumerate(AREA_TITLES):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.show_area(n))
            view_menu.addAction(action)
            self.area_actions.append(action)

        mentee_menu = bar.addMenu("&Mentees")
        mentee_menu.addAction(self.mentees.add_action)
        mentee_menu.addAction(self.mentees.edit_action)
        mentee_menu.addSeparator()
        for action in (self.mentees.activate_action, self.mentees.pause_action,
                       self.mentees.close_action, self.mentees.reopen_action):
            mentee_menu.addAction(action)
        # A mentee form opened from anywhere (Ctrl+N on the Dashboard) shows the roster behind it.
        self.mentees.about_to_act.connect(lambda: self.show_area(MENTEES))

        settings_menu = bar.addMenu("&Settings")
        self.profile_action = QAction("My &profile…", self)
        self.profile_action.triggered.connect(self.edit_profile)
        settings_menu.addAction(self.profile_action)

        help_menu = bar.addMenu("&Help")
        self.about_action = QAction("&About MentorDesk", self)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    # --- areas ---------------------------------------------------------------------------
    def show_area(self, area: int) -> None:
        area = max(0, min(area, self.stack.count() - 1))
        index = self.navigation.model().index(area, 0)
        self.navigation.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.stack.setCurrentIndex(area)

    def current_area(self) -> int:
        return self.stack.currentIndex()

    def _navigated(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.stack.setCurrentIndex(current.row())
            if current.row() == DASHBOARD:
                self.dashboard.refresh()

    def _add_from_dashboard(self) -> None:
        self.mentees.add_mentee()

    # --- dialogs -------------------------------------------------------------------------
    def edit_profile(self) -> None:
        ProfileDialog.ask(self, get_profile())

    def show_about(self) -> None:
        QMessageBox.about(
            self, "About MentorDesk",
            f"<h3>MentorDesk {__version__}</h3>"
            "<p>A private, offline notebook for mentors in medicine and the health professions. "
            "Nothing leaves this computer unless you export or print it.</p>"
            "<p>Licence: GNU General Public License, version 3 or later (GPL-3.0-or-later).</p>"
            f"<p>Data file: {self.data_file}</p>",
        )

    # --- the single-instance request -----------------------------------------------------
    def bring_to_front(self) -> None:
        """Another start on the same data file asked for this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # --- settings ------------------------------------------------------------------------
    def _restore_settings(self) -> None:
        settings = app_settings()
        geometry = settings.value(GEOMETRY_KEY)
        if not geometry or not self.restoreGeometry(geometry):
            self.resize(*DEFAULT_SIZE)
        # Always open on what needs attention today, whichever area was last shown.
        self.show_area(DASHBOARD)

    def save_settings(self) -> None:
        settings = app_settings()
        settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)
