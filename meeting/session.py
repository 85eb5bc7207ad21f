"""A meeting being run: commands in, journaled events out.

The console, `meeting replay` and the tests drive a meeting only through `Session.execute`:
parse the line, let the engine decide, write the event to the journal (fsynced), and only
then apply it to the state and acknowledge it.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from meeting.diagnostics import Diagnostic, error, warning
from meeting.domain import events as ev
from meeting.domain.agenda import Meeting
from meeting.domain.attendance import balance_falls_short, minute_taker_away, observers_in_closed_item
from meeting.domain.elections.conduct import elections_left_unfinished, left_off_the_ballot
from meeting.domain.engine import BallotFile, Context, Refused, decide
from meeting.domain.language import Command, ParseError, parse
from meeting.domain.opening import begun_on_another_day
from meeting.domain.procedure import draft_left_unmoved
from meeting.domain.reading import fold, fold_remembering
from meeting.domain.state import (
    InconsistentJournal,
    Memento,
    Recorded,
    State,
    remember,
    restore,
)
from meeting.journal import Entry, Journal, JournalError, encode_entry, read_journal
from meeting.lasting import built_to_last
from meeting.loader.read import Source, not_regular, read_source, same_path
from meeting.loader.syntax import agenda_id

# A chair undoes a few actions, never a thousand in a row; each memento holds little, but an
# attendance change at 1,000 delegates keeps two lists of 1,000.
UNDO_DEPTH = 1_000


class Clock(Protocol):
    def now(self) -> datetime: ...


class WallClock:
    """The live console's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)


class ScriptClock:
    """A replay script's clock: it moves only on `at HH:MM[:SS]` lines, in the meeting's own
    zone and on its date, so the same script gives the same journal."""

    def __init__(self, start: datetime, zone: str) -> None:
        self.time = start.astimezone(UTC)
        self.zone = ZoneInfo(zone)

    def now(self) -> datetime:
        return self.time

    def set(self, clock: time, col: int, day: date | None = None) -> Refused | None:
        """The clock at `clock` on `day` (else on the day it shows). A time the clocks skipped
        (they went forward) is refused, not shifted; a time they passed twice (they went back)
        is the first of the two, unless that is earlier than the clock and the second is not."""
        local_day = day or self.time.astimezone(self.zone).date()
        wall = datetime.combine(local_day, clock, self.zone)
        moment = wall.astimezone(UTC)
        if moment.astimezone(self.zone).replace(tzinfo=None) != wall.replace(tzinfo=None):
            after = moment.astimezone(self.zone).time().isoformat(timespec="seconds")
            written = clock.isoformat(timespec="seconds")
            return Refused(
                "clock.no-such-time",
                {"time": written, "date": local_day.isoformat(), "zone": self.zone.key, "after": after},
                col,
            )
        second = wall.replace(fold=1).astimezone(UTC)
        if moment < self.time <= second:
            moment = second
        if moment < self.time:
            shown = self.time.astimezone(self.zone).time().isoformat(timespec="seconds")
            return Refused("clock.backwards", {"time": clock.isoformat(timespec="seconds"), "now": shown}, col)
        self.time = moment
        return None


@dataclass(frozen=True, slots=True)
class Accepted:
    entry: Entry | None  # None for a clock line, which is not an event
    event: ev.AnyEvent | None
    warnings: tuple[Diagnostic, ...] = ()  # e.g. the mirror could not be written


# Journal lines are validated by pydantic-core's own validator, without the adapter's Python
# wrapper around each call: a replay makes 100,000 of them.
_LINES = ev.LINES.validator


_SEQ_TS_EVENT = itemgetter(*map(Entry._fields.index, ("seq", "ts", "event")))


def _recorded(entries: list[Entry]) -> list[Recorded]:
    """Entries read through `ev.LINES`, whose events are already the program's own."""
    # In C from end to end: 100,000 of them for a long meeting.
    return list(map(tuple.__new__, repeat(Recorded), map(_SEQ_TS_EVENT, entries)))


def _fold(recorded: list[Recorded], shown: str, depth: int = 0) -> tuple[State, list[Memento]]:
    if not recorded or not isinstance(recorded[0].event, ev.Loaded):
        raise JournalError(error(shown, "journal.no-meeting"))
    try:
        return fold_remembering(recorded, depth)
    except InconsistentJournal as exc:
        raise JournalError(error(shown, exc.code, exc.seq, **exc.params)) from None


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


