"""`meeting verify JOURNAL_OR_DIR`: check the journal's hash chain, its source files, and every
minutes file beside it against what the journal regenerates."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

import tomli

from meeting import __version__
from meeting.cli.options import given, path_text, speak
from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import Diagnostic, error, format_diagnostic, warning
from meeting.domain.text import visible
from meeting.formats import long_date
from meeting.i18n import N_, _
from meeting.messages import render
from meeting.minutes import files

if TYPE_CHECKING:
    from meeting.minutes.model import Approved


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
        "path",
        metavar="JOURNAL_OR_DIR",
        type=path_text,
        help=_("a journal.jsonl, or the folder holding it and its minutes"),
    )
    parser.add_argument(
        "--agenda-dir",
        metavar="DIR",
        type=given,
        help=_("the folder of the agenda and council files, to check their hashes"),
    )
    parser.add_argument(
        "--expect",
        metavar="SHA256",
        type=given,
        help=_("the journal's final SHA-256 as printed on the signed minutes: the journal must end there"),
    )
    parser.add_argument(
        "--approved-by",
        metavar="LATER_JOURNAL",
        type=given,
        help=_(
            "the journal of the later meeting that approved these minutes: the link is checked both ways "
            "(default: the one manifest.toml names, if any)"
        ),
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
    if agenda_dir is not None and not state.sources:  # nothing to check is not a check passed
        diagnostics.append(error(agenda_dir, "verify.no-sources"))
    for source in state.sources:
        result = {"path": source.path, "sha256": source.sha256}
        if agenda_dir is None:
            result["status"] = "not-checked"
        elif not _inside(source.path):  # the journal would choose the files it is checked against
            diagnostics.append(error(agenda_dir, "verify.source-outside", source=source.path))
            result["status"] = "outside"
        else:
            path = Path(agenda_dir) / source.path
            data = files.read_file(path)
            if isinstance(data, Diagnostic):
                diagnostics.append(error(str(path), "verify.source-missing", expected=source.sha256))
                result["status"] = "missing"
            else:
                found = hashlib.sha256(data).hexdigest()
                if found == source.sha256:
                    result["status"] = "matches"
                else:
                    diagnostics.append(error(str(path), "verify.source-changed", found=found, expected=source.sha256))
                    result["status"] = "changed"
        results.append(result)
    if agenda_dir is not None and state.sources and all(r["status"] == "matches" for r in results):
        _embedded(state, Path(agenda_dir) / state.sources[0].path, diagnostics)
    return results


def _inside(path: str) -> bool:
    """A path relative to the agenda's folder that stays in it."""
    parts = PurePosixPath(path).parts
    return bool(parts) and not PurePosixPath(path).is_absolute() and ".." not in parts and "\\" not in path


def _embedded(state: Any, agenda: Path, diagnostics: list[Diagnostic]) -> None:
    """The council and agenda the journal's first entry holds are what its files give: the
    recorded SHA-256 alone would vouch for a journal whose rules were rewritten and re-chained."""
    from meeting.loader.load import load

    loaded = load(agenda, expect="agenda")
    if loaded.meeting is None:
        diagnostics.append(error(str(agenda), "verify.source-unloadable"))
    elif (loaded.meeting.council, loaded.meeting.agenda) != (state.meeting.council, state.meeting.agenda):
        diagnostics.append(error(str(agenda), "verify.source-not-embedded"))


def _minutes_files(folder: Path) -> list[tuple[Path, str, str | None, bool]]:
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
        record = tomli.loads(text) if fmt == "toml" else json.loads(text)
        value = record["journal"]["last_entry_sha256"]
    except (UnicodeDecodeError, ValueError, KeyError, TypeError):
        return None
    return value if isinstance(value, str) else None


