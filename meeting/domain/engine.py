"""The engine: a command, checked against the council's rules, becomes an event or a refusal.

`decide` reads the state and never changes it; the session journals the event and then
applies it. Every refusal is a code with parameters and the column it is about.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from meeting.domain import events as ev
from meeting.domain.agenda import MAX_ITEM_MINUTES, Item
from meeting.domain.approval import NotApproved, approval_basis
from meeting.domain.attendance import (
    ATTENDING,
    QuorumStatus,
    balance_short,
    entitled_by_seat,
    is_attending,
    quorum_status,
    recused,
    register_change,
    representation,
    seats_bearing_on,
    vote_refusal,
    women_share,
)
from meeting.domain.council import Member, Region
from meeting.domain.language import Command, Ref
from meeting.domain.motions import KIND_OF_WORD, STANDARD_MOTIONS, MotionKind
from meeting.domain.opening import opening_status
from meeting.domain.outcome import BUILT_IN_CLASSES, Tally, after_chair_votes, after_lots, chair_could_decide
from meeting.domain.procedure import WITHOUT_QUORUM, allowed, decision_for, motion_rule, out_of_order, target_of
from meeting.domain.state import Motion, State
from meeting.domain.weighing import count_vote, counted_by_name, outside_electorate, plain_bases


@dataclass(frozen=True, slots=True)
class Refused:
    """A command not accepted: the code of the reason, its parameters, and the column of the
    line it is about. The one refusal type from the parser and the engine to every screen."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)
    col: int = 1


class _Refusing(Exception):
    """Raised inside a handler to refuse; `decide` turns it into a `Refused` value."""

    def __init__(self, code: str, col: int = 1, **params: Any) -> None:
        super().__init__(code)
        self.refused = Refused(code, params, col)


@dataclass(frozen=True, slots=True)
class Context:
    """What a decision may need beyond the state: the bytes lots are drawn from (fresh
    randomness in a live meeting; the journal's last hash in a replay script, so that the
    same script draws the same). The result is recorded in the event either way."""

    entropy: bytes = b""


# ── resolving names and ids ───────────────────────────────────────────────────


