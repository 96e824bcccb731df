"""Bad and hostile export files: one line naming the problem and where, exit 2, and nothing changes."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from exchange_fixtures import build_rich_data, without_stamp

from mentordesk import cli
from mentordesk.services import exchange_schema
from mentordesk.services.storage import close_data, open_data_dir

Doc = dict[str, Any]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Doc:
    """A valid export of the rich data set."""
    folder = tmp_path_factory.mktemp("source")
    open_data_dir(folder)
    try:
        build_rich_data()
    finally:
        close_data()
    out = folder / "good.json"
    assert cli.main(["--data-dir", str(folder), "export", "--out", str(out)]) == 0
    document: Doc = json.loads(out.read_text("utf-8"))
    return document


@pytest.fixture
def target(tmp_path: Path) -> Iterator[Path]:
    """A data folder that already holds one mentee, to be left unchanged."""
    folder = tmp_path / "target"
    from mentordesk.services.mentees import MenteeData, create_mentee

    open_data_dir(folder)
    try:
        create_mentee(MenteeData(name="Ana Núñez", notes="Stays as it is"))
    finally:
        close_data()
    yield folder
    close_data()


def _export(folder: Path, name: str, capsys: pytest.CaptureFixture[str]) -> str:
    out = folder.parent / name
    assert cli.main(["--data-dir", str(folder), "export", "--out", str(out)]) == 0
    capsys.readouterr()
    return without_stamp(out.read_text("utf-8"))


def _refused(folder: Path, content: bytes, capsys: pytest.CaptureFixture[str]) -> str:
    """Import ``content``; check exit 2, one short stderr line, and an unchanged data set."""
    before = _export(folder, "before.json", capsys)
    bad = folder.parent / "bad.json"
    bad.write_bytes(content)
    code = cli.main(["--data-dir", str(folder), "import", str(bad)])
    captured = capsys.readouterr()
    assert code == 2, captured
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("mentordesk: "), captured.err
    assert len(lines[0]) < 300 and "Traceback" not in captured.err
    assert captured.out == ""
    assert _export(folder, "after.json", capsys) == before
    return lines[0]


def _mutated(good: Doc, change: Callable[[Doc], object]) -> bytes:
    document = copy.deepcopy(good)
    change(document)
    return json.dumps(document, ensure_ascii=False).encode("utf-8")


def _set(path: str, value: object) -> Callable[[Doc], None]:
    """A change that sets one value, given as a dotted path with [n] indexes."""
    def change(document: Doc) -> None:
        node: Any = document
        parts = path.replace("]", "").replace("[", ".").split(".")
        for part in parts[:-1]:
            node = node[int(part)] if part.isdigit() else node[part]
        last = parts[-1]
        node[int(last) if last.isdigit() else last] = value
    return change


CASES: list[tuple[str, Callable[[Doc], bytes], str]] = [
    ("empty", lambda g: b"", "empty"),
    ("blank", lambda g: b"  \n\n", "empty"),
    ("truncated", lambda g: json.dumps(g, ensure_ascii=False).encode()[:5000], "not valid JSON"),
    ("not-utf8", lambda g: b'{"format": "mentordesk", "version": 1, "mentor": {"name": "Zo\xeb"}}', "not UTF-8"),
    ("latin1-export", lambda g: json.dumps(g, ensure_ascii=False).encode("utf-16"), "not UTF-8"),
    ("a-list", lambda g: b"[1, 2, 3]", "one JSON object"),
    ("wrong-format", lambda g: _mutated(g, _set("format", "vorta")), "format: must be “mentordesk”"),
    ("no-format", lambda g: b'{"version": 1}', "format: must be"),
    ("newer-version", lambda g: _mutated(g, _set("version", 2)), "newer MentorDesk"),
    ("version-text", lambda g: _mutated(g, _set("version", "1")), "version:"),
    ("unknown-top-key", lambda g: _mutated(g, _set("colour", "blue")), "colour: unknown key"),
    ("unknown-nested-key", lambda g: _mutated(g, _set("mentees[1].sessions[1].mood", "ok")),
     "mentees[1].sessions[1].mood: unknown key"),
    ("wrong-type", lambda g: _mutated(g, _set("mentees[1].name", 42)), "mentees[1].name: must be text"),
    ("bool-for-number", lambda g: _mutated(g, _set("mentees[1].sessions[0].duration_min", True)),
     "mentees[1].sessions[0].duration_min: must be a whole number"),
    ("bad-choice", lambda g: _mutated(g, _set("mentees[0].status", "finished")), "mentees[0].status:"),
    ("impossible-date", lambda g: _mutated(g, _set("mentees[1].sessions[1].next_on", "2026-02-30")),
     'mentees[1].sessions[1].next_on: "2026-02-30" is not a date that exists'),
    ("impossible-time", lambda g: _mutated(g, _set("mentees[1].sessions[1].held_on", "2026-02-30T10:00")),
     "mentees[1].sessions[1].held_on:"),
    ("sloppy-date", lambda g: _mutated(g, _set("mentees[1].started_post_on", "5/1/2026")),
     'mentees[1].started_post_on: "5/1/2026" is not a date'),
    ("not-a-uuid", lambda g: _mutated(g, _set("mentees[1].goals[0].id", "goal-1")), "mentees[1].goals[0].id:"),
    ("duplicate-id", lambda g: _mutated(g, lambda d: d["mentees"][1]["sessions"][1].update(
        id=d["mentees"][1]["sessions"][0]["id"])), "used twice"),
    ("duplicate-key", lambda g: b'{"format": "mentordesk", "version": 1, "version": 1}', "appears twice"),
    ("dangling-session", lambda g: _mutated(g, _set("mentees[1].referrals[0].session_id",
                                                    "00000000-0000-4000-8000-000000000000")),
     "mentees[1].referrals[0].session_id"),
    ("dangling-mentee", lambda g: _mutated(g, lambda d: next(a for a in d["assessments"] if a["mentee_id"]).update(
        mentee_id="00000000-0000-4000-8000-000000000001")), "mentee_id: names the mentee"),
    ("unknown-item", lambda g: _mutated(g, lambda d: d["assessments"][0]["answers"].update({"no-such-item": 3})),
     "answers.no-such-item"),
    ("too-long", lambda g: _mutated(g, _set("mentees[0].name", "x" * 5000)), "mentees[0].name: is too long"),
    ("empty-name", lambda g: _mutated(g, _set("mentees[0].name", "   ")), "mentees[0].name: must not be empty"),
    ("lone-surrogate", lambda g: json.dumps(g).replace('"Ben', '"\\ud800Ben', 1).encode(), "broken character"),
    ("nan", lambda g: json.dumps(g).replace('"duration_min": 50', '"duration_min": NaN', 1).encode(),
     "not valid JSON"),
    ("huge-number", lambda g: json.dumps(g).replace('"duration_min": 50', '"duration_min": ' + "9" * 5000,
                                                    1).encode(), "not valid JSON"),
    ("deeply-nested", lambda g: b'{"format": "mentordesk", "version": 1, "settings": {"x": '
     + b"[" * 200_000 + b"]" * 200_000 + b"}}", "nests more than"),
    ("brackets-in-text-do-not-count-as-depth", lambda g: _mutated(g, _set("mentees[0].notes", "[{" * 100))
     .replace(b'"notes"', b'"notez"', 1), "notez: unknown key"),
]


@pytest.mark.parametrize(("make", "expected"), [(c[1], c[2]) for c in CASES], ids=[c[0] for c in CASES])
def test_bad_file_is_refused_and_changes_nothing(good: Doc, target: Path, capsys: pytest.CaptureFixture[str],
                                                 make: Callable[[Doc], bytes], expected: str) -> None:
    """Each kind of bad file gives exit 2 and one line naming the problem (and where), and no change."""
    line = _refused(target, make(good), capsys)
    assert expected in line, line


def test_oversized_file_is_refused_before_reading(good: Doc, target: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A file over the documented size limit is refused from its size alone (a sparse file: no disk used)."""
    before = _export(target, "before.json", capsys)
    huge = target.parent / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(exchange_schema.MAX_DOCUMENT_BYTES + 1)
    code = cli.main(["--data-dir", str(target), "import", str(huge)])
    err = capsys.readouterr().err
    assert code == 2 and "too large" in err and len(err.splitlines()) == 1
    assert _export(target, "after.json", capsys) == before


def test_a_missing_file_is_one_line(target: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Importing a file that does not exist says so in one line."""
    code = cli.main(["--data-dir", str(target), "import", str(target.parent / "nowhere.json")])
    err = capsys.readouterr().err
    assert code == 2 and "does not exist" in err and len(err.splitlines()) == 1


def test_good_file_still_imports_after_the_refusals(good: Doc, target: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """The valid document the bad ones were made from imports (so each refusal is the mutation's doing)."""
    path = target.parent / "good.json"
    path.write_text(json.dumps(good, ensure_ascii=False), "utf-8")
    assert cli.main(["--data-dir", str(target), "import", str(path)]) == 0
    assert "Imported 2 mentees" in capsys.readouterr().out
