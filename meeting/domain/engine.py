"""The engine: a command, checked against the council's rules, becomes an event or a refusal.

`decide` reads the state and never changes it; the session journals the event and then
applies it. Every refusal is a code with parameters and the column it is about.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

from meeting.domain import events as ev
from meeting.domain.agenda import MAX_ITEM_MINUTES, Item
from meeting.domain.approval import NotApproved, approval_basis, corrections_refusal
from meeting.domain.attendance import (
    ATTENDING,
    QuorumStatus,
    awaiting_ruling,
    balance_short,
    entitled_by_seat,
    interest_refusal,
    is_attending,
    proxy_refusal,
    quorum_status,
    recused,
    register_change,
    registered,
    representation,
    seats_bearing_on,
    vote_refusal,
    women_share,
)
from meeting.domain.council import Member, Region
from meeting.domain.elections.blt import Blt
from meeting.domain.elections.conduct import (
    ballots_possible,
    count_round,
    election_for,
    eligibility_problem,
    on_item,
    report_problems,
    round_open,
)
from meeting.domain.elections.progress import Ballot, ElectionProgress, Nomination
from meeting.domain.elections.ranked import RankedBallot, RankedCount
from meeting.domain.elections.tellers import Problem, TellersReport
from meeting.domain.language import GRAMMAR, VERBS, Command, Ref, args_of
from meeting.domain.motions import KIND_OF_WORD, PRIVILEGED, MotionKind
from meeting.domain.opening import opening_status
from meeting.domain.outcome import (
    BUILT_IN_CLASSES,
    MEMBERSHIP_MAJORITY,
    RESCIND_ALTERNATIVE,
    Tally,
    after_casting_vote,
    after_chair_votes,
    after_lots,
    chair_could_decide,
    either_carries,
)
from meeting.domain.procedure import (
    NAMING_A_MOTION,
    WITHOUT_QUORUM,
    allowed,
    consensus_first_suspended,
    decided_in_secret,
    decision_for,
    last_decided,
    motion_rule,
    nothing_since,
    out_of_order,
    postal_ballot_open,
    publish_refusal,
    rescinded_by_either_rule,
    ruled_by_chair,
    substitute_refusal,
    target_of,
    voting_open,
    withdraw_refusal,
)
from meeting.domain.state import WAITING, Motion, Poll, State
from meeting.domain.text import plain_letters
from meeting.domain.weighing import count_vote, counted_by_name, outside_electorate, plain_bases, present_on


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
    # `papers FILE`: the ballot file as the session read it (its path as written, its SHA-256).
    ballot_file: BallotFile | None = None


@dataclass(frozen=True, slots=True)
class BallotFile:
    path: str
    sha256: str
    blt: Blt


# ── resolving names and ids ───────────────────────────────────────────────────


def find_members(state: State, text: str) -> list[Member]:
    """Members matching what was typed: an id, a full name, or one word of a name."""
    exact = state.meeting.council.member(text)
    if exact is not None:
        return [exact]  # the usual case, and at 1,000 delegates the quick one
    members = state.meeting.council.members
    wanted = plain_letters(text)
    by_id = [m for m in members if plain_letters(m.id) == wanted]
    if by_id:
        return by_id
    by_name = [m for m in members if plain_letters(m.name) == wanted]
    if by_name:
        return by_name
    # Whole words of the name: "Ouedraogo", "ouedraogo-kabore" or "dos Santos".
    within = re.compile(rf"(?:^|[\s-]){re.escape(wanted)}(?:$|[\s-])")
    return [m for m in members if within.search(plain_letters(m.name))]


def find_regions(state: State, text: str) -> list[Region]:
    """Regions matching what was typed: an id, or words of the name ("latin", "Latin America")."""
    wanted = plain_letters(text).strip()
    regions = state.meeting.council.regions
    by_id = [r for r in regions if plain_letters(r.id) == wanted]
    return by_id or [r for r in regions if wanted and wanted in plain_letters(r.name)]


def resolve_member(state: State, ref: Ref) -> Member:
    found = find_members(state, ref.text)
    if not found:
        raise _Refusing("member.not-found", ref.col, text=ref.text)
    if len(found) > 1:
        raise _Refusing("member.ambiguous", ref.col, text=ref.text, candidates=[m.id for m in found])
    return found[0]


def resolve_item(state: State, ref: Ref) -> str:
    if ref.text.isascii() and ref.text.isdigit():  # not '²' or '٢', which int() reads or refuses
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
        "secretary",
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
        "secretary",
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


# Attendance changes, whatever else is going on.
_ATTENDANCE_VERBS = frozenset({"present", "remote", "apologies", "absent", "leave", "drop", "back", "proxy", "revoke"})
# While nobody presides, only these: the record of who is here, naming a chair, the minutes.
_WITHOUT_CHAIR = _ATTENDANCE_VERBS | {"chair", "secretary", "note", "undo", "at"}
# While a roll call or a ballot is open, only what concerns the vote itself.
_DURING_A_VOTE = _ATTENDANCE_VERBS | {
    "resume",  # a recess taken for want of a quorum ends; the vote goes on
    "begin",  # so does the next sitting, after an adjournment for want of one
    "yes",
    "no",
    "abstain",
    "close",
    "vote",
    "point",
    "rule",
    "chair",
    "secretary",
    "note",
    "undo",
    "at",
}


def _presiding(state: State, verb: str) -> None:
    """Someone presides whenever business is done (RONR §47): with nobody in the chair, only
    attendance, naming a chair, the minute-taker, notes and undo."""
    if state.phase in ("in_session", "in_recess") and state.chair is None and verb not in _WITHOUT_CHAIR:
        raise _Refusing("chair.absent", vice=vice_chairs(state))


# With the quorum lost, a meeting may still recess or adjourn (RONR §40:7), even during a vote,
# which then waits: the chair declares it, or a member moves it and the assembly decides.
_WITHOUT_QUORUM_DURING_A_VOTE = frozenset({"recess", "adjourn", "move", "second", "agreed", "objection"})


# While an election's ballot is out: the elections' own commands, which say what is in order
# at each stage, and the same as during a vote; no motion, item, consent, recess or adjournment.
_DURING_A_BALLOT = (_DURING_A_VOTE - {"yes", "no", "abstain", "close", "vote"}) | {
    verb.name for verb in GRAMMAR if verb.group == "elections"
}


def _voting_allows(state: State, verb: str) -> None:
    """Nothing interrupts a vote in progress or an election's ballot: not a motion, not a new
    item, not consent, not a recess or adjournment while there is a quorum (a ballot left open
    at adjournment could never be declared)."""
    voting = voting_open(state)
    balloting = round_open(state) if voting is None else None
    if voting is None and balloting is None:
        return
    if verb in (_DURING_A_VOTE if voting is not None else _DURING_A_BALLOT):
        return
    if state.phase == "adjourned" and verb in _AFTER_ADJOURNMENT:
        return  # adjourned without a quorum during the vote: it waits for the next sitting
    if verb in _WITHOUT_QUORUM_DURING_A_VOTE and not quorum_status(state).met:
        return
    if voting is not None:
        raise _Refusing("motion.voting-open", motion=voting.number)
    assert balloting is not None
    raise _Refusing("election.round-open", election=balloting.id)


def vice_chairs(state: State) -> list[str]:
    return [m.id for m in state.meeting.council.members if m.role == "vice-chair"]


def successor(
    state: State, away: set[str] | frozenset[str] = frozenset(), interested_in: str | None = None
) -> str | None:
    """Who takes the chair when the presiding officer is away: the meeting's chair if present,
    else the council's vice-chairs in the order the council lists them; never someone `away`
    or with a declared interest in the item `interested_in`. None: nobody (a chair pro tem is
    named with `chair`)."""
    barred = away | (_declared_on(state, interested_in) if interested_in else set())
    for candidate in [state.meeting.agenda.chair, *vice_chairs(state)]:
        if candidate not in barred and is_attending(state, candidate):
            return candidate
    return None


def _declared_on(state: State, item: str) -> set[str]:
    """Who declared an interest in the item that the chair has not ruled to be no bar."""
    return {i.member for i in state.interests if i.item == item and i.ruling != "cleared"}


def _chair_after_attendance(state: State, changes: dict[str, ev.Status]) -> ev.ChairChange | None:
    """The presiding officer leaving or dropping out hands the chair on, in the same event."""
    chair = state.chair
    if chair is None or changes.get(chair, "present") in ATTENDING:
        return None
    away = {member for member, status in changes.items() if status not in ATTENDING}
    return ev.ChairChange(member=successor(state, away, state.current))


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
            short=tuple(status.short_figures(state.meeting.council)),
            **_votes_params(status),
        )


def _votes_params(status: QuorumStatus) -> dict[str, Any]:
    """The votes present and required, where seats carry weights (rules part 2)."""
    if status.votes_present is None:
        return {}
    shown: dict[str, Any] = {"votes_present": status.votes_present, "votes_total": status.votes_total}
    if status.votes_required is not None:
        shown.update(
            votes_required=status.votes_required, votes_strictly=status.votes_strictly, votes_needed=status.votes_needed
        )
    return shown


def sits(state: State, member: Member) -> bool:
    """Whether the member is one of the assembly now: a titular, or an alternate sitting for
    an absent titular. Only they move, second, object, block or take the chair."""
    if member.holds_seat:
        return True
    seat = _own_seat(state, member)
    voter = representation(state, seat) if seat else None
    return voter is not None and voter.voter == member.id


def _member_who_may_act(state: State, ref: Ref, role: str, item: str | None = None) -> Member:
    """A member of the assembly who is here: to move, second, object or block; on `item`'s
    questions, neither recused from them nor waiting for the chair's ruling on an interest."""
    member = resolve_member(state, ref)
    code = acting_refusal(state, member, item)
    if code is not None:
        raise _Refusing(code, ref.col, id=member.id, item=item, role=role)
    return member


