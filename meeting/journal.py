"""The journal: one JSON line per event, hash-chained, fsynced before anything is acknowledged.

Line N is `{"seq":N,"ts":"…Z","prev":"<sha256 of line N-1>","event":{…}}`, written in one
canonical form, so the same events and times give the same bytes. Readers (`minutes`,
`verify`, `tally`, `view`) call `read_journal`, which reads line by line, each line capped;
the one writer holds a `Journal`, which locks the journal file itself (so no other name for it,
a symlink, a hard link or another spelling of the path, lets a second writer in), repairs a
torn tail, and keeps an optional mirror identical, locked too.

An edit to line N shows at line N+1, whose `prev` no longer matches; an edit to the last line
can only be seen against a mirror or a hash kept elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import itertools
import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple, Protocol

from meeting.diagnostics import Diagnostic, error, format_diagnostic
from meeting.domain.text import visible
from meeting.loader.read import NotRegular, file_error, open_regular, reading_error, same_path

GENESIS = "0" * 64
_sha256 = hashlib.sha256
# The first line embeds the council and the agenda: room for both at 4 MiB of TOML each, and
# JSON's own quoting. Every other line is one event; the writer never writes a longer one.
FIRST_LINE_LIMIT = 32 * 1024 * 1024
LINE_LIMIT = 1024 * 1024
_KEYS = ["seq", "ts", "prev", "event"]
_HEX64 = re.compile(r"[0-9a-f]{64}")
_TS = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z", re.ASCII)


class Entry(NamedTuple):
    """One line of a journal, read. A tuple: a replay makes 100,000 of them."""

    seq: int
    ts: datetime  # aware, UTC, whole milliseconds
    prev: str
    event: Any  # the JSON object, or the program's event when read through an envelope
    raw: bytes  # the exact line without its newline: what the next line's `prev` hashes
    hash: str  # its SHA-256, computed once: every line needs it

    @property
    def line(self) -> str:
        return self.raw.decode()


class JournalError(Exception):
    """A problem the user can act on, carried as a located Diagnostic."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(format_diagnostic(diagnostic))
        self.diagnostic = diagnostic


def format_ts(dt: datetime) -> str:
    """RFC 3339 UTC with milliseconds, cut rather than rounded so a time never moves forward."""
    return _stamp(cut_ts(dt))


def cut_ts(dt: datetime) -> datetime:
    """The time as the journal keeps it: `parse_ts(format_ts(dt))`, without the text between."""
    if dt.utcoffset() is None:
        raise ValueError("journal times must be aware datetimes")
    utc = dt.astimezone(UTC)
    return utc.replace(microsecond=utc.microsecond - utc.microsecond % 1000)


def _stamp(cut: datetime) -> str:
    """The text of a time already cut (`cut_ts`)."""
    return cut.replace(tzinfo=None).isoformat(timespec="milliseconds") + "Z"


def parse_ts(text: str) -> datetime:
    """The inverse of `format_ts`; only that exact form is accepted."""
    if not _TS.fullmatch(text):
        raise ValueError(f"not a journal time: {text!r}")
    return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)


# One encoder for every line: `json.dumps` with these options would build a new one per call.
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def encode_entry(seq: int, ts: datetime, prev: str, event: dict[str, Any]) -> str:
    return _encode(seq, cut_ts(ts), prev, event)


def _encode(seq: int, cut: datetime, prev: str, event: dict[str, Any]) -> str:
    return _ENCODER.encode({"seq": seq, "ts": _stamp(cut), "prev": prev, "event": event})


class Envelope(Protocol):
    """Reads a whole line at once into its four fields, the event as the program's own type
    (a pydantic TypeAdapter does): one pass instead of JSON, then checks, then validation."""

    def validate_json(self, data: bytes, /) -> Mapping[str, Any]: ...


