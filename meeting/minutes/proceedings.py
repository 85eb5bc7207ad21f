"""The proceedings of the minutes: what each event records, as one sentence, under the item it
belongs to; each item with its timing; declarations of interest; what was left unfinished;
and the corrections made to the record after adjournment.

To word a new event, add one function here decorated with `@says(ev.NewEvent)`; an event the
minutes leave out goes in `SILENT`. A test checks that every event is one or the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from meeting.domain import events as ev
from meeting.domain.motions import ADMITTED_BY_RULING
from meeting.domain.procedure import draft_unmoved
from meeting.domain.record import QuorumChange, Span, Step, last_decisions
from meeting.domain.state import Motion, Recorded, left_unfinished, not_taken_up
from meeting.i18n import N_, _, ngettext
from meeting.minutes import model as m
from meeting.minutes.attendance import quorum_words_of
from meeting.minutes.elections import elections_unfinished
from meeting.minutes.wording import (
    ON_TERMS,
    TOLD_BY_THE_COUNT,
    Context,
    agenda_change_words,
    appeal_words,
    effect,
    how,
    lower_label,
    own_text,
    translation_of,
)
from meeting.report import describe, minutes_used
from meeting.vocabulary import (
    ITEM_KINDS,
    ITEM_STATUS,
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    ROUND_KINDS,
    RULINGS,
    circulated_title,
    date_words,
    elected_words,
    item_heading,
    item_title,
    office_words,
    quoted,
    sentence,
    title_words,
    upper_first,
)
from meeting.words import labelled, outcome_words


class Said:
    """What a sentence needs besides the event: the context, the step, and for each motion
    the last event that decided it (how a decision was reached is said once, there)."""

    def __init__(self, ctx: Context, step: Step, last: dict[int, int]) -> None:
        self.ctx, self.step, self.last = ctx, step, last

    @property
    def motions(self) -> dict[int, Motion]:
        return self.ctx.state.motions


Sentence = Callable[[Said, ev.Event], str | None]
SENTENCES: dict[type[ev.Event], Sentence] = {}

# Events the proceedings leave out: they are told elsewhere (attendance, the quorum table,
# the speakers' list, the roll-call table, the annex, the corrections), or are the chair's
# bookkeeping.
SILENT: frozenset[type[ev.Event]] = frozenset(
    {
        ev.Loaded,
        ev.ProxyLodged,
        ev.ProxyRevoked,
        ev.SpeakersQueued,
        ev.SpeakerRemoved,
        ev.FloorGiven,
        ev.FloorYielded,
        ev.RollCallVoted,
        ev.Undone,
        ev.Corrected,
        # The tellers' report and the papers are told with the result, in the election's report.
        ev.TellersReported,
        ev.PapersEntered,
    }
)


def says(*types: type[ev.Event]) -> Callable[[Sentence], Sentence]:
    """Register the sentence an event of these types becomes."""

    def register(function: Sentence) -> Sentence:
        for kind in types:
            SENTENCES[kind] = function
        return function

    return register


def _motion(said: Said, event: ev.Event) -> Motion:
    number = getattr(event, "motion")  # noqa: B009 — every event said with this has a motion
    return said.motions[number]


@says(ev.Begun)
def _begun(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Begun)
    if event.chair is not None and event.chair.member is not None:
        return _("In the absence of the chair, {member} called the meeting to order.").format(
            member=said.ctx.who(event.chair.member)
        )
    return _("The chair, {chair}, called the meeting to order.").format(
        chair=said.ctx.who(said.ctx.state.meeting.agenda.chair)
    )


def chair_words(said: Said, change: ev.ChairChange | None) -> str | None:
    """Who took the chair, as an event records it."""
    if change is None:
        return None
    if change.member is None:
        return _("Nobody was present to take the chair: business waited until a chair was named.")
    if change.returns_to is not None:
        return _("{member} took the chair for this item, {chair} having declared an interest in it.").format(
            member=said.ctx.who(change.member), chair=said.ctx.who(change.returns_to)
        )
    return _("{member} took the chair.").format(member=said.ctx.who(change.member))


@says(ev.AttendanceChanged, ev.ItemOpened)
def _chair_in_passing(said: Said, event: ev.Event) -> str | None:
    """Attendance and the opening of items are told elsewhere; the chair they hand on, here."""
    return chair_words(said, getattr(event, "chair", None))


@says(ev.SecretaryNamed)
def _secretary(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.SecretaryNamed)
    return _("{member} took the minutes.").format(member=said.ctx.who(event.member))


@says(ev.Recessed)
def _recessed(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Recessed)
    if event.minutes:
        return ngettext(
            "The chair declared a recess of {minutes} minute.",
            "The chair declared a recess of {minutes} minutes.",
            event.minutes,
        ).format(minutes=event.minutes)
    return _("The chair declared a recess.")


@says(ev.Resumed)
def _resumed(said: Said, event: ev.Event) -> str:
    return _("The meeting resumed.")


@says(ev.Adjourned)
def _adjourned(said: Said, event: ev.Event) -> str:
    return _("The chair declared the meeting adjourned.")


@says(ev.SittingOpened)
def _sitting(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.SittingOpened)
    return _("Sitting {number} of the meeting opened.").format(number=event.number)


@says(ev.ChairHanded)
def _chair(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ChairHanded)
    return _("{member} took the chair.").format(member=said.ctx.who(event.member))


@says(ev.BalanceWaived)
def _waived(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.BalanceWaived)
    return _("The chair waived the gender-balance rule: {reason}.").format(reason=quoted(event.reason))


@says(ev.ItemAdded)
def _added(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ItemAdded)
    return ngettext(
        "{item} was added to the agenda ({minutes} minute).",
        "{item} was added to the agenda ({minutes} minutes).",
        event.item.minutes,
    ).format(item=upper_first(said.ctx.item_words(event.item.id)), minutes=event.item.minutes)


@says(ev.ItemMoved)
def _item_moved(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ItemMoved)
    return _("{item} was moved to follow {after}.").format(
        item=upper_first(said.ctx.item_words(event.item)), after=said.ctx.item_words(event.after)
    )


@says(ev.ItemClosed)
def _item_closed(said: Said, event: ev.Event) -> str | None:
    assert isinstance(event, ev.ItemClosed)
    chair = chair_words(said, event.chair)
    if event.status == "done":
        return chair
    item = upper_first(said.ctx.item_words(event.item))
    text = (
        _("{item} was deferred.") if event.status == "deferred" else _("{item} was dropped from the agenda.")
    ).format(item=item)
    return f"{text} {chair}" if chair else text


@says(ev.MotionMoved)
def _moved(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.MotionMoved)
    ctx = said.ctx
    motion = said.motions[event.motion]
    if event.kind == "withdraw" and event.applies_to is not None:
        return _("{mover} asked leave to withdraw {target}.").format(
            mover=ctx.who(event.mover), target=ctx.ref(event.applies_to)
        )
    if event.kind == "change_agenda" and event.agenda is not None:
        return _("The chair proposed {change}.").format(change=agenda_change_words(ctx, event.agenda, done=False))
    head = ctx.label(motion)
    if motion.kind not in ("main", "amend") and event.applies_to is not None:
        head += " " + _("on {target}").format(target=ctx.ref(event.applies_to))
    by = _("moved by {mover}").format(mover=ctx.who(event.mover))
    if event.seconder:
        by += _(", seconded by {seconder}").format(seconder=ctx.who(event.seconder))
    if own := own_text(event.kind, event.text):  # a motion that acts on another has its words too
        text = sentence(own)
        translated = translation_of(ctx, motion.item, event.text) if motion.kind == "main" else None
        if translated:
            text += " " + _("(translation: {text})").format(text=translated)
        return _("{head}, {by}: {text}").format(head=head, by=by, text=text)
    return _("{head}, {by}.").format(head=head, by=by)


@says(ev.MotionSeconded)
def _seconded(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.MotionSeconded)
    return _("{label} was seconded by {member}.").format(
        label=said.ctx.label(_motion(said, event)), member=said.ctx.who(event.member)
    )


@says(ev.MotionWithdrawn)
def _withdrawn(said: Said, event: ev.Event) -> str:
    return _("{label} was withdrawn.").format(label=said.ctx.label(_motion(said, event)))


def _with_effect(said: Said, text: str, motion: Motion, result: str, says_how: bool = False) -> str:
    """The sentence, what the decision did, and how it was reached unless the sentence says it
    (`says_how`)."""
    told = effect(said.ctx, motion, result)
    if told:
        text += " " + told
    if said.last.get(motion.number) == said.step.entry.seq and not says_how:
        path, how_words, _blocked = how(said.ctx, motion)
        if how_words and path not in TOLD_BY_THE_COUNT:
            text += " " + how_words
    return text


def _decided(said: Said, motion: Motion, outcome: ev.Outcome, method: str) -> str:
    if motion.kind == "appeal" and outcome.result != "pending":
        return _with_effect(said, appeal_words(outcome, method), motion, outcome.result)
    text = _("Vote on {label} by {method}: {outcome}").format(
        label=said.ctx.ref(motion.number), method=_(METHODS[method]), outcome=outcome_words(outcome, motion.kind)
    )
    if outcome.result == "pending":  # the count says what it waits for
        return text + "."
    return _with_effect(said, text + ".", motion, outcome.result)


@says(ev.VoteCounted)
def _counted(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.VoteCounted)
    return _decided(said, _motion(said, event), event.outcome, event.method)


@says(ev.RollCallClosed)
def _roll_closed(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.RollCallClosed)
    text = _decided(said, _motion(said, event), event.outcome, "roll_call")
    if event.silent:  # the seats that did not answer, by whoever was to cast their votes
        text += " " + _("Not voting: {members}.").format(members=said.ctx.seat_votes(event.silent))
    elif event.not_voting:  # an older journal's: the members who did not answer
        text += " " + _("Not voting: {members}.").format(members=said.ctx.names(event.not_voting))
    return text


@says(ev.DivisionDemanded)
def _division(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.DivisionDemanded)
    count = said.step.entitled or 0
    return ngettext(
        "{member} demanded a division: the result on {label} was set aside and the question put again by roll call; {count} seat entitled to vote.",
        "{member} demanded a division: the result on {label} was set aside and the question put again by roll call; {count} seats entitled to vote.",
        count,
    ).format(member=said.ctx.who(event.member), label=said.ctx.ref(event.motion), count=count)


@says(ev.TieBroken)
def _tie_broken(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.TieBroken)
    motion = _motion(said, event)
    text = _("{Label} was decided: {outcome}.").format(
        Label=said.ctx.label(motion), outcome=outcome_words(event.outcome, motion.kind)
    )
    return _with_effect(said, text, motion, event.outcome.result)


@says(ev.PollOpened)
def _poll(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.PollOpened)
    count = said.step.entitled or 0
    if event.method == "roll_call":
        text = ngettext(
            "A roll call on {label} was opened; {count} seat entitled to vote.",
            "A roll call on {label} was opened; {count} seats entitled to vote.",
            count,
        )
    else:
        text = ngettext(
            "A secret ballot on {label} was opened; {count} seat entitled to vote.",
            "A secret ballot on {label} was opened; {count} seats entitled to vote.",
            count,
        )
    return text.format(label=said.ctx.ref(event.motion), count=count)


@says(ev.ConsentGiven)
def _consent(said: Said, event: ev.Event) -> str:
    motion = _motion(said, event)
    text = _("{label} was adopted without objection.").format(label=said.ctx.label(motion))
    return _with_effect(said, text, motion, "carried")


@says(ev.ConsentObjected)
def _objected(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ConsentObjected)
    if event.member is None:
        return _("A member objected to adopting {label} without a vote.").format(label=said.ctx.ref(event.motion))
    return _("{member} objected to adopting {label} without a vote.").format(
        member=said.ctx.who(event.member), label=said.ctx.ref(event.motion)
    )


@says(ev.ConsensusCalled)
def _consensus(said: Said, event: ev.Event) -> str:
    return _("The chair called for consensus on {label}.").format(label=said.ctx.ref(_motion(said, event).number))


@says(ev.Blocked)
def _blocked(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Blocked)
    if event.reason:
        return _("{member} blocked consensus: {reason}.").format(
            member=said.ctx.who(event.member), reason=quoted(event.reason)
        )
    return _("{member} blocked consensus.").format(member=said.ctx.who(event.member))


@says(ev.StoodAside)
def _aside(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.StoodAside)
    return _("{member} stood aside.").format(member=said.ctx.who(event.member))


@says(ev.ConsensusConcluded)
def _concluded(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ConsensusConcluded)
    motion = _motion(said, event)
    texts = {
        "adopted": N_("{Label} was adopted by consensus."),
        "vote": N_("Consensus was not reached on {label}; it was put to a vote."),
        "majority": N_("Consensus was not reached on {label}; it was put to a simple majority vote as a last resort."),
        "referred": N_("Consensus was not reached on {label}; it was referred to a working group."),
    }
    label = said.ctx.label(motion)
    text = _(texts[event.result]).format(label=lower_label(label), Label=label)
    if event.result == "adopted":
        return _with_effect(said, text, motion, "carried")
    if event.result == "referred":  # the sentence says it was referred: once (the blocks are minuted above it)
        return _with_effect(said, text, motion, "referred", says_how=True)
    return text


@says(ev.PointRaised)
def _point(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.PointRaised)
    kind = _(MOTION_NAMES[_motion(said, event).kind])
    member = said.ctx.who(event.member)
    if event.applies_to is not None:  # the motion it says is out of order
        against = said.ctx.ref(event.applies_to)
        if event.text:
            return _("{member} raised a {kind} against {target}: {text}.").format(
                member=member, kind=kind, target=against, text=quoted(event.text)
            )
        return _("{member} raised a {kind} against {target}.").format(member=member, kind=kind, target=against)
    if event.text:
        return _("{member} raised a {kind}: {text}.").format(member=member, kind=kind, text=quoted(event.text))
    return _("{member} raised a {kind}.").format(member=member, kind=kind)


@says(ev.Ruled)
def _ruled(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Ruled)
    label, ruling = said.ctx.ref(event.motion), _(RULINGS[event.ruling])
    point = said.motions[event.motion]
    if point.kind in ADMITTED_BY_RULING:  # a question of privilege is admitted, not "well taken" (RONR §19)
        admitted = event.ruling == "well-taken"
        if event.reason:
            template = (
                _("The chair admitted {label}: {reason}.")
                if admitted
                else _("The chair did not admit {label}: {reason}.")
            )
            return template.format(label=label, reason=quoted(event.reason))
        return (_("The chair admitted {label}.") if admitted else _("The chair did not admit {label}.")).format(
            label=label
        )
    if event.reason:
        text = _("The chair ruled {label} {ruling}: {reason}.").format(
            label=label, ruling=ruling, reason=quoted(event.reason)
        )
    else:
        text = _("The chair ruled {label} {ruling}.").format(label=label, ruling=ruling)
    if event.ruling == "well-taken" and point.applies_to is not None:
        text += " " + _("{Target} was ruled out of order.").format(Target=upper_first(said.ctx.ref(point.applies_to)))
    return text


@says(ev.InterestDeclared)
def _interest(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.InterestDeclared)
    text = interest_words(said.ctx, event.member, event.text, event.item)
    if event.recused:
        text += " " + _("Under the council's rules the declaration recused the member from the item's votes.")
    chair = chair_words(said, event.chair)
    return f"{text} {chair}" if chair else text


def _ruling_words(said: Said, template: str, member: str, item: str, reason: str | None) -> str:
    text = _(template).format(member=said.ctx.who(member), item=said.ctx.item_words(item))
    return labelled(text, quoted(reason) if reason else None) + "."


@says(ev.StandingRestored)
def _standing_restored(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.StandingRestored)
    return _("The meeting restored the vote of {member}, not in good standing, for this meeting.").format(
        member=said.ctx.who(event.member)
    )


@says(ev.PostalBallotRequested)
def _postal_requested(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.PostalBallotRequested)
    motion = _motion(said, event)
    quorum = motion.outcome.quorum if motion.outcome is not None else None
    needed = quorum.requests_needed if quorum is not None else None
    return ngettext(
        "{members} asked for a postal ballot on {label} ({needed} request needed to send it to one).",
        "{members} asked for a postal ballot on {label} ({needed} requests needed to send it to one).",
        needed or 0,
    ).format(members=said.ctx.names(event.members), label=said.ctx.ref(motion.number), needed=needed)


@says(ev.Recused)
def _recused(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Recused)
    template = N_("The chair ruled that {member} is recused from the votes on {item}")
    return _ruling_words(said, template, event.member, event.item, event.reason)


@says(ev.InterestCleared)
def _cleared(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.InterestCleared)
    template = N_("The chair ruled that the interest {member} declared does not bar them from {item}")
    return _ruling_words(said, template, event.member, event.item, event.reason)


@says(ev.Noted)
def _noted(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.Noted)
    return sentence(event.text)


@says(ev.ActionRecorded)
def _action(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ActionRecorded)
    return action_words(said.ctx, event.what, event.owner, event.due)


@says(ev.MinutesApproved)
def _approved(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.MinutesApproved)
    of = circulated_words(said.ctx, event.item, event.meeting)
    consent = event.motion is None  # approved on a motion, the motion says how
    if event.corrections:
        template = (
            _(
                "The council approved the minutes of {meeting} without objection, with the following corrections: {corrections}"
            )
            if consent
            else _("The council approved the minutes of {meeting}, with the following corrections: {corrections}")
        )
        return template.format(meeting=of, corrections=sentence(event.corrections))
    if consent:
        return _("The council approved the minutes of {meeting} as circulated, without objection.").format(meeting=of)
    return _("The council approved the minutes of {meeting} as circulated.").format(meeting=of)


def circulated_words(ctx: Context, item: str, meeting: str) -> str:
    """The earlier meeting whose minutes an item approves: "the meeting of Thursday 10 December
    2026 (IC-ASM Council Meeting, December 2026)"."""
    circulated = ctx.state.circulated.get(item)
    if circulated is None:
        return meeting
    return _("the meeting of {date} ({title})").format(
        date=date_words(circulated.date), title=circulated_title(circulated)
    )


