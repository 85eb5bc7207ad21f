"""The chair at work: each command the screens ask for, run through the session, answered to
the screen that asked, and every decision shown on the result screen; the forms, the
confirmations and the keys' help. The engine decides; the console shows what it answered.

The app (meeting.tui.app) draws its first screen before this module and the domain beneath it
are imported; it hands the chair each message once the meeting is open.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import SystemCommand

from meeting.domain import events as ev
from meeting.domain.elections.conduct import round_open
from meeting.domain.engine import Refused, count_refused, verb_refused
from meeting.domain.language import VERBS
from meeting.domain.procedure import voting_open
from meeting.domain.state import left_unfinished, not_taken_up, status_at_adjournment
from meeting.i18n import _, key_label, ngettext
from meeting.journal import JournalError
from meeting.messages import render, render_named
from meeting.report import describe
from meeting.session import Accepted, Session
from meeting.tui.actions import ACTIONS, CONFIRMED, KeyAction
from meeting.tui.main import MainScreen
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import local_time
from meeting.vocabulary import PHASES, item_heading, item_title, meeting_title

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp, Resuming

# Events that decide a question: each opens the result screen.
DECISIONS = (ev.VoteCounted, ev.RollCallClosed, ev.TieBroken, ev.ConsentGiven, ev.ConsensusConcluded, ev.Ruled)


def _opens_roll_call(event: ev.AnyEvent | None) -> bool:
    """A roll call opened from the command bar or the palette, or by a member's demand for a division."""
    return isinstance(event, ev.DivisionDemanded) or (isinstance(event, ev.PollOpened) and event.method == "roll_call")


def _key_words(action: KeyAction) -> str:
    verbs = " / ".join(action.verbs)
    return key_label(action.title) + (f"  ({verbs})" if verbs else "")


