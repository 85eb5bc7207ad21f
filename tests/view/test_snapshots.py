"""Snapshots of the members' view, normal and projector, at 80x24 and 120x40, on the journal's
own clock (a view that is not following shows the time of the last event). Update after
looking at the report: `pytest tests/view/test_snapshots.py --snapshot-update`."""

from __future__ import annotations

import pytest

from meeting.view.app import build_view
from meeting.view.follow import Follower
from tests.conftest import REPO
from tests.kit import ALL_SEATS, demo_lines, in_session, start

SIZES = [(80, 24), (120, 40)]


def _amendment(tmp_path):
    """Debate on the focal points: a motion, an amendment to it, a speaker and a queue."""
    meeting = in_session(tmp_path, present=ALL_SEATS[:16], item="focal-points")
    meeting.run(
        "remote gh-2 obs-1",
        "proxy br-1 to pe-1",
        "at 12:20",
        "move by ke-1 seconded cm-1",
        'move to amend "That each region designate one focal point, chosen by its member associations." by bo-1 seconded ug-1',
        "queue zw-1 bf-1",
        "floor",
        "at 12:22",
    )
    return meeting


def _roll_call(tmp_path):
    """The constitutional amendment: a roll call half answered, after an earlier decision."""
    meeting = in_session(tmp_path, item="agenda")
    meeting.run("move by ke-1 seconded sl-1", "vote 17 0 1", "open article-7", "at 12:40")
    meeting.run("move by zm-1 seconded bf-1", "roll-call", "yes gh-1 sl-1 zm-1 zw-1", "no cm-1", "abstain cd-2")
    return meeting


def _view(meeting, projector: bool):
    # The path as shown is fixed, so the status line does not carry the temporary folder.
    follower = Follower(meeting.session.journal.path, shown="journal.jsonl")
    return build_view(follower, projector=projector)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
def test_debate_on_an_amendment(snap_compare, tmp_path, size, projector):
    assert snap_compare(_view(_amendment(tmp_path), projector), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("projector", [False, True], ids=["normal", "projector"])
def test_a_roll_call_filling_in(snap_compare, tmp_path, size, projector):
    assert snap_compare(_view(_roll_call(tmp_path), projector), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_review_of_a_roll_call(snap_compare, tmp_path, size):
    meeting = _roll_call(tmp_path).run("yes tz-1 ke-1 ug-1 bf-1 cd-1 co-1 pe-1 br-1 ph-1 id-1", "close", "adjourn")
    assert snap_compare(_view(meeting, projector=False), press=["down"], terminal_size=size)


def _taken_from_the_table(tmp_path):
    """The focal points taken from the table, not yet decided again: among the decisions, the
    point of order unnumbered as in the minutes, the appeal on it, and no "#3 … pending"."""
    lines = demo_lines()
    return start(tmp_path).run(*lines[: lines.index("vote 14 2 1")])


def test_a_motion_taken_from_the_table_and_a_point_of_order(snap_compare, tmp_path):
    assert snap_compare(_view(_taken_from_the_table(tmp_path), projector=False), terminal_size=(120, 40))


def test_earlier_minutes_approved_and_a_correction(snap_compare, tmp_path):
    """The March meeting after adjournment, back from the tallies to the live view: the December
    minutes approved with their correction among the decisions, and the correction since."""
    journal = tmp_path / "journal.jsonl"
    journal.write_bytes((REPO / "minutes" / "2027-03-council-meeting" / "journal.jsonl").read_bytes())
    view = build_view(Follower(journal, shown="journal.jsonl"))
    assert snap_compare(view, press=["escape"], terminal_size=(120, 40))
