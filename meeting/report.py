"""The state of a meeting in words, for `meeting replay` and anything else that prints it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import PurePath

from meeting.domain import events as ev
from meeting.domain.attendance import QuorumStatus, quorum_status
from meeting.domain.procedure import motions_in_order
from meeting.domain.state import Motion, State
from meeting.i18n import _, ngettext
from meeting.vocabulary import (
    ATTENDANCE,
    CHOICES,
    EVENT_NAMES,
    ITEM_STATUS,
    MOTION_NAMES,
    MOTION_STATUS,
    NOMINATION_ANSWERS,
    PHASES,
    attendance_words,
    circulated_title,
    elected_words,
    item_title,
    meeting_title,
    member_name,
    member_names,
    members_counted,
    minutes_of_planned,
    office_words,
    ruled_phrase,
    words,
)
from meeting.words import labelled, outcome_words, quorum_status_words, votes_present


def quorum_line(state: State, status: QuorumStatus | None = None) -> str:
    status = status or quorum_status(state)
    short = status.short_figures(state.meeting.council)
    return quorum_status_words(
        status.present,
        status.needed,
        status.seats,
        status.regions_present,
        status.regions_needed,
        status.regions_total,
        short,
        votes_present(
            status.votes_present, status.votes_total, status.votes_required, status.votes_strictly, status.votes_needed
        ),
        state.meeting.council,
    )


def minutes_used(state: State, item_id: str, now: datetime | None = None) -> int:
    """Minutes spent on an item so far; an open item counts up to `now` (the last event)."""
    item = state.items[item_id]
    used = item.used
    if item.opened_at is not None:
        used += max((now or state.clock) - item.opened_at, timedelta())
    return int(used.total_seconds() // 60)


def motion_line(motion: Motion) -> str:
    result = motion.outcome and outcome_words(motion.outcome, motion.kind)
    name = _(MOTION_NAMES[motion.kind])
    head = f"#{motion.number} {name}: {motion.text}" if motion.text else f"#{motion.number} {name}"
    if not result and motion.ruling is not None and motion.appeal != "reversed":  # the ruling, not "carried"
        result = ruled_phrase(motion.kind, motion.ruling)
    return f"{head} — {result or _(MOTION_STATUS[motion.status])}"


def summary_lines(state: State) -> Iterator[str]:
    agenda = state.meeting.agenda
    yield f"{meeting_title(agenda)} [{agenda.id}]: {_(PHASES[state.phase])}"
    # A seat not here is absent; an alternate or an observer not here was not expected.
    seats = {seat.id for seat in state.meeting.council.seats}
    counts: Counter[str] = Counter(
        p.status for member_id, p in state.presence.items() if member_id in seats or p.status != "absent"
    )
    yield _("Attendance: {counts}").format(
        counts=", ".join(f"{counts[s]} {_(ATTENDANCE[s])}" for s in ATTENDANCE if counts[s])
    )
    yield _("Quorum: {words}").format(words=quorum_line(state))
    presiding = member_name(state, state.chair) if state.chair is not None else _("nobody")
    yield _("In the chair: {chair} · minutes: {secretary}").format(
        chair=presiding, secretary=member_name(state, state.secretary)
    )
    in_order = motions_in_order(state)
    if in_order:
        yield _("In order now: {motions}").format(motions=_(", ").join(_(MOTION_NAMES[kind]) for kind in in_order))
    yield _("Items:")
    statuses = {item_id: _(ITEM_STATUS[state.items[item_id].status]) for item_id in state.order}
    width = max(map(len, statuses.values()), default=0)
    for number, item_id in enumerate(state.order, start=1):
        item = state.items[item_id]
        used = minutes_used(state, item_id)
        yield f"  {number:>2}. {item_id:<20} {statuses[item_id]:<{width}} {minutes_of_planned(used, item.item.minutes)}"
    held = [e for e in state.elections.values() if e.closed is not None]
    if held:
        yield _("Elections:")
        for election in held:
            elected = member_names(state, election.elected) or _("nobody yet")
            ballots = len(election.rounds)
            yield "  " + ngettext(
                "{office}: {elected} ({ballots} ballot)", "{office}: {elected} ({ballots} ballots)", ballots
            ).format(office=office_words(election.election), elected=elected, ballots=ballots)
    decided = [m for m in state.motions.values() if m.kind != "point_of_order"]
    if decided:
        yield _("Motions:")
        for motion in decided:
            yield "  " + motion_line(motion)


# Attendance changed for more members than this at once is said in counts, not names.
NAMED_CHANGES = 6


def describe(event: ev.AnyEvent, state: State) -> str:
    """One line saying what an event records, for the undo question and notifications."""

    def name(member: str) -> str:
        return member_name(state, member)

    def what_for(who: str) -> str:  # "speakers queued: Foday Kamanda-Lewis, Otieno Wafula-Achieng"
        return labelled(_(EVENT_NAMES[event.type]), who)

    match event:
        case ev.AttendanceChanged(changes=changes, chair=chair):
            if len(changes) > NAMED_CHANGES:  # a bulk `present` of 101 filled 8 of 24 lines: counted
                counted = Counter(changes.values())
                changed = _("; ").join(members_counted(status, n) for status, n in counted.items())
            else:
                changed = _("; ").join(f"{name(m)} {attendance_words(s, m, state)}" for m, s in changes.items())
            text = _("attendance: {changes}").format(changes=changed)
            if chair is not None:
                taker = name(chair.member) if chair.member else _("nobody")
                text += _("; ") + _("in the chair: {member}").format(member=taker)
            return text
        case ev.ProxyLodged(principal=principal, holder=holder):
            return _("proxy of {principal} to {holder}").format(principal=name(principal), holder=name(holder))
        case ev.ProxyRevoked(principal=principal):
            return _("proxy of {principal} revoked").format(principal=name(principal))
        case ev.MotionMoved(motion=number, kind=kind, mover=mover):
            return _("motion #{number} ({kind}) moved by {mover}").format(
                number=number, kind=_(MOTION_NAMES[kind]), mover=name(mover)
            )
        case ev.MotionSeconded(motion=number, member=member):
            return _("motion #{number} seconded by {member}").format(number=number, member=name(member))
        case ev.Blocked(motion=number, member=member):
            return _("{member} blocked consensus on motion #{number}").format(member=name(member), number=number)
        case ev.StoodAside(motion=number, member=member):
            return _("{member} stood aside on motion #{number}").format(member=name(member), number=number)
        case ev.ConsentObjected(motion=number, member=str(member)):
            return _("{member} objected to consent on motion #{number}").format(member=name(member), number=number)
        case ev.FloorGiven(member=member):
            return _("the floor to {member}").format(member=name(member))
        case ev.FloorYielded(member=member):
            return _("end of the speech of {member}").format(member=name(member))
        case ev.Recessed(minutes=int(minutes)):
            return ngettext("recess of {minutes} minute", "recess of {minutes} minutes", minutes).format(
                minutes=minutes
            )
        case ev.MinutesApproved(item=item, meeting=meeting, corrections=corrections):
            circulated = state.circulated.get(item)
            title = circulated_title(circulated) if circulated is not None else meeting
            if corrections:
                return _("minutes of {meeting} approved, with corrections").format(meeting=title)
            return _("minutes of {meeting} approved").format(meeting=title)
        case (
            ev.VoteCounted(motion=number, outcome=outcome)
            | ev.RollCallClosed(motion=number, outcome=outcome)
            | ev.TieBroken(motion=number, outcome=outcome)
        ):
            # An appeal's result is said of the chair's decision ("sustained"), as its result screen says it.
            said = outcome_words(outcome, state.motions[number].kind)
            return _("result of motion #{number}: {outcome}").format(number=number, outcome=said)
        case ev.RollCallVoted(votes=votes, choice=choice):
            return _("roll call: {voters} {choice}").format(
                voters=member_names(state, [v.voter for v in votes]), choice=words(CHOICES, choice)
            )
        case ev.NominationSeconded(candidate=candidate, member=member):
            return _("nomination of {candidate} seconded by {member}").format(
                candidate=name(candidate), member=name(member)
            )
        case ev.NominationAnswered(candidate=candidate, answer=answer):
            return what_for(f"{name(candidate)} ({words(NOMINATION_ANSWERS, answer)})")
        case ev.MotionWithdrawn(motion=number) | ev.DecisionPublished(motion=number):
            return what_for(f"#{number}")
        case ev.DivisionDemanded(motion=number, member=member):
            return what_for(f"#{number}, {name(member)}")
        case ev.SpeakersQueued(members=members):
            return what_for(member_names(state, members))
        case ev.RoundOpened(candidates=candidates):
            return what_for(member_names(state, candidates))
        case (
            ev.ChairHanded(member=member)
            | ev.SecretaryNamed(member=member)
            | ev.SpeakerRemoved(member=member)
            | ev.InterestDeclared(member=member)
            | ev.Recused(member=member)
            | ev.InterestCleared(member=member)
            | ev.PointRaised(member=member)
            | ev.CandidacyWithdrawn(candidate=member)
        ):
            return what_for(name(member))
        case ev.ItemOpened(item=item) | ev.ItemClosed(item=item):
            return _("item {title}: {what}").format(title=item_title(state, item), what=_(EVENT_NAMES[event.type]))
        case ev.Noted(text=text) | ev.ActionRecorded(what=text):
            return _("{what}: {text}").format(what=_(EVENT_NAMES[event.type]), text=text)
        case ev.CandidateNominated(candidate=candidate, by=by, seconder=str(seconder)):
            return _("{candidate} nominated by {by}, seconded by {seconder}").format(
                candidate=name(candidate), by=name(by), seconder=name(seconder)
            )
        case ev.CandidateNominated(candidate=candidate, by=by):
            return _("{candidate} nominated by {by}").format(candidate=name(candidate), by=name(by))
        case ev.PapersEntered(papers=[paper], file=None):
            # The ranking, so that the undo question says which paper it takes back.
            return ngettext(
                "{count} ballot paper entered: {ranking}",
                "{count} identical ballot papers entered: {ranking}",
                paper.count,
            ).format(count=paper.count, ranking=" › ".join(name(candidate) for candidate in paper.ranking))
        case ev.PapersEntered(papers=papers, file=ev.SourceFile(path=path)):
            count = sum(paper.count for paper in papers)  # as the election screen counts them, blank aside
            return ngettext(
                "{count} ballot paper read from {file}", "{count} ballot papers read from {file}", count
            ).format(count=count, file=PurePath(path).name)
        case ev.ResultDeclared(round=number):
            result = event.ballot or event.count
            elected = result.elected if result is not None else ()
            if elected:
                return _("ballot {number}: {names} {elected}").format(
                    number=number, names=member_names(state, elected), elected=elected_words(elected, state)
                )
            return _("ballot {number}: nobody elected").format(number=number)
    return _(EVENT_NAMES[event.type])
