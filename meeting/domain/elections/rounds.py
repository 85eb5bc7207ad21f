"""Elections counted from the tellers' totals: an absolute majority in successive rounds
(RONR §46), or a plurality in one round.

A majority round elects each candidate with more than half the votes cast (several seats on one
ballot: more than half the ballot papers with a vote), the most votes first while seats remain.
When seats are left, the method's rules say who stays on the next ballot: everyone (RONR's
default: nobody is dropped), all but the lowest, or all but those under a share of the votes
cast; at least one more candidate than seats left always stays. After `runoff_after` rounds
without filling the seats, the next round is a run-off of the top two (twice the seats left);
a run-off elects the most votes. The caller chains the rounds: each round gets the earlier
ones, whose votes break ties before lots do.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from fractions import Fraction
from typing import Literal

from meeting.domain.base import Model
from meeting.domain.elections.composition import Condition, held_conditions, may_elect, may_exclude
from meeting.domain.elections.records import CompositionActed, Decision, Purpose, Reason, Tie
from meeting.domain.elections.tellers import TellersReport
from meeting.domain.elections.ties import TieRule, deciding, ranked
from meeting.domain.rules import ElectionMethod

RoundKind = Literal["majority", "runoff", "plurality"]


class BallotRound(Model):
    """One ballot and the tellers' report on it (RONR §46:34), with what it decided."""

    number: int
    kind: RoundKind
    seats: int  # to fill at this round
    candidates: tuple[str, ...]  # on the ballot
    votes: dict[str, int]
    votes_cast: int
    blank: int
    invalid: int
    necessary: int | None = None  # for election, in a majority round
    decisions: tuple[Decision, ...]
    composition: tuple[CompositionActed, ...] = ()
    next_candidates: tuple[str, ...] = ()  # on the next ballot, if seats are left
    # A majority round: candidates with a majority tied for the last seat(s), none elected
    # (RONR §46:33-34: balloting continues for the seat; no lots). None rather than () so that
    # rounds without one are journaled as before.
    tied_for_last: tuple[str, ...] | None = None
    next_kind: RoundKind | None = None

    @property
    def elected(self) -> tuple[str, ...]:
        return tuple(d.candidate for d in self.decisions if d.outcome == "elected")


def majority_needed(votes_cast: int) -> int:
    """More than half: 11 of 20, 11 of 21."""
    return votes_cast // 2 + 1


Order = list[tuple[str, Tie | None]]


def _decided(
    chosen: Order, outcome: Literal["elected", "excluded"], reason: Reason, report: TellersReport
) -> list[Decision]:
    """Decisions on `chosen`, keeping only the ties that split candidates between fates."""
    names = {c for c, _ in chosen}
    return [
        Decision(
            candidate=c,
            outcome=outcome,
            reason=reason,
            votes=Fraction(report.votes.get(c, 0)),
            tie=deciding(tie, names),
        )
        for c, tie in chosen
    ]


def _elect_down(
    order: Order,
    reason: Reason,
    report: TellersReport,
    seats: int,
    elected_before: Sequence[str],
    conditions: Sequence[Condition],
    stage: int,
    standing: Sequence[str] | None = None,
) -> tuple[list[Decision], list[CompositionActed]]:
    """Elect down `order` while seats remain, skipping whoever would break a condition: one
    that the candidates still `standing` (by default those in `order`) could no longer meet."""
    elected = list(elected_before)
    left = list(standing) if standing is not None else [c for c, _ in order]
    chosen: list[tuple[str, Tie | None]] = []
    notes: list[CompositionActed] = []
    # Past a candidate the rule passed over, a seat goes by the rule, not by the most votes
    # (a run-off's 6 votes elected over its 15): the record says so.
    by_rule: set[str] = set()
    for candidate, tie in order:
        if len(elected) == seats:
            break
        broken = may_elect(candidate, elected, left, seats, conditions)
        left.remove(candidate)
        if broken is not None:
            notes.append(
                CompositionActed(candidate=candidate, action="not_elected", condition=broken.label, stage=stage)
            )
            continue
        elected.append(candidate)
        chosen.append((candidate, tie))
        if notes and reason == "most_votes":
            by_rule.add(candidate)
    decisions = _decided(chosen, "elected", reason, report)
    return [d.model_copy(update={"reason": "composition"}) if d.candidate in by_rule else d for d in decisions], notes


def _drop_up(
    ascending: Order,
    report: TellersReport,
    keep: int,
    limit: int | None,
    below: Fraction | None,
    reason: Reason,
    seats: int,
    elected: Sequence[str],
    conditions: Sequence[Condition],
    stage: int,
) -> tuple[list[Decision], list[CompositionActed]]:
    """Drop from the fewest votes up: at most `limit` candidates (None: no limit), only those
    under `below` (None: anyone), never leaving fewer than `keep`, never one whose going would
    make a condition unreachable."""
    left = [c for c, _ in ascending]
    dropped: list[tuple[str, Tie | None]] = []
    notes: list[CompositionActed] = []
    for candidate, tie in ascending:
        if len(left) <= keep or (limit is not None and len(dropped) == limit):
            break
        if below is not None and report.votes.get(candidate, 0) >= below:
            break
        broken = may_exclude(candidate, elected, left, seats, conditions)
        if broken is not None:
            notes.append(CompositionActed(candidate=candidate, action="kept", condition=broken.label, stage=stage))
            continue
        left.remove(candidate)
        dropped.append((candidate, tie))
    return _decided(dropped, "excluded", reason, report), notes


