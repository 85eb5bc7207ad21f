"""Deciding: counted votes, unanimous consent, consensus, roll calls, secret ballots, ties,
the chair's vote and recusal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from meeting.domain.attendance import entitled_voters, left_off_the_roll
from meeting.domain.decisions import Floor, floor, how_decided, regions_not_heard, roll_call_by_region
from meeting.words import outcome_words
from tests.kit import ALL_SEATS, in_session, start

EVERYONE = " ".join(ALL_SEATS)


def test_counts_above_the_eligible_strength_are_refused(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:15]).run("move by ke-1 seconded gh-1")
    refusal = meeting.refuse("vote 10 5 1")
    assert (refusal.code, refusal.col, refusal.params) == ("vote.too-many", 6, {"votes": 16, "entitled": 15})
    meeting.run("vote 10 4 1")


def test_a_vote_needs_a_second(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1")
    assert meeting.refuse("vote 10 2").code == "motion.not-seconded"
    meeting.run("second gh-1", "vote 10 2")


def test_each_vote_keeps_who_was_entitled(tmp_path):
    meeting = in_session(tmp_path, present=ALL_SEATS[:12]).run("move by ke-1 seconded gh-1", "vote 8 2 1")
    motion = meeting.state.motions[1]
    assert [v.seat for v in motion.entitled] == sorted(ALL_SEATS[:12], key=ALL_SEATS.index)
    assert {v.via for v in motion.entitled} == {"titular"}


def test_unanimous_consent_and_an_objection(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "agreed")
    assert (meeting.state.motions[1].status, meeting.state.motions[1].method) == ("carried", "unanimous_consent")
    meeting.run("next", "move by pe-1 seconded bo-1", "objection cm-1")
    refusal = meeting.refuse("agreed")
    assert (refusal.code, refusal.params) == ("consent.has-objection", {"motion": 2, "by": ["cm-1"]})
    meeting.run("vote 18 1 2")
    assert meeting.state.motions[2].objections == ["cm-1"]
    assert how_decided(meeting.state, meeting.state.motions[2]).path == "vote"


def test_consent_cannot_supply_votes_that_are_not_here(tmp_path):
    """Two-thirds of all 21 seats with 11 present: no objection is not 14 in favour, by
    general consent or by consensus; the chair puts it to a vote, which fails (found by a
    parliamentarian; RONR 4:58)."""
    present = ALL_SEATS[:11]
    meeting = in_session(tmp_path, present=present, item="article-7").run("move by bf-1 seconded zw-1")
    refusal = meeting.refuse("agreed")
    assert (refusal.code, refusal.params) == ("consent.falls-short", {"motion": 1, "entitled": 11})
    meeting.run("consensus")
    assert meeting.refuse("conclude").code == "consensus.falls-short"
    meeting.run("conclude not-reached", "vote 11 0 0")
    assert meeting.state.motions[1].status == "lost"
    # With 14 here, consent carries it: all of them would.
    meeting = in_session(tmp_path / "14", present=ALL_SEATS[:14], item="article-7")
    meeting.run("move by bf-1 seconded zw-1", "consensus", "conclude")
    assert meeting.state.motions[1].status == "carried"


def test_recusal_leaves_the_base_but_counts_for_quorum(tmp_path):
    # 20 present, 1 recused: two-thirds of votes cast, 13-6 carries.
    meeting = in_session(tmp_path, present=ALL_SEATS[:20], item="focal-points")
    meeting.run('recuse cd-2 "Director of a cooperative named in the motion"', "move by ke-1 seconded gh-1")
    meeting.run("consensus", "block bo-1", "conclude")  # the class seeks consensus first
    assert len(entitled_voters(meeting.state, "focal-points")) == 19
    assert meeting.refuse("vote 14 6 0").params == {"votes": 20, "entitled": 19}
    meeting.run("vote 13 6")
    outcome = meeting.state.motions[1].outcome
    assert (outcome.result, outcome.class_id, outcome.base) == ("carried", "ordinary", 19)
    assert meeting.state.items["focal-points"].recusals == {"cd-2": "Director of a cooperative named in the motion"}
    from meeting.domain.attendance import quorum_status

    assert quorum_status(meeting.state).present == 20


def test_a_recused_seat_does_not_vote_through_its_proxy_holder(tmp_path):
    """The interest is the seat's (its association's): the recused titular who leaves and lodges
    a proxy does not vote through the holder, by show of hands or by name (found by a
    parliamentarian: 21-0 with 20 who may vote; RONR 45:4)."""
    meeting = in_session(tmp_path)
    meeting.run('declare br-1 "Her cooperative would gain"', 'recuse br-1 "Direct interest"', "leave br-1")
    meeting.run("proxy br-1 to pe-1", "move by ke-1 seconded gh-1")
    assert meeting.refuse("vote 21 0").params == {"votes": 21, "entitled": 20}
    meeting.run("roll-call")
    assert "br-1" not in {v.seat for v in meeting.state.pending.poll.entitled}
    refusal = meeting.refuse("yes pe-1 for br-1")
    assert (refusal.code, refusal.params) == ("vote.seat-recused", {"id": "pe-1", "seat": "br-1"})
    meeting.run("yes pe-1", "close")
    assert left_off_the_roll(meeting.state, meeting.state.motions[1].entitled, "agenda", "majority") == {
        "br-1": "vote.seat-recused"
    }


def test_a_recused_seat_does_not_vote_through_its_alternate(tmp_path):
    meeting = in_session(tmp_path)
    meeting.run('recuse gh-1 "Direct interest"', "leave gh-1", "present gh-2", "move by ke-1 seconded zm-1")
    assert meeting.refuse("vote 21 0").params == {"votes": 21, "entitled": 20}
    meeting.run("roll-call")
    assert meeting.refuse("yes gh-2").code == "vote.seat-recused"


def test_a_seat_waiting_for_the_ruling_does_not_vote_through_its_proxy_holder(tmp_path):
    meeting = in_session(tmp_path).run('declare br-1 "Her cooperative would gain"', "leave br-1", "proxy br-1 to pe-1")
    meeting.run("move by ke-1 seconded gh-1", "roll-call")
    assert meeting.refuse("yes pe-1 for br-1").code == "vote.seat-interest-not-ruled"


def test_recusal_is_per_item(tmp_path):
    meeting = in_session(tmp_path).run("recuse cd-2", "next")
    assert len(entitled_voters(meeting.state, meeting.state.current)) == 21
    assert meeting.refuse("recuse obs-1").code == "member.observer"


def test_interests_are_declared_at_the_start_or_during_an_item(tmp_path):
    meeting = start(tmp_path).run(
        'declare zm-1 "Would become eligible" on article-7', "present " + EVERYONE, "begin", "open 6"
    )
    meeting.run('declare cd-1 "Her cooperative is a focal point candidate"')
    assert [(i.member, i.item) for i in meeting.state.interests] == [("zm-1", "article-7"), ("cd-1", "focal-points")]


# ── consensus ─────────────────────────────────────────────────────────────────


def test_consensus_without_a_block_adopts(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", "consensus", "aside bo-1", "conclude"
    )
    motion = meeting.state.motions[1]
    assert (motion.status, how_decided(meeting.state, motion).path, motion.consensus.asides) == (
        "carried",
        "consensus",
        ["bo-1"],
    )


def test_a_block_leads_to_a_vote_under_the_class_and_the_record_says_who(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1", "consensus", 'block bo-1 "Regions must choose freely"', "conclude"
    )
    assert meeting.state.motions[1].status == "pending"
    meeting.run("vote 13 7 1")  # 13 < 40/3: lost under two-thirds
    motion = meeting.state.motions[1]
    assert (motion.status, motion.outcome.class_id) == ("lost", "ordinary")
    assert how_decided(meeting.state, motion) == type(how_decided(meeting.state, motion))("vote_after_block", ("bo-1",))


@pytest.mark.parametrize(
    ("on_block", "status", "path"), [("refer", "referred", "referred"), ("majority", "carried", "majority_last_resort")]
)
def test_other_fallbacks_after_a_block(tmp_path, on_block, status, path):
    from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL

    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace('on_block = "vote"', f'on_block = "{on_block}"')
    meeting = start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})
    meeting.run(
        "present " + EVERYONE,
        "begin",
        "open focal-points",
        "move by ke-1 seconded cm-1",
        "consensus",
        "block bo-1",
        "conclude",
    )
    if on_block == "majority":
        meeting.run("vote 11 10")  # a simple majority, as last resort: 11 of 21 would fail two-thirds
        assert meeting.state.motions[1].outcome.class_id == "majority"
    motion = meeting.state.motions[1]
    assert (motion.status, how_decided(meeting.state, motion).path, how_decided(meeting.state, motion).blocked_by) == (
        status,
        path,
        ("bo-1",),
    )


def test_consensus_refusals(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    assert meeting.refuse("block bo-1").code == "consensus.not-called"
    meeting.run("consensus")
    assert meeting.refuse("consensus").code == "consensus.already-called"
    meeting.run("block bo-1")
    assert meeting.refuse("block bo-1").code == "consensus.already-blocked"
    assert meeting.refuse("aside bo-1").code == "consensus.already-aside"
    assert meeting.refuse("block obs-1").code == "member.observer"


# ── roll calls ────────────────────────────────────────────────────────────────


def test_a_roll_call_by_name_and_by_region_with_a_proxy_and_an_alternate(tmp_path):
    present = tuple(s for s in ALL_SEATS if s not in ("br-1", "gh-1"))
    meeting = in_session(tmp_path, present=present, item="article-7")
    meeting.run("remote gh-2", "proxy br-1 to pe-1", "move by zm-1 seconded bf-1", "roll-call")
    meeting.run("yes gh-2 sl-1 zm-1 zw-1", "yes bf-1 cm-1 cd-1 mg-1", "yes tz-1 ke-1 ug-1 cd-2", "yes hn-1 co-1")
    meeting.run("no pe-1", "yes pe-1 for br-1", "abstain bo-1", "no ph-1 id-1 la-1 pg-1")
    meeting.run("close")
    motion = meeting.state.motions[1]
    assert (motion.outcome.yes, motion.outcome.no, motion.outcome.abstain, motion.status) == (15, 5, 1, "carried")
    choices = {seat: (voter.voter, choice) for seat, (voter, choice) in motion.poll.choices.items()}
    assert choices["br-1"] == ("pe-1", "yes") and choices["pe-1"] == ("pe-1", "no")
    assert choices["gh-1"] == ("gh-2", "yes")
    by_region = {r.region: (r.yes, r.no, r.abstain) for r in roll_call_by_region(meeting.state, motion)}
    assert by_region == {
        "anglophone-africa": (4, 0, 0),
        "francophone-africa": (4, 0, 0),
        "swahili-africa": (4, 0, 0),
        "latin-america": (3, 1, 1),
        "sea-pacific": (0, 4, 0),
    }


@pytest.mark.parametrize(
    ("before", "after", "line", "code"),
    [
        ((), (), "yes obs-1", "vote.observer"),
        (("leave ke-1",), (), "yes ke-1", "vote.absent"),
        ((), ("yes ke-1",), "yes ke-1", "vote.already-voted"),
        ((), (), "yes ke-1 ke-1", "member.repeated"),
        ((), (), "yes gh-2", "vote.absent"),
        (("remote gh-2",), (), "yes gh-2", "vote.not-entitled"),  # the titular is here
        ((), (), "yes pe-1 for br-1", "vote.not-entitled"),  # no proxy lodged
        ((), (), "yes ke-1 ug-1 for br-1", "vote.for-one-voter"),
    ],
)
def test_roll_call_refusals(tmp_path, before, after, line, code):
    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1", *before, "roll-call", *after)
    assert meeting.refuse(line).code == code


def test_a_member_may_change_an_answer_until_the_roll_call_is_closed(tmp_path):
    """RONR §45:8. A key pressed wrong on the roll call screen could only be mended by undoing
    every answer since: "the seat of 'cd-2' has already voted"."""
    meeting = in_session(tmp_path, item="article-7").run(
        "move by zm-1 seconded bf-1", "roll-call", "abstain ke-1", "yes cm-1"
    )
    meeting.run("yes ke-1")
    poll = meeting.state.motions[1].poll
    assert poll is not None and poll.choices["ke-1"][1] == "yes" and poll.choices["cm-1"][1] == "yes"
    assert meeting.refuse("yes ke-1").code == "vote.already-voted"  # nothing to change


def test_a_principal_whose_proxy_is_active_cannot_vote_and_the_recused_cannot(tmp_path):
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"), item="article-7")
    meeting.run("proxy br-1 to pe-1", "recuse cd-2", "move by zm-1 seconded bf-1", "roll-call")
    assert meeting.refuse("yes cd-2").code == "vote.recused"
    meeting.run("yes pe-1 for br-1")
    # br-1 connects after the roll call opened: the list of who may vote was fixed at opening.
    meeting.run("remote br-1")
    assert meeting.refuse("yes br-1").code == "vote.already-voted"


def test_a_principal_cannot_vote_once_the_holder_has_answered_for_the_seat(tmp_path):
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"), item="article-7")
    meeting.run("proxy br-1 to pe-1", "move by zm-1 seconded bf-1", "roll-call", "yes pe-1 for br-1", "remote br-1")
    assert meeting.refuse("yes br-1").code == "vote.already-voted"


def test_a_proxy_revoked_during_a_roll_call_is_not_voted(tmp_path):
    """The register fixed at opening named the holder; once the proxy is revoked the holder
    casts the seat's vote no more, as outside a roll call (found by a parliamentarian)."""
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"))
    meeting.run("apologies br-1", "proxy br-1 to pe-1", "move by ke-1 seconded gh-1", "roll-call", "revoke br-1")
    refusal = meeting.refuse("yes pe-1 for br-1")
    assert (refusal.code, refusal.params) == ("vote.not-entitled", {"id": "pe-1", "seat": "br-1"})
    meeting.run("yes pe-1")  # her own seat's vote she still casts


