"""The Minutes model built from meetings run in the test itself: what each kind of event becomes
in the record, and the facts `meeting.domain.record` derives from the journal."""

from __future__ import annotations

from meeting.domain import events as ev
from meeting.domain.record import chronicle, effective, item_spans, quorum_changes
from meeting.domain.state import left_unfinished, not_taken_up
from meeting.i18n import language
from meeting.minutes import csv as votes_csv
from meeting.minutes import markdown
from meeting.minutes.model import Minutes, MotionRecord, minutes_of
from meeting.minutes.tally import Uncounted
from meeting.report import motion_line
from tests.conftest import MINI_AGENDA, MINI_COUNCIL
from tests.kit import ALL_SEATS, Meeting, in_session, start


def minutes(meeting: Meeting) -> Minutes:
    return minutes_of(meeting.state, meeting.session.recorded, "0" * 64)


def texts(record: Minutes, item: str) -> list[str]:
    return [entry.text for entry in next(i for i in record.items if i.id == item).proceedings]


# ── what the domain derives for the record ────────────────────────────────────


def test_the_chronicle_leaves_out_what_undo_cancelled_and_knows_the_item_of_each_event(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1", "undo", "vote 17 0 1")
    recorded = meeting.session.recorded
    steps = chronicle(recorded)
    assert [s.entry.seq for s in steps] == [r.seq for r in effective(recorded)]
    assert not any(isinstance(s.entry.event, ev.Undone) for s in steps)
    counts = [s for s in steps if isinstance(s.entry.event, ev.VoteCounted)]
    assert len(counts) == 1 and counts[0].entry.event.outcome.yes == 17 and counts[0].item == "agenda"


def test_quorum_is_taken_at_the_call_to_order_and_at_each_change_once_per_moment(tmp_path):
    meeting = start(tmp_path).run(
        "present gh-1 sl-1 zm-1 zw-1 bf-1 cm-1 cd-1 mg-1 tz-1 ke-1 ug-1",  # 11 seats, 3 regions
        "begin",
        "at 12:10",
        "remote co-1",
        "remote pe-1",  # one moment, two events: one change
        "at 12:20",
        "leave zm-1",  # 12 of 21 still quorate
        "at 12:30",
        "leave zw-1 sl-1",  # 10: lost
        "at 12:40",
        "back zw-1",  # 11: restored
    )
    changes = quorum_changes(chronicle(meeting.session.recorded))
    assert [(c.at.strftime("%H:%M"), c.opening, c.status.present, c.status.met) for c in changes] == [
        ("12:00", True, 11, True),
        ("12:10", False, 13, True),
        ("12:20", False, 12, True),
        ("12:30", False, 10, False),
        ("12:40", False, 11, True),
    ]
    record = minutes(meeting)
    assert [q.change_words for q in record.sittings[0].quorum] == [
        "At the call to order",
        "Attendance changed",
        "Attendance changed",
        "Quorum lost",
        "Quorum restored",
    ]
    assert record.other_proceedings[-2].text.startswith("Quorum lost: 10 of 21 voting seats present (11 needed)")
    assert "→" not in record.other_proceedings[-2].text


def test_items_are_timed_from_opening_to_leaving(tmp_path):
    meeting = in_session(tmp_path).run("at 12:05", "next", "at 12:20", "open agenda", "at 12:22", "done")
    spans = [
        (s.item, s.start.strftime("%H:%M"), s.end.strftime("%H:%M"))
        for s in item_spans(chronicle(meeting.session.recorded))
    ]
    assert spans == [("agenda", "12:00", "12:05"), ("minutes", "12:05", "12:20"), ("agenda", "12:20", "12:22")]
    agenda = next(i for i in minutes(meeting).items if i.id == "agenda")
    assert agenda.timing == "12:00–12:05, 12:20–12:22; 7 minutes in session, 5 minutes allotted"
    # Every minute of the sitting is in the timetable, one slot after another.
    slots = minutes(meeting).sittings[0].timetable
    assert [(t.start, t.end, t.kind) for t in slots] == [
        ("12:00", "12:05", "item"),
        ("12:05", "12:20", "item"),
        ("12:20", "12:22", "item"),
        ("12:22", None, "between"),  # in session, no item open, when the record ends
    ]


def test_an_alternate_is_named_with_the_titular_they_sit_for(tmp_path):
    council = start(tmp_path).state.meeting.council
    assert council.titular_of("gh-2").id == "gh-1" and council.titular_of("gh-1") is None


# ── what the minutes say ──────────────────────────────────────────────────────


def test_a_motion_is_recorded_with_mover_seconder_count_rule_and_arithmetic(tmp_path):
    meeting = in_session(tmp_path, present=(*tuple(s for s in ALL_SEATS if s != "gh-1"), "gh-2"))
    meeting.run("move by ke-1 seconded gh-2", "vote 17 0 1")
    record = minutes(meeting)
    assert texts(record, "agenda") == [
        "Motion 1, moved by Otieno Wafula-Achieng (Kenya), seconded by Kwabena Owusu-Ansah (alternate for Ama "
        "Serwaa Boatemaa): That the agenda be adopted as circulated.",
        "Vote on motion 1 by show of hands: 17 in favour, 0 against, 1 abstention; 9 needed (a majority of the "
        "17 votes cast) — carried. The agenda was adopted.",
    ]
    vote = record.motion(1).vote
    assert (vote.base, vote.amount, vote.required, vote.needed, vote.entitled) == (17, "1/2", "17/2", 9, 21)
    assert vote.threshold_words == "a majority of the 17 votes cast" and vote.bound == "more_than"


def test_what_is_left_at_adjournment_is_unfinished_business(tmp_path):
    meeting = in_session(tmp_path, item="minutes").run(
        "defer focal-points",
        "move by ke-1 seconded gh-1",
        "adjourn",
    )
    record = minutes(meeting)
    assert record.header.status == "adjourned" and record.header.adjourned == "12:00"
    assert record.unfinished[0] == "Motion 1 was still pending at adjournment."
    assert "Item 6, “Regional focal points” was deferred to a later meeting." in record.unfinished
    assert "Item 1, “Opening, roll call and quorum” was not taken up." in record.unfinished
    assert record.motion(1).status == "pending" and record.motion(1).vote is None


def test_the_item_open_at_adjournment_is_unfinished_unless_it_was_the_last(tmp_path):
    # `next` opened item 2 and the meeting adjourned at once: item 2 was not dealt with.
    meeting = in_session(tmp_path, item="opening").run("next", "adjourn")
    assert [meeting.state.items[i].status for i in ("opening", "interests", "agenda")] == [
        "done",
        "unfinished",
        "pending",
    ]
    record = minutes(meeting)
    assert "Item 2, “Declarations of interest” was taken up and left unfinished." in record.unfinished
    assert record.items[1].status_words == "unfinished"
    # The next sitting takes it up again where the meeting left off.
    meeting.run("sitting", "present " + " ".join(ALL_SEATS), "begin", "next")
    assert meeting.state.current == "interests"


def test_an_item_taken_up_then_left_for_another_is_unfinished_business_never_not_taken_up(tmp_path):
    """`open` of another item leaves the one under discussion to come back to: it was taken up
    and not concluded. The minutes said "Item 3 … was not taken up" of an item taken up at
    12:03 whose motion carried (found by a parliamentarian)."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 15 0 1", "open focal-points")
    assert meeting.state.items["agenda"].status == "unfinished"
    assert left_unfinished(meeting.state) == ["agenda"] and "agenda" not in not_taken_up(meeting.state)
    said = "Item 3, “Adoption of the agenda” was taken up and left unfinished."
    assert said in minutes(meeting).unfinished  # a draft of the meeting in session: no adjournment said
    meeting.run("previous", "previous", "previous")  # still to come back to: items 5 and 4, then item 3
    assert meeting.state.current == "agenda"
    meeting.run("open focal-points", "adjourn")
    record = minutes(meeting)
    assert said in record.unfinished
    assert not any("Adoption of the agenda” was not taken up" in line for line in record.unfinished)
    assert (
        "Item 7, “Constitutional amendment: Article 7, membership of associations of women miners” was not taken up."
        in record.unfinished
    )
    assert record.items[2].status_words == "unfinished"


def test_an_item_decided_on_is_done_and_one_with_a_motion_pending_unfinished_at_adjournment(tmp_path):
    decided = in_session(tmp_path / "decided").run("move by ke-1 seconded gh-1", "vote 18 1 1", "adjourn")
    assert decided.state.items["agenda"].status == "done"  # other items wait, but its business is done
    pending = in_session(tmp_path / "pending", item="closing").run('move "That we meet in Lima." by ke-1', "adjourn")
    assert pending.state.items["closing"].status == "unfinished"  # the last item, a motion still pending


def test_a_question_postponed_is_minuted_with_the_time_it_was_postponed_to(tmp_path):
    """RONR §14: the time adopted makes it an order for then; the minutes said only
    "postponed" (found by a parliamentarian)."""
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'move to postpone "That the question be postponed to the March 2027 meeting." by bo-1 seconded pe-1',
        "vote 12 5 1",
        "adjourn",
    )
    said = "“That the question be postponed to the March 2027 meeting”"
    assert f"Motion 1 was postponed: {said}." in minutes(meeting).unfinished
    assert texts(minutes(meeting), "focal-points")[-2].endswith(f"Motion 1 was postponed: {said}.")


def test_a_withdrawn_motion_is_no_row_of_the_decisions(tmp_path):
    """RONR §48:4: the minutes record the main motions, except those withdrawn."""
    record = minutes(in_session(tmp_path).run("move by ke-1", "withdraw", "move by ke-1 seconded gh-1", "vote 9 2"))
    assert [row.number for row in record.decisions() if isinstance(row, MotionRecord)] == [2]
    assert record.motion(1).status == "withdrawn"  # still in the record of motions


def test_a_new_sitting_opened_from_a_recess_adjourns_the_sitting_before(tmp_path):
    """'sitting' typed during a recess left the item open and the sitting never adjourned in
    the minutes (found by an adversary)."""
    meeting = in_session(tmp_path, item="focal-points").run('move "That we meet in Lima." by ke-1', "recess", "sitting")
    assert [name for name, _at in meeting.state.sessions][-3:] == ["recessed", "adjourned", "sitting"]
    assert meeting.state.items["focal-points"].status == "unfinished"


def test_the_last_item_open_at_adjournment_is_done(tmp_path):
    meeting = in_session(tmp_path, item="opening")
    meeting.run(*["next"] * (len(meeting.state.order) - 1), "adjourn")
    assert {meeting.state.items[i].status for i in meeting.state.order} == {"done"}
    assert not any("unfinished" in line or "not taken up" in line for line in minutes(meeting).unfinished)


def test_minutes_of_a_meeting_still_running_say_the_journal_has_not_ended_it(tmp_path):
    meeting = in_session(tmp_path).run("at 12:30", 'note "Discussion continues."')
    record = minutes(meeting)
    assert record.header.status == "in_session" and record.header.adjourned is None
    assert record.unfinished[0] == "The record ends at 12:30; the meeting has not been adjourned."


def test_recess_chair_handover_and_return_are_in_the_sitting_summary(tmp_path):
    meeting = in_session(tmp_path).run(
        "at 12:10",
        "recess 10",
        "at 12:20",
        "chair zw-1",
        "resume",
        "at 12:40",
        "chair tz-1",
        "at 13:00",
        "adjourn",
    )
    sitting = minutes(meeting).sittings[0]
    assert [(r.start, r.end, r.planned_minutes) for r in sitting.recesses] == [("12:10", "12:20", 10)]
    assert [(c.member.id, c.start, c.end) for c in sitting.chairs] == [
        ("tz-1", "12:00", "12:20"),
        ("zw-1", "12:20", "12:40"),
        ("tz-1", "12:40", "13:00"),
    ]
    assert sitting.summary == (
        "Called to order at 12:00 by Neema Mwakasege-Lyimo (Tanzania). Recess 12:10–12:20 (10 minutes declared). "
        "In the chair: Neema Mwakasege-Lyimo, 12:00–12:20; Tendai Mashiri-Ncube, 12:20–12:40; "
        "Neema Mwakasege-Lyimo, 12:40–13:00. Adjourned at 13:00."
    )


def test_a_result_set_aside_by_a_division_says_so_and_the_division_counts_who_may_vote(tmp_path):
    """votes.csv listed the show of hands as "Carried" above the roll call that lost it, and the
    minutes said the roll call had 0 members entitled to vote (found by a chair's run)."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "vote 9 8",
        "division bo-1",
        "yes " + " ".join(ALL_SEATS[:8]),
        "no " + " ".join(ALL_SEATS[8:18]),
        "close",
    )
    record = minutes(meeting)
    motion = record.motion(1)
    assert [e.status_words for e in motion.earlier] == ["carried, set aside by a division"]
    rows = [dict(zip(votes_csv.header(), r, strict=True)) for r in votes_csv.rows(record) if r[1] == "1" and r[7]]
    assert [(r["result"], r["in favour"]) for r in rows] == [("Carried, set aside by a division", "9"), ("Lost", "8")]
    demanded = next(line for line in texts(record, record.motion(1).item) if "demanded a division" in line)
    assert demanded.endswith("put again by roll call; 21 seats entitled to vote.")


def test_a_meeting_held_on_another_day_than_scheduled_is_dated_as_held(tmp_path):
    """Called to order a day late, the minutes said "held on Thursday, 10 December 2026" and put
    the real date before every time (found by a chair's run)."""
    meeting = start(tmp_path).run("at 2026-12-11 09:30", "present " + " ".join(ALL_SEATS), "begin")
    header = minutes(meeting).header
    assert (header.date, header.date_words) == ("2026-12-11", "Friday, 11 December 2026")
    assert header.title_words.endswith(", on Friday, 11 December 2026")
    assert header.called_to_order == "09:30"
    assert header.scheduled_start == "2026-12-10 12:00"  # the day it was meant for, said as such
    # In words in the sentence, not "scheduled 2026-12-10 12:00" (found by a secretary).
    assert header.time_words.endswith("; scheduled for Thursday, 10 December 2026 at 12:00 (UTC), 150 minutes"), (
        header.time_words
    )
    with language("es"):
        assert "2026-12-10" not in minutes(meeting).header.time_words


def test_a_referral_says_to_whom_as_the_motion_did(tmp_path):
    """The minutes said "referred to a committee" of a motion that sent the question to the
    working group, and left its words out (found by a chair's run)."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        'move to refer "To the working group, to report at the March 2027 meeting" by bo-1 seconded pe-1',
        "vote 15 2",
    )
    record = minutes(meeting)
    assert record.motion(2).text == "To the working group, to report at the March 2027 meeting"
    said = texts(record, record.motion(1).item)
    assert any(
        line.endswith("Motion 1 was referred: “To the working group, to report at the March 2027 meeting”.")
        for line in said
    )


def test_a_reconsidered_motion_keeps_its_earlier_decision(tmp_path):
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "vote 12 6",
        "move to reconsider by ke-1 seconded sl-1",
        "vote 15 3",
        "vote 4 14",
    )
    motion = minutes(meeting).motion(1)
    assert motion.status == "lost" and motion.vote.yes == 4
    assert [(e.status, e.vote.yes) for e in motion.earlier] == [("carried", 12)]
    rows = [r for r in votes_csv.rows(minutes(meeting)) if r[1] == "1"]
    assert [r[7] for r in rows] == ["12", "4"]  # both counts, the earlier first


def test_consensus_blocks_asides_and_how_the_decision_was_reached(tmp_path):
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        "consensus",
        'block bo-1 "Regions must choose freely"',
        "aside pe-1",
        "conclude",
        "vote 14 5 2",
    )
    motion = minutes(meeting).motion(1)
    assert motion.how == "vote_after_block" and [p.id for p in motion.blocked_by] == ["bo-1"]
    assert motion.consensus.blocks[0].reason == "Regions must choose freely"
    assert [p.id for p in motion.consensus.asides] == ["pe-1"]
    assert motion.summary.endswith("Decided by a vote after consensus was blocked by Rubén Mamani-Choque (Bolivia).")
    adopted = in_session(tmp_path / "second", item="focal-points").run(
        "move by ke-1 seconded cm-1", "consensus", "conclude"
    )
    record = minutes(adopted)
    assert record.motion(1).how == "consensus" and record.motion(1).summary == "Reached by consensus."
    assert texts(record, "focal-points")[-1] == "Motion 1 was adopted by consensus."


def test_withdrawal_objection_and_an_added_item_are_recorded(tmp_path):
    meeting = in_session(tmp_path).run(
        'move "That the agenda be adopted with item 9 first." by ke-1 seconded gh-1',
        "withdraw",
        "agreed",
        "move by ke-1 seconded gh-1",
        "objection cm-1",
        "vote 20 1",
        'add "Floods in South Kivu" minutes 5 after aob',
        "agreed",
    )
    record = minutes(meeting)
    lines = texts(record, "agenda")
    assert "Otieno Wafula-Achieng (Kenya) asked leave to withdraw motion 1." in lines
    assert "Motion 2 (request to withdraw) was adopted without objection. Motion 1 was withdrawn." in lines
    assert "Jean-Paul Ekwalla (Cameroon) objected to adopting motion 3 without a vote." in lines
    assert lines[-2:] == [
        "The chair proposed to add the item “Floods in South Kivu” to the agenda after item 9, “Any other business”.",
        "Motion 4 (change to the agenda) was adopted without objection. The item “Floods in South Kivu” was added "
        "to the agenda after item 9, “Any other business”.",
    ]
    assert record.motion(1).summary == "Withdrawn."
    added = next(i for i in record.items if i.title == "Floods in South Kivu")
    assert added.added and added.number == 10 and added.taken_up is None


def test_a_tie_settled_by_the_chairs_casting_vote(tmp_path):
    council = MINI_COUNCIL.replace(
        '[rules.classes.ordinary]\nmore_than = "1/2"',
        '[rules.classes.ordinary]\nmore_than = "1/2"\ntie = "casting_vote"',
    )
    meeting = start(tmp_path, files={"council.toml": council, "mini.toml": MINI_AGENDA})
    meeting.run(
        "present n-1 n-3 s-1 s-2",
        "begin",
        "open budget",
        'move "That the budget be adopted." by n-3 seconded s-1',
        "vote 2 2",
        "cast yes",
    )
    record = minutes(meeting)
    lines = texts(record, "budget")
    assert lines[-2].endswith("; 3 needed (a majority of the 4 votes cast) — tied, awaiting the chair's casting vote.")
    # The casting vote decides the tie without joining the count (the roll call still adds up).
    assert lines[-1].startswith(
        "Motion 1 was decided: 2 in favour, 2 against, 0 abstentions; 3 needed (a majority of the 4 votes cast) — "
        "tied; carried (the chair's casting vote, in favour)."
    )
    vote = record.motion(1).vote
    assert (vote.tie_broken_by, vote.casting, vote.yes, vote.no) == ("casting_vote", "yes", 2, 2)
    assert vote.tie_break_words == "the chair's casting vote, in favour"
    row = next(r for r in votes_csv.rows(record) if r[1] == "1")
    assert dict(zip(votes_csv.header(), row, strict=True))["tie broken by"] == "the chair's casting vote, in favour"


def test_a_second_sitting_has_its_own_attendance_and_quorum(tmp_path):
    meeting = in_session(tmp_path).run(
        "at 13:00",
        "adjourn",
        "at 2026-12-11 09:00",
        "sitting",
        "present tz-1 ke-1 sl-1 zm-1 zw-1 bf-1 cm-1 ug-1 co-1 pe-1 bo-1",
        "begin",
    )
    record = minutes(meeting)
    assert [s.number for s in record.sittings] == [1, 2]
    second = record.sittings[1]
    assert second.began == "2026-12-11 09:00" and second.quorum[0].present == 11
    rows = {row.member.id: row for region in second.attendance.regions for row in region.rows}
    assert rows["tz-1"].arrived == "2026-12-11 09:00" and rows["gh-1"].attended == "absent"
    assert "Sitting 2 of the meeting opened." in [e.text for e in record.other_proceedings]
    assert "## Sitting 2" in markdown.render(record)


def test_a_roll_call_names_each_seat_and_a_ballot_names_nobody(tmp_path):
    meeting = in_session(tmp_path, item="article-7").run(
        "move by zm-1 seconded bf-1",
        "roll-call",
        f"yes {' '.join(ALL_SEATS[:15])}",
        f"no {' '.join(ALL_SEATS[15:])}",
        "close",
        "next",
        'move "That Mutale Chibwe-Nkonde be elected rapporteur." by ke-1 seconded pg-1',
        "ballot",
        "vote 12 6 2 blank 1",
    )
    record = minutes(meeting)
    roll = record.motion(1).vote
    assert len(roll.roll_call) == 21 and {v.choice for v in roll.roll_call} == {"yes", "no"}
    assert [(r.name, r.yes, r.no) for r in roll.by_region][:2] == [
        ("Anglophone Africa", 4, 0),
        ("Francophone Africa", 4, 0),
    ]
    ballot = record.motion(2).vote
    assert ballot.method == "secret_ballot" and ballot.roll_call == [] and ballot.by_region == []
    assert '"choice"' not in record.motion(2).model_dump_json()
    csv_rows = [dict(zip(votes_csv.header(), r, strict=True)) for r in votes_csv.rows(record) if r[1] == "2"]
    member_columns = ("member id", "name", "region", "for seat", "as", "choice")
    assert len(csv_rows) == 1 and [csv_rows[0][column] for column in member_columns] == [""] * 6


def test_a_roll_call_lists_every_voting_seat_and_why_those_not_called_had_no_vote(tmp_path):
    """Anglophone Africa 3/0/0 of 4 seats was never explained: the recused, the excused and the
    absent were left out of the roll call's record, its CSV rows and `meeting tally`."""
    present = tuple(seat for seat in ALL_SEATS if seat not in ("mg-1", "hn-1"))
    meeting = start(tmp_path).run("apologies hn-1", f"present {' '.join(present)}", "begin", "open article-7")
    meeting.run(
        'recuse zm-1 "Her association would gain" on article-7',
        "move by gh-1 seconded bf-1",
        "roll-call",
        f"yes {' '.join(seat for seat in present if seat != 'zm-1')}",
        "close",
    )
    record = minutes(meeting)
    rows = {row.seat.id: row for row in record.motion(1).vote.roll_call}
    assert len(rows) == 21
    not_called = {seat: (row.voter, row.not_called, row.choice_words) for seat, row in rows.items() if row.not_called}
    assert not_called == {
        "zm-1": (None, "vote.recused", "recused"),
        "mg-1": (None, "absent", "absent"),
        "hn-1": (None, "apologies", "apologies"),
    }
    assert [r.seat.id for r in record.motion(1).vote.roll_call][:4] == ["gh-1", "sl-1", "zm-1", "zw-1"]
    csv_rows = [dict(zip(votes_csv.header(), r, strict=True)) for r in votes_csv.rows(record)]
    assert {(r["member id"], r["choice"]) for r in csv_rows if r["member id"] in not_called} == {
        ("zm-1", "recused"),
        ("mg-1", "absent"),
        ("hn-1", "apologies"),
    }
    assert "| Anglophone Africa | Mutale Chibwe-Nkonde |   | recused |" in markdown.render(record)
    with language("fr"):
        excused = minutes(meeting).motion(1).vote.roll_call
        assert {r.seat.id: r.choice_words for r in excused if r.not_called}["hn-1"] == "excusée"


def appealed(tmp_path) -> Meeting:
    """A point of order ruled not well taken, and the appeal from the ruling sustained, 11-6."""
    return in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'point cd-2 "Not germane"',
        "rule not-well-taken",
        "move to appeal by cd-2 seconded ug-1",
        "vote 11 6 1",
    )


