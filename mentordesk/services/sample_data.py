"""Deterministic sample data: the ``--demo`` mentees, and (scaled up) the benchmark's data set.

``fill_demo()`` puts about fifteen realistic mentees from medicine, nursing,
pharmacy and midwifery into an empty data file, with two years of meetings.
``generate()`` is the same code with the numbers turned up: 300 mentees,
30,000 sessions and 60,000 action items over 25 years take a few seconds.

Everything comes from one ``random.Random(seed)`` and the given ``today``: the
same arguments give the same names, ids, dates and text. Rows are written in
chunks inside one transaction.
"""

from __future__ import annotations

import random
import string
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import peewee as pw

from mentordesk.db.base import database
from mentordesk.db.models import (
    ActionItem,
    Agreement,
    Goal,
    GoalProgress,
    Mentee,
    MenteeTag,
    Mentor,
    Session,
    StatusChange,
    Tag,
)
from mentordesk.services import clock
from mentordesk.services import sample_text as text
from mentordesk.services.errors import ValidationError
from mentordesk.services.folding import fold

DEMO_SEED = 7
_ROWS_PER_BATCH = 500


@dataclass(frozen=True)
class Persona:
    """A hand-written demo mentee; ``generate`` invents more in the same shape when asked."""

    name: str
    lang: str
    track: str
    role: str
    specialty: str
    organisation: str
    email: str = ""
    status: str = "active"
    kind: str = "career"
    cadence: int = 28
    meeting_format: str = "mixed"
    agenda_owner: str = "mentee"
    months: int = 12  # how long the relationship has run (demo only)
    match_origin: str = "mentee_invited"
    new_in_post_days: int | None = None  # in post for this many days: the first hundred days
    tags: tuple[str, ...] = ()
    overdue: bool = False
    struggling: bool = False
    closure_reason: str | None = None
    notes: str = ""
    strengths: str = ""
    aspirations: str = ""


