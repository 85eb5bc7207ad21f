"""What the record of a meeting says happened, and when: facts the minutes need that the final
state alone does not keep.

The state is where the meeting ended up; the minutes also say when things happened on the way:
which item was under discussion at each event, in which sitting, and how the quorum stood after
each arrival and departure. `chronicle` folds the journal's effective events once and keeps
those facts beside each event. Pure: no I/O, no words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from meeting.domain import events as ev
from meeting.domain.attendance import QuorumStatus, quorum_status
from meeting.domain.state import Phase, Recorded, State, cancelled

# Events that record who was entitled to vote.
_VOTES = (ev.VoteCounted, ev.PollOpened, ev.DivisionDemanded)
# Events after which the quorum may have changed.
_ATTENDANCE = (ev.AttendanceChanged, ev.ProxyLodged, ev.ProxyRevoked)


@dataclass(frozen=True, slots=True)
class Step:
    """One effective event, with what held when it happened."""

    entry: Recorded
    item: str | None  # the item under discussion just before the event
    sitting: int  # the sitting it belongs to (a `sitting.opened` event starts the new one)
    phase: Phase  # the phase just after the event
    quorum: QuorumStatus | None  # after the event, when it is a change of attendance or the call to order
    entitled: int | None = None  # for a vote or a poll opened: how many were entitled to vote


def effective(recorded: Sequence[Recorded]) -> list[Recorded]:
    """The events the state is made of: neither an undo nor an event an undo cancelled."""
    gone = cancelled(recorded)
    return [r for r in recorded if r.seq not in gone and not isinstance(r.event, ev.Undone)]


def chronicle(recorded: Sequence[Recorded]) -> list[Step]:
    """The effective events in order, each with the item under discussion, its sitting and,
    for the call to order and every change of attendance or proxies, the quorum after it.
    One fold; the quorum is counted only where it may have changed."""
    events = effective(recorded)
    first = events[0]
    assert isinstance(first.event, ev.Loaded)
    state = State.start(first.event, first.at)
    steps = [Step(first, None, 1, state.phase, None)]
    for entry in events[1:]:
        event = entry.event
        item = state.current
        if isinstance(event, ev.ItemOpened) and event.chair is not None and event.chair.returns_to:
            item = event.item  # opened under the vice-chair, the chair having an interest: told there
        state.apply(entry.seq, entry.at, event)
        counted = isinstance(event, (*_ATTENDANCE, ev.Begun))
        entitled = len(state.motions[event.motion].entitled) if isinstance(event, _VOTES) else None
        steps.append(
            Step(
                entry,
                item,
                state.sitting,
                state.phase,
                quorum_status(state) if counted else None,
                entitled,
            )
        )
    return steps


@dataclass(frozen=True, slots=True)
class QuorumChange:
    """The quorum at the call to order, or after a change in attendance during a sitting."""

    at: datetime
    seq: int  # the event after which it holds
    sitting: int
    opening: bool
    status: QuorumStatus


def quorum_changes(steps: Sequence[Step]) -> list[QuorumChange]:
    """The quorum at each call to order, then each time it changed while the sitting lasted.
    Changes recorded at the same moment count as one (the roll call of several members)."""
    changes: list[QuorumChange] = []
    last: QuorumStatus | None = None
    for index, step in enumerate(steps):
        if step.quorum is None:
            continue
        if isinstance(step.entry.event, ev.Begun):
            changes.append(QuorumChange(step.entry.at, step.entry.seq, step.sitting, True, step.quorum))
            last = step.quorum
            continue
        if step.phase not in ("in_session", "in_recess") or last is None:
            continue  # before the call to order or after adjournment: no business is done
        later = steps[index + 1] if index + 1 < len(steps) else None
        if (
            later is not None
            and later.quorum is not None
            and later.entry.at == step.entry.at
            and not isinstance(later.entry.event, ev.Begun)
        ):
            continue  # the same moment goes on: count once it is complete
        if step.quorum != last:
            changes.append(QuorumChange(step.entry.at, step.entry.seq, step.sitting, False, step.quorum))
            last = step.quorum
    return changes


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of time during which an item was under discussion; `end` None while it is."""

    item: str
    start: datetime
    end: datetime | None


def item_spans(steps: Sequence[Step]) -> list[Span]:
    """When each item was under discussion: from its opening until another item is opened,
    it is closed, or the sitting ends."""
    spans: list[Span] = []
    current: tuple[str, datetime] | None = None
    for step in steps:
        event, at = step.entry.event, step.entry.at
        ends = (
            isinstance(event, (ev.ItemOpened, ev.Adjourned, ev.SittingOpened))
            or (isinstance(event, ev.ItemClosed) and current is not None and current[0] == event.item)
            or (current is not None and step.phase == "adjourned")
        )
        if current is not None and ends:
            spans.append(Span(current[0], current[1], at))
            current = None
        if isinstance(event, ev.ItemOpened):
            current = (event.item, at)
    if current is not None:
        spans.append(Span(current[0], current[1], None))
    return spans


def last_decisions(steps: Sequence[Step]) -> dict[int, int]:
    """For each motion, the seq of the last event that decided it (a count, a tie broken, a
    roll call closed, consent, consensus, a ruling, a withdrawal)."""
    deciding = (
        ev.VoteCounted,
        ev.RollCallClosed,
        ev.TieBroken,
        ev.ConsentGiven,
        ev.ConsensusConcluded,
        ev.Ruled,
        ev.MotionWithdrawn,
    )
    last: dict[int, int] = {}
    for step in steps:
        event = step.entry.event
        if isinstance(event, deciding):
            last[event.motion] = step.entry.seq
    return last


SlotKind = Literal["item", "recess", "between"]


@dataclass(frozen=True, slots=True)
class Slot:
    """A stretch of a sitting, from its call to order to its adjournment: an item under
    discussion, a recess, or neither (the time between items). `end` None while it lasts."""

    sitting: int
    start: datetime
    end: datetime | None
    kind: SlotKind
    item: str | None = None


def timetable(steps: Sequence[Step]) -> list[Slot]:
    """Every minute between each call to order and adjournment, accounted for: the slots
    follow one another without a gap; moments of no length are left out."""
    slots: list[Slot] = []
    current: str | None = None
    open_slot: tuple[SlotKind, str | None, datetime, int] | None = None
    for step in steps:
        event, at = step.entry.event, step.entry.at
        if isinstance(event, ev.ItemOpened):
            current = event.item
        elif isinstance(event, (ev.Adjourned, ev.SittingOpened)) or (
            isinstance(event, ev.ItemClosed) and event.item == current
        ):
            current = None
        now: tuple[SlotKind, str | None] | None = None
        if step.phase == "in_recess":
            now = ("recess", None)
        elif step.phase == "in_session":
            now = ("item", current) if current is not None else ("between", None)
        if open_slot is not None and (now is None or now != open_slot[:2]):
            kind, item, start, sitting = open_slot
            if at > start:
                slots.append(Slot(sitting, start, at, kind, item))
            open_slot = None
        if now is not None and open_slot is None:
            open_slot = (now[0], now[1], at, step.sitting)
    if open_slot is not None:
        kind, item, start, sitting = open_slot
        slots.append(Slot(sitting, start, None, kind, item))
    return slots
