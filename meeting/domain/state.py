"""The state of a meeting: a fold over its events.

`State.apply` takes one more event; `reading.fold` replays a journal. Undo is an event that cancels an
earlier one: `fold` leaves out every cancelled event, so the state is always what the effective
events say, and the journal keeps both.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime, timedelta
from fractions import Fraction
from functools import cache
from operator import itemgetter, methodcaller
from typing import Any, Literal, NamedTuple, TypeVar, get_args, get_origin, get_type_hints

from meeting.domain import attendance
from meeting.domain import events as ev
from meeting.domain.agenda import Item, Meeting
from meeting.domain.elections.held import elections_held, listed_candidates
from meeting.domain.elections.progress import Ballot, ElectionProgress, Nomination
from meeting.domain.motions import PRIVILEGED, MotionKind
from meeting.domain.rules import election_method

K = TypeVar("K")
V = TypeVar("V")

Phase = Literal["not_started", "in_session", "in_recess", "adjourned"]
ItemStatus = Literal["pending", "open", "done", "unfinished", "deferred", "dropped"]
# Items still to be taken up: never opened ("pending"), or taken up and left before they were
# concluded ("unfinished": another item opened, or the sitting adjourned on it).
WAITING: frozenset[ItemStatus] = frozenset({"pending", "unfinished"})
MotionStatus = Literal[
    "pending",
    "carried",
    "lost",
    "withdrawn",
    "tabled",
    "postponed",
    "referred",
    "dismissed",
    "adopted",
    "ruled_out",  # a point of order against it was ruled well taken
    "void",  # the class's own quorum was not met, and the rules make such a vote void
    "postal_ballot",  # enough members asked for a postal ballot on a decision short of its quorum
]
# The subsidiary and incidental motions that dispose of the main motion when they carry, and
# what the main motion becomes: postponed, referred, dismissed (RONR §11, §13, §14, §26).
DISPOSING: dict[MotionKind, MotionStatus] = {
    "postpone": "postponed",
    "commit": "referred",
    "postpone_indefinitely": "dismissed",
    "objection_to_consideration": "dismissed",
}


@dataclass
class Presence:
    status: ev.Status = "absent"
    before: ev.Status | None = None  # how they attended before leaving or dropping, for `back`
    changes: list[tuple[datetime, ev.Status]] = field(default_factory=list)


@dataclass
class ItemState:
    item: Item
    status: ItemStatus = "pending"
    used: timedelta = timedelta()
    opened_at: datetime | None = None
    added: bool = False
    recusals: dict[str, str | None] = field(default_factory=dict)
    cleared: dict[str, str | None] = field(default_factory=dict)  # interests the chair ruled no bar
    queue: list[str] = field(default_factory=list)
    speakers: list[tuple[datetime, str]] = field(default_factory=list)  # who had the floor, when


@dataclass
class Consensus:
    blocks: list[tuple[str, str | None]] = field(default_factory=list)
    asides: list[str] = field(default_factory=list)
    result: Literal["adopted", "vote", "majority", "referred"] | None = None


class SeatIndex(Mapping[str, ev.Voter]):
    """Voters by seat, immutable: every copy of it (an undo's, `dataclasses.asdict`'s) is itself."""

    __slots__ = ("_voters",)

    def __init__(self, voters: Iterable[ev.Voter]) -> None:
        self._voters = {voter.seat: voter for voter in voters}

    def __getitem__(self, seat: str) -> ev.Voter:
        return self._voters[seat]

    def __iter__(self) -> Iterator[str]:
        return iter(self._voters)

    def __len__(self) -> int:
        return len(self._voters)

    def __copy__(self) -> SeatIndex:
        return self

    def __deepcopy__(self, memo: dict[int, Any]) -> SeatIndex:
        return self


@dataclass
class Poll:
    """A roll call or secret ballot in progress: who may vote, and (roll call only) how."""

    method: Literal["roll_call", "secret_ballot"]
    entitled: list[ev.Voter]
    choices: dict[str, tuple[ev.Voter, ev.Choice]] = field(default_factory=dict)  # by seat
    # Who may vote, by seat: read at every answer of a roll call; never changed, so an undo's
    # copy shares it rather than copying 1,000 entries.
    by_seat: SeatIndex = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        self.by_seat = SeatIndex(self.entitled)

    @property
    def not_answered(self) -> list[ev.Voter]:
        """Who may still answer a roll call, in the order called: not voting if it closes now."""
        return [voter for voter in self.entitled if voter.seat not in self.choices]


@dataclass
class Motion:
    number: int
    kind: MotionKind
    text: str
    mover: str
    seconder: str | None
    item: str | None
    applies_to: int | None
    moved_at: datetime
    heard_before: int = 0  # speeches on its item before it was moved
    status: MotionStatus = "pending"
    original_text: str = ""
    objections: list[str | None] = field(default_factory=list)  # None: an objection not named (secret items)
    consensus: Consensus | None = None
    poll: Poll | None = None
    method: ev.Method | None = None
    entitled: list[ev.Voter] = field(default_factory=list)
    outcome: ev.Outcome | None = None
    ruling: Literal["well-taken", "not-well-taken"] | None = None
    ruling_reason: str | None = None
    not_voting: list[str] = field(default_factory=list)  # members who did not answer a roll call
    not_called: dict[str, str] = field(default_factory=dict)  # seats a roll call left out, and why
    appeal: Literal["sustained", "reversed"] | None = None  # the assembly on the chair's ruling
    debate_closed: bool = False  # the previous question was ordered on it
    adhering: list[int] = field(default_factory=list)  # motions set aside with it (tabled, ...)
    earlier: list[Motion] = field(default_factory=list)  # how it stood before a reconsideration
    set_aside_by: str | None = None  # of an earlier decision: the member whose division set it aside
    reconsidered: bool = False  # once: a motion is not reconsidered twice (RONR §37:30)
    decided_at: datetime | None = None
    decided_seq: int | None = None  # the event that decided it
    decided_sitting: int | None = None
    tabled_after: int = 0  # business done when it was laid on the table (see State.business)
    agenda: ev.AgendaChange | None = None  # what an agenda change proposes
    before_effect: Before | None = None  # how things stood before its carrying took effect
    division: str | None = None  # the member who demanded that its last result be taken again

    postal_requests: list[str] = field(default_factory=list)  # members asking for a postal ballot


@dataclass(frozen=True)
class Before:
    """How the meeting stood before a decision took effect (an amendment changing the text, a
    motion laid on the table, the agenda adopted or changed), so that a division, which sets
    the decision aside, can put it back: the motions it touched as they were, the stack and
    the table, the agenda's order, the items it touched (None: added by it), the adoption."""

    motions: dict[int, Motion]
    stack: list[int]
    tabled: list[int]
    order: list[str]
    items: dict[str, ItemState | None]
    agenda_adopted: datetime | None


@dataclass
class Note:
    at: datetime
    text: str
    item: str | None


@dataclass
class Action:
    at: datetime
    what: str
    owner: str
    due: date | None
    item: str | None


@dataclass(frozen=True)
class Interest:
    at: datetime
    member: str
    text: str
    item: str | None
    ruling: Literal["recused", "cleared"] | None = None
    reason: str | None = None
    ruled_at: datetime | None = None


