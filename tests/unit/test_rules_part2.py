"""Rules part 2: the decision rules of federations, at their boundaries, through the command
language on small invented councils: weighted votes (ICA), chambers with their own majorities
(IUCN) or weighing alike (Fairtrade), a base of the seats eligible to vote (African Union), an
electorate per class, a quorum per class, a quorum to open (UN), restored votes (UN Charter
Art. 19), notice by who proposes, a cap per country."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.domain.attendance import quorum_status
from meeting.domain.events import Outcome
from meeting.domain.outcome import yes_needed
from meeting.loader.load import load
from meeting.minutes import csv as votes_csv
from meeting.minutes.files import read
from meeting.minutes.model import minutes_of
from meeting.report import quorum_line
from meeting.words import _votes_needed_words, outcome_words
from tests.conftest import REPO
from tests.kit import Meeting, start

AGENDA = """\
id = "test-meeting"
title = "Test meeting"
start = 2027-06-10T12:00:00
time_zone = "UTC"
duration_minutes = 60
language = "en"
chair = "{chair}"
secretary = "{chair}"
council = "council.toml"

[[items]]
id = "motion"
title = "A motion"
kind = "decision"
minutes = 30
class = "{item_class}"
vote = "roll_call"

[items.motion]
text = "That the statutes be amended."
"""


def council(members: list[dict[str, object]], rules: str, extra: str = "") -> str:
    """A council file: one region per `region` named, these members, these rules."""
    regions = sorted({str(m["region"]) for m in members})
    text = 'name = "Test Federation"\nshort_name = "TF"\n' + extra
    for region in regions:
        text += f'\n[[regions]]\nid = "{region}"\nname = "Region {region.upper()}"\n'
    for member in members:
        text += "\n[[members]]\n"
        for key, value in member.items():
            text += (
                f"{key} = {value!r}\n".replace("'", '"')
                if not isinstance(value, bool)
                else f"{key} = {str(value).lower()}\n"
            )
    return text + "\n" + rules


def meeting(
    tmp_path: Path, members: list[dict[str, object]], rules: str, extra: str = "", item_class: str = "statutes"
) -> Meeting:
    chair = str(members[0]["id"])
    files = {
        "council.toml": council(members, rules, extra),
        "test-meeting.toml": AGENDA.format(chair=chair, item_class=item_class),
    }
    return start(tmp_path, files=files)


def outcome_of(session: Meeting) -> Outcome:
    motion = session.state.motions[max(session.state.motions)]
    assert motion.outcome is not None
    return motion.outcome


def roll_call(session: Meeting, yes: list[str], no: list[str], abstain: tuple[str, ...] | list[str] = ()) -> Outcome:
    mover, seconder = (yes + no)[:2]
    session.run(f"move by {mover} seconded {seconder}", "roll-call")
    for choice, voters in (("yes", yes), ("no", no), ("abstain", abstain)):
        if voters:
            session.run(f"{choice} {' '.join(voters)}")
    session.run("close")
    return outcome_of(session)


# ── weighted votes (ICA: votes by subscription; "two-thirds of the votes represented") ──

ICA_MEMBERS = [
    {"id": "ar-1", "name": "Cooperativa Agraria del Litoral", "region": "am", "country": "Argentina", "weight": 5},
    {"id": "ke-1", "name": "Ushirika wa Wakulima wa Kahawa", "region": "af", "country": "Kenya", "weight": 3},
    {"id": "in-1", "name": "Sahakari Dugdh Sangh", "region": "as", "country": "India", "weight": 2},
    {"id": "fi-1", "name": "Osuuskunta Pohjola", "region": "eu", "country": "Finland", "weight": 1},
    {"id": "jp-1", "name": "Nōkyō Kumiai", "region": "as", "country": "Japan", "weight": 1},
]
ICA_RULES = """\
[rules.quorum]
at_least = "1/2"
counts = "votes"

[rules.classes.statutes]
at_least = "2/3"
of = "present"