@says(ev.DecisionPublished)
def _published(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.DecisionPublished)
    return _("The council decided to make its decision on {label} public.").format(label=said.ctx.ref(event.motion))


def interest_words(ctx: Context, member: str, text: str, item: str | None) -> str:
    if item:
        return _("{member} declared an interest in {item}: {text}.").format(
            member=ctx.who(member), item=ctx.item_words(item), text=quoted(text)
        )
    return _("{member} declared an interest: {text}.").format(member=ctx.who(member), text=quoted(text))


def action_words(ctx: Context, what: str, owner: str, due: date | None) -> str:
    if due:
        return _("Action: {what} — {owner}, by {due}.").format(what=what, owner=ctx.who(owner), due=date_words(due))
    return _("Action: {what} — {owner}.").format(what=what, owner=ctx.who(owner))


# ── elections ─────────────────────────────────────────────────────────────────


def _office(said: Said, election_id: str) -> str:
    election = said.ctx.state.elections.get(election_id)
    return office_words(election.election) if election is not None else election_id


@says(ev.CandidateNominated)
def _nominated(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.CandidateNominated)
    ctx = said.ctx
    if event.seconder is not None:
        text = _("{by} nominated {candidate} for {office}, seconded by {seconder}.")
    else:
        text = _("{by} nominated {candidate} for {office}.")
    return text.format(
        by=ctx.who(event.by),
        candidate=ctx.who(event.candidate),
        office=_office(said, event.election),
        seconder=ctx.who(event.seconder) if event.seconder else "",
    )