@dataclass
class State:
    meeting: Meeting
    sources: list[ev.SourceFile]
    clock: datetime
    chair: str | None  # who presides now; None when nobody does (business waits)
    phase: Phase = "not_started"
    presence: dict[str, Presence] = field(default_factory=dict)
    proxies: dict[str, str] = field(default_factory=dict)  # principal -> holder
    proxy_log: list[tuple[datetime, str, str | None]] = field(default_factory=list)
    order: list[str] = field(default_factory=list)  # item ids, in agenda order
    items: dict[str, ItemState] = field(default_factory=dict)
    current: str | None = None
    motions: dict[int, Motion] = field(default_factory=dict)
    stack: list[int] = field(default_factory=list)  # pending motions, the immediately pending last
    tabled: list[int] = field(default_factory=list)
    decided: list[int] = field(default_factory=list)  # motions in the order they were disposed of
    notes: list[Note] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    interests: list[Interest] = field(default_factory=list)
    balance_waiver: str | None = None
    sessions: list[tuple[str, datetime]] = field(default_factory=list)  # lifecycle changes
    chairs: list[tuple[datetime, str | None]] = field(default_factory=list)
    # Who gets the chair back when the item ends, while the vice-chair presides over an item
    # the presiding officer declared an interest in: (item, member).
    chair_returns: tuple[str, str] | None = None
    secretary: str = ""  # who takes the minutes now: the agenda's secretary, or an acting one
    secretaries: list[tuple[datetime, str]] = field(default_factory=list)
    agenda_adopted: datetime | None = None  # when the council adopted the agenda
    # Decisions taken and items opened so far: a motion laid on the table may be taken from it
    # only after some business since (RONR §34).
    business: int = 0
    sitting: int = 1
    undoable: list[int] = field(default_factory=list)  # seqs of effective actions, last on top
    # The last event by which the meeting went on: not attendance, a proxy, a note or the list
    # of speakers. A ruling is appealed before anything else goes on (RONR §24).
    proceeded: int = 0
    last_seq: int = 1  # of the last event applied
    # Kept up to date as attendance and proxies change (`attendance.recount`), in the council's
    # order of seats: who casts each seat's vote, and whether it counts for the quorum; and the
    # seats counted, by region. Every command asks for them, and an assembly has 1,000 seats.
    seat_voters: list[ev.Voter | None] = field(default_factory=list)
    counted: list[bool] = field(default_factory=list)
    counted_by_region: dict[str | None, int] = field(default_factory=dict)
    # The register of the last vote written, by seat like `seat_voters`, and its seq: the next
    # vote's register is written as a change to it (`events.Register`).
    register: list[ev.Voter | None] = field(default_factory=list)
    register_seq: int | None = None
    # The minutes' records: earlier minutes an item approves, those approved, decisions made public.
    circulated: dict[str, ev.CirculatedMinutes] = field(default_factory=dict)
    approved: list[str] = field(default_factory=list)
    published: list[int] = field(default_factory=list)
    # Rules part 2: the votes counted for the quorum where seats carry weights (kept with
    # `counted` by `attendance.recount`), and the members whose vote the meeting restored.
    counted_votes: Fraction = Fraction(0)
    restored: list[str] = field(default_factory=list)
    # Elections (issue #15): each election held under the agenda's items, by its id. Each value
    # is frozen and replaced when it changes, so an undo's copy of this table is enough.
    elections: dict[str, ElectionProgress] = field(default_factory=dict)
    # Who has the floor now, and since when: given by `floor`, ended by `yield` or by the
    # business that follows a speech (`_ENDS_THE_FLOOR`); a recess only stops the speaker's
    # clock (RONR 8:2: the meeting resumes where it was). The item's `speakers` keep who spoke.
    speaking: tuple[datetime, str] | None = None

    @classmethod
    def start(cls, loaded: ev.Loaded, at: datetime) -> State:
        meeting = Meeting.of(loaded.agenda, loaded.council)
        state = cls(meeting, loaded.sources, at, loaded.agenda.chair)
        state.presence = {m.id: Presence() for m in loaded.council.members}
        seats = loaded.council.seats
        state.seat_voters = [None] * len(seats)
        state.register = [None] * len(seats)
        state.counted = [False] * len(seats)
        state.counted_by_region = {seat.region: 0 for seat in seats}
        state.order = [item.id for item in loaded.agenda.items]
        state.items = {item.id: ItemState(item) for item in loaded.agenda.items}
        state.chairs = [(at, loaded.agenda.chair)]
        state.secretary = loaded.agenda.secretary
        state.secretaries = [(at, loaded.agenda.secretary)]
        state.circulated = {c.item: c for c in loaded.circulated or []}
        state.elections = _elections_of(state.meeting)
        return state

    # ── reading ────────────────────────────────────────────────────────────────

    @property
    def pending(self) -> Motion | None:
        """The immediately pending motion: the one a vote would decide."""
        return self.motions[self.stack[-1]] if self.stack else None

    @property
    def current_item(self) -> ItemState | None:
        return self.items[self.current] if self.current else None

    @property
    def next_motion_number(self) -> int:
        return len(self.motions) + 1

    def status(self, member: str) -> ev.Status:
        return self.presence[member].status

    # ── applying events ────────────────────────────────────────────────────────

    def apply(self, seq: int, at: datetime, event: ev.AnyEvent) -> None:
        self.clock = at
        self.last_seq = seq
        kind = type(event)
        _HANDLERS[kind](self, at, event)
        if kind in _ENDS_THE_FLOOR:
            self.speaking = None
        if kind not in _NOT_ACTIONS:
            self.undoable.append(seq)
        if kind not in _ASIDE:
            self.proceeded = seq

    def _close_item_clock(self, at: datetime) -> None:
        item = self.current_item
        if item is not None and item.opened_at is not None:
            item.used += at - item.opened_at
            item.opened_at = None

    def _open_item_clock(self, at: datetime) -> None:
        item = self.current_item
        if item is not None and self.phase == "in_session":
            item.opened_at = at


def _enter(state: State, at: datetime, phase: Phase, name: str) -> None:
    """The sitting changes phase: the open item's clock runs only while in session."""
    if phase == "in_session":
        state.phase = phase
        state._open_item_clock(at)
    else:
        state._close_item_clock(at)
        state.phase = phase
    if phase == "adjourned":
        _finish_current_item(state)
    state.sessions.append((name, at))


def _lifecycle(phase: Phase, name: str) -> Callable[[State, datetime, ev.AnyEvent], None]:
    """The handler of an event that only changes the phase."""
    return lambda state, at, event: _enter(state, at, phase, name)


def _begun(state: State, at: datetime, event: ev.Begun) -> None:
    _take_chair(state, at, event.chair)
    _enter(state, at, "in_session", "begun")


def _take_chair(state: State, at: datetime, change: ev.ChairChange | None, item: str | None = None) -> None:
    """Who presides from now on, when an event says so. A chair handed over for an item the
    presiding officer has an interest in comes back at the item's end (`chair_returns`)."""
    if change is None:
        return
    if change.returns_to is not None and item is not None:
        state.chair_returns = (item, change.returns_to)
    elif state.chair_returns is not None and change.member == state.chair_returns[1]:
        state.chair_returns = None
    state.chair = change.member
    state.chairs.append((at, change.member))


