"""Options that several subcommands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

from meeting.i18n import _, choose, set_language


def given(text: str) -> str:
    """The type of every option that takes a value: an empty value is a usage error (exit 2)
    that names its option, never a check skipped or a default taken in its place
    (`--expect ""` verified nothing, `-o ""` wrote beside the journal)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("it is empty"))
    return text


def path_text(text: str) -> str:
    """A path given on the command line, as typed (the type of every positional FILE, JOURNAL
    or PATH); an empty one is a usage error (exit 2), never the current folder or a default
    taken in its place (`meeting check ""` read the folder `.`)."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty path names no file"))
    return text


def path_argument(text: str) -> Path:
    """A path option's value (`path_text`), as a Path."""
    return Path(path_text(text))


def said_argument(text: str) -> str:
    """Words or a name given on the command line (`given`), in UTF-8."""
    given(text)
    try:  # bytes that are not UTF-8 reach Python as lone surrogates, which no file can hold
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise argparse.ArgumentTypeError(_("it is not UTF-8 text")) from None
    return text


def add_journal_options(parser: argparse.ArgumentParser) -> None:
    """`--journal PATH` and `--mirror PATH`, for the commands that write a journal."""
    parser.add_argument(
        "--journal",
        metavar="PATH",
        type=path_argument,
        help=_("journal file (default: minutes/<meeting-id>/journal.jsonl)"),
    )
    parser.add_argument("--mirror", metavar="PATH", type=path_argument, help=_("keep a second, identical journal here"))


def speak(args: argparse.Namespace, meeting_language: str | None) -> None:
    """A command's language once it knows its meeting: `--lang`, else the meeting's own, else the
    environment's (`i18n.choose`). It refines the scope `cli.main` opened around the command
    (`with language(...)`), which gives the caller's language back when the command ends."""
    set_language(choose(args.lang, meeting_language))
