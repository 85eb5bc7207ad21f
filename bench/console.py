"""The console's start-up and responsiveness, against a bare Textual app in the same run.

    python bench/console.py [--runs N] [--quick]

1. Process start to first frame, best of N fresh processes each (imports included, as a chair
   waits for them): a bare Textual app (Header, DataTable, Footer), and `meeting run` itself
   on the demo council (21 seats) and on a general assembly of 1,000 delegates, each opening a
   new journal (the agenda and council loaded and checked) and resuming it (as after a crash:
   the meeting as the journal recorded it). Ratios to the bare app; targets 1.3x (council) and
   1.6x (1,000 delegates). The console's first frame is its opening screen, drawn before the
   meeting is read; so the second table gives, for the same processes, the moment the main
   screen is drawn with the meeting's state, and below it the share of that no console can
   avoid: pydantic and the validators of the journal's events.
2. At 1,000 delegates, marking one member present on the roll call screen, through Pilot:
   the console's own work per key (the command journaled and fsynced, the state, the rows and
   the quorum panel updated: timed inside the key's action), median and p95; target under
   50 ms median. Beside it, Pilot's whole round trip per key press for the console and for a
   bare Textual app with a 1,000-row DataTable doing a trivial update, so the reader sees how
   much of a key press is Textual's own.

Each child process runs the app headless and, on Textual's `Ready` event (after the first
screen is laid out and drawn: the same moment for all three), writes the system-wide monotonic
clock to standard error and exits: the figure is from just before the process is launched to
that moment, so the app's shutdown and the interpreter's teardown, which no chair waits for, are
not in it. The machines this runs on change speed within minutes, so the starts are taken in
turns (bare, council, 1,000 delegates, again), not each figure's runs one after another.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import REPO, Spread, header, table, us, verdict

BARE = """
import sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header

class Bare(App):
    def compose(self):
        yield Header()
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Region", "Id", "Name")
        table.add_rows([("Anglophone Africa", f"gh-{n}", f"Member {n}") for n in range(21)])

    def on_ready(self):
        print("first frame", time.clock_gettime(time.CLOCK_MONOTONIC), file=sys.stderr)
        self.exit()

Bare().run(headless=True, size=(120, 40))
"""

# `meeting run AGENDA --journal J --resume` itself, through the command line's own imports, its
# journal resumed; the only difference from a chair's is that it draws headless and stops once
# the meeting is on screen. Two moments: the first frame (the opening screen, drawn before the
# meeting is read), and the main screen drawn with the meeting's state.
CONSOLE = """
import sys, time
from textual.app import App
from textual.screen import Screen

def now():
    return time.clock_gettime(time.CLOCK_MONOTONIC)

def ready(self):
    print("first frame", now(), file=sys.stderr)

def shown(screen):
    print("meeting shown", now(), file=sys.stderr)
    screen.app.exit()

resume = Screen._on_screen_resume

def resumed(self, event):
    resume(self, event)
    if type(self).__name__ == "MainScreen":
        self.call_after_refresh(shown, self)

Screen._on_screen_resume = resumed
draw = App.run
App.on_ready = ready
App.run = lambda self, *args, **kwargs: draw(self, headless=True, size=(120, 40))
from meeting.cli.main import main

sys.exit(main(["run", sys.argv[1], "--journal", sys.argv[2], "--resume"]))
"""


# As the console builds them: with the garbage collector waiting (meeting.lasting).
DOMAIN_IMPORTS = "import gc; gc.disable(); import meeting.session"
# What any program reading a journal pays, whatever it does: pydantic, the models of the
# journal's events (the council, the rules and the agenda inside the first one) and their
# validator, built on first use.
PYDANTIC_FLOOR = """
import gc; gc.disable()
from meeting.domain import events

def validator():
    return events.LINES.validator.validate_json

