"""Parliamentary procedure: which motions are in order now, and what decides each.

The standard motion table (`STANDARD_MOTIONS`) with the council's overrides applied; a motion
is in order only if it outranks the immediately pending one and applies to what is pending.
Each refusal is a code a chair can read: "out of order: a main motion is pending".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from meeting.domain import events as ev
from meeting.domain.attendance import quorum_status
from meeting.domain.diff import only_adds
from meeting.domain.elections.conduct import round_open
from meeting.domain.motions import MOTION_KINDS, MOTION_WORDS, STANDARD_MOTIONS, MotionKind, MotionRule
from meeting.domain.outcome import BUILT_IN_CLASSES
from meeting.domain.rules import DecisionClass, Rules
from meeting.domain.state import DISPOSING, Motion, State

# The motions a member makes: those moved with `move to KIND`, and a point of order.
MOVABLE: tuple[MotionKind, ...] = tuple(
    kind for kind in MOTION_KINDS if kind == "point_of_order" or STANDARD_MOTIONS[kind].word in MOTION_WORDS
)

# Without a quorum, only these motions are in order (RONR §40).
# "An inquorate meeting may only adjourn or recess" (council.md), narrower than RONR 40:6,
# which also lets it fix the time to which to adjourn; a point of order is how a member says so.
WITHOUT_QUORUM: frozenset[MotionKind] = frozenset({"adjourn", "recess", "point_of_order"})

# Subsidiary motions act on the main motion with everything adhering to it...
_ON_MAIN: frozenset[MotionKind] = frozenset({"lay_on_table", "postpone", "commit", "postpone_indefinitely"})
# ...or on the immediately pending question.
_ON_PENDING: frozenset[MotionKind] = frozenset({"amend", "previous_question", "limit_debate"})


def motion_rule(rules: Rules, kind: MotionKind) -> MotionRule:
    """The standard row, with the council's changes to it."""
    rule = STANDARD_MOTIONS[kind]
    override = rules.motions.get(kind)
    if override is None:
        return rule
    changes = {
        name: value
        for name in ("needs_second", "debatable", "amendable")
        if (value := getattr(override, name)) is not None
    }
    return replace(rule, **changes)


def allowed(rules: Rules, kind: MotionKind) -> bool:
    override = rules.motions.get(kind)
    return override is None or override.allowed is not False


@dataclass(frozen=True, slots=True)
class OutOfOrder:
    code: str
    params: dict[str, object]


def _out(code: str, **params: object) -> OutOfOrder:
    return OutOfOrder(code, params)


def voting_open(state: State) -> Motion | None:
    """The motion a roll call or a ballot is open on, if any: its answers or totals awaited."""
    for number in state.stack:
        motion = state.motions[number]
        if motion.poll is not None and motion.outcome is None:
            return motion
    return None


def main_motion(state: State) -> Motion | None:
    """The main motion on the floor, if any (the bottom of the stack)."""
    if state.stack:
        bottom = state.motions[state.stack[0]]
        if bottom.kind == "main":
            return bottom
    return None


def amendment_depth(state: State, motion: Motion) -> int:
    depth = 0
    while motion.kind == "amend" and motion.applies_to is not None:
        depth += 1
        motion = state.motions[motion.applies_to]
    return depth


def last_decided(state: State) -> Motion | None:
    """The motion most recently decided in its own right (by a vote, by consent, by the chair's
    ruling), and still decided: not one it set aside (a motion ruled out of order, laid on the
    table...), nor one back on the floor."""
    for number in reversed(state.decided):
        motion = state.motions[number]
        if motion.status != "pending" and motion.decided_seq is not None:
            return motion
    return None


def nothing_since(state: State, motion: Motion) -> bool:
    """Whether the meeting has not gone on since the motion was decided: attendance, proxies,
    notes, actions and the speakers' list are not business (`State.proceeded`). A ruling is
    appealed (RONR §24), and a division demanded (RONR §29), only then."""
    return motion.decided_seq is not None and motion.decided_seq == state.proceeded


def reconsiderable(state: State, motion: Motion) -> bool:
    """A motion that may be reconsidered (RONR §37); see `reconsider_refusal`."""
    return reconsider_refusal(state, motion) is None


