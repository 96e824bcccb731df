"""Collecting measurements and printing them as a table and JSON."""

from __future__ import annotations

import json
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path


@dataclass
class Result:
    measure: str
    unit: str  # "ms", "MB", "s"
    minimum: float | None
    median: float | None
    budget: str = ""  # as written in DESIGN.md
    baseline: float | None = None  # median of the bare baseline, same unit
    ratio: float | None = None
    passed: bool | None = None  # None: no budget applies
    note: str = ""


@dataclass
class Report:
    scale: str
    results: list[Result] = field(default_factory=list)
    started: str = field(default_factory=lambda: datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    machine: str = field(default_factory=lambda: f"{platform.machine()}, {_cpu_count()} cores, "
                                                 f"Python {platform.python_version()}, {platform.system()}")

    def add(self, result: Result) -> Result:
        self.results.append(result)
        print(_row(result), flush=True)
        return result

    def write_json(self, path: Path) -> None:
        path.write_text(json.dumps({"scale": self.scale, "started": self.started, "machine": self.machine,
                                    "results": [asdict(r) for r in self.results]}, indent=2), "utf-8")

    @property
    def all_passed(self) -> bool:
        return all(r.passed is not False for r in self.results)

    def table(self) -> str:
        lines = [HEADER, "| --- | --- | --- | --- | --- | --- |"]
        lines += [_row(r) for r in self.results]
        return "\n".join(lines)


HEADER = "| measure | min / median | budget | baseline | ratio | result |"


def _cpu_count() -> int:
    import os

    return os.cpu_count() or 0


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ms":
        return f"{value:.1f} ms" if value < 100 else f"{value:.0f} ms"
    return f"{value:.2f} {unit}" if value < 10 else f"{value:.0f} {unit}"


def _row(r: Result) -> str:
    verdict = {True: "pass", False: "FAIL", None: "–"}[r.passed]
    timing = f"{_num(r.minimum, r.unit)} / {_num(r.median, r.unit)}" if r.minimum is not None else "–"
    if r.unit == "MB" and r.minimum is not None:
        timing = _num(r.median, r.unit)
    ratio = f"{r.ratio:.2f}×" if r.ratio is not None else "–"
    note = f" ({r.note})" if r.note else ""
    baseline = _num(r.baseline, r.unit)
    return f"| {r.measure}{note} | {timing} | {r.budget or '–'} | {baseline} | {ratio} | {verdict} |"


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Minimum and median wall time of ``fn`` in milliseconds, over ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times)


def within(measure: str, minimum: float, median: float, limit_ms: float, budget: str, *,
           baseline: float | None = None, note: str = "") -> Result:
    """A result judged against an absolute time budget (on the median)."""
    ratio = median / baseline if baseline else None
    return Result(measure, "ms", minimum, median, budget, baseline, ratio, median < limit_ms, note)
