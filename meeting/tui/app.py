"""The chair's console. Every key sends a command of the engine's language through the
session; the engine's answer — accepted, or refused with its reason — is what the chair sees.

`build_app` is the one way to make the app: `meeting run` and the tests both use it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Input, Static

from meeting.diagnostics import Diagnostic, format_diagnostic
from meeting.domain.engine import Refused
from meeting.i18n import N_, _
from meeting.journal import JournalError
from meeting.messages import render
from meeting.report import describe
from meeting.session import Accepted, Clock, Session
from meeting.tui.commandbar import CommandBar
from meeting.tui.panels import agenda_text, attendance_text, current_text, header_text, local_time, quorum_text
from meeting.vocabulary import PHASES

# The other screens (and the DataTable they use) are imported when first opened: the main
# screen is what the chair must see quickly.


# Every key of the main screen, its action, the words shown, and the command it sends.
KEYS: tuple[tuple[str, str, str, str], ...] = (
    ("r", "roll_call", N_("Roll call"), "present / remote / apologies / absent …"),
    ("b", "send('begin')", N_("Begin"), "begin"),
    ("n", "send('next')", N_("Next"), "next"),
    ("p", "send('previous')", N_("Previous"), "previous"),
    ("m", "move", N_("Move"), 'move "…" by … seconded …'),
    ("v", "vote", N_("Vote"), "vote YES NO ABSTAIN"),
    ("u", "undo", N_("Undo"), "undo"),
    ("colon", "command", N_("Command"), ""),
    ("question_mark", "help", N_("Help"), ""),
    ("q", "app.quit", N_("Quit"), ""),
)
# Keys the footer leaves out at 80 columns (still in the help and the palette).
_QUIET = frozenset({"p", "q"})


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, action, _(title), show=key not in _QUIET) for key, action, title, _command in KEYS),
        Binding("escape", "leave_bar", show=False),
    ]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal(id="body"):
            with VerticalScroll(id="agenda-box"):
                yield Static(id="agenda")
            with Vertical(id="right"):
                with VerticalScroll(id="current-box"):
                    yield Static(id="current")
                yield Static(id="quorum")
                yield Static(id="attendance")
        yield CommandBar(
            lambda: self.app.session.state, id="command", placeholder=_("type a command, or : here · ? for help")
        )
        yield Static(id="notice")
        yield Footer()

    def on_mount(self) -> None:
        self.redraw()
        if self.app.warnings:
            self.notice(Text("⚠ " + "; ".join(map(format_diagnostic, self.app.warnings)), style="bold yellow"))

    def on_screen_resume(self) -> None:
        if self.is_mounted:  # the default screen resumes once before its widgets exist
            self.redraw()

    def redraw(self) -> None:
        state = self.app.session.state
        now = self.app.clock.now()
        self.query_one("#header", Static).update(header_text(state, now))
        self.query_one("#agenda", Static).update(agenda_text(state, now))
        self.query_one("#current", Static).update(current_text(state, now))
        text, met = quorum_text(state)
        quorum = self.query_one("#quorum", Static)
        quorum.update(text)
        quorum.set_class(not met, "-lost")
        self.query_one("#attendance", Static).update(attendance_text(state))

    def notice(self, text: Text) -> None:
        self.query_one("#notice", Static).update(text)

    def action_send(self, line: str) -> None:
        self.app.execute(line)

    def action_roll_call(self) -> None:
        from meeting.tui.screens import RollCallScreen

        self.app.push_screen(RollCallScreen())

    def action_vote(self) -> None:
        from meeting.tui.screens import VoteScreen

        self.app.push_screen(VoteScreen())

    def action_move(self) -> None:
        from meeting.tui.screens import MotionScreen

        self.app.push_screen(MotionScreen())

    def action_undo(self) -> None:
        state = self.app.session.state
        if not state.undoable:
            self.app.execute("undo")  # the engine says there is nothing to undo
            return
        target = next(r for r in self.app.session.recorded if r.seq == state.undoable[-1])
        question = _("Undo the last action: {what}?").format(what=describe(target.event, state))

        def confirmed(yes: bool | None) -> None:
            if yes:
                self.app.execute("undo")

        from meeting.tui.screens import ConfirmScreen

        self.app.push_screen(ConfirmScreen(question), confirmed)

    def action_command(self) -> None:
        self.query_one(CommandBar).focus()

    def action_leave_bar(self) -> None:
        self.set_focus(None)

    def action_help(self) -> None:
        from meeting.tui.screens import HelpScreen

        self.app.push_screen(HelpScreen())

    @on(Input.Submitted, "#command")
    def _typed(self, event: Input.Submitted) -> None:
        bar = self.query_one(CommandBar)
        line = event.value
        if not line.strip():
            return
        result = self.app.execute(line)
        if not isinstance(result, Refused):
            bar.remember(line)
            bar.value = ""
        else:
            # The caret under the column the engine points at (the bar's text starts at its edge).
            caret = " " * (result.col - 1) + "^ "
            self.notice(Text(caret + render(result.code, result.params), style="bold red"))


class MeetingApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "meeting"

    def __init__(
        self, session: Session, clock: Clock, journal_exists: bool = False, warnings: Sequence[Diagnostic] = ()
    ) -> None:
        super().__init__()
        self.session = session
        self.clock = clock
        self.journal_exists = journal_exists  # ask whether to resume or open a new sitting
        self.warnings = list(warnings)  # from opening the journal (a torn last line set aside)

    def get_default_screen(self) -> Screen[None]:
        return MainScreen()

    def on_mount(self) -> None:
        self.title = self.session.state.meeting.agenda.title
        if self.journal_exists:
            from meeting.tui.screens import ResumeScreen

            self.push_screen(ResumeScreen(self._journal_summary()), self._resumed)
        self.set_interval(20, self._tick)

    def _journal_summary(self) -> str:
        state = self.session.state
        last = self.session.recorded[-1]
        return _("{events} events, the last at {time}; the meeting is {phase}.").format(
            events=len(self.session.recorded), time=local_time(state, last.at), phase=_(PHASES[state.phase])
        )

    def _resumed(self, choice: str | None) -> None:
        if choice == "quit":
            self.exit()
        elif choice == "sitting":
            self.execute("sitting")

    def _tick(self) -> None:
        """Time used on the open item moves with the wall clock."""
        if isinstance(self.screen, MainScreen):
            self.screen.redraw()

    @property
    def main(self) -> MainScreen:
        return next(s for s in self.screen_stack if isinstance(s, MainScreen))

    def execute(self, line: str, notify: bool = True) -> Accepted | Refused | None:
        """Send one line to the engine through the session; show what it answered."""
        try:
            result = self.session.execute(line)
        except JournalError as exc:
            message = render(exc.diagnostic.code, exc.diagnostic.params)
            self.main.notice(Text("✗ " + message, style="bold white on red"))
            return Refused(exc.diagnostic.code, dict(exc.diagnostic.params))
        if result is None:
            return None
        if isinstance(result, Refused):
            if notify:
                self.main.notice(Text("✗ " + render(result.code, result.params), style="bold red"))
            return result
        if self.screen is self.main:
            self.main.redraw()  # otherwise when it comes back into view
        if result.event is not None:
            text = Text("✓ " + describe(result.event, self.session.state), style="green")
            for warning in result.warnings:
                text.append("  ⚠ " + render(warning.code, warning.params), style="bold yellow")
            self.main.notice(text)
        return result

    def key_help(self) -> Iterator[tuple[str, str]]:
        for key, _action, title, command in KEYS:
            shown = {"colon": ":", "question_mark": "?"}.get(key, key)
            yield shown, _(title) + (f"  ({command})" if command else "")
        yield "ctrl+p", _("Command palette: every action")

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        main = self.main
        for key, action, title, command in KEYS:
            shown = {"colon": ":", "question_mark": "?"}.get(key, key)

            def run(action: str = action) -> None:
                main.call_later(main.run_action, action)

            yield SystemCommand(f"{_(title)}  [{shown}]", command or _(title), run)
        yield from super().get_system_commands(screen)


def build_app(
    session: Session, clock: Clock, journal_exists: bool = False, warnings: Sequence[Diagnostic] = ()
) -> MeetingApp:
    return MeetingApp(session, clock, journal_exists, warnings)