def acting_refusal(state: State, member: Member, item: str | None) -> str | None:
    """Why the member may not move, second, object or block (on `item`'s questions) or take
    the chair: the code of the first reason, or None. The forms grey such members by it."""
    if member.role == "observer":
        return "member.observer"
    if not is_attending(state, member.id):
        return "member.not-here"
    if not sits(state, member):
        return "member.no-seat"
    if recused(state, member.id, item):
        return "member.recused"
    if member.id in awaiting_ruling(state, item):
        return "interest.not-ruled"
    return None


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


def _consensus_first(state: State, motion: Motion) -> None:
    """Under a class with `consensus_first = "required"`, the question goes to a vote only
    once consensus has been sought and has failed (a block, or concluded without agreement),
    or once the rules were suspended while it was pending."""
    decision = decision_for(state, motion)
    if decision is None or decision[1].consensus_first != "required" or consensus_first_suspended(state, motion):
        return
    if motion.consensus is None or motion.consensus.result not in ("vote", "majority"):
        # The class's rule, for the message to say in words ("two-thirds of votes cast"): its id
        # is the rules file's, no word of the chair's language.
        class_id, rule = decision
        seats, eligible = plain_bases(state, class_id)
        raise _Refusing(
            "consensus.first",
            motion=motion.number,
            cls=class_id,
            at_least=rule.at_least,
            more_than=rule.more_than,
            of=rule.of,
            seats=eligible if rule.of == "eligible" else seats,
        )


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
    outcome = count_vote(state, class_id, decision, tally, entitled, choices)
    if class_id == "two_thirds" and rescinded_by_either_rule(state, motion):
        alternative = count_vote(state, MEMBERSHIP_MAJORITY, RESCIND_ALTERNATIVE, tally, entitled, choices)
        outcome = either_carries(outcome, alternative)
    chair = state.chair
    if (
        state.meeting.rules.chair_votes != "when_decisive"
        or outcome.result in ("pending", "void")
        or not any(v.voter == chair for v in _chair_seat(state, motion))
    ):
        return outcome
    seats, eligible = plain_bases(state, class_id)
    if chair_could_decide(decision, tally, len(present_on(state, class_id, entitled)), seats, eligible):
        return outcome.model_copy(update={"result": "pending", "awaiting": "chair"})
    return outcome


def _chair_seat(state: State, motion: Motion) -> list[ev.Voter]:
    """The chair's own vote, when the chair holds one that is withheld only for being chair."""
    chair = state.chair
    if chair is None:
        return []
    index = state.meeting.council.seat_index
    voters = [state.seat_voters[index[seat]] for seat in seats_bearing_on(state, [chair])]
    return [
        v
        for v in voters
        if v is not None and v.voter == chair and interest_refusal(state, v.voter, v.seat, motion.item) is None
    ]


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
    if motion is None or not postal_ballot_open(motion):
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
    chair = None
    if state.chair is None or not is_attending(state, state.chair):
        standing_in = successor(state)
        if standing_in is None:
            raise _Refusing("chair.absent", vice=vice_chairs(state))
        chair = ev.ChairChange(member=standing_in)
    _quorum_to_open(state)
    rule = state.meeting.rules.gender_balance
    if rule is not None and rule.enforce == "waiver" and balance_short(state) and state.balance_waiver is None:
        share = women_share(state)
        raise _Refusing("balance.waiver-needed", share=share, target=rule.women_at_least)
    return ev.Begun(chair=chair)


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
    if state.current is not None and member.id in _declared_on(state, state.current):
        raise _Refusing("chair.has-interest", ref.col, id=member.id, item=state.current)
    return ev.ChairHanded(member=member.id)


