"""The progress report of one mentee over a period: what it contains, as plain data.

``gather`` reads everything the report shows in one query per table (no query per
meeting) and returns a ``ProgressReport``; ``write_report`` and ``report_bytes`` turn
it into a PDF with ``mentordesk.reports.progress``. What the mentor wrote privately —
private remarks, the referral log, wellbeing scores and signals — is in the report
only when asked for, each separately, and then every page says so.

Safe to call from a worker thread inside ``worker_connection()``: peewee keeps one
connection per thread, so the worker opens its own and closes it afterwards.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import peewee as pw

from mentordesk.db.base import database
from mentordesk.db.models import (
    ActionItem,
    Agreement,
    Goal,
    GoalProgress,
    Mentee,
    Milestone,
    Referral,
    Session,
)
from mentordesk.services import clock
from mentordesk.services.errors import ReportError, ValidationError
from mentordesk.services.goals import STATUS_LABELS as GOAL_STATUS_LABELS
from mentordesk.services.mentees import STATUS_LABELS, get_mentee
from mentordesk.services.mentor import MentorProfile, get_profile
from mentordesk.services.relationships import AGENDA_LABELS, CLOSURE_LABELS, FORMAT_LABELS
from mentordesk.services.sessions import SECTION_FIELDS, SECTION_LABELS, summary_line

SECTION_CHOICES = ("all", "challenge", "summary")
"""Which parts of each meeting's notes the report shows."""
SECTION_CHOICE_LABELS = {
    "all": "All four moves",
    "challenge": "Encouragement and challenge only",
    "summary": "A summary line per meeting",
}
_SECTIONS_SHOWN = {
    "all": SECTION_FIELDS,
    "challenge": ("encouragement", "challenge"),
    "summary": (),
}
SUMMARY_LENGTH = 160

Progress = Callable[[int, str], None]
"""Called with a percentage and what is being done, for a progress indicator."""


@dataclass(frozen=True)
class ReportOptions:
    """What the mentor asked for. Dates are inclusive; None means the default."""

    date_from: date | None = None
    date_to: date | None = None
    sections: str = "all"
    include_private: bool = False
    include_wellbeing: bool = False
    include_referrals: bool = False

    @property
    def includes_private_information(self) -> bool:
        return self.include_private or self.include_wellbeing or self.include_referrals


@dataclass(frozen=True)
class GoalProgressPoint:
    on: date
    percent: int
    note: str


@dataclass(frozen=True)
class GoalReport:
    title: str
    detail: str
    target_on: date | None
    status: str
    status_label: str
    progress: tuple[GoalProgressPoint, ...]  # oldest first, up to the end of the period

    @property
    def latest_percent(self) -> int | None:
        return self.progress[-1].percent if self.progress else None


@dataclass(frozen=True)
class Wellbeing:
    score: int | None
    signals: tuple[str, ...]
    note: str


@dataclass(frozen=True)
class MeetingReport:
    held_on: datetime
    duration_min: int | None
    format_label: str
    agenda_by_label: str
    agenda: str
    sections: tuple[tuple[str, str], ...]  # (label, text) of the chosen moves that hold text
    summary: str
    wellbeing: Wellbeing | None  # only when asked for
    private_remarks: str | None  # only when asked for


@dataclass(frozen=True)
class ActionLine:
    text: str
    owner: str
    agreed_on: date
    due_on: date | None
    done_on: date | None


@dataclass(frozen=True)
class MovesBalance:
    """In how many meetings of the period each move was written down, and how much."""

    meetings: tuple[int, ...]
    characters: tuple[int, ...]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(SECTION_LABELS[name] for name in SECTION_FIELDS)


@dataclass(frozen=True)
class MilestoneLine:
    day: int
    due_on: date | None
    prompt: str
    done_on: date | None
    note: str


@dataclass(frozen=True)
class ReferralLine:
    on: date
    note: str


@dataclass(frozen=True)
class ClosureReport:
    closed_on: date | None
    reason_label: str
    reflection: str


@dataclass(frozen=True)
class AgreementBrief:
    relationship_kind: str
    meeting_format_label: str
    cadence_days: int | None
    agenda_owner_label: str
    confidentiality: str
    agreed_on: date | None
    review_on: date | None


