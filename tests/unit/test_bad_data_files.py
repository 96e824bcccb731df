"""Data files MentorDesk must not use as they are: locked, read-only, damaged, or in a cloud-synced folder.

(Empty, text and foreign files and files from a newer MentorDesk are covered by
test_db_open.py, test_cli.py and test_newer_data_file.py.)
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentordesk import cli
from mentordesk.paths import DATA_FILE_NAME
from mentordesk.services.data_location import cloud_sync_warning
from mentordesk.services.mentees import MenteeData, create_mentee
from mentordesk.services.sample_data import fill_demo
from mentordesk.services.storage import close_data, open_data_dir


def _make(folder: Path, *, demo: bool = False) -> Path:
    open_data_dir(folder)
    try:
        if demo:
            fill_demo()
        else:
            create_mentee(MenteeData(name="Ana Núñez"))
    finally:
        close_data()
    return folder / DATA_FILE_NAME


def _state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _one_line(argv: list[str], capsys: pytest.CaptureFixture[str], code: int = 2) -> str:
    result = cli.main(argv)
    captured = capsys.readouterr()
    assert result == code, captured
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mentordesk: ") and "Traceback" not in captured.err
    return lines[0]


@pytest.fixture(autouse=True)
def _closed() -> Iterator[None]:
    yield
    close_data()


def test_file_locked_by_another_program(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file another connection holds an EXCLUSIVE lock on is reported as locked and left alone."""
    path = _make(tmp_path / "data")
    before = _state(path)
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        line = _one_line(["--data-dir", str(path.parent), "mentees"], capsys)
        assert "locked by another program" in line
        line = _one_line(["--data-dir", str(path.parent), "export", "--out", str(tmp_path / "x.json")], capsys)
        assert "locked" in line and not (tmp_path / "x.json").exists()
    finally:
        other.close()
    assert _state(path) == before


@pytest.mark.unprivileged
@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions; run as an unprivileged user")
def test_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A data file without write permission is refused in one line and not modified."""
    path = _make(tmp_path / "data")
    path.chmod(0o400)
    try:
        before = _state(path)
        line = _one_line(["--data-dir", str(path.parent), "mentees"], capsys)
        assert "permission denied" in line
        assert _state(path) == before
    finally:
        path.chmod(0o600)


def test_damaged_pages_are_found_and_the_file_left_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A real data file with some pages overwritten fails its integrity check; nothing is written to it."""
    path = _make(tmp_path / "data", demo=True)
    page = 4096
    with path.open("r+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        assert size > 20 * page
        for number in (size // page // 2, size // page // 2 + 1, size // page - 2):
            handle.seek(number * page)
            handle.write(bytes(range(256)) * (page // 256))
    before = _state(path)
    files_before = sorted(os.listdir(path.parent))
    assert DATA_FILE_NAME in files_before
    line = _one_line(["--data-dir", str(path.parent), "mentees"], capsys)
    assert "damaged" in line
    assert _state(path) == before
    assert sorted(os.listdir(path.parent)) == files_before  # no -wal, -shm or anything else


@pytest.mark.parametrize("cloud", ["Dropbox", "OneDrive - NHS Trust", "Google Drive", "iCloud Drive", "Nextcloud"])
def test_cloud_synced_folder_is_a_warning_not_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                       cloud: str) -> None:
    """A data file inside a cloud-sync folder works, with one warning line on stderr; the file is unchanged."""
    path = _make(tmp_path / cloud / "MentorDesk")
    before = _state(path)
    assert cli.main(["--data-dir", str(path.parent), "mentees"]) == 0
    captured = capsys.readouterr()
    assert "Ana Núñez" in captured.out
    lines = captured.err.splitlines()
    assert len(lines) == 1 and "cloud" in lines[0] and cloud.split()[0] in lines[0]
    assert _state(path) == before


def test_local_folders_get_no_warning(tmp_path: Path) -> None:
    """Ordinary folders, including names that merely contain a cloud word, give no warning."""
    assert cloud_sync_warning(tmp_path / "data") is None
    assert cloud_sync_warning(Path("/home/ana/.local/share/MentorDesk")) is None
    assert cloud_sync_warning(Path("/home/ana/boxing-club/MentorDesk")) is None
    assert cloud_sync_warning(Path("/home/ana/Dropbox/MentorDesk")) is not None
