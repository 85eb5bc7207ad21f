"""The chair's console. Screens ask for commands of the engine's language with messages; the
app hands each to the chair (meeting.tui.chair), which runs it through the session, answers
the screen that asked, and opens the result screen on every decision.

The console draws its first screen at once: `meeting run` opens it on the opening screen
(`opening_app`), and the meeting is read and checked behind it, in a thread, with the domain
and pydantic it needs; the keys typed meanwhile wait their turn. This module imports none of
them. `build_app` makes the app on a session already open: the tests use it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from textual.app import App, SystemCommand
from textual.message import Message
from textual.screen import Screen

from meeting.lasting import built_to_last
from meeting.tui.opening import OpeningScreen
from meeting.tui.terminal import TerminalApp
from meeting.tui.textual_words import open_palette, translated_system_commands
from meeting.tui.typeahead import KeysInTurn

if TYPE_CHECKING:
    from textual.command import Provider

    from meeting.diagnostics import Diagnostic
    from meeting.session import Clock, Opened, Session
    from meeting.tui.chair import Chair
    from meeting.tui.form import DraftKey
    from meeting.tui.main import MainScreen
    from meeting.tui.messages import RunCommand


# What is done with a journal that was already there: ask the chair, resume it, or open a new
# sitting (`meeting run`, `--resume`, `--new-sitting`).
Resuming = Literal["ask", "resume", "sitting"]


def verbs_provider() -> type[Provider]:  # textual.command is imported with the palette
    from meeting.tui.palette import VerbsProvider  # when the palette first opens

    return VerbsProvider


class MeetingOpened(Message):
    """From the thread that opened the meeting: the session, or the diagnostics that say why
    there is none."""

    def __init__(self, opened: Opened, chair: type[Chair]) -> None:
        super().__init__()
        self.opened = opened
        self.chair = chair


class MeetingApp(KeysInTurn, TerminalApp):
    CSS_PATH = "app.tcss"
    TITLE = "meeting"
    COMMANDS = App.COMMANDS | {verbs_provider}

    # Once the meeting is open (`open_session`): the screens read them.
    session: Session
    clock: Clock  # the wall clock when live; a fixed one in snapshot tests
    _chair: Chair | None = None

    def __init__(
        self,
        opening: Callable[[], Opened] | None = None,
        agenda: str = "",
        resuming: Resuming = "ask",
        speak: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__()
        self.opening = opening  # run in a thread after the first frame: the session, or why not
        self.agenda = agenda  # the file being opened, named on the opening screen
        self.resuming = resuming  # for a journal already there
        self.speak = speak  # the meeting's language, as recorded, spoken once it is open
        self.question: Resuming | None = None  # asked once the meeting is on screen
        self.opened: Opened | None = None  # what the opening found, even once the chair has left
        self._opening_begun = False
        self._opening_done = threading.Event()
        self.warnings: list[Diagnostic] = []  # from opening the journal (a torn last line set aside)
        self.drafts: dict[DraftKey, dict[str, str]] = {}  # forms left with Esc

    def get_default_screen(self) -> Screen[None]:
        if self._chair is None:
            return OpeningScreen(self.agenda)
        from meeting.tui.main import MainScreen

        return MainScreen()

    def on_mount(self) -> None:
        self.watch_terminal()
        self.call_after_refresh(self._fits)
        if self._chair is not None:
            self._chair.start(self.question)
        else:
            self.hold_keys()  # until the meeting is on screen: typed ahead, not lost

    def on_ready(self) -> None:
        if self.opening is not None and self._chair is None:
            self._opening_begun = True
            self.run_worker(self._open, thread=True, exit_on_error=True)

    def _open(self) -> None:
        try:
            with built_to_last():  # the modules and the meeting's state live as long as the console
                from meeting.tui.chair import Chair  # the screens, the domain and pydantic with it

                assert self.opening is not None
                self.opened = self.opening()
        finally:
            self._opening_done.set()
        self.post_message(MeetingOpened(self.opened, Chair))  # dropped if the chair left meanwhile

    def what_opened(self) -> Opened | None:
        """Once the app has stopped: what the opening found (None if it never began), waiting
        for it if the chair left before the meeting was on screen."""
        if self._opening_begun:
            self._opening_done.wait()
        return self.opened

    def on_meeting_opened(self, message: MeetingOpened) -> None:
        """The meeting read and checked: its main screen in place of the opening one, in the
        meeting's language; then the question whether to resume a journal already there, and
        the keys typed meanwhile taken in turn (after the answer: they were typed for the
        meeting). When it could not be opened, the console closes and `meeting run` says why."""
        opened, chair = message.opened, message.chair
        if opened.session is None:
            self.exit(return_code=1)
            return
        from meeting.session import WallClock
        from meeting.tui.main import MainScreen
        from meeting.tui.small import TooSmallScreen

        if self.speak is not None:  # before the screens are made: they speak it from the first
            self.speak(opened.session.state.meeting.agenda.language)
        self.open_session(
            opened.session, WallClock(), chair, [d for d in opened.diagnostics if d.severity == "warning"]
        )
        if isinstance(self.screen, TooSmallScreen):
            self.pop_screen()  # and asked again, over the main screen
        self.push_screen(MainScreen())  # over the opening screen, which is never seen again
        self.call_after_refresh(self._fits)
        question = self.resuming if opened.existed else None
        typed = self.set_keys_aside() if question == "ask" else []  # typed for the meeting
        self.chair.start(question, answered=lambda: self.take_keys(typed))

    def open_session(
        self, session: Session, clock: Clock, chair: type[Chair], warnings: Sequence[Diagnostic] = ()
    ) -> None:
        self.session = session
        self.clock = clock
        self.warnings = list(warnings)  # shown on the main screen
        self._chair = chair(self, session)

    def on_resize(self) -> None:
        self.call_after_refresh(self._fits)

    def _fits(self) -> None:
        """Below 80×24 a message asks for a larger terminal, over every screen (drawn there, they
        were unusable and said nothing); it goes once the terminal is large enough."""
        from meeting.tui.small import TooSmallScreen, too_small

        shown = next((s for s in self.screen_stack if isinstance(s, TooSmallScreen)), None)
        if too_small(*self.size) and shown is None:
            self.push_screen(TooSmallScreen())
        elif not too_small(*self.size) and shown is not None and self.screen is shown:
            shown.dismiss()  # pops the top screen, whichever it is: only when it is this one

    def terminal_gone(self) -> None:
        if self._chair is not None:
            self.session.close()  # every action is in the journal already; its lock is let go

    @property
    def is_open(self) -> bool:
        """Whether the meeting is open: its session there, the chair at work."""
        return self._chair is not None

    @property
    def chair(self) -> Chair:
        assert self._chair is not None, "the meeting is not open yet"
        return self._chair

    @property
    def main(self) -> MainScreen:
        return self.chair.main

    def recess(self) -> tuple[datetime, int] | None:
        return self.chair.recess()

    def on_run_command(self, message: RunCommand) -> None:
        self.chair.run_command(message)

    def open_form(self, verb: str) -> None:
        self.chair.open_form(verb)

    def key_help(self) -> Iterator[tuple[str, str]]:
        return self.chair.key_help()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Every key's action with its key (once the meeting is open), then Textual's own."""
        if self._chair is not None:
            yield from self._chair.key_commands()
        # Not Textual's "Keys" panel: it lists the bindings in English and squeezes the screen;
        # the help (?) lists every key in the chair's language.
        textual = (command for command in super().get_system_commands(screen) if command.title != "Keys")
        yield from translated_system_commands(textual)

    def action_command_bar(self) -> None:
        """':' on a screen of single-letter keys (COMMAND_KEY): every screen above the main one
        closed, unanswered, and the command bar focused for the line being typed."""
        self.chair.command_bar()

    def action_undo(self) -> None:
        """'u' on a screen where answers are recorded (UNDO_KEY): the same question as on the
        main screen, over the screen it is asked from."""
        self.open_form("undo")

    def action_help(self) -> None:
        """Every key: those of the screen it is opened from first, then the main screen's."""
        from meeting.tui.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))

    def action_command_palette(self) -> None:
        open_palette(cast("App[object]", self))


def build_app(
    session: Session, clock: Clock, journal_exists: bool = False, warnings: Sequence[Diagnostic] = ()
) -> MeetingApp:
    """The console on a session already open; `journal_exists`: whether to ask to resume it."""
    from meeting.tui.chair import Chair

    app = MeetingApp()
    app.question = "ask" if journal_exists else None
    app.open_session(session, clock, Chair, warnings)
    return app


def opening_app(
    opening: Callable[[], Opened], agenda: str, resuming: Resuming, speak: Callable[[str], None]
) -> MeetingApp:
    """The console of `meeting run`: drawn at once, the meeting of the file `agenda` opened
    behind its first frame by `opening`; `resuming`: what is done with a journal already there;
    `speak`: sets the language to speak, given the meeting's."""
    return MeetingApp(opening, agenda, resuming, speak)