[rules.classes.ordinary]
more_than = "1/2"
"""


def ica(tmp_path: Path) -> Meeting:
    session = meeting(tmp_path, ICA_MEMBERS, ICA_RULES)
    return session.run("present ar-1 ke-1 in-1 fi-1 jp-1", "begin", "open motion")


def test_a_weighted_vote_carries_on_exactly_two_thirds_of_the_votes_represented(tmp_path: Path) -> None:
    # 12 votes represented; 2/3 of them is 8: 5 + 3 in favour carry it, though 3 members of 5 are against.
    outcome = roll_call(ica(tmp_path), ["ar-1", "ke-1"], ["in-1", "fi-1", "jp-1"])
    assert outcome.result == "carried"
    assert (outcome.yes, outcome.no) == (2, 3)
    assert outcome.votes is not None and (outcome.votes.yes, outcome.votes.no, outcome.votes.base) == (8, 4, 12)
    assert outcome.required == 8
    assert outcome_words(outcome) == (
        "2 in favour, 3 against, 0 abstentions, with 8, 4 and 0 votes; 8 votes needed "
        "(two-thirds of the 12 votes of the members present) — carried"
    )


def test_one_vote_s_weight_short_of_it_loses(tmp_path: Path) -> None:
    # 5 + 2 = 7 votes in favour: one vote short of 8.
    outcome = roll_call(ica(tmp_path), ["ar-1", "in-1"], ["ke-1", "fi-1", "jp-1"])
    assert outcome.result == "lost"
    assert outcome.votes is not None and outcome.votes.yes == 7


def test_a_weighted_vote_is_counted_by_name(tmp_path: Path) -> None:
    session = ica(tmp_path)
    session.run("move by ar-1 seconded ke-1")
    assert session.refuse("vote 3 2").code == "vote.count-by-name"
    assert session.refuse("ballot").code == "vote.count-by-name"


def test_a_quorum_of_votes_counts_votes_not_heads(tmp_path: Path) -> None:
    session = meeting(tmp_path, ICA_MEMBERS, ICA_RULES)
    session.run("present ke-1 in-1 fi-1 jp-1")  # 4 members of 5, but 7 votes of 12: at least 6 needed
    status = quorum_status(session.state)
    assert (status.present, status.votes_present, status.votes_total, status.votes_required) == (4, 7, 12, 6)
    assert status.met
    session.run("leave ke-1")  # 4 votes of 12
    assert session.state.counted_votes == 4 and not quorum_status(session.state).met
    session.run("present ar-1")  # 9 votes, with only 4 members
    assert session.state.counted_votes == 9 and quorum_status(session.state).met
    session.run("undo")
    assert session.state.counted_votes == 4


def test_whole_votes_are_needed_in_whole_votes(tmp_path: Path) -> None:
    # At least half of 12 votes is 6; "more than 31/2" would be 16: whole numbers where seats carry whole votes.
    session = meeting(tmp_path, ICA_MEMBERS, ICA_RULES)
    session.run("present ke-1 in-1 fi-1 jp-1")
    status = quorum_status(session.state)
    assert status.votes_needed == 6
    assert quorum_line(session.state).startswith("4 of 5 voting seats present · 7 of 12 votes present (6 needed)")
    outcome = roll_call(session.run("present ar-1", "begin", "open motion"), ["ar-1", "ke-1"], ["in-1", "fi-1"])
    assert outcome.votes is not None and outcome.votes.needed == 8 and yes_needed(outcome) == 8


def test_parts_of_a_vote_are_needed_exactly(tmp_path: Path) -> None:
    # Seats of half a vote: "at least 1/2 of 5/2 votes" is 5/4, which no whole number says.
    members = [{**member, "weight": "1/2"} for member in ICA_MEMBERS]
    session = meeting(tmp_path, members, ICA_RULES)
    session.run("present ke-1 in-1 fi-1")
    status = quorum_status(session.state)
    assert (status.votes_required, status.votes_needed) == (Fraction(5, 4), None)
    assert "3/2 (1.50) of 5/2 (2.50) votes present (5/4 (1.25) needed)" in quorum_line(session.state)
    outcome = roll_call(session.run("present ar-1 jp-1", "begin", "open motion"), ["ar-1", "ke-1"], ["in-1"])
    assert outcome.votes is not None and outcome.votes.needed is None and yes_needed(outcome) is None
    assert "; 5/3 (1.67) votes needed (two-thirds of the 5/2 (2.50) votes of the members present)" in outcome_words(
        outcome
    )


def test_the_csv_and_the_minutes_data_break_out_votes_and_chambers(tmp_path: Path) -> None:
    session = iucn(tmp_path)
    roll_call(session, ["st-1", "st-2", *NGOS], ["st-3", "st-4"])
    record = minutes_of(session.state, session.session.recorded)
    vote = record.motions[0].vote
    assert vote is not None and vote.votes is not None
    assert (vote.votes.yes, vote.votes.no, vote.votes.base, vote.votes.needed) == ("16", "6", "22", 15)
    assert [(c.name, c.yes, c.no, c.votes.yes if c.votes else None, c.result) for c in vote.chambers] == [
        ("Chamber A (States)", 2, 2, "6", "lost"),
        ("Chamber B (NGOs)", 10, 0, "10", "carried"),
    ]
    rows = [dict(zip(votes_csv.header(), row, strict=True)) for row in votes_csv.rows(record)]
    row = rows[0]
    assert (row["in favour"], row["against"], row["votes in favour"], row["votes against"]) == ("12", "2", "16", "6")
    # The rule, its base and what it needed, all in votes: not 14 heads beside 15 votes.
    assert (row["rule"], row["base"], row["bound"], row["bound in votes"], row["votes in favour needed"]) == (
        "two-thirds of the 22 votes cast",
        "22",
        "at least",
        "'44/3",  # text to a spreadsheet, never a date
        "15",
    )


# ── chambers with their own majorities (IUCN) ─────────────────────────────────

IUCN_TYPES = """\
[[member_types]]
id = "state"
name = "States"
weight = 3

