"""`meeting verify JOURNAL_OR_DIR`: check the journal's hash chain, its source files, and every
minutes file beside it against what the journal regenerates."""

from __future__ import annotations

import argparse
import hashlib
import json
import tomllib
from pathlib import Path
from typing import Any

from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic, error, format_diagnostic
from meeting.i18n import N_, _
from meeting.minutes import files


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "verify",
        parents=[common],
        help=_("check a journal and its minutes for any change"),
        description=_(
            "Check a meeting's journal (its hash chain, line by line) and every minutes file in its "
            "folder against what the journal regenerates, byte for byte. With --agenda-dir, also "
            "check the council and agenda files the meeting was loaded from against the SHA-256 the "
            "journal recorded; without it they are reported as not checked. Any difference is "
            "printed as PATH:LINE:COL: error: message and the exit status is 1."
        ),
    )
    parser.add_argument(
        "path", metavar="JOURNAL_OR_DIR", help=_("a journal.jsonl, or the folder holding it and its minutes")
    )
    parser.add_argument(
        "--agenda-dir", metavar="DIR", help=_("the folder of the agenda and council files, to check their hashes")
    )
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def first_difference(found: bytes, expected: bytes) -> tuple[int, int]:
    """The 1-based line and column (in characters) of the first byte where a file differs."""
    index = next(
        (i for i, (a, b) in enumerate(zip(found, expected, strict=False)) if a != b), min(len(found), len(expected))
    )
    line_start = expected.rfind(b"\n", 0, index) + 1
    while index > line_start and index < len(expected) and expected[index] & 0xC0 == 0x80:
        index -= 1  # back to the start of the character the change is in
    prefix = expected[line_start:index].decode("utf-8", errors="replace")
    if line_start == 0:
        prefix = prefix.removeprefix("\ufeff")  # editors do not show the byte-order mark
    return expected.count(b"\n", 0, index) + 1, len(prefix) + 1


def _sources(state: Any, agenda_dir: str | None, diagnostics: list[Diagnostic]) -> list[dict[str, str]]:
    results = []
    for source in state.sources:
        result = {"path": source.path, "sha256": source.sha256}
        if agenda_dir is None:
            result["status"] = "not-checked"
        else:
            path = Path(agenda_dir) / source.path
            try:
                found = hashlib.sha256(path.read_bytes()).hexdigest()
            except OSError:
                diagnostics.append(error(str(path), "verify.source-missing", expected=source.sha256))
                result["status"] = "missing"
            else:
                if found == source.sha256:
                    result["status"] = "matches"
                else:
                    diagnostics.append(error(str(path), "verify.source-changed", found=found, expected=source.sha256))
                    result["status"] = "changed"
        results.append(result)
    return results


def _minutes_files(folder: Path) -> list[tuple[Path, str, str | None]]:
    found = []
    for path in sorted(folder.iterdir()):
        parsed = files.parse_file_name(path.name)
        if parsed is not None and path.is_file():
            found.append((path, *parsed))
    return found


