"""Every key (from the one table of actions) and every command of the language with its shape."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
            keys = Text()
            for key, description in self.app.key_help():
                keys.append(f"{key:>10}  ", style="bold")
                keys.append(f"{description}\n")
            yield Static(keys)
            yield Label(_("Commands (ctrl+p finds each by its words and opens its form; : types it)"), classes="title")
            commands = Text()
            for verb in GRAMMAR:
                commands.append(f"{usage(verb)}\n", style="bold")
                commands.append(f"    {_(verb.summary)}   e.g. {verb.example}\n", style="dim")
            yield Static(commands)

    def action_close(self) -> None:
        self.dismiss()
