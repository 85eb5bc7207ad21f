"""What bench/replay.py and bench/commands.py share: where they may write, what machine they run
on, how figures are summed up and printed, and how their chairs answer a roll call.

Benchmarks that fsync write to a real disk, never to a RAM-backed folder (docs: conventions,
"Tests and checks"): `bench_folder` refuses tmpfs and the like.
"""

import gc
import os
import platform
import random
import statistics
import subprocess
import sys
import sysconfig
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meeting.domain.events import Voter
    from meeting.domain.state import State

REPO = Path(__file__).resolve().parent.parent
DEFAULT_FOLDER = Path("/var/tmp/meeting-bench")
_RAM_BACKED = frozenset({"tmpfs", "ramfs", "devtmpfs", "hugetlbfs", "zram"})


def consensus_first(state: "State", blocker: str) -> list[str]:
    """The lines that seek consensus on the pending question before it is put to a vote, where
    its class requires that (`consensus_first = "required"`): called, blocked, concluded."""
    from meeting.domain.procedure import decision_for

    motion = state.pending
    if motion is None or motion.poll is not None or motion.consensus is not None:
        return []
    decision = decision_for(state, motion)
    if decision is None or decision[1].consensus_first != "required":
        return []
    return ["consensus", f'block {blocker} "Our region has not been consulted"', "conclude"]


def groups(members: list[str], size: tuple[int, int], rng: random.Random) -> Iterator[list[str]]:
    """The members in groups of a random size within `size`, as a chair names them on one line."""
    while members:
        take = rng.randint(*size)
        yield members[:take]
        members = members[take:]


def roll_call_answers(entitled: "Sequence[Voter]", rng: random.Random, size: tuple[int, int]) -> Iterator[str]:
    """A roll call's answers as a chair types them: each proxy's on its own line (`for SEAT`),
    the other members' in groups of `size`, yes, no or abstain at 6:3:1."""
    by_choice: dict[str, list[str]] = {"yes": [], "no": [], "abstain": []}
    for voter in entitled:
        choice = rng.choices(("yes", "no", "abstain"), (6, 3, 1))[0]
        if voter.via == "proxy":
            yield f"{choice} {voter.voter} for {voter.seat}"
        else:
            by_choice[choice].append(voter.voter)
    for choice, voters in by_choice.items():
        for group in groups(voters, size, rng):
            yield f"{choice} {' '.join(group)}"


def filesystem(path: Path) -> tuple[str, str, str]:
    """The mount point, filesystem type and device that hold `path` (from /proc/self/mountinfo)."""
    target = os.path.realpath(path)
    best = ("/", "unknown", "?")
    try:
        lines = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return best
    for line in lines:
        left, _, right = line.partition(" - ")
        fields, extra = left.split(), right.split()
        if len(fields) < 5 or len(extra) < 2:
            continue
        mount = fields[4].replace("\\040", " ")
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best[0]):
            best = (mount, extra[0], extra[1])
    return best


def bench_folder(folder: Path) -> tuple[Path, str]:
    """Create `folder` if needed and check it is on a disk; returns it and a one-line description."""
    folder = folder.expanduser().resolve()
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    mount, fstype, device = filesystem(existing)
    if fstype in _RAM_BACKED:
        print(
            f"error: {folder} is on {fstype} (RAM-backed): fsync would cost nothing there; use --dir on a disk",
            file=sys.stderr,
        )
        sys.exit(2)
    folder.mkdir(parents=True, exist_ok=True)
    mount, fstype, device = filesystem(folder)
    return folder, f"{folder} ({fstype} on {device}, mounted at {mount})"


