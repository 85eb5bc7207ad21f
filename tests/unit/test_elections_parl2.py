"""Elections as a parliamentarian (RONR 12th ed.) checked them, on a small test council of nine
voting seats (tests/data/parl2): the item `elect` holds six elections."""

from __future__ import annotations

from pathlib import Path

from meeting.domain.elections.conduct import election_verbs_in_order
from meeting.domain.elections.rounds import BallotRound
from meeting.election_words import explained
from meeting.minutes.markdown import render
from meeting.minutes.model import minutes_of
from tests.kit import Meeting, start

DATA = Path(__file__).parent.parent / "data" / "parl2"


def elections(tmp_path: Path) -> Meeting:
    files = {name: (DATA / name).read_text(encoding="utf-8") for name in ("council.toml", "agenda.toml")}
    meeting = start(tmp_path, files=files)
    return meeting.run("present n1 n2 n3 s1 s2 s3 e1 e2 sec", "begin", "open elect")


def ballot_open(election: str, *nominations: tuple[str, str]) -> list[str]:
    """Each candidate nominated by a member, nominations closed, and the first ballot opened."""
    lines = [f"nominate {candidate} for {election} by {nominator}" for candidate, nominator in nominations]
    return [*lines, f"close-nominations for {election}", f"round for {election}"]


def minutes_markdown(meeting: Meeting) -> str:
    return render(minutes_of(meeting.state, meeting.session.recorded, "0" * 64))


def last_result(meeting: Meeting, election: str) -> BallotRound:
    result = meeting.state.elections[election].rounds[-1].result
    assert isinstance(result, BallotRound)
    return result


# -- 1. RONR §46:33-34: a tie for the last seat among those with a majority elects neither ----


def test_a_tie_for_the_last_seat_in_a_majority_round_leaves_it_open(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("trio", ("n2", "s1"), ("s2", "e2"), ("e1", "n1"), ("n3", "s2")),
        "tellers n2 6 s2 6 e1 5 n3 5 ballots 8 for trio",
        "result for trio",
    )
    ballot = last_result(meeting, "trio")
    assert set(ballot.elected) == {"n2", "s2"}
    assert set(ballot.tied_for_last) == {"e1", "n3"}
    assert set(ballot.next_candidates) == {"e1", "n3"}
    lines = explained(meeting.state.meeting.council, ballot)
    assert not any("lots" in line for line in lines), lines
    assert any(
        "Gus Est" in line and "Cy Nordin" in line and "next ballot" in line and line.startswith("Tied")
        for line in lines
    ), lines
    meeting.run("round for trio", "tellers e1 5 n3 3 ballots 8 for trio", "result for trio")
    assert last_result(meeting, "trio").elected == ("e1",)
    assert meeting.state.elections["trio"].complete


# -- 2. several seats: the majority's base is the papers, which only the tellers can count -----


def test_a_report_without_ballots_is_refused_when_the_round_fills_several_seats(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("trio", ("n2", "s1"), ("s2", "e2"), ("e1", "n1"), ("n3", "s2")),
    )
    refused = meeting.refuse("tellers n2 6 s2 6 e1 5 n3 5 for trio")
    assert (refused.code, refused.params) == ("tellers.ballots-needed", {"seats": 3})
    meeting.run("tellers n2 6 s2 6 e1 5 n3 5 ballots 8 for trio")


# -- 3. a ballot file cannot withdraw a candidate the meeting did not ---------------------------


def committee_ballot(meeting: Meeting, *withdrawn: str) -> Meeting:
    meeting.run(
        "nominate n2 for cttee by s1",
        "nominate s2 for cttee by e2",
        "nominate e2 for cttee by n1",
        "nominate n3 for cttee by s2",
    )
    meeting.run(*(f"withdraw-candidacy {c} for cttee" for c in withdrawn))
    return meeting.run("close-nominations for cttee", "round for cttee")


