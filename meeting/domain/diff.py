"""The word-level change an amendment makes to a motion's text, for the members' view, the
console and the minutes: which words it strikes out and which it inserts.

Pure: the same two texts always give the same segments, and joining the segments back gives
each text exactly (the unchanged and struck-out parts give `before`; the unchanged and inserted
parts give `after`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Literal

Op = Literal["same", "removed", "added"]

# Words, single punctuation marks and runs of spaces: "region's" is region, ', s, so a changed
# apostrophe or comma is shown alone rather than striking out the whole word around it.
_TOKENS = re.compile(r"\w+|\s+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Segment:
    op: Op
    text: str


def word_diff(before: str, after: str) -> list[Segment]:
    """The segments that turn `before` into `after`, in reading order; a change shows what is
    struck out before what is inserted in its place."""
    old, new = _TOKENS.findall(before), _TOKENS.findall(after)
    segments: list[Segment] = []
    opcodes = SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    for index, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            text = "".join(old[i1:i2])
            if text.isspace() and 0 < index < len(opcodes) - 1:
                # A lone space between two changes belongs to both: "strike out 'a b'", not
                # "strike out 'a', keep ' ', strike out 'b'".
                _add(segments, "removed", text)
                _add(segments, "added", text)
            else:
                _add(segments, "same", text)
            continue
        _add(segments, "removed", "".join(old[i1:i2]))
        _add(segments, "added", "".join(new[j1:j2]))
    return _in_reading_order(segments)


def _add(segments: list[Segment], op: Op, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].op == op:
        segments[-1] = Segment(op, segments[-1].text + text)
    else:
        segments.append(Segment(op, text))


def _in_reading_order(segments: list[Segment]) -> list[Segment]:
    """Runs of changes merged into one struck-out part followed by one inserted part."""
    ordered: list[Segment] = []
    run: list[Segment] = []
    for segment in [*segments, Segment("same", "")]:
        if segment.op != "same":
            run.append(segment)
            continue
        for op in ("removed", "added"):
            _add(ordered, op, "".join(s.text for s in run if s.op == op))
        run = []
        _add(ordered, "same", segment.text)
    return ordered


def only_adds(before: str, after: str) -> bool:
    """Whether `after` keeps every word of `before`, in order, and only adds words to it (an
    amendment that adds to a substitute already adopted, RONR §12:70)."""
    return all(segment.op != "removed" or segment.text.isspace() for segment in word_diff(before, after))
