"""Cold start to the first usable window, and resident memory, each in a fresh process.

The child prints ``ready`` once the main window has been painted and the event
loop has turned once more (so the window is responsive); the parent times from
starting the process to that line. The baseline is a bare PySide6 window with
a 1000-row table, started and detected the same way.
"""

from __future__ import annotations

import os
import select
import statistics
import subprocess
import sys
import time
from pathlib import Path

# Shared by both children: report the first paint of the top-level window, then one more
# turn of the event loop, then quit. ``install(app)`` is called once the window is shown,
# just before the event loop starts (nothing is painted before that). The filter sits on
# the window alone: Qt paints a window's children in the same pass, right after the window
# itself, and the timer fires after that pass. (An application-wide filter would pass every
# event of every object through Python and make PySide create a wrapper type for each
# object, all the more the richer the window: it measured itself, not the program.)
_READY_HOOK = r"""
import sys, time

def install(app):
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _Ready(QObject):
        fired = False
        def eventFilter(self, obj, event):
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.fired = True
                QTimer.singleShot(0, self.done)
            return False
        def done(self):
            extra = AFTER_READY() if AFTER_READY else ""  # noqa: F821 (defined by the child)
            print("ready", extra, flush=True)
            app.quit()

    window = next(w for w in app.topLevelWidgets() if type(w).__name__ == WINDOW_CLASS and w.isVisible())
    app._ready = _Ready()
    window.installEventFilter(app._ready)
"""

BASELINE = 'WINDOW_CLASS = "QMainWindow"\nAFTER_READY = None\n' + _READY_HOOK + r"""
from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

app = QApplication(sys.argv[:1])

class Model(QAbstractTableModel):
    def rowCount(self, parent=None): return 1000
    def columnCount(self, parent=None): return 6
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            return f"row {index.row()} column {index.column()}"
        return None

window = QMainWindow()
table = QTableView()
table.setModel(Model(table))
window.setCentralWidget(table)
window.resize(1180, 720)
window.show()
install(app)
app.exec()
"""

# The app starts as the installed ``mentordesk`` command does: MentorDesk's own modules
# first, Qt when the program imports it. So that the hook needs no Qt before then, it is
# put on the window when the event loop starts (no window is painted before that).
# (Not by a QApplication subclass: every event would then pass through Python.)
_APP_MAIN = r"""
from importlib.machinery import PathFinder  # (importlib.abc would add 12 ms of imports to the start)

class _WhenQtWidgetsLoads:
    def find_spec(self, name, path=None, target=None):
        if name != "PySide6.QtWidgets":
            return None
        sys.meta_path.remove(self)
        spec = PathFinder.find_spec(name, path)
        loaded = spec.loader.exec_module

        def exec_module(module):
            loaded(module)
            run_loop = module.QApplication.exec

            def exec_with_hook(*_app):  # exec() is static; called on an instance too
                install(module.QApplication.instance())
                return run_loop()

            module.QApplication.exec = exec_with_hook

        spec.loader.exec_module = exec_module
        return spec

sys.meta_path.insert(0, _WhenQtWidgetsLoads())
from mentordesk.cli import main
main(["--data-dir", sys.argv[1]])
"""
APP = 'WINDOW_CLASS = "MainWindow"\nAFTER_READY = None\n' + _READY_HOOK + _APP_MAIN

MEMORY = r"""
WINDOW_CLASS = "MainWindow"
def AFTER_READY():
    import gc
    from PySide6.QtWidgets import QApplication
    from mentordesk.bench.memory_probe import show_longest_timeline
    show_longest_timeline(QApplication.instance())
    gc.collect()
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return "rss_kb=" + line.split()[1]
    return ""
""" + _READY_HOOK + _APP_MAIN


LOADED = r"""
WINDOW_CLASS = "MainWindow"
def AFTER_READY():
    return "loaded=" + ",".join(sorted({name.partition(".")[0] for name in sys.modules}))
""" + _READY_HOOK + _APP_MAIN


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("MENTORDESK_DATA_DIR", None)
    return env


def _run(script: str, *args: str, timeout: float = 120) -> tuple[float, str]:
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", script, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=_env())
    assert proc.stdout is not None
    # A child that never paints (or never says so) ends the measure instead of hanging it.
    answered, _, _ = select.select([proc.stdout], [], [], timeout)
    line = proc.stdout.readline() if answered else ""
    took = (time.perf_counter() - start) * 1000
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if not line.startswith("ready"):
        raise RuntimeError(f"the child did not get to a painted window: {err.strip()[-2000:]}")
    return took, line.strip()


def compile_package() -> None:
    """Byte-compile MentorDesk as an installation would, so starts do not compile sources.

    (Some environments set PYTHONDONTWRITEBYTECODE; Python still reads compiled files.)
    """
    import compileall

    import mentordesk

    compileall.compile_dir(str(Path(mentordesk.__file__).parent), quiet=1)


def cold_starts(data_dir: Path, repeat: int) -> tuple[list[float], list[float]]:
    """Times (ms) of the app and of the bare baseline, started alternately."""
    compile_package()
    app_times, base_times = [], []
    _run(BASELINE)  # warm the disk cache for both, untimed
    _run(APP, str(data_dir))
    for _ in range(repeat):
        base_times.append(_run(BASELINE)[0])
        app_times.append(_run(APP, str(data_dir))[0])
    return app_times, base_times


def resident_memory_mb(data_dir: Path) -> float:
    """Resident memory of the app with the data set open and the longest timeline shown."""
    _, line = _run(MEMORY, str(data_dir))
    kb = next(int(part.split("=")[1]) for part in line.split() if part.startswith("rss_kb="))
    return kb / 1024


def packages_at_first_paint(data_dir: Path) -> set[str]:
    """The top-level packages and modules loaded when the window is first painted."""
    _, line = _run(LOADED, str(data_dir))
    return set(line.split("loaded=", 1)[1].split(","))


def summary(times: list[float]) -> tuple[float, float]:
    return min(times), statistics.median(times)