def reconsider_refusal(state: State, motion: Motion) -> OutOfOrder | None:
    """Why a motion may not be reconsidered, or None (RONR §37): it must be decided by a vote
    or by consent in this sitting, still decided, of a kind that is reconsidered, and not
    reconsidered before. A motion that acted on another (an amendment, the previous question,
    a lost motion to postpone or refer) only while that one is still pending, and an amendment
    only while the text is still the one it made: once the main question is decided, it is
    the main question that is reconsidered first. A motion that disposed of the main motion
    (postponed it, referred it, postponed it indefinitely, sustained an objection to
    considering it) while that motion is still set aside by it; a motion to postpone
    indefinitely only when adopted (§11), an objection only when sustained (§26); the previous
    question, once ordered, only until a vote has been taken under it (§16)."""
    number = motion.number
    if motion.status == "pending":
        return _out("motion.reconsider-pending", motion=number)
    if motion.method in (None, "chair"):
        by = set_aside_by(state, motion)
        if by is not None and reconsider_refusal(state, by) is None:
            return _out("motion.reconsider-set-aside", motion=number, by=by.number)
        return _out("motion.not-reconsiderable", motion=number)
    if motion.kind in _NOT_RECONSIDERED:
        return _out("motion.reconsider-kind", motion=number, kind=motion.kind)
    if motion.decided_sitting != state.sitting:
        return _out("motion.reconsider-earlier-sitting", motion=number)
    if motion.reconsidered:
        return _out("motion.reconsider-twice", motion=number)
    if motion.applies_to is None:
        return None
    voted = decided_under(state, motion)
    if voted is not None:
        return _out("motion.reconsider-vote-taken", motion=number, target=voted)
    target = state.motions[motion.applies_to]
    if motion.status != "carried":
        if motion.kind == "postpone_indefinitely":
            return _out("motion.reconsider-only-adopted", motion=number)
        if motion.kind == "objection_to_consideration":
            return _out("motion.reconsider-not-sustained", motion=number)
    elif motion.kind in DISPOSING and target.status == DISPOSING[motion.kind] and target.number not in state.stack:
        return None  # the main motion still set aside by it: both come back
    if target.status != "pending":
        if target.method in (None, "chair"):
            return _out("motion.reconsider-target-gone", motion=number, target=target.number)
        return _out("motion.reconsider-target-first", motion=number, target=target.number)
    if motion.kind == "amend" and motion.status == "carried" and target.text != motion.text:
        return _out("motion.reconsider-text-changed", motion=number, target=target.number)
    return None


def decided_under(state: State, motion: Motion) -> int | None:
    """A question that a previous question ordered (this motion, carried) closed debate on and
    that has been decided since: a vote taken under it (RONR §16), or None."""
    before, named = motion.before_effect, motion.applies_to
    if motion.kind != "previous_question" or motion.status != "carried" or before is None or named is None:
        return None
    stack = before.stack
    closed = stack[stack.index(named) :] if named in stack else [named]
    after = motion.decided_seq or 0
    return next(
        (n for n in closed if (seq := state.motions[n].decided_seq) is not None and seq > after),
        None,
    )


def set_aside_by(state: State, motion: Motion) -> Motion | None:
    """The motion whose carrying set this main motion aside (postponed, referred, dismissed),
    while it is still set aside by it."""
    for number in reversed(state.decided):
        by = state.motions[number]
        if by.applies_to == motion.number and by.kind in DISPOSING and by.status == "carried":
            return by if DISPOSING[by.kind] == motion.status and motion.number not in state.stack else None
    return None


# Motions whose decision is not reconsidered (RONR §37:10): what is done is done, or another
# motion undoes it (a motion laid on the table is taken from it).
_NOT_RECONSIDERED: frozenset[MotionKind] = frozenset(
    {
        "fix_time_to_adjourn",
        "adjourn",
        "recess",
        "question_of_privilege",
        "orders_of_the_day",
        "lay_on_table",
        "take_from_table",
        "suspend_rules",
        "reconsider",
        "withdraw",
        "change_agenda",
        "division_of_assembly",
    }
)


def target_of(state: State, kind: MotionKind) -> int | None:
    """The motion that a motion of this kind would act on now."""
    pending = state.pending
    if kind in _ON_PENDING:
        return pending.number if pending else None
    if kind in _ON_MAIN:
        main = main_motion(state)
        return main.number if main else None
    if kind == "objection_to_consideration":
        return pending.number if pending and pending.kind == "main" else None
    if kind == "take_from_table":
        here = [number for number in state.tabled if state.motions[number].item == state.current]
        return here[-1] if here else None
    if kind == "reconsider":
        # The last motion decided that may be reconsidered now (see `_target_out_of_order`).
        return next((n for n in reversed(state.decided) if _target_out_of_order(state, kind, n) is None), None)
    if kind == "appeal":
        decided = last_decided(state)
        return decided.number if decided else None
    return None


