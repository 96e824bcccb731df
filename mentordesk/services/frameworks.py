"""Competency frameworks as data: reading and checking them, and keeping the mentor's own.

A framework is a JSON file (``resources/frameworks/README.md`` describes it,
``schema.json`` documents it). The checks are written out here rather than
delegated to a schema library, because a mentor who wrote their own file needs a
message that names the problem and the file in plain words.

Three places hold frameworks: the ones MentorDesk ships (``resources/frameworks``),
files the mentor drops into ``<data folder>/frameworks``, and the ``framework_file``
table, where every own framework that is added or used is stored so that export
and backups keep it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from mentordesk.db.assessment_models import FrameworkFile
from mentordesk.db.base import open_path, transaction, utc_now
from mentordesk.paths import resources_dir
from mentordesk.services.errors import NotFoundError, ValidationError

FORMAT = "mentordesk-framework"
FRAMEWORKS_FOLDER = "frameworks"
SCHEMA_FILE = "schema.json"
DEFAULT_FRAMEWORK = "mentoring-competencies"
MAX_FILE_BYTES = 1_000_000
MAX_TEXT = 1000
MAX_DESCRIPTION = 2000
SCALE_LIMITS = (0, 10)

# The keys each level may hold; schema.json lists the same (a test keeps them in step).
TOP_KEYS = {"$schema", "format", "key", "version", "title", "description", "scale", "domains"}
TOP_REQUIRED = ("format", "key", "version", "title", "scale", "domains")
SCALE_KEYS = {"min", "max", "anchors", "not_applicable"}
DOMAIN_KEYS = {"key", "title", "description", "items"}
ITEM_KEYS = {"key", "text", "mentee_text"}

KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*$")
VERSION_PATTERN = re.compile(r"^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$")
ANCHOR_PATTERN = re.compile(r"^(0|[1-9][0-9]?)$")


class FrameworkError(ValidationError):
    """A framework file or stored framework that MentorDesk cannot use.

    ``str(error)`` names the file and the problem; ``problem`` holds the problem alone.
    """

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"The framework file {source} cannot be used: {problem}")
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Item:
    key: str
    text: str
    mentee_text: str
    domain_key: str


@dataclass(frozen=True)
class Domain:
    key: str
    title: str
    description: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Scale:
    min: int
    max: int
    anchors: tuple[tuple[int, str], ...]  # (point, label), in order
    not_applicable: bool

    @property
    def points(self) -> range:
        return range(self.min, self.max + 1)

    def anchor(self, value: int) -> str:
        """The label of a point, or "" where the scale has none."""
        return dict(self.anchors).get(value, "")


@dataclass(frozen=True)
class Framework:
    key: str
    version: str
    title: str
    description: str
    scale: Scale
    domains: tuple[Domain, ...]
    shipped: bool = False
    # Where it came from (a file path, or "stored in the data file"), for messages only.
    source: str = field(default="", compare=False)
    # The JSON text as written, so that an own framework can be stored unchanged.
    document: str = field(default="", compare=False, repr=False)

    @property
    def items(self) -> tuple[Item, ...]:
        return tuple(item for domain in self.domains for item in domain.items)

    @property
    def has_mentee_view(self) -> bool:
        """Every item has "My mentor ..." wording, so a mentee rating form can be printed."""
        return all(item.mentee_text for item in self.items)

    def item(self, key: str) -> Item:
        for item in self.items:
            if item.key == key:
                return item
        raise ValidationError(f"“{key}” is not an item of the framework “{self.title}” ({self.version}).")

    def domain(self, key: str) -> Domain:
        for domain in self.domains:
            if domain.key == key:
                return domain
        raise ValidationError(f"“{key}” is not a domain of the framework “{self.title}” ({self.version}).")

    def has_item(self, key: str) -> bool:
        return any(item.key == key for item in self.items)

    def has_domain(self, key: str) -> bool:
        return any(domain.key == key for domain in self.domains)


@dataclass(frozen=True)
class FrameworkCatalogue:
    """What the mentor can choose from, and the own files that could not be read."""

    frameworks: list[Framework]
    problems: list[tuple[Path, str]]


# ---------------------------------------------------------------- reading and checking


def load_framework(path: Path) -> Framework:
    """Read and check one framework file; raise FrameworkError naming the file and the problem."""
    source = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FrameworkError(source, "the file does not exist.") from None
    except OSError as exc:
        raise FrameworkError(source, f"the file cannot be read ({exc.strerror}).") from exc
    if path.is_dir():
        raise FrameworkError(source, "it is a folder, not a file.")
    if size > MAX_FILE_BYTES:
        raise FrameworkError(source, f"the file is too large ({size} bytes; at most {MAX_FILE_BYTES}).")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FrameworkError(source, f"the file cannot be read ({exc.strerror}).") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FrameworkError(source, "the file is not UTF-8 text.") from None
    return parse_framework(text, source)


def parse_framework(text: str, source: str, *, shipped: bool = False) -> Framework:
    """Check a framework document given as JSON text; ``source`` names it in messages."""

    def fail(problem: str) -> FrameworkError:
        return FrameworkError(source, problem)

    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except _DuplicateKey as exc:
        raise fail(f"the key “{exc.key}” appears twice in one object.") from None
    except json.JSONDecodeError as exc:
        raise fail(f"it is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}).") from None
    if not isinstance(data, dict):
        raise fail("it must hold one JSON object, not a list or a single value.")

    if "items" in data and isinstance(data["items"], list):
        raise fail(
            f"{len(data['items'])} item(s) are not in any domain (a top-level “items” list); "
            "put each item inside the domain it belongs to."
        )
    _check_keys(data, TOP_KEYS, TOP_REQUIRED, "the framework", fail)
    if data["format"] != FORMAT:
        raise fail(f"“format” must be “{FORMAT}” (found {_show(data['format'])}).")
    key = _key(data["key"], "the framework key", fail)
    version = data["version"]
    if not isinstance(version, str) or not VERSION_PATTERN.match(version):
        raise fail(
            f"“version” must be text such as “1.0” (letters, digits, “.”, “_”, “-”; found {_show(version)})."
        )
    title = _text(data["title"], "the framework title", fail)
    description = _text(data.get("description", ""), "the framework description", fail,
                        required=False, max_length=MAX_DESCRIPTION)
    scale = _scale(data["scale"], fail)
    domains = _domains(data["domains"], fail)
    return Framework(key=key, version=version, title=title, description=description, scale=scale,
                     domains=domains, shipped=shipped, source=source, document=text)


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name, value in pairs:
        if name in result:
            raise _DuplicateKey(name)
        result[name] = value
    return result


def _show(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "…"


def _check_keys(obj: object, allowed: set[str], required: Iterable[str], where: str, fail: Any) -> None:
    if not isinstance(obj, dict):
        raise fail(f"{where} must be a JSON object (found {_show(obj)}).")
    for name in required:
        if name not in obj:
            raise fail(f"{where} has no “{name}”.")
    unknown = sorted(set(obj) - allowed)
    if unknown:
        names = ", ".join(f"“{n}”" for n in unknown)
        raise fail(f"{where} has unknown key(s) {names}; allowed are {', '.join(sorted(allowed))}.")


def _key(value: object, what: str, fail: Any) -> str:
    if not isinstance(value, str) or not KEY_PATTERN.match(value) or len(value) > 100:
        raise fail(
            f"{what} must be lower-case letters, digits, “-” or “_”, in parts joined by dots, "
            f"such as “communication.listening” (found {_show(value)})."
        )
    return value


def _text(value: object, what: str, fail: Any, *, required: bool = True, max_length: int = MAX_TEXT) -> str:
    if not isinstance(value, str):
        raise fail(f"{what} must be text (found {_show(value)}).")
    text = value.strip()
    if required and not text:
        raise fail(f"{what} is empty.")
    if len(text) > max_length:
        raise fail(f"{what} is too long ({len(text)} characters; at most {max_length}).")
    return text


def _integer(value: object, what: str, fail: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"{what} must be a whole number (found {_show(value)}).")
    return value


def _scale(value: object, fail: Any) -> Scale:
    _check_keys(value, SCALE_KEYS, ("min", "max"), "the scale", fail)
    assert isinstance(value, dict)
    low = _integer(value["min"], "the scale's “min”", fail)
    high = _integer(value["max"], "the scale's “max”", fail)
    if low >= high:
        raise fail(f"the scale's “min” ({low}) must be less than its “max” ({high}).")
    lowest, highest = SCALE_LIMITS
    if low < lowest or high > highest:
        raise fail(f"the scale must lie between {lowest} and {highest} (found {low} to {high}).")
    anchors_raw = value.get("anchors", {})
    if not isinstance(anchors_raw, dict):
        raise fail(f"the scale's “anchors” must be an object such as {{\"1\": \"…\"}} "
                   f"(found {_show(anchors_raw)}).")
    anchors: list[tuple[int, str]] = []
    for point, label in anchors_raw.items():
        if not ANCHOR_PATTERN.match(point):
            raise fail(f"the anchor “{point}” is not a point of the scale (use whole numbers such as “1”).")
        number = int(point)
        if not low <= number <= high:
            raise fail(f"the anchor “{point}” lies outside the scale {low} to {high}.")
        anchors.append((number, _text(label, f"the label of anchor “{point}”", fail)))
    not_applicable = value.get("not_applicable", False)
    if not isinstance(not_applicable, bool):
        raise fail(f"the scale's “not_applicable” must be true or false (found {_show(not_applicable)}).")
    return Scale(min=low, max=high, anchors=tuple(sorted(anchors)), not_applicable=not_applicable)


def _domains(value: object, fail: Any) -> tuple[Domain, ...]:
    if not isinstance(value, list):
        raise fail(f"“domains” must be a list (found {_show(value)}).")
    if not value:
        raise fail("“domains” is empty; a framework needs at least one domain.")
    domains: list[Domain] = []
    item_home: dict[str, str] = {}
    for number, raw in enumerate(value, start=1):
        where = f"domain {number}"
        if isinstance(raw, dict) and isinstance(raw.get("key"), str):
            where = f"domain “{raw['key']}”"
        _check_keys(raw, DOMAIN_KEYS, ("key", "title", "items"), where, fail)
        assert isinstance(raw, dict)
        key = _key(raw["key"], f"the key of {where}", fail)
        if any(domain.key == key for domain in domains):
            raise fail(f"the domain key “{key}” is used twice.")
        title = _text(raw["title"], f"the title of {where}", fail)
        description = _text(raw.get("description", ""), f"the description of {where}", fail,
                            required=False, max_length=MAX_DESCRIPTION)
        items_raw = raw["items"]
        if not isinstance(items_raw, list):
            raise fail(f"the “items” of {where} must be a list (found {_show(items_raw)}).")
        if not items_raw:
            raise fail(f"{where} has no items; every domain needs at least one.")
        items: list[Item] = []
        for item_number, item_raw in enumerate(items_raw, start=1):
            item_where = f"item {item_number} of {where}"
            if isinstance(item_raw, dict) and isinstance(item_raw.get("key"), str):
                item_where = f"item “{item_raw['key']}”"
            _check_keys(item_raw, ITEM_KEYS, ("key", "text"), item_where, fail)
            assert isinstance(item_raw, dict)
            item_key = _key(item_raw["key"], f"the key of {item_where}", fail)
            if item_key in item_home:
                raise fail(f"the item key “{item_key}” is used twice "
                           f"(in domain “{item_home[item_key]}” and in domain “{key}”).")
            item_home[item_key] = key
            text = _text(item_raw["text"], f"the text of {item_where}", fail)
            mentee_text = _text(item_raw.get("mentee_text", ""), f"the mentee text of {item_where}", fail,
                                required=False)
            items.append(Item(key=item_key, text=text, mentee_text=mentee_text, domain_key=key))
        domains.append(Domain(key=key, title=title, description=description, items=tuple(items)))
    return tuple(domains)


# ---------------------------------------------------------------- where frameworks are found


def shipped_frameworks_dir() -> Path:
    return resources_dir() / FRAMEWORKS_FOLDER


def own_frameworks_dir(data_dir: Path) -> Path:
    return data_dir / FRAMEWORKS_FOLDER


def shipped_frameworks() -> list[Framework]:
    """The frameworks MentorDesk ships; a broken one is a bug and raises."""
    return list(_shipped_cached(shipped_frameworks_dir()))


@lru_cache(maxsize=4)
def _shipped_cached(folder: Path) -> tuple[Framework, ...]:
    found = []
    for path in sorted(folder.glob("*.json")):
        if path.name == SCHEMA_FILE:
            continue
        framework = load_framework(path)
        found.append(replace(framework, shipped=True))
    return tuple(found)


def _database_open() -> bool:
    return open_path() is not None


def stored_frameworks() -> list[Framework]:
    """The mentor's own frameworks kept in the data file (empty when no data file is open)."""
    if not _database_open():
        return []
    rows = FrameworkFile.select().order_by(FrameworkFile.key, FrameworkFile.version)
    return [_from_row(row) for row in rows]