def test_a_member_who_arrives_during_a_roll_call_answers_and_the_seat_joins_the_roll(tmp_path):
    """Nobody could vote for br-1's seat when the roll call opened; she arrives before the
    result is declared and answers (RONR §45). She was refused, as not entitled."""
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"))
    meeting.run("move by ke-1 seconded gh-1", "roll-call")
    assert len(meeting.state.motions[1].poll.entitled) == 20
    assert meeting.refuse("yes br-1").code == "vote.absent"
    meeting.run("present br-1", "yes br-1")
    assert len(meeting.state.motions[1].poll.entitled) == 21
    meeting.run("undo")  # the answer taken back: the roll as it was
    assert len(meeting.state.motions[1].poll.entitled) == 20
    meeting.run("no br-1", f"yes {' '.join(s for s in ALL_SEATS if s not in ('br-1', 'tz-1'))}", "close")
    motion = meeting.state.motions[1]
    assert (motion.outcome.yes, motion.outcome.no, len(motion.entitled)) == (19, 1, 21)


def test_a_member_arriving_during_a_roll_call_on_an_item_she_is_recused_from_does_not_join(tmp_path):
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"))
    meeting.run('recuse br-1 "Her cooperative is a party" on agenda', "move by ke-1 seconded gh-1", "roll-call")
    meeting.run("present br-1")
    assert meeting.refuse("yes br-1").code == "vote.recused"


