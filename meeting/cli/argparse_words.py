"""argparse's own words (usage, the help's headings, its usage errors) in the language being
spoken. argparse looks its sentences up through its module's `_` when it formats them; the
entry point (`cli.main`) points that at ours, which follows the language of the current scope.
The sentences are marked here for the catalogs; tests/unit/test_i18n.py checks that each is
still argparse's own. "error" in "meeting: error: ..." stays English, as in every diagnostic.
"""

from __future__ import annotations

import argparse

from meeting.i18n import N_, _, ngettext

ARGPARSE_WORDS: tuple[str, ...] = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unrecognized arguments: %s"),
    N_("the following arguments are required: %s"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
)


def speak_argparse() -> None:
    """argparse's sentences through our `_` (English unless a scope says otherwise)."""
    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]