def _from_row(row: FrameworkFile) -> Framework:
    return parse_framework(str(row.document), f"“{row.key}” version {row.version} stored in the data file")


def scan_frameworks(data_dir: Path | None) -> FrameworkCatalogue:
    """Shipped, stored and own-folder frameworks; own files that cannot be used go to ``problems``.

    A key and version appear once: shipped first, then stored, then folder files. A
    folder file that reuses a key and version with different content is a problem.
    """
    frameworks = shipped_frameworks() + stored_frameworks()
    problems: list[tuple[Path, str]] = []
    if data_dir is not None:
        folder = own_frameworks_dir(data_dir)
        paths = sorted(folder.glob("*.json")) if folder.is_dir() else []
        for path in paths:
            try:
                framework = load_framework(path)
            except FrameworkError as exc:
                problems.append((path, str(exc)))
                continue
            same = _find(frameworks, framework.key, framework.version)
            if same is None:
                frameworks.append(framework)
            elif not _same_content(same, framework):
                owner = "a shipped framework" if same.shipped else "another framework"
                problems.append((path, str(FrameworkError(
                    str(path), f"{owner} already has the key “{framework.key}” and version "
                               f"“{framework.version}”; give the changed file a new version."))))
    shipped = [f for f in frameworks if f.shipped]
    own = sorted((f for f in frameworks if not f.shipped), key=lambda f: (f.title.casefold(), f.version))
    return FrameworkCatalogue(frameworks=shipped + own, problems=problems)


