"""The command bar: the engine's command language typed directly, with completion of verbs,
keywords, members and items, a history, and the engine's refusal shown at its column."""

from __future__ import annotations

from collections.abc import Callable

from textual import events
from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input
from textual.widgets.input import Selection

from meeting.domain.language import VERBS, Keyword, Optional, Part
from meeting.domain.motions import MOTION_WORDS
from meeting.domain.state import State
from meeting.domain.text import plain_letters


def _words_of(parts: tuple[Part, ...]) -> list[str]:
    words: list[str] = []
    for part in parts:
        if isinstance(part, Keyword):
            words.append(part.word)
        elif isinstance(part, Optional):
            words += _words_of(part.parts)
        elif getattr(part, "kind", "") == "choice":
            words += list(part.choices)
    return words


class CommandSuggester(Suggester):
    """Completes the word being typed: a verb first, then the verb's keywords and choices,
    member ids and the words of their names (accents and case aside), and item ids."""

    def __init__(self, state: Callable[[], State]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self._state = state

    def candidates(self, head: str | None) -> list[str]:
        if head is None:
            return sorted(VERBS)
        verb = VERBS.get(head)
        state = self._state()
        words = _words_of(verb.parts) if verb else []
        if verb and verb.name == "move":
            words += list(MOTION_WORDS)
        words += [m.id for m in state.meeting.council.members]
        # Every word of a name, as the engine finds a member by any one of them.
        words += [word for m in state.meeting.council.members for word in m.name.split()]
        words += state.order
        return words

    async def get_suggestion(self, value: str) -> str | None:
        if not value or value.endswith(" ") or value.count('"') % 2:
            return None
        head, _, rest = value.partition(" ")
        typed = value.rsplit(" ", 1)[-1]
        plain = plain_letters(typed)  # "ogun" finds Ògúnbíyì-Ọlátúnjí, as the engine would
        for word in self.candidates(head.lower() if rest or value.endswith(" ") else None):
            if plain_letters(word).startswith(plain) and plain_letters(word) != plain:
                return value[: len(value) - len(typed)] + word
        return None


class CommandBar(Input):
    BINDINGS = [
        Binding("tab", "complete", "Complete", show=False),
        Binding("up", "history(-1)", show=False),
        Binding("down", "history(1)", show=False),
    ]

    def __init__(self, state: Callable[[], State], **kwargs: object) -> None:
        super().__init__(suggester=CommandSuggester(state), compact=True, **kwargs)  # type: ignore[arg-type]
        self.history: list[str] = []
        self._recall = 0

    async def _on_key(self, event: events.Key) -> None:
        """':' opens the bar: typed again on an empty bar or over a refused line (selected, to
        be typed over), it is that key once more, not the first letter of a command."""
        if event.character == ":" and self.selection == Selection(0, len(self.value)):
            event.stop()
            event.prevent_default()

    def action_complete(self) -> None:
        if self._suggestion:
            self.value = self._suggestion
            self.cursor_position = len(self.value)

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._recall = max(0, min(len(self.history), self._recall + step))
        self.value = self.history[self._recall] if self._recall < len(self.history) else ""
        self.cursor_position = len(self.value)

    def remember(self, line: str) -> None:
        self.history.append(line)
        self._recall = len(self.history)