def _check_minutes(
    journal: files.Read, folder: Path, approved: Approved | None, diagnostics: list[Diagnostic]
) -> list[dict[str, str]]:
    results: list[dict[str, str]] = []
    manifest = files.read_manifest(folder / files.MANIFEST)
    listed: dict[str, str] = manifest["files"] if manifest else {}
    found = _minutes_files(folder)
    shown = str(folder / files.MANIFEST)
    if manifest is None:
        code = "verify.no-manifest" if found else "verify.no-minutes"
        diagnostics.append(error(shown, code, folder=str(folder)))
    written_by = str(manifest.get("meeting_version", "?")) if manifest else __version__
    same_version = written_by == __version__
    if manifest is not None and not same_version:
        diagnostics.append(
            Diagnostic(shown, 1, 1, "warning", "verify.other-version", {"written": written_by, "this": __version__})
        )
    if manifest is not None and manifest.get("journal_sha256") != journal.last_hash:
        diagnostics.append(_not_minuted(journal, folder, str(manifest.get("journal_sha256", "?")), files.MANIFEST))
    templates = manifest.get("templates") if manifest else None
    for name in sorted(set(listed) - {path.name for path, *_rest in found}):
        diagnostics.append(error(str(folder / name), "verify.minutes-missing"))
        results.append({"file": str(folder / name), "status": "missing"})
    regenerated: dict[tuple[str | None, bool], Any] = {}
    listed_from = manifest.get("journal_sha256") if manifest else None
    for path, fmt, lang, confidential in found:
        data = files.read_file(path)
        if isinstance(data, Diagnostic):
            diagnostics.append(error(str(path), "verify.minutes-unreadable", reason=render(data.code, data.params)))
            results.append({"file": str(path), "status": "unreadable"})
            continue
        digest = hashlib.sha256(data).hexdigest()
        if path.name in listed and listed[path.name] != digest:
            diagnostics.append(error(str(path), "verify.minutes-changed", expected=listed[path.name], found=digest))
        if not same_version:
            # Another version writes other bytes: only what the manifest lists is checked.
            status = "listed" if listed.get(path.name) == digest else "differs"
            results.append({"file": str(path), "status": status})
            continue
        key = (lang, confidential)
        if key not in regenerated:
            regenerated[key] = files.minutes_in(journal, lang, approved, confidential=confidential)
        try:
            expected = files.render(regenerated[key], fmt, str(folder / templates) if templates else None)
        except files.TemplateFailed as exc:  # the folder's templates changed since, or are gone
            diagnostics.append(exc.diagnostic)
            results.append({"file": str(path), "status": "differs"})
            continue
        if data == expected:
            results.append({"file": str(path), "status": "matches"})
            continue
        made_from = [
            listed_from,
            *(_recorded_hash(d, f) for d, f in _structured(folder, lang, confidential, data, fmt)),
        ]
        earlier = _written_earlier(journal, approved, (lang, confidential, fmt), data, made_from, templates, folder)
        if earlier is not None:  # an honest file of an earlier state: not a change
            if earlier == len(journal.hashes):
                diagnostics.append(warning(str(path), "verify.written-before-approval"))
                results.append({"file": str(path), "status": "before-approval"})
            else:
                diagnostics.append(_not_minuted(journal, folder, journal.hashes[earlier - 1], path.name))
                results.append({"file": str(path), "status": "earlier", "entry": str(earlier + 1)})
            continue
        line, col = first_difference(data, expected) if fmt != "docx" else (1, 1)
        diagnostics.append(error(str(path), "verify.minutes-differ", line, col))
        results.append({"file": str(path), "status": "differs"})
        recorded = _recorded_hash(data, fmt) if fmt in ("toml", "json") else None
        if recorded is not None and recorded != journal.last_hash:
            diagnostics.append(_not_minuted(journal, folder, recorded, path.name))
    return results


def _structured(folder: Path, lang: str | None, confidential: bool, data: bytes, fmt: str) -> list[tuple[bytes, str]]:
    """This file if it is structured (TOML, JSON), else those written with it (same language and
    view): each says which entry of the journal it was made from."""
    if fmt in ("toml", "json"):
        return [(data, fmt)]
    found = []
    for sibling in ("toml", "json"):
        read = files.read_file(folder / files.file_name(sibling, lang or "", "", confidential))
        if isinstance(read, bytes):
            found.append((read, sibling))
    return found


