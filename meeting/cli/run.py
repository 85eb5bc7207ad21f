"""`meeting run AGENDA`: the chair's console on a meeting, with its journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from meeting.cli.options import add_journal_options, speak
from meeting.cli.output import print_diagnostics
from meeting.i18n import _
from meeting.lasting import built_to_last
from meeting.session import WallClock, open_session


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
    parser.add_argument("agenda", metavar="AGENDA", help=_("the meeting's agenda .toml"))
    add_journal_options(parser)
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--resume", action="store_true", help=_("resume an existing journal without asking"))
    choice.add_argument("--new-sitting", action="store_true", help=_("open a new sitting of an existing journal"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with built_to_last():  # the meeting's state, the console's modules, the app
        opened = open_session(Path(args.agenda), args.journal, args.mirror, scripted=False, resume=True)
        diagnostics, session, existed = opened.diagnostics, opened.session, opened.existed
        speak(args, session.state.meeting.agenda.language if session else None)
        print_diagnostics(diagnostics)
        if session is None:
            return 1
        from meeting.tui.app import build_app  # the console's imports only when it runs

        if args.new_sitting:
            session.execute("sitting")
        warnings = [d for d in diagnostics if d.severity == "warning"]  # also shown in the console
        app = build_app(session, WallClock(), existed and not (args.resume or args.new_sitting), warnings)
    try:
        app.run()
    finally:
        session.close()
    print(_("Journal: {path}").format(path=session.journal.path.resolve()))
    return 0
