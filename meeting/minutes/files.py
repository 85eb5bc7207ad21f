"""The minutes files: their names, and reading a journal into Minutes for the commands.

`minutes.toml`, `minutes.json`, `minutes.md`, `minutes.html` and `votes.csv`; in another language
than the meeting's own, `minutes.<lang>.<ext>` and `votes.<lang>.csv`. Each is a pure function of
the journal (and the language), so writing them twice gives the same bytes.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import tomli
import tomli_w

from meeting import __version__
from meeting.diagnostics import Diagnostic, error, has_errors, warning
from meeting.domain.state import Recorded, State
from meeting.i18n import _, language, supported
from meeting.journal import read_journal
from meeting.loader.read import read_bounded, same_path
from meeting.session import read_meeting, state_of

if TYPE_CHECKING:  # the minutes' model is built when minutes are written, not to name a file
    from meeting.minutes.model import Approved, Minutes

# What this version writes, in the order `all` writes them.
FORMATS: tuple[str, ...] = ("toml", "json", "md", "html", "docx", "csv")

_NAME = re.compile(
    r"(?P<base>minutes|votes)(?P<closed>-closed)?(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.(?P<ext>[a-z]+)"
)


def file_name(fmt: str, lang: str, meeting_language: str, confidential: bool = False) -> str:
    """`minutes.md`, `votes.fr.csv`; the full record of closed sessions `minutes-closed.md`."""
    base = ("votes" if fmt == "csv" else "minutes") + ("-closed" if confidential else "")
    return f"{base}.{fmt}" if lang == meeting_language else f"{base}.{lang}.{fmt}"


def parse_file_name(name: str) -> tuple[str, str | None, bool] | None:
    """The format, language (None: the meeting's own) and confidentiality of a minutes file's
    name; None when the name is not one of ours."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    ext, base = match["ext"], match["base"]
    if (base == "votes") != (ext == "csv") or ext not in FORMATS:
        return None
    return ext, match["lang"], match["closed"] is not None


def render(minutes: Minutes, fmt: str, templates: str | None = None) -> bytes:
    """One file of the minutes, in the language they were written in."""
    with language(minutes.language):
        return _render(minutes, fmt, templates)


def _render(minutes: Minutes, fmt: str, templates: str | None) -> bytes:
    """The file of one format. Each writer is imported when first asked for: Word and HTML bring
    python-docx and Jinja2, which every other command (the console first) need not wait for."""
    if fmt == "docx":
        from meeting.minutes import docx

        return docx.render(minutes)
    if fmt == "html":
        from meeting.minutes import html

        return html.render(minutes, templates).encode("utf-8")
    if fmt == "md":
        from meeting.minutes import markdown

        return markdown.render(minutes).encode("utf-8")
    if fmt == "csv":
        from meeting.minutes import csv

        return csv.render(minutes)
    from meeting.minutes import structured

    return (structured.to_toml(minutes) if fmt == "toml" else structured.to_json(minutes)).encode("utf-8")


class TemplateFailed(Exception):
    """A `--templates` file that Jinja2 could not read or fill: where, and what it said."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.code)
        self.diagnostic = diagnostic


def templates_problem(folder: str | None) -> Diagnostic | None:
    """`--templates DIR` names a folder holding minutes.html or minutes.css, or it is an error:
    a name mistyped would otherwise give the packaged look without a word."""
    if folder is None:
        return None
    path = Path(folder)
    if not path.is_dir():
        return error(folder, "templates.not-a-folder")
    if not any((path / name).is_file() for name in ("minutes.html", "minutes.css")):
        return error(folder, "templates.empty")
    from meeting.minutes.html import unescaping

    if (unescaped := unescaping(folder)) is not None:
        return error(unescaped[0], "templates.unescaped", unescaped[1])
    return None


@dataclass
class Read:
    """A journal read for the minutes: the state, its events, and the hash of its last entry."""

    state: State | None
    recorded: list[Recorded]
    last_hash: str
    diagnostics: list[Diagnostic]
    hashes: list[str] = field(default_factory=list)  # each entry's SHA-256, in order

    @property
    def ok(self) -> bool:
        return self.state is not None and not has_errors(self.diagnostics)

    def entry_with(self, sha256: str) -> int | None:
        """The entry (from 1) whose SHA-256 this is: minutes or an approval made from it."""
        return self.hashes.index(sha256) + 1 if sha256 in self.hashes else None

    def as_of(self, entry: int, shown: str) -> Read:
        """The journal as it stood at an entry (from 1): what an approval of it covered."""
        recorded = self.recorded[:entry]
        return Read(state_of(recorded, shown), recorded, self.hashes[entry - 1], [], self.hashes[:entry])


def a_journal_among(targets: list[Path], journals: list[Path]) -> tuple[Path, Path] | None:
    """A file to be written that is one of these journals (named so, or the same file under
    another name), and that journal: writing it would destroy the record."""
    for target in targets:
        for journal in journals:
            if same_path(target, journal) or (target.exists() and os.path.samefile(target, journal)):
                return target, journal
    return None


def journal_path(path: Path) -> Path:
    """A journal named directly, or the journal.jsonl of a folder."""
    return path / "journal.jsonl" if path.is_dir() else path


def read(path: Path) -> Read:
    entries, problems = read_journal(path)
    if not entries:  # missing, unreadable or empty: said once, at the file
        return Read(None, [], "", problems)
    state, recorded, diagnostics = read_meeting(path)
    if state is None:
        return Read(None, [], "", diagnostics)
    hashes = [entry.hash for entry in entries[: len(recorded)]]
    return Read(state, recorded, hashes[-1], diagnostics, hashes)


def minutes_in(
    journal: Read, lang: str | None, approved: Approved | None = None, confidential: bool = False
) -> Minutes:
    """The minutes in `lang`; when None, in the meeting's own language."""
    assert journal.state is not None
    # A document, not a message: never the environment's language, so that the same journal
    # gives the same files on every machine.
    with language(supported(lang) or journal.state.meeting.agenda.language):
        from meeting.minutes.model import minutes_of

        return minutes_of(journal.state, journal.recorded, journal.last_hash, approved, confidential)


def has_closed_session(journal: Read) -> bool:
    """Whether an item was taken in closed session: its full record then goes to minutes-closed.*."""
    state = journal.state
    assert state is not None
    return any(item.item.closed and item.status != "pending" for item in state.items.values())


MANIFEST = "manifest.toml"


def _relative(target: Path, folder: Path) -> str:
    return Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()


def read_file(path: Path) -> bytes | Diagnostic:
    """A minutes file's bytes, through the one bounded reader (regular files only)."""
    from meeting.loader.circulated import MINUTES_LIMIT

    return read_bounded(path, str(path), MINUTES_LIMIT)


def manifest(
    folder: Path,
    journal_path: Path,
    journal: Read,
    written: dict[str, str],
    templates: str | None,
    approval: tuple[Path, Approved] | None = None,
) -> bytes:
    """manifest.toml: the files `meeting minutes` wrote here with their SHA-256, the journal's
    final hash, this version of `meeting`, and the later journal that approved them, if any.
    Files written earlier from the same journal (in another language) stay listed while they
    are unchanged."""
    listed = dict(written)
    earlier = read_manifest(folder / MANIFEST)
    if earlier is not None and earlier.get("journal_sha256") == journal.last_hash:
        for name, digest in earlier.get("files", {}).items():
            found = read_file(folder / name) if name not in listed else None
            if isinstance(found, bytes) and hashlib.sha256(found).hexdigest() == digest:
                listed[name] = digest
    data: dict[str, object] = {
        "meeting_version": __version__,
        "journal": _relative(journal_path, folder),
        "journal_entries": len(journal.recorded),
        "journal_sha256": journal.last_hash,
    }
    if templates:
        data["templates"] = _relative(Path(templates), folder)
    if approval is not None:
        data["approved_by"] = _relative(approval[0], folder)
        data["approved_entry_sha256"] = approval[1].entry_sha256
    data["files"] = dict(sorted(listed.items()))
    # In the meeting's language, as the files named without a language are, whichever language
    # was written last: the folder holds them all (after `--lang pt` it read in Portuguese).
    with language(journal.state.meeting.agenda.language if journal.state else "en"):
        head = "# " + _("The minutes files written here, their SHA-256, and the journal they come from.") + "\n"
    return (head + tomli_w.dumps(data)).encode("utf-8")


def read_manifest(path: Path) -> dict[str, Any] | None:
    data = read_file(path)
    if isinstance(data, Diagnostic):
        return None
    try:
        parsed = tomli.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, tomli.TOMLDecodeError):
        return None
    return parsed if isinstance(parsed.get("files"), dict) else None


