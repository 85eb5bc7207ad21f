"""Textual's own words in the console's language, and the members' view's: the footer's labels,
the palette's placeholder and "No matches found", Textual's system commands. The palette's
no-match sentence is a private method of Textual copied from the pinned version: a new Textual
must be looked at again.

A stand-in catalog marks every translated text with «…», so the test sees which texts pass
through the translation whatever the real catalogs hold today."""

from __future__ import annotations

import gettext
from pathlib import Path

import pytest
import textual
from textual.command import CommandInput, CommandPalette
from textual.widgets._footer import FooterKey

from meeting import i18n
from meeting.i18n import language
from meeting.tui.app import build_app
from meeting.tui.textual_words import TEXTUAL_WORDS, TranslatedFooter
from tests.kit import in_session
from tests.tui.waiting import until_the_palette_finds_nothing


class Marked(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return f"«{message}»"


@pytest.fixture
def marked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Portuguese, for this test, is English in «…»."""
    real = i18n._translation
    monkeypatch.setattr(i18n, "_translation", lambda code: Marked() if code == "pt" else real(code))


def test_the_palette_override_is_for_the_pinned_textual() -> None:
    assert textual.__version__ == "8.2.8", "look at TranslatedPalette._start_no_matches_countdown again"
    assert hasattr(CommandPalette, "_start_no_matches_countdown")
    assert "No matches found" in TEXTUAL_WORDS and "palette" in TEXTUAL_WORDS


async def test_footer_palette_and_system_commands_follow_the_language(tmp_path, marked) -> None:
    meeting = in_session(tmp_path)
    with language("pt"):
        app = build_app(meeting.session, meeting.session.clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            keys = {key.key: key.description for key in app.screen.query_one(TranslatedFooter).query(FooterKey)}
            assert keys["n"] == "«Next item»"
            assert keys["ctrl+p"] == "«palette»"
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert "«Quit»" in titles and "Quit" not in titles
            assert not any("Keys" in title for title in titles)  # Textual's keys panel: English, so ours (?)
            await pilot.press("ctrl+p")
            await pilot.pause()
            palette = app.screen
            assert isinstance(palette, CommandPalette)
            assert palette.query_one(CommandInput).placeholder == "«Search for commands…»"
            await pilot.press(*"zzzz")
            options = await until_the_palette_finds_nothing(pilot)
            shown = [str(options.get_option_at_index(i).prompt.renderable) for i in range(options.option_count)]
            assert shown == ["«No matches found»"]


async def test_the_members_view_palette_speaks_the_members_language_too(tmp_path, marked) -> None:
    """`meeting view --lang fr` showed Textual's palette in English ("Search for commands…",
    "Quit", "Screenshot"), and offered a screenshot that a browser's member cannot keep."""
    from meeting.view.app import build_view
    from meeting.view.follow import Follower

    meeting = in_session(tmp_path)
    with language("pt"):
        app = build_view(Follower(meeting.session.journal.path))
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            titles = [command.title for command in app.get_system_commands(app.screen)]
            assert "«Quit»" in titles and "Quit" not in titles
            assert not any("Screenshot" in title or "Keys" in title for title in titles)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            assert app.screen.query_one(CommandInput).placeholder == "«Search for commands…»"


class MarkedKeys(Marked):
    def pgettext(self, context: str, message: str) -> str:
        return f"‹{message}›" if context == "key" else message


async def test_key_names_and_attendance_keys_are_said_as_keys(tmp_path, monkeypatch) -> None:
    """The roll call's footer said "space Saltar" on a Portuguese screen: a key that is a word
    is named in the language spoken. The attendance's keys said "Presente · Ausências
    justificadas · Ausentes", the last two the minutes' plural headings: they are marked as keys
    (the context `key`, which the footer asks first), each translated as what the member is."""
    from meeting.tui.attendance import AttendanceScreen
    from meeting.tui.poll import PollScreen

    real = i18n._translation
    monkeypatch.setattr(i18n, "_translation", lambda code: MarkedKeys() if code == "pt" else real(code))
    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1", "roll-call")
    with language("pt"):
        app = build_app(meeting.session, meeting.session.clock)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, PollScreen)
            keys = {key.key: key for key in app.screen.query_one(TranslatedFooter).query(FooterKey)}
            assert keys["space"].key_display == "‹space›"
            app.push_screen(AttendanceScreen())
            await pilot.pause()
            keys = {key.key: key for key in app.screen.query_one(TranslatedFooter).query(FooterKey)}
            assert [keys[k].description for k in "pax"] == ["‹Present›", "‹Apologies›", "‹Absent›"]
    # Marked for the catalogs in the key's context, so translated apart from the minutes' headings.
    from babel.messages.extract import extract_from_file

    source = Path(__file__).parents[2] / "meeting" / "tui" / "attendance.py"
    found = extract_from_file("python", source, keywords={"N_": None, "P_": ((1, "c"), 2)})
    contexts = {message: context for _line, message, _comments, context in found}
    assert [contexts[m] for m in ("Present", "Apologies", "Absent", "Left", "Came back")] == [None, *["key"] * 4]
