"""The one-page mentoring agreement the mentor and mentee go through and sign together."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mentordesk.services.agreement_report import AgreementSheet

BLANK = "to be agreed"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _date(value: date | None) -> str:
    return value.isoformat() if value else BLANK


def _cadence(days: int | None) -> str:
    if not days:
        return "No set rhythm: we agree each next meeting as we go"
    return f"About every {days} days" if days != 1 else "Every day"


def _terms(sheet: AgreementSheet) -> list[tuple[str, str]]:
    return [
        ("Kind of relationship", _capital(sheet.relationship_kind) or BLANK),
        ("How we meet", sheet.meeting_format or BLANK),
        ("How often", _cadence(sheet.cadence_days) if sheet.has_agreement else BLANK),
        ("Who brings the agenda", sheet.agenda_owner or BLANK),
        ("Confidentiality", sheet.confidentiality or BLANK),
        ("Agreed on", _date(sheet.agreed_on)),
        ("Review on", _date(sheet.review_on)),
    ]


def _match(sheet: AgreementSheet) -> list[tuple[str, str]]:
    rows = [("How the match began", sheet.match_origin)]
    rows += [(label, value) for label, value in (
        ("Shared interests", sheet.shared_interests),
        ("Proximity", sheet.proximity),
        ("Aligned values", sheet.aligned_values),
    ) if value]
    return rows


def _label_table(rows: list[tuple[str, str]], width: float) -> Any:
    from reportlab.platypus import Table

    from mentordesk.reports.styles import styles, table_style
    from mentordesk.reports.text import paragraph

    sheet = styles()
    cells = [[paragraph(label, sheet.table_header), paragraph(value, sheet.table)] for label, value in rows]
    return Table(cells, colWidths=[width * 0.3, width * 0.7], style=table_style(header_rows=0),
                 hAlign="LEFT")


def _signatures(sheet: AgreementSheet, width: float) -> Any:
    from reportlab.lib.colors import white
    from reportlab.platypus import Table, TableStyle

    from mentordesk.reports.styles import INK, styles, table_style
    from mentordesk.reports.text import paragraph

    look = styles()

    def row(left: Any, right: Any) -> list[Any]:
        return [left, "", right]  # the middle column keeps the two lines apart

    cells = [row(paragraph(f"Mentee: {sheet.mentee_name}", look.table),
                 paragraph(f"Mentor: {sheet.mentor_name or '—'}", look.table)),
             row("", ""), row(paragraph("Signature", look.small), paragraph("Signature", look.small)),
             row("", ""), row(paragraph("Date", look.small), paragraph("Date", look.small))]
    table = Table(cells, colWidths=[width * 0.45, width * 0.1, width * 0.45],
                  rowHeights=[None, 34, None, 22, None], style=table_style(header_rows=0), hAlign="LEFT")
    # Lines to write on, above "Signature" and "Date"; no stripes behind them.
    table.setStyle(TableStyle([
        ("ROWBACKGROUNDS", (0, 0), (-1, -1), [white]),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, white),
        ("LINEBELOW", (0, 1), (0, 1), 0.8, INK), ("LINEBELOW", (2, 1), (2, 1), 0.8, INK),
        ("LINEBELOW", (0, 3), (0, 3), 0.8, INK), ("LINEBELOW", (2, 3), (2, 3), 0.8, INK),
    ]))
    return table


def agreement_story(sheet: AgreementSheet, width: float) -> list[Any]:
    """The flowables of the agreement page."""
    from reportlab.platypus import Spacer

    from mentordesk.reports.styles import styles
    from mentordesk.reports.text import paragraph

    look = styles()
    between = f"between {sheet.mentee_name} (mentee) and {sheet.mentor_name or 'the mentor'} (mentor)"
    story: list[Any] = [paragraph("Mentoring agreement", look.title), paragraph(between, look.subtitle)]
    who = [("Mentee", _joined_line(sheet.mentee_name, sheet.mentee_role)),
           ("Mentor", _joined_line(sheet.mentor_name or "—", sheet.mentor_role))]
    story.append(_label_table(who, width))
    story.append(paragraph("What we agree", look.heading1))
    if not sheet.has_agreement:
        story.append(paragraph("Nothing is recorded yet: fill in the terms together.", look.body_italic))
    story.append(_label_table(_terms(sheet), width))
    story.append(paragraph("How we came together", look.heading1))
    story.append(_label_table(_match(sheet), width))
    story.append(Spacer(1, 10))
    story.append(paragraph("Either of us may ask to review or end this agreement at any time. "
                           "Meetings are voluntary, and what is said stays within the terms above.",
                           look.body))
    story.append(Spacer(1, 18))
    story.append(_signatures(sheet, width))
    return story


def _joined_line(name: str, role: str) -> str:
    return f"{name}\n{role}" if role else name


def write_agreement(sheet: AgreementSheet, out_path: Path, *, prepared_on: date | None = None) -> Path:
    """Write the agreement of ``sheet`` as a one-page PDF at ``out_path``."""
    from reportlab.lib.pagesizes import A4

    from mentordesk.reports.document import build_pdf
    from mentordesk.reports.styles import MARGINS

    width = A4[0] - MARGINS.left - MARGINS.right
    return build_pdf(out_path, agreement_story(sheet, width),
                     title=f"Mentoring agreement — {sheet.mentee_name}", author=sheet.mentor_name,
                     footer_text=f"Mentoring agreement · {sheet.mentee_name}", prepared_on=prepared_on)
