"""Every minutes file of a 1,000-delegate general assembly: how long `meeting minutes` takes.

    python bench/minutes.py [--delegates 1000] [--votes 300] [--roll-calls 10] [--runs 3]
                            [--dir /var/tmp/meeting-bench] [--rebuild] [--profile] [--quick]

The assembly's council comes from bench/generate_assembly.py; its agenda here has one item per
ten resolutions. The journal is built once by a real Session with a script clock: every
delegate attends (in person or remote), and each resolution item takes a main motion and
amendments to it, each decided by a counted vote, until `--votes` votes are counted; `--roll-calls`
of the items decide their main motion by roll call instead, every seat answering. The journal
is kept in the bench folder (on disk, never tmpfs) and reused while it is valid.

Then, best of N runs:
  (a) the floor: read the journal's lines and `json.loads` each, then write the minutes'
      record once as JSON (`json.dumps` of the same data, written and fsynced): the least a
      program turning this journal into one file of these minutes must do;
  (b) what `meeting minutes JOURNAL` does: read the journal (hash chain, validation, fold),
      build the minutes, write minutes.toml, .json, .md, .html, .docx, votes.csv and the
      manifest, each fsynced.
It prints each stage, the total against the target (under 3 s), and the ratio (b)/(a).
`--profile` adds cProfile's top functions of one run of (b).
"""

import argparse
import cProfile
import hashlib
import json
import os
import shutil
import sys
import time
import tomllib
from datetime import datetime, timedelta
from pathlib import Path

from _common import DEFAULT_FOLDER, bench_folder, best_of, header, profile_report, table
from generate_assembly import AGENDA_FILE, COUNCIL_FILE, generate

from meeting.domain.engine import Refused
from meeting.i18n import set_language
from meeting.loader.load import load
from meeting.minutes import files
from meeting.session import Accepted, ScriptClock, Session, source_files

TARGET_SECONDS = 3.0
# Bump when the script below changes, so that a cached journal is rebuilt.
SCRIPT_VERSION = 1
VOTES_PER_ITEM = 10

AGENDA = """\
id = "2027-06-general-assembly"
title = "IC-ASM General Assembly, June 2027"
kind = "general_assembly"
start = 2027-06-15T09:00:00
time_zone = "Africa/Nairobi"
duration_minutes = 1440
language = "en"
place = "Nairobi, Kenya (in person, with remote participation)"
chair = "{chair}"
secretary = "sec-1"
council = "council.toml"

[[items]]
id = "opening"
title = "Opening, credentials and quorum"
kind = "procedural"
minutes = 30
{items}
[[items]]
id = "closing"
title = "Closing of the assembly"
kind = "procedural"
minutes = 10
"""

ITEM = """
[[items]]
id = "resolutions-{n}"
title = "Resolutions of the regional caucuses, part {n}"
kind = "decision"
minutes = 30
class = "procedural"
vote = "{vote}"
documents = ["Draft resolutions, part {n} (en, fr, es, sw)"]
"""

MOTION = (
    "That the assembly adopt resolution {n} of the regional caucuses on the formalisation of artisanal "
    "mining permits, as circulated in English, French, Spanish and Swahili."
)
AMENDMENT = "That the assembly adopt resolution {n} as circulated, with the changes {k} agreed by the caucuses."


def agenda_text(chair: str, items: int, roll_calls: int) -> str:
    """One item per ten votes; the last `roll_calls` items decide their main motion by roll call."""
    body = "".join(
        ITEM.format(n=n, vote="roll_call" if n > items - roll_calls else "show_of_hands") for n in range(1, items + 1)
    )
    return AGENDA.format(chair=chair, items=body)


