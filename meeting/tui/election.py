"""The election screen: the elections of the open item, each with its candidates, its ballots
and their results explained, and the keys that nominate, close nominations, open a ballot,
enter the tellers' report and declare the result. Every key sends a command line printed by
`format_command`, or opens the form that builds one; the counting is the engine's."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meeting.domain.elections.conduct import election_verbs_in_order, on_item
from meeting.domain.elections.progress import ElectionProgress
from meeting.election_words import explained, round_summary, tally_line
from meeting.i18n import N_, _, ngettext
from meeting.messages import render_named
from meeting.tui.actions import action_text
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import indented
from meeting.tui.textual_words import COMMAND_KEY, HELP_KEY, TranslatedFooter
from meeting.vocabulary import ELECTION_METHODS, NOMINATION_ANSWERS, member_name, office_words, upper_first, words

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


@dataclass(frozen=True, slots=True)
class _ElectionKey:
    key: str
    verb: str  # the command it sends, or builds in a form
    title: str  # N_(): the footer's and the hint's words, translated when shown
    form: bool = True  # a form builds the command (the verb names a member or figures)
    footer: bool = True  # shown in the footer; every key is in the hint line

    @property
    def action(self) -> str:
        return f"{'form' if self.form else 'run'}('{self.verb}')"


# Each offered only at the stage of the election where the engine takes its command.
_KEYS = (
    _ElectionKey("n", "nominate", N_("Nominate")),
    _ElectionKey("s", "second-nomination", N_("Second"), footer=False),
    _ElectionKey("a", "accept", N_("Accept"), footer=False),
    _ElectionKey("d", "decline", N_("Decline"), footer=False),
    _ElectionKey("w", "withdraw-candidacy", N_("Withdraw"), footer=False),
    _ElectionKey("c", "close-nominations", N_("Close nominations"), form=False),
    _ElectionKey("r", "round", N_("Ballot"), form=False),
    _ElectionKey("t", "tellers", N_("Tellers")),
    _ElectionKey("p", "paper", N_("Paper"), footer=False),
    _ElectionKey("f", "papers", N_("Ballot file"), footer=False),
    _ElectionKey("enter", "result", N_("Result"), form=False),
)


class ElectionScreen(ModalScreen[None]):
    CSS_PATH = "election.tcss"
    BINDINGS = [
        *(Binding(k.key, k.action, k.title, show=k.footer) for k in _KEYS),
        Binding("escape", "close", N_("Back")),
        HELP_KEY,
        COMMAND_KEY,
    ]

    def __init__(self) -> None:
        super().__init__()
        self.in_flight: list[str] = []  # lines sent by keys and not yet answered

    app: MeetingApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="election-dialog"):
            yield Label(_("Elections"), classes="title")
            yield Static(id="election-body")
            yield Static(id="election-error")
            yield Label(id="election-keys", classes="hint")
        yield TranslatedFooter(more_keys=False)  # the hint line above lists every key in order now

    def on_mount(self) -> None:
        self.redraw()

    def on_screen_resume(self) -> None:
        self.redraw()

    def on_command_answered(self, message: CommandAnswered) -> None:
        if message.line in self.in_flight:
            self.in_flight.remove(message.line)
        refused = message.refused
        error = self.query_one("#election-error", Static)
        error.update(
            Text("✗ " + render_named(refused.code, refused.params, self.app.session.state), style="bold red")
            if refused
            else ""
        )
        self.redraw()

    def redraw(self) -> None:
        state = self.app.session.state
        elections = on_item(state, state.current)
        body: list[RenderableType] = []
        if not elections:
            body.append(Text(_("No election is held under the item open now.")))
        for election in elections:
            self._election(body, election)
        self.query_one("#election-body", Static).update(Group(*body))
        in_order = election_verbs_in_order(state)
        keys = [f"{'⏎' if k.key == 'enter' else k.key} {_(k.title)}" for k in _KEYS if k.verb in in_order]
        self.query_one("#election-keys", Label).update(" · ".join([*keys, "Esc " + _("Back")]))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """A key is offered at the stage of the election where the engine takes its command
        (no 'Nominate' once nominations are closed, no 'Ballot' while one is open)."""
        if self.in_flight:
            return True  # a key's command is on its way: the stage may be about to change, never drop a key
        verbs = [k.verb for k in _KEYS if k.action == action_text(action, parameters)]
        return not verbs or verbs[0] in election_verbs_in_order(self.app.session.state)

    def _election(self, body: list[RenderableType], election: ElectionProgress) -> None:
        state = self.app.session.state
        council = state.meeting.council
        body.append(Text(f"{office_words(election.election)} ({election.id})", style="bold"))
        seats = election.election.seats
        seats_words = ngettext("{n} seat", "{n} seats", seats).format(n=seats)
        method = upper_first(words(ELECTION_METHODS, election.method))  # a line of its own: a capital
        body.append(Text(f"{method} · {seats_words}", style="dim"))
        if election.closed is None:
            body.append(Text(_("Nominations open:"), style="bold"))
            for nomination in election.nominations:
                line = member_name(state, nomination.candidate)
                if nomination.by is not None:
                    line += " · " + _("by {name}").format(name=member_name(state, nomination.by))
                if nomination.seconder is not None:
                    line += " · " + _("seconded by {name}").format(name=member_name(state, nomination.seconder))
                if nomination.answer is not None:
                    line += " · " + words(NOMINATION_ANSWERS, nomination.answer)
                if nomination.withdrawn is not None:
                    line += " · " + _("withdrew")
                elif election.unseconded(nomination) and nomination.answer != "declined":
                    # In words: the dim strike-through alone did not say why, nor what follows.
                    line += " · " + _("not seconded — will not go to the ballot")
                standing = nomination.candidate in election.standing
                body.append(indented(line, "" if standing else "dim strike"))
            if not election.nominations:
                body.append(indented("—"))
        else:
            names = ", ".join(member_name(state, c) for c in election.candidates)
            body.append(Text(_("Candidates: {names}").format(names=names)))
        for ballot in election.rounds:
            body.append(Text(round_summary(council, election, ballot), style="bold"))
            if figures := tally_line(council, ballot):
                body.append(indented(figures))
            if ballot.result is not None:
                body.extend(indented(line) for line in explained(council, ballot.result))
        if election.elected:
            elected = ", ".join(member_name(state, c) for c in election.elected)
            body.append(Text(_("Elected: {names}").format(names=elected)))
        body.append(Text())

    def action_form(self, verb: str) -> None:
        self.app.open_form(verb)

    def action_run(self, verb: str) -> None:
        line = command_line(verb)
        self.in_flight.append(line)
        self.post_message(RunCommand(line, origin=self))

    def action_close(self) -> None:
        self.dismiss()
