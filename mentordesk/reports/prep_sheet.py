"""The prep sheet: one A4 page (two at most) to print and write on before a meeting.

It shows what the prep view shows, shortened where needed to stay within two
pages, and ruled space for notes. It never shows private remarks or the referral
log (``PrepData`` does not carry them); the wellbeing trend only when asked for,
since a printed sheet can be seen by others.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentordesk.services.prep import PrepData, format_day

MAX_GOALS = 5
MAX_ACTIONS = 6
MAX_FOLLOW_UP_CHARS = 300
# With these limits the fullest record takes about a page and a half: two pages at most.
MIN_NOTE_LINES = 5
LINE_GAP = 22.0  # points between ruled lines: room for handwriting
MAX_FRAME_HEIGHT = 1200.0  # taller than any page's frame
FOOTER = "Mentoring prep sheet · confidential"


def cut(text: str, limit: int) -> str:
    """``text`` shortened at a word boundary to about ``limit`` characters."""
    text = text.strip()
    if len(text) <= limit:
        return text
    head = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return head.rstrip(" ,;:") + " … (more in MentorDesk)"


def _facts(data: PrepData, include_wellbeing: bool) -> list[tuple[str, str]]:
    rows = [("Last contact", data.contact_line)]
    if data.next_on and data.next_on >= data.today:
        rows.append(("Next meeting", f"{format_day(data.next_on)} (as agreed at the last meeting)"))
    elif data.next_on:
        rows.append(("Next meeting", f"{format_day(data.next_on)} was agreed at the last meeting; "
                                     "no meeting is written since."))
    rows.append(("Agreement", data.agreement))
    if data.next_milestone is not None:
        m = data.next_milestone
        due = f", due {format_day(m.due_on)}" if m.due_on else ""
        rows.append(("First hundred days", f"Day {m.day} check-in{due}: {cut(m.prompt, 200)}"))
    if include_wellbeing:
        rows.append(("Wellbeing", data.wellbeing.words))
    shown = [s for s in data.situations if include_wellbeing or s != "falling_wellbeing"]
    if shown:
        from mentordesk.services.prep import SITUATION_LABELS

        rows.append(("What is going on", ", ".join(SITUATION_LABELS[s] for s in shown).capitalize()))
    return rows


def _label_table(rows: list[tuple[str, str]], width: float) -> Any:
    from reportlab.platypus import Table

    from mentordesk.reports.styles import styles, table_style
    from mentordesk.reports.text import paragraph

    look = styles()
    cells = [[paragraph(label, look.table_header), paragraph(value, look.table)] for label, value in rows]
    return Table(cells, colWidths=[width * 0.24, width * 0.76], style=table_style(header_rows=0),
                 hAlign="LEFT")


def _table(header: list[str], rows: list[list[str]], widths: list[float]) -> Any:
    from reportlab.platypus import Table

    from mentordesk.reports.styles import styles, table_style
    from mentordesk.reports.text import paragraph

    look = styles()
    cells = [[paragraph(h, look.table_header) for h in header]]
    cells += [[paragraph(value, look.table) for value in row] for row in rows]
    return Table(cells, colWidths=widths, style=table_style(header_rows=1), hAlign="LEFT", repeatRows=1)


def _goals(data: PrepData, width: float) -> list[Any]:
    from mentordesk.reports.styles import styles
    from mentordesk.reports.text import paragraph

    look = styles()
    out: list[Any] = [paragraph("Goals", look.heading2)]
    if not data.goals:
        return [*out, paragraph("No open goals.", look.body_italic)]
    rows = []
    for goal in data.goals[:MAX_GOALS]:
        progress = "not yet measured" if goal.latest_percent is None else f"{goal.latest_percent} %"
        if goal.stalled:
            progress += " — stalled"
        last = format_day(goal.last_update) if goal.last_update else "—"
        target = format_day(goal.target_on) if goal.target_on else "—"
        rows.append([cut(goal.title, 90), progress, last, target])
    out.append(_table(["Goal", "Progress", "Last update", "Target"], rows,
                      [width * 0.5, width * 0.18, width * 0.16, width * 0.16]))
    if len(data.goals) > MAX_GOALS:
        out.append(paragraph(f"… and {len(data.goals) - MAX_GOALS} more open goals in MentorDesk.",
                             look.small))
    return out


def _actions(data: PrepData, width: float) -> list[Any]:
    from mentordesk.reports.styles import styles
    from mentordesk.reports.text import paragraph

    look = styles()
    out: list[Any] = [paragraph("Open actions", look.heading2)]
    if not data.open_actions:
        return [*out, paragraph("No open actions.", look.body_italic)]
    rows = []
    for action in data.open_actions[:MAX_ACTIONS]:
        due = format_day(action.due_on) if action.due_on else "—"
        if action.overdue:
            due += " (overdue)"
        rows.append(["☐ " + cut(action.text, 110), "Mentee" if action.owner == "mentee" else "You", due])
    out.append(_table(["Action", "Who", "Due"], rows, [width * 0.62, width * 0.12, width * 0.26]))
    if len(data.open_actions) > MAX_ACTIONS:
        out.append(paragraph(f"… and {len(data.open_actions) - MAX_ACTIONS} more open actions in "
                             "MentorDesk.", look.small))
    return out


def _follow_up(data: PrepData) -> list[Any]:
    from reportlab.platypus import Paragraph

    from mentordesk.reports.styles import styles
    from mentordesk.reports.text import para_markup, paragraph

    look = styles()
    follow = data.follow_up
    if follow is None:
        return []
    out: list[Any] = [paragraph(f"To follow up from the meeting on {format_day(follow.held_on.date())}",
                                look.heading2)]
    for label, text in (("Open questions", follow.questions), ("Challenge", follow.challenge)):
        if text:
            # The label inside the paragraph, so that it never ends a page alone.
            out.append(Paragraph(f"<b>{label}</b><br/>{para_markup(cut(text, MAX_FOLLOW_UP_CHARS))}",
                                 look.body))
    if len(out) == 1:
        out.append(paragraph("No questions or challenge were written at the last meeting.", look.body_italic))
    return out


def _questions(data: PrepData) -> list[Any]:
    from mentordesk.reports.styles import styles
    from mentordesk.reports.text import paragraph

    look = styles()
    out: list[Any] = [paragraph("Questions to ask", look.heading2)]
    out += [paragraph(f"☐ {q.text}", look.body) for q in data.questions]
    return out


def _ruled_lines(min_lines: int) -> Any:
    """Lines to write on, filling what is left of the page (at least ``min_lines``)."""
    from reportlab.platypus import Flowable

    from mentordesk.reports.styles import RULE

    class RuledLines(Flowable):
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            least = min_lines * LINE_GAP
            # A heading kept with its next flowable asks for our size with an endless height
            # (reportlab's KeepTogether): answer the least then, or the group never fits.
            if least <= avail_height <= MAX_FRAME_HEIGHT:
                lines = max(min_lines, int(avail_height // LINE_GAP) - 1)
            else:
                lines = min_lines
            self.height = lines * LINE_GAP
            return self.width, self.height

        def draw(self) -> None:
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(RULE)
            canvas.setLineWidth(0.6)
            y = self.height - LINE_GAP
            while y >= 0:
                canvas.line(0, y, self.width, y)
                y -= LINE_GAP
            canvas.restoreState()

    return RuledLines()


def prep_sheet_flowables(data: PrepData, *, include_wellbeing: bool = False) -> list[Any]:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Spacer

    from mentordesk.reports.styles import MARGINS, styles
    from mentordesk.reports.text import paragraph

    look = styles()
    width = A4[0] - MARGINS.left - MARGINS.right
    about = " · ".join(part for part in (data.role, data.specialty, data.organisation) if part)
    story: list[Any] = [paragraph(f"Meeting prep — {data.name}", look.title)]
    if about:
        story.append(paragraph(about, look.subtitle))
    story.append(_label_table(_facts(data, include_wellbeing), width))
    story += _goals(data, width)
    story += _actions(data, width)
    story += _follow_up(data)
    story += _questions(data)
    story.append(Spacer(1, 4))
    story.append(paragraph("Notes", look.heading2))
    story.append(_ruled_lines(MIN_NOTE_LINES))
    return story


def write_prep_sheet(data: PrepData, out_path: Path, *, include_wellbeing: bool = False,
                     author: str = "") -> Path:
    """Write the prep sheet PDF (mode 0600); raises ReportError if it cannot be saved."""
    from mentordesk.reports.document import build_pdf

    return build_pdf(Path(out_path), prep_sheet_flowables(data, include_wellbeing=include_wellbeing),
                     title=f"Meeting prep — {data.name}", author=author, footer_text=FOOTER,
                     prepared_on=data.today)