[[member_types]]
id = "ngo"
name = "Non-governmental organisations"
"""
IUCN_RULES = """\
[rules.quorum]
more_than = "1/2"

[rules.chambers.a]
name = "Chamber A (States)"
types = ["state"]

[rules.chambers.b]
name = "Chamber B (NGOs)"
types = ["ngo"]

[rules.classes.ordinary]
more_than = "1/2"

[rules.classes.statutes]
at_least = "2/3"
in_each_chamber = true

[rules.classes.states-only]
more_than = "1/2"
of = "membership"
electorate = { chambers = ["a"] }
"""
IUCN_MEMBERS = [
    *({"id": f"st-{n}", "name": f"State {n}", "region": "w", "type": "state"} for n in range(1, 5)),
    *({"id": f"ngo-{n}", "name": f"NGO {n}", "region": "w", "type": "ngo"} for n in range(1, 11)),
]
STATES = [f"st-{n}" for n in range(1, 5)]
NGOS = [f"ngo-{n}" for n in range(1, 11)]


def iucn(tmp_path: Path, item_class: str = "statutes") -> Meeting:
    session = meeting(tmp_path, IUCN_MEMBERS, IUCN_RULES, IUCN_TYPES, item_class)
    return session.run("present " + " ".join(STATES + NGOS), "begin", "open motion")


def test_a_chamber_sinks_an_overall_two_thirds(tmp_path: Path) -> None:
    # Overall 2 x 3 + 10 = 16 votes of 22 in favour (more than two-thirds), but the States
    # vote 6 to 6: short of the two-thirds they need on their own.
    outcome = roll_call(iucn(tmp_path), ["st-1", "st-2", *NGOS], ["st-3", "st-4"])
    assert outcome.result == "lost"
    assert outcome.votes is not None and (outcome.votes.yes, outcome.votes.no) == (16, 6)
    assert outcome.chambers is not None
    states, ngos = outcome.chambers
    assert (states.result, states.required, ngos.result) == ("lost", 8, "carried")
    assert outcome_words(outcome).startswith(
        "Chamber A (States): 2 in favour, 2 against, 0 abstentions, with 6, 6 and 0 votes; "
        "8 votes needed (two-thirds of the 12 votes cast): lost; Chamber B (NGOs): "
    )
    assert outcome_words(outcome).endswith("(two-thirds of the 22 votes cast, and in each chamber) — lost")


def test_each_chamber_on_exactly_two_thirds_carries(tmp_path: Path) -> None:
    # States 2 to 1 (6 votes to 3: exactly two-thirds), NGOs 2 to 1 with the rest abstaining.
    session = iucn(tmp_path)
    outcome = roll_call(session, ["st-1", "st-2", "ngo-1", "ngo-2"], ["st-3", "ngo-3"], ["st-4", *NGOS[3:]])
    assert outcome.chambers is not None
    assert [c.result for c in outcome.chambers] == ["carried", "carried"]
    assert outcome.result == "carried"


def test_a_class_electorate_votes_alone(tmp_path: Path) -> None:
    session = iucn(tmp_path, "states-only")
    session.run("move by st-1 seconded st-2", "roll-call")
    refused = session.refuse("yes ngo-1")
    assert refused.code == "vote.outside-electorate"
    assert len(session.state.pending.poll.entitled) == 4  # type: ignore[union-attr]
    session.run("yes st-1 st-2", "no st-3 st-4", "close")
    outcome = outcome_of(session)
    # More than half of the States' 12 votes: 6 is not enough.
    assert (outcome.result, outcome.base, outcome.votes.base if outcome.votes else None) == ("lost", 4, 12)


# ── chambers weighing alike whatever attends (Fairtrade: producers 50 %, the rest 50 %) ──

FAIRTRADE_RULES = """\
[rules.chambers.producers]
name = "Producer networks"
regions = ["p"]
weight = "1/2"

