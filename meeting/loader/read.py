"""Read a text file the way every command does: size-limited, UTF-8, BOM allowed."""

from __future__ import annotations

import errno
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from meeting.diagnostics import Diagnostic, error
from meeting.loader.positions import KeyPath, Position, key_positions, locate

MAX_BYTES = 4 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


@dataclass(frozen=True)
class Source:
    """A file's text as read, with what is needed to point into it."""

    path: str  # as the user named it, for diagnostics
    text: str
    sha256: str
    _positions: dict[KeyPath, Position] = field(default_factory=dict, repr=False, compare=False)

    def locate(self, path: KeyPath) -> Position:
        if not self._positions:
            self._positions.update(key_positions(self.text))
        return locate(self._positions, path)


def file_error(path: str, exc: OSError) -> Diagnostic:
    if isinstance(exc, FileNotFoundError):
        return error(path, "file.missing")
    if isinstance(exc, IsADirectoryError):
        return error(path, "file.is-directory")
    reason = errno.errorcode.get(exc.errno or 0, "EIO")
    return error(path, "file.unreadable", reason=reason)


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def read_source(path: Path, shown: str | None = None) -> tuple[Source | None, list[Diagnostic]]:
    """The file's text, or the reason it cannot be had (located at PATH:1:1 or at the bad byte)."""
    shown = shown if shown is not None else str(path)
    try:
        if path.is_dir():
            return None, [error(shown, "file.is-directory")]
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        return None, [file_error(shown, exc)]
    if len(data) > MAX_BYTES:
        size = max(len(data), _size_on_disk(path))
        return None, [error(shown, "file.too-large", size=size, limit=MAX_BYTES)]
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    if not body:
        return None, [error(shown, "file.empty")]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of_byte(body, exc.start)
        return None, [error(shown, "file.not-utf8", line, col, byte=f"{body[exc.start]:02X}")]
    return Source(shown, text, hashlib.sha256(data).hexdigest()), []


def _size_on_disk(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0