def unrecordable_names(sources: list[Source], files: list[ev.SourceFile]) -> list[Diagnostic]:
    """An error for each file read (`sources`) whose name, as the journal records it
    (`files`), is not UTF-8: bytes that are not reach Python as lone surrogates, which no
    journal line can hold."""
    unrecordable = []
    for source, file in zip(sources, files, strict=True):
        try:
            file.path.encode("utf-8")
        except UnicodeEncodeError:
            unrecordable.append(error(source.path, "journal.name-not-utf8"))
    return unrecordable


def read_meeting(path: Path, shown: str | None = None) -> tuple[State | None, list[Recorded], list[Diagnostic]]:
    """A journal read for looking, not writing: the state it records, its events, and any
    problem found (a damaged line stops the reading there)."""
    shown = shown or str(path)
    with built_to_last():
        entries, diagnostics = read_journal(path, shown, _LINES)
        recorded = _recorded(entries)
        try:
            return _fold(recorded, shown)[0], recorded, diagnostics
        except JournalError as exc:
            return None, [], [*diagnostics, exc.diagnostic]


def state_of(recorded: list[Recorded], shown: str) -> State:
    """The meeting as these entries leave it (the journal as it stood at an earlier entry)."""
    with built_to_last():
        return _fold(recorded, shown)[0]


