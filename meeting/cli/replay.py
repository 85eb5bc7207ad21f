"""`meeting replay AGENDA SCRIPT`: run a meeting from a script of commands, headless."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from pathlib import Path

from meeting.cli.options import add_journal_options, path_text, speak
from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic
from meeting.i18n import _
from meeting.journal import JournalError
from meeting.loader.read import read_source
from meeting.report import summary_lines
from meeting.session import Accepted, Session, open_session


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
    parser.add_argument("agenda", metavar="AGENDA", type=path_text, help=_("the meeting's agenda .toml"))
    parser.add_argument("script", metavar="SCRIPT", type=path_text, help=_("the commands, one per line"))
    add_journal_options(parser)
    parser.add_argument("--append", action="store_true", help=_("continue an existing journal"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def _finish(args: argparse.Namespace, diagnostics: list[Diagnostic], session: Session | None) -> int:
    ok = not any(d.severity == "error" for d in diagnostics)
    journal = str(session.journal.path.resolve()) if session else None
    speak(args, session.state.meeting.agenda.language if session else None)
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


def run(args: argparse.Namespace) -> int:
    diagnostics: list[Diagnostic] = []
    script, problems = read_source(Path(args.script))
    diagnostics += problems
    session = None
    if script is not None:
        opened = open_session(Path(args.agenda), args.journal, args.mirror, scripted=True, resume=args.append)
        diagnostics += opened.diagnostics
        session = opened.session
    if session is None or script is None:
        return _finish(args, diagnostics, None)
    for number, line in enumerate(script.text.replace("\r\n", "\n").split("\n"), start=1):
        try:
            result = session.execute(line)
        except JournalError as exc:
            diagnostics.append(_at_line(exc.diagnostic, session, script.path, number, line))
            break
        if isinstance(result, Accepted):
            diagnostics += result.warnings
        elif result is not None:
            diagnostics.append(Diagnostic(script.path, number, result.col, "error", result.code, result.params))
            break
    return _finish(args, diagnostics, session)


def _at_line(problem: Diagnostic, session: Session, script: str, number: int, line: str) -> Diagnostic:
    """A journal that could not be written, located at the script's line whose command it
    could not record: every line before it is recorded, so the chair continues the script from
    there with --append. A problem of another file (a torn line's .torn) keeps its own place."""
    if problem.path != str(session.journal.path):
        return problem
    return replace(problem, path=script, line=number, col=len(line) - len(line.lstrip()) + 1)
