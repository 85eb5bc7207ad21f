"""Textual's own words that a user sees, in the language of the chair's console or the members'
view: the footer's labels (ours and Textual's "palette"), the command palette's placeholder and
"No matches found", and the names of Textual's system commands in the palette.

Textual writes these in English inside its widgets. The footer and the palette below translate
them when they are shown. `_start_no_matches_countdown` is a private method of Textual's
CommandPalette, copied from Textual 8.2.8 (pinned in pyproject.toml) with its one sentence
translated; tests/tui/test_textual_words.py fails if the pinned version changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.align import Align
from rich.cells import cell_len
from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey
from textual.widgets.option_list import Option

from meeting.i18n import N_, P_, _, key_label

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
    N_("Minimize"),
    N_("Minimize the widget and restore to normal size"),
    N_("Maximize"),
    N_("Maximize the focused widget"),
    N_("Screenshot"),
    N_("Save an SVG 'screenshot' of the current screen"),
)


# Textual's names of keys that are words, as its footer and the help show them: the rest are
# signs (⏎, ↑, ^s) or read as they are printed on the key (esc, tab).
KEY_NAMES = {"space": P_("key", "space")}


def key_name(shown: str) -> str:
    """A key as Textual shows it, in the language spoken where it is a word ("space")."""
    return key_label(KEY_NAMES[shown]) if shown in KEY_NAMES else shown


# The console binds it on every screen with a footer: the help lists that screen's keys first.
HELP_KEY = Binding("question_mark", "app.help", N_("Help"), show=False)

# On every screen of single-letter keys that a command can open (a result, a roll call's grid,
# consensus...): a chair typing the next line at speed begins it with ':', and its letters must
# go to the command bar, not to that screen's keys ('n' would record a member's vote).
COMMAND_KEY = Binding("colon", "app.command_bar", N_("Command"), show=False)

# Where answers are recorded one key at a time (consensus, a roll call): a block or an answer
# given for the wrong member is taken back there, not after leaving the screen.
UNDO_KEY = Binding("u", "app.undo", N_("Undo"))


class TranslatedFooter(Footer):
    """Textual's footer, each key's label in the language being spoken when it is drawn (a
    binding's description may have been made before the language was chosen). The keys that do
    not fit the width are left out whole, never cut mid-word (French runs a fifth longer than
    English: at 80 columns "Appel au consensus" cut to "Appel" would say "appeal"). Where the
    screen has keys the footer does not show, left out or never shown, its last key is "? More
    keys", which opens the help with every key of the screen (`more_keys=False` where the
    screen says so in words of its own)."""

    def __init__(self, more_keys: bool = True, keys_never_shown: bool = False) -> None:
        super().__init__()
        self.more_keys = more_keys
        self.keys_never_shown = keys_never_shown  # bound outside the class's BINDINGS (the main screen's)

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        for key in (w for w in widgets if isinstance(w, FooterKey)):
            key.description = key_label(key.description)
            key.key_display = key_name(key.key_display)
        keys = [w for w in widgets if isinstance(w, FooterKey) and not w.has_class("-command-palette")]
        room = self.app.size.width - self._palette_width()
        more = self._more_keys() if sum(map(_width, keys)) > room or self._unshown_keys() else None
        if more is not None:
            room -= _width(more)
        for widget in widgets:
            if widget in keys:
                if _width(widget) > room:
                    room = 0  # keep the keys in order: none after one left out
                    continue
                room -= _width(widget)
            yield widget
        if more is not None:
            yield more  # after the keys shown (the palette's key is docked right)

    def _more_keys(self) -> FooterKey | None:
        """The help's key, where the screen has it."""
        if not self.more_keys or HELP_KEY.key not in self.screen.active_bindings:
            return None
        return FooterKey(HELP_KEY.key, "?", _("More keys"), HELP_KEY.action).data_bind(compact=Footer.compact)

    def _unshown_keys(self) -> bool:
        """Whether the screen has keys that are never in its footer (':' aside: the console's
        own way to the command bar, which the main screen's bar says)."""
        return self.keys_never_shown or any(
            not b.show and b.action != COMMAND_KEY.action for b in screen_keys(self.screen)
        )

    def _palette_width(self) -> int:
        if not (self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE):
            return 0
        key = self.app.get_key_display(Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette"))
        return cell_len(key) + cell_len(_("palette")) + 4  # and its border

    def on_resize(self) -> None:
        self.refresh(recompose=True)


def screen_keys(screen: Screen[Any]) -> list[Binding]:
    """The keys a screen answers now, from its class's own bindings (not Textual's tab and
    shift+tab, nor the help's key)."""
    own = {(b.action, b.description) for b in type(screen).BINDINGS if isinstance(b, Binding)}
    active = (b.binding for b in screen.active_bindings.values() if b.node is screen)
    # Once each: a binding of several keys ("s,y") is active under each of them.
    return list(dict.fromkeys(b for b in active if (b.action, b.description) in own and b.action != HELP_KEY.action))


def _width(key: FooterKey) -> int:
    """Cells a key takes in the footer: Textual's padding is a space either side of the key and
    one after the label."""
    return cell_len(key.key_display) + cell_len(key.description) + 3


def translated_system_commands(commands: Iterable[SystemCommand]) -> Iterable[SystemCommand]:
    """Textual's system commands (Theme, Quit, Screenshot…) with translated words."""
    for command in commands:
        yield SystemCommand(_(command.title), _(command.help), command.callback, command.discover)


class TranslatedPalette(CommandPalette):
    """Textual's command palette with its own words in the app's language (see
    meeting/tui/textual_words.py, where they are marked for the catalogs)."""

    def __init__(self) -> None:
        super().__init__(placeholder=_("Search for commands…"), id="--command-palette")

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual 8.2.8's method, its sentence translated (the test pins the version).
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(_("No matches found"), style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def open_palette(app: App[Any]) -> None:
    """Textual's palette, its own words translated: the chair's console and the members' view."""
    if app.use_command_palette and not CommandPalette.is_open(app):
        app.push_screen(TranslatedPalette())
