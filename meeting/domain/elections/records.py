"""What a count records: each decision with its reason, each tie with how it was broken.

Reasons are codes (`Reason`), never sentences: the minutes word them in the reader's language.
"""

from __future__ import annotations

from typing import Literal

from meeting.domain.base import Model
from meeting.domain.quantities import Exact

Reason = Literal[
    "majority",  # more than half the votes cast (a majority round; instant-runoff: of the continuing ballots)
    "most_votes",  # among the most votes: plurality, or a run-off
    "quota",  # reached the quota (STV)
    "last_vacancies",  # as many continuing candidates as seats left (STV rule 52), or the last one standing
    "lowest",  # the fewest votes
    "below_share",  # fewer votes than the rules' share of the votes cast (majority rounds)
    "not_in_runoff",  # not among those who go to the run-off
    "composition",  # electing them would make a composition condition unreachable
]

# What a tie decided: who is excluded or dropped, who is elected at a cut-off, whose surplus
# goes first, in which order candidates elected together are listed, who goes to a run-off.
Purpose = Literal["exclude", "drop", "elect", "surplus", "order", "runoff"]


class Lot(Model):
    """A drawing of lots: the tied candidates, and the order the lots put them in (first drawn
    first). Drawn from the count's entropy, so the same bytes draw the same order."""

    stage: int
    purpose: Purpose
    among: tuple[str, ...]
    order: tuple[str, ...]


class Tie(Model):
    """Candidates with equal votes where the count had to choose, and what chose.

    `earlier_round`: the most recent earlier round (or stage) at which they differed, given in
    `round`; `lots`: the lots in `lot`."""

    among: tuple[str, ...]
    by: Literal["earlier_round", "lots"]
    round: int | None = None
    lot: Lot | None = None


class Decision(Model):
    candidate: str
    outcome: Literal["elected", "excluded"]
    reason: Reason
    votes: Exact
    tie: Tie | None = None


class CompositionActed(Model):
    """The composition rule changed the count: a candidate `not_elected` although the count
    reached them (electing them would make a condition unreachable), or `kept` although they
    had the fewest votes (excluding them would). `unreachable`: the candidates could never meet
    the condition; it is then held to as many of them as stand."""

    candidate: str | None = None
    action: Literal["not_elected", "kept", "unreachable"]
    condition: str
    stage: int
