"""Read the ranked ballot papers of a round from a BLT file, through the one file reader."""

from __future__ import annotations

from pathlib import Path

from meeting.diagnostics import Diagnostic, error
from meeting.domain.elections.blt import Blt, parse_blt
from meeting.domain.engine import BallotFile, Refused
from meeting.loader.read import read_source


def read_blt(path: Path, shown: str | None = None) -> tuple[Blt | None, list[Diagnostic]]:
    """The file's candidates and papers, or its problems as `PATH:LINE:COL` diagnostics."""
    source, problems = read_source(path, shown)
    if source is None:
        return None, problems
    blt, found = parse_blt(source.text)
    return blt, [error(source.path, p.code, p.line, p.col, **p.params) for p in found]


def ballot_file(written: str, col: int) -> BallotFile | Refused:
    """`papers FILE`: the file as the engine takes it, or the refusal that names its first
    problem where it is (a path relative to the current folder, as every path on the command line)."""
    blt, problems = read_blt(Path(written), written)
    if blt is None or problems:
        first = problems[0]
        params = {"path": written, "line": first.line, "col": first.col, "problem": first.message}
        return Refused("round.file-problem", params, col)
    source, _ = read_source(Path(written), written)
    assert source is not None  # read a moment ago
    return BallotFile(written, source.sha256, blt)
