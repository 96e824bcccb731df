"""The default first-hundred-days check-in prompts, shipped in ``resources/milestones/``.

Only the loader lives here: the milestone track of a mentee (ticking off,
re-wording, adding) is kept by the relationship services.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.paths import resources_dir
from mentordesk.services.questions import ShippedFileError, read_shipped_json

MILESTONES_FORMAT = "mentordesk-milestones"
MILESTONES_VERSION = 1
MILESTONE_DAYS = (0, 30, 60, 90, 100)
MAX_PROMPT_LENGTH = 1000
_TOP_KEYS = {"format", "version", "track", "milestones"}
_ENTRY_KEYS = {"day", "theme", "prompts"}


def milestones_file() -> Path:
    return resources_dir() / "milestones" / "first_hundred_days.json"


def _check_day(path: Path, number: int, entry: object, previous: int | None) -> tuple[int, list[str]]:
    where = f"The milestone prompts {path}: milestone {number}"
    if not isinstance(entry, dict):
        raise ShippedFileError(f"{where} is not an object.")
    missing = sorted({"day", "prompts"} - set(entry))
    if missing:
        raise ShippedFileError(f"{where} is missing the key(s) {', '.join(missing)}.")
    unknown = sorted(set(entry) - _ENTRY_KEYS)
    if unknown:
        raise ShippedFileError(f"{where} has unknown key(s) {', '.join(unknown)}.")
    day = entry["day"]
    if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 366:
        raise ShippedFileError(f"{where} has a day that is not a whole number from 0 to 366: {day!r}.")
    if previous is not None and day <= previous:
        raise ShippedFileError(f"{where} (day {day}) must come after day {previous}.")
    if not isinstance(entry.get("theme", ""), str):
        raise ShippedFileError(f"{where} (day {day}) has a theme that is not text.")
    prompts = entry["prompts"]
    if not isinstance(prompts, list) or not prompts:
        raise ShippedFileError(f"{where} (day {day}) has no list of prompts.")
    texts: list[str] = []
    for prompt in prompts:
        if not isinstance(prompt, str) or not prompt.strip():
            raise ShippedFileError(f"{where} (day {day}) has an empty prompt.")
        if len(prompt) > MAX_PROMPT_LENGTH:
            raise ShippedFileError(f"{where} (day {day}) has a prompt longer than {MAX_PROMPT_LENGTH} "
                                   "characters.")
        if prompt.strip() in texts:
            raise ShippedFileError(f"{where} (day {day}) repeats the prompt “{prompt.strip()}”.")
        texts.append(prompt.strip())
    return day, texts


def default_milestones(path: Path | None = None) -> list[tuple[int, str]]:
    """The shipped (day, prompt) pairs in order of day, checked on load.

    A missing or malformed file raises ShippedFileError naming the file and the problem.
    """
    path = path or milestones_file()
    doc = read_shipped_json(path, format_name=MILESTONES_FORMAT, version=MILESTONES_VERSION,
                            what="The milestone prompts")
    unknown = sorted(set(doc) - _TOP_KEYS)
    if unknown:
        raise ShippedFileError(f"The milestone prompts {path} have unknown key(s) {', '.join(unknown)}.")
    items = doc.get("milestones")
    if not isinstance(items, list) or not items:
        raise ShippedFileError(f"The milestone prompts {path} have no list of milestones.")
    result: list[tuple[int, str]] = []
    previous: int | None = None
    for number, item in enumerate(items, start=1):
        day, prompts = _check_day(path, number, item, previous)
        result.extend((day, prompt) for prompt in prompts)
        previous = day
    return result
