"""Text from the record, shown safely: what every minutes format does to it first.

Each format then has its one place that makes text safe for it: `markdown.md`, the HTML
templates' autoescape (`html.environment`), `docx.text` and `csv.cell`.
"""

from __future__ import annotations

import re

# C0 and C1 controls (tab and newline are laid out by each format) and the bidirectional
# overrides and isolates, which can make a line read otherwise than it is stored.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Control characters from an older journal shown escaped (`\\u0007`), never raw."""
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)
