"""Who is here, whose seat is represented and by whom, and whether there is a quorum.

A voting seat is represented by its titular when present; otherwise by the titular's
alternate when present; otherwise by the holder of the titular's proxy when the holder is
present. Quorum counts seats, not people; each counted way of attending is a rule setting.

Every command asks who represents each seat and whether there is a quorum, and an assembly has
1,000 seats: the state keeps both up to date as attendance and proxies change (`recount`, called
by the state's handlers for the seats a change bears on), so asking costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from meeting.domain import events as ev
from meeting.domain.checks import least_count
from meeting.domain.council import Council, Member
from meeting.domain.events import Register, Status, Via, Voter
from meeting.domain.quantities import least_count_at_least, least_whole, meets
from meeting.domain.rules import Quorum

if TYPE_CHECKING:  # the state's handlers call `recount`: imported there, not here
    from meeting.domain.state import State

ATTENDING: frozenset[Status] = frozenset({"present", "remote"})


def is_attending(state: State, member: str) -> bool:
    return state.status(member) in ATTENDING


def minute_taker_away(state: State, event: ev.AnyEvent) -> bool:
    """Whether this event leaves the meeting in session without its minute-taker: the chair
    is asked to name an acting one with `secretary` (a warning, not a block)."""
    changes = event.changes if isinstance(event, ev.AttendanceChanged) else {}
    touched = isinstance(event, (ev.Begun, ev.Resumed)) or state.secretary in changes
    return touched and state.phase == "in_session" and not is_attending(state, state.secretary)


def balance_falls_short(state: State, event: ev.AnyEvent) -> tuple[Fraction, Fraction] | None:
    """Women's share of the voting members sitting and the share the rules ask, when this event
    leaves the meeting in session below it and no waiver was recorded: the chair is warned at
    the call to order, on resuming and as attendance changes (a warning, not a block)."""
    touched = isinstance(event, (ev.Begun, ev.Resumed, ev.AttendanceChanged, ev.ProxyLodged, ev.ProxyRevoked))
    if not touched or state.phase != "in_session" or state.balance_waiver is not None or not balance_short(state):
        return None
    rule, share = state.meeting.rules.gender_balance, women_share(state)
    assert rule is not None and share is not None  # as balance_short found them
    return share, rule.women_at_least


def observers_in_closed_item(state: State, event: ev.AnyEvent) -> list[str]:
    """The observers this event leaves in the room of a closed item (opening it with them
    here, or one coming back during it): they leave before the council takes it up (a
    warning, not a block: the chair asks them)."""
    item = state.current
    if item is None or not state.items[item].item.closed or state.phase != "in_session":
        return []
    if isinstance(event, ev.ItemOpened):
        watched: Iterable[str] = (m.id for m in state.meeting.council.members)
    elif isinstance(event, ev.AttendanceChanged):
        watched = event.changes
    else:
        return []
    council = state.meeting.council
    return [
        m for m in watched if (member := council.member(m)) and member.role == "observer" and is_attending(state, m)
    ]


def alternate_of(state: State, titular: Member) -> Member | None:
    return state.meeting.council.member(titular.alternate) if titular.alternate else None


def representation(state: State, seat: Member) -> Voter | None:
    """Who casts this seat's vote now, and how; None when nobody does."""
    found = _represented_by(state, seat)
    return None if found is None else Voter(seat=seat.id, voter=found[0], via=found[1])


def _represented_by(state: State, seat: Member) -> tuple[str, Via] | None:
    """`representation` as plain values: the member who casts the seat's vote, and how."""
    if is_attending(state, seat.id):
        return seat.id, "titular"
    alternate = alternate_of(state, seat)
    if alternate is not None and is_attending(state, alternate.id):
        return alternate.id, "alternate"
    holder = state.proxies.get(seat.id)
    if holder is not None and is_attending(state, holder):
        return holder, "proxy"
    return None


def represented_seats(state: State) -> list[Voter]:
    """Who casts each represented seat's vote, in the council's order of seats."""
    return [voter for voter in state.seat_voters if voter is not None]