class Chair:
    """What the console does with a meeting open: the app's messages and keys, once its
    session is there."""

    def __init__(self, app: MeetingApp, session: Session) -> None:
        self.app = app
        self.session = session

    def start(self, resuming: Resuming | None, answered: Callable[[], None] = lambda: None) -> None:
        """The meeting on screen: its title; then, for a journal that was already there, the
        chair asked whether to resume it or to open a new sitting, or that done as told; back to
        the vote. `answered` once the question (if any) is answered and the chair stays."""
        self.app.title = meeting_title(self.session.state.meeting.agenda)
        if resuming == "ask":
            from meeting.tui.resume import ResumeScreen

            self.app.push_screen(ResumeScreen(self._journal_summary()), partial(self._resumed, answered=answered))
        else:
            self._resumed(resuming or "resume", answered)

    def _back_to_the_vote(self) -> None:
        """A console that stopped (a crash, a closed laptop) during a roll call comes back on its
        grid, where the chair was taking the answers; during an election's ballot, on the
        election's screen, where the tellers' report is awaited."""
        state = self.session.state
        if state.phase != "in_session":
            return
        if round_open(state) is not None:
            self.main.action_election()
            return
        voting = voting_open(state)  # not a closed one awaiting a casting vote
        if voting is None or voting is not state.pending:
            return  # a point of order raised during the vote waits for the chair's ruling first
        if voting.poll is not None and voting.poll.method == "roll_call":
            self.open_form("roll-call")

    def _journal_summary(self) -> str:
        state = self.session.state
        last = self.session.recorded[-1]
        return _("{events} events, the last at {time}; the meeting is {phase}.").format(
            events=len(self.session.recorded), time=local_time(state, last.at), phase=_(PHASES[state.phase])
        )

    def _resumed(self, choice: str | None, answered: Callable[[], None]) -> None:
        if choice == "quit":
            self.app.exit()
            return
        if choice == "sitting":  # refused (a meeting not yet begun): said, as any command
            self.app.post_message(RunCommand(command_line("sitting")))
        else:
            self._back_to_the_vote()
        answered()

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.app.screen_stack if isinstance(s, MainScreen))

    def recess(self) -> tuple[datetime, int] | None:
        """When the recess in progress began and for how many minutes, if it was given."""
        if self.session.state.phase != "in_recess":
            return None
        last = next((r for r in reversed(self.session.recorded) if isinstance(r.event, ev.Recessed)), None)
        if last is None or not isinstance(last.event, ev.Recessed) or last.event.minutes is None:
            return None
        return last.at, last.event.minutes

    def run_command(self, message: RunCommand) -> None:
        message.stop()
        result = self._execute(message.line)
        origin = message.origin or self.main
        if message.closes and isinstance(result, Accepted) and self.app.screen is origin:
            self.app.pop_screen()
        else:
            origin.post_message(CommandAnswered(message.line, result))
        if origin is not self.main:
            self.main.post_message(CommandAnswered(message.line, result))
        if isinstance(result, Accepted) and isinstance(result.event, DECISIONS):
            self.show_result(result.event)
        elif isinstance(result, Accepted) and _opens_roll_call(result.event):
            self.open_form("roll-call")  # its grid, where the chair takes the answers

    def _execute(self, line: str) -> Accepted | Refused | None:
        """Send one line to the engine through the session; say on the main screen what it
        answered, whole."""
        try:
            result = self.session.execute(line)
        except JournalError as exc:
            message = render(exc.diagnostic.code, exc.diagnostic.params)
            self.main.notice(Text("✗ " + message, style="bold white on red"))
            return Refused(exc.diagnostic.code, dict(exc.diagnostic.params))
        if result is None:
            return None
        if isinstance(result, Refused):
            self._say_refused(result)
            return result
        if self.app.screen is self.main:
            self.main.redraw()  # otherwise when it comes back into view
        if result.event is not None:
            text = Text("✓ " + describe(result.event, self.session.state), style="green")
            for warning in result.warnings:  # each whole, on its own line
                text.append(
                    "\n⚠ " + render_named(warning.code, warning.params, self.session.state), style="bold yellow"
                )
            self.main.notice(text)
        return result

    def _say_refused(self, refused: Refused) -> None:
        self.main.notice(Text("✗ " + render_named(refused.code, refused.params, self.session.state), style="bold red"))

    def show_result(self, event: ev.AnyEvent) -> None:
        from meeting.tui.result import ResultScreen

        self.app.push_screen(ResultScreen(event))

    def open_form(self, verb: str) -> None:
        """The screen for a verb: its own screen where it has one (a motion, a count, a roll
        call, consensus), a confirmation for what is hard to take back, otherwise a form
        built from the grammar; a verb that takes nothing runs at once."""
        state = self.session.state
        if verb in ("move", "point"):
            from meeting.tui.motion import MotionForm

            self.app.push_screen(MotionForm(point=verb == "point"))
        elif verb in ("vote", "ballot"):
            from meeting.tui.vote import VoteForm

            refused = count_refused(state) if verb == "vote" else None
            if refused is not None:  # said now, not after the figures are typed
                self._say_refused(refused)
                return
            if verb == "ballot" and (state.pending is None or state.pending.poll is None):
                self.app.post_message(RunCommand(command_line("ballot")))
            self.app.call_later(self.app.push_screen, VoteForm())
        elif verb in ("consensus", "conclude"):
            from meeting.tui.consensus import ConsensusScreen

            pending = state.pending
            refused = verb_refused(state, "consensus") if pending is None or pending.consensus is None else None
            if refused is not None:  # no motion pending...: said on the main screen, no empty consensus screen
                self._say_refused(refused)
                return
            self.app.push_screen(ConsensusScreen())  # which seeks consensus, if not sought yet
        elif verb == "tellers":
            from meeting.tui.tellers import TellersForm

            self.app.push_screen(TellersForm())
        elif verb in ("roll-call", "close"):
            from meeting.tui.poll import PollScreen

            pending = state.pending
            opening = verb == "roll-call" and (pending is None or pending.poll is None)
            if opening and not isinstance(self._execute(command_line("roll-call")), Accepted):
                return  # refused (consensus first, no question...): said on the main screen, no empty grid
            self.app.push_screen(PollScreen())
        elif verb in CONFIRMED:
            self._confirm(verb)
        elif not VERBS[verb].parts:
            self.app.post_message(RunCommand(command_line(verb)))
        else:
            from meeting.tui.form import CommandForm

            self.app.push_screen(CommandForm(verb))

    def _confirm(self, verb: str) -> None:
        from meeting.tui.confirm import ConfirmScreen, UndoAnswerScreen

        state = self.session.state
        if verb == "undo":
            if not state.undoable or verb_refused(state, "undo") is not None:
                self.app.post_message(RunCommand(command_line("undo")))  # the engine says why not, at once
                return
            target = next(r for r in self.session.recorded if r.seq == state.undoable[-1])
            question = _("Undo the last action: {what}?").format(what=describe(target.event, state))
        elif verb == "agreed":  # "Is there any objection?" (RONR 4:58) before general consent is declared
            if state.pending is None or verb_refused(state, "agreed") is not None:
                self.app.post_message(RunCommand(command_line("agreed")))  # the engine says why not, at once
                return
            question = _("Adopt motion #{n} by general consent (no objection)?").format(n=state.pending.number)
        else:
            question = _("Close the meeting (adjourn)?")
            if state.current is not None and status_at_adjournment(state) == "unfinished":
                current = item_heading(state.order.index(state.current) + 1, item_title(state, state.current))
                question += "\n" + _("{item} is left unfinished.").format(item=current)

            def headings(items: list[str]) -> str:
                return _("; ").join(item_heading(state.order.index(i) + 1, item_title(state, i)) for i in items)

            # Taken up and not concluded (`open` went to another item), then never opened: each said truly.
            taken_up = left_unfinished(state)
            if taken_up:
                question += "\n" + ngettext(
                    "{count} item taken up and left unfinished: {items}",
                    "{count} items taken up and left unfinished: {items}",
                    len(taken_up),
                ).format(count=len(taken_up), items=headings(taken_up))
            left = not_taken_up(state)
            if left:
                question += "\n" + ngettext(
                    "{count} item not taken up: {items}", "{count} items not taken up: {items}", len(left)
                ).format(count=len(left), items=headings(left))

        asker = self.app.screen  # answered there too: a consensus or roll-call screen shows the undo

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.post_message(RunCommand(command_line(verb), origin=asker))

        # Asked over a screen of answer keys (a roll call, consensus), its own keys: 'y' there is a vote.
        answering = verb == "undo" and asker is not self.main
        self.app.push_screen(UndoAnswerScreen(question) if answering else ConfirmScreen(question), confirmed)

    def key_help(self) -> Iterator[tuple[str, str]]:
        """Each key once: a key the table gives two actions (`a`, `e`) lists both, the one the
        meeting offers now first."""
        state = self.session.state
        by_key: dict[str, list[KeyAction]] = {}
        for action in sorted(ACTIONS, key=lambda action: not action.offered(state)):
            by_key.setdefault(action.shown_key, []).append(action)
        for action in ACTIONS:
            shared = by_key.pop(action.shown_key, None)
            if shared:
                yield action.shown_key, "; ".join(_key_words(each) for each in shared)
        yield "ctrl+p", _("Command palette: every command, searched by its words")

    def key_commands(self) -> Iterable[SystemCommand]:
        """Every key's action offered now with its key, and under it the commands it sends (the
        verbs themselves come from `palette.VerbsProvider`)."""
        main = self.main
        for action in ACTIONS:
            if not action.offered(self.session.state):
                continue  # as the footer: no 'Begin' once begun, no 'Vote' after adjournment

            def run(action: str = action.action) -> None:
                main.call_later(main.run_action, action)

            title = key_label(action.title)
            yield SystemCommand(f"{title}  ({action.shown_key})", " / ".join(action.verbs), run)

    def command_bar(self) -> None:
        """Every screen above the main one closed, unanswered, and the command bar focused."""
        from meeting.tui.confirm import ConfirmScreen

        while not isinstance(self.app.screen, MainScreen):
            if isinstance(self.app.screen, ConfirmScreen):  # dropped, as with No: said, never silently
                question = self.app.screen.question.splitlines()[0]
                self.main.notice(
                    Text(_("Not done, left unanswered: {question}").format(question=question), style="yellow")
                )
            self.app.screen.dismiss()
        self.app.call_later(self.main.action_command)
