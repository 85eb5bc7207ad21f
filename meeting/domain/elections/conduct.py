"""The rules of holding an election in a meeting, read from the meeting's state: which ballot is
open, how many ballots can be cast in a round, who may stand, and the count of a round by the
election's method. The engine refuses or records; these decide.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from meeting.domain import events as ev
from meeting.domain.agenda import Election
from meeting.domain.attendance import entitled_by_seat
from meeting.domain.council import Council
from meeting.domain.elections.composition import Condition
from meeting.domain.elections.held import HeldElection, composition_conditions, ineligibility
from meeting.domain.elections.progress import Ballot, ElectionProgress
from meeting.domain.elections.ranked import RankedCount, instant_runoff, scottish_stv
from meeting.domain.elections.rounds import BallotRound, majority_round, plurality_result
from meeting.domain.elections.tellers import Problem, ranked_ballots_problems, tellers_report_problems
from meeting.domain.rules import BUILT_IN_ELECTION_METHODS, election_method
from meeting.domain.state import State


def round_open(state: State) -> ElectionProgress | None:
    """The election whose ballot is open, if any: its tellers' report or result awaited."""
    return next((e for e in state.elections.values() if e.open_round is not None), None)


def _from_the_floor(election: ElectionProgress) -> bool:
    return election.closed is None and election.election.nominations == "floor"


def _nominating(election: ElectionProgress) -> bool:
    return election.closed is None


def _between_ballots(election: ElectionProgress) -> bool:
    return election.closed is not None and election.open_round is None


def _reopenable(election: ElectionProgress) -> bool:
    return _between_ballots(election) and not election.complete


def _balloting(election: ElectionProgress) -> bool:
    return election.open_round is not None


# The stage of an election each command needs, by its verb.
_READY: dict[str, Callable[[ElectionProgress], bool]] = {
    "nominate": _from_the_floor,
    "second-nomination": _from_the_floor,
    "accept": _nominating,
    "decline": _nominating,
    "close-nominations": _nominating,
    "reopen-nominations": _reopenable,
    "round": _between_ballots,
    "tellers": _balloting,
    "paper": _balloting,
    "papers": _balloting,
    "result": _balloting,
}


def election_for(state: State, verb: str) -> ElectionProgress | None:
    """The election a command goes to when it names none: the first on the open item not yet
    over at the stage the command needs, else the first not yet over; so that on an item of
    several elections `nominate` goes to one still taking nominations, `paper` to the open ballot."""
    here = [e for e in on_item(state, state.current) if not e.complete]
    ready = _READY.get(verb)
    return next((e for e in here if ready is not None and ready(e)), here[0] if here else None)


def ranked_candidates(state: State) -> tuple[str, ...]:
    """Whom a ranked ballot paper may name now: the open ranked ballot's candidates, in its order."""
    election = round_open(state)
    ballot = election.open_round if election is not None else None
    return ballot.candidates if ballot is not None and ballot.ranked else ()


def on_item(state: State, item: str | None) -> list[ElectionProgress]:
    return [e for e in state.elections.values() if e.item == item]


def elections_left_unfinished(state: State, event: ev.AnyEvent) -> list[str]:
    """The elections not complete (never held, or a seat unfilled) on the item an event closes
    as done, `done` or `next`, given the state before it: a warning, not a block (the chair may
    move on; the minutes list them as unfinished business)."""
    if isinstance(event, ev.ItemClosed) and event.status == "done":
        item: str | None = event.item
    elif isinstance(event, ev.ItemOpened) and event.leaving == "done":
        item = state.current
    else:
        return []
    return [e.id for e in on_item(state, item) if not e.complete]


def left_off_the_ballot(state: State, event: ev.AnyEvent) -> list[str]:
    """The candidates that closing nominations leaves off the ballot for want of the seconder
    the election asks (nominated from the floor, neither declined nor withdrawn), given the state
    before it: said as nominations close, not only in the minutes."""
    if not isinstance(event, ev.NominationsClosed) or event.election not in state.elections:
        return []
    election = state.elections[event.election]
    return list(
        dict.fromkeys(
            n.candidate
            for n in election.nominations
            if election.unseconded(n)
            and n.answer != "declined"
            and n.withdrawn is None
            and n.candidate not in event.candidates
        )
    )