PERSONAS: tuple[Persona, ...] = (
    Persona("María José Fernández Ruiz", "es", "consultant", "Consultant", "Emergency medicine",
            "Riverside University Hospital", "mj.fernandez@riverside.example", kind="transition into a post",
            cadence=14, months=1, new_in_post_days=40, match_origin="mentor_invited", agenda_owner="shared",
            tags=("first 100 days", "leadership"),
            notes="Appointed after six years as a registrar in Madrid and Leeds. First consultant post.",
            strengths="Calm in a crisis; teaches at the bedside without being asked.",
            aspirations="Build the same-day emergency care pathway; keep one day a month for teaching."),
    Persona("Łucja Żmijewska", "pl", "doctor", "Specialty registrar (ST5)", "Cardiology",
            "Riverside University Hospital", "lucja.zmijewska@riverside.example", kind="research",
            cadence=28, months=22, match_origin="programme", tags=("research", "exam prep"),
            notes="Half-way through an MD on heart failure clinics.",
            strengths="Rigorous; writes clearly.", aspirations="An academic consultant post."),
    Persona("Nguyễn Thị Phương Thảo", "vi", "nurse", "Staff nurse", "Acute medicine",
            "Riverside University Hospital", "thao.nguyen@riverside.example", kind="career", cadence=28,
            months=16, tags=("nursing", "international graduate"),
            notes="Trained in Hà Nội; two years in the UK.", strengths="Warm with patients; very organised.",
            aspirations="A band 6 post and, later, advanced practice."),
    Persona("Ελένη Παπαδοπούλου", "el", "pharmacist", "Clinical pharmacist", "Medicines optimisation",
            "Westmoor General Hospital", "eleni.p@westmoor.example", kind="clinical skills", cadence=42,
            months=20, meeting_format="video", tags=("pharmacy",), overdue=True,
            strengths="Knows the formulary by heart; patient with the junior doctors.",
            aspirations="Independent prescriber on the frailty ward."),
    Persona("陈静", "zh", "student", "Medical student, year 4", "Undergraduate medicine",
            "Hillcrest Medical School", "jing.chen@students.hillcrest.example", kind="career", cadence=21,
            months=9, match_origin="programme", tags=("exam prep",),
            notes="Came to the UK for medical school; family in Chengdu.",
            aspirations="Paediatrics, perhaps; wants to try general practice first."),
    Persona("ليلى حداد", "ar", "gp", "GP specialty trainee (ST2)", "General practice",
            "Eastbank Primary Care Network", "layla.haddad@eastbank.example", kind="exam preparation",
            cadence=28, months=14, tags=("exam prep", "less than full time"),
            notes="Training less than full time (60%) with two young children.",
            strengths="Excellent with anxious patients; good at safety-netting."),
    Persona("Siobhán Ní Mhurchú", "ga", "midwife", "Midwife", "Labour ward", "St Brigid's Maternity Unit",
            "siobhan.nimhurchu@stbrigids.example", kind="wellbeing & balance", cadence=21, months=11,
            overdue=True, tags=("wellbeing",), meeting_format="phone",
            notes="Newly qualified last year; shift work makes meetings hard to keep."),
    Persona("Olúwaṣeun Adébáyọ̀", "yo", "doctor", "Core surgical trainee (CT2)", "General surgery",
            "Westmoor General Hospital", "seun.adebayo@westmoor.example", kind="clinical skills", cadence=28,
            months=18, match_origin="mentor_invited", tags=("exam prep", "teaching"),
            strengths="Steady hands; popular with the students.",
            aspirations="Colorectal surgery; a surgical training number next year."),
    Persona("Ifeoma Nwachukwu", "ig", "pa", "Physician associate", "Acute medicine",
            "Riverside University Hospital", "ifeoma.n@riverside.example", kind="career", cadence=35,
            months=13, tags=("leadership",),
            aspirations="Lead physician associate for the medical division."),
    Persona("Priya Chaturvedi", "hi", "doctor", "Internal medicine trainee (IMT2)", "Acute medicine",
            "Westmoor General Hospital", "priya.chaturvedi@westmoor.example", kind="exam preparation",
            cadence=21, months=15, tags=("exam prep",), match_origin="programme",
            strengths="Quick, thorough clerking; good under pressure."),
    Persona("Thomas Whitfield", "en", "doctor", "Foundation doctor (FY2)", "General medicine",
            "Riverside University Hospital", "thomas.whitfield@riverside.example", kind="wellbeing & balance",
            cadence=14, months=7, struggling=True, tags=("wellbeing",),
            notes="Asked for a mentor after a hard run of nights."),
    Persona("Zeynep Yıldırım", "tr", "doctor", "Specialty registrar (ST4)", "Emergency medicine",
            "Riverside University Hospital", "zeynep.yildirim@riverside.example", status="paused",
            kind="career", cadence=28, months=14, tags=("less than full time", "return to work"),
            notes="On parental leave; agreed to pick up again on return."),
    Persona("Lena Schäfer", "de", "doctor", "Clinical fellow", "Respiratory medicine",
            "Westmoor General Hospital", "lena.schaefer@westmoor.example", status="prospective",
            kind="research", cadence=28, months=0, match_origin="mentee_invited", tags=("research",),
            aspirations="A research post in sleep medicine."),
    Persona("João Gonçalves", "pt", "nurse", "Advanced clinical practitioner", "Critical care",
            "Riverside University Hospital", "joao.goncalves@riverside.example", status="closed",
            kind="leadership", cadence=28, months=20, closure_reason="goals_realised",
            tags=("leadership", "nursing")),
    Persona("Олена Коваленко", "uk", "doctor", "Clinical fellow", "Respiratory medicine",
            "Westmoor General Hospital", "olena.kovalenko@westmoor.example", status="closed",
            kind="transition into a post", cadence=21, months=9, closure_reason="circumstances_changed",
            tags=("international graduate",)),
    Persona("Hannah Ashworth", "en", "nurse", "Senior staff nurse", "Respiratory",
            "Northgate Community Trust", "hannah.ashworth@northgate.example", kind="leadership", cadence=42,
            months=24, meeting_format="in_person", agenda_owner="mentee", tags=("leadership", "nursing")),
)

DEMO_MENTOR = {
    "name": "Dr Alex Morgan",
    "role": "Consultant physician and educational supervisor (demo profile)",
    "organisation": "Riverside University Hospital",
    "email": "alex.morgan@riverside.example",
}


@dataclass(frozen=True)
class Summary:
    """How many rows of each kind ``generate`` wrote."""

    mentees: int
    sessions: int
    actions: int
    goals: int


