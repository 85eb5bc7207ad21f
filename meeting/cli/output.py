"""How every subcommand reports: diagnostics on stderr, `--json` results on stdout."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from meeting.diagnostics import Diagnostic, diagnostic_json, format_diagnostic, has_errors


def printable_streams() -> None:
    """Output never fails on a character the terminal's encoding lacks (a Latin-1 locale,
    PYTHONIOENCODING=ascii): it is written as a backslash escape instead, on stdout as Python
    already does on stderr; a name like Adébáyọ̀ must not stop a command that did its work."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a test's capture may not have it
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


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
