"""What the members' view shows, rendered from the meeting's state. Like the console's
panels, these decide nothing: they ask the domain and say what it answers. A closed-session
item shows its title only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from rich.text import Text

from meeting.domain import events as ev
from meeting.domain.attendance import not_voting, representation
from meeting.domain.decisions import floor, minutes_numbers
from meeting.domain.elections.conduct import round_open
from meeting.domain.engine import answering_now
from meeting.domain.record import effective
from meeting.domain.state import Motion, Recorded, State
from meeting.election_words import round_summary, tally_line
from meeting.i18n import N_, _
from meeting.minutes.model import minutes_of
from meeting.report import minutes_used
from meeting.tui.panels import motion_words, movers_text, quorum_text, roll_call_count
from meeting.vocabulary import (
    CHOICES,
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    PHASES,
    in_quotes,
    member_name,
    member_names,
    not_voting_words,
    office_words,
    region_words,
    ruled_phrase,
    title_words,
    upper_first,
    voter_words,
    words,
)
from meeting.words import colon, labelled, outcome_words

_CHOICE_STYLES = {"yes": "bold green", "no": "bold red", "abstain": "yellow"}
_NOTHING_OPEN = {
    "not_started": N_("The meeting has not been called to order yet."),
    "in_session": N_("No item is open."),
    "in_recess": N_("The meeting is in recess."),
    "adjourned": N_("The meeting is adjourned."),
}


def quorum_bar(state: State) -> tuple[Text, bool]:
    """The quorum while the council sits; once adjourned, that it is: a green "quorum met" bar
    over an adjourned meeting read as a council still sitting."""
    if state.phase == "adjourned":
        return Text(_(_NOTHING_OPEN["adjourned"]), style="bold"), True
    return quorum_text(state)


def in_closed_session(state: State) -> bool:
    item = state.current_item
    return item is not None and item.item.closed


def item_text(state: State, now: datetime) -> Text:
    """The item under discussion and its time: used of allotted."""
    item = state.current_item
    if item is None:
        return Text(_(_NOTHING_OPEN[state.phase]), style="italic")
    number = state.order.index(item.item.id) + 1
    text = Text(f"{number}. {title_words(item.item)}", style="bold")
    used = minutes_used(state, item.item.id, now)
    text.append("\n")
    text.append(
        _("{used} of {minutes} min").format(used=used, minutes=item.item.minutes),
        style="bold red" if used > item.item.minutes else "",
    )
    if item.item.closed:
        text.append(" · " + _("closed session"), style="bold yellow")
    else:
        text.append(" · " + words(METHODS, item.item.vote), style="dim")
    if state.phase != "in_session":
        text.append(" · " + words(PHASES, state.phase), style="bold yellow")
    return text


def label(state: State, motion: Motion, numbers: Mapping[int, int] | None = None) -> str:
    """ "#4 amendment (to #3)": the number the chair calls it by, and what it applies to. The
    numbers are the minutes' (`minutes_numbers`, given when many labels are made at once): what
    the chair rules on without a vote has none there, so none here either ("Point of order (to
    #5)", "#7 appeal from the chair (on the point of order)")."""
    numbers = minutes_numbers(state) if numbers is None else numbers
    kind = words(MOTION_NAMES, motion.kind)
    head = f"#{numbers[motion.number]} {kind}" if motion.number in numbers else upper_first(kind)
    target = state.motions.get(motion.applies_to) if motion.applies_to is not None else None
    if target is not None and target.number in numbers:
        head += " " + _("(to #{target})").format(target=numbers[target.number])
    elif target is not None:  # as the minutes name it inside a sentence
        the = _("the {kind}").format(kind=words(MOTION_NAMES, target.kind))
        head += " " + _("(on {target})").format(target=the)
    return head


def motions_text(state: State) -> Text:
    """The pending motions, the main motion first, each with its exact text; an amendment as
    the change it makes to the text it amends."""
    text = Text()
    if in_closed_session(state):
        return text
    for number in state.stack:
        motion = state.motions[number]
        if text:
            text.append("\n")
        text.append(label(state, motion), style="bold cyan")
        text.append_text(movers_text(state, motion)).append("\n")
        if motion.text:
            text.append_text(motion_words(state, motion)).append("\n")
    text.rstrip()
    return text


def floor_text(state: State, now: datetime) -> Text:
    """Who has the floor and the time they have left; who is waiting to speak."""
    text = Text()
    if in_closed_session(state) or state.phase != "in_session" or (state.pending and state.pending.poll):
        return text  # while the seats answer, the vote is what members watch
    speaking = floor(state, now)
    if speaking is not None:
        left = speaking.seconds_left
        clock = f"{abs(left) // 60}:{abs(left) % 60:02d}"
        said = _("{name} has the floor: {clock} left") if left >= 0 else _("{name} has the floor: {clock} over time")
        text.append(said.format(name=member_name(state, speaking.member), clock=clock), style="bold")
    item = state.current_item
    if item is not None and item.queue:
        if text:
            text.append("\n")
        text.append(_("Waiting to speak: {names}").format(names=member_names(state, item.queue)))
    return text


def ballot_open_text(state: State) -> Text:
    """An election's ballot in progress: only that it is open, and on whom (a ballot is secret)."""
    text = Text()
    election = round_open(state)
    ballot = election.open_round if election is not None else None
    if election is None or ballot is None or in_closed_session(state):
        return text
    text.append(
        _("Ballot {number} open: {office}").format(number=ballot.number, office=office_words(election.election)),
        style="bold yellow",
    )
    text.append("\n" + _("Candidates: {names}").format(names=member_names(state, ballot.candidates)))
    return text


def vote_text(state: State) -> Text:
    """The vote in progress: a roll call seat by seat as the names are called; a secret ballot
    says only that it is open (its totals come with the result)."""
    text = ballot_open_text(state)
    motion = state.pending
    if text or motion is None or in_closed_session(state):
        return text
    if motion.outcome is not None and motion.outcome.awaiting:
        text.append(_("Tied: waiting for the casting vote or the draw"), style="bold yellow")
        return text
    if motion.consensus is not None and motion.consensus.result is None:
        blocks = member_names(state, [m for m, _r in motion.consensus.blocks]) or "—"
        text.append(_("Consensus sought · blocked by: {blocks}").format(blocks=blocks), style="yellow")
        return text
    poll = motion.poll
    if poll is None:
        return text
    if poll.method == "secret_ballot":
        text.append(_("Ballot open on {label}").format(label=label(state, motion)), style="bold yellow")
        return text
    text.append(
        _("Roll call on {label}: {voted} of {entitled} have answered").format(
            label=label(state, motion), voted=len(poll.choices), entitled=len(poll.entitled)
        ),
        style="bold yellow",
    )
    text.append("\n").append_text(roll_call_count(state, motion))
    council = state.meeting.council
    called = {voter.seat: voter for voter in poll.entitled}
    for region in council.regions:
        seats = [seat for seat in council.seats if seat.region == region.id]
        if not seats:
            continue
        text.append("\n" + region_words(region) + colon(), style="bold")
        for index, seat in enumerate(seats):
            if index:
                text.append(" · ")
            voter = called.get(seat.id)
            if voter is None:  # every seat of the base is there: a member can tell why it has no vote
                why = not_voting_words(not_voting(state, seat, motion.item), seat.id, state)
                text.append(f"{seat.name} ({why})", style="dim italic")
                continue
            cast = poll.choices.get(voter.seat)
            name = voter_words(state, cast[0] if cast is not None else answering_now(state, poll, voter))
            if cast is None:
                text.append(name, style="dim")
            else:
                text.append(f"{name} {words(CHOICES, cast[1])}", style=_CHOICE_STYLES.get(cast[1], ""))
    return text


def vote_on(state: State) -> tuple[object, ...]:
    """Which vote the vote panel shows, whatever its answers so far (empty: none): a new one is
    brought into sight once, and the answers that follow leave the member's screen where it is."""
    election = round_open(state)
    if election is not None and election.open_round is not None:
        return ("ballot", election.id, election.open_round.number)
    motion = state.pending
    if motion is None:
        return ()
    awaiting = motion.outcome is not None and motion.outcome.awaiting
    seeking = motion.consensus is not None and motion.consensus.result is None
    return ("motion", motion.number, motion.poll.method if motion.poll else None, awaiting, seeking)


# A line of the decisions that no motion carries, and its moment (an election's ballot, earlier minutes approved).
Timed = tuple[tuple[datetime, int], Text]


def _election_results(state: State) -> list[Timed]:
    """Each ballot declared: the office, the round's figures, what it decided."""
    council = state.meeting.council
    found = []
    for election in state.elections.values():
        item = state.items.get(election.item)
        for ballot in election.rounds:
            if ballot.declared is None:
                continue
            line = Text()
            if item is not None and item.item.closed:
                line.append(title_words(item.item), style="bold")
                line.append(" — " + _("decided in closed session"), style="dim")
            else:
                line.append(f"{office_words(election.election)} · ", style="bold")
                line.append(round_summary(council, election, ballot), style="green" if ballot.elected else "")
                line.append("\n  " + tally_line(council, ballot), style="dim")
            found.append(((ballot.declared, ballot.number), line))
    return found


def results_text(state: State, approvals: Sequence[Timed] = ()) -> Text:
    """Every decision so far, the latest first, with its count and the rule in words; each
    election's ballots with their figures; earlier minutes approved without a motion."""
    return Text("\n").join(line for _motion, line in decisions(state, approvals))


def decisions(state: State, approvals: Sequence[Timed] = ()) -> list[tuple[Motion | None, Text]]:
    """Each decision's line, the latest first, with its motion (None for an election's ballot
    or earlier minutes approved without a motion: `OnTheRecord.approvals`)."""
    lines: list[tuple[Motion | None, Text]] = []
    timed = sorted([*_election_results(state), *approvals], key=lambda found: found[0], reverse=True)
    numbers = minutes_numbers(state)
    seen: set[int] = set()
    closed_told: set[str] = set()

    def newest_first(number: int) -> tuple[datetime, bool]:
        # At one moment, the decision first (a tabling carried), then its effect (the motion tabled).
        motion = state.motions[number]
        return motion.decided_at or motion.moved_at, motion.outcome is not None or motion.ruling is not None

    for number in sorted(reversed(state.decided), key=newest_first, reverse=True):
        motion = state.motions[number]
        if number in seen:
            continue  # a motion tabled, then taken up and decided, is told once, as it ended
        seen.add(number)
        if motion.status == "pending":
            continue  # taken from the table or reconsidered: before the council decides it again, no decision
        item = state.items.get(motion.item) if motion.item else None
        secret = item is not None and item.item.closed and number not in state.published
        if secret and item is not None and item.item.id in closed_told:
            continue  # a closed session's decisions are one line: that it decided, not what
        moment = motion.decided_at or motion.moved_at
        while timed and timed[0][0][0] >= moment:
            lines.append((None, timed.pop(0)[1]))
        if secret and item is not None:
            closed_told.add(item.item.id)
            told = Text(title_words(item.item), style="bold")
            told.append(" — " + _("decided in closed session"), style="dim")
            lines.append((None, told))
            continue
        text = Text(label(state, motion, numbers), style="bold")
        if motion.ruling is not None:  # a point of order: the chair's ruling, which an appeal names
            reason = in_quotes(motion.ruling_reason) if motion.ruling_reason else None
            text.append(" — " + labelled(ruled_phrase(motion.kind, motion.ruling), reason))
        elif motion.outcome is not None:
            style = {"carried": "green", "lost": "red"}.get(motion.outcome.result, "yellow")
            text.append(" " + outcome_words(motion.outcome, motion.kind), style=style)
        else:
            text.append(" — " + words(MOTION_STATUS, motion.status))
        lines.append((motion, text))
    lines += [(None, line) for _at, line in timed]
    return lines


# What the minutes record of events the state keeps no words for; and what may take one back.
_ON_THE_RECORD = (ev.MinutesApproved, ev.Corrected)
ON_THE_RECORD_OR_UNDO = (*_ON_THE_RECORD, ev.Undone)


@dataclass(frozen=True)
class OnTheRecord:
    """Earlier minutes approved without a motion, each line at its moment, as the minutes'
    decisions say it (their `other_decisions`); and the corrections recorded after adjournment,
    as the minutes list them. Both taken from the minutes themselves (`minutes_of`)."""

    approvals: list[Timed] = field(default_factory=list)
    corrections: Text = field(default_factory=Text)


def on_the_record_key(recorded: Sequence[Recorded]) -> tuple[Recorded, ...]:
    """What `on_the_record` says depends on: the approvals and corrections in effect. While it
    stays the same (every answer of a roll call), the minutes need not be made again."""
    return tuple(entry for entry in effective(recorded) if isinstance(entry.event, _ON_THE_RECORD))


def on_the_record(state: State, recorded: Sequence[Recorded]) -> OnTheRecord:
    """The minutes' own words for the approvals and corrections the journal holds; the minutes
    are made only when it holds one."""
    found = on_the_record_key(recorded)
    if not found:
        return OnTheRecord()
    minutes = minutes_of(state, recorded)
    approved = {entry.event.item: entry for entry in found if isinstance(entry.event, ev.MinutesApproved)}
    approvals: list[Timed] = []
    for decision in minutes.other_decisions:
        entry = approved.get(decision.item)
        if entry is None or not isinstance(entry.event, ev.MinutesApproved):
            continue  # an election's result: the view shows it ballot by ballot
        line = Text(decision.what, style="bold")
        line.append(" — " + decision.decision, style="green")
        if entry.event.corrections:
            line.append("\n  " + in_quotes(entry.event.corrections), style="dim")
        approvals.append(((entry.at, 0), line))
    corrections = Text("\n").join(
        Text.assemble((correction.at, "bold"), " ", correction.words) for correction in minutes.corrections
    )
    return OnTheRecord(approvals, corrections)


def regions_line(state: State) -> Text:
    """Seats represented in each region, on as few lines as the width allows."""
    council = state.meeting.council
    text = Text()
    for region in council.regions:
        seats = council.seats_in(region.id)
        if not seats:
            continue
        here = sum(1 for seat in seats if representation(state, seat) is not None)
        if text:
            text.append(" · ", style="dim")
        text.append(f"{region_words(region)} ")
        text.append(f"{here}/{len(seats)}", style="bold" if here else "bold red")
    return text
