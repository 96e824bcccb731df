"""A menu entry and an icon for MentorDesk in the desktop's application menu, per user.

For mentors who installed with pip (or who unpacked the standalone bundle): writes
``mentordesk.desktop`` to ``$XDG_DATA_HOME/applications`` and the icon to
``$XDG_DATA_HOME/icons/hicolor/<size>/apps``, following the freedesktop.org
Desktop Entry and Icon Theme specifications, and removes them again. No Qt here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mentordesk.paths import resources_dir
from mentordesk.services.errors import MentorDeskError

APP_ID = "mentordesk"
DESKTOP_FILE_NAME = f"{APP_ID}.desktop"
ICON_SIZES = (16, 32, 48, 64, 128, 256)
EXEC_PLACEHOLDER = "@EXEC@"
TRY_EXEC_PLACEHOLDER = "@TRY_EXEC@"
REQUIRED_KEYS = ("Type", "Name", "Comment", "Exec", "Icon", "Categories")

# Characters that oblige an Exec argument to be quoted (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
# Inside double quotes these need a backslash.
_ESCAPED_IN_QUOTES = set('"`$\\')


class DesktopEntryError(MentorDeskError):
    """The menu entry cannot be written, is not valid, or cannot be removed."""


@dataclass(frozen=True)
class DesktopEntryFiles:
    """Where the menu entry and its icons live (or would live) for one user."""

    desktop_file: Path
    icons: tuple[Path, ...]

    @property
    def all(self) -> tuple[Path, ...]:
        return (self.desktop_file, *self.icons)


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if it is an absolute path, else ``~/.local/share`` (as the spec says)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and Path(value).is_absolute():
        return Path(value)
    return Path.home() / ".local" / "share"


def entry_files(home: Path | None = None) -> DesktopEntryFiles:
    """The paths of the desktop file and every icon size under ``home`` (default: data_home())."""
    base = home if home is not None else data_home()
    hicolor = base / "icons" / "hicolor"
    icons = [hicolor / f"{size}x{size}" / "apps" / f"{APP_ID}.png" for size in ICON_SIZES]
    icons.append(hicolor / "scalable" / "apps" / f"{APP_ID}.svg")
    return DesktopEntryFiles(base / "applications" / DESKTOP_FILE_NAME, tuple(icons))


def launch_command(*, executable: str | None = None, argv0: str | None = None,
                   frozen: bool | None = None) -> list[str]:
    """The command that starts this MentorDesk, as absolute arguments.

    The bundle's own program when running from the standalone bundle; else the
    ``mentordesk`` program that is running, or the one beside the Python
    interpreter (a virtual environment's ``bin/``); else ``python -m mentordesk``.
    """
    executable = executable if executable is not None else sys.executable
    argv0 = argv0 if argv0 is not None else (sys.argv[0] if sys.argv else "")
    frozen = frozen if frozen is not None else bool(getattr(sys, "frozen", False))
    if frozen:
        return [os.path.abspath(executable)]
    candidates = []
    if argv0 and Path(argv0).name == APP_ID:
        candidates.append(Path(os.path.abspath(argv0)))
    # Not resolved: a virtual environment's python is a link to the system's.
    candidates.append(Path(os.path.abspath(executable)).parent / APP_ID)
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]
    return [os.path.abspath(executable), "-m", APP_ID]


def _escape_string(value: str) -> str:
    """Escape a value of type string (spec: ``\\\\``, ``\\n``, ``\\t``, ``\\r``)."""
    return (value.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")
            .replace("\r", "\\r"))


def _unescape_string(value: str) -> str:
    out: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            out.append({"s": " ", "n": "\n", "t": "\t", "r": "\r", "\\": "\\"}.get(following,
                                                                                  "\\" + following))
        else:
            out.append(char)
    return "".join(out)


def exec_value(argv: list[str]) -> str:
    """The ``Exec=`` value that runs ``argv``: quoted as the spec asks, ``%`` doubled."""
    if not argv:
        raise DesktopEntryError("There is no command to start MentorDesk with.")
    parts = []
    for arg in argv:
        if any(char in "\n\r" for char in arg):
            raise DesktopEntryError(
                f"A menu entry cannot start a program whose path has a line break: {arg!r}.")
        if arg and not any(char in _RESERVED for char in arg):
            quoted = arg
        else:
            quoted = '"' + "".join("\\" + c if c in _ESCAPED_IN_QUOTES else c for c in arg) + '"'
        parts.append(quoted.replace("%", "%%"))
    return _escape_string(" ".join(parts))


def exec_arguments(value: str) -> list[str]:
    """The arguments an ``Exec=`` value stands for (the inverse of exec_value, no field codes)."""
    text = _unescape_string(value)
    args: list[str] = []
    current: list[str] = []
    in_arg = in_quotes = False
    chars = iter(text)
    for char in chars:
        if in_quotes:
            if char == "\\":
                current.append(next(chars, ""))
            elif char == '"':
                in_quotes = False
            else:
                current.append(char)
        elif char == '"':
            in_quotes = in_arg = True
        elif char == " ":
            if in_arg:
                args.append("".join(current))
                current, in_arg = [], False
        else:
            current.append(char)
            in_arg = True
    if in_quotes:
        raise DesktopEntryError(f"The Exec line {value!r} has an unclosed quote.")
    if in_arg:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


def render_entry(argv: list[str], template: str | None = None) -> str:
    """The text of ``mentordesk.desktop`` for a start command ``argv``."""
    if template is None:
        template = (resources_dir() / "desktop" / DESKTOP_FILE_NAME).read_text("utf-8")
    return (template.replace(EXEC_PLACEHOLDER, exec_value(argv))
            .replace(TRY_EXEC_PLACEHOLDER, _escape_string(argv[0])))


def read_entry(text: str) -> dict[str, str]:
    """The keys of the ``[Desktop Entry]`` group (localised keys included).

    Values are unescaped, except Exec, which stays as written for exec_arguments().
    """
    entry: dict[str, str] = {}
    group = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
            continue
        if "=" not in line:
            raise DesktopEntryError(f"Line {number} of the menu entry is neither a group nor a key: {raw!r}.")
        key, value = line.split("=", 1)
        if group == "Desktop Entry":
            entry[key.strip()] = value.strip() if key.strip() == "Exec" else _unescape_string(value.strip())
    return entry


def validate_entry(text: str, *, check_program: bool = True) -> dict[str, str]:
    """Check a desktop file's text; returns its keys, or raises DesktopEntryError saying what is wrong.

    The required keys are there, it is an application, the categories end with
    ``;``, and (with ``check_program``) Exec names an executable file. Where the
    freedesktop tool ``desktop-file-validate`` is installed it checks the file too.
    """
    if not text.startswith("[Desktop Entry]"):
        raise DesktopEntryError("The menu entry does not start with [Desktop Entry].")
    entry = read_entry(text)
    missing = [key for key in REQUIRED_KEYS if not entry.get(key)]
    if missing:
        raise DesktopEntryError(f"The menu entry lacks {', '.join(missing)}.")
    if entry["Type"] != "Application":
        raise DesktopEntryError(f"The menu entry is of type {entry['Type']!r}, not Application.")
    if not entry["Categories"].endswith(";"):
        raise DesktopEntryError("The menu entry's categories must end with ';'.")
    argv = exec_arguments(entry["Exec"])
    if check_program:
        program = Path(argv[0]) if argv else Path()
        if not program.is_absolute() or not program.is_file() or not os.access(program, os.X_OK):
            raise DesktopEntryError(f"The menu entry would start {argv[0] if argv else '(nothing)'}, "
                                    "which is not a program on this computer.")
    _run_desktop_file_validate(text)
    return entry


def _run_desktop_file_validate(text: str) -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        return
    with tempfile.TemporaryDirectory(prefix="mentordesk-entry-") as folder:
        path = Path(folder) / DESKTOP_FILE_NAME
        path.write_text(text, "utf-8")
        result = subprocess.run([tool, str(path)], capture_output=True, text=True, check=False)
    if result.returncode != 0:
        report = " ".join((result.stdout + result.stderr).replace(str(path), DESKTOP_FILE_NAME).split())
        raise DesktopEntryError(f"desktop-file-validate rejects the menu entry: {report}")


def install_desktop_entry(*, home: Path | None = None, argv: list[str] | None = None) -> DesktopEntryFiles:
    """Write the menu entry and the icons for the current user; returns what was written.

    ``argv`` is the start command (default: launch_command()). The entry is checked
    before anything is written; an existing MentorDesk entry is replaced.
    """
    argv = argv if argv is not None else launch_command()
    files = entry_files(home)
    text = render_entry(argv)
    validate_entry(text)
    icons = resources_dir() / "icons"
    sources = [icons / f"{APP_ID}-{size}.png" for size in ICON_SIZES] + [icons / f"{APP_ID}.svg"]
    try:
        for source, target in zip(sources, files.icons, strict=True):
            _write_atomically(target, source.read_bytes())
        _write_atomically(files.desktop_file, text.encode("utf-8"))
    except OSError as exc:
        raise DesktopEntryError(f"The menu entry cannot be written to {files.desktop_file.parent}: "
                                f"{exc.strerror or exc}.") from exc
    _touch_icon_theme(files)
    return files


def uninstall_desktop_entry(*, home: Path | None = None) -> list[Path]:
    """Remove the menu entry and the icons that install wrote; returns the files removed.

    Only MentorDesk's own files are removed; the folders stay (other programs use them).
    """
    files = entry_files(home)
    removed = []
    for path in files.all:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise DesktopEntryError(f"{path} cannot be removed: {exc.strerror or exc}.") from exc
        removed.append(path)
    if removed:
        _touch_icon_theme(files)
    return removed


def _write_atomically(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    descriptor, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
        os.chmod(temporary, 0o644)  # not private: a menu entry and an icon
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _touch_icon_theme(files: DesktopEntryFiles) -> None:
    """Tell icon caches the theme folder changed (they compare its time stamp)."""
    hicolor = files.icons[0].parents[2]
    try:
        if hicolor.is_dir():
            os.utime(hicolor)
    except OSError:
        pass
