"""Who is here, whose seat is represented and by whom, and whether there is a quorum.

A voting seat is represented by its titular when present; otherwise by the titular's
alternate when present; otherwise by the holder of the titular's proxy when the holder is
present. Quorum counts seats, not people; each counted way of attending is a rule setting.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from meeting.domain.checks import least_count
from meeting.domain.council import Member
from meeting.domain.events import Status, Voter
from meeting.domain.quantities import least_count_at_least
from meeting.domain.state import State

ATTENDING: frozenset[Status] = frozenset({"present", "remote"})


def is_attending(state: State, member: str) -> bool:
    return state.status(member) in ATTENDING


def alternate_of(state: State, titular: Member) -> Member | None:
    return state.meeting.council.member(titular.alternate) if titular.alternate else None


def representation(state: State, seat: Member) -> Voter | None:
    """Who casts this seat's vote now, and how; None when nobody does."""
    if is_attending(state, seat.id):
        return Voter(seat=seat.id, voter=seat.id, via="titular")
    alternate = alternate_of(state, seat)
    if alternate is not None and is_attending(state, alternate.id):
        return Voter(seat=seat.id, voter=alternate.id, via="alternate")
    holder = state.proxies.get(seat.id)
    if holder is not None and is_attending(state, holder):
        return Voter(seat=seat.id, voter=holder, via="proxy")
    return None


def represented_seats(state: State) -> list[Voter]:
    return [voter for seat in state.meeting.council.seats if (voter := representation(state, seat)) is not None]


def counts_for_quorum(state: State, voter: Voter) -> bool:
    quorum = state.meeting.rules.quorum
    if voter.via == "proxy" and not quorum.proxies_count:
        return False
    return quorum.remote_counts or state.status(voter.voter) == "present"


@dataclass(frozen=True, slots=True)
class RegionShort:
    region: str
    present: int
    needed: int


@dataclass(frozen=True, slots=True)
class QuorumStatus:
    """The quorum and why: the head count, and each regional condition."""

    present: int
    needed: int
    seats: int
    regions_present: int
    regions_needed: int
    regions_total: int
    short_regions: tuple[RegionShort, ...]

    @property
    def head_count_met(self) -> bool:
        return self.present >= self.needed

    @property
    def regions_met(self) -> bool:
        return self.regions_present >= self.regions_needed

    @property
    def met(self) -> bool:
        return self.head_count_met and self.regions_met and not self.short_regions


def quorum_status(state: State) -> QuorumStatus:
    cached = state.quorum_cache
    if cached is not None and cached[0] == state.attendance_version:
        known: QuorumStatus = cached[1]
        return known
    status = _count_quorum(state)
    state.quorum_cache = (state.attendance_version, status)
    return status


def _count_quorum(state: State) -> QuorumStatus:
    council = state.meeting.council
    quorum = state.meeting.rules.quorum
    seats = council.seats
    counted = [v for v in represented_seats(state) if counts_for_quorum(state, v)]
    region_of = {m.id: m.region for m in seats}
    present_by_region: dict[str | None, int] = {}
    for voter in counted:
        region = region_of[voter.seat]
        present_by_region[region] = present_by_region.get(region, 0) + 1
    regions = [r.id for r in council.regions if council.seats_in(r.id)]
    short: list[RegionShort] = []
    if quorum.each_region_at_least is not None:
        for region in regions:
            needed = least_count_at_least(quorum.each_region_at_least, len(council.seats_in(region)))
            if present_by_region.get(region, 0) < needed:
                short.append(RegionShort(region, present_by_region.get(region, 0), needed))
    return QuorumStatus(
        present=len(counted),
        needed=least_count(quorum, len(seats)),
        seats=len(seats),
        regions_present=sum(1 for r in regions if present_by_region.get(r)),
        regions_needed=quorum.regions_represented,
        regions_total=len(regions),
        short_regions=tuple(short),
    )


def recused(state: State, member: str, item: str | None) -> bool:
    return item is not None and member in state.items[item].recusals


def vote_refusal(state: State, voter: Voter, item: str | None) -> str | None:
    """Why this seat's vote cannot be cast on the item now, or None: the code of the reason."""
    council = state.meeting.council
    seat = council.member(voter.seat)
    assert seat is not None
    if recused(state, voter.voter, item):
        return "vote.recused"
    if state.meeting.rules.good_standing_required and not seat.good_standing:
        return "vote.not-in-good-standing"
    if voter.voter == state.chair and state.meeting.rules.chair_votes != "always":
        return "vote.chair-does-not-vote"
    return None


def entitled_voters(state: State, item: str | None) -> list[Voter]:
    """Every vote that may be cast on the item now: one per represented seat, less the recused,
    those not in good standing (if the rules say so) and the chair (if the chair does not vote)."""
    return [v for v in represented_seats(state) if vote_refusal(state, v, item) is None]


def women_share(state: State) -> Fraction | None:
    """The share of women among the members present; None when nobody is present."""
    present = [m for m in state.meeting.council.members if is_attending(state, m.id)]
    if not present:
        return None
    return Fraction(sum(1 for m in present if m.gender == "F"), len(present))


def balance_short(state: State) -> bool:
    rule = state.meeting.rules.gender_balance
    share = women_share(state)
    return rule is not None and share is not None and share < rule.women_at_least
