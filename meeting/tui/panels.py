"""What the main screen shows, rendered from the meeting's state. Panels decide no rule: they
ask the domain (quorum, motions in order, who may vote) and say what it answers."""

from __future__ import annotations

from datetime import datetime, timedelta
from fractions import Fraction
from zoneinfo import ZoneInfo

from rich.cells import cell_len
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from meeting.domain import events as ev
from meeting.domain.attendance import balance_short, entitled_voters, quorum_status, representation, women_share
from meeting.domain.council import Member
from meeting.domain.decisions import floor, regions_not_heard
from meeting.domain.diff import word_diff
from meeting.domain.engine import joining_the_roll, roll_call_settled
from meeting.domain.events import Voter
from meeting.domain.outcome import yes_to_carry
from meeting.domain.procedure import (
    decision_for,
    draft_still_to_move,
    main_motions_on,
    motion_rule,
    motions_in_order,
    ruled_by_chair,
)
from meeting.domain.state import Motion, Recorded, State
from meeting.domain.weighing import counted_by_name, may_vote, plain_bases, present_on
from meeting.formats import clock_time, from_now, percent
from meeting.i18n import _, ngettext
from meeting.report import describe, minutes_used, quorum_line
from meeting.tui.roster import fitted
from meeting.vocabulary import (
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    PHASES,
    date_words,
    in_quotes,
    meeting_title,
    member_name,
    region_name,
    region_words,
    title_words,
    words,
)
from meeting.words import counts_words, decision_words, exact_words, labelled

_ITEM_MARKS = {"pending": " ", "open": "▶", "done": "✓", "unfinished": "…", "deferred": "»"}


def local_time(state: State, moment: datetime) -> str:
    return clock_time(moment.astimezone(ZoneInfo(state.meeting.agenda.time_zone)))


def header_text(state: State, now: datetime) -> Text:
    """What matters most first, for narrow terminals: the time, the phase, who presides."""
    agenda = state.meeting.agenda
    text = Text()
    text.append(f" {local_time(state, now)} {agenda.time_zone} ", style="bold reverse")
    text.append(f" {_(PHASES[state.phase]).upper()}", style="bold")
    if state.sitting > 1:
        text.append(" · " + _("sitting {n}").format(n=state.sitting))
    text.append(" · " + _("chair: {name}").format(name=member_name(state, state.chair)))
    text.append(f" · {_meeting_name(state)}", style="dim")
    return text


def _meeting_name(state: State) -> str:
    """The meeting's title, after the council's short name unless the title begins with it
    ("IC-ASM Council Meeting, December 2026", not "IC-ASM · IC-ASM Council Meeting…", whose
    words the 80-column header would give to the council twice and to the meeting none)."""
    short, title = state.meeting.council.short_name, meeting_title(state.meeting.agenda)
    return title if title.casefold().startswith(short.casefold()) else f"{short} · {title}"


def agenda_rows(state: State, now: datetime) -> list[Table]:
    """Each item with its number, whole title (wrapped, never cut: two items must not read
    alike) and minutes used of those allotted."""
    rows = []
    for number, item_id in enumerate(state.order, start=1):
        table = _agenda_grid(_number_cells(state) + 2)  # the mark, the number, a space
        table.add_row(*_agenda_cells(state, number, item_id, now))
        rows.append(table)
    return rows


def agenda_text(state: State, now: datetime) -> Text:
    """The agenda one line an item, titles shortened to fit a narrow column: the members'
    view shows it so (the console shows `agenda_rows`, whose titles are never cut)."""
    text = Text()
    for number, item_id in enumerate(state.order, start=1):
        item = state.items[item_id]
        used = minutes_used(state, item_id, now)
        style = "bold reverse" if item_id == state.current else ("dim" if item.status == "done" else "")
        over = used > item.item.minutes
        line = Text(f"{_ITEM_MARKS[item.status]}{number:>2} ", style=style)
        line.append(title_words(item.item), style=style)
        line.truncate(22, overflow="ellipsis", pad=True)
        line.append(f" {used:>3}/{item.item.minutes:<3}", style="bold red" if over else style or "dim")
        text.append_text(line)
        text.append("\n")
    return text


def _number_cells(state: State) -> int:
    """An item's number, right-aligned: two cells, three from ten items ("✓ 10", never "✓10")."""
    return 3 if len(state.order) >= 10 else 2


