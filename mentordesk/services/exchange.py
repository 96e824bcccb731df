"""Export and import of the whole data set in the exchange format (docs/exchange-format.md).

The format is a public contract: ``exchange_schema`` reads and checks a
document, ``exchange_export`` writes one, ``exchange_import`` adds one to the
open data file. This module is what the command line and the window call.
"""

from __future__ import annotations

from pathlib import Path

from mentordesk.services.exchange_export import build_document, mentee_document, write_document
from mentordesk.services.exchange_import import ImportReport, import_document
from mentordesk.services.exchange_schema import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MAX_DEPTH,
    MAX_DOCUMENT_BYTES,
    ExchangeError,
    read_document,
)

__all__ = [
    "FORMAT_NAME", "FORMAT_VERSION", "MAX_DEPTH", "MAX_DOCUMENT_BYTES", "ExchangeError", "ImportReport",
    "export_to_file", "export_mentee_to_file", "import_file",
]


def export_to_file(out: Path) -> Path:
    """Write the whole data set to ``out`` (UTF-8 JSON, owner-only); returns the path."""
    return write_document(build_document(), out)


def export_mentee_to_file(mentee_id: str, out: Path) -> Path:
    """Write one mentee's record (profile, meetings, goals, the ratings they gave) to ``out``."""
    return write_document(mentee_document(mentee_id), out)


def import_file(path: Path) -> ImportReport:
    """Read, check and import an export file; a file with any problem changes nothing.

    Raises ExchangeError whose one-line message starts with where the problem is.
    """
    document = read_document(path)
    try:
        return import_document(document)
    except ExchangeError as error:
        raise ExchangeError(f"{path.name}: {error}") from None
