"""The progress report PDF: a ``ProgressReport`` (services.progress_report) as pages.

Every string a mentor typed goes through ``text.paragraph`` with the width it is
set in (so long right-to-left notes wrap in reading order); every table uses
``table_style()``; charts come from ``charts``. When the report holds anything
private, ``build_pdf`` marks every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, Spacer, Table

from mentordesk.reports import charts, fonts
from mentordesk.reports.document import build_pdf
from mentordesk.reports.styles import MARGINS, page_size, styles, table_style
from mentordesk.reports.text import para_markup, paragraph

if TYPE_CHECKING:
    from mentordesk.services.progress_report import (
        ActionLine,
        GoalReport,
        MeetingReport,
        ProgressReport,
    )

CELL_PADDING = 8  # left + right padding of a table cell (table_style)
FRAME_PADDING = 12  # left + right padding of reportlab's Frame (document.py keeps the default)
OWNER_LABELS = {"mentee": "Mentee", "mentor": "Mentor"}


def build_progress_pdf(report: ProgressReport, out_path: Path, *, page_size: str = "A4") -> Path:
    """Write ``report`` as a PDF at ``out_path`` (see document.build_pdf for the guarantees)."""
    from mentordesk.services.progress_report import report_title

    return build_pdf(
        out_path,
        progress_story(report, page_size=page_size),
        title=report_title(report),
        author=report.mentor.name,
        page_size=page_size,
        footer_text=f"Progress report for {report.mentee_name}",
        private_marking=report.contains_private_information,
        prepared_on=report.prepared_on,
    )


def progress_story(report: ProgressReport, *, page_size: str = "A4") -> list[Any]:
    """The flowables of the report, for a page of ``page_size``."""
    try:
        width = _frame_width(page_size)
    except ValueError:
        width = _frame_width("A4")  # build_pdf reports the unknown size
    return _Builder(report, width).story()


def _frame_width(name: str) -> float:
    return page_size(name)[0] - MARGINS.left - MARGINS.right - FRAME_PADDING


def _day(value: date | datetime | None) -> str:
    if value is None:
        return "—"
    return f"{value.day} {value:%b %Y}"


class _Builder:
    def __init__(self, report: ProgressReport, width: float) -> None:
        self.report = report
        self.width = width
        self.sheet = styles()
        self.flow: list[Any] = []

    # --- small pieces ---------------------------------------------------------------------
    def text(self, value: str, style: Any = None, *, width: float | None = None) -> Paragraph:
        return paragraph(value, style or self.sheet.body, width=width or self.width)

    def labelled(self, label: str, value: str, style: Any = None) -> Paragraph:
        """"Label: user text" as one paragraph; the label is ours, the text escaped.

        The label is measured with the text, so that long right-to-left notes are
        broken into printed lines (in reading order) that fit beside it.
        """
        from reportlab.pdfbase.pdfmetrics import stringWidth

        style = style or self.sheet.body
        regular = stringWidth(f"{label}:", style.fontName, style.fontSize)
        bold = stringWidth(f"{label}:", fonts.font_name(fonts.FAMILY, bold=True), style.fontSize)
        markup = para_markup(f"{label}: {value}", width=self.width - (bold - regular),
                             font_size=style.fontSize)
        plain = escape(label) + ":"
        if markup.startswith(plain):
            return Paragraph(f"<b>{plain}</b>{markup[len(plain):]}", style)
        text = para_markup(value, width=self.width, font_size=style.fontSize)
        return Paragraph(f"<b>{plain}</b><br/>{text}", style)

    def heading(self, title: str) -> None:
        self.flow.append(CondPageBreak(90))
        self.flow.append(Paragraph(title, self.sheet.heading1))

    def heading_before_table(self, title: str, style: Any) -> None:
        """A heading over a table: kept with the table's first rows, without pulling the
        whole table onto the next page (which keepWithNext would)."""
        self.flow.append(CondPageBreak(80))
        heading = Paragraph(title, style)
        heading.keepWithNext = 0
        self.flow.append(heading)

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]],
              widths: Sequence[float], *, fill: int = -1, ours: Sequence[int] = ()) -> Table:
        """A table of user text; column ``fill`` takes the width the others leave.

        Columns listed in ``ours`` hold only short text the program writes (dates,
        labels, numbers): plain cells, drawn in table_style()'s font, are much cheaper
        than Paragraphs in a long report.
        """
        widths = list(widths)
        widths[fill] = 0
        widths[fill] = self.width - sum(widths)
        sheet = self.sheet
        plain = {i % len(widths) for i in ours}
        cells: list[list[Any]] = [[Paragraph(label, sheet.table_header) for label in header]]
        for row in rows:
            cells.append([value if i in plain else paragraph(value, sheet.table, width=w - CELL_PADDING)
                          for i, (value, w) in enumerate(zip(row, widths, strict=True))])
        return Table(cells, colWidths=widths, repeatRows=1, style=table_style(), hAlign="LEFT")

    def facts(self, rows: Sequence[tuple[str, str]], label_width: float = 120) -> Table:
        """Label / value pairs as a two-column table without a header row."""
        sheet = self.sheet
        value_width = self.width - label_width
        cells = [[Paragraph(label, sheet.table_header),
                  paragraph(value, sheet.table, width=value_width - CELL_PADDING)]
                 for label, value in rows]
        return Table(cells, colWidths=[label_width, value_width],
                     style=table_style(header_rows=0), hAlign="LEFT")

    # --- the report ---------------------------------------------------------------------
    def story(self) -> list[Any]:
        self.header()
        self.agreement()
        self.goals()
        self.meetings()
        self.actions()
        self.moves()
        self.milestones()
        if self.report.referrals is not None:
            self.referrals()
        self.closure()
        return self.flow

    def header(self) -> None:
        r, sheet = self.report, self.sheet
        self.flow.append(Paragraph("Progress report", sheet.title))
        self.flow.append(self.text(r.mentee_name, sheet.subtitle))
        post = " · ".join(p for p in (r.mentee_role, r.mentee_specialty, r.mentee_organisation) if p)
        mentor = " · ".join(p for p in (r.mentor.name, r.mentor.role, r.mentor.organisation) if p)
        relationship = " · ".join(p for p in (r.relationship_kind or "Kind not recorded",
                                              r.status_label) if p)
        rows = [("Mentee", r.mentee_name)]
        if post:
            rows.append(("Post", post))
        rows.append(("Mentor", mentor or "Not recorded (add your profile in MentorDesk)"))
        rows.append(("Relationship", relationship))
        if r.began_on:
            rows.append(("Began", _day(r.began_on)))
        if r.started_post_on:
            rows.append(("In post since", _day(r.started_post_on)))
        rows.append(("Period", f"{_day(r.period_start)} to {_day(r.period_end)}"))
        rows.append(("Prepared on", _day(r.prepared_on)))
        from mentordesk.services.progress_report import SECTION_CHOICE_LABELS

        rows.append(("Meeting notes", SECTION_CHOICE_LABELS[r.options.sections]))
        included = [name for on, name in (
            (r.options.include_private, "private remarks"),
            (r.options.include_wellbeing, "wellbeing scores and signals"),
            (r.options.include_referrals, "the referral log")) if on]
        if included:
            rows.append(("Private", "This report includes " + ", ".join(included)
                         + ". Share it only with the people it is meant for."))
        self.flow.append(self.facts(rows))

    def agreement(self) -> None:
        brief = self.report.agreement
        self.heading("Agreement")
        if brief is None:
            self.flow.append(Paragraph("No agreement has been recorded.", self.sheet.body_italic))
            return
        cadence = f"Every {brief.cadence_days} days" if brief.cadence_days else "No set cadence"
        rows = [("Kind of relationship", brief.relationship_kind or "Not recorded"),
                ("Meetings", f"{cadence}, {brief.meeting_format_label.lower()}"),
                ("Agenda brought by", brief.agenda_owner_label)]
        if brief.agreed_on:
            rows.append(("Agreed on", _day(brief.agreed_on)))
        if brief.review_on:
            rows.append(("Review on", _day(brief.review_on)))
        if brief.confidentiality:
            rows.append(("Confidentiality", brief.confidentiality))
        self.flow.append(self.facts(rows))

    def goals(self) -> None:
        self.heading("Goals")
        if not self.report.goals:
            self.flow.append(Paragraph("No goals recorded.", self.sheet.body_italic))
        for goal in self.report.goals:
            self.goal(goal)

    def goal(self, goal: GoalReport) -> None:
        sheet = self.sheet
        latest = goal.latest_percent
        facts = [goal.status_label]
        if goal.target_on:
            facts.append(f"target {_day(goal.target_on)}")
        facts.append(f"latest progress {latest}%" if latest is not None else "no progress recorded")
        block: list[Any] = [self.text(goal.title, sheet.heading2),
                            Paragraph(" · ".join(facts), sheet.small)]
        if goal.detail:
            block.append(self.text(goal.detail))
        points = [(p.on, p.percent) for p in goal.progress]
        if points:
            block.append(charts.goal_progress_chart(points, width=min(300, self.width),
                                                    height=105))
        self.flow.append(KeepTogether(block))
        notes = [(_day(p.on), f"{p.percent}%", p.note) for p in goal.progress if p.note.strip()]
        if notes:
            self.flow.append(Spacer(1, 4))
            self.flow.append(self.table(("Date", "Progress", "Note"), notes, (78, 58, 0),
                                        ours=(0, 1)))
        self.flow.append(Spacer(1, 6))

    def meetings(self) -> None:
        r, sheet = self.report, self.sheet
        self.heading("Meetings")
        if not r.meetings:
            self.flow.append(Paragraph("No meetings in this period.", sheet.body_italic))
            return
        count = len(r.meetings)
        first, last = r.meetings[0].held_on, r.meetings[-1].held_on
        noun = "meeting" if count == 1 else "meetings"
        span = f"on {_day(first)}" if count == 1 else f"between {_day(first)} and {_day(last)}"
        lines = [f"<b>{count} {noun}</b> {span}."]
        lines.append("Format: " + _tally(r.format_counts) + ".")
        lines.append("Agenda brought by: " + _tally(r.agenda_counts) + ".")
        self.flow.append(Paragraph("<br/>".join(lines), sheet.body))
        self.flow.append(Spacer(1, 4))
        summary = r.options.sections == "summary"
        header = ["Date", "Format", "Length", "Agenda by"] + (["Summary"] if summary else [])
        rows = []
        for m in r.meetings:
            row = [f"{_day(m.held_on)}, {m.held_on:%H:%M}", m.format_label,
                   f"{m.duration_min} min" if m.duration_min else "—", m.agenda_by_label]
            if summary:
                row.append(m.summary)
            rows.append(row)
        widths = (92, 58, 46, 62, 0) if summary else (130, 110, 90, 0)
        self.flow.append(self.table(header, rows, widths, ours=(0, 1, 2, 3)))
        if not summary or r.options.include_private or r.options.include_wellbeing:
            self.heading("Meeting notes")
            for m in r.meetings:
                self.meeting(m, summary)

    def meeting(self, m: MeetingReport, summary: bool) -> None:
        sheet = self.sheet
        title = f"{_day(m.held_on)} · {m.format_label}"
        if m.duration_min:
            title += f" · {m.duration_min} min"
        parts: list[Any] = [Paragraph(title, sheet.heading2)]
        if m.agenda:
            parts.append(self.labelled("Agenda", m.agenda))
        if summary:
            parts.append(self.labelled("Summary", m.summary))
        else:
            for label, value in m.sections:
                parts.append(self.labelled(label, value))
            if not m.sections:
                parts.append(Paragraph("Nothing written in the chosen sections.",
                                       sheet.body_italic))
        if m.wellbeing is not None:
            parts.append(self.labelled("Wellbeing", _wellbeing_line(m)))
        if m.private_remarks:
            parts.append(self.labelled("Private remarks", m.private_remarks))
        # heading2 keeps with its next paragraph by itself; the rest may flow on.
        self.flow.extend(parts)

    def actions(self) -> None:
        r = self.report
        self.heading("Actions")
        self.heading_before_table(f"Completed in the period ({len(r.actions_completed)})",
                                  self.sheet.heading2)
        self._action_table(r.actions_completed, done=True)
        self.heading_before_table(f"Open at the end of the period ({len(r.actions_open)})",
                                  self.sheet.heading2)
        self._action_table(r.actions_open, done=False)

    def _action_table(self, actions: Sequence[ActionLine], *, done: bool) -> None:
        if not actions:
            self.flow.append(Paragraph("None.", self.sheet.body_italic))
            return
        last = "Done" if done else "Due"
        rows = [(a.text, OWNER_LABELS.get(a.owner, a.owner), _day(a.agreed_on),
                 _day(a.done_on if done else a.due_on)) for a in actions]
        self.flow.append(self.table(("Action", "Owner", "Agreed", last), rows, (0, 52, 72, 72),
                                    fill=0, ours=(1, 2, 3)))

    def moves(self) -> None:
        r = self.report
        self.heading("Balance of the four moves")
        count = len(r.meetings)
        if not count:
            self.flow.append(Paragraph("No meetings in this period.", self.sheet.body_italic))
            return
        self.flow.append(Paragraph(
            f"In how many of the {count} meetings each move was written down: listening and "
            "observation, open questions, encouragement and challenge.", self.sheet.body))
        self.flow.append(charts.moves_balance_chart(r.moves.labels, r.moves.meetings,
                                                    width=min(self.width, 440)))

    def milestones(self) -> None:
        items = self.report.milestones
        if not items:
            return
        self.flow.append(CondPageBreak(90))
        self.heading_before_table("First hundred days", self.sheet.heading1)
        rows = [(f"Day {m.day}", _day(m.due_on), m.prompt, _day(m.done_on) if m.done_on else "Open",
                 m.note) for m in items]
        self.flow.append(self.table(("Day", "Due", "Check-in", "Done", "Note"), rows,
                                    (48, 72, 170, 72, 0), ours=(0, 1, 3)))

    def referrals(self) -> None:
        items = self.report.referrals or ()
        if not items:
            self.heading("Referral log")
            self.flow.append(Paragraph("No referrals in this period.", self.sheet.body_italic))
            return
        self.heading_before_table("Referral log", self.sheet.heading1)
        self.flow.append(self.table(("Date", "Referral or signpost"),
                                    [(_day(x.on), x.note) for x in items], (80, 0), ours=(0,)))

    def closure(self) -> None:
        closure = self.report.closure
        if closure is None:
            return
        self.heading("Closure")
        rows = [("Closed on", _day(closure.closed_on)), ("Reason", closure.reason_label)]
        if closure.reflection:
            rows.append(("Closing reflection", closure.reflection))
        self.flow.append(self.facts(rows))


def _tally(counts: Sequence[tuple[str, int]]) -> str:
    return ", ".join(f"{label.lower()} {n}" for label, n in counts) or "—"


def _wellbeing_line(m: MeetingReport) -> str:
    w = m.wellbeing
    if w is None:
        return ""
    parts = [f"{w.score} of 5" if w.score is not None else "no score"]
    if w.signals:
        parts.append("signals: " + ", ".join(w.signals))
    if w.note:
        parts.append(w.note)
    return " · ".join(parts)