def _agenda_grid(mark: int = 4) -> Table:
    table = Table.grid(expand=True)
    table.add_column(width=mark, no_wrap=True)
    table.add_column(ratio=1, overflow="fold")
    table.add_column(width=7, justify="right", no_wrap=True)
    return table


def _agenda_cells(state: State, number: int, item_id: str, now: datetime) -> tuple[Text, Text, Text]:
    item = state.items[item_id]
    used = minutes_used(state, item_id, now)
    style = "bold reverse" if item_id == state.current else ("dim" if item.status == "done" else "")
    over = used > item.item.minutes
    return (
        Text(f"{_ITEM_MARKS[item.status]}{number:>{_number_cells(state)}}", style=style),
        Text(title_words(item.item), style=style),
        Text(f"{used}/{item.item.minutes}", style="bold red" if over else style or "dim"),
    )


def current_text(state: State, now: datetime) -> Text:
    """The open item and its business: what the agenda prepared for it, then the pending
    motions (immediately pending first), what is in order now, and the speakers."""
    item, business = current_parts(state, now)
    return item + business + speakers_text(state)


def current_parts(state: State, now: datetime) -> tuple[Text, Text]:
    """The open item (what the agenda prepared for it), and its business: the console keeps the
    second in sight when both do not fit."""
    text = Text()
    item = state.current_item
    if item is None:
        text.append(_("No item is open."), style="italic")
        if state.phase == "not_started":
            text.append("\n" + _("Take the attendance (r), then call the meeting to order (b)."))
        elif state.phase == "in_session":
            text.append("\n" + _("Open the next item with n."))
    else:
        text.append_text(_item_text(state, item.item.id, now))
    head, text = text, Text()
    for number in reversed(state.stack):
        text.append_text(_motion_text(state, number))
    if state.phase == "in_session":
        in_order = ", ".join(_(MOTION_NAMES[k]) for k in motions_in_order(state))
        text.append(
            "\n"
            + _("May vote: {n} · In order now: {motions}").format(
                n=len(entitled_voters(state, state.current)), motions=in_order or "—"
            )
            + "\n",
            style="dim",
        )
    return head, text


def speakers_text(state: State) -> Text:
    """Who waits to speak on the open item, and the regions its debate has not heard yet: the
    console shows them under the item's pane, whole and wrapped, never scrolled with it (at
    80×24 the pane ended at "Speakers: Rubén Mamani-Choque, Siti", the rest below its edge)."""
    text = Text()
    item = state.current_item
    if item is not None and item.queue:
        text.append(_("Speakers: {names}").format(names=", ".join(member_name(state, m) for m in item.queue)) + "\n")
    if item is not None and state.phase == "in_session":
        unheard = [region_name(state, r) for r in regions_not_heard(state)]
        if unheard and item.speakers:
            text.append(_("Not yet heard: {regions}").format(regions=", ".join(unheard)) + "\n", style="yellow")
    text.rstrip()
    return text


def _item_text(state: State, item_id: str, now: datetime) -> Text:
    item = state.items[item_id].item
    number = state.order.index(item_id) + 1
    text = Text(f"{number}. {title_words(item)}", style="bold")
    used = minutes_used(state, item_id, now)
    text.append(
        "\n"
        + ngettext("{used} of {minutes} min used · {mode}", "{used} of {minutes} min used · {mode}", used).format(
            used=used, minutes=item.minutes, mode=_(METHODS[item.vote])
        ),
        style="bold red" if used > item.minutes else "dim",
    )
    if item.closed:
        text.append(
            "\n" + _("Closed session: members only; the public minutes show only what is published"), style="yellow"
        )
    if item.presenter:
        text.append("\n" + _("Presented by {name}").format(name=member_name(state, item.presenter)), style="dim")
    for document in item.documents:
        text.append("\n" + _("Document: {title}").format(title=document), style="dim")
    if item.motion is not None and not state.stack and draft_still_to_move(state, item_id):
        text.append("\n" + _("Drafted motion:") + " ", style="dim")
        text.append(in_quotes(item.motion.text), style="italic")
        if item.motion.notice_given is not None:
            text.append(" " + _("(notice given {date})").format(date=date_words(item.motion.notice_given)), style="dim")
    for motion in main_motions_on(state, item_id):  # what became of the item's question
        if motion.status != "pending":
            fate = words(MOTION_STATUS, motion.status)
            if motion.original_text and motion.text != motion.original_text:
                fate = _("{status}, as amended").format(status=fate)
            text.append(f"\n#{motion.number} {_(MOTION_NAMES[motion.kind])} — {fate}", style="dim")
    text.append("\n")
    return text