def counts_for_quorum(state: State, voter: Voter) -> bool:
    quorum = state.meeting.rules.quorum
    if voter.via == "proxy" and not quorum.proxies_count:
        return False
    return quorum.remote_counts or state.status(voter.voter) == "present"


def seats_bearing_on(state: State, members: Iterable[str]) -> set[str]:
    """The voting seats whose representation these members' attendance bears on: their own, the
    titular's they are the alternate of, and those whose proxy they hold."""
    bearing = state.meeting.council.seats_bearing_on
    seats = {seat for member in members for seat in bearing.get(member, ())}
    if state.proxies:
        wanted = set(members)
        seats.update(principal for principal, holder in state.proxies.items() if holder in wanted)
    return seats


def recount(state: State, seats: Iterable[str]) -> None:
    """Who represents these seats now, and whether each counts for the quorum: the state's
    running counts brought up to date (a seat's Voter is kept while it does not change)."""
    council = state.meeting.council
    for seat_id in seats:
        index = council.seat_index[seat_id]
        seat = council.seats[index]
        found = _represented_by(state, seat)
        voter = state.seat_voters[index]
        if found != (None if voter is None else (voter.voter, voter.via)):
            voter = None if found is None else Voter(seat=seat_id, voter=found[0], via=found[1])
            state.seat_voters[index] = voter
        counted = voter is not None and counts_for_quorum(state, voter)
        if counted != state.counted[index]:
            state.counted[index] = counted
            state.counted_by_region[seat.region] += 1 if counted else -1
            if council.weighted:  # the votes counted, for a quorum of votes (rules part 2)
                weight = council.seat_weights[index]
                state.counted_votes += weight if counted else -weight


def register_change(state: State, register: list[Voter | None]) -> Register:
    """A vote's register (by seat, as `entitled_by_seat` gives it) as the journal writes it:
    what changed since the last one written (`state.register`), or the whole when that is
    shorter. Seats whose Voter is the same object are passed over without a look inside."""
    entitled = [voter for voter in register if voter is not None]
    if state.register_seq is None:
        return Register(added=entitled)
    added: list[Voter] = []
    removed: list[str] = []
    for old, new in zip(state.register, register, strict=True):
        if old is new:
            continue
        if new is None:
            removed.append(old.seat)  # type: ignore[union-attr]  # both None is `old is new`
        elif old is None or (old.voter, old.via) != (new.voter, new.via):
            added.append(new)
    if len(added) + len(removed) >= len(entitled):
        return Register(added=entitled)
    return Register(base=state.register_seq, added=added, removed=removed)


def registered(state: State, register: Register) -> list[Voter | None]:
    """The register a change describes, by seat, over the one the state last recorded (the
    caller checks that the change's `base` is that one)."""
    index = state.meeting.council.seat_index
    voters: list[Voter | None] = [None] * len(index) if register.base is None else list(state.register)
    for seat in register.removed:
        voters[index[seat]] = None
    for voter in register.added:
        voters[index[voter.seat]] = voter
    return voters


@dataclass(frozen=True, slots=True)
class RegionShort:
    """A region with fewer seats present than the quorum asks of it: present of its seats,
    and how many are needed (every view says the figures, not only the name)."""

    region: str
    present: int
    needed: int
    seats: int = 0


@dataclass(frozen=True, slots=True)
class GroupShort:
    group: str  # a group of regions, by its name as the council writes it
    present: int
    needed: int
    seats: int = 0


# A region or group of regions short of its quorum, as a refusal's parameter and the words'
# input: "region" and its id, or "group" and the group's name as the council writes it (a
# region without a group is its own, said as the region: "region" and its id); then its seats
# present, its seats, the seats needed. The words name it in the language spoken.
ShortFigures = tuple[str, str, int, int, int]


