"""The words of the minutes: who and what they name (people, items, motions), times as they are
shown, and each decision with its count read one way.

Everything a rule decides comes from the domain (the outcomes the engine recorded,
`how_decided`, `roll_call_by_region`, `minutes_numbers`, `yes_needed`); this module only says it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

from meeting.domain import events as ev
from meeting.domain.council import Council, Region
from meeting.domain.decisions import how_decided, minutes_numbers, roll_call_by_region
from meeting.domain.motions import ADMITTED_BY_RULING
from meeting.domain.outcome import yes_needed
from meeting.domain.record import Step
from meeting.domain.state import DISPOSING, Motion, State
from meeting.formats import clock_time, long_date_time, medium_date_time
from meeting.i18n import N_, _, current_language
from meeting.minutes import model as m
from meeting.vocabulary import (
    CHOICES,
    HOW,
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    RESULTS,
    RULINGS,
    VIA,
    about,
    item_words,
    not_voting_words,
    quoted,
    region_name,
    region_words,
    ruling_words,
    seat_vote_words,
    sentence,
    upper_first,
    who,
)
from meeting.words import (
    amount_text,
    count_words,
    counts_words,
    outcome_words,
    result_words,
    tie_break_words,
    vote_rule_words,
)


@dataclass(frozen=True, slots=True)
class Clock:
    """Times as the minutes show them: HH:MM in the meeting's zone, the date in front when
    it is not the meeting's day."""

    zone: ZoneInfo
    day: date

    def __call__(self, moment: datetime) -> str:
        local = moment.astimezone(self.zone)
        hours = clock_time(local)
        return hours if local.date() == self.day else f"{local.date().isoformat()} {hours}"

    def said(self, moment: datetime) -> str:
        """A time in a sentence: HH:MM on the meeting's day, else with the date in the minutes'
        language ("Adjourned at 11 Dec 2026, 12:10."), never the files' "2026-12-11 12:10"."""
        local = moment.astimezone(self.zone)
        return clock_time(local) if local.date() == self.day else medium_date_time(local)

    def words(self, moment: datetime) -> str:
        """The date and the time in the minutes' language: "Sunday, 20 December 2026, 09:15"."""
        return long_date_time(moment.astimezone(self.zone))


def held_on(state: State, zone: ZoneInfo) -> date:
    """The day the meeting was held: that of its call to order, which may not be the day it was
    scheduled for (the minutes said "held on 10 December" of a meeting held on the 4th, and put
    that date before every time); before it, the scheduled day."""
    began = next((at for name, at in state.sessions if name == "begun"), None)
    return began.astimezone(zone).date() if began is not None else state.meeting.agenda.scheduled_start.date()


class Context:
    """The final state, and what every sentence needs from it."""

    def __init__(self, state: State, steps: list[Step], confidential: bool) -> None:
        self.state = state
        self.council: Council = state.meeting.council
        agenda = state.meeting.agenda
        zone = ZoneInfo(agenda.time_zone)
        self.day = held_on(state, zone)
        self.clock = Clock(zone, self.day)
        self.steps = steps
        self.numbers = minutes_numbers(state)
        self.confidential = confidential
        # Items taken in closed session, whose record stays out of the public minutes.
        self.closed = frozenset(i for i in state.order if state.items[i].item.closed)
        self.published = frozenset(state.published)
        self._people: dict[str, m.Person] = {}

    def hidden(self, item: str | None) -> bool:
        """Whether what happened under this item stays out of these minutes."""
        return not self.confidential and item in self.closed

    def person(self, member_id: str) -> m.Person:
        """The member as the minutes name them; made once each (a roll call of 1,000 names them all
        every time)."""
        found = self._people.get(member_id)
        if found is None:
            member = self.council.member(member_id)
            found = (
                m.Person(id=member_id, name=member_id)
                if member is None
                else m.Person(id=member.id, name=member.name, about=about(self.council, member))
            )
            self._people[member_id] = found
        return found

    def who(self, member_id: str) -> str:
        return who(self.council, member_id)

    def names(self, member_ids: Sequence[str]) -> str:
        return _(", ").join(self.who(member) for member in member_ids)

    def seat_votes(self, voters: Sequence[ev.Voter]) -> str:
        return _(", ").join(seat_vote_words(self.council, voter) for voter in voters)

    def item_words(self, item_id: str) -> str:
        return item_words(self.state, item_id)

    def label(self, motion: Motion) -> str:
        """ "Motion 3", "Amendment 4 to motion 3", "Motion 7 (lay on the table)"; what the chair
        rules on without a vote is not numbered: "The point of order"."""
        number = self.numbers.get(motion.number)
        if number is None:
            return upper_first(_("the {kind}").format(kind=_(MOTION_NAMES[motion.kind])))
        if motion.kind == "main":
            return _("Motion {number}").format(number=number)
        if motion.kind == "amend":
            target = self.state.motions.get(motion.applies_to) if motion.applies_to else None
            if target is not None and target.kind == "amend":
                return _("Amendment {number} to amendment {target}").format(
                    number=number, target=self.numbers.get(target.number)
                )
            return _("Amendment {number} to motion {target}").format(
                number=number, target=self.numbers.get(motion.applies_to or 0, "?")
            )
        return _("Motion {number} ({kind})").format(number=number, kind=_(MOTION_NAMES[motion.kind]))

    def ref(self, number: int | None) -> str:
        """A motion named inside a sentence: "motion 3", "the point of order"."""
        motion = self.state.motions.get(number) if number is not None else None
        return lower_label(self.label(motion)) if motion is not None else "?"


