"""`meeting replay AGENDA SCRIPT`: run a meeting from a script of commands, headless."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic, error
from meeting.i18n import _
from meeting.journal import JournalError
from meeting.loader.load import load
from meeting.loader.read import read_source
from meeting.report import summary_lines
from meeting.session import Accepted, ScriptClock, Session, default_journal, source_files


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "replay",
        parents=[common],
        help=_("run a meeting from a script of commands"),
        description=_(
            "Apply a script of commands to a meeting, headless, writing its journal. Time comes "
            "only from 'at HH:MM' lines, so the same script gives the same journal. At the first "
            "refused command, prints SCRIPT:LINE:COL: error: reason and exits 1, keeping what "
            "was recorded before it."
        ),
    )
    parser.add_argument("agenda", metavar="AGENDA", help=_("the meeting's agenda .toml"))
    parser.add_argument("script", metavar="SCRIPT", help=_("the commands, one per line"))
    parser.add_argument(
        "--journal", metavar="PATH", help=_("journal file (default: minutes/<meeting-id>/journal.jsonl)")
    )
    parser.add_argument("--append", action="store_true", help=_("continue an existing journal"))
    parser.add_argument("--mirror", metavar="PATH", help=_("keep a second, identical journal here"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def _finish(args: argparse.Namespace, diagnostics: list[Diagnostic], session: Session | None) -> int:
    ok = not any(d.severity == "error" for d in diagnostics)
    journal = str(session.journal.path.resolve()) if session else None
    if args.json:
        summary = list(summary_lines(session.state)) if session else None
        print(json.dumps(json_result(diagnostics, journal=journal, summary=summary), ensure_ascii=False, indent=2))
    else:
        print_diagnostics(diagnostics)
        if journal:
            print(_("Journal: {path}").format(path=journal))
        if session:
            print("\n".join(summary_lines(session.state)))
    if session:
        session.close()
    return 0 if ok else 1


def _session(args: argparse.Namespace, diagnostics: list[Diagnostic]) -> Session | None:
    agenda_path = Path(args.agenda)
    loaded = load(agenda_path, expect="agenda")
    diagnostics += loaded.diagnostics
    if loaded.meeting is None:
        return None
    meeting = loaded.meeting
    path = Path(args.journal) if args.journal else default_journal(meeting.agenda.id)
    mirror = Path(args.mirror) if args.mirror else None
    zone = meeting.agenda.time_zone
    try:
        if not path.exists():
            clock = ScriptClock(meeting.agenda.scheduled_start, zone)
            return Session.start(meeting, source_files(loaded.sources, agenda_path), path, clock, mirror)
        if not args.append:
            diagnostics.append(error(str(path), "replay.journal-exists"))
            return None
        session, warnings = Session.resume(path, ScriptClock(meeting.agenda.scheduled_start, zone), mirror)
    except JournalError as exc:
        diagnostics.append(exc.diagnostic)
        return None
    diagnostics += warnings
    if session.state.meeting.agenda.id != meeting.agenda.id:
        diagnostics.append(error(str(path), "replay.other-meeting", id=session.state.meeting.agenda.id))
        session.close()
        return None
    session.clock = ScriptClock(session.journal.last.ts, zone)
    return session


def run(args: argparse.Namespace) -> int:
    diagnostics: list[Diagnostic] = []
    script, problems = read_source(Path(args.script))
    diagnostics += problems
    session = _session(args, diagnostics) if script else None
    if session is None or script is None:
        return _finish(args, diagnostics, None)
    for number, line in enumerate(script.text.replace("\r\n", "\n").split("\n"), start=1):
        try:
            result = session.execute(line)
        except JournalError as exc:
            diagnostics.append(exc.diagnostic)
            break
        if isinstance(result, Accepted):
            if result.warning:
                diagnostics.append(result.warning)
        elif result is not None:
            diagnostics.append(Diagnostic(script.path, number, result.col, "error", result.code, result.params))
            break
    return _finish(args, diagnostics, session)
