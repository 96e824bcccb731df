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

COMMON_WORD = "rota"
PHRASE = '"teaching session"'


def _painted(app: Any, widget: Any) -> None:
    """Show ``widget`` and let it paint its first rows."""
    widget.resize(1100, 700)
    widget.show()
    app.processEvents()
    widget.repaint()


def _time_view(app: Any, make: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Minimum and median time to build a view and paint its first rows."""
    views: list[Any] = []

    def open_view() -> None:
        view = make()
        _painted(app, view)
        views.append(view)

    result = timed(open_view, repeat)
    for view in views:
        view.close()
        view.deleteLater()
    return result


def measure_roster(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.mentees_view import MenteesView

    minimum, median = _time_view(app, MenteesView, repeat)
    report.add(within("open the roster", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def measure_sessions_list(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.sessions_view import SessionsView

    minimum, median = _time_view(app, SessionsView, repeat)
    report.add(within("open the sessions list (all mentees)", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def measure_timeline(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.bench.memory_probe import longest_mentee_id
    from mentordesk.services.sessions import list_sessions
    from mentordesk.ui.widgets.timeline_widget import TimelineWidget

    mentee_id = longest_mentee_id()
    count = len(list_sessions(mentee_id=mentee_id))

    def make() -> Any:
        widget = TimelineWidget()
        widget.set_mentee(mentee_id)
        return widget

    minimum, median = _time_view(app, make, repeat)
    report.add(within("open the longest timeline", minimum, median, LIST_BUDGET_MS, "< 100 ms",
                      note=f"{count} sessions"))


def _raw_fts(expression: str) -> Callable[[], object]:
    from mentordesk.db.base import database

    def run() -> object:
        return database.execute_sql(
            "SELECT record_id FROM search_text WHERE search_text MATCH ? AND private = 0 "
            "ORDER BY rowid DESC LIMIT 50", (f"body : ({expression})",)).fetchall()

    return run


def measure_search(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.services import search

    rare = _rarest_word()
    for label, text in (("rare word", rare), ("common word", COMMON_WORD), ("two-word phrase", PHRASE)):
        hits = len(search.search(text, limit=50))
        minimum, median = timed(lambda t=text: search.search(t, limit=50), repeat)  # type: ignore[misc]
        expression = search.match_expression(text) or '""'
        _, base = timed(_raw_fts(expression), repeat)
        report.add(within(f"full-text search, {label}", minimum, median, SEARCH_BUDGET_MS, "< 50 ms",
                          baseline=base, note=f"“{text}”, {hits} hits shown"))


def _rarest_word() -> str:
    """A real word of the notes that only a handful of index rows contain."""
    from mentordesk.db.base import database

    database.execute_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab USING fts5vocab(main, search_text, row)")
    row = database.execute_sql(
        "SELECT term FROM temp.search_vocab WHERE doc BETWEEN 3 AND 20 AND length(term) > 6 "
        "AND term GLOB '[a-z]*' ORDER BY doc, term LIMIT 1").fetchone()
    return str(row[0]) if row else "mentoring"


def measure_dashboard(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.ui.views.dashboard_view import DashboardView

    minimum, median = _time_view(app, DashboardView, repeat)
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
    texts: list[str] = []
    for summary in list_sessions(mentee_id=mentee_id):
        data = get_session(summary.id)
        texts.extend(getattr(data, name) for name in SECTION_FIELDS)
    all_text = "\n".join(texts)
    _, base = timed(lambda: _bare_reportlab(all_text, folder / "bare.pdf"), max(2, repeat // 2))
    from mentordesk.reports.prep_sheet import write_prep_sheet
    from mentordesk.services.prep import prepare
    from mentordesk.services.progress_report import ReportOptions, write_report

    runs = max(2, repeat // 2)
    minimum, median = timed(lambda: write_report(mentee_id, ReportOptions(), folder / "r.pdf"), runs)
    report.add(within("progress report, longest mentee", minimum, median, REPORT_BUDGET_MS, "< 1.5 s",
                      baseline=base, note=f"{len(texts) // len(SECTION_FIELDS)} sessions"))
    minimum, median = timed(lambda: write_prep_sheet(prepare(mentee_id), folder / "p.pdf"), runs)
    report.add(within("prep sheet, longest mentee", minimum, median, REPORT_BUDGET_MS, "< 1.5 s"))


def measure_dashboard_rules(app: Any, report: Report, repeat: int) -> None:
    from mentordesk.services.dashboard import dashboard

    minimum, median = timed(dashboard, repeat)
    report.add(within("dashboard rules (service)", minimum, median, LIST_BUDGET_MS, "< 100 ms"))


def measure_exchange(app: Any, report: Report, repeat: int) -> None:
    """Export of the whole data set, and its import into an empty data file (once each: slow)."""
    from mentordesk.services.exchange import export_to_file, import_file
    from mentordesk.services.storage import close_data, open_data_dir

    folder = Path(tempfile.mkdtemp(prefix="mentordesk-bench-"))
    out = folder / "export.json"
    export_ms = time_call(lambda: export_to_file(out))
    size_mb = out.stat().st_size / 1e6
    report.add(Result("export the whole data set", "s", export_ms / 1000, export_ms / 1000,
                      note=f"{size_mb:.0f} MB of JSON"))
    from mentordesk.db.base import database

    source = Path(database.database)
    close_data()
    try:
        open_data_dir(folder / "imported")
        import_ms = time_call(lambda: import_file(out))
        report.add(Result("import it into an empty data file", "s", import_ms / 1000, import_ms / 1000))
    finally:
        close_data()
        open_data_dir(source.parent)


def measure_typing(app: Any, report: Report, repeat: int) -> None:
    """Keystroke to painted character in a session note while autosave keeps saving.

    Keys are posted to the event loop one at a time (as a keyboard delivers them)
    with autosave set to save after every short pause, so saves run between and
    around keystrokes; each key is timed until its character is in the note and
    the note has been painted. The save itself is timed separately.
    """
    import statistics

    from PySide6.QtCore import QEvent, QObject, Qt
    from PySide6.QtGui import QKeyEvent

    from mentordesk.bench.memory_probe import longest_mentee_id
    from mentordesk.services import checkpoints
    from mentordesk.ui.dialogs.session_window import open_new_session

    checkpoints.leave_checkpoints_to_caller()  # as the running app does (ui/checkpointer.py)
    window = open_new_session(None, longest_mentee_id())
    editor = window.editor
    editor.autosave.set_intervals(20, 200)  # save far more often than a mentor's pause would
    note = editor.sections.current_edit()
    note.setFocus()
    painted = {"count": 0}

    class _Paints(QObject):
        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint:
                painted["count"] += 1
            return False

    watcher = _Paints()
    note.viewport().installEventFilter(watcher)
    saves: list[float] = []
    original = editor._save  # noqa: SLF001 (timing the autosave's own call)

    def timed_save() -> bool:
        start = time.perf_counter()
        result = original()
        saves.append((time.perf_counter() - start) * 1000)
        return bool(result)

    editor.autosave._save = timed_save  # noqa: SLF001
    latencies = []
    for n in range(max(60, repeat * 20)):
        char = "abcdefghij klmnop"[n % 17]
        before_len, before_paints = len(note.toPlainText()), painted["count"]
        start = time.perf_counter()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            app.postEvent(note, QKeyEvent(kind, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, char))
        while len(note.toPlainText()) == before_len or painted["count"] == before_paints:
            app.processEvents()
        latencies.append((time.perf_counter() - start) * 1000)
        pause_until = time.perf_counter() + (0.03 if n % 5 == 0 else 0.005)
        while time.perf_counter() < pause_until:  # let autosave timers fire between keys
            app.processEvents()
    editor.autosave._save = original  # noqa: SLF001
    window.close()
    if editor.session_id:  # leave the data set as it was for the next run
        from mentordesk.services.sessions import delete_session

        delete_session(editor.session_id)
    checkpoints.restore_defaults()
    latencies.sort()
    p95 = latencies[int(len(latencies) * 0.95) - 1]
    # A key pressed while a save runs waits for it: the longest save bounds that wait.
    worst_save = max(saves, default=0.0)
    report.add(Result("typing: keystroke to painted character, autosave on", "ms", min(latencies),
                      statistics.median(latencies), "never blocked by saving (< 16 ms, one frame)",
                      None, None, max(p95, worst_save) < 16.0,
                      note=f"95th percentile {p95:.1f} ms; longest save, a key's worst wait, "
                           f"{worst_save:.1f} ms over {len(saves)} saves"))


def time_call(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


IN_PROCESS = [
    measure_roster,
    measure_sessions_list,
    measure_timeline,
    measure_search,
    measure_dashboard_rules,
    measure_dashboard,
    measure_reports,
    measure_typing,
    measure_exchange,
]
