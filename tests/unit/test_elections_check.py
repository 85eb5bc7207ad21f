"""`meeting check` on elections: the rules' methods and the agenda's elections, each problem
located at its key; and the pure helpers the engine will use (per region, eligibility)."""

from __future__ import annotations

from pathlib import Path

from meeting.domain.agenda import Election
from meeting.domain.council import Council
from meeting.domain.elections.held import composition_conditions, elections_held, ineligibility, listed_candidates
from meeting.loader.load import load
from tests.conftest import MINI_AGENDA, MINI_COUNCIL, position

# One working language: the agenda's items and offices here need no translation.
COUNCIL = (
    MINI_COUNCIL.replace('languages = ["en", "fr"]', 'languages = ["en"]')
    .replace('name = "Nadia Benali"\n', 'name = "Nadia Benali"\ngender = "F"\ngood_standing = false\n')
    .replace('name = "Sofía Quiñones"\n', 'name = "Sofía Quiñones"\ngender = "F"\n')
    .replace('name = "Samuel Ortiz"\n', 'name = "Samuel Ortiz"\ngender = "M"\n')
    + """
[rules.elections.absolute]
method = "majority"
drop = "lowest"
runoff_after = 2

[rules.elections.stv]
method = "scottish_stv"
"""
)

ELECTIONS = """
[[items]]
id = "officers"
title = "Election of the officers"
kind = "election"
minutes = 20
vote = "secret_ballot"

[[items.elections]]
id = "chair"
office = "Chair"
method = "absolute"
seconded = true

[[items.elections]]
id = "bureau"
office = "Bureau"
seats = 2
method = "stv"
nominations = "list"
candidates = ["n-1", "s-1", "s-2"]
gender_at_least = { F = 1 }

[[items.elections]]
id = "focal"
office = "Regional focal point"
per_region = true
"""


def diagnose(write, agenda: str, council: str = COUNCIL) -> list[tuple[str, str, int, int]]:
    path = write({"agenda.toml": agenda, "council.toml": council})
    return [(Path(d.path).name, d.code, d.line, d.col) for d in load(path).diagnostics]


def test_elections_load_clean(write) -> None:
    loaded = load(write({"agenda.toml": MINI_AGENDA + ELECTIONS, "council.toml": COUNCIL}))
    assert loaded.diagnostics == [] and loaded.meeting is not None
    (item,) = [i for i in loaded.meeting.agenda.items if i.elections]
    assert [e.id for e in item.elections or ()] == ["chair", "bureau", "focal"]
    assert loaded.meeting.rules.elections is not None
    assert loaded.meeting.rules.elections["absolute"].runoff_after == 2


def test_each_problem_is_at_its_key(write) -> None:
    agenda = (
        MINI_AGENDA
        + ELECTIONS.replace('vote = "secret_ballot"', 'vote = "show_of_hands"')
        .replace('method = "absolute"', 'method = "absolut"')
        .replace('candidates = ["n-1", "s-1", "s-2"]', 'candidates = ["n-1", "n-3", "zz", "n-1"]')
        .replace("gender_at_least = { F = 1 }", "gender_at_least = { F = 2, M = 1 }\ntakes_chair = true")
        + '\n[[items]]\nid = "x"\ntitle = "X"\nminutes = 1\n\n[[items.elections]]\nid = "CHAIR"\noffice = "Other"\n'
    )
    text = agenda
    assert sorted(diagnose(write, agenda)) == sorted(
        [
            ("agenda.toml", "method.unknown", *position(text, 'method = "absolut"')),
            ("agenda.toml", "election.ranked-needs-ballot", *position(text, 'method = "stv"')),
            ("agenda.toml", "candidate.not-in-good-standing", *position(text, '"n-3"')),
            ("agenda.toml", "member.unknown", *position(text, '"zz"')),
            ("agenda.toml", "candidate.repeated", *position(text, '"n-1"]')),
            ("agenda.toml", "election.composition-exceeds-seats", *position(text, "gender_at_least")),
            ("agenda.toml", "election.takes-chair-one-seat", *position(text, "takes_chair")),
            ("agenda.toml", "election.composition-short", *position(text, "F = 2")),
            ("agenda.toml", "election.composition-short", *position(text, "M = 1")),
            # No `kind` written: at the item's header.
            ("agenda.toml", "election.not-election-item", *position(text, "[[items]]", 4)),
            ("agenda.toml", "id.duplicate", *position(text, 'id = "CHAIR"')),
        ]
    )