@dataclass
class _Rows:
    mentees: list[tuple[Any, ...]] = field(default_factory=list)
    status_changes: list[tuple[Any, ...]] = field(default_factory=list)
    mentee_tags: list[tuple[Any, ...]] = field(default_factory=list)
    agreements: list[tuple[Any, ...]] = field(default_factory=list)
    goals: list[tuple[Any, ...]] = field(default_factory=list)
    progress: list[tuple[Any, ...]] = field(default_factory=list)
    sessions: list[tuple[Any, ...]] = field(default_factory=list)
    actions: list[tuple[Any, ...]] = field(default_factory=list)
    tag_ids: dict[str, int] = field(default_factory=dict)


def fill_demo(*, today: date | None = None, seed: int = DEMO_SEED) -> None:
    """Fill an empty data file with the demo mentees and a demo mentor profile."""
    generate(mentees=len(PERSONAS), years=2, seed=seed, today=today)


def generate(*, mentees: int, sessions: int | None = None, actions: int | None = None, years: int = 2,
             longest: int | None = None, seed: int = DEMO_SEED, today: date | None = None) -> Summary:
    """Write ``mentees`` mentees with agreements, goals, sessions and actions into an empty data file.

    Without ``sessions``/``actions`` the counts follow each relationship's length
    and cadence (the demo). With them, exactly that many are spread over the
    mentees (the benchmark); ``longest`` gives one active mentee that many sessions.
    Meetings reach back at most ``years`` years from ``today``.
    """
    if mentees < 1:
        raise ValidationError("The sample data needs at least one mentee.")
    if Mentee.select().exists():
        raise ValidationError("Sample data goes only into an empty data file.")
    rng = random.Random(seed)
    today = today or clock.today()
    personas = _personas(rng, mentees)
    counts = _session_counts(rng, personas, sessions, longest, years) if sessions is not None else None
    total_sessions = sum(counts) if counts is not None else None
    action_counts = (_spread(rng, actions, total_sessions)
                     if actions is not None and total_sessions is not None else None)

    rows = _Rows()
    action_cursor = 0
    for index, persona in enumerate(personas):
        count = counts[index] if counts is not None else None
        per_session = None
        if action_counts is not None and count is not None:
            per_session = action_counts[action_cursor:action_cursor + count]
            action_cursor += count
        _build_mentee(rng, persona, rows, today=today, years=years, count=count, action_counts=per_session)

    with database.atomic():
        if not Mentor.select().exists():
            Mentor.insert(**DEMO_MENTOR).execute()
        _insert(Tag, [Tag._meta.primary_key, Tag.name], [(i, name) for name, i in rows.tag_ids.items()])
        _insert(Mentee, _MENTEE_FIELDS, rows.mentees)
        _insert(StatusChange, _STATUS_FIELDS, rows.status_changes)
        _insert(MenteeTag, [MenteeTag.mentee, MenteeTag.tag], rows.mentee_tags)
        _insert(Agreement, _AGREEMENT_FIELDS, rows.agreements)
        _insert(Goal, _GOAL_FIELDS, rows.goals)
        _insert(GoalProgress, [GoalProgress.goal, GoalProgress.on, GoalProgress.percent, GoalProgress.note],
                rows.progress)
        _insert(Session, _SESSION_FIELDS, rows.sessions)
        _insert(ActionItem, _ACTION_FIELDS, rows.actions)
        # Bulk rows bypass the services, so the full-text index is built once at the end.
        from mentordesk.services.search_index import rebuild

        rebuild()
    return Summary(mentees=len(rows.mentees), sessions=len(rows.sessions), actions=len(rows.actions),
                   goals=len(rows.goals))


# --- who the mentees are -------------------------------------------------------------