def available_frameworks(data_dir: Path | None) -> list[Framework]:
    """Every framework the mentor can choose from (see ``scan_frameworks`` for the bad files)."""
    return scan_frameworks(data_dir).frameworks


def framework_problems(data_dir: Path | None) -> list[tuple[Path, str]]:
    """Own framework files in the data folder that cannot be used, each with its message."""
    return scan_frameworks(data_dir).problems


def _find(frameworks: Iterable[Framework], key: str, version: str) -> Framework | None:
    return next((f for f in frameworks if f.key == key and f.version == version), None)


def _same_content(a: Framework, b: Framework) -> bool:
    return (a.key, a.version, a.title, a.description, a.scale, a.domains) == (
        b.key, b.version, b.title, b.description, b.scale, b.domains)


def version_order(version: str) -> tuple[tuple[int, int | str], ...]:
    """Sort key for versions: "1.10" after "1.9", numbers before words."""
    parts = re.split(r"[._-]", version)
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def get_framework(key: str, version: str | None = None, *, data_dir: Path | None = None) -> Framework:
    """A framework by key and version (the newest version when ``version`` is None).

    Looks in the shipped ones, then the stored ones, then (when given) the data folder.
    """
    shipped = shipped_frameworks()
    candidates = [f for f in shipped + stored_frameworks() if f.key == key]
    if data_dir is not None and (version is None or _find(candidates, key, version) is None):
        candidates += [f for f in scan_frameworks(data_dir).frameworks
                       if f.key == key and _find(candidates, key, f.version) is None]
    if version is not None:
        found = _find(candidates, key, version)
        if found is None:
            raise NotFoundError(f"There is no framework “{key}” version {version}.")
        return found
    if not candidates:
        raise NotFoundError(f"There is no framework “{key}”.")
    return max(candidates, key=lambda f: version_order(f.version))


