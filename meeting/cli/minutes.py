"""`meeting minutes JOURNAL`: write the minutes of a meeting from its journal alone."""

from __future__ import annotations

import argparse
import errno
import hashlib
import json
from pathlib import Path
from typing import TYPE_CHECKING

from meeting.cli.options import given, path_text, speak
from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic, error
from meeting.i18n import _
from meeting.minutes import files

if TYPE_CHECKING:
    from meeting.minutes.model import Approved


def formats(text: str) -> list[str]:
    """`--format toml,json` or `all`: the formats asked for, in the order `all` writes them."""
    asked = [word.strip().lower() for word in text.split(",") if word.strip()]
    if not asked:
        raise argparse.ArgumentTypeError(
            _("give one or more of: {formats}, or all").format(formats=",".join(files.FORMATS))
        )
    if "all" in asked:
        return list(files.FORMATS)
    for word in asked:
        if word not in files.FORMATS:
            raise argparse.ArgumentTypeError(
                _("unknown format '{format}'; use one or more of: {formats}, or all").format(
                    format=word, formats=",".join(files.FORMATS)
                )
            )
    return [fmt for fmt in files.FORMATS if fmt in asked]


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "minutes",
        parents=[common],
        help=_("write the minutes of a meeting from its journal"),
        description=_(
            "Write the minutes of a meeting from its journal alone: minutes.toml (the structured "
            "record), minutes.json, minutes.md, minutes.html (for print and phones), minutes.docx (to edit, "
            "sign and send) and votes.csv, and manifest.toml listing them with their SHA-256. An item taken in "
            "closed session is recorded in full only in minutes-closed.* (confidential). "
            "The same journal always gives the same bytes. With --lang other than the meeting's "
            "own language the files are minutes.<lang>.<ext> and votes.<lang>.csv."
        ),
    )
    parser.add_argument(
        "journal", metavar="JOURNAL", type=path_text, help=_("the meeting's journal.jsonl (or its folder)")
    )
    parser.add_argument(
        "-o", "--output", metavar="DIR", type=given, help=_("folder to write into (default: the journal's folder)")
    )
    parser.add_argument(
        "--format",
        type=formats,
        default=list(files.FORMATS),
        metavar="LIST",
        help=_("comma-separated: {formats}, or all (default: all)").format(formats=",".join(files.FORMATS)),
    )
    parser.add_argument(
        "--templates",
        metavar="DIR",
        type=given,
        help=_("a folder whose minutes.html and minutes.css replace the packaged ones (docs/minutes.md)"),
    )
    parser.add_argument(
        "--approved-by",
        metavar="LATER_JOURNAL",
        type=given,
        help=_(
            "the journal of the later meeting that approved these minutes: they are written approved, "
            "with its corrections (default: the one manifest.toml in the output folder names, if any)"
        ),
    )
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def write(
    journal: files.Read,
    path: Path,
    folder: Path,
    args: argparse.Namespace,
    link: tuple[Path, Approved] | None,
    diagnostics: list[Diagnostic],
) -> list[str]:
    """Every format asked for, in each view (public, and confidential when a session was
    closed), then the manifest; the paths written."""
    assert journal.state is not None
    written: list[str] = []
    meeting_language = journal.state.meeting.agenda.language
    views = [False, True] if files.has_closed_session(journal) else [False]
    # Every file made before any is written: a template that fails leaves the folder as it was.
    made: dict[Path, bytes] = {}
    try:
        for confidential in views:
            minutes = files.minutes_in(journal, args.lang, link[1] if link else None, confidential=confidential)
            for fmt in args.format:
                target = folder / files.file_name(fmt, minutes.language, meeting_language, confidential)
                made[target] = files.render(minutes, fmt, args.templates)
    except files.TemplateFailed as exc:
        diagnostics.append(exc.diagnostic)
        return written
    journals = [path, link[0]] if link else [path]
    if clash := files.a_journal_among([*made, folder / files.MANIFEST], journals):
        target, journal_file = clash
        diagnostics.append(error(str(journal_file), "minutes.would-replace-journal", file=target.name))
        return written
    hashes = {target.name: hashlib.sha256(data).hexdigest() for target, data in made.items()}
    manifest = folder / files.MANIFEST
    try:
        folder.mkdir(parents=True, exist_ok=True)
        made[manifest] = files.manifest(folder, path, journal, hashes, args.templates, link)
        files.write_together(made)  # all or none: a failure leaves the earlier set whole
        written += map(str, made)
    except OSError as exc:
        reason = errno.errorcode.get(exc.errno or 0, "EIO")
        diagnostics.append(error(str(exc.filename or folder), "minutes.unwritable", reason=reason))
    return written


def approval(
    journal: files.Read, path: Path, later: Path | None, diagnostics: list[Diagnostic], told: bool = False
) -> tuple[tuple[Path, Approved] | None, bool]:
    """The approval the later journal records (None without a later journal), and whether the
    minutes can be written: not when the later journal does not approve this journal. `told`:
    the link is the manifest's, and a journal grown since it is said once, by approval_lapsed."""
    if later is None:
        return None, True
    later_path = files.journal_path(later)
    from meeting.minutes.approval import approval_in

    approved, problems = approval_in(journal, path, files.read(later_path), later_path)
    diagnostics += [p for p in problems if not (told and p.code == "approval.journal-moved")]
    return ((later_path, approved), True) if approved is not None else (None, False)


def run(args: argparse.Namespace) -> int:
    path = files.journal_path(Path(args.journal))
    journal = files.read(path)
    speak(args, journal.state.meeting.agenda.language if journal.state else None)
    diagnostics: list[Diagnostic] = list(journal.diagnostics)
    written: list[str] = []
    folder = Path(args.output) if args.output else path.parent
    foreign = files.another_journals(folder, journal) if journal.ok else None
    if foreign is not None:
        diagnostics.append(foreign)
    elif journal.ok:
        later = Path(args.approved_by) if args.approved_by else files.approved_by(folder, journal)
        if lapsed := files.approval_lapsed(folder, journal):
            diagnostics.append(lapsed)
        link, writable = approval(journal, path, later, diagnostics, told=not args.approved_by)
        if (problem := files.templates_problem(args.templates)) is not None:
            diagnostics.append(problem)
        elif writable:
            written = write(journal, path, folder, args, link, diagnostics)
    elif journal.state is not None:
        diagnostics.append(error(str(path), "minutes.journal-damaged"))
    ok = journal.ok and not any(d.severity == "error" for d in diagnostics)
    if args.json:
        print(
            json.dumps(
                json_result(diagnostics, journal=str(path.resolve()), files=written), ensure_ascii=False, indent=2
            )
        )
    else:
        print_diagnostics(diagnostics)
        for name in written:
            print(_("Wrote {path}").format(path=name))
    return 0 if ok else 1
