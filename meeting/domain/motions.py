"""The kinds of motion the engine knows, by their Robert's Rules names."""

from __future__ import annotations

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
    # motions that bring a question back
    "take_from_table",
    "rescind",
    "reconsider",
]

MOTION_KINDS: tuple[MotionKind, ...] = get_args(MotionKind)
