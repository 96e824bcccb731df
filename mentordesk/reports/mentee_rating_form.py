"""A printable form on which a mentee rates their mentor: the framework's items worded
"My mentor …", one box per scale point and a "not applicable" box."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentordesk.reports.document import build_pdf
from mentordesk.reports.text import paragraph
from mentordesk.services.assessment_report import RatingForm

BOX = "\u2610"  # ☐, drawn by DejaVu Sans


def _anchor_lines(label: str) -> str:
    """An anchor under its box, one word a line, so that it fits a narrow column."""
    return "\n".join(label.split())


def rating_form_flowables(form: RatingForm) -> list[Any]:
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Spacer, Table

    from mentordesk.reports import fonts
    from mentordesk.reports.styles import MUTED, RULE, styles, table_style

    sheet = styles()
    mentor = form.mentor_name or "your mentor"
    anchors = "; ".join(f"{point} = {label}" for point, label in form.anchors)
    story: list[Any] = [
        paragraph(f"How does {mentor} mentor you?", sheet.title),
        paragraph(f"{form.framework_title} (version {form.framework_version}) — a rating form for mentees",
                  sheet.subtitle),
        paragraph(f"For each sentence, tick one box from {form.scale_min} to {form.scale_max} for how well "
                  f"it describes your mentor ({anchors})."
                  + (" Tick “N/A” when it does not apply to your mentoring." if form.not_applicable else "")
                  + " There are no right answers; your honest view helps your mentor improve.", sheet.body),
        paragraph("Your name (optional): ______________________________    Date: ______________", sheet.body),
        Spacer(1, 6),
    ]
    points = list(range(form.scale_min, form.scale_max + 1))
    anchor_of = dict(form.anchors)
    columns = len(points) + (1 if form.not_applicable else 0)
    box_width = 34
    text_width = 480 - box_width * columns
    for title, items in form.domains:
        head: list[Any] = [paragraph(title, sheet.table_header)] + [str(p) for p in points]
        anchor_row: list[Any] = [""] + [_anchor_lines(anchor_of.get(p, "")) for p in points]
        if form.not_applicable:
            head.append("N/A")
            anchor_row.append(_anchor_lines("not applicable"))
        rows: list[list[Any]] = [head, anchor_row]
        rows += [[paragraph(text, sheet.table)] + [BOX] * columns for text in items]
        style = table_style(header_rows=1)
        for command in (("ALIGN", (1, 0), (-1, -1), "CENTER"),
                        ("VALIGN", (1, 2), (-1, -1), "MIDDLE"),
                        ("FONT", (1, 1), (-1, 1), fonts.font_name(fonts.FAMILY), 5.5, 6.5),
                        ("TEXTCOLOR", (1, 1), (-1, 1), MUTED),
                        ("BACKGROUND", (0, 1), (-1, 1), colors.white),
                        ("FONT", (1, 2), (-1, -1), fonts.font_name(fonts.FAMILY), 13, 15),
                        ("LEFTPADDING", (1, 0), (-1, -1), 1),
                        ("RIGHTPADDING", (1, 0), (-1, -1), 1)):
            style.add(*command)
        if form.not_applicable:
            style.add("LINEBEFORE", (-1, 0), (-1, -1), 0.6, RULE)
        story.append(Table(rows, colWidths=[text_width] + [box_width] * columns, style=style,
                           repeatRows=2))
        story.append(Spacer(1, 8))
    story.append(Paragraph("Anything else you would like your mentor to know", sheet.heading2))
    comments = Table([[""]], colWidths=[480], rowHeights=[90], style=table_style(header_rows=0))
    comments.setStyle([("BOX", (0, 0), (-1, -1), 0.6, RULE)])
    story.append(comments)
    return story


def write_rating_form_pdf(form: RatingForm, out_path: Path) -> Path:
    """Write the blank mentee rating form at ``out_path``; raises ReportError when it cannot."""
    return build_pdf(out_path, rating_form_flowables(form), title=f"{form.framework_title} — rating form",
                     author=form.mentor_name, footer_text="Rating form for mentees")