def _finish_current_item(state: State) -> None:
    """Adjournment ends the item under discussion."""
    item = state.current_item
    if item is not None and item.status == "open":
        item.status = status_at_adjournment(state)
    state.current = None


def status_at_adjournment(state: State) -> ItemStatus:
    """The item under discussion when the meeting adjourns: unfinished business, taken up again
    at the next sitting (RONR §21), while a motion or an election is pending on it, or when it
    was barely opened (nothing decided on it) with other items still to take up; otherwise
    done. `next` then `adjourn` had minuted an item nobody discussed as done."""
    here = state.current
    elections = [e for e in state.elections.values() if e.item == here]
    if any(state.motions[n].item == here for n in state.stack) or not all(e.complete for e in elections):
        return "unfinished"
    waiting = any(item_id != here and state.items[item_id].status in WAITING for item_id in state.order)
    decided = elections or any(m.item == here and m.decided_seq is not None for m in state.motions.values())
    return "unfinished" if waiting and not decided else "done"


def _sitting(state: State, at: datetime, event: ev.SittingOpened) -> None:
    if state.phase in ("in_session", "in_recess"):  # a new sitting adjourns the one before, from a recess too
        _enter(state, at, "adjourned", "adjourned")
    state.sitting = event.number
    state.phase = "not_started"
    for presence in state.presence.values():
        presence.status = "absent"
        presence.before = None
        presence.changes.append((at, "absent"))
    state.proxies.clear()
    state.chair = state.meeting.agenda.chair
    state.chair_returns = None
    state.chairs.append((at, state.chair))
    if state.secretary != state.meeting.agenda.secretary:
        state.secretary = state.meeting.agenda.secretary
        state.secretaries.append((at, state.secretary))
    state.sessions.append(("sitting", at))
    attendance.recount(state, state.meeting.council.seat_index)
    waiting = _vote_left_open(state)
    if waiting is not None:  # the sitting takes up the item whose vote it completes
        state.current = waiting
        state.items[waiting].status = "open"


def _vote_left_open(state: State) -> str | None:
    """The item of a roll call or an election's ballot that an adjournment for want of a
    quorum left open, if any."""
    for number in state.stack:
        motion = state.motions[number]
        if motion.poll is not None and motion.outcome is None:
            return motion.item
    return next((e.item for e in state.elections.values() if e.open_round is not None), None)


def _chair(state: State, at: datetime, event: ev.ChairHanded) -> None:
    _take_chair(state, at, ev.ChairChange(member=event.member))


def _secretary(state: State, at: datetime, event: ev.SecretaryNamed) -> None:
    state.secretary = event.member
    state.secretaries.append((at, event.member))


def _waiver(state: State, at: datetime, event: ev.BalanceWaived) -> None:
    state.balance_waiver = event.reason


def _attendance(state: State, at: datetime, event: ev.AttendanceChanged) -> None:
    for member, status in event.changes.items():
        presence = state.presence[member]
        if status in ("left", "dropped") and presence.status in ("present", "remote"):
            presence.before = presence.status
        presence.status = status
        presence.changes.append((at, status))
    attendance.recount(state, attendance.seats_bearing_on(state, event.changes))
    _take_chair(state, at, event.chair)


def _proxy(state: State, at: datetime, event: ev.ProxyLodged) -> None:
    state.proxies[event.principal] = event.holder
    state.proxy_log.append((at, event.principal, event.holder))
    attendance.recount(state, [event.principal])


def _revoke(state: State, at: datetime, event: ev.ProxyRevoked) -> None:
    del state.proxies[event.principal]
    state.proxy_log.append((at, event.principal, None))
    attendance.recount(state, [event.principal])


def _open(state: State, at: datetime, event: ev.ItemOpened) -> None:
    state._close_item_clock(at)
    if state.current_item is not None and state.current_item.status == "open":
        state.current_item.status = left_as(event.leaving)
    state.current = event.item
    state.items[event.item].status = "open"
    state.business += 1
    state._open_item_clock(at)
    _take_chair(state, at, event.chair, event.item)


def left_as(leaving: Literal["done", "pending"]) -> ItemStatus:
    """What becomes of the item under discussion when the chair opens another: done (`next`),
    or, when it is left to come back to (`open`, `previous`; the event says "pending"), taken
    up and not concluded: unfinished, never "pending" again, which is an item not taken up.
    The minutes had said of an item taken up and decided on that it "was not taken up"."""
    return "done" if leaving == "done" else "unfinished"


def _close(state: State, at: datetime, event: ev.ItemClosed) -> None:
    if state.current == event.item:
        state._close_item_clock(at)
        state.current = None
    state.items[event.item].status = event.status
    _take_chair(state, at, event.chair)


def _add(state: State, at: datetime, event: ev.ItemAdded) -> None:
    state.items[event.item.id] = ItemState(event.item, added=True)
    position = state.order.index(event.after) + 1 if event.after else len(state.order)
    state.order.insert(position, event.item.id)


def _move_item(state: State, at: datetime, event: ev.ItemMoved) -> None:
    state.order.remove(event.item)
    state.order.insert(state.order.index(event.after) + 1, event.item)


def _moved(state: State, at: datetime, event: ev.MotionMoved) -> None:
    item = state.items.get(event.item) if event.item else None
    state.motions[event.motion] = Motion(
        event.motion,
        event.kind,
        event.text,
        event.mover,
        event.seconder,
        event.item,
        event.applies_to,
        at,
        heard_before=len(item.speakers) if item else 0,
        original_text=event.text,
        agenda=event.agenda,
    )
    state.stack.append(event.motion)


def _seconded(state: State, at: datetime, event: ev.MotionSeconded) -> None:
    state.motions[event.motion].seconder = event.member


def _withdrawn(state: State, at: datetime, event: ev.MotionWithdrawn) -> None:
    motion = state.motions[event.motion]
    if motion.number in state.stack[:-1]:  # with what is pending on it (RONR §33)
        _set_aside(state, at, motion, "withdrawn")
        state.business += 1
    else:
        _dispose(state, at, motion, "withdrawn")


def _decided(state: State, at: datetime, motion: Motion, outcome: ev.Outcome) -> None:
    motion.outcome = outcome
    if outcome.result != "pending":
        _dispose(state, at, motion, outcome.result)