@dataclass(frozen=True)
class ProgressReport:
    """Everything one progress report shows, in the order it shows it."""

    mentee_name: str
    mentee_role: str
    mentee_specialty: str
    mentee_organisation: str
    status_label: str
    mentor: MentorProfile
    began_on: date | None
    period_start: date
    period_end: date
    prepared_on: date
    options: ReportOptions
    agreement: AgreementBrief | None
    goals: tuple[GoalReport, ...]
    meetings: tuple[MeetingReport, ...]  # oldest first
    format_counts: tuple[tuple[str, int], ...]
    agenda_counts: tuple[tuple[str, int], ...]
    actions_completed: tuple[ActionLine, ...]
    actions_open: tuple[ActionLine, ...]
    moves: MovesBalance
    milestones: tuple[MilestoneLine, ...]
    closure: ClosureReport | None
    referrals: tuple[ReferralLine, ...] | None = None  # None: not asked for
    started_post_on: date | None = None

    @property
    def relationship_kind(self) -> str:
        return self.agreement.relationship_kind if self.agreement else ""

    @property
    def contains_private_information(self) -> bool:
        return self.options.includes_private_information


def check_options(options: ReportOptions) -> ReportOptions:
    """The options, or a ValidationError a mentor can read."""
    if options.sections not in SECTION_CHOICES:
        raise ValidationError(
            f"Sections must be one of: {', '.join(SECTION_CHOICES)} (not “{options.sections}”)."
        )
    if options.date_from and options.date_to and options.date_from > options.date_to:
        raise ValidationError(
            f"The period starts ({options.date_from.isoformat()}) after it ends "
            f"({options.date_to.isoformat()})."
        )
    return options


def relationship_began(mentee_id: str) -> date | None:
    """When the relationship began: the first meeting or the agreement, whichever came first."""
    first = (Session.select(pw.fn.MIN(Session.held_on)).where(Session.mentee == mentee_id).scalar())
    agreed = (Agreement.select(pw.fn.MIN(Agreement.agreed_on))
              .where(Agreement.mentee == mentee_id).scalar())
    candidates = [d for d in (_as_date(first), _as_date(agreed)) if d is not None]
    return min(candidates) if candidates else None


def default_period(mentee_id: str) -> tuple[date, date]:
    """Since the relationship began (or the mentee was added) until today."""
    mentee = get_mentee(mentee_id)
    end = clock.today()
    start = relationship_began(mentee_id) or _as_date(mentee.created_at) or end
    return min(start, end), end


def gather(mentee_id: str, options: ReportOptions | None = None) -> ProgressReport:
    """Read what the report of one mentee over the chosen period shows."""
    options = check_options(options or ReportOptions())
    mentee = get_mentee(mentee_id)
    began = relationship_began(mentee_id)
    default_start, default_end = (began or _as_date(mentee.created_at) or clock.today(),
                                  clock.today())
    start = options.date_from or min(default_start, options.date_to or default_end)
    end = options.date_to or max(default_end, start)
    start_at = datetime.combine(start, datetime.min.time())
    end_before = datetime.combine(end + timedelta(days=1), datetime.min.time())

    agreements = list(Agreement.select().where(Agreement.mentee == mentee_id)
                      .order_by(pw.SQL("rowid")))
    sessions = list(Session.select().where(Session.mentee == mentee_id,
                                           Session.held_on >= start_at,
                                           Session.held_on < end_before)
                    .order_by(Session.held_on, Session.id))
    goals = list(Goal.select().where(Goal.mentee == mentee_id)
                 .order_by(Goal.position, Goal.created_at))
    points: dict[str, list[GoalProgressPoint]] = {}
    for goal_id, on, percent, note in (
        GoalProgress.select(GoalProgress.goal, GoalProgress.on, GoalProgress.percent,
                            GoalProgress.note)
        .join(Goal).where(Goal.mentee == mentee_id, GoalProgress.on <= end)
        .order_by(GoalProgress.on, GoalProgress.id).tuples()
    ):
        points.setdefault(goal_id, []).append(GoalProgressPoint(_as_date(on) or end, percent, note))
    actions = list(
        ActionItem.select(ActionItem.text, ActionItem.owner, ActionItem.due_on,
                          ActionItem.done_on, Session.held_on)
        .join(Session).where(ActionItem.mentee == mentee_id, Session.held_on < end_before)
        .order_by(Session.held_on, ActionItem.position).tuples()
    )
    milestones = list(Milestone.select().where(Milestone.mentee == mentee_id)
                      .order_by(Milestone.day, Milestone.position))
    referrals = None
    if options.include_referrals:
        referrals = tuple(
            ReferralLine(_as_date(on) or start, note)
            for on, note in Referral.select(Referral.on, Referral.note)
            .where(Referral.mentee == mentee_id, Referral.on >= start, Referral.on <= end)
            .order_by(Referral.on, Referral.created_at).tuples()
        )

    meetings = tuple(_meeting(row, options) for row in sessions)
    completed, still_open = _actions(actions, start, end)
    return ProgressReport(
        mentee_name=mentee.name,
        mentee_role=mentee.role,
        mentee_specialty=mentee.specialty,
        mentee_organisation=mentee.organisation,
        status_label=STATUS_LABELS.get(mentee.status, mentee.status),
        mentor=get_profile(),
        began_on=began,
        period_start=start,
        period_end=end,
        prepared_on=clock.today(),
        options=options,
        agreement=_agreement(agreements),
        goals=tuple(
            GoalReport(g.title, g.detail, _as_date(g.target_on), g.status,
                       GOAL_STATUS_LABELS.get(g.status, g.status), tuple(points.get(g.id, ())))
            for g in goals
        ),
        meetings=meetings,
        format_counts=_counts(FORMAT_LABELS.get(s.format, s.format) for s in sessions),
        agenda_counts=_counts(AGENDA_LABELS.get(s.agenda_by, s.agenda_by) for s in sessions),
        actions_completed=completed,
        actions_open=still_open,
        moves=_balance(sessions),
        milestones=tuple(
            MilestoneLine(m.day, _due(mentee.started_post_on, m.day), m.prompt,
                          _as_date(m.done_on), m.note)
            for m in milestones
        ),
        closure=_closure(mentee),
        referrals=referrals,
        started_post_on=_as_date(mentee.started_post_on),
    )