def read_journal(
    path: Path, shown: str | None = None, envelope: Envelope | None = None
) -> tuple[list[Entry], list[Diagnostic]]:
    """Every good entry up to the first problem, and that problem; never changes the file.

    With an `envelope`, each entry's event is validated into the program's type (a line it
    refuses is `journal.bad-event`); without, events stay JSON objects."""
    shown = str(path) if shown is None else shown
    try:
        fd = open_regular(path)
    except OSError as exc:
        return [], [reading_error(shown, exc)]
    with open(fd, "rb") as file:
        try:
            scan = _scan(file, shown, envelope)
        except OSError as exc:
            return [], [file_error(shown, exc)]
    if not scan.entries and (scan.problem is None or scan.problem.severity == "warning"):
        return [], [error(shown, "journal.empty")]
    if scan.problem is not None and scan.problem.code == "journal.chain-broken":
        # The line the broken link names changed after it was written: not a good entry.
        return scan.entries[:-1], [scan.problem]
    return scan.entries, [] if scan.problem is None else [scan.problem]


def parse_line(raw: bytes, seq: int, prev: str, shown: str, envelope: Envelope | None = None) -> Entry | Diagnostic:
    """One complete line (without its newline) as entry `seq`, chained to the hash `prev`: for a
    reader that follows a journal as another program writes it (`meeting view --follow`)."""
    return _parse(raw, seq, prev, shown, canonical=True, envelope=envelope)


