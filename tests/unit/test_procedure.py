"""The motion stack (governance reference §3, RONR): every row of the motion table in order and
out of order, what carrying each motion does, and the council's overrides of the table, all
driven through the command language on the demo council.

In `in_session`, all 21 seats are present and the item "agenda" is open (class "procedural": a
majority of votes cast). Its main motion is the item's draft, "That the agenda be adopted as
circulated.", moved by ke-1 and seconded by gh-1 (`MAIN`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from meeting.domain.decisions import HowDecided, how_decided
from meeting.domain.motions import STANDARD_MOTIONS, MotionKind
from meeting.domain.procedure import motions_in_order, out_of_order
from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL
from tests.kit import ALL_SEATS, Meeting, in_session, start

MAIN = "move by ke-1 seconded gh-1"
DRAFT = "That the agenda be adopted as circulated."
PRIMARY = "That the agenda be adopted with item 7 taken before item 6."
SECONDARY = "That the agenda be adopted with item 7 taken before item 5."

# What a motion says, for the kinds that say something.
TEXTS: dict[MotionKind, str] = {
    "fix_time_to_adjourn": "That when this meeting adjourns, it adjourn to 15:00 UTC on 11 December.",
    "recess": "That the meeting recess for ten minutes.",
    "limit_debate": "That debate be limited to two minutes per speaker.",
    "postpone": "That the question be postponed to the March 2027 meeting.",
    "commit": "That the question be referred to the working group.",
    "amend": PRIMARY,
    "suspend_rules": "That the rules be suspended to take item 7 now.",
    "rescind": "That the decision of September 2026 on meeting fees be rescinded.",
    "division_of_question": "That the question be divided: the adoption of items 1 to 5, then of items 6 to 10.",
}

PRIVILEGED: tuple[MotionKind, ...] = (
    "fix_time_to_adjourn",
    "adjourn",
    "recess",
    "question_of_privilege",
    "orders_of_the_day",
)
SUBSIDIARY: tuple[MotionKind, ...] = (
    "lay_on_table",
    "previous_question",
    "limit_debate",
    "postpone",
    "commit",
    "amend",
    "postpone_indefinitely",
)
RANKED: tuple[MotionKind, ...] = (*PRIVILEGED, *SUBSIDIARY, "main")


def move(kind: MotionKind, by: str = "bo-1", seconded: str | None = "pe-1", text: str | None = None) -> str:
    """The `move to WORD` line for a motion of this kind; a second only when it needs one."""
    rule = STANDARD_MOTIONS[kind]
    line = "move" if kind == "main" else f"move to {rule.word}"
    said = text if text is not None else TEXTS.get(kind)
    if said:
        line += f' "{said}"'
    line += f" by {by}"
    if seconded and rule.needs_second:
        line += f" seconded {seconded}"
    return line


def kinds_on_stack(meeting: Meeting) -> list[MotionKind]:
    state = meeting.state
    return [state.motions[n].kind for n in state.stack]


def statuses(meeting: Meeting) -> dict[int, str]:
    return {n: m.status for n, m in meeting.state.motions.items()}


def with_rules(tmp_path: Path, rules: str) -> Meeting:
    """The demo meeting with these lines added to the council's rules, begun with every seat
    present and the item "agenda" open."""
    council = DEMO_COUNCIL.read_text(encoding="utf-8") + "\n" + rules
    agenda = DEMO_AGENDA.read_text(encoding="utf-8")
    meeting = start(tmp_path, files={"council.toml": council, DEMO_AGENDA.name: agenda})
    meeting.run(f"present {' '.join(ALL_SEATS)}", "begin", "open agenda")
    return meeting


# ── the order of precedence: in order over a lower-ranked motion ──────────────


@pytest.mark.parametrize("kind", PRIVILEGED)
def test_privileged_motion_is_in_order_over_a_pending_main_motion(tmp_path: Path, kind: MotionKind) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind))
    state = meeting.state
    assert state.stack == [1, 2]
    motion = state.motions[2]
    assert (motion.kind, motion.status, motion.applies_to) == (kind, "pending", None)
    assert motion.mover == "bo-1"
    assert motion.seconder == ("pe-1" if STANDARD_MOTIONS[kind].needs_second else None)
    assert state.motions[1].status == "pending"


@pytest.mark.parametrize("kind", PRIVILEGED)
def test_privileged_motion_is_in_order_with_nothing_pending(tmp_path: Path, kind: MotionKind) -> None:
    meeting = in_session(tmp_path).run(move(kind))
    assert kinds_on_stack(meeting) == [kind]
    assert meeting.state.motions[1].applies_to is None


@pytest.mark.parametrize(
    ("kind", "over", "target"),
    [
        # motions on the main motion with all that adheres to it: they apply to the main motion
        ("lay_on_table", "amend", 1),
        ("postpone", "amend", 1),
        ("commit", "amend", 1),
        ("postpone_indefinitely", "main", 1),
        # motions on the immediately pending question
        ("previous_question", "amend", 2),
        ("limit_debate", "amend", 2),
        ("amend", "main", 1),
        ("amend", "amend", 2),  # a secondary amendment
    ],
)
def test_subsidiary_motion_is_in_order_over_a_lower_ranked_one(
    tmp_path: Path, kind: MotionKind, over: MotionKind, target: int
) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    if over == "amend":
        meeting.run(move("amend"))
    text = SECONDARY if (kind, over) == ("amend", "amend") else None
    meeting.run(move(kind, by="zm-1", seconded="sl-1", text=text))
    state = meeting.state
    number = state.stack[-1]
    motion = state.motions[number]
    assert (motion.kind, motion.status, motion.applies_to) == (kind, "pending", target)
    assert kinds_on_stack(meeting) == ["main", *(["amend"] if over == "amend" else []), kind]


# ── ...and refused when a motion of higher (or equal) rank is pending ─────────

# Each ranked motion, and the motion just above it (or itself, for the highest). An amendment
# applies to any amendable pending motion (see below), so it is refused under the nearest
# higher-ranked motion that is not amendable.
HIGHER: list[tuple[MotionKind, MotionKind]] = [
    ("fix_time_to_adjourn", "fix_time_to_adjourn"),
    *((RANKED[i], RANKED[i - 1]) for i in range(1, len(RANKED) - 1) if RANKED[i] != "amend"),
    ("amend", "previous_question"),
]


@pytest.mark.parametrize(("kind", "pending"), HIGHER)
def test_ranked_motion_is_refused_when_a_higher_ranked_one_is_pending(
    tmp_path: Path, kind: MotionKind, pending: MotionKind
) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(pending))
    refused = meeting.refuse(move(kind, by="zm-1", seconded="sl-1", text=SECONDARY if kind == "amend" else None))
    # An amendment is refused because the pending motion cannot be amended, not by rank.
    assert refused.code == ("motion.not-amendable" if kind == "amend" else "motion.outranked")
    assert refused.params == {"pending": pending}
    assert meeting.state.stack == [1, 2]


def test_outranked_refusal_points_at_the_motion_word(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("adjourn"))
    refused = meeting.refuse("move to table by zm-1 seconded sl-1")
    assert (refused.code, refused.col) == ("motion.outranked", 9)


def test_main_motion_is_refused_while_a_main_motion_is_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    refused = meeting.refuse('move "That the agenda be adopted with changes." by bo-1 seconded pe-1')
    assert (refused.code, refused.params) == ("motion.main-pending", {})


def test_main_motion_is_refused_while_only_a_privileged_motion_is_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(move("recess"))
    assert meeting.refuse(MAIN).code == "motion.main-pending"


@pytest.mark.parametrize("kind", SUBSIDIARY)
def test_subsidiary_motion_needs_a_main_motion(tmp_path: Path, kind: MotionKind) -> None:
    meeting = in_session(tmp_path)
    refused = meeting.refuse(move(kind))
    assert (refused.code, refused.params) == ("motion.no-main", {})
    assert meeting.state.stack == []


@pytest.mark.parametrize("kind", SUBSIDIARY)
def test_subsidiary_motion_needs_a_main_motion_even_under_a_privileged_one(tmp_path: Path, kind: MotionKind) -> None:
    meeting = in_session(tmp_path).run(move("question_of_privilege"))
    # The question of privilege is not amendable, which is what an amendment is told.
    expected = "motion.not-amendable" if kind == "amend" else "motion.no-main"
    assert meeting.refuse(move(kind, by="zm-1", seconded="sl-1")).code == expected


# ── amendments: two levels, and only amendable motions ───────────────────────


def test_amendment_of_an_amendment_of_an_amendment_is_refused(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("amend", by="zm-1", seconded="sl-1", text=SECONDARY))
    refused = meeting.refuse('move to amend "That the agenda be adopted." by cm-1 seconded bf-1')
    assert (refused.code, refused.params) == ("motion.amend-too-deep", {})
    assert kinds_on_stack(meeting) == ["main", "amend", "amend"]


def test_postpone_indefinitely_is_not_amendable(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("postpone_indefinitely"))
    refused = meeting.refuse(move("amend", by="zm-1", seconded="sl-1"))
    assert (refused.code, refused.params) == ("motion.not-amendable", {"pending": "postpone_indefinitely"})


def test_an_amendment_needs_its_text(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    refused = meeting.refuse("move to amend by bo-1 seconded pe-1")
    assert (refused.code, refused.params) == ("motion.text-needed", {"kind": "amend"})


# governance.md §3: these rows are amendable ("Amend: yes"), and RONR §12 lets an amendment apply
# to any amendable motion, whatever its rank: "amend applies to the immediately pending question".
@pytest.mark.parametrize(
    ("kind", "amended"),
    [
        ("fix_time_to_adjourn", "That when this meeting adjourns, it adjourn to 16:00 UTC on 11 December."),
        ("recess", "That the meeting recess for twenty minutes."),
        ("limit_debate", "That debate be limited to three minutes per speaker."),
        ("postpone", "That the question be postponed to the June 2027 meeting."),
        ("commit", "That the question be referred to the secretariat."),
    ],
)
def test_an_amendable_higher_ranked_motion_can_be_amended(tmp_path: Path, kind: MotionKind, amended: str) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind))
    meeting.run(f'move to amend "{amended}" by zm-1 seconded sl-1')
    state = meeting.state
    assert (state.motions[3].kind, state.motions[3].applies_to) == ("amend", 2)
    meeting.run("vote 12 5")
    assert state.motions[2].text == amended


# ── what carrying an amendment does ──────────────────────────────────────────


def test_primary_amendment_carried_replaces_the_text_of_the_main_motion(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "vote 12 5")
    state = meeting.state
    assert state.motions[2].status == "carried"
    assert state.motions[2].outcome is not None and state.motions[2].outcome.result == "carried"
    assert state.motions[1].text == PRIMARY
    assert state.motions[1].original_text == DRAFT
    assert state.stack == [1]


def test_primary_amendment_lost_leaves_the_main_motion_as_it_was(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "vote 5 12")
    state = meeting.state
    assert state.motions[2].status == "lost"
    assert state.motions[1].text == DRAFT
    assert state.stack == [1]


def test_secondary_amendment_carried_replaces_the_text_of_the_primary(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("amend", by="zm-1", seconded="sl-1", text=SECONDARY))
    meeting.run("vote 12 5")
    state = meeting.state
    assert state.motions[3].status == "carried"
    assert state.motions[2].text == SECONDARY
    assert state.motions[1].text == DRAFT  # the main motion changes only when the primary carries
    assert state.stack == [1, 2]
    meeting.run("vote 12 5")
    assert state.motions[1].text == SECONDARY
    assert state.stack == [1]
    meeting.run("vote 12 5")
    assert state.motions[1].status == "carried"
    assert state.stack == []


# ── lay on the table and take from the table ─────────────────────────────────


# Business done while a motion lies on the table: another question decided (RONR §34).
OTHER_BUSINESS = ('move "That the secretariat circulate the budget." by zm-1 seconded sl-1', "vote 15 1 1")


def test_lay_on_the_table_and_take_from_the_table(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("lay_on_table", by="sl-1", seconded="zw-1"))
    state = meeting.state
    assert (state.motions[3].kind, state.motions[3].applies_to) == ("lay_on_table", 1)
    meeting.run("vote 15 2 1")
    assert state.motions[3].status == "carried"
    assert state.stack == []
    assert state.tabled == [1]
    assert statuses(meeting) == {1: "tabled", 2: "tabled", 3: "carried"}
    refused = meeting.refuse(move("take_from_table", by="cm-1", seconded="bf-1"))
    assert refused.code == "motion.no-business-since-tabled"

    meeting.run(*OTHER_BUSINESS, move("take_from_table", by="cm-1", seconded="bf-1"))
    take = state.motions[5]
    assert (take.kind, take.applies_to, take.text) == ("take_from_table", 1, DRAFT)
    assert state.stack == [5]
    meeting.run("vote 14 1 1")
    assert take.status == "carried"
    assert state.tabled == []
    assert state.stack == [1, 2]
    assert statuses(meeting) == {1: "pending", 2: "pending", 3: "carried", 4: "carried", 5: "carried"}
    meeting.run("vote 14 2 1")  # the amendment is the immediately pending question again
    assert state.motions[1].text == PRIMARY


def test_opening_an_item_is_business_done_since_tabling(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("lay_on_table"), "vote 15 2 1", "open minutes", "open agenda")
    meeting.run(move("take_from_table", by="cm-1", seconded="bf-1"))
    assert meeting.state.motions[3].kind == "take_from_table"


def test_lay_on_the_table_lost_leaves_the_motions_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("lay_on_table"), "vote 4 12")
    state = meeting.state
    assert state.motions[3].status == "lost"
    assert state.stack == [1, 2]
    assert state.tabled == []


def test_take_from_the_table_with_nothing_tabled_is_refused(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    refused = meeting.refuse(move("take_from_table"))
    assert (refused.code, refused.params) == ("motion.nothing-tabled", {})


def test_take_from_the_table_is_refused_while_a_question_is_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("lay_on_table"), "vote 15 2")
    meeting.run('move "That item 7 be taken first." by zm-1 seconded sl-1')
    refused = meeting.refuse(move("take_from_table", by="cm-1", seconded="bf-1"))
    assert refused.code == "motion.main-pending"
    assert meeting.state.tabled == [1]


# RONR §17: the motion to lay on the table (and likewise to postpone or refer) takes the main
# question with everything adhering to it, secondary amendments included.
@pytest.mark.parametrize(
    ("kind", "status"), [("lay_on_table", "tabled"), ("postpone", "postponed"), ("commit", "referred")]
)
def test_setting_the_main_motion_aside_takes_both_amendments_with_it(
    tmp_path: Path, kind: MotionKind, status: str
) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("amend", by="zm-1", seconded="sl-1", text=SECONDARY))
    meeting.run(move(kind, by="cm-1", seconded="bf-1"), "vote 15 2")
    state = meeting.state
    assert state.stack == []
    assert statuses(meeting) == {1: status, 2: status, 3: status, 4: "carried"}


def test_take_from_the_table_brings_back_both_amendments(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("amend", by="zm-1", seconded="sl-1", text=SECONDARY))
    meeting.run(move("lay_on_table", by="cm-1", seconded="bf-1"), "vote 15 2", *OTHER_BUSINESS)
    meeting.run(move("take_from_table", by="cm-1", seconded="bf-1"), "vote 15 2")
    assert meeting.state.stack == [1, 2, 3]


# ── postpone, refer, postpone indefinitely, objection to consideration ────────


@pytest.mark.parametrize(
    ("kind", "status"),
    [("postpone", "postponed"), ("commit", "referred"), ("postpone_indefinitely", "dismissed")],
)
def test_carried_subsidiary_motion_disposes_of_the_main_motion(tmp_path: Path, kind: MotionKind, status: str) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind), "vote 12 5")
    state = meeting.state
    assert state.motions[2].status == "carried"
    assert state.motions[2].applies_to == 1
    assert state.motions[1].status == status
    assert state.stack == []
    assert state.tabled == []


@pytest.mark.parametrize(("kind", "status"), [("postpone", "postponed"), ("commit", "referred")])
def test_postpone_or_refer_over_an_amendment_takes_the_amendment_too(
    tmp_path: Path, kind: MotionKind, status: str
) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move(kind, by="zm-1", seconded="sl-1"), "vote 12 5")
    assert meeting.state.stack == []
    assert statuses(meeting) == {1: status, 2: status, 3: "carried"}


@pytest.mark.parametrize("kind", ["postpone", "commit", "postpone_indefinitely"])
def test_lost_subsidiary_motion_leaves_the_main_motion_pending(tmp_path: Path, kind: MotionKind) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind), "vote 5 12")
    state = meeting.state
    assert state.motions[2].status == "lost"
    assert state.motions[1].status == "pending"
    assert state.stack == [1]


def test_objection_to_consideration_needs_two_thirds_against_consideration(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("objection_to_consideration"))
    state = meeting.state
    objection = state.motions[2]
    assert (objection.kind, objection.applies_to, objection.seconder) == ("objection_to_consideration", 1, None)
    meeting.run("vote 14 7")  # 14 of 21 is exactly two-thirds
    assert objection.outcome is not None and objection.outcome.result == "carried"
    assert state.motions[1].status == "dismissed"
    assert state.stack == []


def test_objection_to_consideration_short_of_two_thirds_fails(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("objection_to_consideration"), "vote 13 7")
    state = meeting.state
    assert state.motions[2].status == "lost"
    assert state.stack == [1]


@pytest.mark.parametrize(
    "before",
    [
        [],  # nothing pending
        [MAIN, move("amend")],  # another motion was made on the main motion
        [MAIN, "consensus"],  # the question is being decided
    ],
    ids=["nothing-pending", "after-an-amendment", "after-consensus-called"],
)
def test_objection_to_consideration_too_late(tmp_path: Path, before: list[str]) -> None:
    meeting = in_session(tmp_path).run(*before)
    refused = meeting.refuse(move("objection_to_consideration", by="cm-1"))
    assert (refused.code, refused.params) == ("motion.objection-too-late", {})


def test_objection_to_consideration_after_debate_has_begun_is_too_late(tmp_path: Path) -> None:
    # RONR §26:2 (and the engine's own message): only before there is any debate.
    meeting = in_session(tmp_path).run(MAIN, "floor ke-1", "floor bo-1")
    refused = meeting.refuse(move("objection_to_consideration", by="cm-1"))
    assert refused.code == "motion.objection-too-late"


# ── privileged motions: what carrying them does ──────────────────────────────


def test_adjourn_carried_adjourns_the_meeting(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("adjourn"), "vote 11 6")
    state = meeting.state
    assert state.motions[2].status == "carried"
    assert state.phase == "adjourned"
    assert meeting.refuse(MAIN).code == "sitting.adjourned"


def test_adjourn_lost_continues_the_meeting(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("adjourn"), "vote 6 11")
    state = meeting.state
    assert state.motions[2].status == "lost"
    assert state.phase == "in_session"
    assert state.stack == [1]


def test_recess_carried_suspends_the_meeting_and_the_question_waits(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("recess"), "vote 11 6")
    state = meeting.state
    assert state.motions[2].status == "carried"
    assert state.phase == "in_recess"
    assert meeting.refuse("vote 12 3").code == "sitting.in-recess"
    meeting.run("resume")
    assert meeting.state.phase == "in_session"
    assert meeting.state.stack == [1]


def test_fix_the_time_to_adjourn_carried_leaves_the_question_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("fix_time_to_adjourn"), "vote 11 6")
    state = meeting.state
    assert state.motions[2].outcome is not None and state.motions[2].outcome.result == "carried"
    assert state.phase == "in_session"
    assert state.stack == [1]


@pytest.mark.parametrize("kind", ["question_of_privilege", "orders_of_the_day"])
@pytest.mark.parametrize(("ruling", "status"), [("well-taken", "carried"), ("not-well-taken", "lost")])
def test_chair_rules_on_privilege_and_orders_of_the_day(
    tmp_path: Path, kind: MotionKind, ruling: str, status: str
) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind))
    refused = meeting.refuse("vote 12 3")
    assert (refused.code, refused.params) == ("vote.chair-rules", {"motion": 2})
    assert meeting.refuse("second zm-1").code == "motion.no-second-needed"
    meeting.run(f"rule {ruling}")
    motion = meeting.state.motions[2]
    assert (motion.status, motion.ruling, motion.method) == (status, ruling, "chair")
    assert meeting.state.stack == [1]


# ── two-thirds and majority ──────────────────────────────────────────────────


def _two_thirds_setup(kind: MotionKind) -> list[str]:
    return [] if kind in ("suspend_rules", "rescind") else [MAIN]


@pytest.mark.parametrize(
    "kind", ["previous_question", "limit_debate", "suspend_rules", "rescind", "objection_to_consideration"]
)
# 10 of 16 falls short of two-thirds, and of a majority of the 21 seats, which also rescinds (§35:2).
@pytest.mark.parametrize(("tally", "result"), [("12 6", "carried"), ("10 6", "lost"), ("12 6 3", "carried")])
def test_two_thirds_of_votes_cast(tmp_path: Path, kind: MotionKind, tally: str, result: str) -> None:
    meeting = in_session(tmp_path).run(*_two_thirds_setup(kind), move(kind), f"vote {tally}")
    motion = meeting.state.motions[len(meeting.state.motions)]
    assert motion.kind == kind
    assert motion.outcome is not None
    assert (motion.outcome.result, motion.outcome.class_id) == (result, "two_thirds")
    assert motion.status == result


@pytest.mark.parametrize(
    "kind", ["adjourn", "recess", "lay_on_table", "postpone", "commit", "amend", "postpone_indefinitely"]
)
@pytest.mark.parametrize(("tally", "result"), [("9 8", "carried"), ("8 8", "lost")])
def test_majority_of_votes_cast(tmp_path: Path, kind: MotionKind, tally: str, result: str) -> None:
    meeting = in_session(tmp_path).run(MAIN, move(kind), f"vote {tally}")
    motion = meeting.state.motions[2]
    assert motion.outcome is not None
    assert (motion.outcome.result, motion.outcome.class_id) == (result, "majority")


def test_the_main_motion_is_decided_by_its_item_class(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, "vote 9 8")
    outcome = meeting.state.motions[1].outcome
    assert outcome is not None
    assert (outcome.result, outcome.class_id) == ("carried", "procedural")


# ── points of order and appeals ──────────────────────────────────────────────


def test_point_of_order_is_raised_without_a_second_and_the_chair_rules(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), 'point cd-2 "The amendment is not germane" against #2')
    state = meeting.state
    point = state.motions[3]
    assert (point.kind, point.status, point.mover, point.seconder) == ("point_of_order", "pending", "cd-2", None)
    assert point.text == "The amendment is not germane"
    assert state.stack == [1, 2, 3]
    refused = meeting.refuse("second bo-1")
    assert (refused.code, refused.params) == ("motion.no-second-needed", {"motion": 3, "kind": "point_of_order"})
    meeting.run('rule well-taken "The confirmation by the council is a new subject"')
    assert (point.status, point.ruling, point.ruling_reason) == (
        "carried",
        "well-taken",
        "The confirmation by the council is a new subject",
    )
    # Well taken: the amendment it was raised against is out of order, and leaves the floor.
    assert state.stack == [1]
    assert state.motions[2].status == "ruled_out"


def test_a_point_of_order_removes_only_the_motion_it_names(tmp_path: Path) -> None:
    """A point about a speaker's time, ruled well taken, killed the main motion; a point that
    the main motion is out of order, raised with an amendment pending, removed the amendment
    (found by a parliamentarian; RONR §23)."""
    meeting = in_session(tmp_path).run(MAIN, 'point pe-1 "The speaker is over her time"', "rule well-taken")
    assert meeting.state.stack == [1] and meeting.state.motions[1].status == "pending"
    meeting.run(move("amend"), 'point cd-2 "The main motion conflicts with Article 4" against #1')
    meeting.run("rule well-taken")
    assert meeting.state.stack == [] and {meeting.state.motions[n].status for n in (1, 3)} == {"ruled_out"}
    meeting = in_session(tmp_path / "two").run(MAIN)
    refused = meeting.refuse('point cd-2 "Not germane" against #7')
    assert (refused.code, refused.params, refused.col) == ("motion.not-pending", {"motion": 7}, 34)


def test_point_of_order_not_well_taken(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Quorum"', "rule not-well-taken")
    point = meeting.state.motions[2]
    assert (point.status, point.ruling) == ("lost", "not-well-taken")
    assert meeting.state.stack == [1]


def test_point_of_order_with_nothing_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run('point bo-1 "The item was not on the circulated agenda"')
    assert kinds_on_stack(meeting) == ["point_of_order"]
    meeting.run("rule not-well-taken")
    assert meeting.state.stack == []


@pytest.mark.parametrize(
    ("line", "code"),
    [
        (move("amend", by="zm-1", seconded="sl-1"), "motion.point-pending"),
        (move("adjourn", by="zm-1", seconded="sl-1"), "motion.point-pending"),
        (move("lay_on_table", by="zm-1", seconded="sl-1"), "motion.point-pending"),
        (move("suspend_rules", by="zm-1", seconded="sl-1"), "motion.point-pending"),
        (move("division_of_question", by="zm-1", seconded="sl-1"), "motion.point-pending"),
        ('point bo-1 "Another point"', "motion.point-pending"),
        ("vote 12 3", "vote.chair-rules"),
        # the chair rules on a point of order: the assembly does not decide it in any way
        ("agreed", "vote.chair-rules"),
        ("consensus", "vote.chair-rules"),
        ("roll-call", "vote.chair-rules"),
    ],
)
def test_while_a_point_of_order_is_pending(tmp_path: Path, line: str, code: str) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "The amendment is not germane"')
    refused = meeting.refuse(line)
    assert refused.code == code
    assert meeting.state.stack == [1, 2]


def test_rule_with_no_point_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    assert meeting.refuse("rule well-taken").code == "motion.none-pending"
    meeting.run(MAIN)
    refused = meeting.refuse("rule well-taken")
    assert (refused.code, refused.params) == ("rule.nothing-to-rule", {"motion": 1})


def test_appeal_from_the_ruling_a_tie_sustains_the_chair(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"', "rule not-well-taken")
    meeting.run(move("appeal", by="cd-2", seconded="ug-1"))
    state = meeting.state
    appeal = state.motions[3]
    assert (appeal.kind, appeal.applies_to, appeal.status) == ("appeal", 2, "pending")
    assert state.stack == [1, 3]
    meeting.run("vote 5 5")
    assert appeal.outcome is not None
    assert (appeal.outcome.result, appeal.outcome.class_id) == ("carried", "sustain")
    assert state.stack == [1]


def test_appeal_lost_when_most_vote_against_the_chair(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"', "rule not-well-taken")
    meeting.run(move("appeal", by="cd-2", seconded="ug-1"), "vote 6 11 1")
    assert meeting.state.motions[3].status == "lost"


def test_appeal_needs_a_second(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"', "rule not-well-taken")
    meeting.run("move to appeal by cd-2")
    refused = meeting.refuse("vote 6 11")
    assert (refused.code, refused.params) == ("motion.not-seconded", {"motion": 3})


@pytest.mark.parametrize("before", [[], [MAIN], [MAIN, "vote 12 3"]], ids=["nothing", "main-pending", "after-a-vote"])
def test_appeal_with_no_ruling_is_refused(tmp_path: Path, before: list[str]) -> None:
    meeting = in_session(tmp_path).run(*before)
    refused = meeting.refuse(move("appeal", by="cd-2", seconded="ug-1"))
    assert (refused.code, refused.params) == ("motion.no-ruling", {})


def test_a_ruling_on_a_question_of_privilege_may_be_appealed(tmp_path: Path) -> None:
    """RONR §24: any ruling of the chair may be appealed; a ruling that a question of privilege
    was not well taken was not (found by a parliamentarian's run)."""
    meeting = in_session(tmp_path).run(MAIN, move("question_of_privilege"), "rule not-well-taken")
    meeting.run(move("appeal", by="cd-2", seconded="ug-1"), "vote 6 11")
    privilege = meeting.state.motions[2]
    assert (privilege.ruling, privilege.appeal) == ("not-well-taken", "reversed")
    assert meeting.state.stack == [1]  # the main motion stands as it was


@pytest.mark.parametrize(
    ("point", "ruling", "status"),
    [
        (move("question_of_privilege"), "not-well-taken", "carried"),
        ('point cd-2 "Not germane"', "not-well-taken", "carried"),
        (move("question_of_privilege"), "well-taken", "lost"),
        ('point cd-2 "Not germane"', "well-taken", "lost"),
    ],
    ids=["privilege-refused", "order-refused", "privilege-granted", "order-granted"],
)
def test_a_ruling_overturned_on_appeal_decides_the_point_as_the_assembly_did(
    tmp_path: Path, point: str, ruling: str, status: str
) -> None:
    """RONR §24: once the chair is overruled, a point ruled not well taken is granted, and one
    ruled well taken is not. The record kept the chair's "lost" next to `appeal = "reversed"`
    while the minutes said "Upheld on appeal" (found by a parliamentarian's run)."""
    meeting = in_session(tmp_path).run(MAIN, point, f"rule {ruling}")
    meeting.run(move("appeal", by="cd-2", seconded="ug-1"), "vote 6 11 2")
    decided = meeting.state.motions[2]
    assert (decided.appeal, decided.status) == ("reversed", status)
    assert how_decided(meeting.state, decided) == HowDecided("chair_on_appeal")  # not "the chair's ruling"
    sustained = in_session(tmp_path / "b").run(MAIN, point, f"rule {ruling}")
    sustained.run(move("appeal", by="cd-2", seconded="ug-1"), "vote 11 6 2")
    decided = sustained.state.motions[2]
    assert (decided.appeal, decided.status) == ("sustained", "carried" if ruling == "well-taken" else "lost")


def test_appeal_while_the_point_is_still_pending_is_refused(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"')
    assert meeting.refuse(move("appeal", by="cd-2", seconded="ug-1")).code == "motion.point-pending"


# ── reconsider and rescind ───────────────────────────────────────────────────


def _roll_call(yes: tuple[str, ...], no: tuple[str, ...]) -> list[str]:
    return ["roll-call", f"yes {' '.join(yes)}", f"no {' '.join(no)}", "close"]


def test_reconsider_brings_the_decided_motion_back(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, "vote 12 5", move("reconsider"))
    state = meeting.state
    reconsider = state.motions[2]
    assert (reconsider.kind, reconsider.applies_to, reconsider.status) == ("reconsider", 1, "pending")
    meeting.run("vote 12 5")
    assert reconsider.status == "carried"
    main = state.motions[1]
    assert (main.status, main.outcome, main.decided_at) == ("pending", None, None)
    assert state.stack == [1]
    meeting.run("vote 5 12")
    assert main.status == "lost"


def test_reconsider_lost_leaves_the_decision(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, "vote 12 5", move("reconsider"), "vote 5 12")
    assert meeting.state.motions[1].status == "carried"
    assert meeting.state.stack == []


@pytest.mark.parametrize(
    ("split", "result", "winner", "loser", "side"),
    [
        (12, "carried", "ke-1", "bo-1", "yes"),  # ke-1 voted yes, bo-1 no: 12 to 9
        (10, "lost", "bo-1", "ke-1", "no"),  # ke-1 voted yes, bo-1 no: 10 to 11
    ],
)
def test_reconsider_after_a_roll_call_needs_the_winning_side(
    tmp_path: Path, split: int, result: str, winner: str, loser: str, side: str
) -> None:
    ayes, noes = ALL_SEATS[:split], ALL_SEATS[split:]
    assert "ke-1" in ayes and "bo-1" in noes
    meeting = in_session(tmp_path).run(MAIN, *_roll_call(ayes, noes))
    assert meeting.state.motions[1].status == result
    refused = meeting.refuse(move("reconsider", by=loser, seconded="ph-1"))
    assert (refused.code, refused.params) == ("motion.not-winning-side", {"id": loser, "side": side})
    assert refused.col == len("move to reconsider by ") + 1
    assert meeting.state.stack == []
    meeting.run(move("reconsider", by=winner, seconded="ph-1"))
    reconsider = meeting.state.motions[2]
    assert (reconsider.kind, reconsider.mover, reconsider.applies_to) == ("reconsider", winner, 1)


def test_a_motion_reconsidered_after_a_roll_call_can_be_voted_again(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, *_roll_call(ALL_SEATS[:12], ALL_SEATS[12:]))
    meeting.run(move("reconsider", by="ke-1", seconded="gh-1"), "vote 12 5")
    assert meeting.state.stack == [1]
    # A new roll call on the question, now answered the other way.
    meeting.run(*_roll_call(ALL_SEATS[12:], ALL_SEATS[:12]))
    main = meeting.state.motions[1]
    assert main.outcome is not None
    assert (main.status, main.outcome.yes, main.outcome.no) == ("lost", 9, 12)


def test_reconsider_the_main_motion_decided_after_its_amendment(tmp_path: Path) -> None:
    # The amendment (#2) and then the main motion (#1) are decided in the same minute: the main
    # motion is the last decided, and it may be reconsidered.
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "vote 12 5", "vote 12 5")
    assert meeting.state.motions[1].status == "carried"
    meeting.run(move("reconsider", by="zm-1", seconded="sl-1"))
    assert meeting.state.motions[3].applies_to == 1


@pytest.mark.parametrize(
    ("before", "code"),
    [
        ([], "motion.nothing-to-reconsider"),
        (['point cd-2 "Quorum"', "rule not-well-taken"], "motion.nothing-to-reconsider"),
        ([MAIN], "motion.main-pending"),
    ],
    ids=["nothing-decided", "only-a-point-decided", "a-question-pending"],
)
def test_reconsider_refused(tmp_path: Path, before: list[str], code: str) -> None:
    meeting = in_session(tmp_path).run(*before)
    assert meeting.refuse(move("reconsider")).code == code


def test_rescind_in_order_with_nothing_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(move("rescind"))
    motion = meeting.state.motions[1]
    assert (motion.kind, motion.text, motion.status) == ("rescind", TEXTS["rescind"], "pending")


def test_rescind_refused_while_a_question_is_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    assert meeting.refuse(move("rescind")).code == "motion.main-pending"


def test_rescind_needs_its_text(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    refused = meeting.refuse("move to rescind by bo-1 seconded pe-1")
    assert (refused.code, refused.params) == ("motion.text-needed", {"kind": "rescind"})


# ── the other incidental motions ─────────────────────────────────────────────


@pytest.mark.parametrize("before", [[], [MAIN], [MAIN, move("amend")]], ids=["nothing", "main", "amendment"])
def test_suspend_the_rules_is_in_order_at_any_time(tmp_path: Path, before: list[str]) -> None:
    meeting = in_session(tmp_path).run(*before, move("suspend_rules", by="zm-1", seconded="sl-1"))
    assert kinds_on_stack(meeting)[-1] == "suspend_rules"


def test_division_of_the_question(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("division_of_question"))
    assert kinds_on_stack(meeting) == ["main", "division_of_question"]
    assert meeting.state.motions[2].seconder == "pe-1"


def test_division_of_the_question_with_no_question_is_refused(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    refused = meeting.refuse(move("division_of_question"))
    assert (refused.code, refused.params) == ("motion.no-main", {})


def test_division_of_the_question_after_the_question_was_decided_is_refused(tmp_path: Path) -> None:
    # RONR §27: only a pending question can be divided.
    meeting = in_session(tmp_path).run(MAIN, "vote 12 5")
    assert meeting.refuse(move("division_of_question")).code == "motion.no-main"


def test_division_is_a_demand_that_sets_the_result_aside_for_a_roll_call(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, "vote 9 8", "division bo-1")
    state = meeting.state
    motion = state.motions[1]
    # No motion, no ruling: the question is put again, by name, at once.
    assert (motion.status, motion.division, motion.method, state.stack) == ("pending", "bo-1", "roll_call", [1])
    assert motion.poll is not None and len(motion.poll.entitled) == 21
    assert motion.earlier[0].outcome is not None and motion.earlier[0].outcome.yes == 9
    assert meeting.refuse("vote 9 8").code == "vote.roll-call-open"
    meeting.run("yes " + " ".join(ALL_SEATS[:8]), "no " + " ".join(ALL_SEATS[8:18]), "close")
    assert (motion.status, motion.outcome.yes, motion.outcome.no) == ("lost", 8, 10)


def test_a_division_after_consent_and_on_an_amendment_puts_the_text_back(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "agreed")
    assert meeting.state.motions[1].text == PRIMARY
    meeting.run("division co-1")
    assert meeting.state.motions[1].text == DRAFT  # the amendment's effect is set aside with it
    assert meeting.state.stack == [1, 2]


def test_a_division_on_an_appeal_that_overruled_the_chair_puts_back_what_the_reversal_did(tmp_path: Path) -> None:
    """The chair ruled an amendment in order; a show of hands overruled the chair, which ruled
    it out; the roll call then sustained the chair: the amendment is pending again (found by a
    parliamentarian; RONR §29)."""
    meeting = in_session(tmp_path).run(MAIN, move("amend"), 'point cd-2 "Not germane" against #2')
    meeting.run("rule not-well-taken", "move to appeal by cd-2 seconded ug-1", "vote 6 11 1")
    assert (meeting.state.motions[2].status, meeting.state.stack) == ("ruled_out", [1])
    meeting.run("division tz-1", f"yes {' '.join(ALL_SEATS[:12])}", f"no {' '.join(ALL_SEATS[12:18])}", "close")
    assert meeting.state.motions[4].status == "carried" and meeting.state.motions[3].appeal == "sustained"
    assert (meeting.state.motions[2].status, meeting.state.stack) == ("pending", [1, 2])


@pytest.mark.parametrize("kind", ["postpone", "commit", "fix_time_to_adjourn", "limit_debate"])
def test_a_motion_that_must_say_when_to_whom_or_how_much_needs_its_text(tmp_path: Path, kind: MotionKind) -> None:
    """A postponement without a time carried, and the minutes said only "postponed" (found by
    a parliamentarian; RONR §14)."""
    meeting = in_session(tmp_path).run(MAIN)
    refusal = meeting.refuse(move(kind, text=""))
    assert (refusal.code, refusal.params) == ("motion.text-needed", {"kind": kind})
    meeting.run(move(kind))


def test_an_appeal_comes_at_the_time_of_the_ruling(tmp_path: Path) -> None:
    """Attendance, a note and the list of speakers may come between; once someone has had the
    floor it is too late (RONR §24; a parliamentarian's appeal ten minutes and two speeches
    later was accepted)."""
    meeting = in_session(tmp_path).run(MAIN, move("amend"), 'point cd-2 "Not germane"', "rule not-well-taken")
    meeting.run("remote obs-1", 'note "The chair explained the ruling."', "queue bo-1")
    meeting.run("move to appeal by cd-2 seconded ug-1", "undo")
    meeting.run("floor")
    refusal = meeting.refuse("move to appeal by cd-2 seconded ug-1")
    assert (refusal.code, refusal.params) == ("motion.appeal-too-late", {"motion": 3})


def test_a_division_comes_right_after_the_result_or_not_at_all(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    assert meeting.refuse("division bo-1").code == "division.no-result"
    meeting.run(MAIN, "vote 15 2 1", 'note "The chair thanked the members."', "next")  # a note is no business
    assert (meeting.refuse("division bo-1").code, meeting.state.stack) == ("division.too-late", [])
    meeting.run("move by pe-1 seconded bo-1", "roll-call", "yes pe-1", "close")
    assert meeting.refuse("division bo-1").code == "division.no-result"  # a roll call names everyone already


def test_a_motion_not_yet_stated_is_withdrawn_at_once(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run("move by ke-1", "withdraw")  # not seconded: not yet the assembly's
    assert (meeting.state.motions[1].status, meeting.state.stack) == ("withdrawn", [])


def test_withdrawing_a_stated_motion_needs_consent_or_a_vote(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "withdraw")
    state = meeting.state
    request = state.motions[3]
    assert (request.kind, request.applies_to, request.mover, state.stack) == ("withdraw", 2, "bo-1", [1, 2, 3])
    assert meeting.refuse("withdraw").code == "motion.withdraw-pending"
    meeting.run("agreed")
    assert statuses(meeting) == {1: "pending", 2: "withdrawn", 3: "carried"}
    assert state.stack == [1]
    meeting.run("withdraw", "objection cm-1", "vote 6 12")  # an objection: the assembly decides, and keeps it
    assert statuses(meeting) == {1: "pending", 2: "withdrawn", 3: "carried", 4: "lost"}
    assert state.stack == [1]


def test_withdraw_with_nothing_pending_is_refused(tmp_path: Path) -> None:
    assert in_session(tmp_path).refuse("withdraw").code == "motion.none-pending"


def test_withdraw_during_a_roll_call_is_refused(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, "roll-call")
    refused = meeting.refuse("withdraw")
    assert (refused.code, refused.params) == ("motion.voting-open", {"motion": 1})


# ── which motions are in order ───────────────────────────────────────────────


def test_in_order_with_nothing_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    assert motions_in_order(meeting.state) == [
        "fix_time_to_adjourn",
        "adjourn",
        "recess",
        "question_of_privilege",
        "orders_of_the_day",
        "main",
        "point_of_order",
        "suspend_rules",
        "rescind",
    ]


def test_in_order_with_a_main_motion_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    assert motions_in_order(meeting.state) == [
        "fix_time_to_adjourn",
        "adjourn",
        "recess",
        "question_of_privilege",
        "orders_of_the_day",
        "lay_on_table",
        "previous_question",
        "limit_debate",
        "postpone",
        "commit",
        "amend",
        "postpone_indefinitely",
        "point_of_order",
        "suspend_rules",
        "objection_to_consideration",
        "division_of_question",
    ]


def test_in_order_with_an_amendment_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"))
    assert motions_in_order(meeting.state) == [
        "fix_time_to_adjourn",
        "adjourn",
        "recess",
        "question_of_privilege",
        "orders_of_the_day",
        "lay_on_table",
        "previous_question",
        "limit_debate",
        "postpone",
        "commit",
        "amend",
        "point_of_order",
        "suspend_rules",
        "division_of_question",
    ]


def test_in_order_with_a_secondary_amendment_pending(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("amend", by="zm-1", seconded="sl-1", text=SECONDARY))
    assert motions_in_order(meeting.state) == [
        "fix_time_to_adjourn",
        "adjourn",
        "recess",
        "question_of_privilege",
        "orders_of_the_day",
        "lay_on_table",
        "previous_question",
        "limit_debate",
        "postpone",
        "commit",
        "point_of_order",
        "suspend_rules",
        "division_of_question",
    ]
    problem = out_of_order(meeting.state, "amend")
    assert problem is not None
    assert (problem.code, problem.params) == ("motion.amend-too-deep", {})


def test_in_order_with_something_tabled(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("lay_on_table"), "vote 12 5")
    in_order = motions_in_order(meeting.state)
    assert "take_from_table" not in in_order  # no business since
    assert "reconsider" not in in_order  # laying on the table is not reconsidered: it is taken from the table
    meeting.run(*OTHER_BUSINESS)
    assert {"take_from_table", "reconsider"} <= set(motions_in_order(meeting.state))


def test_in_order_with_a_point_of_order_pending(tmp_path: Path) -> None:
    # Nothing: the chair rules first (`point` itself is refused with motion.point-pending).
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"')
    assert motions_in_order(meeting.state) == []


def test_in_order_after_a_ruling(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, 'point cd-2 "Not germane"', "rule not-well-taken")
    assert "appeal" in motions_in_order(meeting.state)


# ── seconds, and who may move ────────────────────────────────────────────────


def test_motion_needing_a_second_cannot_be_voted_before_it(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run("move by ke-1")
    for line in ("vote 12 3", "roll-call", "consensus"):
        refused = meeting.refuse(line)
        assert (refused.code, refused.params) == ("motion.not-seconded", {"motion": 1})
    meeting.run("second gh-1")
    assert meeting.state.motions[1].seconder == "gh-1"
    meeting.run("vote 12 3")
    assert meeting.state.motions[1].status == "carried"


@pytest.mark.parametrize(
    "kind", ["adjourn", "lay_on_table", "previous_question", "amend", "appeal", "take_from_table", "reconsider"]
)
def test_every_seconded_motion_waits_for_its_second(tmp_path: Path, kind: MotionKind) -> None:
    before = {
        "appeal": [MAIN, 'point cd-2 "Not germane"', "rule not-well-taken"],
        "take_from_table": [MAIN, move("lay_on_table"), "vote 12 5", *OTHER_BUSINESS],
        "reconsider": [MAIN, "vote 12 5"],
    }.get(kind, [MAIN])
    meeting = in_session(tmp_path).run(*before, move(kind, by="zm-1", seconded=None))
    number = meeting.state.stack[-1]
    assert meeting.refuse("vote 12 3").code == "motion.not-seconded"
    meeting.run("second sl-1", "vote 12 3")
    assert meeting.state.motions[number].status == "carried"


@pytest.mark.parametrize(
    ("kind", "before"),
    [
        ("question_of_privilege", []),
        ("orders_of_the_day", []),
        ("objection_to_consideration", [MAIN]),
    ],
)
def test_motions_that_need_no_second(tmp_path: Path, kind: MotionKind, before: list[str]) -> None:
    meeting = in_session(tmp_path).run(*before, move(kind))
    refused = meeting.refuse("second pe-1")
    assert refused.code == "motion.no-second-needed"
    assert refused.params["kind"] == kind


def test_the_mover_cannot_second(tmp_path: Path) -> None:
    meeting = in_session(tmp_path)
    refused = meeting.refuse("move by ke-1 seconded ke-1")
    assert (refused.code, refused.params, refused.col) == ("motion.second-by-mover", {"id": "ke-1"}, 23)
    meeting.run("move by ke-1")
    refused = meeting.refuse("second ke-1")
    assert (refused.code, refused.params) == ("motion.second-by-mover", {"id": "ke-1"})


def test_a_motion_is_seconded_once(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN)
    refused = meeting.refuse("second bo-1")
    assert (refused.code, refused.params) == ("motion.already-seconded", {"motion": 1, "by": "gh-1"})


@pytest.mark.parametrize(
    ("member", "code"),
    [
        ("obs-1", "member.observer"),
        ("bo-1", "member.not-here"),
        ("sec-1", "member.no-seat"),
        ("gh-2", "member.no-seat"),
    ],
)
def test_who_may_not_move_or_second(tmp_path: Path, member: str, code: str) -> None:
    present = tuple(s for s in ALL_SEATS if s != "bo-1")
    meeting = in_session(tmp_path, present=present).run("present obs-1 sec-1 gh-2")
    refused = meeting.refuse(f"move by {member}")
    assert (refused.code, refused.params["id"], refused.params["role"]) == (code, member, "mover")
    assert refused.col == 9
    refused = meeting.refuse(f"move by ke-1 seconded {member}")
    assert (refused.code, refused.params["role"]) == (code, "seconder")
    meeting.run("move by ke-1")
    refused = meeting.refuse(f"second {member}")
    assert (refused.code, refused.params["role"]) == (code, "seconder")
    refused = meeting.refuse(f'point {member} "Not germane"')
    assert refused.code == code
    assert meeting.state.stack == [1]


def test_an_alternate_sitting_for_an_absent_titular_may_move(tmp_path: Path) -> None:
    present = tuple(s for s in ALL_SEATS if s != "gh-1")
    meeting = in_session(tmp_path, present=present).run("present gh-2", "move by gh-2 seconded ke-1")
    assert meeting.state.motions[1].mover == "gh-2"


# ── the council's overrides of the motion table ──────────────────────────────


@pytest.mark.parametrize(
    ("kind", "before"),
    [
        ("main", []),
        ("adjourn", [MAIN]),
        ("lay_on_table", [MAIN]),
        ("previous_question", [MAIN]),
        ("amend", [MAIN]),
        ("suspend_rules", [MAIN]),
        ("objection_to_consideration", [MAIN]),
        ("reconsider", [MAIN, "vote 12 3"]),
        ("take_from_table", [MAIN, move("lay_on_table"), "vote 12 3", *OTHER_BUSINESS]),
    ],
)
def test_a_motion_the_council_does_not_allow(tmp_path: Path, kind: MotionKind, before: list[str]) -> None:
    meeting = with_rules(tmp_path, f"[rules.motions.{kind}]\nallowed = false\n").run(*before)
    assert kind not in motions_in_order(meeting.state)
    refused = meeting.refuse(move(kind, by="zm-1", seconded="sl-1"))
    assert (refused.code, refused.params) == ("motion.not-allowed", {"kind": kind})


def test_a_point_of_order_the_council_does_not_allow(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.point_of_order]\nallowed = false\n").run(MAIN)
    assert "point_of_order" not in motions_in_order(meeting.state)
    refused = meeting.refuse('point cd-2 "Not germane"')
    assert (refused.code, refused.params) == ("motion.not-allowed", {"kind": "point_of_order"})


def test_previous_question_as_a_procedural_motion_needs_a_majority(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, '[rules.motions.previous_question]\nclass = "procedural"\n')
    meeting.run(MAIN, move("previous_question"), "vote 11 6")
    outcome = meeting.state.motions[2].outcome
    assert outcome is not None
    assert (outcome.result, outcome.class_id) == ("carried", "procedural")


def test_previous_question_as_a_procedural_motion_tie_fails(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, '[rules.motions.previous_question]\nclass = "procedural"\n')
    meeting.run(MAIN, move("previous_question"), "vote 8 8")
    assert meeting.state.motions[2].status == "lost"


def test_without_the_override_the_previous_question_needs_two_thirds(tmp_path: Path) -> None:
    meeting = in_session(tmp_path).run(MAIN, move("previous_question"), "vote 11 6")
    assert meeting.state.motions[2].status == "lost"


def test_a_motion_the_council_lets_be_voted_unseconded(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.main]\nneeds_second = false\n")
    meeting.run("move by ke-1")
    refused = meeting.refuse("second gh-1")
    assert (refused.code, refused.params) == ("motion.no-second-needed", {"motion": 1, "kind": "main"})
    meeting.run("vote 12 3")
    assert meeting.state.motions[1].status == "carried"


def test_a_subsidiary_motion_the_council_lets_be_voted_unseconded(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.lay_on_table]\nneeds_second = false\n")
    meeting.run(MAIN, "move to table by zm-1", "vote 12 3")
    assert meeting.state.tabled == [1]


def test_a_question_of_privilege_the_council_requires_a_second_for(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.question_of_privilege]\nneeds_second = true\n")
    meeting.run(MAIN, move("question_of_privilege", seconded=None), "second zm-1")
    assert meeting.state.motions[2].seconder == "zm-1"


def test_a_main_motion_the_council_makes_unamendable(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.main]\namendable = false\n").run(MAIN)
    assert "amend" not in motions_in_order(meeting.state)
    refused = meeting.refuse(move("amend"))
    assert (refused.code, refused.params) == ("motion.not-amendable", {"pending": "main"})


def test_postpone_indefinitely_the_council_makes_amendable(tmp_path: Path) -> None:
    meeting = with_rules(tmp_path, "[rules.motions.postpone_indefinitely]\namendable = true\n")
    meeting.run(MAIN, move("postpone_indefinitely"), move("amend", by="zm-1", seconded="sl-1"))
    assert (meeting.state.motions[3].kind, meeting.state.motions[3].applies_to) == ("amend", 2)


# ── the previous question closes debate ──────────────────────────────────────


def test_no_amendment_once_the_previous_question_is_ordered(tmp_path: Path) -> None:
    # RONR §16:5: once the previous question is ordered, the pending question is put to a vote
    # at once; no further subsidiary motion other than to lay on the table is in order.
    meeting = in_session(tmp_path).run(MAIN, move("previous_question"), "vote 12 5")
    assert meeting.state.stack == [1]
    meeting.refuse(move("amend", by="zm-1", seconded="sl-1"))


def test_a_principal_who_arrives_during_a_roll_call_takes_the_vote_back(tmp_path: Path) -> None:
    """council.md: "a principal who arrives takes the vote back". A principal who came in after
    the roll call opened was refused ("the holder casts this vote"), and the holder voted for
    a member in the room (found by a parliamentarian's run)."""
    here = [seat for seat in ALL_SEATS if seat != "br-1"]
    meeting = start(tmp_path).run("present " + " ".join(here), "proxy br-1 to pe-1", "begin", "open agenda", MAIN)
    meeting.run("roll-call", "remote br-1", "yes br-1")
    poll = meeting.state.motions[1].poll
    assert poll is not None and poll.choices["br-1"][0].voter == "br-1"
    assert meeting.refuse("no pe-1 for br-1").code == "vote.already-voted"
    # Once the holder has answered for the seat, the vote stands as cast.
    other = start(tmp_path / "b").run("present " + " ".join(here), "proxy br-1 to pe-1", "begin", "open agenda", MAIN)
    other.run("roll-call", "yes pe-1 for br-1", "remote br-1")
    assert other.refuse("no br-1").code == "vote.already-voted"


def test_a_proxy_holder_no_longer_answers_for_a_principal_who_has_arrived(tmp_path: Path) -> None:
    """council.md: "a principal who arrives takes the vote back". The holder still answered
    `for` the principal who had come in during the roll call, and the principal was then
    refused as having voted (found by a parliamentarian's run)."""
    here = [seat for seat in ALL_SEATS if seat != "br-1"]
    meeting = start(tmp_path).run("present " + " ".join(here), "proxy br-1 to pe-1", "begin", "open agenda", MAIN)
    meeting.run("roll-call", "yes gh-1 sl-1", "remote br-1")
    refused = meeting.refuse("yes pe-1 for br-1")
    assert (refused.code, refused.params) == ("vote.principal-present", {"id": "pe-1", "seat": "br-1"})
    meeting.run("no br-1", "yes pe-1")
    poll = meeting.state.motions[1].poll
    assert poll is not None and poll.choices["br-1"][0].voter == "br-1" and poll.choices["pe-1"][1] == "yes"


def test_an_alternate_stands_down_when_the_titular_comes_back_during_a_roll_call(tmp_path: Path) -> None:
    """Alternates vote only when their titular is absent (council.toml): the alternate still
    answered for the seat after the titular came back, and the titular was refused (found by
    a parliamentarian's second run)."""
    here = [seat for seat in ALL_SEATS if seat != "gh-1"]
    meeting = start(tmp_path).run("present gh-2 " + " ".join(here), "begin", "open agenda")
    meeting.run("move by ke-1 seconded sl-1", "roll-call")
    meeting.run("remote gh-1")
    assert meeting.refuse("yes gh-2").code == "vote.not-entitled"
    meeting.run("yes gh-1")
    assert meeting.state.motions[1].poll.choices["gh-1"][0].voter == "gh-1"


def test_nothing_is_undone_once_the_meeting_is_adjourned(tmp_path: Path) -> None:
    """Three undos at 16:00 took back a 12:30 adjournment and the vote before it, and the
    minutes put the withdrawn entries at 16:00 (found by a parliamentarian's run)."""
    meeting = in_session(tmp_path).run(MAIN, "vote 10 5", "next", "adjourn")
    assert meeting.refuse("undo").code == "undo.adjourned"
    assert meeting.state.motions[1].status == "carried" and meeting.state.phase == "adjourned"
    meeting.run('correct "The count on motion 1 was 10 to 5." by bo-1 "As the tellers said"')
    assert meeting.refuse("undo").code == "undo.adjourned"  # a correction is corrected by another


def test_a_point_against_the_main_motion_leaves_a_pending_recess_on_the_floor(tmp_path: Path) -> None:
    """A privileged motion adheres to no motion (RONR §5): a point that the main motion is out
    of order, ruled well taken, had ruled the recess above it out too (a parliamentarian)."""
    meeting = in_session(tmp_path).run(MAIN, move("recess", by="sl-1", seconded="zw-1"))
    meeting.run('point bo-1 "The main motion is out of order" against #1', "rule well-taken")
    assert kinds_on_stack(meeting) == ["recess"] and meeting.state.motions[1].status == "ruled_out"


def test_an_objection_to_consideration_comes_before_any_amendment_is_moved(tmp_path: Path) -> None:
    """RONR §26:2: an amendment moved and lost had let the objection kill the main motion."""
    meeting = in_session(tmp_path).run(MAIN, move("amend"), "vote 4 10")
    assert meeting.refuse(move("objection_to_consideration", by="zw-1")).code == "motion.objection-too-late"


def test_a_motion_put_back_by_an_appeal_goes_back_under_a_pending_recess(tmp_path: Path) -> None:
    """The amendment ruled out, then put back by an appeal, went on top of the recess still
    pending, and the next vote decided it instead of the recess (found by an adversary)."""
    meeting = in_session(tmp_path).run(MAIN, move("amend"), move("recess", by="sl-1", seconded="zw-1"))
    meeting.run('point cd-2 "Not germane" against #2', "rule well-taken")
    assert kinds_on_stack(meeting) == ["main", "recess"]
    meeting.run("move to appeal by bo-1 seconded pe-1", "vote 3 15 0")
    assert kinds_on_stack(meeting) == ["main", "amend", "recess"]
    meeting.run("vote 10 2 0")
    assert meeting.state.phase == "in_recess" and meeting.state.motions[2].status == "pending"


def test_a_substitute_adopted_is_only_added_to_not_replaced(tmp_path: Path) -> None:
    """Every amendment puts a whole text in place of the motion's: once one is adopted, a second
    replaced the words just adopted, and was carried (found by a parliamentarian; RONR
    §12:69-76). Now the text adopted may only be added to."""
    adopted = "That each region designate one focal point, chosen by its member associations."
    meeting = in_session(tmp_path, item="focal-points").run(
        "move by ke-1 seconded cm-1",
        f'move to amend "{adopted}" by bo-1 seconded pe-1',
        'move to amend "That each region designate one focal point, chosen by the council." by co-1 seconded ph-1',
        "vote 12 5",  # a secondary amendment: it amends the pending amendment, as before
        "vote 12 5",
    )
    assert meeting.state.motions[1].text == "That each region designate one focal point, chosen by the council."
    refused = meeting.refuse('move to amend "That the council elect all focal points." by gh-1 seconded zm-1')
    assert (refused.code, refused.params) == ("motion.substitute-adopted", {"motion": 1})
    meeting.run(
        'move to amend "That each region designate one focal point, chosen by the council, for two years." '
        "by gh-1 seconded zm-1"
    )
    assert meeting.state.pending is not None and meeting.state.pending.number == 4


def test_a_roll_call_is_settled_once_no_answer_to_come_can_change_it(tmp_path: Path) -> None:
    """The roll call's screen said "14 yes to carry if the rest vote" with all 20 answered: the
    domain says when the outcome can no longer change, and what closing gives then. Article 7
    needs 14 yes of all 21 seats, whoever votes."""
    from meeting.domain.engine import roll_call_settled

    meeting = in_session(tmp_path, item="article-7").run("move by zm-1 seconded bf-1", "roll-call")

    def settled() -> str | None:
        return roll_call_settled(meeting.state, meeting.state.pending)

    assert settled() is None
    meeting.run("yes " + " ".join(ALL_SEATS[:13]))
    assert settled() is None  # one more yes carries it
    meeting.run(f"no {ALL_SEATS[13]}", f"yes {ALL_SEATS[14]}")
    assert settled() == "carried"  # 14 yes: whatever the other six answer
    meeting.run("undo", "undo", "no " + " ".join(ALL_SEATS[13:]))
    assert settled() == "lost" and not meeting.state.pending.poll.not_answered  # all answered: 13 yes
    assert meeting.accept("close").event.outcome.result == "lost"


def test_a_roll_call_under_votes_cast_is_settled_only_when_the_rest_cannot_turn_it(tmp_path: Path) -> None:
    """Closing debate, two-thirds of votes cast: 10 yes and 2 no of 21 can still be lost (9
    more no), and can no longer be once 15 yes stand against 2 no."""
    from meeting.domain.engine import roll_call_settled

    meeting = in_session(tmp_path, item="article-7").run(
        "move by zm-1 seconded bf-1", "move to close-debate by cm-1 seconded gh-1", "roll-call"
    )
    motion = meeting.state.pending
    assert motion.kind == "previous_question"
    meeting.run("yes " + " ".join(ALL_SEATS[:10]), "no " + " ".join(ALL_SEATS[10:12]))
    assert roll_call_settled(meeting.state, motion) is None
    meeting.run("yes " + " ".join(ALL_SEATS[12:17]))
    assert roll_call_settled(meeting.state, motion) == "carried"
