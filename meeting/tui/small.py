"""Over every screen while the terminal is smaller than the console needs (README: 80×24): a
message asking for a larger one, in place of screens drawn unusable. It goes once the terminal
is large enough, and the screen beneath is as it was."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from meeting.i18n import _

SMALLEST = (80, 24)


def too_small(width: int, height: int) -> bool:
    return width < SMALLEST[0] or height < SMALLEST[1]


class TooSmallScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen > Static { width: 100%; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="too-small")

    def on_mount(self) -> None:
        self.say()

    def on_resize(self) -> None:
        self.say()

    def on_screen_resume(self) -> None:
        # Grown while a screen opened over this one (the palette): gone when that one closes.
        if not too_small(*self.app.size):
            self.dismiss()

    def say(self) -> None:
        width, height = self.app.size
        self.query_one("#too-small", Static).update(
            Text(
                _(
                    "The console needs a terminal of at least {width}×{height}; this one is {now}. Make it larger."
                ).format(width=SMALLEST[0], height=SMALLEST[1], now=f"{width}×{height}"),
                style="bold",
            )
        )