validator()
"""

# Textual comes from pip with its bytecode compiled; the project's own modules are compiled too,
# so both sides start the same way whatever PYTHONDONTWRITEBYTECODE says.
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def start_time(code: str, *args: str) -> float:
    """From launching a process to its exit."""
    begin = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, cwd=REPO, capture_output=True, env=CHILD_ENV)
    return time.perf_counter() - begin


def moments(code: str, *args: str) -> dict[str, float]:
    """From launching a process to each moment it reports: "first frame" (BARE, CONSOLE) and
    "meeting shown" (CONSOLE)."""
    begin = time.clock_gettime(time.CLOCK_MONOTONIC)
    done = subprocess.run(
        [sys.executable, "-c", code, *args], check=True, cwd=REPO, capture_output=True, text=True, env=CHILD_ENV
    )
    said = (line.rpartition(" ") for line in done.stderr.splitlines())
    return {moment: float(at) - begin for moment, _, at in said if moment in ("first frame", "meeting shown")}


def assembly(folder: Path, delegates: int) -> Path:
    from generate_assembly import generate

    for name, text in generate(delegates).items():
        (folder / name).write_text(text, encoding="utf-8")
    return next(folder.glob("[0-9]*.toml"))


async def mark_present_times(agenda: Path, journal: Path, presses: int) -> tuple[list[float], list[float]]:
    """Per key press: the console's own work (from the key's action to the rows redrawn), and
    Pilot's round trip."""
    from meeting.session import WallClock, open_session
    from meeting.tui.app import build_app
    from meeting.tui.attendance import AttendanceScreen

    session = open_session(agenda, journal, None, scripted=False, resume=True).session
    assert session is not None
    app = build_app(session, WallClock())
    work: list[float] = []
    mark, answered = AttendanceScreen.action_mark, AttendanceScreen.on_command_answered
    began: list[float] = []

    # From the key's action to the rows redrawn: the command sent as a message, run by the app
    # (journaled and fsynced), the state, and the answer back to the screen.
    def timed_mark(screen: AttendanceScreen, verb: str) -> None:
        began.append(time.perf_counter())
        mark(screen, verb)

    def timed_answer(screen: AttendanceScreen, message) -> None:
        answered(screen, message)
        work.append(time.perf_counter() - began[-1])

    AttendanceScreen.action_mark = timed_mark  # type: ignore[method-assign]
    AttendanceScreen.on_command_answered = timed_answer  # type: ignore[method-assign]
    trips = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        quorum = app.screen.query_one("#roll-quorum")
        for _ in range(presses):
            before = str(quorum.render())
            begin = time.perf_counter()
            await pilot.press("p")
            await pilot.pause()
            trips.append(time.perf_counter() - begin)
            assert str(quorum.render()) != before, "the quorum panel did not change"
    AttendanceScreen.action_mark = mark  # type: ignore[method-assign]
    AttendanceScreen.on_command_answered = answered  # type: ignore[method-assign]
    session.close()
    return work, trips


BARE_TABLE = """
import asyncio, json, sys, time
from textual.app import App
from textual.widgets import DataTable, Footer, Header, Static

class Bare(App):
    BINDINGS = [("p", "mark", "Mark")]

    def compose(self):
        yield Header()
        yield Static("0", id="count")
        yield DataTable()
        yield Footer()

    def on_mount(self):
        table = self.query_one(DataTable)
        table.add_columns("Id", "Name", "Attending")
        table.add_rows([(f"d-{n}", f"Delegate {n}", "absent") for n in range(1000)])
        table.focus()

    def action_mark(self):
        count = self.query_one("#count")
        count.update(str(int(str(count.render())) + 1))
        self.query_one(DataTable).action_cursor_down()

async def main():
    app = Bare()
    trips = []
    async with app.run_test(size=(120, 40)) as pilot:
        for _ in range(int(sys.argv[1])):
            begin = time.perf_counter()
            await pilot.press("p")
            await pilot.pause()
            trips.append(time.perf_counter() - begin)
    print(json.dumps(trips))

asyncio.run(main())
"""


