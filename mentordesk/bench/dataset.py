"""The benchmark's data set: made once per scale with the demo generator, then reused."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

SCALE_MARK = "bench-scale.json"
TODAY = date(2026, 11, 25)  # fixed, so every run measures the same data


@dataclass(frozen=True)
class Scale:
    name: str
    mentees: int
    sessions: int
    actions: int
    years: int
    longest: int


SCALES = {
    "full": Scale("full", mentees=300, sessions=30_000, actions=60_000, years=25, longest=200),
    "small": Scale("small", mentees=12, sessions=600, actions=1_200, years=3, longest=40),
    # For the test suite: checks the harness in seconds, says nothing about speed.
    "tiny": Scale("tiny", mentees=4, sessions=60, actions=120, years=2, longest=20),
}


def ensure_dataset(folder: Path, scale: Scale) -> tuple[Path, float | None]:
    """The data folder holding ``scale``'s data set, made if missing; and the seconds it took to make."""
    from mentordesk.services.sample_data import generate
    from mentordesk.services.storage import close_data, open_data_dir

    mark = folder / SCALE_MARK
    if mark.exists() and json.loads(mark.read_text("utf-8")) == asdict(scale):
        return folder, None
    if folder.exists():
        for child in folder.iterdir():
            if child.is_file():
                child.unlink()
    start = time.perf_counter()
    open_data_dir(folder)
    try:
        generate(mentees=scale.mentees, sessions=scale.sessions, actions=scale.actions, years=scale.years,
                 longest=scale.longest, today=TODAY)
    finally:
        close_data()
    took = time.perf_counter() - start
    mark.write_text(json.dumps(asdict(scale)), "utf-8")
    return folder, took
