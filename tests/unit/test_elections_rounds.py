"""Majority rounds, plurality, the composition rule and the tellers' report, at their edges."""

from __future__ import annotations

from fractions import Fraction

import pytest

from meeting.domain.elections.composition import Condition
from meeting.domain.elections.ranked import RankedBallot, instant_runoff, scottish_stv
from meeting.domain.elections.rounds import BallotRound, majority_needed, majority_round, plurality_result
from meeting.domain.elections.tellers import (
    Problem,
    TellersReport,
    ballots_possible,
    ranked_ballots_problems,
    tellers_report_problems,
)
from meeting.domain.rules import ElectionMethod

RONR = ElectionMethod(method="majority")
ABC = ("a", "b", "c")


def report(blank: int = 0, invalid: int = 0, ballots: int | None = None, **votes: int) -> TellersReport:
    return TellersReport(votes=votes, blank=blank, invalid=invalid, ballots=ballots)


# -- the majority of votes cast (RONR §46) --------------------------------------------------


def test_exactly_a_majority_elects() -> None:
    result = majority_round(RONR, 1, ABC, report(a=11, b=6, c=4))
    assert (result.votes_cast, result.necessary, result.elected) == (21, 11, ("a",))
    assert result.decisions[0].reason == "majority" and result.decisions[0].votes == 11
    assert result.next_candidates == ()


def test_one_short_of_a_majority_elects_no_one() -> None:
    result = majority_round(RONR, 1, ABC, report(a=10, b=6, c=4))
    assert (result.votes_cast, result.necessary, result.elected) == (20, 11, ())
    assert result.next_candidates == ABC and result.next_kind == "majority", "RONR: nobody drops"


def test_half_is_not_a_majority() -> None:
    assert majority_needed(20) == 11 and majority_needed(21) == 11 and majority_needed(0) == 1
    assert majority_round(RONR, 1, ("a", "b"), report(a=10, b=10)).elected == ()


def test_blank_ballots_are_not_votes_cast() -> None:
    result = majority_round(RONR, 1, ABC, report(blank=5, a=11, b=6, c=3))
    assert (result.votes_cast, result.necessary, result.blank, result.elected) == (20, 11, 5, ("a",))


def test_invalid_ballots_are_votes_cast() -> None:
    result = majority_round(RONR, 1, ABC, report(invalid=3, a=11, b=6, c=3))
    assert (result.votes_cast, result.necessary, result.elected) == (23, 12, ())


def test_several_seats_count_ballot_papers_not_marks() -> None:
    # 20 papers, each naming up to two candidates: 11 is a majority of the papers.
    result = majority_round(RONR, 2, ("a", "b", "c", "d"), report(ballots=20, a=15, b=11, c=10, d=4))
    assert (result.votes_cast, result.necessary, result.elected) == (20, 11, ("a", "b"))


def test_more_with_a_majority_than_seats_elects_the_most_votes() -> None:
    result = majority_round(RONR, 1, ("a", "b"), report(ballots=20, a=12, b=11))
    assert result.elected == ("a",)


def test_seats_left_go_to_the_next_round() -> None:
    result = majority_round(RONR, 2, ("a", "b", "c"), report(ballots=20, a=15, b=9, c=8))
    assert result.elected == ("a",)
    assert result.next_candidates == ("b", "c")


# -- who drops, and the run-off -------------------------------------------------------------


def test_the_lowest_drops() -> None:
    method = ElectionMethod(method="majority", drop="lowest")
    result = majority_round(method, 1, ("a", "b", "c", "d"), report(a=9, b=6, c=4, d=1))
    assert [(d.candidate, d.outcome, d.reason) for d in result.decisions] == [("d", "excluded", "lowest")]
    assert result.next_candidates == ("a", "b", "c")


def test_all_below_the_share_drop_but_two_stay() -> None:
    method = ElectionMethod(method="majority", drop="below_share", drop_below=Fraction(1, 5))
    result = majority_round(method, 1, ("a", "b", "c", "d"), report(a=9, b=6, c=3, d=2))  # 1/5 of 20 = 4
    assert {d.candidate for d in result.decisions} == {"c", "d"}
    assert result.next_candidates == ("a", "b")
    # Everyone under the share but the top one: still two stay for a contest.
    result = majority_round(method, 1, ("a", "b", "c"), report(invalid=20, a=3, b=2, c=1))
    assert result.next_candidates == ("a", "b")


def test_a_tie_for_the_lowest_goes_back_to_earlier_rounds_then_lots() -> None:
    method = ElectionMethod(method="majority", drop="lowest")
    first = majority_round(RONR, 1, ABC, report(a=9, b=5, c=6))
    second = majority_round(method, 1, ABC, report(a=9, b=6, c=6), previous=[first])
    (dropped,) = second.decisions
    assert dropped.candidate == "b" and dropped.tie is not None
    assert (dropped.tie.by, dropped.tie.round) == ("earlier_round", 1)
    by_lot = majority_round(method, 1, ABC, report(a=9, b=6, c=6), entropy=b"x")
    assert by_lot.decisions[0].tie is not None and by_lot.decisions[0].tie.by == "lots"


