"""A journal exists for this meeting: resume it, or open a new sitting."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from meeting.i18n import N_, _
from meeting.tui.textual_words import TranslatedFooter


class ResumeScreen(ModalScreen[str]):
    BINDINGS = [
        Binding("r,enter", "choose('resume')", N_("Resume")),
        Binding("s", "choose('sitting')", N_("New sitting")),
        Binding("q,escape", "choose('quit')", N_("Quit")),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("This meeting already has a journal."), classes="title")
            yield Label(Text(self.summary))
            yield Label(_("r: resume where it stopped · s: open a new sitting · q: quit"), classes="hint")
        yield TranslatedFooter()

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)