class Session:
    """One writer of one meeting's journal."""

    def __init__(self, journal: Journal, recorded: list[Recorded], clock: Clock) -> None:
        self.journal = journal
        self.recorded = recorded
        self.clock = clock
        self.state, before = _fold(recorded, str(journal.path), UNDO_DEPTH)
        self._clock_warned = False
        self._mirror_behind = False
        # How the state stood before each of the last actions, newest last: an undo puts it
        # back. Deeper than this, an undo folds the journal again.
        self._before: deque[Memento] = deque(before, maxlen=UNDO_DEPTH)

    @classmethod
    def start(
        cls,
        meeting: Meeting,
        sources: list[ev.SourceFile],
        path: Path,
        clock: Clock,
        mirror: Path | None = None,
        circulated: list[ev.CirculatedMinutes] | None = None,
    ) -> Session:
        loaded = ev.Loaded(
            council=meeting.council, agenda=meeting.agenda, sources=sources, circulated=circulated or None
        )
        journal = Journal.create(path, _data(loaded), clock.now(), mirror)
        return cls(journal, [Recorded(1, journal.last.ts, loaded)], clock)

    @classmethod
    def resume(
        cls,
        path: Path,
        clock: Clock,
        mirror: Path | None = None,
        set_aside_now: bool = True,
        meeting_id: str | None = None,
    ) -> tuple[Session, list[Diagnostic]]:
        """The meeting its journal records, to go on with; `set_aside_now` as `Journal.open`'s.
        With `meeting_id`, the journal of another meeting is refused (`replay.other-meeting`)
        before anything in it, or in its mirror, is changed."""
        accept = None if meeting_id is None else _of_meeting(meeting_id, str(path))
        with built_to_last():
            journal, warnings = Journal.open(path, mirror, _LINES, set_aside_now, accept)
        try:
            with built_to_last():
                return cls(journal, _recorded(journal.entries), clock), warnings
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
            refused = self.clock.set(command.args["time"], command.cols["time"], command.args.get("date"))
            return refused or Accepted(None, None)
        # A script must replay identically; a live chair must not be able to steer the lots.
        scripted = isinstance(self.clock, ScriptClock)
        read: BallotFile | None = None
        if command.verb == "papers":  # the ranked ballot papers of a round, from a BLT file
            from meeting.loader.blt import ballot_file

            found = ballot_file(command.args["file"], command.cols["file"])
            if isinstance(found, Refused):
                return found
            read = found
        entropy = bytes.fromhex(self.journal.last.hash) if scripted else os.urandom(32)
        context = Context(entropy=entropy, ballot_file=read)
        decision = decide(self.state, command, context)
        if isinstance(decision, Refused):
            return decision
        unmoved = draft_left_unmoved(self.state, decision)
        warnings: list[Diagnostic] = []
        at = self._record_time(warnings)
        unfinished = elections_left_unfinished(self.state, decision)
        off_the_ballot = left_off_the_ballot(self.state, decision)
        data = _data(decision)
        if not _reads_back(data, at):
            return Refused("journal.would-not-read", {"type": data["type"]}, command.col)
        try:
            written = self.journal.write(data, at)
        except JournalError as exc:
            if exc.diagnostic.code == "journal.line-too-long":
                return Refused(exc.diagnostic.code, dict(exc.diagnostic.params), command.col)  # nothing written
            raise
        # While the disk takes the line, the state takes the event (and a memento 1,000 actions
        # old is freed); nothing is acknowledged before `sync`, and if the line cannot be made
        # safe, all is put back.
        memento = None if isinstance(decision, ev.Undone) else remember(self.state, decision)
        if memento is not None:
            self.state.apply(written.seq, written.ts, decision)
            self._before.append(memento)
        self.recorded.append(Recorded(written.seq, written.ts, decision))
        try:
            self.journal.sync()
        except JournalError as exc:
            if exc.diagnostic.code != "journal.mirror-failed":
                self.recorded.pop()
                if memento is not None:
                    self._before.pop()
                    restore(self.state, memento)
                raise
            # The event is safe in the journal; only the second copy is behind: a warning, given
            # once until the mirror is level again, not at every command.
            if not self._mirror_behind:
                warnings.append(replace(exc.diagnostic, severity="warning"))
            self._mirror_behind = True
        else:
            self._mirror_behind = False
        if memento is None:  # an undo, once it is safe
            if self._before:
                restore(self.state, self._before.pop())
                self.state.clock = written.ts
            else:
                self.state = fold(self.recorded)
        else:
            if minute_taker_away(self.state, decision):
                warnings.append(warning(str(self.journal.path), "secretary.away", written.seq, id=self.state.secretary))
            short = balance_falls_short(self.state, decision)
            if short is not None:
                share, target = short
                warnings.append(
                    warning(str(self.journal.path), "balance.short", written.seq, share=share, target=target)
                )
            warnings += [
                warning(str(self.journal.path), day.code, written.seq, **day.params)
                for day in begun_on_another_day(self.state, decision)
            ]
            if unmoved is not None:
                warnings.append(warning(str(self.journal.path), "item.draft-not-moved", written.seq, item=unmoved))
            if unfinished:
                warnings.append(
                    warning(str(self.journal.path), "item.elections-unfinished", written.seq, elections=unfinished)
                )
            if isinstance(decision, ev.NominationsClosed):
                path, election = str(self.journal.path), decision.election
                warnings += [
                    warning(path, "nomination.not-seconded", written.seq, candidate=c, election=election)
                    for c in off_the_ballot
                ]
            observers = observers_in_closed_item(self.state, decision)
            if observers:
                warnings.append(warning(str(self.journal.path), "closed.observers-here", written.seq, ids=observers))
        return Accepted(written, decision, tuple(warnings))

    def _record_time(self, warnings: list[Diagnostic]) -> datetime:
        """The clock's time, never earlier than the last event's: when the laptop's clock steps
        back (NTP, sleep, a change of zone) the record holds at the last time, and the chair is
        warned once."""
        now, last = self.clock.now(), self.journal.last.ts
        if now >= last:
            return now
        if not self._clock_warned:
            self._clock_warned = True
            behind = int((last - now).total_seconds())
            warnings.append(warning(str(self.journal.path), "clock.behind", seconds=behind))
        return last


def _of_meeting(meeting_id: str, shown: str) -> Callable[[list[Entry]], None]:
    """A check of a journal's entries that refuses another meeting's."""

    def accept(entries: list[Entry]) -> None:
        first = entries[0].event
        if isinstance(first, ev.Loaded) and first.agenda.id != meeting_id:
            raise JournalError(error(shown, "replay.other-meeting", id=first.agenda.id))

    return accept


def _data(event: ev.AnyEvent) -> dict[str, Any]:
    return event.model_dump(mode="json", exclude_none=True)