def out_of_order(state: State, kind: MotionKind, target: int | None = None) -> OutOfOrder | None:
    """Why a motion of this kind may not be made now (on the motion `target`, for the motions
    that name one); None when it is in order."""
    rules = state.meeting.rules
    if not allowed(rules, kind):
        return _out("motion.not-allowed", kind=kind)
    rule = STANDARD_MOTIONS[kind]
    pending = state.pending
    if pending is not None and pending.kind == "point_of_order":
        return _out("motion.point-pending")
    voting = voting_open(state)
    balloting = round_open(state)  # an election's ballot is not interrupted either
    if (voting or balloting) and kind != "point_of_order" and (kind not in WITHOUT_QUORUM or quorum_status(state).met):
        if voting is not None:
            return _out("motion.voting-open", motion=voting.number)
        assert balloting is not None
        return _out("election.round-open", election=balloting.id)
    if target is not None:
        return _target_out_of_order(state, kind, target)
    if kind == "main":
        return _out("motion.main-pending") if state.stack else None
    if rule.rank is not None and rule.rank >= 9:  # privileged
        pending_rank = STANDARD_MOTIONS[pending.kind].rank if pending else None
        if pending is not None and pending_rank is not None and pending_rank >= rule.rank:
            return _out("motion.outranked", pending=pending.kind)
        return None
    if kind == "amend":
        # An amendment applies to any amendable pending motion, whatever its rank (§12).
        if pending is None:
            return _out("motion.no-main")
        if not motion_rule(rules, pending.kind).amendable:
            return _out("motion.not-amendable", pending=pending.kind)
        if amendment_depth(state, pending) >= 2:
            return _out("motion.amend-too-deep")
        return _out("motion.debate-closed") if pending.debate_closed else None
    if rule.rank is not None:  # subsidiary
        if main_motion(state) is None:
            return _out("motion.no-main")
        assert pending is not None
        pending_rank = STANDARD_MOTIONS[pending.kind].rank
        if pending_rank is None or pending_rank >= rule.rank:
            return _out("motion.outranked", pending=pending.kind)
        if pending.debate_closed and kind != "lay_on_table":
            # Once the previous question is ordered, the question is put (§16); it may be tabled.
            return _out("motion.debate-closed")
        return None
    return _incidental_out_of_order(state, kind)


def _debated(state: State, motion: Motion) -> bool:
    """Whether anyone has had the floor on the item since the motion was moved, or a
    subsidiary motion other than to lay on the table was moved on it (RONR §26:2): an
    amendment moved and lost had let an objection to consideration kill the main motion."""
    item = state.items.get(motion.item) if motion.item else None
    if item is not None and len(item.speakers) > motion.heard_before:
        return True
    subsidiary = (_ON_MAIN | _ON_PENDING) - {"lay_on_table"}
    return any(m.applies_to == motion.number and m.kind in subsidiary for m in state.motions.values())


def _incidental_out_of_order(state: State, kind: MotionKind) -> OutOfOrder | None:
    pending = state.pending
    if kind in ("point_of_order", "suspend_rules"):
        return None
    if kind == "objection_to_consideration":
        main = main_motion(state)
        fresh = main is not None and len(state.stack) == 1 and main.consensus is None and not _debated(state, main)
        return None if fresh else _out("motion.objection-too-late")
    if kind == "division_of_question":
        # The question divided is immediately pending: the main motion or an amendment to it,
        # or the main motion while a motion to postpone it indefinitely is (RONR §27).
        if main_motion(state) is None:
            return _out("motion.no-main")
        assert pending is not None
        return None if _divisible(state, pending) else _out("motion.divide-not-pending", pending=pending.kind)
    if kind == "appeal":
        # Any ruling of the chair may be appealed: on a point of order, on a question of
        # privilege (RONR §19, §24).
        decided = last_decided(state)
        if decided is None or not ruled_by_chair(decided) or decided.ruling is None:
            return _out("motion.no-ruling")
        # At the time of the ruling: once debate or business has gone on, too late (RONR §24).
        return None if nothing_since(state, decided) else _out("motion.appeal-too-late", motion=decided.number)
    if kind == "reconsider":
        return _reconsider_out_of_order(state)
    if pending is not None:
        return _out("motion.main-pending")
    if kind == "take_from_table":
        if not state.tabled:
            return _out("motion.nothing-tabled")
        number = target_of(state, kind)
        if number is None:
            return _out("motion.nothing-tabled-here")
        return take_from_table_refusal(state, state.motions[number])
    return None