def report_title(report: ProgressReport) -> str:
    return f"Progress report — {report.mentee_name}"


def default_file_name(report_or_name: ProgressReport | str, on: date | None = None) -> str:
    """"Progress report — NAME — DATE.pdf", with characters a file name cannot hold replaced."""
    name = report_or_name if isinstance(report_or_name, str) else report_or_name.mentee_name
    day = (on or clock.today()).isoformat()
    safe = "".join("-" if ch in '/\\:*?"<>|' or ord(ch) < 32 else ch for ch in name).strip()
    return f"Progress report — {safe or 'mentee'} — {day}.pdf"


def write_report(mentee_id: str, options: ReportOptions, out_path: Path, *,
                 page_size: str = "A4", progress: Progress | None = None) -> ProgressReport:
    """Gather and write the report to ``out_path`` (complete or not at all); return its data."""
    from mentordesk.reports.progress import build_progress_pdf

    _tell(progress, 5, "Reading the notes…")
    report = gather(mentee_id, options)
    _tell(progress, 40, "Laying out the pages…")
    build_progress_pdf(report, out_path, page_size=page_size)
    _tell(progress, 100, "Done")
    return report


def report_bytes(mentee_id: str, options: ReportOptions, *, page_size: str = "A4",
                 progress: Progress | None = None) -> tuple[bytes, ProgressReport]:
    """The report as PDF bytes (for a preview); no file is left anywhere."""
    with tempfile.TemporaryDirectory(prefix="mentordesk-preview-") as folder:
        path = Path(folder) / "preview.pdf"
        report = write_report(mentee_id, options, path, page_size=page_size, progress=progress)
        return path.read_bytes(), report


