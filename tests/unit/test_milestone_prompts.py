"""The shipped first-hundred-days check-in prompts and the checks on their file."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from mentordesk.services import milestones_data
from mentordesk.services.errors import MentorDeskError


def _doc(milestones: Any, **top: Any) -> dict[str, Any]:
    return {"format": "mentordesk-milestones", "version": 1, "track": "first_hundred_days",
            "milestones": milestones, **top}


def test_default_prompts_cover_every_milestone_day() -> None:
    """Days 0, 30, 60, 90 and 100 each have two or three prompts, in order of day."""
    prompts = milestones_data.default_milestones()
    days = [day for day, _ in prompts]
    assert days == sorted(days)
    counts = Counter(days)
    assert tuple(counts) == milestones_data.MILESTONE_DAYS == (0, 30, 60, 90, 100)
    assert all(2 <= n <= 3 for n in counts.values())


def test_default_prompts_are_distinct_open_questions() -> None:
    """Every prompt is a non-empty open question, none repeated."""
    texts = [text for _, text in milestones_data.default_milestones()]
    assert len(set(texts)) == len(texts)
    for text in texts:
        assert text == text.strip() and text.endswith("?"), text
        assert text.split()[0] not in ("Do", "Does", "Did", "Is", "Are", "Can", "Have", "Will"), text


@pytest.mark.parametrize(
    "content, problem",
    [
        (_doc([{"day": 0}]), "missing the key(s) prompts"),
        (_doc([{"day": 0, "prompts": ["How is it going?", "  "]}]), "empty prompt"),
        (_doc([{"day": 0, "prompts": []}]), "no list of prompts"),
        (_doc([{"day": "zero", "prompts": ["How?"]}]), "not a whole number"),
        (_doc([{"day": 30, "prompts": ["How?"]}, {"day": 0, "prompts": ["What?"]}]),
         "must come after day 30"),
        (_doc([{"day": 0, "prompts": ["How?", "How?"]}]), "repeats the prompt"),
        (_doc([{"day": 0, "prompts": ["How?"], "mood": "calm"}]), "unknown key(s) mood"),
        (_doc([]), "no list of milestones"),
        (_doc([{"day": 0, "prompts": ["How?"]}], format="mentordesk-questions"), "mentordesk-milestones"),
        (_doc([{"day": 0, "prompts": ["How?"]}], version=9), "newer than this MentorDesk"),
    ],
)
def test_malformed_milestone_file_is_refused(tmp_path: Path, content: object, problem: str) -> None:
    """A broken milestone file is refused with the file's name and what is wrong."""
    path = tmp_path / "broken-milestones.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(MentorDeskError) as caught:
        milestones_data.default_milestones(path)
    assert "broken-milestones.json" in str(caught.value)
    assert problem in str(caught.value)


def test_not_json_is_refused(tmp_path: Path) -> None:
    """A file that is not JSON is reported with its name."""
    path = tmp_path / "garbled.json"
    path.write_text("day 0: settle in", encoding="utf-8")
    with pytest.raises(MentorDeskError, match=r"garbled\.json is not valid JSON"):
        milestones_data.default_milestones(path)
