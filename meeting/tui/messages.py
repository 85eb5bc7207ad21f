"""The messages screens and the app exchange (as posting's messages.py): a screen asks for a
command line to be run; the app runs it through the session and answers the screen that asked.
No screen calls the session or reaches into another screen."""

from __future__ import annotations

from typing import Any

from textual.message import Message
from textual.screen import Screen

from meeting.domain.engine import Refused
from meeting.domain.language import Command, format_command
from meeting.session import Accepted


def command_line(verb: str, **args: Any) -> str:
    """A command's line, always through the printer (no screen writes command syntax)."""
    return format_command(Command(verb, args))


class RunCommand(Message):
    """Run this line of the command language for the screen that asks (`origin`), which gets
    a `CommandAnswered` back. A form (`closes`) is closed by the app when its command is
    accepted, before any result is shown, and shows a refusal itself beside its fields."""

    def __init__(self, line: str, origin: Screen[Any] | None = None, closes: bool = False) -> None:
        super().__init__()
        self.line = line
        self.origin = origin
        self.closes = closes


class CommandAnswered(Message, bubble=False):
    """The engine's answer to the line a screen sent: accepted (with its event) or refused."""

    def __init__(self, line: str, result: Accepted | Refused | None) -> None:
        super().__init__()
        self.line = line
        self.result = result

    @property
    def refused(self) -> Refused | None:
        return self.result if isinstance(self.result, Refused) else None