def test_members_not_in_good_standing_cannot_vote(tmp_path):
    from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL

    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace(
        'name = "Rubén Mamani-Choque"', 'name = "Rubén Mamani-Choque"\ngood_standing = false'
    )
    meeting = start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})
    meeting.run("present " + EVERYONE, "begin", "open article-7", "move by zm-1 seconded bf-1", "roll-call")
    assert meeting.refuse("no bo-1").code == "vote.not-in-good-standing"
    assert len(meeting.state.motions[1].entitled) == 20


# ── secret ballots ────────────────────────────────────────────────────────────


def test_a_secret_ballot_keeps_totals_only(tmp_path):
    meeting = in_session(tmp_path, item="rapporteur").run(
        'move "That Mutale Chibwe-Nkonde be elected rapporteur." by ke-1 seconded pg-1'
    )
    assert meeting.refuse("vote 12 5 2").code == "vote.secret-ballot-item"
    assert meeting.refuse("roll-call").code == "vote.secret-ballot-item"
    assert meeting.refuse("consensus").code == "vote.secret-item-by-name"  # a block names who blocks
    assert meeting.refuse("objection cm-1").code == "vote.secret-item-by-name"
    meeting.run("objection")  # unnamed: no member's position is recorded
    assert meeting.state.motions[1].objections == [None]
    assert meeting.refuse("agreed").params == {"motion": 1, "by": ["—"]}
    meeting.run("ballot")
    for line in ("yes ke-1", "no ke-1", "abstain ke-1", "yes pe-1 for br-1"):
        assert meeting.refuse(line).code == "vote.secret-ballot-named"
    assert meeting.refuse("vote 12 5 3 blank 2").code == "vote.too-many"
    meeting.run("vote 12 5 3 blank 1")
    motion = meeting.state.motions[1]
    assert (motion.method, motion.outcome.blank, motion.status) == ("secret_ballot", 1, "carried")
    assert motion.poll is None