def manifest_journal(folder: Path) -> Path | None:
    """The journal that the manifest of minutes written away from it (`-o DIR`) names."""
    found = read_manifest(folder / MANIFEST)
    named = found.get("journal") if found is not None else None
    return folder / named if isinstance(named, str) else None


def another_journals(folder: Path, journal: Read) -> Diagnostic | None:
    """An error when the folder holds the minutes of another journal, which writing these
    would replace: its manifest's final hash is none of this journal's entries. Minutes of
    this journal, as it stands or as it stood before it grew (a correction), are its own."""
    path = folder / MANIFEST
    found = read_manifest(path)
    made_from = found.get("journal_sha256") if found is not None else None
    if not isinstance(made_from, str):
        # Whose minutes they are cannot be told: not replaced blindly (a damaged manifest had
        # let another meeting's minutes be overwritten).
        return error(str(path), "minutes.unknown-manifest") if path.exists() else None
    if journal.entry_with(made_from) is not None:
        return None
    assert found is not None  # it named a journal
    named = found.get("journal")
    return error(str(path), "minutes.other-journal", journal=named if isinstance(named, str) else "?")


def approved_by(folder: Path, journal: Read) -> Path | None:
    """The later journal the manifest here says approved these minutes, while the journal is
    the one they were written from, or that one grown since (the approval then covers the
    entries up to where it stood)."""
    found = read_manifest(folder / MANIFEST)
    if found is None or journal.entry_with(str(found.get("journal_sha256"))) is None:
        return None  # another journal: not this one, even grown since (a correction)
    named = found.get("approved_by")
    return folder / named if isinstance(named, str) else None


