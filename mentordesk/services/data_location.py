"""Warnings about where the data file lives (not errors: the mentor may know what they are doing)."""

from __future__ import annotations

from pathlib import Path

# Folder names that cloud-sync clients create; a live SQLite file there can be
# copied half-written or forked into "conflicted copies", and leaves the machine.
CLOUD_FOLDERS = ("dropbox", "onedrive", "google drive", "googledrive", "my drive", "icloud",
                 "icloud drive", "icloudrive", "mobile documents", "nextcloud", "owncloud", "pcloud",
                 "box sync")


def cloud_folder(path: Path) -> str | None:
    """The cloud-synced folder ``path`` lies in (as named on disk), or None."""
    for part in path.expanduser().absolute().parts:
        folded = part.casefold()
        if any(folded == name or folded.startswith(name + " ") or folded.startswith(name + "-")
               for name in CLOUD_FOLDERS):
            return part
    return None


def cloud_sync_warning(path: Path) -> str | None:
    """A warning when ``path`` is inside a folder that a cloud service keeps in sync, else None."""
    part = cloud_folder(path)
    if part is None:
        return None
    return (f"Warning: the data file is inside a cloud-synced folder ({part}). Syncing can damage "
            "a file that is open and sends your notes off this computer; a local folder is safer.")
