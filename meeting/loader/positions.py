"""Map TOML key paths (as in pydantic error locations) back to source positions.

``tomllib`` gives no positions, so the source is re-scanned just far enough to
follow its structure.  The scanner is forgiving: it never raises and stops at the
first thing it cannot follow.  Nested values use an explicit stack, not recursion.
"""

import string
from bisect import bisect_right
from contextlib import suppress
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Position:
    line: int  # 1-based
    col: int  # 1-based, counts characters (code points), not bytes


KeyPath = tuple[str | int, ...]

_BARE_KEY_CHARS = frozenset(string.ascii_letters + string.digits + "_-")
_HEX_DIGITS = frozenset(string.hexdigits)
_ESCAPES = {"b": "\b", "t": "\t", "n": "\n", "f": "\f", "r": "\r", '"': '"', "\\": "\\"}
_UNICODE_ESCAPE_WIDTH = {"u": 4, "U": 8}
# A bare value (number, bool, date...) runs until one of these; a datetime may
# contain a space, so whitespace is not a terminator.
_SCALAR_END = frozenset(",]}#\r\n")
# Far deeper than tomllib itself can nest (~400 levels); bounding key-path
# length keeps pathological input from costing quadratic time and memory.
_MAX_DEPTH = 1000


class _Stop(Exception):
    """Raised internally when the scanner meets text it cannot follow."""


@dataclass(slots=True)
class _Frame:
    """An open array (``[``) or inline table (``{``) whose contents are being scanned."""

    path: KeyPath
    is_array: bool
    count: int = 0  # elements seen so far (arrays only)


