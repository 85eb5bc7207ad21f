"""Parse TOML with the standard library, turning its one English error into a located code."""

from __future__ import annotations

import ast
import re
import tomllib
import unicodedata
from typing import Any

from meeting.diagnostics import Diagnostic, error
from meeting.loader.read import Source

# tomllib's messages, matched by their start, and the code each one becomes.
_TOMLLIB_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Expected newline or end of document after a statement", "toml.expected-newline"),
    ("Invalid value", "toml.invalid-value"),
    ("Cannot overwrite a value", "toml.overwrite"),
    ("Expected '=' after a key in a key/value pair", "toml.expected-equals"),
    ("Invalid initial character for a key part", "toml.invalid-key"),
    ("Unescaped '\\' in a string", "toml.bad-escape"),
    ("Invalid statement", "toml.invalid-statement"),
    ("Expected ']' at the end of a table declaration", "toml.unclosed-table-header"),
    ("Expected ']]' at the end of an array declaration", "toml.unclosed-array-header"),
    ("Invalid hex value", "toml.bad-hex"),
    ("Escaped character is not a Unicode scalar value", "toml.bad-codepoint"),
    ("Illegal character ", "toml.illegal-character"),
    ("Found invalid character ", "toml.illegal-character"),
    ("Unclosed array", "toml.unclosed-array"),
    ("Unclosed inline table", "toml.unclosed-inline-table"),
    ("Unterminated string", "toml.unterminated-string"),
    ("Invalid date or datetime", "toml.bad-datetime"),
    ("Cannot declare ", "toml.duplicate-table"),
    ("Duplicate inline table key ", "toml.duplicate-key"),
    ("Cannot mutate immutable namespace ", "toml.immutable"),
    ("Cannot redefine namespace ", "toml.redefine"),
    ("Expected ", "toml.expected"),
)
_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _literal(text: str) -> Any:
    try:
        return ast.literal_eval(text.split(" twice")[0])
    except (ValueError, SyntaxError):
        return text


def _char_name(char: str) -> str:
    if char.isprintable() and not char.isspace():
        return f"'{char}'"
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'control character')})"


def _params(code: str, detail: str) -> dict[str, str]:
    """The parameter a message carries: the key, character or token tomllib named."""
    value = _literal(detail)
    if code == "toml.illegal-character" and isinstance(value, str) and len(value) == 1:
        return {"char": _char_name(value)}
    if code in ("toml.duplicate-table", "toml.immutable", "toml.redefine") and isinstance(value, tuple):
        return {"key": ".".join(map(str, value))}
    if code == "toml.duplicate-key":
        return {"key": str(value)}
    if code == "toml.expected":
        return {"what": str(value)}
    return {}


def _end_of(text: str) -> tuple[int, int]:
    lines = text.replace("\r\n", "\n").split("\n")
    return len(lines), len(lines[-1]) + 1


def syntax_error(source: Source, exc: tomllib.TOMLDecodeError) -> Diagnostic:
    message = str(exc)
    where = _WHERE.search(message)
    head = message[: where.start()] if where else message
    if where and where[1]:
        line, col = int(where[1]), int(where[2])
    else:
        line, col = _end_of(source.text)
    for prefix, code in _TOMLLIB_MESSAGES:
        if head.startswith(prefix):
            return error(source.path, code, line, col, **_params(code, head[len(prefix) :]))
    return error(source.path, "toml.syntax", line, col)


def _deepest_nesting(text: str) -> tuple[int, int]:
    """Where brackets first nest deeper than tomllib's recursion allows (strings aside is
    good enough: only a pathological file gets here)."""
    depth, line, col = 0, 1, 0
    for char in text:
        col += 1
        if char == "\n":
            line, col = line + 1, 0
        elif char in "[{":
            depth += 1
            if depth > 100:
                return line, col
        elif char in "]}":
            depth -= 1
    return 1, 1


def parse_toml(source: Source) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    try:
        return tomllib.loads(source.text), []
    except tomllib.TOMLDecodeError as exc:
        return None, [syntax_error(source, exc)]
    except RecursionError:
        line, col = _deepest_nesting(source.text)
        return None, [error(source.path, "toml.too-deep", line, col)]
