"""How every subcommand reports: diagnostics on stderr, `--json` results on stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from meeting.diagnostics import Diagnostic, diagnostic_json, format_diagnostic, has_errors


def print_diagnostics(diagnostics: Iterable[Diagnostic]) -> None:
    for d in diagnostics:
        print(format_diagnostic(d), file=sys.stderr)


def json_result(diagnostics: list[Diagnostic], **extra: Any) -> dict[str, Any]:
    return {
        "ok": not has_errors(diagnostics),
        "errors": [diagnostic_json(d) for d in diagnostics if d.severity == "error"],
        "warnings": [diagnostic_json(d) for d in diagnostics if d.severity == "warning"],
        **extra,
    }
