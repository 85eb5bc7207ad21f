"""Elections in a meeting, through the command language: nominations, ballots, the tellers'
report, the result counted by the method, every refusal with its rule, undo of each command,
lots that replay, the chair taken by a newly elected chair, and the minutes' tellers' reports."""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting.domain import events as ev
from meeting.domain.elections.conduct import election_verbs_in_order
from meeting.domain.elections.ranked import RankedCount
from meeting.domain.elections.rounds import BallotRound
from meeting.domain.procedure import motions_in_order
from meeting.domain.reading import fold
from meeting.minutes.model import minutes_of
from meeting.report import describe
from meeting.session import read_meeting
from tests.conftest import REPO
from tests.kit import ALL_SEATS, Meeting, in_session, start

COUNCIL = (REPO / "agendas" / "ic-asm" / "council.toml").as_posix()

AGENDA = f"""\
id = "elections-test"
title = "Elections"
start = 2026-12-10T12:00:00
time_zone = "UTC"
duration_minutes = 120
language = "en"
chair = "tz-1"
secretary = "sec-1"
council = "{COUNCIL}"

[rules.elections.fptp]
method = "plurality"
ties = "lots"

[rules.elections.irv]
method = "instant_runoff"

[[items]]
id = "opening"
title = "Opening"
minutes = 5

[[items]]
id = "officers"
title = "Election of the officers"
kind = "election"
minutes = 60
vote = "secret_ballot"
class = "procedural"

[[items.elections]]
id = "chair"
office = "Chair"
method = "officers"
seconded = true
takes_chair = true

[[items.elections]]
id = "bureau"
office = "Bureau"
seats = 3
method = "council-seats"
nominations = "list"
candidates = ["gh-1", "sl-1", "zw-1", "cm-1", "ke-1"]
gender_at_least = {{ F = 1 }}

[[items.elections]]
id = "latam"
office = "Focal point for Latin America"
region = "latin-america"
method = "fptp"

[[items.elections]]
id = "rapporteur"
office = "Rapporteur"
method = "irv"
"""


def officers(tmp_path: Path, present: tuple[str, ...] = ALL_SEATS) -> Meeting:
    meeting = start(tmp_path, files={"agenda.toml": AGENDA})
    return meeting.run(f"present {' '.join(present)}", "begin", "open officers")


def test_a_chair_is_elected_in_two_rounds_and_takes_the_chair(tmp_path: Path) -> None:
    meeting = officers(tmp_path)
    meeting.run(
        "nominate ke-1 by gh-1 seconded sl-1",
        "nominate co-1 by pe-1",
        "second-nomination co-1 by bo-1",
        "nominate zw-1 by zm-1 seconded cm-1",
        "accept ke-1",
        "close-nominations",
        "round",
        "tellers ke-1 9 co-1 8 zw-1 3 blank 1",
        "result",
    )
    chair = meeting.state.elections["chair"]
    first = chair.rounds[0].result
    assert isinstance(first, BallotRound)
    assert (first.votes_cast, first.necessary, first.elected) == (20, 11, ())
    assert [(d.candidate, d.outcome, d.reason) for d in first.decisions] == [("zw-1", "excluded", "lowest")]
    assert meeting.state.chair == "tz-1"
    meeting.run("round", "tellers ke-1 12 co-1 9", "result")
    chair = meeting.state.elections["chair"]
    assert chair.rounds[1].candidates == ("ke-1", "co-1")
    assert chair.elected == ("ke-1",) and chair.complete
    assert meeting.state.chair == "ke-1"  # the rules say the chair elected takes the chair
    meeting.run("undo")
    assert meeting.state.chair == "tz-1" and meeting.state.elections["chair"].elected == ()
    assert meeting.refuse("round").code == "round.already-open"


def test_a_nomination_is_told_with_its_seconder(tmp_path: Path) -> None:
    """The console's log and acknowledgement say who seconded a nomination, as the minutes do."""
    meeting = officers(tmp_path)
    meeting.run("nominate ke-1 by gh-1 seconded sl-1", "nominate co-1 by pe-1")
    seconded, alone = (r.event for r in meeting.session.recorded[-2:])
    assert describe(seconded, meeting.state) == (
        "Otieno Wafula-Achieng nominated by Ama Serwaa Boatemaa, seconded by Foday Kamanda-Lewis"
    )
    assert describe(alone, meeting.state) == "Wilmer Restrepo-Quiñones nominated by Yolanda Huamaní-Ccori"


