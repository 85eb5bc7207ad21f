"""The translation seam: every string a person reads passes through `_()`.

The language is a scope, not a switch: `with language("fr"):` renders everything inside in
French, and leaves the caller's language as it was. It lives in a `ContextVar`, so threads and
asyncio tasks started inside the scope keep it, and minutes in two languages can be written at
the same time in one process without either seeing the other's words. Only an entry point (the
`meeting` command) chooses a language for the whole run, with `choose()`:

    --lang, else the meeting's own language, else the environment's locale, else English.

Catalogs live in `meeting/locale/<lang>/LC_MESSAGES/meeting.mo`, compiled from the `.po` files
beside them when the package is built (and by `make`); English is the text in the code.
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "meeting"
ENGLISH = "en"
# The languages the program speaks: English, and each language with a catalog. The council's
# working languages (English, French, Spanish, Swahili) and Portuguese.
LANGUAGES: tuple[str, ...] = (ENGLISH, "fr", "es", "sw", "pt")
# The environment variables that say the user's language, in gettext's order of precedence.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_language: ContextVar[str] = ContextVar("meeting_language", default=ENGLISH)


@cache
def _translation(code: str) -> gettext.NullTranslations:
    """One catalog per language, read once per process (a .mo file is read whole)."""
    if code == ENGLISH:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code], fallback=True)


def supported(code: str | None) -> str | None:
    """The language we speak for a code: "fr" for "fr", "fr-CA" or "fr_FR.UTF-8"; None for a
    language without a catalog ("id", "tl") and for None."""
    if not code:
        return None
    base = code.replace("-", "_").split(".")[0].split("@")[0].split("_")[0].lower()
    return base if base in LANGUAGES else None


def environment_language(environ: dict[str, str] | None = None) -> str | None:
    """The first language we speak among those the environment asks for (LANGUAGE may list
    several, "fr:es"); None when it asks for none of them, or for the "C" locale."""
    environ = dict(os.environ) if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if not value:
            continue
        for code in value.split(":"):
            found = supported(code)
            if found is not None:
                return found
        if variable != "LANGUAGE":  # gettext reads LANGUAGE beside the first locale variable set
            return None
    return None


def choose(asked: str | None, meeting_language: str | None = None) -> str:
    """The language to speak: `--lang`, else the meeting's own language, else the
    environment's locale, else English (each only when we have its catalog)."""
    return supported(asked) or supported(meeting_language) or environment_language() or ENGLISH


@contextmanager
def language(code: str) -> Iterator[str]:
    """Everything rendered inside the block is in `code`'s language; the caller's language is
    back when it ends, whatever happens inside."""
    token = _language.set(supported(code) or ENGLISH)
    try:
        yield _language.get()
    finally:
        _language.reset(token)


def set_language(code: str) -> None:
    """For an entry point only (the command line, a test's set-up): the language of the current
    context from now on. Library code uses `with language(...)` instead."""
    _language.set(supported(code) or ENGLISH)


def current_language() -> str:
    return _language.get()


def _(message: str) -> str:
    return _translation(_language.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation(_language.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; `_()` translates it where shown."""
    return message


# A key's label: the action it starts ("Vote": take a vote), which another language may word
# otherwise than the same English as a noun (a column "Vote": how a member voted).
KEY = "key"


def P_(context: str, message: str) -> str:
    """Mark a string with a context (`P_("key", "Vote")`, extracted as msgctxt "key"); the
    context's own function translates it where shown (`key_label`)."""
    return message


def pgettext(context: str, message: str) -> str:
    """`message` translated as said of `context`: "none" of proxies is "aucune" in French, of
    the absent "aucun"."""
    return _translation(_language.get()).pgettext(context, message)


# The contexts of words that agree with who they are said of ("excusée", "élues"), in the
# languages that write them otherwise; where a catalog has none, the plain translation.
WOMAN, WOMEN, SEVERAL = "said of a woman", "said of women", "said of several"
# A date said with its weekday on Monday to Friday, in the languages whose words before it
# agree with the weekday ("realizada na quinta-feira", "no sábado" in Portuguese).
WORKING_DAY = "said of a date on a working day (Monday to Friday)"


def agreeing(message: str, context: str | None) -> str:
    """`message` translated as said of a woman, of women or of several people (`context`),
    else as it is."""
    if context is not None:
        said = _translation(_language.get()).pgettext(context, message)
        if said != message:
            return said
    return _(message)


def key_label(message: str) -> str:
    """A key's label in the language being spoken: its `key` translation, else the plain one
    (labels of keys not marked with K_)."""
    translation = _translation(_language.get())
    labelled = translation.pgettext(KEY, message)
    return labelled if labelled != message else translation.gettext(message)