def _divisible(state: State, pending: Motion) -> bool:
    """Whether a division of the question may be moved with this motion immediately pending."""
    while pending.kind == "amend" and pending.applies_to is not None:
        pending = state.motions[pending.applies_to]
    return pending.kind in ("main", "postpone_indefinitely")


def _reconsider_out_of_order(state: State) -> OutOfOrder | None:
    """A motion to reconsider without a number: in order when some motion may be reconsidered
    now; else why the last one that may be reconsidered may not be now (something pending), or
    that a question is pending, or that nothing may be reconsidered."""
    if target_of(state, "reconsider") is not None:
        return None
    latest = next((n for n in reversed(state.decided) if reconsiderable(state, state.motions[n])), None)
    if latest is not None:
        return _target_out_of_order(state, "reconsider", latest)
    return _out("motion.main-pending") if state.pending is not None else _out("motion.nothing-to-reconsider")


# The motions that name the motion they act on (`move to reconsider #10 by ...`,
# `move to take-from-table #4 by ...`; `move to close-debate #1 by ...` closes debate on every
# pending question down to #1, RONR §16; `move to rescind #3 ...` a decision of this meeting);
# without a number, `target_of` says which (a rescind without one: a decision of an earlier
# meeting, which its text names).
NAMING_A_MOTION: frozenset[MotionKind] = frozenset({"reconsider", "take_from_table", "previous_question", "rescind"})


def withdraw_refusal(state: State, number: int) -> OutOfOrder | None:
    """Why leave to withdraw this motion may not be asked now, or None (RONR §33): any motion
    on the floor, whatever is pending on it, until voting on it begins; not while a request to
    withdraw is pending, nor past a point of order, which the chair rules on first."""
    motion = state.motions.get(number)
    if motion is None:
        return _out("motion.no-such-motion", motion=number)
    if number not in state.stack:
        return _out("motion.withdraw-not-pending", motion=number)
    pending = state.pending
    assert pending is not None
    if pending.kind == "withdraw":
        return _out("motion.withdraw-pending", motion=pending.number)
    if pending.kind == "point_of_order" and pending is not motion:
        return _out("motion.point-pending")
    return None


def motions_to_withdraw(state: State) -> list[int]:
    """The motions `withdraw #N` may name now, the immediately pending first."""
    return [number for number in reversed(state.stack) if withdraw_refusal(state, number) is None]


def rescind_refusal(motion: Motion) -> OutOfOrder | None:
    """Why this decision may not be rescinded, or None (RONR §35): only what was adopted, a
    main motion carried (a question, not a step of procedure), is rescinded."""
    if motion.kind != "main" or motion.status != "carried":
        return _out("motion.rescind-not-adopted", motion=motion.number)
    return None


def rescinding_class(state: State, motion: Motion) -> str | None:
    """The class a motion to rescind is decided under when the decision it names was adopted
    under a class that the rules say is rescinded only as it was adopted (a constitutional
    amendment: RONR §35:2, §57:1): that class, not the rescind's own."""
    target = state.motions.get(motion.applies_to) if motion.applies_to is not None else None
    if target is None:
        return None
    if target.outcome is not None:
        adopted: str | None = target.outcome.class_id
    else:  # by general consent: the class a vote on it would have been under
        decision = decision_for(state, target)
        adopted = decision[0] if decision is not None else None
    classes = state.meeting.rules.classes
    return adopted if adopted in classes and classes[adopted].rescinded_as_adopted else None


def rescinded_by_either_rule(state: State, motion: Motion) -> bool:
    """Whether a motion to rescind is decided under RONR's own rule (§35:2), where two-thirds of
    the votes cast or a majority of the entire membership adopts it: not under a class the rules
    name for rescinding, nor under the class of a decision rescinded only as it was adopted."""
    if motion.kind != "rescind" or rescinding_class(state, motion) is not None:
        return False
    override = state.meeting.rules.motions.get("rescind")
    return override is None or override.decision_class is None