@says(ev.NominationSeconded)
def _nomination_seconded(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.NominationSeconded)
    return _("{member} seconded the nomination of {candidate}.").format(
        member=said.ctx.who(event.member), candidate=said.ctx.who(event.candidate)
    )


@says(ev.NominationAnswered)
def _nomination_answered(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.NominationAnswered)
    if event.answer == "accepted":
        return _("{candidate} accepted the nomination.").format(candidate=said.ctx.who(event.candidate))
    return _("{candidate} declined the nomination.").format(candidate=said.ctx.who(event.candidate))


@says(ev.CandidacyWithdrawn)
def _candidacy_withdrawn(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.CandidacyWithdrawn)
    return _("{candidate} withdrew as a candidate for {office}.").format(
        candidate=said.ctx.who(event.candidate), office=_office(said, event.election)
    )


@says(ev.NominationsClosed)
def _nominations_closed(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.NominationsClosed)
    return _("Nominations for {office} closed; the candidates: {names}.").format(
        office=_office(said, event.election), names=said.ctx.names(event.candidates)
    )


@says(ev.NominationsReopened)
def _nominations_reopened(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.NominationsReopened)
    return _("Nominations for {office} reopened.").format(office=_office(said, event.election))


@says(ev.RoundOpened)
def _round_opened(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.RoundOpened)
    return _("Ballot {round} for {office} ({kind}): {possible} ballots could be cast.").format(
        round=event.round,
        office=_office(said, event.election),
        kind=_(ROUND_KINDS[event.kind]),
        possible=event.voters + event.proxies,
    )


