"""`meeting run AGENDA`: the chair's console on a meeting, with its journal."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from meeting.cli.options import add_journal_options, path_text, speak
from meeting.cli.output import print_diagnostics
from meeting.domain.text import visible
from meeting.i18n import _
from meeting.loader.read import read_source
from meeting.loader.syntax import agenda_language

if TYPE_CHECKING:
    from meeting.session import Opened
    from meeting.tui.app import Resuming


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "run",
        parents=[common],
        help=_("run a meeting in the chair's console"),
        description=_(
            "Open the chair's console on a meeting. Every action is written to the journal "
            "(fsynced) before the console acknowledges it; running the same command again after a "
            "crash brings the meeting back where it was."
        ),
    )
    parser.add_argument("agenda", metavar="AGENDA", type=path_text, help=_("the meeting's agenda .toml"))
    add_journal_options(parser)
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--resume", action="store_true", help=_("resume an existing journal without asking"))
    choice.add_argument("--new-sitting", action="store_true", help=_("open a new sitting of an existing journal"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    agenda = Path(args.agenda)
    source, unreadable = read_source(agenda)
    speak(args, agenda_language(source) if source is not None else None)
    if source is None:  # no file, no text: said at once, as loading it would say
        print_diagnostics(unreadable)
        return 1

    def opening() -> Opened:
        """In a thread, behind the console's first frame: the agenda loaded and checked, the
        journal created or read."""
        from meeting.session import open_session

        return open_session(agenda, args.journal, args.mirror, scripted=False, resume=True)

    from meeting.tui.app import opening_app  # the console's imports only when it runs

    resuming: Resuming = "resume" if args.resume else "sitting" if args.new_sitting else "ask"
    app = opening_app(opening, args.agenda, resuming, lambda language: speak(args, language))
    app.run()
    # Left before the meeting was on screen, the chair still hears what its opening did.
    opened = app.what_opened()
    if opened is None:
        return app.return_code or 0
    session = opened.session
    if session is not None:
        session.close()
        speak(args, session.state.meeting.agenda.language)  # as the console spoke, as recorded
    print_diagnostics(opened.diagnostics)
    if session is None:
        return 1
    print(_("Journal: {path}").format(path=visible(str(session.journal.path.resolve()))))
    return app.return_code or 0