[rules.chambers.nfos]
name = "National Fairtrade organisations"
regions = ["n"]
weight = "1/2"

[rules.classes.ordinary]
more_than = "1/2"

[rules.classes.statutes]
at_least = "2/3"
"""
FAIRTRADE_MEMBERS = [
    {"id": "clac", "name": "CLAC", "region": "p"},
    {"id": "fta", "name": "Fairtrade Africa", "region": "p"},
    *({"id": f"nfo-{n}", "name": f"NFO {n}", "region": "n"} for n in range(1, 7)),
]


def test_chambers_weighing_half_each_carry_a_minority_of_heads(tmp_path: Path) -> None:
    session = meeting(tmp_path, FAIRTRADE_MEMBERS, FAIRTRADE_RULES)
    session.run("present clac fta " + " ".join(f"nfo-{n}" for n in range(1, 7)), "begin", "open motion")
    # Producers 2 of 2 in favour (1/2 of the whole), NFOs 2 of 6 (1/6): 2/3 exactly.
    outcome = roll_call(session, ["clac", "fta", "nfo-1", "nfo-2"], ["nfo-3", "nfo-4", "nfo-5", "nfo-6"])
    assert outcome.votes is not None
    assert (outcome.votes.yes, outcome.votes.base, outcome.required) == (Fraction(2, 3), 1, Fraction(2, 3))
    assert outcome.result == "carried"


# ── the seats eligible to vote (African Union), and restoring a vote (UN Charter Art. 19) ──

AU_RULES = """\
[rules]
restore_standing = true

[rules.quorum]
at_least = "2/3"

[rules.classes.ordinary]
more_than = "1/2"

[rules.classes.statutes]
at_least = "2/3"
of = "eligible"
"""
AU_MEMBERS = [
    {"id": f"ms-{n}", "name": f"Member State {n}", "region": "au", **({"good_standing": False} if n > 6 else {})}
    for n in range(1, 10)
]


def au(tmp_path: Path) -> Meeting:
    session = meeting(tmp_path, AU_MEMBERS, AU_RULES)
    return session.run("present " + " ".join(f"ms-{n}" for n in range(1, 10)), "begin", "open motion")


def test_an_eligible_base_is_not_the_quorum_s(tmp_path: Path) -> None:
    session = au(tmp_path)
    assert quorum_status(session.state).needed == 6  # two-thirds of all 9 members
    # Two-thirds of the 6 eligible is 4: carried with 4, where all 9 seats would need 6.
    outcome = roll_call(session, ["ms-1", "ms-2", "ms-3", "ms-4"], ["ms-5", "ms-6"])
    assert (outcome.result, outcome.base, outcome.required) == ("carried", 6, 4)
    assert "4 needed (two-thirds of the 6 seats eligible to vote)" in outcome_words(outcome)


def test_a_restored_vote_counts_among_the_eligible(tmp_path: Path) -> None:
    session = au(tmp_path)
    session.run("restore ms-7")
    assert session.refuse("restore ms-7").code == "restore.may-vote"
    # Eligible now 7: two-thirds is 14/3, so 4 in favour fall short and 5 carry.
    outcome = roll_call(session, ["ms-1", "ms-2", "ms-3", "ms-4"], ["ms-5", "ms-6", "ms-7"])
    assert (outcome.result, outcome.base, outcome.required) == ("lost", 7, Fraction(14, 3))


def test_a_member_in_arrears_does_not_vote_unless_restored(tmp_path: Path) -> None:
    session = au(tmp_path)
    session.run("move by ms-1 seconded ms-2", "roll-call")
    assert session.refuse("yes ms-8").code == "vote.not-in-good-standing"


def test_restoring_is_for_rules_that_allow_it(tmp_path: Path) -> None:
    session = meeting(tmp_path, AU_MEMBERS, AU_RULES.replace("restore_standing = true", ""))
    session.run("present " + " ".join(f"ms-{n}" for n in range(1, 10)), "begin")
    assert session.refuse("restore ms-7").code == "restore.not-allowed"


# ── a quorum per class, and what its failure does ─────────────────────────────

QUORUM_RULES = """\
[rules.quorum]
at_least = 3

