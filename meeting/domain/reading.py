"""A journal read back: the state its events fold to, each decision held to its own votes.

A journal's hash chain shows that nothing changed since it was written, not that the program
wrote it: anyone can edit a line and compute the chain again. Reading folds the events as the
live session applied them, and counts every decision again from the votes the line records,
under the rules, in the state the engine wrote it in: a line saying "carried" where its votes
give "lost" (a roll call's figures that are not its answers', a tie broken that was not
awaiting it, another elected) is refused there, so no minutes, tally or view is built on it.
"""

from __future__ import annotations

from datetime import datetime

from meeting.domain import events as ev
from meeting.domain.engine import Counted, counted_again, declared_again
from meeting.domain.state import InconsistentJournal, Memento, Recorded, State, cancelled, remember

_RECOUNTED = frozenset({ev.VoteCounted, ev.RollCallClosed, ev.TieBroken, ev.ResultDeclared})


def fold(entries: list[Recorded]) -> State:
    """The state after these events; the first must be `meeting.loaded`."""
    return fold_remembering(entries, 0)[0]


def fold_remembering(entries: list[Recorded], depth: int) -> tuple[State, list[Memento]]:
    """The state after these events (the first must be `meeting.loaded`), and the mementos of
    the last `depth` effective actions, oldest first: a session resumed after a crash undoes
    as quickly as one that never stopped."""
    first = entries[0]
    assert isinstance(first.event, ev.Loaded)
    seq = first.seq
    try:
        state = State.start(first.event, first.at)
        gone = cancelled(entries)
        remembered: set[int] = set()
        if depth:
            actions = [e.seq for e in entries[1:] if e.seq not in gone and type(e.event) is not ev.Undone]
            remembered.update(actions[len(actions) - depth :])
        mementos: list[Memento] = []
        apply = state.apply
        for seq, at, event in entries[1:]:
            if seq in gone or type(event) is ev.Undone:
                state.clock = at
                continue
            if seq in remembered:
                mementos.append(remember(state, event))
            if type(event) in _RECOUNTED:
                held_to_its_votes(state, seq, event)  # type: ignore[arg-type]
            apply(seq, at, event)
    except Exception as exc:
        raise _unfollowable(seq, exc) from exc
    return state, mementos


def apply_read(state: State, seq: int, at: datetime, event: ev.AnyEvent) -> None:
    """`state.apply` for an event read from a journal another program is writing (`meeting view
    --follow`): one that does not fit the state is `InconsistentJournal`, as in `fold`."""
    try:
        if type(event) in _RECOUNTED:
            held_to_its_votes(state, seq, event)  # type: ignore[arg-type]
        state.apply(seq, at, event)
    except Exception as exc:
        raise _unfollowable(seq, exc) from exc


def held_to_its_votes(state: State, seq: int, event: Counted | ev.ResultDeclared) -> None:
    """Refuses a decision that is not what its own votes give under the rules. What is held is
    the decision (carried or lost, awaiting which tie-break; who is elected or excluded) and a
    roll call's figures, which its answers give: not the wording of the arithmetic (a reason, a
    base, the votes needed), which a later version of the program may write otherwise for the
    same decision, so that a journal it did not write still reads."""
    if isinstance(event, ev.ResultDeclared):
        again = declared_again(state, event)
        if again is not event and (again is None or _fates(again) != _fates(event)):
            raise InconsistentJournal(seq, "journal.misdeclared", election=event.election, round=event.round)
        return
    counted, recorded = counted_again(state, event), event.outcome
    if counted is None:
        raise InconsistentJournal(seq, "journal.miscounted", motion=event.motion)
    if counted.result != recorded.result:
        raise InconsistentJournal(
            seq, "journal.misdecided", motion=event.motion, decided=recorded.result, counted=counted.result
        )
    if counted.awaiting != recorded.awaiting or (
        isinstance(event, ev.RollCallClosed) and _figures(counted) != _figures(recorded)
    ):
        raise InconsistentJournal(seq, "journal.miscounted", motion=event.motion)


def _figures(outcome: ev.Outcome) -> tuple[int, int, int]:
    return outcome.yes, outcome.no, outcome.abstain


def _fates(event: ev.ResultDeclared) -> list[tuple[str, str]]:
    """Who a round elected and who it excluded, in order."""
    if event.ballot is not None:
        decisions = event.ballot.decisions
    else:
        assert event.count is not None
        decisions = tuple(d for stage in event.count.stages for d in stage.decisions)
    return [(d.candidate, d.outcome) for d in decisions]


def _unfollowable(seq: int, exc: Exception) -> InconsistentJournal:
    # The handlers trust each event to name only what the meeting has (a member, an item, a
    # motion, an election, a round), as the engine checked before writing it. A journal edited
    # and its hash chain recomputed breaks that trust: whatever a handler then fails with, the
    # fault is the line's, never the program's, and reading stops there.
    return exc if isinstance(exc, InconsistentJournal) else InconsistentJournal(seq)