def _dispose(state: State, at: datetime, motion: Motion, status: MotionStatus) -> None:
    """Take a motion off the stack, and do what deciding it does."""
    motion.status = status
    motion.decided_at = at
    motion.decided_seq = state.last_seq
    motion.decided_sitting = state.sitting
    motion.poll = motion.poll if motion.method == "roll_call" else None  # names stay public
    state.decided.append(motion.number)
    state.business += 1
    if motion.number in state.stack:
        state.stack.remove(motion.number)
    target = state.motions[motion.applies_to] if motion.applies_to is not None else None
    if motion.kind == "appeal" and target is not None:
        if status != "carried":  # the ruling reversed: kept, so that a division can set it aside
            against = state.motions[target.applies_to] if target.applies_to is not None else None
            motion.before_effect = _before(state, motion, target, against)
        _appeal_decided(state, at, target, sustained=status == "carried")
    if status != "carried":
        return
    if motion.kind == "adjourn":
        _enter(state, at, "adjourned", "adjourned")
        return
    if motion.kind == "recess":
        _enter(state, at, "in_recess", "recessed")
        return
    adopts = motion.kind == "main" and _adopts_the_agenda(state, motion)
    if target is None and motion.agenda is None and not adopts:
        return
    motion.before_effect = _before(state, motion, target)
    if adopts:
        state.agenda_adopted = at
    elif motion.agenda is not None:
        _change_agenda(state, at, motion.agenda)
    if target is None:
        return
    if motion.kind == "amend":
        target.text = motion.text
    elif motion.kind == "previous_question":
        # On the immediately pending question, or on every one down to the one named (RONR §16).
        for number in closing_debate_on(state, target):
            state.motions[number].debate_closed = True
    elif motion.kind == "lay_on_table":
        _set_aside(state, at, target, "tabled")
        state.tabled.append(target.number)
        target.tabled_after = state.business
    elif motion.kind == "take_from_table":
        state.tabled.remove(target.number)
        _restore(state, target)
    elif motion.kind in DISPOSING:
        _set_aside(state, at, target, DISPOSING[motion.kind])
    elif motion.kind == "withdraw":
        _set_aside(state, at, target, "withdrawn")
    elif motion.kind == "reconsider":
        _take_back(state, target)
        _restore(state, target)
        target.reconsidered = True


def closing_debate_on(state: State, target: Motion) -> list[int]:
    """The questions a previous question ordered now closes debate on: the one it names and
    every question pending on it (the immediately pending question when it names none)."""
    if target.number not in state.stack:
        return [target.number]
    return state.stack[state.stack.index(target.number) :]


def _before(state: State, motion: Motion, *targets: Motion | None) -> Before:
    numbers = {*state.stack, *state.tabled}
    for target in targets:
        if target is not None:
            numbers |= {target.number, *target.adhering}
    return Before(
        {n: _copy_of(state.motions[n]) for n in numbers},
        list(state.stack),
        list(state.tabled),
        list(state.order),
        {item: _copy_of(state.items[item]) if item in state.items else None for item in _agenda_items(motion)},
        state.agenda_adopted,
    )


def _agenda_items(motion: Motion) -> set[str]:
    """The items a proposal to change the agenda changes when it carries."""
    change = motion.agenda
    if change is None:
        return set()
    return {item for item in (change.item, change.added.id if change.added else None) if item is not None}


def _adopts_the_agenda(state: State, motion: Motion) -> bool:
    item = state.items.get(motion.item) if motion.item else None
    return item is not None and item.item.kind == "agenda_adoption" and state.agenda_adopted is None


def _change_agenda(state: State, at: datetime, change: ev.AgendaChange) -> None:
    """A change to the adopted agenda, now that the council agreed to it."""
    if change.change == "add" and change.added is not None:
        _add(state, at, ev.ItemAdded(item=change.added, after=change.after))
    elif change.change == "reorder" and change.item is not None and change.after is not None:
        _move_item(state, at, ev.ItemMoved(item=change.item, after=change.after))
    elif change.change in ("defer", "drop") and change.item is not None:
        status: ItemStatus = "deferred" if change.change == "defer" else "dropped"
        _close(state, at, ev.ItemClosed(item=change.item, status=status, chair=_chair_back(state, change.item)))  # type: ignore[arg-type]


def _chair_back(state: State, item: str) -> ev.ChairChange | None:
    """The chair handed over for an item it has an interest in comes back when the item is
    taken off the agenda, as at its end, if here to take it."""
    if state.chair_returns is None or state.chair_returns[0] != item:
        return None
    regular = state.chair_returns[1]
    return ev.ChairChange(member=regular) if state.presence[regular].status in attendance.ATTENDING else None


def _appeal_decided(state: State, at: datetime, point: Motion, sustained: bool) -> None:
    """The assembly on the chair's ruling: sustained, the ruling stands; reversed, its effect
    on the motion the point was raised against is reversed too, and the point is decided as
    the assembly decided it: a point ruled not well taken is granted, one ruled well taken is
    not (RONR §24)."""
    point.appeal = "sustained" if sustained else "reversed"
    if sustained:
        return
    point.status = "lost" if point.ruling == "well-taken" else "carried"
    if point.kind != "point_of_order" or point.applies_to is None:
        return
    against = state.motions[point.applies_to]
    if point.ruling == "well-taken" and against.status == "ruled_out":
        _restore(state, against)
    elif point.ruling == "not-well-taken" and against.number in state.stack:
        _set_aside(state, at, against, "ruled_out")


def _reverse_effect(state: State, motion: Motion) -> None:
    """Put back what deciding `motion` changed in the other motions, the stack and the table."""
    before = motion.before_effect
    if before is None:
        return
    state.motions.update(before.motions)
    state.stack[:] = before.stack
    state.tabled[:] = before.tabled
    state.order[:] = before.order
    _put_back(state.items, before.items)
    state.agenda_adopted = before.agenda_adopted
    motion.before_effect = None


def _take_back(state: State, motion: Motion) -> None:
    """What a decision being reconsidered did, taken back: the text an amendment changed, the
    debate the previous question closed, the agenda's adoption, the main motion a motion to
    postpone, refer, postpone indefinitely or an objection set aside, back on the floor with
    what adhered to it, as it stood before that vote (below the motion reconsidered, which
    `_restore` puts back next). A motion laid on the table is taken from it instead; see
    `procedure.reconsider_refusal`."""
    before = motion.before_effect
    if before is None:
        return
    if motion.kind in DISPOSING and motion.applies_to is not None:
        _restore(state, state.motions[motion.applies_to])
    if motion.applies_to is not None:
        target, was = state.motions[motion.applies_to], before.motions[motion.applies_to]
        target.text, target.debate_closed = was.text, was.debate_closed
    if motion.kind == "previous_question":  # the questions above it that it closed debate on
        for number in state.stack:
            if number in before.motions:
                state.motions[number].debate_closed = before.motions[number].debate_closed
    if motion.kind == "main":
        state.agenda_adopted = before.agenda_adopted


def _set_aside(state: State, at: datetime, motion: Motion, status: MotionStatus) -> None:
    """A main motion leaves the floor with everything adhering to it (its amendments...); a
    privileged motion above it (a recess) adheres to nothing and stays."""
    index = state.stack.index(motion.number)
    above = state.stack[index + 1 :]
    motion.adhering = [n for n in above if state.motions[n].kind not in PRIVILEGED]
    state.stack[index:] = [n for n in above if state.motions[n].kind in PRIVILEGED]
    for number in motion.adhering:
        state.motions[number].status = status
    motion.status = status
    motion.decided_at = at
    state.decided.append(motion.number)


