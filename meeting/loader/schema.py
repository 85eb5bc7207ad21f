"""Validate parsed TOML against the models; pydantic's errors become our codes and key paths.

Pydantic reports a location (`loc`) that mixes keys with its own markers (union tags,
`[key]` for dictionary keys). Walking the model's types alongside the `loc` tells which
segments are keys, which model holds the offending key (for "did you mean"), and which
values a `Literal` allows.

So that one bad key does not hide every reference problem, a document with schema errors
is validated a second time with the bad parts taken out (`repair`): an optional key is
dropped, or else the whole entry of the list or table that holds it. Cross-checks then run
on what remains, with indices mapped back to the file's.
"""

from __future__ import annotations

import copy
import difflib
import types
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from meeting.domain.base import LOADING
from meeting.domain.findings import Finding, KeyPath, Root

M = TypeVar("M", bound=BaseModel)

# pydantic's type errors, by what the key should have held.
_EXPECTED: dict[str, str] = {
    "string_type": "schema.expected-string",
    "int_type": "schema.expected-integer",
    "int_from_float": "schema.expected-integer",
    "bool_type": "schema.expected-boolean",
    "float_type": "schema.expected-number",
    "model_type": "schema.expected-table",
    "model_attributes_type": "schema.expected-table",
    "dict_type": "schema.expected-table",
    "tuple_type": "schema.expected-array",
    "list_type": "schema.expected-array",
    "datetime_type": "schema.expected-datetime",
    "date_type": "schema.expected-date",
}

Container = Literal["field", "optional-field", "list", "dict", "other"]


@dataclass(frozen=True)
class _Step:
    key: str | int
    container: Container  # what holds this key: a model field (optional or not), a list, a table
    parent: type[BaseModel] | None  # the model, when a model holds the key
    annotation: Any  # the type expected at this key


def _tag(annotation: Any) -> str | None:
    if get_origin(annotation) is Annotated:
        for meta in get_args(annotation)[1:]:
            tag = getattr(meta, "tag", None)
            if isinstance(tag, str):
                return tag
    return None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    """Strip Annotated and Optional; say whether a discriminated union remains."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            members = [a for a in get_args(annotation) if a is not type(None)]
            if len(members) != 1:
                # A discriminated union: pydantic names the chosen member by its tag in `loc`.
                return annotation, all(_tag(m) is not None for m in members)
            annotation = members[0]
        else:
            return annotation, False


def _steps(model: type[BaseModel], loc: tuple[str | int, ...]) -> tuple[list[_Step], bool]:
    """The keys along `loc`, with what holds each; and whether the error is about a table's key."""
    steps: list[_Step] = []
    annotation: Any = model
    is_dict_key = loc[-1:] == ("[key]",)
    segments = loc[:-1] if is_dict_key else loc
    for index, segment in enumerate(segments):
        annotation, discriminated = _unwrap(annotation)
        if discriminated:
            tagged = {_tag(a): a for a in get_args(annotation)}
            if segment in tagged:
                annotation = tagged[segment]
                continue
            # A key path without pydantic's tag: the member that is a table.
            annotation = next((a for a in tagged.values() if _is_model(_unwrap(a)[0])), None)
            annotation = _unwrap(annotation)[0]
        origin = get_origin(annotation)
        if _is_model(annotation):
            info = next((i for n, i in annotation.model_fields.items() if segment in (n, i.alias)), None)
            container: Container = "other" if info is None else "field" if info.is_required() else "optional-field"
            steps.append(_Step(segment, container, annotation, info.annotation if info else None))
        elif origin is dict:
            # A bad table key is reported against the key's own type.
            key_error = is_dict_key and index == len(segments) - 1
            steps.append(_Step(segment, "dict", None, get_args(annotation)[0 if key_error else 1]))
        elif origin in (list, tuple):
            steps.append(_Step(segment, "list", None, get_args(annotation)[0]))
        else:
            steps.append(_Step(segment, "other", None, None))
        annotation = steps[-1].annotation
    return steps, is_dict_key


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _key_name(path: KeyPath) -> str:
    """The key as a person finds it in the file: `languages #2` for an array entry."""
    names = [s for s in path if isinstance(s, str)]
    name = names[-1] if names else ""
    if path and isinstance(path[-1], int):
        return f"{name} #{path[-1] + 1}"
    return name


