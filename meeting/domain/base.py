"""Shared pieces of the council's data models: the strict base model and checked strings."""

from __future__ import annotations

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, WithJsonSchema
from pydantic_core import PydanticCustomError


class Model(BaseModel):
    """Strict: TOML is typed, so `votes = "yes"` is an error, not a guess."""

    model_config = ConfigDict(
        strict=True,
        extra="forbid",
        frozen=True,
        populate_by_name=True,
        serialize_by_alias=True,
        # Validators are built on first use, not at import: the console starts faster.
        defer_build=True,
    )


_ID = re.compile(r"\w[\w.-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")


def _check_id(value: str) -> str:
    if not _ID.fullmatch(value):
        raise PydanticCustomError("id.invalid", "id", {"value": value})
    return value


def _check_text(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError("text.empty", "text")
    return value


def _check_language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise PydanticCustomError("language.invalid", "language", {"value": value})
    return value


def is_time_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _check_time_zone(value: str) -> str:
    if not is_time_zone(value):
        raise PydanticCustomError("zone.unknown", "zone", {"value": value})
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[\w][\w.-]*$",
            "description": "Letters, digits, '-', '_' or '.', no spaces.",
        }
    ),
]
Text = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1})]
Language = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "examples": ["en", "fr", "sw"]}),
]
TimeZone = Annotated[
    str,
    AfterValidator(_check_time_zone),
    WithJsonSchema({"type": "string", "description": "An IANA time zone.", "examples": ["Africa/Nairobi"]}),
]