def lower_label(label: str) -> str:
    return label[:1].lower() + label[1:]


# ── votes and motions ─────────────────────────────────────────────────────────


def vote_record(ctx: Context, motion: Motion) -> m.VoteRecord | None:
    outcome = motion.outcome
    if outcome is None or motion.method not in ("show_of_hands", "roll_call", "secret_ballot"):
        return None
    roll_call: list[m.RollCallVote] = []
    by_region: list[m.RegionTally] = []
    poll = motion.poll
    if motion.method == "roll_call" and poll is not None and poll.method == "roll_call":
        for voter in poll.entitled:
            cast = poll.choices.get(voter.seat)
            roll_call.append(_roll_call_vote(ctx, cast[0] if cast else voter, cast[1] if cast else "none"))
        answered = {v.seat for v in poll.entitled}
        for seat, (voter, choice) in poll.choices.items():  # a seat that answered outside the list
            if seat not in answered:
                roll_call.append(_roll_call_vote(ctx, voter, choice))
        roll_call += [_not_called(ctx, seat, why) for seat, why in motion.not_called.items()]
        regions = {r.id: n for n, r in enumerate(ctx.council.regions)}
        seats = {s.id: n for n, s in enumerate(ctx.council.members)}
        roll_call.sort(key=lambda v: (regions.get(v.region or "", len(regions)), seats.get(v.seat.id, 0)))
        by_region = [
            m.RegionTally(
                region=c.region, name=region_name(ctx.council, c.region), yes=c.yes, no=c.no, abstain=c.abstain
            )
            for c in roll_call_by_region(ctx.state, motion)
        ]
    return m.VoteRecord(
        at=ctx.clock(motion.decided_at) if motion.decided_at else "",
        method=motion.method,
        method_words=_(METHODS[motion.method]),
        result=outcome.result,
        result_words=result_words(outcome.result, motion.kind),
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
        needed=yes_needed(outcome),
        counts_words=counts_words(outcome.yes, outcome.no, outcome.abstain, outcome.blank),
        threshold_words=vote_rule_words(outcome),
        tie_broken_by=outcome.tie_broken_by,
        casting=outcome.casting,
        tie_break_words=tie_break_words(outcome),
        words=outcome_words(outcome, motion.kind),
        by_region=by_region,
        roll_call=roll_call,
        votes=_votes_record(outcome.votes),
        chambers=[_chamber_record(chamber) for chamber in outcome.chambers or ()],
    )


def _votes_record(votes: ev.Votes | None) -> m.VotesRecord | None:
    if votes is None:
        return None
    return m.VotesRecord(
        yes=_exact_text(votes.yes),
        no=_exact_text(votes.no),
        abstain=_exact_text(votes.abstain),
        base=_exact_text(votes.base),
        needed=votes.needed,
    )


def _chamber_record(chamber: ev.ChamberOutcome) -> m.ChamberRecord:
    return m.ChamberRecord(
        chamber=chamber.chamber,
        name=chamber.name,
        yes=chamber.yes,
        no=chamber.no,
        abstain=chamber.abstain,
        votes=_votes_record(chamber.votes),
        share=None if chamber.weight is None else _exact_text(chamber.weight),
        required=None if chamber.required is None else _exact_text(chamber.required),
        result=chamber.result,
        result_words=None if chamber.result is None else _(RESULTS[chamber.result]),
    )


def _region_of(ctx: Context, seat_id: str) -> Region | None:
    seat = ctx.council.member(seat_id)
    return ctx.council.region(seat.region) if seat and seat.region else None


