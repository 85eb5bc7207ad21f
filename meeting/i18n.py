"""The translation seam: every string a person reads passes through `_()`.

Catalogs live in `meeting/locale/<lang>/LC_MESSAGES/meeting.mo`; a language without one
falls back to the English text written in the code.
"""

from __future__ import annotations

import gettext
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "meeting"

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = "en"


def set_language(code: str) -> None:
    """Choose the interface language for everything rendered from now on."""
    global _translation, _language
    _translation = gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)
    _language = code


def language() -> str:
    return _language


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; `_()` translates it where shown."""
    return message
