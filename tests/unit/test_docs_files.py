"""docs/files.md stays true to the file formats it documents.

The models in `meeting.domain` are the file formats: every key a secretary can write is a
field (or its alias) of a model reachable from `Council` or `Agenda`. These tests walk the
models and hold the reference to them:

- every key has a row `| `key` | ...` in a `| key | type | default | meaning |` table, and each
  model has one such table listing exactly its keys (so a key documented under the wrong table,
  or a key that no longer exists, fails too);
- every ```toml example parses, uses only keys and values that exist, and, when it is a whole
  council or agenda file, loads without errors as `meeting check` would load it;
- every fixed value (motion kinds, roles, item kinds, vote modes, ...) and every diagnostic code
  of the loader and the cross-checks is mentioned;
- every link to a section of the doc leads to a heading.
"""

from __future__ import annotations

import re
import tomllib
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from pydantic import BaseModel

from meeting.domain.agenda import Agenda, ItemKind, MeetingKind, VoteMode
from meeting.domain.council import Council, Role
from meeting.domain.motions import MOTION_KINDS
from meeting.domain.rules import Base, BlockRule, ChairVotes, TieRule
from meeting.loader.load import load
from meeting.messages import MESSAGES

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "files.md"
PACKAGE = REPO / "meeting"
DEMO_COUNCIL = REPO / "agendas" / "ic-asm" / "council.toml"
KEY_TABLE_HEADER = ("key", "type", "default", "meaning")
ROOTS: tuple[type[BaseModel], ...] = (Council, Agenda)

# A ```toml block whose first line starts with this is not a meeting file (Taplo's own config):
# it must parse, but its keys are not ours.
NOT_A_MEETING_FILE = "# .taplo.toml"


# -- the models -----------------------------------------------------------------------------


def _members(annotation: Any) -> tuple[Any, ...]:
    """The types inside Annotated, Optional, unions, list, tuple and dict (keys and values)."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return (get_args(annotation)[0],)
    if origin in (Union, types.UnionType, list, tuple, dict, set, frozenset):
        return get_args(annotation)
    return ()


def _unwrap(annotation: Any) -> Any:
    """Strip Annotated and Optional (a union with None and one other type)."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            rest = [a for a in get_args(annotation) if a is not type(None)]
            if len(rest) != 1:
                return annotation
            annotation = rest[0]
        else:
            return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def key_of(name: str, info: Any) -> str:
    """The key as written in TOML: the alias where one is set."""
    return info.alias or name


def models_reachable(roots: tuple[type[BaseModel], ...] = ROOTS) -> dict[type[BaseModel], str]:
    """Every model a file can contain, with the TOML path where it is first met."""
    found: dict[type[BaseModel], str] = {}
    stack: list[tuple[Any, str]] = [(root, root.__name__) for root in roots]
    while stack:
        annotation, where = stack.pop()
        if _is_model(annotation):
            if annotation in found:
                continue
            found[annotation] = where
            prefix = "" if where in (r.__name__ for r in roots) else where + "."
            for name, info in annotation.model_fields.items():
                stack.append((info.annotation, prefix + key_of(name, info)))
        else:
            stack.extend((member, where) for member in _members(annotation))
    return found


def model_keys(model: type[BaseModel]) -> set[str]:
    return {key_of(name, info) for name, info in model.model_fields.items()}


def all_keys() -> dict[str, set[str]]:
    """Each TOML key with the paths where it occurs, e.g. `at_least` -> rules.quorum, ..."""
    keys: dict[str, set[str]] = {}
    for model, where in models_reachable().items():
        prefix = "" if where in (r.__name__ for r in ROOTS) else where + "."
        for key in model_keys(model):
            keys.setdefault(key, set()).add(f"{prefix}{key} ({model.__name__})")
    return keys


def literal_values(roots: tuple[type[BaseModel], ...] = ROOTS) -> set[str]:
    """Every value of every Literal in the formats, dictionary keys included."""
    values: set[str] = set()
    seen: set[Any] = set()
    stack: list[Any] = list(roots)
    while stack:
        annotation = stack.pop()
        if _is_model(annotation):
            if annotation in seen:
                continue
            seen.add(annotation)
            stack.extend(info.annotation for info in annotation.model_fields.values())
        elif get_origin(annotation) is Literal:
            values.update(str(v) for v in get_args(annotation))
        else:
            stack.extend(_members(annotation))
    return values


# -- the document ---------------------------------------------------------------------------


def doc_text() -> str:
    return DOC.read_text(encoding="utf-8")


@dataclass
class KeyTable:
    line: int  # of the header row, 1-based
    keys: list[str]


