"""The state of a meeting in words, for `meeting replay` and anything else that prints it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from meeting.domain.attendance import quorum_status
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


def quorum_line(state: State) -> str:
    status = quorum_status(state)
    council = state.meeting.council
    short = [region.name if (region := council.region(r.region)) else r.region for r in status.short_regions]
    return quorum_status_words(
        status.present, status.needed, status.seats, status.regions_present, status.regions_needed,
        status.regions_total, short,
    )


def minutes_used(state: State, item_id: str) -> int:
    item = state.items[item_id]
    used = item.used
    if item.opened_at is not None:  # still open: up to now
        used += state.clock - item.opened_at
    return int(used.total_seconds() // 60)




def motion_line(motion: Motion) -> str:
    result = motion.outcome and outcome_words(motion.outcome)
    name = _(MOTION_NAMES[motion.kind])
    head = f"#{motion.number} {name}: {motion.text}" if motion.text else f"#{motion.number} {name}"
    return f"{head} — {result or _(MOTION_STATUS[motion.status])}"


def summary_lines(state: State) -> Iterator[str]:
    agenda = state.meeting.agenda
    yield f"{agenda.title} [{agenda.id}]: {_(PHASES[state.phase])}"
    counts = Counter(p.status for p in state.presence.values())
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
