"""`meeting correct JOURNAL "WHAT" --by MEMBER --why "WHY"`: a correction to the record after
adjournment, from the command line: the command language's `correct`, appended to the journal
(locked like any writer) so the hash chain continues."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from meeting.cli.options import path_text, said_argument
from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic, error
from meeting.domain.engine import Refused
from meeting.domain.language import Command, Ref, format_command
from meeting.i18n import _
from meeting.journal import JournalError
from meeting.minutes.files import journal_path
from meeting.session import Session, WallClock


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "correct",
        parents=[common],
        help=_("append a correction to an adjourned meeting's record"),
        description=_(
            "Append a correction to the journal of an adjourned meeting: what was wrong, the member who "
            "asked for it and why. The journal keeps what it corrects; write the minutes again to show it."
        ),
    )
    parser.add_argument(
        "journal", metavar="JOURNAL", type=path_text, help=_("the meeting's journal.jsonl (or its folder)")
    )
    parser.add_argument(
        "what", metavar="WHAT", type=said_argument, help=_("the correction, as the minutes will say it")
    )
    parser.add_argument(
        "--by", required=True, metavar="MEMBER", type=said_argument, help=_("the member who asked for it")
    )
    parser.add_argument("--why", required=True, metavar="WHY", type=said_argument, help=_("the reason"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path = journal_path(Path(args.journal))
    diagnostics: list[Diagnostic] = []
    seq = None
    try:
        # A torn last line is set aside only once the correction is accepted: refused, it
        # leaves the journal as it found it.
        session, warnings = Session.resume(path, WallClock(), set_aside_now=False)
    except JournalError as exc:
        diagnostics.append(exc.diagnostic)
    else:
        diagnostics += warnings
        # Through the printer and the parser, as any line of the language: a text that is
        # empty, too long or carries a control character is refused here as in the console.
        line = format_command(Command("correct", {"what": args.what, "by": Ref(args.by, 1), "why": args.why}))
        try:
            result = session.execute(line)
        finally:
            session.close()
        if isinstance(result, Refused):
            diagnostics.append(error(str(path), result.code, **result.params))
        elif result is not None and result.entry is not None:  # never None: the line is a command
            seq = result.entry.seq
            diagnostics += result.warnings  # the computer's clock behind the journal's, say
    ok = not any(d.severity == "error" for d in diagnostics)
    if args.json:
        print(json.dumps(json_result(diagnostics, journal=str(path.resolve()), seq=seq), ensure_ascii=False, indent=2))
    else:
        print_diagnostics(diagnostics)
        if ok:
            print(_("Correction recorded as entry {seq} of {path}").format(seq=seq, path=path))
    return 0 if ok else 1
