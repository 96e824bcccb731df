"""The assessment PDF (radar chart, means, reflections, plan) and the mentee rating form, read back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentordesk.reports.assessment import write_assessment_pdf
from mentordesk.reports.mentee_rating_form import write_rating_form_pdf
from mentordesk.reports.radar import segments
from mentordesk.services import assessments, development_plan
from mentordesk.services.assessment_report import assessment_report, rating_form
from mentordesk.services.errors import ValidationError
from mentordesk.services.frameworks import DEFAULT_FRAMEWORK, get_framework
from mentordesk.services.mentor import MentorProfile, save_profile


def _take(taken_on: str, base: int, *, not_applicable: str | None = None) -> str:
    framework = get_framework(DEFAULT_FRAMEWORK)
    assessment_id = assessments.start_assessment(taken_on=taken_on)
    for number, item in enumerate(framework.items):
        value = None if item.domain_key == not_applicable else (base + number) % 7 + 1
        assessments.answer(assessment_id, item.key, value)
    assessments.complete(assessment_id)
    return assessment_id


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _fonts(path: Path) -> set[str]:
    """Every font on every page (including inside the chart), failing on one that is not embedded."""
    seen = set()
    for page in PdfReader(path).pages:
        for font_ref in page["/Resources"]["/Font"].values():
            font = font_ref.get_object()
            if font["/Subtype"] == "/Type0":
                font = font["/DescendantFonts"][0].get_object()
            assert "/FontDescriptor" in font, font["/BaseFont"]
            descriptor = font["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]).split("+")[-1])
    return seen


@pytest.fixture
def pdf(db: Path, tmp_path: Path, fixed_clock: object) -> tuple[Path, str, str]:
    save_profile(MentorProfile(name="Dr Zofia Łukasiewicz"))
    earlier = _take("2025-09-01", 2)
    latest = _take("2026-03-01", 4, not_applicable="equity")
    assessments.set_domain_reflection(latest, "communication", "I interrupt less — 进步 & <b>not bold</b>.")
    assessments.set_reflection(latest, "Overall more confident.")
    assessments.set_development_notes(latest, "equity", "Read about cultural humility.")
    development_plan.add_development_action("equity", "Attend the inclusion workshop", target_on="2026-05-01")
    return write_assessment_pdf(assessment_report(latest, earlier), tmp_path / "a.pdf"), latest, earlier


def test_pdf_shows_domains_means_extremes_and_not_rated(pdf: tuple[Path, str, str]) -> None:
    """Every domain title and its mean as the service computes it; not applicable reads "not rated"."""
    path, latest, _ = pdf
    text = " ".join(_text(path).split())
    for score in assessments.domain_scores(latest).domains:
        mean = "not rated" if score.mean is None else f"{score.mean:.1f}"
        assert re.search(re.escape(score.title) + r"\s+" + re.escape(mean), text), score.title
    assert "(not rated)" in text  # on the chart's axis of Equity and inclusion
    assert assessments.strongest_and_weakest(latest).sentence in text


def test_pdf_carries_reflections_plan_and_legend(pdf: tuple[Path, str, str]) -> None:
    """Reflections (any script, markup literal), development notes and actions, and the chart's legend."""
    text = " ".join(_text(path := pdf[0]).split())
    assert "I interrupt less — 进步 & <b>not bold</b>." in text
    assert "Overall more confident." in text
    assert "Read about cultural humility." in text
    assert "Attend the inclusion workshop" in text and "2026-05-01" in text
    assert "(solid line, dots)" in text and "(dashed line, squares)" in text
    assert "Earlier: Self-assessment, 2025-09-01" in text
    assert path.stat().st_mode & 0o077 == 0


def test_pdf_fonts_are_all_embedded(pdf: tuple[Path, str, str]) -> None:
    """No Helvetica anywhere, the chart included: every font is a bundled, embedded one."""
    seen = _fonts(pdf[0])
    assert not any("Helvetica" in name for name in seen)
    assert {"DejaVuSans", "DejaVuSans-Bold", "DroidSansFallback"} <= seen


def test_unfinished_assessment_is_marked(db: Path, tmp_path: Path, fixed_clock: object) -> None:
    """An unfinished assessment's PDF says so and counts what is not answered yet."""
    assessment_id = assessments.start_assessment(taken_on="2026-03-01")
    assessments.answer(assessment_id, get_framework(DEFAULT_FRAMEWORK).items[0].key, 6)
    text = _text(write_assessment_pdf(assessment_report(assessment_id), tmp_path / "u.pdf"))
    assert "Unfinished" in text and "Not answered yet" in text


def test_rating_form_words_items_for_the_mentee(db: Path, tmp_path: Path, fixed_clock: object) -> None:
    """The form has every item in "My mentor …" wording, the scale 1–7 with anchors and N/A boxes."""
    save_profile(MentorProfile(name="Dr Zofia Łukasiewicz"))
    path = write_rating_form_pdf(rating_form(DEFAULT_FRAMEWORK), tmp_path / "form.pdf")
    text = " ".join(_text(path).split())
    framework = get_framework(DEFAULT_FRAMEWORK)
    for item in framework.items:
        assert " ".join(item.mentee_text.split()) in text
        assert item.text not in text
    for domain in framework.domains:
        assert domain.title in text
    assert "Dr Zofia Łukasiewicz" in text
    assert "1 = Not at all skilled" in text and "7 = Extremely skilled" in text
    assert text.count("N/A") >= len(framework.domains)
    assert text.count("\u2610") == len(framework.items) * 8
    assert not any("Helvetica" in name for name in _fonts(path))


def test_rating_form_needs_mentee_wording(db: Path, tmp_path: Path, fixed_clock: object) -> None:
    """A framework whose items lack the mentee's wording has no form, and says why."""
    import json

    from mentordesk.services.frameworks import add_own_framework

    own = tmp_path / "own.json"
    own.write_text(json.dumps({
        "format": "mentordesk-framework", "key": "own", "version": "1", "title": "Own",
        "scale": {"min": 1, "max": 5, "anchors": {"1": "Low"}, "not_applicable": False},
        "domains": [{"key": "d", "title": "D", "items": [{"key": "d.a", "text": "I do a."}]}]}), "utf-8")
    add_own_framework(own)
    with pytest.raises(ValidationError, match="no wording for mentees"):
        rating_form("own")


def test_radar_gaps_split_the_polygon() -> None:
    """Rated neighbours are joined; a not-rated domain leaves a gap instead of a point at 0."""
    assert segments([5.0, 4.0, 3.0]) == [[0, 1, 2, 0]]
    assert segments([5.0, None, 3.0, 2.0]) == [[2, 3, 0]]
    assert segments([None, 4.0, None, 2.0]) == [[1], [3]]
    assert segments([None, None]) == []
