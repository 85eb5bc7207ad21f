"""Waiting in Pilot tests for what Textual does on a timer, however slow the machine."""

from __future__ import annotations

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.widgets.option_list import OptionDoesNotExist


async def until_the_palette_finds_nothing(pilot: Pilot[object]) -> CommandList:
    """Textual says a search found nothing half a second after the search, on a timer: a fixed
    pause was too short on a loaded machine. Waits up to ten seconds for it."""
    options = pilot.app.screen.query_one(CommandList)
    for _ in range(200):
        try:
            options.get_option(CommandPalette._NO_MATCHES)
        except OptionDoesNotExist:
            await pilot.pause(0.05)
        else:
            await pilot.pause()  # drawn
            return options
    raise AssertionError("the palette never said that it found nothing")
