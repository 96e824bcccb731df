"""``export`` and ``import``: the whole data set in the documented exchange format."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export", parents=[common], help="write the whole data set (or one mentee) to a JSON file",
        description="Write everything in the data file to one UTF-8 JSON document in the exchange format "
                    "(docs/exchange-format.md). The file holds every note in plain text, private remarks "
                    "included: keep it safe.")
    export.add_argument("--out", required=True, metavar="FILE", help="the JSON file to write")
    export.add_argument("--plain-text-ok", action="store_true",
                        help="needed when the data file is encrypted: confirms that a plain-text copy of "
                             "the notes may be written")
    export.add_argument("--mentee", metavar="MENTEE",
                        help="only this mentee's record (name, unique prefix or id), e.g. at their request")
    export.set_defaults(handler=_cmd_export)

    imp = commands.add_parser(
        "import", parents=[common], help="add the records of an export file",
        description="Read an export file and add the mentees this data file does not have yet (matched by "
                    "id). The whole file is checked first: a file with any problem changes nothing.")
    imp.add_argument("file", metavar="FILE.json")
    imp.set_defaults(handler=_cmd_import)


def _cmd_export(args: argparse.Namespace) -> int:
    from mentordesk.services.exchange import export_mentee_to_file, export_to_file

    out = Path(args.out).expanduser()
    _confirm_plain_text(args)
    if args.mentee:
        from mentordesk.services.mentees import find_mentee

        mentee = find_mentee(args.mentee)
        path = export_mentee_to_file(mentee.id, out)
        print(f"Wrote the record of {mentee.name} to {path}")
    else:
        path = export_to_file(out)
        print(f"Wrote the whole data set to {path}")
    return 0


def _confirm_plain_text(args: argparse.Namespace) -> None:
    """An export of an encrypted data file is plain text: only with --plain-text-ok."""
    from mentordesk.db.base import current_passphrase
    from mentordesk.services.errors import MentorDeskError

    if current_passphrase() is not None and not args.plain_text_ok:
        raise MentorDeskError("The data file is encrypted, but an export is plain text that anyone can read: "
                              "add --plain-text-ok to write it anyway.")


def _cmd_import(args: argparse.Namespace) -> int:
    from mentordesk.services.exchange import import_file

    report = import_file(Path(args.file).expanduser())
    for line in report.lines():
        print(line)
    return 0
