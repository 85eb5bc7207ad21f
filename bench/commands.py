"""Commands at scale: 10,000 chair's commands applied to a 1,000-delegate general assembly.

    python bench/commands.py [--commands 10000] [--members 1000] [--dir /var/tmp/meeting-bench]
                             [--profile] [--keep] [--quick]

The assembly comes from bench/generate_assembly.py, written into a fresh folder on disk (never
tmpfs). A real `Session` with a script clock runs a chair's script chosen from the state as it
goes: delegations arriving and leaving, single members present, leaving and back, proxies,
motions, amendments, votes (show of hands, a few roll calls, secret ballots), notes. Each
`Session.execute` is timed: parse, decide, journal append with fsync, apply.

The floor appends the same bytes to another file on the same disk, with write + flush + os.fsync
per line: each command's line right after the command (the floor at the same moments); the last
100 commands' lines one after another, after every 100 commands (the floor in blocks); and all
the lines again twice after the session. The target is a median command <= 2x the median line
of the floor in blocks: a run of appends like the floors after the session, at the commands'
time, as a virtual machine's speed changes within minutes (a floor after the session has been
up to 1.4x faster or slower than during it). The floor at the same moments runs 5-10 % slower
than a run of appends, interleaved as it is with the commands' own. The ratios to the other
floors, and to the fastest of all (the strictest), are printed beside the verdict. The same
commands are then run through the engine alone (`decide` and `State.apply`, no journal), and
the journal's serialising alone, so the reader sees where a command's time goes. `--profile` profiles a second session running the same script.
"""

import argparse
import cProfile
import os
import random
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import BinaryIO

from _common import (
    DEFAULT_FOLDER,
    Spread,
    bench_folder,
    consensus_first,
    groups,
    header,
    profile_report,
    rate,
    roll_call_answers,
    table,
    us,
    verdict,
)
from generate_assembly import AGENDA_FILE, generate

from meeting.domain import events as ev
from meeting.domain.attendance import (
    entitled_by_seat,
    entitled_voters,
    quorum_status,
    register_change,
    represented_seats,
)
from meeting.domain.engine import Context, Refused, decide, find_members
from meeting.domain.language import Command, parse
from meeting.domain.reading import fold
from meeting.domain.state import Memento, Recorded, State, remember, restore
from meeting.journal import Entry, _checked_entry, encode_entry
from meeting.loader.load import load
from meeting.session import Accepted, ScriptClock, Session, _data, source_files

TARGET = 2.0
OWN_P95 = 1e-3  # seconds: a command's own work, fsync excluded, at the 95th percentile
BLOCK = 100  # commands between two runs of the floor in blocks
SEED = 20270615

NOTES = (
    "The credentials committee reported that all delegations present had been verified.",
    "Interpretation into French, Spanish and Swahili was confirmed on all channels.",
    "Mme la déléguée de Kolwezi asked that her caucus's statement be annexed to the minutes.",
    "The secretariat will publish the revised budget tables on the assembly's website tonight.",
    "Delegates from the Pacific reported a poor connection; the chair repeated the question.",
    "The chair thanked the Kenyan miners' associations for hosting the assembly in Nairobi.",
    "Sr. delegado de Potosí spoke on the cooperative's experience with mercury-free processing.",
    "The tellers confirmed the count; the figures are recorded as announced by the chair.",
)
MOTIONS = (
    "That the assembly mandate the council to negotiate a framework agreement with the regional mining commissions.",
    "That the assembly endorse the declaration on the formalisation of artisanal mining permits.",
    "That the secretariat prepare a costed plan for regional training on mercury-free processing.",
    "That the assembly adopt the communication guidelines with the changes agreed in the regional caucuses.",
)
AMENDMENT = "by adding at the end: and report to the next general assembly"


