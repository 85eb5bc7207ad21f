"""Building the minutes from a journal's state and events: `build` is `minutes_of`.

Three modules do the work: `wording` (who and what the minutes name, and each decision with its
count), `proceedings` (what each event records, item by item) and `attendance` (sitting by
sitting: attendance, quorum, chairs, recesses, the timetable). This one puts the record together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from meeting.domain import events as ev
from meeting.domain.record import Step, chronicle, item_spans, quorum_changes
from meeting.domain.state import Recorded, State
from meeting.formats import clock_time, medium_date
from meeting.i18n import N_, P_, WORKING_DAY, _, agreeing, current_language
from meeting.minutes import model as m
from meeting.minutes.attendance import sittings
from meeting.minutes.elections import election_records
from meeting.minutes.proceedings import (
    circulated_words,
    corrections,
    interests,
    item_record,
    proceedings,
    unfinished,
    withdrawn,
)
from meeting.minutes.wording import Context, motion_record
from meeting.vocabulary import (
    DRAFT_WORDS,
    MEETING_KINDS,
    MINUTES_TITLES,
    PHASES,
    council_words,
    date_words,
    meeting_place,
    meeting_title,
    member_name,
)

HELD_PLACE, HELD = N_("held {place}, on {date}"), N_("held on {date}")
HELD_ON_A_WORKING_DAY = (  # the context written out: the catalogs' extractor reads only literal strings
    P_("said of a date on a working day (Monday to Friday)", "held {place}, on {date}"),
    P_("said of a date on a working day (Monday to Friday)", "held on {date}"),
)


def _title(state: State, held: date) -> str:
    agenda = state.meeting.agenda
    day = date_words(held)
    working_day = WORKING_DAY if held.weekday() < 5 else None  # the date is said with its weekday
    words = (
        agreeing(HELD_PLACE, working_day).format(place=meeting_place(agenda), date=day)
        if agenda.place
        else agreeing(HELD, working_day).format(date=day)
    )
    return _(MINUTES_TITLES[agenda.kind]).format(council=council_words(state.meeting.council), held=words)


def _approval(approved: m.Approved | None, kind: str) -> m.Approval:
    if approved is None:
        return m.Approval(approved=False, words=_(DRAFT_WORDS[kind]))
    day = date_words(approved.date)
    if approved.corrections:
        words = _("Approved by the council at its meeting of {date}, with the following corrections: {corrections}")
    else:
        words = _("Approved by the council at its meeting of {date}, without correction.")
    words = words.format(date=day, corrections=approved.corrections or "")
    if approved.through is not None:  # and corrected since: a draft again, that says what was approved
        words += " " + _(
            "That approval covers the journal up to its entry {entry}; the corrections recorded since are a "
            "draft, to be approved by the council at its next meeting."
        ).format(entry=approved.through)
    return m.Approval(
        approved=approved.through is None,
        words=words,
        date=approved.date.isoformat(),
        corrections=approved.corrections,
        meeting=approved.meeting,
        entry_sha256=approved.entry_sha256,
        circulated_sha256=approved.circulated_sha256,
        record_words=_(
            "The approval is recorded in the journal of the meeting {meeting}, in the entry whose SHA-256 hash is "
            "{entry}; it approves the draft minutes.toml whose SHA-256 hash is {draft}. 'meeting verify' with "
            "--approved-by and that journal checks the link both ways."
        ).format(meeting=approved.meeting, entry=approved.entry_sha256, draft=approved.circulated_sha256),
    )


def build(
    state: State,
    recorded: Sequence[Recorded],
    last_entry_sha256: str = "",
    approved: m.Approved | None = None,
    confidential: bool = False,
) -> m.Minutes:
    steps = chronicle(recorded)
    ctx = Context(state, steps, confidential)
    agenda = state.meeting.agenda
    council = state.meeting.council
    quorum = quorum_changes(steps)
    spans = item_spans(steps)
    entries = proceedings(ctx, quorum)
    began = next((s.entry.at for s in steps if isinstance(s.entry.event, ev.Begun)), None)
    adjourned = (
        next((s.entry.at for s in reversed(steps) if s.phase == "adjourned"), None)
        if state.phase == "adjourned"
        else None
    )
    scheduled = agenda.scheduled_start.astimezone(ctx.clock.zone)
    when = (
        _("scheduled {start} ({zone}), {minutes} minutes").format(
            start=ctx.clock(scheduled), zone=agenda.time_zone, minutes=agenda.duration_minutes
        )
        if scheduled.date() == ctx.day
        else _("scheduled for {day} at {start} ({zone}), {minutes} minutes").format(
            day=date_words(scheduled.date()),
            start=clock_time(scheduled),
            zone=agenda.time_zone,
            minutes=agenda.duration_minutes,
        )  # held on another day: the day it was meant for, in words
    )
    if began is not None:
        ended = _first_adjournment(steps, adjourned) if adjourned else None
        when = (
            _("called to order {start}").format(start=ctx.clock.said(began))
            + (", " + _("adjourned {end}").format(end=ctx.clock.said(ended)) if ended else "")
            + _("; ")
            + when
        )
    draft = approved is None or approved.through is not None  # corrected since its approval: a draft again
    marks = ([_("CONFIDENTIAL")] if confidential else []) + ([_("DRAFT")] if draft else [])
    header = m.Header(
        title_words=_title(state, ctx.day),
        draft=draft,
        confidential=confidential,
        marks=marks,
        council=council_words(council),
        council_short=council.short_name,
        meeting=agenda.id,
        title=meeting_title(agenda),
        kind=agenda.kind,
        kind_words=_(MEETING_KINDS[agenda.kind]),
        date=ctx.day.isoformat(),
        date_words=date_words(ctx.day),
        time_zone=agenda.time_zone,
        scheduled_start=ctx.clock(agenda.scheduled_start),
        duration_minutes=agenda.duration_minutes,
        time_words=when,
        called_to_order=ctx.clock(began) if began else None,
        adjourned=ctx.clock(_first_adjournment(steps, adjourned)) if adjourned else None,
        place=meeting_place(agenda),
        link=agenda.link,
        chair=ctx.person(agenda.chair),
        secretary=ctx.person(agenda.secretary),
        meeting_language=agenda.language,
        status=state.phase,
        status_words=_(PHASES[state.phase]),
    )
    items = [
        item_record(ctx, n, item_id, spans, entries.get(item_id, [])) for n, item_id in enumerate(state.order, start=1)
    ]
    actions = [
        m.ActionRecord(
            at=ctx.clock(a.at),
            what=a.what,
            owner=ctx.person(a.owner),
            due=str(a.due) if a.due else None,
            due_words=medium_date(a.due) if a.due else None,
            item=a.item,
            item_number=ctx.state.order.index(a.item) + 1 if a.item in ctx.state.order else None,
        )
        for a in state.actions
        if not ctx.hidden(a.item)
    ]
    hashed = last_entry_sha256 or "?"
    # TRANSLATORS: where a copy of the minutes is kept, as a placeholder in a command line.
    folder = _("FOLDER")
    journal = m.JournalRecord(
        entries=len(recorded),
        last_entry_sha256=last_entry_sha256,
        sources=[m.Source(path=s.path, sha256=s.sha256) for s in state.sources],
        words=_(
            "These minutes were written from the meeting's journal of {entries} entries, whose last entry has the "
            "SHA-256 hash {hash}."
        ).format(entries=len(recorded), hash=hashed),
        how_to_check=_(
            "To check a copy against the journal, run this command on the folder that holds both ({folder}); "
            "any change to the journal or to these minutes is reported:"
        ).format(folder=folder),
        check_command=f"meeting verify {folder} --expect {hashed}",
        withdrawn=withdrawn(ctx, recorded),
        circulated=[
            m.CirculatedRecord(
                item=item,
                meeting=c.meeting,
                journal_sha256=c.journal_sha256,
                minutes_sha256=c.minutes_sha256,
                words=_(
                    "Under item {number}, the council had before it the draft minutes of {meeting}: minutes.toml "
                    "with the SHA-256 hash {minutes}, written from the journal whose last entry has the SHA-256 "
                    "hash {journal}."
                ).format(
                    number=state.order.index(item) + 1,
                    meeting=circulated_words(ctx, item, c.meeting),
                    minutes=c.minutes_sha256,
                    journal=c.journal_sha256,
                ),
            )
            for item, c in state.circulated.items()
        ],
    )
    elections = election_records(ctx)
    return m.Minutes(
        language=current_language(),
        header=header,
        sittings=sittings(ctx, quorum),
        interests=[i for i in interests(ctx) if not ctx.hidden(i.item)],
        items=items,
        other_proceedings=entries.get(None, []),
        motions=[
            motion_record(ctx, motion)
            for _n, motion in sorted(state.motions.items())
            if not ctx.hidden(motion.item) or motion.number in ctx.published
        ],
        elections=elections,
        other_decisions=_other_decisions(ctx, steps, elections),
        actions=actions,
        unfinished=unfinished(ctx),
        corrections=corrections(ctx),
        journal=journal,
        approval=_approval(approved, agenda.kind),
        signatures=[
            m.Signature(role=_("Chair"), name=member_name(council, agenda.chair)),
            m.Signature(role=_("Secretary"), name=member_name(council, agenda.secretary)),
        ],
    )


def _other_decisions(ctx: Context, steps: list[Step], elections: list[m.ElectionRecord]) -> list[m.OtherDecision]:
    """What the council decided on no motion: each election's result, and earlier minutes
    approved without objection (approved on a motion, the motion is the decision)."""
    out = [
        m.OtherDecision(
            item=e.item, what=_("Election: {office}").format(office=e.office), decision=e.words, election=e.id
        )
        for e in elections
        if e.rounds
    ]
    for step in steps:
        event = step.entry.event
        if isinstance(event, ev.MinutesApproved) and event.motion is None and not ctx.hidden(event.item):
            decided = (
                _("Approved without objection, with corrections.")
                if event.corrections
                else _("Approved as circulated, without objection.")
            )
            what = _("Approval of the minutes of {meeting}").format(
                meeting=circulated_words(ctx, event.item, event.meeting)
            )
            out.append(m.OtherDecision(item=event.item, what=what, decision=decided))
    return out


def _first_adjournment(steps: list[Step], fallback: datetime) -> datetime:
    """The moment the last sitting was adjourned."""
    last_sitting = steps[-1].sitting
    return next((s.entry.at for s in steps if s.sitting == last_sitting and s.phase == "adjourned"), fallback)
