"""Type-ahead: keys that come faster than the console answers them (typed in a burst, or
arriving together over a slow link) are taken in turn, each once the screen has done what the
key before it set off: a form opened, the next field focused, a command answered. Textual
hands a key to the widget focused when the key arrives, so without this the "3" typed after
the Enter that moves from "Yes" to "No" went into "Yes", and what was typed after the key that
opens a form went to the screen beneath it."""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import App
from textual.message_pump import MessagePump

# A key is held at most this long behind the one before (a screen that never settles, such
# as one redrawn without pause, must not hold the keyboard).
_LONGEST_HOLD = 1.0
_LOOK_EVERY = 0.001
QUIT_KEY = "ctrl+q"  # Textual's quit: it goes through while the console opens
# What is typed: keys, and a paste (a line pasted into the command bar), in the order typed.
TYPED = (events.Key, events.Paste)
Typed = events.Key | events.Paste


class KeysInTurn(App[None]):
    """An app that answers each key before it takes the next."""

    def __init__(self) -> None:
        super().__init__()
        self._holding = False  # a key's work is not done yet: the next keys wait
        self._held: list[Typed] = []
        self._released: Typed | None = None  # the held key let through next
        self._awaiting_screen = False  # held since before the screen that takes them was there
        self._answering: asyncio.Task[None] | None = None  # kept: a task no one holds may be collected

    def hold_keys(self) -> None:
        """Keys wait from now on, however long, for the screen that takes them (all but the
        one that quits), until `take_keys`."""
        self._holding = self._awaiting_screen = True

    def set_keys_aside(self) -> list[Typed]:
        """The keys held so far, out of the way of a question they were not typed for; the keys
        typed from now on answer it."""
        held, self._held = self._held, []
        self._holding = self._awaiting_screen = False
        return held

    def take_keys(self, set_aside: list[Typed]) -> None:
        """Keys held are taken in turn from now on, once the screen has settled: those set
        aside (`set_keys_aside`) first, then those held since."""
        self._held[:0] = set_aside
        self._awaiting_screen = False
        if self._answering is None or self._answering.done():  # else it lets them through
            self._holding = True
            self._answering = asyncio.create_task(self._when_answered())

    async def on_event(self, event: events.Event) -> None:
        if not isinstance(event, TYPED) or event.is_forwarded or self._quits_while_opening(event):
            await super().on_event(event)
        elif event is self._released:
            self._released = None
            await self._take(event)
        elif self._holding or self._held:
            self._held.append(event)
        else:
            await self._take(event)

    def _quits_while_opening(self, typed: Typed) -> bool:
        return self._awaiting_screen and isinstance(typed, events.Key) and typed.key == QUIT_KEY

    async def _take(self, key: Typed) -> None:
        self._holding = True
        try:
            await super().on_event(key)
        finally:
            self._answering = asyncio.create_task(self._when_answered())

    async def _when_answered(self) -> None:
        """Once every message the key set off is handled (no queue of the app, its screens
        or their widgets holds one on two looks in a row), the next key held is let through."""
        loop = asyncio.get_running_loop()
        until = loop.time() + _LONGEST_HOLD
        quiet = 0
        while quiet < 2 and loop.time() < until and self.is_running:
            await asyncio.sleep(_LOOK_EVERY)
            quiet = quiet + 1 if self._settled() else 0
        if self._held:
            self._released = self._held.pop(0)
            self.post_message(self._released)  # the hold stays on until it is taken
        else:
            self._holding = False

    def _settled(self) -> bool:
        pumps: list[MessagePump] = [self]
        for screen in self.screen_stack:
            pumps.append(screen)
            pumps.extend(screen.walk_children())
        return all(pump.message_queue_size == 0 for pump in pumps)
