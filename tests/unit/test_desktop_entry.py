"""The menu entry: install-desktop-entry writes a valid .desktop file and icons, uninstall removes them."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from mentordesk import cli
from mentordesk.services import desktop_entry
from mentordesk.services.desktop_entry import (
    DesktopEntryError,
    entry_files,
    exec_arguments,
    exec_value,
    install_desktop_entry,
    launch_command,
    read_entry,
    render_entry,
    uninstall_desktop_entry,
    validate_entry,
)

VALIDATOR = shutil.which("desktop-file-validate")


@pytest.fixture
def xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temporary $XDG_DATA_HOME, and a data folder that must stay untouched."""
    home = tmp_path / "xdg-data"
    monkeypatch.setenv("XDG_DATA_HOME", str(home))
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(tmp_path / "mentor-data"))
    return home


def _program(folder: Path) -> Path:
    """An executable file standing in for an installed ``mentordesk``."""
    folder.mkdir(parents=True, exist_ok=True)
    program = folder / "mentordesk"
    program.write_text("#!/bin/sh\nexit 0\n")
    program.chmod(0o755)
    return program


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_install_command_writes_a_valid_entry_and_icons(xdg: Path, tmp_path: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    """`mentordesk install-desktop-entry` writes mentordesk.desktop with the keys a menu needs, and every icon size."""
    assert cli.main(["install-desktop-entry"]) == 0
    desktop = xdg / "applications" / "mentordesk.desktop"
    assert str(desktop) in capsys.readouterr().out

    text = desktop.read_text("utf-8")
    assert text.startswith("[Desktop Entry]\n")
    entry = read_entry(text)
    assert entry["Type"] == "Application"
    assert entry["Name"] == "MentorDesk"
    assert "mentor" in entry["Comment"].lower()
    assert entry["Icon"] == "mentordesk"
    assert {"Office", "Education", "MedicalSoftware"} <= set(entry["Categories"].rstrip(";").split(";"))
    assert entry["Terminal"] == "false"
    program = exec_arguments(entry["Exec"])[0]
    assert Path(program).is_absolute() and os.access(program, os.X_OK)
    assert exec_arguments(entry["Exec"]) == launch_command()

    for size in desktop_entry.ICON_SIZES:
        icon = xdg / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "mentordesk.png"
        assert _png_size(icon) == (size, size)
    svg = xdg / "icons" / "hicolor" / "scalable" / "apps" / "mentordesk.svg"
    assert svg.read_text("utf-8").lstrip().startswith("<?xml") and "<svg" in svg.read_text("utf-8")
    assert not (tmp_path / "mentor-data").exists(), "installing the entry must not create a data file"


@pytest.mark.skipif(VALIDATOR is None, reason="desktop-file-validate (Debian package desktop-file-utils) is not installed")
def test_installed_entry_passes_desktop_file_validate(xdg: Path) -> None:
    """The freedesktop.org validator accepts the installed entry without an error or a warning."""
    files = install_desktop_entry()
    assert VALIDATOR is not None
    result = subprocess.run([VALIDATOR, str(files.desktop_file)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout and "warning:" not in result.stdout, result.stdout


def test_uninstall_command_removes_what_install_wrote_and_nothing_else(
        xdg: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`uninstall-desktop-entry` removes the entry and the icons, leaves other programs' files, and can run twice."""
    other_entry = xdg / "applications" / "other.desktop"
    other_icon = xdg / "icons" / "hicolor" / "48x48" / "apps" / "other.png"
    for path in (other_entry, other_icon):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("not ours")
    assert cli.main(["install-desktop-entry"]) == 0
    installed = entry_files(xdg).all
    assert all(path.is_file() for path in installed)
    capsys.readouterr()

    assert cli.main(["uninstall-desktop-entry"]) == 0
    out = capsys.readouterr().out
    assert f"({len(installed)} files)" in out
    assert not any(path.exists() for path in installed)
    assert other_entry.read_text() == "not ours" and other_icon.read_text() == "not ours"

    assert cli.main(["uninstall-desktop-entry"]) == 0
    assert "No MentorDesk menu entry was installed" in capsys.readouterr().out


def test_entry_for_a_program_in_a_folder_with_spaces_and_symbols(xdg: Path, tmp_path: Path) -> None:
    """A program path with spaces, quotes, $ and % is quoted so that the menu starts exactly that program."""
    program = _program(tmp_path / 'My "Apps" $HOME 100% Łódź')
    files = install_desktop_entry(argv=[str(program)])
    entry = read_entry(files.desktop_file.read_text("utf-8"))
    assert exec_arguments(entry["Exec"]) == [str(program)]
    assert entry["TryExec"] == str(program)
    assert "%%" in entry["Exec"] and '\\\\"' in entry["Exec"]
    if VALIDATOR is not None:
        result = subprocess.run([VALIDATOR, str(files.desktop_file)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("argv", [
    ["/usr/bin/mentordesk"],
    ["/opt/Mentor Desk/bin/python3", "-m", "mentordesk"],
    ["/tmp/a\\b/`c`/it's;(x)/mentordesk"],
])
def test_exec_value_round_trips(argv: list[str]) -> None:
    """Quoting an Exec value and reading it back gives the same arguments."""
    assert exec_arguments(exec_value(argv)) == argv


def test_install_refuses_a_missing_program_and_writes_nothing(xdg: Path) -> None:
    """An entry that would start a program that does not exist is refused before any file is written."""
    with pytest.raises(DesktopEntryError, match="not a program"):
        install_desktop_entry(argv=["/nonexistent/bin/mentordesk"])
    assert not xdg.exists()


def test_validate_rejects_an_entry_without_required_keys(tmp_path: Path) -> None:
    """An entry that lacks Exec, or is not an application, is reported as invalid."""
    program = _program(tmp_path / "bin")
    good = render_entry([str(program)])
    assert validate_entry(good)["Exec"] == str(program)
    without_exec = "\n".join(line for line in good.splitlines() if not line.startswith("Exec="))
    with pytest.raises(DesktopEntryError, match="lacks Exec"):
        validate_entry(without_exec)
    with pytest.raises(DesktopEntryError, match="not Application"):
        validate_entry(good.replace("Type=Application", "Type=Link"))


def test_launch_command_prefers_the_bundle_then_the_installed_program(tmp_path: Path) -> None:
    """The entry starts the bundle itself, else the mentordesk beside the interpreter, else `python -m mentordesk`."""
    bundle = tmp_path / "dist" / "mentordesk" / "mentordesk"
    assert launch_command(executable=str(bundle), argv0=str(bundle), frozen=True) == [str(bundle)]

    program = _program(tmp_path / "venv" / "bin")
    python = tmp_path / "venv" / "bin" / "python"
    assert launch_command(executable=str(python), argv0="-c", frozen=False) == [str(program)]

    running = _program(tmp_path / "user" / "bin")
    assert launch_command(executable=str(python), argv0=str(running), frozen=False) == [str(running)]

    bare = tmp_path / "system" / "python3"
    assert launch_command(executable=str(bare), argv0="", frozen=False) == [str(bare), "-m", "mentordesk"]


def test_entry_files_follow_xdg_data_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """$XDG_DATA_HOME decides where the entry goes; a relative value is ignored, as the spec says."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert entry_files().desktop_file == tmp_path / "share" / "applications" / "mentordesk.desktop"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/share")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert entry_files().desktop_file == tmp_path / "home" / ".local" / "share" / "applications" / "mentordesk.desktop"


def test_uninstall_with_nothing_installed_removes_nothing(xdg: Path) -> None:
    """Uninstalling when no entry exists is not an error and touches nothing."""
    assert uninstall_desktop_entry() == []
    assert not xdg.exists()
