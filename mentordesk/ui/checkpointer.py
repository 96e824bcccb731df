"""Checkpoints of the data file's log on a worker thread, so no autosave stalls on one."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from mentordesk.services import checkpoints

INTERVAL_MS = 30_000


class Checkpointer(QObject):
    def __init__(self, data_file: Path, parent: QObject | None = None, *,
                 interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self.data_file = data_file
        self._worker: threading.Thread | None = None
        checkpoints.leave_checkpoints_to_caller()
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.run_now)
        self.timer.start()

    def run_now(self) -> None:
        """Start a checkpoint unless one is still running."""
        if self._worker is not None and self._worker.is_alive():
            return
        self._worker = threading.Thread(target=self._work, name="wal-checkpoint", daemon=True)
        self._worker.start()

    def _work(self) -> None:
        # A missed checkpoint is harmless: the next one tries again.
        with contextlib.suppress(Exception):
            checkpoints.checkpoint(self.data_file)

    def wait(self, timeout: float = 10.0) -> None:
        if self._worker is not None:
            self._worker.join(timeout)

    def stop(self) -> None:
        self.timer.stop()
        self.wait()
        # Closing hands housekeeping back to SQLite and FTS5 (for the command line, too).
        with contextlib.suppress(Exception):
            checkpoints.restore_defaults()
