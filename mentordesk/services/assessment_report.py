"""Plain data for the assessment PDF and the mentee rating form (the reports take only this).

Everything a report prints is gathered here in words: who rated, whether the
assessment is finished, domain means ("not rated" kept as None), the strongest
and weakest domains, reflections, development notes and the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentordesk.services import assessments, development_plan
from mentordesk.services.assessments import AssessmentSummary
from mentordesk.services.development_plan import DevelopmentActionData
from mentordesk.services.errors import ValidationError
from mentordesk.services.frameworks import Framework, get_framework
from mentordesk.services.mentor import get_profile


@dataclass(frozen=True)
class ReportItem:
    text: str
    value: int | None
    answered: bool  # False: not answered yet; True with value None: not applicable

    @property
    def answer_text(self) -> str:
        if not self.answered:
            return "Not answered yet"
        return "Not applicable" if self.value is None else str(self.value)


@dataclass(frozen=True)
class ReportDomain:
    key: str
    title: str
    mean: float | None  # None: not rated
    earlier_mean: float | None
    rated: int
    not_applicable: int
    unanswered: int
    reflection: str
    development_notes: str
    items: tuple[ReportItem, ...]
    actions: tuple[DevelopmentActionData, ...]


@dataclass(frozen=True)
class AssessmentReport:
    framework_title: str
    framework_version: str
    taken_on: date
    rater_text: str
    completed: bool
    mentor_name: str
    scale_min: int
    scale_max: int
    anchors: tuple[tuple[int, str], ...]
    domains: tuple[ReportDomain, ...]
    extremes_sentence: str
    reflection: str
    earlier_label: str  # "" when no earlier assessment is drawn


def rater_text(summary: AssessmentSummary) -> str:
    """Who gave the ratings, in words."""
    if summary.rater == "self":
        return "Self-assessment"
    if summary.mentee_id is not None:
        return f"Rating by {summary.mentee_name or 'a mentee'}"
    return "Anonymous mentee rating" + (f" — {summary.rater_label}" if summary.rater_label else "")


def assessment_label(summary: AssessmentSummary) -> str:
    """A short name for an assessment in legends and lists."""
    return f"{rater_text(summary)}, {summary.taken_on.isoformat()}"


def assessment_report(assessment_id: str, earlier_id: str | None = None) -> AssessmentReport:
    """Everything the PDF of one assessment shows; ``earlier_id`` adds a second polygon."""
    detail = assessments.get_assessment(assessment_id)
    summary = detail.summary
    framework = get_framework(summary.framework, summary.framework_version)
    scores = assessments.domain_scores(assessment_id)
    earlier_means: dict[str, float | None] = {}
    earlier_label = ""
    if earlier_id is not None:
        earlier = assessments.get_assessment(earlier_id)
        if earlier.summary.framework != summary.framework:
            raise ValidationError("Only assessments of the same framework can be drawn together.")
        earlier_scores = assessments.domain_scores(earlier_id)
        earlier_means = {d.domain_key: d.mean for d in earlier_scores.domains}
        earlier_label = assessment_label(earlier.summary)
    plan = (development_plan.list_development_actions(framework_key=framework.key)
            if summary.rater == "self" else [])
    domains = []
    for domain, score in zip(framework.domains, scores.domains, strict=True):
        items = tuple(ReportItem(item.text, detail.answers.get(item.key), item.key in detail.answers)
                      for item in domain.items)
        domains.append(ReportDomain(
            key=domain.key, title=domain.title, mean=score.mean, earlier_mean=earlier_means.get(domain.key),
            rated=score.rated, not_applicable=score.not_applicable, unanswered=score.unanswered,
            reflection=detail.domain_reflections.get(domain.key, ""),
            development_notes=detail.development_notes.get(domain.key, ""), items=items,
            actions=tuple(a for a in plan if a.domain_key == domain.key)))
    return AssessmentReport(
        framework_title=framework.title, framework_version=framework.version, taken_on=summary.taken_on,
        rater_text=rater_text(summary), completed=summary.completed, mentor_name=get_profile().name,
        scale_min=framework.scale.min, scale_max=framework.scale.max, anchors=framework.scale.anchors,
        domains=tuple(domains), extremes_sentence=assessments.extremes(scores.domains).sentence,
        reflection=detail.reflection, earlier_label=earlier_label)


@dataclass(frozen=True)
class RatingForm:
    """A blank form a mentee fills in by hand: the items worded "My mentor …"."""

    framework_title: str
    framework_version: str
    mentor_name: str
    scale_min: int
    scale_max: int
    anchors: tuple[tuple[int, str], ...]
    not_applicable: bool
    domains: tuple[tuple[str, tuple[str, ...]], ...]  # (domain title, mentee wordings)


def rating_form(framework_key: str, version: str | None = None) -> RatingForm:
    """The mentee rating form of a framework; refused when items lack the mentee's wording."""
    framework: Framework = get_framework(framework_key, version)
    if not framework.has_mentee_view:
        raise ValidationError(f"“{framework.title}” has no wording for mentees (“My mentor …”) "
                              "for every item, so no rating form can be printed.")
    return RatingForm(
        framework_title=framework.title, framework_version=framework.version, mentor_name=get_profile().name,
        scale_min=framework.scale.min, scale_max=framework.scale.max, anchors=framework.scale.anchors,
        not_applicable=framework.scale.not_applicable,
        domains=tuple((d.title, tuple(i.mentee_text for i in d.items)) for d in framework.domains))
