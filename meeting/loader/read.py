"""The one way the program reads a file: regular files only, every read bounded.

A FIFO would hang a read forever and /dev/zero would fill the memory, so anything that is not
a regular file is refused before a byte is read (`PATH:1:1: error: not a regular file`).
Whole files (council, agenda, script) are capped at 4 MiB; a journal is read line by line,
each line with its own cap (`meeting.journal` reads it through `open_regular`). Text is UTF-8, a leading BOM allowed.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
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


class NotRegular(OSError):
    """A path that names a FIFO, a device, a socket or a folder: never read from."""


def open_regular(path: Path, flags: int = os.O_RDONLY, mode: int = 0o644) -> int:
    """A descriptor on `path`, which must be a regular file (checked before opening it, and
    again on the open descriptor, in case the name was swapped in between). O_NONBLOCK keeps
    the open itself from waiting on a FIFO; it changes nothing for a regular file."""
    try:
        before = os.stat(path)
    except FileNotFoundError:
        if not flags & os.O_CREAT:
            raise
    else:
        _regular(before.st_mode, path)
    fd = os.open(path, flags | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        _regular(os.fstat(fd).st_mode, path)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _regular(mode: int, path: Path) -> None:
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(mode):
        raise NotRegular(errno.EINVAL, "not a regular file", str(path))


def not_regular(path: Path, shown: str) -> Diagnostic | None:
    """The error for a path that leads to something other than a regular file (a folder, a
    device, a FIFO), as reading it would say; None for a regular file or nothing there."""
    try:
        _regular(os.stat(path).st_mode, path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return reading_error(shown, exc)
    return None


def resolved(path: Path) -> Path:
    """The path made absolute, its symbolic links followed where they lead somewhere; a loop
    of links is kept as named (opening it says ELOOP)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return path.absolute()


def same_path(one: Path, other: Path) -> bool:
    """Whether two paths lead to the same place, their symbolic links followed. A loop of links
    leads nowhere, so to nothing the other path leads to: False, and opening it says ELOOP."""
    try:
        return one.resolve() == other.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop, before Python 3.13
        return False


def reading_error(shown: str, exc: OSError) -> Diagnostic:
    """The diagnostic for a file that could not be opened for reading."""
    if isinstance(exc, NotRegular):
        return error(shown, "file.not-regular")
    return file_error(shown, exc)


def read_bounded(path: Path, shown: str, limit: int = MAX_BYTES) -> bytes | Diagnostic:
    """A regular file's bytes, at most `limit` of them (more is `file.too-large`)."""
    try:
        fd = open_regular(path)
    except OSError as exc:
        return reading_error(shown, exc)
    with os.fdopen(fd, "rb") as file:
        try:
            data = file.read(limit + 1)
            size = os.fstat(fd).st_size
        except OSError as exc:
            return file_error(shown, exc)
    if len(data) > limit:
        return error(shown, "file.too-large", size=max(len(data), size), limit=limit)
    return data


def _position_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    col = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def read_source(path: Path, shown: str | None = None) -> tuple[Source | None, list[Diagnostic]]:
    """The file's text, or the reason it cannot be had (located at PATH:1:1 or at the bad byte)."""
    shown = shown if shown is not None else str(path)
    data = read_bounded(path, shown)
    if isinstance(data, Diagnostic):
        return None, [data]
    body = data[len(_BOM) :] if data.startswith(_BOM) else data
    if not body:
        return None, [error(shown, "file.empty")]
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _position_of_byte(body, exc.start)
        return None, [error(shown, "file.not-utf8", line, col, byte=f"{body[exc.start]:02X}")]
    return Source(shown, text, hashlib.sha256(data).hexdigest()), []
