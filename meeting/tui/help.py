"""Every key (from the one table of actions) and every command of the language with its shape."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from meeting.domain.language import GRAMMAR, usage
from meeting.i18n import N_, _, key_label
from meeting.tui.palette import example_of
from meeting.tui.textual_words import TranslatedFooter, key_name, screen_keys

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"))]

    app: MeetingApp

    def __init__(self, over: Screen[Any]) -> None:
        super().__init__()
        self.over = over  # the screen it was opened from

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            if self.over is not self.app.main:
                yield Label(_("Keys on this screen"), classes="title")
                keys = (
                    (key_name(self.app.get_key_display(b)), key_label(b.description)) for b in screen_keys(self.over)
                )
                yield Static(_keys(keys), id="screen-keys")
                yield Label(_("Keys on the main screen"), classes="title")
            else:
                yield Label(_("Keys"), classes="title")
            yield Static(_keys(self.app.key_help()), id="help-keys")
            yield Label(_("Commands (ctrl+p finds each by its words and opens its form; : types it)"), classes="title")
            commands = Table.grid()
            commands.add_column()
            for verb in GRAMMAR:
                commands.add_row(Text(usage(verb), style="bold"))
                example = _("{summary}   e.g. {example}").format(
                    summary=_(verb.summary), example=example_of(self.app.session.state, verb)
                )
                commands.add_row(Padding(Text(example, style="dim"), (0, 0, 0, 4)))
            yield Static(commands)
        yield TranslatedFooter(more_keys=False)  # it lists every key

    def action_close(self) -> None:
        self.dismiss()


def _keys(keys: Iterable[tuple[str, str]]) -> Table:
    # A grid, so that a line too long for the screen wraps under its own column.
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold", min_width=8)
    table.add_column()
    for key, description in keys:
        table.add_row(key, description)
    return table
