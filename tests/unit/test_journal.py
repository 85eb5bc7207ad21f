"""The journal: exact bytes, fsync, verification, torn tails, the lock and the mirror."""

from __future__ import annotations

import dataclasses
import errno
import functools
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from meeting.journal import (
    GENESIS,
    Entry,
    Journal,
    JournalError,
    cut_ts,
    encode_entry,
    format_ts,
    parse_ts,
    read_journal,
)
from tests.conftest import REPO

T0 = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
EVENTS: list[dict[str, Any]] = [
    {"type": "meeting.opened", "chair": "Ngozi Adébáyọ̀"},
    {"type": "member.present", "member": "s-1", "name": "Sofía Quiñones"},
    {"type": "item.opened", "item": "budget", "title": "Budget"},
    {"type": "vote.cast", "member": "n-3", "choice": "yes"},
    {"type": "item.closed", "item": "budget", "votes": {"yes": 3, "no": 1, "shares": [0.5, None]}},
]


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def write_journal(path: Path, events: list[dict[str, Any]] = EVENTS, mirror: Path | None = None) -> None:
    with Journal.create(path, events[0], T0, mirror=mirror) as journal:
        for i, event in enumerate(events[1:], start=1):
            journal.append(event, at(i))


def sha(line: str | bytes) -> str:
    return hashlib.sha256(line.encode() if isinstance(line, str) else line).hexdigest()


def located(diagnostics) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.line, d.col, d.severity) for d in diagnostics]


def refusal(call: Callable[[], object]):
    with pytest.raises(JournalError) as caught:
        call()
    return caught.value.diagnostic


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    path = tmp_path / "journal.jsonl"
    write_journal(path)
    return path


# ── writing ────────────────────────────────────────────────────────────────────


def test_create_and_append_write_exact_bytes(tmp_path):
    path = tmp_path / "minutes" / "m" / "journal.jsonl"
    with Journal.create(path, EVENTS[0], T0) as journal:
        second = journal.append(EVENTS[1], datetime(2026, 12, 10, 12, 0, 1, 234567, tzinfo=UTC))
    line1 = (
        '{"seq":1,"ts":"2026-12-10T12:00:00.000Z",'
        '"prev":"0000000000000000000000000000000000000000000000000000000000000000",'
        '"event":{"type":"meeting.opened","chair":"Ngozi Adébáyọ̀"}}'
    )
    line2 = (
        '{"seq":2,"ts":"2026-12-10T12:00:01.234Z","prev":"' + sha(line1) + '",'
        '"event":{"type":"member.present","member":"s-1","name":"Sofía Quiñones"}}'
    )
    assert path.read_bytes() == f"{line1}\n{line2}\n".encode()
    assert b"\\u" not in path.read_bytes()  # names stay readable UTF-8
    stamp = datetime(2026, 12, 10, 12, 0, 1, 234000, tzinfo=UTC)  # milliseconds cut, not rounded
    assert second == Entry(2, stamp, sha(line1), EVENTS[1], line2.encode(), sha(line2))
    assert second.hash == sha(line2)


def test_the_writer_refuses_an_event_that_would_read_back_as_another(tmp_path):
    """What the writer appends reads back as the very event it was given: a tuple would come
    back a list, a number key a text, two keys that print alike as one; and an event has a type."""
    path = tmp_path / "journal.jsonl"
    with Journal.create(path, EVENTS[0], T0) as journal:
        written = path.read_bytes()
        for event in [
            {"type": "note", "members": ("s-1", "n-3")},
            {"type": "note", 1: "one"},
            {"type": "note", "1": "one", 1: "two"},
            {"note": "no type"},
            {"type": 5},
        ]:
            with pytest.raises(ValueError, match="not a journal event"):
                journal.append(event, at(1))
            assert path.read_bytes() == written
        journal.append(EVENTS[1], at(1))
    entries, problems = read_journal(path)
    assert [entry.event for entry in entries] == EVENTS[:2]
    assert problems == []


