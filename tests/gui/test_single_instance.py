"""One window per data file: a second start raises the first; a killed one's socket is replaced."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mentordesk.ui.single_instance import (
    SingleInstanceServer,
    ask_running_instance_to_raise,
    server_name,
)

LISTEN_THEN_WAIT = """
import sys, time
from PySide6.QtCore import QCoreApplication
from mentordesk.ui.single_instance import SingleInstanceServer
app = QCoreApplication([])
server = SingleInstanceServer(sys.argv[1])
print("listening" if server.listen() else "refused", flush=True)
time.sleep(60)
"""

ASK_TO_RAISE = """
import sys
from PySide6.QtCore import QCoreApplication
from mentordesk.ui.single_instance import ask_running_instance_to_raise
app = QCoreApplication([])
sys.exit(0 if ask_running_instance_to_raise(sys.argv[1]) else 1)
"""


@pytest.fixture
def name(tmp_path: Path) -> str:
    return server_name(tmp_path / "data" / "mentordesk.sqlite3")


def test_name_depends_on_user_and_resolved_data_file(tmp_path: Path) -> None:
    """The same file reached by two paths gives one name; another file gives another."""
    real = tmp_path / "real"
    real.mkdir()
    (tmp_path / "link").symlink_to(real)
    same = server_name(tmp_path / "link" / "mentordesk.sqlite3")
    assert same == server_name(real / "mentordesk.sqlite3")
    assert same != server_name(tmp_path / "other" / "mentordesk.sqlite3")
    assert str(os.getuid()) in Path(same).name


def test_second_start_in_this_process_asks_the_first_to_raise(qtbot: Any, name: str) -> None:
    """A second instance finds the listening one and delivers "raise"."""
    first = SingleInstanceServer(name)
    try:
        assert first.listen()
        assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0  # owner-only socket
        second = SingleInstanceServer(name)
        assert not second.listen()  # never steals a live instance's name
        with qtbot.waitSignal(first.raise_requested, timeout=3000):
            assert ask_running_instance_to_raise(name)
    finally:
        first.close()


def test_second_start_in_another_process_raises_the_window(qtbot: Any, name: str) -> None:
    """Another process started on the same data file reaches this one and exits successfully."""
    first = SingleInstanceServer(name)
    try:
        assert first.listen()
        with qtbot.waitSignal(first.raise_requested, timeout=10000):
            process = subprocess.Popen([sys.executable, "-c", ASK_TO_RAISE, name])
        assert process.wait(timeout=20) == 0
    finally:
        first.close()


def test_socket_of_a_killed_instance_is_replaced(qtbot: Any, name: str) -> None:
    """After a SIGKILL leaves its socket behind, the next start notices and listens in its place."""
    child = subprocess.Popen([sys.executable, "-c", LISTEN_THEN_WAIT, name], stdout=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "listening"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=20)
        if child.stdout is not None:
            child.stdout.close()
    assert os.path.exists(name), "the killed process should have left its socket behind"
    assert not ask_running_instance_to_raise(name)
    server = SingleInstanceServer(name)
    try:
        assert server.listen()
        assert server.replaced_stale_socket
        with qtbot.waitSignal(server.raise_requested, timeout=3000):
            assert ask_running_instance_to_raise(name)
    finally:
        server.close()


def test_no_running_instance_means_no_raise(name: str) -> None:
    """With nobody listening, asking to raise reports False at once."""
    assert not ask_running_instance_to_raise(name, timeout_ms=200)
