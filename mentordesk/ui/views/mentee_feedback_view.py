"""The mentees' view of the mentor: the printable rating form, returned ratings, and the gap
per domain between the mentor's own rating and the mentees'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentordesk.services import assessments, mentees
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK
from mentordesk.ui.dialogs.mentee_rating_dialog import MenteeRatingDialog
from mentordesk.ui.formatting import plural
from mentordesk.ui.models.domain_gap_model import DomainGapModel
from mentordesk.ui.views.assessment_history import sorted_table


class MenteeFeedbackView(QWidget):
    """Emits ``take(id)`` when returned ratings are to be entered, ``changed`` after a deletion."""

    take = Signal(str)
    changed = Signal()

    def __init__(self, framework_key: str = DEFAULT_FRAMEWORK, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Mentees' view")
        self.framework_key = framework_key
        intro = QLabel("How do your mentees see you? Print the rating form (the same statements, worded "
                       "“My mentor …”), hand it out, and enter the forms that come back. Named ratings can "
                       "be deleted whenever the mentee asks.")
        intro.setWordWrap(True)
        self.print_button = QPushButton("&Print the rating form…")
        self.print_button.setAccessibleName("Save the mentee rating form as PDF")
        self.print_button.clicked.connect(lambda: self.save_form())
        self.enter_button = QPushButton("&Enter returned ratings…")
        self.enter_button.setAccessibleName("Enter a mentee's returned ratings")
        self.enter_button.clicked.connect(self.enter_ratings)
        self.delete_button = QPushButton("De&lete a mentee's ratings…")
        self.delete_button.setAccessibleName("Delete a named mentee's ratings")
        self.delete_button.clicked.connect(self.delete_ratings)
        buttons = QHBoxLayout()
        for button in (self.print_button, self.enter_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("Gap summary")
        self.model = DomainGapModel(self)
        self.table, _ = sorted_table(self.model, "Self-rating and mentee ratings per domain", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.refresh()

    def set_framework(self, framework_key: str) -> None:
        self.framework_key = framework_key
        self.refresh()

    def refresh(self) -> None:
        report = assessments.self_vs_mentee_gap(self.framework_key)
        self.model.set_rows(report.domains)
        if report.mentee_ratings == 0:
            self.summary.setText("No finished mentee rating yet.")
        elif report.self_assessment_id is None:
            self.summary.setText(f"{plural(report.mentee_ratings, 'finished mentee rating')}; finish a "
                                 "self-assessment to see the gap.")
        else:
            self.summary.setText(f"Your latest finished self-assessment against "
                                 f"{plural(report.mentee_ratings, 'finished mentee rating')} "
                                 "(each rating counts once).")

    def save_form(self, path: Path | None = None) -> Path | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, "Save the mentee rating form",
                                                  "mentee-rating-form.pdf", "PDF files (*.pdf)")
            if not name:
                return None
            path = Path(name)
        from mentordesk.reports.mentee_rating_form import write_rating_form_pdf
        from mentordesk.services.assessment_report import rating_form

        try:
            return write_rating_form_pdf(rating_form(self.framework_key), path)
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot save the form", str(error))
            return None

    def enter_ratings(self) -> None:
        roster = [(m.id, m.name) for m in mentees.list_mentees(include_closed=True)]

        def submit(mentee_id: str | None, label: str, day: object) -> str:
            return assessments.start_assessment(self.framework_key, rater="mentee", mentee_id=mentee_id,
                                                rater_label=label, taken_on=day)  # type: ignore[arg-type]

        created = MenteeRatingDialog.ask(self, roster, submit)
        if created is not None:
            self.take.emit(created)

    def delete_ratings(self) -> None:
        raters: dict[str, str] = {}
        for summary in assessments.list_assessments(rater="mentee"):
            if summary.mentee_id:
                raters[summary.mentee_name or summary.mentee_id] = summary.mentee_id
        if not raters:
            QMessageBox.information(self, "Delete a mentee's ratings", "No named mentee has rated you.")
            return
        name, ok = QInputDialog.getItem(self, "Delete a mentee's ratings", "Whose ratings?", sorted(raters),
                                        0, False)
        if not ok:
            return
        answer = QMessageBox.question(
            self, "Delete a mentee's ratings",
            f"Delete every rating {name} gave you? Do this when they ask for it; it cannot be undone.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            count = assessments.delete_mentee_ratings(raters[name])
        except MentorDeskError as error:
            QMessageBox.warning(self, "Cannot delete", str(error))
            return
        QMessageBox.information(self, "Ratings deleted", f"Deleted {plural(count, 'rating')} from {name}.")
        self.refresh()
        self.changed.emit()
