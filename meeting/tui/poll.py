"""A roll-call vote as a grid by region: each seat, who casts its vote (titular, alternate or
proxy holder beside their own seat), and the answer. One key answers and moves to the next
seat not yet answered (y, n, a, and the language's own letter for yes where the console's
questions take it: Spanish and Portuguese 's', French 'o'; space skips); `/` finds a member by
any part of the name or id, letters typed there never answer; the running count stands against
what is needed, with who has not answered. The app opens the roll call before the screen; c
closes it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.screen import Screen
from textual.widgets import Input, Static

from meeting.domain.engine import answering_now, joining_the_roll
from meeting.domain.events import Voter
from meeting.domain.language import Ref
from meeting.domain.state import Poll, State
from meeting.i18n import N_, _, ngettext
from meeting.messages import render_named
from meeting.tui.confirm import CloseVoteScreen, yes_keys
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import motion_words, roll_call_count
from meeting.tui.roster import RosterList, Row, found, row_text, widest
from meeting.tui.textual_words import COMMAND_KEY, HELP_KEY, UNDO_KEY, TranslatedFooter
from meeting.vocabulary import CAST_BY, CHOICES, country_search, in_quotes, member_name, region_name, voter_words, words
from meeting.words import colon

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


WAITING_NAMED = 6
ANSWERS = ("yes", "no", "abstain")


def _beside_holders(voters: list[Voter]) -> list[Voter]:
    """A proxy's seat right after its holder's own seat."""
    placed = [v for v in voters if v.via != "proxy"]
    for proxy in (v for v in voters if v.via == "proxy"):
        holder = next((i for i, v in enumerate(placed) if v.voter == proxy.voter), len(placed) - 1)
        placed.insert(holder + 1, proxy)
    return placed


class PollScreen(Screen[None]):
    CSS_PATH = "poll.tcss"
    BINDINGS = [
        Binding("y", "answer('yes')", N_("Yes")),  # and the language's own letter: see __init__
        Binding("n", "answer('no')", N_("No")),
        Binding("a", "answer('abstain')", N_("Abstain")),
        Binding("c", "close_poll", N_("Close the vote")),
        UNDO_KEY,
        Binding("space", "skip", N_("Skip")),
        Binding("slash", "find", N_("Find")),
        Binding("escape", "back", N_("Back")),
        HELP_KEY,
        COMMAND_KEY,
    ]

    app: MeetingApp

    def __init__(self) -> None:
        super().__init__()
        # Yes is 'y' and the language's own letter where the console's questions take it
        # ('s' for "sí": it did nothing here while a question took it); bound here, first in
        # the footer, as the language is known only now.
        keys = yes_keys()
        yes = Binding(",".join(keys), "answer('yes')", N_("Yes"), key_display="/".join(keys))
        self._bindings = BindingsMap.merge([BindingsMap([yes]), self._bindings])

    def compose(self) -> ComposeResult:
        yield Static(id="poll-motion")
        yield Static(id="poll-count")
        yield Input(placeholder=_("/ find a member by any part of the name or id"), id="poll-find", compact=True)
        yield Static(id="poll-heading")
        yield RosterList(id="poll-list")
        yield Static(id="poll-error")
        yield TranslatedFooter()

    @property
    def poll(self) -> Poll | None:
        motion = self.app.session.state.pending
        return motion.poll if motion is not None and motion.poll is not None else None

    def on_mount(self) -> None:
        self.fill()
        self.query_one(RosterList).focus()

    def fill(self) -> None:
        state = self.app.session.state
        poll = self.poll
        rows: list[Row] = []
        if poll is not None:
            council = state.meeting.council
            by_region: dict[str | None, list[Voter]] = {}
            for voter in self._on_the_roll(poll):
                seat = council.member(voter.seat)
                by_region.setdefault(seat.region if seat else None, []).append(voter)
            for region in [r.id for r in council.regions] + [None]:
                voters = _beside_holders(by_region.get(region, []))
                if voters:
                    rows.append(Row(None, (region_name(state, region) if region else "—",)))
                    rows += [self._row(state, poll, v) for v in voters]
        # The answer beside the seat, each column as wide as its words; who casts the vote
        # (an alternate, a proxy holder) takes the rest. The seat's name is cut only where it
        # would take more than half of what the answer leaves (at 120 columns a name was cut at
        # 27 cells with 60 free).
        heading = Row("-", (_("Seat"), _("Answer"), _("Cast by")))
        answer = max(len(heading.cells[1]), *(len(words(CHOICES, a)) for a in ANSWERS)) + 1
        widths = (min(widest([heading, *rows], 0), max(28, (self.app.size.width - answer) // 2)), answer)
        self.query_one("#poll-heading", Static).update(row_text(heading, widths))
        roster = self.query_one(RosterList)
        roster.set_widths(widths)
        roster.show(rows)
        self._to_unanswered(0)
        self.count()

    def _on_the_roll(self, poll: Poll) -> list[Voter]:
        """The seats called, and those whose member arrived since to answer for them."""
        motion = self.app.session.state.pending
        return [*poll.entitled, *(joining_the_roll(self.app.session.state, motion) if motion else [])]

    def _row(self, state: State, poll: Poll, voter: Voter) -> Row:
        answer = poll.choices.get(voter.seat)
        shown = words(CHOICES, answer[1]).upper() if answer else "·"
        voter = answer[0] if answer is not None else answering_now(state, poll, voter)  # who answered, or answers now
        cast_by = "" if voter.via == "titular" else f"{member_name(state, voter.voter)} ({words(CAST_BY, voter.via)})"
        return Row(voter.seat, (member_name(state, voter.seat), shown, cast_by))

    def count(self) -> None:
        state = self.app.session.state
        motion = state.pending
        poll = self.poll
        if motion is None or poll is None:
            self.query_one("#poll-motion", Static).update(_("No roll call is open."))
            return
        title = _("Roll call on motion #{n}").format(n=motion.number)
        head = Text(title, style="bold")
        if motion.text:
            head = Text().append(title + colon(), style="bold").append_text(motion_words(state, motion))
        self.query_one("#poll-motion", Static).update(head)
        text = roll_call_count(state, motion)
        waiting = [voter_words(state, answering_now(state, poll, v)) for v in poll.not_answered]
        if len(waiting) > WAITING_NAMED:  # the grid shows them; the names come when few are left
            text.append("\n" + _("Not answered: {n}").format(n=len(waiting)))
        elif waiting:
            text.append("\n" + _("Not answered ({n}): {names}").format(n=len(waiting), names=", ".join(waiting)))
        self.query_one("#poll-count", Static).update(text)

    def _to_unanswered(self, start: int) -> None:
        poll = self.poll
        roster = self.query_one(RosterList)
        if poll is None or not roster.rows:
            return
        for step in range(len(roster.rows)):
            index = (start + step) % len(roster.rows)
            seat = roster.rows[index].member
            if seat and seat not in poll.choices:
                roster.cursor = index
                return

    def action_answer(self, choice: str) -> None:
        poll = self.poll
        roster = self.query_one(RosterList)
        seat = roster.member
        if poll is None or seat is None:
            return
        called = next(v for v in self._on_the_roll(poll) if v.seat == seat)
        voter = answering_now(self.app.session.state, poll, called)
        args: dict[str, object] = {"voters": (Ref(voter.voter),)}
        if voter.via == "proxy":
            args["principal"] = Ref(voter.seat)
        self.post_message(RunCommand(command_line(choice, **args), origin=self))

    def on_command_answered(self, message: CommandAnswered) -> None:
        refused = message.refused
        error = self.query_one("#poll-error", Static)
        error.update(
            Text("✗ " + render_named(refused.code, refused.params, self.app.session.state), style="bold red")
            if refused
            else ""
        )
        poll = self.poll
        roster = self.query_one(RosterList)
        if refused is None and poll is not None:
            state = self.app.session.state
            voters = {v.seat: v for v in self._on_the_roll(poll)}
            cleared = None
            for index, row in enumerate(roster.rows):
                called = voters.get(row.member) if row.member is not None else None  # None: left before joining
                if called is not None and (new := self._row(state, poll, called)) != row:
                    roster.change(index, new)
                    cleared = index if row.member not in poll.choices else cleared
            if cleared is not None:  # an answer undone: back to its seat, to answer it again
                roster.cursor = cleared
            else:
                self._to_unanswered(roster.cursor + 1)
        self.count()

    def action_skip(self) -> None:
        self._to_unanswered(self.query_one(RosterList).cursor + 1)

    def action_close_poll(self) -> None:
        """Seats not answered are recorded as not voting: closing with some asks first, as a
        chair asks whether every member has voted before declaring the vote closed."""
        poll = self.poll
        waiting = poll.not_answered if poll is not None else []
        if poll is None or not waiting:
            self._close(True)
            return
        question = ngettext(
            "Close the vote? {count} seat has not answered; it is recorded as not voting.",
            "Close the vote? {count} seats have not answered; they are recorded as not voting.",
            len(waiting),
        ).format(count=len(waiting))
        if len(waiting) <= WAITING_NAMED:
            state = self.app.session.state
            question += "\n" + ", ".join(voter_words(state, answering_now(state, poll, v)) for v in waiting)
        self.app.push_screen(CloseVoteScreen(question), self._close)

    def _close(self, yes: bool | None) -> None:
        if yes:
            self.post_message(RunCommand(command_line("close"), origin=self, closes=True))

    def action_find(self) -> None:
        find = self.query_one("#poll-find", Input)
        find.display = True
        find.focus()

    @on(Input.Changed, "#poll-find")
    def _find(self, event: Input.Changed) -> None:
        """The cursor on the first seat whose member's id, name or country has the letters typed."""
        if not event.value:
            return  # emptied on leaving: the cursor stays where the find put it
        council = self.app.session.state.meeting.council
        roster = self.query_one(RosterList)
        for index, row in enumerate(roster.rows):
            member = council.member(row.member) if row.member else None
            if member is not None and found(event.value, member.id, member.name, country_search(member)):
                roster.cursor = index
                self.query_one("#poll-error", Static).update("")
                return
        if event.value:
            said = _("nothing matches {typed}").format(typed=in_quotes(event.value.strip()))
            self.query_one("#poll-error", Static).update(Text("✗ " + said, style="bold red"))

    @on(Input.Submitted, "#poll-find")
    def _found(self) -> None:
        self._leave_find()

    def _leave_find(self) -> None:
        find = self.query_one("#poll-find", Input)
        find.value = ""
        find.display = False
        self.query_one(RosterList).focus()

    def action_back(self) -> None:
        if self.focused is self.query_one("#poll-find"):
            self._leave_find()
        else:
            self.dismiss()
