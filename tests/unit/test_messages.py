"""Every code the program can emit has a text, and every text renders with its parameters."""

from __future__ import annotations

import re

from meeting.messages import MESSAGES, render, render_named
from tests.conftest import REPO
from tests.kit import start

# A code is a quoted lowercase word, a dot, and a lowercase word with dashes: "quorum.lost".
CODE = re.compile(r"""["']([a-z]+\.[a-z][a-z0-9-]*[a-z0-9])["']""")
NOT_CODES = {
    "meeting.mo",
    "journal.jsonl",
    "manifest.toml",
    "minutes.html",
    "minutes.css",
    "minutes.toml",
    "view.tcss",
    "view.html",
    "items.title",  # a key path `agenda.untranslated` names
}


def _event_types() -> set[str]:
    """Event types look like codes ("meeting.begun") but name journal entries, not messages."""
    from typing import get_args

    from meeting.domain.events import AnyEvent

    return {cls.model_fields["type"].default for cls in get_args(get_args(AnyEvent)[0])}


def _codes_in_source() -> set[str]:
    codes: set[str] = set()
    for path in (REPO / "meeting").rglob("*.py"):
        if path.name == "messages.py":
            continue
        text = path.read_text(encoding="utf-8")
        codes |= {c for c in CODE.findall(text) if not c.startswith(("meeting.", "tests.", "app."))}
    return {c for c in codes if not c.endswith(".tcss")} - NOT_CODES - (_event_types() - MESSAGES.keys())


def test_every_code_in_the_source_has_a_message():
    missing = sorted(_codes_in_source() - MESSAGES.keys())
    assert missing == []


def test_no_message_is_left_without_a_code_that_uses_it():
    unused = sorted(MESSAGES.keys() - _codes_in_source())
    assert unused == []


def test_every_message_names_only_parameters_it_is_given():
    for code, template in MESSAGES.items():
        if code == "quorum.lost":
            continue  # its one parameter is the quorum sentence, tested with the quorum
        names = set(re.findall(r"(?<!\{)\{(\w+)\}(?!\})", template))
        # Every parameter filled in with a marker renders without a KeyError.
        text = render(code, {name: f"<{name}>" for name in names})
        for name in names:
            assert f"<{name}>" in text, code


def test_lists_are_joined():
    assert render("notice.untranslated", {"item": "x", "languages": ["fr", "sw"]}) == (
        "item 'x': the notice has no translation into fr, sw"
    )


def test_a_member_s_standing_and_an_item_s_status_keep_their_own_words():
    # Both tables know "dropped": a member whose connection dropped is not an item dropped from the agenda.
    assert render("attendance.unchanged", {"status": "dropped"}) == "nothing changes: already dropped out"
    assert render("item.already-closed", {"item": "aob", "item_status": "dropped"}) == (
        "item 'aob' is already dropped from the agenda"
    )


def test_a_clock_behind_is_said_as_a_duration_in_the_language_spoken():
    """Not "617971 seconds" (seen in the console on a journal recorded a week ahead)."""
    from meeting.i18n import language

    assert render("clock.behind", {"seconds": 617971}).startswith("the computer's clock is about 1 week behind")
    assert render("clock.behind", {"seconds": 5}).startswith("the computer's clock is about 5 seconds behind")
    with language("sw"):
        assert "takriban dakika 2 ukilinganisha" in render("clock.behind", {"seconds": 90})


def test_the_chairs_screens_name_the_members_a_message_quotes_by_id(tmp_path):
    """A chair read "'zm-1' moved the motion and cannot second it", "'obs-1' is an observer":
    the console names them as the roster does; files and the command line keep the ids."""
    state = start(tmp_path).state
    said = render_named("motion.second-by-mover", {"id": "zm-1"}, state)
    assert said == "Mutale Chibwe-Nkonde (zm-1) moved the motion and cannot second it"
    assert render("motion.second-by-mover", {"id": "zm-1"}) == "'zm-1' moved the motion and cannot second it"
    # Not a member: quoted as it was.
    assert render_named("item.not-found", {"text": "budget"}, state) == render("item.not-found", {"text": "budget"})