def bare_trips(presses: int) -> list[float]:
    import json

    done = subprocess.run([sys.executable, "-c", BARE_TABLE, str(presses)], check=True, capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per start-up figure (best of)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 processes, 20 presses")
    args = parser.parse_args()
    runs, presses = (2, 20) if args.quick else (args.runs, 100)
    header("meeting: the console's start-up and response", [("runs", f"best of {runs} processes")])
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(REPO / "meeting")], check=True, env=CHILD_ENV)
    demo = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.toml"
    with tempfile.TemporaryDirectory(dir="/var/tmp") as tmp:
        folder = Path(tmp)
        (folder / "ga").mkdir()
        big = assembly(folder / "ga", 1000)

        # Each turn: the bare app, then each agenda on a journal of its own (new) and on the
        # first turn's journal (resumed).
        starts: dict[str, list[float]] = {}
        shown: dict[str, list[float]] = {}
        for turn in range(runs):
            starts.setdefault("bare", []).append(moments(BARE)["first frame"])
            for agenda, name in ((demo, "council"), (big, "thousand")):
                for run, journal in (
                    (name, folder / f"{name}-{turn}.jsonl"),
                    (f"{name} resumed", folder / f"{name}-0.jsonl"),
                ):
                    seen = moments(CONSOLE, str(agenda), str(journal))
                    starts.setdefault(run, []).append(seen["first frame"])
                    shown.setdefault(run, []).append(seen["meeting shown"])
        bare = min(starts["bare"])
        runs_named = (
            ("council", "demo council (21 seats), new journal", 1.3),
            ("council resumed", "demo council, resuming", 1.3),
            ("thousand", "1,000 delegates, new journal", 1.6),
            ("thousand resumed", "1,000 delegates, resuming", 1.6),
        )
        # Where the difference goes: a process that only imports what the console needs before
        # its first frame, without Textual (the session, the domain, pydantic, the loader).
        domain = min(start_time(DOMAIN_IMPORTS) for _ in range(runs))
        floor = min(start_time(PYDANTIC_FLOOR) for _ in range(runs))
        empty = min(start_time("pass") for _ in range(runs))
        table(
            [
                ["process start to first frame", "best", "ratio to bare"],
                ["bare Textual app (Header, DataTable, Footer)", us(bare), "1.00x"],
                *(
                    [f"meeting run, {words}", us(min(starts[run])), verdict(min(starts[run]) / bare, target)]
                    for run, words, target in runs_named
                ),
            ]
        )
        print()
        table(
            [
                ["process start to the meeting on screen (its main screen drawn)", "best", "ratio to bare"],
                *(
                    [f"meeting run, {words}", us(min(shown[run])), f"{min(shown[run]) / bare:.2f}x"]
                    for run, words, _target in runs_named
                ),
                ["the session's imports alone (meeting.session: domain, pydantic)", us(domain - empty), ""],
                [
                    "pydantic, the events' models and the journal's validator alone",
                    us(floor - empty),
                    f"{(floor - empty) / bare:.2f}x",
                ],
            ]
        )
        print()
        work, trips = asyncio.run(mark_present_times(big, folder / "press.jsonl", presses))
        own, trip, bare_trip = Spread(work), Spread(trips), Spread(bare_trips(presses))
        table(
            [
                ["mark one member present (1,000 delegates)", "median", "p95", "target"],
                [
                    "the console's work per key (journal, state, rows, quorum)",
                    us(own.median),
                    us(own.p95),
                    f"median < 50 ms: {'met' if own.median < 0.05 else 'MISSED'}",
                ],
                [
                    "Pilot round trip per key press, the console",
                    us(trip.median),
                    us(trip.p95),
                    f"{trip.median / bare_trip.median:.2f}x the bare app's",
                ],
                ["Pilot round trip per key press, bare app + DataTable", us(bare_trip.median), us(bare_trip.p95), ""],
            ]
        )


if __name__ == "__main__":
    main()