def test_nominations_follow_the_elections_rules(tmp_path: Path) -> None:
    meeting = officers(tmp_path)
    meeting.run("nominate ke-1 by gh-1")
    assert meeting.state.elections["chair"].standing == ()  # awaits its seconder
    assert meeting.refuse("close-nominations").code == "nomination.nobody-standing"
    refused = meeting.refuse("second-nomination ke-1 by gh-1")
    assert (refused.code, refused.col) == ("nomination.own-second", 27)
    meeting.run("second-nomination ke-1 by sl-1")
    assert meeting.refuse("second-nomination ke-1 by zw-1").code == "nomination.already-seconded"
    assert meeting.refuse("nominate ke-1 by zw-1 seconded zm-1").code == "nomination.already"
    meeting.run("decline ke-1")
    assert meeting.refuse("accept ke-1").code == "nomination.none"
    assert meeting.refuse("nominate bo-1 for bureau by zw-1").code == "nomination.list"
    refused = meeting.refuse("nominate gh-1 for latam by bo-1")
    assert (refused.code, refused.params["region"], refused.col) == ("candidate.other-region", "latin-america", 10)
    assert meeting.refuse("nominate co-1 by obs-1").code == "member.observer"
    assert meeting.refuse("round").code == "nomination.open"
    meeting.run("nominate co-1 by pe-1 seconded bo-1", "accept co-1")
    assert meeting.refuse("accept co-1").code == "nomination.already-answered"
    meeting.run("close-nominations")
    assert meeting.state.elections["chair"].candidates == ("co-1",)
    assert meeting.refuse("nominate pe-1 for chair by bo-1 seconded co-1").code == "nomination.closed"
    # Named no election, a nomination goes to the first still taking them from the floor (the
    # bureau's list is closed before the meeting): Latin America's focal point.
    meeting.run("nominate pe-1 by bo-1 seconded co-1")
    assert meeting.state.elections["latam"].standing == ("pe-1",)
    meeting.run("round")  # named no election either: the one ready for a ballot, the chair's
    assert meeting.state.elections["chair"].open_round is not None


def test_the_tellers_report_cannot_exceed_the_ballots_possible(tmp_path: Path) -> None:
    present = tuple(s for s in ALL_SEATS if s not in ("br-1", "hn-1", "mg-1"))  # 18 here
    meeting = officers(tmp_path, present)
    meeting.run("apologies br-1", "proxy br-1 to pe-1")  # 18 here, one proxy: 19 ballots
    meeting.run("nominate ke-1 by gh-1 seconded sl-1", "nominate co-1 by pe-1 seconded bo-1", "close-nominations")
    meeting.run("round")
    opened = meeting.state.elections["chair"].open_round
    assert opened is not None and (opened.voters, opened.proxies) == (18, 1)
    refused = meeting.refuse("tellers ke-1 10 co-1 9 invalid 1")
    assert (refused.code, refused.params) == ("tellers.too-many-ballots", {"papers": 20, "possible": 19})
    refused = meeting.refuse("tellers ke-1 10 zw-1 9")
    assert (refused.code, refused.col) == ("tellers.not-a-candidate", 17)
    assert meeting.refuse("tellers ke-1 10 ke-1 9").code == "member.repeated"
    assert meeting.refuse("result").code == "round.no-report"
    assert meeting.refuse("withdraw-candidacy co-1").code == "candidacy.ballot-open"
    assert meeting.refuse("next").code == "election.round-open"
    assert meeting.refuse("paper ke-1 co-1").code == "round.not-ranked"
    meeting.run("tellers ke-1 10 co-1 8 blank 1", "tellers ke-1 9 co-1 9 invalid 1")  # corrected before the result
    meeting.run("result")
    result = meeting.state.elections["chair"].rounds[0].result
    assert isinstance(result, BallotRound)
    assert (result.votes, result.invalid, result.votes_cast, result.necessary) == ({"ke-1": 9, "co-1": 9}, 1, 19, 10)
    assert result.elected == ()
    meeting.run("withdraw-candidacy co-1", "round")
    assert meeting.state.elections["chair"].open_round.candidates == ("ke-1",)  # type: ignore[union-attr]