_ROW_KEY = re.compile(r"^\|\s*`([^`]+)`\s*\|")


def _cells(row: str) -> tuple[str, ...]:
    return tuple(cell.strip() for cell in row.strip().strip("|").split("|"))


def markdown_tables(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each Markdown table as (line of its header, its lines), outside fenced code blocks."""
    lines = text.splitlines()
    in_fence = False
    index = 0
    while index < len(lines):
        line = lines[index]
        if line.startswith("```"):
            in_fence = not in_fence
        if not in_fence and line.startswith("|"):
            start = index
            while index < len(lines) and lines[index].startswith("|"):
                index += 1
            yield start + 1, lines[start:index]
            continue
        index += 1


def key_tables(text: str) -> list[KeyTable]:
    tables = []
    for line, rows in markdown_tables(text):
        if _cells(rows[0]) != KEY_TABLE_HEADER:
            continue
        keys = [m[1] for row in rows[2:] if (m := _ROW_KEY.match(row))]
        tables.append(KeyTable(line, keys))
    return tables


def documented_rows(text: str) -> set[str]:
    """Keys written as a table row starting with | `key` |, in any table."""
    return {m[1] for line in text.splitlines() if (m := _ROW_KEY.match(line))}


def toml_blocks(text: str) -> list[tuple[int, str]]:
    """Each ```toml block as (line of its opening fence, its text)."""
    blocks = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        if lines[index].strip() == "```toml":
            start = index
            index += 1
            body = []
            while index < len(lines) and not lines[index].startswith("```"):
                body.append(lines[index])
                index += 1
            blocks.append((start + 1, "\n".join(body) + "\n"))
        index += 1
    return blocks


# -- what is wrong with a document (pure functions, so the tests can test them too) --------


def undocumented_keys(text: str) -> list[str]:
    rows = documented_rows(text)
    return sorted(path for key, paths in all_keys().items() if key not in rows for path in paths)


def key_table_mismatches(text: str) -> list[str]:
    """Each model needs a key table listing exactly its keys, each key once."""
    tables = key_tables(text)

    def fit(keys: set[str]) -> Callable[[Any], tuple[int, int]]:
        # Most keys in common, then fewest others: the agenda's table has `title` and `place`
        # too, but the table of their translations has nothing else.
        return lambda table: (len(keys & set(table.keys)), -len(set(table.keys) - keys))

    problems = []
    for model, where in sorted(models_reachable().items(), key=lambda item: item[1]):
        keys = model_keys(model)
        best = max(tables, key=fit(keys), default=None)
        if best is None or not keys & set(best.keys):
            problems.append(f"{where} ({model.__name__}): no key table for {sorted(keys)}")
            continue
        missing = sorted(keys - set(best.keys))
        extra = sorted(set(best.keys) - keys)
        twice = sorted({k for k in best.keys if best.keys.count(k) > 1})
        for label, found in (("missing", missing), ("not a key of this table", extra), ("listed twice", twice)):
            if found:
                problems.append(f"{where} ({model.__name__}), table at line {best.line}: {label}: {found}")
    claimed = {id(max(tables, key=fit(model_keys(m)))) for m in models_reachable()}
    for table in tables:
        if id(table) not in claimed:
            problems.append(f"key table at line {table.line} matches no model: {table.keys}")
    return problems


def unknown_in_toml(data: Any, annotation: Any, path: str = "") -> list[str]:
    """Keys and fixed values in parsed TOML that the formats do not have."""
    annotation = _unwrap(annotation)
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        # The agenda's `council` is a path or an inline council table; other unions
        # (a count or a fraction) hold plain values.
        models = [a for a in map(_unwrap, get_args(annotation)) if _is_model(a)]
        return unknown_in_toml(data, models[0], path) if models and isinstance(data, dict) else []
    if _is_model(annotation):
        if not isinstance(data, dict):
            return [f"{path}: expected a table"]
        fields = {key_of(name, info): info.annotation for name, info in annotation.model_fields.items()}
        problems = []
        for key, value in data.items():
            where = f"{path}.{key}" if path else key
            if key not in fields:
                problems.append(f"{where}: not a key of {annotation.__name__}")
            else:
                problems += unknown_in_toml(value, fields[key], where)
        return problems
    if origin is dict:
        key_type, value_type = (_unwrap(a) for a in get_args(annotation))
        problems = []
        for key, value in data.items() if isinstance(data, dict) else ():
            if get_origin(key_type) is Literal and key not in get_args(key_type):
                problems.append(f"{path}.{key}: not one of {get_args(key_type)}")
            problems += unknown_in_toml(value, value_type, f"{path}.{key}")
        return problems
    if origin in (list, tuple):
        (item_type, *_) = get_args(annotation)
        problems = []
        for index, value in enumerate(data if isinstance(data, list) else ()):
            problems += unknown_in_toml(value, item_type, f"{path}[{index}]")
        return problems
    if origin is Literal and data not in get_args(annotation):
        return [f"{path}: {data!r} is not one of {get_args(annotation)}"]
    return []


def example_problems(data: dict[str, Any]) -> list[str]:
    """The keys and fixed values of an example must fit a council file or an agenda file."""
    fits = {root: unknown_in_toml(data, root) for root in ROOTS}
    if any(not problems for problems in fits.values()):
        return []
    return [f"as {root.__name__}: {problem}" for root, problems in fits.items() for problem in problems]


def whole_file_kind(data: dict[str, Any]) -> str | None:
    """The kind of file an example is when it is a whole file, not an excerpt; else None."""
    for root, kind, body in ((Council, "council", "members"), (Agenda, "agenda", "items")):
        required = {key_of(n, i) for n, i in root.model_fields.items() if i.is_required()}
        if required <= data.keys() and body in data:
            return kind
    return None


def code_literals() -> set[str]:
    """Diagnostic codes the loader and the domain checks can produce (not TOML syntax codes)."""
    # The files' own modules; the engine's refusals are documented in docs/commands.md.
    file_modules = ("base", "quantities", "rules", "council", "agenda", "checks")
    sources = [*(PACKAGE / "domain" / f"{m}.py" for m in file_modules), *(PACKAGE / "loader").glob("*.py")]
    literals = {m for path in sources for m in re.findall(r"[\"']([a-z]+\.[a-z-]+)[\"']", path.read_text())}
    return {code for code in literals & MESSAGES.keys() if not code.startswith("toml.")}


# -- the tests ------------------------------------------------------------------------------


def test_the_walk_finds_every_model_of_both_formats() -> None:
    names = {model.__name__ for model in models_reachable()}
    assert {
        "Council",
        "Region",
        "Member",
        "Rules",
        "Quorum",
        "DecisionClass",
        "Proxies",
        "GenderBalance",
        "Debate",
        "MotionOverride",
        "Agenda",
        "Item",
        "DraftMotion",
    } <= names
    keys = all_keys()
    assert "class" in keys and "decision_class" not in keys, "aliases are the keys written in TOML"
    assert "each_region_at_least" in keys and "notice_given" in keys


def test_every_key_has_a_row() -> None:
    missing = undocumented_keys(doc_text())
    assert not missing, "keys without a `| `key` | ... |` row in docs/files.md:\n  " + "\n  ".join(missing)


def test_each_model_has_a_table_of_exactly_its_keys() -> None:
    problems = key_table_mismatches(doc_text())
    assert not problems, "docs/files.md key tables do not match the models:\n  " + "\n  ".join(problems)


def test_removing_a_row_is_caught() -> None:
    """The checks above are not vacuous: take a row out and they fail, naming the key."""
    text = doc_text()
    for key in ("each_region_at_least", "notice_given", "speaker_minutes"):
        row = next(line for line in text.splitlines() if line.startswith(f"| `{key}` |"))
        cut = text.replace(row + "\n", "", 1)
        assert [path for path in undocumented_keys(cut) if f".{key} (" in path]
        assert [problem for problem in key_table_mismatches(cut) if key in problem]
    # `class` has a row in two tables (motion overrides and items): removing one is still caught.
    row = next(line for line in text.splitlines() if line.startswith("| `class` |"))
    cut = text.replace(row + "\n", "", 1)
    assert not undocumented_keys(cut)
    assert [problem for problem in key_table_mismatches(cut) if "'class'" in problem]


def test_every_toml_block_parses() -> None:
    blocks = toml_blocks(doc_text())
    assert len(blocks) >= 10
    failures = []
    for line, block in blocks:
        try:
            tomllib.loads(block)
        except tomllib.TOMLDecodeError as exc:
            failures.append(f"block at line {line}: {exc}")
    assert not failures, "\n".join(failures)


def meeting_examples() -> list[tuple[int, dict[str, Any], str]]:
    return [
        (line, tomllib.loads(block), block)
        for line, block in toml_blocks(doc_text())
        if not block.startswith(NOT_A_MEETING_FILE)
    ]


def test_every_toml_example_uses_real_keys_and_values() -> None:
    failures = [
        f"block at line {line}: {problem}" for line, data, _ in meeting_examples() for problem in example_problems(data)
    ]
    assert not failures, "\n".join(failures)


def test_whole_file_examples_pass_meeting_check(tmp_path: Path) -> None:
    """A whole council or agenda file in the doc loads without errors (warnings allowed).

    An agenda naming `council.toml` is checked against the IC-ASM council, as in the doc.
    """
    checked = {"council": 0, "agenda": 0}
    failures = []
    for line, data, block in meeting_examples():
        kind = whole_file_kind(data)
        if kind is None:
            continue
        folder = tmp_path / f"block-{line}"
        folder.mkdir()
        if kind == "agenda" and data.get("council") == "council.toml":
            (folder / "council.toml").write_bytes(DEMO_COUNCIL.read_bytes())
        path = folder / ("council.toml" if kind == "council" else f"{data['id']}.toml")
        path.write_text(block, encoding="utf-8")
        loaded = load(path, expect=kind)  # type: ignore[arg-type]
        failures += [
            f"block at line {line}: {d.path}:{d.line}:{d.col}: {d.code}: {d.message}"
            for d in loaded.diagnostics
            if d.severity == "error"
        ]
        checked[kind] += 1
    assert not failures, "\n".join(failures)
    assert checked["council"] >= 1 and checked["agenda"] >= 2, checked


def test_a_wrong_key_in_an_example_is_caught() -> None:
    assert example_problems({"rules": {"quorum": {"at_leest": 11}}})
    assert example_problems({"rules": {"classes": {"ordinary": {"of": "votes-cast"}}}})
    assert example_problems({"rules": {"motions": {"adjurn": {"allowed": False}}}})
    assert example_problems({"items": [{"id": "x", "title": "X", "minutes": 5, "kind": "vote"}]})
    assert not example_problems({"council": {"name": "C"}, "items": []})
    assert not example_problems({"rules": {"classes": {"urgent": {"at_least": "3/4", "of": "present"}}}})


FIXED_VALUES = {
    "motion kind": MOTION_KINDS,
    "role": get_args(Role),
    "item kind": get_args(ItemKind),
    "vote mode": get_args(VoteMode),
    "meeting kind": get_args(MeetingKind),
    "tie rule": get_args(TieRule),
    "base": get_args(Base),
    "on_block": get_args(BlockRule),
    "chair_votes": get_args(ChairVotes),
}


@pytest.mark.parametrize("what", sorted(FIXED_VALUES))
def test_every_fixed_value_is_mentioned(what: str) -> None:
    text = doc_text()
    missing = [value for value in FIXED_VALUES[what] if f"`{value}`" not in text]
    assert not missing, f"{what} values not mentioned as `value` in docs/files.md: {missing}"


def test_every_literal_in_the_formats_is_mentioned() -> None:
    """Also the ones not listed above (gender, abstentions, enforce, and any added later)."""
    text = doc_text()
    missing = sorted(value for value in literal_values() if f"`{value}`" not in text)
    assert not missing, f"fixed values not mentioned as `value` in docs/files.md: {missing}"


def test_every_motion_kind_has_a_row() -> None:
    rows = documented_rows(doc_text())
    missing = [kind for kind in MOTION_KINDS if kind not in rows]
    assert not missing, f"motion kinds without a `| `kind` | RONR motion | ... |` row: {missing}"


def test_every_diagnostic_code_of_check_is_listed() -> None:
    codes = code_literals()
    assert {"file.too-large", "schema.missing-key", "threshold.one-bound", "notice.short", "class.unknown"} <= codes
    text = doc_text()
    missing = sorted(code for code in codes if f"`{code}`" not in text)
    assert not missing, f"diagnostic codes of `meeting check` not listed in docs/files.md: {missing}"


def heading_anchors(text: str) -> set[str]:
    """GitHub's anchors for the doc's headings: lower case, punctuation dropped, spaces to '-'."""
    anchors: set[str] = set()
    in_fence = False
    for line in text.splitlines():
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence or not line.startswith("#"):
            continue
        slug = re.sub(r"[^\w\- ]", "", line.lstrip("#").strip().lower()).replace(" ", "-")
        anchor, n = slug, 0
        while anchor in anchors:
            n += 1
            anchor = f"{slug}-{n}"
        anchors.add(anchor)
    return anchors


def test_every_link_inside_the_doc_leads_somewhere() -> None:
    text = doc_text()
    links = set(re.findall(r"\]\(#([^)]+)\)", text))
    assert links, "the doc links its sections"
    broken = sorted(links - heading_anchors(text))
    assert not broken, f"links to no heading in docs/files.md: {broken}"
