"""Following a journal as it grows: complete lines only, from an offset, bounded; the state
kept equal to a fresh reading of the journal, through undo, torn lines and replaced files."""

from __future__ import annotations

import os
from pathlib import Path

from meeting.minutes.model import minutes_of
from meeting.session import read_meeting
from meeting.view.follow import Follower
from meeting.view.tail import new_lines
from tests.kit import Chair, demo_lines, in_session


def _same_as_a_fresh_reading(follower: Follower, journal: Path) -> None:
    state, recorded, diagnostics = read_meeting(journal)
    assert state is not None and follower.state is not None, diagnostics
    assert len(follower.recorded) == len(recorded)
    assert minutes_of(follower.state, follower.recorded).data() == minutes_of(state, recorded).data()


# ── the tail ──────────────────────────────────────────────────────────────────


def test_only_complete_lines_are_read_and_a_partial_one_waits(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"one\ntwo\nthr")
    tail = new_lines(path, 0, "f")
    assert tail.lines == [b"one", b"two"] and tail.end == 8 and tail.problem is None
    assert new_lines(path, tail.end, "f").lines == []
    with path.open("ab") as file:
        file.write(b"ee\n")
    again = new_lines(path, tail.end, "f")
    assert again.lines == [b"three"] and again.end == 14


def test_the_tail_reads_from_the_offset_only(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 1000 + b"\nlast\n")
    # Bytes before the offset are never looked at: a line there past any cap does not matter.
    assert new_lines(path, 1001, "f", limit=10).lines == [b"last"]


def test_a_line_past_the_cap_is_refused_after_the_good_ones(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"first\nok\n" + b"y" * 50 + b"\n")
    tail = new_lines(path, 6, "f", limit=10)
    assert tail.lines == [b"ok"] and tail.end == 9
    assert tail.problem is not None and tail.problem.code == "journal.line-too-long"
    growing = tmp_path / "g"
    growing.write_bytes(b"first\n" + b"z" * 50)  # no newline yet, already too long
    problem = new_lines(growing, 6, "g", limit=10).problem
    assert problem is not None and problem.code == "journal.line-too-long"


def test_a_missing_file_and_a_fifo_are_said_without_blocking(tmp_path):
    assert new_lines(tmp_path / "none", 0, "none").missing
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    problem = new_lines(fifo, 0, "fifo").problem  # at once: nobody writes to it
    assert problem is not None and problem.code == "file.not-regular"
    folder = new_lines(tmp_path, 0, "folder").problem
    assert folder is not None and folder.code == "file.is-directory"


# ── the follower ──────────────────────────────────────────────────────────────


def test_it_waits_for_a_journal_that_does_not_exist_yet(tmp_path):
    journal = tmp_path / "journal.jsonl"
    follower = Follower(journal)
    assert follower.poll().events == 0 and follower.waiting and follower.state is None
    meeting = in_session(tmp_path)
    update = follower.poll()
    assert not follower.waiting and update.events == len(meeting.session.recorded)
    _same_as_a_fresh_reading(follower, journal)


def test_a_torn_last_line_waits_and_the_console_cutting_it_off_is_followed(tmp_path):
    meeting = in_session(tmp_path)
    journal = meeting.session.journal.path
    follower = Follower(journal)
    follower.poll()
    meeting.session.close()
    seen = len(follower.recorded)
    with journal.open("ab") as file:  # a power cut in the middle of a line
        file.write(b'{"seq":99,"ts":"2026-12')
    assert follower.poll().events == 0 and follower.problem is None
    # The chair's console comes back: the torn bytes are set aside and the meeting goes on.
    from meeting.session import ScriptClock, Session
    from tests.kit import Meeting

    session, warnings = Session.resume(journal, ScriptClock(meeting.session.journal.last.ts, "UTC"))
    assert [w.code for w in warnings] == ["journal.torn"]
    Meeting(session).run("move by ke-1 seconded cm-1")
    assert follower.poll().events == 1 and len(follower.recorded) == seen + 1
    _same_as_a_fresh_reading(follower, journal)
    session.close()


def test_a_fifo_in_the_journals_place_is_said_and_the_view_goes_on(tmp_path):
    fifo = tmp_path / "journal.jsonl"
    os.mkfifo(fifo)
    follower = Follower(fifo)
    follower.poll()
    assert follower.problem is not None and follower.problem.code == "file.not-regular" and not follower.waiting


def test_a_damaged_complete_line_is_shown_and_not_skipped(tmp_path):
    meeting = in_session(tmp_path)
    journal = meeting.session.journal.path
    meeting.session.close()
    with journal.open("ab") as file:
        file.write(b"not json\n")
    follower = Follower(journal)
    follower.poll()
    assert follower.problem is not None and follower.problem.code == "journal.bad-json"
    assert len(follower.recorded) == len(meeting.session.recorded)


