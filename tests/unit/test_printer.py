"""The command printer is the parser's exact inverse: every command the grammar can express,
printed and parsed again, is the same command."""

from __future__ import annotations

from datetime import date, time

from hypothesis import given, settings
from hypothesis import strategies as st

from meeting.domain.language import GRAMMAR, Arg, Command, Keyword, Optional, Part, Ref, format_command, parse

# Texts as the tokenizer lets them in: any letters, marks, punctuation and spaces, quotes and
# backslashes included; no control or format characters (refused at the door).
_CHARS = st.characters(blacklist_categories=("Cc", "Cs", "Cf"))
_ANY_TEXT = st.text(_CHARS, max_size=30)
_TEXT = _ANY_TEXT.filter(lambda text: text.strip() != "")
_REF = st.builds(Ref, st.one_of(st.from_regex(r"[a-z]{2}-[0-9]", fullmatch=True), _ANY_TEXT))
_VALUES = {
    "member": _REF,
    "item": _REF,
    "members": st.lists(_REF, min_size=1, max_size=4).map(tuple),
    "text": _TEXT,
    "int": st.integers(min_value=0, max_value=10**6),
    "motion": st.integers(min_value=1, max_value=10**6),
    "time": st.builds(time, st.integers(0, 23), st.integers(0, 59), st.integers(0, 59)),
    "date": st.dates(min_value=date(1000, 1, 1)),
    "election": _REF,
    "tally": st.lists(st.tuples(_REF, st.integers(min_value=0, max_value=10**6)), min_size=1, max_size=4).map(tuple),
}


def _value(arg: Arg) -> st.SearchStrategy[object]:
    return st.sampled_from(arg.choices) if arg.kind == "choice" else _VALUES[arg.kind]


@st.composite
def commands(draw: st.DrawFn) -> Command:
    verb = draw(st.sampled_from(GRAMMAR))
    args: dict[str, object] = {}

    def fill(parts: tuple[Part, ...]) -> None:
        for part in parts:
            if isinstance(part, Optional):
                if draw(st.booleans()):
                    fill(part.parts)
            elif not isinstance(part, Keyword):
                args[part.name] = draw(_value(part))

    fill(verb.parts)
    return Command(verb.name, args)


@settings(deadline=None, max_examples=500)
@given(commands())
def test_a_printed_command_parses_back_to_itself(command):
    line = format_command(command)
    assert parse(line) == command, line


def test_a_motions_quotes_and_backslashes_survive():
    text = 'That the council adopt the "Livingstone principles" (see annex A\\B).'
    command = Command("move", {"text": text, "mover": Ref("ke-1"), "seconder": Ref("gh-1")})
    line = format_command(command)
    assert (
        line == r'move "That the council adopt the \"Livingstone principles\" (see annex A\\B)." by ke-1 seconded gh-1'
    )
    assert parse(line).args["text"] == text


def test_members_are_bare_words_unless_they_would_read_otherwise():
    command = Command("proxy", {"principal": Ref("Ama Serwaa"), "holder": Ref("to")})
    assert format_command(command) == 'proxy "Ama Serwaa" to "to"'
    assert format_command(Command("vote", {"yes": 14, "no": 5, "blank": 1})) == "vote 14 5 blank 1"
    assert format_command(Command("at", {"time": time(12, 7)})) == "at 12:07"
    assert format_command(Command("at", {"time": time(12, 7, 30), "date": date(2026, 12, 10)})) == (
        "at 2026-12-10 12:07:30"
    )


def test_columns_say_where_a_command_was_written_not_what_it_says():
    assert parse("present  gh-1") == parse("present gh-1")


def test_a_number_left_out_means_the_grammars_default_and_only_an_optional_one_has_one():
    from meeting.domain.language import NUMBER_DEFAULTS, args_of

    paper = parse("paper zm-1 pe-1")
    assert isinstance(paper, Command) and paper.number("times") == 1
    assert parse("paper zm-1 pe-1 times 3").number("times") == 3  # type: ignore[union-attr]
    assert parse('add "Mining permits"').number("minutes") == 5  # type: ignore[union-attr]
    required = {(verb.name, arg.name) for verb in GRAMMAR for arg, optional in args_of(verb.parts) if not optional}
    assert NUMBER_DEFAULTS and not required & set(NUMBER_DEFAULTS)
    assert ("recess", "minutes") not in NUMBER_DEFAULTS  # a recess of no set length


def test_options_led_by_a_keyword_are_taken_in_any_order() -> None:
    """`tellers … invalid 1 blank 0` was refused "unexpected 'blank' here" (found by a
    parliamentarian's run); the printer keeps the usage line's order."""
    given_order = parse("tellers n2 3 invalid 1 for pres blank 0 ballots 3")
    usage_order = parse("tellers n2 3 ballots 3 blank 0 invalid 1 for pres")
    assert isinstance(given_order, Command) and isinstance(usage_order, Command)
    assert given_order.args == usage_order.args
    assert format_command(given_order) == "tellers n2 3 ballots 3 blank 0 invalid 1 for pres"
    repeated = parse("tellers n2 3 blank 0 blank 1")
    assert not isinstance(repeated, Command)
