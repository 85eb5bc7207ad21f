"""A yes-or-no question before something hard to take back (undo, adjourn)."""

from __future__ import annotations

from string import ascii_lowercase

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from meeting.i18n import N_, _
from meeting.tui.textual_words import COMMAND_KEY, TranslatedFooter

NO_KEYS = ("n", "escape")


def yes_keys() -> tuple[str, ...]:
    """The keys that answer yes: the first letter of the language's word for yes where it is
    another letter (Portuguese and Spanish 's', French 'o'), and 'y' in every language, as a
    ruling's words are taken in English too. Never a letter that answers no (Swahili's
    'ndiyo'), never Enter: Enter, pressed for the next thing, adjourned the meeting."""
    letter = _("yes")[:1].lower()
    if letter in ascii_lowercase and letter != "y" and letter not in NO_KEYS:
        return letter, "y"
    return ("y",)


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding(",".join(NO_KEYS), "answer(False)", N_("No")),
        COMMAND_KEY,  # not answered: the question is dropped, as with No
    ]

    HINT = N_("{yes}: yes · n/Esc: no")

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question
        self.yes = self.answers_yes()
        if self.yes:  # bound here, not in BINDINGS: the language is known only now (first, as in the hint)
            yes = Binding(",".join(self.yes), "answer(True)", N_("Yes"), key_display="/".join(self.yes))
            self._bindings = BindingsMap.merge([BindingsMap([yes]), self._bindings])

    def answers_yes(self) -> tuple[str, ...]:
        return yes_keys()

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(self.question))
            yield Label(_(self.HINT).format(yes="/".join(self.yes)), classes="hint")
        yield TranslatedFooter()  # this question's keys, not those of the screen beneath

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

    def answers_yes(self) -> tuple[str, ...]:
        return ()  # its keys are its own: 'y' is the grid's Yes


class UndoAnswerScreen(ConfirmScreen, inherit_bindings=False):
    """Undo asked from a screen where one key records an answer (a roll call's y, n and a;
    consensus's b and s), confirmed with `u` again or Enter, never with those keys: a stray `u`
    followed by the next seat's `y` (or `s` for "sí") undid the last answer."""

    BINDINGS = [
        Binding("u,enter", "answer(True)", N_("Undo")),
        Binding("n,escape", "answer(False)", N_("Keep answering")),
        COMMAND_KEY,
    ]
    HINT = N_("u again or Enter: undo · n/Esc: keep answering")

    def answers_yes(self) -> tuple[str, ...]:
        return ()  # its keys are its own: 'y' is the roll call's Yes, 's' consensus's Stand aside
