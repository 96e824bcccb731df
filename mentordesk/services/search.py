"""Full-text search over everything the mentor writes.

The mentor's input is always taken as words, never as query syntax: every word
and every "quoted phrase" becomes an FTS5 phrase, so `follow-up`, `"` or `*`
are safe. Hits are listed newest first with a limit, without ranking every
hit of a common word. Private remarks are searched only when asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from mentordesk.db import search as index
from mentordesk.db.base import database
from mentordesk.db.models import ActionItem, Goal, GoalProgress, Mentee, Session
from mentordesk.services.folding import fold
from mentordesk.services.sessions import SECTION_LABELS
from mentordesk.services.validation import strip_controls

FIELD_LABELS = {
    **SECTION_LABELS,
    "agenda": "Agenda",
    "wellbeing_note": "Wellbeing note",
    "private_remarks": "Private remarks",
    "text": "Action",
    "title": "Goal",
    "detail": "Goal detail",
    "note": "Note",
    "notes": "Notes",
    "strengths": "Strengths",
    "aspirations": "Aspirations",
    "closure_reflection": "Closing reflection",
    "what_happened": "Journal: what happened",
    "so_what": "Journal: so what",
    "now_what": "Journal: now what",
}
# Where a field name means different things in different records.
KIND_FIELD_LABELS = {("reflection", "title"): "Journal entry", ("referral", "note"): "Referral"}
SNIPPET_CHARS = 160
_PHRASE = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class SearchHit:
    kind: str  # session, action, goal, progress, mentee, ...
    record_id: str
    session_id: str | None  # the session to open, when the hit belongs to one
    mentee_id: str | None
    mentee_name: str
    field: str
    field_label: str
    on: date | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]  # (start, end) in snippet
    private: bool


def terms_of(text: str) -> list[str]:
    """The phrases to look for: quoted parts as they are, other words one by one, folded."""
    terms = []
    for quoted, word in _PHRASE.findall(strip_controls(text)):
        phrase = " ".join(index.searchable(quoted or word).split())
        if any(ch.isalnum() for ch in phrase):
            terms.append(phrase)
    return terms


def match_expression(text: str) -> str | None:
    """An FTS5 MATCH expression in which every term is a quoted phrase (ANDed)."""
    terms = terms_of(text)
    if not terms:
        return None
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


def search(text: str, *, include_private: bool = False, limit: int = 50) -> list[SearchHit]:
    expression = match_expression(text)
    if expression is None:
        return []
    sql = ("SELECT kind, record_id, mentee_id, field, private, sort_on FROM search_text "
           "WHERE search_text MATCH ?" + ("" if include_private else " AND private = 0")
           + " ORDER BY rowid DESC LIMIT ?")  # rowids follow the date (db/search.py)
    rows = database.execute_sql(sql, (f"body : ({expression})", limit)).fetchall()
    texts = _original_texts(rows)
    names = dict(Mentee.select(Mentee.id, Mentee.name)
                 .where(Mentee.id.in_({r[2] for r in rows if r[2]})).tuples())
    terms = [t.replace(" ", "") if _is_cjk_phrase(t) else t for t in terms_of(text)]
    hits = []
    for kind, record_id, mentee_id, field, private, sort_on in rows:
        original, session_id = texts.get((kind, record_id, field), ("", None))
        snippet, spans = make_snippet(original, terms)
        hits.append(SearchHit(
            kind=kind, record_id=record_id, session_id=session_id, mentee_id=mentee_id,
            mentee_name=names.get(mentee_id, ""), field=field,
            field_label=KIND_FIELD_LABELS.get(
                (kind, field), FIELD_LABELS.get(field, field.replace("_", " ").capitalize())),
            on=_as_date(sort_on), snippet=snippet, highlights=spans, private=bool(private),
        ))
    return hits


def _is_cjk_phrase(term: str) -> bool:
    return bool(index.searchable(term.replace(" ", "")).strip()) and all(
        len(part) == 1 for part in term.split())


def _as_date(value: str) -> date | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value).date()
    except ValueError:
        return None


def _original_texts(rows: list[tuple]) -> dict[tuple[str, str, str], tuple[str, str | None]]:
    """The mentor's own text for each hit (the index holds only a folded copy)."""
    wanted: dict[str, set[str]] = {}
    for kind, record_id, *_ in rows:
        wanted.setdefault(kind, set()).add(record_id)
    found: dict[tuple[str, str, str], tuple[str, str | None]] = {}
    fields = {f for _, _, _, f, _, _ in rows}
    for session in Session.select().where(Session.id.in_(wanted.get("session", set()))):
        for name in fields:
            if hasattr(session, name) and isinstance(getattr(session, name), str):
                found[("session", session.id, name)] = (getattr(session, name), session.id)
    for action in ActionItem.select().where(ActionItem.id.in_(wanted.get("action", set()))):
        found[("action", action.id, "text")] = (action.text, action.session_id)
    for goal in Goal.select().where(Goal.id.in_(wanted.get("goal", set()))):
        found[("goal", goal.id, "title")] = (goal.title, None)
        found[("goal", goal.id, "detail")] = (goal.detail, None)
    progress_ids = [int(i) for i in wanted.get("progress", set()) if i.isdigit()]
    for progress in GoalProgress.select().where(GoalProgress.id.in_(progress_ids)):
        found[("progress", str(progress.id), "note")] = (progress.note, None)
    from mentordesk.db.journal_models import ReflectionEntry

    for entry in ReflectionEntry.select().where(ReflectionEntry.id.in_(wanted.get("reflection", set()))):
        for name in ("title", "what_happened", "so_what", "now_what"):
            found[("reflection", entry.id, name)] = (getattr(entry, name), None)
    for mentee in Mentee.select().where(Mentee.id.in_(wanted.get("mentee", set()))):
        for name in fields:
            value = getattr(mentee, name, None)
            if isinstance(value, str):
                found[("mentee", mentee.id, name)] = (value, None)
    return found


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in ``text`` it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = fold(ch)
        out.append(piece)
        where.extend([i] * len(piece))
    return "".join(out), where


def make_snippet(text: str, terms: list[str]) -> tuple[str, tuple[tuple[int, int], ...]]:
    """A one-line excerpt around the first hit, with the positions of every term in it."""
    flat = " ".join(text.split())
    folded, where = _folded_with_map(flat)
    found: list[tuple[int, int]] = []
    for term in terms:
        start = 0
        while term and (pos := folded.find(term, start)) >= 0:
            end = pos + len(term)
            found.append((where[pos], where[end - 1] + 1))
            start = end
    found.sort()
    if not found:
        return flat[:SNIPPET_CHARS] + ("…" if len(flat) > SNIPPET_CHARS else ""), ()
    first = found[0][0]
    begin = max(0, first - SNIPPET_CHARS // 3)
    if begin > 0:
        space = flat.find(" ", begin)
        begin = space + 1 if 0 <= space < first else begin
    end = min(len(flat), begin + SNIPPET_CHARS)
    prefix = "…" if begin > 0 else ""
    snippet = prefix + flat[begin:end] + ("…" if end < len(flat) else "")
    shift = len(prefix) - begin
    spans = tuple((s + shift, e + shift) for s, e in found if s >= begin and e <= end)
    return snippet, spans
