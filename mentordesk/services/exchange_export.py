"""Writing the exchange document: every record of the data file as plain JSON values.

``FIELD_MAP`` says, for every model and every field, where it goes in the
document (a key path) or why it does not (derived or internal). A test compares
it with the models, so a new table or column cannot silently fall out of the
round trip.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import peewee as pw

from mentordesk.db.assessment_models import (
    Assessment,
    AssessmentAnswer,
    DevelopmentAction,
    DomainNote,
    FrameworkFile,
)
from mentordesk.db.base import utc_now
from mentordesk.db.journal_models import ReflectionEntry
from mentordesk.db.models import (
    ActionItem,
    Agreement,
    BaseModel,
    Goal,
    GoalProgress,
    Mentee,
    MenteeTag,
    Mentor,
    Milestone,
    Question,
    Referral,
    Session,
    Setting,
    StatusChange,
    SupportContact,
    Tag,
)
from mentordesk.paths import OWNER_ONLY_FILE
from mentordesk.services.errors import MentorDeskError, NotFoundError
from mentordesk.services.exchange_schema import FORMAT_NAME, FORMAT_VERSION

INTERNAL = "internal"
DERIVED = "derived"

# model -> field -> where it goes in the document ("M" = mentees[]), or why it does not.
FIELD_MAP: dict[type[BaseModel], dict[str, str]] = {
    Mentor: {
        "id": f"{INTERNAL}: the one profile row's number", "name": "mentor.name", "role": "mentor.role",
        "organisation": "mentor.organisation", "email": "mentor.email", "updated_at": "mentor.updated_at",
    },
    Mentee: {
        "id": "M.id", "name": "M.name", "name_key": f"{DERIVED}: the folded name, made again from name",
        "role": "M.role", "specialty": "M.specialty", "organisation": "M.organisation", "email": "M.email",
        "started_post_on": "M.started_post_on", "new_in_post": "M.new_in_post", "status": "M.status",
        "notes": "M.notes", "strengths": "M.strengths", "aspirations": "M.aspirations",
        "match_origin": "M.match.origin", "shared_interests": "M.match.shared_interests",
        "proximity": "M.match.proximity", "aligned_values": "M.match.aligned_values",
        "closed_on": "M.closure.closed_on", "closure_reason": "M.closure.reason",
        "closure_reflection": "M.closure.reflection", "created_at": "M.created_at",
        "updated_at": "M.updated_at",
    },
    StatusChange: {
        "id": f"{INTERNAL}: row number; the list keeps the order", "mentee": f"{DERIVED}: nesting",
        "from_status": "M.status_history[].from", "to_status": "M.status_history[].to",
        "changed_on": "M.status_history[].on", "reason": "M.status_history[].reason",
        "note": "M.status_history[].note", "created_at": "M.status_history[].created_at",
    },
    Tag: {"id": f"{INTERNAL}: row number", "name": "tags[] and M.tags[]"},
    MenteeTag: {"id": f"{INTERNAL}: row number", "mentee": f"{DERIVED}: nesting",
                "tag": "M.tags[] (by name)"},
    Agreement: {
        "id": "M.agreement.id (and agreement_history[].id)", "mentee": f"{DERIVED}: nesting",
        "relationship_kind": "M.agreement.relationship_kind", "meeting_format": "M.agreement.meeting_format",
        "cadence_days": "M.agreement.cadence_days", "agenda_owner": "M.agreement.agenda_owner",
        "confidentiality": "M.agreement.confidentiality", "review_on": "M.agreement.review_on",
        "agreed_on": "M.agreement.agreed_on", "created_at": "M.agreement.created_at",
    },
    Goal: {
        "id": "M.goals[].id", "mentee": f"{DERIVED}: nesting", "title": "M.goals[].title",
        "detail": "M.goals[].detail", "target_on": "M.goals[].target_on", "status": "M.goals[].status",
        "position": "M.goals[].position", "created_at": "M.goals[].created_at",
    },
    GoalProgress: {
        "id": f"{INTERNAL}: row number; the list keeps the order", "goal": f"{DERIVED}: nesting",
        "on": "M.goals[].progress[].on", "percent": "M.goals[].progress[].percent",
        "note": "M.goals[].progress[].note",
    },
    Session: {
        "id": "M.sessions[].id", "mentee": f"{DERIVED}: nesting", "held_on": "M.sessions[].held_on",
        "duration_min": "M.sessions[].duration_min", "format": "M.sessions[].format",
        "agenda": "M.sessions[].agenda", "agenda_by": "M.sessions[].agenda_by",
        "listening": "M.sessions[].listening", "questions": "M.sessions[].questions",
        "encouragement": "M.sessions[].encouragement", "challenge": "M.sessions[].challenge",
        "wellbeing_score": "M.sessions[].wellbeing.score",
        "wellbeing_signals": "M.sessions[].wellbeing.signals",
        "wellbeing_note": "M.sessions[].wellbeing.note", "private_remarks": "M.sessions[].private_remarks",
        "next_on": "M.sessions[].next_on", "created_at": "M.sessions[].created_at",
        "updated_at": "M.sessions[].updated_at",
    },
    ActionItem: {
        "id": "M.sessions[].actions[].id", "session": f"{DERIVED}: nesting",
        "mentee": f"{DERIVED}: the session's mentee", "text": "M.sessions[].actions[].text",
        "owner": "M.sessions[].actions[].owner", "due_on": "M.sessions[].actions[].due_on",
        "done_on": "M.sessions[].actions[].done_on", "position": "M.sessions[].actions[].position",
    },
    Question: {
        "id": "questions[].id", "text": "questions[].text", "move": "questions[].move",
        "topic": "questions[].topic", "builtin": "questions[].builtin",
    },
    Milestone: {
        "id": "M.milestones[].id", "mentee": f"{DERIVED}: nesting", "day": "M.milestones[].day",
        "prompt": "M.milestones[].prompt", "done_on": "M.milestones[].done_on", "note": "M.milestones[].note",
        "position": "M.milestones[].position",
    },
    Referral: {
        "id": "M.referrals[].id", "mentee": f"{DERIVED}: nesting", "session": "M.referrals[].session_id",
        "on": "M.referrals[].on", "note": "M.referrals[].note", "created_at": "M.referrals[].created_at",
    },
    SupportContact: {
        "id": f"{INTERNAL}: row number", "name": "support_contacts[].name",
        "detail": "support_contacts[].detail", "position": "support_contacts[].position",
    },
    Setting: {"key": "settings (object key)", "value": "settings (object value, as JSON)"},
    FrameworkFile: {
        "id": f"{INTERNAL}: row number", "key": "frameworks[].key", "version": "frameworks[].version",
        "document": "frameworks[].document", "added_at": "frameworks[].added_at",
    },
    Assessment: {
        "id": "assessments[].id", "framework": "assessments[].framework",
        "framework_version": "assessments[].framework_version", "taken_on": "assessments[].taken_on",
        "rater": "assessments[].rater", "mentee": "assessments[].mentee_id",
        "rater_label": "assessments[].rater_label", "reflection": "assessments[].reflection",
        "completed_at": "assessments[].completed_at", "created_at": "assessments[].created_at",
        "updated_at": "assessments[].updated_at",
    },
    AssessmentAnswer: {
        "id": f"{INTERNAL}: row number", "assessment": f"{DERIVED}: nesting",
        "item_key": "assessments[].answers (key)", "value": "assessments[].answers (value; null = n/a)",
    },
    DomainNote: {
        "id": f"{INTERNAL}: row number", "assessment": f"{DERIVED}: nesting",
        "domain_key": "assessments[].domain_reflections / development_notes (key)",
        "reflection": "assessments[].domain_reflections (value; empty ones left out)",
        "development_notes": "assessments[].development_notes (value; empty ones left out)",
    },
    DevelopmentAction: {
        "id": "development_plan[].id", "framework": "development_plan[].framework",
        "domain_key": "development_plan[].domain_key", "text": "development_plan[].text",
        "target_on": "development_plan[].target_on", "done_on": "development_plan[].done_on",
        "created_at": "development_plan[].created_at",
    },
    ReflectionEntry: {
        "id": "journal[].id", "written_on": "journal[].written_on", "title": "journal[].title",
        "what_happened": "journal[].what_happened", "so_what": "journal[].so_what",
        "now_what": "journal[].now_what", "framework": "journal[].framework",
        "domain_key": "journal[].domain_key", "mentee": "journal[].mentee_id",
        "created_at": "journal[].created_at", "updated_at": "journal[].updated_at",
    },
}


# ---------------------------------------------------------------- value formats


def day(value: date | str | None) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, date) else str(value)


def _as_datetime(value: datetime | str) -> datetime:
    return value if isinstance(value, datetime) else datetime.fromisoformat(str(value))


def local(value: datetime | str) -> str:
    """A meeting's local time: minutes, unless seconds were stored."""
    moment = _as_datetime(value)
    if moment.microsecond:
        return moment.isoformat(timespec="microseconds")
    return moment.isoformat(timespec="seconds" if moment.second else "minutes")