class Journal:
    """The single writer of one journal. Build it with `create` or `open`; close it when done.

    The lock is an flock on the journal file itself (and on the mirror): whatever name a second
    writer uses, it reaches the same file and finds it locked. Closing the file releases it."""

    def __init__(self, path: Path, mirror: Path | None) -> None:
        if mirror is not None and same_path(mirror, path):
            # Each line would be written twice into the one file.
            raise JournalError(error(str(mirror), "journal.mirror-is-journal"))
        self.path = path
        self.mirror = mirror
        self.entries: list[Entry] = []
        self._file: io.FileIO | None = None
        self._mirror_file: io.FileIO | None = None
        # (st_dev, st_ino) of each file open, to see that it is still the one at its path.
        self._identity = self._mirror_identity = (0, 0)
        self._pending: Entry | None = None  # written, not yet synced
        self._torn_at: int | None = None  # where a torn last line starts, until set aside

    @classmethod
    def create(cls, path: Path, first_event: dict[str, Any], ts: datetime, mirror: Path | None = None) -> Journal:
        entry = _checked_entry(1, ts, GENESIS, first_event)  # a bad event fails before any write
        for target in (path, mirror):
            if target is not None and os.path.lexists(target):
                raise JournalError(error(str(target), "journal.exists"))
        journal = cls(path, mirror)
        try:
            journal._start(entry)
        except BaseException:
            journal.close()
            raise
        try:
            journal._open_mirror()
        except BaseException:
            # Nothing was acknowledged: the journal just begun goes, so that the same command
            # run again, once the mirror can be written, starts it afresh.
            with contextlib.suppress(OSError):
                os.unlink(path)
            journal.close()
            raise
        return journal

    @classmethod
    def open(
        cls,
        path: Path,
        mirror: Path | None = None,
        envelope: Envelope | None = None,
        set_aside_now: bool = True,
        accept: Callable[[list[Entry]], None] | None = None,
    ) -> tuple[Journal, list[Diagnostic]]:
        """The journal opened to write. A torn last line is set aside at once, or, unless
        `set_aside_now`, only before the first write: a writer that may append nothing (a
        correction the engine may refuse) leaves the file as it found it. `accept` sees the
        entries read before the journal or its mirror is changed, and raises JournalError to
        refuse them (another meeting's journal): a refused journal is left as it was."""
        journal = cls(path, mirror)
        try:
            warnings = journal._load(envelope)
            if accept is not None:
                accept(journal.entries)
            if set_aside_now:
                journal._set_torn_aside()
            journal._open_mirror()
        except BaseException:
            journal.close()
            raise
        return journal, warnings

    @property
    def last(self) -> Entry:
        return self.entries[-1]

    def append(self, event: dict[str, Any], ts: datetime) -> Entry:
        """Write one event; returns only once it is on disk, in the journal and the mirror.

        If only the mirror fails, JournalError `journal.mirror-failed` is raised AFTER the entry
        is safely in the journal: `self.last` is that entry, so the caller should count the
        command as done and warn that the mirror is behind. The next append catches it up.
        An event too long for one line (`journal.line-too-long`) is refused before any write.
        """
        self.write(event, ts)
        return self.sync()

    def write(self, event: dict[str, Any], ts: datetime) -> Entry:
        """The first half of `append`: the line written and on its way to the disk, but not
        yet safe, nor `self.last`; `sync` makes it so. Meanwhile the caller may do work that
        need not wait for the disk, and must not acknowledge anything."""
        if self._file is None:
            raise JournalError(error(str(self.path), "journal.closed"))
        assert self._pending is None, "write twice without sync"
        entry = _checked_entry(self.last.seq + 1, ts, self.last.hash, event)
        data = entry.raw + b"\n"
        if len(data) > LINE_LIMIT + 1:
            raise JournalError(error(str(self.path), "journal.line-too-long", entry.seq, limit=LINE_LIMIT))
        try:
            if _moved(self.path, self._identity):
                # Written, the line would reach no one who opens the path, and the lock no longer
                # keeps out a writer starting a new journal there. Kept open: put back, it goes on.
                raise JournalError(error(str(self.path), "journal.moved", entry.seq, file=str(self.path)))
            self._set_torn_aside()
            _write_all(self._file, data)
        except OSError as exc:
            raise self._stop_writing(exc) from None
        _start_writeback(self._file, len(data))
        self._pending = entry
        return entry

    def sync(self) -> Entry:
        """The second half of `append` (see there): the line written by `write` made safe, in
        the journal and the mirror; returns it, now `self.last`."""
        entry, self._pending = self._pending, None
        assert entry is not None and self._file is not None, "sync without write"
        try:
            os.fsync(self._file.fileno())
        except OSError as exc:
            raise self._stop_writing(exc) from None
        self.entries.append(entry)
        if self._mirror_file is not None:
            try:
                moved = _moved(self.mirror, self._mirror_identity)
                if not moved:
                    _write_durably(self._mirror_file, entry.raw + b"\n")
            except OSError as exc:
                raise self._mirror_failed(exc) from None
            if moved:  # a copy no one would find; the next write looks at the path afresh
                raise self._mirror_failed(error(str(self.mirror), "journal.mirror-moved").message)
        elif self.mirror is not None:
            try:
                self._sync_mirror(create=False)  # it failed before: bring it level, this line included
            except JournalError as exc:
                if exc.diagnostic.code == "journal.mirror-failed":
                    raise
                # Diverged, or locked by another program meanwhile: still only the mirror's problem.
                raise JournalError(
                    error(str(self.mirror), "journal.mirror-failed", reason=exc.diagnostic.message)
                ) from None
        return entry

    def _stop_writing(self, exc: OSError) -> JournalError:
        # Part of the line may be on disk: write nothing more; `open` cuts it off as torn.
        assert self._file is not None
        with contextlib.suppress(OSError):
            self._file.close()
        self._file = None
        return JournalError(_unwritable(str(self.path), exc))

    def close(self) -> None:
        """Release the files and their locks; safe to call twice."""
        for file in (self._file, self._mirror_file):
            if file is not None:
                with contextlib.suppress(OSError):  # every line was fsynced already
                    file.close()  # closing the descriptor releases its flock
        self._file = self._mirror_file = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _start(self, entry: Entry) -> None:
        shown = str(self.path)
        try:
            _make_folder(self.path.parent, shown)
            fd = open_regular(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND)
        except FileExistsError:
            raise JournalError(error(shown, "journal.exists")) from None
        except OSError as exc:
            raise JournalError(_unwritable(shown, exc)) from None
        self._file = io.FileIO(fd, "w")
        self._identity = _identity(fd)
        _lock(self._file, shown)
        try:
            _write_durably(self._file, entry.raw + b"\n")
            _fsync_folder(self.path.parent)  # so the new name survives a power cut
        except OSError as exc:
            raise JournalError(_unwritable(shown, exc)) from None
        self.entries = [entry]

    def _load(self, envelope: Envelope | None) -> list[Diagnostic]:
        shown = str(self.path)
        try:
            fd = open_regular(self.path, os.O_RDWR | os.O_APPEND)
        except (FileNotFoundError, IsADirectoryError, NotRegular) as exc:
            raise JournalError(reading_error(shown, exc)) from None
        except OSError as exc:  # there, but not to be written (a read-only disk, no permission)
            raise JournalError(_unwritable(shown, exc)) from None
        self._file = io.FileIO(fd, "r+")
        self._identity = _identity(fd)
        _lock(self._file, shown)  # before reading: what is read is what this writer continues
        try:
            with open(os.dup(fd), "rb") as reader:
                scan = _scan(reader, shown, envelope)
        except OSError as exc:
            raise JournalError(file_error(shown, exc)) from None
        problem = scan.problem
        if problem is not None and problem.severity == "error" and not scan.cut_short:
            raise JournalError(problem)  # never append to a damaged journal
        if not scan.entries:
            raise JournalError(error(shown, "journal.empty"))
        self.entries = scan.entries
        if problem is None:
            return []
        self._torn_at = scan.end
        return [_torn(shown, problem.line)]

    def _set_torn_aside(self) -> None:
        """Cut off a torn last line, kept first in `.torn`, so nothing is ever lost."""
        if self._torn_at is None:
            return
        assert self._file is not None
        fd = self._file.fileno()
        try:
            _set_aside(Path(f"{self.path}.torn"), _tail(fd, self._torn_at))  # JournalError names the .torn
            os.ftruncate(fd, self._torn_at)
            os.fsync(fd)
        except OSError as exc:
            raise JournalError(_unwritable(str(self.path), exc)) from None
        self._torn_at = None

    def _open_mirror(self) -> None:
        """The mirror, if any, made identical as the journal opens. A mirror that cannot be
        written then stops the opening (`journal.mirror-unopened`): the chair is told that the
        meeting did not open, not that it goes on with the mirror behind."""
        if self.mirror is None:
            return
        try:
            self._sync_mirror(create=True)
        except JournalError as exc:
            failed = exc.diagnostic
            if failed.code == "journal.parent-not-folder":  # its folder, not the journal's
                failed = error(failed.path, "journal.mirror-failed", reason="ENOTDIR")
            if failed.code != "journal.mirror-failed":
                raise
            raise JournalError(error(failed.path, "journal.mirror-unopened", **failed.params)) from None

    def _sync_mirror(self, create: bool) -> None:
        """Make the mirror identical: create it, or add what it missed; never rewrite it."""
        assert self.mirror is not None and self._file is not None
        shown = str(self.mirror)
        main = b"".join(e.raw + b"\n" for e in self.entries)
        existed = os.path.lexists(self.mirror)
        # Mid-meeting, a vanished mirror is a stick pulled out: report it rather than write a
        # new copy into the empty mount point on the main disk.
        flags = os.O_RDWR | os.O_APPEND | (os.O_CREAT if create else 0)
        try:
            if not existed and create:
                _make_folder(self.mirror.parent, shown)
            mirror = io.FileIO(open_regular(self.mirror, flags), "r+")
        except OSError as exc:
            raise self._mirror_failed(exc) from None
        if _same_file(mirror, self._file):
            mirror.close()
            raise JournalError(error(shown, "journal.mirror-is-journal"))
        try:
            _lock(mirror, shown)
        except JournalError:
            mirror.close()
            raise
        self._mirror_file = mirror
        self._mirror_identity = _identity(mirror.fileno())
        try:
            copy = _read_at_most(mirror, len(main) + 1)
            if not main.startswith(copy):
                raise JournalError(self._diverged(main, copy))
            _write_durably(mirror, main[len(copy) :])
            if not existed:
                _fsync_folder(self.mirror.parent)
        except OSError as exc:
            raise self._mirror_failed(exc) from None

    def _mirror_failed(self, exc: OSError | str) -> JournalError:
        # Drop the handle: after a failed write the mirror may end mid-line, and only a fresh
        # comparison (in `_sync_mirror`) knows where to continue.
        if self._mirror_file is not None:
            with contextlib.suppress(OSError):  # a pulled stick fails to close too
                self._mirror_file.close()
            self._mirror_file = None
        reason = exc if isinstance(exc, str) else _reason(exc)
        return JournalError(error(str(self.mirror), "journal.mirror-failed", reason=reason))

    def _diverged(self, main: bytes, copy: bytes) -> Diagnostic:
        if copy.startswith(main):  # longer than the journal, which it holds whole
            line = main.count(b"\n") + 1
            return error(str(self.mirror), "journal.mirror-ahead", line, journal=str(self.path))
        common = min(len(main), len(copy))
        first = next((i for i, (a, b) in enumerate(zip(main, copy, strict=False)) if a != b), common)
        line = copy.count(b"\n", 0, first) + 1
        return error(str(self.mirror), "journal.mirror-diverged", line, journal=str(self.path))