def _restore(state: State, motion: Motion) -> None:
    """A motion back on the floor: taken from the table with what adhered to it, or
    reconsidered (its earlier decision kept in `earlier`)."""
    if motion.outcome is not None or motion.method is not None:
        # A snapshot of how it stood: its own lists, since the motion's will change again.
        earlier = replace(motion, earlier=[], objections=list(motion.objections), adhering=list(motion.adhering))
        motion.earlier.append(earlier)
    motion.status = "pending"
    motion.outcome = None
    motion.method = None
    motion.poll = None
    motion.entitled = []
    motion.consensus = None
    motion.decided_at = motion.decided_seq = motion.decided_sitting = None
    motion.not_voting = []
    motion.not_called = {}
    motion.before_effect = None
    # Back under a privileged motion still pending above where it was (a recess): that one
    # is decided first, as before (the next vote had decided the motion put back instead).
    privileged = 0
    while privileged < len(state.stack) and state.motions[state.stack[-1 - privileged]].kind in PRIVILEGED:
        privileged += 1
    back = [motion.number, *motion.adhering]
    state.stack[len(state.stack) - privileged : len(state.stack) - privileged] = back
    for number in motion.adhering:
        state.motions[number].status = "pending"
    motion.adhering = []


def _entitled(state: State, event: ev.VoteCounted | ev.PollOpened | ev.DivisionDemanded) -> list[ev.Voter] | None:
    """Who was entitled to vote, as the event records it: its register (a change to the last
    one written, which it then becomes), the whole list an older journal wrote, or None when
    the vote is a ballot's totals, whose register its opening recorded."""
    if event.register_ is not None:
        base = event.register_.base
        if base is not None and base != state.register_seq:
            raise InconsistentJournal(state.last_seq)
        state.register = attendance.registered(state, event.register_)
    elif (whole := getattr(event, "entitled", None)) is not None:
        state.register = attendance.registered(state, ev.Register(added=whole))
    else:
        return None
    state.register_seq = state.last_seq
    return [voter for voter in state.register if voter is not None]


def _counted(state: State, at: datetime, event: ev.VoteCounted) -> None:
    motion = state.motions[event.motion]
    motion.method = event.method
    entitled = _entitled(state, event)
    if entitled is None:
        if motion.poll is None:
            raise InconsistentJournal(state.last_seq)
        entitled = motion.poll.entitled
    motion.entitled = entitled
    _decided(state, at, motion, event.outcome)


def _consent(state: State, at: datetime, event: ev.ConsentGiven) -> None:
    motion = state.motions[event.motion]
    motion.method = "unanimous_consent"
    _dispose(state, at, motion, "carried")


def _objected(state: State, at: datetime, event: ev.ConsentObjected) -> None:
    state.motions[event.motion].objections.append(event.member)


def _tie_broken(state: State, at: datetime, event: ev.TieBroken) -> None:
    _decided(state, at, state.motions[event.motion], event.outcome)


def _consensus_called(state: State, at: datetime, event: ev.ConsensusCalled) -> None:
    state.motions[event.motion].consensus = Consensus()


def _blocked(state: State, at: datetime, event: ev.Blocked) -> None:
    consensus = state.motions[event.motion].consensus
    assert consensus is not None
    consensus.blocks.append((event.member, event.reason))


def _aside(state: State, at: datetime, event: ev.StoodAside) -> None:
    consensus = state.motions[event.motion].consensus
    assert consensus is not None
    consensus.asides.append(event.member)


def _concluded(state: State, at: datetime, event: ev.ConsensusConcluded) -> None:
    motion = state.motions[event.motion]
    assert motion.consensus is not None
    motion.consensus.result = event.result
    if event.result == "adopted":
        motion.method = "consensus"
        _dispose(state, at, motion, "carried")
    elif event.result == "referred":
        _dispose(state, at, motion, "referred")


def _poll_opened(state: State, at: datetime, event: ev.PollOpened) -> None:
    motion = state.motions[event.motion]
    entitled = _entitled(state, event)
    if entitled is None:
        raise InconsistentJournal(state.last_seq)
    motion.poll = Poll(event.method, entitled)
    motion.method = event.method
    motion.entitled = entitled


def _roll_voted(state: State, at: datetime, event: ev.RollCallVoted) -> None:
    motion = state.motions[event.motion]
    poll = motion.poll
    assert poll is not None
    joining = [voter for voter in event.votes if voter.seat not in poll.by_seat]
    if joining:  # seats whose member arrived during the roll call: new lists, as an undo shares the old
        poll.entitled = motion.entitled = [*poll.entitled, *joining]
        poll.by_seat = SeatIndex(poll.entitled)
    for voter in event.votes:
        poll.choices[voter.seat] = (voter, event.choice)


def _roll_closed(state: State, at: datetime, event: ev.RollCallClosed) -> None:
    motion = state.motions[event.motion]
    silent = [voter.voter for voter in event.silent] if event.silent is not None else event.not_voting or []
    motion.not_voting = list(dict.fromkeys(silent))
    assert motion.poll is not None
    motion.not_called = attendance.left_off_the_roll(state, motion.poll.entitled, motion.item, event.outcome.class_id)
    _decided(state, at, motion, event.outcome)


def _division(state: State, at: datetime, event: ev.DivisionDemanded) -> None:
    """The result set aside, with what it did, and the question put again by roll call."""
    motion = state.motions[event.motion]
    _reverse_effect(state, motion)
    _restore(state, motion)
    motion.division = event.member
    if motion.earlier:  # the result it set aside says so
        motion.earlier[-1].set_aside_by = event.member
    entitled = _entitled(state, event)
    if entitled is None:
        raise InconsistentJournal(state.last_seq)
    motion.poll = Poll("roll_call", entitled)
    motion.method = "roll_call"
    motion.entitled = entitled


def _point(state: State, at: datetime, event: ev.PointRaised) -> None:
    state.motions[event.motion] = Motion(
        event.motion, "point_of_order", event.text or "", event.member, None, state.current, event.applies_to, at
    )
    state.stack.append(event.motion)


def _ruled(state: State, at: datetime, event: ev.Ruled) -> None:
    motion = state.motions[event.motion]
    motion.ruling = event.ruling
    motion.ruling_reason = event.reason
    motion.method = "chair"
    _dispose(state, at, motion, "carried" if event.ruling == "well-taken" else "lost")
    if event.ruling != "well-taken" or motion.applies_to is None:
        return
    against = state.motions[motion.applies_to]
    if motion.kind == "point_of_order" and against.number in state.stack:
        _set_aside(state, at, against, "ruled_out")  # out of order: it leaves the floor
    elif motion.kind == "division_of_assembly":
        _restore(state, against)  # journals before `division`: the vote is taken again, counted


def _interest(state: State, at: datetime, event: ev.InterestDeclared) -> None:
    interest = Interest(at, event.member, event.text, event.item)
    if event.recused and event.item is not None:
        state.items[event.item].recusals[event.member] = None
        interest = replace(interest, ruling="recused", ruled_at=at)
    state.interests = [*state.interests, interest]
    _take_chair(state, at, event.chair, event.item)


def _rule_on_interest(
    state: State, at: datetime, member: str, item: str, ruling: Literal["recused", "cleared"], reason: str | None
) -> None:
    """The chair's ruling answers the member's declarations on the item not yet ruled on."""
    state.interests = [
        replace(interest, ruling=ruling, reason=reason, ruled_at=at)
        if interest.member == member and interest.item == item and interest.ruling is None
        else interest
        for interest in state.interests
    ]


def _recused(state: State, at: datetime, event: ev.Recused) -> None:
    state.items[event.item].recusals[event.member] = event.reason
    _rule_on_interest(state, at, event.member, event.item, "recused", event.reason)


