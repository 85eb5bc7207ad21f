"""The minutes files: their names, and reading a journal into Minutes for the commands.

`minutes.toml`, `minutes.json`, `minutes.md`, `minutes.html` and `votes.csv`; in another language
than the meeting's own, `minutes.<lang>.<ext>` and `votes.<lang>.csv`. Each is a pure function of
the journal (and the language), so writing them twice gives the same bytes.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from meeting.diagnostics import Diagnostic, has_errors
from meeting.domain.state import Recorded, State
from meeting.i18n import set_language
from meeting.journal import read_journal
from meeting.minutes import csv as votes_csv
from meeting.minutes import html, markdown, structured
from meeting.minutes.model import Minutes, minutes_of
from meeting.session import read_meeting

# What this version writes, in the order `all` writes them.
FORMATS: tuple[str, ...] = ("toml", "json", "md", "html", "csv")
# Named by the conventions, written by a later version.
NOT_YET: tuple[str, ...] = ("docx",)

_RENDER: dict[str, Callable[[Minutes], bytes]] = {
    "toml": lambda minutes: structured.to_toml(minutes).encode("utf-8"),
    "json": lambda minutes: structured.to_json(minutes).encode("utf-8"),
    "md": lambda minutes: markdown.render(minutes).encode("utf-8"),
    "html": lambda minutes: html.render(minutes).encode("utf-8"),
    "csv": votes_csv.render,
}

_NAME = re.compile(r"(?P<base>minutes|votes)(?:\.(?P<lang>[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*))?\.(?P<ext>[a-z]+)")


def file_name(fmt: str, lang: str, meeting_language: str) -> str:
    base = "votes" if fmt == "csv" else "minutes"
    return f"{base}.{fmt}" if lang == meeting_language else f"{base}.{lang}.{fmt}"


def parse_file_name(name: str) -> tuple[str, str | None] | None:
    """The format and language of a minutes file's name (None: the meeting's own language);
    None when the name is not one of ours."""
    match = _NAME.fullmatch(name)
    if match is None:
        return None
    ext, base = match["ext"], match["base"]
    if (base == "votes") != (ext == "csv") or ext not in (*FORMATS, *NOT_YET):
        return None
    return ext, match["lang"]


def render(minutes: Minutes, fmt: str) -> bytes:
    return _RENDER[fmt](minutes)


@dataclass
class Read:
    """A journal read for the minutes: the state, its events, and the hash of its last entry."""

    state: State | None
    recorded: list[Recorded]
    last_hash: str
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return self.state is not None and not has_errors(self.diagnostics)


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
    return Read(state, recorded, entries[len(recorded) - 1].hash, diagnostics)


def minutes_in(journal: Read, lang: str | None) -> Minutes:
    """The minutes in `lang` (the meeting's own language when None)."""
    assert journal.state is not None
    set_language(lang or journal.state.meeting.agenda.language)
    return minutes_of(journal.state, journal.recorded, journal.last_hash)


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or nothing: a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


# The diagnostics of `minutes`, `verify` and `tally`, rendered by `meeting.messages.render`.
# (They belong in `meeting/messages.py`; registered here until that file takes them.)
