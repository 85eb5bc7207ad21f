"""The earlier minutes a minutes-approval item approves: its `approves` folder, read when the
meeting is loaded, so that the new journal records what the council had before it.

The folder is the one `meeting minutes` wrote: the earlier meeting's journal.jsonl and its
minutes.toml (with manifest.toml). It must hold a journal whose hash chain is intact, of an
earlier, adjourned meeting, and a draft minutes.toml written from that journal's last entry and
unchanged since (the manifest's SHA-256). What is recorded: the journal's final hash and the
SHA-256 of that minutes.toml, the draft circulated: always the draft in the earlier meeting's own
language, the canonical record; a draft written in another language (`minutes.sw.toml`) is laid
out from the same record, and is no substitute for it. Once these minutes are approved by this
very meeting, the folder holds the approved minutes, which name the draft they approved: the
same record, so loading the agenda again (to resume, or replay) records the same.

Every file is read through the one bounded reader; every problem is located at the item's
`approves` key, the folder's own problems (a damaged journal line) at their own place too.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from meeting.diagnostics import Diagnostic, error, has_errors
from meeting.domain import events as ev
from meeting.domain.agenda import Meeting
from meeting.domain.approval import adjourned_at
from meeting.domain.reading import fold
from meeting.domain.state import InconsistentJournal, Recorded, State
from meeting.journal import read_journal
from meeting.loader.read import Source, read_bounded
from meeting.loader.syntax import parse_toml

JOURNAL = "journal.jsonl"
MINUTES = "minutes.toml"
MANIFEST = "manifest.toml"
# The structured minutes of a general assembly of thousands run past the 4 MiB of a council file.
MINUTES_LIMIT = 64 * 1024 * 1024


@dataclass
class _Problems:
    """The problems found with one `approves` folder: each located at the agenda's key."""

    agenda: str
    line: int
    col: int
    folder: str
    found: list[Diagnostic] = field(default_factory=list)

    def refuse(self, code: str, **params: Any) -> None:
        self.found.append(error(self.agenda, code, self.line, self.col, folder=self.folder, **params))


@dataclass(frozen=True)
class _Earlier:
    """What the folder holds, once read: the meeting's state and final hash, and the minutes."""

    state: State
    hashes: list[str]
    minutes: dict[str, Any]
    minutes_sha256: str
    manifest: dict[str, Any] | None


def circulated_minutes(
    meeting: Meeting, agenda: Source, agenda_path: Path
) -> tuple[list[ev.CirculatedMinutes], list[Diagnostic]]:
    """For each item that approves earlier minutes, what the council has before it, or why not."""
    found: list[ev.CirculatedMinutes] = []
    diagnostics: list[Diagnostic] = []
    for index, item in enumerate(meeting.agenda.items):
        if item.approves is None:
            continue
        position = agenda.locate(("items", index, "approves"))
        shown = os.path.normpath(os.path.join(os.path.dirname(agenda.path), item.approves))
        problems = _Problems(agenda.path, position.line, position.col, shown)
        earlier = _read_folder(agenda_path.parent / item.approves, problems)
        record = _circulated(item.id, meeting, earlier, problems) if earlier is not None else None
        if record is not None and not has_errors(problems.found):
            found.append(record)
        diagnostics += problems.found
    return found, diagnostics


def _read_folder(folder: Path, problems: _Problems) -> _Earlier | None:
    shown, refuse = problems.folder, problems.refuse
    journal_shown = os.path.join(shown, JOURNAL)
    entries, trouble = read_journal(folder / JOURNAL, journal_shown, ev.LINES)
    if has_errors(trouble) or not entries:
        problems.found.extend(trouble)
        refuse("approves.journal-damaged")
        return None
    recorded = [Recorded(entry.seq, entry.ts, entry.event) for entry in entries]
    if not isinstance(recorded[0].event, ev.Loaded):
        refuse("approves.journal-damaged")
        return None
    try:
        state = fold(recorded)
    except InconsistentJournal as exc:
        problems.found.append(error(journal_shown, exc.code, exc.seq, **exc.params))
        refuse("approves.journal-damaged")
        return None
    minutes_shown = os.path.join(shown, MINUTES)
    data = read_bounded(folder / MINUTES, minutes_shown, MINUTES_LIMIT)
    if isinstance(data, Diagnostic):
        # A draft in another language (--lang) is a translation of this one, not the record approved.
        refuse("approves.no-minutes", language=state.meeting.agenda.language, journal=journal_shown)
        return None
    minutes = _toml(data, minutes_shown)
    if minutes is None:
        refuse("approves.not-minutes")
        return None
    manifest_data = read_bounded(folder / MANIFEST, os.path.join(shown, MANIFEST))
    manifest = None if isinstance(manifest_data, Diagnostic) else _toml(manifest_data, MANIFEST)
    return _Earlier(state, [entry.hash for entry in entries], minutes, hashlib.sha256(data).hexdigest(), manifest)


def _toml(data: bytes, shown: str) -> dict[str, Any] | None:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    parsed, _problems = parse_toml(Source(shown, text, ""))  # only read, never shown: escapes do no harm
    return parsed


def _get(data: dict[str, Any] | None, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _circulated(item: str, meeting: Meeting, earlier: _Earlier, problems: _Problems) -> ev.CirculatedMinutes | None:
    refuse = problems.refuse
    agenda = earlier.state.meeting.agenda
    if agenda.id.casefold() == meeting.agenda.id.casefold():
        refuse("approves.same-meeting")
        return None
    if agenda.scheduled_start >= meeting.agenda.scheduled_start:
        refuse("approves.not-earlier", meeting=agenda.id, date=agenda.scheduled_start.date().isoformat())
        return None
    if earlier.state.phase != "adjourned":
        refuse("approves.not-adjourned", meeting=agenda.id)
        return None
    minutes = earlier.minutes
    written_from = _get(minutes, "journal", "last_entry_sha256")
    if not isinstance(written_from, str) or _get(minutes, "header", "meeting") != agenda.id:
        refuse("approves.not-minutes")
        return None
    final = earlier.hashes[-1]
    if written_from != final:
        if written_from in earlier.hashes:
            later = len(earlier.hashes) - earlier.hashes.index(written_from) - 1
            refuse("approves.minutes-stale", later=later)
        else:
            refuse("approves.other-journal")
        return None
    listed = _get(earlier.manifest, "files", MINUTES)
    if isinstance(listed, str) and listed != earlier.minutes_sha256:
        refuse("approves.minutes-changed")
        return None
    draft_sha256 = earlier.minutes_sha256
    if _get(minutes, "header", "draft") is not True:
        by = _get(minutes, "approval", "meeting")
        approved_draft = _get(minutes, "approval", "circulated_sha256")
        if (
            not isinstance(by, str)
            or by.casefold() != meeting.agenda.id.casefold()
            or not isinstance(approved_draft, str)
        ):
            refuse("approves.already-approved", meeting=str(by), date=str(_get(minutes, "approval", "date")))
            return None
        draft_sha256 = approved_draft  # approved by this meeting: the draft it had before it
    version = _get(earlier.manifest, "meeting_version")
    return ev.CirculatedMinutes(
        item=item,
        meeting=agenda.id,
        title=agenda.title,
        title_translations={lang: words.title for lang, words in (agenda.translations or {}).items() if words.title}
        or None,
        date=agenda.scheduled_start.date(),
        journal_sha256=final,
        minutes_sha256=draft_sha256,
        written_by=version if isinstance(version, str) else None,
        adjourned=adjourned_at(earlier.state),
    )
