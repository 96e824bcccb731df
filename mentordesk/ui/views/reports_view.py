"""The Reports area: choose a mentee, a period and what to include, preview the PDF, save it.

The PDF is built on a worker thread (the window stays responsive) with its own
database connection, kept in memory for the preview (pages rendered there too) and written to the
file the mentor picks only on "Save PDF…".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QDate,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import preferences, progress_report
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import list_mentees
from mentordesk.services.progress_report import SECTION_CHOICE_LABELS, ReportOptions
from mentordesk.ui.models.mentee_table_model import ID_ROLE, NAME, MenteeTableModel
from mentordesk.ui.pdf_pages import render_pages
from mentordesk.ui.widgets.pdf_preview import PdfPreview

PAGE_SIZES = ("A4", "Letter")


class _EditableNames(QIdentityProxyModel):
    """The roster model as an editable combo needs it: the name as the edit text, too."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.EditRole:
            role = Qt.ItemDataRole.DisplayRole
        return super().data(index, role)


class _BuildSignals(QObject):
    progress = Signal(int, str)
    finished = Signal(object, object, str, int)  # the PDF (bytes), its pages, the mentee's name, the meetings
    failed = Signal(str)


class _BuildJob(QRunnable):
    """Builds one report on a pool thread, with a database connection of its own."""

    def __init__(self, mentee_id: str, options: ReportOptions, page_size: str) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the view holds the job until its signals have arrived
        self.signals = _BuildSignals()
        self.mentee_id, self.options, self.page_size = mentee_id, options, page_size

    def run(self) -> None:
        try:
            with progress_report.worker_connection():
                data, report = progress_report.report_bytes(
                    self.mentee_id, self.options, page_size=self.page_size,
                    progress=self.signals.progress.emit)
            self.signals.progress.emit(95, "Drawing the pages…")
            pages = render_pages(data)
        except MentorDeskError as error:
            self.signals.failed.emit(str(error))
        except Exception as error:  # shown to the mentor; the window must live on
            self.signals.failed.emit(f"The report could not be built: {error}")
        else:
            self.signals.finished.emit(data, pages, report.mentee_name, len(report.meetings))


