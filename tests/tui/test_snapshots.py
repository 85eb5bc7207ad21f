"""Snapshots of every screen of the console at 80x24 and 120x40, on a fixed clock (the script
clock of a session whose events all carry fixed times, which is also the app's clock). Update
after looking at the report: `pytest tests/tui/test_snapshots.py --snapshot-update`."""

from __future__ import annotations

import pytest

from meeting.tui.app import build_app
from tests.kit import ALL_SEATS, in_session, start

SIZES = [(80, 24), (120, 40)]
sized = pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")


def _app(meeting):
    return build_app(meeting.session, meeting.session.clock)


def _focal_points(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:16], item="focal-points")
    return meeting.run(
        "remote gh-2 obs-1",
        "proxy br-1 to pe-1",
        "at 12:20",
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate one focal point, chosen by its member associations." by bo-1 seconded ug-1',
        "queue zw-1 bf-1",
        "at 12:21",
        "floor",
        "at 12:22:10",
    )


@sized
def test_main_screen(snap_compare, tmp_path, size):
    assert snap_compare(_app(_focal_points(tmp_path)), terminal_size=size)


@sized
def test_main_screen_without_quorum(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("leave gh-1")
    assert snap_compare(_app(meeting), terminal_size=size)


@sized
def test_main_screen_in_recess(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path).run("at 13:10", "recess 15", "at 13:12:30")
    assert snap_compare(_app(meeting), terminal_size=size)


@sized
def test_attendance(snap_compare, tmp_path, size):
    meeting = start(tmp_path).run("present gh-1 sl-1 bf-1", "remote zm-1 pg-1", "apologies hn-1", "proxy br-1 to pe-1")
    assert snap_compare(_app(meeting), press=["r", "down"], terminal_size=size)


@sized
def test_vote_form_says_what_is_needed(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        "consensus",
        'block bo-1 "Not yet"',
        "conclude",  # consensus first
    )
    assert snap_compare(_app(meeting), press=["v", "1", "4"], terminal_size=size)


@sized
def test_vote_result(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        "consensus",
        'block bo-1 "Not yet"',
        "conclude",  # consensus first
    )
    keys = ["v", "1", "4", "enter", "6", "enter", "1", "enter"]
    assert snap_compare(_app(meeting), press=keys, terminal_size=size)


@sized
def test_move_form_for_an_amendment(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")

    async def edit(pilot):
        await pilot.press("m", "enter")
        area = pilot.app.screen.query_one("#field-text")
        area.select_all()
        area.replace(area.text.replace("one focal point", "two focal points"), *area.selection)
        await pilot.pause()

    assert snap_compare(_app(meeting), run_before=edit, terminal_size=size)


@sized
def test_form_from_the_grammar(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points")

    async def declare(pilot):
        pilot.app.open_form("declare")
        await pilot.pause()
        await pilot.press(*"ouéd")

    assert snap_compare(_app(meeting), run_before=declare, terminal_size=size)


@sized
def test_roll_call_vote(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="article-7").run("remote gh-2", "leave gh-1", "move by zm-1 seconded bf-1")
    assert snap_compare(_app(meeting), press=["l", *"yyyyyny"], terminal_size=size)


@sized
def test_consensus_result(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        "consensus",
        'block bo-1 "Regions must stay free to choose their focal points without a rotation by gender"',
        "aside pe-1",
    )
    assert snap_compare(_app(meeting), press=["c", "c"], terminal_size=size)


@sized
def test_refusal_in_the_command_bar(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("move by ke-1 seconded sl-1", "leave gh-1")
    assert snap_compare(_app(meeting), press=["colon", *"vote 9 0 1", "enter"], terminal_size=size)


@sized
def test_election_screen_after_a_first_ballot(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="rapporteur").run(
        "at 14:08",
        "nominate zm-1 by ke-1 seconded gh-1",
        "nominate pe-1 by co-1 seconded bo-1",
        "nominate ph-1 by id-1 seconded la-1",
        "close-nominations",
        "at 14:10",
        "round",
        "tellers zm-1 9 pe-1 7 ph-1 4 blank 1",
        "result",
        "at 14:11",
    )
    assert snap_compare(_app(meeting), press=["x"], terminal_size=size)


@sized
def test_tellers_report_form(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate zm-1 by ke-1 seconded gh-1", "nominate pe-1 by co-1 seconded bo-1", "close-nominations", "round"
    )
    assert snap_compare(_app(meeting), press=["x", "t", "1", "2", "enter"], terminal_size=size)
