"""BLT ballot files: what is read, and each problem at its line and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting.diagnostics import format_diagnostic
from meeting.domain.elections.blt import parse_blt
from meeting.domain.elections.ranked import RankedBallot
from meeting.loader.blt import read_blt

GOOD = """\
4 2
-3
12 1 2 0
7 2 4 3 1 0
3 0
1 3 0
0
"Ama Serwaa ""Ama"" Boatemaa"
"Grace Nabirye-Okello" "Independent"
Jean-Paul Ekwalla
  Rubén Mamani-Choque\u0020
"Election of the bureau"
"""


def test_a_file_is_read_with_its_names_weights_blanks_and_withdrawals() -> None:
    blt, problems = parse_blt(GOOD)
    assert problems == [] and blt is not None
    assert blt.names == (
        'Ama Serwaa "Ama" Boatemaa',
        "Grace Nabirye-Okello Independent",
        "Jean-Paul Ekwalla",
        "Rubén Mamani-Choque",
    )
    assert (blt.seats, blt.withdrawn, blt.blank, blt.title) == (2, frozenset({3}), 3, "Election of the bureau")
    assert blt.standing == (1, 2, 4)
    assert blt.ranked_ballots(("a", "g", "j", "r")) == [
        RankedBallot(ranking=("a", "g"), count=12),
        RankedBallot(ranking=("g", "r", "a"), count=7),  # the withdrawn candidate is skipped
    ]  # the last paper ranked only the withdrawn candidate: not valid any more


def test_windows_line_ends_and_no_title() -> None:
    blt, problems = parse_blt("2 1\r\n1 1 0\r\n0\r\nA\r\nB\r\n")
    assert problems == [] and blt is not None and blt.names == ("A", "B") and blt.title is None


@pytest.mark.parametrize(
    ("text", "line", "col", "code"),
    [
        ("", 1, 1, "blt.empty"),
        ("4\n", 1, 1, "blt.bad-header"),
        ("2 3\n", 1, 1, "blt.bad-counts"),
        ("2 x\n", 1, 3, "blt.expected-number"),
        ("2 1\n1 1 2\n0\nA\nB\n", 2, 6, "blt.no-end-of-ballot"),
        ("2 1\n0 1 0\n0\nA\nB\n", 2, 1, "blt.bad-weight"),
        ("2 1\n1 1 3 0\n0\nA\nB\n", 2, 5, "blt.unknown-candidate"),
        ("2 1\n1 1 2 1 0\n0\nA\nB\n", 2, 7, "blt.repeated-candidate"),
        ("3 1\n1 1 2=3 0\n0\nA\nB\nC\n", 2, 5, "blt.equal-ranking"),
        ("2 1\n(id1) 1 1 0\n0\nA\nB\n", 2, 1, "blt.expected-number"),
        ("2 1\n1 1 0\n", 3, 1, "blt.no-end-of-ballots"),
        ("2 1\n1 1 0\n0\nA\n", 5, 1, "blt.missing-names"),
        ("2 1\n1 1 0\n0\nA", 4, 2, "blt.missing-names"),
        ('2 1\n1 1 0\n0\n"A\nB\n', 4, 1, "blt.unclosed-quote"),
        ('2 1\n1 1 0\n0\n"A" (x)\nB\n', 4, 5, "blt.text-after-name"),
        ("2 1\n1 1 0\n0\nA\nB\nTitle\nmore\n", 7, 1, "blt.extra-line"),
        ("2 1\n1 1 0\n0\nA\x1b[31m\nB\n", 4, 2, "blt.control-character"),
        ("2 1\n1 1 0\n0\nA\u202eB\nB\n", 4, 2, "blt.control-character"),
        ("2 1\n-3\n1 1 0\n0\nA\nB\n", 2, 1, "blt.unknown-candidate"),
    ],
)
def test_each_problem_is_located(text: str, line: int, col: int, code: str) -> None:
    blt, problems = parse_blt(text)
    assert blt is None
    assert [(p.line, p.col, p.code) for p in problems] == [(line, col, code)]


def test_the_file_is_read_through_the_project_reader(tmp_path: Path) -> None:
    path = tmp_path / "round-1.blt"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.encode())  # a BOM, as Windows editors write
    blt, diagnostics = read_blt(path)
    assert diagnostics == [] and blt is not None and len(blt.names) == 4

    path.write_text("2 1\n1 1 3 0\n0\nA\nB\n", encoding="utf-8")
    blt, diagnostics = read_blt(path, "round-1.blt")
    assert blt is None
    assert [format_diagnostic(d) for d in diagnostics] == [
        "round-1.blt:2:5: error: there is no candidate 3: the file has 2"
    ]


def test_what_the_reader_refuses_is_refused_before_parsing(tmp_path: Path) -> None:
    assert [d.code for d in read_blt(tmp_path / "missing.blt")[1]] == ["file.missing"]
    assert [d.code for d in read_blt(tmp_path)[1]] == ["file.is-directory"]
    big = tmp_path / "big.blt"
    with big.open("wb") as f:
        f.truncate(4 * 1024 * 1024 + 1)
    assert [d.code for d in read_blt(big)[1]] == ["file.too-large"]
