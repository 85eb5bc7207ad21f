"""`meeting serve` under 1, 10 and 25 viewers: memory per viewer, update latency, and bytes per
second per viewer, idle and during a roll call (members follow on mobile data).

    python bench/serve.py [--viewers 1,10,25] [--idle SECONDS] [--dir FOLDER] [--quick]

A viewer here is what a browser is to the server: a WebSocket on the view's address (120x40
cells), its own `meeting view --follow` process behind it. The chair is this process: a real
Session writing the demo meeting's journal up to the Article 7 roll call, then the roll call one
line a second. Each figure beside its floor, measured in the same run:

- memory per viewer (PSS of the view's processes, shared pages split fairly) against a bare
  Python process that has imported Textual;
- latency from the chair's fsync to the line on every viewer's screen, against a Follower in
  this process polling at the view's own interval, at a random phase (what polling alone costs);
- bytes per second per viewer against the bytes of one full first screen.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_FOLDER, REPO, Spread, bench_folder, header, table, us

sys.path.insert(0, str(REPO))
import aiohttp

from meeting.session import Session, open_session
from meeting.view.app import POLL_SECONDS
from meeting.view.follow import Follower

AGENDA = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.toml"
SCRIPT = AGENDA.with_suffix(".script")
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


def demo_lines() -> list[str]:
    lines = []
    for line in SCRIPT.read_text(encoding="utf-8").splitlines():
        command = line.split("  #", 1)[0].strip()
        if command and not command.startswith("#"):
            lines.append(command)
    return lines


def pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


class Viewer:
    def __init__(self, websocket: aiohttp.ClientWebSocketResponse) -> None:
        self.websocket = websocket
        self.data = bytearray()
        self.seen = 0  # where the search for the next update starts
        self.task = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for message in self.websocket:
            if message.type == aiohttp.WSMsgType.BINARY:
                self.data += message.data

    def text_since(self, start: int) -> str:
        return ESCAPES.sub(b"", bytes(self.data[start:])).decode("utf-8", "replace")

    async def wait_for(self, words: str, timeout: float) -> float:
        start = time.perf_counter()
        while words not in self.text_since(self.seen):
            if time.perf_counter() - start > timeout:
                raise TimeoutError(words)
            await asyncio.sleep(0.005)
        return time.perf_counter()


async def _seen_by(follower: Follower, seq: int) -> float:
    """The floor: when a Follower polling at the view's own interval (its phase, like a view's,
    unrelated to the chair's write) has the line: what polling alone costs."""
    await asyncio.sleep(random.uniform(0, POLL_SECONDS))
    follower.poll()
    while len(follower.recorded) < seq:
        await asyncio.sleep(POLL_SECONDS)
        follower.poll()
    return time.perf_counter()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(port: int, timeout: float = 30.0) -> None:
    """The link is printed before the server listens: wait until it does."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def bare_textual_pss() -> int:
    process = subprocess.Popen([sys.executable, "-c", "import textual.app, time; time.sleep(60)"])
    time.sleep(3)
    value = pss_kib(process.pid)
    process.kill()
    process.wait()
    return value


async def round_of(count: int, folder: Path, idle: float, pace: float) -> dict[str, object]:
    journal = folder / f"journal-{count}.jsonl"
    for stale in folder.glob(f"journal-{count}.jsonl*"):
        stale.unlink()
    # The wall clock, as a live meeting has it, so the speaker's and the item's clocks move
    # while nothing else happens (the script's own times are skipped).
    opened = open_session(AGENDA, journal, None, scripted=False, resume=False)
    session = opened.session
    assert session is not None, opened.diagnostics
    lines = demo_lines()
    for line in lines[: lines.index("roll-call")]:
        if not line.startswith("at "):
            session.execute(line)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "meeting", "serve", str(journal), "--port", str(port)],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    link = ""
    while not link:
        link = next(iter(re.findall(r"http://\S+", server.stdout.readline())), "")
    try:
        wait_for_port(port)
        return await _measure(count, link, journal, session, server, idle, pace)
    finally:
        session.close()
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()


async def _measure(
    count: int, link: str, journal: Path, session: Session, server: subprocess.Popen[str], idle: float, pace: float
) -> dict[str, object]:
    lines = demo_lines()
    roll_call = [line for line in lines[lines.index("roll-call") : lines.index("close")] if not line.startswith("at ")]
    url = link.replace("http://", "ws://") + "ws?width=120&height=40"
    result: dict[str, object] = {"viewers": count}
    async with aiohttp.ClientSession() as client:
        started = time.perf_counter()
        viewers = [Viewer(await client.ws_connect(url, max_msg_size=0)) for _ in range(count)]
        await asyncio.gather(*(v.wait_for("Constitutional amendment", timeout=120) for v in viewers))
        result["start"] = time.perf_counter() - started
        await asyncio.sleep(2)  # the first screens are drawn and sent
        result["screen"] = statistics.median(len(v.data) for v in viewers)
        processes = descendants(server.pid)
        views = [pid for pid in processes if b"meeting\x00view\x00" in Path(f"/proc/{pid}/cmdline").read_bytes()]
        result["pss_views"] = sum(pss_kib(pid) for pid in views)
        result["pss_server"] = pss_kib(server.pid)
        # Idle: nothing happens but the clocks.
        marks = [len(v.data) for v in viewers]
        cpu = sum(cpu_seconds(pid) for pid in views)
        await asyncio.sleep(idle)
        result["idle_bps"] = statistics.mean((len(v.data) - m) / idle for v, m in zip(viewers, marks, strict=True))
        result["idle_cpu"] = (sum(cpu_seconds(pid) for pid in views) - cpu) / idle
        # The roll call, a line a second, as a chair takes it.
        follower = Follower(journal)
        follower.poll()
        latencies: list[float] = []
        floors: list[float] = []
        marks = [len(v.data) for v in viewers]
        cpu = sum(cpu_seconds(pid) for pid in views)
        began = time.perf_counter()
        for line in roll_call:
            for viewer in viewers:
                viewer.seen = len(viewer.data)
            session.execute(line)
            written = time.perf_counter()
            poll = session.state.pending.poll if session.state.pending else None
            if poll is not None and poll.choices:
                # The head of the roll call's panel, always in view: "5 of 19 have answered".
                words = f"{len(poll.choices)} of {len(poll.entitled)} have answered"
                seq = session.journal.last.seq
                *arrived, polled = await asyncio.gather(
                    *(v.wait_for(words, timeout=30) for v in viewers), _seen_by(follower, seq)
                )
                latencies += [at - written for at in arrived]
                floors.append(polled - written)
            await asyncio.sleep(max(0.0, pace - (time.perf_counter() - written)))
        spent = time.perf_counter() - began
        result["roll_bps"] = statistics.mean((len(v.data) - m) / spent for v, m in zip(viewers, marks, strict=True))
        result["roll_cpu"] = (sum(cpu_seconds(pid) for pid in views) - cpu) / spent
        result["latency"] = Spread(latencies)
        result["floor"] = Spread(floors)
        for viewer in viewers:
            await viewer.websocket.close()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--viewers", default="1,10,25")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle measurement")
    parser.add_argument("--dir", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--pace", type=float, default=1.0, help="seconds between the roll call's lines")
    parser.add_argument("--quick", action="store_true", help="a smoke run of seconds: 1 viewer, no waiting")
    args = parser.parse_args()
    if args.quick:
        args.viewers, args.idle, args.pace = "1", 1.0, 0.0
    folder, where = bench_folder(args.dir)
    header("meeting serve: viewers", [("journal", where)])
    bare = bare_textual_pss()
    print(f"floor: a bare Python process with Textual imported: {bare / 1024:.1f} MiB PSS\n")
    rows = [
        [
            "viewers",
            "start all",
            "MiB/viewer",
            "x bare",
            "server MiB",
            "latency median",
            "p95",
            "max",
            "x polling",
            "idle B/s",
            "roll-call B/s",
            "x screen",
            "CPU idle",
            "CPU roll call",
        ]
    ]
    for count in (int(n) for n in args.viewers.split(",")):
        r = asyncio.run(round_of(count, folder, args.idle, args.pace))
        per_viewer = r["pss_views"] / count  # type: ignore[operator]
        latency, floor = r["latency"], r["floor"]
        assert isinstance(latency, Spread) and isinstance(floor, Spread)
        screen = float(r["screen"])  # type: ignore[arg-type]
        rows.append(
            [
                str(count),
                f"{r['start']:.1f} s",
                f"{per_viewer / 1024:.1f}",
                f"{per_viewer / bare:.2f}",
                f"{r['pss_server'] / 1024:.1f}",  # type: ignore[operator]
                us(latency.median),
                us(latency.p95),
                us(latency.max),
                f"{latency.median / floor.median:.2f}",
                f"{r['idle_bps']:,.0f}",
                f"{r['roll_bps']:,.0f}",
                f"{r['roll_bps'] / screen:.2f}",  # type: ignore[operator]
                f"{r['idle_cpu'] * 100:.1f} %",  # type: ignore[operator]
                f"{r['roll_cpu'] * 100:.1f} %",  # type: ignore[operator]
            ]
        )
        print(f"{count} viewers: done (one full screen is {screen:,.0f} bytes)", flush=True)
    print()
    table(rows)
    print(
        "\nMiB/viewer: PSS of each viewer's processes; x bare: against the floor above. latency: the chair's"
        "\nfsync to the line on every viewer's screen; x polling: against a Follower polling at the view's"
        f"\n{POLL_SECONDS:g} s interval in this process. B/s: bytes received per viewer per second; x screen:"
        "\nthe roll call's rate against one full first screen. CPU: all viewers' processes, share of one core."
    )


if __name__ == "__main__":
    main()
