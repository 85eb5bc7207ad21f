"""Building the minutes from a journal's state and events: `build` is `minutes_of`.

Everything a rule decides comes from the domain: the state (where the meeting ended up), the
outcomes the engine recorded (counts and arithmetic), `how_decided`, `roll_call_by_region`,
`quorum_status` (through `meeting.domain.record`). This module only reads and says them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from meeting.domain import events as ev
from meeting.domain.attendance import QuorumStatus
from meeting.domain.council import Council, Member
from meeting.domain.decisions import how_decided, roll_call_by_region
from meeting.domain.record import (
    QuorumChange,
    Span,
    Step,
    chronicle,
    item_spans,
    last_decisions,
    quorum_changes,
)
from meeting.domain.state import Motion, Recorded, State
from meeting.i18n import N_, _, language
from meeting.minutes import model as m
from meeting.report import describe, minutes_used
from meeting.vocabulary import (
    ATTENDANCE,
    ATTENDED,
    CHOICES,
    HOW,
    ITEM_KINDS,
    ITEM_STATUS,
    MEETING_KINDS,
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    PHASES,
    RESULTS,
    ROLES,
    RULINGS,
    TIE_BREAKERS,
    VIA,
    about,
    date_words,
    item_words,
    lower_first,
    region_name,
    upper_first,
    who,
)
from meeting.words import (
    amount_text,
    exact_words,
    outcome_threshold_words,
    outcome_words,
    quorum_status_words,
    quorum_words,
)


@dataclass(frozen=True, slots=True)
class Clock:
    """Times as the minutes show them: HH:MM in the meeting's zone, the date in front when
    it is not the meeting's day."""

    zone: ZoneInfo
    day: date

    def __call__(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        return local.strftime("%H:%M") if local.date() == self.day else local.strftime("%Y-%m-%d %H:%M")


class _Context:
    """The final state and what the sentences need from it."""

    def __init__(self, state: State, steps: list[Step]) -> None:
        self.state = state
        self.council: Council = state.meeting.council
        agenda = state.meeting.agenda
        self.clock = Clock(ZoneInfo(agenda.time_zone), agenda.scheduled_start.date())
        self.steps = steps
        self.number = {item_id: n for n, item_id in enumerate(state.order, start=1)}

    def person(self, member_id: str) -> m.Person:
        member = self.council.member(member_id)
        if member is None:
            return m.Person(id=member_id, name=member_id)
        return m.Person(id=member.id, name=member.name, about=about(self.council, member))

    def who(self, member_id: str) -> str:
        return who(self.council, member_id)

    def names(self, member_ids: Sequence[str]) -> str:
        return _(", ").join(self.who(member) for member in member_ids)

    def item_words(self, item_id: str) -> str:
        return item_words(self.state, item_id)

    def label(self, motion: Motion) -> str:
        if motion.kind == "main":
            return _("Motion #{number}").format(number=motion.number)
        if motion.kind == "amend":
            target = self.state.motions.get(motion.applies_to) if motion.applies_to else None
            if target is not None and target.kind == "amend":
                return _("Amendment #{number} to amendment #{target}").format(
                    number=motion.number, target=target.number
                )
            return _("Amendment #{number} to motion #{target}").format(number=motion.number, target=motion.applies_to)
        if motion.kind == "point_of_order":
            return _("Point of order #{number}").format(number=motion.number)
        return _("Motion #{number} ({kind})").format(number=motion.number, kind=_(MOTION_NAMES[motion.kind]))


# ── votes and motions ─────────────────────────────────────────────────────────


def _vote(ctx: _Context, motion: Motion) -> m.VoteRecord | None:
    outcome = motion.outcome
    if outcome is None or motion.method not in ("show_of_hands", "roll_call", "secret_ballot"):
        return None
    roll_call: list[m.RollCallVote] = []
    by_region: list[m.RegionTally] = []
    poll = motion.poll
    if motion.method == "roll_call" and poll is not None and poll.method == "roll_call":
        for voter in poll.entitled:
            cast = poll.choices.get(voter.seat)
            choice = cast[1] if cast else "none"
            actual = cast[0] if cast else voter
            roll_call.append(_roll_call_vote(ctx, actual, choice))
        answered = {v.seat for v in poll.entitled}
        for seat, (voter, choice) in poll.choices.items():  # a seat that answered outside the list
            if seat not in answered:
                roll_call.append(_roll_call_vote(ctx, voter, choice))
        regions = {r.id: n for n, r in enumerate(ctx.council.regions)}
        seats = {s.id: n for n, s in enumerate(ctx.council.members)}
        roll_call.sort(key=lambda v: (regions.get(v.region or "", len(regions)), seats.get(v.seat.id, 0)))
        for count in roll_call_by_region(ctx.state, motion):
            by_region.append(
                m.RegionTally(
                    region=count.region,
                    name=region_name(ctx.council, count.region),
                    yes=count.yes,
                    no=count.no,
                    abstain=count.abstain,
                )
            )
    return m.VoteRecord(
        at=ctx.clock(motion.decided_at) if motion.decided_at else "",
        method=motion.method,
        method_words=_(METHODS[motion.method]),
        result=outcome.result,
        result_words=_(RESULTS[outcome.result]),
        yes=outcome.yes,
        no=outcome.no,
        abstain=outcome.abstain,
        blank=outcome.blank,
        entitled=len(motion.entitled),
        class_id=outcome.class_id,
        base_of=outcome.of,
        base=outcome.base,
        bound=outcome.bound,
        amount=str(amount_text(outcome.amount)),
        required=_exact_text(outcome.required),
        required_words=exact_words(outcome.required),
        threshold_words=outcome_threshold_words(outcome),
        tie_broken_by=outcome.tie_broken_by,
        words=outcome_words(outcome),
        by_region=by_region,
        roll_call=roll_call,
    )


def _roll_call_vote(ctx: _Context, voter: ev.Voter, choice: str) -> m.RollCallVote:
    seat = ctx.council.member(voter.seat)
    region = ctx.council.region(seat.region) if seat and seat.region else None
    return m.RollCallVote(
        seat=ctx.person(voter.seat),
        voter=ctx.person(voter.voter),
        via=voter.via,
        via_words=_(VIA[voter.via]) if voter.via in VIA else None,
        region=region.id if region else None,
        region_name=region.name if region else None,
        choice=choice,
        choice_words=_(CHOICES[choice]),
    )


def _exact_text(value: object) -> str:
    assert isinstance(value, Fraction)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def _how(ctx: _Context, motion: Motion) -> tuple[str | None, str | None, list[str]]:
    how = how_decided(motion)
    if how is None or motion.status in ("withdrawn", "tabled", "postponed", "dismissed"):
        return None, None, []
    if motion.status == "referred" and how.path != "referred":
        return None, None, []
    blocked = list(how.blocked_by)
    return how.path, _(HOW[how.path]).format(blocked=ctx.names(blocked)), blocked


def _motion(ctx: _Context, motion: Motion) -> m.MotionRecord:
    how, how_words, blocked = _how(ctx, motion)
    vote = _vote(ctx, motion)
    consensus = None
    if motion.consensus is not None:
        consensus = m.ConsensusRecord(
            blocks=[m.Block(member=ctx.person(member), reason=reason) for member, reason in motion.consensus.blocks],
            asides=[ctx.person(member) for member in motion.consensus.asides],
            result=motion.consensus.result,
        )
    earlier = [
        m.EarlierDecision(status=before.status, status_words=_(MOTION_STATUS[before.status]), vote=_vote(ctx, before))
        for before in motion.earlier
    ]
    shows_text = motion.kind in ("main", "amend", "point_of_order") or (motion.text and motion.applies_to is None)
    text = motion.text if shows_text and motion.text else None
    translation = _translation(ctx, motion)
    return m.MotionRecord(
        number=motion.number,
        item=motion.item,
        kind=motion.kind,
        kind_words=_(MOTION_NAMES[motion.kind]),
        label=ctx.label(motion),
        text=text,
        original_text=motion.original_text
        if text and motion.original_text and motion.original_text != motion.text
        else None,
        translation=translation,
        applies_to=motion.applies_to,
        mover=ctx.person(motion.mover),
        seconder=ctx.person(motion.seconder) if motion.seconder else None,
        moved_at=ctx.clock(motion.moved_at),
        status=motion.status,
        status_words=_(MOTION_STATUS[motion.status]),
        decided_at=ctx.clock(motion.decided_at) if motion.decided_at else None,
        method=motion.method,
        how=how,
        how_words=how_words,
        blocked_by=[ctx.person(member) for member in blocked],
        consensus=consensus,
        objections=[ctx.person(member) for member in motion.objections],
        ruling=motion.ruling,
        ruling_words=_(RULINGS[motion.ruling]) if motion.ruling else None,
        appeal=motion.appeal,
        vote=vote,
        earlier=earlier,
        summary=_summary(ctx, motion, vote, how_words),
    )


def _translation(ctx: _Context, motion: Motion) -> str | None:
    """The agenda's translation of a draft motion moved as written, in the minutes' language."""
    item = ctx.state.items.get(motion.item) if motion.item else None
    draft = item.item.motion if item else None
    if motion.kind != "main" or draft is None or motion.text != draft.text:
        return None
    return draft.translations.get(language())


def _summary(ctx: _Context, motion: Motion, vote: m.VoteRecord | None, how_words: str | None) -> str:
    """The decision in one sentence, for the table of decisions."""
    how = how_decided(motion)
    told = how is not None and how.path in _TOLD_BY_THE_COUNT
    if motion.kind == "point_of_order" and motion.ruling:
        return _("Ruled {ruling}.").format(ruling=_(RULINGS[motion.ruling]))
    if vote is not None:
        effect = _effect(motion, vote.result)
        return vote.words + "." + (f" {effect}" if effect else "") + ("" if told or not how_words else " " + how_words)
    if how_words and motion.status in ("carried", "referred"):
        return how_words
    return upper_first(_(MOTION_STATUS[motion.status])) + "."


# Ways of deciding that the sentence of the result already says.
_TOLD_BY_THE_COUNT = frozenset({"vote", "chair", "unanimous_consent", "consensus"})


# ── what was done: the proceedings ────────────────────────────────────────────


def _moved(ctx: _Context, event: ev.MotionMoved) -> str:
    motion = ctx.state.motions[event.motion]
    head = ctx.label(motion)
    target = ctx.state.motions.get(event.applies_to) if event.applies_to is not None else None
    if motion.kind not in ("main", "amend") and target is not None:
        head += " " + _("on {target}").format(target=lower_first(ctx.label(target)))
    by = _("moved by {mover}").format(mover=ctx.who(event.mover))
    if event.seconder:
        by += _(", seconded by {seconder}").format(seconder=ctx.who(event.seconder))
    shows_text = motion.kind in ("main", "amend") or (event.text and event.applies_to is None)
    if shows_text and event.text:
        return _("{head}, {by}: {text}").format(head=head, by=by, text=event.text)
    return _("{head}, {by}.").format(head=head, by=by)


_EFFECTS = {
    "lay_on_table": N_("Motion #{target} was laid on the table."),
    "take_from_table": N_("Motion #{target} was taken from the table and is again before the meeting."),
    "postpone": N_("Motion #{target} was postponed."),
    "commit": N_("Motion #{target} was referred to a committee."),
    "postpone_indefinitely": N_("Motion #{target} was dismissed (postponed indefinitely)."),
    "objection_to_consideration": N_("Motion #{target} will not be considered."),
    "previous_question": N_("Debate on motion #{target} was closed."),
    "reconsider": N_("Motion #{target} is again before the meeting."),
    "amend": N_("Motion #{target} was amended accordingly."),
    "adjourn": N_("The meeting adjourned."),
    "recess": N_("The meeting went into recess."),
}


def _effect(motion: Motion, result: str) -> str | None:
    """What a carried motion did to another, in words (the state did it)."""
    if motion.kind == "appeal":
        return (
            _("The ruling of the chair was sustained.")
            if result == "carried"
            else _("The ruling of the chair was reversed.")
        )
    if result != "carried" or motion.kind not in _EFFECTS:
        return None
    return _(_EFFECTS[motion.kind]).format(target=motion.applies_to)


def _decided(ctx: _Context, step: Step, motion: Motion, outcome: ev.Outcome, method: str, last: dict[int, int]) -> str:
    if outcome.result == "pending":
        awaiting = TIE_BREAKERS.get(outcome.awaiting or "", N_("the chair"))
        text = _("{label}, by {method}: {outcome}; the tie waits for {awaiting}.").format(
            label=ctx.label(motion), method=_(METHODS[method]), outcome=outcome_words(outcome), awaiting=_(awaiting)
        )
        return text
    text = _("{label}, by {method}: {outcome}.").format(
        label=ctx.label(motion), method=_(METHODS[method]), outcome=outcome_words(outcome)
    )
    return _with_effect(ctx, text, step, motion, outcome.result, last)


def _with_effect(ctx: _Context, text: str, step: Step, motion: Motion, result: str, last: dict[int, int]) -> str:
    effect = _effect(motion, result)
    if effect:
        text += " " + effect
    if last.get(motion.number) == step.entry.seq:
        _path, how_words, _blocked = _how(ctx, motion)
        if how_words and _path not in _TOLD_BY_THE_COUNT:
            text += " " + how_words
    return text


def _sentence(ctx: _Context, step: Step, last: dict[int, int]) -> str | None:
    """What one event records, as the minutes say it; None for what they leave out."""
    event = step.entry.event
    motions = ctx.state.motions
    match event:
        case ev.Begun():
            return _("The chair, {chair}, called the meeting to order.").format(
                chair=ctx.who(ctx.state.meeting.agenda.chair)
            )
        case ev.Recessed(minutes=minutes):
            if minutes:
                return _("The chair declared a recess of {minutes} minutes.").format(minutes=minutes)
            return _("The chair declared a recess.")
        case ev.Resumed():
            return _("The meeting resumed.")
        case ev.Adjourned():
            return _("The chair declared the meeting adjourned.")
        case ev.SittingOpened(number=number):
            return _("Sitting {number} of the meeting opened.").format(number=number)
        case ev.ChairHanded(member=member):
            return _("{member} took the chair.").format(member=ctx.who(member))
        case ev.BalanceWaived(reason=reason):
            return _("The chair waived the gender-balance rule: {reason}").format(reason=reason)
        case ev.ItemAdded(item=item):
            return _("{item} was added to the agenda ({minutes} minutes).").format(
                item=upper_first(ctx.item_words(item.id)), minutes=item.minutes
            )
        case ev.ItemMoved(item=item, after=after):
            return _("{item} was moved to follow {after}.").format(
                item=upper_first(ctx.item_words(item)), after=ctx.item_words(after)
            )
        case ev.ItemClosed(item=item, status="deferred"):
            return _("{item} was deferred.").format(item=upper_first(ctx.item_words(item)))
        case ev.MotionMoved():
            return _moved(ctx, event)
        case ev.MotionSeconded(motion=number, member=member):
            return _("{label} was seconded by {member}.").format(
                label=ctx.label(motions[number]), member=ctx.who(member)
            )
        case ev.MotionWithdrawn(motion=number):
            return _("{label} was withdrawn.").format(label=ctx.label(motions[number]))
        case ev.VoteCounted(motion=number, method=method, outcome=outcome):
            return _decided(ctx, step, motions[number], outcome, method, last)
        case ev.TieBroken(motion=number, outcome=outcome, by=by):
            motion = motions[number]
            text = _("{label}: the tie was settled by {by}: {outcome}.").format(
                label=ctx.label(motion), by=_(TIE_BREAKERS[by]), outcome=outcome_words(outcome)
            )
            return _with_effect(ctx, text, step, motion, outcome.result, last)
        case ev.RollCallClosed(motion=number, outcome=outcome):
            return _decided(ctx, step, motions[number], outcome, "roll_call", last)
        case ev.PollOpened(motion=number, method=method, entitled=entitled):
            texts = {
                "roll_call": N_("A roll call on motion #{number} was opened; {count} members entitled to vote."),
                "secret_ballot": N_(
                    "A secret ballot on motion #{number} was opened; {count} members entitled to vote."
                ),
            }
            return _(texts[method]).format(number=number, count=len(entitled))
        case ev.ConsentGiven(motion=number):
            text = _("{label} was adopted without objection.").format(label=ctx.label(motions[number]))
            return _with_effect(ctx, text, step, motions[number], "carried", last)
        case ev.ConsentObjected(motion=number, member=member):
            return _("{member} objected to adopting motion #{number} without a vote.").format(
                member=ctx.who(member), number=number
            )
        case ev.ConsensusCalled(motion=number):
            return _("The chair called for consensus on motion #{number}.").format(number=number)
        case ev.Blocked(member=member, reason=reason):
            if reason:
                return _("{member} blocked consensus: {reason}").format(member=ctx.who(member), reason=reason)
            return _("{member} blocked consensus.").format(member=ctx.who(member))
        case ev.StoodAside(member=member):
            return _("{member} stood aside.").format(member=ctx.who(member))
        case ev.ConsensusConcluded(motion=number, result=result):
            motion = motions[number]
            texts = {
                "adopted": N_("{label} was adopted by consensus."),
                "vote": N_("Consensus was not reached on motion #{number}; it was put to a vote."),
                "majority": N_(
                    "Consensus was not reached on motion #{number}; it was put to a simple majority vote as a last resort."
                ),
                "referred": N_("Consensus was not reached on motion #{number}; it was referred to a working group."),
            }
            text = _(texts[result]).format(label=ctx.label(motion), number=number)
            if result in ("adopted", "referred"):
                return _with_effect(ctx, text, step, motion, "carried" if result == "adopted" else "referred", last)
            return text
        case ev.PointRaised(motion=number, member=member, text=text):
            head = _("{label}, raised by {member}").format(label=ctx.label(motions[number]), member=ctx.who(member))
            return f"{head}: {text}" if text else head + "."
        case ev.Ruled(motion=number, ruling=ruling):
            motion = motions[number]
            text = _("The chair ruled {label} {ruling}.").format(
                label=ctx.label(motion).lower() if motion.kind == "point_of_order" else ctx.label(motion),
                ruling=_(RULINGS[ruling]),
            )
            return text
        case ev.InterestDeclared(member=member, text=text, item=item):
            return _interest_words(ctx, member, text, item)
        case ev.Recused(member=member, reason=reason):
            if reason:
                return _("{member} was recused from the votes on this item: {reason}").format(
                    member=ctx.who(member), reason=reason
                )
            return _("{member} was recused from the votes on this item.").format(member=ctx.who(member))
        case ev.Noted(text=text):
            return text
        case ev.ActionRecorded(what=what, owner=owner, due=due):
            return _action_words(ctx, what, owner, due)
    return None


def _interest_words(ctx: _Context, member: str, text: str, item: str | None) -> str:
    if item:
        return _("{member} declared an interest in {item}: {text}").format(
            member=ctx.who(member), item=ctx.item_words(item), text=text
        )
    return _("{member} declared an interest: {text}").format(member=ctx.who(member), text=text)


def _action_words(ctx: _Context, what: str, owner: str, due: date | None) -> str:
    if due:
        return _("Action: {what} — {owner}, by {due}.").format(what=what, owner=ctx.who(owner), due=due)
    return _("Action: {what} — {owner}.").format(what=what, owner=ctx.who(owner))


def _where(ctx: _Context, step: Step) -> str | None:
    """The item an event belongs to in the minutes."""
    event = step.entry.event
    number = getattr(event, "motion", None)
    if isinstance(number, int) and number in ctx.state.motions and not isinstance(event, ev.PointRaised):
        return ctx.state.motions[number].item
    if isinstance(event, ev.Noted | ev.ActionRecorded):
        return event.item
    return step.item


def _proceedings(ctx: _Context, quorum: list[QuorumChange]) -> tuple[dict[str | None, list[m.Entry]], dict[int, int]]:
    last = last_decisions(ctx.steps)
    # Only a quorum lost or restored is told in the proceedings; every change is in the sitting's table.
    changes: dict[int, QuorumChange] = {}
    met: bool | None = None
    for change in quorum:
        if not change.opening and met is not None and change.status.met != met:
            changes[change.seq] = change
        met = change.status.met
    entries: dict[str | None, list[m.Entry]] = {}
    for step in ctx.steps:
        text = _sentence(ctx, step, last)
        where = _where(ctx, step)
        at = ctx.clock(step.entry.at)
        motion = getattr(step.entry.event, "motion", None)
        if text is not None:
            entries.setdefault(where, []).append(
                m.Entry(at=at, text=text, motion=motion if isinstance(motion, int) else None)
            )
        turned = changes.get(step.entry.seq)
        if turned is not None:
            words = _quorum_words(ctx, turned.status)
            text = (_("Quorum restored: {words}.") if turned.status.met else _("Quorum lost: {words}.")).format(
                words=words
            )
            entries.setdefault(where, []).append(m.Entry(at=at, text=text))
    return entries, last


# ── attendance and quorum, sitting by sitting ─────────────────────────────────


def _quorum_words(ctx: _Context, status: QuorumStatus) -> str:
    short = [region_name(ctx.council, r.region) for r in status.short_regions]
    return quorum_status_words(
        status.present,
        status.needed,
        status.seats,
        status.regions_present,
        status.regions_needed,
        status.regions_total,
        short,
    )


def _quorum_lines(ctx: _Context, changes: list[QuorumChange]) -> list[m.QuorumLine]:
    lines = []
    met: bool | None = None
    for change in changes:
        status = change.status
        if change.opening:
            words = _("At the call to order")
        elif met and not status.met:
            words = _("Quorum lost")
        elif met is False and status.met:
            words = _("Quorum restored")
        else:
            words = _("Attendance changed")
        met = status.met
        lines.append(
            m.QuorumLine(
                at=ctx.clock(change.at),
                opening=change.opening,
                present=status.present,
                needed=status.needed,
                seats=status.seats,
                regions_present=status.regions_present,
                regions_needed=status.regions_needed,
                regions_total=status.regions_total,
                met=status.met,
                change_words=words,
                words=_quorum_words(ctx, status),
            )
        )
    return lines


def _row(
    ctx: _Context,
    member: Member,
    changes: list[tuple[datetime, str]],
    proxies: list[m.ProxyRecord],
    alternate_attended: str | None,
) -> m.AttendanceRow:
    statuses = [status for _at, status in changes]
    modes: list[str] = []
    for status in statuses:
        if status in ATTENDED and _(ATTENDED[status]) not in modes:
            modes.append(_(ATTENDED[status]))
    if modes:
        attended = _(", then ").join(modes)
    elif statuses and statuses[-1] == "apologies":
        attended = _("apologies")
    else:
        attended = _("absent")
    if not modes and alternate_attended:
        attended += _("; represented by the alternate, {name}").format(name=alternate_attended)
    for proxy in proxies:
        if proxy.principal.id == member.id:
            span = proxy.lodged + (f"–{proxy.revoked}" if proxy.revoked else "")
            attended += _("; proxy to {holder} ({span})").format(holder=proxy.holder.name, span=span)
    arrived = next((ctx.clock(at) for at, status in changes if status in ATTENDED), None)
    movements: list[str] = []
    away = False
    seen = False
    for at, status in changes:
        if status in ATTENDED:
            if away:
                movements.append(_("back {time}").format(time=ctx.clock(at)))
            away, seen = False, True
        elif status in ("left", "dropped") and seen:
            movements.append(
                ctx.clock(at) if status == "left" else _("{time} (connection dropped)").format(time=ctx.clock(at))
            )
            away = True
    titular = ctx.council.titular_of(member.id) if not member.holds_seat else None
    if titular is not None:
        role = _("alternate for {name}").format(name=titular.name)
    elif member.role != "member":
        role = _(ROLES[member.role])
    else:
        role = None
    return m.AttendanceRow(
        member=ctx.person(member.id),
        role=role,
        organisation=member.organisation,
        attended=attended,
        arrived=arrived,
        left=_(", ").join(movements) or None,
        changes=[
            m.AttendanceChange(at=ctx.clock(at), status=status, words=_(ATTENDANCE[status])) for at, status in changes
        ],
    )


def _attendance(ctx: _Context, steps: list[Step]) -> m.Attendance:
    council = ctx.council
    changes: dict[str, list[tuple[datetime, str]]] = {}
    lodged: list[tuple[str, str, datetime, datetime | None]] = []
    for step in steps:
        event, at = step.entry.event, step.entry.at
        if isinstance(event, ev.AttendanceChanged):
            for member, status in event.changes.items():
                changes.setdefault(member, []).append((at, status))
        elif isinstance(event, ev.ProxyLodged):
            lodged.append((event.principal, event.holder, at, None))
        elif isinstance(event, ev.ProxyRevoked):
            for index in range(len(lodged) - 1, -1, -1):
                principal, holder, start, end = lodged[index]
                if principal == event.principal and end is None:
                    lodged[index] = (principal, holder, start, at)
                    break
    proxies = [
        m.ProxyRecord(
            principal=ctx.person(principal),
            holder=ctx.person(holder),
            lodged=ctx.clock(start),
            revoked=ctx.clock(end) if end else None,
            words=(
                _("{principal} to {holder}, lodged {lodged}, revoked {revoked}")
                if end
                else _("{principal} to {holder}, lodged {lodged}")
            ).format(
                principal=ctx.who(principal),
                holder=ctx.who(holder),
                lodged=ctx.clock(start),
                revoked=ctx.clock(end) if end else "",
            ),
        )
        for principal, holder, start, end in lodged
    ]

    def attended(member_id: str) -> bool:
        return any(status in ATTENDED for _at, status in changes.get(member_id, []))

    regions = []
    placed: set[str] = set()
    for region in council.regions:
        seats = council.seats_in(region.id)
        if not seats:
            continue
        rows = []
        for seat in seats:
            alternate = council.member(seat.alternate) if seat.alternate else None
            sitting_alternate = alternate.name if alternate and attended(alternate.id) else None
            rows.append(_row(ctx, seat, changes.get(seat.id, []), proxies, sitting_alternate))
            placed.add(seat.id)
            if alternate is not None and changes.get(alternate.id):
                rows.append(_row(ctx, alternate, changes[alternate.id], proxies, None))
                placed.add(alternate.id)
        regions.append(m.RegionAttendance(id=region.id, name=region.name, seats=len(seats), rows=rows))
    others = [
        _row(ctx, member, changes[member.id], proxies, None)
        for member in council.members
        if member.id not in placed and changes.get(member.id)
    ]
    apologies = [
        ctx.person(s.id)
        for s in council.seats
        if not attended(s.id) and any(st == "apologies" for _a, st in changes.get(s.id, []))
    ]
    absent = [
        ctx.person(s.id)
        for s in council.seats
        if not attended(s.id) and not any(st == "apologies" for _a, st in changes.get(s.id, []))
    ]
    return m.Attendance(regions=regions, others=others, proxies=proxies, apologies=apologies, absent=absent)


def _sittings(ctx: _Context, quorum: list[QuorumChange]) -> list[m.Sitting]:
    by_number: dict[int, list[Step]] = {}
    for step in ctx.steps:
        by_number.setdefault(step.sitting, []).append(step)
    rules = ctx.state.meeting.rules
    sittings = []
    for number, steps in by_number.items():
        began = next((s.entry.at for s in steps if isinstance(s.entry.event, ev.Begun)), None)
        adjourned = next((s.entry.at for s in steps if s.phase == "adjourned"), None)
        recesses = list(_recesses(ctx, steps))
        chairs = _chairs(ctx, steps, began, adjourned)
        parts = []
        if began is not None:
            parts.append(
                _("Called to order at {time} by {chair}.").format(
                    time=ctx.clock(began), chair=ctx.who(ctx.state.meeting.agenda.chair)
                )
            )
        else:
            parts.append(_("Not called to order."))
        parts.extend(recess.words + "." for recess in recesses)
        if len(chairs) > 1:
            parts.append(
                _("In the chair: {terms}.").format(
                    terms=_("; ").join(
                        _("{name}, {start}–{end}").format(name=term.member.name, start=term.start, end=term.end or "")
                        for term in chairs
                    )
                )
            )
        if adjourned is not None:
            parts.append(_("Adjourned at {time}.").format(time=ctx.clock(adjourned)))
        sittings.append(
            m.Sitting(
                number=number,
                began=ctx.clock(began) if began else None,
                adjourned=ctx.clock(adjourned) if adjourned else None,
                summary=" ".join(parts),
                recesses=recesses,
                chairs=chairs,
                attendance=_attendance(ctx, steps),
                quorum_rule=quorum_words(rules.quorum, ctx.council),
                quorum=_quorum_lines(ctx, [c for c in quorum if c.sitting == number]),
            )
        )
    return sittings


def _recesses(ctx: _Context, steps: list[Step]) -> Iterator[m.Recess]:
    start: datetime | None = None
    planned: int | None = None
    for step in steps:
        if step.phase == "in_recess" and start is None:
            start = step.entry.at
            planned = step.entry.event.minutes if isinstance(step.entry.event, ev.Recessed) else None
        elif step.phase != "in_recess" and start is not None:
            yield _recess(ctx, start, step.entry.at, planned)
            start = None
    if start is not None:
        yield _recess(ctx, start, None, planned)


def _recess(ctx: _Context, start: datetime, end: datetime | None, planned: int | None) -> m.Recess:
    if end is not None:
        words = _("Recess {start}–{end}").format(start=ctx.clock(start), end=ctx.clock(end))
    else:
        words = _("Recess from {start}").format(start=ctx.clock(start))
    if planned:
        words += " " + _("({minutes} minutes declared)").format(minutes=planned)
    return m.Recess(start=ctx.clock(start), end=ctx.clock(end) if end else None, planned_minutes=planned, words=words)


def _chairs(ctx: _Context, steps: list[Step], began: datetime | None, adjourned: datetime | None) -> list[m.ChairTerm]:
    first = steps[0]
    start = began or first.entry.at
    terms: list[tuple[str, datetime]] = [(ctx.state.meeting.agenda.chair, start)]
    for step in steps:
        if isinstance(step.entry.event, ev.ChairHanded):
            terms.append((step.entry.event.member, step.entry.at))
    result = []
    for index, (member, at) in enumerate(terms):
        end = terms[index + 1][1] if index + 1 < len(terms) else adjourned
        result.append(m.ChairTerm(member=ctx.person(member), start=ctx.clock(at), end=ctx.clock(end) if end else None))
    return result


# ── items ─────────────────────────────────────────────────────────────────────


def _item(ctx: _Context, number: int, item_id: str, spans: list[Span], entries: list[m.Entry]) -> m.ItemRecord:
    state = ctx.state
    item_state = state.items[item_id]
    item = item_state.item
    mine = _merged([s for s in spans if s.item == item_id])
    used = minutes_used(state, item_id)
    if mine:
        times = _(", ").join(
            ctx.clock(start) if end == start else f"{ctx.clock(start)}–{ctx.clock(end) if end else ''}"
            for start, end in mine
        )
        timing = _("{times}; {used} minutes in session, {allotted} allotted").format(
            times=times, used=used, allotted=item.minutes
        )
    else:
        timing = _("Not taken up; {allotted} minutes allotted").format(allotted=item.minutes)
    return m.ItemRecord(
        number=number,
        id=item_id,
        title=item.title,
        kind=item.kind,
        kind_words=_(ITEM_KINDS[item.kind]),
        presenter=ctx.person(item.presenter) if item.presenter else None,
        added=item_state.added,
        status=item_state.status,
        status_words=_(ITEM_STATUS[item_state.status]),
        allotted_minutes=item.minutes,
        used_minutes=used,
        taken_up=ctx.clock(mine[0][0]) if mine else None,
        ended=ctx.clock(mine[-1][1]) if mine and mine[-1][1] else None,
        timing=timing,
        documents=list(item.documents),
        recusals=[
            m.Recusal(member=ctx.person(member), reason=reason) for member, reason in item_state.recusals.items()
        ],
        speakers=[m.Speaker(at=ctx.clock(at), member=ctx.person(member)) for at, member in item_state.speakers],
        proceedings=entries,
        motions=sorted(n for n, motion in state.motions.items() if motion.item == item_id),
    )


def _merged(spans: list[Span]) -> list[tuple[datetime, datetime | None]]:
    """Spans that follow one another without a gap, as one."""
    merged: list[tuple[datetime, datetime | None]] = []
    for span in spans:
        if merged and merged[-1][1] == span.start:
            merged[-1] = (merged[-1][0], span.end)
        else:
            merged.append((span.start, span.end))
    return merged


# ── the rest of the record ────────────────────────────────────────────────────


def _unfinished(ctx: _Context) -> list[str]:
    state = ctx.state
    lines = []
    if state.phase != "adjourned":
        lines.append(
            _("The journal ends at {time}; the meeting has not been adjourned.").format(time=ctx.clock(state.clock))
        )
    for number in state.stack:
        motion = state.motions[number]
        lines.append(
            _("{label} was still pending when the record ends.").format(label=ctx.label(motion))
            if state.phase != "adjourned"
            else _("{label} was still pending at adjournment.").format(label=ctx.label(motion))
        )
    for number in state.tabled:
        lines.append(_("{label} lies on the table.").format(label=ctx.label(state.motions[number])))
    for motion in state.motions.values():
        if motion.status in ("postponed", "referred") and motion.kind == "main":
            lines.append(
                _("{label} was {status}.").format(label=ctx.label(motion), status=_(MOTION_STATUS[motion.status]))
            )
    for item_id in state.order:
        status = state.items[item_id].status
        if status == "deferred":
            lines.append(_("{item} was deferred to a later meeting.").format(item=upper_first(ctx.item_words(item_id))))
        elif status == "pending":
            lines.append(_("{item} was not taken up.").format(item=upper_first(ctx.item_words(item_id))))
    return lines


def _corrections(ctx: _Context, recorded: Sequence[Recorded]) -> list[m.Correction]:
    by_seq = {r.seq: r for r in recorded}
    corrections = []
    for entry in recorded:
        if isinstance(entry.event, ev.Undone) and entry.event.target in by_seq:
            target = by_seq[entry.event.target]
            corrections.append(
                m.Correction(
                    at=ctx.clock(entry.at),
                    cancelled_at=ctx.clock(target.at),
                    text=_("Cancelled by undo: {what} (entry {seq} of the journal).").format(
                        what=describe(target.event, ctx.state), seq=target.seq
                    ),
                )
            )
    return corrections


def build(state: State, recorded: Sequence[Recorded], last_entry_sha256: str = "") -> m.Minutes:
    steps = chronicle(recorded)
    ctx = _Context(state, steps)
    agenda = state.meeting.agenda
    council = state.meeting.council
    quorum = quorum_changes(steps)
    spans = item_spans(steps)
    entries, _last = _proceedings(ctx, quorum)
    began = next((s.entry.at for s in steps if isinstance(s.entry.event, ev.Begun)), None)
    adjourned = (
        next((s.entry.at for s in reversed(steps) if s.phase == "adjourned"), None)
        if state.phase == "adjourned"
        else None
    )
    header = m.Header(
        council=council.name,
        council_short=council.short_name,
        meeting=agenda.id,
        title=agenda.title,
        kind=agenda.kind,
        kind_words=_(MEETING_KINDS[agenda.kind]),
        date=agenda.scheduled_start.date().isoformat(),
        date_words=date_words(agenda.scheduled_start.date()),
        time_zone=agenda.time_zone,
        scheduled_start=ctx.clock(agenda.scheduled_start),
        duration_minutes=agenda.duration_minutes,
        called_to_order=ctx.clock(began) if began else None,
        adjourned=ctx.clock(_first_adjournment(steps, adjourned)) if adjourned else None,
        place=agenda.place,
        link=agenda.link,
        chair=ctx.person(agenda.chair),
        secretary=ctx.person(agenda.secretary),
        meeting_language=agenda.language,
        status=state.phase,
        status_words=_(PHASES[state.phase]),
    )
    interests = [
        m.Interest(
            at=ctx.clock(i.at),
            member=ctx.person(i.member),
            item=i.item,
            item_title=state.items[i.item].item.title if i.item and i.item in state.items else None,
            text=i.text,
            words=_interest_words(ctx, i.member, i.text, i.item),
        )
        for i in state.interests
    ]
    items = [_item(ctx, n, item_id, spans, entries.get(item_id, [])) for n, item_id in enumerate(state.order, start=1)]
    actions = [
        m.ActionRecord(
            at=ctx.clock(a.at),
            what=a.what,
            owner=ctx.person(a.owner),
            due=str(a.due) if a.due else None,
            item=a.item,
            item_number=ctx.number.get(a.item) if a.item else None,
        )
        for a in state.actions
    ]
    sources = [m.Source(path=s.path, sha256=s.sha256) for s in state.sources]
    journal = m.JournalRecord(
        entries=len(recorded),
        last_entry_sha256=last_entry_sha256,
        sources=sources,
        words=_(
            "Generated from the meeting's journal of {entries} entries, whose last entry has the SHA-256 hash "
            "{hash}. 'meeting verify' checks these minutes against the journal."
        ).format(entries=len(recorded), hash=last_entry_sha256 or "?"),
    )
    chair = council.member(agenda.chair)
    secretary = council.member(agenda.secretary)
    return m.Minutes(
        language=language(),
        header=header,
        sittings=_sittings(ctx, quorum),
        interests=interests,
        items=items,
        other_proceedings=entries.get(None, []),
        motions=[_motion(ctx, motion) for _n, motion in sorted(state.motions.items())],
        actions=actions,
        unfinished=_unfinished(ctx),
        corrections=_corrections(ctx, recorded),
        journal=journal,
        signatures=[
            m.Signature(role=_("Chair"), name=chair.name if chair else agenda.chair),
            m.Signature(role=_("Secretary"), name=secretary.name if secretary else agenda.secretary),
        ],
    )


def _first_adjournment(steps: list[Step], fallback: datetime) -> datetime:
    """The moment the last sitting was adjourned."""
    last_sitting = steps[-1].sitting
    return next((s.entry.at for s in steps if s.sitting == last_sitting and s.phase == "adjourned"), fallback)
