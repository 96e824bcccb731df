"""The crash handler: a private log in the data folder and a short message, never note text."""

from __future__ import annotations

import faulthandler
import stat
import sys
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QMessageBox

from mentordesk.crash import CRASH_LOG_NAME
from mentordesk.ui.crash import install_crash_handler

SECRET = "mentee said she is thinking of leaving medicine"


def raise_with_note_text() -> None:
    raise ValueError(f"could not save: {SECRET}")


def test_uncaught_error_is_logged_privately_and_shown(tmp_path: Path, monkeypatch: Any) -> None:
    """An unexpected error writes crash.log (0600) with the traceback but not its message, and says
    where the log is in a message box."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    handler = install_crash_handler(tmp_path)
    try:
        assert sys.excepthook == handler.handle
        assert faulthandler.is_enabled()
        try:
            raise_with_note_text()
        except ValueError:
            sys.excepthook(*sys.exc_info())  # what Python does with an error nobody caught
    finally:
        handler.uninstall()
    log = tmp_path / CRASH_LOG_NAME
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    text = log.read_text("utf-8")
    assert "raise_with_note_text" in text and "builtins.ValueError" in text
    assert SECRET not in text
    assert len(shown) == 1 and str(log) in shown[0]
    assert sys.excepthook != handler.handle


def test_existing_log_with_loose_permissions_is_made_private(tmp_path: Path, monkeypatch: Any) -> None:
    """A crash.log readable by others (copied in, say) is narrowed to the owner when written."""
    monkeypatch.setattr(QMessageBox, "critical", lambda *_args: None)
    log = tmp_path / CRASH_LOG_NAME
    log.write_text("old\n")
    log.chmod(0o644)
    handler = install_crash_handler(tmp_path)
    try:
        handler.handle(RuntimeError, RuntimeError("x"), None)
    finally:
        handler.uninstall()
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.read_text().startswith("old\n")


def test_a_failing_message_box_does_not_loop(tmp_path: Path, monkeypatch: Any) -> None:
    """If showing the message fails too, the error is still logged and nothing recurses."""
    def broken(*_args: Any) -> None:
        raise RuntimeError("no display")

    monkeypatch.setattr(QMessageBox, "critical", broken)
    handler = install_crash_handler(tmp_path)
    try:
        handler.handle(KeyError, KeyError("k"), None)
    finally:
        handler.uninstall()
    assert "builtins.KeyError" in (tmp_path / CRASH_LOG_NAME).read_text()
