"""Reading what another program appends to a file: complete lines from a byte offset.

The chair's console writes each journal line whole and fsyncs it; until its newline is on
disk a line is not there yet, so a partial last line waits for the next look. Only the bytes
after `offset` are read, never the whole file again, through the one reader every command
uses (`meeting.loader.read`: regular files only, each line capped as the journal's are).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from meeting.diagnostics import Diagnostic, error
from meeting.journal import FIRST_LINE_LIMIT, LINE_LIMIT
from meeting.loader.read import file_error, open_regular, reading_error

# Read about this much in one look, so catching up on a long journal keeps the screen alive.
MAX_READ = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Tail:
    """What one look at the file found."""

    lines: list[bytes] = field(default_factory=list)  # complete lines, without their newline
    end: int = 0  # the offset just after the last complete line
    identity: tuple[int, int] | None = None  # (device, inode): a journal put in its place is another file
    size: int = 0
    missing: bool = False  # not there (yet)
    problem: Diagnostic | None = None  # not a regular file, unreadable, a line past its cap


def new_lines(path: Path, offset: int, shown: str, limit: int = LINE_LIMIT, max_read: int = MAX_READ) -> Tail:
    """The complete lines after `offset`; a file that shrank below `offset` is reported by its
    `size`, and the caller decides (the file was replaced, or cut)."""
    try:
        fd = open_regular(path)
    except FileNotFoundError:
        return Tail(end=offset, missing=True)
    except OSError as exc:
        return Tail(end=offset, problem=reading_error(shown, exc))
    lines: list[bytes] = []
    end = offset
    with os.fdopen(fd, "rb") as file:
        try:
            info = os.fstat(fd)
            identity = (info.st_dev, info.st_ino)
            if info.st_size <= offset:
                return Tail(end=offset, identity=identity, size=info.st_size)
            file.seek(offset)
            cap = FIRST_LINE_LIMIT if offset == 0 else limit
            while end - offset < max_read:  # enough for one look
                line = file.readline(cap + 1)
                if not line.endswith(b"\n"):
                    if len(line) > cap:
                        # Counted from the offset: the caller reports it by its own count.
                        problem = error(shown, "journal.line-too-long", len(lines) + 1, limit=cap)
                        return Tail(lines, end, identity, info.st_size, problem=problem)
                    break  # the end, or a line still being written
                lines.append(line[:-1])
                end += len(line)
                cap = limit
        except OSError as exc:
            return Tail(lines, end, identity, problem=file_error(shown, exc))
    return Tail(lines, end, identity, info.st_size)