def _reads_back(data: dict[str, Any], at: datetime) -> bool:
    """Whether the line an event makes is one the journal's reader takes: a defect that wrote
    a line the program itself refuses would leave a meeting that can be neither resumed nor
    minuted, so such an event is refused before it is written."""
    try:
        ev.LINES.validate_json(encode_entry(1, at, "0" * 64, data))
    except ValueError:
        return False
    return True


@dataclass
class Opened:
    """What `open_session` found: the session (None when it could not be had), whether its
    journal existed before, and every diagnostic on the way (the agenda's warnings included)."""

    session: Session | None
    existed: bool
    diagnostics: list[Diagnostic]


def open_session(agenda: Path, journal: Path | None, mirror: Path | None, scripted: bool, resume: bool) -> Opened:
    """The session of `meeting run` and `meeting replay`: the agenda loaded and checked, its
    journal created, or resumed when `resume` (refused otherwise). A replay script's clock
    (`scripted`) starts at the scheduled start, or where the journal it continues stops; the
    console's is the wall clock."""
    if resume:
        resumed = _resume_recorded(agenda, journal, mirror, scripted)
        if resumed is not None:
            return resumed
    from meeting.loader.load import load  # a new journal only: validating a council takes time

    loaded = load(agenda, expect="agenda")
    diagnostics = list(loaded.diagnostics)
    if loaded.meeting is None:
        return Opened(None, False, diagnostics)
    meeting = loaded.meeting
    path = journal if journal is not None else default_journal(meeting.agenda.id)
    zone = meeting.agenda.time_zone
    existed = os.path.lexists(path)
    if existed and not resume:
        # A folder or a device is no journal to continue: say what it is, not to --append to it.
        problem = not_regular(path, str(path)) or error(str(path), "replay.journal-exists")
        return Opened(None, True, [*diagnostics, problem])
    clock: Clock = ScriptClock(meeting.agenda.scheduled_start, zone) if scripted else WallClock()
    try:
        if not existed:
            sources = source_files(loaded.sources, agenda)
            unrecordable = unrecordable_names(loaded.sources, sources)
            if unrecordable:  # said before anything is written
                return Opened(None, False, [*diagnostics, *unrecordable])
            session = Session.start(meeting, sources, path, clock, mirror, loaded.circulated)
            return Opened(session, False, diagnostics)
        session, warnings = Session.resume(path, clock, mirror, meeting_id=meeting.agenda.id)
    except JournalError as exc:
        return Opened(None, existed, [*diagnostics, exc.diagnostic])
    diagnostics += warnings
    if scripted:
        session.clock = ScriptClock(session.journal.last.ts, zone)
    return Opened(session, True, diagnostics)


def _resume_recorded(agenda: Path, journal: Path | None, mirror: Path | None, scripted: bool) -> Opened | None:
    """An existing journal resumed under the council and agenda it recorded when the meeting
    began (its first entry is the meeting), without validating the files again: at 1,000
    delegates that is a tenth of a second before the chair sees anything. Only the agenda's id
    is read, to find the journal and to check that it is this meeting's; a file changed since
    is a warning. None when there is no journal yet, or the agenda cannot be read: the full
    path then creates one, or says what is wrong."""
    source, _problems = read_source(agenda)
    meeting_id = agenda_id(source) if source is not None else None
    if source is None or meeting_id is None:
        return None
    path = journal if journal is not None else default_journal(meeting_id)
    if not os.path.lexists(path):
        return None
    try:
        session, diagnostics = Session.resume(path, WallClock(), mirror, meeting_id=meeting_id)
    except JournalError as exc:
        return Opened(None, True, [exc.diagnostic])
    recorded = session.state.meeting.agenda
    diagnostics += _changed_since(session.state.sources, source, agenda)
    if scripted:
        session.clock = ScriptClock(session.journal.last.ts, recorded.time_zone)
    return Opened(session, True, diagnostics)


def _changed_since(recorded: list[ev.SourceFile], agenda: Source, path: Path) -> list[Diagnostic]:
    """A warning for each file the meeting was loaded from that is not as it was then."""
    changed = []
    for source in recorded:
        file = path.parent / source.path
        if same_path(file, path):
            digest: str | None = agenda.sha256
        else:
            read, _problems = read_source(file)
            digest = read.sha256 if read is not None else None
        if digest != source.sha256:
            changed.append(warning(str(file), "journal.source-changed"))
    return changed
