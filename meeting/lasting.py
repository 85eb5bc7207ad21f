"""Objects built to last: the garbage collector's pauses where the program builds them."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def built_to_last() -> Iterator[None]:
    """Starting a command (its modules, the models' classes and validators) and reading a
    journal make hundreds of thousands of objects that all live on: the cyclic garbage
    collector would walk them again and again and free nothing, costing a third of the time
    of a journal read and a tenth to a quarter of the console's start. It waits, and then
    leaves them out of its walks for good (freeze); objects no longer used are still freed
    by reference counting."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if collecting:
            gc.enable()
