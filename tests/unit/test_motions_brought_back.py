"""Bringing a question back, and letting one go, as RONR has it: a motion that disposed of the
main motion is reconsidered and the main motion comes back with it (§11, §13, §14, §26), and
each refusal to reconsider says its true reason (§37); take from the table names the motion it
takes (§34)."""

from __future__ import annotations

import pytest

from meeting.domain.procedure import decision_for, motions_in_order, motions_to_name, motions_to_withdraw
from meeting.messages import render
from tests.kit import ALL_SEATS, in_session, two_items_tabled
from tests.unit.test_minutes_model import minutes, texts

AMENDMENT = 'move to amend "That the agenda be adopted with item 9 taken before item 8." by sl-1 seconded zw-1'


# ── Reconsidering the motions that dispose of the main motion ──────────────────


@pytest.mark.parametrize(
    ("disposing", "status"),
    [
        ("move to postpone-indefinitely by cm-1 seconded cd-1", "dismissed"),
        ('move to postpone "until 13:00" by cm-1 seconded cd-1', "postponed"),
        ('move to refer "to the constitution working group" by cm-1 seconded cd-1', "referred"),
        ("move to object by cm-1", "dismissed"),
    ],
)
def test_a_carried_motion_that_disposed_of_the_main_motion_is_reconsidered_with_it(tmp_path, disposing, status):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", disposing, "vote 12 3")
    main = meeting.state.motions[1]
    assert main.status == status and meeting.state.stack == []
    meeting.run("move to reconsider #2 by cm-1 seconded cd-1", "vote 12 3")
    assert meeting.state.stack == [1, 2] and main.status == "pending"
    assert meeting.state.motions[2].status == "pending"
    meeting.run("vote 3 12", "vote 15 0")  # the motion reconsidered lost this time, the main motion carried
    assert main.status == "carried" and meeting.state.agenda_adopted is not None


def test_the_main_motion_comes_back_with_its_amendment_as_it_stood_and_an_undo_sets_it_aside_again(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", AMENDMENT, 'move to postpone "until 13:00" by cm-1 seconded cd-1', "vote 12 3"
    )
    assert [meeting.state.motions[n].status for n in (1, 2)] == ["postponed", "postponed"]
    meeting.run("move to reconsider #3 by cm-1 seconded cd-1", "vote 12 3")
    assert meeting.state.stack == [1, 2, 3]
    assert [meeting.state.motions[n].status for n in (1, 2, 3)] == ["pending"] * 3
    assert meeting.state.motions[1].text == "That the agenda be adopted as circulated."
    meeting.run("undo")
    assert meeting.state.stack == [4]
    assert [meeting.state.motions[n].status for n in (1, 2, 3)] == ["postponed", "postponed", "carried"]
    meeting.run("vote 12 3", "vote 3 12")  # postponing lost this time: the amendment is before the meeting
    assert meeting.state.stack == [1, 2]


def test_the_minutes_say_the_main_motion_is_back_with_the_motion_reconsidered(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", "move to postpone-indefinitely by cm-1 seconded cd-1", "vote 12 3"
    )
    meeting.run("move to reconsider #2 by cm-1 seconded cd-1", "vote 12 3")
    said = "\n".join(texts(minutes(meeting), "agenda"))
    assert (
        "Motion 2 (postpone indefinitely) and motion 1, which it had set aside, are again before the meeting." in said
    )


@pytest.mark.parametrize(
    ("disposing", "code"),
    [
        ("move to postpone-indefinitely by cm-1 seconded cd-1", "motion.reconsider-only-adopted"),
        ("move to object by cm-1", "motion.reconsider-not-sustained"),
    ],
)
def test_a_lost_motion_to_postpone_indefinitely_or_objection_is_not_reconsidered(tmp_path, disposing, code):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", disposing, "vote 3 12")
    assert meeting.state.stack == [1]
    refusal = meeting.refuse("move to reconsider #2 by ke-1 seconded gh-1")
    assert (refusal.code, refusal.params) == (code, {"motion": 2})
    meeting.run("vote 15 0")
    assert meeting.refuse("move to reconsider #2 by ke-1 seconded gh-1").code == code


