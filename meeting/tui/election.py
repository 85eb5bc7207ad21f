"""The election screen: the elections of the open item, each with its candidates, its ballots
and their results explained, and the keys that nominate, close nominations, open a ballot,
enter the tellers' report and declare the result. Every key sends a command line printed by
`format_command`, or opens the form that builds one; the counting is the engine's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meeting.domain.elections.conduct import on_item
from meeting.domain.elections.progress import ElectionProgress
from meeting.election_words import explained, round_summary, tally_line
from meeting.i18n import N_, _, ngettext
from meeting.messages import render
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.textual_words import TranslatedFooter
from meeting.vocabulary import ELECTION_METHODS, NOMINATION_ANSWERS, member_name, words

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


class ElectionScreen(ModalScreen[None]):
    CSS_PATH = "election.tcss"
    BINDINGS = [
        Binding("n", "form('nominate')", N_("Nominate")),
        Binding("s", "form('second-nomination')", N_("Second"), show=False),
        Binding("a", "form('accept')", N_("Accept"), show=False),
        Binding("d", "form('decline')", N_("Decline"), show=False),
        Binding("w", "form('withdraw-candidacy')", N_("Withdraw"), show=False),
        Binding("c", "run('close-nominations')", N_("Close nominations")),
        Binding("r", "run('round')", N_("Ballot")),
        Binding("t", "tellers", N_("Tellers")),
        Binding("p", "form('paper')", N_("Paper"), show=False),
        Binding("f", "form('papers')", N_("Ballot file"), show=False),
        Binding("enter", "run('result')", N_("Result")),
        Binding("escape", "close", N_("Back")),
    ]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="election-dialog"):
            yield Label(_("Elections"), classes="title")
            yield Static(id="election-body")
            yield Static(id="election-error")
            yield Label(
                _(
                    "n nominate · s second · a accept · d decline · w withdraw · c close nominations · r ballot · "
                    "t tellers' report · p paper · f ballot file · Enter result · Esc back"
                ),
                classes="hint",
            )
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.redraw()

    def on_screen_resume(self) -> None:
        self.redraw()

    def on_command_answered(self, message: CommandAnswered) -> None:
        refused = message.refused
        error = self.query_one("#election-error", Static)
        error.update(Text("✗ " + render(refused.code, refused.params), style="bold red") if refused else "")
        self.redraw()

    def redraw(self) -> None:
        state = self.app.session.state
        elections = on_item(state, state.current)
        body = Text()
        if not elections:
            body.append(_("No election is held under the item open now."))
        for election in elections:
            self._election(body, election)
        self.query_one("#election-body", Static).update(body)

    def _election(self, body: Text, election: ElectionProgress) -> None:
        state = self.app.session.state
        council = state.meeting.council
        body.append(f"{election.election.office} ({election.id})\n", style="bold")
        seats = election.election.seats
        seats_words = ngettext("{n} seat", "{n} seats", seats).format(n=seats)
        body.append(f"{words(ELECTION_METHODS, election.method)} · {seats_words}\n", style="dim")
        if election.closed is None:
            body.append(_("Nominations open:") + "\n", style="bold")
            for nomination in election.nominations:
                line = f"  {member_name(state, nomination.candidate)}"
                if nomination.by is not None:
                    line += " · " + _("by {name}").format(name=member_name(state, nomination.by))
                if nomination.seconder is not None:
                    line += " · " + _("seconded by {name}").format(name=member_name(state, nomination.seconder))
                if nomination.answer is not None:
                    line += " · " + words(NOMINATION_ANSWERS, nomination.answer)
                if nomination.withdrawn is not None:
                    line += " · " + _("withdrew")
                standing = nomination.candidate in election.standing
                body.append(line + "\n", style="" if standing else "dim strike")
            if not election.nominations:
                body.append("  —\n")
        else:
            names = ", ".join(member_name(state, c) for c in election.candidates)
            body.append(_("Candidates: {names}").format(names=names) + "\n")
        for ballot in election.rounds:
            body.append(round_summary(council, election, ballot) + "\n", style="bold")
            if figures := tally_line(council, ballot):
                body.append(f"  {figures}\n")
            if ballot.result is not None:
                for line in explained(council, ballot.result):
                    body.append(f"  {line}\n")
        if election.elected:
            body.append(_("Elected: {names}").format(names=", ".join(member_name(state, c) for c in election.elected)))
            body.append("\n")
        body.append("\n")

    def action_form(self, verb: str) -> None:
        self.app.open_form(verb)

    def action_run(self, verb: str) -> None:
        self.post_message(RunCommand(command_line(verb), origin=self))

    def action_tellers(self) -> None:
        self.app.open_form("tellers")

    def action_close(self) -> None:
        self.dismiss()