def test_blank_ballots_only_in_a_ballot(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    assert meeting.refuse("vote 10 5 0 blank 1").code == "vote.blank-not-ballot"


# ── ties and the chair's vote ─────────────────────────────────────────────────


def _with_rules(tmp_path, **replacements: str):
    from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL

    council = DEMO_COUNCIL.read_text(encoding="utf-8")
    for old, new in replacements.items():
        council = council.replace(old, new)
    return start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})


def test_a_tie_with_a_casting_vote(tmp_path):
    meeting = _with_rules(
        tmp_path,
        **{
            'more_than = "1/2"\nof = "votes_cast"\ntie = "fails"': 'more_than = "1/2"\nof = "votes_cast"\ntie = "casting_vote"'
        },
    )
    meeting.run("present " + EVERYONE, "begin", "open agenda", "move by ke-1 seconded gh-1", "vote 10 10")
    assert meeting.state.motions[1].outcome.awaiting == "casting_vote"
    assert meeting.refuse("next").code == "item.motion-pending"
    assert meeting.refuse("draw").code == "vote.no-lots"
    meeting.run("cast yes")
    outcome = meeting.state.motions[1].outcome
    assert (outcome.result, outcome.yes, outcome.no, outcome.tie_broken_by) == ("carried", 10, 10, "casting_vote")
    assert outcome_words(outcome) == (
        "10 in favour, 10 against, 0 abstentions; 11 needed (a majority of the 20 votes cast) — "
        "tied; carried (the chair's casting vote, in favour)"
    )


CASTING_VOTE = {
    'more_than = "1/2"\nof = "votes_cast"\ntie = "fails"': 'more_than = "1/2"\nof = "votes_cast"\ntie = "casting_vote"'
}


def test_a_chair_recused_from_the_item_gives_no_casting_vote(tmp_path):
    """A recused presiding officer's casting vote carried the motion (found by a
    parliamentarian): the interest that bars her vote bars the chair's vote."""
    meeting = _with_rules(tmp_path, **CASTING_VOTE)
    meeting.run("present " + EVERYONE, "begin", "open agenda", 'recuse tz-1 "Direct interest"')
    meeting.run("move by ke-1 seconded gh-1", "vote 9 9")
    assert meeting.state.chair == "tz-1"  # recused without declaring: still presiding
    refusal = meeting.refuse("cast yes")
    assert (refusal.code, refusal.params) == ("vote.chair-has-interest", {"id": "tz-1", "motion": 1})
    assert meeting.refuse("cast no").code == "vote.chair-has-interest"
    meeting.run("cast none")
    assert meeting.state.motions[1].outcome.result == "lost"
    meeting.run("undo", "chair zw-1", "cast yes")  # the vice-chair presiding has the chair's vote
    assert meeting.state.motions[1].outcome.result == "carried"


def test_a_chair_recused_once_the_count_waits_gives_no_deciding_vote(tmp_path):
    meeting = _with_rules(tmp_path, **{'chair_votes = "always"': 'chair_votes = "when_decisive"'})
    meeting.run("present " + EVERYONE, "begin", "open agenda", "move by ke-1 seconded gh-1", "vote 10 10")
    assert meeting.state.motions[1].outcome.awaiting == "chair"
    meeting.run('recuse tz-1 "Direct interest"')
    assert meeting.refuse("cast yes").code == "vote.chair-has-interest"
    meeting.run("cast none")
    assert meeting.state.motions[1].outcome.result == "lost"
    meeting.run("undo", "undo", "undo", 'recuse tz-1 "Direct interest"', "vote 10 10")  # recused first: no wait
    assert meeting.state.motions[1].outcome.result == "lost"


