"""The mentoring portfolio: choose the period, the reflections to include and (only with their
consent) mentees to name; read the warnings; save the PDF and, if wanted, the figures as CSV."""

from __future__ import annotations

from datetime import date
from html import escape
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import clock, journal
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import list_mentees
from mentordesk.services.portfolio_report import PortfolioDocument, default_file_name, gather, save_portfolio
from mentordesk.ui import looks
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.check_list_model import CheckListModel
from mentordesk.ui.models.journal_model import entry_heading
from mentordesk.ui.widgets.error_label import ErrorLabel

CHECK_DELAY_MS = 250


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class PortfolioDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Mentoring portfolio")
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(620)
        self.saved_path: Path | None = None
        self._document: PortfolioDocument | None = None

        today = clock.today()
        self.date_from = self._date_edit("Period from", _qdate(today).addYears(-1).addDays(1))
        self.date_to = self._date_edit("Period to", _qdate(today))
        period = QHBoxLayout()
        period.addWidget(self.date_from)
        period.addWidget(QLabel("to"))
        period.addWidget(self.date_to)
        period.addStretch(1)

        self.reflections = CheckListModel(self)
        self.reflection_list = self._list(self.reflections, "Reflections to include in full")
        self.mentees = CheckListModel(self)
        self.mentee_list = self._list(self.mentees, "Mentees to name, only with their consent")
        self.mentee_list.setMaximumHeight(110)
        self.reflection_list.setMaximumHeight(140)
        consent = QLabel("Mentees appear only as counts. Tick a name only with their consent: "
                         "their name, meetings and hours will be printed.")
        consent.setWordWrap(True)
        looks.quiet(consent)

        form = QFormLayout()
        form.addRow("Period", period)
        form.addRow("&Reflections to include", self.reflection_list)
        form.addRow("&Name mentees\n(only with their consent)", self.mentee_list)
        form.addRow("", consent)

        self.warnings = QLabel()
        self.warnings.setAccessibleName("Warnings before saving")
        self.warnings.setWordWrap(True)
        self.warnings.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        warnings_area = QScrollArea()
        warnings_area.setWidgetResizable(True)
        warnings_area.setFrameShape(QFrame.Shape.NoFrame)
        warnings_area.setWidget(self.warnings)
        warnings_area.setMinimumHeight(130)
        warnings_area.setMaximumHeight(170)
        intro = QLabel("Your own portfolio for appraisal: your mentoring in figures, your self-assessment "
                       "and the reflections you choose. No meeting notes are included.")
        intro.setWordWrap(True)
        self.confirm = QCheckBox("I have read the warnings and want to save the portfolio as it is")
        self.confirm.setAccessibleName("Confirm the warnings")
        self.confirm.toggled.connect(self._update_buttons)
        self.csv = QCheckBox("Also save the figures as CSV, next to the PDF")
        self.csv.setAccessibleName("Also save the figures as CSV")
        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton("&Save PDF…")
        self.save_button.setAccessibleName("Save the portfolio as PDF")
        self.save_button.setDefault(True)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(warnings_area)
        layout.addWidget(self.confirm)
        layout.addWidget(self.csv)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check)
        for edit in (self.date_from, self.date_to):
            edit.dateChanged.connect(self._period_changed)
        self.reflections.checked_changed.connect(self._timer.start)
        self.mentees.checked_changed.connect(self._timer.start)
        self.mentees.set_items([(m.id, m.name + (" (closed)" if m.status == "closed" else ""))
                                for m in list_mentees(include_closed=True)])
        self._period_changed()

    def _date_edit(self, name: str, value: QDate) -> QDateEdit:
        edit = QDateEdit(value)
        edit.setAccessibleName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("d MMM yyyy")
        return edit

    def _list(self, model: CheckListModel, name: str) -> QListView:
        view = QListView()
        view.setModel(model)
        view.setAccessibleName(name)
        view.setMinimumHeight(90)
        return view

    # --- choosing ----------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.date_from.date().toPython(), self.date_to.date().toPython()  # type: ignore[return-value]

    def set_period(self, start: date, end: date) -> None:
        self.date_from.setDate(_qdate(start))
        self.date_to.setDate(_qdate(end))

    def _period_changed(self) -> None:
        start, end = self.period()
        entries = journal.list_entries(start=start, end=end) if start <= end else []
        self.reflections.set_items([(e.id, f"{format_date(e.written_on)} — {entry_heading(e)}")
                                    for e in entries])
        self._timer.start()

    def check(self) -> PortfolioDocument | None:
        """Build the figures for the current choices and show what to look at before saving."""
        self._timer.stop()
        start, end = self.period()
        try:
            document = gather(start, end, reflection_ids=self.reflections.checked_ids(),
                              named_mentee_ids=self.mentees.checked_ids())
        except MentorDeskError as error:
            self._document = None
            self.error.show_message(str(error))
            self.warnings.setText("")
            self._update_buttons()
            return None
        self.error.clear_message()
        changed = self._document is None or self._document.portfolio.warnings != document.portfolio.warnings
        self._document = document
        warnings = document.portfolio.warnings
        if warnings:
            items = "".join(f"<li>{escape(w)}</li>" for w in warnings)
            self.warnings.setText(f"<b>⚠ Before you save, check {len(warnings)} "
                                  f"thing{'s' if len(warnings) != 1 else ''}:</b><ul>{items}</ul>")
        else:
            self.warnings.setText("✓ No small counts and no mentee names in the chosen reflections.")
        if changed:
            self.confirm.setChecked(False)
        self.confirm.setVisible(bool(warnings))
        self._update_buttons()
        return document

    def _update_buttons(self) -> None:
        document = self._document
        ready = document is not None and (not document.portfolio.warnings or self.confirm.isChecked())
        self.save_button.setEnabled(ready)

    # --- saving ------------------------------------------------------------------------------
    def save(self, path: Path | None = None) -> Path | None:
        shown = self._document
        document = self.check()  # the choices as they are now, even if the last check is pending
        if document is None:
            return None
        if document.portfolio.warnings and (
                not self.confirm.isChecked() or shown is None
                or shown.portfolio.warnings != document.portfolio.warnings):
            self.error.show_message("Read the warnings and confirm them before saving.")
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, "Save the mentoring portfolio",
                                                  str(Path.home() / default_file_name()),
                                                  "PDF documents (*.pdf)")
            if not name:
                return None
            path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
        csv_path = path.with_suffix(".csv") if self.csv.isChecked() else None
        try:
            save_portfolio(document, path, csv_path)
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return None
        self.saved_path = path
        self.accept()
        return path

    @classmethod
    def ask(cls, parent: QWidget | None = None) -> Path | None:
        """Show the dialog; the path of the saved PDF, or None."""
        dialog = cls(parent)
        try:
            dialog.exec()
            return dialog.saved_path
        finally:
            dialog.deleteLater()
