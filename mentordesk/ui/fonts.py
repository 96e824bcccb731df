"""The bundled fonts, registered with Qt so every script shows on a bare machine."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFontDatabase

from mentordesk.paths import resources_dir

_registered: dict[Path, list[str]] = {}


def register_bundled_fonts(folder: Path | None = None) -> list[str]:
    """Add every ``*.ttf`` of ``resources/fonts`` to the application; returns the families.

    Safe to call more than once: each file is added once per process.
    """
    folder = folder or resources_dir() / "fonts"
    if not folder.is_dir():
        return []
    families: list[str] = []
    for path in sorted(folder.glob("*.ttf")):
        if path not in _registered:
            font_id = QFontDatabase.addApplicationFont(str(path))
            _registered[path] = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        families.extend(f for f in _registered[path] if f not in families)
    return families