# Letters that carry no accent to strip but are typed otherwise on most keyboards.
_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def _fold(text: str) -> str:
    """Case- and accent-insensitive, so `ouedraogo` finds Ouédraogo and `odegard` Ødegård."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def find_members(state: State, text: str) -> list[Member]:
    """Members matching what was typed: an id, a full name, or one word of a name."""
    exact = state.meeting.council.member(text)
    if exact is not None:
        return [exact]  # the usual case, and at 1,000 delegates the quick one
    members = state.meeting.council.members
    wanted = _fold(text)
    by_id = [m for m in members if _fold(m.id) == wanted]
    if by_id:
        return by_id
    by_name = [m for m in members if _fold(m.name) == wanted]
    if by_name:
        return by_name
    # Whole words of the name: "Ouedraogo", "ouedraogo-kabore" or "dos Santos".
    within = re.compile(rf"(?:^|[\s-]){re.escape(wanted)}(?:$|[\s-])")
    return [m for m in members if within.search(_fold(m.name))]


def find_regions(state: State, text: str) -> list[Region]:
    """Regions matching what was typed: an id, or words of the name ("latin", "Latin America")."""
    wanted = _fold(text).strip()
    regions = state.meeting.council.regions
    by_id = [r for r in regions if _fold(r.id) == wanted]
    return by_id or [r for r in regions if wanted and wanted in _fold(r.name)]


def resolve_member(state: State, ref: Ref) -> Member:
    found = find_members(state, ref.text)
    if not found:
        raise _Refusing("member.not-found", ref.col, text=ref.text)
    if len(found) > 1:
        raise _Refusing("member.ambiguous", ref.col, text=ref.text, candidates=[m.id for m in found])
    return found[0]


def resolve_item(state: State, ref: Ref) -> str:
    if ref.text.isdigit():
        position = int(ref.text)
        if 1 <= position <= len(state.order):
            return state.order[position - 1]
        raise _Refusing("item.no-such-number", ref.col, number=position, count=len(state.order))
    wanted = ref.text.casefold()
    for item_id in state.order:
        if item_id.casefold() == wanted:
            return item_id
    raise _Refusing("item.not-found", ref.col, text=ref.text)


def _members(state: State, refs: Sequence[Ref]) -> list[Member]:
    members: list[Member] = []
    named: set[str] = set()
    for ref in refs:
        member = resolve_member(state, ref)
        if member.id in named:
            raise _Refusing("member.repeated", ref.col, id=member.id)
        named.add(member.id)
        members.append(member)
    return members


# ── conditions shared by several commands ─────────────────────────────────────

_BEFORE_BEGIN = frozenset(
    {
        "present",
        "remote",
        "apologies",
        "absent",
        "leave",
        "drop",
        "back",
        "proxy",
        "revoke",
        "begin",
        "chair",
        "waive-balance",
        "declare",
        "note",
        "action",
        "undo",
        "at",
    }
)
_IN_RECESS = frozenset(
    {
        "sitting",
        "present",
        "remote",
        "apologies",
        "absent",
        "leave",
        "drop",
        "back",
        "proxy",
        "revoke",
        "resume",
        "adjourn",
        "chair",
        "declare",
        "note",
        "action",
        "undo",
        "at",
    }
)
_AFTER_ADJOURNMENT = frozenset({"sitting", "note", "action", "undo", "at", "correct", "publish", "postal-ballot"})


def _phase_allows(state: State, verb: str) -> None:
    if state.phase == "not_started" and verb not in _BEFORE_BEGIN:
        raise _Refusing("sitting.not-begun")
    if state.phase == "in_recess" and verb not in _IN_RECESS:
        raise _Refusing("sitting.in-recess")
    if state.phase == "adjourned" and verb not in _AFTER_ADJOURNMENT:
        raise _Refusing("sitting.adjourned")


def _quorum_for(state: State, kind: MotionKind | None) -> None:
    """Business needs a quorum; adjourning, recessing and points of order do not."""
    if kind in WITHOUT_QUORUM:
        return
    status = quorum_status(state)
    if not status.met:
        raise _Refusing(
            "quorum.lost",
            present=status.present,
            needed=status.needed,
            seats=status.seats,
            regions_present=status.regions_present,
            regions_needed=status.regions_needed,
            regions_total=status.regions_total,
            short=[_region_name(state, r.region) for r in status.short_regions],
            **_votes_params(status),
        )


def _votes_params(status: QuorumStatus) -> dict[str, Any]:
    """The votes present and required, where seats carry weights (rules part 2)."""
    if status.votes_present is None:
        return {}
    shown: dict[str, Any] = {"votes_present": status.votes_present, "votes_total": status.votes_total}
    if status.votes_required is not None:
        shown.update(votes_required=status.votes_required, votes_strictly=status.votes_strictly)
    return shown


def _region_name(state: State, region_id: str) -> str:
    region = state.meeting.council.region(region_id)
    return region.name if region else region_id


def sits(state: State, member: Member) -> bool:
    """Whether the member is one of the assembly now: a titular, or an alternate sitting for
    an absent titular. Only they move, second, object, block or take the chair."""
    if member.holds_seat:
        return True
    seat = _own_seat(state, member)
    voter = representation(state, seat) if seat else None
    return voter is not None and voter.voter == member.id


def _member_who_may_act(state: State, ref: Ref, role: str) -> Member:
    """A member of the assembly who is here: to move, second, object or block."""
    member = resolve_member(state, ref)
    if member.role == "observer":
        raise _Refusing("member.observer", ref.col, id=member.id, role=role)
    if not is_attending(state, member.id):
        raise _Refusing("member.not-here", ref.col, id=member.id, role=role)
    if not sits(state, member):
        raise _Refusing("member.no-seat", ref.col, id=member.id, role=role)
    return member


def _pending(state: State) -> Motion:
    motion = state.pending
    if motion is None:
        raise _Refusing("motion.none-pending")
    return motion


def _undecided(state: State, motion: Motion) -> None:
    """Nothing else decides a motion while a tie waits to be broken or consensus is sought."""
    if motion.outcome is not None and motion.outcome.result == "pending":
        raise _Refusing("vote.tie-pending", motion=motion.number, awaiting=motion.outcome.awaiting)
    if motion.consensus is not None and motion.consensus.result is None:
        raise _Refusing("consensus.open", motion=motion.number)


def _decision_ready(state: State, motion: Motion) -> None:
    """A motion may be decided once seconded (when it must be) and with a quorum."""
    _quorum_for(state, motion.kind)
    if motion.seconder is None and motion_rule(state.meeting.rules, motion.kind).needs_second:
        raise _Refusing("motion.not-seconded", motion=motion.number)
    _undecided(state, motion)


def _item_of(state: State, motion: Motion) -> Item | None:
    return state.items[motion.item].item if motion.item else None


def _secret_ballot_item(state: State, motion: Motion) -> bool:
    item = _item_of(state, motion)
    return motion.kind == "main" and item is not None and item.vote == "secret_ballot"


def _decision(state: State, motion: Motion) -> tuple[str, Any]:
    """The class deciding this motion; after a block with `on_block = "majority"`, a simple
    majority as last resort."""
    if motion.consensus is not None and motion.consensus.result == "majority":
        return "majority", BUILT_IN_CLASSES["majority"]
    decision = decision_for(state, motion)
    if decision is None:
        raise _Refusing("vote.chair-rules", motion=motion.number)
    return decision


def _count(
    state: State,
    motion: Motion,
    tally: Tally,
    entitled: list[ev.Voter],
    choices: Mapping[str, tuple[ev.Voter, ev.Choice]] | None = None,
) -> ev.Outcome:
    class_id, decision = _decision(state, motion)
    seats, eligible = plain_bases(state, class_id)
    outcome = count_vote(state, class_id, decision, tally, entitled, choices)
    chair = state.chair
    chair_may_decide = (
        state.meeting.rules.chair_votes == "when_decisive"
        and outcome.result not in ("pending", "void")
        and any(v.voter == chair for v in _chair_seat(state, motion))
        and chair_could_decide(decision, tally, len(entitled), seats, eligible)
    )
    return outcome.model_copy(update={"result": "pending", "awaiting": "chair"}) if chair_may_decide else outcome


def _chair_seat(state: State, motion: Motion) -> list[ev.Voter]:
    """The chair's own vote, when the chair holds one that is withheld only for being chair."""
    index = state.meeting.council.seat_index
    voters = [state.seat_voters[index[seat]] for seat in seats_bearing_on(state, [state.chair])]
    return [v for v in voters if v is not None and v.voter == state.chair and not recused(state, v.voter, motion.item)]