def timers_text(state: State, now: datetime, recess: tuple[datetime, int] | None) -> Text:
    """What moves every second: the speaker's time left, and when a recess ends."""
    text = Text()
    speaking = floor(state, now) if state.phase == "in_session" else None
    if speaking is not None:
        text.append_text(_speaker_clock(state, speaking.member, speaking.seconds_left))
    if state.phase == "in_recess" and recess is not None:
        since, minutes = recess
        back = since + timedelta(minutes=minutes)
        left = int((back - now).total_seconds())
        # "in 12 minutes", not "12:00 left", which beside "back at 12:15" reads as a time of day
        words = _("In recess: back at {time}, {within}") if left >= 0 else _("In recess: due back at {time}")
        text.append(words.format(time=local_time(state, back), within=from_now(left)), style="bold")
    return text


def _clock(seconds: int) -> str:
    return f"{abs(seconds) // 60}:{abs(seconds) % 60:02d}"


def _speaker_clock(state: State, member: str, left: int) -> Text:
    words = _("{name} has the floor: {clock} left") if left >= 0 else _("{name} has the floor: {clock} over time")
    return Text(
        words.format(name=member_name(state, member), clock=_clock(left)), style="bold" if left >= 0 else "bold red"
    )


def amendment_text(before: str, after: str) -> Text:
    """The words an amendment strikes out (struck through) and inserts (underlined): the
    chair's item pane and move form, and the members' view."""
    text = Text()
    previous = "same"
    for segment in word_diff(before, after):
        if previous == "removed" and segment.op == "added":
            text.append(" ")  # "~~to~~ chosen by", not "~~to~~chosen by": the two touch in the diff
        style = {"removed": "strike red", "added": "underline bold green"}.get(segment.op, "")
        text.append(segment.text, style=style)
        previous = segment.op
    return text


def movers_text(state: State, motion: Motion) -> Text:
    """ "  mover / seconder"; "not seconded" where the motion waits for one (a point of order
    never does)."""
    mover = member_name(state, motion.mover)
    if motion.seconder is not None:
        return Text(f"  {mover} / {member_name(state, motion.seconder)}", style="dim")
    if motion_rule(state.meeting.rules, motion.kind).needs_second:
        return Text(f"  {mover} / " + _("not seconded"), style="yellow")
    return Text(f"  {mover}", style="dim")


def motion_words(state: State, motion: Motion) -> Text:
    """A pending motion's text: an amendment as the change it makes to the text it amends."""
    target = state.motions.get(motion.applies_to) if motion.applies_to is not None else None
    if motion.kind == "amend" and target is not None and target.text and motion.text:
        return amendment_text(target.text, motion.text)
    return Text(in_quotes(motion.text), style="italic") if motion.text else Text()


def _motion_text(state: State, number: int) -> Text:
    motion = state.motions[number]
    text = Text("\n")
    text.append(f"#{number} {_(MOTION_NAMES[motion.kind])}", style="bold cyan")
    if motion.applies_to is not None:
        text.append(" " + _("on #{n}").format(n=motion.applies_to), style="cyan")
    text.append_text(movers_text(state, motion)).append("\n")
    if motion.text:
        text.append_text(motion_words(state, motion)).append("\n")
    if ruled_by_chair(motion) and motion.status == "pending":
        text.append(_("waiting for the chair's ruling (g)") + "\n", style="bold yellow")
    if motion.outcome is not None and motion.outcome.awaiting == "chair":
        text.append(_("the chair's vote would decide it: waiting for cast") + "\n", style="bold yellow")
    elif motion.outcome is not None and motion.outcome.awaiting:
        text.append(_("tied: waiting for cast or draw") + "\n", style="bold yellow")
    if motion.consensus is not None and motion.consensus.result is None:
        blocks = ", ".join(member_name(state, m) for m, _r in motion.consensus.blocks) or "—"
        text.append(_("consensus sought · blocks: {blocks}").format(blocks=blocks) + "\n", style="yellow")
    if motion.poll is not None:
        voted, entitled = len(motion.poll.choices), len(motion.poll.entitled)
        label = _("roll call") if motion.poll.method == "roll_call" else _("secret ballot")
        text.append(labelled(label, _("{voted} of {entitled} voted").format(voted=voted, entitled=entitled)) + "\n")
    return text


