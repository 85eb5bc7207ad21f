"""The general assembly's election of the council by STV: how long the count takes.

    python bench/elections.py [--delegates 160,1000] [--runs 5] [--dir /var/tmp/meeting-bench] [--quick]

For each size, bench/generate_assembly.py writes the assembly (council, agenda, and the replay
script of its election: every delegate's ranked ballot paper, anonymous); the script is replayed
by a real Session with a script clock into a journal on disk. Then, best of N runs on the round's
papers as the journal holds them:
  (a) the floor: one pass over the papers adding up first preferences, the least any count of
      ranked ballots must do;
  (b) the Scottish STV count itself (`meeting.domain.elections.ranked.scottish_stv`), with the
      election's composition rule, stage by stage to the last seat;
and (c) the whole `result` command: the engine counting the open round and the session
journaling the result (fsynced), measured once per size on a fresh copy of the journal.
It prints each figure and the ratio (b)/(a), measured in the same run.
"""

import argparse
import shutil
import sys
import time
from collections import Counter
from pathlib import Path

from _common import DEFAULT_FOLDER, bench_folder, best_of, header, table, us
from generate_assembly import AGENDA_FILE, ELECTION_SCRIPT, generate

from meeting.domain.elections.conduct import round_conditions
from meeting.domain.elections.ranked import scottish_stv
from meeting.i18n import set_language
from meeting.loader.load import load
from meeting.session import Accepted, ScriptClock, Session, source_files


def replay(folder: Path, lines: list[str]) -> Session:
    """The election's script replayed, as `meeting replay` does, into folder/journal.jsonl."""
    loaded = load(folder / AGENDA_FILE)
    assert loaded.meeting is not None, loaded.diagnostics
    agenda = loaded.meeting.agenda
    clock = ScriptClock(agenda.scheduled_start, agenda.time_zone)
    journal = folder / "journal.jsonl"
    journal.unlink(missing_ok=True)
    session = Session.start(loaded.meeting, source_files(loaded.sources, folder / AGENDA_FILE), journal, clock)
    for line in lines:
        result = session.execute(line)
        if result is not None and not isinstance(result, Accepted):
            raise SystemExit(f"{line!r} refused: {result.code} {result.params}")
    return session


def run_size(delegates: int, runs: int, root: Path) -> list[str]:
    folder = root / f"elections-{delegates}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name, text in generate(delegates).items():
        (folder / name).write_text(text, encoding="utf-8")
    script = (folder / ELECTION_SCRIPT).read_text(encoding="utf-8").splitlines()
    until_result = script[: script.index("result")]
    session = replay(folder, until_result)
    election = next(e for e in session.state.elections.values() if e.open_round is not None)
    ballot = election.open_round
    assert ballot is not None
    council = session.state.meeting.council
    conditions = round_conditions(election.election, council, ballot, ())

    def floor() -> object:
        return Counter(p.ranking[0] for p in ballot.papers for _ in range(p.count))

    def count() -> object:
        return scottish_stv(ballot.seats, ballot.candidates, ballot.papers, conditions, b"bench")

    floor_best, _ = best_of(runs, floor)
    count_best, _ = best_of(runs, count)
    counted = count()
    start = time.perf_counter()
    answer = session.execute("result")
    declared = time.perf_counter() - start
    assert isinstance(answer, Accepted)
    session.close()
    stages = len(counted.stages)  # type: ignore[attr-defined]
    return [
        f"{delegates:,}",
        f"{ballot.paper_count:,} ({len(ballot.papers):,} kinds)",
        f"{len(ballot.candidates)} for {ballot.seats}",
        str(stages),
        us(floor_best),
        us(count_best),
        f"{count_best / floor_best:,.0f}x",
        us(declared),
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", default="160,1000", help="assembly sizes, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--quick", action="store_true", help="a smoke run: 160 delegates, 2 runs")
    args = parser.parse_args(argv)
    set_language("en")
    sizes = [160] if args.quick else [int(n) for n in args.delegates.split(",")]
    runs = 2 if args.quick else args.runs
    root, where = bench_folder(args.dir)
    header("The election of the council by STV (bench/elections.py)", [("folder", where), ("runs", f"best of {runs}")])
    rows = [
        [
            "delegates",
            "ballot papers",
            "candidates",
            "stages",
            "(a) floor",
            "(b) STV count",
            "(b)/(a)",
            "(c) result cmd",
        ]
    ]
    rows += [run_size(size, runs, root) for size in sizes]
    table(rows, left=())
    print()
    print("(a) one pass adding up first preferences; (b) the Scottish STV count with the composition rule;")
    print("(c) the `result` command once: the engine's count and the journal entry, fsynced.")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
