"""The PDF of one competency assessment: radar chart, domain means, strongest and weakest
domains in words, reflections, the development plan, and every answer."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentordesk.reports.document import build_pdf
from mentordesk.reports.radar import RadarSeries, radar_drawing
from mentordesk.reports.text import para_markup, paragraph
from mentordesk.services.assessment_report import AssessmentReport


def _mean(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


def assessment_flowables(report: AssessmentReport) -> list[Any]:
    from reportlab.platypus import Paragraph, Spacer, Table

    from mentordesk.reports.styles import styles, table_style

    sheet = styles()
    story: list[Any] = [
        paragraph(f"{report.framework_title} — {report.rater_text}", sheet.title),
        paragraph(f"Taken on {report.taken_on.isoformat()} · framework version {report.framework_version}"
                  + (f" · mentor: {report.mentor_name}" if report.mentor_name else ""), sheet.subtitle),
    ]
    if not report.completed:
        story.append(Paragraph("<b>Unfinished</b>: some items are not answered yet; the means below "
                               "use the answers given so far.", sheet.body))
    anchors = ", ".join(f"{point} = {label}" for point, label in report.anchors)
    story.append(paragraph(f"Scale {report.scale_min} to {report.scale_max} ({anchors}). "
                           "Domain means leave out items marked “not applicable”; a domain with no "
                           "rated item is “not rated”, not 0.", sheet.small))

    series = [RadarSeries(f"This assessment, {report.taken_on.isoformat()}",
                          tuple(d.mean for d in report.domains))]
    if report.earlier_label:
        series.append(RadarSeries(f"Earlier: {report.earlier_label}",
                                  tuple(d.earlier_mean for d in report.domains), dashed=True))
    story.append(radar_drawing([d.title for d in report.domains], series,
                               scale_min=report.scale_min, scale_max=report.scale_max))
    story.append(paragraph(report.extremes_sentence, sheet.body))

    story.append(Paragraph("Domain means", sheet.heading1))
    header = ["Domain", "Mean"] + (["Earlier"] if report.earlier_label else []) + [
        "Rated", "Not applicable", "Not answered"]
    rows: list[list[Any]] = [[Paragraph(h, sheet.table_header) for h in header]]
    for d in report.domains:
        row = [paragraph(d.title, sheet.table), _mean(d.mean)]
        if report.earlier_label:
            row.append(_mean(d.earlier_mean))
        row += [str(d.rated), str(d.not_applicable), str(d.unanswered)]
        rows.append(row)
    widths = [190, 50] + ([50] if report.earlier_label else []) + [45, 75, 70]
    story.append(Table(rows, colWidths=widths, style=table_style(), repeatRows=1))

    story.append(Paragraph("Reflections", sheet.heading1))
    any_reflection = False
    for d in report.domains:
        if d.reflection:
            any_reflection = True
            story.append(paragraph(d.title, sheet.heading2))
            story.append(paragraph(d.reflection, sheet.body))
    if report.reflection:
        any_reflection = True
        story.append(Paragraph("Overall reflection", sheet.heading2))
        story.append(paragraph(report.reflection, sheet.body))
    if not any_reflection:
        story.append(Paragraph("No reflection was written.", sheet.body_italic))

    story.append(Paragraph("Development plan", sheet.heading1))
    planned = [d for d in report.domains if d.development_notes or d.actions]
    if not planned:
        story.append(Paragraph("No development notes or actions yet.", sheet.body_italic))
    for d in planned:
        story.append(paragraph(d.title, sheet.heading2))
        if d.development_notes:
            story.append(paragraph(d.development_notes, sheet.body))
        if d.actions:
            action_rows: list[list[Any]] = [[Paragraph(h, sheet.table_header)
                                             for h in ("Action", "Target date", "Status")]]
            for action in d.actions:
                status = "Open" if action.done_on is None else f"Done {action.done_on.isoformat()}"
                action_rows.append([paragraph(action.text, sheet.table),
                                    action.target_on.isoformat() if action.target_on else "—", status])
            story.append(Table(action_rows, colWidths=[290, 80, 100], style=table_style(), repeatRows=1))
            story.append(Spacer(1, 6))

    story.append(Paragraph("Answers", sheet.heading1))
    for d in report.domains:
        answer_rows: list[list[Any]] = [[paragraph(d.title, sheet.table_header),
                                         Paragraph("Rating", sheet.table_header)]]
        answer_rows += [[paragraph(item.text, sheet.table), Paragraph(para_markup(item.answer_text),
                                                                      sheet.table)]
                        for item in d.items]
        story.append(Table(answer_rows, colWidths=[380, 90], style=table_style(), repeatRows=1))
        story.append(Spacer(1, 6))
    return story


def write_assessment_pdf(report: AssessmentReport, out_path: Path) -> Path:
    """Write the PDF of one assessment at ``out_path``; raises ReportError when it cannot."""
    return build_pdf(out_path, assessment_flowables(report),
                     title=f"{report.framework_title} — {report.taken_on.isoformat()}",
                     author=report.mentor_name, footer_text=f"{report.framework_title}, {report.rater_text}",
                     private_marking=True)
