"""A yes-or-no question before something hard to take back (undo, adjourn)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from meeting.i18n import N_, _
from meeting.tui.textual_words import COMMAND_KEY


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", N_("Yes")),
        Binding("n,escape", "answer(False)", N_("No")),
        COMMAND_KEY,  # not answered: the question is dropped, as with No
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question))
            yield Label(_("y: yes · n: no"), classes="hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