def machine() -> list[tuple[str, str]]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        commit = subprocess.run(
            ["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        commit = ""
    try:
        import pydantic

        pyd = pydantic.VERSION
    except ImportError:  # pragma: no cover
        pyd = "?"
    return [
        ("machine", f"{platform.node()} ({platform.system()} {platform.release()}, {platform.machine()})"),
        ("cpu", f"{cpu}, {os.cpu_count()} logical cores"),
        ("python", f"{platform.python_implementation()} {platform.python_version()}, pydantic {pyd}"),
        ("repo", f"{REPO} @ {commit or '?'} (working tree as is)"),
    ]


def header(title: str, extra: Sequence[tuple[str, str]] = ()) -> None:
    print(title)
    print("=" * len(title))
    for key, value in [*machine(), *extra]:
        print(f"{key + ':':<10} {value}")
    print()


def best_of(runs: int, work: Callable[[], object]) -> tuple[float, list[float]]:
    """The fastest of `runs` timed calls, and all of them (seconds)."""
    times = []
    for _ in range(runs):
        gc.collect()  # each run starts clean, not paying for the garbage of the one before
        start = time.perf_counter()
        made = work()
        times.append(time.perf_counter() - start)
        del made  # freed after the clock stops: freeing is the next owner's cost, not the work's
    return min(times), times


def best_of_each(runs: int, works: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The fastest of `runs` timed calls of each work, taken in turn (a, b, a, b, ...): a slow
    spell of the machine falls on a floor and on what is compared with it alike."""
    best = dict.fromkeys(works, float("inf"))
    for _ in range(runs):
        for name, work in works.items():
            best[name] = min(best[name], best_of(1, work)[0])
    return best


def percentile(sorted_values: Sequence[float], share: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), round(share * len(sorted_values) + 0.5)))
    return sorted_values[rank - 1]


class Spread:
    """Per-operation times (seconds) summed up: median, p95, mean, max, total."""

    def __init__(self, values: Sequence[float]) -> None:
        self.values = sorted(values)
        self.count = len(values)
        self.total = sum(values)
        self.median = statistics.median(self.values) if values else float("nan")
        self.p95 = percentile(self.values, 0.95)
        self.p99 = percentile(self.values, 0.99)
        self.mean = self.total / self.count if values else float("nan")
        self.max = self.values[-1] if values else float("nan")


def us(seconds: float) -> str:
    """A short duration in microseconds or milliseconds."""
    if seconds != seconds:  # NaN
        return "n/a"
    if seconds < 1e-5:
        return f"{seconds * 1e6:.1f} µs"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds:.2f} s"


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:,.0f}/s" if seconds > 0 else "n/a"


def verdict(ratio: float, target: float) -> str:
    return f"{ratio:.2f}x (target <= {target:g}x: {'met' if ratio <= target else 'MISSED'})"


def table(rows: Sequence[Sequence[str]], indent: str = "  ", left: Sequence[int] = (0,)) -> None:
    """Rows of cells, the first row a heading; columns in `left` are left-aligned, others right."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [cell.ljust(widths[i]) if i in left else cell.rjust(widths[i]) for i, cell in enumerate(row)]
        print(indent + "  ".join(cells).rstrip())


def profile_report(profiler: object, top: int = 15, sort: Sequence[str] = ("cumulative", "tottime")) -> None:
    """cProfile's top functions, paths shortened to the repo or site-packages."""
    import io
    import pstats

    for key in sort:
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out)  # type: ignore[arg-type]
        stats.sort_stats(key).print_stats(top)
        text = out.getvalue()
        text = text.replace(str(REPO) + "/", "")
        site = next((p for p in sys.path if p.endswith("site-packages")), None)
        if site:
            text = text.replace(site + "/", "")
        stdlib = sysconfig.get_paths()["stdlib"]
        text = text.replace(stdlib + "/", "<stdlib>/")
        lines = [line for line in text.splitlines() if line.strip()]
        start = next((i for i, line in enumerate(lines) if "function calls" in line), 0)
        print(f"  cProfile, top {top} by {key}:")
        for line in lines[start:]:
            if line.lstrip().startswith(("Ordered by", "List reduced")):
                continue
            print("    " + line.rstrip())
        print()