def stamp(value: datetime | str | None) -> str | None:
    """A program's own record time, UTC, with a Z."""
    if value is None:
        return None
    moment = _as_datetime(value)
    return moment.isoformat(timespec="microseconds" if moment.microsecond else "seconds") + "Z"


def _chunks(ids: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def _rows(query: pw.ModelSelect) -> list[dict[str, Any]]:
    return list(query.dicts().iterator())


def _by(rows: Iterable[dict[str, Any]], key: str) -> dict[Any, list[dict[str, Any]]]:
    grouped: dict[Any, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row[key], []).append(row)
    return grouped


def _select_for(model: type[BaseModel], column: pw.Field, ids: list[str] | None, *order: Any) -> list[dict]:
    """Rows of ``model`` whose ``column`` is among ``ids`` (all rows when ids is None), in ``order``."""
    if ids is None:
        return _rows(model.select().order_by(*order))
    found: list[dict[str, Any]] = []
    for part in _chunks(ids):
        found.extend(_rows(model.select().where(column.in_(part)).order_by(*order)))
    return found


# ---------------------------------------------------------------- the document


def _mentor() -> dict[str, Any] | None:
    row = Mentor.select().order_by(Mentor.id).first()
    if row is None:
        return None
    return {"name": row.name, "role": row.role, "organisation": row.organisation, "email": row.email,
            "updated_at": stamp(row.updated_at)}


def _agreement(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": row["id"], "relationship_kind": row["relationship_kind"],
        "meeting_format": row["meeting_format"],
        "cadence_days": row["cadence_days"], "agenda_owner": row["agenda_owner"],
        "confidentiality": row["confidentiality"], "review_on": day(row["review_on"]),
        "agreed_on": day(row["agreed_on"]), "created_at": stamp(row["created_at"]),
    }


def _session(row: dict[str, Any], actions: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "id": row["id"], "held_on": local(row["held_on"]), "duration_min": row["duration_min"],
        "format": row["format"], "agenda": row["agenda"], "agenda_by": row["agenda_by"],
        "listening": row["listening"], "questions": row["questions"],
        "encouragement": row["encouragement"], "challenge": row["challenge"],
        "wellbeing": {"score": row["wellbeing_score"],
                      "signals": [s for s in row["wellbeing_signals"].splitlines() if s],
                      "note": row["wellbeing_note"]},
        "private_remarks": row["private_remarks"], "next_on": day(row["next_on"]),
        "created_at": stamp(row["created_at"]), "updated_at": stamp(row["updated_at"]),
        "actions": [{"id": a["id"], "text": a["text"], "owner": a["owner"], "due_on": day(a["due_on"]),
                     "done_on": day(a["done_on"]), "position": a["position"]} for a in actions],
    }


def _mentees(mentee_ids: list[str] | None) -> list[dict[str, Any]]:
    if mentee_ids is None:
        mentees = _rows(Mentee.select().order_by(Mentee.name_key, Mentee.id))
    else:
        mentees = _select_for(Mentee, Mentee.id, mentee_ids, Mentee.name_key, Mentee.id)
    ids = None if mentee_ids is None else [m["id"] for m in mentees]
    tags: dict[str, list[str]] = {}
    tag_query = MenteeTag.select(MenteeTag.mentee, Tag.name).join(Tag).order_by(Tag.name)
    for mentee_id, name in tag_query.tuples().iterator():
        tags.setdefault(mentee_id, []).append(name)
    history = _by(_select_for(StatusChange, StatusChange.mentee, ids, StatusChange.id), "mentee")
    agreements = _by(_select_for(Agreement, Agreement.mentee, ids, pw.SQL("rowid")), "mentee")
    goals = _by(_select_for(Goal, Goal.mentee, ids, Goal.position, Goal.created_at, Goal.id), "mentee")
    goal_ids = None if ids is None else [g["id"] for rows in goals.values() for g in rows]
    progress = _by(_select_for(GoalProgress, GoalProgress.goal, goal_ids, GoalProgress.id), "goal")
    sessions = _by(_select_for(Session, Session.mentee, ids, Session.held_on, Session.id), "mentee")
    actions = _by(_select_for(ActionItem, ActionItem.mentee, ids, ActionItem.position, ActionItem.id),
                  "session")
    milestones = _by(_select_for(Milestone, Milestone.mentee, ids, Milestone.day, Milestone.position,
                                 Milestone.id), "mentee")
    referrals = _by(_select_for(Referral, Referral.mentee, ids, Referral.on, Referral.created_at,
                                Referral.id), "mentee")
    out = []
    for m in mentees:
        mid = m["id"]
        versions = [_agreement(a) for a in agreements.get(mid, [])]
        closure = None
        if m["closed_on"] is not None or m["closure_reason"] is not None or m["closure_reflection"]:
            closure = {"closed_on": day(m["closed_on"]), "reason": m["closure_reason"],
                       "reflection": m["closure_reflection"]}
        out.append({
            "id": mid, "name": m["name"], "role": m["role"], "specialty": m["specialty"],
            "organisation": m["organisation"], "email": m["email"],
            "started_post_on": day(m["started_post_on"]), "new_in_post": bool(m["new_in_post"]),
            "status": m["status"], "tags": tags.get(mid, []),
            "notes": m["notes"], "strengths": m["strengths"], "aspirations": m["aspirations"],
            "match": {"origin": m["match_origin"], "shared_interests": m["shared_interests"],
                      "proximity": m["proximity"], "aligned_values": m["aligned_values"]},
            "agreement": versions[-1] if versions else None,
            "agreement_history": versions[:-1],
            "closure": closure,
            "status_history": [
                {"from": s["from_status"], "to": s["to_status"], "on": day(s["changed_on"]),
                 "reason": s["reason"], "note": s["note"], "created_at": stamp(s["created_at"])}
                for s in history.get(mid, [])],
            "goals": [
                {"id": g["id"], "title": g["title"], "detail": g["detail"], "target_on": day(g["target_on"]),
                 "status": g["status"], "position": g["position"], "created_at": stamp(g["created_at"]),
                 "progress": [{"on": day(p["on"]), "percent": p["percent"], "note": p["note"]}
                              for p in progress.get(g["id"], [])]}
                for g in goals.get(mid, [])],
            "sessions": [_session(s, actions.get(s["id"], [])) for s in sessions.get(mid, [])],
            "milestones": [
                {"id": r["id"], "day": r["day"], "prompt": r["prompt"], "done_on": day(r["done_on"]),
                 "note": r["note"], "position": r["position"]} for r in milestones.get(mid, [])],
            "referrals": [
                {"id": r["id"], "on": day(r["on"]), "session_id": r["session"], "note": r["note"],
                 "created_at": stamp(r["created_at"])} for r in referrals.get(mid, [])],
            "created_at": stamp(m["created_at"]), "updated_at": stamp(m["updated_at"]),
        })
    return out


def _assessments(*, mentee_ids: list[str] | None) -> list[dict[str, Any]]:
    query = Assessment.select().order_by(Assessment.taken_on, Assessment.created_at, Assessment.id)
    if mentee_ids is not None:
        query = query.where(Assessment.mentee.in_(mentee_ids))
    rows = _rows(query)
    ids = None if mentee_ids is None else [r["id"] for r in rows]
    answers = _by(_select_for(AssessmentAnswer, AssessmentAnswer.assessment, ids, AssessmentAnswer.item_key),
                  "assessment")
    notes = _by(_select_for(DomainNote, DomainNote.assessment, ids, DomainNote.domain_key), "assessment")
    out = []
    for r in rows:
        domain_notes = notes.get(r["id"], [])
        out.append({
            "id": r["id"], "framework": r["framework"], "framework_version": r["framework_version"],
            "taken_on": day(r["taken_on"]), "rater": r["rater"], "mentee_id": r["mentee"],
            "rater_label": r["rater_label"],
            "answers": {a["item_key"]: a["value"] for a in answers.get(r["id"], [])},
            "reflection": r["reflection"],
            "domain_reflections": {n["domain_key"]: n["reflection"] for n in domain_notes if n["reflection"]},
            "development_notes": {n["domain_key"]: n["development_notes"]
                                  for n in domain_notes if n["development_notes"]},
            "completed_at": stamp(r["completed_at"]), "created_at": stamp(r["created_at"]),
            "updated_at": stamp(r["updated_at"]),
        })
    return out


def _frameworks(only: set[tuple[str, str]] | None = None) -> list[dict[str, Any]]:
    rows = _rows(FrameworkFile.select().order_by(FrameworkFile.key, FrameworkFile.version))
    return [{"key": r["key"], "version": r["version"], "document": r["document"],
             "added_at": stamp(r["added_at"])}
            for r in rows if only is None or (r["key"], r["version"]) in only]


def build_document(*, mentee_ids: list[str] | None = None) -> dict[str, Any]:
    """The whole data set (or, with ``mentee_ids``, those mentees' records) as an exchange document.

    A mentee's own record holds their profile, meetings, goals and ratings they
    gave, and only the own frameworks those ratings need; none of the mentor's
    settings, questions or development plan.
    """
    whole = mentee_ids is None
    assessments = _assessments(mentee_ids=mentee_ids)
    used = {(a["framework"], a["framework_version"]) for a in assessments}
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": stamp(utc_now()),
        "mentor": _mentor(),
        "mentees": _mentees(mentee_ids),
        "assessments": assessments,
        "questions": [
            {"id": q["id"], "text": q["text"], "move": q["move"], "topic": q["topic"],
             "builtin": bool(q["builtin"])}
            for q in _rows(Question.select().order_by(Question.builtin.desc(), Question.id))
        ] if whole else [],
        "tags": [t.name for t in Tag.select(Tag.name).order_by(Tag.name)] if whole else [],
        "support_contacts": [
            {"name": c["name"], "detail": c["detail"], "position": c["position"]}
            for c in _rows(SupportContact.select().order_by(SupportContact.position, SupportContact.id))
        ] if whole else [],
        "settings": ({s.key: json.loads(s.value) for s in Setting.select().order_by(Setting.key)}
                     if whole else {}),
        "frameworks": _frameworks(None if whole else used),
        "development_plan": [
            {"id": d["id"], "framework": d["framework"], "domain_key": d["domain_key"], "text": d["text"],
             "target_on": day(d["target_on"]), "done_on": day(d["done_on"]),
             "created_at": stamp(d["created_at"])}
            for d in _rows(DevelopmentAction.select()
                           .order_by(DevelopmentAction.created_at, DevelopmentAction.id))
        ] if whole else [],
        "journal": [
            {"id": r["id"], "written_on": day(r["written_on"]), "title": r["title"],
             "what_happened": r["what_happened"], "so_what": r["so_what"], "now_what": r["now_what"],
             "framework": r["framework"], "domain_key": r["domain_key"], "mentee_id": r["mentee"],
             "created_at": stamp(r["created_at"]), "updated_at": stamp(r["updated_at"])}
            for r in _rows(ReflectionEntry.select().order_by(ReflectionEntry.written_on,
                                                             ReflectionEntry.created_at, ReflectionEntry.id))
        ] if whole else [],
    }


def document_text(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def write_document(document: dict[str, Any], out: Path) -> Path:
    """Write the document as UTF-8 JSON, owner-only, replacing ``out`` only when complete."""
    if out.is_dir():
        raise MentorDeskError(f"{out} is a folder; give a file name such as mentordesk-export.json.")
    if not out.parent.is_dir():
        raise MentorDeskError(f"The folder {out.parent} does not exist.")
    tmp = out.with_name(f".{out.name}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, OWNER_ONLY_FILE)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(document_text(document))
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, OWNER_ONLY_FILE)
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise MentorDeskError(f"The export cannot be written to {out} ({exc.strerror}).") from exc
    return out


def mentee_document(mentee_id: str) -> dict[str, Any]:
    if Mentee.get_or_none(Mentee.id == mentee_id) is None:
        raise NotFoundError("That mentee no longer exists.")
    return build_document(mentee_ids=[mentee_id])
