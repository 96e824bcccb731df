"""Importing an exchange document: check everything first, then write it in one transaction.

Into an empty data file the document is taken whole. Into one that already has
records, the mentees it does not have yet (matched by id) are added with
everything of theirs; mentees, assessments, questions and plan actions it
already has are skipped and reported, and nothing stored is ever changed or
deleted. The full-text index gets the imported text in the same transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from mentordesk.db import search
from mentordesk.db.assessment_models import (
    Assessment,
    AssessmentAnswer,
    DevelopmentAction,
    DomainNote,
    FrameworkFile,
)
from mentordesk.db.base import database, transaction
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
from mentordesk.services.errors import MentorDeskError
from mentordesk.services.exchange_schema import Checked, check_shape, fail
from mentordesk.services.folding import fold
from mentordesk.services.frameworks import Framework, parse_framework, shipped_frameworks, stored_frameworks
from mentordesk.services.journal import TEXT_FIELDS as JOURNAL_FIELDS
from mentordesk.services.mentees import mentee_rows
from mentordesk.services.referrals import SEARCH_KIND as REFERRAL_KIND
from mentordesk.services.sessions import PRIVATE_FIELDS, TEXT_FIELDS

_BATCH = 500


@dataclass
class ImportReport:
    """What an import added and what it left alone."""

    added: dict[str, int] = field(default_factory=dict)
    skipped_mentees: list[str] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)
    kept_profile: bool = False

    def count(self, kind: str, n: int = 1, *, skipped: bool = False) -> None:
        target = self.skipped if skipped else self.added
        if n:
            target[kind] = target.get(kind, 0) + n

    def lines(self) -> list[str]:
        """The report in a few plain lines."""
        order = ("mentees", "sessions", "actions", "goals", "assessments", "questions", "frameworks",
                 "development plan actions", "journal entries", "support contacts", "settings", "tags")
        added = [f"{self.added[k]:,} {k}" for k in order if self.added.get(k)]
        lines = ["Imported " + (", ".join(added) if added else "nothing new") + "."]
        if self.skipped_mentees:
            names = ", ".join(self.skipped_mentees[:10]) + (" …" if len(self.skipped_mentees) > 10 else "")
            lines.append(f"Skipped {len(self.skipped_mentees)} mentee(s) already in this data file: {names}.")
        others = [f"{n:,} {k}" for k, n in self.skipped.items() if n]
        if others:
            lines.append("Skipped, already here or not known to this MentorDesk: " + ", ".join(others) + ".")
        if self.kept_profile:
            lines.append("Your own profile was kept as it is.")
        return lines


# ---------------------------------------------------------------- checks that need the data file


def _existing(model: type[BaseModel], ids: Iterable[str]) -> set[str]:
    wanted = list(ids)
    found: set[str] = set()
    key = model._meta.primary_key
    for start in range(0, len(wanted), _BATCH):
        part = wanted[start:start + _BATCH]
        found.update(row[0] for row in model.select(key).where(key.in_(part)).tuples())
    return found


def _known_frameworks(checked: Checked) -> dict[tuple[str, str], Framework]:
    """Shipped, stored and the document's own frameworks; the document's are checked here."""
    known = {(f.key, f.version): f for f in shipped_frameworks()}
    stored = {(f.key, f.version): f for f in stored_frameworks()}
    for number, entry in enumerate(checked.doc["frameworks"]):
        where = f"frameworks[{number}]"
        pair = (entry["key"], entry["version"])
        try:
            framework = parse_framework(entry["document"], where)
        except MentorDeskError as exc:
            fail(f"{where}.document", f"is not a usable framework: {exc}")
        if (framework.key, framework.version) != pair:
            fail(where, f"the document is “{framework.key}” version {framework.version}, "
                        f"not “{pair[0]}” version {pair[1]}.")
        if pair in known:
            fail(where, f"“{pair[0]}” version {pair[1]} is a framework MentorDesk ships; it is not imported.")
        if pair in stored and stored[pair].domains != framework.domains:
            fail(where, f"a different framework “{pair[0]}” version {pair[1]} is already in this data file.")
        entry["_parsed"] = framework
        entry["_stored"] = pair in stored
        known[pair] = framework
    known.update(stored)
    return known


def _check_assessment(a: dict[str, Any], where: str, known: dict[tuple[str, str], Framework],
                      mentees: set[str]) -> None:
    framework = known.get((a["framework"], a["framework_version"]))
    if framework is None:
        fail(f"{where}.framework", f"“{a['framework']}” version {a['framework_version']} is not a framework "
                                   "this data file or the export holds.")
    if a["mentee_id"] is not None and a["mentee_id"] not in mentees:
        fail(f"{where}.mentee_id", f"names the mentee {a['mentee_id']}, who is neither in the export nor "
                                   "in this data file.")
    scale = framework.scale
    for key, value in a["answers"].items():
        path = f"{where}.answers.{key}"
        if not framework.has_item(key):
            fail(path, f"is not an item of “{framework.key}” version {framework.version}.")
        if value is None and not scale.not_applicable:
            fail(path, "null (not applicable) is not an answer this framework allows.")
        if value is not None and not scale.min <= value <= scale.max:
            fail(path, f"{value} is outside the scale ({scale.min} to {scale.max}).")
    for name in ("domain_reflections", "development_notes"):
        for key in a[name]:
            if not framework.has_domain(key):
                fail(f"{where}.{name}.{key}", f"is not a domain of “{framework.key}” "
                                              f"version {framework.version}.")


_CHILD_KINDS: tuple[tuple[str, type[BaseModel]], ...] = (
    ("agreement", Agreement), ("goal", Goal), ("session", Session), ("action", ActionItem),
    ("milestone", Milestone), ("referral", Referral),
)


def _check_against_data(checked: Checked, report: ImportReport) -> set[str]:
    """Refuse what would clash with stored records; return the ids of the mentees to add."""
    doc, ids = checked.doc, checked.ids
    have = _existing(Mentee, ids.get("mentee", {}))
    new = {m["id"] for m in doc["mentees"]} - have
    for kind, model in _CHILD_KINDS:
        paths = ids.get(kind, {})
        for clash in sorted(_existing(model, paths), key=lambda i: paths[i]):
            path = paths[clash]
            mentee_index = int(path[len("mentees["):path.index("]")])
            if doc["mentees"][mentee_index]["id"] in new:
                fail(path, f"a {kind} with the id {clash} is already in this data file, "
                           "under another mentee.")
    known = _known_frameworks(checked)
    mentees = have | new | _existing(Mentee, {a["mentee_id"] for a in doc["assessments"] if a["mentee_id"]})
    for number, assessment in enumerate(doc["assessments"]):
        _check_assessment(assessment, f"assessments[{number}]", known, mentees)
    framework_keys = {key for key, _ in known}
    for number, action in enumerate(doc["development_plan"]):
        if action["framework"] not in framework_keys:
            fail(f"development_plan[{number}].framework", f"“{action['framework']}” is not a framework this "
                                                         "data file or the export holds.")
    linked = {j["mentee_id"] for j in doc["journal"] if j["mentee_id"]}
    mentees |= _existing(Mentee, linked - mentees)
    for number, entry in enumerate(doc["journal"]):
        if entry["mentee_id"] is not None and entry["mentee_id"] not in mentees:
            fail(f"journal[{number}].mentee_id",
                 f"names the mentee {entry['mentee_id']}, who is neither in the export "
                 "nor in this data file.")
    builtin = {row[0]: bool(row[1]) for row in Question.select(Question.id, Question.builtin).tuples()}
    for number, question in enumerate(doc["questions"]):
        if not question["builtin"] and builtin.get(question["id"]):
            fail(f"questions[{number}].id", "is the id of a question MentorDesk ships, but builtin is false.")
    report.skipped_mentees = [m["name"] for m in doc["mentees"] if m["id"] in have]
    return new


# ---------------------------------------------------------------- writing


def _value(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _insert(model: type[BaseModel], rows: list[dict[str, Any]]) -> None:
    """Many rows, bound once and run with executemany (the peewee builder is too slow for 90,000)."""
    if not rows:
        return
    names = list(rows[0])
    fields = model._meta.fields
    columns = ", ".join(f'"{fields[n].column_name}"' for n in names)
    marks = ", ".join("?" for _ in names)
    sql = f'INSERT INTO "{model._meta.table_name}" ({columns}) VALUES ({marks})'
    cursor = database.cursor()
    for start in range(0, len(rows), _BATCH):
        cursor.executemany(sql, [tuple(_value(r[n]) for n in names) for r in rows[start:start + _BATCH]])


class _Writer:
    def __init__(self, report: ImportReport) -> None:
        self.report = report
        self.rows: dict[type[BaseModel], list[dict[str, Any]]] = {}
        self.index: list[search.Row] = []
        self.tag_ids = {name: tag_id for tag_id, name in Tag.select(Tag.id, Tag.name).tuples()}
        self.next_progress = int(GoalProgress.select(GoalProgress.id).order_by(GoalProgress.id.desc())
                                 .scalar() or 0) + 1

    def add(self, model: type[BaseModel], row: dict[str, Any]) -> None:
        self.rows.setdefault(model, []).append(row)

    def tag(self, name: str) -> int:
        if name not in self.tag_ids:
            self.tag_ids[name] = int(Tag.insert(name=name).execute())
            self.report.count("tags")
        return self.tag_ids[name]

    def mentee(self, m: dict[str, Any]) -> None:
        mid = m["id"]
        closure = m["closure"] or {"closed_on": None, "reason": None, "reflection": ""}
        match = m["match"]
        self.add(Mentee, {
            "id": mid, "name": m["name"], "name_key": fold(m["name"]), "role": m["role"],
            "specialty": m["specialty"], "organisation": m["organisation"], "email": m["email"],
            "started_post_on": m["started_post_on"], "new_in_post": m["new_in_post"], "status": m["status"],
            "notes": m["notes"], "strengths": m["strengths"], "aspirations": m["aspirations"],
            "match_origin": match["origin"], "shared_interests": match["shared_interests"],
            "proximity": match["proximity"], "aligned_values": match["aligned_values"],
            "closed_on": closure["closed_on"], "closure_reason": closure["reason"],
            "closure_reflection": closure["reflection"], "created_at": m["created_at"],
            "updated_at": m["updated_at"],
        })
        self.index += mentee_rows(mid, m["created_at"], {
            "notes": m["notes"], "strengths": m["strengths"], "aspirations": m["aspirations"],
            "closure_reflection": closure["reflection"]})
        for name in m["tags"]:
            self.add(MenteeTag, {"mentee": mid, "tag": self.tag(name)})
        for s in m["status_history"]:
            self.add(StatusChange, {"mentee": mid, "from_status": s["from"], "to_status": s["to"],
                                    "changed_on": s["on"], "reason": s["reason"], "note": s["note"],
                                    "created_at": s["created_at"]})
        for a in [*m["agreement_history"], *([m["agreement"]] if m["agreement"] else [])]:
            self.add(Agreement, {"mentee": mid, **a})
        for g in m["goals"]:
            progress = g.pop("progress")
            self.add(Goal, {"mentee": mid, **g})
            self.index += search.rows_for("goal", g["id"], mid, g["target_on"] or g["created_at"],
                                          {"title": g["title"], "detail": g["detail"]})
            for p in progress:
                pid = self.next_progress
                self.next_progress += 1
                self.add(GoalProgress, {"id": pid, "goal": g["id"], **p})
                self.index += search.rows_for("progress", str(pid), mid, p["on"], {"note": p["note"]})
        for s in m["sessions"]:
            self.session(mid, s)
        for r in m["milestones"]:
            self.add(Milestone, {"mentee": mid, **r})
        for r in m["referrals"]:
            self.add(Referral, {"id": r["id"], "mentee": mid, "session": r["session_id"], "on": r["on"],
                                "note": r["note"], "created_at": r["created_at"]})
            self.index += search.rows_for(REFERRAL_KIND, r["id"], mid, r["on"], {"note": r["note"]},
                                          private_fields=("note",))
        self.report.count("mentees")
        self.report.count("sessions", len(m["sessions"]))
        self.report.count("goals", len(m["goals"]))

    def session(self, mentee_id: str, s: dict[str, Any]) -> None:
        wellbeing = s["wellbeing"]
        row = {
            "id": s["id"], "mentee": mentee_id, "held_on": s["held_on"], "duration_min": s["duration_min"],
            "format": s["format"], "agenda": s["agenda"], "agenda_by": s["agenda_by"],
            "listening": s["listening"], "questions": s["questions"], "encouragement": s["encouragement"],
            "challenge": s["challenge"], "wellbeing_score": wellbeing["score"],
            "wellbeing_signals": "\n".join(wellbeing["signals"]), "wellbeing_note": wellbeing["note"],
            "private_remarks": s["private_remarks"], "next_on": s["next_on"],
            "created_at": s["created_at"], "updated_at": s["updated_at"],
        }
        self.add(Session, row)
        self.index += search.rows_for("session", s["id"], mentee_id, s["held_on"],
                                      {name: row[name] for name in (*TEXT_FIELDS, *PRIVATE_FIELDS)},
                                      private_fields=PRIVATE_FIELDS)
        for a in s["actions"]:
            self.add(ActionItem, {"session": s["id"], "mentee": mentee_id, **a})
            self.index += search.rows_for("action", a["id"], mentee_id, s["held_on"], {"text": a["text"]})
        self.report.count("actions", len(s["actions"]))

    def flush(self) -> None:
        # Parents before children, so every foreign key finds its row.
        for model in (Mentee, MenteeTag, StatusChange, Agreement, Goal, GoalProgress, Session, ActionItem,
                      Milestone, Referral, FrameworkFile, Assessment, AssessmentAnswer, DomainNote,
                      DevelopmentAction, ReflectionEntry, Question, SupportContact, Setting):
            _insert(model, self.rows.pop(model, []))
        assert not self.rows, f"rows of {list(self.rows)} were not written"
        search.insert_rows(self.index)


def _assessment(writer: _Writer, a: dict[str, Any]) -> None:
    writer.add(Assessment, {
        "id": a["id"], "framework": a["framework"], "framework_version": a["framework_version"],
        "taken_on": a["taken_on"], "rater": a["rater"], "mentee": a["mentee_id"],
        "rater_label": a["rater_label"], "reflection": a["reflection"], "completed_at": a["completed_at"],
        "created_at": a["created_at"], "updated_at": a["updated_at"],
    })
    for key, value in a["answers"].items():
        writer.add(AssessmentAnswer, {"assessment": a["id"], "item_key": key, "value": value})
    for key in sorted(set(a["domain_reflections"]) | set(a["development_notes"])):
        writer.add(DomainNote, {"assessment": a["id"], "domain_key": key,
                                "reflection": a["domain_reflections"].get(key, ""),
                                "development_notes": a["development_notes"].get(key, "")})


def _write(checked: Checked, new_mentees: set[str], report: ImportReport) -> None:
    doc = checked.doc
    writer = _Writer(report)
    for name in doc["tags"]:
        writer.tag(name)
    if doc["mentor"] is not None:
        if Mentor.select().exists():
            report.kept_profile = True
        else:
            writer.add(Mentor, {**doc["mentor"]})
            _insert(Mentor, writer.rows.pop(Mentor))
    for m in doc["mentees"]:
        if m["id"] in new_mentees:
            writer.mentee(m)
    for entry in doc["frameworks"]:
        if entry["_stored"]:
            continue
        writer.add(FrameworkFile, {"key": entry["key"], "version": entry["version"],
                                   "document": entry["document"], "added_at": entry["added_at"]})
        report.count("frameworks")
    have = _existing(Assessment, (a["id"] for a in doc["assessments"]))
    for a in doc["assessments"]:
        if a["id"] in have:
            report.count("assessments", skipped=True)
        else:
            _assessment(writer, a)
            report.count("assessments")
    have = _existing(DevelopmentAction, (d["id"] for d in doc["development_plan"]))
    for d in doc["development_plan"]:
        if d["id"] in have:
            report.count("development plan actions", skipped=True)
        else:
            writer.add(DevelopmentAction, d)
            report.count("development plan actions")
    have = _existing(Question, (q["id"] for q in doc["questions"]))
    for q in doc["questions"]:
        if q["id"] in have:
            if not q["builtin"]:
                report.count("questions", skipped=True)
        elif q["builtin"]:
            report.count("shipped questions this MentorDesk does not know", skipped=True)
        else:
            writer.add(Question, q)
            report.count("questions")
    have = _existing(ReflectionEntry, (j["id"] for j in doc["journal"]))
    for j in doc["journal"]:
        if j["id"] in have:
            report.count("journal entries", skipped=True)
            continue
        row = {k: v for k, v in j.items() if k != "mentee_id"}
        writer.add(ReflectionEntry, {**row, "mentee": j["mentee_id"]})
        writer.index += search.rows_for("reflection", j["id"], None, j["written_on"],
                                        {name: j[name] for name in JOURNAL_FIELDS})
        report.count("journal entries")
    contacts = set(SupportContact.select(SupportContact.name, SupportContact.detail).tuples())
    for c in doc["support_contacts"]:
        if (c["name"], c["detail"]) in contacts:
            report.count("support contacts", skipped=True)
        else:
            contacts.add((c["name"], c["detail"]))
            writer.add(SupportContact, c)
            report.count("support contacts")
    settings = {row[0] for row in Setting.select(Setting.key).tuples()}
    for key, value in doc["settings"].items():
        if key in settings:
            report.count("settings", skipped=True)
        else:
            writer.add(Setting, {"key": key, "value": json.dumps(value, ensure_ascii=False)})
            report.count("settings")
    writer.flush()


def import_document(value: Any) -> ImportReport:
    """Check a parsed document completely, then add what is new in one transaction.

    Raises ExchangeError (a ValidationError) naming the first problem and where;
    then nothing has been written.
    """
    checked = check_shape(value)
    report = ImportReport()
    with transaction():
        new_mentees = _check_against_data(checked, report)
        _write(checked, new_mentees, report)
    return report
