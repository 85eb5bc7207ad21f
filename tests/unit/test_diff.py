"""The word-level diff of an amendment: exact texts back, and the change a person expects."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from meeting.domain.diff import Segment, word_diff


def _before(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != "added")


def _after(segments: list[Segment]) -> str:
    return "".join(s.text for s in segments if s.op != "removed")


def test_an_insertion_keeps_every_other_word():
    before = "That each region designate one focal point."
    after = "That each region designate one focal point, chosen by its member associations."
    assert word_diff(before, after) == [
        Segment("same", "That each region designate one focal point"),
        Segment("added", ", chosen by its member associations"),
        Segment("same", "."),
    ]


def test_a_replaced_phrase_is_struck_out_then_inserted():
    segments = word_diff("chosen by the council at its meeting", "chosen by the member associations at its meeting")
    assert segments == [
        Segment("same", "chosen by the "),
        Segment("removed", "council"),
        Segment("added", "member associations"),
        Segment("same", " at its meeting"),
    ]


def test_two_changed_words_with_a_space_between_are_one_change():
    segments = word_diff("a woman and a man", "a man and a woman")
    assert _before(segments) == "a woman and a man" and _after(segments) == "a man and a woman"
    assert all(s.text != " " for s in segments)


def test_accents_and_apostrophes_are_words_of_their_own():
    segments = word_diff("the region's associations", "the région’s associations")
    assert segments == [
        Segment("same", "the "),
        Segment("removed", "region'"),
        Segment("added", "région’"),
        Segment("same", "s associations"),
    ]


def test_identical_and_empty_texts():
    assert word_diff("same text", "same text") == [Segment("same", "same text")]
    assert word_diff("", "") == []
    assert word_diff("", "new") == [Segment("added", "new")]
    assert word_diff("old", "") == [Segment("removed", "old")]


_TEXT = st.lists(
    st.sampled_from(["focal", "point", " ", ", ", "région", "’s", ".", "a", "man", "woman", "\t"]), max_size=25
)


@settings(deadline=None, max_examples=300)
@given(_TEXT, _TEXT)
def test_the_segments_give_back_both_texts_and_never_repeat_an_op(a, b):
    before, after = "".join(a), "".join(b)
    segments = word_diff(before, after)
    assert _before(segments) == before
    assert _after(segments) == after
    assert all(s.text for s in segments)
    assert all(x.op != y.op for x, y in itertools.pairwise(segments))
    # Within a change, what is struck out comes before what is inserted.
    assert all(not (x.op == "added" and y.op == "removed") for x, y in itertools.pairwise(segments))