def substitute_refusal(state: State, target: Motion | None, text: str) -> OutOfOrder | None:
    """Why this amendment may not be moved, or None (RONR §12:69-76): every amendment here puts
    a whole new text in place of the motion's, so once one is adopted the motion is amended
    again only by adding words to the text adopted, never by replacing it. A secondary amendment
    (to a pending amendment) is not concerned."""
    if target is None or target.kind == "amend":
        return None
    adopted = any(
        other.kind == "amend" and other.applies_to == target.number and other.status == "carried"
        for other in state.motions.values()
    )
    return (
        _out("motion.substitute-adopted", motion=target.number)
        if adopted and not only_adds(target.text, text)
        else None
    )


def take_from_table_refusal(state: State, motion: Motion) -> OutOfOrder | None:
    """Why this motion may not be taken from the table now, or None (RONR §34): it lies on the
    table, was laid there under the item open, and some business (a decision, an item opened)
    was done since."""
    if motion.number not in state.tabled:
        return _out("motion.not-tabled", motion=motion.number)
    if motion.item != state.current:
        return _out("motion.tabled-other-item", motion=motion.number, item=motion.item)
    return None if state.business > motion.tabled_after else _out("motion.no-business-since-tabled")


def _target_out_of_order(state: State, kind: MotionKind, target: int) -> OutOfOrder | None:
    """A motion named by its number: it exists, and may be reconsidered, or taken from the
    table, now."""
    motion = state.motions.get(target)
    if motion is None:
        return _out("motion.no-such-motion", motion=target)
    if kind == "take_from_table":
        return _out("motion.main-pending") if state.pending is not None else take_from_table_refusal(state, motion)
    if kind == "rescind":
        return out_of_order(state, kind) or rescind_refusal(motion)
    if kind == "previous_question":
        # In order as on the immediately pending question, and the one named is pending too.
        problem = out_of_order(state, kind)
        if problem is None and target not in state.stack:
            return _out("motion.close-debate-not-pending", motion=target)
        return problem
    # Reconsidering an amendment (or another motion on a pending one) comes while that one is
    # pending; any other motion is reconsidered when nothing is.
    if state.pending is not None and motion.applies_to not in state.stack:
        return _out("motion.main-pending")
    return reconsider_refusal(state, motion) or _comes_back_out_of_order(state, motion)


def _comes_back_out_of_order(state: State, motion: Motion) -> OutOfOrder | None:
    """Why a motion reconsidered while questions are pending may not come back now, or None: it
    comes back on top, with its own rank (RONR §37), so it must be one that could be moved on the
    immediately pending motion: an amendment only to that motion itself (one amendment at a time,
    §12), any other motion only if it outranks it. Until then the reconsideration waits: it is
    refused, and moved once the motions above have been decided."""
    pending = state.pending
    if pending is None:
        return None
    if motion.kind == "amend":
        fits = motion.applies_to == pending.number
    else:
        rank, pending_rank = STANDARD_MOTIONS[motion.kind].rank, STANDARD_MOTIONS[pending.kind].rank
        fits = rank is not None and pending_rank is not None and rank > pending_rank
    if fits:
        return None
    return _out("motion.reconsider-outranked", motion=motion.number, above=pending.number, pending=pending.kind)


def motions_in_order(state: State) -> list[MotionKind]:
    """Every motion a member could make now, highest rank first: none while nobody presides or
    outside a session; without a quorum, only those that need none; during a vote, a point of
    order only. The one list the console, `meeting replay` and docs/commands.md show."""
    if state.phase != "in_session" or state.chair is None:
        return []
    quorate = quorum_status(state).met
    return [kind for kind in MOVABLE if (quorate or kind in WITHOUT_QUORUM) and out_of_order(state, kind) is None]


def motions_to_name(state: State, kind: MotionKind) -> list[int]:
    """The motions `move to KIND #N` may name now, the latest first: those decided that may be
    reconsidered or (carried) rescinded, those on the table that may be taken from it, the
    pending questions debate may be closed down to."""
    if kind == "take_from_table":
        candidates: Iterable[int] = reversed(state.tabled)
    elif kind == "previous_question":
        candidates = reversed(state.stack)
    else:
        candidates = dict.fromkeys(reversed(state.decided))
    return [number for number in candidates if _target_out_of_order(state, kind, number) is None]


def motions_to_reconsider(state: State) -> list[int]:
    """The motions `move reconsider` may name now, the latest decided first."""
    return motions_to_name(state, "reconsider")


