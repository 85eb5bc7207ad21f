"""Composition conditions on a multi-seat election: "at least two women among five".

The rule, the same in every method: candidates are elected in the count's order, skipping any
whose election would leave too few seats for the condition to be met by the candidates still
in the count; such a candidate is not elected (in a transferable count, excluded and their
papers transferred). Likewise a candidate whose exclusion (or drop) would make the condition
unreachable is kept, and the next lowest goes instead. The result records each time the rule
acted (`CompositionActed`).

A condition the candidates cannot meet at all (three women required, two standing) is held to
as many as stand, and recorded as `unreachable`.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from meeting.domain.base import Model
from meeting.domain.elections.records import CompositionActed


class Condition(Model):
    """At least `at_least` of the elected must be among `members` (say, the women standing)."""

    label: str  # what the condition is about, for the record: a gender code such as "F"
    members: frozenset[str]
    at_least: int


def _reachable(condition: Condition, elected: Collection[str], continuing: Collection[str], seats: int) -> bool:
    have = sum(1 for c in elected if c in condition.members)
    could = sum(1 for c in continuing if c in condition.members)
    return have + min(seats - len(elected), could) >= condition.at_least


def may_elect(
    candidate: str, elected: Sequence[str], continuing: Collection[str], seats: int, conditions: Sequence[Condition]
) -> Condition | None:
    """None if `candidate` may be elected now; else the condition electing them would break."""
    after = [*elected, candidate]
    others = [c for c in continuing if c != candidate]
    return next((k for k in conditions if not _reachable(k, after, others, seats)), None)


def may_exclude(
    candidate: str, elected: Sequence[str], continuing: Collection[str], seats: int, conditions: Sequence[Condition]
) -> Condition | None:
    """None if `candidate` may be excluded now; else the condition excluding them would break."""
    others = [c for c in continuing if c != candidate]
    return next((k for k in conditions if not _reachable(k, elected, others, seats)), None)


def held_conditions(
    conditions: Sequence[Condition], candidates: Collection[str], seats: int
) -> tuple[list[Condition], list[CompositionActed]]:
    """The conditions as the count holds them: each capped at what the candidates standing
    (and the seats) allow, with a record of every one that had to be capped."""
    held: list[Condition] = []
    notes: list[CompositionActed] = []
    for condition in conditions:
        possible = min(seats, sum(1 for c in candidates if c in condition.members))
        if possible < condition.at_least:
            notes.append(CompositionActed(candidate=None, action="unreachable", condition=condition.label, stage=1))
            condition = condition.model_copy(update={"at_least": possible})
        held.append(condition)
    return held, notes
