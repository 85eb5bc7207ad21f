"""Problems found in the council's files: a code, its parameters, and where it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# The first element says which document the rest of the path is in:
# "council" (the council file or inline table), "agenda", or "rules" (the rules in force,
# which live in the agenda where it overrides them and in the council otherwise).
Root = Literal["council", "agenda", "rules"]
KeyPath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    root: Root
    path: KeyPath
    params: dict[str, Any] = field(default_factory=dict)
    severity: Literal["error", "warning"] = "error"
    # What the finding was computed from, when that is a whole collection ("members", None)
    # or one entry of it ("members", "gh-1"): a finding about an entry that could not be read
    # is not worth reporting.
    depends_on: tuple[str, str | None] | None = None


def warning(code: str, root: Root, path: KeyPath, **params: Any) -> Finding:
    return Finding(code, root, path, params, "warning")


def problem(code: str, root: Root, path: KeyPath, **params: Any) -> Finding:
    return Finding(code, root, path, params, "error")


def count_problem(code: str, root: Root, path: KeyPath, collection: str, **params: Any) -> Finding:
    """A problem with a count over a whole collection (seats, regions, items)."""
    return Finding(code, root, path, params, "error", (collection, None))


def unknown(code: str, root: Root, path: KeyPath, collection: str, id: str) -> Finding:
    """A reference to an id that `collection` does not hold."""
    return Finding(code, root, path, {"id": id}, "error", (collection, id))
