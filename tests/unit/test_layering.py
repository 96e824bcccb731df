"""Layers point down: nothing below the UI, and no headless command, imports Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

QT_PREFIXES = ("PySide6", "shiboken6", "PyQt", "qtawesome", "qtpy")

PROBE = """
import importlib, json, pkgutil, sys

def import_all(package_name):
    try:
        package = importlib.import_module(package_name)
    except ModuleNotFoundError as error:
        if error.name == package_name:
            return []
        raise
    names = [package_name]
    for info in pkgutil.walk_packages(package.__path__, package_name + "."):
        importlib.import_module(info.name)
        names.append(info.name)
    return names

imported = []
for name in ("mentordesk.db", "mentordesk.services", "mentordesk.reports"):
    imported += import_all(name)
import mentordesk.db.models
from mentordesk import cli

data_dir = sys.argv[1]
codes = [
    cli.main(["--data-dir", data_dir, "mentees"]),
    cli.main(["--data-dir", data_dir, "--demo", "mentees", "--all"]),
    cli.main(["--demo", "show", "nguyen", "--data-dir", data_dir]),
    cli.main(["--data-dir", data_dir, "show", "nobody"]),
    cli.main(["--version"]),
]
qt = sorted(m for m in sys.modules if m.startswith(tuple(sys.argv[2].split(","))))
print(json.dumps({"codes": codes, "imported": imported, "qt": qt}))
"""


@pytest.mark.timeout(60)
def test_headless_layers_never_import_qt(tmp_path: Path) -> None:
    """db, services, reports and the headless CLI commands run in a fresh interpreter without loading Qt."""
    env = {k: v for k, v in os.environ.items() if k != "MENTORDESK_DATA_DIR"}
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path / "data"), ",".join(QT_PREFIXES)], capture_output=True,
                            text=True, env=env, timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 2, 0], result.stderr
    assert "mentordesk.services.mentees" in report["imported"]
    assert "mentordesk.services.sample_data" in report["imported"]
    assert report["qt"] == [], f"Qt was imported below the UI: {report['qt']}"
