"""Settings… (Ctrl+,): where the data is, backups, the idle lock, support contacts, report
defaults, review intervals and how long closed relationships are kept.

Every value is kept with the data (services.preferences, services.backups) and saved
together on Save; Cancel changes nothing — except "Erase…", which asks first and
acts at once, because an erasure cannot wait for Save.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import backups, erasure, preferences
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.progress_report import SECTION_CHOICE_LABELS
from mentordesk.ui.dialogs.support_contacts_dialog import SupportContactsDialog
from mentordesk.ui.formatting import format_date
from mentordesk.ui.models.rows_table_model import Column, RowsTableModel
from mentordesk.ui.widgets.error_label import ErrorLabel

PAGE_SIZES = ("A4", "Letter")
DEFAULT_REPORT_SECTIONS = "all"
DEFAULT_PAGE_SIZE = "A4"

CLOSED_COLUMNS: list[Column[erasure.ClosedRelationship]] = [
    Column("Mentee", lambda r: r.name),
    Column("Closed on", lambda r: format_date(r.closed_on), sort=lambda r: r.closed_on.isoformat()),
]


def _spin(name: str, low: int, high: int, suffix: str, special: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setAccessibleName(name)
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    if special:
        spin.setSpecialValueText(special)
    return spin


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, data_file: Path) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self.resize(640, 700)

        # --- data and backups ---
        self.location = QLineEdit(str(data_file))
        self.location.setAccessibleName("Data file")
        self.location.setReadOnly(True)
        self.open_folder_button = QPushButton("Open &folder")
        self.open_folder_button.setAccessibleName("Open the data folder")
        self.open_folder_button.clicked.connect(self.open_folder)
        location_row = QHBoxLayout()
        location_row.addWidget(self.location, 1)
        location_row.addWidget(self.open_folder_button)
        policy = QLabel(f"Every day MentorDesk copies the data file into {backups.backup_folder(data_file)}, "
                        "keeping recent days, weeks and months. Copies on the same disk do not survive "
                        "a lost or broken computer: choose a second folder on an external drive as well.")
        policy.setWordWrap(True)
        self.second_folder = QLineEdit()
        self.second_folder.setAccessibleName("Second backup folder")
        self.second_folder.setPlaceholderText("None: copies stay on this disk only")
        self.second_folder.setReadOnly(True)
        self.choose_folder_button = QPushButton("&Choose…")
        self.choose_folder_button.setAccessibleName("Choose the second backup folder")
        self.choose_folder_button.clicked.connect(self.choose_second_folder)
        self.forget_folder_button = QPushButton("&None")
        self.forget_folder_button.setAccessibleName("No second backup folder")
        self.forget_folder_button.clicked.connect(lambda: self.second_folder.clear())
        second_row = QHBoxLayout()
        second_row.addWidget(self.second_folder, 1)
        second_row.addWidget(self.choose_folder_button)
        second_row.addWidget(self.forget_folder_button)
        self.reminder_days = _spin("Remind me when the second folder has had no copy for", 1, 365, " days")
        data_box = QGroupBox("Your data")
        data_form = QFormLayout(data_box)
        data_form.addRow("Data file", location_row)
        data_form.addRow(policy)
        data_form.addRow("Second backup folder", second_row)
        data_form.addRow("Remind me after", self.reminder_days)

        # --- privacy and support ---
        self.lock_minutes = _spin("Lock the window after this many idle minutes", 0, 240, " min", "Never")
        self.contacts_button = QPushButton("Support &contacts…")
        self.contacts_button.setAccessibleName("Edit support contacts")
        self.contacts_button.setToolTip("Occupational health, staff support and others to refer a mentee to")
        self.contacts_button.clicked.connect(lambda: SupportContactsDialog.ask(self))
        privacy_box = QGroupBox("Privacy and support")
        privacy_form = QFormLayout(privacy_box)
        privacy_form.addRow("&Lock when idle for", self.lock_minutes)
        privacy_form.addRow("Referrals", self.contacts_button)

        # --- reports and reviews ---
        self.report_sections = QComboBox()
        self.report_sections.setAccessibleName("Meeting notes in new reports")
        for key, label in SECTION_CHOICE_LABELS.items():
            self.report_sections.addItem(label, key)
        self.page_size = QComboBox()
        self.page_size.setAccessibleName("Page size of new reports")
        self.page_size.addItems(list(PAGE_SIZES))
        self.goal_review_weeks = _spin("Review each goal every", 1, 52, " weeks")
        work_box = QGroupBox("Reports and reviews")
        work_form = QFormLayout(work_box)
        work_form.addRow("Meeting &notes in reports", self.report_sections)
        work_form.addRow("&Page size", self.page_size)
        work_form.addRow("Review &goals every", self.goal_review_weeks)

        # --- retention ---
        self.retention_years = _spin("Suggest erasing relationships closed longer than", 0, 50, " years",
                                     "Never suggest")
        self.retention_years.valueChanged.connect(self._list_closed)
        self.closed_model: RowsTableModel[erasure.ClosedRelationship] = RowsTableModel(CLOSED_COLUMNS, self)
        self.closed_table = QTableView()
        self.closed_table.setAccessibleName("Relationships closed longer than the retention period")
        self.closed_table.setModel(self.closed_model)
        self.closed_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.closed_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.closed_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.closed_table.verticalHeader().hide()
        self.closed_table.horizontalHeader().setStretchLastSection(True)
        self.closed_table.setMaximumHeight(140)
        self.closed_note = QLabel()
        self.closed_note.setWordWrap(True)
        self.erase_button = QPushButton("&Erase…")
        self.erase_button.setAccessibleName("Erase the selected closed relationship permanently")
        self.erase_button.clicked.connect(self.erase_selected)
        retention_box = QGroupBox("Keeping closed relationships")
        retention = QVBoxLayout(retention_box)
        retention_form = QFormLayout()
        retention_form.addRow("&Suggest erasing after", self.retention_years)
        retention.addLayout(retention_form)
        retention.addWidget(self.closed_note)
        retention.addWidget(self.closed_table)
        retention.addWidget(self.erase_button)

        self.error = ErrorLabel()
        standard = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(standard.Save | standard.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Save).setAccessibleName("Save settings")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for box in (data_box, privacy_box, work_box, retention_box):
            body_layout.addWidget(box)
        scroll = QScrollArea()
        scroll.setAccessibleName("Settings")
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.closed_table.selectionModel().selectionChanged.connect(self._update_erase)
        self.load()

    @classmethod
    def ask(cls, parent: QWidget | None, data_file: Path) -> bool:
        """Show the settings; True when they were saved."""
        dialog = cls(parent, data_file)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    # --- reading and saving ---------------------------------------------------------------
    def load(self) -> None:
        folder = backups.second_folder()
        self.second_folder.setText(str(folder) if folder else "")
        reminder = preferences.get(backups.REMINDER_DAYS_KEY) or backups.DEFAULT_REMINDER_DAYS
        self.reminder_days.setValue(int(reminder))
        self.lock_minutes.setValue(int(preferences.get("lock_minutes") or 0))
        sections = str(preferences.get("report_sections") or DEFAULT_REPORT_SECTIONS)
        self.report_sections.setCurrentIndex(max(0, self.report_sections.findData(sections)))
        size = str(preferences.get("page_size") or DEFAULT_PAGE_SIZE)
        self.page_size.setCurrentIndex(max(0, self.page_size.findText(size)))
        self.goal_review_weeks.setValue(int(preferences.get("goal_review_weeks") or 6))
        self.retention_years.setValue(int(preferences.get("retention_years") or 0))
        self._list_closed()

    def save(self) -> None:
        """Store every value; raises MentorDeskError (e.g. a second folder that is not writable)."""
        folder = self.second_folder.text().strip()
        if (str(backups.second_folder() or "")) != folder:
            backups.set_second_folder(Path(folder) if folder else None)
        for key, value in ((backups.REMINDER_DAYS_KEY, self.reminder_days.value()),
                           ("lock_minutes", self.lock_minutes.value()),
                           ("report_sections", str(self.report_sections.currentData())),
                           ("page_size", self.page_size.currentText()),
                           ("goal_review_weeks", self.goal_review_weeks.value()),
                           ("retention_years", self.retention_years.value())):
            preferences.put(key, value)

    def accept(self) -> None:
        try:
            self.save()
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        super().accept()

    # --- the buttons ------------------------------------------------------------------------
    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_file.parent)))

    def choose_second_folder(self) -> None:
        start = self.second_folder.text() or str(Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Second folder for backups", start)
        if folder:
            self.second_folder.setText(folder)

    def _list_closed(self) -> None:
        years = self.retention_years.value()
        rows = erasure.closed_longer_than(years)
        self.closed_model.set_rows(rows)
        if years == 0:
            self.closed_note.setText("Closed relationships are kept until you erase them yourself.")
        elif rows:
            self.closed_note.setText(f"Closed more than {years} year(s) ago — consider erasing them "
                                     "(export a mentee's record first if they asked for it):")
        else:
            self.closed_note.setText(f"No relationship was closed more than {years} year(s) ago.")
        self.closed_table.setVisible(bool(rows))
        self.erase_button.setVisible(bool(rows))
        self._update_erase()

    def _update_erase(self, *_args: object) -> None:
        self.erase_button.setEnabled(bool(self.closed_table.selectionModel().selectedRows()))

    def erase_selected(self) -> None:
        rows = self.closed_table.selectionModel().selectedRows()
        if not rows:
            return
        chosen = self.closed_model.row_at(rows[0].row())
        box = QMessageBox(QMessageBox.Icon.Warning, "Erase permanently?",
                          f"Erase {chosen.name} and everything of theirs for good?\n\n"
                          f"This cannot be undone. {erasure.BACKUPS_NOTE}", parent=self)
        erase = box.addButton("Erase permanently", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is not erase:
            return
        try:
            erasure.erase_mentee(chosen.id)
        except MentorDeskError as error:
            QMessageBox.information(self, "Not erased", str(error))
        self._list_closed()