def test_a_ballot_file_may_not_mark_withdrawn_a_candidate_on_the_ballot(tmp_path: Path) -> None:
    # committee.blt marks candidate 3, Hana Oste, withdrawn (`-3`).
    blt = (DATA / "committee.blt").as_posix()
    meeting = committee_ballot(elections(tmp_path))
    refused = meeting.refuse(f'papers "{blt}" for cttee')
    assert (refused.code, refused.params["name"]) == ("round.file-withdrawn", "Hana Oste")


def test_a_ballot_file_marks_withdrawn_a_candidate_who_withdrew_in_the_meeting(tmp_path: Path) -> None:
    blt = (DATA / "committee.blt").as_posix()
    meeting = committee_ballot(elections(tmp_path), "e2")
    meeting.run(f'papers "{blt}" for cttee')
    ballot = meeting.state.elections["cttee"].open_round
    assert ballot is not None and all("e2" not in p.ranking for p in ballot.papers)


# -- 5. nobody withdraws from an election whose seats are filled -----------------------------


def test_a_candidate_cannot_withdraw_once_every_seat_is_filled(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("pres", ("n2", "s1"), ("s2", "e2")),
        "tellers n2 5 s2 3 for pres",
        "result for pres",
    )
    assert meeting.state.elections["pres"].complete
    refused = meeting.refuse("withdraw-candidacy s2 for pres")
    assert (refused.code, refused.params) == ("election.complete", {"election": "pres"})


# -- 4. an office is not left unfilled: nominations are reopened (RONR §31, §46) --------------


def everyone_withdraws(meeting: Meeting) -> Meeting:
    return meeting.run(
        *ballot_open("pres", ("n2", "s1"), ("s2", "e2")),
        "tellers n2 3 s2 3 blank 2 for pres",
        "result for pres",
        "withdraw-candidacy s2 for pres",
        "withdraw-candidacy n2 for pres",
    )


def test_when_every_candidate_withdraws_nominations_are_reopened(tmp_path: Path) -> None:
    meeting = everyone_withdraws(elections(tmp_path))
    president = meeting.state.elections["pres"]
    assert not president.complete and president.stalled
    assert meeting.refuse("round for pres").code == "election.nobody-left"
    assert "reopen-nominations" in election_verbs_in_order(meeting.state)
    meeting.run("reopen-nominations for pres", "nominate e2 for pres by n1", "close-nominations for pres")
    meeting.run("round for pres")
    assert meeting.state.elections["pres"].open_round.candidates == ("e2",)  # type: ignore[union-attr]
    meeting.run("tellers e2 6 blank 2 for pres", "result for pres")
    assert meeting.state.elections["pres"].elected == ("e2",)
    text = minutes_markdown(meeting)
    assert "Nominations for President reopened." in text
    assert "Candidates on the first ballot: Bo Nord; Ed Sur." in text
    assert meeting.refuse("reopen-nominations for pres").code == "election.complete"