def _roll_call_vote(ctx: Context, voter: ev.Voter, choice: str) -> m.RollCallVote:
    region = _region_of(ctx, voter.seat)
    return m.RollCallVote(
        seat=ctx.person(voter.seat),
        voter=ctx.person(voter.voter),
        via=voter.via,
        via_words=_(VIA[voter.via]) if voter.via in VIA else None,
        region=region.id if region else None,
        region_name=region_words(region) if region else None,
        choice=choice,
        choice_words=_(CHOICES[choice]),
    )


def _not_called(ctx: Context, seat_id: str, why: str) -> m.RollCallVote:
    region = _region_of(ctx, seat_id)
    return m.RollCallVote(
        seat=ctx.person(seat_id),
        voter=None,
        via="titular",
        region=region.id if region else None,
        region_name=region_words(region) if region else None,
        choice="none",
        choice_words=not_voting_words(why, seat_id, ctx.council),
        not_called=why,
    )


def _exact_text(value: object) -> str:
    assert isinstance(value, Fraction)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


# Ways of deciding that the sentence of the result already says.
TOLD_BY_THE_COUNT = frozenset({"vote", "chair", "chair_on_appeal", "unanimous_consent", "consensus"})


def how(ctx: Context, motion: Motion) -> tuple[str | None, str | None, list[str]]:
    decided = how_decided(ctx.state, motion)
    if decided is None or motion.status in ("withdrawn", "tabled", "postponed", "dismissed"):
        return None, None, []
    if motion.status == "referred" and decided.path != "referred":
        return None, None, []
    blocked = list(decided.blocked_by)
    return decided.path, _(HOW[decided.path]).format(blocked=ctx.names(blocked)), blocked


_EFFECTS = {
    "lay_on_table": N_("{Target} was laid on the table."),
    "take_from_table": N_("{Target} was taken from the table and is again before the meeting."),
    "postpone": N_("{Target} was postponed."),
    "commit": N_("{Target} was referred to a committee."),
    "postpone_indefinitely": N_("{Target} was dismissed (postponed indefinitely)."),
    "objection_to_consideration": N_("{Target} will not be considered."),
    "previous_question": N_("Debate on {target} was closed."),
    "reconsider": N_("{Target} is again before the meeting."),
    "withdraw": N_("{Target} was withdrawn."),
    "amend": N_("{Target} was amended accordingly."),
    "adjourn": N_("The meeting adjourned."),
    "recess": N_("The meeting went into recess."),
}


# The motions that send a question elsewhere, on terms they state: to whom, to when.
ON_TERMS = {"commit": N_("{Target} was referred: {terms}."), "postpone": N_("{Target} was postponed: {terms}.")}


def effect(ctx: Context, motion: Motion, result: str) -> str | None:
    """What a carried motion did to another, in words (the state did it)."""
    if motion.kind == "appeal":
        return _appeal_effect(ctx, motion, sustained=result == "carried")
    if result != "carried":
        return None
    if motion.kind == "main" and ctx.state.agenda_adopted == motion.decided_at and _adopts_agenda(ctx, motion):
        return _("The agenda was adopted.")
    if motion.kind == "change_agenda" and motion.agenda is not None:
        return agenda_change_words(ctx, motion.agenda, done=True)
    if motion.kind not in _EFFECTS:
        return None
    target = ctx.ref(motion.applies_to)
    # A motion that had set the main motion aside, reconsidered: both are back (as it stood then).
    changed = motion.before_effect.motions if motion.before_effect and motion.kind == "reconsider" else {}
    before = changed.get(motion.applies_to) if motion.applies_to is not None else None
    if before is not None and before.kind in DISPOSING and before.status == "carried":
        return _("{Target} and {main}, which it had set aside, are again before the meeting.").format(
            Target=upper_first(target), main=ctx.ref(before.applies_to)
        )
    # The previous question on a series of pending questions, down to the one it names (§16).
    if (
        motion.kind == "previous_question"
        and motion.before_effect
        and motion.before_effect.stack[-1:] != [motion.applies_to]
    ):
        return _("Debate on {target} and on every question pending on it was closed.").format(target=target)
    if motion.kind in ON_TERMS and motion.text:
        return _(ON_TERMS[motion.kind]).format(Target=upper_first(target), terms=quoted(motion.text))
    return _(_EFFECTS[motion.kind]).format(target=target, Target=upper_first(target))


def _adopts_agenda(ctx: Context, motion: Motion) -> bool:
    item = ctx.state.items.get(motion.item) if motion.item else None
    return item is not None and item.item.kind == "agenda_adoption"