@dataclass(slots=True)
class _Scanner:
    text: str
    i: int = 0
    positions: dict[KeyPath, Position] = field(default_factory=dict)
    # Array-of-tables path -> number of `[[...]]` headers seen for it.
    aot_counts: dict[KeyPath, int] = field(default_factory=dict)
    line_starts: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.line_starts = [0] + [n + 1 for n, c in enumerate(self.text) if c == "\n"]

    def _at(self, chars: str | frozenset[str]) -> bool:
        return self.i < len(self.text) and self.text[self.i] in chars

    def _skip(self, chars: str) -> None:
        while self._at(chars):
            self.i += 1

    def _expect(self, char: str) -> None:
        if not self._at(char):
            raise _Stop
        self.i += 1

    def _skip_blank(self) -> None:
        """Skip whitespace, newlines and comments."""
        while True:
            self._skip(" \t\r\n")
            if not self._at("#"):
                return
            while self.i < len(self.text) and self.text[self.i] != "\n":
                self.i += 1

    def _end_of_line(self) -> None:
        """After a header or top-level key/value only a comment may follow on the line."""
        self._skip(" \t\r")
        if self._at("#"):
            self._skip_blank()
        elif self.i < len(self.text) and not self._at("\n"):
            raise _Stop

    def _position(self, offset: int) -> Position:
        line = bisect_right(self.line_starts, offset)
        return Position(line, offset - self.line_starts[line - 1] + 1)

    def _mark(self, path: KeyPath, offset: int) -> None:
        """Record ``path`` unless already mapped: the first place that mentions it wins."""
        if len(path) > _MAX_DEPTH:
            raise _Stop
        if path not in self.positions:
            self.positions[path] = self._position(offset)

    def _string(self) -> str:
        """Consume a single-line basic or literal string and return its value."""
        quote = self.text[self.i]
        self.i += 1
        out: list[str] = []
        while self.i < len(self.text) and self.text[self.i] != "\n":
            c = self.text[self.i]
            self.i += 1
            if c == quote:
                return "".join(out)
            out.append(self._escape() if c == "\\" and quote == '"' else c)
        raise _Stop  # unterminated

    def _escape(self) -> str:
        """Decode the escape sequence after a backslash in a basic string."""
        c = self.text[self.i : self.i + 1]
        self.i += 1
        if c in _ESCAPES:
            return _ESCAPES[c]
        width = _UNICODE_ESCAPE_WIDTH.get(c)
        digits = self.text[self.i : self.i + width] if width else ""
        if width and len(digits) == width and _HEX_DIGITS.issuperset(digits):
            code = int(digits, 16)
            if code <= 0x10FFFF:
                self.i += width
                return chr(code)
        raise _Stop

    def _skip_multiline_string(self) -> None:
        quote = self.text[self.i]
        self.i += 3
        while self.i < len(self.text):
            if self.text[self.i] == "\\" and quote == '"':
                self.i += 2  # also covers a line-ending backslash
                continue
            run_start = self.i
            while self._at(quote):
                self.i += 1
            # Up to two quotes may sit just before the closing delimiter
            # (`""""x"""""`), so any run of three or more ends the string.
            if self.i - run_start >= 3:
                return
            if self.i == run_start:
                self.i += 1
        raise _Stop

    def _key(self) -> list[tuple[str, int]]:
        """Parse a possibly dotted key into ``(segment, offset)`` pairs."""
        segments: list[tuple[str, int]] = []
        while True:
            self._skip(" \t")
            start = self.i
            if self._at("\"'"):
                if self.text.startswith(self.text[start] * 3, start):
                    raise _Stop  # multi-line strings cannot be keys
                name = self._string()
            else:
                while self._at(_BARE_KEY_CHARS):
                    self.i += 1
                if self.i == start:
                    raise _Stop
                name = self.text[start : self.i]
            segments.append((name, start))
            self._skip(" \t")
            if not self._at("."):
                return segments
            self.i += 1

    def _keyval(self, table: KeyPath, stack: list[_Frame]) -> None:
        """Map ``key = `` relative to ``table`` and start scanning its value."""
        path = table
        for name, offset in self._key():
            path += (name,)
            self._mark(path, offset)
        self._skip(" \t")
        self._expect("=")
        self._begin_value(path, stack)

    def _begin_value(self, path: KeyPath, stack: list[_Frame]) -> None:
        """Consume a scalar value, or open an array / inline table on ``stack``."""
        self._skip(" \t")
        if self._at("[{"):
            stack.append(_Frame(path, is_array=self.text[self.i] == "["))
            self.i += 1
        elif self._at("\"'"):
            if self.text.startswith(self.text[self.i] * 3, self.i):
                self._skip_multiline_string()
            else:
                self._string()
        else:
            start = self.i
            while self.i < len(self.text) and self.text[self.i] not in _SCALAR_END:
                self.i += 1
            if self.i == start:
                raise _Stop  # missing value

    def _finish_values(self, stack: list[_Frame]) -> None:
        """Scan until every array and inline table opened on ``stack`` is closed."""
        while stack:
            frame = stack[-1]
            # Arrays may span lines and hold comments; inline tables are
            # allowed the same freedom (TOML 1.1) since we do not validate.
            self._skip_blank()
            if self._at("]" if frame.is_array else "}"):
                self.i += 1
                stack.pop()
            elif self._at(","):
                self.i += 1
            elif frame.is_array:
                element = (*frame.path, frame.count)
                frame.count += 1
                self._mark(element, self.i)
                self._begin_value(element, stack)
            else:
                self._keyval(frame.path, stack)

    def _header(self) -> KeyPath:
        """Parse ``[a.b]`` or ``[[a.b]]`` and return the table path it opens."""
        start = self.i
        self.i += 1
        is_array = self._at("[")
        if is_array:
            self.i += 1
        segments = self._key()
        self._expect("]")
        if is_array:
            self._expect("]")
        path: KeyPath = ()
        for name, offset in segments[:-1]:
            path += (name,)
            self._mark(path, offset)
            # Like TOML, a prefix naming an array of tables means its latest element.
            if path in self.aot_counts:
                path += (self.aot_counts[path] - 1,)
        path += (segments[-1][0],)
        if is_array:
            self._mark(path, start)
            index = self.aot_counts.get(path, 0)
            self.aot_counts[path] = index + 1
            path += (index,)
        # A header is the table's explicit definition, so it beats an earlier
        # implicit mention such as the `a` of a preceding `[a.b]`.
        self.positions[path] = self._position(start)
        return path

    def scan(self) -> None:
        table: KeyPath = ()
        while True:
            self._skip_blank()
            if self.i >= len(self.text):
                return
            if self._at("["):
                table = self._header()
            else:
                stack: list[_Frame] = []
                self._keyval(table, stack)
                self._finish_values(stack)
            self._end_of_line()


def key_positions(text: str) -> dict[KeyPath, Position]:
    """Map every key path defined in TOML ``text`` to where it is defined.

    Never raises: on text it cannot follow it returns what it mapped so far.
    """
    scanner = _Scanner(text)
    with suppress(_Stop):
        scanner.scan()
    return scanner.positions


def locate(positions: dict[KeyPath, Position], path: KeyPath) -> Position:
    """Position of the longest prefix of ``path`` in ``positions``, else ``(1, 1)``.

    A missing key thus reports the table that should have contained it.
    """
    for end in range(len(path), 0, -1):
        found = positions.get(path[:end])
        if found is not None:
            return found
    return Position(1, 1)
