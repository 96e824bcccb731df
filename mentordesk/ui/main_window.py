"""The main window: builds the areas, the menus and the navigation, and connects them.

It holds no feature logic; each area is a view that calls the services itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk import APP_NAME
from mentordesk.services.dashboard import reminder_text
from mentordesk.ui import looks
from mentordesk.ui.data_safety import DataSafetyActions
from mentordesk.ui.lock import IdleLock
from mentordesk.ui.mentee_actions import MenteeActions
from mentordesk.ui.models.navigation_model import NavigationModel
from mentordesk.ui.settings import app_settings
from mentordesk.ui.views.dashboard_view import DashboardView
from mentordesk.ui.widgets.demo_banner import DemoBanner
from mentordesk.ui.widgets.lazy_area import LazyArea

if TYPE_CHECKING:
    from mentordesk.services.mentees import MenteeRow
    from mentordesk.ui.dialogs.about_dialog import AboutDialog
    from mentordesk.ui.dialogs.help_window import HelpWindow
    from mentordesk.ui.dialogs.quick_open import QuickOpen
    from mentordesk.ui.dialogs.session_window import SessionWindow
    from mentordesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog
    from mentordesk.ui.dialogs.welcome_dialog import WelcomeDialog
    from mentordesk.ui.views.mentees_view import MenteesView
    from mentordesk.ui.views.prep_view import PrepView
    from mentordesk.ui.views.reports_view import ReportsView
    from mentordesk.ui.views.search_view import SearchView
    from mentordesk.ui.views.self_assessment_view import SelfAssessmentView
    from mentordesk.ui.views.sessions_view import SessionsView

DASHBOARD, MENTEES, SESSIONS, SELF_ASSESSMENT, REPORTS = range(5)
AREA_TITLES = ["Dashboard", "Mentees", "Sessions", "Self-assessment", "Reports"]

GEOMETRY_KEY = "mainWindow/geometry"
ICONS_DELAY_MS = 150  # after showing: the window is painted and usable at once, icons follow
DEFAULT_SIZE = (1180, 720)


def _self_assessment_view(data_dir: Path) -> QWidget:
    from mentordesk.ui.views.self_assessment_view import SelfAssessmentView

    return SelfAssessmentView(data_dir)


def _reports_view() -> QWidget:
    from mentordesk.ui.views.reports_view import ReportsView

    return ReportsView()


class MainWindow(QMainWindow):
    def __init__(self, data_file: Path, *, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self.demo = demo
        self.setWindowTitle(f"{APP_NAME} — DEMO DATA" if demo else APP_NAME)
        self.setAccessibleName(self.windowTitle())
        # Undo/redo of list edits: changes of status and closures (issue 11).
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(50)

        self.dashboard = DashboardView()
        self.search_view: SearchView | None = None
        # Only the Dashboard is built now. The other areas are built when first shown (or
        # used): their modules, widgets and queries stay off the start path.
        self.mentee_actions = MenteeActions(self, lambda: self.mentees)
        self.mentees_area = LazyArea(self._build_mentees)
        self.sessions_area = LazyArea(self._build_sessions)
        self.self_assessment_area = LazyArea(lambda: _self_assessment_view(data_file.parent))
        self.reports_area = LazyArea(_reports_view)
        self.stack = QStackedWidget()
        areas = (self.dashboard, self.mentees_area, self.sessions_area, self.self_assessment_area,
                 self.reports_area)
        for view in areas:
            self.stack.addWidget(view)

        self.navigation = QListView()
        self.navigation.setStyleSheet(looks.NAVIGATION)
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
        # Dashboard and meeting preparation (issue 6).
        self.prep_view: PrepView | None = None
        self._session_drafts: dict[str, SessionWindow] = {}
        self.dashboard.open_mentee.connect(self.open_mentee)
        self.dashboard.open_prep.connect(self.prepare_meeting)
        self.dashboard.open_self_assessment.connect(lambda: self.show_area(SELF_ASSESSMENT))
        self.reminder = QLabel()
        self.reminder.setAccessibleName("Reminder")
        self.statusBar().addWidget(self.reminder)
        self.dashboard.reminder_changed.connect(self.reminder.setText)
        self.reminder.setText(reminder_text(self.dashboard.data))
        self._icons_scheduled = False
        self._restore_settings()
        self.idle_lock = IdleLock(self)

    @property
    def mentees(self) -> MenteesView:
        return cast("MenteesView", self.mentees_area.view())

    @property
    def sessions(self) -> SessionsView:
        return cast("SessionsView", self.sessions_area.view())

    @property
    def self_assessment(self) -> SelfAssessmentView:
        return cast("SelfAssessmentView", self.self_assessment_area.view())

    @property
    def reports(self) -> ReportsView:
        return cast("ReportsView", self.reports_area.view())

    # --- building ------------------------------------------------------------------------
    def _build_mentees(self) -> QWidget:
        from mentordesk.ui.views.mentees_view import MenteesView

        view = MenteesView(undo_stack=self.undo_stack, actions=self.mentee_actions)
        view.changed.connect(self._mentees_changed)
        view.open_session.connect(self.open_session)
        view.new_session_for.connect(self._new_session_for)
        # A mentee form opened from anywhere (Ctrl+N on the Dashboard) shows the roster behind it.
        view.about_to_act.connect(lambda: self.show_area(MENTEES))
        return view

    def _build_sessions(self) -> QWidget:
        from mentordesk.ui.views.sessions_view import SessionsView

        view = SessionsView()
        view.open_session.connect(self.open_session)
        view.write_first_session.connect(self.new_session)
        return view

    def _selected_mentee(self) -> MenteeRow | None:
        """The mentee selected in the roster (none before the roster was first shown)."""
        return self.mentees.selected() if self.mentees_area.built else None

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        # Export, import, backup, restore and erasure (issue 9).
        self.data_safety = DataSafetyActions(self, self.data_file, selected=self._selected_mentee,
                                             changed=self._data_replaced)
        file_menu.addActions(self.data_safety.file_actions())
        # Encryption with a passphrase, and the idle lock that goes with it (issue 9).
        self.passphrase_action = QAction("Passphrase &protection…", self)
        self.passphrase_action.setToolTip("Encrypt the data file with a passphrase, change it or turn it off")
        self.passphrase_action.triggered.connect(self.edit_passphrase_protection)
        file_menu.addAction(self.passphrase_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        # Undo and redo of list edits; text fields keep their own Ctrl+Z while they have the focus.
        edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        self.undo_stack.indexChanged.connect(lambda _index: self._undone_or_redone())

        view_menu = bar.addMenu("&View")
        self.area_actions: list[QAction] = []
        for number, title in enumerate(AREA_TITLES):
            action = QAction(title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{number + 1}"))
            action.triggered.connect(lambda _checked=False, n=number: self.show_area(n))
            view_menu.addAction(action)
            self.area_actions.append(action)
        view_menu.addSeparator()
        self.search_action = QAction("&Search…", self)
        self.search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.search_action.setToolTip("Search every note, agenda, action and goal (Ctrl+F)")
        self.search_action.triggered.connect(self.show_search)
        view_menu.addAction(self.search_action)

        mentee_menu = bar.addMenu("&Mentees")
        mentee_menu.addAction(self.mentee_actions.add)
        mentee_menu.addAction(self.mentee_actions.edit)
        self.quick_open_action = QAction("&Find and open a mentee…", self)
        self.quick_open_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.quick_open_action.setToolTip("Type part of a name, Enter opens the mentee's page (Ctrl+Shift+O)")
        self.quick_open_action.triggered.connect(self.quick_open)
        mentee_menu.addAction(self.quick_open_action)
        self.new_session_action = QAction("New &session…", self)
        self.new_session_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        self.new_session_action.setToolTip("Write a new session with the selected mentee (Ctrl+Shift+N)")
        self.new_session_action.triggered.connect(self.new_session)
        mentee_menu.addAction(self.new_session_action)
        self.prepare_action = QAction("P&repare meeting…", self)
        self.prepare_action.setShortcut(QKeySequence("Ctrl+P"))
        self.prepare_action.setToolTip("Prepare the next meeting with the selected mentee (Ctrl+P)")
        self.prepare_action.triggered.connect(lambda: self.prepare_meeting())
        mentee_menu.addAction(self.prepare_action)
        mentee_menu.addSeparator()
        actions = self.mentee_actions
        for action in (actions.activate, actions.pause, actions.close, actions.reopen):
            mentee_menu.addAction(action)
        mentee_menu.addSeparator()
        mentee_menu.addAction(self.data_safety.erase_action)

        settings_menu = bar.addMenu("&Settings")
        self.settings_action = QAction("&Settings…", self)
        self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.edit_settings)
        settings_menu.addAction(self.settings_action)
        self.profile_action = QAction("My &profile…", self)
        self.profile_action.triggered.connect(self.edit_profile)
        settings_menu.addAction(self.profile_action)
        self.support_contacts_action = QAction("&Support contacts…", self)
        self.support_contacts_action.triggered.connect(self.edit_support_contacts)
        settings_menu.addAction(self.support_contacts_action)

        help_menu = bar.addMenu("&Help")
        self.guide_action = QAction("MentorDesk &guide", self)
        self.guide_action.setShortcut(QKeySequence("F1"))
        self.guide_action.setToolTip("Mentoring and MentorDesk, in short chapters (F1)")
        self.guide_action.triggered.connect(lambda: self.show_guide())
        help_menu.addAction(self.guide_action)
        self.shortcuts_action = QAction("&Keyboard shortcuts", self)
        self.shortcuts_action.setShortcut(QKeySequence("Ctrl+/"))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        help_menu.addSeparator()
        self.about_action = QAction("&About MentorDesk", self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    def _set_icons(self) -> None:
        """One icon set on the main actions and the areas (drawn again when light/dark changes)."""
        from mentordesk.ui import icons  # after the first paint (ICONS_DELAY_MS)

        safety, mentee = self.data_safety, self.mentee_actions
        for action, key in ((self.quit_action, "quit"), (self.undo_action, "undo"),
                            (self.redo_action, "redo"),
                            (self.search_action, "search"), (mentee.add, "new-mentee"),
                            (mentee.edit, "edit"), (self.quick_open_action, "quick-open"),
                            (self.new_session_action, "new-session"), (self.prepare_action, "prepare"),
                            (mentee.activate, "activate"), (mentee.pause, "pause"),
                            (mentee.close, "close"), (mentee.reopen, "reopen"),
                            (safety.export_action, "export"), (safety.import_action, "import"),
                            (safety.backup_action, "backup"), (safety.restore_action, "restore"),
                            (safety.erase_action, "erase"), (self.settings_action, "settings"),
                            (self.profile_action, "profile"), (self.support_contacts_action, "contacts"),
                            (self.guide_action, "guide"), (self.shortcuts_action, "keyboard"),
                            (self.about_action, "about")):
            icons.set_icon(action, key)
        if isinstance(getattr(self, "passphrase_action", None), QAction):
            icons.set_icon(self.passphrase_action, "lock")
        for action, key in zip(self.area_actions, ("dashboard", "mentees", "sessions", "self-assessment",
                                                   "reports"), strict=True):
            icons.set_icon(action, key)
        model = self.navigation.model()
        if isinstance(model, NavigationModel):
            model.set_icons([action.icon() for action in self.area_actions])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._icons_scheduled:
            # The icon font costs a fifth of a second to load: icons are drawn once the window is up.
            self._icons_scheduled = True
            QTimer.singleShot(ICONS_DELAY_MS, self._set_icons)

    def changeEvent(self, event: QEvent) -> None:
        # The system switched between light and dark: redraw what MentorDesk colours itself.
        if event.type() == QEvent.Type.PaletteChange and self._icons_scheduled:
            self._set_icons()
        super().changeEvent(event)

    def _undone_or_redone(self) -> None:
        if self.mentees_area.built:
            self.mentees.refresh()
        self.dashboard.refresh()

    def _mentees_changed(self) -> None:
        """A mentee was added, changed or closed: the other areas read again."""
        self.dashboard.refresh()
        if self.reports_area.built:
            self.reports.refresh()

    def _data_replaced(self) -> None:
        """After an import, a restore or an erasure: read every list again."""
        self.undo_stack.clear()  # what the stack would undo may no longer exist
        if self.mentees_area.built:
            self.mentees.refresh()
        self._mentees_changed()

    # --- areas ---------------------------------------------------------------------------
    def show_area(self, area: int) -> None:
        area = max(0, min(area, self.stack.count() - 1))
        from PySide6.QtCore import QItemSelectionModel

        index = self.navigation.model().index(area, 0)
        self.navigation.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.stack.setCurrentIndex(area)

    def current_area(self) -> int:
        return self.stack.currentIndex()

    def _navigated(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            sessions_were_built = self.sessions_area.built  # built on being shown, it is fresh
            self.stack.setCurrentIndex(current.row())
            if current.row() == DASHBOARD and _previous.isValid():  # it is fresh when first shown
                self.dashboard.refresh()
            elif current.row() == SESSIONS and sessions_were_built:
                self.sessions.refresh()

    def _add_from_dashboard(self) -> None:
        self.mentees.add_mentee()

    def show_search(self) -> SearchView:
        """The search window (Ctrl+F from anywhere), kept with its last results."""
        if self.search_view is None:
            from mentordesk.ui.views.search_view import SearchView  # on first use: off the start path
            self.search_view = SearchView(self)
            self.search_view.open_session.connect(self.open_session)
            self.search_view.open_mentee.connect(self.open_mentee)
        self.search_view.start()
        return self.search_view

    # --- dialogs -------------------------------------------------------------------------
    def edit_support_contacts(self) -> None:
        from mentordesk.ui.dialogs.support_contacts_dialog import (
            SupportContactsDialog,  # on first use: off the start path
        )
        SupportContactsDialog.ask(self)

    # --- sessions ------------------------------------------------------------------------
    def new_session(self) -> SessionWindow | None:
        """A new session with the mentee selected in the Mentees area, in its own window."""
        row = self._selected_mentee()
        if row is None:
            from PySide6.QtWidgets import QMessageBox

            self.show_area(MENTEES)
            QMessageBox.information(self, "New session", "Select a mentee in the list first, "
                                    "then choose New session (Ctrl+Shift+N).")
            return None
        return self._new_session_for(row.id)

    def _new_session_for(self, mentee_id: str) -> SessionWindow:
        from mentordesk.ui.dialogs.session_window import open_new_session  # on first use

        return self._track(open_new_session(self, mentee_id))

    def open_session(self, session_id: str) -> SessionWindow:
        """An existing session in its own window (brought forward if it is open already)."""
        from mentordesk.ui.dialogs.session_window import open_session  # on first use

        return self._track(open_session(self, session_id))

    def _track(self, window: SessionWindow) -> SessionWindow:
        if not window.property("tracked"):  # a window brought forward again is connected once
            window.session_saved.connect(self._session_saved)
            window.setProperty("tracked", True)
        return window

    def open_mentee(self, mentee_id: str) -> None:
        """Show the mentee in the Mentees area (from a Dashboard item)."""
        self.show_area(MENTEES)
        self.mentees.select_mentee(mentee_id)

    def prepare_meeting(self, mentee_id: str | None = None) -> PrepView | None:
        """The prep window for ``mentee_id``, or for the mentee selected on the Dashboard or
        in the roster (Ctrl+P)."""
        if mentee_id is None:
            if self.current_area() == DASHBOARD:
                mentee_id = self.dashboard.selected_mentee_id()
            elif (row := self._selected_mentee()) is not None:
                mentee_id = row.id
        if mentee_id is None:
            self.statusBar().showMessage("Select a mentee first, then choose Prepare meeting (Ctrl+P).", 6000)
            return None
        if self.prep_view is None:
            from mentordesk.ui.views.prep_view import PrepView  # on first use: off the start path
            self.prep_view = PrepView(self)
            self.prep_view.start_session_with_questions.connect(self.start_session)
            self.prep_view.open_mentee.connect(self.open_mentee)
        self.prep_view.show_mentee(mentee_id)
        self.prep_view.show()
        self.prep_view.raise_()
        self.prep_view.activateWindow()
        return self.prep_view

    def start_session(self, mentee_id: str, questions_text: str = "") -> SessionWindow:
        """A new session with the mentee whose "Open questions" start with ``questions_text``
        (the prep view's "Use in next session"); later questions go into the same new session
        while its window is open."""
        from mentordesk.ui.dialogs.session_window import open_windows

        window = self._session_drafts.get(mentee_id)
        if window is None or not any(w is window for w in open_windows()):
            window = self._new_session_for(mentee_id)
            self._session_drafts[mentee_id] = window
        else:
            window.raise_()
            window.activateWindow()
        if questions_text:
            from PySide6.QtGui import QTextCursor

            edit = window.editor.sections.edits["questions"]
            edit.moveCursor(QTextCursor.MoveOperation.End)
            if edit.toPlainText() and not edit.toPlainText().endswith("\n"):
                edit.insertPlainText("\n")
            edit.insertPlainText(questions_text)
        return window

    def _session_saved(self, _session_id: str) -> None:
        if self.mentees_area.built:
            self.mentees.refresh()  # last contact and open actions change with a session
        self.dashboard.refresh()

    def edit_passphrase_protection(self) -> None:
        from mentordesk.ui.dialogs.encryption_dialog import (
            EncryptionDialog,  # on first use: off the start path
        )
        outcome = EncryptionDialog.ask(self, self.data_file)
        if outcome:
            self.idle_lock.reload_setting()
            self.statusBar().showMessage(outcome, 8000)

    def edit_profile(self) -> None:
        from mentordesk.services.mentor import get_profile
        from mentordesk.ui.dialogs.profile_dialog import ProfileDialog  # on first use: off the start path

        ProfileDialog.ask(self, get_profile())

    def show_about(self) -> AboutDialog:
        """Version, licence and third-party licences (opened beside the window, not blocking it)."""
        from mentordesk.ui.dialogs.about_dialog import AboutDialog  # on first use: off the start path
        dialog = AboutDialog(self, self.data_file)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # --- help, settings, first run, quick open (issue 11) ----------------------------------
    def show_guide(self, chapter: str = "") -> HelpWindow:
        from mentordesk.ui.dialogs.help_window import open_help  # on first use: off the start path
        return open_help(self, chapter)

    def show_shortcuts(self) -> ShortcutsDialog:
        from mentordesk.ui.dialogs.shortcuts_dialog import ShortcutsDialog  # on first use: off the start path
        dialog = ShortcutsDialog(self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def edit_settings(self) -> None:
        from mentordesk.ui.dialogs.settings_dialog import SettingsDialog  # on first use: off the start path
        SettingsDialog.ask(self, self.data_file)
        if self.reports_area.built:
            self.reports.apply_defaults()
        self._data_replaced()  # the settings can erase a closed relationship

    def quick_open(self) -> QuickOpen:
        from mentordesk.ui.dialogs.quick_open import QuickOpen  # on first use: off the start path
        dialog = QuickOpen(self)
        dialog.chosen.connect(self.open_mentee_page)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def open_mentee_page(self, mentee_id: str) -> None:
        """The mentee's own page in the Mentees area."""
        self.show_area(MENTEES)
        self.mentees.open_page(mentee_id)

    def show_welcome(self) -> WelcomeDialog:
        """The first-run welcome, beside the window; app.py calls it only on a newly created own data file."""
        passphrase = getattr(self, "passphrase_action", None)
        offered = passphrase if isinstance(passphrase, QAction) else None
        from mentordesk.ui.dialogs.welcome_dialog import WelcomeDialog  # on first use: off the start path
        dialog = WelcomeDialog(self, passphrase_action=offered)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()  # not modal: the window behind stays usable
        return dialog

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
        if self.reports_area.built:
            self.reports.shutdown()
        super().closeEvent(event)