@says(ev.ResultDeclared)
def _result_declared(said: Said, event: ev.Event) -> str:
    assert isinstance(event, ev.ResultDeclared)
    result = event.ballot if event.ballot is not None else event.count
    assert result is not None
    office = _office(said, event.election)
    election = said.ctx.state.elections.get(event.election)
    if result.elected:
        # One elects a President, but to a Board: an office of several seats is a body.
        several = election is not None and election.election.seats > 1
        template = (
            _("The chair declared {names} {elected} to the {office} (ballot {round}).")
            if several
            else _("The chair declared {names} {elected} {office} (ballot {round}).")
        )
        text = template.format(
            names=said.ctx.names(result.elected),
            elected=elected_words(result.elected, said.ctx.council),
            office=office,
            round=event.round,
        )
    else:
        text = _("The chair declared that ballot {round} for {office} elected nobody.").format(
            round=event.round, office=office
        )
    return text + (" " + changed if (changed := chair_words(said, event.chair)) else "")


# ── putting them in place ─────────────────────────────────────────────────────


def _where(ctx: Context, step: Step) -> str | None:
    """The item an event belongs to in the minutes: the one it was done under. A motion taken
    from the table under another item was voted there: filed under its own item, the vote read
    before the motion that brought it back."""
    event = step.entry.event
    number = getattr(event, "motion", None)
    if isinstance(number, int) and number in ctx.state.motions and not isinstance(event, ev.PointRaised):
        return step.item or ctx.state.motions[number].item
    if isinstance(event, ev.Noted | ev.ActionRecorded):
        return event.item
    return step.item