@dataclass(frozen=True, slots=True)
class QuorumStatus:
    """The quorum and why: the head count, and each condition on regions and their groups."""

    present: int
    needed: int
    seats: int
    regions_present: int
    regions_needed: int
    regions_total: int
    short_regions: tuple[RegionShort, ...]
    short_groups: tuple[GroupShort, ...] = ()

    # Where seats carry weights (rules part 2): the votes counted and all the votes; when the
    # quorum counts votes, the head count above is a count of votes: `votes_required` exactly,
    # more than it when `votes_strictly`.
    votes_present: Fraction | None = None
    votes_total: Fraction | None = None
    votes_required: Fraction | None = None
    votes_strictly: bool = False
    # The votes required as a whole number, where every seat carries whole votes.
    votes_needed: int | None = None

    @property
    def head_count_met(self) -> bool:
        if self.votes_required is not None and self.votes_present is not None:
            return meets(self.votes_present, self.votes_required, self.votes_strictly)
        return self.present >= self.needed

    @property
    def regions_met(self) -> bool:
        return self.regions_present >= self.regions_needed

    @property
    def met(self) -> bool:
        return self.head_count_met and self.regions_met and not self.short_regions and not self.short_groups

    def short_figures(self, council: Council) -> list[ShortFigures]:
        """The regions, then the groups of regions, with too few seats present: each by id
        (a group by its name) with its seats present, its seats, and the seats needed."""
        figures: list[ShortFigures] = [("region", r.region, r.present, r.seats, r.needed) for r in self.short_regions]
        for g in self.short_groups:
            kind, key = group_key(council, g.group)
            figures.append((kind, key, g.present, g.seats, g.needed))
        return figures


def group_key(council: Council, group: str) -> tuple[str, str]:
    """A group of regions as the words name it: a region without a `group` is a group of its
    own, named as the region ("region" and its id); any other group by its name ("group")."""
    alone = next((r for r in council.regions if r.group is None and r.name == group), None)
    return ("region", alone.id) if alone is not None else ("group", group)


def quorum_status(state: State) -> QuorumStatus:
    """From the state's running counts: as many steps as there are regions, not seats."""
    council = state.meeting.council
    quorum = state.meeting.rules.quorum
    seats = council.seats
    present_by_region = state.counted_by_region
    regions = council.seated_regions
    short: list[RegionShort] = []
    if quorum.each_region_at_least is not None:
        for region, size in regions.items():
            needed = least_count_at_least(quorum.each_region_at_least, size)
            if present_by_region.get(region, 0) < needed:
                short.append(RegionShort(region, present_by_region.get(region, 0), needed, size))
    return QuorumStatus(
        present=sum(present_by_region.values()),
        needed=least_count(quorum, len(seats)),
        seats=len(seats),
        regions_present=sum(1 for r in regions if present_by_region.get(r)),
        regions_needed=quorum.regions_represented,
        regions_total=len(regions),
        short_regions=tuple(short),
        short_groups=tuple(groups_short(state)),
        **votes_quorum(state, quorum),
    )


def groups_short(state: State) -> list[GroupShort]:
    """The groups of regions with fewer seats present than the quorum asks of them: every group
    `each_group_at_least`, and each group `group_at_least` names its own number."""
    council = state.meeting.council
    quorum = state.meeting.rules.quorum
    if not quorum.each_group_at_least and not quorum.group_at_least:
        return []
    present: dict[str, int] = dict.fromkeys(council.groups, 0)
    for region, count in state.counted_by_region.items():
        if region is not None:
            present[council.group_of(region)] += count
    seats: dict[str, int] = dict.fromkeys(council.groups, 0)
    for region, size in council.seated_regions.items():
        if region is not None:
            seats[council.group_of(region)] += size
    short = []
    for group in council.groups:
        needed = max(quorum.each_group_at_least, quorum.group_at_least.get(group, 0))
        if present[group] < needed:
            short.append(GroupShort(group, present[group], needed, seats[group]))
    return short


def votes_quorum(state: State, quorum: Quorum) -> dict[str, Any]:
    """The votes counted and all the votes, where seats carry weights; and the votes required
    when the quorum counts votes (rules part 2)."""
    council = state.meeting.council
    if not council.weighted:
        return {}
    total = sum(council.seat_weights, Fraction(0))
    shown: dict[str, Any] = {"votes_present": state.counted_votes, "votes_total": total}
    if quorum.counts == "votes":
        amount = quorum.at_least if quorum.at_least is not None else quorum.more_than
        assert amount is not None  # the model guarantees exactly one bound
        required = amount * total if isinstance(amount, Fraction) else Fraction(amount)
        strictly = quorum.more_than is not None
        shown.update(votes_required=required, votes_strictly=strictly)
        if council.whole_votes:
            shown["votes_needed"] = least_whole(required, strictly)
    return shown