def _suggestion(parent: type[BaseModel] | None, key: str) -> str | None:
    if parent is None:
        return None
    known = [info.alias or name for name, info in parent.model_fields.items()]
    matches = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _finding(root: Root, steps: list[_Step], is_dict_key: bool, err: ErrorDetails) -> Finding:
    path: KeyPath = tuple(step.key for step in steps)
    last = steps[-1] if steps else None
    kind = err["type"]
    ctx = dict(err.get("ctx") or {})
    key = _key_name(path)
    if kind == "missing":
        return Finding("schema.missing-key", root, path, {"key": key})
    if kind == "extra_forbidden":
        suggestion = _suggestion(last.parent if last else None, key)
        if suggestion:
            return Finding("schema.unknown-key-suggest", root, path, {"key": key, "suggestion": suggestion})
        return Finding("schema.unknown-key", root, path, {"key": key})
    if kind == "literal_error":
        expected = _unwrap(last.annotation)[0] if last else None
        allowed = list(get_args(expected)) if get_origin(expected) is Literal else []
        code = "schema.key-not-allowed" if is_dict_key else "schema.not-allowed"
        return Finding(code, root, path, {"key": key, "value": err["input"], "allowed": allowed})
    if kind in _EXPECTED:
        return Finding(_EXPECTED[kind], root, path, {"key": key})
    if kind in ("less_than_equal", "less_than"):
        return Finding("schema.too-large", root, path, {"key": key, "limit": ctx.get("le", ctx.get("lt"))})
    if kind in ("greater_than_equal", "greater_than"):
        return Finding("schema.too-small", root, path, {"key": key, "limit": ctx.get("ge", ctx.get("gt"))})
    if kind == "too_short":
        return Finding("schema.too-few", root, path, {"key": key, "limit": ctx.get("min_length")})
    if "." in kind:
        # Our own validators raise PydanticCustomError with a code as the error type.
        return Finding(kind, root, path, ctx)
    return Finding("schema.invalid", root, path, {"key": key})


@dataclass
class Repairs:
    """What `validate` took out to build a model, so that cross-checks on the rest are
    located in the original file and nothing is reported about what was taken out."""

    kept: dict[KeyPath, list[int]] = field(default_factory=dict)  # list path -> original indices
    removed: set[KeyPath] = field(default_factory=set)  # original paths of optional keys taken out
    dropped: set[tuple[str, str]] = field(default_factory=set)  # (collection, id) of entries taken out

    def original(self, path: KeyPath) -> KeyPath:
        result: list[str | int] = []
        for key in path:
            kept = self.kept.get(tuple(result))
            result.append(kept[key] if kept is not None and isinstance(key, int) else key)
        return tuple(result)

    def touches(self, collection: str, entry: str | None) -> bool:
        """Whether the entry (or, with None, any entry) of a collection was taken out."""
        return any(c == collection and entry in (None, e) for c, e in self.dropped)

    def covers(self, path: KeyPath) -> bool:
        return any(path[: len(removed)] == removed for removed in self.removed)


def _removal(steps: list[_Step], missing: bool) -> int | None:
    """How many leading keys name the part to take out for an error at `steps`.

    A whole entry of a list or table (a member, an item, a decision class) rather than one of
    its keys: a key's default could say something the file did not, and mislead the checks.
    Outside entries, the deepest optional key.
    """
    usable = steps[:-1] if missing else steps
    for depth, step in enumerate(usable, start=1):
        if step.container in ("list", "dict"):
            return depth
    for depth in range(len(usable), 0, -1):
        if usable[depth - 1].container == "optional-field":
            return depth
    return None


def _take_out(data: Any, path: KeyPath, container: Container, repairs: Repairs) -> None:
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    entry = parent[path[-1]]
    collection = str(path[-2]) if len(path) >= 2 else ""
    if container == "list" and isinstance(entry, dict) and isinstance(entry.get("id"), str):
        repairs.dropped.add((collection, entry["id"]))
    elif container == "dict":
        repairs.dropped.add((collection, str(path[-1])))
    elif container == "optional-field":
        repairs.removed.add(repairs.original(path))
    del parent[path[-1]]
    if container == "list":
        original = repairs.original(path[:-1])
        kept = repairs.kept.setdefault(original, list(range(len(parent) + 1)))
        del kept[path[-1]]  # type: ignore[arg-type]


def _errors(model: type[BaseModel], data: Any) -> tuple[BaseModel | None, list[ErrorDetails]]:
    try:
        return model.model_validate(data, context=LOADING), []
    except ValidationError as exc:
        return None, exc.errors(include_url=False)


_REPAIR_ROUNDS = 4


def validate(model: type[M], data: Any, root: Root) -> tuple[M | None, list[Finding], Repairs]:
    """The model, or the best model after taking the bad parts out; and every schema finding.

    Findings are those of the document as written; a repair may take a few rounds (taking
    out a key can break a rule that spans keys) but reports nothing new.
    """
    repairs = Repairs()
    built, errors = _errors(model, data)
    findings = [_finding(root, *_steps(model, tuple(e["loc"])), e) for e in errors]
    if built is not None or not isinstance(data, dict):
        return built, findings, repairs  # type: ignore[return-value]
    repaired = copy.deepcopy(data)  # only a document with errors is repaired: a council's is large
    for _ in range(_REPAIR_ROUNDS):
        if built is not None:
            break
        removals: dict[KeyPath, Container] = {}
        for err in errors:
            steps = _steps(model, tuple(err["loc"]))[0]
            depth = _removal(steps, err["type"] == "missing")
            if depth is None:
                return None, findings, Repairs()
            removals[tuple(step.key for step in steps[:depth])] = steps[depth - 1].container
        # Inner parts first, and list entries from the end, so that no removal shifts another.
        order = sorted(removals, key=lambda p: (len(p), p[-1] if isinstance(p[-1], int) else -1), reverse=True)
        for path in order:
            if not any(path[:n] in removals for n in range(1, len(path))):
                _take_out(repaired, path, removals[path], repairs)
        built, errors = _errors(model, repaired)
    return built, findings, repairs  # type: ignore[return-value]