@dataclass
class _Scan:
    """What reading a journal found: the good entries, the byte offset where they end, the
    first problem after them, and whether that problem is on the file's last line (a crash
    mid-write leaves an unreadable last line, which the writer cuts off as torn)."""

    entries: list[Entry]
    end: int
    problem: Diagnostic | None
    cut_short: bool = False


def _scan(file: io.BufferedReader | Any, shown: str, envelope: Envelope | None = None) -> _Scan:
    """The good entries, where they end, and the first problem after them. Line by line, each
    capped (`FIRST_LINE_LIMIT`, then `LINE_LIMIT`)."""
    entries: list[Entry] = []
    end = seq = 0
    prev = GENESIS
    latest = _BEFORE_ALL  # the time of the last good line
    readline = file.readline
    validate = envelope.validate_json if envelope is not None else None
    append, sha256, new = entries.append, _sha256, tuple.__new__  # Entry's own __new__ is a Python call
    line = readline(FIRST_LINE_LIMIT + 1)
    while line:
        seq += 1
        if line[-1:] != b"\n":
            limit = FIRST_LINE_LIMIT if seq == 1 else LINE_LIMIT
            if len(line) > limit:
                return _Scan(entries, end, error(shown, "journal.line-too-long", seq, limit=limit))
            # Never confirmed: the newline is the last byte of every write.
            return _Scan(entries, end, _torn(shown, seq))
        raw = line[:-1]
        # A good line in one pass (most hold no backslash and no byte outside ASCII: nothing to
        # make visible); any doubt sends it to `_parse`, which says what is wrong.
        try:
            fields = (
                None
                if validate is None
                else validate(raw if raw.isascii() and b"\\" not in raw else _made_visible(raw))
            )
        except (ValueError, RecursionError):  # pydantic's ValidationError is a ValueError
            fields = None
        if fields is not None and fields["seq"] == seq and fields["prev"] == prev:
            entry = new(Entry, (seq, fields["ts"], fields["prev"], fields["event"], raw, sha256(raw).hexdigest()))
        else:
            found = _parse(raw, seq, prev, shown, canonical=False, envelope=envelope)
            if isinstance(found, Diagnostic):
                return _Scan(entries, end, found, found.code in _TORN_CODES and not file.read(1))
            entry = found
        if entry.ts < latest:  # the writer holds the clock at the last time (Session._record_time)
            return _Scan(entries, end, time_backwards(shown, entry, latest))
        append(entry)
        prev, latest = entry.hash, entry.ts
        end += len(line)
        line = readline(LINE_LIMIT + 1)
    # Every line but the last is vouched for by the next one's `prev`: any other spelling of its
    # JSON changes its hash. The last line has no such witness, so it is re-encoded.
    if entries:
        last = entries[-1]
        found = _parse(last.raw, last.seq, last.prev, shown, canonical=True)
        if isinstance(found, Diagnostic):
            entries.pop()
            return _Scan(entries, end - len(last.raw) - 1, found)
    return _Scan(entries, end, None)