def test_nothing_interrupts_a_ballot_while_there_is_a_quorum(tmp_path: Path) -> None:
    """A chair adjourned with a ballot out: it stayed open for good, its result never to be
    declared (found by a chair). A recess, a motion or adjournment wait for the result; without
    a quorum the meeting may still recess or adjourn."""
    meeting = officers(tmp_path)
    meeting.run("nominate ke-1 by gh-1 seconded sl-1", "nominate co-1 by pe-1 seconded bo-1", "close-nominations")
    meeting.run("round")
    assert motions_in_order(meeting.state) == ["point_of_order"]  # the console's panel listed them all
    for line in ("adjourn", "recess 5", "move by ke-1 seconded gh-1", 'note "Tellers are counting."'):
        if line.startswith("note"):
            meeting.run(line)
        else:
            assert (meeting.refuse(line).code, meeting.state.phase) == ("election.round-open", "in_session")
    meeting.run(f"leave {' '.join(ALL_SEATS[-11:])}", "recess 10")
    assert meeting.state.phase == "in_recess"


def test_a_tie_in_a_plurality_is_broken_by_lots_recorded_and_replayed(tmp_path: Path) -> None:
    lines = ("nominate co-1 for latam by pe-1", "nominate bo-1 for latam by hn-1", "close-nominations for latam")
    results = []
    for run in ("one", "two"):
        folder = tmp_path / run
        folder.mkdir()
        meeting = officers(folder)
        meeting.run(*lines, "round for latam", "tellers co-1 10 bo-1 10 blank 1", "result")
        declared = meeting.session.recorded[-1].event
        assert isinstance(declared, ev.ResultDeclared) and declared.ballot is not None
        (decision,) = declared.ballot.decisions
        assert decision.tie is not None and decision.tie.by == "lots"
        assert decision.tie.lot is not None and set(decision.tie.lot.among) == {"co-1", "bo-1"}
        assert decision.candidate == decision.tie.lot.order[0]
        assert fold(meeting.session.recorded).elections["latam"] == meeting.state.elections["latam"]
        results.append(declared.ballot)
    assert results[0] == results[1]  # a script draws from the journal's hash: the same lots


def test_plurality_and_runoff_rounds_read_back_from_the_journal(tmp_path: Path) -> None:
    """A round with no majority to reach (plurality, run-off) was written without its
    `necessary` and refused by the journal's reader: the meeting could be neither minuted nor
    resumed (found by a parliamentarian)."""
    meeting = officers(tmp_path)
    meeting.run(
        "nominate co-1 for latam by pe-1",
        "nominate bo-1 for latam by hn-1",
        "close-nominations for latam",
        "round for latam",
        "tellers co-1 12 bo-1 9",
        "result",
    )
    state, recorded, problems = read_meeting(meeting.session.journal.path)
    assert problems == [] and state is not None
    assert state.elections["latam"] == meeting.state.elections["latam"]
    assert len(recorded) == len(meeting.session.recorded)


def test_an_stv_election_from_typed_papers_keeps_the_composition_rule(tmp_path: Path) -> None:
    meeting = officers(tmp_path)
    meeting.run("close-nominations for bureau", "round for bureau")
    refused = meeting.refuse("tellers gh-1 3")
    assert refused.code == "tellers.ranked-round"
    # Men lead on first preferences; the rule "at least one woman" (gh-1 is the only woman) acts.
    meeting.run(
        "paper ke-1 sl-1 zw-1 times 6",
        "paper sl-1 ke-1 times 5",
        "paper zw-1 cm-1 times 5",
        "paper cm-1 zw-1 times 3",
        "paper gh-1 times 1",
        "tellers blank 1",
    )
    refused = meeting.refuse("paper ke-1 times 1")
    assert refused.code == "tellers.too-many-ballots"
    meeting.run("result")
    bureau = meeting.state.elections["bureau"]
    count = bureau.rounds[0].result
    assert isinstance(count, RankedCount)
    assert count.valid == 20 and count.quota == 6
    assert "gh-1" in count.elected and len(count.elected) == 3
    acted = [a for s in count.stages for a in s.composition]
    assert acted and all(a.condition == "F" for a in acted)
    assert bureau.complete
    minutes = minutes_of(meeting.state, meeting.session.recorded)
    (record,) = [e for e in minutes.elections if e.id == "bureau"]
    sheet = record.rounds[0].count
    assert sheet is not None and sheet.quota == 6 and len(sheet.stages) == len(count.stages)
    assert any("composition rule acted" in line for line in record.rounds[0].explanations)