def recused(state: State, member: str, item: str | None) -> bool:
    return item is not None and member in state.items[item].recusals


def interested_seats(state: State, members: Iterable[str]) -> set[str]:
    """The voting seats these members' interest in an item bars from its votes, whoever would
    cast them: their own, and the titular's they are the alternate of. The interest is the
    seat's, its association's: a seat whose titular is recused does not vote on the item
    through its alternate or a proxy holder either (council.md; RONR 45:4)."""
    bearing = state.meeting.council.seats_bearing_on
    return {seat for member in members for seat in bearing.get(member, ())}


def awaiting_ruling(state: State, item: str | None) -> set[str]:
    """Members who declared an interest in the item and wait for the chair's ruling, when the
    rules have the chair rule (`[rules.interests] on_declaration = "chair-rules"`): they may not
    move, second or vote on the item's questions until then."""
    if item is None or state.meeting.rules.interests.on_declaration != "chair-rules":
        return set()
    return {interest.member for interest in state.interests if interest.item == item and interest.ruling is None}


def vote_refusal(state: State, voter: Voter, item: str | None, outside: frozenset[str] = frozenset()) -> str | None:
    """Why this seat's vote cannot be cast on the item now, or None: the code of the reason.
    `outside`: the seats outside the electorate of the class the vote is under."""
    council = state.meeting.council
    seat = council.member(voter.seat)
    assert seat is not None
    if voter.seat in outside:
        return "vote.outside-electorate"
    interest = interest_refusal(state, voter.voter, voter.seat, item)
    if interest is not None:
        return interest
    if state.meeting.rules.good_standing_required and not seat.good_standing and seat.id not in state.restored:
        return "vote.not-in-good-standing"
    if voter.voter == state.chair and state.meeting.rules.chair_votes != "always":
        return "vote.chair-does-not-vote"
    return None


def interest_refusal(state: State, member: str, seat: str | None, item: str | None) -> str | None:
    """Why an interest in the item bars the vote the member would cast for the seat, or None:
    the member's own (recused, or waiting for the chair's ruling), or the seat's."""
    if item is None:
        return None
    if recused(state, member, item):
        return "vote.recused"
    waiting = awaiting_ruling(state, item)
    if member in waiting:
        return "vote.interest-not-ruled"
    if seat in interested_seats(state, state.items[item].recusals):
        return "vote.seat-recused"
    if seat in interested_seats(state, waiting):
        return "vote.seat-interest-not-ruled"
    return None


def not_voting(state: State, seat: Member, item: str | None, outside: frozenset[str] = frozenset()) -> str:
    """Why a voting seat has no vote on the item now: its titular's attendance ("absent",
    "apologies", "left"...) when nobody is here for it, else the code of `vote_refusal`, else
    "not-called" (here, but not on the roll as it was called)."""
    voter = representation(state, seat)
    if voter is None:
        return state.status(seat.id)
    return vote_refusal(state, voter, item, outside) or "not-called"


def left_off_the_roll(state: State, poll_entitled: Iterable[Voter], item: str | None, class_id: str) -> dict[str, str]:
    """Every voting seat a roll call did not call, with why (`not_voting`): so that its record
    lists every seat, and a region's 3 of 4 seats is explained."""
    called = {voter.seat for voter in poll_entitled}
    outside = state.meeting.outside_electorates.get(class_id, frozenset())
    return {
        seat.id: not_voting(state, seat, item, outside) for seat in state.meeting.council.seats if seat.id not in called
    }


def proxy_refusal(state: State, principal: Member, holder: Member) -> tuple[str, dict[str, Any]] | None:
    """Why the holder may not carry the principal's proxy, or None: the code of the reason and
    its parameters (the console's pickers offer only those who may)."""
    rules = state.meeting.rules.proxies
    if holder.id == principal.id:
        return "proxy.self", {"id": holder.id}
    if not holder.holds_seat:
        return "proxy.holder-no-seat", {"id": holder.id}
    if rules.same_region and holder.region != principal.region:
        return "proxy.other-region", {"id": holder.id, "principal": principal.id}
    if sum(1 for h in state.proxies.values() if h == holder.id) >= rules.max_per_holder:
        return "proxy.holder-full", {"id": holder.id, "limit": rules.max_per_holder}
    return None