def write_assembly(folder: Path, delegates: int, votes: int, roll_calls: int) -> Path:
    assembly = generate(delegates)
    (folder / COUNCIL_FILE).write_text(assembly[COUNCIL_FILE], encoding="utf-8", newline="\n")
    chair = tomllib.loads(assembly[AGENDA_FILE])["chair"]
    items = -(-votes // VOTES_PER_ITEM)
    agenda = folder / AGENDA_FILE
    agenda.write_text(agenda_text(chair, items, min(roll_calls, items)), encoding="utf-8", newline="\n")
    return agenda


class Chair:
    """The chair's script: attendance, then each item's motions and votes, one line at a time."""

    def __init__(self, session: Session, votes: int) -> None:
        state = session.state
        council = state.meeting.council
        self.session = session
        self.seats = [m.id for m in council.seats]
        self.votes = votes
        self.items = [i for i in state.order if i.startswith("resolutions-")]
        self.roll_call_items = {i for i in self.items if state.items[i].item.vote == "roll_call"}

    def lines(self):
        seats = self.seats
        half = len(seats) // 2
        for start in range(0, half, 100):
            yield "present " + " ".join(seats[start : min(start + 100, half)])
        for start in range(half, len(seats), 100):
            yield "remote " + " ".join(seats[start : start + 100])
        yield "begin"
        yield "open opening"
        yield "at +20"
        counted = 0
        for number, item in enumerate(self.items, start=1):
            yield "next"
            mover, seconder = seats[number % len(seats)], seats[(number * 7 + 3) % len(seats)]
            yield f'move "{MOTION.format(n=number)}" by {mover} seconded {seconder}'
            amendments = VOTES_PER_ITEM - 1
            for k in range(1, amendments + 1):
                if counted >= self.votes - 1:
                    break
                a, b = seats[(number * 13 + k) % len(seats)], seats[(number * 17 + 2 * k) % len(seats)]
                yield f'move to amend "{AMENDMENT.format(n=number, k=k)}" by {a} seconded {b}'
                yield "at +1"
                yield f"vote {len(seats) // 2 + k} {len(seats) // 3} {k}"
                counted += 1
            if item in self.roll_call_items:
                yield "roll-call"
                poll = self.session.state.pending.poll  # who may answer: the register the roll call opened with
                voters = [v.voter for v in poll.entitled]
                for start in range(0, len(voters), 100):
                    answer = "yes" if start < 2 * len(voters) // 3 else "no" if start + 100 < len(voters) else "abstain"
                    yield f"{answer} " + " ".join(voters[start : start + 100])
                yield "close"
            else:
                yield f"vote {len(seats) // 2 + 10} {len(seats) // 4} 5"
            counted += 1
            yield "at +5"
            if counted >= self.votes:
                break
        yield "next"
        yield "adjourn"


def build(folder: Path, delegates: int, votes: int, roll_calls: int) -> dict:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    agenda = write_assembly(folder, delegates, votes, roll_calls)
    loaded = load(agenda)
    assert loaded.meeting is not None, loaded.diagnostics
    meeting = loaded.meeting
    clock = ScriptClock(meeting.agenda.scheduled_start, meeting.agenda.time_zone)
    started = time.perf_counter()
    session = Session.start(meeting, source_files(loaded.sources, agenda), folder / "journal.jsonl", clock)
    chair = Chair(session, votes)
    for line in chair.lines():
        if line.startswith("at +"):
            clock.time += timedelta(minutes=int(line[4:]))
            continue
        result = session.execute(line)
        if isinstance(result, Refused):
            session.close()
            raise RuntimeError(f"refused: {line[:80]!r}: {result.code} {result.params}")
        assert isinstance(result, Accepted)
    state = session.state
    counted = sum(1 for m in state.motions.values() if m.outcome is not None)
    polls = sum(1 for m in state.motions.values() if m.method == "roll_call")
    session.close()
    path = folder / "journal.jsonl"
    return {
        "script_version": SCRIPT_VERSION,
        "delegates": delegates,
        "votes": counted,
        "roll_calls": polls,
        "events": len(session.recorded),
        "bytes": path.stat().st_size,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "build_seconds": round(time.perf_counter() - started, 1),
        "built_at": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def cached(folder: Path, delegates: int, votes: int, roll_calls: int) -> dict | None:
    try:
        info = json.loads((folder / "build.json").read_text())
        digest = hashlib.sha256((folder / "journal.jsonl").read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
    wanted = {"script_version": SCRIPT_VERSION, "delegates": delegates, "sha256": digest}
    if any(info.get(k) != v for k, v in wanted.items()) or info.get("asked") != [votes, roll_calls]:
        return None
    return info


def floor(journal: Path, out: Path, record: dict) -> None:
    """Read and parse the journal's lines; write the record once, as JSON, fsynced."""
    with journal.open("rb") as lines:
        for line in lines:
            json.loads(line)
    data = json.dumps(record, ensure_ascii=False, indent=2).encode("utf-8")
    with (out / "floor.json").open("wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())


class Stages:
    """`meeting minutes` in its stages, each timed, writing as the command writes."""

    FORMATS = files.FORMATS

    def __init__(self, journal: Path, out: Path) -> None:
        self.journal, self.out = journal, out
        self.times: dict[str, float] = {}
        self.sizes: dict[str, int] = {}

    def _timed(self, name: str, work):
        started = time.perf_counter()
        result = work()
        self.times[name] = time.perf_counter() - started
        return result

    def run(self) -> None:
        self.times.clear()
        read = self._timed("read the journal", lambda: files.read(self.journal))
        assert read.ok, read.diagnostics
        minutes = self._timed("build the minutes", lambda: files.minutes_in(read, None))
        hashes = {}
        for fmt in self.FORMATS:
            name = files.file_name(fmt, minutes.language, minutes.language)

            def write(fmt: str = fmt, name: str = name) -> None:
                data = files.render(minutes, fmt)
                files.write_atomically(self.out / name, data)
                hashes[name] = hashlib.sha256(data).hexdigest()
                self.sizes[name] = len(data)

            self._timed(name, write)
        manifest = files.manifest(self.out, self.journal, read, hashes, None)
        self._timed("manifest.toml", lambda: files.write_atomically(self.out / files.MANIFEST, manifest))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=1_000, help="voting seats (default %(default)s)")
    parser.add_argument("--votes", type=int, default=300, help="counted votes (default %(default)s)")
    parser.add_argument("--roll-calls", type=int, default=10, help="of which roll calls (default %(default)s)")
    parser.add_argument("--runs", type=int, default=3, help="best of N (default %(default)s)")
    parser.add_argument("--dir", type=Path, default=DEFAULT_FOLDER, help="bench folder on disk (default %(default)s)")
    parser.add_argument("--rebuild", action="store_true", help="build the journal again even if cached")
    parser.add_argument("--profile", action="store_true", help="cProfile one run of `meeting minutes`")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 200 delegates, 30 votes, 2 roll calls")
    args = parser.parse_args(argv)
    if args.quick:
        args.delegates, args.votes, args.roll_calls, args.runs = 200, 30, 2, 1
    if args.delegates < 20 or args.votes < VOTES_PER_ITEM or not 0 <= args.roll_calls <= args.votes // VOTES_PER_ITEM:
        parser.error("at least 20 delegates and 10 votes; at most one roll call per 10 votes")
    base, where = bench_folder(args.dir)
    header(
        f"meeting bench: the minutes of {args.delegates:,} delegates, {args.votes} votes, {args.roll_calls} roll calls",
        [("disk", where)],
    )
    folder = base / f"minutes-{args.delegates}"
    info = None if args.rebuild else cached(folder, args.delegates, args.votes, args.roll_calls)
    if info is None:
        print("Building the journal (once; kept in the bench folder)...", flush=True)
        info = build(folder, args.delegates, args.votes, args.roll_calls)
        info["asked"] = [args.votes, args.roll_calls]
        (folder / "build.json").write_text(json.dumps(info, indent=2))
    journal = folder / "journal.jsonl"
    print(
        f"Journal: {journal}\n  {info['events']:,} events, {info['bytes'] / 2**20:.1f} MiB; "
        f"{info['votes']} counted votes, {info['roll_calls']} of them roll calls; built in {info['build_seconds']} s"
    )
    print()
    out = folder / "out"
    out.mkdir(exist_ok=True)
    set_language("en")
    stages = Stages(journal, out)
    runs: list[dict[str, float]] = []

    def one() -> None:
        stages.run()
        runs.append(dict(stages.times))

    total, _all = best_of(args.runs, one)
    best = min(runs, key=lambda r: sum(r.values()))
    record = files.minutes_in(files.read(journal), None).data()
    floor_best, _floors = best_of(args.runs, lambda: floor(journal, out, record))

    rows = [["stage", "time", "size"]]
    for name, seconds in best.items():
        size = stages.sizes.get(name)
        rows.append([name, f"{seconds * 1e3:,.0f} ms", f"{size / 2**20:.1f} MiB" if size else ""])
    rows.append(["all of `meeting minutes`", f"{sum(best.values()) * 1e3:,.0f} ms", ""])
    table(rows)
    print()
    print(f"Floor (read and json.loads every line; write the record once as JSON): {floor_best * 1e3:,.0f} ms")
    print(
        f"All formats: {total:.2f} s (target < {TARGET_SECONDS:g} s: {'met' if total < TARGET_SECONDS else 'MISSED'})"
    )
    print(f"Ratio to the floor: {total / floor_best:.2f}x")
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        stages.run()
        profiler.disable()
        print()
        profile_report(profiler)
    return 0 if total < TARGET_SECONDS or args.quick else 1


if __name__ == "__main__":
    sys.exit(main())
