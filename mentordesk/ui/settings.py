"""The window's own settings (geometry, last area): an INI file in the user's config folder."""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "MentorDesk"
APPLICATION = "MentorDesk"


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
