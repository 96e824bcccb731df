"""Competency frameworks as data: the shipped one, its schema, malformed files, own frameworks."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

from mentordesk.db.assessment_models import FrameworkFile
from mentordesk.services import assessments, frameworks
from mentordesk.services.errors import NotFoundError, ValidationError
from mentordesk.services.frameworks import FrameworkError, load_framework

SHIPPED = frameworks.shipped_frameworks_dir() / "mentoring-competencies.json"
SCHEMA = frameworks.shipped_frameworks_dir() / "schema.json"


def _own(key: str = "team-skills", version: str = "1") -> dict[str, Any]:
    return {
        "format": "mentordesk-framework", "key": key, "version": version, "title": "Team skills",
        "scale": {"min": 1, "max": 5, "anchors": {"1": "Rarely", "5": "Always"}, "not_applicable": True},
        "domains": [
            {"key": "feedback", "title": "Feedback", "items": [
                {"key": "feedback.timely", "text": "I give feedback soon.", "mentee_text": "My mentor ..."},
                {"key": "feedback.kind", "text": "I give feedback kindly."}]},
            {"key": "teaching", "title": "Teaching", "items": [
                {"key": "teaching.bedside", "text": "I teach at the bedside."}]},
        ],
    }


def _write(folder: Path, name: str, document: object) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(document if isinstance(document, str) else json.dumps(document), "utf-8")
    return path


# ---------------------------------------------------------------- the shipped framework


def test_shipped_framework_loads_with_expected_shape() -> None:
    """The default framework: 8 domains, 25-35 items, a 1-7 scale anchored at 1, 4, 7, with N/A."""
    framework = load_framework(SHIPPED)
    assert framework.key == "mentoring-competencies" and framework.version == "1.0"
    assert [d.key for d in framework.domains] == [
        "communication", "expectations", "understanding", "independence",
        "development", "equity", "wellbeing", "character"]
    assert 25 <= len(framework.items) <= 35
    assert (framework.scale.min, framework.scale.max, framework.scale.not_applicable) == (1, 7, True)
    assert framework.scale.anchors == ((1, "Not at all skilled"), (4, "Moderately skilled"),
                                       (7, "Extremely skilled"))
    assert framework.has_mentee_view


def test_shipped_items_are_worded_for_both_views_with_stable_keys() -> None:
    """Every item reads "I ..." for the mentor and "My mentor ..." for a mentee; keys are domain.item."""
    framework = load_framework(SHIPPED)
    for domain in framework.domains:
        for item in domain.items:
            assert item.text.startswith("I "), item.key
            assert item.mentee_text.startswith("My mentor "), item.key
            assert item.key.startswith(domain.key + "."), item.key


def test_shipped_framework_is_found_as_shipped() -> None:
    """Without a data folder or data file the shipped framework is still available."""
    found = frameworks.available_frameworks(None)
    assert [(f.key, f.shipped) for f in found] == [("mentoring-competencies", True)]
    assert frameworks.get_framework("mentoring-competencies").version == "1.0"


# ---------------------------------------------------------------- schema.json agrees with the checker


def _schema_errors(value: Any, schema: dict[str, Any], root: dict[str, Any], where: str = "$") -> list[str]:
    """A small validator for the JSON Schema keywords schema.json uses."""
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        merged = {**root["$defs"][name], **{k: v for k, v in schema.items() if k != "$ref"}}
        return _schema_errors(value, merged, root, where)
    errors: list[str] = []
    kind = schema.get("type")
    checks = {"object": dict, "array": list, "string": str, "boolean": bool}
    if kind == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        return [f"{where}: not an integer"]
    if kind in checks and not isinstance(value, checks[kind]):
        return [f"{where}: not {kind}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{where}: not {schema['const']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 10**9):
            errors.append(f"{where}: length")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{where}: pattern")
    if (isinstance(value, int) and not isinstance(value, bool)
            and not schema.get("minimum", -(10**9)) <= value <= schema.get("maximum", 10**9)):
        errors.append(f"{where}: range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0):
            errors.append(f"{where}: too few items")
        for index, element in enumerate(value):
            errors += _schema_errors(element, schema.get("items", {}), root, f"{where}[{index}]")
    if isinstance(value, dict):
        errors += [f"{where}: no {name}" for name in schema.get("required", []) if name not in value]
        for name, element in value.items():
            if name in schema.get("properties", {}):
                errors += _schema_errors(element, schema["properties"][name], root, f"{where}.{name}")
                continue
            patterns = [p for p in schema.get("patternProperties", {}) if re.search(p, name)]
            for pattern in patterns:
                pattern_schema = schema["patternProperties"][pattern]
                errors += _schema_errors(element, pattern_schema, root, f"{where}.{name}")
            if not patterns and schema.get("additionalProperties") is False:
                errors.append(f"{where}: unknown {name}")
    return errors


def _schema() -> dict[str, Any]:
    return dict(json.loads(SCHEMA.read_text("utf-8")))


def test_shipped_framework_passes_its_schema() -> None:
    """schema.json accepts the shipped framework as it is."""
    schema = _schema()
    assert _schema_errors(json.loads(SHIPPED.read_text("utf-8")), schema, schema) == []


def test_schema_lists_the_same_keys_as_the_checker() -> None:
    """The documented schema and the hand-written checks allow and require the same keys."""
    schema = _schema()
    domain = schema["properties"]["domains"]["items"]
    item = domain["properties"]["items"]["items"]
    scale = schema["properties"]["scale"]
    assert set(schema["properties"]) == frameworks.TOP_KEYS
    assert tuple(schema["required"]) == frameworks.TOP_REQUIRED
    assert set(scale["properties"]) == frameworks.SCALE_KEYS
    assert set(domain["properties"]) == frameworks.DOMAIN_KEYS
    assert set(item["properties"]) == frameworks.ITEM_KEYS
    assert root_pattern(schema) == frameworks.KEY_PATTERN.pattern


def root_pattern(schema: dict[str, Any]) -> str:
    return str(schema["$defs"]["key"]["pattern"])


@pytest.mark.parametrize("breakage", ["no scale", "unknown key", "empty items", "bad key"])
def test_schema_and_checker_both_reject_broken_documents(tmp_path: Path, breakage: str) -> None:
    """What the schema refuses, the checker refuses too."""
    document = _own()
    if breakage == "no scale":
        del document["scale"]
    elif breakage == "unknown key":
        document["domains"][0]["colour"] = "red"
    elif breakage == "empty items":
        document["domains"][1]["items"] = []
    else:
        document["domains"][0]["items"][0]["key"] = "Feedback Timely"
    schema = _schema()
    assert _schema_errors(document, schema, schema)
    with pytest.raises(FrameworkError):
        load_framework(_write(tmp_path, "broken.json", document))


# ---------------------------------------------------------------- malformed files


def _break(change: str) -> object:
    document = _own()
    domains = document["domains"]
    if change == "not json":
        return '{"format": "mentordesk-framework", "key": '
    if change == "a list":
        return [document]
    if change == "missing scale":
        del document["scale"]
    elif change == "min not below max":
        document["scale"]["min"] = 5
    elif change == "min not a number":
        document["scale"]["min"] = "one"
    elif change == "anchor outside":
        document["scale"]["anchors"]["6"] = "Beyond"
    elif change == "anchor not a point":
        document["scale"]["anchors"]["01"] = "Leading zero"
    elif change == "n/a not boolean":
        document["scale"]["not_applicable"] = "yes"
    elif change == "duplicate item key":
        domains[1]["items"].append({"key": "feedback.timely", "text": "Again."})
    elif change == "duplicate domain key":
        domains[1]["key"] = "feedback"
    elif change == "item in no domain":
        document["items"] = [{"key": "loose.item", "text": "I float."}]
    elif change == "domain without items":
        domains[1]["items"] = []
    elif change == "missing text":
        del domains[0]["items"][1]["text"]
    elif change == "blank text":
        domains[0]["items"][1]["text"] = "   "
    elif change == "wrong format":
        document["format"] = "something-else"
    elif change == "no domains":
        document["domains"] = []
    elif change == "unknown key":
        domains[0]["items"][0]["mentee_txt"] = "typo"
    return document


MALFORMED = [
    ("not json", "not valid JSON"),
    ("a list", "one JSON object"),
    ("missing scale", "has no “scale”"),
    ("min not below max", "“min” (5) must be less than its “max” (5)"),
    ("min not a number", "“min” must be a whole number"),
    ("anchor outside", "anchor “6” lies outside the scale 1 to 5"),
    ("anchor not a point", "anchor “01” is not a point of the scale"),
    ("n/a not boolean", "“not_applicable” must be true or false"),
    ("duplicate item key", "item key “feedback.timely” is used twice"),
    ("duplicate domain key", "domain key “feedback” is used twice"),
    ("item in no domain", "1 item(s) are not in any domain"),
    ("domain without items", "domain “teaching” has no items"),
    ("missing text", "item “feedback.kind” has no “text”"),
    ("blank text", "the text of item “feedback.kind” is empty"),
    ("wrong format", "“format” must be “mentordesk-framework”"),
    ("no domains", "“domains” is empty"),
    ("unknown key", "unknown key(s) “mentee_txt”"),
]


@pytest.mark.parametrize(("change", "problem"), MALFORMED, ids=[m[0] for m in MALFORMED])
def test_malformed_file_is_rejected_naming_problem_and_file(tmp_path: Path, change: str,
                                                            problem: str) -> None:
    """Each broken file raises a ValidationError whose message names the problem and the file."""
    path = _write(tmp_path, f"{change.replace(' ', '-').replace('/', '')}.json", _break(change))
    with pytest.raises(ValidationError) as caught:
        load_framework(path)
    message = str(caught.value)
    assert problem in message
    assert str(path) in message
    assert isinstance(caught.value, FrameworkError) and caught.value.problem in message


def test_duplicate_json_key_and_missing_file_are_named(tmp_path: Path) -> None:
    """A key written twice in one object (JSON would silently keep the last) and a missing file."""
    path = _write(tmp_path, "twice.json", '{"format": "mentordesk-framework", "format": "x"}')
    with pytest.raises(FrameworkError, match="“format” appears twice") as caught:
        load_framework(path)
    assert str(path) in str(caught.value)
    missing = tmp_path / "nowhere.json"
    with pytest.raises(FrameworkError, match="does not exist") as caught:
        load_framework(missing)
    assert str(missing) in str(caught.value)


def test_not_utf8_is_named(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(json.dumps(_own()).replace("Team", "Équipe").encode("latin-1"))
    with pytest.raises(FrameworkError, match="not UTF-8"):
        load_framework(path)


# ---------------------------------------------------------------- own frameworks


def test_own_folder_files_listed_and_bad_ones_reported_not_fatal(data_dir: Path) -> None:
    """A good own file appears after the shipped one; a bad one is reported with its path and problem."""
    folder = frameworks.own_frameworks_dir(data_dir)
    _write(folder, "team.json", _own())
    bad = _write(folder, "broken.json", _break("duplicate item key"))
    clash = copy.deepcopy(load_framework(SHIPPED).document)
    clash_path = _write(folder, "clash.json", clash.replace("Mentoring competencies", "Changed title"))
    catalogue = frameworks.scan_frameworks(data_dir)
    assert [(f.key, f.shipped) for f in catalogue.frameworks] == [
        ("mentoring-competencies", True), ("team-skills", False)]
    problems = dict(catalogue.problems)
    assert set(problems) == {bad, clash_path}
    assert "used twice" in problems[bad] and str(bad) in problems[bad]
    assert "new version" in problems[clash_path]
    assert frameworks.available_frameworks(data_dir) == catalogue.frameworks
    assert frameworks.framework_problems(data_dir) == catalogue.problems


def test_own_framework_is_stored_and_retrievable_without_the_file(db: Path, tmp_path: Path) -> None:
    """Adding an own framework keeps its JSON in the data file; it survives the file's removal."""
    path = _write(tmp_path, "team.json", _own())
    added = frameworks.add_own_framework(path)
    path.unlink()
    assert FrameworkFile.select().count() == 1
    stored = frameworks.get_framework("team-skills", "1")
    assert stored == added and not stored.shipped
    assert json.loads(str(FrameworkFile.get().document)) == _own()
    assert [f.key for f in frameworks.available_frameworks(None)] == ["mentoring-competencies", "team-skills"]
    # The same file again changes nothing; a changed file with the same version is refused.
    frameworks.add_own_framework(_write(tmp_path, "again.json", _own()))
    assert FrameworkFile.select().count() == 1
    changed = _own()
    changed["title"] = "Team skills, revised"
    with pytest.raises(FrameworkError, match="new version"):
        frameworks.add_own_framework(_write(tmp_path, "changed.json", changed))
    frameworks.add_own_framework(_write(tmp_path, "v2.json", {**changed, "version": "2"}))
    assert frameworks.get_framework("team-skills").title == "Team skills, revised"


