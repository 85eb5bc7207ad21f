"""A meeting being run: commands in, journaled events out.

The console, `meeting replay` and the tests drive a meeting only through `Session.execute`:
parse the line, let the engine decide, write the event to the journal (fsynced), and only
then apply it to the state and acknowledge it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import gc
import os
from datetime import date, datetime, time, timezone
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from meeting.diagnostics import Diagnostic, error
from meeting.domain import events as ev
from meeting.domain.agenda import Meeting
from meeting.domain.engine import Context, Refusal, decide
from meeting.domain.language import Command, ParseError, parse
from meeting.domain.state import InconsistentJournal, Recorded, State, fold
from meeting.journal import Entry, Journal, JournalError, read_journal
from meeting.loader.read import Source


class Clock(Protocol):
    def now(self) -> datetime: ...


class WallClock:
    """The live console's clock."""

    def now(self) -> datetime:
        return datetime.now(timezone.utc)


class ScriptClock:
    """A replay script's clock: it moves only on `at HH:MM[:SS]` lines, in the meeting's own
    zone and on its date, so the same script gives the same journal."""

    def __init__(self, start: datetime, zone: str) -> None:
        self.time = start.astimezone(timezone.utc)
        self.zone = ZoneInfo(zone)

    def now(self) -> datetime:
        return self.time

    def set(self, clock: time, col: int, day: date | None = None) -> Refusal | None:
        local_day = day or self.time.astimezone(self.zone).date()
        moment = datetime.combine(local_day, clock, self.zone).astimezone(timezone.utc)
        if moment < self.time:
            shown = self.time.astimezone(self.zone).time().isoformat(timespec="seconds")
            return Refusal("clock.backwards", {"time": clock.isoformat(timespec="seconds"), "now": shown}, col)
        self.time = moment
        return None


@dataclass(frozen=True, slots=True)
class Refused:
    """A command not accepted, with the column it is about."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    col: int = 1


@dataclass(frozen=True, slots=True)
class Accepted:
    entry: Entry | None  # None for a clock line, which is not an event
    event: ev.AnyEvent | None
    warning: Diagnostic | None = None  # e.g. the mirror could not be written


def _recorded(entry: Entry, shown: str) -> Recorded:
    try:
        event = ev.EVENTS.validate_python(entry.event, strict=False)
    except ValidationError:
        raise JournalError(error(shown, "journal.bad-event", entry.seq)) from None
    return Recorded(entry.seq, entry.ts, event)


def _fold(recorded: list[Recorded], shown: str) -> State:
    if not recorded or not isinstance(recorded[0].event, ev.Loaded):
        raise JournalError(error(shown, "journal.no-meeting"))
    try:
        return fold(recorded)
    except InconsistentJournal as exc:
        raise JournalError(error(shown, "journal.inconsistent", exc.seq)) from None


def default_journal(meeting_id: str) -> Path:
    """Where a meeting's journal goes unless told otherwise: under minutes/, in the current folder."""
    return Path("minutes") / meeting_id / "journal.jsonl"


def source_files(sources: list[Source], agenda: Path) -> list[ev.SourceFile]:
    """Each file read, named relative to the agenda's folder, so the journal is the same
    from whichever folder the command runs."""
    folder = agenda.parent.resolve()
    files = []
    for source in sources:
        path = Path(source.path).resolve()
        name = path.relative_to(folder).as_posix() if path.is_relative_to(folder) else path.as_posix()
        files.append(ev.SourceFile(path=name, sha256=source.sha256))
    return files


def read_meeting(path: Path, shown: str | None = None) -> tuple[State | None, list[Recorded], list[Diagnostic]]:
    """A journal read for looking, not writing: the state it records, its events, and any
    problem found (a damaged line stops the reading there)."""
    shown = shown or str(path)
    # A replay makes hundreds of thousands of objects that all live on: the garbage
    # collector's passes over them would cost a third of the time and free nothing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        entries, diagnostics = read_journal(path, shown)
        recorded = [_recorded(entry, shown) for entry in entries]
        return _fold(recorded, shown), recorded, diagnostics
    except JournalError as exc:
        return None, [], [*diagnostics, exc.diagnostic]
    finally:
        if collecting:
            gc.enable()


class Session:
    """One writer of one meeting's journal."""

    def __init__(self, journal: Journal, recorded: list[Recorded], clock: Clock) -> None:
        self.journal = journal
        self.recorded = recorded
        self.clock = clock
        self.state = _fold(recorded, str(journal.path))

    @classmethod
    def start(
        cls, meeting: Meeting, sources: list[ev.SourceFile], path: Path, clock: Clock, mirror: Path | None = None
    ) -> Session:
        loaded = ev.Loaded(council=meeting.council, agenda=meeting.agenda, sources=sources)
        journal = Journal.create(path, _data(loaded), clock.now(), mirror)
        return cls(journal, [Recorded(1, journal.last.ts, loaded)], clock)

    @classmethod
    def resume(cls, path: Path, clock: Clock, mirror: Path | None = None) -> tuple[Session, list[Diagnostic]]:
        journal, warnings = Journal.open(path, mirror)
        try:
            recorded = [_recorded(entry, str(path)) for entry in journal.entries]
            return cls(journal, recorded, clock), warnings
        except JournalError:
            journal.close()
            raise

    def close(self) -> None:
        self.journal.close()

    def execute(self, line: str) -> Accepted | Refused | None:
        """Run one line of the command language; None for a blank or comment line."""
        parsed = parse(line)
        if parsed is None:
            return None
        if isinstance(parsed, ParseError):
            return Refused(parsed.code, parsed.params, parsed.col)
        return self.submit(parsed)

    def submit(self, command: Command) -> Accepted | Refused:
        if command.verb == "at" and isinstance(self.clock, ScriptClock):
            refusal = self.clock.set(command.args["time"], command.cols["time"], command.args.get("date"))
            return Accepted(None, None) if refusal is None else Refused(refusal.code, refusal.params, refusal.col)
        # A script must replay identically; a live chair must not be able to steer the lots.
        scripted = isinstance(self.clock, ScriptClock)
        context = Context(entropy=bytes.fromhex(self.journal.last.hash) if scripted else os.urandom(32))
        decision = decide(self.state, command, context)
        if isinstance(decision, Refusal):
            return Refused(decision.code, decision.params, decision.col)
        warning = None
        try:
            entry = self.journal.append(_data(decision), self.clock.now())
        except JournalError as exc:
            if exc.diagnostic.code != "journal.mirror-failed":
                raise
            # The event is safe in the journal; only the second copy is behind.
            entry, warning = self.journal.last, exc.diagnostic
        recorded = Recorded(entry.seq, entry.ts, decision)
        self.recorded.append(recorded)
        if isinstance(decision, ev.Undone):
            self.state = fold(self.recorded)
        else:
            self.state.apply(entry.seq, entry.ts, decision)
        return Accepted(entry, decision, warning)


def _data(event: ev.AnyEvent) -> dict[str, Any]:
    return event.model_dump(mode="json", exclude_none=True)
