"""The crash log: what MentorDesk writes when something goes wrong that nobody foresaw.

No Qt here. The log lives in the data folder, readable by the owner only, and holds
where the program was (files, lines, functions) but never the exception's message,
which may quote what the mentor wrote about a mentee.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import sys
import traceback
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from mentordesk import __version__
from mentordesk.paths import OWNER_ONLY_FILE

CRASH_LOG_NAME = "crash.log"

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]
Notify = Callable[[Path], None]


def open_private_log(path: Path) -> IO[str]:
    """Open ``path`` for appending, created owner-only (0600) and made so if it was not."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, OWNER_ONLY_FILE)
    os.fchmod(fd, OWNER_ONLY_FILE)
    return os.fdopen(fd, "a", encoding="utf-8")


def format_crash(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    """A report of where the error happened, without its message (it may hold note text)."""
    import platform  # here: every start installs the handler, few ever crash

    lines = [
        f"=== {datetime.now(UTC):%Y-%m-%d %H:%M:%S} UTC — MentorDesk {__version__}, "
        f"Python {platform.python_version()}, {platform.system()} ===",
    ]
    chain: list[tuple[type[BaseException], TracebackType | None]] = [(exc_type, tb)]
    seen = {id(exc)}
    cause = exc.__cause__ or exc.__context__
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        chain.append((type(cause), cause.__traceback__))
        cause = cause.__cause__ or cause.__context__
    for depth, (kind, trace) in enumerate(reversed(chain)):
        if depth:
            lines.append("While handling that, another error happened:")
        lines.append("Traceback (most recent call last):")
        lines.extend(line.rstrip("\n") for line in traceback.format_list(traceback.extract_tb(trace)))
        lines.append(f"{kind.__module__}.{kind.__qualname__} (message left out: it may quote notes)")
    return "\n".join(lines) + "\n"


class CrashHandler:
    """Logs uncaught exceptions and hard crashes to ``crash.log`` and tells the mentor where it is.

    ``notify`` is called after an exception has been logged (the window shows a message
    there); it is never called again while it is still running.
    """

    def __init__(self, data_dir: Path, notify: Notify | None = None) -> None:
        self.log_path = data_dir / CRASH_LOG_NAME
        self._notify = notify
        self._notifying = False
        self._previous_hook: ExceptHook | None = None
        self._fault_file: IO[str] | None = None
        self._fault_was_enabled = False

    def install(self) -> CrashHandler:
        self._previous_hook = sys.excepthook
        sys.excepthook = self.handle
        try:
            self._fault_file = open_private_log(self.log_path)
        except OSError:
            self._fault_file = None
        if self._fault_file is not None:
            self._fault_was_enabled = faulthandler.is_enabled()
            faulthandler.enable(file=self._fault_file, all_threads=True)
        return self

    def uninstall(self) -> None:
        if self._previous_hook is not None and sys.excepthook == self.handle:
            sys.excepthook = self._previous_hook
        self._previous_hook = None
        if self._fault_file is not None:
            faulthandler.disable()
            if self._fault_was_enabled:
                faulthandler.enable(file=sys.__stderr__ or sys.stderr)
            self._fault_file.close()
            self._fault_file = None

    def log(self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> bool:
        """Append one report; False if the log could not be written."""
        try:
            with open_private_log(self.log_path) as handle:
                handle.write(format_crash(exc_type, exc, tb))
        except OSError:
            return False
        return True

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        """The ``sys.excepthook``: log, say so on stderr, and let the window tell the mentor."""
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        written = self.log(exc_type, exc, tb)
        where = str(self.log_path) if written else "(the log could not be written)"
        print(f"MentorDesk: unexpected error {exc_type.__name__}; details in {where}", file=sys.stderr)
        if self._notify is None or self._notifying:
            return
        self._notifying = True
        try:
            # A failing message box must not recurse into this hook.
            with contextlib.suppress(Exception):
                self._notify(self.log_path)
        finally:
            self._notifying = False
