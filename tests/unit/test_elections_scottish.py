"""Scottish STV and instant-runoff: real Scottish ward elections, stvpoll on generated
ballots, and the properties every count keeps (quota elects, votes conserved, lots replayable)."""

from __future__ import annotations

import tomllib
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st
from stvpoll.irv import calculate_irv
from stvpoll.scottish_stv import calculate_scottish_stv
from stvpoll.types import SelectionMethod

from meeting.domain.elections.blt import parse_blt
from meeting.domain.elections.ranked import UNIT, RankedBallot, RankedCount, instant_runoff, scottish_stv
from tests.conftest import REPO

DATA = REPO / "tests" / "data" / "scottish-stv"
EXPECTED = tomllib.loads((DATA / "expected.toml").read_text(encoding="utf-8"))["elections"]


def _name_lines(path: Path, candidates: int) -> list[str]:
    """The names as expected.toml writes them: each name line with its outer quotes stripped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    end = next(n for n, line in enumerate(lines) if line.strip() == "0")
    return [line.strip().strip('"') for line in lines[end + 1 : end + 1 + candidates]]


def _count(path: Path) -> tuple[RankedCount, list[str]]:
    blt, problems = parse_blt(path.read_text(encoding="utf-8"))
    assert blt is not None, problems
    ids = _name_lines(path, len(blt.names))
    return scottish_stv(blt.seats, ids, blt.ranked_ballots(ids)), ids


def _last_vacancies(count: RankedCount) -> list[str]:
    return [d.candidate for s in count.stages for d in s.decisions if d.reason == "last_vacancies"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_same_winners_as_the_reference(name: str) -> None:
    expected = EXPECTED[name]
    count, _ = _count(DATA / name)
    assert count.valid == expected["ballots"]
    assert count.quota == expected["quota"]
    assert set(count.elected) == set(expected["elected"])
    # Candidates elected together under rule 52 (as many continuing as seats left, nothing more
    # transferred) have no order in the Order; they are listed by their votes. stvpoll transfers
    # the last excluded candidate's papers first and lists them by the votes after that.
    together = _last_vacancies(count)
    first = len(count.elected) - len(together)
    assert count.elected[:first] == tuple(expected["elected"][:first])
    if len(together) < 2:
        assert count.elected == tuple(expected["elected"])


def test_all_21_elections_and_the_one_order_rule_52_decides() -> None:
    assert len(EXPECTED) == 21
    differ = []
    for name in sorted(EXPECTED):
        count, _ = _count(DATA / name)
        if count.elected != tuple(EXPECTED[name]["elected"]):
            differ.append(name)
            # Only the order of the last two, elected together under rule 52.
            assert len(_last_vacancies(count)) == 2
    assert differ == ["renfrewshire_2017_ward12.blt"]


def test_a_real_count_sheet_is_exact() -> None:
    """Renfrewshire 2017 ward 12: the surpluses at stage 1, the values to five places."""
    count, ids = _count(DATA / "renfrewshire_2017_ward12.blt")
    nicolson, begg = ids[8], ids[0]
    first = count.stages[0]
    assert first.votes[nicolson] == 1441 and first.votes[begg] == 1333
    assert [(d.candidate, d.reason) for d in first.decisions] == [(nicolson, "quota"), (begg, "quota")]
    second = count.stages[1]
    assert (second.action, second.candidate, second.surplus) == ("surplus", nicolson, 162)
    (value,) = second.transfer_values
    # 162 x 1 / 1441 = 0.112421929...: 0.11242, the remainder ignored.
    assert (value.papers, value.value_received, value.transfer_value) == (1441, 1, Fraction(11242, UNIT))
    assert second.votes[nicolson] == count.quota
    assert second.lost == 162 - sum(second.transfers.values()) - second.non_transferable
    assert 0 <= second.lost < Fraction(value.papers, UNIT)


@pytest.mark.parametrize("name", sorted(EXPECTED)[:6])
def test_votes_are_conserved_at_every_stage(name: str) -> None:
    count, _ = _count(DATA / name)
    set_aside = Fraction(0)
    for stage in count.stages:
        set_aside += stage.non_transferable + stage.lost
        assert sum(stage.votes.values()) + set_aside == count.valid
        assert all(v * UNIT == int(v * UNIT) for v in stage.votes.values()), "five decimal places, exactly"


# -- generated ballots ----------------------------------------------------------------------

CANDIDATES = ("a", "b", "c", "d", "e", "f")


@st.composite
def elections(draw: st.DrawFn, most_seats: int = 3) -> tuple[int, tuple[str, ...], list[RankedBallot]]:
    n = draw(st.integers(2, len(CANDIDATES)))
    candidates = CANDIDATES[:n]
    seats = draw(st.integers(1, min(most_seats, n - 1)))
    rankings = st.permutations(candidates).flatmap(lambda p: st.integers(1, len(p)).map(lambda k: tuple(p[:k])))
    papers = draw(st.lists(st.tuples(rankings, st.integers(1, 40)), min_size=1, max_size=25))
    return seats, candidates, [RankedBallot(ranking=r, count=c) for r, c in papers]


def _no_ties(count: RankedCount) -> bool:
    return all(s.tie is None and all(d.tie is None for d in s.decisions) for s in count.stages)


def _margins_clear(count: RankedCount) -> bool:
    """stvpoll rounds transfer values half-even where the Order truncates, a difference of at
    most 0.00001 a paper: only counts whose every choice is clear of that are compared."""
    room = Fraction(count.valid, 10_000)
    for before, stage in zip(count.stages, count.stages[1:], strict=False):
        if stage.action == "exclusion" and stage.decisions:
            out = stage.candidate
            others = [v for c, v in before.votes.items() if c != out and c not in _done_before(count, stage.number)]
            if any(abs(v - before.votes[out]) <= room for v in others):
                return False
    quota = count.quota or 0
    return all(
        abs(stage.votes[c] - quota) > room
        for stage in count.stages[1:]  # the first stage counts whole papers: nothing rounded yet
        for c in stage.votes
        if c not in _done_before(count, stage.number)
    )


def _done_before(count: RankedCount, number: int) -> set[str]:
    return {d.candidate for s in count.stages[: number - 1] for d in s.decisions}


def _stvpoll_ballots(ballots: list[RankedBallot]) -> list[tuple[tuple[str, ...], int]]:
    return [(b.ranking, b.count) for b in ballots]


def _stvpoll_used_ties(result: object) -> bool:
    ties = (SelectionMethod.TiebreakHistory, SelectionMethod.TiebreakRandom)
    return any(r.selection_method in ties for r in result.rounds)  # type: ignore[attr-defined]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(elections())
def test_scottish_stv_agrees_with_stvpoll(election: tuple[int, tuple[str, ...], list[RankedBallot]]) -> None:
    seats, candidates, ballots = election
    ours = scottish_stv(seats, candidates, ballots)
    # Where the variants part, by design: stvpoll passes a surplus on to a candidate elected at
    # the same stage (the Order skips anyone already elected), and rounds instead of truncating.
    assume(all(sum(1 for d in s.decisions if d.reason == "quota") < 2 for s in ours.stages))
    assume(_no_ties(ours) and _margins_clear(ours))
    theirs = calculate_scottish_stv(candidates, _stvpoll_ballots(ballots), seats, allow_random=False)
    assume(theirs.complete and not _stvpoll_used_ties(theirs))
    event(f"{seats} seats of {len(candidates)}")
    event(f"surpluses transferred: {sum(1 for s in ours.stages if s.action == 'surplus')}")
    assert theirs.quota == ours.quota
    assert set(theirs) == set(ours.elected)
    together = len([d for s in ours.stages for d in s.decisions if d.reason == "last_vacancies"])
    first = len(ours.elected) - together
    assert tuple(theirs)[:first] == ours.elected[:first]


@settings(deadline=None, max_examples=300, suppress_health_check=[HealthCheck.filter_too_much])
@given(elections(most_seats=1))
def test_instant_runoff_agrees_with_stvpoll(election: tuple[int, tuple[str, ...], list[RankedBallot]]) -> None:
    _, candidates, ballots = election
    ours = instant_runoff(candidates, ballots)
    assume(_no_ties(ours))
    theirs = calculate_irv(candidates, _stvpoll_ballots(ballots), allow_random=False)
    # stvpoll asks for a majority of all ballots, exhausted ones included; where it finds one,
    # the winner is the same (a candidate ahead of all the others together stays ahead).
    assume(theirs.complete and not _stvpoll_used_ties(theirs))
    assert tuple(theirs) == ours.elected


@settings(deadline=None, max_examples=200)
@given(elections())
def test_a_candidate_at_the_quota_is_elected_and_votes_are_conserved(
    election: tuple[int, tuple[str, ...], list[RankedBallot]],
) -> None:
    seats, candidates, ballots = election
    count = scottish_stv(seats, candidates, ballots)
    assert count.quota is not None
    assert len(count.elected) == seats
    elected: set[str] = set()
    set_aside = Fraction(0)
    for stage in count.stages:
        elected |= {d.candidate for d in stage.decisions if d.outcome == "elected"}
        at_quota = {c for c, v in stage.votes.items() if v >= count.quota}
        assert at_quota <= elected, f"stage {stage.number}: {at_quota - elected} reached the quota"
        set_aside += stage.non_transferable + stage.lost
        assert sum(stage.votes.values()) + set_aside == count.valid
        if stage.action == "surplus":
            papers = sum(v.papers for v in stage.transfer_values)
            assert 0 <= stage.lost < Fraction(papers, UNIT), "truncation loses less than 0.00001 a paper"
            assert all(v.transfer_value <= v.value_received for v in stage.transfer_values)


def test_stvpoll_is_the_pinned_version() -> None:
    from importlib.metadata import version

    assert version("stvpoll") == "0.5.6"


# -- lots -----------------------------------------------------------------------------------

THREE_WAY = [RankedBallot(ranking=(c,), count=5) for c in ("a", "b", "c")]


def test_lots_are_drawn_from_the_entropy_and_replay_exactly() -> None:
    winners = set()
    for seed in range(24):
        entropy = bytes([seed]) * 32
        first = instant_runoff(("a", "b", "c"), THREE_WAY, entropy=entropy)
        again = instant_runoff(("c", "a", "b"), THREE_WAY, entropy=entropy)
        assert first.elected == again.elected, "the draw does not depend on the candidates' order"
        assert first == instant_runoff(("a", "b", "c"), THREE_WAY, entropy=entropy)
        lot = first.stages[1].decisions[0].tie
        assert lot is not None and lot.by == "lots" and lot.lot is not None
        assert lot.lot.among == ("a", "b", "c") and lot.lot.order[0] == first.stages[1].candidate
        winners |= set(first.elected)
    assert winners == {"a", "b", "c"}, "every candidate can win the draw"


@settings(deadline=None, max_examples=100)
@given(elections(), st.binary(min_size=1, max_size=32))
def test_any_count_replays_from_its_entropy(
    election: tuple[int, tuple[str, ...], list[RankedBallot]], entropy: bytes
) -> None:
    seats, candidates, ballots = election
    assert scottish_stv(seats, candidates, ballots, entropy=entropy) == scottish_stv(
        seats, candidates, ballots, entropy=entropy
    )


def test_an_earlier_stage_breaks_a_tie_before_lots() -> None:
    """a and b tie at 6 after c's papers move; at the first stage a had more: b is excluded."""
    ballots = [
        RankedBallot(ranking=("a",), count=6),
        RankedBallot(ranking=("b",), count=4),
        RankedBallot(ranking=("c", "b"), count=2),
        RankedBallot(ranking=("d",), count=7),
        RankedBallot(ranking=("e",), count=3),
    ]
    count = scottish_stv(2, ("a", "b", "c", "d", "e"), ballots)
    exclusions = [(s.candidate, s.decisions[0].tie) for s in count.stages if s.action == "exclusion" and s.decisions]
    assert exclusions[0] == ("c", None)
    assert exclusions[1][0] == "e"
    tied = [(c, t) for c, t in exclusions if t is not None]
    assert tied and tied[0][1].by == "earlier_round" and tied[0][1].round == 1