class AssemblyChair:
    """The chair of a general assembly: each command chosen from the state the last one left.

    Three in five delegates never leave (the quorum holds: a third of the seats, every region);
    the rest of the delegates, the alternates and the observers come and go."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        council = session.state.meeting.council
        self.seats = [m.id for m in council.seats]
        self.region = {m.id: m.region for m in council.members}
        shuffled = self.seats[:]
        rng.shuffle(shuffled)
        self.core = sorted(shuffled[: len(shuffled) * 3 // 5])
        core = set(self.core)
        self.churn = [m.id for m in council.members if m.id not in core and m.role != "secretary"]
        self.by_region: dict[str | None, list[str]] = {}
        for member in self.churn:
            self.by_region.setdefault(self.region[member], []).append(member)
        self.notes = 0

    @property
    def state(self) -> State:
        return self.session.state

    def lines(self) -> Iterator[str]:
        rng = self.rng
        # Credentials: delegations registered in batches, most in the hall, some remote.
        in_person = [m for m in self.core if rng.random() < 0.75]
        remote = [m for m in self.core if m not in set(in_person)]
        for group in groups(in_person, (30, 60), rng):
            yield f"present {' '.join(group)}"
        for group in groups(remote, (20, 40), rng):
            yield f"remote {' '.join(group)}"
        apologies = rng.sample(self.churn, len(self.churn) // 5)
        for group in groups(apologies, (20, 40), rng):
            yield f"apologies {' '.join(group)}"
        yield "begin"
        yield "open opening"
        activities: list[tuple[float, Callable[[], Iterator[str]]]] = [
            (34, self.one_attendance),
            (3, self.delegation),
            (20, self.note),
            (18, self.motion),
            (3, self.proxy),
            (5, self.speakers),
            (2, self.open_item),
        ]
        weights = [w for w, _ in activities]
        while True:
            (activity,) = rng.choices([a for _, a in activities], weights)
            yield from activity()
            yield from self.settle()

    # ── attendance ──

    def _verb(self, member: str) -> str:
        presence = self.state.presence[member]
        status = presence.status
        if status in ("absent", "apologies"):
            return self.rng.choice(("present", "present", "remote"))
        if status == "present":
            return "leave"
        if status == "remote":
            return self.rng.choice(("leave", "drop"))
        return "back" if presence.before is not None else "present"

    def one_attendance(self) -> Iterator[str]:
        member = self.rng.choice(self.churn)
        yield f"{self._verb(member)} {member}"

    def delegation(self) -> Iterator[str]:
        """A region's delegates coming or going together: a bus arrives, a caucus leaves."""
        region = self.rng.choice(sorted(self.by_region, key=str))
        verb = self.rng.choice(("present", "remote", "leave", "back", "drop"))
        members = [m for m in self.by_region[region] if self._verb(m) == verb]
        if members:
            chosen = self.rng.sample(members, min(len(members), self.rng.randint(10, 60)))
            yield f"{verb} {' '.join(chosen)}"

    def proxy(self) -> Iterator[str]:
        state = self.state
        if state.proxies and self.rng.random() < 0.4:
            yield f"revoke {self.rng.choice(sorted(state.proxies))}"
            return
        carried: dict[str, int] = {}
        for holder in state.proxies.values():
            carried[holder] = carried.get(holder, 0) + 1
        for _ in range(20):
            principal = self.rng.choice(self.churn)
            if principal not in self.seats or principal in state.proxies:
                continue
            holder = self.rng.choice(self.core)
            if self.region[holder] == self.region[principal] and carried.get(holder, 0) < 2:
                yield f"proxy {principal} to {holder}"
                return

    # ── the record and the agenda ──

    def note(self) -> Iterator[str]:
        self.notes += 1
        yield f'note "{self.rng.choice(NOTES)} ({self.notes})"'

    def speakers(self) -> Iterator[str]:
        state = self.state
        if state.current is None:
            return
        queue = state.items[state.current].queue
        if queue and self.rng.random() < 0.6:
            yield "floor"
        else:
            waiting = [m for m in self.rng.sample(self.core, 5) if m not in queue]
            if waiting:
                yield f"queue {' '.join(waiting[: self.rng.randint(1, 3)])}"

    def open_item(self) -> Iterator[str]:
        if not self.state.stack:
            yield f"open {self.rng.choice([i for i in self.state.order if i != self.state.current])}"

    # ── motions and decisions ──

    def _two(self) -> list[str]:
        return self.rng.sample(self.core, 2)

    def motion(self) -> Iterator[str]:
        if self.state.stack:
            return
        if self.state.current is None:
            yield f"open {self.rng.choice(self.state.order)}"
        state = self.state
        item = state.items[state.current].item if state.current else None
        mover, seconder = self._two()
        text = (
            ""
            if item is not None and item.motion is not None and self.rng.random() < 0.6
            else f'"{self.rng.choice(MOTIONS)}" '
        )
        if self.rng.random() < 0.7:
            yield f"move {text}by {mover} seconded {seconder}"
        else:
            yield f"move {text}by {mover}"
            yield f"second {seconder}"
        if item is not None and item.vote == "secret_ballot":
            yield "ballot"
            yield from self.vote()
            return
        if self.rng.random() < 0.15:
            a, b = self._two()
            yield f'move to amend "{self.rng.choice(MOTIONS)[:-1]}, {AMENDMENT}." by {a} seconded {b}'
            yield from self.vote()
        roll = self.rng.random()
        if roll < 0.75:
            yield from self.vote()
        elif roll < 0.93:
            yield "agreed"
        elif roll < 0.97:
            yield from self.roll_call()
        else:
            yield "withdraw"

    def vote(self) -> Iterator[str]:
        """Counted hands: never more than the seats attending, less a margin for the seats that
        may not vote (not in good standing, recused, the chair)."""
        state = self.state
        motion = state.pending
        if motion is None:
            return
        if motion.poll is None:
            yield from consensus_first(state, self._two()[0])
            if state.pending is not motion:  # consensus decided it on the way
                return
        if motion.poll is not None:
            room = len(motion.poll.entitled)
        else:
            room = sum(1 for s in self.seats if state.presence[s].status in ("present", "remote")) * 9 // 10
        abstain = self.rng.randint(0, room // 20)
        voting = self.rng.randint(room * 2 // 3, room - abstain)
        yes = self.rng.randint(voting // 4, voting)
        no = voting - yes
        if yes == no:
            yes, no = yes + 1, no - 1
        blank = self.rng.randint(0, 3) if motion.poll is not None else 0
        if motion.poll is not None and yes + no + abstain + blank > room:
            yes -= blank
        yield f"vote {yes} {no} {abstain}" + (f" blank {blank}" if blank else "")

    def roll_call(self) -> Iterator[str]:
        motion = self.state.pending
        if motion is not None:
            yield from consensus_first(self.state, self._two()[0])
        if motion is None or self.state.pending is not motion:
            return
        yield "roll-call"
        motion = self.state.pending
        if motion is None or motion.poll is None:
            return
        yield from roll_call_answers(motion.poll.entitled, self.rng, (20, 50))
        yield "close"

    def settle(self) -> Iterator[str]:
        """Whatever is left pending after an activity is decided, so the next starts clean."""
        for _ in range(60):
            motion = self.state.pending
            if motion is None:
                return
            if motion.outcome is not None and motion.outcome.result == "pending":
                yield "draw" if motion.outcome.awaiting == "lots" else "cast yes"
            elif motion.poll is not None and motion.poll.method == "roll_call":
                yield "close"
            else:
                yield from self.vote()
        raise RuntimeError(f"the chair's script is stuck on motion {self.state.pending}")


# ── running it ───────────────────────────────────────────────────────────────


def _kind(line: str) -> str:
    """The verb, and for attendance whether one member or many."""
    words = line.split()
    verb = words[0]
    if verb in ("present", "remote", "apologies", "absent", "leave", "drop", "back"):
        return f"{verb} (1)" if len(words) == 2 else f"{verb} (many)"
    if verb == "move":
        return "move to amend" if words[1:3] == ["to", "amend"] else "move"
    if verb in ("yes", "no", "abstain"):
        return "roll-call names"
    return verb


def start_session(folder: Path, members: int, name: str) -> tuple[Session, ScriptClock]:
    agenda = folder / AGENDA_FILE
    loaded = load(agenda)
    if loaded.meeting is None:
        raise RuntimeError(f"the generated assembly does not load: {loaded.diagnostics[:3]}")
    zone = loaded.meeting.agenda.time_zone
    clock = ScriptClock(loaded.meeting.agenda.scheduled_start, zone)
    session = Session.start(loaded.meeting, source_files(loaded.sources, agenda), folder / name, clock)
    return session, clock


def run_session(
    session: Session, clock: ScriptClock, commands: int, seed: int, paired: Path
) -> tuple[list[str], list[str], list[float], dict[str, int], list[float], list[float]]:
    """The chair's script in a real session until `commands` events: every line run (clock lines
    included, for a replay), the accepted command lines, and each one's time. Each accepted
    command's line is then appended again to `paired` (write, flush, fsync), timed: the floor at
    the same moments as the commands, whatever else the machine is doing meanwhile. And after
    every `BLOCK` commands, their lines once more, one after another (the floor in blocks: as
    the floors after the session, but at the commands' time)."""
    chair = AssemblyChair(session, random.Random(seed))
    start = clock.now()
    span = 7 * 3600  # 09:00 to 16:00
    script: list[str] = []
    accepted: list[str] = []
    times: list[float] = []
    refusals: dict[str, int] = {}
    floors: list[float] = []
    blocks: list[float] = []
    pending: list[bytes] = []
    lines = chair.lines()
    shown_every = max(1, commands // 10)
    started = time.perf_counter()
    with open(paired, "ab") as floor_file:
        while len(accepted) < commands:
            due = int(len(accepted) * span / commands)
            if (clock.now() - start).total_seconds() + 30 <= due:
                at = f"at {(start + timedelta(seconds=due)).astimezone(clock.zone):%H:%M:%S}"
                assert isinstance(session.execute(at), Accepted)
                script.append(at)
            line = next(lines)
            before = time.perf_counter()
            result = session.execute(line)
            spent = time.perf_counter() - before
            script.append(line)
            if isinstance(result, Refused):
                refusals[result.code] = refusals.get(result.code, 0) + 1
                if sum(refusals.values()) > max(20, len(accepted) // 20):
                    raise RuntimeError(f"the chair's script is refused too often: {refusals} (last: {line!r})")
                continue
            accepted.append(line)
            times.append(spent)
            pending.append(session.journal.last.raw + b"\n")
            floors.append(_append_durably(floor_file, pending[-1]))
            if len(pending) == BLOCK or len(accepted) == commands:
                blocks.extend(_append_durably(floor_file, data) for data in pending)
                pending.clear()
            if len(accepted) % shown_every == 0:
                print(
                    f"  session: {len(accepted):>6,} commands, {time.perf_counter() - started:6.1f} s",
                    file=sys.stderr,
                    flush=True,
                )
    paired.unlink()
    return script, accepted, times, refusals, floors, blocks


def _append_durably(file: BinaryIO, data: bytes) -> float:
    before = time.perf_counter()
    file.write(data)
    file.flush()
    os.fsync(file.fileno())
    return time.perf_counter() - before


def floor(folder: Path, lines: list[bytes], name: str) -> list[float]:
    """The same bytes appended to a fresh file on the same disk: write + flush + fsync each."""
    path = folder / name
    with open(path, "ab") as file:
        times = [_append_durably(file, data) for data in lines]
    path.unlink()
    return times


def engine_only(
    recorded: list[Recorded], entries: list[Entry], accepted: list[str]
) -> tuple[list[float], list[float], list[float], list[float], int]:
    """The accepted commands again on a fresh state, through `parse`, `decide` and `State.apply`
    alone; then the journal's serialising alone (model_dump, encode, the re-read check).
    Returns per-command parse, decide, apply and serialise times, and events that differ."""
    state = fold(recorded[:1])
    before: list[Memento] = []  # what the session keeps to undo without folding
    parses, decides, applies, serialises = [], [], [], []
    differ = 0
    clock = time.perf_counter
    for i, line in enumerate(accepted, start=1):
        entry = entries[i]
        t0 = clock()
        command = parse(line)
        t1 = clock()
        assert isinstance(command, Command)
        event = decide(state, command, Context(entropy=bytes.fromhex(entry.prev)))
        t2 = clock()
        if isinstance(event, Refused):
            raise RuntimeError(f"the engine alone refused {line!r}: {event}")
        if isinstance(event, ev.Undone):
            restore(state, before.pop())
            state.clock = entry.ts
        else:
            before.append(remember(state, event))
            state.apply(entry.seq, entry.ts, event)
        t3 = clock()
        _checked_entry(entry.seq, entry.ts, entry.prev, _data(event))
        t4 = clock()
        parses.append(t1 - t0)
        decides.append(t2 - t1)
        applies.append(t3 - t2)
        serialises.append(t4 - t3)
        differ += event != recorded[i].event
    return parses, decides, applies, serialises, differ


def _per_call(work: Callable[[], object], budget: float = 0.2) -> float:
    """Seconds per call: the best of 5 batches, each about `budget`/5 long."""
    start = time.perf_counter()
    work()
    once = max(time.perf_counter() - start, 1e-7)
    number = max(1, int(budget / 5 / once))
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(number):
            work()
        best = min(best, (time.perf_counter() - start) / number)
    return best


def hot_spots(state: State, recorded: list[Recorded], entries: list[Entry]) -> None:
    """The engine's helpers that the commands above lean on, each timed alone on the final state."""
    council = state.meeting.council
    first, last = council.members[0].id, council.seats[-1].id
    item = state.current or state.order[0]
    vote_at = max(
        range(1, len(recorded)), key=lambda i: isinstance(recorded[i].event, ev.VoteCounted) and len(entries[i].line)
    )
    vote, vote_entry = recorded[vote_at].event, entries[vote_at]
    attending = sum(1 for p in state.presence.values() if p.status in ("present", "remote"))
    rows = [("call (on the final state)", "per call", "used by")]
    for name, work, users in (
        (f"find_members(state, {last!r})", lambda: find_members(state, last), "every member named in a command"),
        (f"council.member({last!r})", lambda: council.member(last), "representation, vote_refusal"),
        ("council.seats", lambda: council.seats, "quorum, seats_in, _chair_seat, _own_seat"),
        ("represented_seats(state)", lambda: represented_seats(state), "quorum, entitled voters, _chair_seat"),
        ("quorum_status(state)", lambda: quorum_status(state), "move, vote, agreed, consensus, ballot"),
        (f"entitled_voters(state, {item!r})", lambda: entitled_voters(state, item), "vote, roll-call, ballot"),
        (
            "register_change(state, entitled)",
            lambda: register_change(state, entitled_by_seat(state, item)),
            "vote, roll-call, ballot",
        ),
        (
            "ev.Voter(seat=..., voter=..., via=...)",
            lambda: ev.Voter(seat=first, voter=first, via="titular"),
            "representation",
        ),
        ("_data(vote event)  (model_dump)", lambda: _data(vote), "journal append"),
        (
            "encode_entry(vote event)",
            lambda: encode_entry(vote_entry.seq, vote_entry.ts, vote_entry.prev, vote_entry.event),
            "journal append",
        ),
        (
            "_checked_entry(vote event)  (encode+re-read)",
            lambda: _checked_entry(vote_entry.seq, vote_entry.ts, vote_entry.prev, vote_entry.event),
            "journal append",
        ),
        ("LINES.validate_json(vote line)", lambda: ev.LINES.validate_json(vote_entry.line), "every reader (replay)"),
    ):
        rows.append((name, us(_per_call(work)), users))
    print(
        f"Hot spots, each call timed alone ({len(council.members):,} members, {attending:,} attending, "
        f"largest vote event {len(vote_entry.line) / 1024:.1f} KiB, "
        f"for {len(state.motions[vote.motion].entitled):,} voters):"
    )
    table(rows, left=(0, 2))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=10_000, help="commands applied (default %(default)s)")
    parser.add_argument("--members", type=int, default=1_000, help="delegates of the assembly (default %(default)s)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_FOLDER, help="bench folder on disk (default %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="the chair's script's seed (default %(default)s)")
    parser.add_argument("--profile", action="store_true", help="profile a second session running the same script")
    parser.add_argument("--keep", action="store_true", help="keep the generated assembly and its journal")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 300 commands at 200 delegates")
    args = parser.parse_args(argv)
    if args.quick:
        args.commands, args.members = min(args.commands, 300), min(args.members, 200)
    if args.commands < 10 or args.members < 20:
        parser.error("--commands must be at least 10 and --members at least 20")
    wall = time.perf_counter()
    base, where = bench_folder(args.dir)
    header(
        f"meeting bench: {args.commands:,} commands at {args.members:,} delegates",
        [("disk", where)],
    )
    folder = base / f"commands-{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}"
    folder.mkdir()
    try:
        before = time.perf_counter()
        files = generate(args.members)
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8", newline="\n")
        session, clock = start_session(folder, args.members, "journal.jsonl")
        council = session.state.meeting.council
        setup = time.perf_counter() - before
        print(f"Assembly: {folder}")
        print(
            f"  {len(council.members):,} members ({len(council.seats):,} voting seats), "
            f"council.toml {len(files['council.toml'].encode()) / 1024:.0f} KiB; generated, loaded, "
            f"journal started in {setup:.1f} s"
        )

        session_started = time.perf_counter()
        script, accepted, times, refusals, paired, blocks = run_session(
            session, clock, args.commands, args.seed, folder / "floor-paired.jsonl"
        )
        session_wall = time.perf_counter() - session_started
        entries = session.journal.entries
        recorded = session.recorded
        recorded_state = session.state
        session.close()
        assert len(entries) == len(accepted) + 1
        lines = [e.line.encode() + b"\n" for e in entries[1:]]
        size = sum(len(b) for b in lines)
        kinds: dict[str, list[float]] = {}
        sizes: dict[str, list[int]] = {}
        for line, spent, data in zip(accepted, times, lines, strict=True):
            kinds.setdefault(_kind(line), []).append(spent)
            sizes.setdefault(_kind(line), []).append(len(data))
        print(
            f"  journal: {len(entries):,} lines, {size / 2**20:.1f} MiB of commands "
            f"({size / len(lines) / 1024:.1f} KiB a line on average, largest {max(map(len, lines)) / 1024:.0f} KiB); "
            f"{len(script) - len(accepted):,} script lines not timed ({sum(refusals.values())} refused, the rest `at`)"
        )
        if refusals:
            print(f"  refused: {refusals}")
        print()

        floors = [floor(folder, lines, f"floor-{n}.jsonl") for n in (1, 2)]
        parses, decides, applies, serialises, differ = engine_only(recorded, entries, accepted)

        n = len(times)
        cmd = Spread(times)
        same_moments, in_blocks = Spread(paired), Spread(blocks)
        fastest = min([same_moments, in_blocks, *(Spread(f) for f in floors)], key=lambda s: s.median)
        engine = Spread([d + a for d, a in zip(decides, applies, strict=True)])
        own = Spread([p + d + a + s for p, d, a, s in zip(parses, decides, applies, serialises, strict=True)])
        print(f"Per command ({n:,} commands; the session run took {session_wall:.1f} s of wall time):")
        rows = [("measure", "median", "p95", "p99", "mean", "max", "total", "rate")]

        def row(name: str, s: Spread) -> None:
            rows.append(
                (
                    name,
                    us(s.median),
                    us(s.p95),
                    us(s.p99),
                    us(s.mean),
                    us(s.max),
                    f"{s.total:.2f} s",
                    rate(s.count, s.total),
                )
            )

        row("Session.execute (parse+decide+fsync+apply)", cmd)
        row("floor: the same line, fsynced after each command", same_moments)
        row(f"floor in blocks: the last {BLOCK} lines, after every {BLOCK} commands", in_blocks)
        for i, f in enumerate(floors, start=1):
            row(f"floor {i}: the same lines, after the session", Spread(f))
        row("engine alone: decide + apply", engine)
        row("  parse", Spread(parses))
        row("  decide", Spread(decides))
        row("  apply", Spread(applies))
        row("journal serialising alone (dump+encode+check)", Spread(serialises))
        row("own work: parse + decide + apply + serialise", own)
        table(rows)
        print()
        print(f"Commands/second through the session: {n / cmd.total:,.0f}")
        ratio = verdict(cmd.median / in_blocks.median, TARGET)
        print(f"Ratio, median command / median floor line (the floor in blocks): {ratio}")
        print(
            f"  (to the floor at the same moments: {cmd.median / same_moments.median:.2f}x; after the session: "
            + ", ".join(f"{cmd.median / Spread(f).median:.2f}x" for f in floors)
            + f"; the fastest of all: {cmd.median / fastest.median:.2f}x)"
        )
        met = "met" if own.p95 <= OWN_P95 else "MISSED"
        print(f"p95 of a command's own work (fsync excluded): {us(own.p95)} (target <= {us(OWN_P95)}: {met})")
        print(f"  (p95: {cmd.p95 / in_blocks.p95:.2f}x; total time: {cmd.total / in_blocks.total:.2f}x)")
        if differ:
            print(f"  WARNING: {differ} events from the engine alone differ from the session's")
        print()

        own_by_kind: dict[str, list[float]] = {}
        for line, p, d, a, s in zip(accepted, parses, decides, applies, serialises, strict=True):
            own_by_kind.setdefault(_kind(line), []).append(p + d + a + s)
        print("By kind of command (session times, fsync included, and the command's own work), by share of the total:")
        rows = [("command", "count", "median", "p95", "max", "share", "line size", "own median", "own p95")]
        for kind, spent in sorted(kinds.items(), key=lambda kv: -sum(kv[1])):
            s, o = Spread(spent), Spread(own_by_kind[kind])
            rows.append(
                (kind, f"{s.count:,}", us(s.median), us(s.p95), us(s.max), f"{s.total * 100 / cmd.total:.1f}%",
                 f"{sum(sizes[kind]) / len(sizes[kind]) / 1024:.1f} KiB", us(o.median), us(o.p95))
            )  # fmt: skip
        table(rows)
        print()

        hot_spots(recorded_state, recorded, entries)

        if args.profile:
            session, clock = start_session(folder, args.members, "profiled.jsonl")
            profiler = cProfile.Profile()
            profiler.enable()
            for line in script:
                session.execute(line)
            profiler.disable()
            session.close()
            print(f"Profile of a second session running the same {len(script):,} script lines:")
            profile_report(profiler, 20)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"Done in {time.perf_counter() - wall:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
