"""`meeting view PATH`: the members' view of a meeting, live (`--follow`) or after it."""

from __future__ import annotations

import argparse
from pathlib import Path

from meeting.cli.options import given, path_text, speak
from meeting.cli.output import print_diagnostics
from meeting.diagnostics import has_errors
from meeting.i18n import _
from meeting.minutes.files import journal_path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "view",
        parents=[common],
        help=_("follow a meeting live, or review its votes, read-only"),
        description=_(
            "Show a meeting to its members from its journal: the item, the motion's exact text, who "
            "has the floor, the quorum by region, the vote in progress and every result; press t "
            "for every decision with its tally, by region and seat by seat. With --follow it reads "
            "the journal as the chair's console writes it (and waits for it if the meeting has "
            "not started). It never writes anything."
        ),
    )
    parser.add_argument(
        "path", metavar="PATH", type=path_text, help=_("a journal.jsonl, or the minutes folder holding it")
    )
    parser.add_argument("--follow", action="store_true", help=_("keep reading the journal as it grows"))
    parser.add_argument(
        "--projector", action="store_true", help=_("large numbers and high contrast, for a beamer or a screen share")
    )
    parser.add_argument(
        "--shown",
        metavar="NAME",
        type=given,
        help=_("the journal's name on the screen and in messages (default: PATH as given)"),
    )
    parser.add_argument(
        "--served",
        action="store_true",
        help=_("as 'meeting serve' shows it in a member's browser: the meeting's title, and no Quit"),
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from meeting.view.app import build_view  # Textual's imports only when the view runs
    from meeting.view.follow import Follower

    path = journal_path(Path(args.path))
    follower = Follower(path, args.shown or str(path))
    follower.poll()
    speak(args, follower.state.meeting.agenda.language if follower.state else None)
    if not args.follow:
        problems = [follower.problem] if follower.problem else []
        if follower.waiting:
            from meeting.diagnostics import error

            problems = [error(follower.shown, "file.missing")]
        elif follower.state is None and not problems:
            from meeting.diagnostics import error

            problems = [error(follower.shown, "journal.empty")]
        print_diagnostics(problems)
        if has_errors(problems) and follower.state is None:
            return 1
    build_view(follower, follow=args.follow, projector=args.projector, served=args.served).run()
    return 0