[rules.classes.ordinary]
more_than = "1/2"

[rules.classes.statutes]
more_than = "1/2"

[rules.classes.statutes.quorum]
at_least = "1/2"
on_failure = "{failure}"
{requests}
"""
TEN = [{"id": f"m-{n}", "name": f"Member {n}", "region": "r"} for n in range(1, 11)]


def class_quorum(tmp_path: Path, failure: str, requests: str = "") -> Meeting:
    session = meeting(tmp_path, TEN, QUORUM_RULES.format(failure=failure, requests=requests))
    return session.run("present " + " ".join(f"m-{n}" for n in range(1, 11)), "begin", "open motion")


def test_a_class_quorum_short_makes_the_vote_void(tmp_path: Path) -> None:
    # 4 of 10 take part, 5 needed: void, whatever the count.
    outcome = roll_call(class_quorum(tmp_path, "void"), ["m-1", "m-2", "m-3"], ["m-4"])
    assert outcome.result == "void"
    assert outcome.quorum is not None and (outcome.quorum.took_part, outcome.quorum.required) == (4, 5)
    assert outcome_words(outcome).endswith(
        "quorum of the class: 4 of 10 voting seats took part (5 needed) — void: too few took part"
    )


def test_a_class_quorum_met_exactly_counts(tmp_path: Path) -> None:
    outcome = roll_call(class_quorum(tmp_path, "void"), ["m-1", "m-2", "m-3"], ["m-4", "m-5"])
    assert outcome.result == "carried" and outcome.quorum is not None and outcome.quorum.met


def test_a_decision_short_of_its_quorum_stands_unless_a_postal_ballot_is_asked(tmp_path: Path) -> None:
    session = class_quorum(tmp_path, "postal_ballot", "postal_ballot_requests = 3")
    outcome = roll_call(session, ["m-1", "m-2", "m-3"], ["m-4"])
    assert outcome.result == "carried" and outcome.quorum is not None and outcome.quorum.requests_needed == 3
    assert outcome_words(outcome).endswith("— carried unless 3 members ask for a postal ballot")
    number = max(session.state.motions)
    session.run(f"postal-ballot {number} by m-5 m-6")
    assert session.state.motions[number].status == "carried"
    assert session.refuse(f"postal-ballot {number} by m-6").code == "postal.already-asked"
    session.run(f"postal-ballot {number} by m-7")
    assert session.state.motions[number].status == "postal_ballot"


# ── a quorum to open (UN General Assembly, rule 67) ───────────────────────────


def test_a_third_opens_the_meeting_and_a_majority_decides(tmp_path: Path) -> None:
    rules = '[rules.quorum]\nmore_than = "1/2"\nopen_at_least = "1/3"\n\n[rules.classes.statutes]\nmore_than = "1/2"\n\n[rules.classes.ordinary]\nmore_than = "1/2"\n'
    session = meeting(tmp_path, TEN, rules)
    session.run("present m-1 m-2")
    assert session.refuse("begin").code == "quorum.cannot-open"
    session.run("present m-3 m-4", "begin", "open motion", "move by m-1 seconded m-2")
    assert session.refuse("roll-call").code == "quorum.lost"
    session.run("present m-5 m-6", "roll-call")


# ── what cannot be decided is refused where it is written ─────────────────────


def codes_at(
    tmp_path: Path, members: list[dict[str, object]], rules: str, extra: str = "", item_class: str = "statutes"
) -> dict[str, tuple[str, int]]:
    files = {
        "council.toml": council(members, rules, extra),
        "test-meeting.toml": AGENDA.format(chair=members[0]["id"], item_class=item_class),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    loaded = load(tmp_path / "test-meeting.toml")
    return {d.code: (Path(d.path).name, d.line) for d in loaded.diagnostics}


@pytest.mark.parametrize(
    ("change", "code", "key"),
    [
        (('types = ["ngo"]', 'types = ["state"]'), "chamber.overlap", 'types = ["state"]'),
        (('types = ["ngo"]', 'regions = ["w"]'), "chamber.seat-in-two", None),
        (
            ("in_each_chamber = true", 'in_each_chamber = true\ntie = "casting_vote"'),
            "class.tie-weighted",
            'tie = "casting_vote"',
        ),
        (
            ('at_least = "2/3"\nin_each_chamber', "at_least = 9\nin_each_chamber"),
            "class.count-in-chambers",
            "at_least = 9",
        ),
        (('chambers = ["a"]', 'chambers = ["c"]'), "chamber.unknown", 'chambers = ["c"]'),
        (('electorate = { chambers = ["a"] }', "electorate = {}"), "electorate.empty", "electorate = {}"),
    ],
)
def test_impossible_combinations_are_located(
    tmp_path: Path, change: tuple[str, str], code: str, key: str | None
) -> None:
    rules = IUCN_RULES.replace(*change)
    found = codes_at(tmp_path, IUCN_MEMBERS, rules, IUCN_TYPES)
    assert code in found, found
    if key is not None:
        lines = (tmp_path / "council.toml").read_text(encoding="utf-8").splitlines()
        assert key in lines[found[code][1] - 1]


def test_chambers_must_hold_every_seat_and_weigh_one_whole(tmp_path: Path) -> None:
    rules = FAIRTRADE_RULES.replace('regions = ["n"]\nweight = "1/2"', 'regions = ["n"]\nweight = "1/3"')
    assert "chamber.weights-sum" in codes_at(tmp_path, FAIRTRADE_MEMBERS, rules)
    rules = FAIRTRADE_RULES.replace('regions = ["n"]', 'regions = ["p"]')
    found = codes_at(tmp_path, FAIRTRADE_MEMBERS, rules)
    assert {"chamber.overlap", "chamber.seat-outside"} <= found.keys()


def test_a_weighted_class_is_not_decided_by_secret_ballot(tmp_path: Path) -> None:
    files = {
        "council.toml": council(ICA_MEMBERS, ICA_RULES),
        "test-meeting.toml": AGENDA.format(chair="ar-1", item_class="statutes").replace(
            '"roll_call"', '"secret_ballot"'
        ),
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert "class.weighted-ballot" in {d.code for d in load(tmp_path / "test-meeting.toml").diagnostics}


def test_a_cap_per_country(tmp_path: Path) -> None:
    members = [dict(m, country="Kenya") for m in ICA_MEMBERS[:3]] + ICA_MEMBERS[3:]
    found = codes_at(tmp_path, members, ICA_RULES + "\n[rules.per_country]\nseats_at_most = 2\nvotes_at_most = 7\n")
    assert {"country.seats-over-cap", "country.votes-over-cap"} <= found.keys()


def test_an_opening_quorum_above_the_quorum_is_refused(tmp_path: Path) -> None:
    rules = '[rules.quorum]\nat_least = 3\nopen_at_least = 4\n\n[rules.classes.statutes]\nmore_than = "1/2"\n\n[rules.classes.ordinary]\nmore_than = "1/2"\n'
    assert "rules.open-above-quorum" in codes_at(tmp_path, TEN, rules)


def test_notice_depends_on_who_proposes(tmp_path: Path) -> None:
    rules = '[rules.classes.ordinary]\nmore_than = "1/2"\n\n[rules.classes.statutes]\nmore_than = "1/2"\nnotice_days = 120\nnotice_days_from = { council = 120, members = 180 }\n'
    files = {
        "council.toml": council(TEN, rules),
        "test-meeting.toml": AGENDA.format(chair="m-1", item_class="statutes").replace(
            'text = "That the statutes be amended."',
            'text = "That the statutes be amended."\nnotice_given = 2027-01-01\nproposed_by = "{who}"',
        ),
    }
    found = {}
    for who in ("council", "members", "nobody"):
        (tmp_path / "council.toml").write_text(files["council.toml"], encoding="utf-8")
        (tmp_path / "test-meeting.toml").write_text(files["test-meeting.toml"].replace("{who}", who), encoding="utf-8")
        found[who] = {d.code: d.message for d in load(tmp_path / "test-meeting.toml").diagnostics}
    # 160 days before the meeting: enough from the council, short from members.
    assert "notice.short" not in found["council"]
    assert "the rules require 180" in found["members"]["notice.short"]
    assert "notice.unknown-proposer" in found["nobody"]


# ── the example councils: each script's decisive votes, and its committed minutes ──

EXAMPLES = sorted((REPO / "agendas" / "examples").glob("*/*.script"))
MINUTES_FILES = ("minutes.toml", "minutes.json", "minutes.md", "minutes.html", "minutes.docx", "votes.csv")


def test_there_are_three_example_councils() -> None:
    assert [script.parent.name for script in EXAMPLES] == ["au-like", "fairtrade-like", "iucn-like"]


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda path: path.parent.name)
def test_an_example_replays_into_its_committed_journal_and_minutes(script: Path, tmp_path: Path) -> None:
    committed = REPO / "minutes" / script.stem
    journal = tmp_path / "journal.jsonl"
    assert main(["replay", str(script.with_suffix(".toml")), str(script), "--journal", str(journal)]) == 0
    assert journal.read_bytes() == (committed / "journal.jsonl").read_bytes(), "run `make minutes`"
    assert main(["minutes", str(committed / "journal.jsonl"), "-o", str(tmp_path / "out")]) == 0
    for name in MINUTES_FILES:
        assert (tmp_path / "out" / name).read_bytes() == (committed / name).read_bytes(), f"{name}: run `make minutes`"


def _example_results(name: str) -> list[tuple[str, str | None]]:
    script = next(s for s in EXAMPLES if s.parent.name == name)
    state = read(REPO / "minutes" / script.stem / "journal.jsonl").state
    assert state is not None
    return [(m.status, m.outcome.result if m.outcome else None) for m in state.motions.values()]


def test_the_examples_decide_on_their_thresholds() -> None:
    # IUCN-like: carried on Chamber A's exact two-thirds; sunk by Chamber A; the States alone;
    # short of the class's quorum, sent to a postal ballot.
    assert _example_results("iucn-like") == [
        ("carried", "carried"),
        ("lost", "lost"),
        ("carried", "carried"),
        ("postal_ballot", "carried"),
    ]
    # Fairtrade-like: two-thirds of the weighted votes exactly; void, then carried.
    assert _example_results("fairtrade-like") == [("carried", "carried"), ("void", "void"), ("carried", "carried")]
    # AU-like: on the least counts of the eligible seats.
    assert _example_results("au-like") == [("carried", "carried"), ("carried", "carried")]


def test_one_vote_needed_is_said_in_the_singular() -> None:
    """ "1 votes needed" (found by a parliamentarian's run)."""
    assert (_votes_needed_words("at_least", Fraction(1), 1), _votes_needed_words("at_least", Fraction(8), 8)) == (
        "1 vote",
        "8 votes",
    )


def test_consent_cannot_carry_what_every_chamber_voting_yes_would_not(tmp_path: Path) -> None:
    """Consent was checked by heads: with no State present, the NGOs' consent carried a
    statute that needs two-thirds in each chamber (found by a parliamentarian)."""
    ngos_first = [*IUCN_MEMBERS[4:], *IUCN_MEMBERS[:4]]  # an NGO in the chair
    session = meeting(tmp_path, ngos_first, IUCN_RULES, IUCN_TYPES, "statutes")
    session.run("present " + " ".join(NGOS), "begin", "open motion", "move by ngo-2 seconded ngo-3")
    assert session.refuse("agreed").code == "consent.falls-short"
    assert roll_call_on_pending(session, NGOS).result == "lost"  # as every one of them voting yes


def roll_call_on_pending(session: Meeting, yes: list[str]) -> Outcome:
    session.run("roll-call", f"yes {' '.join(yes)}", "close")
    return outcome_of(session)