def proceedings(ctx: Context, quorum: list[QuorumChange]) -> dict[str | None, list[m.Entry]]:
    """Each item's entries, in the order things were done (None: outside the items)."""
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
        event = step.entry.event
        where = _where(ctx, step)
        at = ctx.clock(step.entry.at)
        if not ctx.hidden(where):
            say = SENTENCES.get(type(event))
            text = say(Said(ctx, step, last), event) if say is not None else None
            if text is not None:
                motion = getattr(event, "motion", None)
                entries.setdefault(where, []).append(
                    m.Entry(at=at, text=text, motion=motion if isinstance(motion, int) else None)
                )
        turned = changes.get(step.entry.seq)
        if turned is not None:
            words = quorum_words_of(ctx, turned.status)
            text = (_("Quorum restored: {words}.") if turned.status.met else _("Quorum lost: {words}.")).format(
                words=words
            )
            entries.setdefault(where, []).append(m.Entry(at=at, text=text))
    return entries


def closed_session(ctx: Context, item_id: str, spans: list[Span]) -> list[m.Entry]:
    """What the public minutes say of an item taken in closed session: that the council met in
    closed session, from when to when, and the decisions it made public."""
    mine = merged([s for s in spans if s.item == item_id])
    told = [
        m.Entry(
            at=ctx.clock(start),
            text=_("The council met in closed session from {start} to {end}.").format(
                start=ctx.clock.said(start), end=ctx.clock.said(end) if end else "…"
            ),
        )
        for start, end in mine
    ]
    for motion in ctx.state.motions.values():
        if motion.item == item_id and motion.number in ctx.published:
            what = labelled(ctx.label(motion), sentence(motion.text) if motion.text else None)
            told.append(
                m.Entry(
                    at=ctx.clock(motion.decided_at or motion.moved_at),
                    text=_("Decision made public — {what} {result}").format(
                        what=what, result=upper_first(_(MOTION_STATUS[motion.status])) + "."
                    ),
                    motion=motion.number,
                )
            )
    return told