def test_method_options_are_checked_where_the_rules_are_written(write) -> None:
    council = COUNCIL.replace('method = "scottish_stv"', 'method = "scottish_stv"\nties = "lots"\nrunoff_after = 1')
    council += '\n[rules.elections.share]\nmethod = "majority"\ndrop = "below_share"\n'
    council += '\n[rules.elections.half]\nmethod = "majority"\ndrop_below = "1/2"\n'
    assert sorted(diagnose(write, MINI_AGENDA, council)) == sorted(
        [
            ("council.toml", "method.ties-fixed", *position(council, 'ties = "lots"')),
            ("council.toml", "method.option-not-for-method", *position(council, "runoff_after = 1")),
            ("council.toml", "method.drop-below-missing", *position(council, 'drop = "below_share"')),
            ("council.toml", "method.drop-below-unused", *position(council, 'drop_below = "1/2"')),
        ]
    )


def test_an_agenda_can_define_its_own_methods(write) -> None:
    agenda = MINI_AGENDA.replace(
        'council = "council.toml"\n', 'council = "council.toml"\n\n[rules.elections.irv]\nmethod = "instant_runoff"\n'
    ) + ELECTIONS.replace('method = "stv"', 'method = "irv"')
    assert diagnose(write, agenda) == [("agenda.toml", "election.one-seat-method", *position(agenda, "seats = 2"))]


def test_schema_errors_in_an_election_are_located(write) -> None:
    agenda = MINI_AGENDA + ELECTIONS.replace("seats = 2", "seats = 0").replace(
        'nominations = "list"', 'nominations = "open"'
    )
    found = diagnose(write, agenda)
    assert ("agenda.toml", "schema.too-small", *position(agenda, "seats = 0")) in found
    assert ("agenda.toml", "schema.not-allowed", *position(agenda, 'nominations = "open"')) in found


def council_of(write) -> Council:
    loaded = load(write({"agenda.toml": MINI_AGENDA, "council.toml": COUNCIL}))
    assert loaded.meeting is not None
    return loaded.meeting.council


def test_one_seat_per_region_is_one_election_per_region(write) -> None:
    council = council_of(write)
    focal = Election(id="focal", office="Focal point", per_region=True, candidates=["n-1", "s-1", "s-2"])
    held = elections_held(focal, council)
    assert [(h.id, h.region) for h in held] == [("focal.north", "north"), ("focal.south", "south")]
    assert [listed_candidates(h, council) for h in held] == [["n-1"], ["s-1", "s-2"]]
    assert ineligibility(held[0], council, "s-1") is not None
    assert ineligibility(held[0], council, "s-1").code == "candidate.other-region"  # type: ignore[union-attr]
    assert ineligibility(held[1], council, "s-2") is None
    assert ineligibility(held[1], council, "nobody").code == "candidate.unknown"  # type: ignore[union-attr]


def test_good_standing_is_required_unless_the_election_says_otherwise(write) -> None:
    council = council_of(write)
    strict, lenient = Election(id="a", office="A"), Election(id="b", office="B", good_standing=False)
    assert ineligibility(elections_held(strict, council)[0], council, "n-3").code == "candidate.not-in-good-standing"  # type: ignore[union-attr]
    assert ineligibility(elections_held(lenient, council)[0], council, "n-3") is None


def test_the_gender_rule_becomes_a_condition_on_the_count(write) -> None:
    council = council_of(write)
    bureau = Election(id="b", office="Bureau", seats=2, gender_at_least={"F": 1})
    (women,) = composition_conditions(bureau, council, ["n-1", "n-3", "s-1", "s-2"])
    assert (women.label, women.members, women.at_least) == ("F", frozenset({"n-3", "s-1"}), 1)