def test_a_command_naming_no_election_goes_to_the_one_at_its_stage(tmp_path: Path) -> None:
    """`election_for`, which the engine and the forms' election field share: on an item of
    several elections, a paper goes to the ballot open, a nomination to one taking them."""
    from meeting.domain.elections.conduct import election_for

    meeting = officers(tmp_path).run("close-nominations for bureau")

    def goes_to(verb: str) -> str | None:
        election = election_for(meeting.state, verb)
        return election.id if election else None

    assert goes_to("round") == "bureau"  # the chair's nominations are still open
    meeting.run("round")
    assert [goes_to(verb) for verb in ("paper", "result", "nominate", "withdraw-candidacy")] == [
        "bureau",
        "bureau",
        "chair",
        "chair",
    ]


def test_a_typed_paper_is_told_with_its_ranking(tmp_path: Path) -> None:
    """What the log shows and the undo question asks: which paper, and how many of it."""
    meeting = officers(tmp_path).run("close-nominations for bureau", "round for bureau", "paper ke-1 sl-1 times 3")
    assert describe(meeting.session.recorded[-1].event, meeting.state) == (
        "3 identical ballot papers entered: Otieno Wafula-Achieng › Foday Kamanda-Lewis"
    )
    meeting.run("paper zw-1")
    assert describe(meeting.session.recorded[-1].event, meeting.state) == "1 ballot paper entered: Tendai Mashiri-Ncube"


def test_papers_are_read_from_a_blt_file(tmp_path: Path) -> None:
    meeting = officers(tmp_path)
    blt = tmp_path / "rapporteur.blt"
    blt.write_text('3 1\n4 1 2 0\n3 2 3 0\n3 3 2 0\n1 0\n0\n"zm-1"\n"Grace Nabirye-Okello"\n"pe-1"\n', "utf-8")
    meeting.run(
        "nominate zm-1 for rapporteur by ke-1",
        "nominate ug-1 for rapporteur by ke-1",
        "nominate pe-1 for rapporteur by ke-1",
        "close-nominations for rapporteur",
        "round for rapporteur",
        f'papers "{blt.as_posix()}"',
    )
    ballot = meeting.state.elections["rapporteur"].open_round
    assert ballot is not None and ballot.paper_count == 10 and ballot.blank == 1
    assert ballot.files[0][0] == blt.as_posix()
    # The log and the undo question say how many papers, and from which file.
    assert describe(meeting.session.recorded[-1].event, meeting.state) == "10 ballot papers read from rapporteur.blt"
    meeting.run("result")
    count = meeting.state.elections["rapporteur"].rounds[0].result
    assert isinstance(count, RankedCount)
    # zm-1 4, ug-1 3, pe-1 3: pe-1 and ug-1 tie for the fewest; either way the other wins 6-4.
    assert count.elected in (("ug-1",), ("pe-1",))
    bad = tmp_path / "bad.blt"
    bad.write_text("3 1\n4 1 2\n", "utf-8")
    meeting.run("undo", "undo")
    refused = meeting.refuse(f'papers "{bad.as_posix()}"')
    assert refused.code == "round.file-problem" and refused.params["line"] == 2
    other = tmp_path / "other.blt"
    other.write_text('2 1\n1 1 0\n0\n"zm-1"\n"Ama Serwaa Boatemaa"\n', "utf-8")
    refused = meeting.refuse(f'papers "{other.as_posix()}"')
    assert (refused.code, refused.params["name"]) == ("round.file-candidate", "Ama Serwaa Boatemaa")


