"""Thresholds and tie rules at their boundaries, with exact arithmetic."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meeting.domain.outcome import (
    Tally,
    after_casting_vote,
    after_chair_votes,
    after_lots,
    chair_could_decide,
    vote_outcome,
    yes_needed,
    yes_to_carry,
)
from meeting.domain.quantities import least_count_at_least, least_count_more_than, least_whole
from meeting.domain.rules import DecisionClass
from meeting.words import outcome_words

MAJORITY = DecisionClass(more_than="1/2")
TWO_THIRDS = DecisionClass(at_least="2/3")
THREE_QUARTERS = DecisionClass(at_least="3/4")
MAJORITY_PRESENT = DecisionClass(more_than="1/2", of="present")
MAJORITY_MEMBERSHIP = DecisionClass(more_than="1/2", of="membership")
TWO_THIRDS_MEMBERSHIP = DecisionClass(at_least="2/3", of="membership")
TWO_THIRDS_WITH_ABSTENTIONS = DecisionClass(at_least="2/3", abstentions="counted")
UNANIMITY = DecisionClass(at_least="1/1")
UNANIMITY_NO_ABSTENTION = DecisionClass(at_least="1/1", abstentions="counted")


@pytest.mark.parametrize(
    ("decision", "yes", "no", "abstain", "entitled", "result"),
    [
        # two-thirds of votes cast: exactly two-thirds carries; abstentions do not count
        (TWO_THIRDS, 14, 7, 0, 21, "carried"),
        (TWO_THIRDS, 12, 6, 3, 21, "carried"),
        (TWO_THIRDS, 13, 7, 1, 21, "lost"),
        (TWO_THIRDS, 2, 1, 18, 21, "carried"),
        # ...unless the class counts them: 12 of 21 is short of 14
        (TWO_THIRDS_WITH_ABSTENTIONS, 12, 6, 3, 21, "lost"),
        (TWO_THIRDS_WITH_ABSTENTIONS, 14, 6, 1, 21, "carried"),
        # a majority of votes cast: more than half; a tie fails
        (MAJORITY, 11, 10, 0, 21, "carried"),
        (MAJORITY, 10, 10, 1, 21, "lost"),
        (MAJORITY, 1, 0, 20, 21, "carried"),
        # three-quarters: yes >= 3 x no
        (THREE_QUARTERS, 15, 5, 0, 21, "carried"),
        (THREE_QUARTERS, 14, 5, 0, 21, "lost"),
        # a majority of members present: abstentions act as no; 10 of 20 fails however they abstain
        (MAJORITY_PRESENT, 10, 0, 10, 20, "lost"),
        (MAJORITY_PRESENT, 10, 2, 8, 20, "lost"),
        (MAJORITY_PRESENT, 11, 0, 9, 20, "carried"),
        # the entire membership (21 seats), whatever the attendance
        (MAJORITY_MEMBERSHIP, 11, 0, 0, 11, "carried"),
        (MAJORITY_MEMBERSHIP, 10, 0, 0, 21, "lost"),
        (TWO_THIRDS_MEMBERSHIP, 14, 0, 0, 14, "carried"),
        (TWO_THIRDS_MEMBERSHIP, 13, 0, 0, 13, "lost"),
        (TWO_THIRDS_MEMBERSHIP, 13, 1, 0, 21, "lost"),
        (TWO_THIRDS_MEMBERSHIP, 14, 7, 0, 21, "carried"),
        # unanimity: no "no"; abstentions block it only when counted
        (UNANIMITY, 20, 0, 1, 21, "carried"),
        (UNANIMITY, 20, 1, 0, 21, "lost"),
        (UNANIMITY_NO_ABSTENTION, 20, 0, 1, 21, "lost"),
    ],
)
def test_thresholds_at_their_boundaries(decision, yes, no, abstain, entitled, result):
    outcome = vote_outcome(decision, "c", Tally(yes, no, abstain), entitled, seats=21)
    assert outcome.result == result


def test_the_arithmetic_is_kept_exactly():
    outcome = vote_outcome(TWO_THIRDS, "ordinary", Tally(14, 5, 2), 21, 21)
    assert (outcome.base, outcome.required, outcome.amount) == (19, Fraction(38, 3), Fraction(2, 3))
    # Read one way, in whole votes: at least 38/3 yes is 13 yes.
    assert yes_needed(outcome) == 13
    assert outcome_words(outcome) == (
        "14 in favour, 5 against, 2 abstentions; 13 needed (two-thirds of the 19 votes cast) — carried"
    )


def test_a_lost_vote_says_which_comparison_failed():
    outcome = vote_outcome(TWO_THIRDS, "ordinary", Tally(13, 7, 1), 21, 21)
    assert yes_needed(outcome) == 14
    assert outcome_words(outcome) == (
        "13 in favour, 7 against, 1 abstention; 14 needed (two-thirds of the 20 votes cast) — lost"
    )


@pytest.mark.parametrize(
    ("decision", "tally", "needed"),
    [
        (MAJORITY, Tally(9, 8), 9),  # more than 17/2: 9
        (MAJORITY, Tally(9, 9), 10),  # more than 9: 10
        (TWO_THIRDS, Tally(10, 5), 10),  # at least 10: 10
        (TWO_THIRDS_MEMBERSHIP, Tally(1, 0), 14),  # at least 14 of 21 seats
        (DecisionClass(at_least=12), Tally(3, 1), 12),  # a count
        (DecisionClass(more_than=12), Tally(3, 1), 13),
    ],
)
def test_the_yes_votes_needed_are_a_whole_number_for_either_bound(decision, tally, needed):
    outcome = vote_outcome(decision, "c", tally, 21, 21)
    assert yes_needed(outcome) == needed
    assert (outcome.result == "carried") == (outcome.yes >= needed)


def test_the_membership_base_is_the_seats_not_the_attendance():
    outcome = vote_outcome(TWO_THIRDS_MEMBERSHIP, "constitutional", Tally(14, 0, 0), 14, 21)
    assert (outcome.base, outcome.required) == (21, Fraction(14))
    assert (
        outcome_words(outcome)
        == "14 in favour, 0 against, 0 abstentions; 14 needed (two-thirds of all 21 seats) — carried"
    )


@pytest.mark.parametrize(
    ("tie", "awaiting"),
    [("fails", None), ("casting_vote", "casting_vote"), ("lots", "lots")],
)
def test_a_tie_fails_or_waits_for_the_rule_that_breaks_it(tie, awaiting):
    decision = DecisionClass(more_than="1/2", tie=tie)
    outcome = vote_outcome(decision, "c", Tally(10, 10, 1), 21, 21)
    assert outcome.awaiting == awaiting
    assert outcome.result == ("lost" if tie == "fails" else "pending")


@pytest.mark.parametrize(("choice", "result"), [("yes", "carried"), ("no", "lost"), ("none", "lost")])
def test_the_casting_vote_decides_a_tie_and_is_not_counted(choice, result):
    """A secretary read "10 in favour, 9 against" above a roll call of 9 yes: the casting vote
    decides the tie; the count stays as the members voted, with the threshold it was held to."""
    decision = DecisionClass(more_than="1/2", tie="casting_vote")
    tied = vote_outcome(decision, "c", Tally(9, 9, 2), 21, 21)
    final = after_casting_vote(tied, choice)
    assert (final.result, final.tie_broken_by, final.casting, final.awaiting) == (result, "casting_vote", choice, None)
    assert (final.yes, final.no, final.abstain, final.base, final.required) == (9, 9, 2, 18, 9)


@pytest.mark.parametrize(
    ("choice", "result", "no"), [("yes", "carried", 9), ("no", "lost", 10), ("none", "carried", 9)]
)
def test_the_chair_who_votes_only_to_decide_is_counted(choice, result, no):
    decision = DecisionClass(more_than="1/2", tie="fails")
    undecided = vote_outcome(decision, "c", Tally(10, 9, 0), 21, 21)
    final = after_chair_votes(undecided, decision, choice, 21, 21)
    assert (final.result, final.tie_broken_by, final.no, final.casting) == (result, "chair", no, None)


def test_lots_decide_as_drawn():
    decision = DecisionClass(more_than="1/2", tie="lots")
    tied = vote_outcome(decision, "c", Tally(7, 7, 0), 21, 21)
    assert (after_lots(tied, carried=True).result, after_lots(tied, carried=True).tie_broken_by) == ("carried", "lots")
    assert after_lots(tied, carried=False).result == "lost"


def test_a_tie_under_two_thirds_is_simply_lost():
    # One more vote could not carry 10-10 to two-thirds: nothing to break.
    decision = DecisionClass(at_least="2/3", tie="casting_vote")
    assert vote_outcome(decision, "c", Tally(10, 10, 0), 21, 21).result == "lost"


@pytest.mark.parametrize(
    ("yes", "no", "decisive"),
    [(10, 10, True), (11, 10, True), (12, 10, False), (9, 11, False), (10, 11, False)],
)
def test_the_chair_decides_only_when_one_vote_changes_the_result(yes, no, decisive):
    assert chair_could_decide(MAJORITY, Tally(yes, no), 21, 21) is decisive


def test_the_yes_votes_that_carry_before_the_count():
    from meeting.domain.outcome import BUILT_IN_CLASSES, yes_to_carry
    from meeting.domain.rules import DecisionClass

    assert yes_to_carry(BUILT_IN_CLASSES["two_thirds"], 18, 18, 21) == 12
    assert yes_to_carry(BUILT_IN_CLASSES["majority"], 18, 18, 21) == 10
    membership = DecisionClass.model_validate({"at_least": "2/3", "of": "membership"})
    assert yes_to_carry(membership, 19, 19, 21) == 14
    assert yes_to_carry(membership, 13, 13, 21) is None


@given(
    st.fractions(min_value=0, max_value=3),
    st.integers(min_value=0, max_value=100_000),
)
def test_least_counts_in_whole_numbers_are_the_exact_bounds(share: Fraction, base: int) -> None:
    """The whole-number shortcuts agree with the bound taken on the exact product."""
    assert least_count_at_least(share, base) == least_whole(share * base, strictly=False)
    assert least_count_more_than(share, base) == least_whole(share * base, strictly=True)
    assert least_count_at_least(share, base) >= share * base
    assert least_count_more_than(share, base) > share * base


CLASSES = [
    MAJORITY,
    TWO_THIRDS,
    THREE_QUARTERS,
    MAJORITY_PRESENT,
    MAJORITY_MEMBERSHIP,
    TWO_THIRDS_WITH_ABSTENTIONS,
    UNANIMITY,
    DecisionClass(at_least="1/2"),  # an appeal's: "Shall the decision of the chair stand?"
    DecisionClass(at_least="1/2", abstentions="counted"),
    DecisionClass(at_least="1/2", of="present"),
    DecisionClass(at_least="2/5"),
]


@given(
    decision=st.sampled_from(CLASSES),
    votes=st.integers(min_value=1, max_value=40),
    abstain=st.integers(min_value=0, max_value=5),
)
def test_a_class_said_to_carry_on_a_tie_carries_every_tie(decision, votes, abstain):
    """`tie_carries` (what the rule's words say: "a tie carries the question put" instead of the tie
    rule) holds exactly where the count carries every tie, whatever the abstentions."""
    from meeting.domain.outcome import tie_carries

    entitled = 2 * votes + abstain + 4  # more than vote: a tie falls short of "present" and "membership"
    tallies = (Tally(votes, votes, a) for a in (0, abstain + 1))
    results = {vote_outcome(decision, "c", tally, entitled, entitled).result for tally in tallies}
    assert (results == {"carried"}) == tie_carries(decision)


def test_an_appeals_rule_says_a_tie_sustains_by_carrying():
    from meeting.domain.outcome import BUILT_IN_CLASSES
    from meeting.loader.load import load
    from meeting.words import decision_words
    from tests.conftest import DEMO_AGENDA

    council = load(DEMO_AGENDA).meeting.council  # type: ignore[union-attr]
    assert decision_words(BUILT_IN_CLASSES["sustain"], council).endswith(
        "a tie carries the question put: on an appeal, the chair's decision stands"
    )
    assert decision_words(MAJORITY, council).endswith("a tie fails")


@given(
    decision=st.sampled_from(CLASSES),
    abstain=st.integers(min_value=0, max_value=5),
    blank=st.integers(min_value=0, max_value=3),
)
def test_a_question_nobody_voted_for_carries_nothing(decision, abstain, blank):
    """No yes vote, no decision: "two-thirds of the 0 votes cast" once carried a 0-0 with 5
    abstentions (and with it closing debate, suspending the rules, or an objection to
    consideration that dismissed a motion nobody voted against). It now asks for one vote.
    Only a question a tie carries by its threshold (an appeal) stands when nobody votes."""
    from meeting.domain.outcome import tie_carries

    outcome = vote_outcome(decision, "c", Tally(0, 0, abstain, blank), 21, 21)
    assert outcome.result == ("carried" if tie_carries(decision) else "lost")
    if outcome.base == 0 and not tie_carries(decision):
        assert yes_needed(outcome) == 1


def test_two_thirds_of_no_votes_cast_needs_one_and_an_appeal_nobody_votes_on_sustains_the_chair():
    from meeting.domain.outcome import BUILT_IN_CLASSES

    lost = vote_outcome(TWO_THIRDS, "c", Tally(0, 0, 5), 21, 21)
    assert (lost.result, yes_needed(lost)) == ("lost", 1)
    assert vote_outcome(TWO_THIRDS, "c", Tally(1, 0, 5), 21, 21).result == "carried"
    assert vote_outcome(BUILT_IN_CLASSES["sustain"], "c", Tally(0, 0, 3), 21, 21).result == "carried"


def test_abstentions_so_far_lower_what_a_roll_call_still_needs():
    """A roll call's header said "12 needed" (two-thirds of the 18 who may vote) after two had
    abstained, and the result then said 11 of the 16 votes cast (found by a chair's run)."""
    decision = DecisionClass(at_least="2/3", of="votes_cast")
    assert yes_to_carry(decision, 18, 18, 21) == 12
    assert yes_to_carry(decision, 16, 18, 21, abstain=2) == 11
    counted = DecisionClass(at_least="2/3", of="votes_cast", abstentions="counted")
    assert yes_to_carry(counted, 16, 18, 21, abstain=2) == 12  # abstentions counted in the base
