"""`meeting check` on what a council or an agenda writes that the program would misread: numbers
too large to write, item ids that read as item numbers, thresholds nothing can meet, a `tie` rule
that never applies, names that look alike; and a replay script's clock across a change of the
clocks. Each found by an adversary, each located at the key (or the script line) that causes it."""

from __future__ import annotations

from datetime import UTC, datetime, time
from fractions import Fraction
from pathlib import Path

import pytest

from meeting.domain.engine import Refused, find_members
from meeting.formats import decimal
from meeting.i18n import language
from meeting.loader.load import load
from meeting.session import ScriptClock
from meeting.words import exact_words
from tests.conftest import MINI_AGENDA, MINI_COUNCIL, position
from tests.kit import in_session, start


def found(write, agenda: str = MINI_AGENDA, council: str = MINI_COUNCIL) -> list[tuple]:
    """Every diagnostic: file, severity, code, line and column."""
    path = write({"agenda.toml": agenda, "council.toml": council})
    return [(Path(d.path).name, d.severity, d.code, d.line, d.col) for d in load(path).diagnostics]


def at(file: str, severity: str, code: str, text: str, needle: str) -> tuple:
    return (file, severity, code, *position(text, needle))


# ── 1. numbers too large: refused by `check`, and written in full where they get through ──


@pytest.mark.parametrize(
    "weight", ['"99999999999999999999999999999999/7"', "10000000000000000000000000", '"1/3000000000"']
)
def test_a_weight_beyond_the_largest_number_is_refused_at_its_key(write, weight: str) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"\n', f'name = "Samuel Ortiz"\nweight = {weight}\n')
    assert found(write, council=council) == [at("council.toml", "error", "number.too-large", council, "weight")]


def test_a_weight_at_the_largest_number_is_a_weight(write) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"\n', 'name = "Samuel Ortiz"\nweight = 1000000000\n')
    assert found(write, council=council) == []


def test_counts_in_the_rules_are_bounded_too_where_the_agenda_writes_them(write) -> None:
    agenda = MINI_AGENDA + "\n[rules.proxies]\nmax_per_holder = 10000000000\n"
    assert found(write, agenda) == [at("agenda.toml", "error", "number.too-large", agenda, "max_per_holder")]
    council = MINI_COUNCIL.replace("at_least = 3\n", "at_least = 100000000000000000000000000000\n")
    assert ("council.toml", "error", "number.too-large", *position(council, "at_least = 1000")) in found(
        write, council=council
    )


def test_a_large_exact_value_is_written_in_full_to_two_places() -> None:
    """Decimal's 28 digits refused to write 1e32/7 to two places: replay, minutes and tally crashed."""
    value = Fraction(99999999999999999999999999999999, 7)
    assert decimal(value) == "14,285,714,285,714,285,714,285,714,285,714.14"
    assert exact_words(value) == f"{value.numerator}/7 (14,285,714,285,714,285,714,285,714,285,714.14)"
    with language("fr"):
        assert (
            decimal(value)
            == "14\u202f285\u202f714\u202f285\u202f714\u202f285\u202f714\u202f285\u202f714\u202f285\u202f714,14"
        )
    assert [decimal(Fraction(n, d)) for n, d in ((38, 3), (1, 8), (3, 8), (1, 200), (-1, 3))] == [
        "12.67",
        "0.12",
        "0.38",
        "0.00",
        "-0.33",
    ]


# ── 2. item ids of digits only: an item is also named by its number ──────────────


def test_an_item_id_of_digits_only_is_refused(write) -> None:
    agenda = MINI_AGENDA.replace('id = "budget"', 'id = "1"')
    assert found(write, agenda) == [at("agenda.toml", "error", "item.id-number", agenda, 'id = "1"')]


