"""`minutes.toml` and `minutes.json`: the Minutes model as data, the same content in both.

TOML is the canonical record (diff-friendly: one value per line, multi-line strings kept as
written); JSON is for programs, and `meeting schema minutes` prints its JSON Schema.
"""

from __future__ import annotations

from typing import Any

import tomli_w

from meeting.domain.text import visible
from meeting.i18n import _
from meeting.minutes.model import Minutes


def to_json(minutes: Minutes) -> str:
    # pydantic's serializer writes what json.dumps(data, ensure_ascii=False, indent=2) would,
    # byte for byte, and many times faster (json's indented output is pure Python).
    return minutes.model_dump_json(indent=2, exclude_none=True) + "\n"


def to_toml(minutes: Minutes) -> str:
    marks = " · ".join(minutes.header.marks)
    header = "# " + visible(minutes.header.title_words) + (f" ({marks})" if marks else "")
    check = _("# The structured record of the minutes, written from the meeting's journal.")
    return f"{header}\n{check}\n\n" + tomli_w.dumps(minutes.data(), multiline_strings=True)


def json_schema() -> dict[str, Any]:
    return Minutes.model_json_schema(by_alias=True)
