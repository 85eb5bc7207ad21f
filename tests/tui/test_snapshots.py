"""Snapshots of the console at 80x24 and 120x40, on a fixed clock (the script clock of a
session whose events all carry fixed times). Update after looking at the report:
`pytest tests/tui/test_snapshots.py --snapshot-update`."""

from __future__ import annotations

import pytest

from meeting.tui.app import build_app
from tests.kit import ALL_SEATS, in_session, start

SIZES = [(80, 24), (120, 40)]


def _main_screen(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:16], item="focal-points")
    meeting.run(
        "remote gh-2 obs-1",
        "proxy br-1 to pe-1",
        "at 12:20",
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate one focal point, chosen by its member associations." by bo-1 seconded ug-1',
        "queue zw-1 bf-1",
        "floor",
    )
    return build_app(meeting.session, meeting.session.clock)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen(snap_compare, tmp_path, size):
    assert snap_compare(_main_screen(tmp_path), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_main_screen_without_quorum(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, present=ALL_SEATS[:11]).run("leave gh-1")
    assert snap_compare(build_app(meeting.session, meeting.session.clock), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_roll_call(snap_compare, tmp_path, size):
    meeting = start(tmp_path).run("present gh-1 sl-1 bf-1", "remote zm-1 pg-1", "apologies hn-1", "proxy br-1 to pe-1")
    assert snap_compare(
        build_app(meeting.session, meeting.session.clock), press=["r", "down", "down"], terminal_size=size
    )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_vote_result(snap_compare, tmp_path, size):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    app = build_app(meeting.session, meeting.session.clock)
    keys = ["v", "1", "4", "enter", "6", "enter", "1", "enter"]
    assert snap_compare(app, press=keys, terminal_size=size)
