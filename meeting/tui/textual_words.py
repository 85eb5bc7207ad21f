"""Textual's own words that a user sees, in the console's language: the footer's labels (ours and
Textual's "palette"), the command palette's placeholder and "No matches found", and the names
of Textual's system commands in the palette.

Textual writes these in English inside its widgets. The footer and the palette below translate
them when they are shown. `_start_no_matches_countdown` is a private method of Textual's
CommandPalette, copied from Textual 8.2.8 (pinned in pyproject.toml) with its one sentence
translated; tests/tui/test_textual_words.py fails if the pinned version changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from meeting.i18n import N_, _, key_label

# Textual's English, as its widgets write it, marked for the catalogs.
TEXTUAL_WORDS: tuple[str, ...] = (
    N_("palette"),
    N_("Open the command palette"),
    N_("Search for commands…"),
    N_("No matches found"),
    N_("Theme"),
    N_("Change the current theme"),
    N_("Quit"),
    N_("Quit the application as soon as possible"),
    N_("Keys"),
    N_("Hide the keys and widget help panel"),
    N_("Show help for the focused widget and a summary of available keys"),
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


class TranslatedFooter(Footer):
    """Textual's footer, each key's label in the language being spoken when it is drawn (a
    binding's description may have been made before the language was chosen). The keys that do
    not fit the width are left out whole, never cut mid-word (French runs a fifth longer than
    English: at 80 columns "Appel au consensus" cut to "Appel" would say "appeal"); the help
    screen lists every key."""

    def compose(self) -> ComposeResult:
        room = self.app.size.width - self._palette_width()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = key_label(widget.description)
                if not widget.has_class("-command-palette"):
                    # Textual's padding: a space either side of the key, one after the label.
                    needed = cell_len(widget.key_display) + cell_len(widget.description) + 3
                    if needed > room:
                        room = 0  # keep the keys in order: none after one left out
                        continue
                    room -= needed
            yield widget

    def _palette_width(self) -> int:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return 0
        key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette"))
        return cell_len(key) + cell_len(_("palette")) + 4  # and its border

    def on_resize(self) -> None:
        self.refresh(recompose=True)


def translated_system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands (Theme, Quit, Keys, Screenshot…) with translated words."""
    for command in commands:
        yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)