def test_the_same_events_and_times_give_the_same_bytes(tmp_path):
    write_journal(tmp_path / "a.jsonl")
    write_journal(tmp_path / "b.jsonl")
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()


def test_times_are_utc_with_milliseconds():
    nairobi = timezone(timedelta(hours=3))
    assert format_ts(datetime(2026, 12, 10, 15, 0, 0, 999999, tzinfo=nairobi)) == "2026-12-10T12:00:00.999Z"
    assert parse_ts("2026-12-10T12:00:00.999Z") == datetime(2026, 12, 10, 12, 0, 0, 999000, tzinfo=UTC)
    assert parse_ts("2026-12-10T12:00:00.999Z").utcoffset() == timedelta(0)
    for convert in (format_ts, cut_ts):
        with pytest.raises(ValueError):
            convert(datetime(2026, 12, 10, 12, 0))  # naive: which zone?
    for text in [
        "2026-12-10T12:00:00Z",
        "2026-12-10T12:00:00.000+00:00",
        "2026-13-10T12:00:00.000Z",
        "2026-12-10 12:00:00.000Z",
    ]:
        with pytest.raises(ValueError):
            parse_ts(text)


@given(st.datetimes(timezones=st.timezones()))
def test_a_time_cut_is_the_time_written_and_read_back(moment):
    assert cut_ts(moment) == parse_ts(format_ts(moment))
    assert cut_ts(moment).utcoffset() == timedelta(0)


def test_an_event_the_reader_would_refuse_is_never_written(tmp_path):
    path = tmp_path / "journal.jsonl"
    with pytest.raises(ValueError):
        Journal.create(path, {"no": "type"}, T0)
    assert not path.exists()
    with Journal.create(path, EVENTS[0], T0) as journal:
        with pytest.raises(ValueError):
            journal.append({"type": "x", "n": float("nan")}, at(1))
        with pytest.raises(ValueError):
            journal.append({"type": "x", 1: "a", "1": "b"}, at(1))  # two keys spelled "1"
    assert len(read_journal(path)[0]) == 1


def test_create_refuses_an_existing_journal_or_mirror(tmp_path, journal_path):
    before = journal_path.read_bytes()
    d = refusal(lambda: Journal.create(journal_path, EVENTS[0], T0))
    assert (d.code, d.path) == ("journal.exists", str(journal_path))
    assert journal_path.read_bytes() == before
    fresh, mirror = tmp_path / "new.jsonl", tmp_path / "usb.jsonl"
    mirror.write_bytes(b"old")
    d = refusal(lambda: Journal.create(fresh, EVENTS[0], T0, mirror=mirror))
    assert (d.code, d.path) == ("journal.exists", str(mirror))
    assert not fresh.exists() and mirror.read_bytes() == b"old"


