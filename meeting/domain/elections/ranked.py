"""Counts of ranked ballots: instant-runoff for one seat, and Scottish STV for several.

Scottish STV is the count of The Scottish Local Government Elections Order 2007 (SSI 2007/42),
schedule 1, rules 45 to 52, as made:

- 45, 46: the quota is the valid ballot papers divided by one more than the seats, decimals
  ignored, plus one (the Droop quota).
- 47: a candidate whose votes equal or exceed the quota at any stage is elected.
- 48: a surplus is transferred from **every** ballot paper the elected candidate holds (the
  weighted inclusive Gregory method: not only the last parcel received, which is the Northern
  Ireland rule), each at `surplus x value of the paper when received / votes of the candidate`,
  calculated to five decimal places, any remainder ignored. Papers with no next preference for
  a continuing candidate are non-transferable.
- 49: the largest surplus first; equal surpluses by the most votes at the most recent earlier
  stage where the candidates differed, then by lots.
- 50, 51: with no surplus left to transfer, the candidate with the fewest votes is excluded and
  every paper goes on at the value it came with; a tie for the fewest by the most recent earlier
  stage where they differed, then by lots.
- 52: when as many candidates continue as seats remain, they are elected and nothing more is
  transferred.

Votes are kept in hundred-thousandths as integers, so every figure is exact and the
truncation is the Order's own. Candidates elected at one stage are listed by their votes.

Instant-runoff: a candidate with more than half of the continuing (not exhausted) ballots is
elected; otherwise the fewest votes is excluded (ties by earlier rounds, then lots) and their
ballots go to their next preferences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from pydantic import Field

from meeting.domain.base import Model
from meeting.domain.elections.composition import Condition, held_conditions, may_elect, may_exclude
from meeting.domain.elections.records import CompositionActed, Decision, Reason, Tie
from meeting.domain.elections.ties import TieRule, deciding, pick_tied, ranked
from meeting.domain.quantities import Exact

# Five decimal places: one vote is 100,000 units.
UNIT = 100_000


class RankedBallot(Model):
    """Identical ballot papers: the candidates in order of preference, and how many papers."""

    ranking: tuple[str, ...]
    count: int = Field(1, ge=1)


class TransferValue(Model):
    """The papers of a surplus that came to the candidate at one value, and the value they go on at."""

    papers: int
    value_received: Exact
    transfer_value: Exact


class Stage(Model):
    """One stage of the count (rule 2's "stage of the count"): the first preferences, the
    transfer of one surplus, or the exclusion of one candidate; and what it decided."""

    number: int
    action: Literal["first_preferences", "surplus", "exclusion"]
    candidate: str | None = None  # whose surplus or whose papers
    tie: Tie | None = None  # surplus: equal surpluses, and what put this one first
    surplus: Exact | None = None
    transfer_values: tuple[TransferValue, ...] = ()
    transferred: bool = True  # False: rule 52 filled the last seats, nothing was transferred
    transfers: dict[str, Exact] = Field(default_factory=dict)  # votes credited to each candidate
    non_transferable: Exact = Fraction(0)  # papers with no next preference, at their value
    lost: Exact = Fraction(0)  # the fractions of a vote the truncation to five places dropped
    votes: dict[str, Exact]  # every candidate's votes at the end of the stage
    necessary: int | None = None  # instant-runoff: more than half the continuing ballots
    decisions: tuple[Decision, ...] = ()
    composition: tuple[CompositionActed, ...] = ()


class RankedCount(Model):
    method: Literal["instant_runoff", "scottish_stv"]
    seats: int
    candidates: tuple[str, ...]
    valid: int  # valid ballot papers: those with at least one preference
    quota: int | None = None
    stages: tuple[Stage, ...]
    elected: tuple[str, ...]
    composition: tuple[CompositionActed, ...] = ()  # conditions the candidates could not meet

    @property
    def non_transferable(self) -> Fraction:
        return sum((s.non_transferable for s in self.stages), Fraction(0))

    @property
    def lost(self) -> Fraction:
        return sum((s.lost for s in self.stages), Fraction(0))


@dataclass(slots=True)
class _Parcel:
    """Papers of one kind held by a candidate: which ballot, how many, at what value (units),
    and how far down its ranking the paper has gone."""

    ballot: int
    count: int
    value: int
    position: int


@dataclass
class _Count:
    """The count in progress: who holds which papers, and each candidate's standing."""

    ballots: Sequence[RankedBallot]
    candidates: tuple[str, ...]
    seats: int
    rule: TieRule
    entropy: bytes
    conditions: list[Condition]
    parcels: dict[str, list[_Parcel]] = field(default_factory=dict)
    votes: dict[str, int] = field(default_factory=dict)  # units
    elected: list[str] = field(default_factory=list)
    excluded: list[str] = field(default_factory=list)
    history: list[dict[str, int]] = field(default_factory=list)  # votes at the end of each stage

    @property
    def continuing(self) -> list[str]:
        return [c for c in self.candidates if c not in self.elected and c not in self.excluded]

    @property
    def stage(self) -> int:
        return len(self.history)

    def next_preference(self, parcel: _Parcel) -> tuple[str | None, int]:
        ranking = self.ballots[parcel.ballot].ranking
        continuing = set(self.continuing)
        for position in range(parcel.position + 1, len(ranking)):
            if ranking[position] in continuing:
                return ranking[position], position
        return None, len(ranking)

    def first_preferences(self) -> None:
        self.parcels = {c: [] for c in self.candidates}
        for index, ballot in enumerate(self.ballots):
            self.parcels[ballot.ranking[0]].append(_Parcel(index, ballot.count, UNIT, 0))
        self.votes = {c: sum(p.count * p.value for p in self.parcels[c]) for c in self.candidates}

    def move(self, candidate: str, value_of: dict[int, int] | None = None) -> tuple[dict[str, int], int]:
        """Send on every paper `candidate` holds, each at `value_of[its value]` (a surplus) or
        at its own value (an exclusion); the units credited to each candidate, and those that
        found no next preference."""
        credited = dict.fromkeys(self.continuing, 0)
        stranded = 0
        for parcel in self.parcels[candidate]:
            value = parcel.value if value_of is None else value_of[parcel.value]
            to, position = self.next_preference(parcel)
            if to is None:
                stranded += parcel.count * value
                continue
            self.parcels[to].append(_Parcel(parcel.ballot, parcel.count, value, position))
            credited[to] += parcel.count * value
        self.parcels[candidate] = []
        for to, units in credited.items():
            self.votes[to] += units
        return credited, stranded

    def lowest(self) -> tuple[str, Tie | None, list[CompositionActed]]:
        """The candidate to exclude: the fewest votes, skipping any the conditions protect."""
        order = ranked(
            self.continuing, self.votes, self.history[:-1], False, self.rule, self.entropy, self.stage + 1, "exclude"
        )
        notes: list[CompositionActed] = []
        for candidate, tie in order:
            broken = may_exclude(candidate, self.elected, self.continuing, self.seats, self.conditions)
            if broken is None:
                return candidate, deciding(tie, {candidate}) or tie, notes
            notes.append(
                CompositionActed(candidate=candidate, action="kept", condition=broken.label, stage=self.stage + 1)
            )
        # No candidate may go without breaking a condition (two conditions at odds): the fewest goes.
        return order[0][0], order[0][1], notes


def _exact(units: int) -> Fraction:
    return Fraction(units, UNIT)


def _votes(count: _Count) -> dict[str, Fraction]:
    return {c: _exact(count.votes[c]) for c in count.candidates}


def _decision(
    count: _Count, candidate: str, outcome: Literal["elected", "excluded"], reason: Reason, tie: Tie | None
) -> Decision:
    return Decision(candidate=candidate, outcome=outcome, reason=reason, votes=_exact(count.votes[candidate]), tie=tie)


def _elect(
    count: _Count, reached: Sequence[str], reason: Reason
) -> tuple[list[Decision], list[CompositionActed], list[str]]:
    """Elect `reached` by their votes, most first (ties by earlier stages, then lots); the
    ones a condition forbids are excluded instead and returned to have their papers moved."""
    history = count.history[:-1]
    order = ranked(reached, count.votes, history, True, count.rule, count.entropy, count.stage, "order")
    decisions: list[Decision] = []
    notes: list[CompositionActed] = []
    refused: list[str] = []
    for candidate, tie in order:
        broken = may_elect(candidate, count.elected, count.continuing, count.seats, count.conditions)
        if broken is not None:
            notes.append(
                CompositionActed(candidate=candidate, action="not_elected", condition=broken.label, stage=count.stage)
            )
            count.excluded.append(candidate)
            decisions.append(_decision(count, candidate, "excluded", "composition", None))
            refused.append(candidate)
            continue
        count.elected.append(candidate)
        decisions.append(_decision(count, candidate, "elected", reason, tie))
    # A tie among candidates who were all elected only ordered the list: not worth recording.
    chosen = set(count.elected)
    decisions = [d.model_copy(update={"tie": deciding(d.tie, chosen)}) for d in decisions]
    return decisions, notes, refused


def _start(
    seats: int,
    candidates: Sequence[str],
    ballots: Sequence[RankedBallot],
    rule: TieRule,
    conditions: Sequence[Condition],
    entropy: bytes,
) -> tuple[_Count, list[CompositionActed], Stage]:
    """The first stage: every paper with its first preference."""
    unknown = {c for b in ballots for c in b.ranking} - set(candidates)
    if unknown or any(len(set(b.ranking)) != len(b.ranking) or not b.ranking for b in ballots):
        raise ValueError("every ballot ranks candidates, each once")  # the BLT parser and the engine refuse others
    held, notes = held_conditions(conditions, candidates, seats)
    count = _Count(ballots, tuple(candidates), seats, rule, entropy, held)
    count.first_preferences()
    count.history.append(dict(count.votes))
    return count, notes, Stage(number=1, action="first_preferences", votes=_votes(count))


def _with(stage: Stage, decisions: Sequence[Decision], notes: Sequence[CompositionActed]) -> Stage:
    return stage.model_copy(
        update={"decisions": (*stage.decisions, *decisions), "composition": (*stage.composition, *notes)}
    )


def scottish_stv(
    seats: int,
    candidates: Sequence[str],
    ballots: Sequence[RankedBallot],
    conditions: Sequence[Condition] = (),
    entropy: bytes = b"",
) -> RankedCount:
    """Fill `seats` from `candidates` by Scottish STV; every ballot ranks candidates, each once."""
    count, capped, stage = _start(seats, candidates, ballots, "earlier_rounds", conditions, entropy)
    valid = sum(b.count for b in ballots)
    quota = valid // (seats + 1) + 1
    stages: list[Stage] = []
    pending: list[str] = []  # elected with a surplus not yet transferred
    refused: list[str] = []  # at the quota but not elected (composition): their papers move on
    while True:
        reached = [c for c in count.continuing if count.votes[c] >= quota * UNIT]
        decisions, notes, newly_refused = _elect(count, reached, "quota")
        pending += [
            d.candidate for d in decisions if d.outcome == "elected" and count.votes[d.candidate] > quota * UNIT
        ]
        refused += newly_refused
        if 0 < len(count.continuing) <= seats - len(count.elected):
            last, more, _ = _elect(count, count.continuing, "last_vacancies")
            decisions, notes = [*decisions, *last], [*notes, *more]
        stages.append(_with(stage, decisions, notes))
        if len(count.elected) == seats or not count.continuing or valid == 0:
            break
        if refused:
            stage = _exclusion(count, refused.pop(0), None, (), True)
        elif pending:
            stage = _surplus(count, pending, quota)
        else:
            excluded, tie, kept = count.lowest()
            # Rule 52: if this exclusion fills the last seats, nothing more is transferred.
            fills_last = len(count.continuing) - 1 == seats - len(count.elected)
            stage = _exclusion(count, excluded, tie, kept, not fills_last)
    return RankedCount(
        method="scottish_stv",
        seats=seats,
        candidates=tuple(candidates),
        valid=valid,
        quota=quota,
        stages=tuple(stages),
        elected=tuple(count.elected),
        composition=tuple(capped),
    )


def instant_runoff(
    candidates: Sequence[str],
    ballots: Sequence[RankedBallot],
    rule: TieRule = "earlier_rounds",
    conditions: Sequence[Condition] = (),
    entropy: bytes = b"",
) -> RankedCount:
    """One seat: more than half the continuing ballots elects; else the fewest is excluded."""
    count, capped, stage = _start(1, candidates, ballots, rule, conditions, entropy)
    valid = sum(b.count for b in ballots)
    stages: list[Stage] = []
    while True:
        continuing = sum(count.votes[c] for c in count.continuing) // UNIT
        necessary = continuing // 2 + 1
        stage = stage.model_copy(update={"necessary": necessary})
        reached = [c for c in count.continuing if count.votes[c] >= necessary * UNIT]
        reason: Reason = "majority"
        if len(count.continuing) == 1 and not reached:
            reached, reason = count.continuing, "last_vacancies"
        decisions, notes, refused = _elect(count, reached, reason)
        stages.append(_with(stage, decisions, notes))
        if count.elected or not count.continuing or valid == 0:
            break
        if refused:
            stage = _exclusion(count, refused[0], None, (), True)
            continue
        excluded, tie, kept = count.lowest()
        stage = _exclusion(count, excluded, tie, kept, True)
    return RankedCount(
        method="instant_runoff",
        seats=1,
        candidates=tuple(candidates),
        valid=valid,
        stages=tuple(stages),
        elected=tuple(count.elected),
        composition=tuple(capped),
    )


def _surplus(count: _Count, pending: list[str], quota: int) -> Stage:
    """Rules 48, 49: the largest surplus goes on, from every paper the candidate holds, at
    surplus x value received / votes, truncated to five places."""
    surpluses = {c: count.votes[c] - quota * UNIT for c in pending}
    largest = max(surpluses.values())
    level = [c for c in pending if surpluses[c] == largest]
    candidate, tie = level[0], None
    if len(level) > 1:
        candidate, tie = pick_tied(
            level, count.history, True, "earlier_rounds", count.entropy, count.stage + 1, "surplus"
        )
    pending.remove(candidate)
    surplus, total = surpluses[candidate], count.votes[candidate]
    received: dict[int, int] = {}
    for parcel in count.parcels[candidate]:
        received[parcel.value] = received.get(parcel.value, 0) + parcel.count
    value_of = {value: surplus * value // total for value in received}
    credited, stranded = count.move(candidate, value_of)
    count.votes[candidate] = quota * UNIT
    count.history.append(dict(count.votes))
    return Stage(
        number=count.stage,
        action="surplus",
        candidate=candidate,
        tie=tie,
        surplus=_exact(surplus),
        transfer_values=tuple(
            TransferValue(papers=papers, value_received=_exact(value), transfer_value=_exact(value_of[value]))
            for value, papers in sorted(received.items(), reverse=True)
        ),
        transfers={c: _exact(u) for c, u in credited.items()},
        non_transferable=_exact(stranded),
        lost=_exact(surplus - sum(credited.values()) - stranded),
        votes=_votes(count),
    )


def _exclusion(
    count: _Count, candidate: str, tie: Tie | None, kept: Sequence[CompositionActed], transfer: bool
) -> Stage:
    """Rules 50, 51: every paper of the excluded candidate goes on at the value it came with
    (unless rule 52 has filled the last seats)."""
    decisions: tuple[Decision, ...] = ()
    if candidate not in count.excluded:  # one at the quota whom a condition refused is excluded already
        decisions = (_decision(count, candidate, "excluded", "lowest", tie),)
        count.excluded.append(candidate)
    credited: dict[str, int] = {}
    stranded = 0
    if transfer:
        credited, stranded = count.move(candidate)
        count.votes[candidate] = 0
    count.history.append(dict(count.votes))
    return Stage(
        number=count.stage,
        action="exclusion",
        candidate=candidate,
        transferred=transfer,
        transfers={c: _exact(u) for c, u in credited.items()},
        non_transferable=_exact(stranded),
        votes=_votes(count),
        decisions=decisions,
        composition=tuple(kept),
    )