def test_a_tie_decided_by_lots_is_reproducible(tmp_path):
    results = []
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        meeting = _with_rules(
            tmp_path / run,
            **{
                'more_than = "1/2"\nof = "votes_cast"\ntie = "fails"': 'more_than = "1/2"\nof = "votes_cast"\ntie = "lots"'
            },
        )
        meeting.run("present " + EVERYONE, "begin", "open agenda", "move by ke-1 seconded gh-1", "vote 9 9 3")
        assert meeting.refuse("cast yes").code == "vote.no-casting-vote"
        meeting.run("draw")
        outcome = meeting.state.motions[1].outcome
        assert outcome.tie_broken_by == "lots" and outcome.result in ("carried", "lost")
        results.append(outcome.result)
    assert results[0] == results[1]


def test_a_chair_who_votes_only_when_decisive(tmp_path):
    meeting = _with_rules(tmp_path, **{'chair_votes = "always"': 'chair_votes = "when_decisive"'})
    meeting.run("present " + EVERYONE, "begin", "open agenda", "move by ke-1 seconded gh-1")
    assert "tz-1" not in {v.voter for v in entitled_voters(meeting.state, "agenda")}
    meeting.run("vote 10 10")  # the chair's yes would carry it
    assert meeting.state.motions[1].outcome.awaiting == "chair"
    meeting.run("undo", "vote 10 9 1")  # not a tie: the chair's no would tie it, and lose it
    outcome = meeting.state.motions[1].outcome
    assert outcome.awaiting == "chair" and outcome_words(outcome).endswith("— undecided, awaiting the chair's vote")
    meeting.run("cast none")  # her yes would change nothing
    assert meeting.state.motions[1].outcome.result == "carried"
    meeting.run("next", "move by pe-1 seconded bo-1", "vote 15 4")  # not decisive: decided at once
    assert meeting.state.motions[2].outcome.result == "carried"


def test_a_chair_who_votes_only_when_decisive_gives_no_vote_that_decides_nothing(tmp_path):
    """4 to 4 had lost already: the chair's no decided nothing, and was minuted as what lost
    it (found by a chair). Her yes carries it; her no is refused, and 'cast none' leaves it lost."""
    meeting = _with_rules(tmp_path, **{'chair_votes = "always"': 'chair_votes = "when_decisive"'})
    meeting.run("present " + EVERYONE, "begin", "open agenda", "move by ke-1 seconded gh-1", "vote 10 10")
    refused = meeting.refuse("cast no")
    assert refused.code == "vote.chair-not-decisive" and refused.params["choice"] == "no"
    meeting.run("cast none")
    assert meeting.state.motions[1].outcome.result == "lost"
    meeting.run("undo", "undo", "vote 10 9 1")  # the chair's no ties it and loses it; her yes changes nothing
    assert meeting.refuse("cast yes").code == "vote.chair-not-decisive"
    meeting.run("cast no")
    assert meeting.state.motions[1].outcome.result == "lost"


def test_consent_with_a_chair_who_votes_when_decisive_counts_her_consent(tmp_path):
    """Two-thirds of all 21 seats with 14 here, the chair among them: consent was refused
    (13 without her), where a roll call and her vote carry it (found by an adversary)."""
    meeting = _with_rules(tmp_path, **{'chair_votes = "always"': 'chair_votes = "when_decisive"'})
    meeting.run("present " + " ".join(ALL_SEATS[:14]), "begin", "open article-7", "move by bf-1 seconded zw-1")
    meeting.run("agreed")
    assert meeting.state.motions[1].status == "carried"


def test_consent_does_not_take_away_a_postal_ballot_when_a_class_quorum_is_short(tmp_path):
    """A class with its own quorum: with too few taking part, the decision stands unless
    members ask for a postal ballot; consent had made it final (found by an adversary)."""
    from tests.conftest import REPO

    agenda = REPO / "agendas" / "examples" / "iucn-like" / "2027-09-members-assembly.toml"
    meeting = start(tmp_path, agenda).run(
        "present st-gh st-pe st-la st-fj st-ch ingo-1 sec", "chair st-gh", "begin", "open resolution"
    )
    meeting.run("move by st-pe seconded st-la")
    assert meeting.refuse("agreed").code == "consent.class-quorum"


def test_a_chair_who_never_votes(tmp_path):
    meeting = _with_rules(tmp_path, **{'chair_votes = "always"': 'chair_votes = "never"'})
    meeting.run("present " + EVERYONE, "begin", "open article-7", "move by zm-1 seconded bf-1", "roll-call")
    assert meeting.refuse("yes tz-1").code == "vote.chair-does-not-vote"


# ── speakers ──────────────────────────────────────────────────────────────────


