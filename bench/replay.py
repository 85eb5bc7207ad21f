"""Replaying a long journal: how far `read_meeting` is from merely parsing the file's JSON.

    python bench/replay.py [--events 100000] [--runs 5] [--dir /var/tmp/meeting-bench]
                           [--rebuild] [--profile] [--quick]

The journal is built once, by driving a real `Session` on the demo council
(agendas/ic-asm/2026-12-council-meeting.toml) through a long, mixed chair's script: attendance
coming and going, proxies, items, notes, motions, amendments, votes of every kind, points of
order, recesses and the odd undo. Every event is fsynced, as in a meeting. The journal is kept
in the bench folder (on disk, never tmpfs) and reused while it is valid.

Then, best of N runs, the floors and (b) taken in turn so that a slow spell of the machine
falls on all alike (what a run makes is freed after its clock stops, except in (b')):
  (a) the floor: read the file and `json.loads` every line;
  (b) `meeting.session.read_meeting(path)`: read, verify the hash chain, validate every event,
      fold them into the state.
It prints events/second for each and the ratio (b)/(a); the target is <= 3x. `--profile` adds
a per-stage breakdown's cProfile (top 15 by cumulative and by own time).
"""

import argparse
import cProfile
import gc
import hashlib
import json
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

from _common import (
    DEFAULT_FOLDER,
    REPO,
    Spread,
    bench_folder,
    best_of,
    best_of_each,
    consensus_first,
    header,
    profile_report,
    rate,
    roll_call_answers,
    table,
    us,
    verdict,
)

from meeting.domain import events as ev
from meeting.domain.attendance import entitled_voters, is_attending, recused
from meeting.domain.engine import Refused
from meeting.domain.events import LINES
from meeting.domain.procedure import decided_in_secret
from meeting.domain.reading import fold
from meeting.domain.state import Recorded, State
from meeting.journal import read_journal
from meeting.loader.load import load
from meeting.session import Accepted, ScriptClock, Session, _recorded, read_meeting, source_files

DEMO_AGENDA = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.toml"
TARGET = 3.0
UNDO_TARGET = 10e-3  # seconds, the median undo at the journal's end
UNDOS = 25
# Bump when the chair's script below changes, so a cached journal is rebuilt.
SCRIPT_VERSION = 2
SEED = 20261210

# ── the chair's script on the demo council ────────────────────────────────────

# Fourteen seats from all five regions never leave: the quorum (11 seats, 3 regions) holds,
# and movers, seconders and the chair come from them.
CORE = ("tz-1", "ke-1", "ug-1", "zm-1", "zw-1", "sl-1", "bf-1", "cm-1", "cd-1", "co-1", "pe-1", "bo-1", "ph-1", "id-1")
IN_PERSON = ("tz-1", "ke-1")
# Everyone else comes and goes: seats, alternates, the secretary and the observers.
CHURN = (
    "gh-1",
    "mg-1",
    "cd-2",
    "hn-1",
    "br-1",
    "la-1",
    "pg-1",
    "gh-2",
    "bf-2",
    "tz-2",
    "co-2",
    "ph-2",
    "sec-1",
    "obs-1",
    "obs-2",
)
SEATS = ("gh-1", "sl-1", "zm-1", "zw-1", "bf-1", "cm-1", "cd-1", "mg-1", "tz-1", "ke-1", "ug-1", "cd-2",
         "hn-1", "co-1", "pe-1", "bo-1", "br-1", "ph-1", "id-1", "la-1", "pg-1")  # fmt: skip
CHAIRS = ("tz-1", "zw-1")  # the chair and the vice-chair