def rounds(method: ElectionMethod, *reports: TellersReport, seats: int = 1) -> list[BallotRound]:
    done: list[BallotRound] = []
    candidates: tuple[str, ...] = ("a", "b", "c", "d")
    for tellers in reports:
        done.append(majority_round(method, seats, candidates, tellers, previous=done))
        candidates = done[-1].next_candidates
    return done


def test_a_runoff_after_two_rounds() -> None:
    method = ElectionMethod(method="majority", runoff_after=2)
    first, second, third = rounds(
        method, report(a=8, b=7, c=5, d=1), report(a=9, b=8, c=3, d=1), report(invalid=4, a=8, b=9)
    )
    assert first.next_kind == "majority" and first.next_candidates == ("a", "b", "c", "d")
    assert second.next_kind == "runoff" and second.next_candidates == ("a", "b")
    assert {(d.candidate, d.reason) for d in second.decisions} == {("c", "not_in_runoff"), ("d", "not_in_runoff")}
    # A run-off is won by the most votes, even short of a majority of the votes cast.
    assert (third.kind, third.necessary, third.elected) == ("runoff", None, ("b",))
    assert third.decisions[0].reason == "most_votes"


def test_a_majority_before_the_runoff_ends_it() -> None:
    method = ElectionMethod(method="majority", runoff_after=1)
    (only,) = rounds(method, report(a=12, b=7, c=1, d=1))
    assert only.elected == ("a",) and only.next_kind is None


# -- plurality ------------------------------------------------------------------------------


def test_plurality_elects_the_most_votes() -> None:
    result = plurality_result(2, ABC, report(a=3, b=9, c=5))
    assert result.elected == ("b", "c") and result.necessary is None
    assert all(d.tie is None for d in result.decisions)


def test_a_plurality_tie_for_the_last_seat_is_drawn_by_lots_and_recorded() -> None:
    drawn = {plurality_result(2, ABC, report(a=9, b=5, c=5), entropy=bytes([n])).elected[1] for n in range(16)}
    assert drawn == {"b", "c"}
    result = plurality_result(2, ABC, report(a=9, b=5, c=5), entropy=b"journal hash")
    again = plurality_result(2, ("c", "b", "a"), report(a=9, b=5, c=5), entropy=b"journal hash")
    assert result.elected == again.elected, "the draw does not depend on the order of the ballot"
    tie = result.decisions[1].tie
    assert tie is not None and tie.by == "lots" and tie.lot is not None and set(tie.lot.among) == {"b", "c"}


def test_a_tie_among_all_elected_draws_no_lots() -> None:
    result = plurality_result(2, ABC, report(a=5, b=5, c=1))
    assert set(result.elected) == {"a", "b"}
    assert all(d.tie is None for d in result.decisions)


# -- the composition rule -------------------------------------------------------------------

WOMEN = Condition(label="F", members=frozenset({"f1", "f2", "f3"}), at_least=2)
SIX = ("m1", "m2", "m3", "m4", "f1", "f2", "f3")


def test_plurality_skips_a_man_whose_election_would_leave_too_few_seats_for_two_women() -> None:
    result = plurality_result(5, SIX, report(m1=20, m2=19, m3=18, m4=17, f1=16, f2=3, f3=2), [WOMEN])
    assert result.elected == ("m1", "m2", "m3", "f1", "f2")
    assert [(a.candidate, a.action, a.condition) for a in result.composition] == [("m4", "not_elected", "F")]
    # f1 and f2 come after m4, whom the rule passed over: their seats went by the rule, not by
    # the most votes (a parliamentarian found a run-off's 6 votes minuted "the most votes").
    reasons = [(d.candidate, d.reason) for d in result.decisions]
    assert reasons == [
        ("m1", "most_votes"),
        ("m2", "most_votes"),
        ("m3", "most_votes"),
        ("f1", "composition"),
        ("f2", "composition"),
    ]


def test_the_composition_rule_does_not_act_when_the_count_meets_it() -> None:
    result = plurality_result(5, SIX, report(m1=20, m2=19, f1=18, m4=17, f2=16, m3=3, f3=2), [WOMEN])
    assert set(result.elected) == {"m1", "m2", "f1", "m4", "f2"} and result.composition == ()
    assert {d.reason for d in result.decisions} == {"most_votes"}


def test_an_unreachable_condition_is_held_to_the_candidates_standing() -> None:
    three_women = Condition(label="F", members=frozenset({"f1"}), at_least=3)
    result = plurality_result(3, ("m1", "m2", "m3", "f1"), report(m1=9, m2=8, m3=7, f1=1), [three_women])
    assert result.elected == ("m1", "m2", "f1")
    assert [a.action for a in result.composition] == ["unreachable", "not_elected"]


