"""An election item as the meeting holds it: one election per region where the item says so,
who may stand in each, and the composition conditions its count must keep."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from meeting.domain.agenda import Election
from meeting.domain.council import Council
from meeting.domain.elections.composition import Condition
from meeting.domain.elections.tellers import Problem


@dataclass(frozen=True, slots=True)
class HeldElection:
    """One count: `region` is set when only that region's members may stand."""

    id: str
    election: Election
    region: str | None


def elections_held(election: Election, council: Council) -> list[HeldElection]:
    """ "One seat per region" is one election per region, each with its own id `<id>.<region>`."""
    if not election.per_region:
        return [HeldElection(election.id, election, election.region)]
    return [HeldElection(f"{election.id}.{region}", election, region) for region in council.seated_regions]


def listed_candidates(held: HeldElection, council: Council) -> list[str]:
    """The candidates named before the meeting who stand in this election (their region's)."""
    named = list(dict.fromkeys(held.election.candidates))  # a name repeated by mistake stands once
    if held.region is None or not held.election.per_region:
        return named
    return [c for c in named if (m := council.member(c)) is not None and m.region == held.region]


def ineligibility(held: HeldElection, council: Council, member_id: str) -> Problem | None:
    """Why `member_id` may not stand in this election, by the rule that forbids it; None if they may."""
    member = council.member(member_id)
    if member is None:
        return Problem("candidate.unknown", {"id": member_id})
    if held.election.good_standing and not member.good_standing:
        return Problem("candidate.not-in-good-standing", {"id": member_id})
    if held.region is not None and member.region != held.region:
        return Problem("candidate.other-region", {"id": member_id, "region": held.region})
    return None


def composition_conditions(election: Election, council: Council, candidates: Sequence[str]) -> list[Condition]:
    """The item's gender rule as conditions on the count: at least N of the candidates of a gender."""
    return [
        Condition(
            label=gender,
            members=frozenset(c for c in candidates if (m := council.member(c)) is not None and m.gender == gender),
            at_least=count,
        )
        for gender, count in election.gender_at_least.items()
    ]