NOTES = (
    "The chair reminded members to keep their microphones muted unless recognised.",
    "Interpretation into French, Spanish and Swahili was confirmed working on all channels.",
    "Mme Ouédraogo-Kaboré asked that the francophone caucus's comments be annexed to the minutes.",
    "The secretariat will circulate the revised figures before the next session.",
    "Members from Latin America reported connection problems; the chair paused for two minutes.",
    "Sr. Ñahui-Paredes (observer) was recognised and spoke on the legal clinic's experience in Puno.",
    "The treasurer's table was shared on screen; copies will be sent by e-mail.",
    "The working group thanked the regional focal points for the consultations held in October.",
    "Bi. Mwakasege-Lyimo summarised the discussion: there is broad support, with concerns on cost.",
    "The chair noted that the item would be taken up again after the break.",
)
MOTIONS = (
    "That the council ask the secretariat to prepare a costed plan for regional training on mercury-free processing.",
    "That the council write to the ministries of mines of the member countries on the formalisation of artisanal permits.",
    "That the council support the regional caucuses' proposal for a shared legal-aid fund.",
    "That the council adopt the communication guidelines as circulated, with the changes agreed today.",
    "That the council's annual report be published in English, French, Spanish and Swahili.",
)
AMENDMENTS = (
    "by adding at the end: and report to the next meeting",
    "by striking out 'shared' and inserting 'regional'",
    "by inserting 'in consultation with the member associations' after 'secretariat'",
    "by adding: within the budget approved for 2027",
)
POINTS = (
    "The amendment is not germane to the motion",
    "The speaker has exceeded the time allowed",
    "The motion was not circulated with the notice of the meeting",
)