def test_a_woman_needed_for_the_condition_is_kept_from_dropping() -> None:
    method = ElectionMethod(method="majority", drop="lowest")
    one_woman = Condition(label="F", members=frozenset({"f1"}), at_least=1)
    result = majority_round(
        method, 2, ("m1", "m2", "m3", "f1"), report(ballots=20, m1=9, m2=8, m3=7, f1=1), [], [one_woman]
    )
    assert [(d.candidate, d.reason) for d in result.decisions] == [("m3", "lowest")]
    assert [(a.candidate, a.action) for a in result.composition] == [("f1", "kept")]


def test_a_majority_elects_a_man_while_women_still_standing_can_meet_the_rule() -> None:
    """Two seats, at least one woman: m1's majority elects him, two women still stand for the
    second seat; m2 is not elected, as he would take it (found by a parliamentarian: m1 was
    refused, the rule counting only those with a majority as still standing)."""
    one_woman = Condition(label="F", members=frozenset({"f1", "f2"}), at_least=1)
    result = majority_round(
        RONR, 2, ("m1", "m2", "f1", "f2"), report(ballots=17, m1=12, m2=11, f1=3, f2=2), [], [one_woman]
    )
    assert result.elected == ("m1",)
    assert [(a.candidate, a.action) for a in result.composition] == [("m2", "not_elected")]


def test_stv_excludes_a_candidate_at_the_quota_whom_the_condition_refuses() -> None:
    ballots = [
        RankedBallot(ranking=("m1",), count=40),
        RankedBallot(ranking=("m2", "f1"), count=35),
        RankedBallot(ranking=("f1",), count=25),
    ]
    one_woman = Condition(label="F", members=frozenset({"f1"}), at_least=1)
    count = scottish_stv(2, ("m1", "m2", "f1"), ballots, [one_woman])
    assert count.quota == 34 and count.elected == ("m1", "f1")
    first = count.stages[0]
    assert [(d.candidate, d.outcome, d.reason) for d in first.decisions] == [
        ("m1", "elected", "quota"),
        ("m2", "excluded", "composition"),
        ("f1", "elected", "last_vacancies"),
    ]
    assert [(a.candidate, a.action, a.stage) for a in first.composition] == [("m2", "not_elected", 1)]


def test_instant_runoff_majority_of_continuing_ballots() -> None:
    ballots = [
        RankedBallot(ranking=("a",), count=8),
        RankedBallot(ranking=("b", "a"), count=3),
        RankedBallot(ranking=("c",), count=7),
        RankedBallot(ranking=("d",), count=2),
    ]
    count = instant_runoff(("a", "b", "c", "d"), ballots)
    assert [s.necessary for s in count.stages] == [11, 10, 10]
    assert count.elected == ("a",) and count.stages[-1].decisions[-1].reason == "majority"
    assert count.non_transferable == 2  # d's papers had no second preference


# -- the tellers' report --------------------------------------------------------------------


def codes(problems: list[Problem]) -> list[str]:
    return [p.code for p in problems]


def test_ballots_possible_are_members_present_plus_proxies_held() -> None:
    assert ballots_possible(17, 2) == 19


@pytest.mark.parametrize(
    ("tellers", "seats", "expected"),
    [
        (report(a=10, b=9), 1, []),
        (report(blank=1, a=10, b=9), 1, ["tellers.too-many-ballots"]),
        (report(invalid=2, a=10, b=8), 1, ["tellers.too-many-ballots"]),
        (report(a=10, b=8, z=1), 1, ["tellers.not-a-candidate"]),
        (report(ballots=9, a=10, b=8), 2, ["tellers.more-votes-than-ballots"]),
        (report(ballots=9, a=9, b=8), 1, ["tellers.ballots-not-votes"]),
        (report(ballots=9, a=9, b=9, c=1), 2, ["tellers.marks-do-not-fit"]),
        (report(ballots=19, a=19, b=19), 2, []),
        (report(a=9, b=8), 2, ["tellers.ballots-needed"]),
        (report(blank=3), 2, []),
    ],
)
def test_a_report_whose_totals_exceed_the_ballots_possible_is_refused(
    tellers: TellersReport, seats: int, expected: list[str]
) -> None:
    assert codes(tellers_report_problems(tellers, ("a", "b", "c"), seats, possible=19)) == expected


def test_ranked_papers_cannot_outnumber_the_voters() -> None:
    assert codes(ranked_ballots_problems(17, 1, 1, 19)) == []
    assert ranked_ballots_problems(17, 2, 1, 19) == [
        Problem("tellers.too-many-ballots", {"papers": 20, "possible": 19})
    ]


def test_no_valid_ballots_elect_no_one() -> None:
    assert scottish_stv(2, ABC, []).elected == () and instant_runoff(ABC, []).elected == ()
    assert len(scottish_stv(2, ABC, []).stages) == 1
