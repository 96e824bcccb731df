"""Desktop integration: ``install-desktop-entry`` and ``uninstall-desktop-entry``.

They put MentorDesk (with its icon) into the desktop's application menu for the
current user, and take it out again. They need no data file and no window.
"""

from __future__ import annotations

import argparse
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    install = commands.add_parser(
        "install-desktop-entry", help="add MentorDesk, with its icon, to your application menu",
        description="Add MentorDesk to the application menu of your desktop, for you only: writes "
                    "mentordesk.desktop to $XDG_DATA_HOME/applications (~/.local/share/applications) "
                    "and the icon to $XDG_DATA_HOME/icons/hicolor. The entry starts the MentorDesk "
                    "you ran this with. Running it again replaces the entry.")
    install.set_defaults(handler=_cmd_install, needs_data=False)

    uninstall = commands.add_parser(
        "uninstall-desktop-entry", help="remove MentorDesk from your application menu",
        description="Remove the menu entry and the icons that install-desktop-entry wrote. "
                    "Your MentorDesk data is not touched.")
    uninstall.set_defaults(handler=_cmd_uninstall, needs_data=False)


def _cmd_install(args: argparse.Namespace) -> int:
    from mentordesk.services.desktop_entry import exec_arguments, install_desktop_entry, read_entry

    files = install_desktop_entry()
    command = exec_arguments(read_entry(files.desktop_file.read_text("utf-8"))["Exec"])
    print(f"Added MentorDesk to your application menu: {files.desktop_file}")
    print(f"Icon: {files.icons[0].parents[2]}/*/apps/mentordesk.*")
    print(f"It starts: {' '.join(command)}")
    return 0


def _cmd_uninstall(args: argparse.Namespace) -> int:
    from mentordesk.services.desktop_entry import entry_files, uninstall_desktop_entry

    removed = uninstall_desktop_entry()
    if not removed:
        print(f"No MentorDesk menu entry was installed ({entry_files().desktop_file} does not exist).")
        return 0
    print(f"Removed MentorDesk from your application menu ({len(removed)} files). Your data is untouched.")
    for path in removed:
        print(f"  {path}")
    return 0