def _order(
    candidates: Sequence[str],
    report: TellersReport,
    previous: Sequence[BallotRound],
    highest: bool,
    rule: TieRule,
    entropy: bytes,
    stage: int,
    purpose: Purpose,
) -> Order:
    votes = {c: report.votes.get(c, 0) for c in candidates}
    history = [r.votes for r in previous]
    return ranked(candidates, votes, history, highest, rule, entropy, stage, purpose)


def plurality_result(
    seats: int,
    candidates: Sequence[str],
    report: TellersReport,
    conditions: Sequence[Condition] = (),
    entropy: bytes = b"",
) -> BallotRound:
    """The `seats` candidates with the most votes are elected; a tie for the last seat is
    decided by lots (there is no earlier round to look back to)."""
    held, notes = held_conditions(conditions, candidates, seats)
    order = _order(candidates, report, (), True, "lots", entropy, 1, "elect")
    decisions, acted = _elect_down(order, "most_votes", report, seats, (), held, 1)
    return _round(1, "plurality", seats, candidates, report, None, decisions, [*notes, *acted])


def majority_round(
    method: ElectionMethod,
    seats: int,
    candidates: Sequence[str],
    report: TellersReport,
    previous: Sequence[BallotRound] = (),
    conditions: Sequence[Condition] = (),
    entropy: bytes = b"",
) -> BallotRound:
    """One round of an absolute-majority election: `seats` left to fill among `candidates`
    (those on this ballot), after the `previous` rounds of the same election."""
    number = len(previous) + 1
    kind: RoundKind = previous[-1].next_kind or "majority" if previous else "majority"
    rule = method.tie_rule
    held, notes = held_conditions(conditions, candidates, seats)
    if kind == "runoff":
        order = _order(candidates, report, previous, True, rule, entropy, number, "elect")
        decisions, acted = _elect_down(order, "most_votes", report, seats, (), held, number)
        return _round(number, kind, seats, candidates, report, None, decisions, [*notes, *acted])

    necessary = majority_needed(report.votes_cast)
    with_majority = [c for c in candidates if report.votes.get(c, 0) >= necessary]
    order = _order(with_majority, report, previous, True, rule, entropy, number, "elect")
    # Those short of a majority stand again: they may yet meet a condition in a later round
    # (a man with a majority was refused a seat that left a woman's still within reach).
    decisions, acted = _elect_down(order, "majority", report, seats, (), held, number, candidates)
    refused = {a.candidate for a in acted if a.action == "not_elected" and a.candidate is not None}
    tied = tied_for_last_seat(decisions, refused)
    if tied:
        decisions = [d for d in decisions if d.candidate not in tied]
        acted = [a for a in acted if a.candidate not in tied]
    notes += acted
    elected = [d.candidate for d in decisions]
    left = seats - len(elected)
    remaining = [c for c in candidates if c not in elected]
    if left == 0 or not remaining:
        return _round(number, kind, seats, candidates, report, necessary, decisions, notes)

    ascending = _order(remaining, report, previous, False, rule, entropy, number, "drop")
    next_kind: RoundKind = "majority"
    if method.runoff_after is not None and number >= method.runoff_after:
        next_kind = "runoff"
        out, acted = _drop_up(ascending, report, 2 * left, None, None, "not_in_runoff", seats, elected, held, number)
    elif method.drop_rule == "lowest":
        out, acted = _drop_up(ascending, report, left + 1, 1, None, "lowest", seats, elected, held, number)
    elif method.drop_rule == "below_share":
        assert method.drop_below is not None  # the rules' checks require it with below_share
        share = method.drop_below * report.votes_cast
        out, acted = _drop_up(ascending, report, left + 1, None, share, "below_share", seats, elected, held, number)
    else:
        out, acted = [], []
    dropped = {d.candidate for d in out}
    result = _round(number, kind, seats, candidates, report, necessary, [*decisions, *out], [*notes, *acted])
    return result.model_copy(
        update={
            "next_candidates": tuple(c for c in remaining if c not in dropped),
            "next_kind": next_kind,
            "tied_for_last": tuple(c for c in candidates if c in tied) or None,
        }
    )


def tied_for_last_seat(decisions: Sequence[Decision], refused: Collection[str]) -> frozenset[str]:
    """In a majority round, the candidates with a majority and equal votes of whom only some
    would fill the last seats: RONR §46:33-34 elects none of them and balloting continues for
    those seats; neither earlier rounds nor lots decide (those serve run-offs and dropping).
    A tied candidate the composition rule `refused` a seat was not kept out by the tie."""
    chosen = {d.candidate for d in decisions}
    tied: set[str] = set()
    for tie in (d.tie for d in decisions if d.tie is not None):
        if any(c not in chosen and c not in refused for c in tie.among):
            tied.update(c for c in tie.among if c not in refused)
    return frozenset(tied)


def _round(
    number: int,
    kind: RoundKind,
    seats: int,
    candidates: Sequence[str],
    report: TellersReport,
    necessary: int | None,
    decisions: Sequence[Decision],
    notes: Sequence[CompositionActed],
) -> BallotRound:
    return BallotRound(
        number=number,
        kind=kind,
        seats=seats,
        candidates=tuple(candidates),
        votes={c: report.votes.get(c, 0) for c in candidates},
        votes_cast=report.votes_cast,
        blank=report.blank,
        invalid=report.invalid,
        necessary=necessary,
        decisions=tuple(decisions),
        composition=tuple(notes),
    )
