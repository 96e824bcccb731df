"""The earlier versions of an agreement, newest first (read only)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentordesk.db.models import Agreement
from mentordesk.ui.models.agreement_versions_model import AgreementVersionsModel


class AgreementHistoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, name: str, versions: list[Agreement]) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Agreement versions — {name}")
        self.setAccessibleName("Agreement versions")
        self.resize(900, 320)
        self.model = AgreementVersionsModel(self)
        self.model.set_rows(versions)
        self.table = QTableView()
        self.table.setAccessibleName("Agreement versions, newest first")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setAccessibleName("Agreement versions: columns")
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        intro = QLabel(f"{len(versions)} version(s), newest first. The first line is the agreement "
                       "that holds now.")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName("Close")
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    @classmethod
    def show_versions(cls, parent: QWidget | None, name: str, versions: list[Agreement]) -> None:
        dialog = cls(parent, name, versions)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()