def _recorded_hash(data: bytes, fmt: str) -> str | None:
    """The journal hash a structured minutes file says it was made from, if it can be read."""
    try:
        text = data.decode("utf-8")
        record = tomllib.loads(text) if fmt == "toml" else json.loads(text)
        value = record["journal"]["last_entry_sha256"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _check_minutes(journal: files.Read, folder: Path, diagnostics: list[Diagnostic]) -> list[dict[str, str]]:
    results = []
    regenerated: dict[str | None, Any] = {}
    for path, fmt, lang in _minutes_files(folder):
        if fmt in files.NOT_YET:
            diagnostics.append(Diagnostic(str(path), 1, 1, "warning", "verify.not-checked", {"name": path.name}))
            results.append({"file": str(path), "status": "not-checked"})
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            diagnostics.append(error(str(path), "verify.minutes-unreadable", reason=exc.strerror or "EIO"))
            results.append({"file": str(path), "status": "unreadable"})
            continue
        if lang not in regenerated:
            regenerated[lang] = files.minutes_in(journal, lang)
        expected = files.render(regenerated[lang], fmt)
        if data == expected:
            results.append({"file": str(path), "status": "matches"})
            continue
        line, col = first_difference(data, expected)
        diagnostics.append(error(str(path), "verify.minutes-differ", line, col))
        results.append({"file": str(path), "status": "differs"})
        recorded = _recorded_hash(data, fmt) if fmt in ("toml", "json") else None
        if recorded is not None and recorded != journal.last_hash:
            diagnostics.append(
                error(
                    str(folder / "journal.jsonl"),
                    "verify.journal-not-minuted",
                    len(journal.recorded),
                    found=journal.last_hash,
                    expected=recorded,
                    file=path.name,
                )
            )
    return results


def run(args: argparse.Namespace) -> int:
    given = Path(args.path)
    path = files.journal_path(given)
    journal = files.read(path)
    diagnostics: list[Diagnostic] = list(journal.diagnostics)
    sources: list[dict[str, str]] = []
    minutes: list[dict[str, str]] = []
    if journal.state is not None:
        sources = _sources(journal.state, args.agenda_dir, diagnostics)
        if journal.ok:
            minutes = _check_minutes(journal, path.parent, diagnostics)
    ok = journal.ok and not any(d.severity == "error" for d in diagnostics)
    # Each problem once, in reading order, the journal's own problems first.
    unique = list({format_diagnostic(d): d for d in diagnostics}.values())
    if args.json:
        print(
            json.dumps(
                json_result(
                    unique,
                    journal={
                        "path": str(path.resolve()),
                        "entries": len(journal.recorded),
                        "last_entry_sha256": journal.last_hash,
                        "chain": "intact" if journal.ok else "broken",
                    },
                    sources=sources,
                    minutes=minutes,
                ),
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print_diagnostics(unique)
        for line in _report(path, journal, sources, minutes, args.agenda_dir, ok):
            print(line)
    return 0 if ok else 1


_STATUS = {
    "matches": N_("matches the journal"),
    "differs": N_("DIFFERS from what the journal regenerates"),
    "not-checked": N_("not checked"),
    "unreadable": N_("cannot be read"),
    "missing": N_("MISSING"),
    "changed": N_("CHANGED since the meeting was loaded"),
}

_SOURCE_STATUS = {
    "matches": N_("SHA-256 matches the journal's record"),
    "missing": N_("MISSING"),
    "changed": N_("CHANGED since the meeting was loaded"),
}


def _report(
    path: Path,
    journal: files.Read,
    sources: list[dict[str, str]],
    minutes: list[dict[str, str]],
    agenda_dir: str | None,
    ok: bool,
) -> list[str]:
    lines = []
    if journal.ok:
        lines.append(
            _("{path}: {entries} entries, hash chain intact; last entry SHA-256 {hash}").format(
                path=path, entries=len(journal.recorded), hash=journal.last_hash
            )
        )
    else:
        lines.append(_("{path}: damaged (see the errors above)").format(path=path))
    if sources and agenda_dir is None:
        lines.append(
            _("Sources: not checked ({names}); give --agenda-dir DIR to check their SHA-256").format(
                names=", ".join(s["path"] for s in sources)
            )
        )
    for source in sources if agenda_dir is not None else []:
        lines.append(
            _("Source {path}: {status}").format(path=source["path"], status=_(_SOURCE_STATUS[source["status"]]))
        )
    if journal.ok and not minutes:
        lines.append(_("No minutes files in {folder}").format(folder=path.parent))
    for result in minutes:
        lines.append(_("{file}: {status}").format(file=result["file"], status=_(_STATUS[result["status"]])))
    lines.append(_("Verified.") if ok else _("Verification failed."))
    return lines