def _written_earlier(
    journal: files.Read,
    approved: Approved | None,
    kind: tuple[str | None, bool, str],
    data: bytes,
    made_from: list[str | None],
    templates: str | None,
    folder: Path,
) -> int | None:
    """The entry of the journal a file that is not what the journal now regenerates was written
    from, when it is exactly what the journal gave then: the journal's last entry for a draft
    written before the approval; an earlier entry for a file written before a correction (the
    one its manifest or its structured record names, or the one the approval covers). None when
    it is no file the journal ever gave: changed."""
    lang, confidential, fmt = kind
    last = len(journal.hashes)
    entries = {journal.entry_with(sha) for sha in made_from if sha}
    if approved is not None and approved.through is not None:
        entries.add(approved.through)
    candidates: list[tuple[int, Approved | None]] = [(last, None)] if approved is not None else []
    for entry in sorted(e for e in entries if e is not None and e < last):
        if approved is not None and approved.through is not None and approved.through <= entry:
            covered = approved if approved.through < entry else approved.model_copy(update={"through": None})
            candidates.append((entry, covered))
        candidates.append((entry, None))
    for entry, then in candidates:
        state = journal if entry == last else journal.as_of(entry, str(folder / "journal.jsonl"))
        minutes = files.minutes_in(state, lang, then, confidential=confidential)
        try:
            if files.render(minutes, fmt, str(folder / templates) if templates else None) == data:
                return entry
        except files.TemplateFailed:
            return None
    return None


def _not_minuted(journal: files.Read, folder: Path, expected: str, file: str) -> Diagnostic:
    """Minutes made from another journal than this one: from an earlier entry of it (the journal
    grew since: a correction, a later sitting), pointed at the first entry they lack; or not."""
    shown = str(folder / "journal.jsonl")
    made_from = journal.entry_with(expected)
    if made_from is not None:
        return error(shown, "verify.journal-grew", made_from + 1, file=file, seq=made_from, last=len(journal.hashes))
    found = journal.last_hash
    return error(shown, "verify.journal-not-minuted", len(journal.recorded), found=found, expected=expected, file=file)


def _approval(
    journal: files.Read, path: Path, folder: Path, given: str | None, diagnostics: list[Diagnostic]
) -> tuple[Approved | None, bool]:
    """The approval a later journal records (given, or named by the manifest in `folder`),
    checked both ways; and whether the minutes files can then be checked (not against a
    broken link)."""
    later = Path(given) if given else files.approved_by(folder, journal)
    if later is None:
        _approval_claimed(folder, diagnostics)
        return None, True
    later_path = files.journal_path(later)
    from meeting.minutes.approval import approval_in

    approved, problems = approval_in(journal, path, files.read(later_path), later_path)
    diagnostics += problems
    return approved, approved is not None


def _approval_claimed(folder: Path, diagnostics: list[Diagnostic]) -> None:
    """Minutes that say they were approved, checked without the journal that approved them."""
    data = files.read_file(folder / "minutes.toml")
    try:
        record = tomli.loads(data.decode("utf-8-sig")) if isinstance(data, bytes) else {}
    except (UnicodeDecodeError, tomli.TOMLDecodeError):
        return
    approval = record.get("approval")
    if isinstance(approval, dict) and approval.get("approved") is True:
        shown = str(folder / "minutes.toml")
        diagnostics.append(error(shown, "verify.approval-unchecked", meeting=str(approval.get("meeting", "?"))))


def _expected(journal: files.Read, expect: str, path: Path, diagnostics: list[Diagnostic]) -> None:
    """The journal's final hash against the one printed on the signed copy."""
    wanted = expect.strip().lower()
    if wanted == journal.last_hash:
        return
    at = journal.entry_with(wanted)
    if at is not None:
        later = len(journal.hashes) - at
        diagnostics.append(Diagnostic(str(path), at, 1, "warning", "verify.expect-earlier", {"later": later}))
        return
    diagnostics.append(error(str(path), "verify.expect-differs", expected=wanted, found=journal.last_hash))