def _appeal_effect(ctx: Context, motion: Motion, sustained: bool) -> str | None:
    """A reversed ruling on a point of order changes the fate of the motion it was about."""
    point = ctx.state.motions.get(motion.applies_to) if motion.applies_to is not None else None
    if sustained or point is None or point.kind != "point_of_order" or point.applies_to is None:
        return None
    against = ctx.ref(point.applies_to)
    if point.ruling == "well-taken":
        return _("{Target} is again before the meeting.").format(Target=upper_first(against))
    return _("{Target} was ruled out of order.").format(Target=upper_first(against))


def agenda_change_words(ctx: Context, change: ev.AgendaChange, done: bool) -> str:
    """A change to the adopted agenda: as proposed, or as made."""
    if change.change == "add" and change.added is not None:
        what = _("the item “{title}”").format(title=change.added.title)
        where = _(" after {item}").format(item=ctx.item_words(change.after)) if change.after else ""
        return (
            _("{What} was added to the agenda{where}.") if done else _("to add {what} to the agenda{where}")
        ).format(What=upper_first(what), what=what, where=where)
    item = ctx.item_words(change.item) if change.item else ""
    templates = {
        "reorder": (N_("{Item} was moved to follow {after}."), N_("to move {item} to follow {after}")),
        "defer": (N_("{Item} was deferred."), N_("to defer {item}")),
        "drop": (N_("{Item} was dropped from the agenda."), N_("to drop {item} from the agenda")),
    }
    made, proposed = templates[change.change]
    after = ctx.item_words(change.after) if change.after else ""
    return _(made if done else proposed).format(Item=upper_first(item), item=item, after=after)


def _earlier_decision(ctx: Context, before: Motion) -> m.EarlierDecision:
    """A decision the motion came back from; a result set aside by a division says so, where
    votes.csv would otherwise list it as "Carried" above the roll call that decided."""
    status_words, vote = _(MOTION_STATUS[before.status]), vote_record(ctx, before)
    if before.set_aside_by is not None:
        status_words = _("{result}, set aside by a division").format(result=status_words)
        if vote is not None:
            set_aside = _("{result}, set aside by a division").format(result=vote.result_words)
            vote = vote.model_copy(update={"result_words": set_aside})
    return m.EarlierDecision(status=before.status, status_words=status_words, vote=vote)


def appeal_words(outcome: ev.Outcome, method: str) -> str:
    """ "The decision of the chair was sustained (show of hands): 11 in favour, 6 against, 1
    abstention; 9 needed (at least half of the 17 votes cast)." """
    text = (
        _("The decision of the chair was sustained ({method}): {counts}.")
        if outcome.result == "carried"
        else _("The decision of the chair was overturned ({method}): {counts}.")
    )
    return text.format(counts=count_words(outcome), method=_(METHODS[method]))


# A ruling appealed: the assembly's decision is the one that stands (RONR §24).
_RULED_ON_APPEAL = {
    ("well-taken", "sustained"): N_("Ruled well taken; the ruling was sustained on appeal."),
    ("not-well-taken", "sustained"): N_("Ruled not well taken; the ruling was sustained on appeal."),
    ("well-taken", "reversed"): N_("Not upheld on appeal: the chair had ruled it well taken and was overruled."),
    ("not-well-taken", "reversed"): N_("Upheld on appeal: the chair had ruled it not well taken and was overruled."),
}


# The same of a question of privilege, which the chair admits or not (RONR §19).
_ADMITTED = {
    ("well-taken", None): N_("Admitted by the chair."),
    ("not-well-taken", None): N_("Not admitted by the chair."),
    ("well-taken", "sustained"): N_("Admitted by the chair; the ruling was sustained on appeal."),
    ("not-well-taken", "sustained"): N_("Not admitted by the chair; the ruling was sustained on appeal."),
    ("well-taken", "reversed"): N_("Not admitted on appeal: the chair had admitted it and was overruled."),
    ("not-well-taken", "reversed"): N_("Admitted on appeal: the chair had not admitted it and was overruled."),
}


def ruled_words(kind: str, ruling: str, appeal: str | None) -> str:
    """The chair's ruling in one sentence, and the assembly's on appeal: a ruling not well taken
    that the assembly reversed was minuted "Ruled not well taken" beside the row saying the
    chair was overruled (found by a parliamentarian); a question of privilege "Admitted by the
    chair.", where it read "Ruled well taken." (found by a parliamentarian)."""
    if kind in ADMITTED_BY_RULING:
        return _(_ADMITTED[(ruling, appeal)])
    if appeal is None:
        return _("Ruled {ruling}.").format(ruling=_(RULINGS[ruling]))
    return _(_RULED_ON_APPEAL[(ruling, appeal)])


