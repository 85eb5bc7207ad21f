"""Every key (from the one table of actions) and every command of the language with its shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.padding import Padding
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meeting.domain.language import GRAMMAR, usage
from meeting.i18n import N_, _

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


class HelpScreen(ModalScreen[None]):
    CSS_PATH = "help.tcss"
    BINDINGS = [Binding("escape,q,question_mark", "close", N_("Close"))]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Label(_("Keys"), classes="title")
            # Grids, so that a line too long for the screen wraps under its own column.
            keys = Table.grid(padding=(0, 2))
            keys.add_column(justify="right", style="bold", min_width=8)
            keys.add_column()
            for key, description in self.app.key_help():
                keys.add_row(key, description)
            yield Static(keys)
            yield Label(_("Commands (ctrl+p finds each by its words and opens its form; : types it)"), classes="title")
            commands = Table.grid()
            commands.add_column()
            for verb in GRAMMAR:
                commands.add_row(Text(usage(verb), style="bold"))
                example = _("{summary}   e.g. {example}").format(summary=_(verb.summary), example=verb.example)
                commands.add_row(Padding(Text(example, style="dim"), (0, 0, 0, 4)))
            yield Static(commands)

    def action_close(self) -> None:
        self.dismiss()