def item_record(ctx: Context, number: int, item_id: str, spans: list[Span], entries: list[m.Entry]) -> m.ItemRecord:
    state = ctx.state
    item_state = state.items[item_id]
    item = item_state.item
    mine = merged([s for s in spans if s.item == item_id])
    used = minutes_used(state, item_id)
    allotted = ngettext("{n} minute allotted", "{n} minutes allotted", item.minutes).format(n=item.minutes)
    if mine:
        times = _(", ").join(
            ctx.clock.said(start) if end == start else f"{ctx.clock.said(start)}–{ctx.clock.said(end) if end else ''}"
            for start, end in mine
        )
        in_session = ngettext("{n} minute in session", "{n} minutes in session", used).format(n=used)
        timing = _("{times}; {used}, {allotted}").format(times=times, used=in_session, allotted=allotted)
    else:
        timing = _("Not taken up; {allotted}").format(allotted=allotted)
    hidden = ctx.hidden(item_id)
    return m.ItemRecord(
        number=number,
        id=item_id,
        title=title_words(item),
        kind=item.kind,
        kind_words=_(ITEM_KINDS[item.kind]),
        heading=item_heading(number, title_words(item)),
        presenter=ctx.person(item.presenter) if item.presenter else None,
        closed=item.closed,
        added=item_state.added,
        status=item_state.status,
        status_words=_(ITEM_STATUS[item_state.status]),
        allotted_minutes=item.minutes,
        used_minutes=used,
        taken_up=ctx.clock(mine[0][0]) if mine else None,
        ended=ctx.clock(mine[-1][1]) if mine and mine[-1][1] else None,
        timing=timing,
        documents=[] if hidden else list(item.documents),
        recusals=[]
        if hidden
        else [m.Recusal(member=ctx.person(member), reason=reason) for member, reason in item_state.recusals.items()],
        speakers=[]
        if hidden
        else [m.Speaker(at=ctx.clock(at), member=ctx.person(who)) for at, who in item_state.speakers],
        proceedings=closed_session(ctx, item_id, spans) if hidden else entries,
        motions=sorted(
            n for n, motion in state.motions.items() if motion.item == item_id and (not hidden or n in ctx.published)
        ),
    )


