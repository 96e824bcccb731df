"""The history of assessments: the list, a radar chart of two of them, the changes between them
and the strongest and weakest domains in words."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mentordesk.reports.radar import RadarSeries
from mentordesk.services import assessments
from mentordesk.services.assessment_report import assessment_label
from mentordesk.services.assessments import AssessmentSummary
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import get_framework
from mentordesk.ui.models.assessment_table_model import DATE, AssessmentTableModel
from mentordesk.ui.models.change_table_model import DomainChangeModel, ItemChangeModel
from mentordesk.ui.models.rows_table_model import SORT_ROLE, RowsTableModel
from mentordesk.ui.widgets.radar_chart import RadarChart


def sorted_table(model: RowsTableModel, name: str,
                 parent: QWidget) -> tuple[QTableView, QSortFilterProxyModel]:
    """A read-only, sortable table over ``model`` (through the proxy returned with it)."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a header is clicked
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setAccessibleName(f"{name}: columns, click one to sort")
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setStretchLastSection(False)
    return table, proxy


class AssessmentHistory(QWidget):
    """Emits ``continue_requested(id)`` for an unfinished assessment the mentor wants to carry on."""

    continue_requested = Signal(str)
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Assessment history")
        self.model = AssessmentTableModel(self)
        self.table, self.proxy = sorted_table(self.model, "Assessments, newest first", self)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(lambda _index: self.continue_selected())

        self.continue_button = QPushButton("C&ontinue")
        self.continue_button.setAccessibleName("Continue the selected unfinished assessment")
        self.continue_button.clicked.connect(self.continue_selected)
        self.pdf_button = QPushButton("Save as &PDF…")
        self.pdf_button.setAccessibleName("Save the selected assessment as PDF")
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.delete_button = QPushButton("&Delete…")
        self.delete_button.setAccessibleName("Delete the selected assessment")
        self.delete_button.clicked.connect(self.delete_selected)
        buttons = QHBoxLayout()
        for button in (self.continue_button, self.pdf_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.compare = QComboBox()
        self.compare.setAccessibleName("Compare with")
        self.compare.currentIndexChanged.connect(self._update_chart)
        self.chart = RadarChart()
        self.extremes = QLabel()
        self.extremes.setAccessibleName("Strongest and weakest domains")
        self.extremes.setWordWrap(True)
        self.extremes.setStyleSheet("font-weight: bold;")
        self.domain_changes = DomainChangeModel(self)
        self.item_changes = ItemChangeModel(self)
        self.changes = QTabWidget()
        self.changes.setAccessibleName("Changes")
        self.changes.addTab(sorted_table(self.domain_changes, "Changes per domain", self)[0], "Per domain")
        self.changes.addTab(sorted_table(self.item_changes, "Changes per statement", self)[0],
                             "Per statement")
        self.changes_title = QLabel()
        self.changes_title.setWordWrap(True)

        left = QVBoxLayout()
        left.addWidget(self.table, 2)
        left.addLayout(buttons)
        left.addWidget(self.changes_title)
        left.addWidget(self.changes, 3)
        compare_row = QHBoxLayout()
        compare_label = QLabel("Compare with:")
        compare_label.setBuddy(self.compare)
        compare_row.addWidget(compare_label)
        compare_row.addWidget(self.compare, 1)
        right = QVBoxLayout()
        right.addLayout(compare_row)
        right.addWidget(self.chart, 1)
        right.addWidget(self.extremes)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 5)
        layout.addLayout(right, 6)
        self.refresh()

    # --- reading -------------------------------------------------------------------------
    def refresh(self, select_id: str | None = None) -> None:
        current = self.selected()
        keep = select_id or (current.id if current is not None else None)
        self.model.set_rows(assessments.list_assessments())
        if keep is None:
            finished = [s for s in self.model.rows() if s.completed and s.rater == "self"]
            keep = finished[0].id if finished else None
        if keep is None or not self.select(keep):
            self._selection_changed()

    def select(self, assessment_id: str) -> bool:
        row = self.model.row_of(assessment_id)
        if row < 0:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        return True

    def selected(self) -> AssessmentSummary | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.model.row_at(self.proxy.mapToSource(rows[0]).row())

    def primary(self) -> AssessmentSummary | None:
        """The assessment drawn solid: the selected one if finished, else the latest finished self-rating."""
        chosen = self.selected()
        if chosen is not None and chosen.completed:
            return chosen
        return next((s for s in self.model.rows() if s.completed and s.rater == "self"), None)

    def _selection_changed(self) -> None:
        chosen = self.selected()
        self.continue_button.setEnabled(chosen is not None and not chosen.completed)
        self.pdf_button.setEnabled(chosen is not None)
        self.delete_button.setEnabled(chosen is not None)
        primary = self.primary()
        self.compare.blockSignals(True)
        self.compare.clear()
        self.compare.addItem("Nothing — this assessment alone", None)
        if primary is not None:
            others = [s for s in self.model.rows()
                      if s.completed and s.id != primary.id and s.framework == primary.framework]
            for other in others:
                self.compare.addItem(assessment_label(other), other.id)
            earlier = next((n for n, s in enumerate(others, start=1)
                            if s.rater == "self" and s.taken_on <= primary.taken_on), 0)
            self.compare.setCurrentIndex(earlier)
        self.compare.blockSignals(False)
        self._update_chart()

    def compare_id(self) -> str | None:
        value = self.compare.currentData()
        return str(value) if value else None

    def _update_chart(self) -> None:
        primary = self.primary()
        if primary is None:
            self.chart.set_data([], [])
            self.extremes.setText("Finish an assessment to see your strongest and weakest domains.")
            self.domain_changes.set_rows([])
            self.item_changes.set_rows([])
            self.changes_title.setText("")
            return
        framework = get_framework(primary.framework, primary.framework_version)
        scores = assessments.domain_scores(primary.id)
        series = [RadarSeries(assessment_label(primary), tuple(d.mean for d in scores.domains))]
        other_id = self.compare_id()
        if other_id is not None:
            other = assessments.domain_scores(other_id)
            other_summary = next(s for s in self.model.rows() if s.id == other_id)
            series.append(RadarSeries(assessment_label(other_summary),
                                      tuple(other.mean_of(d.key) for d in framework.domains), dashed=True))
            before, after = ((other_id, primary.id) if other_summary.taken_on <= primary.taken_on
                             else (primary.id, other_id))
            comparison = assessments.compare(before, after)
            self.domain_changes.set_rows(comparison.domains)
            self.item_changes.set_rows(comparison.items)
            self.changes_title.setText(f"Changes from {assessment_label(comparison.before)} "
                                       f"to {assessment_label(comparison.after)}")
        else:
            self.domain_changes.set_rows([])
            self.item_changes.set_rows([])
            self.changes_title.setText("Choose an assessment to compare with to see the changes.")
        self.chart.set_data([d.title for d in framework.domains], series,
                            scale_min=framework.scale.min, scale_max=framework.scale.max)
        self.extremes.setText(assessments.extremes(scores.domains).sentence)

    # --- acting --------------------------------------------------------------------------
    def continue_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None and not chosen.completed:
            self.continue_requested.emit(chosen.id)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Write the selected assessment (with the compared one on the chart) as a PDF."""
        chosen = self.selected()
        if chosen is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, "Save assessment as PDF",
                                                  f"assessment-{chosen.taken_on.isoformat()}.pdf",
                                                  "PDF files (*.pdf)")
            if not name:
                return None
            path = Path(name)
        from mentordesk.reports.assessment import write_assessment_pdf
        from mentordesk.services.assessment_report import assessment_report

        earlier = self.compare_id() if self.primary() is chosen else None
        try:
            return write_assessment_pdf(assessment_report(chosen.id, earlier), path)
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot save the PDF", str(error))
            return None

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        answer = QMessageBox.question(
            self, "Delete assessment",
            f"Delete the assessment of {chosen.taken_on.isoformat()} ({assessment_label(chosen)}) with its "
            "answers and reflections? This cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            assessments.delete_assessment(chosen.id)
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot delete", str(error))
        self.refresh()
        self.changed.emit()