def test_votes_csv_gives_a_ballots_invalid_papers_and_an_appeals_result_as_the_minutes_say_it(tmp_path):
    """An election round with an invalid ballot did not add up to its base; an appeal was
    "Carried" in votes.csv where the minutes say the decision of the chair was sustained."""
    meeting = appealed(tmp_path)
    record = minutes(meeting)
    rows = [dict(zip(votes_csv.header(), r, strict=True)) for r in votes_csv.rows(record)]
    (appeal,) = [r for r in rows if r["motion"] == "3"]
    assert appeal["result"] == "The decision of the chair was sustained"
    assert appeal["invalid"] == ""
    assert record.motion(3).vote.result_words == "The decision of the chair was sustained"


def test_a_motion_the_chair_undid_is_not_numbered_nor_called_withdrawn_in_the_annex(tmp_path):
    """ "Motion #2 (main motion) moved by … (withdrawn at 12:16)" beside a real motion 2 moved
    after the undo, which took its number."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "vote 16 1 1",
        "at 12:15",
        'move "That the chair misheard." by gh-1 seconded ke-1',
        "at 12:16",
        "undo",
        'move "That the council meets in March." by bo-1 seconded pe-1',
    )
    record = minutes(meeting)
    (undone,) = record.journal.withdrawn
    assert undone.at == "12:15"
    assert undone.text == (
        "A motion (main motion) moved by Ama Serwaa Boatemaa (Ghana): “That the chair misheard” "
        "(undone by the chair at 12:16)."
    )
    assert record.motion(2).text == "That the council meets in March."


def test_what_undo_cancelled_is_in_the_annex_not_the_body(tmp_path):
    meeting = in_session(tmp_path).run(
        "at 12:15", "move by ke-1 seconded gh-1", "vote 16 1 1", "at 12:16", "undo", "vote 17 0 1"
    )
    record = minutes(meeting)
    (withdrawn,) = record.journal.withdrawn
    # Listed when it was entered, with when it was taken back (it read as if counted at 12:16).
    assert (withdrawn.at, withdrawn.cancelled_at) == ("12:15", "12:16")
    assert withdrawn.text.startswith("The count of the vote on motion 1: 16 in favour, 1 against, 1 abstention")
    assert withdrawn.text.endswith("— carried (undone by the chair at 12:16).")
    assert record.corrections == []
    assert not any("16 in favour" in e.text for e in next(i for i in record.items if i.id == "agenda").proceedings)


def test_a_point_of_order_is_not_numbered_as_a_motion_and_motions_keep_the_chairs_numbers(tmp_path):
    """The appeal is "#3" on the chair's console and in the members' view; the minutes and the
    tallies once renumbered it "Motion 2", one number per motion in two places."""
    meeting = appealed(tmp_path)
    record = minutes(meeting)
    assert [(m.number, m.minutes_number) for m in record.motions] == [(1, 1), (2, None), (3, 3)]
    lines = texts(record, "focal-points")
    assert "Furaha Bisimwa-Mirindi (DR Congo, South Kivu) raised a point of order: “Not germane”." in lines
    assert "The chair ruled the point of order not well taken." in lines
    assert lines[-2].startswith("Motion 3 (appeal from the chair) on the point of order, moved by")


def test_plurals_and_corrections_after_adjournment(tmp_path):
    meeting = in_session(tmp_path).run(
        "at 12:01",
        "recess 1",
        "at 12:02",
        "resume",
        "at 12:10",
        "adjourn",
        'correct "Rubén Mamani-Choque arrived at 12:03." by bo-1 "He was in the waiting room"',
    )
    record = minutes(meeting)
    said = [e.text for e in record.other_proceedings] + [e.text for i in record.items for e in i.proceedings]
    assert "The chair declared a recess of 1 minute." in said
    (correction,) = record.corrections
    assert correction.by.id == "bo-1" and correction.why == "He was in the waiting room"
    # Its date as the minutes write dates, in their language; the machine value kept beside it.
    assert (correction.at, correction.at_words) == ("12:10", "Thursday, 10 December 2026, 12:10")
    assert "- **Thursday, 10 December 2026, 12:10**: Rubén" in markdown.render(record)
    with language("fr"):
        assert minutes(meeting).corrections[0].at_words == "jeudi 10 décembre 2026, 12:10"
    with language("sw"):
        assert minutes(meeting).corrections[0].at_words == "Alhamisi, 10 Desemba 2026 12:10"
    assert correction.words == (
        "Rubén Mamani-Choque arrived at 12:03. Asked by Rubén Mamani-Choque (Bolivia), because he was in the waiting room."
    )


def test_a_motion_brought_back_under_another_item_is_voted_there_in_the_minutes(tmp_path):
    """Item 2's proceedings showed a tabled motion voted at 12:31, before the motion that took it
    from the table at 12:30 under item 3 (found by a parliamentarian's run). A motion is now
    taken from the table under its own item only (RONR §34, found by another); a decision
    reconsidered under another item is voted there, after the reconsideration."""
    meeting = in_session(tmp_path, item="agenda").run(
        "at 12:05",
        "move by ke-1 seconded gh-1",
        "move to table by bo-1 seconded pe-1",
        "vote 10 5",
        "at 12:20",
        "open minutes",
    )
    assert meeting.refuse("move to take-from-table #1 by bo-1 seconded pe-1").code == "motion.tabled-other-item"
    meeting.run(
        "open agenda",
        "move to take-from-table by bo-1 seconded pe-1",
        "vote 10 5",
        "vote 3 12",
        "open minutes",
        "at 12:30",
        "move to reconsider #1 by ke-1 seconded gh-1",
        "vote 10 5",
        "at 12:31",
        "vote 12 3",
    )
    record = minutes(meeting)
    assert not any(line.startswith("Vote on motion 1") and "12 in favour" in line for line in texts(record, "agenda"))
    later = texts(record, "minutes")
    brought = next(n for n, line in enumerate(later) if "again before the meeting" in line)
    voted = next(n for n, line in enumerate(later) if line.startswith("Vote on motion 1"))
    assert brought < voted


def test_an_objection_to_consideration_is_said_sustained_or_not(tmp_path):
    """ "Motion 2 … carried" of an objection to consideration (RONR §26: the objection is
    sustained, and the question is not considered; found by a parliamentarian's run)."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "move to object by bo-1", "vote 14 4")
    said = texts(minutes(meeting), "agenda")
    assert any(
        line.startswith("Vote on motion 2 (objection to consideration)")
        and "— the objection was sustained: the question is not considered" in line
        for line in said
    ), said


def test_a_member_marked_present_by_mistake_before_the_call_to_order_is_minuted_absent(tmp_path):
    """Marked present, then absent, before the call to order, Siti Rahmawati-Lubis was minuted
    "in person" (found by a chair's run)."""
    everyone_but = [seat for seat in ALL_SEATS if seat != "id-1"]
    meeting = start(tmp_path).run("present " + " ".join(everyone_but) + " id-1", "absent id-1", "begin")
    record = minutes(meeting)
    rows = {
        row.member.id: row
        for sitting in record.sittings
        for region in sitting.attendance.regions
        for row in region.rows
    }
    assert rows["id-1"].attended == "absent" and rows["id-1"].arrived is None
    assert rows["ph-1"].attended == "in person"


def test_an_empty_section_says_none_in_words_of_its_own_the_same_in_every_format(tmp_path, monkeypatch):
    """ "None." agrees with what the section lists ("Ninguna" decisión or tarea, "Ninguno" asunto
    pendiente): the decisions, the action items and the unfinished business each have their own
    context, which every format says alike."""
    import gettext
    import io

    import docx as word

    from meeting import i18n
    from meeting.minutes import docx, html

    class Marked(gettext.NullTranslations):
        def pgettext(self, context: str, message: str) -> str:
            return f"«{context}» {message}"

    real = i18n._translation
    monkeypatch.setattr(i18n, "_translation", lambda code: Marked() if code == "pt" else real(code))
    meeting = start(tmp_path, files={"council.toml": MINI_COUNCIL, "mini.toml": MINI_AGENDA})
    meeting.run("present n-1 n-3 s-1 s-2", "begin", "open opening", "next", "adjourn")
    with language("pt"):
        record = minutes(meeting)
        assert record.decisions() == [] and record.actions == [] and record.unfinished == []
        said = {
            "md": markdown.render(record),
            "html": html.render(record),
            "docx": "\n".join(p.text for p in word.Document(io.BytesIO(docx.render(record))).paragraphs),
        }
    for name, text in said.items():
        nones = [text[at - 30 : at] for at in range(len(text)) if text.startswith("None.", at)]
        assert [n.rpartition("«")[2] for n in nones] == ["decisions» ", "action items» ", "unfinished business» "], name


# ── the council's own words in the language of the minutes ────────────────────


def test_titles_places_regions_and_offices_are_in_the_language_of_the_minutes(tmp_path):
    """A secretary writing the minutes in Spanish rewrote by hand every item title, the place,
    the region names and the election's office, which stayed in English: the files give them in
    each language (`translations`), and a text without one stays as written."""
    from meeting.i18n import language

    meeting = in_session(tmp_path).run('add "Solidarity with South Kivu" after aob')
    with language("es"):
        spanish = minutes(meeting)
    with language("en"):
        english = minutes(meeting)
    assert spanish.header.title == "Reunión del Consejo del IC-ASM, diciembre de 2026"
    assert spanish.header.place == "en línea, con una sede presencial en la oficina de la secretaría en Nairobi"
    assert "en línea, con una sede presencial" in spanish.header.title_words
    headings = [item.heading for item in spanish.items]
    assert headings[2] == "3. Aprobación del orden del día"
    assert "Solidarity with South Kivu" in headings[-2]  # typed in the meeting: as typed
    assert [r.name for r in spanish.sittings[0].attendance.regions][:2] == ["África anglófona", "África francófona"]
    assert english.header.title == "IC-ASM Council Meeting, December 2026"
    assert [item.heading for item in english.items][2] == "3. Adoption of the agenda"
    assert english.sittings[0].attendance.regions[0].name == "Anglophone Africa"


def test_an_item_closed_with_its_draft_motion_never_moved_is_warned_of_and_unfinished(tmp_path):
    """The minutes' approval closed with 'done' and nothing moved: the item was marked done,
    the minutes said nothing under it and no unfinished business (found by a chair)."""
    meeting = in_session(tmp_path, item="minutes")
    accepted = meeting.accept("done")
    assert [(w.code, w.params) for w in accepted.warnings] == [("item.draft-not-moved", {"item": "minutes"})]
    assert (
        "Item 4, “Approval of the minutes of the September 2026 meeting” was closed without its draft motion being moved."
        in minutes(meeting).unfinished
    )
    # `next` leaves it done too; a motion moved and decided leaves nothing unfinished.
    meeting.run("undo")
    assert [w.code for w in meeting.accept("next").warnings] == ["item.draft-not-moved"]
    meeting.run("undo", "move by ke-1 seconded gh-1", "vote 15 2")
    assert meeting.accept("done").warnings == ()
    assert not any("draft motion" in line for line in minutes(meeting).unfinished)


def test_countries_and_the_council_s_name_are_in_the_language_of_the_minutes(tmp_path):
    """The French and Portuguese minutes said "Neema Mwakasege-Lyimo (Tanzania)" and named the
    council in English, twice over ("of the Council of the International Council"): a member's
    `country_translations` and the council's `translations` give them in each language, and
    the title names the council once."""
    from meeting.vocabulary import country_search, who

    meeting = in_session(tmp_path)
    council = meeting.state.meeting.council
    with language("fr"):
        french = minutes(meeting)
        assert who(council, "cd-2") == "Furaha Bisimwa-Mirindi (RD Congo, Sud-Kivu)"
        assert who(council, "la-1").endswith("(RDP lao)")
        tanzania = council.member("tz-1")
        assert tanzania is not None and country_search(tanzania) == "Tanzania Tanzanie"
    with language("pt"):
        portuguese = minutes(meeting)
    with language("en"):
        english = minutes(meeting)
        assert who(council, "cd-2") == "Furaha Bisimwa-Mirindi (DR Congo, South Kivu)"
    assert french.header.chair.about == "Tanzanie" and portuguese.header.chair.about == "Tanzânia"
    assert english.header.chair.about == "Tanzania"
    assert french.header.council == "Conseil international de l'exploitation minière artisanale et à petite échelle"
    assert french.header.council in french.header.title_words
    assert "Conselho Internacional da Mineração Artesanal" in portuguese.header.title_words
    assert english.header.title_words.startswith(
        "Minutes of the ordinary meeting of the International Council for Artisanal and Small-Scale Mining, held "
    )


def test_a_country_or_a_council_name_without_a_translation_is_as_written(tmp_path):
    from meeting.vocabulary import council_words, country_words

    meeting = start(tmp_path, files={"agenda.toml": MINI_AGENDA, "council.toml": MINI_COUNCIL})
    council = meeting.state.meeting.council
    member = council.members[0].model_copy(update={"country": "Nigeria", "country_translations": {"es": "Nigeria"}})
    with language("fr"):
        assert council_words(council) == "Mini Council"
        assert country_words(member) == "Nigeria"
        assert country_words(council.members[1]) is None


def test_a_roll_call_names_the_seat_a_proxy_holder_did_not_vote_for_and_counts_seats(tmp_path):
    """Yolanda voted yes for Peru and did not answer for Brazil, whose proxy she held: the minutes
    said "Not voting: … Yolanda Huamaní-Ccori (Peru)" without naming Brazil, and the roll call
    opened with "20 members entitled to vote" for 19 members casting 20 votes (found by a
    parliamentarian's run)."""
    here = [seat for seat in ALL_SEATS if seat not in ("br-1", "pg-1")]
    meeting = start(tmp_path).run(
        "present " + " ".join(here), "apologies br-1 pg-1", "proxy br-1 to pe-1", "begin", "open article-7"
    )
    meeting.run(
        "move by zm-1 seconded gh-1", "roll-call", "yes " + " ".join(s for s in here if s not in ("bo-1", "ph-1"))
    )
    meeting.run("close")
    lines = texts(minutes(meeting), "article-7")
    assert "A roll call on motion 1 was opened; 20 seats entitled to vote." in lines
    assert lines[-1].endswith(
        "Not voting: Rubén Mamani-Choque (Bolivia), Brazil (proxy: Yolanda Huamaní-Ccori),"
        " Rowena Dimaculangan-Tabora (Philippines)."
    )


def test_fix_time_is_minuted_as_the_time_to_which_to_adjourn_not_the_time_this_meeting_ends(tmp_path):
    """RONR §22 is "Fix the Time to Which to Adjourn": when an adjourned meeting continues. The
    minutes said "fix the time to adjourn", read as the time this meeting ends (found by a
    parliamentarian); the other languages already said it right ("heure de reprise")."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded cm-1",
        'move to fix-time "Thursday 18 December at 12:00 UTC" by co-1 seconded hn-1',
        "vote 12 6",
    )
    row = next(row for row in minutes(meeting).decisions() if isinstance(row, MotionRecord) and row.number == 2)
    assert row.kind_words == "fix the time to which to adjourn"
    assert "Motion 2 (fix the time to which to adjourn)" in markdown.render(minutes(meeting))


def test_a_question_of_privilege_is_admitted_or_not_never_ruled_well_taken(tmp_path):
    """RONR §19: the chair rules whether a question of privilege is admitted; the minutes said
    "The chair ruled the question of privilege well taken" (found by a parliamentarian)."""
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        'move to privilege "That the meeting go into closed session for this item" by br-1',
        "rule well-taken",
        'move to privilege "That the windows be opened" by pe-1',
        'rule not-well-taken "It can wait for the recess"',
        "move to appeal by pe-1 seconded bo-1",
        "vote 12 5",
    )
    record = minutes(meeting)
    said = texts(record, "focal-points")
    assert "The chair admitted the question of privilege." in said
    assert "The chair did not admit the question of privilege: “It can wait for the recess”." in said
    assert not any("well taken" in line for line in said)
    assert (record.motion(2).summary, record.motion(2).ruling_words) == ("Admitted by the chair.", "admitted")
    assert record.motion(3).summary == "Not admitted by the chair; the ruling was sustained on appeal."
    assert Uncounted(record.motion(2), None).result_words == "Admitted"
    assert motion_line(meeting.state.motions[3]).endswith("— not admitted")
    # A point of order is still ruled well taken or not.
    meeting.run('point cd-2 "The speaker has gone over her time"', "rule well-taken")
    assert minutes(meeting).motion(5).summary == "Ruled well taken."


def test_the_title_says_the_date_as_said_of_its_weekday(tmp_path, monkeypatch):
    """Portuguese said "realizada em sábado, 5 de dezembro de 2026": a date said with its
    weekday takes "no" (sábado, domingo) or "na" (quinta-feira): the title's words are asked for
    as said of a working day from Monday to Friday, and plain at the weekend."""
    from datetime import date

    import meeting.minutes.build
    from meeting.i18n import WORKING_DAY

    monkeypatch.setattr(meeting.minutes.build, "agreeing", lambda message, context: f"<{context}> {message}")
    state = start(tmp_path).state
    thursday = meeting.minutes.build._title(state, date(2026, 12, 10))
    saturday = meeting.minutes.build._title(state, date(2026, 12, 5))
    assert f"<{WORKING_DAY}> held" in thursday
    assert "<None> held" in saturday


def test_a_meeting_past_midnight_says_the_date_in_words_and_the_csv_time_one_way(tmp_path):
    """A recess into the next day read "Recess 12:12–2026-12-11 12:00" and "Adjourned at
    2026-12-11 12:10", the files' format in a sentence; votes.csv's `time` held "12:00" for one
    vote and "2026-12-11 12:08" for the next."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "vote 12 3",
        "at 12:12",
        "recess",
        "at 2026-12-11 12:00",
        "resume",
        "move by pe-1 seconded bo-1",
        "at 2026-12-11 12:08",
        "vote 12 3",
        "at 2026-12-11 12:10",
        "adjourn",
    )
    record = minutes(meeting)
    [sitting] = record.sittings
    assert "Recess 12:12–11 Dec 2026, 12:00." in sitting.summary
    assert "Adjourned at 11 Dec 2026, 12:10." in sitting.summary
    assert "2026-12-11" not in sitting.summary
    with language("fr"):
        french = minutes(meeting)
    assert "11 déc. 2026, 12:10" in french.sittings[0].summary
    rows = [dict(zip(votes_csv.header(), r, strict=True)) for r in votes_csv.rows(record)]
    assert [r["time"] for r in rows] == ["2026-12-10 12:00", "2026-12-11 12:08"]
    # The files keep their own format: HH:MM on the meeting's day, the date in front otherwise.
    assert (record.motion(1).decided_at, record.motion(2).decided_at) == ("12:00", "2026-12-11 12:08")