def merged(spans: list[Span]) -> list[tuple[datetime, datetime | None]]:
    """Spans that follow one another without a gap, as one."""
    out: list[tuple[datetime, datetime | None]] = []
    for span in spans:
        if out and out[-1][1] == span.start:
            out[-1] = (out[-1][0], span.end)
        else:
            out.append((span.start, span.end))
    return out


# ── the rest of the record ────────────────────────────────────────────────────


def interests(ctx: Context) -> list[m.Interest]:
    state = ctx.state
    out = []
    for declared in state.interests:
        item = ctx.item_words(declared.item) if declared.item else ""
        rulings = {
            "recused": _("Recused from the votes on {item}.").format(item=item),
            "cleared": _("Ruled by the chair to be no bar to taking part in {item}.").format(item=item),
        }
        out.append(
            m.Interest(
                at=ctx.clock(declared.at),
                member=ctx.person(declared.member),
                item=declared.item,
                item_title=item_title(state, declared.item) if declared.item in state.items else None,
                text=declared.text,
                words=interest_words(ctx, declared.member, declared.text, declared.item),
                ruling_words=rulings[declared.ruling] if declared.ruling and declared.item else None,
            )
        )
    return out


def unfinished(ctx: Context) -> list[str]:
    state = ctx.state
    lines = []
    if state.phase != "adjourned":
        lines.append(
            _("The record ends at {time}; the meeting has not been adjourned.").format(time=ctx.clock.said(state.clock))
        )

    def told(number: int) -> bool:
        return not ctx.hidden(state.motions[number].item) or number in ctx.published

    for number in filter(told, state.stack):
        label = ctx.label(state.motions[number])
        lines.append(
            _("{label} was still pending when the record ends.").format(label=label)
            if state.phase != "adjourned"
            else _("{label} was still pending at adjournment.").format(label=label)
        )
    for number in filter(told, state.tabled):
        lines.append(_("{label} lies on the table.").format(label=ctx.label(state.motions[number])))
    for motion in state.motions.values():
        if motion.status in ("postponed", "referred") and motion.kind == "main" and told(motion.number):
            label, status = ctx.label(motion), _(MOTION_STATUS[motion.status])
            terms = next(
                (
                    m.text
                    for m in reversed(state.motions.values())
                    if m.applies_to == motion.number and m.kind in ON_TERMS and m.text and m.status == "carried"
                ),
                None,
            )  # to when, to whom, as the motion that carried said: what makes it an order for then (RONR §14)
            lines.append(
                _("{label} was {status}: {terms}.").format(label=label, status=status, terms=quoted(terms))
                if terms
                else _("{label} was {status}.").format(label=label, status=status)
            )
    for item_id, circulated in state.circulated.items():
        if item_id not in state.approved:
            lines.append(
                _("The minutes of {meeting} were not approved.").format(
                    meeting=circulated_words(ctx, item_id, circulated.meeting)
                )
            )
    # Taken up and not concluded (the meeting adjourned on it, or the chair opened another item:
    # said of an item the draft of a meeting still in session lists too), or never taken up.
    unconcluded, pending = set(left_unfinished(state)), set(not_taken_up(state))
    for item_id in state.order:
        if state.items[item_id].status == "deferred":
            lines.append(_("{item} was deferred to a later meeting.").format(item=upper_first(ctx.item_words(item_id))))
        elif item_id in unconcluded:
            lines.append(
                _("{item} was taken up and left unfinished.").format(item=upper_first(ctx.item_words(item_id)))
            )
        elif item_id in pending:
            lines.append(_("{item} was not taken up.").format(item=upper_first(ctx.item_words(item_id))))
        elif (
            state.items[item_id].status == "done" and item_id not in state.circulated and draft_unmoved(state, item_id)
        ):
            lines.append(
                _("{item} was closed without its draft motion being moved.").format(
                    item=upper_first(ctx.item_words(item_id))
                )
            )
        if state.items[item_id].status in ("open", "done", "unfinished"):
            lines += elections_unfinished(ctx, item_id)
    return lines


