"""Apps that close when their terminal is gone (its window closed, the connection lost): the
chair's console must not keep its journal locked where no one sees it, nor a member's view
spin on.

The hang-up signal does not always reach them: under `make demo`, make takes it and waits for
the app, whose input then reads nothing forever, at full speed. So each app looks at its
terminal once a second, from its event loop, between two commands.
"""

from __future__ import annotations

import os
import sys

from textual.app import App


class TerminalApp(App[None]):
    def watch_terminal(self) -> None:
        """From mount: end the process (status 1) once the terminal the keys come from has
        hung up. Headless (tests) and in a browser there is no such terminal."""
        terminal = None if self.is_headless or self.is_web else _controlling_terminal()
        if terminal is not None:
            self.set_interval(1, lambda: self._look_at(terminal))

    def _look_at(self, terminal: int) -> None:
        try:
            os.tcgetpgrp(terminal)
        except OSError:
            self.terminal_gone()
            # Not App.exit: Textual's shutdown writes to the terminal, and once its writer
            # thread has died on the dead terminal, waits for it forever.
            os._exit(1)

    def terminal_gone(self) -> None:
        """What is left to do when there is nobody to show anything to."""


def _controlling_terminal() -> int | None:
    """The terminal the app reads its keys from, if it is one that can hang up."""
    stdin = sys.__stdin__
    try:
        terminal = stdin.fileno() if stdin is not None else -1
        os.tcgetpgrp(terminal)
    except (OSError, ValueError):  # not a terminal, or closed
        return None
    return terminal
