"""Edges an adversary found: the torn line's file, output in a narrow encoding, an edited time,
empty option values, where a write failure is located, a refused journal left as it was, a
read-only disk, a mirror ahead of its journal, and a terminal one column wide."""

from __future__ import annotations

import errno
import hashlib
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import meeting.journal
import meeting.minutes.files
from meeting.cli.main import main
from meeting.journal import Journal, JournalError, encode_entry, parse_ts, read_journal
from meeting.view.follow import Follower
from tests.conftest import DEMO_AGENDA, REPO

DEMO_SCRIPT = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.script"
# The demo's first sixty script lines: the roll call, the agenda and the minutes adopted.
OPENING = "\n".join(DEMO_SCRIPT.read_text(encoding="utf-8").split("\n")[:60]) + "\n"


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A journal of the demo meeting's opening (32 entries), at tmp_path/j/journal.jsonl."""
    script = tmp_path / "opening.script"
    script.write_text(OPENING, encoding="utf-8")
    journal = tmp_path / "j" / "journal.jsonl"
    assert main(["replay", str(DEMO_AGENDA), str(script), "--journal", str(journal)]) == 0
    capsys.readouterr()
    return journal


def _script(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "more.script"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _meeting(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meeting", *args], capture_output=True, text=True, timeout=60, cwd=REPO
    )


# ── 1. The torn line's file is opened as the journal is ─────────────────────────


@pytest.mark.parametrize("obstacle", ["symlink", "fifo", "folder"])
def test_the_torn_lines_file_is_never_followed_waited_on_or_taken_for_the_journal(tmp_path, demo, obstacle):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious\n")
    whole = b"\n".join(demo.read_bytes().split(b"\n")[:20]) + b"\n"
    demo.write_bytes(whole + b'{"seq":21,"ts":"2026')
    torn = Path(f"{demo}.torn")
    if obstacle == "symlink":
        torn.symlink_to(victim)
    elif obstacle == "fifo":
        os.mkfifo(torn)
    else:
        torn.mkdir()
    # A subprocess: without the fix, the FIFO's open waits for a reader forever.
    done = _meeting(
        "replay", str(DEMO_AGENDA), str(_script(tmp_path, 'note "after full"')), "--journal", str(demo), "--append"
    )
    assert done.returncode == 1
    assert f"{torn}:1:1: error: a torn last line is kept in this file, but it is not a plain file" in done.stderr
    assert victim.read_bytes() == b"precious\n"
    assert demo.read_bytes() == whole + b'{"seq":21,"ts":"2026'  # nothing changed
    Journal.open(demo, set_aside_now=False)[0].close()  # and no lock left behind


# ── 2. Output in an encoding that lacks the names' letters ──────────────────────


@pytest.mark.parametrize(
    "command",
    [
        ["tally", "{journal}"],
        ["check", str(DEMO_AGENDA)],
        ["replay", str(DEMO_AGENDA), "{script}", "--journal", "{new}"],
        ["minutes", "{journal}", "--lang", "fr", "--format", "md"],
    ],
    ids=["tally", "check", "replay", "minutes"],
)
def test_stdout_never_fails_on_a_character_its_encoding_lacks(tmp_path, demo, monkeypatch, command):
    script = _script(tmp_path, "at 12:00", "present tz-1")
    args = [a.format(journal=demo, script=script, new=tmp_path / "new" / "journal.jsonl") for a in command]
    out = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(out, encoding="ascii"))  # LC_ALL=C, PYTHONIOENCODING=ascii
    assert main(args) == 0
    sys.stdout.flush()
    assert b"\\u" in out.getvalue() or b"\\x" in out.getvalue()  # the letters escaped, not a traceback


# ── 3. A time earlier than the line before it ───────────────────────────────────


def _rechained(journal: Path, seq: int, ts: str) -> None:
    """Line `seq` given another time, and every line after it chained again, as a forger would."""
    lines = journal.read_bytes().decode().splitlines()
    prev = json.loads(lines[seq - 2])["prev"] if seq > 1 else "0" * 64
    out = []
    for number, line in enumerate(lines, start=1):
        entry = json.loads(line)
        if number >= seq:
            stamp = parse_ts(ts) if number == seq else parse_ts(entry["ts"])
            line = encode_entry(number, stamp, prev, entry["event"])
        out.append(line)
        prev = hashlib.sha256(line.encode()).hexdigest()
    journal.write_bytes(("\n".join(out) + "\n").encode())


