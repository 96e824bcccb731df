"""``python -m mentordesk.bench [--scale full|small] [--repeat N] [--json FILE]``."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from mentordesk.bench import startup
from mentordesk.bench.dataset import SCALES, ensure_dataset
from mentordesk.bench.measures import IN_PROCESS
from mentordesk.bench.results import HEADER, Report, Result

START_RATIO_BUDGET = 1.5
MEMORY_BUDGET_MB = 250.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mentordesk.bench", description=__doc__)
    parser.add_argument("--scale", choices=sorted(SCALES), default="full")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each measure (default 7)")
    parser.add_argument("--json", type=Path, default=Path("bench-results.json"),
                        help="where to write the results")
    parser.add_argument("--data", type=Path, default=None,
                        help="folder for the data set (default: a cache folder per scale; reused)")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    scale = SCALES[args.scale]
    folder = args.data or Path(tempfile.gettempdir()) / f"mentordesk-bench-{scale.name}"
    report = Report(scale=scale.name)
    print(f"MentorDesk benchmark, scale {scale.name}: {scale.mentees} mentees, {scale.sessions} sessions, "
          f"{scale.actions} actions; {report.machine}", flush=True)
    data_dir, made_in = ensure_dataset(folder, scale)
    if made_in is not None:
        print(f"made the data set in {made_in:.1f} s", flush=True)
    print(HEADER, flush=True)

    # Starts vary most from run to run (the machine's other work): twice the runs, alternated.
    app_times, base_times = startup.cold_starts(data_dir, 2 * args.repeat)
    app_min, app_med = startup.summary(app_times)
    _, base_med = startup.summary(base_times)
    ratio = app_med / base_med
    report.add(Result("cold start to a painted, responsive window", "ms", app_min, app_med,
                      "< 1.5× bare window", base_med, ratio, ratio < START_RATIO_BUDGET))
    rss = startup.resident_memory_mb(data_dir)
    report.add(Result("resident memory, data set open, longest timeline shown", "MB", rss, rss, "< 250 MB",
                      None, None, rss < MEMORY_BUDGET_MB))

    from PySide6.QtWidgets import QApplication

    from mentordesk.services.storage import close_data, open_data_dir

    app = QApplication.instance() or QApplication(sys.argv[:1])
    open_data_dir(data_dir)
    try:
        for measure in IN_PROCESS:
            try:
                measure(app, report, args.repeat)
            except ImportError as missing:
                name = measure.__name__.removeprefix("measure_").replace("_", " ")
                report.add(Result(name, "ms", None, None, note=f"not in this build: {missing.name}"))
    finally:
        close_data()
    report.write_json(args.json)
    print(f"\n{report.table()}\n\nwritten to {args.json}", flush=True)
    return 0 if report.all_passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