def summary(ctx: Context, motion: Motion, vote: m.VoteRecord | None, how_words: str | None) -> str:
    """The decision in one sentence, for the table of decisions."""
    decided = how_decided(ctx.state, motion)
    told = decided is not None and decided.path in TOLD_BY_THE_COUNT
    if motion.ruling and motion.kind != "appeal" and ctx.numbers.get(motion.number) is None:
        return ruled_words(motion.kind, motion.ruling, motion.appeal)
    if vote is not None:
        appealed = motion.kind == "appeal" and motion.outcome is not None and motion.method is not None
        parts = [
            appeal_words(motion.outcome, motion.method)  # type: ignore[arg-type]  # both checked just above
            if appealed and vote.result != "pending"
            else upper_first(vote.words) + "."
        ]
        if (told_effect := effect(ctx, motion, vote.result)) is not None:
            parts.append(told_effect)
        if how_words and not told:
            parts.append(how_words)
        return " ".join(parts)
    if how_words and motion.status in ("carried", "referred"):
        told_effect = effect(ctx, motion, motion.status) if motion.status == "carried" else None
        return how_words if told_effect is None else f"{how_words} {told_effect}"
    return upper_first(_(MOTION_STATUS[motion.status])) + "."


# Motions whose text the engine copies from the motion they act on: not words of their own.
_TEXT_OF_THEIR_TARGET = frozenset({"take_from_table", "withdraw"})


def own_text(kind: str, text: str | None) -> str | None:
    """A motion's own words, as the minutes give them (RONR §48:4): those of a motion that acts
    on another too (the limits of debate, the time postponed to, the decision rescinded: they
    were left out); not another motion's text that it carries."""
    return None if kind in _TEXT_OF_THEIR_TARGET or not text else text


def motion_record(ctx: Context, motion: Motion) -> m.MotionRecord:
    path, how_words, blocked = how(ctx, motion)
    vote = vote_record(ctx, motion)
    if motion.number in ctx.published and not ctx.confidential and vote is not None:
        vote = vote.model_copy(update={"roll_call": [], "by_region": []})  # the count is made public, not names
    consensus = None
    if motion.consensus is not None:
        consensus = m.ConsensusRecord(
            blocks=[m.Block(member=ctx.person(member), reason=reason) for member, reason in motion.consensus.blocks],
            asides=[ctx.person(member) for member in motion.consensus.asides],
            result=motion.consensus.result,
        )
    earlier = [_earlier_decision(ctx, before) for before in motion.earlier]
    text = own_text(motion.kind, motion.text)
    if text and motion.kind == "point_of_order":
        text = sentence(text)  # the member's words, ended as a sentence
    return m.MotionRecord(
        number=motion.number,
        minutes_number=ctx.numbers.get(motion.number),
        item=motion.item,
        kind=motion.kind,
        kind_words=_(MOTION_NAMES[motion.kind]),
        label=ctx.label(motion),
        text=text,
        original_text=motion.original_text
        if text and motion.original_text and motion.original_text != motion.text
        else None,
        translation=translation_of(ctx, motion.item, motion.text) if motion.kind == "main" else None,
        applies_to=motion.applies_to,
        mover=ctx.person(motion.mover),
        seconder=ctx.person(motion.seconder) if motion.seconder else None,
        moved_at=ctx.clock(motion.moved_at),
        status=motion.status,
        status_words=_(MOTION_STATUS[motion.status]),
        decided_at=ctx.clock(motion.decided_at) if motion.decided_at else None,
        method=motion.method,
        how=path,
        how_words=how_words,
        blocked_by=[ctx.person(member) for member in blocked],
        consensus=consensus,
        objections=[ctx.person(member) for member in motion.objections if member is not None],
        unnamed_objections=motion.objections.count(None),
        ruling=motion.ruling,
        ruling_words=ruling_words(motion.kind, motion.ruling) if motion.ruling else None,
        appeal=motion.appeal,
        vote=vote,
        earlier=earlier,
        published=motion.number in ctx.published,
        summary=summary(ctx, motion, vote, how_words),
    )


def translation_of(ctx: Context, item_id: str | None, text: str | None) -> str | None:
    """The agenda's translation, into the minutes' language, of its draft motion for the item,
    when `text` is exactly that draft: a translation of other words would misquote the motion."""
    item = ctx.state.items.get(item_id) if item_id else None
    draft = item.item.motion if item else None
    if draft is None or text != draft.text:
        return None
    return draft.translations.get(current_language())