ELECTION_LINES = [
    "nominate ke-1 by gh-1",
    "second-nomination ke-1 by sl-1",
    "nominate co-1 by pe-1 seconded bo-1",
    "nominate zw-1 by zm-1 seconded cm-1",
    "accept ke-1",
    "decline zw-1",
    "withdraw-candidacy co-1",
    "nominate co-1 by pe-1 seconded bo-1",
    "close-nominations",
    "round",
    "tellers ke-1 9 co-1 9 blank 1",
    "result",
    "round",
    "tellers ke-1 12 co-1 8",
    "result",
]


@pytest.mark.parametrize("upto", range(1, len(ELECTION_LINES) + 1))
def test_every_election_command_is_undone_exactly(tmp_path: Path, upto: int) -> None:
    meeting = officers(tmp_path)
    meeting.run(*ELECTION_LINES[: upto - 1])
    before = dict(meeting.state.elections)
    chair = meeting.state.chair
    meeting.run(ELECTION_LINES[upto - 1])
    assert meeting.state.elections != before
    meeting.run("undo")
    assert meeting.state.elections == before and meeting.state.chair == chair
    assert fold(meeting.session.recorded).elections == meeting.state.elections
    meeting.run(ELECTION_LINES[upto - 1])


def test_the_demo_minutes_give_each_round_as_a_tellers_report(demos) -> None:
    minutes = (demos.december / "minutes.md").read_text("utf-8")
    assert "| Number of votes cast | 18 |" in minutes
    assert "| Necessary for election | 10 |" in minutes
    assert "| Mutale Chibwe-Nkonde received | 11 — elected |" in minutes
    assert "Mutale Chibwe-Nkonde: 11 of 19 votes cast, 10 necessary — elected" in minutes


def test_a_nomination_goes_to_the_candidates_own_regions_election(tmp_path: Path) -> None:
    agenda = AGENDA.replace(
        '''[[items.elections]]
id = "rapporteur"''',
        '''[[items.elections]]
id = "focal-point"
office = "Regional focal point"
per_region = true
method = "fptp"

[[items.elections]]
id = "rapporteur"''',
    )
    meeting = start(tmp_path, files={"agenda.toml": agenda})
    meeting.run(f"present {' '.join(ALL_SEATS)}", "begin", "open officers")
    meeting.run("nominate ke-1 by gh-1 seconded sl-1", "close-nominations", "round", "tellers ke-1 20", "result")
    meeting.run("close-nominations for bureau", "round for bureau", "paper gh-1 sl-1 zw-1 times 3", "result")
    meeting.run("nominate bo-1 for latam by pe-1", "close-nominations for latam", "round for latam")
    meeting.run("tellers bo-1 20", "result")
    # The chair, the bureau and Latin America's focal point are elected: the regions' focal points are next.
    meeting.run("nominate co-1 by pe-1", "nominate gh-1 by zm-1")
    elections = meeting.state.elections
    assert elections["focal-point.latin-america"].standing == ("co-1",)
    assert elections["focal-point.anglophone-africa"].standing == ("gh-1",)
    refused = meeting.refuse("nominate bo-1 for focal-point.anglophone-africa by zm-1")
    assert (refused.code, refused.params["region"]) == ("candidate.other-region", "anglophone-africa")


def test_the_commands_in_order_follow_each_elections_stage(tmp_path: Path) -> None:
    """What the console offers on the election screen: each command of the demo's election is
    in order when the chair gives it; one out of its stage is not, and the engine refuses it."""
    meeting = in_session(tmp_path, item="rapporteur")
    nominating = {"nominate", "second-nomination", "accept", "decline", "withdraw-candidacy", "close-nominations"}
    assert election_verbs_in_order(meeting.state) == nominating
    assert meeting.refuse("round").code == "nomination.open"
    meeting.run("nominate zm-1 by ke-1 seconded gh-1", "nominate pe-1 by co-1 seconded bo-1", "close-nominations")
    assert election_verbs_in_order(meeting.state) == {"round", "withdraw-candidacy", "reopen-nominations"}
    assert meeting.refuse("nominate ph-1 by id-1 seconded la-1").code == "nomination.closed"
    meeting.run("round")
    assert election_verbs_in_order(meeting.state) == {"tellers"}
    assert meeting.refuse("result").code == "round.no-report"
    meeting.run("tellers zm-1 12 pe-1 8")
    assert election_verbs_in_order(meeting.state) == {"tellers", "result"}
    meeting.run("result")
    assert meeting.state.elections["rapporteur"].complete
    assert election_verbs_in_order(meeting.state) == set()
    assert meeting.refuse("round").code == "election.none"  # none left to hold on the item


