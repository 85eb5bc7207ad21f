"""A vote counted as the rules of federations count it (rules part 2): seats carrying
weights, chambers counting on their own or weighing alike, an electorate per class, the seats
eligible to vote, and a class's own quorum.

A plain count (one seat, one vote, no chambers) is decided as it always was, by
`outcome.vote_outcome`; the rest is counted by name, from the register and the choices of a
roll call, since only names tell each vote's weight and chamber.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import TYPE_CHECKING

from meeting.domain.agenda import Meeting
from meeting.domain.attendance import entitled_by_seat, members_present
from meeting.domain.events import Choice, Outcome, Voter
from meeting.domain.outcome import Group, Tally, vote_outcome, weighed_outcome, with_class_quorum
from meeting.domain.rules import DecisionClass, Rules
from meeting.domain.seats import SeatTotals

if TYPE_CHECKING:
    from meeting.domain.state import State


def chamber_weights(rules: Rules) -> dict[str, Fraction] | None:
    """Each chamber's share of every vote, where the chambers weigh alike whatever attends."""
    weights = {cid: chamber.weight for cid, chamber in (rules.chambers or {}).items() if chamber.weight is not None}
    return weights or None


def counted_by_name(meeting: Meeting, decision: DecisionClass) -> bool:
    """Whether a vote under this class must be counted by name: where seats carry weights, or
    chambers count on their own or weigh alike, a show of hands cannot tell the result."""
    return meeting.council.weighted or decision.each_chamber or chamber_weights(meeting.rules) is not None


def outside_electorate(meeting: Meeting, class_id: str) -> frozenset[str]:
    """The voting seats that do not vote on decisions of this class."""
    return meeting.outside_electorates.get(class_id, frozenset())


def _restored_in(state: State, class_id: str) -> dict[str | None, SeatTotals]:
    """The seats whose vote the meeting restored, within the class's electorate: whole and by
    chamber. They count among those eligible to vote."""
    meeting = state.meeting
    council = meeting.council
    if not state.restored or not meeting.rules.good_standing_required:
        return {}
    outside = outside_electorate(meeting, class_id)
    restored: dict[str | None, SeatTotals] = {}
    for member in state.restored:
        index = council.seat_index.get(member)
        if index is None or member in outside or member not in council.seats_not_in_good_standing:
            continue
        weight = council.seat_weights[index]
        for key in {None, meeting.seat_chambers[index]}:
            restored[key] = restored.get(key, SeatTotals()).plus(weight, False)
    return restored


def _totals(state: State, class_id: str) -> dict[str | None, tuple[SeatTotals, int, Fraction]]:
    """Each group's seats, with the seats eligible to vote in heads and in votes."""
    totals = state.meeting.eligible_seat_totals
    found = totals.get(class_id) or totals[None]
    restored = _restored_in(state, class_id)
    if not restored:  # as the council stands: worked out once, as every vote reads it
        return found
    shown: dict[str | None, tuple[SeatTotals, int, Fraction]] = {}
    for key, (seats, eligible, votes) in found.items():
        back = restored.get(key, SeatTotals())
        shown[key] = (seats, eligible + back.seats, votes + back.votes)
    return shown


def plain_bases(state: State, class_id: str) -> tuple[int, int]:
    """The seats of the class's electorate and those of them eligible to vote, for a plain count."""
    seats, eligible, _ = _totals(state, class_id)[None]
    return seats.seats, eligible


def present_on(state: State, class_id: str, entitled: list[Voter]) -> list[Voter]:
    """The members present on a question of this class, `entitled` voting on it: the base of
    "the members present" (`attendance.members_present`)."""
    return members_present(state, entitled, outside_electorate(state.meeting, class_id))


def count_vote(
    state: State,
    class_id: str,
    decision: DecisionClass,
    tally: Tally,
    entitled: list[Voter],
    choices: Mapping[str, tuple[Voter, Choice]] | None = None,
) -> Outcome:
    """The outcome of a vote under a class: a plain count as always; by name (`choices`, the
    roll call's) where weights or chambers count; then the class's own quorum, if any."""
    meeting = state.meeting
    totals = _totals(state, class_id)
    present = present_on(state, class_id, entitled)
    if choices is None or not counted_by_name(meeting, decision):
        seats, eligible, _ = totals[None]
        outcome = vote_outcome(decision, class_id, tally, len(present), seats.seats, eligible)
        if decision.quorum is None:
            return outcome
        whole = _group(tally, [Fraction(tally.yes), Fraction(tally.no), Fraction(tally.abstain)], 0, Fraction(0))
        return with_class_quorum(outcome, decision, _with_seats(whole, totals[None]))
    groups = _named_groups(state, present, choices)
    whole = _with_seats(groups.pop(None), totals[None])
    by_chamber = {
        chamber: (about.name, _with_seats(groups[chamber], totals[chamber]))
        for chamber, about in (meeting.rules.chambers or {}).items()
    }
    outcome = weighed_outcome(
        decision,
        class_id,
        whole,
        by_chamber,
        chamber_weights(meeting.rules),
        meeting.council.weighted,
        meeting.council.whole_votes,
    )
    return with_class_quorum(outcome, decision, whole)


def _group(tally: Tally, votes: list[Fraction], present: int, present_votes: Fraction) -> Group:
    return Group(tally, votes[0], votes[1], votes[2], present, present_votes, 0, Fraction(0), 0, Fraction(0))


def _with_seats(group: Group, totals: tuple[SeatTotals, int, Fraction]) -> Group:
    seats, eligible, eligible_votes = totals
    return Group(
        group.tally,
        group.yes,
        group.no,
        group.abstain,
        group.present,
        group.present_votes,
        seats.seats,
        seats.votes,
        eligible,
        eligible_votes,
    )


_CHOICES = {"yes": 0, "no": 1, "abstain": 2}


def _named_groups(
    state: State, members: list[Voter], choices: Mapping[str, tuple[Voter, Choice]]
) -> dict[str | None, Group]:
    """The count of a roll call, whole (key None) and by chamber: heads and votes in favour,
    against and abstaining, and the members present (`members`, as `present_on` gives them)."""
    meeting = state.meeting
    council = meeting.council
    keys: list[str | None] = [None, *(meeting.rules.chambers or {})]
    heads = {key: [0, 0, 0] for key in keys}
    votes = {key: [Fraction(0)] * 3 for key in keys}
    present = {key: 0 for key in keys}
    present_votes = {key: Fraction(0) for key in keys}
    for voter in members:
        index = council.seat_index[voter.seat]
        for key in {None, meeting.seat_chambers[index]}:
            present[key] += 1
            present_votes[key] += council.seat_weights[index]
    for seat, (_, choice) in choices.items():
        index = council.seat_index[seat]
        for key in {None, meeting.seat_chambers[index]}:
            heads[key][_CHOICES[choice]] += 1
            votes[key][_CHOICES[choice]] += council.seat_weights[index]
    return {key: _group(Tally(*heads[key]), votes[key], present[key], present_votes[key]) for key in keys}


def may_vote(state: State, item: str | None, class_id: str) -> int:
    """How many may vote now on a question of this class under this item: its electorate's
    represented seats, less the recused and those who may not vote."""
    outside = outside_electorate(state.meeting, class_id)
    return sum(1 for voter in entitled_by_seat(state, item, outside) if voter is not None)
