"""The command line: ``mentordesk`` opens the window; subcommands work without one.

Headless commands never import Qt: ``mentordesk.app`` (and with it PySide6) is
imported only on the path that opens the window. Expected failures end with one
line on stderr, ``mentordesk: <message>``, and exit status 2.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mentordesk import __version__
from mentordesk.paths import chosen_data_dir
from mentordesk.services.errors import MentorDeskError

if TYPE_CHECKING:
    import argparse

EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
ENV_PASSPHRASE = "MENTORDESK_PASSPHRASE"

Command = Callable[["argparse.Namespace"], int]

# One module a subcommand under mentordesk/commands/, each with
# ``register(subparsers, common_options_parser)``; handlers import what they need lazily.
COMMAND_MODULES = ("roster", "agreement", "search", "desktop", "prep", "calendar", "report",
                   "exchange", "backup", "erase", "portfolio")


def _common_options(*, suppress: bool) -> argparse.ArgumentParser:
    """Options every command takes, before or after the subcommand.

    On the subcommands their default is SUPPRESS, so a value given before the
    subcommand is not overwritten by the subcommand's default (and one given
    after it wins).
    """
    import argparse

    common = argparse.ArgumentParser(add_help=False)
    default_dir: object = argparse.SUPPRESS if suppress else None
    default_demo: object = argparse.SUPPRESS if suppress else False
    common.add_argument("--data-dir", metavar="DIR", default=default_dir,
                        help="the data folder (default: $MENTORDESK_DATA_DIR or the user data folder)")
    common.add_argument("--demo", action="store_true", default=default_demo,
                        help="use the separate demo data file, filled with sample mentees")
    return common


def build_parser() -> argparse.ArgumentParser:
    import argparse
    import importlib

    parser = argparse.ArgumentParser(
        prog="mentordesk",
        description="A private, offline notebook for mentors in medicine and the health professions. "
                    "Without a command it opens the window.",
        parents=[_common_options(suppress=False)],
    )
    parser.add_argument("--version", action="version", version=f"mentordesk {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    common = _common_options(suppress=True)

    for module in COMMAND_MODULES:
        importlib.import_module(f"mentordesk.commands.{module}").register(commands, common)
    return parser


def _window_start(arguments: list[str]) -> tuple[str | None, bool] | None:
    """``(data dir, demo)`` when the arguments are only ``--demo`` and ``--data-dir DIR``: the
    window, whose start need not import argparse and build every command's parser first.
    None for anything else, which goes through the full parser."""
    rest = list(arguments)
    data_dir: str | None = None
    demo = False
    while rest:
        argument = rest.pop(0)
        if argument == "--data-dir" and rest and not rest[0].startswith("-"):
            data_dir = rest.pop(0)
        elif argument.startswith("--data-dir="):
            data_dir = argument.partition("=")[2]
        elif argument == "--demo":
            demo = True
        else:
            return None
    return data_dir, demo


def main(argv: Sequence[str] | None = None) -> int:
    arguments = list(argv) if argv is not None else sys.argv[1:]
    window = _window_start(arguments)
    if window is not None:
        return _guarded(lambda: _open_window(*window))
    # Anything else (a command, --help, --version, a mistake) goes through the full parser.
    try:
        args = build_parser().parse_args(arguments)
    except SystemExit as stop:  # --help, --version and usage errors
        return _exit_code(stop.code)
    handler: Command | None = getattr(args, "handler", None)
    if handler is None:
        return _guarded(lambda: _open_window(args.data_dir, args.demo))
    return _guarded(lambda: _run_headless(handler, args))


def _guarded(run: Callable[[], int]) -> int:
    """Run a command; expected failures end with one line on stderr."""
    try:
        return run()
    except MentorDeskError as error:
        _fail(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``mentordesk mentees | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _exit_code(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    return EXIT_ERROR


def _fail(message: str) -> None:
    line = " ".join(message.split()) or "an unexpected error"
    print(f"mentordesk: {line}", file=sys.stderr)


def _open_data(data_dir: str | None, demo: bool, *, questions: bool = True) -> Path:
    """Open the chosen data folder (refusing a bad one unchanged), filling demo data if asked.
    Without ``questions`` the shipped question bank is left to the window (storage.py)."""
    from mentordesk.services.storage import close_data, open_data_dir

    folder = chosen_data_dir(data_dir, demo=demo)
    open_data_dir(folder, _passphrase_for(folder), questions=questions)
    from mentordesk.services.data_location import cloud_sync_warning

    warning = cloud_sync_warning(folder)
    if warning:
        print(f"mentordesk: {warning}", file=sys.stderr)
    if demo:
        try:
            _fill_demo_if_empty()
        except BaseException:
            close_data()
            raise
    return folder


def _passphrase_for(folder: Path) -> str | None:
    """An encrypted data file's passphrase: $MENTORDESK_PASSPHRASE, else a prompt on a terminal."""
    from mentordesk.db.cipher import is_encrypted
    from mentordesk.paths import data_file

    path = data_file(folder)
    if not is_encrypted(path):
        return None
    if os.environ.get(ENV_PASSPHRASE):
        return os.environ[ENV_PASSPHRASE]
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(f"Passphrase for {path}: ")
    raise MentorDeskError(f"The data file {path} is encrypted: set {ENV_PASSPHRASE} or run from a terminal.")


def _fill_demo_if_empty() -> None:
    from mentordesk.db.rows import rows

    if not rows("SELECT 1 FROM mentee LIMIT 1"):  # plain SQL: the models load only to fill it
        from mentordesk.services.sample_data import fill_demo
        from mentordesk.services.storage import sync_questions

        sync_questions()
        fill_demo()


def _open_window(data_dir: str | None, demo: bool) -> int:
    # The start runs without the cyclic garbage collector: nearly all it makes (modules,
    # classes, the window) lives as long as the program, and collecting it again and again
    # costs about 10 ms. The window turns it back on once it is shown (app.run_gui).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check_data_and_open_window(data_dir, demo)
    finally:
        if collecting:
            gc.enable()


def _check_data_and_open_window(data_dir: str | None, demo: bool) -> int:
    from mentordesk.db.cipher import is_encrypted
    from mentordesk.paths import data_file
    from mentordesk.services.storage import close_data

    folder = chosen_data_dir(data_dir, demo=demo)
    if is_encrypted(data_file(folder)):
        # The window asks for the passphrase itself, in a dialog, and checks the file then.
        from mentordesk.app import run_gui

        return run_gui(folder, demo=demo)
    first_start = not data_file(folder).exists()  # the check below creates it
    folder = _open_data(data_dir, demo, questions=False)
    # Checked and open before Qt loads (a bad folder costs no window): the window takes it over.
    try:
        from mentordesk.app import run_gui

        return run_gui(folder, demo=demo, first_start=first_start, opened=data_file(folder))
    finally:
        close_data()  # closed by the window already, unless it never got that far


def _run_headless(handler: Command, args: argparse.Namespace) -> int:
    from mentordesk.services.storage import close_data

    if not getattr(args, "needs_data", True):  # e.g. install-desktop-entry: no data file needed
        return handler(args)
    _open_data(args.data_dir, args.demo)
    try:
        return handler(args)
    finally:
        close_data()


if __name__ == "__main__":
    raise SystemExit(main())