def test_an_item_added_with_a_number_for_a_title_gets_an_id_with_a_letter(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    before = set(meeting.state.order)
    meeting.run('add "5"', 'add "5"', 'add "2027 budget"')
    assert set(meeting.state.order) - before == {"item-5", "item-5-2", "2027-budget"}


# ── 3. a threshold nothing can meet, whatever its base ─────────────────────────────


@pytest.mark.parametrize("base", ["votes_cast", "present", "membership", "eligible"])
def test_more_than_all_is_unreachable_whatever_the_base(write, base: str) -> None:
    council = MINI_COUNCIL.replace('more_than = "1/2"', f'more_than = "1/1"\nof = "{base}"')
    assert found(write, council=council) == [at("council.toml", "error", "class.unreachable", council, "more_than")]


def test_all_of_the_votes_cast_is_reachable(write) -> None:
    council = MINI_COUNCIL.replace('more_than = "1/2"', 'at_least = "1/1"')
    assert found(write, council=council) == []


# ── 4. a `tie` rule that never applies ──────────────────────────────────────────


def test_a_tie_rule_under_at_least_half_of_the_votes_cast_is_a_warning_at_the_tie_key(write) -> None:
    council = MINI_COUNCIL.replace('more_than = "1/2"', 'at_least = "1/2"\nof = "votes_cast"\ntie = "fails"')
    assert found(write, council=council) == [at("council.toml", "warning", "class.tie-carries", council, "tie =")]


def test_the_default_tie_rule_under_at_least_half_is_a_warning_at_the_class(write) -> None:
    council = MINI_COUNCIL.replace('more_than = "1/2"', 'at_least = "2/5"')
    assert found(write, council=council) == [
        at("council.toml", "warning", "class.tie-carries", council, "[rules.classes.ordinary]")
    ]


@pytest.mark.parametrize(
    "bound", ['more_than = "1/2"\ntie = "fails"', 'at_least = "1/2"\nabstentions = "counted"', 'at_least = "3/5"']
)
def test_a_tie_rule_that_can_apply_is_not_a_warning(write, bound: str) -> None:
    council = MINI_COUNCIL.replace('more_than = "1/2"', bound)
    assert found(write, council=council) == []


def test_the_vote_itself_is_still_the_councils_rule(tmp_path: Path) -> None:
    """At least half of 4 votes is 2: the tie meets the threshold; the warning says so, the
    count is unchanged."""
    council = MINI_COUNCIL.replace('more_than = "1/2"', 'at_least = "1/2"\ntie = "fails"')
    meeting = start(tmp_path, files={"council.toml": council, "agenda.toml": MINI_AGENDA})
    meeting.run(
        "present n-1 n-3 s-1 s-2",
        "begin",
        "open budget",
        'move "That the budget be adopted." by s-1 seconded n-3',
        "vote 2 2 0",
    )
    (motion,) = meeting.state.motions.values()
    assert motion.outcome is not None and motion.outcome.result == "carried"


# ── 5. names that look alike, or hold what no screen shows ──────────────────────


@pytest.mark.parametrize(
    "other",
    ["SOFÍA QUIÑONES", "Sofia Quinones", "Sofi\u0301a Quin\u0303ones", "Sofía\u00ad Quiñones", "Sofía Qui\u2060ñones"],
)
def test_names_the_console_takes_for_one_another_are_a_warning(write, other: str) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"', f'name = "{other}"')
    assert found(write, council=council) == [
        ("council.toml", "warning", "member.same-name", *position(council, f'name = "{other}"'))
    ]


def test_the_check_folds_names_as_the_console_finds_them(tmp_path: Path) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"', 'name = "Sofia Quinones"')
    meeting = start(tmp_path, files={"council.toml": council, "agenda.toml": MINI_AGENDA})
    assert [m.id for m in find_members(meeting.state, "Sofía Quiñones")] == ["s-1", "s-2"]


# U+2028 and U+2029 are refused in any text (meeting.domain.text.FORBIDDEN), names included.
@pytest.mark.parametrize("mark", ["\u200b", "\u200e", "\u200f", "\u061c", "\u200c", "\u200d"])
def test_an_invisible_character_in_a_name_is_refused(write, mark: str) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"', f'name = "Sofía Quiñones{mark}"')
    line, col = position(council, 'name = "Sofía Quiñones', 2)
    assert found(write, council=council) == [
        ("council.toml", "warning", "member.same-name", line, col),
        ("council.toml", "error", "name.invisible-character", line, col),
    ]
    (problem,) = [d for d in load(write({"council.toml": council})).diagnostics if d.severity == "error"]
    assert problem.params == {"id": "s-2", "char": f"U+{ord(mark):04X}"}


@pytest.mark.parametrize("name", ["\u0645\u06cc\u200c\u0631\u0632\u0627", "\u0dc1\u0dca\u200d\u0dbb\u0dd3 Perera"])
def test_a_joiner_between_letters_of_a_script_that_joins_is_spelling(write, name: str) -> None:
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"', f'name = "{name}"')
    assert found(write, council=council) == []


# ── 6. a replay script's clock across a change of the clocks ────────────────────


def london(hour: int, minute: int, day: int = 28, month: int = 3) -> ScriptClock:
    from zoneinfo import ZoneInfo

    start = datetime(2027, month, day, hour, minute, tzinfo=ZoneInfo("Europe/London"))
    return ScriptClock(start, "Europe/London")


def test_a_time_the_clocks_skipped_is_refused_not_shifted() -> None:
    clock = london(0, 30)  # 28 March 2027: 01:00 GMT becomes 02:00 BST
    refused = clock.set(time(1, 30), 4)
    assert isinstance(refused, Refused) and refused.code == "clock.no-such-time"
    assert refused.params == {"time": "01:30:00", "date": "2027-03-28", "zone": "Europe/London", "after": "02:30:00"}
    assert clock.now() == datetime(2027, 3, 28, 0, 30, tzinfo=UTC)  # unchanged
    assert clock.set(time(2, 10), 4) is None
    assert clock.now() == datetime(2027, 3, 28, 1, 10, tzinfo=UTC)


def test_a_time_the_clocks_passed_twice_is_the_first_unless_the_clock_is_past_it() -> None:
    clock = london(0, 30, day=31, month=10)  # 31 October 2027: 02:00 BST becomes 01:00 GMT
    assert clock.set(time(1, 30), 4) is None
    assert clock.now() == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # 01:30 BST, the first
    assert clock.set(time(1, 10), 4) is None
    assert clock.now() == datetime(2027, 10, 31, 1, 10, tzinfo=UTC)  # 01:10 GMT, the second
    refused = clock.set(time(1, 5), 4)
    assert isinstance(refused, Refused) and refused.code == "clock.backwards"


def test_a_script_that_sets_a_skipped_time_is_refused_at_its_line(tmp_path: Path) -> None:
    agenda = MINI_AGENDA.replace('time_zone = "UTC"', 'time_zone = "Europe/London"').replace(
        "start = 2026-12-10T12:00:00", "start = 2027-03-28T00:30:00"
    )
    meeting = start(tmp_path, files={"council.toml": MINI_COUNCIL, "agenda.toml": agenda})
    assert meeting.refuse("at 01:30").code == "clock.no-such-time"
    meeting.run("at 02:10", "present n-1 n-3 s-1")
    assert meeting.session.clock.now() == datetime(2027, 3, 28, 1, 10, tzinfo=UTC)
