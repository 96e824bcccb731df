"""The mentoring portfolio for appraisal: the figures of a period as tables, the self-assessment
trend with a radar chart, the development plan, and the reflections the mentor chose.

Mentees appear only as counts. A reflection's link to a mentee is never printed; a mentee's
name is printed only in the "named with their consent" table, when the mentor chose them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentordesk.reports.document import build_pdf
from mentordesk.reports.radar import RadarSeries, radar_drawing
from mentordesk.reports.text import paragraph
from mentordesk.services.portfolio import Figure
from mentordesk.services.portfolio_report import PortfolioDocument

DATE_COLUMN = 66.0
MAX_TREND_COLUMNS = 6  # the earliest and the latest five assessments fit across the page
SECTION_TITLES = (("what_happened", "What happened?"), ("so_what", "So what?"), ("now_what", "Now what?"))


def _mean(value: float | None) -> str:
    return "not rated" if value is None else f"{value:.1f}"


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".") if value else "0"


def portfolio_flowables(document: PortfolioDocument, *, width: float = 470) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table

    from mentordesk.reports.styles import styles, table_style

    sheet = styles()
    p = document.portfolio

    def figures_table(header: tuple[str, str], figures: tuple[Figure, ...], empty: str) -> Any:
        if not figures:
            return Paragraph(empty, sheet.body_italic)
        rows: list[list[Any]] = [list(header)]
        rows += [[paragraph(f.label[:1].upper() + f.label[1:], sheet.table), str(f.value)] for f in figures]
        return _numbers(Table(rows, colWidths=[width * 0.7, width * 0.3], style=table_style(), repeatRows=1,
                              hAlign="LEFT"))

    period = f"{p.start.isoformat()} to {p.end.isoformat()}"
    story: list[Any] = [
        Paragraph("Mentoring portfolio", sheet.title),
        paragraph(f"{p.mentor_name} · {period}" if p.mentor_name else period, sheet.subtitle),
        Paragraph("Evidence of mentoring activity and of reflection on it, for appraisal. Mentees appear "
                  "only as counts; no note of any meeting is included.", sheet.small),
        Paragraph("Mentees", sheet.heading1),
        Paragraph("Relationships that were open at any time in the period, by their status at its end.",
                  sheet.small),
        figures_table(("Status", "Mentees"), p.by_status, "No mentee in this period."),
        Spacer(1, 6),
        figures_table(("Kind of relationship", "Mentees"), p.by_kind, "No mentee in this period."),
        Paragraph("Meetings", sheet.heading1),
    ]
    meeting_rows: list[list[Any]] = [["Figure", "Value"],
                                     ["Meetings held", str(p.meetings)],
                                     ["Hours of mentoring", _hours(p.hours)],
                                     ["First-hundred-days tracks completed", str(p.tracks_completed)]]
    story.append(_numbers(Table(meeting_rows, colWidths=[width * 0.7, width * 0.3], style=table_style(),
                                hAlign="LEFT")))
    if p.meetings_without_duration:
        noun = "meeting has" if p.meetings_without_duration == 1 else "meetings have"
        story.append(Paragraph(f"{p.meetings_without_duration} {noun} no recorded length and "
                               "count as 0 hours.", sheet.small))

    story.append(Paragraph("Relationships closed", sheet.heading1))
    story.append(figures_table(("Reason", "Relationships"), p.closed_by_reason,
                               "No relationship closed in this period."))

    # reportlab's keepWithNext does not hold a heading to a KeepTogether: the heading goes inside.
    story += _trend(document, width, Paragraph("Self-assessment", sheet.heading1))

    story.append(Paragraph("Development plan", sheet.heading1))
    plan_rows: list[list[Any]] = [["Actions", "Count"],
                                  ["Completed in the period", str(p.development_done)],
                                  ["Open at the end of the period", str(p.development_open)]]
    story.append(_numbers(Table(plan_rows, colWidths=[width * 0.7, width * 0.3], style=table_style(),
                                hAlign="LEFT")))

    if p.named_mentees:
        story.append(Paragraph("Mentees named with their consent", sheet.heading1))
        named_rows: list[list[Any]] = [["Mentee", "Meetings", "Hours"]]
        named_rows += [[paragraph(m.name, sheet.table), str(m.meetings), _hours(m.hours)]
                       for m in p.named_mentees]
        story.append(_numbers(Table(named_rows, colWidths=[width * 0.6, width * 0.2, width * 0.2],
                                    style=table_style(), repeatRows=1, hAlign="LEFT")))

    heading = Paragraph("Reflections", sheet.heading1)
    if not p.reflections:
        story += [heading, Paragraph("No reflection was chosen for this portfolio.", sheet.body_italic)]
    for number, entry in enumerate(p.reflections):
        line = f"Written on {entry.written_on.isoformat()}"
        domain = document.domain_titles.get((entry.framework or "", entry.domain_key or ""), "")
        if domain:
            line += f" · competency domain: {domain}"
        # The entry's heading stays with its first part, and each part's label with its text.
        chunk: list[Any] = [*([heading] if number == 0 else []),
                            paragraph(entry.title or "Untitled reflection", sheet.heading2),
                            paragraph(line, sheet.small)]
        for key, title in SECTION_TITLES:
            text = getattr(entry, key)
            if text:
                chunk += [Paragraph(f"<b>{title}</b>", sheet.body), paragraph(text, sheet.body, width=width)]
                story.append(KeepTogether(chunk))
                chunk = []
        story += chunk
        story.append(Spacer(1, 4))
    return story


def _trend(document: PortfolioDocument, width: float, heading: Any) -> list[Any]:
    from reportlab.platypus import KeepTogether, Paragraph, Table

    from mentordesk.reports.styles import styles, table_style

    sheet = styles()
    p = document.portfolio
    dates = p.assessment_dates
    if not dates:
        return [heading, Paragraph("No self-assessment was finished in this period.", sheet.body_italic)]
    flowables: list[Any] = []
    intro = f"{len(dates)} finished self-assessment{'s' if len(dates) != 1 else ''}"
    if document.framework_title:
        intro += f" ({document.framework_title})"
    intro += f"; scale {document.scale_min} to {document.scale_max}."
    axes = [t.title for t in p.domain_trends]
    series = [RadarSeries(f"Latest in the period, {dates[-1].isoformat()}",
                          tuple(t.means[-1] for t in p.domain_trends))]
    if len(dates) > 1:
        series.append(RadarSeries(f"Earliest in the period, {dates[0].isoformat()}",
                                  tuple(t.means[0] for t in p.domain_trends), dashed=True))
    flowables.append(KeepTogether([heading, paragraph(intro, sheet.small),
                                   radar_drawing(axes, series, scale_min=document.scale_min,
                                                 scale_max=document.scale_max, width=width, height=340)]))
    shown = list(range(len(dates)))
    if len(shown) > MAX_TREND_COLUMNS:
        shown = [0, *shown[-(MAX_TREND_COLUMNS - 1):]]
    first_width = width - DATE_COLUMN * len(shown)
    rows: list[list[Any]] = [["Domain mean"] + [dates[i].isoformat() for i in shown]]
    rows += [[paragraph(t.title, sheet.table)] + [_mean(t.means[i]) for i in shown] for t in p.domain_trends]
    flowables.append(_numbers(Table(rows, colWidths=[first_width] + [DATE_COLUMN] * len(shown),
                                    style=table_style(), repeatRows=1, hAlign="LEFT")))
    if len(shown) < len(dates):
        flowables.append(Paragraph(f"The table shows the earliest and the {MAX_TREND_COLUMNS - 1} latest "
                                   f"of {len(dates)} assessments; the CSV has them all.", sheet.small))
    return flowables


def _numbers(table: Any) -> Any:
    """Counts and means line up on the right, under their (right-aligned) heading."""
    table.setStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT")])
    return table


def write_portfolio_pdf(document: PortfolioDocument, out_path: Path, *, page_size: str = "A4") -> Path:
    """Write the portfolio at ``out_path``; raises ReportError when it cannot."""
    p = document.portfolio
    return build_pdf(out_path, portfolio_flowables(document), title="Mentoring portfolio",
                     author=p.mentor_name, page_size=page_size,
                     footer_text=f"Mentoring portfolio, {p.start.isoformat()} to {p.end.isoformat()}",
                     private_marking=bool(p.named_mentees))
