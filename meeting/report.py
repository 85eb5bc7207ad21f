"""The state of a meeting in words, for `meeting replay` and anything else that prints it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta

from meeting.domain import events as ev
from meeting.domain.attendance import QuorumStatus, quorum_status
from meeting.domain.state import Motion, State
from meeting.i18n import N_, _
from meeting.messages import MOTION_NAMES
from meeting.words import outcome_words, quorum_status_words

PHASES = {
    "not_started": N_("not started"),
    "in_session": N_("in session"),
    "in_recess": N_("in recess"),
    "adjourned": N_("adjourned"),
}

ATTENDANCE = {
    "present": N_("in person"),
    "remote": N_("remote"),
    "apologies": N_("apologies"),
    "absent": N_("absent"),
    "left": N_("left"),
    "dropped": N_("connection dropped"),
}

ITEM_STATUS = {"pending": N_("pending"), "open": N_("open"), "done": N_("done"), "deferred": N_("deferred")}

MOTION_STATUS = {
    "pending": N_("pending"),
    "carried": N_("carried"),
    "lost": N_("lost"),
    "withdrawn": N_("withdrawn"),
    "tabled": N_("laid on the table"),
    "postponed": N_("postponed"),
    "referred": N_("referred"),
    "dismissed": N_("dismissed"),
    "adopted": N_("adopted"),
}


def quorum_line(state: State, status: QuorumStatus | None = None) -> str:
    status = status or quorum_status(state)
    council = state.meeting.council
    short = [region.name if (region := council.region(r.region)) else r.region for r in status.short_regions]
    return quorum_status_words(
        status.present,
        status.needed,
        status.seats,
        status.regions_present,
        status.regions_needed,
        status.regions_total,
        short,
    )


def minutes_used(state: State, item_id: str, now: datetime | None = None) -> int:
    """Minutes spent on an item so far; an open item counts up to `now` (the last event)."""
    item = state.items[item_id]
    used = item.used
    if item.opened_at is not None:
        used += max((now or state.clock) - item.opened_at, timedelta())
    return int(used.total_seconds() // 60)


def motion_line(motion: Motion) -> str:
    result = motion.outcome and outcome_words(motion.outcome)
    name = _(MOTION_NAMES[motion.kind])
    head = f"#{motion.number} {name}: {motion.text}" if motion.text else f"#{motion.number} {name}"
    return f"{head} — {result or _(MOTION_STATUS[motion.status])}"


def summary_lines(state: State) -> Iterator[str]:
    agenda = state.meeting.agenda
    yield f"{agenda.title} [{agenda.id}]: {_(PHASES[state.phase])}"
    counts: Counter[str] = Counter(p.status for p in state.presence.values())
    yield _("Attendance: {counts}").format(
        counts=", ".join(f"{counts[s]} {_(ATTENDANCE[s])}" for s in ATTENDANCE if counts[s])
    )
    yield _("Quorum: {words}").format(words=quorum_line(state))
    yield _("Items:")
    for number, item_id in enumerate(state.order, start=1):
        item = state.items[item_id]
        used = minutes_used(state, item_id)
        yield f"  {number:>2}. {item_id:<20} {_(ITEM_STATUS[item.status]):<9} {used:>3}/{item.item.minutes} min"
    decided = [m for m in state.motions.values() if m.kind != "point_of_order"]
    if decided:
        yield _("Motions:")
        for motion in decided:
            yield "  " + motion_line(motion)


def _names(state: State, ids: list[str] | tuple[str, ...]) -> str:
    council = state.meeting.council
    return ", ".join(m.name if (m := council.member(i)) else i for i in ids)


def describe(event: ev.AnyEvent, state: State) -> str:
    """One line saying what an event records, for the undo question and notifications."""

    def name(member: str) -> str:
        return _names(state, [member])

    match event:
        case ev.AttendanceChanged(changes=changes):
            return _("attendance: {changes}").format(
                changes="; ".join(f"{name(m)} {_(ATTENDANCE[s])}" for m, s in changes.items())
            )
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
        case (
            ev.VoteCounted(motion=number, outcome=outcome)
            | ev.RollCallClosed(motion=number, outcome=outcome)
            | ev.TieBroken(motion=number, outcome=outcome)
        ):
            return _("result of motion #{number}: {outcome}").format(number=number, outcome=outcome_words(outcome))
        case ev.RollCallVoted(votes=votes, choice=choice):
            return _("roll call: {voters} {choice}").format(
                voters=_names(state, [v.voter for v in votes]), choice=choice
            )
        case ev.ItemOpened(item=item) | ev.ItemClosed(item=item):
            title = state.items[item].item.title if item in state.items else item
            return _("item {title}: {what}").format(title=title, what=_(_EVENT_NAMES[event.type]))
        case ev.Noted(text=text) | ev.ActionRecorded(what=text):
            return _("{what}: {text}").format(what=_(_EVENT_NAMES[event.type]), text=text)
    return _(_EVENT_NAMES[event.type])


_EVENT_NAMES = {
    "meeting.loaded": N_("meeting loaded"),
    "meeting.begun": N_("meeting called to order"),
    "meeting.recessed": N_("recess"),
    "meeting.resumed": N_("meeting resumed"),
    "meeting.adjourned": N_("meeting adjourned"),
    "sitting.opened": N_("new sitting opened"),
    "chair.handed": N_("chair handed over"),
    "balance.waived": N_("gender balance waived"),
    "attendance": N_("attendance"),
    "proxy.lodged": N_("proxy lodged"),
    "proxy.revoked": N_("proxy revoked"),
    "item.opened": N_("opened"),
    "item.closed": N_("closed"),
    "item.added": N_("item added"),
    "item.moved": N_("item moved"),
    "motion.moved": N_("motion moved"),
    "motion.seconded": N_("motion seconded"),
    "motion.withdrawn": N_("motion withdrawn"),
    "vote.counted": N_("vote counted"),
    "consent.given": N_("adopted without objection"),
    "consent.objected": N_("objection to unanimous consent"),
    "tie.broken": N_("tie broken"),
    "consensus.called": N_("consensus called"),
    "consensus.blocked": N_("consensus blocked"),
    "consensus.aside": N_("stood aside"),
    "consensus.concluded": N_("consensus concluded"),
    "poll.opened": N_("voting opened"),
    "roll.voted": N_("roll-call vote"),
    "roll.closed": N_("roll call closed"),
    "point.raised": N_("point of order"),
    "point.ruled": N_("ruling of the chair"),
    "interest.declared": N_("interest declared"),
    "member.recused": N_("member recused"),
    "speakers.queued": N_("speakers queued"),
    "speakers.removed": N_("speaker removed from the queue"),
    "floor.given": N_("floor given"),
    "note": N_("note"),
    "action": N_("action item"),
    "undone": N_("undo"),
}
