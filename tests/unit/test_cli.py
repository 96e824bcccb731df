"""The command line, called in-process: options, the selector, bad data folders, exit codes."""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from pathlib import Path

import pytest

from mentordesk import __version__, cli
from mentordesk.db import integrity
from mentordesk.db.models import Mentee
from mentordesk.db.rows import rows
from mentordesk.paths import DATA_FILE_NAME, data_file
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.mentees import MenteeData, create_mentee, set_status
from mentordesk.services.storage import close_data, open_data_dir


def _make_data_dir(folder: Path, *names: str, closed: tuple[str, ...] = ()) -> Path:
    """A data folder holding mentees with these names (closed ones as asked); the database is left closed."""
    open_data_dir(folder)
    try:
        for name in (*names, *closed):
            mentee = create_mentee(MenteeData(name=name))
            if name in closed:
                set_status(mentee.id, "closed")
    finally:
        close_data()
    return folder


def _snapshot(folder: Path) -> dict[str, tuple[int, bytes, int]]:
    """Every entry in a folder (recursively) with its mode, bytes and mtime."""
    found = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root, name)
            info = path.stat()
            content = path.read_bytes() if path.is_file() else b""
            found[str(path.relative_to(folder))] = (info.st_mode, content, info.st_mtime_ns)
    return found


@pytest.fixture
def no_window(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, bool]]:
    """A stand-in for mentordesk.app that records how the window would have been opened."""
    calls: list[tuple[Path, bool]] = []

    def run_gui(data_dir: Path, *, demo: bool = False, argv: list[str] | None = None,
                first_start: bool | None = None, opened: Path | None = None) -> int:
        # The command line hands over the data file it checked, open (the window closes it).
        assert opened == data_file(data_dir) and rows("SELECT COUNT(*) FROM mentee")
        calls.append((data_dir, demo))
        return 0

    fake = types.ModuleType("mentordesk.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mentordesk.app", fake)
    return calls


@pytest.fixture(autouse=True)
def _closed_afterwards() -> Iterator[None]:
    yield
    close_data()


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the program name and version and exits 0."""
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out == f"mentordesk {__version__}\n"


def test_help_names_exactly_the_commands_that_work(capsys: pytest.CaptureFixture[str]) -> None:
    """--help lists every registered command, each of which parses, and no other."""
    import re

    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    listed = set(re.findall(r"^    (\S+)\s{2,}", out, flags=re.MULTILINE))
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command")  # noqa: SLF001
    assert listed == set(subparsers.choices)  # type: ignore[arg-type]
    assert {"mentees", "show", "export", "import", "backup", "restore", "report", "search"} <= listed
    assert "--data-dir" in out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown subcommand ends with a usage message and exit status 2."""
    assert cli.main(["frobnicate"]) == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        ["--data-dir", "{a}", "mentees"],
        ["mentees", "--data-dir", "{a}"],
        ["--data-dir", "{b}", "mentees", "--data-dir", "{a}"],
    ],
    ids=["before", "after", "after-wins"],
)
def test_data_dir_before_or_after_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              argv: list[str]) -> None:
    """--data-dir works before and after the subcommand; given twice, the later one wins."""
    a = _make_data_dir(tmp_path / "a", "Ana Núñez")
    b = _make_data_dir(tmp_path / "b", "Bartłomiej Wróbel")
    assert cli.main([part.format(a=a, b=b) for part in argv]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[0] for line in lines] == ["Ana Núñez"]


