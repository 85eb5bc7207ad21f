"""The attendance of the minutes, sitting by sitting: who attended and how, proxies,
apologies, the quorum at the call to order and at each change, who was in the chair, the
recesses, and the sitting's timetable, every minute from the call to order to adjournment."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from meeting.domain import events as ev
from meeting.domain.attendance import QuorumStatus
from meeting.domain.council import Member
from meeting.domain.record import QuorumChange, Slot, Step, timetable
from meeting.i18n import N_, _, agreeing, ngettext
from meeting.minutes import model as m
from meeting.minutes.wording import Context
from meeting.vocabulary import ATTENDED, ROLES, attendance_words, item_heading, item_title, region_words, said_of
from meeting.words import quorum_count_words, quorum_words, votes_present


def quorum_words_of(ctx: Context, status: QuorumStatus) -> str:
    """ "15 of 21 voting seats present (11 needed); 4 of 5 regions represented (3 needed)"."""
    short = status.short_figures(ctx.council)
    return quorum_count_words(
        status.present,
        status.needed,
        status.seats,
        status.regions_present,
        status.regions_needed,
        status.regions_total,
        short,
        votes=votes_present(
            status.votes_present, status.votes_total, status.votes_required, status.votes_strictly, status.votes_needed
        ),
        council=ctx.council,
    )


def _quorum_lines(ctx: Context, changes: list[QuorumChange]) -> list[m.QuorumLine]:
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
                words=quorum_words_of(ctx, status),
            )
        )
    return lines


def _row(
    ctx: Context,
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
        attended = attendance_words("apologies", member.id, ctx.council)
    else:
        attended = attendance_words("absent", member.id, ctx.council)
    if not modes and alternate_attended:
        represented = agreeing(N_("; represented by the alternate, {name}"), said_of([member.id], ctx.council))
        attended += represented.format(name=alternate_attended)
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
                movements.append(_("back {time}").format(time=ctx.clock.said(at)))
            away, seen = False, True
        elif status in ("left", "dropped") and seen:
            movements.append(
                ctx.clock.said(at)
                if status == "left"
                else _("{time} (connection dropped)").format(time=ctx.clock.said(at))
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
            m.AttendanceChange(at=ctx.clock(at), status=status, words=attendance_words(status, member.id, ctx.council))
            for at, status in changes
        ],
    )


def _attendance(ctx: Context, steps: list[Step]) -> m.Attendance:
    council = ctx.council
    changes: dict[str, list[tuple[datetime, str]]] = {}
    lodged: list[tuple[str, str, datetime, datetime | None]] = []
    begun = False
    for step in steps:
        event, at = step.entry.event, step.entry.at
        begun = begun or isinstance(event, ev.Begun)
        if isinstance(event, ev.AttendanceChanged):
            for member, status in event.changes.items():
                # Before the call to order only where a member stands at it counts: one marked
                # present by mistake, then absent, was minuted "in person".
                if begun:
                    changes.setdefault(member, []).append((at, status))
                else:
                    changes[member] = [(at, status)]
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
        regions.append(m.RegionAttendance(id=region.id, name=region_words(region), seats=len(seats), rows=rows))
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


def sittings(ctx: Context, quorum: list[QuorumChange]) -> list[m.Sitting]:
    by_number: dict[int, list[Step]] = {}
    for step in ctx.steps:
        by_number.setdefault(step.sitting, []).append(step)
    rules = ctx.state.meeting.rules
    slots = timetable(ctx.steps)
    out = []
    for number, steps in by_number.items():
        began = next((s.entry.at for s in steps if isinstance(s.entry.event, ev.Begun)), None)
        adjourned = next((s.entry.at for s in steps if s.phase == "adjourned"), None)
        recesses = list(_recesses(ctx, steps))
        chairs = _chairs(ctx, steps, began, adjourned)
        parts = []
        if began is not None:
            parts.append(
                _("Called to order at {time} by {chair}.").format(
                    time=ctx.clock.said(began),
                    chair=ctx.who(_presiding_at(ctx, began) or ctx.state.meeting.agenda.chair),
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
            parts.append(_("Adjourned at {time}.").format(time=ctx.clock.said(adjourned)))
        out.append(
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
                timetable=[_slot(ctx, slot) for slot in slots if slot.sitting == number],
            )
        )
    return out


def _recesses(ctx: Context, steps: list[Step]) -> Iterator[m.Recess]:
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


def _recess(ctx: Context, start: datetime, end: datetime | None, planned: int | None) -> m.Recess:
    if end is not None:
        words = _("Recess {start}–{end}").format(start=ctx.clock.said(start), end=ctx.clock.said(end))
    else:
        words = _("Recess from {start}").format(start=ctx.clock.said(start))
    if planned:
        words += " " + ngettext("({minutes} minute declared)", "({minutes} minutes declared)", planned).format(
            minutes=planned
        )
    return m.Recess(start=ctx.clock(start), end=ctx.clock(end) if end else None, planned_minutes=planned, words=words)


def _presiding_at(ctx: Context, moment: datetime) -> str | None:
    return [member for at, member in ctx.state.chairs if at <= moment][-1]


def _chairs(ctx: Context, steps: list[Step], began: datetime | None, adjourned: datetime | None) -> list[m.ChairTerm]:
    """Who presided, from the sitting's start to its adjournment; the spans when nobody did
    are left out, and so are hand-overs undone within the same instant."""
    start, last = began or steps[0].entry.at, steps[-1].entry.at
    terms = [(_presiding_at(ctx, start), start)]
    terms.extend((member, at) for at, member in ctx.state.chairs if start < at <= last)
    result = []
    for index, (member, at) in enumerate(terms):
        end = terms[index + 1][1] if index + 1 < len(terms) else adjourned
        if member is not None and end != at:
            result.append(
                m.ChairTerm(member=ctx.person(member), start=ctx.clock(at), end=ctx.clock(end) if end else None)
            )
    return result


def _slot(ctx: Context, slot: Slot) -> m.TimeSlot:
    if slot.kind == "item" and slot.item is not None:
        number = ctx.state.order.index(slot.item) + 1
        words = item_heading(number, item_title(ctx.state, slot.item))
    elif slot.kind == "recess":
        words = _("Recess")
    else:
        words = _("Between items")
    minutes = int(((slot.end or ctx.state.clock) - slot.start).total_seconds() // 60)
    return m.TimeSlot(
        start=ctx.clock(slot.start),
        end=ctx.clock(slot.end) if slot.end else None,
        minutes=minutes,
        kind=slot.kind,
        item=slot.item,
        words=words,
    )