def test_each_refusal_to_reconsider_says_its_true_reason(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", "move to postpone-indefinitely by cm-1 seconded cd-1", "vote 12 3"
    )
    refusal = meeting.refuse("move to reconsider #1 by ke-1 seconded gh-1")
    assert (refusal.code, refusal.params) == ("motion.reconsider-set-aside", {"motion": 1, "by": 2})
    assert "reconsider motion #2" in render(refusal.code, refusal.params)
    meeting.run("move to reconsider #2 by cm-1 seconded cd-1")
    meeting.run("vote 12 3")
    refusal = meeting.refuse("move to reconsider #1 by ke-1 seconded gh-1")
    assert refusal.code == "motion.main-pending"  # the main motion is pending again
    meeting.run("vote 3 12", AMENDMENT)  # postponing indefinitely lost this time
    assert meeting.refuse("move to reconsider #4 by ke-1 seconded gh-1").code == "motion.reconsider-pending"
    meeting.run("vote 12 3", "vote 15 0")  # the main motion, amended, carried
    assert meeting.refuse("move to reconsider #2 by ke-1 seconded gh-1").code == "motion.reconsider-twice"
    refusal = meeting.refuse("move to reconsider #4 by sl-1 seconded zw-1")
    assert (refusal.code, refusal.params) == ("motion.reconsider-target-first", {"motion": 4, "target": 1})
    assert "reconsider motion #1 first" in render(refusal.code, refusal.params)
    assert meeting.refuse("move to reconsider #3 by ke-1 seconded gh-1").code == "motion.reconsider-kind"
    meeting.run("sitting", "present ke-1 gh-1 sl-1 zw-1 cm-1 cd-1 tz-1 bf-1 ug-1 pe-1 bo-1 ph-1", "begin")
    assert meeting.refuse("move to reconsider #1 by ke-1 seconded gh-1").code == "motion.reconsider-earlier-sitting"


# ── Taking a motion from the table, by its number ──────────────────────────────


def test_take_from_the_table_takes_the_last_one_tabled_under_the_item_open(tmp_path):
    meeting = two_items_tabled(tmp_path).run("open agenda", "move to take-from-table by ke-1 seconded gh-1")
    assert meeting.state.pending.applies_to == 1
    meeting.run("vote 12 3")
    assert meeting.state.stack == [1] and meeting.state.tabled == [3]
    assert meeting.refuse("move to take-from-table by ke-1 seconded gh-1").code == "motion.main-pending"


def test_take_from_the_table_names_the_motion_and_refuses_one_of_another_item(tmp_path):
    meeting = two_items_tabled(tmp_path).run("open agenda")
    refusal = meeting.refuse("move to take-from-table #3 by ke-1 seconded gh-1")
    assert (refusal.code, refusal.params) == ("motion.tabled-other-item", {"motion": 3, "item": "minutes"})
    refusal = meeting.refuse("move to take-from-table #2 by ke-1 seconded gh-1")
    assert (refusal.code, refusal.params) == ("motion.not-tabled", {"motion": 2})
    assert meeting.refuse("move to take-from-table #9 by ke-1 seconded gh-1").code == "motion.no-such-motion"
    meeting.run("move to take-from-table #1 by ke-1 seconded gh-1", "vote 12 3")
    assert meeting.state.stack == [1] and meeting.state.tabled == [3]


def test_take_from_the_table_without_a_number_refuses_when_nothing_of_the_item_is_there(tmp_path):
    meeting = two_items_tabled(tmp_path).run("open focal-points")
    assert meeting.refuse("move to take-from-table by ke-1 seconded gh-1").code == "motion.nothing-tabled-here"
    assert motions_to_name(meeting.state, "take_from_table") == []
    meeting.run("open minutes")
    assert motions_to_name(meeting.state, "take_from_table") == [3]
    assert "take_from_table" in motions_in_order(meeting.state)


# ── Withdrawing any motion on the floor ────────────────────────────────────────


