"""Competency assessments: taking them, scoring them and their history (the plan: development_plan.py).

Rules kept here:
- An answer is saved the moment it is given. ``None`` means "not applicable"; an
  item not answered yet has no answer at all. The two are never confused.
- An assessment is finished only when every item is answered or not applicable.
  Until then it can be paused and resumed, and it is left out of trends.
- A domain mean ignores "not applicable" and unanswered items. A domain with no
  rated item is "not rated" (``None``), never 0.
- A mentee's rating of the mentor names the mentee (and goes when they ask for it
  or are deleted) or is anonymous, with an optional label such as "Programme 2026".
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import cast

from mentordesk.db.assessment_models import (
    RATERS,
    Assessment,
    AssessmentAnswer,
    DomainNote,
)
from mentordesk.db.base import new_id, transaction, utc_now
from mentordesk.db.models import Mentee
from mentordesk.services import clock
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.frameworks import (
    DEFAULT_FRAMEWORK,
    Framework,
    get_framework,
    store_framework,
    version_order,
)
from mentordesk.services.validation import clean_choice, clean_text, parse_date

MAX_REFLECTION = 20_000
# Means closer than this are the same for "strongest" and "weakest".
TIE_TOLERANCE = 1e-9


# ---------------------------------------------------------------- plain data out


@dataclass(frozen=True)
class AssessmentSummary:
    """One line of the assessment history."""

    id: str
    framework: str
    framework_version: str
    framework_title: str
    taken_on: date
    rater: str
    mentee_id: str | None
    mentee_name: str
    rater_label: str
    completed_at: datetime | None
    answered: int
    item_count: int

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    @property
    def anonymous(self) -> bool:
        return self.rater == "mentee" and self.mentee_id is None


@dataclass(frozen=True)
class AssessmentDetail:
    summary: AssessmentSummary
    answers: dict[str, int | None]  # item key -> rating; None: not applicable; absent: not answered
    reflection: str
    domain_reflections: dict[str, str]
    development_notes: dict[str, str]


@dataclass(frozen=True)
class ResumePoint:
    """Where to carry on: the first item not answered yet, in framework order."""

    domain_key: str
    item_key: str
    domain_index: int
    item_index: int  # within the domain


@dataclass(frozen=True)
class DomainScore:
    domain_key: str
    title: str
    mean: float | None  # None: not rated (every item not applicable or not answered)
    rated: int
    not_applicable: int
    unanswered: int

    @property
    def item_count(self) -> int:
        return self.rated + self.not_applicable + self.unanswered


@dataclass(frozen=True)
class AssessmentScores:
    assessment_id: str
    framework: str
    framework_version: str
    taken_on: date
    completed: bool
    domains: tuple[DomainScore, ...]

    def mean_of(self, domain_key: str) -> float | None:
        return next((d.mean for d in self.domains if d.domain_key == domain_key), None)


@dataclass(frozen=True)
class Extremes:
    """The strongest and weakest domains, in words. Ties name every domain that shares the place."""

    strongest: tuple[str, ...]  # domain titles
    weakest: tuple[str, ...]
    strongest_mean: float | None
    weakest_mean: float | None
    sentence: str


@dataclass(frozen=True)
class DomainChange:
    domain_key: str
    title: str
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class ItemChange:
    item_key: str
    domain_key: str
    text: str
    before: int | None  # None: not applicable or not answered, or not in that version
    after: int | None

    @property
    def change(self) -> int | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class Comparison:
    before: AssessmentSummary
    after: AssessmentSummary
    domains: tuple[DomainChange, ...]
    items: tuple[ItemChange, ...]


@dataclass(frozen=True)
class DomainGap:
    domain_key: str
    title: str
    self_mean: float | None
    mentee_mean: float | None  # mean over the mentee ratings that rate this domain
    mentee_ratings: int  # how many mentee ratings rate this domain

    @property
    def gap(self) -> float | None:
        """Mentees' view minus the mentor's own: positive when mentees rate the mentor higher."""
        if self.self_mean is None or self.mentee_mean is None:
            return None
        return self.mentee_mean - self.self_mean


@dataclass(frozen=True)
class GapReport:
    framework: str
    self_assessment_id: str | None  # the latest finished self-assessment, if any
    mentee_ratings: int  # finished mentee ratings taken into account
    domains: tuple[DomainGap, ...]


# ---------------------------------------------------------------- taking an assessment


def start_assessment(framework_key: str = DEFAULT_FRAMEWORK, version: str | None = None, *,
                     rater: str = "self", mentee_id: str | None = None,
                     taken_on: date | str | None = None, rater_label: str = "",
                     data_dir: Path | None = None) -> str:
    """Begin an assessment (unfinished until ``complete``); returns its id.

    ``version`` None takes the newest version. An own framework (from the data
    folder when ``data_dir`` is given) is stored in the data file in the same step,
    so that the assessment can always be read back, exported and restored.
    """
    framework = get_framework(framework_key, version, data_dir=data_dir)
    clean_choice(rater, "Rater", RATERS)
    day = parse_date(taken_on, "Date of the assessment") or clock.today()
    if day > clock.today():
        raise ValidationError("An assessment cannot be dated in the future.")
    label = clean_text(rater_label, "Label", max_length=200)
    if rater == "self" and (mentee_id is not None or label):
        raise ValidationError("A self-assessment has no mentee and no rater label.")
    with transaction():
        if mentee_id is not None and Mentee.get_or_none(Mentee.id == mentee_id) is None:
            raise NotFoundError("The mentee of this rating does not exist.")
        if not framework.shipped:
            store_framework(framework)
        now = utc_now()
        assessment_id = new_id()
        Assessment.create(id=assessment_id, framework=framework.key, framework_version=framework.version,
                          taken_on=day, rater=rater, mentee=mentee_id, rater_label=label,
                          created_at=now, updated_at=now)
    return assessment_id


def _assessment(assessment_id: str) -> Assessment:
    row = Assessment.get_or_none(Assessment.id == assessment_id)
    if row is None:
        raise NotFoundError("This assessment does not exist (it may have been deleted).")
    return row


def _framework_of(row: Assessment) -> Framework:
    return get_framework(str(row.framework), str(row.framework_version))


def _touch(row: Assessment) -> None:
    Assessment.update(updated_at=utc_now()).where(Assessment.id == row.id).execute()


def answer(assessment_id: str, item_key: str, value: int | None) -> None:
    """Save one rating at once; ``None`` means "not applicable" (where the scale allows it)."""
    with transaction():
        row = _assessment(assessment_id)
        framework = _framework_of(row)
        framework.item(item_key)
        scale = framework.scale
        if value is None:
            if not scale.not_applicable:
                raise ValidationError(f"“Not applicable” is not an answer in “{framework.title}”.")
        elif isinstance(value, bool) or not isinstance(value, int) or not scale.min <= value <= scale.max:
            raise ValidationError(f"A rating must be a whole number from {scale.min} to {scale.max} "
                                  f"(not {value!r}).")
        (AssessmentAnswer
         .insert(assessment=row.id, item_key=item_key, value=value)
         .on_conflict(conflict_target=[AssessmentAnswer.assessment, AssessmentAnswer.item_key],
                      update={AssessmentAnswer.value: value})
         .execute())
        _touch(row)


def clear_answer(assessment_id: str, item_key: str) -> None:
    """Make an item "not answered yet" again (only while the assessment is unfinished)."""
    with transaction():
        row = _assessment(assessment_id)
        _framework_of(row).item(item_key)
        if row.completed_at is not None:
            raise ValidationError("A finished assessment keeps every item answered; "
                                  "choose another rating or “not applicable” instead.")
        AssessmentAnswer.delete().where(
            (AssessmentAnswer.assessment == row.id) & (AssessmentAnswer.item_key == item_key)).execute()
        _touch(row)


def _set_domain_text(assessment_id: str, domain_key: str, field: str, text: str, label: str) -> None:
    value = clean_text(text, label, multiline=True, max_length=MAX_REFLECTION)
    with transaction():
        row = _assessment(assessment_id)
        _framework_of(row).domain(domain_key)
        (DomainNote
         .insert(assessment=row.id, domain_key=domain_key, **{field: value})
         .on_conflict(conflict_target=[DomainNote.assessment, DomainNote.domain_key],
                      update={getattr(DomainNote, field): value})
         .execute())
        _touch(row)


def set_domain_reflection(assessment_id: str, domain_key: str, text: str) -> None:
    _set_domain_text(assessment_id, domain_key, "reflection", text, "Reflection")


def set_development_notes(assessment_id: str, domain_key: str, text: str) -> None:
    _set_domain_text(assessment_id, domain_key, "development_notes", text, "Development notes")


def set_reflection(assessment_id: str, text: str) -> None:
    """The free reflection at the end of an assessment."""
    value = clean_text(text, "Reflection", multiline=True, max_length=MAX_REFLECTION)
    with transaction():
        row = _assessment(assessment_id)
        Assessment.update(reflection=value, updated_at=utc_now()).where(Assessment.id == row.id).execute()


def complete(assessment_id: str) -> datetime:
    """Mark the assessment finished; refused while any item is not answered yet."""
    with transaction():
        row = _assessment(assessment_id)
        if row.completed_at is not None:
            return row.completed_at
        framework = _framework_of(row)
        answered = _answers(row.id)
        missing = [item.key for item in framework.items if item.key not in answered]
        if missing:
            noun = "item is" if len(missing) == 1 else "items are"
            raise ValidationError(f"{len(missing)} {noun} not answered yet; answer them or mark them "
                                  "“not applicable” before finishing.")
        now = utc_now()
        Assessment.update(completed_at=now, updated_at=now).where(Assessment.id == row.id).execute()
        return now


def resume_point(assessment_id: str) -> ResumePoint | None:
    """The first item not answered yet, or None when every item is answered."""
    row = _assessment(assessment_id)
    answered = _answers(row.id)
    for domain_index, domain in enumerate(_framework_of(row).domains):
        for item_index, item in enumerate(domain.items):
            if item.key not in answered:
                return ResumePoint(domain.key, item.key, domain_index, item_index)
    return None


def delete_assessment(assessment_id: str) -> None:
    """Delete one assessment with its answers and notes (for example one started by mistake)."""
    with transaction():
        row = _assessment(assessment_id)
        row.delete_instance()


def delete_mentee_ratings(mentee_id: str) -> int:
    """Delete every rating a named mentee gave the mentor, at their request; returns how many."""
    with transaction():
        if Mentee.get_or_none(Mentee.id == mentee_id) is None:
            raise NotFoundError("This mentee does not exist.")
        return int(Assessment.delete().where(
            (Assessment.mentee == mentee_id) & (Assessment.rater == "mentee")).execute())


# ---------------------------------------------------------------- reading back


def _answers(assessment_id: str) -> dict[str, int | None]:
    query = (AssessmentAnswer.select(AssessmentAnswer.item_key, AssessmentAnswer.value)
             .where(AssessmentAnswer.assessment == assessment_id).tuples())
    return dict(cast(Iterable[tuple[str, int | None]], query))


def _summary(row: Assessment, framework: Framework, answered: int, mentee_name: str) -> AssessmentSummary:
    item_keys = {item.key for item in framework.items}
    return AssessmentSummary(
        id=str(row.id), framework=str(row.framework), framework_version=str(row.framework_version),
        framework_title=framework.title, taken_on=row.taken_on, rater=str(row.rater),
        mentee_id=row.mentee_id, mentee_name=mentee_name, rater_label=str(row.rater_label),
        completed_at=row.completed_at, answered=answered, item_count=len(item_keys))


def _mentee_name(row: Assessment) -> str:
    if row.mentee_id is None:
        return ""
    mentee = Mentee.get_or_none(Mentee.id == row.mentee_id)
    return str(mentee.name) if mentee is not None else ""


def get_assessment(assessment_id: str) -> AssessmentDetail:
    row = _assessment(assessment_id)
    framework = _framework_of(row)
    answers = _answers(row.id)
    notes = list(DomainNote.select().where(DomainNote.assessment == row.id))
    return AssessmentDetail(
        summary=_summary(row, framework, _count_answered(framework, answers), _mentee_name(row)),
        answers=answers,
        reflection=str(row.reflection),
        domain_reflections={str(n.domain_key): str(n.reflection) for n in notes if n.reflection},
        development_notes={str(n.domain_key): str(n.development_notes) for n in notes if n.development_notes},
    )


def _count_answered(framework: Framework, answers: dict[str, int | None]) -> int:
    return sum(1 for item in framework.items if item.key in answers)


def list_assessments(*, rater: str | None = None, framework: str | None = None, mentee_id: str | None = None,
                     include_unfinished: bool = True) -> list[AssessmentSummary]:
    """The history, newest first."""
    query = Assessment.select()
    if rater is not None:
        query = query.where(Assessment.rater == clean_choice(rater, "Rater", RATERS))
    if framework is not None:
        query = query.where(Assessment.framework == framework)
    if mentee_id is not None:
        query = query.where(Assessment.mentee == mentee_id)
    if not include_unfinished:
        query = query.where(Assessment.completed_at.is_null(False))
    rows = list(query.order_by(Assessment.taken_on.desc(), Assessment.created_at.desc()))
    if not rows:
        return []
    counts: dict[str, dict[str, int | None]] = {str(r.id): {} for r in rows}
    answer_rows = (AssessmentAnswer.select(AssessmentAnswer.assessment, AssessmentAnswer.item_key,
                                           AssessmentAnswer.value)
                   .where(AssessmentAnswer.assessment.in_(list(counts))).tuples())
    for assessment_id, item_key, value in cast(Iterable[tuple[str, str, int | None]], answer_rows):
        counts[assessment_id][item_key] = value
    named = [r.mentee_id for r in rows if r.mentee_id]
    names = {str(m.id): str(m.name)
             for m in Mentee.select(Mentee.id, Mentee.name).where(Mentee.id.in_(named))}
    frameworks: dict[tuple[str, str], Framework] = {}
    result = []
    for row in rows:
        ref = (str(row.framework), str(row.framework_version))
        if ref not in frameworks:
            frameworks[ref] = _framework_of(row)
        fw = frameworks[ref]
        result.append(_summary(row, fw, _count_answered(fw, counts[str(row.id)]),
                               names.get(str(row.mentee_id), "") if row.mentee_id else ""))
    return result


# ---------------------------------------------------------------- scoring


def score_answers(framework: Framework, answers: dict[str, int | None]) -> tuple[DomainScore, ...]:
    """Domain means of a set of answers; "not applicable" and unanswered items do not count."""
    scores = []
    for domain in framework.domains:
        values: list[int] = []
        not_applicable = unanswered = 0
        for item in domain.items:
            value = answers.get(item.key)
            if value is not None:
                values.append(value)
            elif item.key in answers:
                not_applicable += 1
            else:
                unanswered += 1
        mean = sum(values) / len(values) if values else None
        scores.append(DomainScore(domain.key, domain.title, mean, len(values), not_applicable, unanswered))
    return tuple(scores)


def domain_scores(assessment_id: str) -> AssessmentScores:
    row = _assessment(assessment_id)
    return _scores(row, _framework_of(row))


def _scores(row: Assessment, framework: Framework) -> AssessmentScores:
    return AssessmentScores(
        assessment_id=str(row.id), framework=str(row.framework), framework_version=str(row.framework_version),
        taken_on=row.taken_on, completed=row.completed_at is not None,
        domains=score_answers(framework, _answers(row.id)))


def trend(framework_key: str = DEFAULT_FRAMEWORK, *, rater: str = "self") -> list[AssessmentScores]:
    """Domain means of every finished assessment, oldest first; unfinished ones are left out."""
    rows = (Assessment.select()
            .where((Assessment.framework == framework_key) & (Assessment.rater == rater)
                   & Assessment.completed_at.is_null(False))
            .order_by(Assessment.taken_on, Assessment.created_at))
    return [_scores(row, _framework_of(row)) for row in rows]


def _fmt(mean: float) -> str:
    return f"{mean:.1f}"


def _join(titles: Sequence[str]) -> str:
    if len(titles) <= 1:
        return "".join(titles)
    return ", ".join(titles[:-1]) + " and " + titles[-1]


def extremes(scores: Iterable[DomainScore]) -> Extremes:
    """Name the strongest and weakest rated domains; every domain sharing a place is named."""
    rated = [s for s in scores if s.mean is not None]
    if not rated:
        return Extremes((), (), None, None, "No domain is rated yet.")
    top = max(s.mean for s in rated if s.mean is not None)
    bottom = min(s.mean for s in rated if s.mean is not None)
    strongest = tuple(s.title for s in rated if s.mean is not None and abs(s.mean - top) <= TIE_TOLERANCE)
    weakest = tuple(s.title for s in rated if s.mean is not None and abs(s.mean - bottom) <= TIE_TOLERANCE)
    if abs(top - bottom) <= TIE_TOLERANCE:
        if len(rated) == 1:
            sentence = f"Only {rated[0].title} is rated ({_fmt(top)})."
        else:
            sentence = f"All rated domains have the same mean ({_fmt(top)}); none stands out."
        return Extremes(strongest, weakest, top, bottom, sentence)

    def part(label: str, titles: tuple[str, ...], mean: float) -> str:
        each = " each" if len(titles) > 1 else ""
        return f"{label}: {_join(titles)} ({_fmt(mean)}{each})."

    sentence = part("Strongest", strongest, top) + " " + part("Weakest", weakest, bottom)
    return Extremes(strongest, weakest, top, bottom, sentence)


def strongest_and_weakest(assessment_id: str) -> Extremes:
    return extremes(domain_scores(assessment_id).domains)


def compare(a_id: str, b_id: str) -> Comparison:
    """Changes per domain and per item from assessment ``a_id`` (before) to ``b_id`` (after).

    Both must use the same framework; versions may differ, and then domains and
    items are matched by key (in the newer version's order, then the rest).
    """
    a_row, b_row = _assessment(a_id), _assessment(b_id)
    if a_row.framework != b_row.framework:
        raise ValidationError("Only assessments of the same framework can be compared.")
    fw_a, fw_b = _framework_of(a_row), _framework_of(b_row)
    ans_a, ans_b = _answers(a_row.id), _answers(b_row.id)
    scores_a = {s.domain_key: s for s in score_answers(fw_a, ans_a)}
    scores_b = {s.domain_key: s for s in score_answers(fw_b, ans_b)}
    domains: list[DomainChange] = []
    for fw in (fw_b, fw_a):
        for domain in fw.domains:
            if any(d.domain_key == domain.key for d in domains):
                continue
            before = scores_a[domain.key].mean if domain.key in scores_a else None
            after = scores_b[domain.key].mean if domain.key in scores_b else None
            domains.append(DomainChange(domain.key, domain.title, before, after))
    items: list[ItemChange] = []
    for fw in (fw_b, fw_a):
        for item in fw.items:
            if any(i.item_key == item.key for i in items):
                continue
            items.append(ItemChange(item.key, item.domain_key, item.text,
                                    ans_a.get(item.key) if fw_a.has_item(item.key) else None,
                                    ans_b.get(item.key) if fw_b.has_item(item.key) else None))
    names = {str(r.id): _mentee_name(r) for r in (a_row, b_row)}
    return Comparison(
        before=_summary(a_row, fw_a, _count_answered(fw_a, ans_a), names[str(a_row.id)]),
        after=_summary(b_row, fw_b, _count_answered(fw_b, ans_b), names[str(b_row.id)]),
        domains=tuple(domains), items=tuple(items))


def self_vs_mentee_gap(framework_key: str = DEFAULT_FRAMEWORK) -> GapReport:
    """Per domain: the latest finished self-assessment against the mean of finished mentee ratings.

    Each mentee rating counts once (the mean of its domain means), so a rating
    that marks more items not applicable does not weigh less. Domains are those
    of the newest framework version used, matched by key across versions.
    """
    rows = list(Assessment.select()
                .where((Assessment.framework == framework_key) & Assessment.completed_at.is_null(False))
                .order_by(Assessment.taken_on, Assessment.created_at))
    self_rows = [r for r in rows if r.rater == "self"]
    mentee_rows = [r for r in rows if r.rater == "mentee"]
    latest_self = self_rows[-1] if self_rows else None
    self_scores = _scores(latest_self, _framework_of(latest_self)) if latest_self is not None else None
    mentee_scores = [_scores(r, _framework_of(r)) for r in mentee_rows]
    used = [_framework_of(r) for r in rows]
    layout = max(used, key=lambda f: version_order(f.version)) if used else get_framework(framework_key)
    gaps = []
    for domain in layout.domains:
        means = [m for m in (s.mean_of(domain.key) for s in mentee_scores) if m is not None]
        gaps.append(DomainGap(
            domain.key, domain.title,
            self_scores.mean_of(domain.key) if self_scores is not None else None,
            sum(means) / len(means) if means else None, len(means)))
    return GapReport(framework_key, str(latest_self.id) if latest_self is not None else None,
                     len(mentee_rows), tuple(gaps))