def test_a_count_changed_after_it_was_written_is_never_shown_as_a_decision(tmp_path):
    """A vote's line edited from 17 yes to 7, read live or at once: the next line's link breaks,
    and the view showed "7 in favour … carried" beside the warning. The changed line is now
    withheld with everything after it, and stays withheld at the next look."""
    meeting = in_session(tmp_path).run("move by ke-1 seconded cm-1", "vote 17 0 1", "next")
    journal = meeting.session.journal.path
    meeting.session.close()
    lines = journal.read_bytes().split(b"\n")
    vote = next(i for i, line in enumerate(lines) if b'"yes":17' in line)
    lines[vote] = lines[vote].replace(b'"yes":17', b'"yes":7')
    journal.write_bytes(b"\n".join(lines))
    follower = Follower(journal)
    follower.poll()
    assert follower.problem is not None and follower.problem.code == "journal.chain-broken"
    assert follower.state is not None and follower.state.decided == [] and len(follower.recorded) == vote
    follower.poll()
    assert len(follower.recorded) == vote and follower.state.decided == []


def test_undo_is_followed_by_refolding(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded cm-1", "vote 16 1 1")
    follower = Follower(meeting.session.journal.path)
    follower.poll()
    assert follower.state is not None and follower.state.decided == [1]
    meeting.run("undo")
    follower.poll()
    assert follower.state.decided == [] and follower.state.pending is not None
    meeting.run("vote 17 0 1")
    follower.poll()
    assert follower.state.motions[1].outcome is not None and follower.state.motions[1].outcome.yes == 17
    _same_as_a_fresh_reading(follower, meeting.session.journal.path)


def test_a_journal_put_in_its_place_is_read_from_its_start(tmp_path):
    first = in_session(tmp_path / "a").run("move by ke-1 seconded cm-1")
    journal = first.session.journal.path
    follower = Follower(journal)
    follower.poll()
    first.session.close()
    other = in_session(tmp_path / "b", item="minutes")
    other.session.close()
    os.replace(other.session.journal.path, journal)
    update = follower.poll()
    assert update.restarted and follower.state is not None and follower.state.current == "minutes"
    _same_as_a_fresh_reading(follower, journal)


def test_the_demo_written_line_by_line_by_a_chair_in_another_process(tmp_path):
    """After every line the chair's process has fsynced, the follower's state is the journal's."""
    journal = tmp_path / "journal.jsonl"
    follower = Follower(journal)
    follower.poll()
    assert follower.waiting
    chair = Chair(journal)
    try:
        follower.poll()
        sizes = []
        for line in demo_lines():
            seq = chair.say(line)
            follower.poll()
            assert len(follower.recorded) == seq, line
            sizes.append(follower.offset)
            if line in ("undo", "roll-call", "yes gh-2 sl-1 zm-1 zw-1", "close", "adjourn"):
                _same_as_a_fresh_reading(follower, journal)
    finally:
        chair.close()
    assert follower.state is not None and follower.state.phase == "adjourned"
    assert sizes == sorted(sizes) and follower.offset == journal.stat().st_size
    _same_as_a_fresh_reading(follower, journal)


def test_control_characters_from_an_older_journal_reach_the_screen_escaped(tmp_path):
    import hashlib
    import json

    from meeting.journal import encode_entry, parse_ts
    from meeting.view.panels import motions_text

    meeting = in_session(tmp_path)
    meeting.session.close()
    journal = meeting.session.journal.path
    last = journal.read_bytes().splitlines()[-1]
    header = json.loads(last)
    moved = {
        "type": "motion.moved",
        "motion": 1,
        "kind": "main",
        "text": "That \x1b]0;owned\x07 the agenda be adopted.",
        "mover": "ke-1",
        "seconder": "cm-1",
        "item": "agenda",
    }
    line = encode_entry(header["seq"] + 1, parse_ts(header["ts"]), hashlib.sha256(last).hexdigest(), moved)
    with journal.open("ab") as file:
        file.write(line.encode() + b"\n")
    follower = Follower(journal)
    follower.poll()
    assert follower.problem is None and follower.state is not None
    shown = motions_text(follower.state).plain
    assert "That \\u001b]0;owned\\u0007 the agenda be adopted." in shown and "\x1b" not in shown


def test_another_meetings_journal_written_in_its_place_is_said_and_not_followed(tmp_path):
    """A member's view switched without a word to another meeting when the followed file was
    written over with that meeting's journal: the meeting stays as last read, the view says
    the file was replaced, and follows it no further."""
    from tests.conftest import REPO

    meeting = in_session(tmp_path).run("move by ke-1 seconded cm-1")
    meeting.session.close()
    journal = meeting.session.journal.path
    follower = Follower(journal, "journal.jsonl")
    follower.poll()
    before = len(follower.recorded)
    assert follower.state is not None and follower.state.current is not None
    march = (REPO / "minutes" / "2027-03-council-meeting" / "journal.jsonl").read_bytes()
    journal.write_bytes(march)  # in place: the same file, another meeting
    update = follower.poll()
    assert not update.restarted and update.events == 0
    assert follower.replaced and follower.problem is not None and follower.problem.code == "journal.replaced"
    assert len(follower.recorded) == before and follower.state.current is not None
    follower.poll()
    assert follower.replaced and len(follower.recorded) == before
    # The same meeting's journal put back in its place (a synced mirror) is read again from its start.
    again = Follower(journal)
    again.poll()
    copy = tmp_path / "copy.jsonl"
    copy.write_bytes(march)
    os.replace(copy, journal)
    assert again.poll().restarted and not again.replaced and again.problem is None