def test_a_line_timed_before_the_line_above_it_is_refused_by_every_reader(tmp_path, demo, capsys):
    _rechained(demo, 25, "2026-12-10T11:00:00.000Z")
    entries, problems = read_journal(demo)
    assert len(entries) == 24
    assert [(p.line, p.col, p.code) for p in problems] == [(25, 1, "journal.time-backwards")]
    assert problems[0].params["ts"] == "2026-12-10T11:00:00.000Z"
    with pytest.raises(JournalError) as refused:  # replay --append, run --resume
        Journal.open(demo)
    assert (refused.value.diagnostic.line, refused.value.diagnostic.code) == (25, "journal.time-backwards")
    assert main(["verify", str(demo)]) == 1
    assert f"{demo}:25:1: error: this line's time 2026-12-10T11:00:00.000Z is earlier" in capsys.readouterr().err
    follower = Follower(demo)  # view --follow, serve: line by line as it grows
    follower.poll()
    assert follower.problem is not None and (follower.problem.line, follower.problem.code) == (
        25,
        "journal.time-backwards",
    )
    assert len(follower.recorded) == 24


def test_lines_of_the_same_time_are_read(tmp_path, demo):
    _rechained(demo, 25, json.loads(demo.read_bytes().split(b"\n")[23])["ts"])
    assert read_journal(demo)[1] == []


# ── 4. An empty value is a usage error ──────────────────────────────────────────


@pytest.mark.parametrize(
    "args, option",
    [
        (["verify", "{journal}", "--expect", ""], "--expect"),
        (["verify", "{journal}", "--agenda-dir", " "], "--agenda-dir"),
        (["verify", "{journal}", "--approved-by", ""], "--approved-by"),
        (["minutes", "{journal}", "--approved-by", ""], "--approved-by"),
        (["minutes", "{journal}", "-o", ""], "-o/--output"),
        (["minutes", "{journal}", "--templates", ""], "--templates"),
        (["tally", "{journal}", "--item", ""], "--item"),
        (["tally", "{journal}", "--member", ""], "--member"),
    ],
)
def test_an_empty_option_value_is_a_usage_error(demo, capsys, args, option):
    with pytest.raises(SystemExit) as exit:
        main([a.format(journal=demo) for a in args])
    assert exit.value.code == 2
    assert f"argument {option}: it is empty" in capsys.readouterr().err
    assert not (demo.parent / "manifest.toml").exists()


# ── 5. A write failure is located at the script's line ──────────────────────────


