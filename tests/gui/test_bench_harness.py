"""The benchmark runs end to end at a tiny scale, so it cannot rot (its timings are not judged here)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mentordesk.bench.__main__ import main

EXPECTED = (
    "cold start to a painted, responsive window",
    "resident memory, data set open, longest timeline shown",
    "open the roster",
    "open the sessions list (all mentees)",
    "open the longest timeline",
    "full-text search, rare word",
    "full-text search, common word",
    "full-text search, two-word phrase",
    "dashboard rules (service)",
    "open the dashboard",
    "progress report, longest mentee",
    "prep sheet, longest mentee",
    "typing: keystroke to painted character, autosave on",
    "export the whole data set",
    "import it into an empty data file",
)


@pytest.mark.slow
def test_tiny_benchmark_measures_everything(qtbot: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every measure produces a number, the table is printed and the JSON written."""
    out = tmp_path / "bench.json"
    code = main(["--scale", "tiny", "--repeat", "1", "--json", str(out), "--data", str(tmp_path / "data")])
    assert code in (0, 1)  # 1 when a budget is missed: a verdict, not a failure of the harness
    results = {r["measure"]: r for r in json.loads(out.read_text("utf-8"))["results"]}
    for name in EXPECTED:
        assert name in results, f"missing measure: {name}"
        assert results[name]["median"] is not None and results[name]["median"] > 0, name
    assert results["cold start to a painted, responsive window"]["baseline"] > 0
    assert "| measure | min / median |" in capsys.readouterr().out