def save_pdf_bytes(data: bytes, out_path: Path) -> Path:
    """Write PDF bytes (a previewed report) to ``out_path``: owner-only, complete or not at all."""
    out_path = Path(out_path)
    folder = out_path.parent
    if not folder.is_dir():
        raise ReportError(f"The report cannot be saved: the folder {folder} does not exist.")
    if out_path.is_dir():
        raise ReportError(f"The report cannot be saved: {out_path} is a folder.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ReportError(f"The report cannot be saved in {folder}: "
                          f"{exc.strerror or exc}.") from exc
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temp_name, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(temp_name, out_path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ReportError(f"The report {out_path} could not be written: "
                          f"{exc.strerror or exc}.") from exc
    return out_path


@contextlib.contextmanager
def worker_connection() -> Iterator[None]:
    """A database connection of the calling thread's own, closed when the block ends.

    peewee's SqliteDatabase keeps its connection per thread: a worker thread must
    open its own (and close it, or SQLite keeps the file busy).
    """
    opened = database.connect(reuse_if_open=True)
    try:
        yield
    finally:
        if opened:
            database.close()


# --- helpers ------------------------------------------------------------------------------

def _tell(progress: Progress | None, percent: int, what: str) -> None:
    if progress is not None:
        progress(percent, what)


def _as_date(value: object) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        return datetime.fromisoformat(text).date() if len(text) > 10 else date.fromisoformat(text)
    except ValueError:
        return None


def _due(started: object, day: int) -> date | None:
    begun = _as_date(started)
    return begun + timedelta(days=day) if begun else None


def _counts(labels: Iterable[str]) -> tuple[tuple[str, int], ...]:
    counter: Counter[str] = Counter(labels)
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _meeting(row: Session, options: ReportOptions) -> MeetingReport:
    held = row.held_on if isinstance(row.held_on, datetime) else datetime.fromisoformat(
        str(row.held_on))
    sections = tuple(
        (SECTION_LABELS[name], getattr(row, name).strip())
        for name in _SECTIONS_SHOWN[options.sections] if (getattr(row, name) or "").strip()
    )
    wellbeing = None
    if options.include_wellbeing:
        signals = tuple(s for s in (row.wellbeing_signals or "").split("\n") if s.strip())
        note = (row.wellbeing_note or "").strip()
        if row.wellbeing_score is not None or signals or note:
            wellbeing = Wellbeing(row.wellbeing_score, signals, note)
    private = (row.private_remarks or "").strip() if options.include_private else None
    return MeetingReport(
        held_on=held,
        duration_min=row.duration_min,
        format_label=FORMAT_LABELS.get(row.format, row.format),
        agenda_by_label=AGENDA_LABELS.get(row.agenda_by, row.agenda_by),
        agenda=(row.agenda or "").strip() if options.sections != "summary" else "",
        sections=sections,
        summary=summary_line(row, SUMMARY_LENGTH, "No notes written."),
        wellbeing=wellbeing,
        private_remarks=private,
    )


def _actions(rows: list[tuple[object, ...]], start: date,
             end: date) -> tuple[tuple[ActionLine, ...], tuple[ActionLine, ...]]:
    """Completed within the period, and still open at its end."""
    completed: list[ActionLine] = []
    still_open: list[ActionLine] = []
    for text, owner, due_on, done_on, held_on in rows:
        done = _as_date(done_on)
        line = ActionLine(str(text), str(owner), _as_date(held_on) or start, _as_date(due_on), done)
        if done is not None and start <= done <= end:
            completed.append(line)
        elif done is None or done > end:
            still_open.append(line)
    completed.sort(key=lambda a: (a.done_on or end, a.agreed_on))
    return tuple(completed), tuple(still_open)


def _balance(sessions: list[Session]) -> MovesBalance:
    meetings = [0, 0, 0, 0]
    characters = [0, 0, 0, 0]
    for row in sessions:
        for index, name in enumerate(SECTION_FIELDS):
            size = len((getattr(row, name) or "").strip())
            if size:
                meetings[index] += 1
                characters[index] += size
    return MovesBalance(tuple(meetings), tuple(characters))


def _agreement(rows: list[Agreement]) -> AgreementBrief | None:
    if not rows:
        return None
    newest = rows[-1]
    first_agreed = min((d for d in (_as_date(r.agreed_on) for r in rows) if d), default=None)
    return AgreementBrief(
        relationship_kind=newest.relationship_kind,
        meeting_format_label=FORMAT_LABELS.get(newest.meeting_format, newest.meeting_format),
        cadence_days=newest.cadence_days,
        agenda_owner_label=AGENDA_LABELS.get(newest.agenda_owner, newest.agenda_owner),
        confidentiality=newest.confidentiality,
        agreed_on=_as_date(newest.agreed_on) or first_agreed,
        review_on=_as_date(newest.review_on),
    )


def _closure(mentee: Mentee) -> ClosureReport | None:
    if mentee.status != "closed":
        return None
    reason = CLOSURE_LABELS.get(mentee.closure_reason or "", mentee.closure_reason or "")
    return ClosureReport(_as_date(mentee.closed_on), reason or "Not given",
                         mentee.closure_reflection or "")