class ReportsView(QWidget):
    """Emits ``saved`` with the path of every report it wrote."""

    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Reports")
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: _BuildJob | None = None
        self._pdf = b""
        self._pdf_name = ""

        self.model = MenteeTableModel(self)
        self.names = _EditableNames(self)
        self.names.setSourceModel(self.model)
        self.mentee = QComboBox()
        self.mentee.setAccessibleName("Mentee")
        self.mentee.setMinimumContentsLength(24)
        self.mentee.setEditable(True)
        self.mentee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.mentee.setModel(self.names)
        self.mentee.setModelColumn(NAME)
        completer = QCompleter(self.names, self.mentee)
        completer.setCompletionColumn(NAME)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.mentee.setCompleter(completer)
        line = self.mentee.lineEdit()
        if line is not None:
            line.setAccessibleName("Mentee name")
            line.setPlaceholderText("Type or pick a name")
        self.mentee.currentIndexChanged.connect(self._mentee_changed)

        self.date_from = self._date_edit("Period from")
        self.date_to = self._date_edit("Period to")
        self.since_start = QPushButton("From the start")
        self.since_start.setToolTip("The whole relationship: from the first meeting or the "
                                    "agreement, whichever came first, until today")
        self.since_start.setAccessibleName("Period since the relationship began")
        self.since_start.clicked.connect(self._default_period)
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("to"))
        period.addWidget(self.date_to)
        period.addWidget(self.since_start)
        period.addStretch(1)

        self.sections = QComboBox()
        self.sections.setAccessibleName("Meeting notes to show")
        for key, label in SECTION_CHOICE_LABELS.items():
            self.sections.addItem(label, key)
        self.include_private = QCheckBox("Private remarks")
        self.include_wellbeing = QCheckBox("Wellbeing scores and signals")
        self.include_referrals = QCheckBox("Referral log")
        includes = QVBoxLayout()
        includes.setSpacing(2)
        for box, name in ((self.include_private, "Include private remarks"),
                          (self.include_wellbeing, "Include wellbeing scores and signals"),
                          (self.include_referrals, "Include the referral log")):
            box.setAccessibleName(name)
            box.setToolTip("Private: every page of the report will say so.")
            includes.addWidget(box)
        self.page_size = QComboBox()
        self.page_size.setAccessibleName("Page size")
        self.page_size.addItems(list(PAGE_SIZES))

        form = QFormLayout()
        form.addRow("&Mentee", self.mentee)
        form.addRow("Period", period)
        form.addRow("Meeting &notes", self.sections)
        form.addRow("Also include", includes)
        form.addRow("Page si&ze", self.page_size)
        self.apply_defaults()

        self.build_action = QAction("Build preview", self)
        self.build_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.build_action.triggered.connect(self.build_preview)
        self.save_action = QAction("Save PDF…", self)
        self.save_action.setShortcut(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save_pdf)
        self.save_action.setEnabled(False)
        self.addActions([self.build_action, self.save_action])
        for action in (self.build_action, self.save_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.build_button = QPushButton("Build preview")
        self.build_button.setAccessibleName("Build preview (Ctrl+Enter)")
        self.build_button.setToolTip("Ctrl+Enter")
        self.build_button.clicked.connect(self.build_preview)
        self.save_button = QPushButton("Save PDF…")
        self.save_button.setAccessibleName("Save PDF (Ctrl+S)")
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_pdf)
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Building the report")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.status = QLabel("Choose a mentee and build a preview.")
        self.status.setAccessibleName("Report status")
        self.status.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.status, 2)

        self.preview = PdfPreview()
        self.preview.setAccessibleName("Report preview")

        # The mentor's own portfolio for appraisal (issue 13).
        self.portfolio_action = QAction("Mentoring &portfolio…", self)
        self.portfolio_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.portfolio_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.portfolio_action.triggered.connect(self.open_portfolio)
        self.addAction(self.portfolio_action)
        self.portfolio_button = QPushButton("Mentoring portfolio…")
        self.portfolio_button.setAccessibleName("Your mentoring portfolio for appraisal (Ctrl+Shift+P)")
        self.portfolio_button.setToolTip("Your own mentoring portfolio for appraisal: counts, no mentee "
                                         "details (Ctrl+Shift+P)")
        self.portfolio_button.clicked.connect(self.open_portfolio)
        appraisal = QVBoxLayout()
        appraisal.addWidget(QLabel("For your own appraisal:"))
        appraisal.addWidget(self.portfolio_button)
        appraisal.addStretch(1)
        top = QHBoxLayout()
        top.addLayout(form, 1)
        top.addSpacing(16)
        top.addLayout(appraisal)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.preview, 1)
        self.refresh()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit()
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # --- choosing ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the mentees (all of them: a closed relationship still gets a report)."""
        current = self.mentee_id()
        self.model.set_rows(list_mentees(include_closed=True))
        row = self.model.row_of(current) if current else -1
        self.mentee.setCurrentIndex(row if row >= 0 else (0 if self.model.rowCount() else -1))
        self._update_enabled()

    def mentee_id(self) -> str:
        index = self.mentee.currentIndex()
        if index < 0:
            return ""
        return str(self.model.index(index, NAME).data(ID_ROLE) or "")

    def select_mentee(self, mentee_id: str) -> None:
        row = self.model.row_of(mentee_id)
        if row >= 0:
            self.mentee.setCurrentIndex(row)

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(QDate(start.year, start.month, start.day))
        self.date_to.setDate(QDate(end.year, end.month, end.day))

    def _mentee_changed(self, _index: int) -> None:
        self._default_period()
        self._update_enabled()

    def _default_period(self) -> None:
        mentee_id = self.mentee_id()
        if not mentee_id:
            return
        try:
            start, end = progress_report.default_period(mentee_id)
        except MentorDeskError as error:
            self.status.setText(str(error))
            return
        self.set_period(start, end)

    def options(self) -> ReportOptions:
        return ReportOptions(
            date_from=self.date_from.date().toPython(),  # type: ignore[arg-type]
            date_to=self.date_to.date().toPython(),  # type: ignore[arg-type]
            sections=str(self.sections.currentData()),
            include_private=self.include_private.isChecked(),
            include_wellbeing=self.include_wellbeing.isChecked(),
            include_referrals=self.include_referrals.isChecked(),
        )

    def _update_enabled(self) -> None:
        building = self._job is not None
        can_build = bool(self.mentee_id()) and not building
        self.build_button.setEnabled(can_build)
        self.build_action.setEnabled(can_build)
        can_save = bool(self._pdf) and not building
        self.save_button.setEnabled(can_save)
        self.save_action.setEnabled(can_save)

    # --- building ------------------------------------------------------------------------
    def is_building(self) -> bool:
        return self._job is not None

    def build_preview(self) -> None:
        mentee_id = self.mentee_id()
        if not mentee_id or self._job is not None:
            return
        try:
            options = progress_report.check_options(self.options())
        except MentorDeskError as error:
            self.status.setText(str(error))
            return
        job = _BuildJob(mentee_id, options, self.page_size.currentText())
        job.signals.progress.connect(self._progressed)
        job.signals.finished.connect(self._built)
        job.signals.failed.connect(self._failed)
        self._job = job
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.status.setText("Building the report…")
        self._update_enabled()
        self.pool.start(job)

    def _progressed(self, percent: int, what: str) -> None:
        self.progress.setValue(percent)
        self.status.setText(what)

    def _built(self, data: bytes, images: list[Any], name: str, meetings: int) -> None:
        self._job = None
        self._pdf, self._pdf_name = data, name
        self.preview.show_pages(images)
        pages = self.preview.page_count()
        self.progress.setVisible(False)
        noun = "meeting" if meetings == 1 else "meetings"
        page_noun = "page" if pages == 1 else "pages"
        self.status.setText(f"{pages} {page_noun}, {meetings} {noun}. Save it as a PDF to share.")
        self._update_enabled()

    def _failed(self, message: str) -> None:
        self._job = None
        self.progress.setVisible(False)
        self.status.setText(message)
        self._update_enabled()

    def page_count(self) -> int:
        return self.preview.page_count()

    def pdf_bytes(self) -> bytes:
        return self._pdf

    # --- saving --------------------------------------------------------------------------
    def save_pdf(self) -> None:
        if not self._pdf or self._job is not None:
            return
        suggested = str(Path.home() / progress_report.default_file_name(self._pdf_name))
        path, _ = QFileDialog.getSaveFileName(self, "Save the report", suggested,
                                              "PDF documents (*.pdf)")
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            progress_report.save_pdf_bytes(self._pdf, Path(path))
        except MentorDeskError as error:
            QMessageBox.warning(self, "The report was not saved", str(error))
            return
        self.status.setText(f"Saved {path}")
        self.saved.emit(path)

    def open_portfolio(self) -> None:
        from mentordesk.ui.dialogs.portfolio_dialog import PortfolioDialog

        path = PortfolioDialog.ask(self)
        if path is not None:
            self.status.setText(f"Saved {path}")
            self.saved.emit(str(path))

    def apply_defaults(self) -> None:
        """The meeting notes and page size chosen in Settings as the starting choice."""
        sections = str(preferences.get("report_sections") or "all")
        self.sections.setCurrentIndex(max(0, self.sections.findData(sections)))
        size = str(preferences.get("page_size") or "A4")
        self.page_size.setCurrentIndex(max(0, self.page_size.findText(size)))

    def shutdown(self) -> None:
        """Wait for a build still running (the window is closing)."""
        self.pool.waitForDone()