def test_the_main_motion_is_withdrawn_with_its_amendment_pending(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", AMENDMENT, "withdraw #1")
    request = meeting.state.pending
    assert (request.kind, request.applies_to, request.mover) == ("withdraw", 1, "ke-1")
    meeting.run("agreed")
    assert meeting.state.stack == []
    assert [meeting.state.motions[n].status for n in (1, 2)] == ["withdrawn", "withdrawn"]
    meeting.run("undo")
    assert meeting.state.stack == [1, 2, 3]
    meeting.run("objection cm-1", "vote 3 12")  # leave refused: everything stays as it was
    assert meeting.state.stack == [1, 2]


def test_without_a_number_withdraw_takes_the_immediately_pending_motion(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", AMENDMENT, "withdraw", "agreed")
    assert meeting.state.stack == [1] and meeting.state.motions[2].status == "withdrawn"


def test_a_motion_not_yet_seconded_is_withdrawn_at_once_with_what_is_pending_on_it(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1", AMENDMENT, "withdraw #1")
    assert meeting.state.stack == [] and meeting.state.motions[2].status == "withdrawn"


def test_withdrawing_a_motion_that_is_not_on_the_floor_is_refused(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", AMENDMENT, "vote 3 12")
    refusal = meeting.refuse("withdraw #2")
    assert (refusal.code, refusal.params) == ("motion.withdraw-not-pending", {"motion": 2})
    assert meeting.refuse("withdraw #9").code == "motion.no-such-motion"
    assert motions_to_withdraw(meeting.state) == [1]
    meeting.run(AMENDMENT, "withdraw #1")
    assert motions_to_withdraw(meeting.state) == []
    assert meeting.refuse("withdraw #4").code == "motion.withdraw-pending"
    meeting.run("agreed", "move by pe-1 seconded bo-1", 'point cd-2 "Not in order"')
    assert meeting.refuse("withdraw #5").code == "motion.point-pending"
    meeting.run("withdraw #6")  # the point of order itself is the member's to drop
    assert meeting.state.stack == [5]


# ── Closing debate on all pending questions ────────────────────────────────────


def test_close_debate_down_to_the_main_motion_closes_it_on_all_pending_questions(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", AMENDMENT, "move to close-debate #1 by cm-1 seconded cd-1", "vote 12 3"
    )
    assert meeting.state.stack == [1, 2]
    assert meeting.state.motions[1].debate_closed and meeting.state.motions[2].debate_closed
    meeting.run("vote 12 3")  # the amendment is put, then the main motion, with no further amendment
    refusal = meeting.refuse('move to amend "That the agenda be adopted with item 9 dropped." by sl-1 seconded zw-1')
    assert refusal.code == "motion.debate-closed"
    said = "\n".join(texts(minutes(meeting), "agenda"))
    assert "Debate on motion 1 and on every question pending on it was closed." in said
    meeting.run("vote 15 0")
    assert meeting.state.motions[1].status == "carried"


def test_close_debate_without_a_number_closes_it_on_the_immediately_pending_question_only(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", AMENDMENT, "move to close-debate by cm-1 seconded cd-1", "vote 12 3"
    )
    assert meeting.state.motions[2].debate_closed and not meeting.state.motions[1].debate_closed
    # Debate on #1 is open: it may be amended again (adding to the text adopted, RONR §12:70).
    meeting.run(
        "vote 12 3",
        'move to amend "That the agenda be adopted with item 9 taken before item 8, and item 10 last." '
        "by sl-1 seconded zw-1",
    )


def test_close_debate_refuses_a_scope_in_words_it_would_not_apply(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", AMENDMENT)
    refusal = meeting.refuse('move to close-debate "on all pending questions" by cm-1 seconded cd-1')
    assert refusal.code == "motion.close-debate-text"
    meeting.run("vote 3 12")
    refusal = meeting.refuse("move to close-debate #2 by cm-1 seconded cd-1")
    assert (refusal.code, refusal.params) == ("motion.close-debate-not-pending", {"motion": 2})
    assert motions_to_name(meeting.state, "previous_question") == [1]


def test_reconsidering_close_debate_on_all_pending_questions_opens_debate_on_them_again(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1", AMENDMENT, "move to close-debate #1 by cm-1 seconded cd-1", "vote 12 3"
    )
    meeting.run("move to reconsider #3 by cm-1 seconded cd-1", "vote 12 3")
    assert meeting.state.stack == [1, 2, 3]
    assert not meeting.state.motions[1].debate_closed and not meeting.state.motions[2].debate_closed


# ── rescind: what was adopted, named, and as it was adopted ───────────────────


def _article_7_adopted(tmp_path):
    meeting = in_session(tmp_path, item="article-7").run(
        "move by ke-1 seconded gh-1",
        "roll-call",
        f"yes {' '.join(s for s in ALL_SEATS if s not in ('tz-1', 'bo-1', 'br-1'))}",
        "no bo-1 br-1",
        "close",
    )
    assert meeting.state.motions[1].status == "carried"
    return meeting


def test_a_constitutional_amendment_is_rescinded_only_as_it_was_adopted(tmp_path):
    """Eight of eleven present undid an amendment that needed 14 of the 21 seats (found by a
    parliamentarian; RONR §35:2, §57:1): rescinding it is amending the constitution again."""
    meeting = _article_7_adopted(tmp_path).run(
        "open aob",
        "leave sl-1 zm-1 zw-1 bf-1 cm-1 cd-1 mg-1 ug-1 cd-2 hn-1",
        'move to rescind #1 "That the amendment to Article 7 be rescinded." by bo-1 seconded pe-1',
    )
    rescind = meeting.state.motions[2]
    assert decision_for(meeting.state, rescind) is not None
    assert decision_for(meeting.state, rescind)[0] == "constitutional"  # type: ignore[index]
    meeting.run("vote 8 3")
    outcome = meeting.state.motions[2].outcome
    assert (outcome.result, outcome.class_id, outcome.of, outcome.required) == (
        "lost",
        "constitutional",
        "membership",
        14,
    )


def test_a_majority_of_the_entire_membership_rescinds_as_two_thirds_of_the_votes_cast_does(tmp_path):
    """11 of the 21 seats voted to rescind, 9 against: short of two-thirds of the 20 votes cast
    (14), it was lost, where a majority of the entire membership adopts a rescind as well (found
    by a parliamentarian; RONR §35:2). The outcome says which rule carried it, with its arithmetic."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "vote 12 3",
        'move to rescind #1 "That the adoption of the agenda be rescinded." by ke-1 seconded gh-1',
        "vote 10 9",  # neither two-thirds of the votes cast nor 11 of the 21 seats
    )
    outcome = meeting.state.motions[2].outcome
    assert (outcome.result, outcome.class_id, outcome.in_place_of) == ("lost", "two_thirds", None)
    meeting.run("undo", "vote 11 9")
    outcome = meeting.state.motions[2].outcome
    assert (outcome.result, outcome.of, outcome.base, outcome.in_place_of) == (
        "carried",
        "membership",
        21,
        "two_thirds",
    )
    assert texts(minutes(meeting), "agenda")[-1].endswith(
        "11 in favour, 9 against, 0 abstentions; 11 needed (a majority of all 21 seats) — carried (a majority "
        "of the entire membership, which suffices in place of two-thirds of the votes cast)."
    )
    meeting.run("undo", "vote 14 6")  # two-thirds of the votes cast carries it on its own
    outcome = meeting.state.motions[2].outcome
    assert (outcome.result, outcome.class_id, outcome.in_place_of) == ("carried", "two_thirds", None)


def test_rescind_names_a_main_motion_carried_not_a_step_of_procedure(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        'move to amend "That the agenda be adopted with item 9 taken before item 8." by sl-1 seconded zw-1',
        "vote 12 3",
        "vote 12 3",
    )
    refused = meeting.refuse('move to rescind #2 "That the amendment be rescinded." by ke-1 seconded gh-1')
    assert (refused.code, refused.params) == ("motion.rescind-not-adopted", {"motion": 2})
    # A decision of the agenda's own class, whose rules say nothing of rescinding: the rescind's class.
    meeting.run('move to rescind #1 "That the adoption of the agenda be rescinded." by ke-1 seconded gh-1')
    rescind = meeting.state.motions[3]
    assert rescind.applies_to == 1
    assert decision_for(meeting.state, rescind)[0] != "constitutional"  # type: ignore[index]