def _personas(rng: random.Random, count: int) -> list[Persona]:
    """The hand-written personas first, then invented ones in the same shape."""
    chosen = list(PERSONAS[:count])
    seen = {p.name for p in chosen}
    languages = sorted(set(text.NAMES) | set(text.WHOLE_NAMES))
    tracks = sorted(text.ROLES)
    while len(chosen) < count:
        lang = rng.choice(languages)
        name = _invent_name(rng, lang)
        if name in seen:
            name = f"{name} {_roman(len(chosen))}" if rng.random() < 0.5 else _invent_name(rng, lang)
            if name in seen:
                continue
        seen.add(name)
        track = rng.choice(tracks)
        role, specialty = rng.choice(text.ROLES[track])
        status = rng.choices(("active", "paused", "prospective", "closed"), (70, 6, 4, 20))[0]
        slug = "".join(ch for ch in fold(name).replace(" ", ".") if ch in string.ascii_lowercase + ".")
        chosen.append(Persona(
            name=name, lang=lang, track=track, role=role, specialty=specialty,
            organisation=rng.choice(text.ORGANISATIONS),
            email=f"{slug or 'mentee'}.{len(chosen)}@example.org",
            status=status, kind=rng.choice(text.RELATIONSHIP_KINDS),
            cadence=rng.choice((14, 21, 28, 28, 35, 42)),
            meeting_format=rng.choice(("in_person", "video", "phone", "mixed")),
            agenda_owner=rng.choice(("mentee", "mentee", "shared", "mentor")),
            months=rng.randint(3, 30),
            match_origin=rng.choice(("mentee_invited", "mentor_invited", "programme", "other")),
            tags=tuple(rng.sample(text.TAGS, rng.randint(0, 3))),
            overdue=status == "active" and rng.random() < 0.1,
            struggling=rng.random() < 0.08,
            closure_reason=rng.choice(("goals_realised", "circumstances_changed", "mutual", "other"))
            if status == "closed" else None,
        ))
    return chosen


def _invent_name(rng: random.Random, lang: str) -> str:
    if lang in text.WHOLE_NAMES:
        return rng.choice(text.WHOLE_NAMES[lang])
    given, family = text.NAMES[lang]
    if lang == "vi":
        return f"{rng.choice(family)} {rng.choice(('Thị', 'Văn', 'Minh', 'Ngọc'))} {rng.choice(given)}"
    return f"{rng.choice(given)} {rng.choice(family)}"


def _roman(n: int) -> str:
    return "ABCDEFGHJKLMNPQRSTUVWXYZ"[n % 24]


def _session_counts(rng: random.Random, personas: Sequence[Persona], total: int,
                    longest: int | None, years: int) -> list[int]:
    """Exactly ``total`` sessions over the mentees who have begun; one may get ``longest``."""
    counts = [0] * len(personas)
    met = [i for i, p in enumerate(personas) if p.status != "prospective"]
    if not met or total <= 0:
        return counts
    if longest and len(met) > 1:
        heavy = next((i for i in met if personas[i].status == "active"), met[0])
        counts[heavy] = min(longest, total)
        total -= counts[heavy]
        met = [i for i in met if i != heavy]
    weights = [rng.uniform(0.4, 1.6) for _ in met]
    for i, n in zip(met, _spread(rng, total, len(met), weights=weights), strict=True):
        counts[i] = n
    return counts


def _spread(rng: random.Random, total: int, parts: int, weights: list[float] | None = None) -> list[int]:
    """``total`` split into ``parts`` whole numbers, uneven but summing exactly."""
    if parts <= 0:
        return []
    weights = weights or [rng.uniform(0.0, 2.0) for _ in range(parts)]
    scale = total / (sum(weights) or 1.0)
    counts = [int(w * scale) for w in weights]
    short = total - sum(counts)  # what rounding down left over: fewer than ``parts``, in practice
    for i in rng.sample(range(parts), min(parts, short)):
        counts[i] += 1
    while sum(counts) < total:
        counts[rng.randrange(parts)] += 1
    return counts


# --- one mentee's history ----------------------------------------------------------------

