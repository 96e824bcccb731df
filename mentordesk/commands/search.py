"""``mentordesk search TEXT``: full-text search over every note, one hit a line.

Like grep: hits go to stdout and exit 0; nothing found prints one line on
stderr and exits 1; errors exit 2 (as every command).
"""

from __future__ import annotations

import argparse
from typing import Any

EXIT_NOTHING_FOUND = 1


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError("the limit must be 1 or more")
    return number


def register(commands: Any, common: argparse.ArgumentParser) -> None:
    search = commands.add_parser(
        "search", parents=[common], help="search every note, one hit a line",
        description="Search everything you wrote (the four sections, agendas, actions, wellbeing "
                    "notes, goals, mentee notes, closing reflections), newest first. Case and "
                    "accents do not matter (lodz finds Łódź); words are words, never query syntax; "
                    "put a phrase in double quotes. Each hit is one line: "
                    "DATE<TAB>MENTEE<TAB>SECTION<TAB>SNIPPET. Nothing found: a note on stderr "
                    "and exit status 1.")
    search.add_argument("text", nargs="+", metavar="TEXT", help="the words to look for")
    search.add_argument("--include-private", action="store_true",
                        help="also search private remarks (left out unless asked for)")
    search.add_argument("--limit", type=_positive, default=50, metavar="N",
                        help="at most N hits (default 50)")
    search.set_defaults(handler=_cmd_search)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cmd_search(args: argparse.Namespace) -> int:
    import sys

    from mentordesk.services.search import search, terms_of

    text = " ".join(args.text)
    if not terms_of(text):
        print("mentordesk: give at least one word to search for.", file=sys.stderr)
        return 2
    hits = search(text, include_private=args.include_private, limit=args.limit)
    if not hits:
        print(f"mentordesk: nothing found for “{_one_line(text)}”"
              + ("" if args.include_private else " (private remarks not searched)") + ".",
              file=sys.stderr)
        return EXIT_NOTHING_FOUND
    for hit in hits:
        day = hit.on.isoformat() if hit.on else "-"
        print("\t".join((day, _one_line(hit.mentee_name) or "-", _one_line(hit.field_label),
                         _one_line(hit.snippet))))
    return 0
