"""Upkeep of the full-text index (table ``search_text``, schema step 2).

Each indexed piece of text is one row: which record it belongs to, which field,
whether it is private, a date to sort by, and a folded copy of the text. Call
``index_record`` inside the same transaction as the write it follows, so the
index can never disagree with the notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime

from mentordesk.db.base import database
from mentordesk.services.folding import fold

# Han, Hiragana, Katakana, Hangul and CJK punctuation: scripts written without spaces.
# (Compiled on first use: its ranges take milliseconds, and the window's start needs none.)
_CJK = (
    "([\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f])"
)


def searchable(text: str) -> str:
    """The folded form that goes into the index: every CJK character a word of its own."""
    return re.sub(_CJK, r" \1 ", fold(text))


def _sort_key(value: date | datetime | str | None) -> str:
    if value is None:
        return ""
    return value.isoformat() if not isinstance(value, str) else value


Row = tuple[str, str, str | None, str, int, str, str]


def rows_for(kind: str, record_id: str, mentee_id: str | None, sort_on: date | datetime | str | None,
             fields: Mapping[str, str], private_fields: Iterable[str] = ()) -> list[Row]:
    """The index rows of one record: one per non-empty field."""
    private = set(private_fields)
    return [
        (kind, record_id, mentee_id, name, 1 if name in private else 0, _sort_key(sort_on), searchable(text))
        for name, text in fields.items()
        if text and text.strip()
    ]


# Index rowids carry the date of their record: (days since 0001-01-01) << 32, plus a
# running number within the day. Walking the index by rowid, newest first, is then
# walking it by date, and a search can stop after the hits it shows instead of
# reading the date of every hit of a common word.
DAY_SHIFT = 32


def _day_number(sort_on: str) -> int:
    try:
        return date.fromisoformat(sort_on[:10]).toordinal()
    except ValueError:
        return 0  # undated: the oldest


def insert_rows(rows: list[Row]) -> None:
    """Add index rows, each with its key (schema step 7) under the same, date-ordered rowid."""
    if not rows:
        return
    cursor = database.cursor()
    next_of_day: dict[int, int] = {}
    numbered = []
    for row in rows:
        day = _day_number(row[5])
        if day not in next_of_day:
            low = day << DAY_SHIFT
            top = cursor.execute("SELECT MAX(rowid) FROM search_key WHERE rowid BETWEEN ? AND ?",
                                 (low, low + (1 << DAY_SHIFT) - 1)).fetchone()[0]
            next_of_day[day] = (top + 1) if top is not None else low
        numbered.append((next_of_day[day], row))
        next_of_day[day] += 1
    cursor.executemany("INSERT INTO search_key (rowid, kind, record_id, mentee_id) VALUES (?, ?, ?, ?)",
                       [(n, row[0], row[1], row[2]) for n, row in numbered])
    cursor.executemany(
        "INSERT INTO search_text (rowid, kind, record_id, mentee_id, field, private, sort_on, body) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(n, *row) for n, row in numbered],
    )


def index_record(kind: str, record_id: str, mentee_id: str | None, sort_on: date | datetime | str | None,
                 fields: Mapping[str, str], private_fields: Iterable[str] = ()) -> None:
    """Replace the index rows of one record with its current text."""
    drop_record(kind, record_id)
    insert_rows(rows_for(kind, record_id, mentee_id, sort_on, fields, private_fields))


def _drop(where: str, params: tuple[str, ...]) -> None:
    database.execute_sql(
        f"DELETE FROM search_text WHERE rowid IN (SELECT rowid FROM search_key WHERE {where})", params)
    database.execute_sql(f"DELETE FROM search_key WHERE {where}", params)


def drop_record(kind: str, record_id: str) -> None:
    _drop("kind = ? AND record_id = ?", (kind, record_id))


def drop_mentee(mentee_id: str) -> None:
    _drop("mentee_id = ?", (mentee_id,))


def renumber() -> None:
    """Give every index row its date-ordered rowid (schema step 7, for files indexed before it)."""
    rows = database.execute_sql(
        "SELECT kind, record_id, mentee_id, field, private, sort_on, body FROM search_text").fetchall()
    clear()
    insert_rows([tuple(row) for row in rows])


def clear() -> None:
    database.execute_sql("DELETE FROM search_text")
    database.execute_sql("DELETE FROM search_key")