def _cleared(state: State, at: datetime, event: ev.InterestCleared) -> None:
    state.items[event.item].cleared[event.member] = event.reason
    _rule_on_interest(state, at, event.member, event.item, "cleared", event.reason)


def _queued(state: State, at: datetime, event: ev.SpeakersQueued) -> None:
    state.items[event.item].queue.extend(event.members)


def _unqueued(state: State, at: datetime, event: ev.SpeakerRemoved) -> None:
    state.items[event.item].queue.remove(event.member)


def _floor(state: State, at: datetime, event: ev.FloorGiven) -> None:
    item = state.items[event.item]
    if event.member in item.queue:
        item.queue.remove(event.member)
    item.speakers.append((at, event.member))
    state.speaking = (at, event.member)


def _yielded(state: State, at: datetime, event: ev.FloorYielded) -> None:
    state.speaking = None


def _note(state: State, at: datetime, event: ev.Noted) -> None:
    state.notes.append(Note(at, event.text, event.item))


def _action(state: State, at: datetime, event: ev.ActionRecorded) -> None:
    state.actions.append(Action(at, event.what, event.owner, event.due, event.item))


def _loaded(state: State, at: datetime, event: ev.Loaded) -> None:
    raise ValueError("meeting.loaded can only be the first event")


def _undone(state: State, at: datetime, event: ev.Undone) -> None:
    raise ValueError("an undo is applied by fold(), which replays the effective events")


def _corrected(state: State, at: datetime, event: ev.Corrected) -> None:
    """A correction changes no fact of the meeting: the minutes list it."""


def _minutes_approved(state: State, at: datetime, event: ev.MinutesApproved) -> None:
    state.approved.append(event.item)


def _published(state: State, at: datetime, event: ev.DecisionPublished) -> None:
    state.published.append(event.motion)


def _standing_restored(state: State, at: datetime, event: ev.StandingRestored) -> None:
    state.restored.append(event.member)


def _postal_requested(state: State, at: datetime, event: ev.PostalBallotRequested) -> None:
    """Requests for a postal ballot; once there are enough, the decision goes to one."""
    motion = state.motions[event.motion]
    motion.postal_requests.extend(event.members)
    quorum = motion.outcome.quorum if motion.outcome is not None else None
    needed = quorum.requests_needed if quorum is not None else None
    if needed is not None and len(motion.postal_requests) >= needed:
        motion.status = "postal_ballot"


def _elections_of(meeting: Meeting) -> dict[str, ElectionProgress]:
    """Every election the agenda's items hold, one per region where an item says so, with the
    candidates nominated before the meeting (or its closed list) already standing."""
    council = meeting.council
    found: dict[str, ElectionProgress] = {}
    for item in meeting.agenda.items:
        for election in item.elections or ():
            method = election_method(meeting.rules, election.method)
            for held in elections_held(election, council):
                found[held.id] = ElectionProgress(
                    id=held.id,
                    item=item.id,
                    election=election,
                    region=held.region,
                    method=method.method if method is not None else "majority",
                    nominations=tuple(Nomination(c) for c in listed_candidates(held, council)),
                )
    return found


def _nominated(state: State, at: datetime, event: ev.CandidateNominated) -> None:
    nomination = Nomination(event.candidate, at, event.by, event.seconder)
    state.elections[event.election] = state.elections[event.election].with_nomination(nomination)


def _nomination_seconded(state: State, at: datetime, event: ev.NominationSeconded) -> None:
    election = state.elections[event.election]
    state.elections[event.election] = election.changing(event.candidate, seconder=event.member)


def _nomination_answered(state: State, at: datetime, event: ev.NominationAnswered) -> None:
    election = state.elections[event.election]
    state.elections[event.election] = election.changing(event.candidate, answer=event.answer)


def _candidacy_withdrawn(state: State, at: datetime, event: ev.CandidacyWithdrawn) -> None:
    election = state.elections[event.election]
    state.elections[event.election] = election.changing(event.candidate, withdrawn=at)


def _nominations_closed(state: State, at: datetime, event: ev.NominationsClosed) -> None:
    election = state.elections[event.election]
    state.elections[event.election] = replace(
        election, closed=at, candidates=tuple(event.candidates), ballots_at_close=len(election.rounds)
    )


def _nominations_reopened(state: State, at: datetime, event: ev.NominationsReopened) -> None:
    state.elections[event.election] = replace(state.elections[event.election], closed=None)


def _round_opened(state: State, at: datetime, event: ev.RoundOpened) -> None:
    ballot = Ballot(event.round, at, event.kind, event.seats, tuple(event.candidates), event.voters, event.proxies)
    state.elections[event.election] = state.elections[event.election].with_round(ballot)


def _round_of(state: State, election: str, number: int) -> Ballot:
    ballot = state.elections[election].open_round
    if ballot is None or ballot.number != number:
        raise InconsistentJournal(state.last_seq)
    return ballot


def _tellers_reported(state: State, at: datetime, event: ev.TellersReported) -> None:
    ballot = replace(_round_of(state, event.election, event.round), report=event.report)
    state.elections[event.election] = state.elections[event.election].with_round(ballot)


def _papers_entered(state: State, at: datetime, event: ev.PapersEntered) -> None:
    ballot = _round_of(state, event.election, event.round)
    files = (*ballot.files, (event.file.path, event.file.sha256)) if event.file is not None else ballot.files
    ballot = replace(
        ballot, papers=(*ballot.papers, *event.papers), file_blank=ballot.file_blank + event.blank, files=files
    )
    state.elections[event.election] = state.elections[event.election].with_round(ballot)


def _result_declared(state: State, at: datetime, event: ev.ResultDeclared) -> None:
    result = event.ballot if event.ballot is not None else event.count
    ballot = replace(_round_of(state, event.election, event.round), result=result, declared=at)
    state.elections[event.election] = state.elections[event.election].with_round(ballot)
    state.business += 1
    _take_chair(state, at, event.chair)


