"""The console in French at 80x24, the size a chair's laptop gives at worst: French runs about
20 % longer than English, and nothing that carries meaning may be cut off. Same scenes as
test_snapshots.py, the language set as a scope around the run (the command words stay English).
Update after looking at the report: `pytest tests/tui/test_snapshots_fr.py --snapshot-update`."""

from __future__ import annotations

from textual.command import CommandInput

from meeting.i18n import language
from tests.kit import ALL_SEATS, in_session, start
from tests.tui.test_snapshots import _app, _focal_points
from tests.tui.waiting import until_the_palette_finds_nothing

SIZE = (80, 24)


def in_french(snap_compare, meeting, **kwargs) -> bool:
    with language("fr"):
        return snap_compare(_app(meeting), terminal_size=SIZE, **kwargs)


def test_main_screen(snap_compare, tmp_path):
    assert in_french(snap_compare, _focal_points(tmp_path))


def test_main_screen_without_quorum(snap_compare, tmp_path):
    assert in_french(snap_compare, in_session(tmp_path, present=ALL_SEATS[:11]).run("leave gh-1"))


def test_main_screen_in_recess(snap_compare, tmp_path):
    assert in_french(snap_compare, in_session(tmp_path).run("at 13:10", "recess 15", "at 13:12:30"))


def test_attendance(snap_compare, tmp_path):
    meeting = start(tmp_path).run("present gh-1 sl-1 bf-1", "remote zm-1 pg-1", "apologies hn-1", "proxy br-1 to pe-1")
    assert in_french(snap_compare, meeting, press=["r", "down"])


def test_vote_form_says_what_is_needed(snap_compare, tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", "consensus", 'block bo-1 "Not yet"', "conclude"
    )
    assert in_french(snap_compare, meeting, press=["v", "1", "4"])


def test_vote_result(snap_compare, tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", "consensus", 'block bo-1 "Not yet"', "conclude"
    )
    assert in_french(snap_compare, meeting, press=["v", "1", "4", "enter", "6", "enter", "1", "enter"])


def test_roll_call_vote(snap_compare, tmp_path):
    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    assert in_french(snap_compare, meeting, press=["l", *"yyyyyny"])


def test_consensus_result(snap_compare, tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        "consensus",
        'block bo-1 "Regions must stay free to choose their focal points without a rotation by gender"',
        "aside pe-1",
    )
    assert in_french(snap_compare, meeting, press=["c", "c"])


def test_refusal_in_the_command_bar(snap_compare, tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("move by ke-1 seconded sl-1", "leave gh-1")
    assert in_french(snap_compare, meeting, press=["colon", *"vote 9 0 1", "enter"])


def test_help(snap_compare, tmp_path):
    assert in_french(snap_compare, in_session(tmp_path), press=["question_mark"])


def test_palette_finds_nothing_in_french(snap_compare, tmp_path):
    async def search(pilot):
        await pilot.press("ctrl+p")
        # A steady cursor: what the picture shows does not hang on when it is taken.
        pilot.app.screen.query_one(CommandInput).cursor_blink = False
        await pilot.press(*"zzzz")
        await until_the_palette_finds_nothing(pilot)

    assert in_french(snap_compare, in_session(tmp_path), run_before=search)