# How a character that may not reach a screen looks in a journal line: JSON's escapes of the
# C0 controls (json.dumps writes \u001b, and \b \f \n \r), and the raw UTF-8 of DEL, the C1
# controls and the bidi overrides. The program refuses them at the door; a journal written
# before that, or by hand, may still hold them.
_SUSPECT = re.compile(
    rb"\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|\\u202[a-eA-E]|\\u206[6-9]|\\[bfnr]"
    rb"|\x7f|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]"
)


def _made_visible(raw: bytes) -> bytes:
    """The line with any control character or bidi override in its texts made visible
    (`\\u001b`), for validating: nothing read from a journal reaches a terminal or a document
    raw. The line's bytes, and so its hash, are untouched."""
    if _SUSPECT.search(raw) is None:
        return raw
    return json.dumps(_visible_strings(json.loads(raw)), ensure_ascii=False).encode()


def _visible_strings(value: Any) -> Any:
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list):
        return [_visible_strings(item) for item in value]
    if isinstance(value, dict):
        return {visible(key): _visible_strings(item) for key, item in value.items()}
    return value


def _parse(
    raw: bytes, seq: int, prev: str, shown: str, canonical: bool = True, envelope: Envelope | None = None
) -> Entry | Diagnostic:
    def problem(code: str, **params: Any) -> Diagnostic:
        return error(shown, code, seq, 1, **params)

    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return problem("journal.not-utf8", byte=f"{raw[exc.start]:02X}")
    try:
        obj = json.loads(line, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return problem("journal.bad-json")
    if not isinstance(obj, dict) or list(obj) != _KEYS:
        return problem("journal.bad-entry")
    if type(obj["seq"]) is not int:
        return problem("journal.bad-field", key="seq")
    if obj["seq"] != seq:
        return problem("journal.seq-gap", expected=seq, found=obj["seq"])
    if not isinstance(obj["prev"], str) or not _HEX64.fullmatch(obj["prev"]):
        return problem("journal.bad-field", key="prev")
    event = obj["event"]
    if not isinstance(event, dict) or not isinstance(event.get("type"), str):
        return problem("journal.bad-field", key="event")
    if obj["prev"] != prev:
        return problem("journal.bad-start") if seq == 1 else problem("journal.chain-broken", previous=seq - 1)
    try:
        ts = parse_ts(obj["ts"])
    except (TypeError, ValueError):
        return problem("journal.bad-ts", value=json.dumps(obj["ts"], ensure_ascii=False))
    # The hash covers the bytes, so any other spelling of the same JSON is an edit.
    if canonical and encode_entry(seq, ts, prev, event) != line:
        return problem("journal.not-canonical")
    if envelope is not None:
        try:
            event = envelope.validate_json(_made_visible(raw))["event"]
        except (ValueError, RecursionError):  # the line is sound, so the event is what was refused
            return problem("journal.bad-event")
    return Entry(seq, ts, prev, event, raw, hashlib.sha256(raw).hexdigest())


def _checked_entry(seq: int, ts: datetime, prev: str, event: dict[str, Any]) -> Entry:
    """The entry as the reader will see it; the writer never writes a line the reader refuses.
    A line whose JSON reads back as the very event it encodes also encodes back to the same
    bytes (canonical), so one reading back is enough."""
    cut = cut_ts(ts)
    line = _encode(seq, cut, prev, event)
    raw = line.encode()
    read_back = json.loads(line)
    if read_back["event"] != event or not isinstance(event.get("type"), str):
        raise ValueError(f"not a journal event: {event!r}")
    return Entry(seq, cut, prev, read_back["event"], raw, _sha256(raw).hexdigest())


_BEFORE_ALL = datetime.min.replace(tzinfo=UTC)


def time_backwards(shown: str, entry: Entry, last: datetime) -> Diagnostic:
    """A line timed before the line above it: the writer never goes back in time (it holds
    the clock at the last entry's time, and a script's `at` refuses an earlier time), so the
    line was edited, however well its chain was rebuilt."""
    return error(shown, "journal.time-backwards", entry.seq, ts=_stamp(entry.ts), previous=_stamp(last))


# An unreadable last line is what a crash mid-write leaves (with zeros, say): torn.
_TORN_CODES = frozenset({"journal.not-utf8", "journal.bad-json"})


def _torn(shown: str, line: int) -> Diagnostic:
    return Diagnostic(shown, line, 1, "warning", "journal.torn", {"torn": f"{shown}.torn"})


def _set_aside(torn: Path, data: bytes) -> None:
    """Add the torn line to `torn`, opened as the journal is: a regular file only, never through
    a symbolic link (which could send the bytes into any file), never waiting on a FIFO."""
    shown = str(torn)
    new = not os.path.lexists(torn)
    try:
        fd = open_regular(torn, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW)
    except (NotRegular, IsADirectoryError):
        raise JournalError(error(shown, "journal.torn-not-file")) from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a symbolic link
            raise JournalError(error(shown, "journal.torn-not-file")) from None
        raise JournalError(_unwritable(shown, exc)) from None
    try:
        with io.FileIO(fd, "w") as file:
            _write_durably(file, data if data.endswith(b"\n") else data + b"\n")
        if new:
            _fsync_folder(torn.parent)
    except OSError as exc:
        raise JournalError(_unwritable(shown, exc)) from None


def _lock(file: io.FileIO, shown: str) -> None:
    """An exclusive flock on the open file itself; fcntl is imported only here, by a writer,
    so the commands that only read run where it does not exist."""
    import fcntl

    try:
        fcntl.flock(file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise JournalError(error(shown, "journal.locked")) from None
    except OSError as exc:
        raise JournalError(_unwritable(shown, exc)) from None


def _identity(fd: int) -> tuple[int, int]:
    found = os.fstat(fd)
    return found.st_dev, found.st_ino


def _moved(path: Path | None, identity: tuple[int, int]) -> bool:
    """Whether the file open as `identity` is no longer the one at `path`: moved, deleted or
    replaced. One stat, at every write; found there, the file has a link, so it is not deleted."""
    assert path is not None
    try:
        found = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return True
    return (found.st_dev, found.st_ino) != identity


def _same_file(a: io.FileIO, b: io.FileIO) -> bool:
    first, second = os.fstat(a.fileno()), os.fstat(b.fileno())
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def _read_at_most(file: io.FileIO, limit: int) -> bytes:
    """The file's bytes from its start, at most `limit` of them."""
    file.seek(0)
    chunks: list[bytes] = []
    size = 0
    while size < limit and (chunk := file.read(min(1 << 20, limit - size))):
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _tail(fd: int, start: int) -> bytes:
    """The bytes after `start`: a torn last line, so at most one line's worth is kept."""
    return os.pread(fd, FIRST_LINE_LIMIT + 1, start)


def _write_durably(file: io.FileIO, data: bytes) -> None:
    _write_all(file, data)
    os.fsync(file.fileno())


def _write_all(file: io.FileIO, data: bytes) -> None:
    # Unbuffered: a failed write leaves nothing queued to be written later behind our back.
    view = memoryview(data)
    while view:
        view = view[file.write(view) :]


_ADVISE = getattr(os, "posix_fadvise", None)


def _start_writeback(file: io.FileIO, length: int) -> None:
    """Have the kernel start writing the last `length` bytes now, so that the disk works while
    the program does, and the fsync that follows waits for less. On Linux, advising that the
    bytes are not needed again starts their writeback (PostgreSQL's pg_flush_data does this
    where it has no sync_file_range); pages being written are not dropped, and the fsync
    still does all the making safe. Only a hint: where it is missing or fails, nothing changes."""
    if _ADVISE is None:
        return
    with contextlib.suppress(OSError):
        fd = file.fileno()
        end = os.lseek(fd, 0, os.SEEK_CUR)
        _ADVISE(fd, end - length, length, os.POSIX_FADV_DONTNEED)


def _make_folder(folder: Path, shown: str) -> None:
    """`mkdir -p`, fsyncing each parent that gains a folder so the new folders survive. A
    parent that exists but is a file is said so, not reported as EEXIST."""
    chain = [folder, *folder.parents]
    missing = list(itertools.takewhile(lambda p: not p.exists(), chain))
    existing = chain[len(missing)] if len(missing) < len(chain) else None
    if existing is not None and not existing.is_dir():
        raise JournalError(error(shown, "journal.parent-not-folder", parent=str(existing)))
    folder.mkdir(parents=True, exist_ok=True)
    for created in reversed(missing):
        _fsync_folder(created.parent)


def _fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not JSON")


def _reason(exc: OSError) -> str:
    return errno.errorcode.get(exc.errno or 0, "EIO")


def _unwritable(shown: str, exc: OSError) -> Diagnostic:
    return error(shown, "journal.unwritable", reason=_reason(exc))
