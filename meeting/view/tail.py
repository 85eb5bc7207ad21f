"""Reading what another program appends to a file: complete lines from a byte offset.

The chair's console writes each journal line whole and fsyncs it; until its newline is on
disk a line is not there yet, so a partial last line waits for the next look. Only the bytes
after `offset` are read, never the whole file again, and a line is bounded.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

# A journal line: its first holds the council and agenda, so it may be long, but never more
# than a file the loader accepts.
MAX_LINE = 4 * 1024 * 1024
# Read at most this much in one look, so catching up on a long journal keeps the screen alive.
MAX_READ = 8 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Tail:
    """What one look at the file found."""

    lines: list[bytes] = field(default_factory=list)  # complete lines, without their newline
    end: int = 0  # the offset just after the last complete line
    identity: tuple[int, int] | None = None  # (device, inode): a journal put in its place is another file
    size: int = 0
    problem: str | None = None  # a code: file.missing, view.not-regular, file.unreadable, view.line-too-long
    reason: str | None = None


def new_lines(path: Path, offset: int, max_line: int = MAX_LINE, max_read: int = MAX_READ) -> Tail:
    """The complete lines after `offset`; a file that shrank below `offset` is reported by its
    `size`, and the caller decides (the writer cut off a torn line, or the file was replaced)."""
    try:
        # Non-blocking, so a FIFO put where the journal should be cannot hang the view.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        return Tail(end=offset, problem="file.missing")
    except OSError as exc:
        return Tail(end=offset, problem="file.unreadable", reason=errno.errorcode.get(exc.errno or 0, "EIO"))
    try:
        info = os.fstat(fd)
        identity = (info.st_dev, info.st_ino)
        if not stat.S_ISREG(info.st_mode):
            return Tail(end=offset, identity=identity, problem="view.not-regular")
        if info.st_size <= offset:
            return Tail(end=offset, identity=identity, size=info.st_size)
        data = os.pread(fd, min(info.st_size - offset, max_read), offset)
    except OSError as exc:
        return Tail(end=offset, problem="file.unreadable", reason=errno.errorcode.get(exc.errno or 0, "EIO"))
    finally:
        os.close(fd)
    lines: list[bytes] = []
    end = 0
    while (newline := data.find(b"\n", end)) >= 0 and newline - end <= max_line:
        lines.append(data[end:newline])
        end = newline + 1
    # A line past the bound, complete or still growing, is not a journal this program writes.
    problem = "view.line-too-long" if data.find(b"\n", end) >= 0 or len(data) - end > max_line else None
    return Tail(lines, offset + end, identity, info.st_size, problem)