def test_speakers_queue_and_regions_not_yet_heard(tmp_path):
    meeting = in_session(tmp_path, item="constitution-report").run(
        "queue zw-1 bo-1 ph-1", "remote obs-2", "queue obs-2"
    )
    assert meeting.state.current_item.queue == ["zw-1", "bo-1", "ph-1", "obs-2"]
    meeting.run("floor", "unqueue ph-1")
    assert [m for _, m in meeting.state.current_item.speakers] == ["zw-1"]
    assert regions_not_heard(meeting.state) == ["francophone-africa", "swahili-africa", "latin-america", "sea-pacific"]
    meeting.run("floor", "floor ke-1")
    assert [m for _, m in meeting.state.current_item.speakers] == ["zw-1", "bo-1", "ke-1"]
    assert regions_not_heard(meeting.state) == ["francophone-africa", "sea-pacific"]
    assert meeting.refuse("unqueue ph-1").code == "speakers.not-queued"
    assert meeting.refuse("queue obs-2").code == "speakers.already-queued"


def test_a_speaker_has_at_most_the_time_the_rules_give(tmp_path):
    meeting = in_session(tmp_path, item="constitution-report").run("queue zw-1", "floor")
    since, _ = meeting.state.current_item.speakers[-1]
    allowed = meeting.state.meeting.rules.debate.speaker_minutes * 60
    assert floor(meeting.state, since + timedelta(seconds=90)).seconds_left == allowed - 90
    assert floor(meeting.state, since + timedelta(seconds=allowed + 5)).seconds_left == -5
    # The console's clock a week behind the journal (the laptop's clock set back): not 10,000 minutes.
    assert floor(meeting.state, since - timedelta(days=7)).seconds_left == allowed


def test_a_recess_stops_the_speakers_clock_and_the_speech_goes_on_after_it(tmp_path):
    """RONR 8:2: after a recess the meeting resumes where it was. A chair who called a recess
    during a speech found the floor gone and the next in the queue given it (found as a chair)."""
    meeting = in_session(tmp_path, item="constitution-report").run("queue zw-1 bo-1", "at 12:10", "floor")
    allowed = meeting.state.meeting.rules.debate.speaker_minutes * 60
    since, _ = meeting.state.speaking
    meeting.run("at 12:11", "recess 10")
    in_recess = since + timedelta(minutes=8)
    assert floor(meeting.state, in_recess) == Floor("zw-1", allowed - 60)  # stopped at the recess
    meeting.run("at 12:21", "resume")
    after = since + timedelta(minutes=11, seconds=30)
    assert floor(meeting.state, after) == Floor("zw-1", allowed - 90)  # 60 s before, 30 s after
    meeting.run("floor")  # the next speaker once the speech is over
    assert [m for _, m in meeting.state.current_item.speakers] == ["zw-1", "bo-1"]


@pytest.mark.parametrize(
    ("item", "after"),
    [
        ("focal-points", ["move by ke-1 seconded cm-1"]),  # a motion taken up
        ("agenda", ["move by ke-1 seconded gh-1", "queue bo-1", "floor", "vote 15 2 1"]),  # the question put
        ("article-7", ["move by bf-1 seconded zw-1", "queue bo-1", "floor", "roll-call"]),
        ("agenda", ["move by ke-1 seconded gh-1", "queue bo-1", "floor", "agreed"]),
        ("focal-points", ["move by ke-1 seconded cm-1", "queue bo-1", "floor", "consensus"]),
        ("focal-points", ["next"]),
        ("focal-points", ["move to recess by ke-1 seconded zw-1", "vote 15 1 1"]),
    ],
)
def test_the_floor_ends_when_the_chair_puts_a_question_or_moves_on(tmp_path, item, after):
    """A speaker's clock once ran on, "8:00 over time" in red, through the roll call that
    followed the speech, and past the item's next motions."""
    meeting = in_session(tmp_path, item=item).run("queue zw-1", "floor")
    since, member = meeting.state.speaking
    assert floor(meeting.state, since).member == member == "zw-1"
    meeting.run(*after)
    assert floor(meeting.state, since + timedelta(minutes=8)) is None
    assert "zw-1" in [m for _, m in meeting.state.items[item].speakers]  # the record keeps the speech