def approval_lapsed(folder: Path, journal: Read) -> Diagnostic | None:
    """A warning when the minutes here were approved and the journal has grown since (a
    correction): written again, they are a draft, which the secretary must not miss."""
    found = read_manifest(folder / MANIFEST)
    if (
        found is None
        or not isinstance(found.get("approved_by"), str)
        or found.get("journal_sha256") == journal.last_hash
    ):
        return None
    made_from = journal.entry_with(str(found.get("journal_sha256")))
    if made_from is None:
        return None  # minutes of another journal: `verify` says so
    return warning(
        str(folder / MANIFEST),
        "minutes.approval-lapsed",
        approved_by=found["approved_by"],
        seq=made_from,
        last=len(journal.hashes),
    )


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or nothing: a reader never sees half a file."""
    write_together({path: data})


def write_together(made: Mapping[Path, bytes]) -> None:
    """Every file whole, or none replaced: each is written in full to a temporary file beside
    it, and only once all are written are they renamed into place, so a folder that cannot be
    written (read-only, full, a folder in the way of a file) keeps its earlier set of files
    whole. An OSError names the file it was about (`filename`), never a temporary one."""
    temporaries: dict[Path, str] = {}
    try:
        for path, data in made.items():
            try:
                if path.is_dir():  # renaming onto it would fail only once others were replaced
                    raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
                temporaries[path] = _temporary(path, data)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
        for path, temporary in temporaries.items():
            try:
                os.replace(temporary, path)
            except OSError as exc:
                raise OSError(exc.errno, exc.strerror, str(path)) from None
    finally:
        for temporary in temporaries.values():
            if os.path.lexists(temporary):
                os.unlink(temporary)


def _temporary(path: Path, data: bytes) -> str:
    """`data` in a new file beside `path`, on disk (fsynced); its name."""
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        os.unlink(temporary)
        raise
    return temporary
