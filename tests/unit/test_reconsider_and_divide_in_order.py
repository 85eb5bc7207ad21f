"""When a reconsideration and a division of the question are in order: a motion reconsidered
comes back with its own rank and waits for what outranks it (RONR §37, §12); the previous
question is not reconsidered once a vote was taken under it (§16); a question is divided only
while it is immediately pending (§27); and `move to reconsider` with or without a number, and
the list of motions in order, agree."""

from __future__ import annotations

import pytest

from meeting.domain.procedure import motions_in_order, motions_to_name
from meeting.messages import render
from tests.kit import in_session

TWO = 'move to amend "That each region designate two focal points." by bo-1 seconded pe-1'
THREE = 'move to amend "That each region designate three focal points." by co-1 seconded hn-1'
POSTPONE = 'move to postpone "to the March 2027 meeting" by co-1 seconded hn-1'


def _focal_points(tmp_path, *lines: str):
    return in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1", *lines)


@pytest.mark.parametrize(("above", "kind"), [(THREE, "amend"), (POSTPONE, "postpone")])
def test_a_lost_amendment_is_not_reconsidered_above_a_pending_amendment_or_postpone(tmp_path, above, kind):
    meeting = _focal_points(tmp_path, TWO, "vote 8 10", above)
    refusal = meeting.refuse("move to reconsider #2 by ke-1 seconded gh-1")
    assert (refusal.code, refusal.params) == (
        "motion.reconsider-outranked",
        {"motion": 2, "above": 3, "pending": kind},
    )
    assert "decide that one first" in render(refusal.code, refusal.params)
    assert meeting.refuse("move to reconsider by ke-1 seconded gh-1").code == "motion.reconsider-outranked"
    assert motions_to_name(meeting.state, "reconsider") == []
    assert "reconsider" not in motions_in_order(meeting.state)
    assert meeting.state.stack == [1, 3]
    # Once the motion above is decided (lost), the amendment may come back on the main motion.
    meeting.run("vote 6 12")
    assert motions_to_name(meeting.state, "reconsider") == [3, 2]
    meeting.run("move to reconsider #2 by ke-1 seconded gh-1", "vote 12 6")
    assert meeting.state.stack == [1, 2]


def test_a_lost_postpone_comes_back_above_a_pending_amendment_which_it_outranks(tmp_path):
    meeting = _focal_points(tmp_path, POSTPONE, "vote 6 12", TWO)
    assert motions_to_name(meeting.state, "reconsider") == [2]
    meeting.run("move to reconsider #2 by ke-1 seconded gh-1", "vote 12 6")
    assert meeting.state.stack == [1, 3, 2]


def test_the_previous_question_is_not_reconsidered_once_a_vote_was_taken_under_it(tmp_path):
    meeting = _focal_points(tmp_path, TWO, "move to close-debate #1 by cd-1 seconded mg-1", "vote 14 4")
    assert motions_to_name(meeting.state, "reconsider") == [3]  # before any vote under it: it may be
    meeting.run("vote 8 10")
    refusal = meeting.refuse("move to reconsider #3 by cd-1 seconded gh-1")
    assert (refusal.code, refusal.params) == ("motion.reconsider-vote-taken", {"motion": 3, "target": 2})
    assert motions_to_name(meeting.state, "reconsider") == [2]


@pytest.mark.parametrize(
    "lines",
    [
        [POSTPONE],
        ['move to refer "to the working group" by co-1 seconded hn-1'],
        ['move to limit-debate "two minutes each" by co-1 seconded hn-1'],
        ['move to divide "in two" by ug-1 seconded gh-1'],
        ['point cd-2 "Not germane"', "rule not-well-taken", "move to appeal by cd-2 seconded ug-1"],
    ],
)
def test_a_question_is_divided_only_while_it_is_immediately_pending(tmp_path, lines):
    meeting = _focal_points(tmp_path, *lines)
    pending = meeting.state.motions[meeting.state.stack[-1]].kind
    refusal = meeting.refuse('move to divide "in two" by ug-1 seconded gh-1')
    assert (refusal.code, refusal.params) == ("motion.divide-not-pending", {"pending": pending})
    assert "division_of_question" not in motions_in_order(meeting.state)


def test_division_is_not_in_order_while_an_objection_to_consideration_is_pending(tmp_path):
    meeting = _focal_points(tmp_path, "move to object by cm-1")
    assert "division_of_question" not in motions_in_order(meeting.state)
    assert meeting.refuse('move to divide "in two" by ug-1 seconded gh-1').code == "motion.divide-not-pending"


@pytest.mark.parametrize(
    "lines",
    [
        [],
        [TWO],
        [TWO, 'move to amend "That each region designate two focal points, for two years." by co-1 seconded hn-1'],
        ["move to postpone-indefinitely by co-1 seconded hn-1"],
    ],
)
def test_the_main_motion_an_amendment_or_the_main_motion_under_postpone_indefinitely_is_divided(tmp_path, lines):
    meeting = _focal_points(tmp_path, *lines)
    assert "division_of_question" in motions_in_order(meeting.state)
    meeting.run('move to divide "in two" by ug-1 seconded gh-1')


def test_reconsider_without_a_number_takes_the_amendment_that_may_be_reconsidered_now(tmp_path):
    meeting = _focal_points(tmp_path, TWO, "vote 8 10")
    assert "reconsider" in motions_in_order(meeting.state)
    meeting.run("move to reconsider by ke-1 seconded gh-1")
    assert meeting.state.motions[3].applies_to == 2
    meeting.run("vote 12 6")
    assert meeting.state.stack == [1, 2]