def test_data_dir_from_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Without --data-dir, MENTORDESK_DATA_DIR names the data folder."""
    folder = _make_data_dir(tmp_path / "env", "Siobhán Ní Mhurchú")
    monkeypatch.setenv("MENTORDESK_DATA_DIR", str(folder))
    assert cli.main(["mentees"]) == 0
    assert capsys.readouterr().out.startswith("Siobhán Ní Mhurchú\tactive\t")


def test_mentees_lists_name_status_and_id_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`mentees` prints one line per mentee, closed ones only with --all or --status closed."""
    folder = _make_data_dir(tmp_path / "d", "Łucja Żmijewska", "Ana Núñez", closed=("João Gonçalves",))
    assert cli.main(["--data-dir", str(folder), "mentees"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("\t")[:2] for line in lines] == [["Ana Núñez", "active"], ["Łucja Żmijewska", "active"]]
    assert all(len(line.split("\t")[2]) == 8 for line in lines)

    assert cli.main(["--data-dir", str(folder), "mentees", "--all"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 3
    assert cli.main(["--data-dir", str(folder), "mentees", "--status", "closed"]) == 0
    assert capsys.readouterr().out.split("\t")[0] == "João Gonçalves"


def test_show_by_unique_prefix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`show` with a unique, accent-free prefix prints that mentee's profile."""
    folder = _make_data_dir(tmp_path / "d", "Nguyễn Thị Phương Thảo", "Ana Núñez")
    assert cli.main(["show", "nguyen", "--data-dir", str(folder)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "Nguyễn Thị Phương Thảo"
    assert "status" in out and "Active" in out


def test_show_ambiguous_lists_matches_on_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An ambiguous selector exits non-zero with one stderr line naming every match."""
    folder = _make_data_dir(tmp_path / "d", "Chen Jing", "Chen Li")
    assert cli.main(["--data-dir", str(folder), "show", "chen"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("mentordesk: ")
    assert "Chen Jing" in lines[0] and "Chen Li" in lines[0]


def test_show_unknown_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An unknown mentee exits non-zero with one clear stderr line and no traceback."""
    folder = _make_data_dir(tmp_path / "d", "Chen Jing")
    assert cli.main(["--data-dir", str(folder), "show", "Nobody Here"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("mentordesk: ") and "Nobody Here" in err
    assert "Traceback" not in err


def test_interrupt_exits_130(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+C during a command ends with exit status 130 and no traceback."""
    def interrupted(args: object) -> int:
        raise KeyboardInterrupt

    from mentordesk.commands import roster

    monkeypatch.setattr(roster, "_cmd_mentees", interrupted)
    assert cli.main(["--data-dir", str(tmp_path / "d"), "mentees"]) == 130


def test_no_command_opens_the_window(tmp_path: Path, no_window: list[tuple[Path, bool]]) -> None:
    """Without a command the data folder is prepared and closed, then the window opens on it."""
    folder = tmp_path / "fresh"
    assert cli.main(["--data-dir", str(folder)]) == 0
    assert no_window == [(folder, False)]
    assert data_file(folder).is_file()
    assert folder.stat().st_mode & 0o777 == 0o700


def test_demo_fills_a_separate_data_file(tmp_path: Path, no_window: list[tuple[Path, bool]]) -> None:
    """--demo opens a demo sub-folder filled with sample mentees, never the mentor's own file."""
    assert cli.main(["--demo", "--data-dir", str(tmp_path)]) == 0
    assert no_window == [(tmp_path / "demo", True)]
    assert not data_file(tmp_path).exists()
    open_data_dir(tmp_path / "demo")
    count = Mentee.select().count()
    close_data()
    assert count >= 12
    assert cli.main(["--demo", "--data-dir", str(tmp_path)]) == 0  # filled once, not twice
    open_data_dir(tmp_path / "demo")
    assert Mentee.select().count() == count


# --- a bad --data-dir: one line, non-zero exit, nothing changed ----------------------------

COMMANDS = [[], ["mentees"], ["show", "anyone"]]
COMMAND_IDS = ["window", "mentees", "show"]


def _run_refused(argv: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    code = cli.main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = captured.err.splitlines()
    assert len(lines) == 1, captured.err
    assert lines[0].startswith("mentordesk: ")
    assert "Traceback" not in captured.err
    return lines[0]


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize("demo", [False, True], ids=["own", "demo"])
def test_file_where_a_folder_is_expected(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         no_window: list[tuple[Path, bool]], command: list[str],
                                         demo: bool) -> None:
    """A --data-dir that is a file is refused, and the file is left exactly as it was."""
    target = tmp_path / "notes.txt"
    target.write_text("my private notes\n")
    before = _snapshot(tmp_path)
    _run_refused(["--data-dir", str(target), *(["--demo"] if demo else []), *command], capsys)
    assert _snapshot(tmp_path) == before
    assert no_window == []


@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize(
    "content",
    [b"", b"Dear diary,\nthis replaced the data file.\n", b"SQLite format 3\x00" + bytes(range(256)) * 4],
    ids=["empty", "text", "damaged"],
)
def test_data_file_that_is_not_a_database(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          no_window: list[tuple[Path, bool]], command: list[str],
                                          content: bytes) -> None:
    """An empty, text or damaged data file is refused; it stays byte-for-byte the same, with no -wal/-shm."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    (folder / DATA_FILE_NAME).write_bytes(content)
    before = _snapshot(tmp_path)
    line = _run_refused(["--data-dir", str(folder), *command], capsys)
    assert DATA_FILE_NAME in line
    assert _snapshot(tmp_path) == before
    assert sorted(os.listdir(folder)) == [DATA_FILE_NAME]
    assert no_window == []


@pytest.mark.unprivileged
@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions; run as an unprivileged user")
@pytest.mark.parametrize("command", COMMANDS, ids=COMMAND_IDS)
@pytest.mark.parametrize("has_data", [False, True], ids=["empty-folder", "with-data"])
def test_folder_without_write_permission(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                         no_window: list[tuple[Path, bool]], command: list[str],
                                         has_data: bool) -> None:
    """A data folder the user cannot write to is refused with one line and nothing in it changes."""
    folder = tmp_path / "data"
    if has_data:
        _make_data_dir(folder, "Ana Núñez")
    else:
        folder.mkdir(mode=0o700)
    folder.chmod(0o500)
    try:
        before = _snapshot(tmp_path)
        line = _run_refused(["--data-dir", str(folder), *command], capsys)
        assert "writable" in line or "permission" in line
        assert _snapshot(tmp_path) == before
        assert no_window == []
    finally:
        folder.chmod(0o700)


@pytest.mark.parametrize(("argv", "window"), [
    ([], (None, False)), (["--demo"], (None, True)), (["--data-dir", "x"], ("x", False)),
    (["--data-dir=x", "--demo"], ("x", True)), (["--data-dir", "x", "--data-dir", "y"], ("y", False)),
    (["mentees"], None), (["--data-dir", "x", "mentees"], None), (["--help"], None),
    (["--version"], None), (["--data-dir"], None), (["--data-dir", "--demo"], None), (["--bogus"], None),
    (["--dem"], None),
])
def test_only_a_plain_start_skips_the_commands_parser(argv: list[str],
                                                      window: tuple[str | None, bool] | None) -> None:
    """Opening the window does not build every command's parser; anything else gets the full one."""
    assert cli._window_start(argv) == window


def test_a_plain_start_imports_no_command_module(tmp_path: Path, no_window: list[tuple[Path, bool]],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    for name in [m for m in sys.modules if m.startswith("mentordesk.commands.")]:
        monkeypatch.delitem(sys.modules, name)  # put back after the test
    assert cli.main(["--data-dir", str(tmp_path / "data")]) == 0
    assert no_window == [(tmp_path / "data", False)]
    assert not [m for m in sys.modules if m.startswith("mentordesk.commands.")]


def test_the_window_starts_without_the_garbage_collector_and_gives_it_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Collecting during the start only slows it; afterwards (or on a failed start) it is on again."""
    import gc

    seen: list[bool] = []

    def run_gui(data_dir: Path, *, demo: bool = False, argv: list[str] | None = None,
                first_start: bool | None = None, opened: Path | None = None) -> int:
        seen.append(gc.isenabled())
        raise MentorDeskError("the window could not open")

    fake = types.ModuleType("mentordesk.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mentordesk.app", fake)
    assert gc.isenabled()
    assert cli.main(["--data-dir", str(tmp_path / "data")]) == cli.EXIT_ERROR
    assert seen == [False]
    assert gc.isenabled()
    # The window never took the data file over: the command line closed it, cleanly.
    assert integrity.trusted_check(data_file(tmp_path / "data")) is not None


def test_the_window_knows_a_first_start_although_the_check_made_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line creates the data file when it checks it; the window must still know
    that this is the mentor's first start (it shows the welcome then)."""
    starts: list[bool | None] = []

    def run_gui(data_dir: Path, *, demo: bool = False, argv: list[str] | None = None,
                first_start: bool | None = None, opened: Path | None = None) -> int:
        starts.append(first_start)
        return 0

    fake = types.ModuleType("mentordesk.app")
    fake.run_gui = run_gui  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mentordesk.app", fake)
    folder = tmp_path / "data"
    assert cli.main(["--data-dir", str(folder)]) == 0
    assert cli.main(["--data-dir", str(folder)]) == 0
    assert starts == [True, False]