def quorum_text(state: State) -> tuple[Text, bool]:
    """The quorum and why, in the domain's sentence; an alarm when it is lost."""
    status = quorum_status(state)
    words = quorum_line(state, status).rsplit(" → ", 1)[0]
    if status.met:
        return Text(_("QUORUM ✓ ") + words), True
    return Text(_("NO QUORUM — ") + words, style="bold"), False


def _region_votes(state: State, seats: tuple[Member, ...], represented: list[Voter]) -> str:
    """ "12/15 votes": the votes of a region's seats represented, of all its votes."""
    council = state.meeting.council
    weights = council.seat_weights
    index = council.seat_index
    here = sum((weights[index[voter.seat]] for voter in represented), Fraction(0))
    total = sum((weights[index[seat.id]] for seat in seats), Fraction(0))
    return _("{here}/{total} votes").format(here=exact_words(here), total=exact_words(total))


class CutLines(Text):
    """Text whose lines are cut with "…" at the widget's width, never wrapped. Drawn by Rich,
    which keeps `no_wrap`: Textual draws a Text by its own rules, and wraps it whatever it says."""

    def visualize(self) -> Text:  # Textual's hook: a plain copy, drawn as a Rich renderable
        return self.copy()


DOTS = 8  # a region's seats present as dots: one a seat up to this many, else each a share