_HANDLERS: dict[type[ev.Event], Callable[[State, datetime, Any], None]] = {
    ev.Loaded: _loaded,
    ev.Begun: _begun,
    ev.Recessed: _lifecycle("in_recess", "recessed"),
    ev.Resumed: _lifecycle("in_session", "resumed"),
    ev.Adjourned: _lifecycle("adjourned", "adjourned"),
    ev.SittingOpened: _sitting,
    ev.ChairHanded: _chair,
    ev.BalanceWaived: _waiver,
    ev.AttendanceChanged: _attendance,
    ev.ProxyLodged: _proxy,
    ev.ProxyRevoked: _revoke,
    ev.ItemOpened: _open,
    ev.ItemClosed: _close,
    ev.ItemAdded: _add,
    ev.ItemMoved: _move_item,
    ev.MotionMoved: _moved,
    ev.MotionSeconded: _seconded,
    ev.MotionWithdrawn: _withdrawn,
    ev.VoteCounted: _counted,
    ev.ConsentGiven: _consent,
    ev.ConsentObjected: _objected,
    ev.TieBroken: _tie_broken,
    ev.ConsensusCalled: _consensus_called,
    ev.Blocked: _blocked,
    ev.StoodAside: _aside,
    ev.ConsensusConcluded: _concluded,
    ev.PollOpened: _poll_opened,
    ev.RollCallVoted: _roll_voted,
    ev.RollCallClosed: _roll_closed,
    ev.PointRaised: _point,
    ev.Ruled: _ruled,
    ev.InterestDeclared: _interest,
    ev.Recused: _recused,
    ev.InterestCleared: _cleared,
    ev.SecretaryNamed: _secretary,
    ev.DivisionDemanded: _division,
    ev.SpeakersQueued: _queued,
    ev.SpeakerRemoved: _unqueued,
    ev.FloorGiven: _floor,
    ev.FloorYielded: _yielded,
    ev.Noted: _note,
    ev.ActionRecorded: _action,
    ev.Undone: _undone,
    ev.Corrected: _corrected,
    ev.MinutesApproved: _minutes_approved,
    ev.DecisionPublished: _published,
    ev.StandingRestored: _standing_restored,
    ev.PostalBallotRequested: _postal_requested,
    ev.CandidateNominated: _nominated,
    ev.NominationSeconded: _nomination_seconded,
    ev.NominationAnswered: _nomination_answered,
    ev.CandidacyWithdrawn: _candidacy_withdrawn,
    ev.NominationsClosed: _nominations_closed,
    ev.NominationsReopened: _nominations_reopened,
    ev.RoundOpened: _round_opened,
    ev.TellersReported: _tellers_reported,
    ev.PapersEntered: _papers_entered,
    ev.ResultDeclared: _result_declared,
}


# A speech ends when the chair puts a question, takes up a motion, or moves on: nobody speaks
# through a vote, a roll call or a recess, and the speaker's clock stops with it.
_ENDS_THE_FLOOR = frozenset(
    {
        ev.MotionMoved,
        ev.VoteCounted,
        ev.ConsentGiven,
        ev.ConsentObjected,
        ev.ConsensusCalled,
        ev.PollOpened,
        ev.RoundOpened,
        ev.ItemOpened,
        ev.ItemClosed,
        ev.Adjourned,
    }
)

# Events that are not the chair's actions, so never undone (types compared exactly: a replay
# asks this of every event).
_NOT_ACTIONS = frozenset({ev.Loaded, ev.Undone})
# What goes on beside the business: the meeting does not proceed by it.
_ASIDE = frozenset(
    {
        ev.AttendanceChanged,
        ev.ProxyLodged,
        ev.ProxyRevoked,
        ev.Noted,
        ev.SpeakersQueued,
        ev.SpeakerRemoved,
        ev.SecretaryNamed,
        ev.ActionRecorded,
        ev.Corrected,
    }
)


class Recorded(NamedTuple):
    """An event as the journal holds it: its number, its time, and the event. A tuple: a
    replay makes 100,000 of them."""

    seq: int
    at: datetime
    event: ev.AnyEvent


class InconsistentJournal(ValueError):
    """A journal whose events contradict each other (never written by this program): the
    line's seq, and the diagnostic's code and parameters."""

    def __init__(self, seq: int, code: str = "journal.inconsistent", **params: Any) -> None:
        super().__init__(seq)
        self.seq = seq
        self.code = code
        self.params = params


def cancelled(entries: Iterable[Recorded]) -> set[int]:
    """The seqs that undo events cancel: each undo takes the last action not yet cancelled."""
    effective: list[int] = []
    gone: set[int] = set()
    for entry in entries:
        kind = type(entry.event)
        if kind is ev.Undone:
            if not effective or effective[-1] != entry.event.target:  # type: ignore[union-attr]
                raise InconsistentJournal(entry.seq)
            gone.add(effective.pop())
        elif kind is not ev.Loaded:
            effective.append(entry.seq)
    return gone


def not_taken_up(state: State) -> list[str]:
    """The agenda's items never opened, nor deferred: the minutes say so, and the chair hears
    it before adjourning. An item once opened is taken up, whatever became of it (`left_as`)."""
    return [item_id for item_id in state.order if state.items[item_id].status == "pending"]


def left_unfinished(state: State) -> list[str]:
    """The items taken up and left before they were concluded, other than the one under
    discussion: the minutes list them as unfinished business, and the chair hears it before
    adjourning."""
    return [item_id for item_id in state.order if state.items[item_id].status == "unfinished"]


# ── taking back the last action without replaying the meeting ──────────────────
#
# A live session remembers, before applying each action, how the parts of the state it may
# change stood (`remember`); an undo puts them back (`restore`) instead of folding the whole
# journal again, so undo costs the same at the 100,000th event as at the tenth. The parts:
# every field of the state (containers copied; lists the handlers only append to, by their
# length), the members whose attendance the event changes and the seats they bear on, the
# current item and the item it names, and the motions on the floor or on the table, the one it
# names and what that acts on (only the item or motion it names, for the events `_NAMED_ONLY`).
# A test holds it to `fold` after every undo of every command of the engine's stateful test.

# Lists the handlers only ever append to: cutting them back to their length takes back the action.
_APPEND_ONLY = frozenset(
    {"proxy_log", "decided", "notes", "actions", "sessions", "chairs", "undoable", "approved", "published"}
)
# Replaced whole when they change, never changed in place: the reference is enough (a ruling
# on an interest replaces the list, which is short, rather than change a declaration in it).
_REPLACED = frozenset({"register", "meeting", "sources", "interests"})
# Changed in place by attendance only; copying 1,000 entries for every note would cost more than the note.
_ATTENDANCE_FIELDS = frozenset({"counted_by_region", "proxies"})
# By seat, one entry per voting seat: an attendance event changes only the seats its members bear
# on (`Memento.seats`), so only those entries are kept.
_BY_SEAT = frozenset({"seat_voters", "counted"})
_ATTENDANCE_EVENTS = frozenset({ev.AttendanceChanged, ev.ProxyLodged, ev.ProxyRevoked, ev.SittingOpened})
# Kept apart below, object by object.
_BY_OBJECT = frozenset({"presence", "items", "motions", "meeting", "sources"}) | _BY_SEAT


# Events whose handlers change in place no item or motion but the one they name, if any: a
# note, a speaker, a seconder or a member's answer need not copy the business in front of the chair.
_NAMED_ONLY = frozenset(
    {
        ev.AttendanceChanged,
        ev.ProxyLodged,
        ev.ProxyRevoked,
        ev.MotionMoved,
        ev.MotionSeconded,
        ev.ConsensusCalled,
        ev.Blocked,
        ev.StoodAside,
        ev.PollOpened,
        ev.RollCallVoted,
        ev.SpeakersQueued,
        ev.SpeakerRemoved,
        ev.FloorGiven,
        ev.FloorYielded,
        ev.Noted,
        ev.ActionRecorded,
    }
)

_CHANGED_IN_PLACE = frozenset({Presence, ItemState, Motion, Consensus, Poll})
_CONTAINERS = _CHANGED_IN_PLACE | {list, dict}


class Memento(NamedTuple):
    """A tuple, as are the state's fields it keeps (in the order of its plan): one is made for
    every action and dropped a thousand actions later, and a tuple costs least both ways."""

    plan: _Plan
    referenced: tuple[Any, ...]
    copied: tuple[Any, ...]
    lengths: tuple[int, ...]
    presence: dict[str, Presence]
    items: dict[str, ItemState | None]
    motions: dict[int, Motion | None]
    seats: dict[int, tuple[ev.Voter | None, bool]]  # by index: who cast the seat's vote, counted


