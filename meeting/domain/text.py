"""Text that may not reach a terminal or a document: control characters and bidi overrides.

An ESC begins a terminal escape sequence (colours, a window title, a hyperlink); other C0 and
C1 controls move the cursor or ring the bell; a bidi override makes a text read differently
from how it is stored ("Trojan Source"). They are refused where text comes in (command texts,
TOML strings) and shown escaped (`\\u001b`) wherever an older record still carries one. A tab
is ordinary white space.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab, DEL, the C1 controls, and the bidi embeddings, overrides and isolates.
# U+FFFE and U+FFFF are not characters: XML (the Word file) cannot hold them.
# U+2028 and U+2029 break a line wherever text is split into lines (a diagnostic, a CSV cell).
FORBIDDEN = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]")


def first_forbidden(text: str) -> int | None:
    """The index of the first character that may not be kept, or None."""
    match = FORBIDDEN.search(text)
    return match.start() if match else None


def code_point(char: str) -> str:
    """`U+001B`: how a refusal names the character."""
    return f"U+{ord(char):04X}"


def visible(text: str) -> str:
    """The text with every forbidden character written out as `\\uXXXX`."""
    if text.isprintable():  # every forbidden character is a control (Cc), a format (Cf) or a noncharacter one
        return text
    return FORBIDDEN.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


# Letters that carry no accent to strip but are typed otherwise on most keyboards.
_PLAIN = str.maketrans({"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"})


def plain_letters(text: str) -> str:
    """Case- and accent-insensitive, so `ouedraogo` finds Ouédraogo and `odegard` Ødegård: what a
    name or a title is searched by, in commands and in the console's pickers and filters, and
    what `meeting check` compares names by. Characters no screen shows (Unicode's format
    characters: a soft hyphen, a zero-width space, a direction mark) are left out, so "Ali" is
    found however its name was typed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_PLAIN))
    return "".join(c for c in decomposed if not unicodedata.combining(c) and unicodedata.category(c) != "Cf")
