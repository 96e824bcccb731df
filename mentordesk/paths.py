"""Where MentorDesk keeps the mentor's data and finds the files it ships.

No Qt here: the command line and the services use these too.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from mentordesk.services.errors import DataLocationError

DATA_FILE_NAME = "mentordesk.sqlite3"
DEMO_DIR_NAME = "demo"
ENV_DATA_DIR = "MENTORDESK_DATA_DIR"

OWNER_ONLY_DIR = stat.S_IRWXU  # 0700
OWNER_ONLY_FILE = stat.S_IRUSR | stat.S_IWUSR  # 0600


def resources_dir() -> Path:
    """The folder of shipped data (fonts, frameworks, question bank, icons).

    One answer for every way of installing:
    - a standalone bundle (PyInstaller) unpacks it beside the program,
    - a wheel carries it inside the package as ``mentordesk/_resources``,
    - an editable install or a source checkout has it at the top of the repository.
    """
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root:
        return Path(bundle_root) / "resources"
    package = Path(__file__).resolve().parent
    inside = package / "_resources"
    if inside.is_dir():
        return inside
    return package.parent / "resources"


def default_data_dir() -> Path:
    """The platform's per-user data folder (``~/.local/share/MentorDesk`` on Linux)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("MentorDesk", appauthor=False))


def chosen_data_dir(cli_value: str | None, *, demo: bool = False) -> Path:
    """The data folder from ``--data-dir``, else ``MENTORDESK_DATA_DIR``, else the default.

    The demo data lives in its own sub-folder, so it never mixes with the mentor's own.
    """
    if cli_value:
        base = Path(cli_value).expanduser()
    elif os.environ.get(ENV_DATA_DIR):
        base = Path(os.environ[ENV_DATA_DIR]).expanduser()
    else:
        base = default_data_dir()
    return base / DEMO_DIR_NAME if demo else base


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) if needed, owner-only (0700).

    A folder that already exists keeps its permissions (it may be one the mentor
    chose and shares with other things); the files MentorDesk writes in it are
    owner-only either way. Raises DataLocationError with a readable message when
    the folder cannot be used.
    """
    existed = path.exists()
    if existed and not path.is_dir():
        raise DataLocationError(f"The data folder {path} is a file, not a folder.")
    try:
        path.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_DIR)
    except FileExistsError as exc:
        raise DataLocationError(f"The data folder {path} cannot be created: a file is in the way.") from exc
    except PermissionError as exc:
        raise DataLocationError(f"The data folder {path} cannot be created: permission denied.") from exc
    except OSError as exc:
        raise DataLocationError(f"The data folder {path} cannot be created: {exc.strerror}.") from exc
    if not os.access(path, os.W_OK | os.X_OK):
        raise DataLocationError(f"The data folder {path} is not writable.")
    if not existed:
        path.chmod(OWNER_ONLY_DIR)  # whatever the umask
    return path


def make_owner_only(path: Path) -> None:
    """Remove group and other permission bits from a file the program wrote."""
    try:
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(OWNER_ONLY_FILE)
    except OSError:
        pass


def data_file(data_dir: Path) -> Path:
    return data_dir / DATA_FILE_NAME