class Chair:
    """A chair's commands, one at a time, each chosen from the state the last one left."""

    def __init__(self, session: Session, rng: random.Random) -> None:
        self.session = session
        self.rng = rng
        self.notes = 0

    @property
    def state(self) -> State:
        return self.session.state

    def lines(self) -> Iterator[str]:
        yield f"present {' '.join(IN_PERSON)} sec-1"
        yield f"remote {' '.join(m for m in CORE if m not in IN_PERSON)}"
        yield "proxy br-1 to pe-1"
        yield "begin"
        yield "open opening"
        activities: list[tuple[float, Callable[[], Iterator[str]]]] = [
            (26, self.one_attendance),
            (6, self.group_attendance),
            (20, self.note),
            (15, self.motion),
            (4, self.proxy),
            (8, self.speakers),
            (4, self.open_item),
            (3, self.declare_or_action),
            (1, self.take_from_table),
            (0.6, self.hand_chair),
            (0.4, self.recess),
            (0.3, self.recuse),
        ]
        weights = [w for w, _ in activities]
        while True:
            (activity,) = self.rng.choices([a for _, a in activities], weights)
            yield from activity()
            yield from self.settle()

    # ── attendance ──

    def _next_status(self, member: str) -> str | None:
        presence = self.state.presence[member]
        status = presence.status
        if status in ("absent", "apologies"):
            return self.rng.choice(("present", "remote", "remote"))
        if status == "present":
            return "leave"
        if status == "remote":
            return self.rng.choice(("leave", "drop", "drop"))
        return "back" if presence.before is not None else "remote"

    def one_attendance(self) -> Iterator[str]:
        member = self.rng.choice(CHURN)
        status = self.state.status(member)
        if status == "absent" and self.rng.random() < 0.2:
            yield f"apologies {member}"
        else:
            yield f"{self._next_status(member)} {member}"

    def group_attendance(self) -> Iterator[str]:
        verb = self.rng.choice(("remote", "drop", "back", "leave"))
        members = [m for m in CHURN if self._next_status(m) == verb]
        if members:
            chosen = self.rng.sample(members, min(len(members), self.rng.randint(2, 5)))
            yield f"{verb} {' '.join(chosen)}"

    def proxy(self) -> Iterator[str]:
        state = self.state
        if state.proxies and self.rng.random() < 0.45:
            yield f"revoke {self.rng.choice(sorted(state.proxies))}"
            return
        council = state.meeting.council
        principals = [s for s in SEATS if s not in state.proxies and s not in CORE]
        self.rng.shuffle(principals)
        for principal in principals:
            region = council.member(principal).region
            holders = [
                s for s in CORE
                if council.member(s).region == region and s != principal and s not in state.proxies.values()
            ]  # fmt: skip
            if holders:
                yield f"proxy {principal} to {self.rng.choice(holders)}"
                return

    # ── the record ──

    def note(self) -> Iterator[str]:
        self.notes += 1
        text = self.rng.choice(NOTES)
        yield f'note "{text} ({self.notes})"'
        if self.rng.random() < 0.005:
            yield "undo"  # the chair noted it under the wrong item

    def declare_or_action(self) -> Iterator[str]:
        # Not the chair: no presiding officer rules on her own interest (interest.own-case).
        member = self.rng.choice([m for m in CORE if m != self.state.chair])
        if self.rng.random() < 0.5:
            item = self.rng.choice(self.state.order)
            yield f'declare {member} "Member of a cooperative named in the papers for this item" on {item}'
            yield f'clear {member} "Not a bar: the cooperative is not a party to the decision" on {item}'
        else:
            yield f'action "Circulate the revised paper to the members ({self.notes})" owner {member} due 2027-01-15'

    def speakers(self) -> Iterator[str]:
        state = self.state
        if state.current is None:
            return
        queue = state.items[state.current].queue
        waiting = [m for m in (*CORE, *CHURN) if is_attending(state, m) and m not in queue]
        roll = self.rng.random()
        if queue and roll < 0.5:
            yield "floor"
        elif queue and roll < 0.6:
            yield f"unqueue {self.rng.choice(queue)}"
        elif waiting:
            yield f"queue {' '.join(self.rng.sample(waiting, min(len(waiting), self.rng.randint(1, 3))))}"

    # ── the sitting and the agenda ──

    def open_item(self) -> Iterator[str]:
        if self.state.stack:
            return
        others = [i for i in self.state.order if i != self.state.current]
        yield f"open {self.rng.choice(others)}"

    def hand_chair(self) -> Iterator[str]:
        other = next(c for c in CHAIRS if c != self.state.chair)
        yield f"chair {other}"

    def recess(self) -> Iterator[str]:
        yield "recess 10"
        for _ in range(self.rng.randint(1, 4)):
            yield from self.one_attendance()
        yield from self.note()
        yield "resume"

    def recuse(self) -> Iterator[str]:
        state = self.state
        if state.current is None or (state.pending is not None and state.pending.poll is not None):
            return
        free = [m for m in CHURN if not recused(state, m, state.current) and m not in ("obs-1", "obs-2")]
        if free:
            yield f'recuse {self.rng.choice(free)} "Interest declared earlier in the meeting"'

    # ── motions and decisions ──

    def _two(self) -> tuple[str, str]:
        a, b = self.rng.sample(CORE, 2)
        return a, b

    def _ensure_item(self) -> Iterator[str]:
        if self.state.current is None:
            yield f"open {self.rng.choice(self.state.order)}"

    def motion(self) -> Iterator[str]:
        if self.state.stack:
            return
        yield from self._ensure_item()
        state = self.state
        item = state.items[state.current].item if state.current else None
        mover, seconder = self._two()
        text = (
            ""
            if item is not None and item.motion is not None and self.rng.random() < 0.5
            else f'"{self.rng.choice(MOTIONS)}" '
        )
        if self.rng.random() < 0.7:
            yield f"move {text}by {mover} seconded {seconder}"
        else:
            yield f"move {text}by {mover}"
            yield f"second {seconder}"
        main = self.state.pending
        if main is None:
            return
        ballot_item = item is not None and item.vote == "secret_ballot"
        if not ballot_item:
            yield from self.amendments()
            if self.rng.random() < 0.05:
                yield from self.point()
            if self.rng.random() < 0.04:
                a, b = self._two()
                yield f"move to table by {a} seconded {b}"
                yield from self.vote(carry=True)
                if main.number not in self.state.stack:
                    return
            if self.rng.random() < 0.1:  # on a ballot item, an objection names nobody
                yield "objection" if ballot_item else f"objection {self.rng.choice(CORE)}"
        yield from self.decide(main.number, ballot_item)

    def amendments(self) -> Iterator[str]:
        roll = self.rng.random()
        if roll > 0.3:
            return
        a, b = self._two()
        yield f'move to amend "{self.rng.choice(MOTIONS)[:-1]}, {self.rng.choice(AMENDMENTS)}." by {a} seconded {b}'
        if roll < 0.05:
            a, b = self._two()
            yield f'move to amend "{self.rng.choice(MOTIONS)[:-1]}, {self.rng.choice(AMENDMENTS)}, as amended." by {a} seconded {b}'
            yield from self.vote()
        if self.rng.random() < 0.3 and not (self.state.pending and self.state.pending.objections):
            yield "agreed"
        else:
            yield from self.vote()

    def point(self) -> Iterator[str]:
        yield f'point {self.rng.choice(CORE)} "{self.rng.choice(POINTS)}"'
        ruling = self.rng.choice(("well-taken", "not-well-taken"))
        yield f"rule {ruling}"
        if self.rng.random() < 0.3:
            a, b = self._two()
            yield f"move to appeal by {a} seconded {b}"
            yield from self.vote()

    def decide(self, number: int, ballot_item: bool) -> Iterator[str]:
        motion = self.state.motions[number]
        if ballot_item:
            yield "ballot"
            yield from self.vote(ballot=True)
            return
        roll = self.rng.random()
        if roll < 0.5:
            yield from self.vote()
        elif roll < 0.7 and not motion.objections:
            yield "agreed"
        elif roll < 0.78:
            yield from self.roll_call()
        elif roll < 0.95:
            yield from self.consensus()
        else:
            yield "withdraw"

    def vote(self, ballot: bool = False, carry: bool = False) -> Iterator[str]:
        motion = self.state.pending
        if motion is None:
            return
        if not ballot and decided_in_secret(self.state, motion):  # every question on a ballot item
            yield "ballot"
            ballot = True
        if not ballot:
            yield from self.consensus_first()
            if self.state.pending is not motion:  # consensus decided it on the way
                return
        entitled = (
            len(motion.poll.entitled) if motion.poll is not None else len(entitled_voters(self.state, motion.item))
        )
        abstain = self.rng.randint(0, min(2, entitled))
        blank = self.rng.randint(0, 1) if ballot and entitled - abstain > 2 else 0
        voting = self.rng.randint(max(1, (entitled - abstain - blank) * 2 // 3), entitled - abstain - blank)
        yes = voting - self.rng.randint(0, voting // 2) if carry else self.rng.randint(0, voting)
        no = voting - yes
        if yes == no:
            yes, no = yes + 1, no - 1
        yield f"vote {yes} {no} {abstain}" + (f" blank {blank}" if blank else "")

    def consensus_first(self) -> Iterator[str]:
        yield from consensus_first(self.state, self.rng.choice(CORE))

    def roll_call(self) -> Iterator[str]:
        motion = self.state.pending
        yield from self.consensus_first()
        if motion is None or self.state.pending is not motion:
            return
        yield "roll-call"
        motion = self.state.pending
        if motion is None or motion.poll is None:
            return
        yield from roll_call_answers(motion.poll.entitled, self.rng, (2, 8))
        yield "close"

    def consensus(self) -> Iterator[str]:
        yield "consensus"
        if self.rng.random() < 0.3:
            yield f"aside {self.rng.choice(CORE)}"
        if self.rng.random() < 0.4:
            yield f'block {self.rng.choice(CORE)} "Our region has not been consulted"'
        yield from self.conclude()

    def conclude(self) -> Iterator[str]:
        motion = self.state.pending
        yield "conclude"
        # Consensus cannot carry what all present voting yes would not (a constitutional
        # amendment with 13 of 21 here): the chair concludes it was not reached, as told.
        if motion is not None and motion.consensus is not None and motion.consensus.result is None:
            yield "conclude not-reached"

    def take_from_table(self) -> Iterator[str]:
        if self.state.stack or not self.state.tabled:
            return
        a, b = self._two()
        yield f"move to take-from-table by {a} seconded {b}"
        yield from self.vote(carry=True)

    def settle(self) -> Iterator[str]:
        """Whatever is left pending after an activity is decided, so the next starts clean."""
        for _ in range(60):
            motion = self.state.pending
            if motion is None:
                return
            if motion.outcome is not None and motion.outcome.result == "pending":
                yield "draw" if motion.outcome.awaiting == "lots" else "cast yes"
            elif motion.kind == "point_of_order":
                yield "rule not-well-taken"
            elif motion.poll is not None and motion.poll.method == "roll_call":
                voted = set(motion.poll.choices)
                rest = [v for v in motion.poll.entitled if v.seat not in voted]
                if rest and rest[0].via == "proxy":
                    yield f"yes {rest[0].voter} for {rest[0].seat}"
                elif rest:
                    yield f"yes {rest[0].voter}"
                else:
                    yield "close"
            elif motion.consensus is not None and motion.consensus.result is None:
                yield from self.conclude()
            else:
                yield from self.vote(ballot=motion.poll is not None)
        raise RuntimeError(f"the chair's script is stuck on motion {self.state.pending}")


# ── building the journal ──────────────────────────────────────────────────────


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _commit() -> str:
    found = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return found.stdout.strip() or "?"


def _sources_digest() -> str:
    loaded = load(DEMO_AGENDA)
    return hashlib.sha256("".join(s.sha256 for s in loaded.sources).encode()).hexdigest()


def build(folder: Path, events: int, seed: int) -> dict:
    """Drive a real session until the journal holds `events` events; returns the build figures."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    path = folder / "journal.jsonl"
    loaded = load(DEMO_AGENDA)
    assert loaded.meeting is not None, loaded.diagnostics
    agenda = loaded.meeting.agenda
    clock = ScriptClock(agenda.scheduled_start, agenda.time_zone)
    started = time.perf_counter()
    session = Session.start(loaded.meeting, source_files(loaded.sources, DEMO_AGENDA), path, clock)
    chair = Chair(session, random.Random(seed))
    start = clock.now()
    span = 11 * 3600 + 59 * 60  # the meeting runs from 12:00 to 23:59 at the latest
    shown_every = max(1, events // 20)
    refusals: dict[str, int] = {}
    commands = clock_lines = 0
    undo_times: list[float] = []
    other_times: list[float] = []
    counts: dict[str, int] = {}
    lines = chair.lines()
    while len(session.recorded) < events:
        # The clock moves with the events, in whole seconds, through `at` lines as in a script.
        due = int(len(session.recorded) * span / events)
        if (clock.now() - start).total_seconds() < due:
            moment = (start + timedelta(seconds=due)).astimezone(clock.zone)
            assert isinstance(session.execute(f"at {moment:%H:%M:%S}"), Accepted)
            clock_lines += 1
        line = next(lines)
        before = time.perf_counter()
        result = session.execute(line)
        spent = time.perf_counter() - before
        commands += 1
        if isinstance(result, Refused):
            refusals[result.code] = refusals.get(result.code, 0) + 1
            if sum(refusals.values()) > max(50, commands // 20):
                session.close()
                raise RuntimeError(f"the chair's script is refused too often: {refusals} (last: {line!r})")
            continue
        assert isinstance(result, Accepted) and result.event is not None
        counts[result.event.type] = counts.get(result.event.type, 0) + 1
        (undo_times if isinstance(result.event, ev.Undone) else other_times).append(spent)
        if len(session.recorded) % shown_every == 0:
            elapsed = time.perf_counter() - started
            print(f"  building: {len(session.recorded):>7,} events, {elapsed:6.1f} s", file=sys.stderr, flush=True)
    session.close()
    seconds = time.perf_counter() - started
    return {
        "script_version": SCRIPT_VERSION,
        "seed": seed,
        "events": events,
        "sources": _sources_digest(),
        "sha256": _sha256(path),
        "bytes": path.stat().st_size,
        "built_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "built_at_commit": _commit(),
        "build_seconds": round(seconds, 2),
        "commands": commands,
        "clock_lines": clock_lines,
        "refusals": refusals,
        "event_types": dict(sorted(counts.items(), key=lambda kv: -kv[1])),
        "command_median_us": round(Spread(other_times).median * 1e6, 1),
        "command_mean_us": round(Spread(other_times).mean * 1e6, 1),
        "undo_count": len(undo_times),
        "undo_median_ms": round(Spread(undo_times).median * 1e3, 2) if undo_times else None,
        "undo_max_ms": round(Spread(undo_times).max * 1e3, 2) if undo_times else None,
    }


def cached(folder: Path, events: int, seed: int) -> dict | None:
    """The build figures of a journal already built with this script and these sources, if any."""
    try:
        meta = json.loads((folder / "meta.json").read_text())
    except (OSError, ValueError):
        return None
    wanted = {"script_version": SCRIPT_VERSION, "seed": seed, "events": events, "sources": _sources_digest()}
    if any(meta.get(k) != v for k, v in wanted.items()):
        return None
    path = folder / "journal.jsonl"
    if not path.exists() or path.stat().st_size != meta.get("bytes") or _sha256(path) != meta.get("sha256"):
        return None
    return meta


def journal_for(base: Path, events: int, seed: int, rebuild: bool) -> tuple[Path, dict, bool]:
    folder = base / f"replay-{events}-seed{seed}"
    meta = None if rebuild else cached(folder, events, seed)
    if meta is not None:
        return folder / "journal.jsonl", meta, True
    print(f"Building the {events:,}-event journal through a real Session (fsync per event)...", file=sys.stderr)
    meta = build(folder, events, seed)
    (folder / "meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    return folder / "journal.jsonl", meta, False


# ── measuring ─────────────────────────────────────────────────────────────────


def floor(path: Path) -> int:
    """(a) The least any replay must do: read the file, parse each line's JSON."""
    count = 0
    loads = json.loads
    with path.open("rb") as file:
        for line in file:
            loads(line)
            count += 1
    return count


def floor_chain(path: Path) -> int:
    """(a') The floor plus hashing each line, as checking the chain needs."""
    count = 0
    loads, sha = json.loads, hashlib.sha256
    with path.open("rb") as file:
        for line in file:
            loads(line)
            sha(line[:-1]).hexdigest()
            count += 1
    return count


def undo_times(path: Path, count: int) -> tuple[float, list[float]]:
    """Undo at the end of the journal, as a chair would in the meeting's last minutes: the
    journal (a copy) resumed as after a crash, its last action undone, then `count` times a
    note written and undone; each undo timed whole (decide, journal append with fsync, the
    state put back). Returns the resumption's time and the undos'."""
    copy = path.with_name("undo-" + path.name)
    shutil.copyfile(path, copy)
    try:
        started = time.perf_counter()
        session, _ = Session.resume(copy, ScriptClock(datetime.now().astimezone(), "UTC"))
        resumed = time.perf_counter() - started
        session.clock = ScriptClock(session.journal.last.ts, "UTC")
        times = []
        for n in range(count + 1):
            if n:
                session.execute(f'note "Undone at once ({n})"')
            before = time.perf_counter()
            result = session.execute("undo")
            times.append(time.perf_counter() - before)
            if not isinstance(result, Accepted):
                raise RuntimeError(f"undo refused: {result}")
        session.close()
    finally:
        copy.unlink(missing_ok=True)
    return resumed, times


def full(path: Path) -> tuple[State, list[Recorded]]:
    """(b) What every reader of a journal does; what it read is returned, for the program to use."""
    state, recorded, diagnostics = read_meeting(path)
    if state is None or diagnostics:
        raise RuntimeError(f"read_meeting refused the journal: {diagnostics}")
    return state, recorded


def full_then_freed(path: Path) -> None:
    """(b') The same, and everything it read freed at once, as a program that stops would."""
    full(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000, help="events in the journal (default %(default)s)")
    parser.add_argument(
        "--runs", type=int, default=3, help="timed runs of each measure, best kept (default %(default)s)"
    )
    parser.add_argument("--dir", type=Path, default=DEFAULT_FOLDER, help="bench folder on disk (default %(default)s)")
    parser.add_argument("--seed", type=int, default=SEED, help="the chair's script's seed (default %(default)s)")
    parser.add_argument("--rebuild", action="store_true", help="build the journal again even if a valid one is cached")
    parser.add_argument("--profile", action="store_true", help="also profile read_meeting (cProfile)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2,000 events, 3 runs")
    args = parser.parse_args(argv)
    if args.quick:
        args.events, args.runs = min(args.events, 2_000), min(args.runs, 3)
    if args.events < 100 or args.runs < 1:
        parser.error("--events must be at least 100 and --runs at least 1")
    wall = time.perf_counter()
    base, where = bench_folder(args.dir)
    header(f"meeting bench: replay of a {args.events:,}-event journal", [("disk", where)])

    path, meta, reused = journal_for(base, args.events, args.seed, args.rebuild)
    state, recorded, diagnostics = read_meeting(path)  # also warms the caches
    if state is None or diagnostics:
        # The code may have changed under a cached journal: build it again, once.
        print(f"The cached journal no longer reads ({diagnostics}); rebuilding.", file=sys.stderr)
        path, meta, reused = journal_for(base, args.events, args.seed, rebuild=True)
        full(path)
    print(f"Journal: {path}")
    size = meta["bytes"]
    print(
        f"  {meta['events']:,} events, {size / 2**20:.1f} MiB ({size / meta['events']:.0f} bytes/event); "
        f"{'reused, ' if reused else ''}built {meta['built_at']} (code at {meta.get('built_at_commit', '?')}) "
        f"in {meta['build_seconds']:.1f} s"
    )
    if reused:
        print("  (a cached journal is kept while read_meeting accepts it; --rebuild after changing the events)")
    print(
        f"  build: {meta['commands']:,} commands ({sum(meta['refusals'].values())} refused), "
        f"{meta['clock_lines']:,} `at` lines; per accepted command median {meta['command_median_us']:.0f} µs, "
        f"mean {meta['command_mean_us']:.0f} µs (with fsync)"
    )
    if meta["undo_count"]:
        print(
            f"  build: {meta['undo_count']} undos, median {meta['undo_median_ms']:.1f} ms, "
            f"max {meta['undo_max_ms']:.1f} ms each, fsync included"
        )
    kinds = meta["event_types"]
    print(
        "  event mix: "
        + ", ".join(f"{k} {v * 100 / meta['events']:.1f}%" for k, v in list(kinds.items())[:12])
        + ", ..."
    )
    print()

    n = meta["events"]
    path_shown = str(path)

    def measures() -> dict[str, float]:
        """Each measure best of N; the stages of (b) timed alone, each fed from one run of the
        stage before (kept from one run, never from all, so the heap stays as in (b))."""
        kept: dict[str, list] = {}
        found = best_of_each(
            args.runs,
            {
                "a": lambda: floor(path),
                "a2": lambda: floor_chain(path),
                "b": lambda: full(path),
                "b2": lambda: full_then_freed(path),
            },
        )
        found["s1"] = best_of(args.runs, lambda: kept.update(entries=read_journal(path, path_shown, LINES)[0]))[0]
        recorded = _recorded(kept.pop("entries"))
        found["s3"] = best_of(args.runs, lambda: fold(recorded))[0]
        return found

    del state, recorded
    on = measures()
    gc.disable()
    try:
        off = measures()
    finally:
        gc.enable()

    a = on["a"]
    print(f"Best of {args.runs} runs ({n:,} events); the last column has the garbage collector off:")
    rows = [("measure", "time", "events/s", "per event", "x floor", "gc off")]
    for key, name in (
        ("a", "(a)  floor: read + json.loads per line"),
        ("a2", "(a') floor + sha256 per line"),
        ("b", "(b)  read_meeting (full replay)"),
        ("b2", "(b') read_meeting, then all it read freed at once"),
        ("s1", "     1. read_journal: each line and its event in one pass, the chain"),
        ("s3", "     2. fold into the state"),
    ):
        t = on[key]
        rows.append((name, f"{t:.3f} s", rate(n, t), us(t / n), f"{t / a:.2f}", f"{off[key]:.3f} s"))
    table(rows)
    print()
    print(f"Ratio (b)/(a): {verdict(on['b'] / a, TARGET)}")
    print(f"  (garbage collector off for both: {off['b'] / off['a']:.2f}x)")
    print()

    resumed, undos = undo_times(path, UNDOS)
    spread = Spread(undos)
    met = "met" if spread.median <= UNDO_TARGET else "MISSED"
    print(
        f"Undo of the last action at {n:,} events ({len(undos)} undos, fsync included; the journal resumed "
        f"in {resumed:.2f} s): median {us(spread.median)}, max {us(spread.max)} "
        f"(target: median <= {us(UNDO_TARGET)}: {met})"
    )
    print()

    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        full(path)
        profiler.disable()
        print("Profile of one read_meeting run (cProfile inflates small calls; use it for shares, not times):")
        profile_report(profiler, 15)
    print(f"Done in {time.perf_counter() - wall:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
