"""BLT, the ballot file format of OpenSTV and most STV counting programs: text in, ballots out.

    4 2                  candidates and seats
    -3                   optional: withdrawn candidates, as negative numbers
    12 1 2 0             a weight (identical papers), preferences by candidate number, 0
    3 0                  papers with no preference are blank
    0                    end of the ballots
    "Ama Serwaa"         each candidate's name, one per line, in number order
    Grace Nabirye        (a name in double quotes may hold "" for a quote; unquoted is as written)
    "Election title"     the title, optional

The parser is pure and never raises for bad input: it returns the problems, each at its line
and column (1-based, counting characters), as codes with parameters. Equal rankings (`2=3`)
and ballot identifiers are refused rather than guessed at.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from meeting.domain.elections.ranked import RankedBallot
from meeting.domain.text import code_point, first_forbidden

_TOKEN = re.compile(r"\S+")
_INTEGER = re.compile(r"-?\d+")
_QUOTED = re.compile(r'"((?:[^"]|"")*)"')


@dataclass(frozen=True, slots=True)
class BltProblem:
    line: int
    col: int
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Blt:
    """A BLT file as read: candidates by number (names as written), seats, and the papers."""

    names: tuple[str, ...]
    seats: int
    withdrawn: frozenset[int]  # candidate numbers, from 1
    papers: tuple[tuple[tuple[int, ...], int], ...]  # (preferences by number, weight)
    blank: int  # papers with no preference
    title: str | None

    def ranked_ballots(self, ids: Sequence[str]) -> list[RankedBallot]:
        """The papers with candidates named by `ids` (in number order), withdrawn candidates
        left out of every ranking; papers left with no preference are not valid and dropped."""
        ballots = []
        for preferences, weight in self.papers:
            ranking = tuple(ids[n - 1] for n in preferences if n not in self.withdrawn)
            if ranking:
                ballots.append(RankedBallot(ranking=ranking, count=weight))
        return ballots

    @property
    def standing(self) -> tuple[int, ...]:
        """Numbers of the candidates not withdrawn."""
        return tuple(n for n in range(1, len(self.names) + 1) if n not in self.withdrawn)


class _Stop(Exception):
    def __init__(self, problem: BltProblem) -> None:
        super().__init__(problem.code)
        self.problem = problem


def _tokens(text: str, line: int) -> list[tuple[int, str]]:
    return [(m.start() + 1, m.group()) for m in _TOKEN.finditer(text)]


def _integer(token: tuple[int, str], line: int) -> int:
    col, word = token
    if not _INTEGER.fullmatch(word):
        code = "blt.equal-ranking" if "=" in word else "blt.expected-number"
        raise _Stop(BltProblem(line, col, code, {"text": word}))
    return int(word)


def _name(text: str, line: int) -> str:
    """A name line: one or more quoted strings (joined by a space), or the text as written."""
    stripped = text.strip()
    if not stripped.startswith('"'):
        return stripped
    parts = []
    position = text.index('"')
    while position < len(text):
        match = _QUOTED.match(text, position)
        if match is None:
            raise _Stop(BltProblem(line, position + 1, "blt.unclosed-quote"))
        parts.append(match[1].replace('""', '"'))
        position = match.end()
        while position < len(text) and text[position] in " \t":
            position += 1
        if position < len(text) and text[position] != '"':
            raise _Stop(BltProblem(line, position + 1, "blt.text-after-name", {"text": text[position:].strip()}))
    return " ".join(parts)


def _ballot(tokens: list[tuple[int, str]], line: int, candidates: int) -> tuple[tuple[int, ...], int]:
    weight = _integer(tokens[0], line)
    if weight < 1:
        raise _Stop(BltProblem(line, tokens[0][0], "blt.bad-weight", {"text": tokens[0][1]}))
    if _integer(tokens[-1], line) != 0 or len(tokens) < 2:
        col, word = tokens[-1]
        raise _Stop(BltProblem(line, col + len(word), "blt.no-end-of-ballot"))
    preferences: list[int] = []
    for token in tokens[1:-1]:
        number = _integer(token, line)
        if not 1 <= number <= candidates:
            raise _Stop(
                BltProblem(line, token[0], "blt.unknown-candidate", {"number": number, "candidates": candidates})
            )
        if number in preferences:
            raise _Stop(BltProblem(line, token[0], "blt.repeated-candidate", {"number": number}))
        preferences.append(number)
    return tuple(preferences), weight


def parse_blt(text: str) -> tuple[Blt | None, list[BltProblem]]:
    """The file's candidates and papers, or the first problem that stops the reading."""
    try:
        # Lines end at \n only (as editors number them), a \r before it dropped.
        return _parse([line.removesuffix("\r") for line in text.split("\n")]), []
    except _Stop as stop:
        return None, [stop.problem]


def _refuse_controls(lines: list[str]) -> None:
    """No control character (a tab excepted) or bidi override anywhere: names reach screens."""
    for line, text in enumerate(lines, start=1):
        bad = first_forbidden(text)
        if bad is not None:
            raise _Stop(BltProblem(line, bad + 1, "blt.control-character", {"char": code_point(text[bad])}))


def _parse(lines: list[str]) -> Blt:
    _refuse_controls(lines)
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    if not numbered:
        raise _Stop(BltProblem(1, 1, "blt.empty"))
    line, header = numbered[0]
    tokens = _tokens(header, line)
    if len(tokens) != 2:
        raise _Stop(BltProblem(line, 1, "blt.bad-header"))
    candidates, seats = (_integer(t, line) for t in tokens)
    if candidates < 1 or not 1 <= seats <= candidates:
        raise _Stop(BltProblem(line, 1, "blt.bad-counts", {"candidates": candidates, "seats": seats}))
    rest = numbered[1:]
    withdrawn: set[int] = set()
    if rest and rest[0][1].lstrip().startswith("-"):
        line, text = rest.pop(0)
        for token in _tokens(text, line):
            number = -_integer(token, line)
            if not 1 <= number <= candidates:
                raise _Stop(
                    BltProblem(line, token[0], "blt.unknown-candidate", {"number": number, "candidates": candidates})
                )
            withdrawn.add(number)
    papers: list[tuple[tuple[int, ...], int]] = []
    blank = 0
    while True:
        if not rest:
            raise _Stop(BltProblem(len(lines), len(lines[-1]) + 1, "blt.no-end-of-ballots"))
        line, text = rest.pop(0)
        tokens = _tokens(text, line)
        if [word for _, word in tokens] == ["0"]:
            break
        preferences, weight = _ballot(tokens, line, candidates)
        if preferences:
            papers.append((preferences, weight))
        else:
            blank += weight
    if len(rest) < candidates:
        problem = BltProblem(
            len(lines), len(lines[-1]) + 1, "blt.missing-names", {"names": len(rest), "candidates": candidates}
        )
        raise _Stop(problem)
    names = tuple(_name(text, line) for line, text in rest[:candidates])
    title = _name(rest[candidates][1], rest[candidates][0]) if len(rest) > candidates else None
    if len(rest) > candidates + 1:
        line, text = rest[candidates + 1]
        raise _Stop(BltProblem(line, 1, "blt.extra-line", {"text": text.strip()}))
    return Blt(names, seats, frozenset(withdrawn), tuple(papers), blank, title)
