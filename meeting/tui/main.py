"""The main screen: the agenda, the item in front of the chair and its business, the timers,
the last events in words, the quorum and the attendance; the command bar and the keys of
`actions.ACTIONS`. It asks for commands with messages and never decides a rule."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.widgets._input import Selection

from meeting.diagnostics import format_diagnostic
from meeting.domain.language import Command, parse
from meeting.domain.state import State
from meeting.i18n import _
from meeting.messages import render_named
from meeting.tui.actions import ACTIONS, CONFIRMED, action_text
from meeting.tui.commandbar import CommandBar
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import (
    agenda_rows,
    attendance_text,
    current_parts,
    header_text,
    log_text,
    quorum_text,
    speakers_text,
    timers_text,
)
from meeting.tui.textual_words import UNDO_KEY, TranslatedFooter

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp

LOG_LINES = 4
SHORT = 32  # rows: below, the attendance by region gives way and the log keeps two events


class MainScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = []
    # Below 32 rows the attendance by region gives way (it is on the attendance screen) and the
    # log keeps two lines: the item and its motions come first.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]

    app: MeetingApp

    def __init__(self) -> None:
        super().__init__()
        # Bound per screen, not in the class, so the titles are translated when shown.
        for action in ACTIONS:
            self._bindings.bind(action.key, action.action, action.title, show=action.footer)  # translated when shown
        self._bindings.bind("escape", "leave_bar", show=False)
        # Once adjourned 'u' is not offered (nothing is undone), yet a chair who presses it hears
        # why, as from the palette: the key falls through to this binding, which asks the engine.
        self._bindings.bind(UNDO_KEY.key, UNDO_KEY.action, show=False)
        self._minute = -1
        self._refused_line: str | None = None  # the bar's line the notice points a caret at
        self.in_flight: list[str] = []  # lines sent by keys and not yet answered

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal(id="body"):
            yield VerticalScroll(id="agenda")
            with Vertical(id="right"):
                with VerticalScroll(id="current-box"):
                    yield Static(id="current")
                yield Static(id="timers")
                yield Static(id="speakers")
                with VerticalScroll(id="log-box", can_focus=False):
                    yield Static(id="log")
                yield Static(id="quorum")
                yield Static(id="attendance")
        yield CommandBar(
            lambda: self.app.session.state,
            id="command",
            placeholder=_("keys act at once · : to type a command · ? for help"),
        )
        yield Static(id="notice")
        # Every phase has keys the footer never shows (t, s, f...): its last key says so.
        yield TranslatedFooter(keys_never_shown=True)

    def on_mount(self) -> None:
        # The screen's own timer: it stops with the screen, so it never ticks on widgets that are gone.
        self.set_interval(1, self.tick)
        self.query_one("#log-box").anchor()  # the newest event in sight, whatever wraps above it
        self.redraw()
        if self.app.warnings:
            self.notice(Text("⚠ " + _("; ").join(map(format_diagnostic, self.app.warnings)), style="bold yellow"))

    def on_resize(self) -> None:
        if self.is_mounted:  # the panels' widths follow the terminal's (a region's name, cut or whole)
            self.call_after_refresh(self.redraw)

    def on_screen_resume(self) -> None:
        if self.is_mounted:  # the default screen resumes once before its widgets exist
            self.redraw()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The footer and the keys follow the phase: no 'Begin' once begun, no 'Next item'
        after adjournment; 'Election' on an item that holds one, 'Approve the minutes' where they
        may be approved now."""
        if self.in_flight:
            return True  # a key's command is on its way: the phase may be about to change, never drop a key
        state = self.app.session.state
        bound = [a for a in ACTIONS if a.action.split("(")[0] == action]
        if not bound:
            return True
        named = [a for a in bound if a.action == action_text(action, parameters)] or bound
        return any(a.offered(state) for a in named)

    def redraw(self) -> None:
        state = self.app.session.state
        now = self.app.clock.now()
        self._minute = now.minute
        self.query_one("#header", Static).update(header_text(state, now))
        self._agenda(state, now)
        item, business = current_parts(state, now)
        self.query_one("#current", Static).update(item + business)
        if state.stack:
            self.call_after_refresh(self._question_in_sight, item)
        self.query_one("#timers", Static).update(timers_text(state, now, self.app.recess()))
        speakers = speakers_text(state)
        self.query_one("#speakers", Static).update(speakers)
        self.query_one("#speakers").display = bool(speakers)
        lines = 2 if self.app.size.height < SHORT else LOG_LINES
        self.query_one("#log", Static).update(log_text(state, self.app.session.recorded, lines))
        text, met = quorum_text(state)
        quorum = self.query_one("#quorum", Static)
        quorum.update(text)
        quorum.set_class(not met, "-lost")
        attendance = self.query_one("#attendance", Static)
        attendance.update(attendance_text(state, attendance.content_size.width or None))
        self.refresh_bindings()

    def _question_in_sight(self, item: Text) -> None:
        """The question before the meeting whole, the item's own lines above it scrolled away
        when both do not fit (at 80×24 a motion was cut after its first line)."""
        box = self.query_one("#current-box", VerticalScroll)
        lines = item.wrap(self.app.console, box.scrollable_content_region.width)
        box.scroll_to(y=len(lines), animate=False)

    def _agenda(self, state: State, now: datetime) -> None:
        """One line group per item (an item added in the meeting gets its own), the open item
        kept in view."""
        box = self.query_one("#agenda", VerticalScroll)
        rows = agenda_rows(state, now)
        shown = list(box.query(Static))
        if len(shown) != len(rows):
            box.remove_children()
            shown = [Static(classes="item") for _row in rows]
            box.mount_all(shown)
        for widget, row in zip(shown, rows, strict=True):
            widget.update(row)
        if state.current in state.order:
            box.scroll_to_widget(shown[state.order.index(state.current)], animate=False)

    def tick(self) -> None:
        """Every second while the chair sees this screen: the clock and the timers; the rest
        when the minute turns."""
        if self.app.screen is not self:
            return
        now = self.app.clock.now()
        if now.minute != self._minute:
            self.redraw()
            return
        state = self.app.session.state
        self.query_one("#header", Static).update(header_text(state, now))
        self.query_one("#timers", Static).update(timers_text(state, now, self.app.recess()))

    def notice(self, text: Text) -> None:
        self._refused_line = None
        self.query_one("#notice", Static).update(text)
        # Laid out again as a whole: said while a form stood above another screen (a nomination
        # sent under the election), the notice kept its old height and a second line was lost.
        self.refresh(layout=True)

    def action_run(self, verb: str) -> None:
        self.in_flight.append(verb)
        self.post_message(RunCommand(command_line(verb)))

    def action_form(self, verb: str) -> None:
        self.app.open_form(verb)

    def action_attendance(self) -> None:
        from meeting.tui.attendance import AttendanceScreen

        self.app.push_screen(AttendanceScreen())

    def action_move(self) -> None:
        self.app.open_form("move")

    def action_vote(self) -> None:
        self.app.open_form("vote")

    def action_consensus(self) -> None:
        self.app.open_form("consensus")

    def action_roll_call_vote(self) -> None:
        self.app.open_form("roll-call")

    def action_election(self) -> None:
        from meeting.tui.election import ElectionScreen

        self.app.push_screen(ElectionScreen())

    def action_undo(self) -> None:
        self.app.open_form("undo")

    def action_command(self) -> None:
        self.query_one(CommandBar).focus()

    def action_leave_bar(self) -> None:
        self.set_focus(None)

    @on(Input.Submitted, "#command")
    def _typed(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            return
        parsed = parse(event.value)
        if isinstance(parsed, Command) and parsed.verb in CONFIRMED:
            # Asked first, as from a key (a typed adjourn closed the meeting); the bar emptied and
            # left, as for a line sent: after No, the keys pressed next went on the line ("adjournrdbk").
            bar = self.query_one(CommandBar)
            bar.remember(event.value)
            bar.value = ""
            self.set_focus(None)
            self.app.open_form(parsed.verb)
            return
        self.post_message(RunCommand(event.value))

    @on(Input.Changed, "#command")
    def _edited(self, event: Input.Changed) -> None:
        """The caret and the refusal under the bar go once its line is typed over or edited:
        after a refused line, `c` put "cast" in the bar above the old caret and error."""
        if self._refused_line is not None and event.value != self._refused_line:
            self.notice(Text())

    def on_command_answered(self, message: CommandAnswered) -> None:
        """The bar's line answered: accepted, the bar empties and the keys work again at once;
        refused, the line stays, selected for correction, with a caret under the column."""
        if message.line in self.in_flight:
            self.in_flight.remove(message.line)
            self.refresh_bindings()
        bar = self.query_one(CommandBar)
        if message.line != bar.value:
            return  # a key's command, not the bar's
        refused = message.refused
        if refused is None:
            bar.remember(message.line)
            bar.value = ""
            self.set_focus(None)
            return
        # The caret under the column the engine points at (the bar's text starts at its edge).
        caret = " " * (refused.col - 1) + "^ "
        self.notice(Text(caret + render_named(refused.code, refused.params, self.app.session.state), style="bold red"))
        self._refused_line = bar.value
        bar.selection = Selection(0, len(bar.value))