def test_a_replay_that_cannot_write_names_the_script_line_not_recorded(tmp_path, demo, capsys, monkeypatch):
    real = meeting.journal._write_all

    def disk_full(file, data):
        if b"after full" in bytes(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        real(file, data)

    monkeypatch.setattr(meeting.journal, "_write_all", disk_full)
    script = _script(tmp_path, "at 12:40", 'note "before"', "", '  note "after full"', 'note "never"')
    assert main(["replay", str(DEMO_AGENDA), str(script), "--journal", str(demo), "--append"]) == 1
    err = capsys.readouterr().err
    assert f"{script}:4:3: error: cannot write the journal: the disk is full (ENOSPC)" in err
    assert [e.event.get("text") for e in read_journal(demo)[0][-1:]] == ["before"]


# ── 6. Another meeting's journal is refused before anything changes ─────────────


def test_a_refused_append_leaves_another_meetings_journal_as_it_was(tmp_path, demo, capsys):
    folder = tmp_path / "other"
    folder.mkdir()
    for name in (DEMO_AGENDA.name, "council.toml"):
        (folder / name).write_bytes((DEMO_AGENDA.parent / name).read_bytes())
    agenda = folder / DEMO_AGENDA.name
    text = agenda.read_text(encoding="utf-8").replace('id = "2026-12-council-meeting"', 'id = "other"')
    agenda.write_text(text, encoding="utf-8")
    demo.write_bytes(demo.read_bytes() + b'{"seq":33,"ts":"2026')
    mirror = tmp_path / "usb" / "journal.jsonl"
    before = demo.read_bytes()
    assert main(["replay", str(agenda), str(_script(tmp_path, "note 'x'")), "--journal", str(demo), "--append",
                 "--mirror", str(mirror)]) == 1  # fmt: skip
    assert "the journal records another meeting ('2026-12-council-meeting')" in capsys.readouterr().err
    assert demo.read_bytes() == before
    assert not Path(f"{demo}.torn").exists() and not mirror.exists()


# ── 7. A disk that cannot be written ────────────────────────────────────────────


def test_a_journal_on_a_read_only_disk_cannot_be_written_not_read(tmp_path, demo, capsys, monkeypatch):
    real = meeting.journal.open_regular

    def read_only(path, flags=os.O_RDONLY, mode=0o644):
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system", str(path))
        return real(path, flags, mode)

    monkeypatch.setattr(meeting.journal, "open_regular", read_only)
    assert (
        main(["replay", str(DEMO_AGENDA), str(_script(tmp_path, "note 'x'")), "--journal", str(demo), "--append"]) == 1
    )
    assert f"{demo}:1:1: error: cannot write the journal: the disk is read-only (EROFS)" in capsys.readouterr().err


def _minutes_folder(demo: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, bytes]:
    assert main(["minutes", str(demo)]) == 0
    capsys.readouterr()
    return {p.name: p.read_bytes() for p in demo.parent.iterdir() if p.name != demo.name}


def _grown(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        main(["replay", str(DEMO_AGENDA), str(_script(tmp_path, 'note "later"')), "--journal", str(demo), "--append"])
        == 0
    )
    capsys.readouterr()


def test_minutes_that_cannot_all_be_written_leave_the_earlier_set_whole(tmp_path, demo, capsys):
    earlier = _minutes_folder(demo, capsys)
    _grown(demo, tmp_path, capsys)
    (demo.parent / "minutes.md").unlink()
    (demo.parent / "minutes.md").mkdir()  # a folder in the way of one file
    assert main(["minutes", str(demo)]) == 1
    assert f"{demo.parent / 'minutes.md'}:1:1: error: cannot write the minutes: it is a folder (EISDIR)" in (
        capsys.readouterr().err
    )
    now = {p.name: p.read_bytes() for p in demo.parent.iterdir() if p.is_file() and p.name != demo.name}
    assert now == {name: data for name, data in earlier.items() if name != "minutes.md"}  # no temporaries left


def test_minutes_in_a_read_only_folder_name_the_file_not_a_temporary(tmp_path, demo, capsys, monkeypatch):
    earlier = _minutes_folder(demo, capsys)
    _grown(demo, tmp_path, capsys)
    real = meeting.minutes.files.tempfile.mkstemp

    def read_only(prefix: str, dir: Path) -> tuple[int, str]:
        if "minutes.md" in prefix:
            raise OSError(errno.EROFS, "Read-only file system", f"{dir}/{prefix}x1y2z3")
        return real(prefix=prefix, dir=dir)

    monkeypatch.setattr(meeting.minutes.files.tempfile, "mkstemp", read_only)
    assert main(["minutes", str(demo)]) == 1
    err = capsys.readouterr().err
    assert f"{demo.parent / 'minutes.md'}:1:1: error: cannot write the minutes: the disk is read-only (EROFS)" in err
    assert {p.name: p.read_bytes() for p in demo.parent.iterdir() if p.name != demo.name} == earlier


# ── 8. A mirror ahead of its journal ────────────────────────────────────────────


def test_a_mirror_that_holds_the_journal_and_more_is_said_to_be_the_fuller_copy(tmp_path, demo, capsys):
    lines = demo.read_bytes().split(b"\n")
    mirror = tmp_path / "usb.jsonl"
    mirror.write_bytes(b"\n".join(lines[:30]) + b"\n")
    demo.write_bytes(b"\n".join(lines[:20]) + b"\n")
    assert main(["replay", str(DEMO_AGENDA), str(_script(tmp_path, "note 'x'")), "--journal", str(demo), "--append",
                 "--mirror", str(mirror)]) == 1  # fmt: skip
    err = capsys.readouterr().err
    assert f"{mirror}:21:1: error: the mirror goes on from this line beyond the journal" in err
    assert "the mirror is the fuller copy" in err
    assert len(demo.read_bytes().split(b"\n")) == 21 and len(mirror.read_bytes().split(b"\n")) == 31


# ── 9. A terminal one column wide ───────────────────────────────────────────────


def test_tally_in_a_very_narrow_terminal_prints_as_at_80_columns(demo, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["tally", str(demo)]) == 0
    at_80 = capsys.readouterr().out
    monkeypatch.setenv("COLUMNS", "1")
    assert main(["tally", str(demo)]) == 0
    assert capsys.readouterr().out == at_80