def test_reopening_needs_closed_nominations_and_no_ballot_out(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run("nominate n2 for pres by s1")
    assert meeting.refuse("reopen-nominations for pres").code == "nomination.not-closed"
    meeting.run("close-nominations for pres", "round for pres")
    assert meeting.refuse("reopen-nominations for pres").code == "election.round-open"


def test_a_reopened_election_keeps_those_still_standing_and_leaves_out_the_elected(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("trio", ("n2", "s1"), ("s2", "e2")),
        "tellers n2 6 s2 3 ballots 8 for trio",
        "result for trio",
        "reopen-nominations for trio",
        *ballot_open("trio", ("e1", "n1"), ("n3", "s2")),
    )
    ballot = meeting.state.elections["trio"].open_round
    assert ballot is not None and (ballot.seats, ballot.candidates) == (2, ("s2", "e1", "n3"))


def test_the_minutes_say_an_office_left_unfilled_remains_to_be_filled(tmp_path: Path) -> None:
    meeting = everyone_withdraws(elections(tmp_path))
    text = minutes_markdown(meeting)
    assert "Nobody was elected President. The office remains to be filled." in text


# -- 6. elections not held or not completed are unfinished business ----------------------------


def test_elections_not_held_are_unfinished_business_and_done_warns(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("pres", ("n2", "s1")),
        "tellers n2 6 blank 2 for pres",
        "result for pres",
    )
    accepted = meeting.accept("done")
    assert [(w.code, w.params) for w in accepted.warnings] == [
        ("item.elections-unfinished", {"elections": ["board", "treas", "cttee", "trio", "duo"]})
    ]
    meeting.run("adjourn")
    text = minutes_markdown(meeting)
    unfinished = text.split("## Unfinished business")[1]
    for office in ("Board", "Treasurer", "Committee", "Trio", "Duo"):
        assert f"The election for {office} was not held." in unfinished
    assert "President" not in unfinished


def test_an_election_with_a_seat_unfilled_is_unfinished_business(tmp_path: Path) -> None:
    meeting = everyone_withdraws(elections(tmp_path)).run("adjourn")
    unfinished = minutes_markdown(meeting).split("## Unfinished business")[1]
    assert "The election for President was not completed." in unfinished


# -- 8. wording --------------------------------------------------------------------------------


def test_one_vote_is_singular_and_one_is_elected_to_a_body(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("treas", ("n2", "s1"), ("s2", "e2"), ("e1", "n1")),
        "paper n2 s2 times 4 for treas",
        "paper s2 times 3 for treas",
        "paper e1 for treas",
        "result for treas",
        *ballot_open("trio", ("n2", "s1"), ("s2", "e2")),
        "tellers n2 6 s2 3 ballots 8 for trio",
        "result for trio",
    )
    text = minutes_markdown(meeting)
    assert "Gus Est: 1 vote, the fewest votes — excluded" in text
    assert "The chair declared Bo Nord elected to the Trio (ballot 1)." in text
    assert "Bo Nord elected to the Trio, after 1 round. 2 seats remain to be filled." in text
    assert "Bo Nord elected Treasurer" in text


# -- 7. the count sheets say what happened at each stage ----------------------------------------


def test_the_stv_count_says_each_stage_and_the_surplus_kept(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("duo", ("n2", "s1"), ("s2", "e2"), ("n3", "e1"), ("e1", "n3")),
        "paper n2 s2 times 4 for duo",
        "paper s2 e1 times 3 for duo",
        "paper n3 times 1 for duo",
        "result for duo",
    )
    text = minutes_markdown(meeting)
    assert "- Stage 2: Gus Est: 3 votes, the composition rule — excluded" in text
    assert "- Stage 1: Ed Sur: 3 votes, the composition rule — excluded" in text
    assert "- Stage 2: the surplus of Bo Nord (1) was not transferred: the last seats were filled." in text
    assert "| Gus Est: first preferences | 0 — excluded at stage 2, with 3 votes |" in text


def test_the_irv_tellers_table_gives_first_preferences(tmp_path: Path) -> None:
    meeting = elections(tmp_path).run(
        *ballot_open("treas", ("n2", "s1"), ("s2", "e2"), ("e2", "n1"), ("n3", "s2")),
        "paper n2 s2 times 3 for treas",
        "paper s2 n2 times 2 for treas",
        "paper e2 times 1 for treas",
        "paper n3 s2 times 1 for treas",
        "tellers blank 1 for treas",
        "result for treas",
    )
    text = minutes_markdown(meeting)
    assert "| Ed Sur: first preferences | 2 — excluded at stage 4, with 3 votes |" in text
    assert "| Bo Nord: first preferences | 3 — elected at stage 4, with 5 votes |" in text
    assert "- Stage 4: Bo Nord: 5 votes, a majority — elected" in text
