"""Options that several subcommands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

from meeting.i18n import _


def path_argument(text: str) -> Path:
    """A path given on the command line; an empty one is a usage error (exit 2), never the
    current folder or a default taken in its place."""
    if not text.strip():
        raise argparse.ArgumentTypeError(_("an empty path names no file"))
    return Path(text)


def add_journal_options(parser: argparse.ArgumentParser) -> None:
    """`--journal PATH` and `--mirror PATH`, for the commands that write a journal."""
    parser.add_argument(
        "--journal",
        metavar="PATH",
        type=path_argument,
        help=_("journal file (default: minutes/<meeting-id>/journal.jsonl)"),
    )
    parser.add_argument("--mirror", metavar="PATH", type=path_argument, help=_("keep a second, identical journal here"))
