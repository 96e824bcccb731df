"""The in-process measures: lists, timeline, search, dashboard, reports, export and import, typing.

Each takes the open data set and the report, measures several times, and adds
one or more results. A measure whose feature is not in this build says so.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mentordesk.bench.results import Report, Result, timed, within

LIST_BUDGET_MS = 100.0
SEARCH_BUDGET_MS = 50.0
REPORT_BUDGET_MS = 1500.0

RARE_WORD = "zanzibar"  # the generator's rare vocabulary; falls back below when absent
COMMON_WORD = "rota"
PHRASE = '"teaching session"'


def _painted(app: Any, widget: Any) -> None:
    """Show ``widget`` and let it paint its first rows."""
    widget.resize(1100, 700)
    widget.show()
    app.processEvents()
    widget.repaint()


def measure_roster(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.mentees_view import MenteesView

    views: list[Any] = []

    def open_roster() -> None:
        view = MenteesView()
        _painted(app, view)
        views.append(view)

    minimum, median = timed(open_roster, repeat)
    for view in views:
        view.close()
        view.deleteLater()
    report.add(within("open the roster", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def measure_sessions_list(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.sessions_view import SessionsView

    views: list[Any] = []

    def open_list() -> None:
        view = SessionsView()
        _painted(app, view)
        views.append(view)

    minimum, median = timed(open_list, repeat)
    for view in views:
        view.close()
        view.deleteLater()
    report.add(within("open the sessions list (all mentees)", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def measure_timeline(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.bench.memory_probe import longest_mentee_id
    from mentordesk.services.sessions import list_sessions
    from mentordesk.ui.widgets.timeline_widget import TimelineWidget

    mentee_id = longest_mentee_id()
    count = len(list_sessions(mentee_id=mentee_id))
    widgets: list[Any] = []

    def open_timeline() -> None:
        widget = TimelineWidget()
        widget.set_mentee(mentee_id)
        _painted(app, widget)
        widgets.append(widget)

    minimum, median = timed(open_timeline, repeat)
    for widget in widgets:
        widget.close()
        widget.deleteLater()
    report.add(within("open the longest timeline", minimum, median, LIST_BUDGET_MS, "< 100 ms",
                      note=f"{count} sessions"))


def _raw_fts(expression: str) -> Callable[[], object]:
    from mentordesk.db.base import database

    def run() -> object:
        return database.execute_sql(
            "SELECT record_id FROM search_text WHERE search_text MATCH ? AND private = 0 "
            "ORDER BY sort_on DESC LIMIT 50", (f"body : ({expression})",)).fetchall()

    return run


def measure_search(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.services import search

    rare = RARE_WORD if search.search(RARE_WORD, limit=1) else _rarest_word()
    for label, text in (("rare word", rare), ("common word", COMMON_WORD), ("two-word phrase", PHRASE)):
        hits = len(search.search(text, limit=50))
        minimum, median = timed(lambda t=text: search.search(t, limit=50), repeat)  # type: ignore[misc]
        expression = search.match_expression(text) or '""'
        _, base = timed(_raw_fts(expression), repeat)
        report.add(within(f"full-text search, {label}", minimum, median, SEARCH_BUDGET_MS, "< 50 ms",
                          baseline=base, note=f"“{text}”, {hits} hits shown"))


def _rarest_word() -> str:
    from mentordesk.db.base import database

    row = database.execute_sql("SELECT body FROM search_text LIMIT 1 OFFSET 1000").fetchone()
    words = [w for w in (row[0] if row else "mentoring").split() if w.isalpha() and len(w) > 6]
    return words[-1] if words else "mentoring"


def measure_dashboard(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.dashboard_view import DashboardView

    views: list[Any] = []

    def open_dashboard() -> None:
        view = DashboardView()
        _painted(app, view)
        views.append(view)

    minimum, median = timed(open_dashboard, repeat)
    for view in views:
        view.close()
        view.deleteLater()
    report.add(within("open the dashboard", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def _bare_reportlab(text: str, out: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from mentordesk.reports import fonts

    fonts.register_fonts()
    style = getSampleStyleSheet()["BodyText"]
    style.fontName = fonts.FAMILY
    from xml.sax.saxutils import escape

    story = [Paragraph(escape(part)) for part in text.split("\n") if part.strip()]
    for paragraph in story:
        paragraph.style = style
    SimpleDocTemplate(str(out), pagesize=A4).build(story)


def measure_reports(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.bench.memory_probe import longest_mentee_id
    from mentordesk.services.sessions import SECTION_FIELDS, get_session, list_sessions

    mentee_id = longest_mentee_id()
    folder = Path(tempfile.mkdtemp(prefix="mentordesk-bench-"))
    texts = []
    for summary in list_sessions(mentee_id=mentee_id):
        data = get_session(summary.id)
        texts.extend(getattr(data, name) for name in SECTION_FIELDS)
    all_text = "\n".join(texts)
    _, base = timed(lambda: _bare_reportlab(all_text, folder / "bare.pdf"), max(2, repeat // 2))
    try:
        from mentordesk.reports.progress import build_progress_report  # type: ignore[attr-defined]
        from mentordesk.services.progress_report import gather_progress  # type: ignore[attr-defined]
    except ImportError as missing:
        report.add(Result("progress report, 200 sessions", "ms", None, None, "< 1.5 s", base, None, None,
                          f"not in this build: {missing.name}"))
        return
    minimum, median = timed(lambda: build_progress_report(gather_progress(mentee_id), folder / "r.pdf"),
                            max(2, repeat // 2))
    report.add(within("progress report, 200 sessions", minimum, median, REPORT_BUDGET_MS, "< 1.5 s",
                      baseline=base))


def measure_typing(app: Any, report: Report, repeat: int) -> None:
    """Keystroke to painted character in the session editor while autosave runs (not yet wired)."""
    report.add(Result("typing: keystroke to painted character", "ms", None, None,
                      "never blocked by saving", note="measured once the session editor is in the build"))


def time_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


IN_PROCESS = [
    measure_roster,
    measure_sessions_list,
    measure_timeline,
    measure_search,
    measure_dashboard,
    measure_reports,
    measure_typing,
]