@pytest.fixture
def fsynced(monkeypatch) -> list[str]:
    """The real path of every descriptor passed to os.fsync, in order."""
    calls: list[str] = []
    real_fsync = os.fsync

    def record(fd: int) -> None:
        calls.append(os.readlink(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", record)
    return calls


def test_every_write_is_fsynced(tmp_path, fsynced):
    root = tmp_path.resolve()
    path, mirror = root / "minutes" / "m" / "journal.jsonl", root / "usb" / "journal.jsonl"
    journal = Journal.create(path, EVENTS[0], T0, mirror=mirror)
    # New folders, then the journal before its folder, then the mirror before its folder.
    assert fsynced == [
        str(root),
        str(root / "minutes"),
        str(path),
        str(path.parent),
        str(root),
        str(mirror),
        str(mirror.parent),
    ]
    for i, event in enumerate(EVENTS[1:], start=1):
        fsynced.clear()
        journal.append(event, at(i))
        assert fsynced == [str(path), str(mirror)]
    journal.close()


def test_a_line_written_is_not_the_last_until_it_is_synced(tmp_path, fsynced, monkeypatch):
    """`append` in two halves: `write` puts the line in the file and asks the kernel to start
    writing exactly its bytes to the disk; only `sync` fsyncs it and makes it `last`."""
    import meeting.journal as journal_module

    advised: list[tuple[int, int, int]] = []
    monkeypatch.setattr(
        journal_module, "_ADVISE", lambda fd, offset, length, advice: advised.append((offset, length, advice))
    )
    path = tmp_path / "journal.jsonl"
    journal = Journal.create(path, EVENTS[0], T0)
    size = path.stat().st_size
    fsynced.clear()
    written = journal.write(EVENTS[1], at(1))
    line = written.raw + b"\n"
    assert path.read_bytes()[size:] == line and journal.last.seq == 1 and fsynced == []
    assert advised == [(size, len(line), os.POSIX_FADV_DONTNEED)]  # this line's bytes, and no others
    assert journal.sync() == written == journal.last
    assert fsynced == [str(path)]
    journal.append(EVENTS[2], at(2))
    assert [e.raw for e in read_journal(path)[0]] == [e.raw for e in journal.entries]
    journal.close()


# ── reading and verifying ──────────────────────────────────────────────────────


def test_read_round_trip(journal_path):
    entries, diagnostics = read_journal(journal_path)
    assert diagnostics == []
    assert [e.event for e in entries] == EVENTS
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert [e.ts for e in entries] == [at(i) for i in range(5)]
    assert [e.prev for e in entries] == [GENESIS] + [sha(e.line) for e in entries[:-1]]
    assert [e.line for e in entries] == journal_path.read_text(encoding="utf-8").splitlines()


def replace(old: bytes, new: bytes) -> Callable[[bytes], bytes]:
    def change(line: bytes) -> bytes:
        assert old in line
        return line.replace(old, new, 1)

    return change


# (line changed, how, expected code, expected line, expected params)
DAMAGE = {
    "edited event": (3, replace(b"Budget", b"Budgex"), "journal.chain-broken", 4, {"previous": 3}),
    "deleted line": (3, lambda line: None, "journal.seq-gap", 3, {"expected": 3, "found": 4}),
    "not JSON": (3, lambda line: line[:-2], "journal.bad-json", 3, {}),
    "NaN": (4, replace(b'"yes"', b"NaN"), "journal.bad-json", 4, {}),
    "extra key": (2, replace(b'"event":', b'"by":"x","event":'), "journal.bad-entry", 2, {}),
    "keys reordered": (2, replace(b'{"seq":2,"ts"', b'{"ts"'), "journal.bad-entry", 2, {}),
    "not an object": (2, lambda line: b"[" + line + b"]", "journal.bad-entry", 2, {}),
    "seq a string": (2, replace(b'"seq":2', b'"seq":"2"'), "journal.bad-field", 2, {"key": "seq"}),
    "prev not hex": (
        2,
        lambda line: line.replace(b'"prev":"', b'"prev":"X', 1),
        "journal.bad-field",
        2,
        {"key": "prev"},
    ),
    "event without type": (3, replace(b'"type":', b'"kind":'), "journal.bad-field", 3, {"key": "event"}),
    "first prev": (1, replace(GENESIS.encode(), b"1" + GENESIS[1:].encode()), "journal.bad-start", 1, {}),
    "ts without ms": (
        3,
        replace(b"12:00:02.000Z", b"12:00:02Z"),
        "journal.bad-ts",
        3,
        {"value": '"2026-12-10T12:00:02Z"'},
    ),
    "ts month 13": (3, replace(b"2026-12-10T12:00:02", b"2026-13-10T12:00:02"), "journal.bad-ts", 3, {}),
    "not UTF-8": (2, replace("í".encode(), b"\xff"), "journal.not-utf8", 2, {"byte": "FF"}),
    # Another spelling of the same JSON: on the last line, which no later line vouches for, it
    # is caught by re-encoding; on any other, by the next line's `prev`.
    "space in JSON": (5, replace(b'"seq":5', b'"seq": 5'), "journal.not-canonical", 5, {}),
    "CRLF": (2, lambda line: line + b"\r", "journal.chain-broken", 3, {"previous": 2}),
    "escaped accent": (2, replace("í".encode(), b"\\u00ed"), "journal.chain-broken", 3, {"previous": 2}),
}


@pytest.mark.parametrize("number, change, code, line, params", DAMAGE.values(), ids=DAMAGE.keys())
def test_damage_is_located_and_refused(journal_path, number, change, code, line, params):
    lines = journal_path.read_bytes().split(b"\n")
    changed = change(lines[number - 1])
    lines[number - 1 : number] = [] if changed is None else [changed]
    journal_path.write_bytes(b"\n".join(lines))
    damaged = journal_path.read_bytes()

    entries, diagnostics = read_journal(journal_path, shown="j.jsonl")
    assert located(diagnostics) == [(code, line, 1, "error")]
    assert diagnostics[0].path == "j.jsonl"
    assert params.items() <= dict(diagnostics[0].params).items()
    # Every line before the bad one. An edited line itself is seen only at the next line, whose
    # link it breaks: it is not a good entry either (a view once showed its altered count).
    good = line - 1 if code == "journal.chain-broken" else line
    assert [e.seq for e in entries] == list(range(1, good))
    # A writer refuses to append to it and changes nothing.
    assert refusal(lambda: Journal.open(journal_path)) == dataclasses.replace(diagnostics[0], path=str(journal_path))
    assert journal_path.read_bytes() == damaged
    assert not Path(f"{journal_path}.torn").exists()


def test_empty_missing_and_directory(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert located(read_journal(empty)[1]) == [("journal.empty", 1, 1, "error")]
    assert refusal(lambda: Journal.open(empty)).code == "journal.empty"
    missing = tmp_path / "missing.jsonl"
    assert located(read_journal(missing)[1]) == [("file.missing", 1, 1, "error")]
    assert refusal(lambda: Journal.open(missing)).code == "file.missing"
    assert not Path(f"{missing}.lock").exists()
    assert [d.code for d in read_journal(tmp_path)[1]] == ["file.is-directory"]
    assert refusal(lambda: Journal.open(tmp_path)).code == "file.is-directory"
    assert not Path(f"{tmp_path}.lock").exists()


# ── torn tails ─────────────────────────────────────────────────────────────────


def test_a_torn_tail_is_set_aside_and_the_chain_continues(tmp_path):
    path = tmp_path / "journal.jsonl"
    write_journal(path, EVENTS[:3])
    good = path.read_bytes()
    last = good.splitlines()[-1]
    half = encode_entry(4, at(3), sha(last), EVENTS[3]).encode()[:50]  # the power went mid-write
    path.write_bytes(good + half)

    entries, diagnostics = read_journal(path)
    assert [e.event for e in entries] == EVENTS[:3]
    assert located(diagnostics) == [("journal.torn", 4, 1, "warning")]
    assert path.read_bytes() == good + half  # reading changes nothing

    journal, warnings = Journal.open(path)
    with journal:
        assert located(warnings) == [("journal.torn", 4, 1, "warning")]
        assert warnings[0].params == {"torn": f"{path}.torn"}
        assert path.read_bytes() == good
        assert Path(f"{path}.torn").read_bytes() == half + b"\n"
        entry = journal.append(EVENTS[3], at(3))
    assert (entry.seq, entry.prev) == (4, sha(last))
    entries, diagnostics = read_journal(path)
    assert diagnostics == [] and [e.event for e in entries] == EVENTS[:4]


def test_a_whole_line_without_its_newline_was_never_confirmed(tmp_path):
    path = tmp_path / "journal.jsonl"
    write_journal(path, EVENTS[:2])
    good = path.read_bytes()
    whole = encode_entry(3, at(2), sha(good.splitlines()[-1]), EVENTS[2]).encode()
    torn = Path(f"{path}.torn")
    torn.write_bytes(b"earlier\n")
    path.write_bytes(good + whole)
    journal, warnings = Journal.open(path)
    journal.close()
    assert located(warnings) == [("journal.torn", 3, 1, "warning")]
    assert path.read_bytes() == good
    assert torn.read_bytes() == b"earlier\n" + whole + b"\n"  # earlier tears are kept


def test_an_unreadable_last_line_is_torn_for_the_writer(tmp_path):
    path = tmp_path / "journal.jsonl"
    write_journal(path, EVENTS[:2])
    good = path.read_bytes()
    path.write_bytes(good + b"\0" * 30 + b"\n")  # what a file system can leave after a crash
    assert located(read_journal(path)[1]) == [("journal.bad-json", 3, 1, "error")]
    journal, warnings = Journal.open(path)
    journal.close()
    assert located(warnings) == [("journal.torn", 3, 1, "warning")]
    assert path.read_bytes() == good


def test_a_readable_last_line_with_a_broken_chain_is_refused_not_cut(tmp_path):
    # A crash cannot write a whole line with a wrong `prev`; someone did. Keep the evidence.
    path = tmp_path / "journal.jsonl"
    write_journal(path, EVENTS[:2])
    forged = path.read_bytes() + encode_entry(3, at(2), GENESIS, EVENTS[2]).encode() + b"\n"
    path.write_bytes(forged)
    assert (refusal(lambda: Journal.open(path)).code, path.read_bytes()) == ("journal.chain-broken", forged)


def test_a_crash_while_creating_leaves_an_empty_journal(tmp_path):
    path = tmp_path / "journal.jsonl"
    path.write_bytes(encode_entry(1, T0, GENESIS, EVENTS[0]).encode()[:30])
    assert located(read_journal(path)[1]) == [("journal.empty", 1, 1, "error")]
    assert refusal(lambda: Journal.open(path)).code == "journal.empty"
    assert len(path.read_bytes()) == 30


# ── the lock ───────────────────────────────────────────────────────────────────

CHILD = """
import sys
from pathlib import Path
from meeting.journal import Journal, JournalError
try:
    journal, _ = Journal.open(Path(sys.argv[1]))
except JournalError as exc:
    print(exc.diagnostic.code, flush=True)
    sys.exit(1)
print("open", flush=True)
sys.stdin.read()
"""


def child(path: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", CHILD, str(path)], cwd=REPO, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )


def test_a_second_writer_in_this_process_is_refused(journal_path):
    journal, _ = Journal.open(journal_path)
    assert refusal(lambda: Journal.open(journal_path)).code == "journal.locked"
    journal.close()
    journal.close()  # twice is harmless
    Journal.open(journal_path)[0].close()


def test_a_new_journal_is_locked_from_the_start(tmp_path):
    path = tmp_path / "journal.jsonl"
    with Journal.create(path, EVENTS[0], T0):
        assert refusal(lambda: Journal.open(path)).code == "journal.locked"


def test_a_writer_in_another_process_is_refused(journal_path):
    with Journal.open(journal_path)[0]:
        other = child(journal_path)
        assert other.communicate(timeout=60) == ("journal.locked\n", None)
        assert other.returncode == 1
    other = child(journal_path)
    assert other.communicate("", timeout=60) == ("open\n", None)


def test_a_killed_writer_leaves_no_lock(journal_path):
    writer = child(journal_path)
    try:
        assert writer.stdout is not None and writer.stdout.readline() == "open\n"
        assert refusal(lambda: Journal.open(journal_path)).code == "journal.locked"
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=60) == -signal.SIGKILL
    finally:
        writer.kill()
        writer.communicate()
    Journal.open(journal_path)[0].close()


# ── the mirror ─────────────────────────────────────────────────────────────────


def test_the_mirror_is_created_and_kept_identical(tmp_path):
    path, mirror = tmp_path / "journal.jsonl", tmp_path / "usb" / "stick" / "journal.jsonl"
    journal = Journal.create(path, EVENTS[0], T0, mirror=mirror)
    assert mirror.read_bytes() == path.read_bytes()
    for i, event in enumerate(EVENTS[1:], start=1):
        journal.append(event, at(i))
        assert mirror.read_bytes() == path.read_bytes()
    journal.close()


@pytest.mark.parametrize("mirror_keeps", [0, 2, 200, "all"], ids=["missing", "two lines", "mid-line", "identical"])
def test_open_brings_the_mirror_level(tmp_path, journal_path, mirror_keeps):
    full = journal_path.read_bytes()
    mirror = tmp_path / "usb" / "journal.jsonl"
    if mirror_keeps == "all":
        mirror.parent.mkdir()
        mirror.write_bytes(full)
    elif mirror_keeps:
        mirror.parent.mkdir()
        kept = b"".join(full.splitlines(keepends=True)[:2]) if mirror_keeps == 2 else full[:mirror_keeps]
        mirror.write_bytes(kept)
    journal, warnings = Journal.open(journal_path, mirror=mirror)
    assert warnings == [] and mirror.read_bytes() == full
    journal.append({"type": "after"}, at(9))
    journal.close()
    assert mirror.read_bytes() == journal_path.read_bytes()


def test_a_mirror_that_missed_appends_catches_up(tmp_path):
    path, mirror = tmp_path / "journal.jsonl", tmp_path / "usb.jsonl"
    write_journal(path, EVENTS[:2], mirror=mirror)
    with Journal.open(path)[0] as journal:  # the stick was out
        journal.append(EVENTS[2], at(2))
    assert mirror.read_bytes() != path.read_bytes()
    Journal.open(path, mirror=mirror)[0].close()
    assert mirror.read_bytes() == path.read_bytes()


@pytest.mark.parametrize(
    "damage, line, code",
    [
        (lambda data: data.replace(b"Sof", b"Sop", 1), 2, "journal.mirror-diverged"),
        # The journal is the start of the mirror: the mirror is the fuller copy, and is said so.
        (
            lambda data: data + encode_entry(6, at(5), GENESIS, {"type": "extra"}).encode() + b"\n",
            6,
            "journal.mirror-ahead",
        ),
        (lambda data: data[:-1] + b"X", 5, "journal.mirror-diverged"),
    ],
    ids=["a byte differs", "longer", "last byte differs"],
)
def test_a_diverged_mirror_is_refused_where_it_differs(tmp_path, journal_path, damage, line, code):
    mirror = tmp_path / "usb.jsonl"
    mirror.write_bytes(damage(journal_path.read_bytes()))
    before = (journal_path.read_bytes(), mirror.read_bytes())
    d = refusal(lambda: Journal.open(journal_path, mirror=mirror))
    assert (d.code, d.path, d.line, d.col, dict(d.params)) == (
        code,
        str(mirror),
        line,
        1,
        {"journal": str(journal_path)},
    )
    assert (journal_path.read_bytes(), mirror.read_bytes()) == before
    Journal.open(journal_path)[0].close()  # the refusal released the lock


def test_the_journal_cannot_be_its_own_mirror(tmp_path, journal_path):
    same = tmp_path / "." / journal_path.name
    assert refusal(lambda: Journal.open(journal_path, mirror=same)).code == "journal.mirror-is-journal"
    fresh = tmp_path / "new.jsonl"
    assert refusal(lambda: Journal.create(fresh, EVENTS[0], T0, mirror=fresh)).code == "journal.mirror-is-journal"
    assert not fresh.exists()
    Journal.open(journal_path)[0].close()  # no lock was left behind


def fail_fsync_of(monkeypatch, target: Path) -> dict[str, bool]:
    """Make os.fsync fail with EIO on `target` while the returned switch is on."""
    switch = {"on": True}
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if switch["on"] and os.readlink(f"/proc/self/fd/{fd}") == str(target.resolve()):
            raise OSError(errno.EIO, "I/O error")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return switch


def test_a_failing_mirror_never_loses_the_main_write(tmp_path, monkeypatch):
    path, mirror = tmp_path / "journal.jsonl", tmp_path / "usb.jsonl"
    write_journal(path, EVENTS[:2], mirror=mirror)
    journal, _ = Journal.open(path, mirror=mirror)
    switch = fail_fsync_of(monkeypatch, mirror)
    with journal:
        d = refusal(lambda: journal.append(EVENTS[2], at(2)))
        assert (d.code, d.path, dict(d.params)) == ("journal.mirror-failed", str(mirror), {"reason": "EIO"})
        assert journal.last.event == EVENTS[2]
        assert [e.event for e in read_journal(path)[0]] == EVENTS[:3]
        assert refusal(lambda: journal.append(EVENTS[3], at(3))).code == "journal.mirror-failed"
        switch["on"] = False
        lagging = mirror.read_bytes()
        mirror.unlink()  # the stick is pulled out: no new copy is made elsewhere
        d = refusal(lambda: journal.append(EVENTS[4], at(4)))
        assert (d.code, dict(d.params), mirror.exists()) == ("journal.mirror-failed", {"reason": "ENOENT"}, False)
        mirror.write_bytes(lagging)  # and put back
        journal.append({"type": "after"}, at(5))
        assert mirror.read_bytes() == path.read_bytes()
    assert [e.event for e in read_journal(mirror)[0]] == [*EVENTS, {"type": "after"}]


def _loop(folder: Path) -> Path:
    """Two symbolic links that lead to each other; the first returned."""
    (folder / "l2.jsonl").symlink_to("l1.jsonl")
    (folder / "l1.jsonl").symlink_to("l2.jsonl")
    return folder / "l1.jsonl"


@pytest.mark.parametrize(
    ("mirror", "reason", "words"),
    [
        (lambda folder: folder, "EISDIR", "it is a folder (EISDIR)"),
        (lambda folder: Path(os.devnull), "EINVAL", "not a regular file"),
        (_loop, "ELOOP", "symbolic links lead round in a loop (ELOOP)"),
        (lambda folder: folder / "file" / "j.jsonl", "ENOTDIR", "part of the path is a file, not a folder"),
    ],
    ids=["folder", "device", "link-loop", "in-a-file"],
)
def test_a_mirror_that_cannot_be_written_as_the_journal_opens_stops_the_opening(
    tmp_path, journal_path, mirror, reason, words
):
    """Said as the meeting not opened, not as the mid-meeting warning that it goes on with the
    mirror behind; every reason in words (EINVAL and ELOOP were bare codes, a loop a traceback)."""
    folder = tmp_path / "usb"
    folder.mkdir()
    (folder / "file").write_text("not a folder", encoding="utf-8")
    target = mirror(folder)
    before = journal_path.read_bytes()
    d = refusal(lambda: Journal.open(journal_path, mirror=target))
    assert (d.code, d.path, dict(d.params)) == ("journal.mirror-unopened", str(target), {"reason": reason})
    assert words in d.message and "the journal was not opened" in d.message
    assert journal_path.read_bytes() == before
    Journal.open(journal_path)[0].close()  # no lock was left behind


def test_a_journal_begun_whose_mirror_fails_is_not_left_behind(tmp_path, monkeypatch):
    """Nothing was acknowledged: the same command, run again once the mirror can be written,
    begins the journal afresh instead of finding one there."""
    path, mirror = tmp_path / "journal.jsonl", tmp_path / "usb" / "journal.jsonl"
    switch = fail_fsync_of(monkeypatch, mirror)
    d = refusal(lambda: Journal.create(path, EVENTS[0], T0, mirror=mirror))
    assert (d.code, dict(d.params)) == ("journal.mirror-unopened", {"reason": "EIO"})
    assert not path.exists()
    switch["on"] = False
    mirror.unlink()
    write_journal(path, mirror=mirror)
    assert mirror.read_bytes() == path.read_bytes()


def test_a_symbolic_link_loop_as_journal_or_mirror_is_said_not_raised(tmp_path, journal_path):
    loop = _loop(tmp_path)
    d = refusal(lambda: Journal.open(loop, mirror=tmp_path / "usb.jsonl"))
    assert (d.code, dict(d.params)) == ("journal.unwritable", {"reason": "ELOOP"})
    assert dict(refusal(lambda: Journal.open(journal_path, mirror=loop)).params) == {"reason": "ELOOP"}
    assert refusal(lambda: Journal.create(tmp_path / "new.jsonl", EVENTS[0], T0, mirror=loop)).code == "journal.exists"


def test_a_failing_journal_write_stops_the_writer(tmp_path, monkeypatch):
    path = tmp_path / "journal.jsonl"
    journal = Journal.create(path, EVENTS[0], T0)
    fail_fsync_of(monkeypatch, path)
    d = refusal(lambda: journal.append(EVENTS[1], at(1)))
    assert (d.code, dict(d.params)) == ("journal.unwritable", {"reason": "EIO"})
    assert len(journal.entries) == 1  # not acknowledged
    assert refusal(lambda: journal.append(EVENTS[2], at(2))).code == "journal.closed"
    journal.close()


# ── properties ─────────────────────────────────────────────────────────────────

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(), children, max_size=3),
    max_leaves=10,
)
events = st.builds(
    lambda kind, rest: {**rest, "type": kind}, st.text(), st.dictionaries(st.text(), json_values, max_size=4)
)


@settings(deadline=None, max_examples=60)
@given(st.lists(events, min_size=1, max_size=5))
def test_any_events_read_back_equal(written):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        write_journal(path, written)
        entries, diagnostics = read_journal(path)
    assert diagnostics == []
    assert [e.event for e in entries] == written


@functools.cache
def original() -> tuple[bytes, list[str]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        write_journal(path)
        return path.read_bytes(), path.read_text(encoding="utf-8").splitlines()


@settings(deadline=None, max_examples=100)
@given(st.data())
def test_open_after_a_cut_at_any_byte_keeps_a_prefix(data):
    full, lines = original()
    cut = data.draw(st.integers(min_value=0, max_value=len(full)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        path.write_bytes(full[:cut])
        try:
            journal, _ = Journal.open(path)
        except JournalError as exc:  # nothing complete: not even line 1
            assert exc.diagnostic.code == "journal.empty" and cut < len(lines[0].encode()) + 1
            return
        with journal:
            kept = [e.line for e in journal.entries]
            assert kept == lines[: len(kept)]
            assert path.read_bytes() == "".join(f"{line}\n" for line in kept).encode()
            journal.append({"type": "after"}, at(99))
        entries, diagnostics = read_journal(path)
    assert diagnostics == [] and [e.line for e in entries[:-1]] == kept


@settings(deadline=None, max_examples=150)
@given(st.data())
def test_a_changed_byte_is_caught_by_the_next_line(data):
    full, lines = original()
    where = data.draw(st.integers(min_value=0, max_value=len(full) - 1))
    byte = data.draw(st.integers(min_value=0, max_value=255).filter(lambda b: b != full[where]))
    changed_line = full.count(b"\n", 0, where)  # 0-based
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "journal.jsonl"
        path.write_bytes(full[:where] + bytes([byte]) + full[where + 1 :])
        entries, _ = read_journal(path)
        kept = [e.line for e in entries[:changed_line]]
        assert kept == lines[: len(kept)]  # never a changed line, nor one out of place
        # Only an edit to the last line can go unseen; a broken link withholds the line before
        # it too, which may be the good one (when the link itself was changed).
        assert changed_line - 1 <= len(entries) <= changed_line + 1
        try:
            journal, _ = Journal.open(path)
        except JournalError:
            return
        with journal:
            assert [e.line for e in journal.entries[:changed_line]] == lines[:changed_line]
            assert len(journal.entries) <= changed_line + 1
