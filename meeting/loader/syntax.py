"""Parse TOML with tomli, turning its one English error into a located code.

tomli (pinned to its 2.3 series: TOML 1.0) gives the message, line and column as attributes;
only the message is matched, to name the problem with a code. Anything the parser accepts but
the rest of the program could not take (nesting deep enough to exhaust recursion, control
characters in strings) is refused here too, located.
"""

from __future__ import annotations

import ast
import re
import unicodedata
from collections.abc import Iterator
from typing import Any

import tomli

from meeting.diagnostics import Diagnostic, error
from meeting.domain.text import code_point, first_forbidden
from meeting.loader.positions import KeyPath
from meeting.loader.read import Source

# tomli's messages, matched by their start, and the code each one becomes.
_TOML_MESSAGES: tuple[tuple[str, str], ...] = (
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


def syntax_error(source: Source, exc: tomli.TOMLDecodeError) -> Diagnostic:
    for prefix, code in _TOML_MESSAGES:
        if exc.msg.startswith(prefix):
            return error(source.path, code, exc.lineno, exc.colno, **_params(code, exc.msg[len(prefix) :]))
    return error(source.path, "toml.syntax", exc.lineno, exc.colno)


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


_LONG_NUMBER = re.compile(r"[0-9][0-9_]{4300,}")


def _long_number(text: str) -> tuple[int, int]:
    found = _LONG_NUMBER.search(text)
    if found is None:
        return 1, 1
    start = found.start()
    return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)


# Far deeper than any council or agenda nests (four or five levels), and shallow enough that
# every later step (validation, repair, positions) stays clear of Python's recursion limit.
MAX_DEPTH = 50


# A key's parts: bare, "basic" or 'literal'; and a dotted key of more parts than MAX_DEPTH,
# starting at a word's start (so a long word is not tried at each of its letters).
_KEY_PART = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_DOTS = r"[ \t]*+\.[ \t]*+"
_LONG_KEY = re.compile(rf"(?<![A-Za-z0-9_-]){_KEY_PART}(?:{_DOTS}{_KEY_PART}){{{MAX_DEPTH},}}")
# The file read as tomli reads it, coarsely: multi-line strings and comments, which may hold
# anything, then dotted keys (any other string is a key of one part).
_ML_BASIC = r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+"""(?:""?)?'
_ML_LITERAL = r"'''[\s\S]*?'''(?:''?)?"
_TOKEN = re.compile(rf"{_ML_BASIC}|{_ML_LITERAL}|#[^\n]*+|(?P<key>{_KEY_PART}(?:{_DOTS}{_KEY_PART})*+)")


def _long_dotted_key(text: str) -> tuple[int, int] | None:
    """Where a dotted key or table header first has more parts than MAX_DEPTH, or None. tomli
    takes time and memory that grow with the square of a key's parts (a key of 40,000 took 36 s
    and 6 GB), before `_too_deep` could refuse it, so this looks first, at the text. A quick
    search finds any run of dotted words, then, only if there is one (a file written to harm,
    or a text that spells one), the reading from the start tells whether it is in a string."""
    if _LONG_KEY.search(text) is None:
        return None
    for token in _TOKEN.finditer(text):
        key = token.group("key")
        if key is not None and key.count(".") >= MAX_DEPTH and _LONG_KEY.match(key):
            start = token.start()
            return text.count("\n", 0, start) + 1, start - text.rfind("\n", 0, start)
    return None


def parse_toml(source: Source) -> tuple[dict[str, Any] | None, list[Diagnostic]]:
    long_key = _long_dotted_key(source.text)
    if long_key is not None:
        return None, [error(source.path, "toml.too-deep", *long_key)]
    try:
        data = tomli.loads(source.text)
    except tomli.TOMLDecodeError as exc:
        return None, [syntax_error(source, exc)]
    except RecursionError:
        line, col = _deepest_nesting(source.text)
        return None, [error(source.path, "toml.too-deep", line, col)]
    except ValueError:  # an integer past Python's limit on digits converted (4,300)
        line, col = _long_number(source.text)
        return None, [error(source.path, "toml.number-too-long", line, col)]
    too_deep = _too_deep(data)
    if too_deep is not None:
        position = source.locate(too_deep)
        return None, [error(source.path, "toml.too-deep", position.line, position.col)]
    return data, _control_characters(source, data)


def _walk(data: Any) -> Iterator[tuple[KeyPath, Any, Any]]:
    """Every (key path, key, value) of a parsed document, without recursion."""
    stack: list[tuple[KeyPath, Any]] = [((), data)]
    while stack:
        path, value = stack.pop()
        children = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, child in children:
            child_path = (*path, key)
            yield child_path, key, child
            stack.append((child_path, child))


def _too_deep(data: dict[str, Any]) -> KeyPath | None:
    """The first key path nested deeper than `MAX_DEPTH` (table headers and dotted keys nest
    without brackets), or None."""
    return next((path for path, _key, _value in _walk(data) if len(path) > MAX_DEPTH), None)


def _control_characters(source: Source, data: dict[str, Any]) -> list[Diagnostic]:
    """A control character or bidi override in a key or a string, located at its key: TOML
    escapes (`\\u001b`) let them in, and no name, title or text needs one."""
    found = []
    for path, key, value in _walk(data):
        for text, at in ((key, path[:-1]), (value, path)):
            bad = first_forbidden(text) if isinstance(text, str) else None
            if bad is not None:
                position = source.locate(at)
                found.append(
                    error(
                        source.path, "text.control-character", position.line, position.col, char=code_point(text[bad])
                    )
                )
    return found


def agenda_id(source: Source) -> str | None:
    """The `id` an agenda file gives its meeting, read without validating the rest; None when
    the file does not parse or gives no id (loading it says why)."""
    return _agenda_text(source, "id")


def agenda_language(source: Source) -> str | None:
    """The `language` an agenda file gives its meeting, read as `agenda_id` reads the id: the
    console speaks it from its first frame, before the meeting is validated."""
    return _agenda_text(source, "language")


def _agenda_text(source: Source, key: str) -> str | None:
    data, problems = parse_toml(source)
    value = data.get(key) if data is not None and not problems else None
    return value if isinstance(value, str) else None