def corrections(ctx: Context) -> list[m.Correction]:
    """Corrections made to the record after adjournment, each with who asked and why."""
    out = []
    for step in ctx.steps:
        event = step.entry.event
        if isinstance(event, ev.Corrected):
            out.append(
                m.Correction(
                    at=ctx.clock(step.entry.at),
                    at_words=ctx.clock.words(step.entry.at),
                    what=event.what,
                    by=ctx.person(event.by),
                    why=event.why,
                    words=_("{what} Asked by {member}, because {why}").format(
                        what=sentence(event.what), member=ctx.who(event.by), why=sentence(lower_first_word(event.why))
                    ),
                )
            )
    return out


def lower_first_word(text: str) -> str:
    """A reason after "because": its first letter small, unless the first word is a name in capitals."""
    first = text.split(" ", 1)[0]
    return text if first.isupper() or first[1:2].isupper() else text[:1].lower() + text[1:]


def withdrawn(ctx: Context, recorded: Sequence[Recorded]) -> list[m.Withdrawn]:
    """What the chair entered and then took back with undo, for the annex (what was taken back
    in a closed session, only in its confidential record)."""
    by_seq = {r.seq: r for r in recorded}
    out = []
    for entry in recorded:
        if isinstance(entry.event, ev.Undone) and entry.event.target in by_seq:
            target = by_seq[entry.event.target]
            what = target.event
            if ctx.hidden(_cancelled_where(ctx, target)):
                continue
            if isinstance(what, ev.VoteCounted | ev.RollCallClosed | ev.TieBroken):
                text = _("the count of the vote on {label}: {outcome}").format(
                    label=ctx.ref(what.motion), outcome=outcome_words(what.outcome)
                )
            elif isinstance(what, ev.MotionMoved):
                # Not by its number: the next motion moved took it, and the body has that one.
                text = _("a motion ({kind}) moved by {mover}: {text}").format(
                    kind=_(MOTION_NAMES[what.kind]), mover=ctx.who(what.mover), text=quoted(what.text)
                )
            else:
                text = describe(what, ctx.state)
            # Listed at the time it was entered, with when it was taken back: a count taken at
            # 12:10 and undone at 12:20 read as if counted at 12:20. Not "withdrawn": a motion's
            # mover withdraws it, and that is a motion of its own.
            withdrawn = _("{entry} (undone by the chair at {time})").format(
                entry=upper_first(text), time=ctx.clock.said(entry.at)
            )
            out.append(m.Withdrawn(at=ctx.clock(target.at), cancelled_at=ctx.clock(entry.at), text=sentence(withdrawn)))
    return out


def _cancelled_where(ctx: Context, target: Recorded) -> str | None:
    """The item an event that undo cancelled belonged to: its motion's, its own, or the item
    under discussion when it was entered (what the next effective event found open)."""
    event = target.event
    number = getattr(event, "motion", None)
    if isinstance(number, int) and number in ctx.state.motions:
        return ctx.state.motions[number].item
    if isinstance(event, ev.Noted | ev.ActionRecorded | ev.ItemOpened):
        return event.item
    later = next((step for step in ctx.steps if step.entry.seq > target.seq), None)
    return later.item if later is not None else ctx.state.current
