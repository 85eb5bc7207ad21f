"""The motions the engine knows, with the standard rules of Robert's Rules of Order (RONR,
12th ed., governance reference §3). A council may change any row in `[rules.motions]`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

MotionKind = Literal[
    # privileged, highest rank first
    "fix_time_to_adjourn",
    "adjourn",
    "recess",
    "question_of_privilege",
    "orders_of_the_day",
    # subsidiary
    "lay_on_table",
    "previous_question",
    "limit_debate",
    "postpone",
    "commit",
    "amend",
    "postpone_indefinitely",
    # the main motion
    "main",
    # incidental: no rank, decided as they arise
    "point_of_order",
    "appeal",
    "suspend_rules",
    "objection_to_consideration",
    "division_of_question",
    "division_of_assembly",
    "withdraw",
    "change_agenda",
    # motions that bring a question back
    "take_from_table",
    "rescind",
    "reconsider",
]

MOTION_KINDS: tuple[MotionKind, ...] = get_args(MotionKind)
# The chair's ruling on a question of privilege admits it or not (RONR §19: whether it is one,
# and urgent enough to interrupt the business); a point of order is ruled well taken or not (§23).
ADMITTED_BY_RULING: frozenset[MotionKind] = frozenset({"question_of_privilege"})
# About the meeting, not the question: they adhere to no motion (RONR §5).
PRIVILEGED: frozenset[MotionKind] = frozenset(MOTION_KINDS[: MOTION_KINDS.index("lay_on_table")])

# How the motion is decided when the council says nothing: a majority or two-thirds of votes
# cast, half of them (a tie sustains the chair on appeal), the item's own decision class,
# or the chair's ruling.
Decision = Literal["majority", "two_thirds", "sustain", "item", "chair"]


@dataclass(frozen=True, slots=True)
class MotionRule:
    kind: MotionKind
    word: str  # as typed after `move to`
    rank: int | None  # precedence among ranked motions; None: incidental or bringing back
    needs_second: bool
    debatable: bool
    amendable: bool
    decided_by: Decision
    section: str  # RONR section


def _rule(
    kind: MotionKind, word: str, rank: int | None, second: bool, debate: bool, amend: bool, by: Decision, section: str
) -> MotionRule:
    return MotionRule(kind, word, rank, second, debate, amend, by, section)


STANDARD_MOTIONS: dict[MotionKind, MotionRule] = {
    rule.kind: rule
    for rule in (
        _rule("fix_time_to_adjourn", "fix-time", 13, True, False, True, "majority", "§22"),
        _rule("adjourn", "adjourn", 12, True, False, False, "majority", "§21"),
        _rule("recess", "recess", 11, True, False, True, "majority", "§20"),
        _rule("question_of_privilege", "privilege", 10, False, False, False, "chair", "§19"),
        _rule("orders_of_the_day", "orders-of-the-day", 9, False, False, False, "chair", "§18"),
        _rule("lay_on_table", "table", 8, True, False, False, "majority", "§17"),
        _rule("previous_question", "close-debate", 7, True, False, False, "two_thirds", "§16"),
        _rule("limit_debate", "limit-debate", 6, True, False, True, "two_thirds", "§15"),
        _rule("postpone", "postpone", 5, True, True, True, "majority", "§14"),
        _rule("commit", "refer", 4, True, True, True, "majority", "§13"),
        _rule("amend", "amend", 3, True, True, True, "majority", "§12"),
        _rule("postpone_indefinitely", "postpone-indefinitely", 2, True, True, False, "majority", "§11"),
        _rule("main", "main", 1, True, True, True, "item", "§10"),
        _rule("point_of_order", "point-of-order", None, False, False, False, "chair", "§23"),
        _rule("appeal", "appeal", None, True, True, False, "sustain", "§24"),
        _rule("suspend_rules", "suspend-rules", None, True, False, False, "two_thirds", "§25"),
        _rule("objection_to_consideration", "object", None, False, False, False, "two_thirds", "§26"),
        _rule("division_of_question", "divide", None, True, False, True, "majority", "§27"),
        _rule("division_of_assembly", "division", None, False, False, False, "chair", "§29"),
        # A motion once stated is withdrawn by general consent, or by a vote on an objection.
        _rule("withdraw", "withdraw", None, False, False, False, "majority", "§33"),
        # The adopted agenda is the council's: changed by general consent or two-thirds (§41).
        _rule("change_agenda", "change-agenda", None, False, False, False, "two_thirds", "§41"),
        _rule("take_from_table", "take-from-table", None, True, False, False, "majority", "§34"),
        _rule("rescind", "rescind", None, True, True, True, "two_thirds", "§35"),
        _rule("reconsider", "reconsider", None, True, True, False, "majority", "§37"),
    )
}

# Raised with their own verbs (`point`, `withdraw`, `division`, and `add`, `reorder`, `defer`,
# `drop-item` on an adopted agenda), not with `move to`.
_OWN_VERBS: frozenset[MotionKind] = frozenset({"point_of_order", "withdraw", "division_of_assembly", "change_agenda"})
MOTION_WORDS: tuple[str, ...] = tuple(r.word for r in STANDARD_MOTIONS.values() if r.kind not in _OWN_VERBS)
KIND_OF_WORD: dict[str, MotionKind] = {rule.word: rule.kind for rule in STANDARD_MOTIONS.values()}
