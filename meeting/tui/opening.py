"""The console's first screen, drawn while the meeting is read and checked behind it: which
meeting, and what is being done. The main screen takes its place once the meeting is open,
with the keys typed meanwhile (meeting.tui.app)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from meeting.domain.text import visible
from meeting.i18n import _


class OpeningScreen(Screen[None]):
    DEFAULT_CSS = """
    OpeningScreen { align: center middle; }
    OpeningScreen > #opening { width: 100%; height: auto; text-align: center; }
    OpeningScreen > LoadingIndicator { height: 3; }
    """

    def __init__(self, agenda: str) -> None:
        super().__init__()
        self.agenda = agenda

    def compose(self) -> ComposeResult:
        yield Static(
            Text(_("Opening the meeting: {agenda}…").format(agenda=visible(self.agenda)), style="bold"),
            id="opening",
        )
        yield LoadingIndicator()

    def on_screen_suspend(self) -> None:
        # Covered (by the main screen, for good): its animation would go on drawing sixteen
        # frames a second of the screen on top, and a console whose terminal had gone filled
        # Textual's output queue before it looked again, and hung instead of closing.
        self.query(LoadingIndicator).remove()
