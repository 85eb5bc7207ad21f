"""Diagnostics: errors and warnings as values with a location, formatted in one place.

Every part of the program (loader, journal, replay, console) reports problems as
`Diagnostic` values; `format_diagnostic` turns one into the line a person reads,
`PATH:LINE:COL: error: message`, and `diagnostic_json` into the `--json` form.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from meeting.domain.text import visible

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    line: int
    col: int
    severity: Severity
    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def message(self) -> str:
        # The messages bring the domain's vocabulary, and pydantic with it: the console is drawn
        # before they are needed (meeting.tui.app).
        from meeting.messages import render

        return render(self.code, self.params)


def error(path: str, code: str, line: int = 1, col: int = 1, **params: Any) -> Diagnostic:
    return Diagnostic(path, line, col, "error", code, params)


def warning(path: str, code: str, line: int = 1, col: int = 1, **params: Any) -> Diagnostic:
    return Diagnostic(path, line, col, "warning", code, params)


def format_diagnostic(d: Diagnostic) -> str:
    # The severity word stays English: editors and outside checks match `error:` literally.
    return f"{visible(d.path)}:{d.line}:{d.col}: {d.severity}: {d.message}"


def diagnostic_json(d: Diagnostic) -> dict[str, Any]:
    return {
        "path": visible(d.path),
        "line": d.line,
        "col": d.col,
        "severity": d.severity,
        "code": d.code,
        "message": d.message,
    }


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.severity == "error" for d in diagnostics)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """In reading order, file by file, so a person can fix them top to bottom."""
    return sorted(diagnostics, key=lambda d: (d.path, d.line, d.col))
