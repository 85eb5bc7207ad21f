"""Read the ranked ballot papers of a round from a BLT file, through the one file reader."""

from __future__ import annotations

from pathlib import Path

from meeting.diagnostics import Diagnostic, error
from meeting.domain.elections.blt import Blt, parse_blt
from meeting.loader.read import read_source


def read_blt(path: Path, shown: str | None = None) -> tuple[Blt | None, list[Diagnostic]]:
    """The file's candidates and papers, or its problems as `PATH:LINE:COL` diagnostics."""
    source, problems = read_source(path, shown)
    if source is None:
        return None, problems
    blt, found = parse_blt(source.text)
    return blt, [error(source.path, p.code, p.line, p.col, **p.params) for p in found]
