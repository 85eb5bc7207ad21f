"""A meeting followed as its journal grows: each new line is checked against the chain, and
the state is kept up to date — one event applied, or refolded when the chair undoes one.

Nothing here writes: the chair's console holds the journal's lock; the follower only reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from meeting.diagnostics import Diagnostic, error
from meeting.domain import events as ev
from meeting.domain.reading import apply_read, fold
from meeting.domain.state import InconsistentJournal, Recorded, State
from meeting.journal import GENESIS, LINE_LIMIT, Entry, parse_line, time_backwards
from meeting.view.tail import new_lines


@dataclass(frozen=True, slots=True)
class Update:
    """What one look brought: how many new events, and whether the reading started over."""

    events: int = 0
    restarted: bool = False


class Follower:
    """The state of the meeting a journal records, as far as its complete lines go."""

    def __init__(self, path: Path, shown: str | None = None, limit: int = LINE_LIMIT) -> None:
        self.path = path
        self.shown = shown or str(path)
        self.limit = limit  # of a line after the first (the first holds the council and agenda)
        self._reset()

    def _reset(self) -> None:
        self.offset = 0
        self.identity: tuple[int, int] | None = None
        self.recorded: list[Recorded] = []
        self.state: State | None = None
        self.last_hash = GENESIS
        self.waiting = True  # no journal yet: the chair has not started the meeting
        self.problem: Diagnostic | None = None
        self.broken = False  # a line changed after it was written: nothing from it on is shown
        self.first: str | None = None  # the hash of the first line: the meeting, as the chain names it
        self.replaced = False  # another meeting's journal in its place: no longer followed

    @property
    def last_at(self) -> datetime | None:
        return self.recorded[-1].at if self.recorded else None

    def poll(self) -> Update:
        """Read whatever complete lines were added since the last look."""
        tail = new_lines(self.path, self.offset, self.shown, self.limit)
        restarted = False
        if tail.missing or (tail.problem is not None and tail.identity is None):
            self.waiting = tail.missing
            self.problem = tail.problem
            return Update()
        if self.replaced:
            return Update()
        if (self.identity is not None and tail.identity != self.identity) or tail.size < self.offset:
            # Another file in its place, or shorter than what was read: start again from its
            # first line. (The console cuts a torn line only past the last complete one, which
            # was never taken here, so a cut alone does not lead here.) Only for the same
            # meeting (a synced mirror put back in place): another meeting's journal written
            # there is said, and the meeting stays as last read, no longer followed.
            if self.first is not None and self._first_of_file() is None:
                return Update()  # its first line not whole yet: looked at again next time
            if self._another_meeting():
                return Update()
            self._reset()
            tail = new_lines(self.path, 0, self.shown, self.limit)
            restarted = True
        elif self.broken:
            return Update()
        self.identity = tail.identity
        self.waiting = False
        taken = 0
        offset = self.offset
        self.problem = None
        for raw in tail.lines:
            problem = self._take(raw)
            if problem is not None and self._another_meeting():
                # Written over in place with another meeting's journal, longer than this one.
                self.offset = offset
                return Update(taken)
            if problem is not None:
                # Kept, not skipped: a torn line the console will cut off, or damage to show.
                self.problem = problem
                if problem.code == "journal.chain-broken":
                    self._withdraw_last()
                break
            offset += len(raw) + 1
            taken += 1
        else:
            if tail.problem is not None:
                # Located at the journal's own line number.
                line = len(self.recorded) + 1
                self.problem = Diagnostic(self.shown, line, 1, "error", tail.problem.code, tail.problem.params)
        self.offset = offset
        return Update(taken, restarted)

    def _another_meeting(self) -> bool:
        """Whether the file now starts with another meeting's first line: then that is said,
        and nothing more is read (the meeting stays as last read)."""
        first = self._first_of_file() if self.first is not None else None
        if first is None or first == self.first:
            return False
        self.replaced = True
        self.problem = error(self.shown, "journal.replaced")
        return True

    def _first_of_file(self) -> str | None:
        """The hash of the file's first line now; None while it has no complete valid one."""
        tail = new_lines(self.path, 0, self.shown, self.limit, max_read=1)
        if not tail.lines:
            return None
        found = parse_line(tail.lines[0], 1, GENESIS, self.shown, ev.LINES)
        return None if isinstance(found, Diagnostic) else found.hash

    def _withdraw_last(self) -> None:
        """The line before a broken link is the one that changed (or the link itself was): its
        event is not shown, a count altered there would read as a decision."""
        self.broken = True
        self.recorded.pop()
        self.state = fold(self.recorded) if self.recorded else None

    def _take(self, raw: bytes) -> Diagnostic | None:
        seq = len(self.recorded) + 1
        found = parse_line(raw, seq, self.last_hash, self.shown, ev.LINES)
        if isinstance(found, Diagnostic):
            return found
        if self.recorded and found.ts < self.recorded[-1].at:  # as every reading of a journal
            return time_backwards(self.shown, found, self.recorded[-1].at)
        return self._apply(found)

    def _apply(self, entry: Entry) -> Diagnostic | None:
        recorded = Recorded(entry.seq, entry.ts, entry.event)
        if self.state is None and not isinstance(entry.event, ev.Loaded):
            return error(self.shown, "journal.no-meeting")
        try:
            if self.state is None:
                self.state = fold([recorded])
                self.recorded = [recorded]
            elif isinstance(entry.event, ev.Undone):
                self.state = fold([*self.recorded, recorded])
                self.recorded.append(recorded)
            else:
                apply_read(self.state, entry.seq, entry.ts, entry.event)
                self.recorded.append(recorded)
        except InconsistentJournal as exc:
            if self.state is not None and not isinstance(entry.event, ev.Undone):
                self.state = fold(self.recorded)  # the event may have been half applied
            return error(self.shown, exc.code, entry.seq, **exc.params)
        self.last_hash = entry.hash
        if entry.seq == 1:
            self.first = entry.hash
        return None