def _build_mentee(rng: random.Random, p: Persona, rows: _Rows, *, today: date, years: int,
                  count: int | None, action_counts: list[int] | None) -> None:
    mentee_id = _new_id(rng)
    slots = {**text.COMMON, **text.TRACKS[p.track]}
    horizon = today - timedelta(days=365 * years)
    if p.new_in_post_days is not None:  # the relationship began with the new post
        horizon = max(horizon, today - timedelta(days=p.new_in_post_days - 2))

    # When the relationship ends (or stands) and how its meetings are spaced.
    if p.status == "closed":
        closed_on = today - timedelta(days=rng.randint(45, min(400, 365 * years // 3 + 45)))
        last = closed_on - timedelta(days=rng.randint(0, 6))
    elif p.status == "paused":
        closed_on = None
        last = today - timedelta(days=rng.randint(80, 150))
    elif p.overdue:
        closed_on = None
        last = today - timedelta(days=int(p.cadence * rng.uniform(1.6, 2.6)))
    else:
        closed_on = None
        last = today - timedelta(days=rng.randint(2, max(3, p.cadence - 3)))

    if p.status == "prospective":
        dates: list[date] = []
        agreed_on = None
        match_on = today - timedelta(days=rng.randint(5, 25))
    else:
        if count is None:
            span = min(30 * p.months, (last - horizon).days)
            count = max(1, span // p.cadence + 1)
        dates = _meeting_dates(rng, last, count, p.cadence, horizon) if count else []
        agreed_on = max(horizon, (dates[0] if dates else last) - timedelta(days=rng.randint(0, 3)))
        match_on = agreed_on - timedelta(days=rng.randint(7, 30))

    if p.new_in_post_days is not None:
        started_post_on = today - timedelta(days=p.new_in_post_days)
        match_on = min(match_on, started_post_on - timedelta(days=10))
    else:
        started_post_on = (agreed_on or today) - timedelta(days=rng.randint(90, 1400))

    created = _at(match_on, 10, 0)
    rows.mentees.append((
        mentee_id, p.name, fold(p.name), p.role, p.specialty, p.organisation, p.email, started_post_on,
        p.new_in_post_days is not None, p.status, p.notes, p.strengths, p.aspirations, p.match_origin,
        rng.choice(text.SHARED_INTERESTS), rng.choice(text.PROXIMITY), rng.choice(text.ALIGNED_VALUES),
        closed_on, p.closure_reason, text.CLOSURE_REFLECTIONS.get(p.closure_reason or "", ""),
        created, _at(last if dates else match_on, 20, 0),
    ))
    for tag in p.tags:
        tag_id = rows.tag_ids.setdefault(tag, len(rows.tag_ids) + 1)
        rows.mentee_tags.append((mentee_id, tag_id))

    # Status history: matched as prospective, active from the agreement, then paused or closed.
    rows.status_changes.append((mentee_id, None, "prospective", match_on, "Matched.", created))
    if agreed_on is not None:
        rows.status_changes.append((mentee_id, "prospective", "active", agreed_on, "Agreement signed.",
                                    _at(agreed_on, 18, 0)))
    if p.status == "paused":
        paused_on = last + timedelta(days=rng.randint(3, 14))
        rows.status_changes.append((mentee_id, "active", "paused", paused_on,
                                    "Parental leave; we will pick up again on return.",
                                    _at(paused_on, 18, 0)))
    if p.status == "closed" and closed_on is not None:
        rows.status_changes.append((mentee_id, "active", "closed", closed_on,
                                    (p.closure_reason or "other").replace("_", " ").capitalize() + ".",
                                    _at(closed_on, 18, 0)))

    review_on = None
    if p.new_in_post_days is not None:
        review_on = started_post_on + timedelta(days=100)  # the end of the first hundred days
    elif agreed_on is not None and p.status in ("active", "paused"):
        review_on = agreed_on + timedelta(days=365)
        while review_on < today - timedelta(days=20):
            review_on += timedelta(days=365)
    rows.agreements.append((
        _new_id(rng), mentee_id, p.kind, p.meeting_format, p.cadence, p.agenda_owner,
        rng.choice(text.CONFIDENTIALITY), review_on, agreed_on, _at(agreed_on or match_on, 18, 30),
    ))

    _build_goals(rng, p, rows, mentee_id, agreed_on or match_on, dates[-1] if dates else None, today)
    _build_sessions(rng, p, rows, mentee_id, dates, slots, today, action_counts)


def _meeting_dates(rng: random.Random, last: date, count: int, cadence: int, horizon: date) -> list[date]:
    """``count`` meeting days ending at ``last``, about ``cadence`` apart, none before ``horizon``."""
    gaps = [cadence * rng.uniform(0.8, 1.3) for _ in range(count - 1)]
    room = (last - horizon).days
    squeeze = min(1.0, room / sum(gaps)) if gaps and sum(gaps) > room else 1.0
    days: list[date] = [last]
    for gap in gaps:
        days.append(days[-1] - timedelta(days=max(1.0, gap * squeeze)))
    days.reverse()
    return [_weekday(d) for d in days]


def _weekday(day: date) -> date:
    """Meetings fall on weekdays: a Saturday moves to Friday, a Sunday to Monday."""
    weekday = day.weekday()
    return day - timedelta(days=1) if weekday == 5 else day + timedelta(days=1) if weekday == 6 else day


def _at(day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute)


def _build_goals(rng: random.Random, p: Persona, rows: _Rows, mentee_id: str, begun: date,
                 last: date | None, today: date) -> None:
    bank = text.GOALS[p.track]
    for position, (title, detail) in enumerate(rng.sample(bank, min(len(bank), rng.randint(1, 3)))):
        goal_id = _new_id(rng)
        target_on = begun + timedelta(days=rng.randint(120, 540))
        length = (last - begun).days if last is not None else 0
        steps = 0 if last is None else min(6, max(1, length // 60))
        percent = 0
        for step in range(steps):
            on = begun + timedelta(days=(step + 1) * length // (steps + 1))
            percent = min(100, percent + rng.randint(10, 35))
            rows.progress.append((goal_id, on, percent, rng.choice(_PROGRESS_NOTES)))
        status = "achieved" if percent >= 100 or p.closure_reason == "goals_realised" else "open"
        if status == "open" and steps > 2 and rng.random() < 0.1:
            status = "dropped"
        rows.goals.append((goal_id, mentee_id, title, detail, target_on, status, position,
                           _at(begun, 19, 0)))


_PROGRESS_NOTES = (
    "A first step taken; more to do.",
    "Steady progress despite a heavy month.",
    "Stalled during nights; back on track now.",
    "Good feedback from the supervisor.",
    "Most of the work done; the last part is the hardest.",
    "Reviewed at our meeting; the plan still stands.",
)


def _build_sessions(rng: random.Random, p: Persona, rows: _Rows, mentee_id: str, dates: list[date],
                    slots: dict[str, tuple[str, ...]], today: date, action_counts: list[int] | None) -> None:
    phrases = text.HOME_PHRASES.get(p.lang, ())
    formats = ("in_person", "video", "phone") if p.meeting_format == "mixed" else (p.meeting_format,)
    n = len(dates)
    for i, day in enumerate(dates):
        session_id = _new_id(rng)
        hour, minute = rng.choice(text.MEETING_HOURS)
        held_on = _at(day, hour, minute)
        recent = i >= n - 2
        listening = _sentences(rng, text.LISTENING, rng.randint(3, 5), slots)
        if phrases and rng.random() < 0.08:
            listening += " " + rng.choice(phrases)
        score: int | None
        if rng.random() < 0.15:
            score = None
        elif p.struggling and recent:
            score = rng.choice((1, 2, 2))
        else:
            score = rng.choices((1, 2, 3, 4, 5), (2, 8, 30, 40, 20))[0]
        signals = ""
        note = ""
        if score is not None and score <= 2:
            signals = "\n".join(rng.sample(text.WELLBEING_SIGNALS, rng.randint(1, 3)))
            note = rng.choice(text.WELLBEING_NOTES)
        elif score == 3 and rng.random() < 0.3:
            signals = rng.choice(text.WELLBEING_SIGNALS)
        if i + 1 < n or p.status == "active":
            next_on: date | None = day + timedelta(days=p.cadence)
        else:
            next_on = None
        agenda_by = p.agenda_owner if rng.random() < 0.75 else rng.choice(("mentee", "mentor", "shared"))
        rows.sessions.append((
            session_id, mentee_id, held_on, rng.choice((30, 45, 45, 60, 60, 90)), rng.choice(formats),
            "\n".join(_fill(rng, t, slots) for t in rng.sample(text.AGENDA, rng.randint(1, 3))), agenda_by,
            listening,
            "\n".join(_fill(rng, t, slots) for t in rng.sample(text.QUESTIONS, rng.randint(2, 4))),
            _sentences(rng, text.ENCOURAGEMENT, rng.randint(1, 3), slots),
            _sentences(rng, text.CHALLENGE, rng.randint(1, 2), slots),
            score, signals, note,
            rng.choice(text.PRIVATE_REMARKS) if rng.random() < 0.15 else "",
            next_on, held_on + timedelta(hours=1), held_on + timedelta(hours=1, minutes=20),
        ))
        count = action_counts[i] if action_counts is not None else rng.choice((0, 1, 1, 2, 2, 3))
        for position in range(count):
            _add_action(rng, p, rows, session_id, mentee_id, day, position, slots, today, recent)


def _add_action(rng: random.Random, p: Persona, rows: _Rows, session_id: str, mentee_id: str, day: date,
                position: int, slots: dict[str, tuple[str, ...]], today: date, recent: bool) -> None:
    owner = "mentee" if rng.random() < 0.75 else "mentor"
    template = rng.choice(text.ACTIONS_MENTEE if owner == "mentee" else text.ACTIONS_MENTOR)
    due_on = day + timedelta(days=rng.randint(7, 42))
    done_on: date | None = None
    finished = p.status == "closed" or rng.random() < (0.35 if recent else 0.96)
    if finished:
        done_on = min(today, max(day, due_on + timedelta(days=rng.randint(-12, 8))))
    rows.actions.append((_new_id(rng), session_id, mentee_id, _fill(rng, template, slots), owner,
                         due_on, done_on, position))


# --- text --------------------------------------------------------------------------------

_formatter = string.Formatter()
_slot_cache: dict[str, tuple[str, ...]] = {}


def _slots_of(template: str) -> tuple[str, ...]:
    names = _slot_cache.get(template)
    if names is None:
        names = tuple(dict.fromkeys(name for _, name, _, _ in _formatter.parse(template) if name))
        _slot_cache[template] = names
    return names


def _fill(rng: random.Random, template: str, slots: dict[str, tuple[str, ...]]) -> str:
    names = _slots_of(template)
    if not names:
        return template
    return template.format_map({name: rng.choice(slots[name]) for name in names})


def _sentences(rng: random.Random, templates: Sequence[str], count: int,
               slots: dict[str, tuple[str, ...]]) -> str:
    return " ".join(_fill(rng, t, slots) for t in rng.sample(templates, count))


def _new_id(rng: random.Random) -> str:
    """A version-4 UUID drawn from the seeded generator, so a run can be repeated exactly."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


# --- writing -----------------------------------------------------------------------------

_MENTEE_FIELDS = [
    Mentee.id, Mentee.name, Mentee.name_key, Mentee.role, Mentee.specialty, Mentee.organisation,
    Mentee.email, Mentee.started_post_on, Mentee.new_in_post, Mentee.status, Mentee.notes,
    Mentee.strengths, Mentee.aspirations, Mentee.match_origin, Mentee.shared_interests, Mentee.proximity,
    Mentee.aligned_values, Mentee.closed_on, Mentee.closure_reason, Mentee.closure_reflection,
    Mentee.created_at, Mentee.updated_at,
]
_STATUS_FIELDS = [StatusChange.mentee, StatusChange.from_status, StatusChange.to_status,
                  StatusChange.changed_on, StatusChange.note, StatusChange.created_at]
_AGREEMENT_FIELDS = [Agreement.id, Agreement.mentee, Agreement.relationship_kind, Agreement.meeting_format,
                     Agreement.cadence_days, Agreement.agenda_owner, Agreement.confidentiality,
                     Agreement.review_on, Agreement.agreed_on, Agreement.created_at]
_GOAL_FIELDS = [Goal.id, Goal.mentee, Goal.title, Goal.detail, Goal.target_on, Goal.status, Goal.position,
                Goal.created_at]
_SESSION_FIELDS = [
    Session.id, Session.mentee, Session.held_on, Session.duration_min, Session.format, Session.agenda,
    Session.agenda_by, Session.listening, Session.questions, Session.encouragement, Session.challenge,
    Session.wellbeing_score, Session.wellbeing_signals, Session.wellbeing_note, Session.private_remarks,
    Session.next_on, Session.created_at, Session.updated_at,
]
_ACTION_FIELDS = [ActionItem.id, ActionItem.session, ActionItem.mentee, ActionItem.text, ActionItem.owner,
                  ActionItem.due_on, ActionItem.done_on, ActionItem.position]


def _insert(model: type[pw.Model], fields: list[Any], rows: list[tuple[Any, ...]]) -> None:
    """Many rows into ``model``'s table, in chunks of a few hundred.

    Table and column names come from the model; the statement is bound once and
    run with ``executemany``, because building peewee's ``insert_many`` SQL value by
    value costs more than writing the rows (about 10 s of the 90,000-row benchmark set).
    Values are already what the fields store: strings, numbers, dates, datetimes.
    """
    columns = ", ".join(f'"{f.column_name}"' for f in fields)
    marks = ", ".join("?" for _ in fields)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = database.cursor()
    for start in range(0, len(rows), _ROWS_PER_BATCH):
        cursor.executemany(sql, rows[start:start + _ROWS_PER_BATCH])