def run(args: argparse.Namespace) -> int:
    given = Path(args.path)
    folder = given if given.is_dir() else given.parent
    path = files.journal_path(given)
    if given.is_dir() and not os.path.lexists(path):
        # Minutes written elsewhere (`meeting minutes J -o DIR`): their manifest names the journal.
        path = files.manifest_journal(given) or path
    journal = files.read(path)
    speak(args, journal.state.meeting.agenda.language if journal.state else None)
    diagnostics: list[Diagnostic] = list(journal.diagnostics)
    sources: list[dict[str, str]] = []
    minutes: list[dict[str, str]] = []
    link: Approved | None = None
    checkable = True
    if journal.state is not None:
        sources = _sources(journal.state, args.agenda_dir, diagnostics)
        if journal.ok:
            link, checkable = _approval(journal, path, folder, args.approved_by, diagnostics)
            if checkable:
                minutes = _check_minutes(journal, folder, link, diagnostics)
            if args.expect:
                _expected(journal, args.expect, path, diagnostics)
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
                    approval=link.model_dump(mode="json") if link else None,
                ),
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        print_diagnostics(unique)
        for line in _report(path, journal, sources, minutes, args.agenda_dir, link, checkable, ok):
            print(visible(line))  # names from a manifest or a journal received: never a terminal escape
    return 0 if ok else 1


_STATUS = {
    "matches": N_("matches the journal"),
    "differs": N_("DIFFERS from what the journal regenerates"),
    "before-approval": N_("written before the approval, as the draft: write it again"),
    "earlier": N_("written before entry {entry} of the journal: write it again"),
    "not-checked": N_("not checked"),
    "listed": N_("as listed in the manifest (written by another version: not regenerated)"),
    "unreadable": N_("cannot be read"),
    "missing": N_("MISSING"),
    "changed": N_("CHANGED since the meeting was loaded"),
}

_SOURCE_STATUS = {
    "matches": N_("SHA-256 matches the journal's record"),
    "missing": N_("MISSING"),
    "changed": N_("CHANGED since the meeting was loaded"),
    "outside": N_("NOT CHECKED: outside the agenda's folder"),
}


def _report(
    path: Path,
    journal: files.Read,
    sources: list[dict[str, str]],
    minutes: list[dict[str, str]],
    agenda_dir: str | None,
    link: Approved | None,
    checked: bool,
    ok: bool,
) -> list[str]:
    lines = []
    if journal.ok:
        lines.append(
            _("{path}: {entries} entries, hash chain intact; last entry SHA-256 {hash}").format(
                path=path, entries=len(journal.recorded), hash=journal.last_hash
            )
        )
    elif journal.hashes:
        lines.append(_("{path}: damaged (see the errors above)").format(path=path))
    else:
        lines.append(_("{path}: not read (see the errors above)").format(path=path))
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
    if link is not None and link.through is not None:  # corrected since the approval
        lines.append(
            _(
                "Approved by the council at its meeting '{meeting}' of {date} (entry SHA-256 {hash}): "
                "that journal names entry {through} of this one's {last} and the draft it regenerated then; "
                "the entries since are not approved"
            ).format(
                meeting=link.meeting,
                date=long_date(link.date),
                hash=link.entry_sha256,
                through=link.through,
                last=len(journal.hashes),
            )
        )
    elif link is not None:
        lines.append(
            _(
                "Approved by the council at its meeting '{meeting}' of {date} (entry SHA-256 {hash}): "
                "that journal names this one's last entry and the draft it regenerates"
            ).format(meeting=link.meeting, date=long_date(link.date), hash=link.entry_sha256)  # a date in words
        )
    if journal.ok and not checked:
        lines.append(
            _("Minutes files in {folder}: not checked, the approval being in doubt").format(folder=path.parent)
        )
    elif journal.ok and not minutes:
        lines.append(_("No minutes files in {folder}").format(folder=path.parent))
    for result in minutes:
        status = _(_STATUS[result["status"]]).format(entry=result.get("entry"))
        lines.append(_("{file}: {status}").format(file=result["file"], status=status))
    lines.append(_("Verified.") if ok else _("Verification failed."))
    return lines