def test_shipped_key_and_version_cannot_be_taken_over(db: Path, tmp_path: Path) -> None:
    document = json.loads(SHIPPED.read_text("utf-8"))
    document["title"] = "Mine now"
    with pytest.raises(FrameworkError, match="shipped framework"):
        frameworks.add_own_framework(_write(tmp_path, "mine.json", document))


def test_bad_file_is_not_stored(db: Path, tmp_path: Path) -> None:
    with pytest.raises(FrameworkError):
        frameworks.add_own_framework(_write(tmp_path, "bad.json", _break("missing scale")))
    assert FrameworkFile.select().count() == 0


def test_using_a_folder_framework_stores_it(db: Path, data_dir: Path, fixed_clock: object) -> None:
    """An assessment on an own framework from the data folder copies it into the data file."""
    path = _write(frameworks.own_frameworks_dir(data_dir), "team.json", _own())
    assessment_id = assessments.start_assessment("team-skills", "1", data_dir=data_dir)
    path.unlink()
    assert frameworks.get_framework("team-skills", "1").title == "Team skills"
    with pytest.raises(ValidationError, match="used by 1 assessment"):
        frameworks.remove_own_framework("team-skills", "1")
    assessments.delete_assessment(assessment_id)
    frameworks.remove_own_framework("team-skills", "1")
    with pytest.raises(NotFoundError):
        frameworks.get_framework("team-skills", "1")


def test_unknown_framework_or_version_is_not_found() -> None:
    with pytest.raises(NotFoundError, match="no framework “nope”"):
        frameworks.get_framework("nope")
    with pytest.raises(NotFoundError, match="version 9.9"):
        frameworks.get_framework("mentoring-competencies", "9.9")


def test_versions_sort_by_number() -> None:
    assert sorted(["1.10", "1.9", "2", "1.0"], key=frameworks.version_order) == ["1.0", "1.9", "1.10", "2"]