# ── rules part 2: votes counted by name, the quorum to open, restored votes, postal ballots ──


def _counted_by_hands(state: State, motion: Motion) -> None:
    """A show of hands or a ballot's totals cannot tell weights or chambers: a roll call can."""
    _, decision = _decision(state, motion)
    if counted_by_name(state.meeting, decision):
        raise _Refusing("vote.count-by-name", motion=motion.number)


def _quorum_to_open(state: State) -> None:
    """Where the rules set a quorum to open the meeting, the meeting begins with it."""
    status = opening_status(state)
    if status is not None and not status.met:
        raise _Refusing("quorum.cannot-open", present=status.present, needed=status.needed, unit=status.unit)


def _quorum_to_debate(state: State, kind: MotionKind) -> None:
    """Moving a motion needs a quorum; where the rules set a quorum to open the meeting, that
    one is enough to move and debate (deciding still needs the full quorum)."""
    status = opening_status(state)
    if status is None or kind in WITHOUT_QUORUM:
        _quorum_for(state, kind)
    elif not status.met:
        raise _Refusing("quorum.cannot-open", present=status.present, needed=status.needed, unit=status.unit)


def _restore(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args["member"]
    if not state.meeting.rules.restore_standing:
        raise _Refusing("restore.not-allowed")
    member = resolve_member(state, ref)
    if not member.holds_seat:
        raise _Refusing("restore.no-seat", ref.col, id=member.id)
    if member.good_standing or member.id in state.restored:
        raise _Refusing("restore.may-vote", ref.col, id=member.id)
    pending = state.pending
    if pending is not None and pending.poll is not None:
        raise _Refusing("motion.voting-open", motion=pending.number)
    _quorum_for(state, None)
    return ev.StandingRestored(member=member.id)


def _postal(state: State, command: Command, context: Context) -> ev.AnyEvent:
    number = command.args["motion"]
    col = command.cols.get("motion", 1)
    motion = state.motions.get(number)
    quorum = motion.outcome.quorum if motion is not None and motion.outcome is not None else None
    if motion is None or quorum is None or quorum.requests_needed is None:
        raise _Refusing("postal.not-open", col, motion=number)
    if motion.status not in ("carried", "lost"):
        raise _Refusing("postal.not-open", col, motion=number)
    class_id, _ = _decision(state, motion)
    outside = outside_electorate(state.meeting, class_id)
    members = _members(state, command.args["members"])
    for ref, member in zip(command.args["members"], members, strict=True):
        if not member.holds_seat or member.id in outside:
            raise _Refusing("postal.not-a-voter", ref.col, id=member.id)
        if member.id in motion.postal_requests:
            raise _Refusing("postal.already-asked", ref.col, id=member.id)
    return ev.PostalBallotRequested(motion=number, members=[m.id for m in members])


# ── handlers ─────────────────────────────────────────────────────────────────

Handler = Callable[[State, Command, Context], ev.AnyEvent]


def _begin(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.phase != "not_started":
        raise _Refusing("sitting.already-begun")
    _quorum_to_open(state)
    rule = state.meeting.rules.gender_balance
    if rule is not None and rule.enforce == "waiver" and balance_short(state) and state.balance_waiver is None:
        share = women_share(state)
        raise _Refusing("balance.waiver-needed", share=share, target=rule.women_at_least)
    return ev.Begun()


def _recess(state: State, command: Command, context: Context) -> ev.AnyEvent:
    minutes = command.args.get("minutes")
    if minutes is not None and not 1 <= minutes <= MAX_ITEM_MINUTES:
        raise _Refusing("sitting.bad-recess", command.cols["minutes"], minutes=minutes, limit=MAX_ITEM_MINUTES)
    return ev.Recessed(minutes=minutes)


def _resume(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.phase != "in_recess":
        raise _Refusing("sitting.not-in-recess")
    return ev.Resumed()


def _adjourn(state: State, command: Command, context: Context) -> ev.AnyEvent:
    return ev.Adjourned()


def _sitting(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.phase == "not_started":
        raise _Refusing("sitting.not-begun-yet")
    return ev.SittingOpened(number=state.sitting + 1)


def _chair(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "chair")
    if member.id == state.chair:
        raise _Refusing("chair.already", ref.col, id=member.id)
    return ev.ChairHanded(member=member.id)


def _waive(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.meeting.rules.gender_balance is None:
        raise _Refusing("balance.no-rule")
    return ev.BalanceWaived(reason=command.args["reason"])


def _attendance(status: ev.Status) -> Handler:
    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        changes: dict[str, ev.Status] = {}
        for ref, member in zip(command.args["members"], _members(state, command.args["members"]), strict=True):
            now = state.status(member.id)
            if status == "left" and now not in ATTENDING:
                raise _Refusing("attendance.not-here", ref.col, id=member.id)
            if status == "dropped" and now != "remote":
                raise _Refusing("attendance.not-remote", ref.col, id=member.id)
            if now != status:
                changes[member.id] = status
        if not changes:
            raise _Refusing("attendance.unchanged", status=status)
        return ev.AttendanceChanged(changes=changes)

    return handle


def _back(state: State, command: Command, context: Context) -> ev.AnyEvent:
    changes: dict[str, ev.Status] = {}
    for ref, member in zip(command.args["members"], _members(state, command.args["members"]), strict=True):
        presence = state.presence[member.id]
        if presence.status not in ("left", "dropped") or presence.before is None:
            raise _Refusing("attendance.not-away", ref.col, id=member.id)
        changes[member.id] = presence.before
    return ev.AttendanceChanged(changes=changes)


def _proxy(state: State, command: Command, context: Context) -> ev.AnyEvent:
    rules = state.meeting.rules.proxies
    principal_ref, holder_ref = command.args["principal"], command.args["holder"]
    if not rules.allowed:
        raise _Refusing("proxy.not-allowed")
    principal = resolve_member(state, principal_ref)
    holder = resolve_member(state, holder_ref)
    if not principal.holds_seat:
        raise _Refusing("proxy.principal-no-seat", principal_ref.col, id=principal.id)
    if principal.id in state.proxies:
        raise _Refusing("proxy.exists", principal_ref.col, id=principal.id, holder=state.proxies[principal.id])
    if holder.id == principal.id:
        raise _Refusing("proxy.self", holder_ref.col, id=holder.id)
    if not holder.holds_seat:
        raise _Refusing("proxy.holder-no-seat", holder_ref.col, id=holder.id)
    if rules.same_region and holder.region != principal.region:
        raise _Refusing("proxy.other-region", holder_ref.col, id=holder.id, principal=principal.id)
    carried = sum(1 for h in state.proxies.values() if h == holder.id)
    if carried >= rules.max_per_holder:
        raise _Refusing("proxy.holder-full", holder_ref.col, id=holder.id, limit=rules.max_per_holder)
    return ev.ProxyLodged(principal=principal.id, holder=holder.id)


def _revoke(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args["principal"]
    principal = resolve_member(state, ref)
    if principal.id not in state.proxies:
        raise _Refusing("proxy.none", ref.col, id=principal.id)
    return ev.ProxyRevoked(principal=principal.id)


def _no_pending_business(state: State) -> None:
    if state.stack:
        raise _Refusing("item.motion-pending", motion=state.stack[0])


def _open(state: State, command: Command, context: Context) -> ev.AnyEvent:
    item = resolve_item(state, command.args["item"])
    if item == state.current:
        raise _Refusing("item.already-open", command.cols["item"], item=item)
    _no_pending_business(state)
    return ev.ItemOpened(item=item)


def _step(offset: int, code: str) -> Handler:
    """`next` finishes the current item and opens the next pending one; `previous` goes back
    and leaves the current item pending."""

    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        _no_pending_business(state)
        start = (-1 if offset > 0 else len(state.order)) if state.current is None else state.order.index(state.current)
        position = start + offset
        while 0 <= position < len(state.order):
            if state.items[state.order[position]].status in ("pending", "open"):
                return ev.ItemOpened(item=state.order[position], leaving="done" if offset > 0 else "pending")
            position += offset
        raise _Refusing(code)

    return handle


def _done(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    _no_pending_business(state)
    return ev.ItemClosed(item=state.current, status="done")


def _defer(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args.get("item")
    item = resolve_item(state, ref) if ref else state.current
    if item is None:
        raise _Refusing("item.none-open")
    if state.items[item].status in ("done", "deferred"):
        raise _Refusing("item.already-closed", command.cols.get("item", 1), item=item, status=state.items[item].status)
    if item == state.current:
        _no_pending_business(state)
    return ev.ItemClosed(item=item, status="deferred")


def _slug(title: str, taken: Sequence[str]) -> str:
    """An id for an added item from its first words: "Solidarity with the flood-affected
    miners" becomes `solidarity-with-the`."""
    words = re.findall(r"[a-z0-9]+", _fold(title))
    base = "-".join(words[:3]) or "item"
    candidate, n = base, 2
    folded = {t.casefold() for t in taken}
    while candidate in folded:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _add(state: State, command: Command, context: Context) -> ev.AnyEvent:
    after_ref = command.args.get("after")
    after = resolve_item(state, after_ref) if after_ref else state.current
    minutes = command.args.get("minutes", 5)
    if not 1 <= minutes <= MAX_ITEM_MINUTES:
        raise _Refusing("item.bad-minutes", command.cols["minutes"], minutes=minutes, limit=MAX_ITEM_MINUTES)
    title = command.args["title"]
    item = Item(id=_slug(title, state.order), title=title, kind="other_business", minutes=minutes)
    return ev.ItemAdded(item=item, after=after)


def _reorder(state: State, command: Command, context: Context) -> ev.AnyEvent:
    item = resolve_item(state, command.args["item"])
    after = resolve_item(state, command.args["after"])
    if item == after:
        raise _Refusing("item.after-itself", command.cols["after"], item=item)
    return ev.ItemMoved(item=item, after=after)


def _move(state: State, command: Command, context: Context) -> ev.AnyEvent:
    word = command.args.get("kind")
    kind: MotionKind = KIND_OF_WORD[word] if word else "main"
    _quorum_to_debate(state, kind)
    problem = out_of_order(state, kind)
    if problem is not None:
        raise _Refusing(problem.code, command.cols.get("kind", command.col), **problem.params)
    mover = _member_who_may_act(state, command.args["mover"], "mover")
    seconder = None
    if "seconder" in command.args:
        seconder = _member_who_may_act(state, command.args["seconder"], "seconder")
        if seconder.id == mover.id:
            raise _Refusing("motion.second-by-mover", command.cols["seconder"], id=mover.id)
    text = command.args.get("text")
    if kind == "main":
        if state.current is None:
            raise _Refusing("motion.no-item")
        draft = state.items[state.current].item.motion
        text = text or (draft.text if draft else None)
    applies_to = target_of(state, kind)
    if kind == "reconsider":
        _on_winning_side(state, applies_to, mover, command.cols["mover"])
    if kind == "take_from_table" and applies_to is not None:
        text = text or state.motions[applies_to].text
    if not text and kind in ("main", "amend", "rescind"):
        raise _Refusing("motion.text-needed", kind=kind)
    return ev.MotionMoved(
        motion=state.next_motion_number,
        kind=kind,
        text=text or "",
        mover=mover.id,
        seconder=seconder.id if seconder else None,
        item=state.current,
        applies_to=applies_to,
    )


def _on_winning_side(state: State, number: int | None, mover: Member, col: int) -> None:
    """Reconsider is moved by a member who voted with the prevailing side, where the record
    shows how members voted (a roll call); otherwise the member's word is taken."""
    if number is None:
        return
    motion = state.motions[number]
    if motion.method != "roll_call" or motion.poll is None or motion.outcome is None:
        return
    winning = "yes" if motion.outcome.result == "carried" else "no"
    voted = [choice for voter, choice in motion.poll.choices.values() if voter.voter == mover.id]
    if winning not in voted:
        raise _Refusing("motion.not-winning-side", col, id=mover.id, side=winning)


def _second(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "seconder")
    if not motion_rule(state.meeting.rules, motion.kind).needs_second:
        raise _Refusing("motion.no-second-needed", motion=motion.number, kind=motion.kind)
    if motion.seconder is not None:
        raise _Refusing("motion.already-seconded", motion=motion.number, by=motion.seconder)
    if member.id == motion.mover:
        raise _Refusing("motion.second-by-mover", ref.col, id=member.id)
    return ev.MotionSeconded(motion=motion.number, member=member.id)


def _allowed(state: State, kind: MotionKind) -> None:
    if not allowed(state.meeting.rules, kind):
        raise _Refusing("motion.not-allowed", kind=kind)


def _withdraw(state: State, command: Command, context: Context) -> ev.AnyEvent:
    _allowed(state, "withdraw")
    motion = _pending(state)
    if motion.poll is not None:
        raise _Refusing("motion.voting-open", motion=motion.number)
    return ev.MotionWithdrawn(motion=motion.number)


def _point(state: State, command: Command, context: Context) -> ev.AnyEvent:
    _allowed(state, "point_of_order")
    member = _member_who_may_act(state, command.args["member"], "point")
    pending = state.pending
    if pending is not None and pending.kind == "point_of_order":
        raise _Refusing("motion.point-pending")
    return ev.PointRaised(motion=state.next_motion_number, member=member.id, text=command.args.get("text"))


def _rule(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    if STANDARD_MOTIONS[motion.kind].decided_by != "chair":
        raise _Refusing("rule.nothing-to-rule", motion=motion.number)
    return ev.Ruled(motion=motion.number, ruling=command.args["ruling"])


def _vote(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _decision_ready(state, motion)
    poll = motion.poll
    if poll is not None and poll.method == "roll_call":
        raise _Refusing("vote.roll-call-open", motion=motion.number)
    ballot = poll is not None and poll.method == "secret_ballot"
    if not ballot and _secret_ballot_item(state, motion):
        raise _Refusing("vote.secret-ballot-item", motion=motion.number)
    if "blank" in command.args and not ballot:
        raise _Refusing("vote.blank-not-ballot", command.cols["blank"])
    tally = Tally(command.args["yes"], command.args["no"], command.args.get("abstain", 0), command.args.get("blank", 0))
    if not ballot:
        _counted_by_hands(state, motion)
    outside = outside_electorate(state.meeting, _decision(state, motion)[0])
    by_seat = entitled_by_seat(state, motion.item, outside) if poll is None else None
    entitled = poll.entitled if poll is not None else [v for v in by_seat or () if v is not None]
    if tally.votes + tally.blank > len(entitled):
        raise _Refusing("vote.too-many", command.cols["yes"], votes=tally.votes + tally.blank, entitled=len(entitled))
    outcome = _count(state, motion, tally, entitled)
    # A ballot's register was written when it opened; a show of hands writes its own.
    register = register_change(state, by_seat) if by_seat is not None else None
    return ev.VoteCounted(
        motion=motion.number, method="secret_ballot" if ballot else "show_of_hands", register_=register, outcome=outcome
    )


def _agreed(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    _decision(state, motion)  # what the chair rules on is not put to the assembly
    _undecided(state, motion)
    if motion.poll is not None:
        raise _Refusing("motion.voting-open", motion=motion.number)
    # A block is an objection: consent cannot override it.
    objectors = motion.objections + [m for m, _ in motion.consensus.blocks] if motion.consensus else motion.objections
    if objectors:
        raise _Refusing("consent.has-objection", motion=motion.number, by=objectors)
    if _secret_ballot_item(state, motion):
        raise _Refusing("vote.secret-ballot-item", motion=motion.number)
    return ev.ConsentGiven(motion=motion.number)


def _objection(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "objection")
    if member.id in motion.objections:
        raise _Refusing("consent.already-objected", ref.col, id=member.id)
    return ev.ConsentObjected(motion=motion.number, member=member.id)


def _cast(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    outcome = motion.outcome
    if outcome is None or outcome.awaiting not in ("casting_vote", "chair"):
        raise _Refusing("vote.no-casting-vote", motion=motion.number)
    class_id, decision = _decision(state, motion)
    entitled = len(motion.entitled)
    seats, eligible = plain_bases(state, class_id)
    final = after_chair_votes(outcome, decision, outcome.awaiting, command.args["choice"], entitled, seats, eligible)
    return ev.TieBroken(motion=motion.number, by=outcome.awaiting, choice=command.args["choice"], outcome=final)


def _draw(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    outcome = motion.outcome
    if outcome is None or outcome.awaiting != "lots":
        raise _Refusing("vote.no-lots", motion=motion.number)
    carried = hashlib.sha256(context.entropy + str(motion.number).encode()).digest()[0] % 2 == 0
    final = after_lots(outcome, carried)
    return ev.TieBroken(motion=motion.number, by="lots", choice="yes" if carried else "no", outcome=final)


def _open_consensus(state: State) -> Motion:
    motion = _pending(state)
    if motion.consensus is None or motion.consensus.result is not None:
        raise _Refusing("consensus.not-called", motion=motion.number)
    return motion


def _consensus(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    if motion.consensus is not None:
        raise _Refusing("consensus.already-called", motion=motion.number)
    _decision_ready(state, motion)
    _decision(state, motion)
    if motion.poll is not None:
        raise _Refusing("motion.voting-open", motion=motion.number)
    return ev.ConsensusCalled(motion=motion.number)


def _block(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    assert motion.consensus is not None
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "block")
    if member.id in [m for m, _ in motion.consensus.blocks]:
        raise _Refusing("consensus.already-blocked", ref.col, id=member.id)
    return ev.Blocked(motion=motion.number, member=member.id, reason=command.args.get("reason"))


def _aside(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    assert motion.consensus is not None
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "aside")
    if member.id in motion.consensus.asides or member.id in [m for m, _ in motion.consensus.blocks]:
        raise _Refusing("consensus.already-aside", ref.col, id=member.id)
    return ev.StoodAside(motion=motion.number, member=member.id)


def _conclude(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    _quorum_for(state, motion.kind)
    assert motion.consensus is not None
    if not motion.consensus.blocks:
        return ev.ConsensusConcluded(motion=motion.number, result="adopted")
    _class_id, decision = _decision(state, motion)
    fallback = {"vote": "vote", "refer": "referred", "majority": "majority"}[decision.on_block]
    return ev.ConsensusConcluded(motion=motion.number, result=fallback)  # type: ignore[arg-type]


def _open_poll(method: str) -> Handler:
    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        motion = _pending(state)
        _decision_ready(state, motion)
        _decision(state, motion)
        if motion.poll is not None:
            raise _Refusing("motion.voting-open", motion=motion.number)
        if method == "roll_call" and _secret_ballot_item(state, motion):
            raise _Refusing("vote.secret-ballot-item", motion=motion.number)
        if method == "secret_ballot":
            _counted_by_hands(state, motion)
        outside = outside_electorate(state.meeting, _decision(state, motion)[0])
        register = register_change(state, entitled_by_seat(state, motion.item, outside))
        return ev.PollOpened(motion=motion.number, method=method, register_=register)  # type: ignore[arg-type]

    return handle


def _named_vote_refusal(state: State, motion: Motion, member: Member, seat: Member) -> str:
    """Why this member may not cast this seat's vote: the most specific reason."""
    if member.role == "observer":
        return "vote.observer"
    if not is_attending(state, member.id):
        return "vote.absent"
    holder = state.proxies.get(seat.id)
    if member.id == seat.id and holder is not None and representation(state, seat) is not None:
        return "vote.proxy-active"
    voter = representation(state, seat)
    if voter is None or voter.voter != member.id:
        return "vote.not-entitled"
    outside = outside_electorate(state.meeting, _decision(state, motion)[0])
    return vote_refusal(state, voter, motion.item, outside) or "vote.not-entitled"


def _roll_vote(choice: ev.Choice) -> Handler:
    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        motion = _pending(state)
        poll = motion.poll
        if poll is None:
            raise _Refusing("vote.no-roll-call", motion=motion.number)
        if poll.method == "secret_ballot":
            raise _Refusing("vote.secret-ballot-named", motion=motion.number)
        _quorum_for(state, motion.kind)
        refs = command.args["voters"]
        principal_ref = command.args.get("principal")
        if principal_ref is not None and len(refs) > 1:
            raise _Refusing("vote.for-one-voter", command.cols["principal"])
        entitled = poll.by_seat
        votes: list[ev.Voter] = []
        for ref, member in zip(refs, _members(state, refs), strict=True):
            seat = resolve_member(state, principal_ref) if principal_ref else _own_seat(state, member)
            if seat is not None and (seat.id in poll.choices or any(v.seat == seat.id for v in votes)):
                raise _Refusing("vote.already-voted", ref.col, id=member.id, seat=seat.id)
            voter = entitled.get(seat.id) if seat else None
            # Entitled when the roll call opened, and still here to answer.
            if seat is None or voter is None or voter.voter != member.id or not is_attending(state, member.id):
                code = _named_vote_refusal(state, motion, member, seat or member)
                raise _Refusing(code, ref.col, id=member.id, seat=seat.id if seat else member.id)
            votes.append(voter)
        return ev.RollCallVoted(motion=motion.number, votes=votes, choice=choice)

    return handle


def _own_seat(state: State, member: Member) -> Member | None:
    """The seat a member votes for in their own name: theirs, or the titular's they sit for."""
    return member if member.holds_seat else state.meeting.council.titular_of(member.id)


def _close(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    poll = motion.poll
    if poll is None or poll.method != "roll_call":
        raise _Refusing("vote.no-roll-call", motion=motion.number)
    choices = [choice for _, choice in poll.choices.values()]
    tally = Tally(choices.count("yes"), choices.count("no"), choices.count("abstain"))
    return ev.RollCallClosed(motion=motion.number, outcome=_count(state, motion, tally, poll.entitled, poll.choices))


def _declare(state: State, command: Command, context: Context) -> ev.AnyEvent:
    member = resolve_member(state, command.args["member"])
    ref = command.args.get("item")
    item = resolve_item(state, ref) if ref else state.current
    return ev.InterestDeclared(member=member.id, text=command.args["text"], item=item)


def _recuse(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    ref = command.args["member"]
    member = resolve_member(state, ref)
    if member.role == "observer":
        raise _Refusing("member.observer", ref.col, id=member.id, role="recuse")
    if recused(state, member.id, state.current):
        raise _Refusing("member.already-recused", ref.col, id=member.id, item=state.current)
    pending = state.pending
    if pending is not None and pending.poll is not None:
        raise _Refusing("motion.voting-open", motion=pending.number)
    return ev.Recused(member=member.id, item=state.current, reason=command.args.get("reason"))


def _queue(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    item = state.items[state.current]
    members = _members(state, command.args["members"])
    for ref, member in zip(command.args["members"], members, strict=True):
        if not is_attending(state, member.id):
            raise _Refusing("member.not-here", ref.col, id=member.id, role="speaker")
        if member.id in item.queue:
            raise _Refusing("speakers.already-queued", ref.col, id=member.id)
    return ev.SpeakersQueued(item=state.current, members=[m.id for m in members])


def _unqueue(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    ref = command.args["member"]
    member = resolve_member(state, ref)
    if member.id not in state.items[state.current].queue:
        raise _Refusing("speakers.not-queued", ref.col, id=member.id)
    return ev.SpeakerRemoved(item=state.current, member=member.id)


def _floor(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    ref = command.args.get("member")
    queue = state.items[state.current].queue
    if ref is not None:
        member = resolve_member(state, ref)
        if not is_attending(state, member.id):
            raise _Refusing("member.not-here", ref.col, id=member.id, role="speaker")
        return ev.FloorGiven(item=state.current, member=member.id)
    if not queue:
        raise _Refusing("speakers.empty")
    return ev.FloorGiven(item=state.current, member=queue[0])


def _note(state: State, command: Command, context: Context) -> ev.AnyEvent:
    return ev.Noted(text=command.args["text"], item=state.current)


def _action(state: State, command: Command, context: Context) -> ev.AnyEvent:
    owner = resolve_member(state, command.args["owner"])
    return ev.ActionRecorded(what=command.args["what"], owner=owner.id, due=command.args.get("due"), item=state.current)


def _at(state: State, command: Command, context: Context) -> ev.AnyEvent:
    # The clock is the session's business; only a replay script may set it.
    raise _Refusing("clock.script-only")


def _undo(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if not state.undoable:
        raise _Refusing("undo.nothing")
    return ev.Undone(target=state.undoable[-1])


def _correct(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.phase != "adjourned":
        raise _Refusing("record.not-adjourned")
    member = resolve_member(state, command.args["by"])
    return ev.Corrected(what=command.args["what"], by=member.id, why=command.args["why"])


def _approve_minutes(state: State, command: Command, context: Context) -> ev.AnyEvent:
    basis = approval_basis(state, state.current)
    if isinstance(basis, NotApproved):
        raise _Refusing(basis.code, **basis.params)
    if basis.motion is None:
        _quorum_for(state, None)  # general consent is business: a quorum must be there to give it
    assert state.current is not None
    circulated = state.circulated[state.current]
    return ev.MinutesApproved(
        item=state.current,
        meeting=circulated.meeting,
        journal_sha256=circulated.journal_sha256,
        minutes_sha256=circulated.minutes_sha256,
        corrections=command.args.get("corrections"),
        motion=basis.motion,
    )


def _publish(state: State, command: Command, context: Context) -> ev.AnyEvent:
    number = command.args["motion"]
    col = command.cols.get("motion", 1)
    motion = state.motions.get(number)
    if motion is None:
        raise _Refusing("publish.no-motion", col, motion=number)
    if motion.item is None or not state.items[motion.item].item.closed:
        raise _Refusing("publish.not-closed", col, motion=number)
    if motion.status == "pending":
        raise _Refusing("publish.undecided", col, motion=number)
    if number in state.published:
        raise _Refusing("publish.already", col, motion=number)
    return ev.DecisionPublished(motion=number)


HANDLERS: dict[str, Handler] = {
    "begin": _begin,
    "recess": _recess,
    "resume": _resume,
    "adjourn": _adjourn,
    "sitting": _sitting,
    "chair": _chair,
    "waive-balance": _waive,
    "present": _attendance("present"),
    "remote": _attendance("remote"),
    "apologies": _attendance("apologies"),
    "absent": _attendance("absent"),
    "leave": _attendance("left"),
    "drop": _attendance("dropped"),
    "back": _back,
    "proxy": _proxy,
    "revoke": _revoke,
    "open": _open,
    "next": _step(+1, "item.no-next"),
    "previous": _step(-1, "item.no-previous"),
    "done": _done,
    "defer": _defer,
    "add": _add,
    "reorder": _reorder,
    "move": _move,
    "second": _second,
    "withdraw": _withdraw,
    "point": _point,
    "rule": _rule,
    "vote": _vote,
    "agreed": _agreed,
    "objection": _objection,
    "cast": _cast,
    "draw": _draw,
    "consensus": _consensus,
    "block": _block,
    "aside": _aside,
    "conclude": _conclude,
    "roll-call": _open_poll("roll_call"),
    "ballot": _open_poll("secret_ballot"),
    "yes": _roll_vote("yes"),
    "no": _roll_vote("no"),
    "abstain": _roll_vote("abstain"),
    "close": _close,
    "declare": _declare,
    "recuse": _recuse,
    "queue": _queue,
    "unqueue": _unqueue,
    "floor": _floor,
    "note": _note,
    "action": _action,
    "undo": _undo,
    "at": _at,
    "correct": _correct,
    "approve-minutes": _approve_minutes,
    "publish": _publish,
    "restore": _restore,
    "postal-ballot": _postal,
}


def decide(state: State, command: Command, context: Context = Context()) -> ev.AnyEvent | Refused:
    """The event this command becomes, or why it is refused."""
    try:
        _phase_allows(state, command.verb)
        return HANDLERS[command.verb](state, command, context)
    except _Refusing as refusing:
        refused = refusing.refused
        return refused if refused.col != 1 else Refused(refused.code, refused.params, command.col)