def proxy_givers(state: State) -> list[str]:
    """The seats that may lodge a proxy: those without one."""
    return [m.id for m in state.meeting.council.seats if m.id not in state.proxies]


def proxy_holders(state: State, principal: Member | None) -> list[str]:
    """Who may carry the principal's proxy; with no principal named yet, the seat holders."""
    refused = proxy_holder_refusals(state, principal) if principal is not None else {}
    return [m.id for m in state.meeting.council.seats if m.id not in refused]


def proxy_holder_refusals(state: State, principal: Member) -> dict[str, tuple[str, dict[str, Any]]]:
    """Why each seat holder who may not carry the principal's proxy may not (`proxy_refusal`)."""
    seats = state.meeting.council.seats
    return {m.id: refusal for m in seats if (refusal := proxy_refusal(state, principal, m)) is not None}


def entitled_voters(state: State, item: str | None) -> list[Voter]:
    """Every vote that may be cast on the item now: one per represented seat, less the recused
    (every vote they would cast, and their seats' whoever casts them), those not in good
    standing (if the rules say so) and the chair (if the chair does not vote)."""
    return [voter for voter in entitled_by_seat(state, item) if voter is not None]


def entitled_by_seat(state: State, item: str | None, outside: frozenset[str] = frozenset()) -> list[Voter | None]:
    """`entitled_voters` in the council's order of seats, None for a seat that may not vote:
    the represented seats without a `vote_refusal`, in one pass of set lookups. `outside`: the
    seats outside the electorate of the class the vote is under."""
    rules = state.meeting.rules
    barred = set(state.items[item].recusals) | awaiting_ruling(state, item) if item is not None else set()
    interested = interested_seats(state, barred)  # their seats too, whoever would cast their votes
    if rules.chair_votes != "always" and state.chair is not None:
        barred.add(state.chair)
    lapsed = state.meeting.council.seats_not_in_good_standing if rules.good_standing_required else frozenset()
    if state.restored:
        lapsed = lapsed.difference(state.restored)
    if outside or interested:
        lapsed = lapsed | outside | interested
    if not barred and not lapsed:
        return list(state.seat_voters)
    return [v if v is not None and v.voter not in barred and v.seat not in lapsed else None for v in state.seat_voters]


def members_present(state: State, entitled: Iterable[Voter], outside: frozenset[str] = frozenset()) -> list[Voter]:
    """The members present on a question, as "a majority of the members present" counts them
    (RONR §44): the votes that may be cast on it (`entitled`), and every other seat
    represented now whose member is entitled to vote as a member of the council: a chair who
    does not vote, a member recused or waiting for a ruling on an interest (RONR §45:4), and
    their seats, are present though they do not vote, and so count as voting no. Not the seats
    outside the electorate of the class the vote is under (`outside`), nor those not in good
    standing (if the rules say so)."""
    lapsed = (
        state.meeting.council.seats_not_in_good_standing if state.meeting.rules.good_standing_required else frozenset()
    )
    barred = lapsed.difference(state.restored) | outside
    present = {voter.seat: voter for voter in entitled}
    for voter in state.seat_voters:
        if voter is not None and voter.seat not in barred and voter.seat not in present:
            present[voter.seat] = voter
    return list(present.values())


def women_share(state: State) -> Fraction | None:
    """The share of women among the voting members sitting now (titulars and the alternates
    sitting for them; not observers, the secretariat, nor alternates whose titular is here);
    None when nobody sits."""
    council = state.meeting.council
    sitting = {voter.voter for voter in state.seat_voters if voter is not None and voter.via != "proxy"}
    if not sitting:
        return None
    women = sum(1 for member_id in sitting if (member := council.member(member_id)) and member.gender == "F")
    return Fraction(women, len(sitting))


def balance_short(state: State) -> bool:
    rule = state.meeting.rules.gender_balance
    share = women_share(state)
    return rule is not None and share is not None and share < rule.women_at_least
