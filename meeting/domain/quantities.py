"""Exact quantities in the rules: a share written as a fraction, or a whole count.

`"2/3"` is a share (a `Fraction` between 0 and 1); `14` is a count. Arithmetic on them is
exact: 21 x 2/3 is 14, never 14.07.
"""

from __future__ import annotations

import functools
import math
import re
from fractions import Fraction
from typing import Annotated, Any

from pydantic import PlainSerializer, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

# Always with a slash: "1" would read as a count to some and as 100 % to others.
_FRACTION = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")


@functools.lru_cache(maxsize=4096)
def _written(text: str) -> Fraction | None:
    """The fraction a text such as "38/3" writes, or None: cached, since a journal of 100,000
    events repeats the same few in every vote it records."""
    match = _FRACTION.fullmatch(text)
    if match is None or int(match[2]) == 0:
        return None
    return Fraction(int(match[1]), int(match[2]))


def parse_share(value: Any) -> Fraction:
    if isinstance(value, str):
        share = _written_share(value)
        if isinstance(share, str):
            raise PydanticCustomError(share, "share", {"value": value})
        return share
    if not isinstance(value, Fraction):  # a Fraction comes from a model built in code
        raise PydanticCustomError("share.not-a-fraction", "share", {"value": value})
    if not 0 <= value <= 1:
        raise PydanticCustomError("share.out-of-range", "share", {"value": share_text(value)})
    return value


@functools.lru_cache(maxsize=4096)
def _written_share(text: str) -> Fraction | str:
    """The share a text writes, or the code of what is wrong with it: cached with its range
    check, which compares Fractions (a microsecond for every vote a journal records)."""
    written = _written(text)
    if written is None:
        return "share.zero-denominator" if _FRACTION.fullmatch(text) is not None else "share.not-a-fraction"
    if not 0 <= written <= 1:
        return "share.out-of-range"
    return written


def parse_amount(value: Any) -> int | Fraction:
    # bool is an int in Python, but `true` is not a count.
    if isinstance(value, int) and not isinstance(value, bool):
        if value < 0:
            raise PydanticCustomError("count.negative", "count", {"value": value})
        return value
    if isinstance(value, str | Fraction):
        return parse_share(value)
    raise PydanticCustomError("amount.wrong-type", "amount", {"value": value})


def share_text(share: Fraction) -> str:
    return f"{share.numerator}/{share.denominator}"


def parse_exact(value: Any) -> Fraction:
    """Any exact non-negative number: an integer, or a fraction written "38/3"."""
    # A text first: what a journal holds, and cheaper to ask than Fraction, an abstract class's.
    written = _written(value) if isinstance(value, str) else None
    if written is not None:
        return written
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Fraction(value)
    raise PydanticCustomError("share.not-a-fraction", "fraction", {"value": value})


def _dump_amount(amount: int | Fraction) -> int | str:
    return share_text(amount) if isinstance(amount, Fraction) else amount


_SHARE_SCHEMA = {
    "type": "string",
    "pattern": r"^\s*\d+\s*/\s*\d+\s*$",
    "description": 'An exact fraction between 0 and 1, such as "2/3".',
    "examples": ["1/2", "2/3"],
}

Share = Annotated[
    Fraction,
    PlainValidator(parse_share),
    PlainSerializer(share_text),
    WithJsonSchema(_SHARE_SCHEMA),
]

# An exact number that may exceed 1, such as the yes votes a decision required (38/3).
Exact = Annotated[
    Fraction,
    PlainValidator(parse_exact),
    PlainSerializer(share_text),
    WithJsonSchema({"type": "string", "pattern": r"^\d+/\d+$", "examples": ["38/3"]}),
]

# A count (a TOML integer) or a share of some base (a fraction written as a string).
Amount = Annotated[
    int | Fraction,
    PlainValidator(parse_amount),
    PlainSerializer(_dump_amount),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 0, "description": "A count."},
                _SHARE_SCHEMA,
            ]
        }
    ),
]


def least_whole(required: Fraction, strictly: bool) -> int:
    """The smallest whole number meeting a bound: at least 38/3 is 13; more than 17/2 is 9."""
    return math.floor(required) + 1 if strictly else math.ceil(required)


# The two below work in whole numbers, as `least_whole` would on `amount * base`: a quorum asks
# this of every region at every motion, and a Fraction's product costs ten times as much.


def least_count_at_least(amount: int | Fraction, base: int) -> int:
    """The smallest whole number that is at least `amount` (a count, or a share of `base`)."""
    if isinstance(amount, Fraction):
        return -(-amount.numerator * base // amount.denominator)
    return amount


def least_count_more_than(amount: int | Fraction, base: int) -> int:
    """The smallest whole number strictly greater than `amount` (a count, or a share of `base`)."""
    if isinstance(amount, Fraction):
        return amount.numerator * base // amount.denominator + 1
    return amount + 1


# ── Weights: the votes a seat carries ─────────────────────────────────────────
# An integer (3 votes) or an exact fraction ("1/3" of a vote, "5/2"), never a decimal; written
# back as an integer when it is whole, so that `weight = 3` reads back as it was written.


def parse_quantity(value: Any) -> Fraction:
    """Any exact number of votes, 0 or more: an integer, or a fraction written "38/3"."""
    if isinstance(value, int) and not isinstance(value, bool) and value < 0:
        raise PydanticCustomError("count.negative", "count", {"value": value})
    return parse_exact(value)


def parse_weight(value: Any) -> Fraction:
    """The votes one seat carries: more than none."""
    weight = parse_quantity(value)
    if weight == 0:
        raise PydanticCustomError("weight.zero", "weight", {"value": value})
    return weight


def quantity_text(value: Fraction) -> int | str:
    return value.numerator if value.denominator == 1 else share_text(value)


_QUANTITY_SCHEMA = {
    "anyOf": [
        {"type": "integer", "minimum": 0, "description": "A whole number of votes."},
        {"type": "string", "pattern": r"^\s*\d+\s*/\s*\d+\s*$", "description": 'An exact fraction, such as "1/3".'},
    ]
}

# A number of votes, 0 or more: the weighted totals of a vote.
Quantity = Annotated[
    Fraction, PlainValidator(parse_quantity), PlainSerializer(quantity_text), WithJsonSchema(_QUANTITY_SCHEMA)
]

# The votes a seat carries: more than 0.
Weight = Annotated[
    Fraction, PlainValidator(parse_weight), PlainSerializer(quantity_text), WithJsonSchema(_QUANTITY_SCHEMA)
]


def meets(amount: Fraction, required: Fraction, strictly: bool) -> bool:
    """Whether `amount` reaches `required`: more than it when `strictly`, at least it otherwise."""
    return amount > required if strictly else amount >= required