def election_verbs_in_order(state: State) -> frozenset[str]:
    """The election commands in order now on the open item, by the stage of each of its
    elections: answering and withdrawing nominations, and nominating and seconding from the
    floor, until nominations close; then a ballot, or nominations reopened while a seat is
    unfilled (only that once nobody is left to stand); while a ballot is open, its tellers' report
    (or its ranked papers) and, once in, its result; nothing once the election is complete.
    The engine may still refuse one for the member it names or for want of quorum."""
    verbs: set[str] = set()
    for election in on_item(state, state.current):
        verbs |= _stage_verbs(election)
    if round_open(state) is not None:
        verbs.discard("round")  # one ballot at a time in the meeting
    return frozenset(verbs)


def _stage_verbs(election: ElectionProgress) -> set[str]:
    if election.closed is None:
        floor = {"nominate", "second-nomination"} if election.election.nominations == "floor" else set()
        return {"accept", "decline", "withdraw-candidacy", "close-nominations", *floor}
    if election.complete:
        return set()
    ballot = election.open_round
    if ballot is None:
        reopen = {"reopen-nominations"} if election.election.nominations == "floor" else set()
        return reopen if election.stalled else {"round", "withdraw-candidacy", *reopen}
    if ballot.ranked:
        return {"paper", "papers", *(("result",) if ballot.papers else ())}
    return {"tellers", *(("result",) if ballot.report is not None else ())}


def ballots_possible(state: State, item: str) -> tuple[int, int]:
    """The ballots that can be cast on the item now: members present who may vote, and the
    proxies they hold (RONR §46: a teller's total above this is impossible)."""
    voters = [v for v in entitled_by_seat(state, item) if v is not None]
    proxies = sum(1 for v in voters if v.via == "proxy")
    return len(voters) - proxies, proxies


def eligibility_problem(state: State, election: ElectionProgress, member: str) -> Problem | None:
    """Why a member may not stand in this election, by the rule that forbids it."""
    held = HeldElection(election.id, election.election, election.region)
    return ineligibility(held, state.meeting.council, member)


def round_conditions(election: Election, council: Council, ballot: Ballot, elected: Sequence[str]) -> list[Condition]:
    """The composition rule as this round's count must keep it: the seats of a gender still
    owed after those elected in earlier rounds, among this ballot's candidates."""
    conditions = []
    for condition in composition_conditions(election, council, ballot.candidates):
        had = sum(1 for c in elected if (m := council.member(c)) is not None and m.gender == condition.label)
        if condition.at_least > had:
            conditions.append(condition.model_copy(update={"at_least": condition.at_least - had}))
    return conditions


def report_problems(ballot: Ballot) -> list[Problem]:
    """What makes a round's report impossible: more ballots than can be cast, votes for someone
    not on the ballot, more votes than papers."""
    if ballot.ranked:
        return ranked_ballots_problems(ballot.paper_count, ballot.blank, ballot.invalid, ballot.possible)
    if ballot.report is None:
        return []
    return tellers_report_problems(ballot.report, ballot.candidates, ballot.seats, ballot.possible)


def count_round(state: State, election: ElectionProgress, ballot: Ballot, entropy: bytes) -> BallotRound | RankedCount:
    """The round counted by the election's method; ties broken as the method says, then by lots
    drawn from `entropy` (recorded in the result)."""
    method = election_method(state.meeting.rules, election.election.method) or BUILT_IN_ELECTION_METHODS["majority"]
    council = state.meeting.council
    earlier = [c for r in election.rounds if r.number != ballot.number for c in r.elected]
    conditions = round_conditions(election.election, council, ballot, earlier)
    if ballot.kind == "scottish_stv":
        return scottish_stv(ballot.seats, ballot.candidates, ballot.papers, conditions, entropy)
    if ballot.kind == "instant_runoff":
        return instant_runoff(ballot.candidates, ballot.papers, method.tie_rule, conditions, entropy)
    assert ballot.report is not None  # the engine asks for the tellers' report first
    if ballot.kind == "plurality":
        return plurality_result(ballot.seats, ballot.candidates, ballot.report, conditions, entropy)
    previous = [r.result for r in election.rounds if isinstance(r.result, BallotRound)]
    return majority_round(method, ballot.seats, ballot.candidates, ballot.report, previous, conditions, entropy)
