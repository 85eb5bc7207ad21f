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

    HINT = N_("y: yes · n: no")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question))
            yield Label(_(self.HINT), classes="hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class CloseVoteScreen(ConfirmScreen, inherit_bindings=False):
    """Closing a roll call with seats still to answer, confirmed with `c` again: `y` is the
    grid's Yes, and a stray `c` followed by the next seat's `y` closed the vote."""

    BINDINGS = [
        Binding("c,enter", "answer(True)", N_("Close")),
        Binding("n,escape", "answer(False)", N_("Keep answering")),
        COMMAND_KEY,
    ]
    HINT = N_("c again or Enter: close · n: keep answering")