def test_the_floor_stays_through_what_the_record_notes_and_comes_back_with_an_undo(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run("queue zw-1 bo-1", "floor")
    meeting.run('note "Version 4 is due in January"', "remote obs-1", "queue obs-1")
    assert floor(meeting.state, meeting.state.clock).member == "zw-1"
    meeting.run("move by ke-1 seconded cm-1")
    assert floor(meeting.state, meeting.state.clock) is None
    meeting.run("undo")
    assert floor(meeting.state, meeting.state.clock).member == "zw-1"
    meeting.run("floor")
    assert floor(meeting.state, meeting.state.clock).member == "bo-1"


def test_yield_ends_the_speech_with_nobody_after_it(tmp_path):
    from meeting.report import describe

    meeting = in_session(tmp_path, item="focal-points")
    assert meeting.refuse("yield").code == "floor.nobody"
    meeting.run("queue zw-1 bo-1", "floor", "yield")
    assert floor(meeting.state, meeting.state.clock) is None
    assert meeting.state.current_item.queue == ["bo-1"]  # the next speaker still waits
    assert describe(meeting.session.recorded[-1].event, meeting.state) == "end of the speech of Tendai Mashiri-Ncube"
    assert meeting.refuse("yield").code == "floor.nobody"
    meeting.run("undo")
    assert floor(meeting.state, meeting.state.clock).member == "zw-1"
    meeting.run("next")
    assert meeting.refuse("yield").code == "floor.nobody"


def test_the_console_tells_who_blocked_stood_aside_objected_or_has_the_floor(tmp_path):
    """The log and the acknowledgement name the member (they once said only 'stood aside')."""
    from meeting.report import describe

    meeting = in_session(tmp_path, item="focal-points")
    meeting.run("move by ke-1 seconded cm-1", "consensus", 'block bo-1 "Regions choose"', "aside pe-1")
    meeting.run("queue zw-1", "floor")
    blocked, aside, _queued, floor = (r.event for r in meeting.session.recorded[-4:])
    assert describe(blocked, meeting.state) == "Rubén Mamani-Choque blocked consensus on motion #1"
    assert describe(aside, meeting.state) == "Yolanda Huamaní-Ccori stood aside on motion #1"
    assert describe(floor, meeting.state) == "the floor to Tendai Mashiri-Ncube"
    other = in_session(tmp_path / "consent", item="agenda").run("move by ke-1 seconded gh-1", "objection co-1")
    objected = other.session.recorded[-1].event
    assert describe(objected, other.state) == "Wilmer Restrepo-Quiñones objected to consent on motion #1"


def test_the_console_names_who_each_action_is_about(tmp_path):
    """Speakers queued or taken off, a chair handed over, a nomination seconded or answered,
    a ballot's candidates: the log says who, as the chair chose them in a picker."""
    from meeting.i18n import language
    from meeting.report import describe

    meeting = in_session(tmp_path, item="rapporteur")
    meeting.run("queue zw-1 bo-1", "unqueue bo-1", "nominate pe-1 by co-1", "second-nomination pe-1 by bo-1")
    meeting.run("decline pe-1", "nominate zm-1 by ke-1 seconded gh-1", "close-nominations", "round")
    said = [describe(r.event, meeting.state) for r in meeting.session.recorded[-8:]]
    assert said == [
        "speakers queued: Tendai Mashiri-Ncube, Rubén Mamani-Choque",
        "speaker removed from the queue: Rubén Mamani-Choque",
        "Yolanda Huamaní-Ccori nominated by Wilmer Restrepo-Quiñones",
        "nomination of Yolanda Huamaní-Ccori seconded by Rubén Mamani-Choque",
        "nomination answered: Yolanda Huamaní-Ccori (declined)",
        "Mutale Chibwe-Nkonde nominated by Otieno Wafula-Achieng, seconded by Ama Serwaa Boatemaa",
        "nominations closed",
        "ballot opened: Mutale Chibwe-Nkonde",
    ]
    roll = in_session(tmp_path / "roll", item="article-7").run("move by zm-1 seconded bf-1", "roll-call", "no gh-1")
    with language("fr"):
        assert describe(roll.session.recorded[-1].event, roll.state) == "appel nominal\xa0: Ama Serwaa Boatemaa non"


def test_a_principal_back_during_a_roll_call_who_does_not_answer_is_the_one_minuted_not_voting(tmp_path):
    """Once she is back the vote is hers (council.md); closed without her answer, the record
    named her proxy holder as not voting (found with the console's roll call)."""
    meeting = in_session(tmp_path, present=tuple(s for s in ALL_SEATS if s != "br-1"))
    meeting.run("apologies br-1", "proxy br-1 to pe-1", "move by ke-1 seconded gh-1", "roll-call", "present br-1")
    meeting.run(f"yes {' '.join(s for s in ALL_SEATS if s not in ('br-1', 'tz-1'))}", "close")
    assert meeting.state.motions[1].not_voting == ["tz-1", "br-1"]  # the chair did not answer either


def test_a_suspension_of_the_rules_lets_the_pending_question_go_to_a_vote_without_consensus(tmp_path):
    """The rules suspended by two-thirds "to put the motion to a vote without seeking
    consensus", and the vote was still refused: the suspension changed nothing (found by a
    parliamentarian; RONR §25). It sets consensus first aside for the question pending."""
    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    assert meeting.refuse("vote 10 5").code == "consensus.first"
    meeting.run('move to suspend-rules "to put the motion to a vote without seeking consensus" by ke-1 seconded gh-1')
    meeting.run("vote 9 6")  # short of two-thirds: lost, the rule stands
    assert meeting.state.motions[2].status == "lost"
    assert meeting.refuse("vote 10 5").code == "consensus.first"
    meeting.run('move to suspend-rules "to put the motion to a vote without seeking consensus" by ke-1 seconded gh-1')
    meeting.run("vote 10 5", "vote 10 5")
    assert (meeting.state.motions[3].status, meeting.state.motions[1].status) == ("carried", "carried")
    # The next question under the item seeks consensus first again.
    meeting.run('move "That the focal points serve two years." by bf-1 seconded zw-1')
    assert meeting.refuse("vote 15 2").code == "consensus.first"


def _majority_of_members_present(tmp_path, chair_votes):
    """The demo meeting under procedural decisions by a majority of the members present, the
    chair voting as `chair_votes` says: everyone present (the chair tz-1 in the room, the rest
    remote), cd-2 recused from the minutes, a motion pending on them."""
    from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL

    council = DEMO_COUNCIL.read_text(encoding="utf-8")
    procedural = '[rules.classes.procedural]\ndescription = "Procedural motions: a majority of votes cast"\n'
    assert procedural + 'more_than = "1/2"\nof = "votes_cast"' in council
    council = council.replace(
        procedural + 'more_than = "1/2"\nof = "votes_cast"', procedural + 'more_than = "1/2"\nof = "present"'
    )
    council = council.replace('chair_votes = "always"', f'chair_votes = "{chair_votes}"')
    tmp_path.mkdir(exist_ok=True)
    meeting = start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})
    return meeting.run(
        "present tz-1 ke-1 sec-1",
        "remote " + " ".join(s for s in ALL_SEATS if s not in ("tz-1", "ke-1")),
        "begin",
        "open minutes",
        'declare cd-2 "I drafted these minutes"',
        'recuse cd-2 "drafter"',
        "move by pe-1 seconded bo-1",
    )


