"""`meeting run AGENDA`: the chair's console on a meeting, with its journal."""

from __future__ import annotations

import argparse
from pathlib import Path

from meeting.cli.output import print_diagnostics
from meeting.diagnostics import Diagnostic, error
from meeting.i18n import _
from meeting.journal import JournalError
from meeting.loader.load import load
from meeting.session import Session, WallClock, default_journal, source_files


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
    parser.add_argument(
        "--journal", metavar="PATH", help=_("journal file (default: minutes/<meeting-id>/journal.jsonl)")
    )
    parser.add_argument("--mirror", metavar="PATH", help=_("keep a second, identical journal here"))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--resume", action="store_true", help=_("resume an existing journal without asking"))
    choice.add_argument("--new-sitting", action="store_true", help=_("open a new sitting of an existing journal"))
    parser.set_defaults(run=run)


def _session(args: argparse.Namespace, diagnostics: list[Diagnostic]) -> tuple[Session | None, bool]:
    """The session on the agenda's journal (created when new), and whether it existed."""
    agenda = Path(args.agenda)
    loaded = load(agenda, expect="agenda")
    diagnostics += loaded.diagnostics
    if loaded.meeting is None:
        return None, False
    path = Path(args.journal) if args.journal else default_journal(loaded.meeting.agenda.id)
    mirror = Path(args.mirror) if args.mirror else None
    try:
        if not path.exists():
            sources = source_files(loaded.sources, agenda)
            return Session.start(loaded.meeting, sources, path, WallClock(), mirror), False
        session, warnings = Session.resume(path, WallClock(), mirror)
    except JournalError as exc:
        diagnostics.append(exc.diagnostic)
        return None, False
    diagnostics += warnings
    if session.state.meeting.agenda.id != loaded.meeting.agenda.id:
        diagnostics.append(error(str(path), "replay.other-meeting", id=session.state.meeting.agenda.id))
        session.close()
        return None, False
    return session, True


def run(args: argparse.Namespace) -> int:
    diagnostics: list[Diagnostic] = []
    session, existed = _session(args, diagnostics)
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