def _secretary(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args["member"]
    member = resolve_member(state, ref)
    if not is_attending(state, member.id):
        raise _Refusing("member.not-here", ref.col, id=member.id, role="secretary")
    if member.id == state.secretary:
        raise _Refusing("secretary.already", ref.col, id=member.id)
    return ev.SecretaryNamed(member=member.id)


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
        return ev.AttendanceChanged(changes=changes, chair=_chair_after_attendance(state, changes))

    return handle


def _back(state: State, command: Command, context: Context) -> ev.AnyEvent:
    changes: dict[str, ev.Status] = {}
    for ref, member in zip(command.args["members"], _members(state, command.args["members"]), strict=True):
        presence = state.presence[member.id]
        if presence.status not in ("left", "dropped") or presence.before is None:
            raise _Refusing("attendance.not-away", ref.col, id=member.id)
        changes[member.id] = presence.before
    return ev.AttendanceChanged(changes=changes, chair=_chair_after_attendance(state, changes))


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
    refusal = proxy_refusal(state, principal, holder)
    if refusal is not None:
        raise _Refusing(refusal[0], holder_ref.col, **refusal[1])
    return ev.ProxyLodged(principal=principal.id, holder=holder.id)


def _revoke(state: State, command: Command, context: Context) -> ev.AnyEvent:
    ref = command.args["principal"]
    principal = resolve_member(state, ref)
    if principal.id not in state.proxies:
        raise _Refusing("proxy.none", ref.col, id=principal.id)
    return ev.ProxyRevoked(principal=principal.id)


def _no_pending_business(state: State) -> None:
    if state.stack:
        top = state.motions[state.stack[-1]]
        if top.kind == "point_of_order":  # the chair rules on it; it is neither voted nor tabled
            raise _Refusing("item.point-pending", motion=top.number)
        raise _Refusing("item.motion-pending", motion=state.stack[0])
    balloting = round_open(state)
    if balloting is not None and balloting.item == state.current:
        raise _Refusing("election.round-open", election=balloting.id)


def _chair_for(state: State, item: str | None) -> ev.ChairChange | None:
    """Who presides over `item` (None: the item being left, the meeting between items): the
    presiding officer, unless they declared an interest in it; then the vice-chair, until the
    item ends (RONR §43:29). Returns the change, or None when the chair stays as it is."""
    regular = state.chair_returns[1] if state.chair_returns is not None else state.chair
    if regular is not None and item is not None and regular in _declared_on(state, item):
        return ev.ChairChange(member=successor(state, {regular}, item), returns_to=regular)
    if state.chair_returns is not None and state.chair_returns[0] != item:
        back = regular if regular is not None and is_attending(state, regular) else successor(state)
        return ev.ChairChange(member=back)
    return None


def _open(state: State, command: Command, context: Context) -> ev.AnyEvent:
    item = resolve_item(state, command.args["item"])
    if item == state.current:
        raise _Refusing("item.already-open", command.cols["item"], item=item)
    if state.items[item].status == "dropped":
        raise _Refusing("item.already-closed", command.cols["item"], item=item, item_status="dropped")
    _no_pending_business(state)
    return ev.ItemOpened(item=item, chair=_chair_for(state, item))


def _step(offset: int, code: str) -> Handler:
    """`next` finishes the current item and opens the next pending one; `previous` goes back
    and leaves the current item to come back to (unfinished, `state.left_as`)."""

    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        _no_pending_business(state)
        start = (-1 if offset > 0 else len(state.order)) if state.current is None else state.order.index(state.current)
        position = start + offset
        while 0 <= position < len(state.order):
            item = state.order[position]
            if state.items[item].status in WAITING:
                leaving: Literal["done", "pending"] = "done" if offset > 0 else "pending"
                return ev.ItemOpened(item=item, leaving=leaving, chair=_chair_for(state, item))
            position += offset
        raise _Refusing(code)

    return handle


def _done(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    _no_pending_business(state)
    return ev.ItemClosed(item=state.current, status="done", chair=_chair_for(state, None))


def _defer(state: State, command: Command, context: Context) -> ev.AnyEvent:
    return _take_off(state, command, "deferred")


def _drop(state: State, command: Command, context: Context) -> ev.AnyEvent:
    return _take_off(state, command, "dropped")


def _take_off(state: State, command: Command, status: Literal["deferred", "dropped"]) -> ev.AnyEvent:
    """An item deferred to a later meeting, or dropped from the agenda: at once while the
    chair still arranges the agenda; proposed to the council once it has adopted it."""
    ref = command.args.get("item")
    item = resolve_item(state, ref) if ref else state.current
    if item is None:
        raise _Refusing("item.none-open")
    if state.items[item].status in ("done", "deferred", "dropped"):
        raise _Refusing(
            "item.already-closed", command.cols.get("item", 1), item=item, item_status=state.items[item].status
        )
    if item == state.current:
        _no_pending_business(state)
    change = ev.AgendaChange(change="defer" if status == "deferred" else "drop", item=item)
    if state.agenda_adopted is not None:
        return _agenda_proposal(state, change)
    chair = _chair_for(state, None) if item == state.current else None
    return ev.ItemClosed(item=item, status=status, chair=chair)


def _agenda_proposal(state: State, change: ev.AgendaChange) -> ev.AnyEvent:
    """A change to the adopted agenda: the chair proposes it; the council agrees by general
    consent (`agreed`) or by a two-thirds vote (RONR §41)."""
    _allowed(state, "change_agenda")
    _no_pending_business(state)
    assert state.chair is not None  # business waits while nobody presides (`_presiding`)
    return ev.MotionMoved(
        motion=state.next_motion_number,
        kind="change_agenda",
        text="",
        mover=state.chair,
        item=state.current,
        agenda=change,
    )


def _slug(title: str, taken: Sequence[str]) -> str:
    """An id for an added item from its first words: "Solidarity with the flood-affected
    miners" becomes `solidarity-with-the`; "2027" becomes `item-2027`, since an id of digits
    only would read as an item's number."""
    words = re.findall(r"[a-z0-9]+", plain_letters(title))
    base = "-".join(words[:3]) or "item"
    if base.isdigit():
        base = f"item-{base}"
    candidate, n = base, 2
    folded = {t.casefold() for t in taken}
    while candidate in folded:
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _add(state: State, command: Command, context: Context) -> ev.AnyEvent:
    after_ref = command.args.get("after")
    after = resolve_item(state, after_ref) if after_ref else state.current
    minutes = command.number("minutes")
    if not 1 <= minutes <= MAX_ITEM_MINUTES:
        raise _Refusing("item.bad-minutes", command.cols["minutes"], minutes=minutes, limit=MAX_ITEM_MINUTES)
    title = command.args["title"]
    item = Item(id=_slug(title, state.order), title=title, kind="other_business", minutes=minutes)
    if state.agenda_adopted is not None:
        return _agenda_proposal(state, ev.AgendaChange(change="add", added=item, after=after))
    return ev.ItemAdded(item=item, after=after)


def _reorder(state: State, command: Command, context: Context) -> ev.AnyEvent:
    item = resolve_item(state, command.args["item"])
    after = resolve_item(state, command.args["after"])
    if item == after:
        raise _Refusing("item.after-itself", command.cols["after"], item=item)
    if state.agenda_adopted is not None:
        return _agenda_proposal(state, ev.AgendaChange(change="reorder", item=item, after=after))
    return ev.ItemMoved(item=item, after=after)


def _move(state: State, command: Command, context: Context) -> ev.AnyEvent:
    word = command.args.get("kind")
    kind: MotionKind = KIND_OF_WORD[word] if word else "main"
    _quorum_to_debate(state, kind)
    target = command.args.get("target")
    if target is not None and kind not in NAMING_A_MOTION:
        raise _Refusing("motion.no-target", command.cols["target"], kind=kind)
    problem = out_of_order(state, kind, target)
    if problem is not None:
        raise _Refusing(
            problem.code, command.cols.get("target", command.cols.get("kind", command.col)), **problem.params
        )
    # An interest bars a member from the item's questions, not from adjourning or a point of order.
    item = None if kind in _NOT_ON_THE_QUESTION else state.current
    mover = _member_who_may_act(state, command.args["mover"], "mover", item)
    seconder = None
    if "seconder" in command.args:
        seconder = _member_who_may_act(state, command.args["seconder"], "seconder", item)
        if seconder.id == mover.id:
            raise _Refusing("motion.second-by-mover", command.cols["seconder"], id=mover.id)
    text = command.args.get("text")
    if kind == "main":
        if state.current is None:
            raise _Refusing("motion.no-item")
        draft = state.items[state.current].item.motion
        text = text or (draft.text if draft else None)
    applies_to = target if target is not None else target_of(state, kind)
    if kind == "reconsider":
        _on_winning_side(state, applies_to, mover, command.cols["mover"])
    if kind == "take_from_table" and applies_to is not None:
        text = text or state.motions[applies_to].text
    if not text and says_what_it_does(kind):
        raise _Refusing("motion.text-needed", kind=kind)
    if kind == "amend" and applies_to is not None and text:
        substitute = substitute_refusal(state, state.motions.get(applies_to), text)
        if substitute is not None:
            raise _Refusing(substitute.code, command.cols.get("text", command.col), **substitute.params)
    if text and kind == "previous_question":
        # Its scope is the question it names (`#N`), not words the engine would not apply.
        raise _Refusing("motion.close-debate-text", command.cols.get("text", command.col))
    return ev.MotionMoved(
        motion=state.next_motion_number,
        kind=kind,
        text=text or "",
        mover=mover.id,
        seconder=seconder.id if seconder else None,
        item=state.current,
        applies_to=applies_to,
    )


# Motions that must say what they do: the change, the time, the committee, the limit, the parts,
# the rule suspended and for what (RONR §12-15, §22, §25, §27); postponed "to a later time"
# would be minuted as to no time at all.
_SAYING_WHAT: frozenset[MotionKind] = frozenset(
    {
        "main",
        "amend",
        "rescind",
        "postpone",
        "commit",
        "fix_time_to_adjourn",
        "limit_debate",
        "suspend_rules",
        "division_of_question",
    }
)


def says_what_it_does(kind: MotionKind) -> bool:
    """Whether a motion of this kind is moved with its text (refused without it): a main
    motion's may come from its item's drafted motion."""
    return kind in _SAYING_WHAT


# Motions about the meeting rather than the question before it.
_NOT_ON_THE_QUESTION: frozenset[MotionKind] = PRIVILEGED | {"point_of_order"}


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
    member = _member_who_may_act(state, ref, "seconder", motion.item)
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
    """The mover withdraws a pending motion, the immediately pending one unless another is
    named (`withdraw #N`), with what adheres to it: at once while it is not yet before the
    meeting; once stated (seconded, or moved when it needs no second) it belongs to the
    assembly, and the request is granted by general consent or, on an objection, by a vote
    (RONR §33: at any time before voting on it begins, whatever is pending on it)."""
    _allowed(state, "withdraw")
    number = command.args.get("motion")
    motion = _pending(state) if number is None else state.motions.get(number)
    problem = withdraw_refusal(state, number if number is not None else state.stack[-1])
    if problem is not None:
        raise _Refusing(problem.code, command.cols.get("motion", command.col), **problem.params)
    assert motion is not None
    stated = motion.seconder is not None or not motion_rule(state.meeting.rules, motion.kind).needs_second
    # A point of order is the member's to drop, and the chair's own proposal the chair's.
    if not stated or motion.kind in ("point_of_order", "change_agenda"):
        return ev.MotionWithdrawn(motion=motion.number)
    return ev.MotionMoved(
        motion=state.next_motion_number,
        kind="withdraw",
        text=motion.text,
        mover=motion.mover,
        item=motion.item,
        applies_to=motion.number,
    )


def _point(state: State, command: Command, context: Context) -> ev.AnyEvent:
    _allowed(state, "point_of_order")
    member = _member_who_may_act(state, command.args["member"], "point")
    pending = state.pending
    if pending is not None and pending.kind == "point_of_order":
        raise _Refusing("motion.point-pending")
    # A point that a pending motion is out of order names it (`against #N`), and a ruling well
    # taken removes it with what adheres to it; any other point (a speaker's time, decorum, the
    # voting) changes no motion: a point about a speaker's time had killed the main motion.
    against = command.args.get("against")
    if against is not None and (against not in state.stack or voting_open(state) is not None):
        raise _Refusing("motion.not-pending", command.cols["against"], motion=against)
    return ev.PointRaised(
        motion=state.next_motion_number, member=member.id, text=command.args.get("text"), applies_to=against
    )


def _rule(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    if not ruled_by_chair(motion):
        raise _Refusing("rule.nothing-to-rule", motion=motion.number)
    return ev.Ruled(motion=motion.number, ruling=command.args["ruling"], reason=command.args.get("reason"))


def count_refused(state: State) -> Refused | None:
    """Why no count (a show of hands, a ballot's totals) can be taken now, whatever its
    figures: no question pending, a roll call open, consensus to be sought first... The
    console says so when the chair asks for the count, not after the figures are typed."""
    try:
        _verb_allowed(state, "vote")
        _count_in_order(state)
    except _Refusing as refusing:
        return refusing.refused
    return None


def _count_in_order(state: State) -> Motion:
    """The motion a count may be taken on now, whatever its figures."""
    motion = _pending(state)
    _decision_ready(state, motion)
    poll = motion.poll
    if poll is not None and poll.method == "roll_call":
        raise _Refusing("vote.roll-call-open", motion=motion.number)
    if poll is None or poll.method != "secret_ballot":
        if decided_in_secret(state, motion):
            raise _Refusing("vote.secret-ballot-item", motion=motion.number)
        _consensus_first(state, motion)
        _counted_by_hands(state, motion)
    return motion


def _vote(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _count_in_order(state)
    poll = motion.poll
    ballot = poll is not None and poll.method == "secret_ballot"
    if "blank" in command.args and not ballot:
        raise _Refusing("vote.blank-not-ballot", command.cols["blank"])
    tally = Tally(command.args["yes"], command.args["no"], command.number("abstain"), command.number("blank"))
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
    blocks = [m for m, _ in motion.consensus.blocks] if motion.consensus else []
    if motion.objections or blocks:
        named = [m for m in [*motion.objections, *blocks] if m is not None]
        raise _Refusing("consent.has-objection", motion=motion.number, by=named or [UNNAMED])
    _consent_suffices(state, motion, "consent.falls-short")
    return ev.ConsentGiven(motion=motion.number)


def _consent_suffices(state: State, motion: Motion, code: str) -> None:
    """Consent stands for the votes of all who may vote now, in favour; it cannot supply votes
    that are not here: two-thirds of all 21 seats with 11 present is put to a vote (RONR 4:58)."""
    class_id, decision = _decision(state, motion)
    outside = outside_electorate(state.meeting, class_id)
    entitled = [v for v in entitled_by_seat(state, motion.item, outside) if v is not None]
    if state.meeting.rules.chair_votes == "when_decisive":  # consenting, the chair agrees too
        entitled += [v for v in _chair_seat(state, motion) if v not in entitled]
    # By name, so that weights and chambers count as in a roll call where all vote yes.
    yes: ev.Choice = "yes"
    everyone = {voter.seat: (voter, yes) for voter in entitled}
    unanimous = count_vote(state, class_id, decision, Tally(len(entitled), 0, 0, 0), entitled, everyone)
    if unanimous.result != "carried":
        raise _Refusing(code, motion=motion.number, entitled=len(entitled))
    if unanimous.quorum is not None and not unanimous.quorum.met:
        # Too few for the class's own quorum: a vote decides it, and members may ask for a
        # postal ballot, a right consent would take away.
        raise _Refusing("consent.class-quorum", motion=motion.number)


# How an objection not named (on a secret-ballot item) appears among the objectors.
UNNAMED = "—"


def _objection(state: State, command: Command, context: Context) -> ev.AnyEvent:
    """An objection to general consent: named, or unnamed on a secret-ballot item, where no
    member's position on the question may be recorded."""
    motion = _pending(state)
    ref = command.args.get("member")
    if ref is None:
        return ev.ConsentObjected(motion=motion.number)
    if decided_in_secret(state, motion):
        raise _Refusing("vote.secret-item-by-name", ref.col, motion=motion.number)
    member = _member_who_may_act(state, ref, "objection", motion.item)
    if member.id in motion.objections:
        raise _Refusing("consent.already-objected", ref.col, id=member.id)
    return ev.ConsentObjected(motion=motion.number, member=member.id)


def _cast(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    outcome = motion.outcome
    if outcome is None or outcome.awaiting not in ("casting_vote", "chair"):
        raise _Refusing("vote.no-casting-vote", motion=motion.number)
    choice = command.args["choice"]
    chair = state.chair
    if chair is not None and choice != "none":
        # An interest that bars the chair's vote on the item bars the chair's casting or deciding vote.
        member = state.meeting.council.member(chair)
        seat = _own_seat(state, member) if member is not None else None
        if interest_refusal(state, chair, seat.id if seat else None, motion.item) is not None:
            raise _Refusing("vote.chair-has-interest", command.cols["choice"], id=chair, motion=motion.number)
    final = _tie_decided(state, motion, outcome, outcome.awaiting, choice)
    if outcome.awaiting == "chair" and choice != "none" and not _chair_vote_decides(state, motion, outcome, final):
        raise _Refusing("vote.chair-not-decisive", command.cols["choice"], motion=motion.number, choice=choice)
    return ev.TieBroken(motion=motion.number, by=outcome.awaiting, choice=choice, outcome=final)


def _chair_vote_decides(state: State, motion: Motion, outcome: ev.Outcome, final: ev.Outcome) -> bool:
    """Whether the vote of a chair who votes only when it decides the question changes the
    result the members' votes give (RONR §44:12): with 4 to 4 under a majority, the chair's
    yes carries it; the chair's no decides nothing, the tie has lost it already."""
    return final.result != _tie_decided(state, motion, outcome, "chair", "none").result


def _draw(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _pending(state)
    _quorum_for(state, motion.kind)
    outcome = motion.outcome
    if outcome is None or outcome.awaiting != "lots":
        raise _Refusing("vote.no-lots", motion=motion.number)
    carried = hashlib.sha256(context.entropy + str(motion.number).encode()).digest()[0] % 2 == 0
    choice: ev.TieChoice = "yes" if carried else "no"
    return ev.TieBroken(
        motion=motion.number, by="lots", choice=choice, outcome=_tie_decided(state, motion, outcome, "lots", choice)
    )


def _tie_decided(
    state: State, motion: Motion, outcome: ev.Outcome, by: ev.TieBreaker, choice: ev.TieChoice
) -> ev.Outcome:
    """The outcome once the chair's casting or deciding vote, or the lots, have decided."""
    if by == "casting_vote":
        return after_casting_vote(outcome, choice)
    if by == "lots":
        return after_lots(outcome, choice == "yes")
    class_id, decision = _decision(state, motion)
    seats, eligible = plain_bases(state, class_id)
    present = len(present_on(state, class_id, motion.entitled))
    return after_chair_votes(outcome, decision, choice, present, seats, eligible)


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
    if decided_in_secret(state, motion):  # a block names who blocks
        raise _Refusing("vote.secret-item-by-name", motion=motion.number)
    return ev.ConsensusCalled(motion=motion.number)


def _block(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    assert motion.consensus is not None
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "block", motion.item)
    if member.id in [m for m, _ in motion.consensus.blocks]:
        raise _Refusing("consensus.already-blocked", ref.col, id=member.id)
    return ev.Blocked(motion=motion.number, member=member.id, reason=command.args.get("reason"))


def _aside(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    assert motion.consensus is not None
    ref = command.args["member"]
    member = _member_who_may_act(state, ref, "aside", motion.item)
    if member.id in motion.consensus.asides or member.id in [m for m, _ in motion.consensus.blocks]:
        raise _Refusing("consensus.already-aside", ref.col, id=member.id)
    return ev.StoodAside(motion=motion.number, member=member.id)


def _conclude(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _open_consensus(state)
    _quorum_for(state, motion.kind)
    assert motion.consensus is not None
    if not motion.consensus.blocks and "outcome" not in command.args:  # `not-reached`: no agreement
        _consent_suffices(state, motion, "consensus.falls-short")
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
        if method == "roll_call" and decided_in_secret(state, motion):
            raise _Refusing("vote.secret-ballot-item", motion=motion.number)
        _consensus_first(state, motion)
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
    if member.id != seat.id and state.proxies.get(seat.id) == member.id and is_attending(state, seat.id):
        return "vote.principal-present"
    voter = representation(state, seat)
    if voter is None or voter.voter != member.id:
        return "vote.not-entitled"
    outside = outside_electorate(state.meeting, _decision(state, motion)[0])
    return vote_refusal(state, voter, motion.item, outside) or "vote.not-entitled"


def _roll_call_motion(state: State) -> Motion:
    """The motion whose roll call is answered or closed: the pending one, unless a point of
    order raised during the vote waits for the chair's ruling."""
    motion = _pending(state)
    if motion.kind == "point_of_order" and voting_open(state) is not None:
        raise _Refusing("motion.point-pending")
    return motion


def _roll_vote(choice: ev.Choice) -> Handler:
    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        motion = _roll_call_motion(state)
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
            if seat is not None and (
                _answer_stands(poll, seat.id, member.id, choice) or any(v.seat == seat.id for v in votes)
            ):
                raise _Refusing("vote.already-voted", ref.col, id=member.id, seat=seat.id)
            voter = entitled.get(seat.id) if seat else None
            if seat is not None and voter is None:
                voter = _joining(state, motion, seat)
            if seat is not None and voter is not None and takes_the_vote_back(state, poll, voter, member):
                voter = ev.Voter(seat=seat.id, voter=member.id, via="titular")
            # Entitled when the roll call opened, still here to answer, and not stood down since.
            if (
                seat is None
                or voter is None
                or voter.voter != member.id
                or not is_attending(state, member.id)
                or stood_down(state, voter)
            ):
                code = _named_vote_refusal(state, motion, member, seat or member)
                raise _Refusing(code, ref.col, id=member.id, seat=seat.id if seat else member.id)
            votes.append(voter)
        return ev.RollCallVoted(motion=motion.number, votes=votes, choice=choice)

    return handle


def _joining(state: State, motion: Motion, seat: Member) -> ev.Voter | None:
    """Who votes a seat that nobody could vote for when the roll call opened, now that its
    member (or alternate, or proxy holder) is here: members may answer until the result is
    declared (RONR §45), and the seat then joins the roll."""
    voter = representation(state, seat)
    if voter is None:
        return None
    outside = outside_electorate(state.meeting, _decision(state, motion)[0])
    return voter if seat.id not in outside and vote_refusal(state, voter, motion.item, outside) is None else None


def joining_the_roll(state: State, motion: Motion) -> list[ev.Voter]:
    """Who may answer now for the seats nobody could vote for when the roll call opened: the
    members arrived since (`_joining`), in the council's order of seats."""
    poll = motion.poll
    if poll is None or poll.method != "roll_call":
        return []
    seats = (seat for seat in state.meeting.council.seats if seat.id not in poll.by_seat)
    return [voter for seat in seats if (voter := _joining(state, motion, seat)) is not None]


def stood_down(state: State, voter: ev.Voter) -> bool:
    """Whether a roll call's voter, entitled when it opened, no longer casts the seat's vote: an
    alternate once the titular is back (council.toml: alternates vote only when the titular is
    absent), a proxy holder once the proxy is revoked or the principal has arrived (council.md:
    "a principal who arrives takes the vote back")."""
    if voter.via == "alternate":
        return is_attending(state, voter.seat)
    return voter.via == "proxy" and (state.proxies.get(voter.seat) != voter.voter or is_attending(state, voter.seat))


def takes_the_vote_back(state: State, poll: Poll, voter: ev.Voter, member: Member) -> bool:
    """Whether the member whose seat a proxy holder or an alternate was to answer for, arrived
    since the roll call opened, answers for it now: a principal who arrives takes the vote back
    (council.md), while the seat has not answered."""
    return (
        voter.via != "titular"
        and member.id == voter.seat
        and voter.seat not in poll.choices
        and is_attending(state, member.id)
    )


def answering_now(state: State, poll: Poll, voter: ev.Voter) -> ev.Voter:
    """Who answers for a seat now, as the engine records it: the voter called when the roll
    call opened, or the principal (the titular) arrived since, who takes the vote back."""
    member = state.meeting.council.member(voter.seat)
    if member is not None and takes_the_vote_back(state, poll, voter, member):
        return ev.Voter(seat=voter.seat, voter=voter.seat, via="titular")
    return voter


def _answer_stands(poll: Poll, seat: str, member: str, choice: ev.Choice) -> bool:
    """Whether a seat's answer stands against this one: given already, the same, or by another
    voice. The member who answered may change it until the roll call is closed (RONR §45:8)."""
    given = poll.choices.get(seat)
    return given is not None and (given[1] == choice or given[0].voter != member)


def _own_seat(state: State, member: Member) -> Member | None:
    """The seat a member votes for in their own name: theirs, or the titular's they sit for."""
    return member if member.holds_seat else state.meeting.council.titular_of(member.id)


def _close(state: State, command: Command, context: Context) -> ev.AnyEvent:
    motion = _roll_call_motion(state)
    _quorum_for(state, motion.kind)
    poll = motion.poll
    if poll is None or poll.method != "roll_call":
        raise _Refusing("vote.no-roll-call", motion=motion.number)
    return _roll_call_closed(state, motion, poll)


def _roll_call_closed(state: State, motion: Motion, poll: Poll) -> ev.RollCallClosed:
    """The roll call counted from its answers, and who did not answer."""
    choices = [choice for _, choice in poll.choices.values()]
    tally = Tally(choices.count("yes"), choices.count("no"), choices.count("abstain"))
    silent = [answering_now(state, poll, voter) for voter in poll.not_answered]
    outcome = _count(state, motion, tally, poll.entitled, poll.choices)
    return ev.RollCallClosed(motion=motion.number, outcome=outcome, silent=silent)


def roll_call_settled(state: State, motion: Motion) -> Literal["carried", "lost"] | None:
    """What closing a roll call gives once no answer still to come can change it: every seat
    has answered, or the seats that have not (and those arrived since to answer) cannot turn
    it whatever they do, checked at the edges (all of them yes, all no, all abstaining, none
    answering: a count is monotonic between them). None while they can, or when a tie or the
    chair's vote would still decide it."""
    poll = motion.poll
    if poll is None or poll.method != "roll_call":
        return None
    joining = joining_the_roll(state, motion)
    rest = [answering_now(state, poll, voter) for voter in poll.not_answered] + joining
    results = set()
    answers_to_try: tuple[ev.Choice | None, ...] = (None, "yes", "no", "abstain")
    for answer in answers_to_try:
        choices = dict(poll.choices)
        if answer is not None:
            choices |= {voter.seat: (voter, answer) for voter in rest}
        answers = [choice for _voter, choice in choices.values()]
        tally = Tally(answers.count("yes"), answers.count("no"), answers.count("abstain"))
        entitled = poll.entitled if answer is None else [*poll.entitled, *joining]
        results.add(_count(state, motion, tally, entitled, choices).result)
    settled = results.pop() if len(results) == 1 else None
    return "carried" if settled == "carried" else "lost" if settled == "lost" else None


def _division(state: State, command: Command, context: Context) -> ev.AnyEvent:
    """A member's demand for a roll call on the result just declared by a show of hands or by
    general consent (RONR §29): the chair cannot refuse it; the result is set aside and the
    question is put again, by name."""
    _allowed(state, "division_of_assembly")
    ref = command.args["member"]
    motion = last_decided(state)
    if motion is None or motion.method not in ("show_of_hands", "unanimous_consent"):
        raise _Refusing("division.no-result", ref.col)
    if not nothing_since(state, motion):
        raise _Refusing("division.too-late", ref.col, motion=motion.number)
    if decided_in_secret(state, motion):  # a roll call would name how each member voted
        raise _Refusing("vote.secret-item-by-name", ref.col, motion=motion.number)
    member = _member_who_may_act(state, ref, "division", motion.item)
    outside = outside_electorate(state.meeting, _decision(state, motion)[0])
    register = register_change(state, entitled_by_seat(state, motion.item, outside))
    return ev.DivisionDemanded(motion=motion.number, member=member.id, register_=register)


def _declare(state: State, command: Command, context: Context) -> ev.AnyEvent:
    """A declared interest: under `on_declaration = "recuse"` it recuses the member at once;
    under "chair-rules" the member waits for the chair's ruling. A presiding officer declaring
    on the item under discussion hands the chair over for it."""
    member = resolve_member(state, command.args["member"])
    ref = command.args.get("item")
    item = resolve_item(state, ref) if ref else state.current
    recuses = item is not None and state.meeting.rules.interests.on_declaration == "recuse"
    chair = None
    if item is not None and item == state.current and member.id == state.chair:
        chair = ev.ChairChange(member=successor(state, {member.id}, item), returns_to=member.id)
    return ev.InterestDeclared(member=member.id, text=command.args["text"], item=item, recused=recuses, chair=chair)


def _ruling_on(state: State, command: Command) -> tuple[Member, str]:
    """The member and the item a ruling on an interest is about: the item named, else the one
    item of the member's declarations still waiting for a ruling, else the item open."""
    ref = command.args["member"]
    member = resolve_member(state, ref)
    if member.role == "observer":
        raise _Refusing("member.observer", ref.col, id=member.id, role="interest")
    named = command.args.get("item")
    waiting = {i.item for i in state.interests if i.member == member.id and i.ruling is None and i.item}
    if named is not None:
        item = resolve_item(state, named)
    elif len(waiting) == 1:
        item = next(iter(waiting))
    elif state.current is not None:
        item = state.current
    else:
        raise _Refusing("item.none-open")
    if recused(state, member.id, item):
        raise _Refusing("member.already-recused", ref.col, id=member.id, item=item)
    return member, item


def _recuse(state: State, command: Command, context: Context) -> ev.AnyEvent:
    member, item = _ruling_on(state, command)
    return ev.Recused(member=member.id, item=item, reason=command.args.get("reason"))


def _clear(state: State, command: Command, context: Context) -> ev.AnyEvent:
    member, item = _ruling_on(state, command)
    if not any(i.member == member.id and i.item == item and i.ruling is None for i in state.interests):
        raise _Refusing("interest.none-to-clear", command.cols["member"], id=member.id, item=item)
    if member.id == state.chair:  # nobody judges their own cause
        raise _Refusing("interest.own-case", command.cols["member"], id=member.id, item=item)
    return ev.InterestCleared(member=member.id, item=item, reason=command.args.get("reason"))


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


def _yield(state: State, command: Command, context: Context) -> ev.AnyEvent:
    if state.current is None:
        raise _Refusing("item.none-open")
    if state.speaking is None:
        raise _Refusing("floor.nobody")
    return ev.FloorYielded(item=state.current, member=state.speaking[1])


def _note(state: State, command: Command, context: Context) -> ev.AnyEvent:
    return ev.Noted(text=command.args["text"], item=state.current)


def _action(state: State, command: Command, context: Context) -> ev.AnyEvent:
    owner = resolve_member(state, command.args["owner"])
    return ev.ActionRecorded(what=command.args["what"], owner=owner.id, due=command.args.get("due"), item=state.current)


def _at(state: State, command: Command, context: Context) -> ev.AnyEvent:
    # The clock is the session's business; only a replay script may set it.
    raise _Refusing("clock.script-only")


def _undo(state: State, command: Command, context: Context) -> ev.AnyEvent:
    # Once adjourned the meeting can no longer act (RONR §21): undo reversed its decisions hours
    # later. The record changes by correction now; a new sitting takes up business again.
    if state.phase == "adjourned":
        raise _Refusing("undo.adjourned")
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
    corrections = command.args.get("corrections")
    refused = corrections_refusal(state, basis, corrections)
    if refused is not None:
        raise _Refusing(refused.code, command.cols["corrections"], **refused.params)
    if basis.motion is None:
        _quorum_for(state, None)  # general consent is business: a quorum must be there to give it
    assert state.current is not None
    circulated = state.circulated[state.current]
    return ev.MinutesApproved(
        item=state.current,
        meeting=circulated.meeting,
        journal_sha256=circulated.journal_sha256,
        minutes_sha256=circulated.minutes_sha256,
        corrections=corrections,
        motion=basis.motion,
    )


def _publish(state: State, command: Command, context: Context) -> ev.AnyEvent:
    number = command.args["motion"]
    refusal = publish_refusal(state, number)
    if refusal is not None:
        raise _Refusing(refusal, command.cols.get("motion", 1), motion=number)
    return ev.DecisionPublished(motion=number)


# ── elections (issue #15): nominations, ballot rounds, the tellers' report, the result ──


def _election(state: State, command: Command) -> ElectionProgress:
    """The election named (`for ELECTION`), else the one `election_for` the command's verb."""
    ref = command.args.get("election")
    if ref is not None:
        wanted = ref.text.casefold()
        found = next((e for e in state.elections.values() if e.id.casefold() == wanted), None)
        if found is None:
            raise _Refusing("election.not-found", ref.col, text=ref.text)
        if found.item != state.current:
            raise _Refusing("election.not-current", ref.col, election=found.id, item=found.item)
        return found
    election = election_for(state, command.verb)
    if election is None:
        raise _Refusing("election.none")
    return election


def _balloting(state: State, command: Command) -> tuple[ElectionProgress, Ballot]:
    """The election whose ballot is open, and that ballot (the one a report or a result is for)."""
    election = round_open(state) if "election" not in command.args else _election(state, command)
    ballot = election.open_round if election is not None else None
    if election is None or ballot is None:
        raise _Refusing("round.none-open")
    return election, ballot


def _refuse_problem(problem: Problem, col: int = 1) -> None:
    raise _Refusing(problem.code, col, **problem.params)


def _nominations_open(election: ElectionProgress) -> None:
    if election.closed is not None:
        raise _Refusing("nomination.closed", election=election.id)
    if election.election.nominations == "list":
        raise _Refusing("nomination.list", election=election.id)


def _candidate(state: State, election: ElectionProgress, ref: Ref) -> Member:
    """A member who stands in the election now: nominated and neither declined nor withdrawn;
    once nominations are closed, still on the next ballot."""
    member = resolve_member(state, ref)
    standing = election.standing if election.closed is None else election.next_candidates
    if member.id not in standing:
        raise _Refusing("nomination.none", ref.col, id=member.id, election=election.id)
    return member


def _nominate(state: State, command: Command, context: Context) -> ev.AnyEvent:
    _quorum_for(state, None)  # a nomination is business
    ref = command.args["candidate"]
    candidate = resolve_member(state, ref)
    election = _election(state, command)
    if "election" not in command.args and election.election.per_region:
        # "One seat per region": a candidate is nominated in their own region's election.
        own = [e for e in on_item(state, state.current) if e.election is election.election]
        election = next((e for e in own if e.region == candidate.region), election)
    _nominations_open(election)
    problem = eligibility_problem(state, election, candidate.id)
    if problem is not None:
        _refuse_problem(problem, ref.col)
    if candidate.id in election.standing:
        raise _Refusing("nomination.already", ref.col, id=candidate.id, election=election.id)
    by = _member_who_may_act(state, command.args["by"], "nominate", election.item)
    seconder = None
    if "seconder" in command.args:
        seconder = _member_who_may_act(state, command.args["seconder"], "second-nomination", election.item)
        if seconder.id == by.id:
            raise _Refusing("nomination.own-second", command.cols["seconder"], id=by.id)
    return ev.CandidateNominated(
        election=election.id, candidate=candidate.id, by=by.id, seconder=seconder.id if seconder else None
    )


def _nominated(state: State, election: ElectionProgress, ref: Ref) -> tuple[Member, Nomination]:
    """A member nominated and neither declined nor withdrawn (perhaps still awaiting a seconder)."""
    member = resolve_member(state, ref)
    nomination = election.nomination(member.id)
    if nomination is None or nomination.answer == "declined" or nomination.withdrawn is not None:
        raise _Refusing("nomination.none", ref.col, id=member.id, election=election.id)
    return member, nomination


def _second_nomination(state: State, command: Command, context: Context) -> ev.AnyEvent:
    _quorum_for(state, None)
    election = _election(state, command)
    _nominations_open(election)
    ref = command.args["candidate"]
    candidate, nomination = _nominated(state, election, ref)
    if nomination.by is None:
        raise _Refusing("nomination.not-from-floor", ref.col, id=candidate.id)
    if nomination.seconder is not None:
        raise _Refusing("nomination.already-seconded", ref.col, id=candidate.id, by=nomination.seconder)
    member = _member_who_may_act(state, command.args["member"], "second-nomination", election.item)
    if member.id == nomination.by:
        raise _Refusing("nomination.own-second", command.cols["member"], id=member.id)
    return ev.NominationSeconded(election=election.id, candidate=candidate.id, member=member.id)


def _answer(answer: Literal["accepted", "declined"]) -> Handler:
    """The nominee accepts or declines, once, before nominations close."""

    def handle(state: State, command: Command, context: Context) -> ev.AnyEvent:
        election = _election(state, command)
        if election.closed is not None:
            raise _Refusing("nomination.closed", election=election.id)
        ref = command.args["candidate"]
        candidate, nomination = _nominated(state, election, ref)
        if nomination.answer is not None:
            raise _Refusing("nomination.already-answered", ref.col, id=candidate.id)
        return ev.NominationAnswered(election=election.id, candidate=candidate.id, answer=answer)

    return handle


def _withdraw_candidacy(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election = _election(state, command)
    if election.complete:  # nobody stands any longer once every seat is filled
        raise _Refusing("election.complete", election=election.id)
    if election.open_round is not None:
        raise _Refusing("candidacy.ballot-open", command.cols["candidate"], round=election.open_round.number)
    candidate = _candidate(state, election, command.args["candidate"])
    return ev.CandidacyWithdrawn(election=election.id, candidate=candidate.id)


def _close_nominations(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election = _election(state, command)
    if election.closed is not None:
        raise _Refusing("nomination.closed", election=election.id)
    _quorum_for(state, None)
    standing = tuple(c for c in election.standing if c not in election.elected)
    if not standing:
        raise _Refusing("nomination.nobody-standing", election=election.id)
    for candidate in standing:  # a listed candidate's standing may have changed since the agenda
        problem = eligibility_problem(state, election, candidate)
        if problem is not None:
            _refuse_problem(problem)
    return ev.NominationsClosed(election=election.id, candidates=list(standing))


def _reopen_nominations(state: State, command: Command, context: Context) -> ev.AnyEvent:
    """Nominations reopened between ballots while a seat is unfilled (RONR §31), above all when
    nobody is left on the ballot: the election goes on rather than ending unfilled."""
    election = _election(state, command)
    if election.closed is None:
        raise _Refusing("nomination.not-closed", election=election.id)
    if election.complete:
        raise _Refusing("election.complete", election=election.id)
    if election.open_round is not None:
        raise _Refusing("election.round-open", election=election.id)
    if election.election.nominations == "list":
        raise _Refusing("nomination.list", election=election.id)
    _quorum_for(state, None)
    return ev.NominationsReopened(election=election.id)


def _round(state: State, command: Command, context: Context) -> ev.AnyEvent:
    open_now = round_open(state)
    if open_now is not None and open_now.open_round is not None:
        raise _Refusing("round.already-open", election=open_now.id, round=open_now.open_round.number)
    election = _election(state, command)
    if election.closed is None:
        raise _Refusing("nomination.open", election=election.id)
    if election.complete:
        raise _Refusing("election.complete", election=election.id)
    if election.stalled:
        raise _Refusing("election.nobody-left", election=election.id)
    _quorum_for(state, None)
    voters, proxies = ballots_possible(state, election.item)
    return ev.RoundOpened(
        election=election.id,
        round=len(election.rounds) + 1,
        kind=election.next_kind,
        seats=election.seats_left,
        candidates=list(election.next_candidates),
        voters=voters,
        proxies=proxies,
    )


def _on_ballot(state: State, ballot: Ballot, refs: Sequence[Ref]) -> list[str]:
    """Candidates named on a report or a paper: each on this ballot, and named once."""
    named: list[str] = []
    for ref in refs:
        member = resolve_member(state, ref)
        if member.id not in ballot.candidates:
            raise _Refusing("tellers.not-a-candidate", ref.col, candidate=member.id)
        if member.id in named:
            raise _Refusing("member.repeated", ref.col, id=member.id)
        named.append(member.id)
    return named


def _tellers(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election, ballot = _balloting(state, command)
    pairs = command.args.get("votes", ())
    if ballot.ranked and pairs:
        raise _Refusing("tellers.ranked-round", command.cols["votes"], round=ballot.number)
    named = dict(zip(_on_ballot(state, ballot, [ref for ref, _ in pairs]), (votes for _, votes in pairs), strict=True))
    report = TellersReport(
        votes={c: named.get(c, 0) for c in ballot.candidates} if not ballot.ranked else {},
        blank=command.number("blank"),
        invalid=command.number("invalid"),
        ballots=command.args.get("ballots"),
    )
    for problem in report_problems(replace(ballot, report=report)):
        _refuse_problem(problem)
    return ev.TellersReported(election=election.id, round=ballot.number, report=report)


def _ranked_round(ballot: Ballot) -> None:
    if not ballot.ranked:
        raise _Refusing("round.not-ranked", round=ballot.number)


def _papers_fit(ballot: Ballot, papers: Sequence[RankedBallot], blank: int) -> None:
    more = replace(ballot, papers=(*ballot.papers, *papers), file_blank=ballot.file_blank + blank)
    for problem in report_problems(more):
        _refuse_problem(problem)


def _paper(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election, ballot = _balloting(state, command)
    _ranked_round(ballot)
    ranking = _on_ballot(state, ballot, command.args["ranking"])
    times = command.number("times")
    if times < 1:
        raise _Refusing("round.zero-papers", command.cols["times"])
    papers = [RankedBallot(ranking=tuple(ranking), count=times)]
    _papers_fit(ballot, papers, 0)
    return ev.PapersEntered(election=election.id, round=ballot.number, papers=papers)


def _papers(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election, ballot = _balloting(state, command)
    _ranked_round(ballot)
    read = context.ballot_file
    if read is None:  # only the session reads files; a command without one was not read
        raise _Refusing("round.file-unread", command.cols["file"], path=command.args["file"])
    blt = read.blt
    if blt.seats != ballot.seats:
        raise _Refusing("round.file-seats", command.cols["file"], seats=blt.seats, needed=ballot.seats)
    ids = []
    for number, name in enumerate(blt.names, start=1):
        # A candidate the file marks withdrawn must have withdrawn in the meeting: the file
        # cannot take someone off the ballot.
        withdrawn = number in blt.withdrawn
        among = election.withdrawn if withdrawn else ballot.candidates
        found = [m for m in find_members(state, name) if m.id in among]
        if len(found) != 1:
            code = "round.file-withdrawn" if withdrawn else "round.file-candidate"
            raise _Refusing(code, command.cols["file"], name=name)
        ids.append(found[0].id)
    papers = blt.ranked_ballots(ids)
    _papers_fit(ballot, papers, blt.blank)
    source = ev.SourceFile(path=read.path, sha256=read.sha256)
    return ev.PapersEntered(election=election.id, round=ballot.number, papers=papers, blank=blt.blank, file=source)


def _result(state: State, command: Command, context: Context) -> ev.AnyEvent:
    election, ballot = _balloting(state, command)
    if ballot.ranked and not ballot.papers:
        raise _Refusing("round.no-papers", round=ballot.number)
    if not ballot.ranked and ballot.report is None:
        raise _Refusing("round.no-report", round=ballot.number)
    _quorum_for(state, None)
    return _round_declared(state, election, ballot, context.entropy)


def _round_declared(state: State, election: ElectionProgress, ballot: Ballot, entropy: bytes) -> ev.ResultDeclared:
    """The round counted, and the first elected taking the chair where the election says so."""
    counted = count_round(state, election, ballot, entropy)
    chair = None
    first = counted.elected[0] if counted.elected else None
    if election.election.takes_chair and first is not None and first != state.chair and is_attending(state, first):
        chair = ev.ChairChange(member=first)
    if isinstance(counted, RankedCount):
        return ev.ResultDeclared(election=election.id, round=ballot.number, count=counted, chair=chair)
    return ev.ResultDeclared(election=election.id, round=ballot.number, ballot=counted, chair=chair)


HANDLERS: dict[str, Handler] = {
    "begin": _begin,
    "recess": _recess,
    "resume": _resume,
    "adjourn": _adjourn,
    "sitting": _sitting,
    "chair": _chair,
    "secretary": _secretary,
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
    "drop-item": _drop,
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
    "division": _division,
    "declare": _declare,
    "recuse": _recuse,
    "clear": _clear,
    "queue": _queue,
    "unqueue": _unqueue,
    "floor": _floor,
    "yield": _yield,
    "note": _note,
    "action": _action,
    "undo": _undo,
    "at": _at,
    "correct": _correct,
    "approve-minutes": _approve_minutes,
    "publish": _publish,
    "restore": _restore,
    "postal-ballot": _postal,
    "nominate": _nominate,
    "second-nomination": _second_nomination,
    "accept": _answer("accepted"),
    "decline": _answer("declined"),
    "withdraw-candidacy": _withdraw_candidacy,
    "close-nominations": _close_nominations,
    "reopen-nominations": _reopen_nominations,
    "round": _round,
    "tellers": _tellers,
    "paper": _paper,
    "papers": _papers,
    "result": _result,
}


def _verb_allowed(state: State, verb: str) -> None:
    _phase_allows(state, verb)
    _presiding(state, verb)
    _voting_allows(state, verb)


def verb_refused(state: State, verb: str) -> Refused | None:
    """Why no command of this verb is taken now, whatever it says (the sitting adjourned, nobody
    in the chair, a vote in progress), or None. A verb that takes nothing is tried whole: 'begin'
    once begun, 'resume' out of recess."""
    try:
        _verb_allowed(state, verb)
        if not args_of(VERBS[verb].parts):
            HANDLERS[verb](state, Command(verb, {}), Context())
    except _Refusing as refusing:
        return refusing.refused
    return None


def decide(state: State, command: Command, context: Context = Context()) -> ev.AnyEvent | Refused:
    """The event this command becomes, or why it is refused."""
    try:
        _verb_allowed(state, command.verb)
        return HANDLERS[command.verb](state, command, context)
    except _Refusing as refusing:
        refused = refusing.refused
        return refused if refused.col != 1 else Refused(refused.code, refused.params, command.col)


# ── a journal read back: the decisions it records, counted again ──────────────


Counted = ev.VoteCounted | ev.RollCallClosed | ev.TieBroken


def counted_again(state: State, event: Counted) -> ev.Outcome | None:
    """The outcome the rules give for the votes this event records, in the state the engine
    wrote it in (the state before it): a journal whose decision says otherwise was edited.
    None where no such decision could be taken: a tie broken that was not awaiting it, a roll
    call closed that was not open, a count with no register."""
    motion = state.motions[event.motion]
    if isinstance(event, ev.VoteCounted):
        recorded = event.outcome
        tally = Tally(recorded.yes, recorded.no, recorded.abstain, recorded.blank)
        change = event.register_ or (ev.Register(added=event.entitled) if event.entitled is not None else None)
        if change is not None:
            entitled = [voter for voter in registered(state, change) if voter is not None]
        elif motion.poll is not None:
            entitled = motion.poll.entitled
        else:
            return None
        return _count(state, motion, tally, entitled)
    if isinstance(event, ev.RollCallClosed):
        poll = motion.poll
        return _roll_call_closed(state, motion, poll).outcome if poll and poll.method == "roll_call" else None
    tied = motion.outcome
    if tied is None or tied.awaiting != event.by:
        return None
    return _tie_decided(state, motion, tied, event.by, event.choice)


def declared_again(state: State, event: ev.ResultDeclared) -> ev.ResultDeclared | None:
    """The round as the rules count it from its tellers' report or papers; None where no round
    of that number is open. A round whose ties were broken by lots is taken as recorded: the
    lots were drawn from bytes the journal does not keep."""
    election = state.elections[event.election]
    ballot = election.open_round
    if ballot is None or ballot.number != event.round:
        return None
    return event if _drew_lots(event) else _round_declared(state, election, ballot, b"")


def _drew_lots(event: ev.ResultDeclared) -> bool:
    if event.ballot is not None:
        decisions = event.ballot.decisions
        ties = []
    else:
        assert event.count is not None
        decisions = tuple(d for stage in event.count.stages for d in stage.decisions)
        ties = [stage.tie for stage in event.count.stages]
    ties += [decision.tie for decision in decisions]
    return any(tie is not None and tie.by == "lots" for tie in ties)