def test_the_commands_in_order_on_an_item_of_several_elections(tmp_path: Path) -> None:
    """A list closed before the meeting takes no nomination from the floor; a ranked ballot
    takes papers, then its result; one ballot at a time in the meeting."""
    meeting = officers(tmp_path)
    meeting.run("nominate ke-1 by gh-1 seconded sl-1", "close-nominations for chair")
    meeting.run("nominate co-1 for latam by pe-1", "close-nominations for latam")
    meeting.run("nominate ke-1 for rapporteur by gh-1", "nominate zw-1 for rapporteur by zm-1")
    meeting.run("close-nominations for rapporteur")
    list_answers = {"accept", "decline", "withdraw-candidacy", "close-nominations"}
    assert election_verbs_in_order(meeting.state) == list_answers | {"round", "reopen-nominations"}
    assert meeting.refuse("nominate gh-1 for bureau by sl-1").code == "nomination.list"
    meeting.run("round for rapporteur")
    # (the other elections may still have their nominations reopened)
    assert election_verbs_in_order(meeting.state) == list_answers | {"paper", "papers", "reopen-nominations"}
    assert meeting.refuse("round for chair").code == "round.already-open"
    meeting.run("paper ke-1 times 3")
    assert "result" in election_verbs_in_order(meeting.state)


def test_the_minutes_of_an_open_ballot_do_not_say_nobody_was_elected(tmp_path: Path) -> None:
    """Minutes made while a ballot was out read "Nobody was elected" (found by a parliamentarian's
    run): the ballot is said to be open."""
    meeting = officers(tmp_path)
    meeting.run("nominate co-1 by pe-1 seconded bo-1", "accept co-1", "close-nominations", "round")
    record = minutes_of(meeting.state, meeting.session.recorded, "0" * 64)
    chair = next(e for e in record.elections if e.id == "chair")
    assert chair.words.startswith("Ballot 1 for ") and chair.words.endswith(" is open; nobody is elected yet.")


def test_a_nomination_never_seconded_is_said_to_have_lapsed(tmp_path: Path) -> None:
    """A nomination from the floor without the seconder the election asks was dropped from the
    ballot without a word in the minutes (found by a chair's run)."""
    meeting = officers(tmp_path)
    meeting.run("nominate co-1 by pe-1 seconded bo-1", "nominate br-1 by hn-1", "close-nominations")
    assert meeting.state.elections["chair"].candidates == ("co-1",)
    record = minutes_of(meeting.state, meeting.session.recorded, "0" * 64)
    said = next(e for e in record.elections if e.id == "chair").nominations
    assert [line.endswith("not seconded, so not on the ballot") for line in said] == [False, True]


def test_closing_nominations_names_each_candidate_left_off_the_ballot_for_want_of_a_seconder(tmp_path):
    """The minutes said "not seconded, so not on the ballot", while closing nominations said
    nothing of it: each candidate it leaves off for want of a seconder is a warning."""
    meeting = in_session(tmp_path, item="rapporteur").run(
        "nominate pe-1 by co-1", "nominate zm-1 by ke-1 seconded gh-1", "nominate bo-1 by hn-1"
    )
    accepted = meeting.accept("close-nominations")
    assert [(w.severity, w.code, dict(w.params)) for w in accepted.warnings] == [
        ("warning", "nomination.not-seconded", {"candidate": "pe-1", "election": "rapporteur"}),
        ("warning", "nomination.not-seconded", {"candidate": "bo-1", "election": "rapporteur"}),
    ]
    assert accepted.event.candidates == ["zm-1"]
