"""Settings → Support contacts: where the mentor signposts a mentee who needs more than
mentoring (occupational health, a wellbeing service, named people)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import support_contacts
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.support_contacts import ContactData
from mentordesk.ui.models.support_contact_model import DETAIL, NAME, SupportContactModel
from mentordesk.ui.widgets.error_label import ErrorLabel


class SupportContactsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result_contacts: list[ContactData] | None = None
        self.setWindowTitle("Support contacts")
        self.setAccessibleName("Support contacts")
        self.resize(640, 380)
        intro = QLabel("Where you point a mentee who needs more than mentoring: occupational health, "
                       "a staff wellbeing service, named colleagues. They are shown in a session "
                       "when a wellbeing check is low. Double-click a cell to change it.")
        intro.setWordWrap(True)
        self.model = SupportContactModel(self)
        self.model.set_contacts(support_contacts.list_contacts())
        self.table = QTableView()
        self.table.setAccessibleName("Support contacts list")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(NAME, 220)

        self.add_button = self._button("&Add", "Add a support contact", self.add_contact)
        self.remove_button = self._button("&Remove", "Remove the selected contact", self.remove_selected)
        self.up_button = self._button("Move &up", "Move the selected contact up", lambda: self._move(-1))
        self.down_button = self._button("Move &down", "Move the selected contact down", lambda: self._move(1))
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.table, 1)
        body.addLayout(side)

        self.error = ErrorLabel()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName("Save support contacts")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName("Cancel")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    @classmethod
    def ask(cls, parent: QWidget | None) -> list[ContactData] | None:
        """Edit the list and save it on Save; the list as stored, or None if cancelled."""
        dialog = cls(parent)
        try:
            dialog.exec()
            return dialog.result_contacts
        finally:
            dialog.deleteLater()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _select(self, row: int) -> None:
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, NAME),
            QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def add_contact(self) -> None:
        row = self.model.add_contact("New contact")
        self._select(row)
        self.table.edit(self.model.index(row, NAME))

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.remove_contact(row)
            if self.model.rowCount():
                self._select(min(row, self.model.rowCount() - 1))
        self._update_buttons()

    def _move(self, offset: int) -> None:
        row = self.selected_row()
        if row >= 0:
            self._select(self.model.move_contact(row, offset))
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        row = self.selected_row()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.model.rowCount() - 1)

    def accept(self) -> None:
        try:
            self.result_contacts = support_contacts.save_contacts(self.model.contacts())
        except MentorDeskError as error:
            self.error.show_message(str(error))
            return
        super().accept()
