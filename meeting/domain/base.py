"""Shared pieces of the council's data models: the strict base model and checked strings."""

from __future__ import annotations

import re
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, WithJsonSchema
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


# What the loader accepts: ASCII letters and digits, so that ids are typed alike on every
# keyboard and no two scripts' look-alike letters (Cyrillic "ӏ", Latin "ɡ") make two ids read
# as one. Journals written before this rule may hold any letters; they still read (`_ANY_ID`).
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")
_ANY_ID = re.compile(r"\w[\w.-]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")

# The files' own rules, stricter than what an older journal may hold: the loader validates
# with this context; reading a journal does not.
LOADING = {"loading": True}


def _loading(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("loading"))


def _check_id(value: str, info: ValidationInfo) -> str:
    if not (_ID if _loading(info) else _ANY_ID).fullmatch(value):
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


# Names a zone database holds that are not IANA zones: the machine's own setting, a POSIX
# default, and the "posix/" and "right/" (leap-second) copies of the real ones.
_NOT_IANA = frozenset({"localtime", "posixrules", "Factory"})


def is_time_zone(name: str) -> bool:
    """An IANA zone the zone database knows."""
    return name not in _NOT_IANA and not name.startswith(("posix/", "right/")) and _loads_as_zone(name)


def _loads_as_zone(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _check_time_zone(value: str, info: ValidationInfo) -> str:
    if not (is_time_zone(value) if _loading(info) else _loads_as_zone(value)):
        raise PydanticCustomError("zone.unknown", "zone", {"value": value})
    return value


Id = Annotated[
    str,
    AfterValidator(_check_id),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^[A-Za-z0-9][A-Za-z0-9._-]*$",
            "description": "ASCII letters and digits, '-', '_' or '.', no spaces; starts with a letter or digit.",
        }
    ),
]
Text = Annotated[str, AfterValidator(_check_text), WithJsonSchema({"type": "string", "minLength": 1})]
Language = Annotated[
    str,
    AfterValidator(_check_language),
    WithJsonSchema({"type": "string", "pattern": r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", "examples": ["en", "fr", "sw"]}),
]
# A text of a file in the other languages the minutes and the views speak, by language code
# (an item's title, a region's name, an election's office).
Translations = dict[Language, Text]
TimeZone = Annotated[
    str,
    AfterValidator(_check_time_zone),
    WithJsonSchema({"type": "string", "description": "An IANA time zone.", "examples": ["Africa/Nairobi"]}),
]
