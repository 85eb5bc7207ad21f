"""Approving the minutes of an earlier meeting: whether the council has approved them, and on what.

RONR §48: minutes are approved by general consent (the chair asks for corrections and, none
being objected to, declares them approved as corrected) or, when a member objects, by a vote
on a motion to approve them. A minutes-approval item names the minutes it approves (its
`approves` key, read when the meeting is loaded); the chair's `approve-minutes` records that
they stand approved, with the corrections as text. What that declaration rests on:

- no motion on the item: the council's general consent;
- the item's motion carried (by consent or by a vote): that motion, whatever its wording;
- the item's motion lost: the council did not approve them, and the chair cannot say it did;
- the motion pending, or set aside (laid on the table, postponed, referred, dismissed): the
  question is not decided yet.

The minutes approved are of a meeting already held: the sitting that approves them began after
that meeting was adjourned (as its journal records it), whatever the agendas' dates say.

A withdrawn motion leaves the question where it was. The approval covers the minutes as
circulated (the hashes recorded at loading) plus these corrections, nothing written later.

The corrections are what the council decided: by general consent, those the chair records (none
being objected to); on a carried motion, those the motion states, as carried, amendments
included. A motion that approved the minutes "as circulated" approved them without corrections.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from meeting.domain.state import Motion, State


@dataclass(frozen=True, slots=True)
class Approval:
    """The minutes may be declared approved: on this carried motion, or (None) by general consent."""

    motion: int | None


@dataclass(frozen=True, slots=True)
class NotApproved:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


def approving_motion(state: State, item_id: str) -> Motion | None:
    """The motion that puts the question of approval: the item's last main motion not withdrawn."""
    moved = [
        motion
        for _number, motion in sorted(state.motions.items())
        if motion.item == item_id and motion.kind == "main" and motion.status != "withdrawn"
    ]
    return moved[-1] if moved else None


def approval_basis(state: State, item_id: str | None) -> Approval | NotApproved:
    """Whether the chair may declare the minutes the item names approved, and on what."""
    if item_id is None:
        return NotApproved("item.none-open")
    circulated = state.circulated.get(item_id)
    if circulated is None:
        return NotApproved("minutes.nothing-to-approve", {"item": item_id})
    if item_id in state.approved:
        return NotApproved("minutes.already-approved", {"meeting": circulated.meeting})
    began = sitting_began(state, state.clock)
    if sat_before_adjournment(began, circulated.adjourned):
        assert began is not None and circulated.adjourned is not None
        zone = ZoneInfo(state.meeting.agenda.time_zone)
        return NotApproved(
            "minutes.before-meeting",
            {
                "meeting": circulated.meeting,
                "began": local(began, zone),
                "adjourned": local(circulated.adjourned, zone),
            },
        )
    if state.stack:
        return NotApproved("item.motion-pending", {"motion": state.stack[-1]})
    motion = approving_motion(state, item_id)
    if motion is None:
        return Approval(None)
    if motion.status in ("carried", "adopted"):
        return Approval(motion.number)
    if motion.status == "lost":
        return NotApproved("minutes.approval-lost", {"motion": motion.number})
    return NotApproved("minutes.approval-set-aside", {"motion": motion.number, "decided": motion.status})


def adjourned_at(state: State) -> datetime | None:
    """When the meeting was last adjourned; None if it never was."""
    return next((at for name, at in reversed(state.sessions) if name == "adjourned"), None)


def sitting_began(state: State, at: datetime) -> datetime | None:
    """When the sitting in progress at `at` began (its call to order); None before any."""
    return next((when for name, when in reversed(state.sessions) if name == "begun" and when <= at), None)


def sat_before_adjournment(began: datetime | None, adjourned: datetime | None) -> bool:
    """Whether a sitting that began then sat before the earlier meeting was adjourned: it cannot
    approve that meeting's minutes (RONR §48: minutes are approved at a later meeting)."""
    return began is not None and adjourned is not None and began < adjourned


def local(at: datetime, zone: ZoneInfo) -> str:
    """A time as a message gives it: the date and the minute, in the agenda's zone."""
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def corrections_refusal(state: State, basis: Approval, corrections: str | None) -> NotApproved | None:
    """Why these corrections may not be recorded with the approval, or None: on a carried motion,
    the corrections must be words of that motion as carried (moved with it, or put in by an
    amendment), found in its text whatever the case and spacing; by general consent, any."""
    if not corrections or basis.motion is None:
        return None
    if _plain(corrections) in _plain(state.motions[basis.motion].text):
        return None
    return NotApproved("minutes.corrections-not-decided", {"motion": basis.motion})


def _plain(text: str) -> str:
    return " ".join(text.split()).casefold()
