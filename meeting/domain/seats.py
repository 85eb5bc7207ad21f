"""Which chamber each voting seat sits in, and which seats vote on a class (rules part 2).

From the council's roster and its rules alone; `Meeting` computes them once.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from meeting.domain.council import Council
from meeting.domain.rules import Electorate, Rules


def seat_chambers(council: Council, rules: Rules) -> tuple[str | None, ...]:
    """The chamber of each voting seat (in the order of `council.seats`): the chamber naming
    its region, else the one naming its member type; None without chambers."""
    chambers = rules.chambers or {}
    by_region = {region: cid for cid, chamber in chambers.items() for region in chamber.regions or ()}
    by_type = {kind: cid for cid, chamber in chambers.items() for kind in chamber.types or ()}
    return tuple(by_region.get(seat.region or "") or by_type.get(seat.type or "") for seat in council.seats)


def in_electorate(electorate: Electorate, region: str | None, kind: str | None, chamber: str | None) -> bool:
    return (
        (region is not None and region in (electorate.regions or ()))
        or (kind is not None and kind in (electorate.types or ()))
        or (chamber is not None and chamber in (electorate.chambers or ()))
    )


def outside_electorate(
    council: Council, electorate: Electorate | None, chambers: tuple[str | None, ...]
) -> frozenset[str]:
    """The voting seats an electorate leaves out (none when the class has no electorate)."""
    if electorate is None:
        return frozenset()
    return frozenset(
        seat.id
        for seat, chamber in zip(council.seats, chambers, strict=True)
        if not in_electorate(electorate, seat.region, seat.type, chamber)
    )


@dataclass(frozen=True, slots=True)
class SeatTotals:
    """The voting seats of an electorate (or of one chamber of it), in heads and in votes, and
    those of them not in good standing (`lapsed`) where the rules require good standing."""

    seats: int = 0
    votes: Fraction = Fraction(0)
    lapsed: int = 0
    lapsed_votes: Fraction = Fraction(0)

    def plus(self, weight: Fraction, lapsed: bool) -> SeatTotals:
        return SeatTotals(
            self.seats + 1,
            self.votes + weight,
            self.lapsed + (1 if lapsed else 0),
            self.lapsed_votes + (weight if lapsed else 0),
        )


def seat_totals(
    council: Council, rules: Rules, chambers: tuple[str | None, ...], outside: frozenset[str]
) -> dict[str | None, SeatTotals]:
    """The seats of an electorate (all seats but `outside`), whole (key None) and by chamber."""
    totals: dict[str | None, SeatTotals] = {None: SeatTotals()}
    totals.update({chamber: SeatTotals() for chamber in rules.chambers or {}})
    lapsed = council.seats_not_in_good_standing if rules.good_standing_required else frozenset()
    for seat, weight, chamber in zip(council.seats, council.seat_weights, chambers, strict=True):
        if seat.id in outside:
            continue
        totals[None] = totals[None].plus(weight, seat.id in lapsed)
        if chamber is not None:
            totals[chamber] = totals[chamber].plus(weight, seat.id in lapsed)
    return totals