def region_dots(present: int, seats: int) -> str:
    """The share of a region's seats present: one dot a seat in a region of up to 8 seats, else
    8 dots, as many filled as eighths present (one as soon as anyone is, all only when all are)."""
    if seats <= DOTS:
        filled = present
    else:
        filled = 0 if not present else DOTS if present == seats else min(max(present * DOTS // seats, 1), DOTS - 1)
    return "●" * filled + "○" * (min(seats, DOTS) - filled)


REGION_CELLS = 24  # a region's name is cut beyond, unless the panel's width leaves it more room


def attendance_text(state: State, width: int | None = None) -> Text:
    """A line a region: its seats present of its seats, as figures and dots (red when none is
    there; red and marked ✗ when below the minimum the quorum asks of the region), and how many
    vote by alternate or proxy. Each line is cut with "…" at the panel's width, never wrapped: at
    a phone's width the members' view drew one region on two lines, and the last fell off.
    `width`, the panel's cells where known: a region's name takes what the figures leave (at
    120 columns "Sudeste Asiático e Pací…" was cut with 60 columns free)."""
    council = state.meeting.council
    text = CutLines(no_wrap=True, overflow="ellipsis")
    dots = min(max((len(council.seats_in(r.id)) for r in council.regions), default=0), DOTS)
    figures = 10 + dots + 2  # after the name: " 12/15    ", the dots, " ✗"
    room = REGION_CELLS if width is None else max(REGION_CELLS, width - figures)
    width = min(max((cell_len(region_words(r)) for r in council.regions), default=0), room)
    short = {r.region for r in quorum_status(state).short_regions}
    for region in council.regions:
        seats = council.seats_in(region.id)
        represented = [v for s in seats if (v := representation(state, s)) is not None]
        via = {"alternate": 0, "proxy": 0}
        for voter in represented:
            if voter.via in via:
                via[voter.via] += 1
        line = Text(f"{fitted(region_words(region), width)} {len(represented):>4}/{len(seats):<4}")
        below = region.id in short
        line.append(region_dots(len(represented), len(seats)), style="green" if represented and not below else "red")
        if below:
            line.append(" ✗", style="bold red")
        extras = []
        if council.weighted:  # votes as well as heads where seats carry weights
            extras.append(_region_votes(state, seats, represented))
        if via["alternate"]:
            extras.append(_("{n} alt.").format(n=via["alternate"]))
        if via["proxy"]:
            extras.append(_("{n} proxy").format(n=via["proxy"]))
        if extras:
            line.append(" " + ", ".join(extras), style="dim")
        text.append_text(line)
        text.append("\n")
    rule = state.meeting.rules.gender_balance
    share = women_share(state)
    if rule is not None and share is not None and balance_short(state):
        warning = _("⚠ women are {share} of those present; the rules ask for {target}").format(
            share=percent(share), target=percent(Fraction(rule.women_at_least))
        )
        text.append(warning + "\n", style="bold yellow")
    others = [m for m in council.members if not m.holds_seat and state.status(m.id) in ("present", "remote")]
    if others:
        text.append(_("Also here: {names}").format(names=", ".join(m.name for m in others)), style="dim")
    return text


def log_text(state: State, recorded: list[Recorded], lines: int) -> Text:
    """The last events in words, newest last, each with its local time; undone ones struck."""
    text = Text()
    cancelled = {r.event.target for r in recorded if isinstance(r.event, ev.Undone)}
    for entry in recorded[-lines:]:
        if isinstance(entry.event, ev.Loaded):
            continue
        style = "strike dim" if entry.seq in cancelled else ""
        text.append(f"{local_time(state, entry.at)} ", style="dim")
        text.append(describe(entry.event, state) + "\n", style=style)
    text.rstrip()
    return text


def needed_yes(state: State, motion: Motion, abstained: int = 0) -> int | None:
    """The yes votes that carry the motion if everyone who may vote on it does, `abstained` of
    them having abstained."""
    found = decision_for(state, motion)
    if found is None:
        return None
    entitled = len(motion.poll.entitled) if motion.poll else may_vote(state, motion.item, found[0])
    present = len(present_on(state, found[0], motion.poll.entitled if motion.poll else []))
    seats, eligible = plain_bases(state, found[0])
    return yes_to_carry(found[1], entitled - abstained, present, seats, eligible, abstained)


def roll_call_count(state: State, motion: Motion) -> Text:
    """A roll call as it fills: yes, no and abstentions so far against the yes votes needed if
    every seat that has not answered votes (the abstentions so far are not votes cast: the figure
    falls from the "if all vote" of the line under it), then the rule in words (the chair's screen and the members' view say the same)."""
    answered = [choice for _voter, choice in motion.poll.choices.values()] if motion.poll else []
    text = Text(
        counts_words(answered.count("yes"), answered.count("no"), answered.count("abstain"))
        + _projection(state, motion, answered.count("abstain")),
        style="bold",
    )
    text.append("\n" + needed_text(state, motion), style="dim")
    return text


def _projection(state: State, motion: Motion, abstained: int) -> str:
    """ " · 12 yes to carry if the rest vote"; once no answer still to come can change the
    outcome, what closing gives: "14 yes to carry if the rest vote" stood with all 20 answered."""
    settled = roll_call_settled(state, motion)
    if settled is not None:
        everyone = motion.poll is not None and not motion.poll.not_answered and not joining_the_roll(state, motion)
        if everyone:
            said = (
                _("all have answered: carried when closed")
                if settled == "carried"
                else _("all have answered: lost when closed")
            )
        else:
            said = (
                _("the rest cannot change it: carried when closed")
                if settled == "carried"
                else _("the rest cannot change it: lost when closed")
            )
        return " · " + said
    need = needed_yes(state, motion, abstained)  # as the abstentions so far make it
    return " · " + _("{need} yes to carry if the rest vote").format(need=need) if need is not None else ""


def needed_text(state: State, motion: Motion) -> str:
    """What carries the motion, said before any count: "two-thirds of votes cast; …. 12 yes
    of 18 if all vote"."""
    found = decision_for(state, motion)
    if found is None:
        return _("The chair rules on it.")
    entitled = len(motion.poll.entitled) if motion.poll else may_vote(state, motion.item, found[0])
    rule = decision_words(found[1], state.meeting.council, state.meeting.rules)
    if counted_by_name(state.meeting, found[1]):
        return _("Needed: {rule}. Counted by name: {n} may vote.").format(rule=rule, n=entitled)
    need = needed_yes(state, motion)
    if need is None:
        return _("Needed: {rule}. It cannot carry with {n} voting.").format(rule=rule, n=entitled)
    return _("Needed: {rule}. {need} yes of {n} if all vote.").format(rule=rule, need=need, n=entitled)


def indented(line: str, style: str = "") -> Padding:
    """A line under its heading, wrapped under its own first letter, never read as markup."""
    return Padding(Text(line, style=style), (0, 0, 0, 2))