def add_own_framework(path: Path) -> Framework:
    """Check a framework file and keep it in the data file, so export and backups carry it.

    Adding the same file again changes nothing; a different file with a key and
    version already in use is refused.
    """
    framework = load_framework(path)
    return store_framework(framework)


def store_framework(framework: Framework) -> Framework:
    """Keep an own framework in the data file (shipped ones are never stored)."""
    if framework.shipped:
        return framework
    shipped = _find(shipped_frameworks(), framework.key, framework.version)
    if shipped is not None:
        raise FrameworkError(framework.source, f"a shipped framework already has the key “{framework.key}” "
                                               f"and version “{framework.version}”; use another key.")
    with transaction():
        row = FrameworkFile.get_or_none(
            (FrameworkFile.key == framework.key) & (FrameworkFile.version == framework.version))
        if row is not None:
            if not _same_content(_from_row(row), framework):
                raise FrameworkError(
                    framework.source,
                    f"a different framework with the key “{framework.key}” and version "
                    f"“{framework.version}” is already stored; give the changed file a new version.")
        else:
            document = framework.document or _to_document(framework)
            FrameworkFile.create(key=framework.key, version=framework.version, document=document,
                                 added_at=utc_now())
    return get_framework(framework.key, framework.version)


def remove_own_framework(key: str, version: str) -> None:
    """Forget a stored own framework that no assessment uses."""
    from mentordesk.db.assessment_models import Assessment

    with transaction():
        row = FrameworkFile.get_or_none((FrameworkFile.key == key) & (FrameworkFile.version == version))
        if row is None:
            raise NotFoundError(f"No own framework “{key}” version {version} is stored.")
        used = Assessment.select().where(
            (Assessment.framework == key) & (Assessment.framework_version == version)).count()
        if used:
            raise ValidationError(f"The framework “{key}” version {version} is used by {used} "
                                  "assessment(s); delete those first.")
        row.delete_instance()


def _to_document(framework: Framework) -> str:
    """The JSON text of a framework built in code (every loaded one keeps its own text)."""
    scale: dict[str, Any] = {"min": framework.scale.min, "max": framework.scale.max,
                             "anchors": {str(p): label for p, label in framework.scale.anchors},
                             "not_applicable": framework.scale.not_applicable}
    domains = [{"key": d.key, "title": d.title, "description": d.description,
                "items": [{"key": i.key, "text": i.text, "mentee_text": i.mentee_text} for i in d.items]}
               for d in framework.domains]
    document = {"format": FORMAT, "key": framework.key, "version": framework.version,
                "title": framework.title, "description": framework.description,
                "scale": scale, "domains": domains}
    return json.dumps(document, ensure_ascii=False, indent=2)