@pytest.mark.parametrize("chair_votes", ["never", "always"])
def test_a_majority_of_the_members_present_counts_the_chair_and_the_recused(tmp_path, chair_votes):
    """RONR §44, §45:4: under "a majority of the members present" everyone present is in the
    base, and a member not voting counts as a no: a chair who does not vote, and a member
    abstaining for an interest. 10 to 9 with 21 present carried as "10 needed (a majority of
    the 19 members present)" (found by a parliamentarian's run)."""
    from meeting.tui.panels import needed_text

    meeting = _majority_of_members_present(tmp_path, chair_votes)
    voting = 19 if chair_votes == "never" else 20
    assert needed_text(meeting.state, meeting.state.motions[1]).endswith(f"11 yes of {voting} if all vote.")
    meeting.run("vote 10 9 0")
    outcome = meeting.state.motions[1].outcome
    assert (outcome.result, outcome.base) == ("lost", 21)
    assert outcome_words(outcome).endswith("11 needed (a majority of the 21 members present) — lost")
    again = _majority_of_members_present(tmp_path / "b", chair_votes)
    again.run("vote 11 8 0")
    assert (again.state.motions[1].outcome.result, again.state.motions[1].outcome.base) == ("carried", 21)


def test_a_chair_who_votes_when_decisive_is_among_the_members_present(tmp_path):
    """With the chair in the base, 10 to 9 of 21 present waits for the chair's vote, which
    carries it (11 of 21) or leaves it lost."""
    meeting = _majority_of_members_present(tmp_path, "when_decisive")
    meeting.run("vote 10 9 0")
    outcome = meeting.state.motions[1].outcome
    assert (outcome.result, outcome.awaiting, outcome.base) == ("pending", "chair", 21)
    meeting.run("cast yes")
    assert (meeting.state.motions[1].outcome.result, meeting.state.motions[1].outcome.base) == ("carried", 21)


def test_the_members_present_leave_out_the_absent_while_the_entire_membership_is_every_seat(tmp_path):
    """The base of the members present is the seats represented now: a member who left is not
    in it; the entire membership stays all 21 seats, whoever attends."""
    meeting = _majority_of_members_present(tmp_path, "never")
    meeting.run("leave pg-1", "vote 10 8 0")
    assert (meeting.state.motions[1].outcome.result, meeting.state.motions[1].outcome.base) == ("lost", 20)
    (tmp_path / "m").mkdir()
    membership = start(tmp_path / "m").run("present " + " ".join(ALL_SEATS[:15]), "begin", "open article-7")
    membership.run("move by zm-1 seconded gh-1", "vote 14 0 1")
    assert (membership.state.motions[1].outcome.of, membership.state.motions[1].outcome.base) == ("membership", 21)


def test_a_ruling_is_the_chairs_decision_unless_appealed_then_the_appeals_vote_decided_it(tmp_path):
    """A point of order ruled and appealed was said "Decided by the chair's ruling." though the
    meeting's count on the appeal decided it (RONR §24)."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", 'point cd-2 "Not germane"', "rule not-well-taken")
    assert how_decided(meeting.state, meeting.state.motions[2]).path == "chair"
    meeting.run("move to appeal by cd-2 seconded ug-1", "vote 11 6 1")
    assert how_decided(meeting.state, meeting.state.motions[2]).path == "chair_on_appeal"
    assert how_decided(meeting.state, meeting.state.motions[3]).path == "vote"


def test_the_consensus_refusal_says_the_class_in_words_not_its_id(tmp_path):
    """ "the rules seek consensus first on this question (ordinary)": the rules file's id, in
    every language; the class is said by its rule, in the language spoken."""
    from meeting.i18n import language
    from meeting.messages import render

    meeting = in_session(tmp_path, item="focal-points").run("move by ke-1 seconded cm-1")
    refused = meeting.refuse("vote 10 5")
    said = render(refused.code, refused.params)
    assert "(ordinary)" not in said
    assert "on this question (two-thirds of votes cast):" in said
    with language("sw"):
        assert "(theluthi mbili ya kura zilizopigwa)" in render(refused.code, refused.params)