def _copy_of(value: Any) -> Any:
    """A copy deep enough to survive the handlers: the object, its lists and dicts, and the
    objects it holds that handlers change (a motion's consensus and poll)."""
    kind: type = type(value)
    if kind is list:
        return list(value)
    if kind is dict:
        return dict(value)
    if kind in _CHANGED_IN_PLACE:
        inside = dict(value.__dict__)
        for name in _holders(kind):  # most fields are numbers, texts and times: kept as they are
            inner = inside[name]
            if type(inner) in _CONTAINERS:
                inside[name] = _copy_of(inner)
        copy: Any = object.__new__(kind)
        copy.__dict__.update(inside)
        return copy
    return value


@cache  # worked out at the first action rather than at start-up: a console starts sooner
def _holders(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass whose type admits a list, a dict or an object changed in place."""
    hints = get_type_hints(kind)
    return tuple(f.name for f in fields(kind) if _admits_container(hints[f.name]))


def _admits_container(hint: Any) -> bool:
    if hint in _CONTAINERS or get_origin(hint) in (list, dict):
        return True
    return get_origin(hint) is not Literal and any(_admits_container(arg) for arg in get_args(hint))


def _motions_touched(state: State, event: ev.AnyEvent) -> set[int]:
    named = event.__dict__.get("motion")  # a model's fields are in its __dict__; getattr's miss is slow
    if type(event) in _NAMED_ONLY:
        return {named} if isinstance(named, int) else set()
    numbers = set(state.stack) | set(state.tabled)
    if isinstance(named, int):
        numbers.add(named)
    # What they act on, and what that acts on: a reconsideration of a motion that disposed of
    # the main motion brings that one back too.
    reaching = list(numbers)
    while reaching:
        motion = state.motions.get(reaching.pop())
        if motion is not None and motion.applies_to is not None and motion.applies_to not in numbers:
            numbers.add(motion.applies_to)
            reaching.append(motion.applies_to)
    for number in list(numbers):
        motion = state.motions.get(number)
        if motion is not None:
            numbers.update(motion.adhering)
    return numbers


def _items_touched(state: State, event: ev.AnyEvent, motions: set[int]) -> set[str]:
    """The current item, the one the event names, and those a change to the agenda among
    `motions` changes when it carries or when a division sets it aside."""
    named = event.__dict__.get("item")
    if type(event) in _NAMED_ONLY:
        return {named} if isinstance(named, str) else set()
    items = {state.current} | {named.id if isinstance(named, Item) else named}
    if type(event) is ev.SittingOpened:  # it takes up the item of a vote left open
        items.add(_vote_left_open(state))
    for number in motions:
        motion = state.motions.get(number)
        if motion is not None:
            items |= _agenda_items(motion) | (set(motion.before_effect.items) if motion.before_effect else set())
    return {item for item in items if isinstance(item, str)}


@dataclass(frozen=True)
class _Plan:
    """How `remember` keeps each field of the state, worked out once rather than per action;
    each `read_` gives those fields' values from the state's __dict__ in one call."""

    lengths: tuple[str, ...]  # append-only lists: their length
    referenced: tuple[str, ...]  # replaced whole: the reference
    copied: tuple[str, ...]  # changed in place, all lists and dicts: a shallow copy, as `_copy_of` makes
    read_lengths: itemgetter[Any] = field(init=False)
    read_referenced: itemgetter[Any] = field(init=False)
    read_copied: itemgetter[Any] = field(init=False)

    def __post_init__(self) -> None:
        for name in ("lengths", "referenced", "copied"):
            names = getattr(self, name)
            assert len(names) > 1  # an itemgetter of one key gives the value, not a tuple
            object.__setattr__(self, f"read_{name}", itemgetter(*names))


_SHALLOW_COPY = methodcaller("copy")


@cache
def _plan(attendance_event: bool) -> _Plan:
    names = [f.name for f in fields(State) if f.name not in _BY_OBJECT]
    if not attendance_event:
        names = [name for name in names if name not in _ATTENDANCE_FIELDS]
    # Numbers, texts, times and frozen values are replaced whole when they change, like `_REPLACED`.
    changed = set(_holders(State)) - _REPLACED - _APPEND_ONLY
    hints = get_type_hints(State)
    assert all(get_origin(hints[name]) in (list, dict) for name in changed)  # as `_SHALLOW_COPY` takes them
    return _Plan(
        tuple(name for name in names if name in _APPEND_ONLY),
        tuple(name for name in names if name not in _APPEND_ONLY and name not in changed),
        tuple(name for name in names if name in changed),
    )


def remember(state: State, event: ev.AnyEvent) -> Memento:
    """How the parts of the state this event may change stand now, for `restore`."""
    kind = type(event)
    plan = _plan(kind in _ATTENDANCE_EVENTS)
    now = state.__dict__
    if kind is ev.SittingOpened:
        members: Iterable[str] = state.presence
    elif isinstance(event, ev.AttendanceChanged):  # the type once more, for mypy
        members = event.changes
    else:
        members = ()
    motions = _motions_touched(state, event)
    voters, counted = state.seat_voters, state.counted
    return Memento(
        plan,
        plan.read_referenced(now),
        tuple(map(_SHALLOW_COPY, plan.read_copied(now))),
        tuple(map(len, plan.read_lengths(now))),
        {member: _copy_of(state.presence[member]) for member in members},
        {
            item: _copy_of(state.items[item]) if item in state.items else None
            for item in _items_touched(state, event, motions)
        },
        {n: _copy_of(state.motions[n]) if n in state.motions else None for n in motions},
        {index: (voters[index], counted[index]) for index in _seats_touched(state, event)},
    )


def _seats_touched(state: State, event: ev.AnyEvent) -> Iterable[int]:
    """The seats whose representation `attendance.recount` may change when applying the event."""
    if type(event) not in _ATTENDANCE_EVENTS:
        return ()
    if isinstance(event, ev.SittingOpened):
        return range(len(state.seat_voters))
    if isinstance(event, ev.AttendanceChanged):
        seats: Iterable[str] = attendance.seats_bearing_on(state, event.changes)
    else:
        assert isinstance(event, (ev.ProxyLodged, ev.ProxyRevoked))
        seats = (event.principal,)
    index = state.meeting.council.seat_index
    return [index[seat] for seat in seats]


def restore(state: State, memento: Memento) -> None:
    """The state as it was when `memento` was taken (the memento is used up)."""
    plan = memento.plan
    for name, value in zip((*plan.referenced, *plan.copied), (*memento.referenced, *memento.copied), strict=True):
        setattr(state, name, value)
    for name, length in zip(plan.lengths, memento.lengths, strict=True):
        del getattr(state, name)[length:]
    state.presence.update(memento.presence)
    for index, (voter, counted) in memento.seats.items():
        state.seat_voters[index] = voter
        state.counted[index] = counted
    _put_back(state.items, memento.items)
    _put_back(state.motions, memento.motions)


def _put_back(table: dict[K, V], saved: dict[K, V | None]) -> None:
    """Entries as they were; None for one that did not exist yet."""
    for key, value in saved.items():
        if value is None:
            table.pop(key, None)
        else:
            table[key] = value