def publish_refusal(state: State, number: int) -> str | None:
    """Why a decision cannot be made public now, or None: it was decided in closed session and
    is not public yet."""
    motion = state.motions.get(number)
    if motion is None:
        return "publish.no-motion"
    if motion.item is None or not state.items[motion.item].item.closed:
        return "publish.not-closed"
    if motion.status == "pending":
        return "publish.undecided"
    if number in state.published:
        return "publish.already"
    return None


def motions_to_publish(state: State) -> list[int]:
    return [number for number in state.motions if publish_refusal(state, number) is None]


def postal_ballot_open(motion: Motion) -> bool:
    """Members may ask for a postal ballot on a decision taken short of its class's own quorum."""
    quorum = motion.outcome.quorum if motion.outcome is not None else None
    return quorum is not None and quorum.requests_needed is not None and motion.status in ("carried", "lost")


def motions_open_to_postal_ballot(state: State) -> list[int]:
    return [number for number, motion in state.motions.items() if postal_ballot_open(motion)]


def decided_in_secret(state: State, motion: Motion) -> bool:
    """Whether the motion is decided in secret: any question on a secret-ballot item, its
    amendments and other subsidiary motions included; not the privileged motions (adjourn,
    recess...) and changes to the agenda, which concern the meeting rather than the item."""
    item = state.items[motion.item].item if motion.item else None
    rank = STANDARD_MOTIONS[motion.kind].rank
    about_the_meeting = (rank is not None and rank >= 9) or motion.kind == "change_agenda"
    return item is not None and item.vote == "secret_ballot" and not about_the_meeting


def main_motions_on(state: State, item: str) -> list[Motion]:
    """The main motions moved under an item, in order."""
    return [motion for motion in state.motions.values() if motion.item == item and motion.kind == "main"]


def draft_still_to_move(state: State, item: str) -> bool:
    """Whether the item's drafted motion is still to be moved: none of the item's main motions
    is pending, decided, on the table or sent elsewhere (one withdrawn or ruled out of order
    leaves it to move; one lost is not moved again at the same session, RONR §38)."""
    return all(motion.status in ("withdrawn", "ruled_out") for motion in main_motions_on(state, item))


def consensus_first_suspended(state: State, motion: Motion) -> bool:
    """Whether the rules were suspended (by two-thirds, RONR §25) while this motion was pending
    under its item: of the rules the engine keeps, seeking consensus first is the one a
    suspension sets aside for the question pending ("to put the motion to a vote without
    seeking consensus"), and the question goes to a vote."""
    return any(
        other.kind == "suspend_rules"
        and other.status == "carried"
        and other.item == motion.item
        and other.number > motion.number
        for other in state.motions.values()
    )


def draft_left_unmoved(state: State, event: ev.AnyEvent) -> str | None:
    """The item this event (not yet applied) marks done with its drafted motion still to move,
    so that nothing was decided on it: the chair is warned (a warning, not a block), and the
    minutes list it among the unfinished business."""
    if isinstance(event, ev.ItemClosed) and event.status == "done":
        item: str | None = event.item
    elif isinstance(event, ev.ItemOpened) and event.leaving == "done":
        item = state.current
    else:
        return None
    return item if item is not None and draft_unmoved(state, item) else None


def draft_unmoved(state: State, item: str) -> bool:
    """Whether the item has a drafted motion still to move."""
    return state.items[item].item.motion is not None and draft_still_to_move(state, item)


def ruled_by_chair(motion: Motion) -> bool:
    """A question the chair decides alone, by a ruling (a point of order), not put to a vote."""
    return STANDARD_MOTIONS[motion.kind].decided_by == "chair"


def chair_to_rule(state: State) -> bool:
    """The pending question waits for the chair's ruling."""
    return state.pending is not None and ruled_by_chair(state.pending)


def decision_for(state: State, motion: Motion) -> tuple[str, DecisionClass] | None:
    """The decision class a vote on this motion is decided under; None when the chair rules."""
    rules = state.meeting.rules
    if motion.kind == "rescind" and (binding := rescinding_class(state, motion)) is not None:
        return binding, rules.classes[binding]
    override = rules.motions.get(motion.kind)
    if override is not None and override.decision_class is not None:
        return override.decision_class, rules.classes[override.decision_class]
    decided_by = STANDARD_MOTIONS[motion.kind].decided_by
    if decided_by == "chair":
        return None
    if decided_by == "item":
        item = state.items.get(motion.item) if motion.item else None
        class_id = (item.item.decision_class if item else None) or rules.default_class
        return class_id, rules.classes[class_id]
    return decided_by, BUILT_IN_CLASSES[decided_by]
