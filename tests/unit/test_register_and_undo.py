"""Speed without losing the record: a vote writes who was entitled as a change to the last
register, attendance is counted as it changes, and undo puts the state back without replaying
the journal; journals written before any of that still read."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.domain import events as ev
from meeting.domain.attendance import entitled_voters, quorum_status, register_change, representation
from meeting.domain.reading import fold
from meeting.journal import Journal, parse_ts
from meeting.session import Accepted, read_meeting
from tests.conftest import DEMO_AGENDA, REPO
from tests.kit import ALL_SEATS, in_session, start
from tests.unit.test_engine_stateful import differences, recount_quorum, snapshot

DEMO_SCRIPT = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.script"
OLD_JOURNAL = REPO / "tests" / "data" / "journals" / "2026-12-council-meeting.before-register.jsonl"


def events_of(path: Path) -> list[dict]:
    return [json.loads(line)["event"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_a_vote_writes_only_what_changed_in_the_register(tmp_path):
    meeting = in_session(tmp_path)
    amend = 'move to amend "That the agenda be adopted as amended." by ke-1 seconded gh-1'
    meeting.run("move by ke-1 seconded gh-1", amend, "vote 15 2 1")
    first = meeting.state.register_seq
    meeting.run("leave co-1", "vote 14 2 1")
    written = events_of(tmp_path / "journal.jsonl")
    votes = [e for e in written if e["type"] == "vote.counted"]
    assert "entitled" not in votes[0] and votes[0]["register"].get("base") is None
    assert len(votes[0]["register"]["added"]) == len(entitled_voters(meeting.state, "agenda")) + 1
    assert votes[1]["register"] == {"base": first, "added": [], "removed": ["co-1"]}
    # And the state knows the whole register of each vote, in the council's order of seats.
    main_motion = meeting.state.motions[1]
    assert main_motion.entitled == entitled_voters(meeting.state, "agenda")
    assert "co-1" not in {v.seat for v in main_motion.entitled}
    assert "co-1" in {v.seat for v in meeting.state.motions[2].entitled}


def test_a_roll_call_and_a_ballot_write_their_register_once(tmp_path):
    meeting = in_session(tmp_path)
    meeting.run("move by ke-1 seconded gh-1", "roll-call", "yes ke-1 gh-1", "close")
    meeting.run("move to reconsider by ke-1 seconded gh-1", "ballot", "vote 10 3 1")
    written = events_of(tmp_path / "journal.jsonl")
    polls = [e for e in written if e["type"] == "poll.opened"]
    assert polls[0]["register"].get("base") is None and polls[1]["register"]["base"] > 0
    assert polls[1]["register"].get("added", []) == [] and polls[1]["register"].get("removed", []) == []
    counted = [e for e in written if e["type"] == "vote.counted"]
    assert "register" not in counted[-1] and "entitled" not in counted[-1]  # the ballot's opening has it


def test_a_register_change_on_another_base_is_an_edited_journal(tmp_path):
    meeting = in_session(tmp_path)
    meeting.run("move by ke-1 seconded gh-1", "vote 15 2 1", "leave co-1", "move to reconsider by ke-1", "second gh-1")
    meeting.run("vote 14 2 1")
    meeting.session.close()
    path = tmp_path / "journal.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    last = json.loads(lines[-1])
    last["event"]["register"]["base"] = 3
    lines[-1] = json.dumps(last, ensure_ascii=False, separators=(",", ":"))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    state, _recorded, diagnostics = read_meeting(path)
    assert state is None and [d.code for d in diagnostics] == ["journal.inconsistent"]


def test_attendance_is_counted_as_it_changes(tmp_path):
    """The running counts equal a count from scratch after every kind of change."""
    meeting = start(tmp_path)
    council = meeting.state.meeting.council
    lines = [
        f"present {' '.join(ALL_SEATS[:12])} pe-1",
        "remote zw-1 hn-1",
        "proxy br-1 to pe-1",
        "apologies gh-1",
        "present gh-2",
        "begin",
        "drop zw-1",
        "leave pe-1",
        "back pe-1",
        "revoke br-1",
        "back zw-1",
        "sitting",
        "present tz-1 ke-1",
    ]
    for line in lines:
        meeting.run(line)
        state = meeting.state
        assert state.seat_voters == [representation(state, seat) for seat in council.seats], line
        status = quorum_status(state)
        assert (status.present, status.needed, status.regions_present, status.met) == recount_quorum(state), line


def test_undo_puts_the_state_back_without_folding_the_journal(tmp_path, monkeypatch):
    """Every command of the demo meeting, undone and done again: after each undo the state is
    the fold of the journal, and the fold is never called to get it."""
    meeting = start(tmp_path)
    import meeting.session as session_module

    def no_fold(*args: object) -> None:
        raise AssertionError("undo folded the journal")

    for number, line in enumerate(DEMO_SCRIPT.read_text(encoding="utf-8").splitlines(), start=1):
        result = meeting.session.execute(line)
        if not isinstance(result, Accepted) or result.event is None or isinstance(result.event, ev.Undone):
            continue
        if meeting.state.phase == "adjourned":  # the meeting can no longer act: nothing is taken back
            assert meeting.refuse("undo").code == "undo.adjourned"
            continue
        before = snapshot(fold(meeting.session.recorded[:-1]))
        monkeypatch.setattr(session_module, "fold", no_fold)
        meeting.run("undo")
        monkeypatch.undo()
        live = snapshot(meeting.state)
        assert live == before, f"line {number} {line!r}: " + "; ".join(differences(live, before))
        assert live == snapshot(fold(meeting.session.recorded)), f"line {number}"
        meeting.run(line)


def test_undo_of_the_actions_the_demo_does_not_take_puts_the_state_back(tmp_path):
    """A seconder named after the motion and a speaker taken off the queue (events whose memento
    keeps only the motion or item they name): each undone, the state is the fold without it."""
    meeting = in_session(tmp_path)
    for line in ("move by ke-1", "second gh-1", "queue ke-1 bo-1 gh-1", "unqueue bo-1"):
        before = snapshot(meeting.state)
        meeting.run(line, "undo")
        assert snapshot(meeting.state) == before, line
        assert snapshot(meeting.state) == snapshot(fold(meeting.session.recorded)), line
        meeting.run(line)


def test_a_session_resumed_after_a_crash_undoes_without_folding(tmp_path, monkeypatch):
    meeting = in_session(tmp_path)
    meeting.run("move by ke-1 seconded gh-1", "vote 15 2 1", "undo", "vote 16 1 1", 'note "n"')
    meeting.session.close()
    import meeting.session as session_module
    from meeting.session import ScriptClock, Session

    session, _ = Session.resume(tmp_path / "journal.jsonl", ScriptClock(meeting.state.clock, "UTC"))
    monkeypatch.setattr(session_module, "fold", lambda *args: pytest.fail("undo folded the journal"))
    for _ in range(3):  # the note, the vote, the motion
        result = session.execute("undo")
        assert isinstance(result, Accepted) and isinstance(result.event, ev.Undone)
        monkeypatch.undo()
        assert snapshot(session.state) == snapshot(fold(session.recorded))
        monkeypatch.setattr(session_module, "fold", lambda *args: pytest.fail("undo folded the journal"))
    assert session.state.motions == {}
    session.close()


def written_with_registers(old: Path, twin: Path) -> None:
    """The old journal written again as the engine writes it today: each vote's whole
    register (`entitled`) replaced by its change from the one before (`register`)."""
    lines = [json.loads(line) for line in old.read_text(encoding="utf-8").splitlines()]
    journal = Journal.create(twin, lines[0]["event"], parse_ts(lines[0]["ts"]))
    try:
        for line in lines[1:]:
            event = line["event"]
            if "entitled" in event:
                state, _, diagnostics = read_meeting(twin)
                assert state is not None and diagnostics == []
                by_seat: list[ev.Voter | None] = [None] * len(state.meeting.council.seats)
                for voter in event.pop("entitled"):
                    by_seat[state.meeting.council.seat_index[voter["seat"]]] = ev.Voter(**voter)
                event["register"] = register_change(state, by_seat).model_dump(mode="json", exclude_defaults=True)
            journal.append(event, parse_ts(line["ts"]))
    finally:
        journal.close()


def test_the_demo_journal_written_before_registers_still_reads_and_verifies(tmp_path, capsys):
    old_state, _recorded, diagnostics = read_meeting(OLD_JOURNAL)
    assert diagnostics == [] and old_state is not None
    assert all("entitled" in e for e in events_of(OLD_JOURNAL) if e["type"] in ("vote.counted", "poll.opened"))
    old, twin = tmp_path / "old", tmp_path / "twin"
    old.mkdir()
    twin.mkdir()
    shutil.copy(OLD_JOURNAL, old / "journal.jsonl")
    written_with_registers(OLD_JOURNAL, twin / "journal.jsonl")
    assert not any("entitled" in e for e in events_of(twin / "journal.jsonl"))
    new_state, _, _ = read_meeting(twin / "journal.jsonl")
    assert new_state is not None and new_state.motions.keys() == old_state.motions.keys()
    for number, motion in new_state.motions.items():
        before = old_state.motions[number]
        assert (before.status, before.outcome, before.entitled) == (motion.status, motion.outcome, motion.entitled)
    for folder in (old, twin):
        assert main(["minutes", str(folder)]) == 0
        assert main(["verify", str(folder)]) == 0
    body = lambda folder: (folder / "minutes.md").read_text(encoding="utf-8").split("Journal SHA-256")[0]  # noqa: E731
    assert body(old) == body(twin)  # the hashes differ, the words do not


def test_an_old_journal_continued_writes_its_next_register_as_a_change(tmp_path):
    path = tmp_path / "journal.jsonl"
    shutil.copy(OLD_JOURNAL, path)
    state, _recorded, _ = read_meeting(path)
    assert state is not None and state.register_seq is not None
    from meeting.session import Session, WallClock

    session, _ = Session.resume(path, WallClock())
    session.execute('correct "The time of the recess" by tz-1 "It began at 13:10, not 13:12"')
    session.close()
    assert events_of(path)[-1]["type"] == "record.corrected"


@pytest.mark.parametrize("agenda", [DEMO_AGENDA])
def test_a_vote_event_is_small_at_any_size(tmp_path, agenda):
    meeting = in_session(tmp_path)
    meeting.run("move by ke-1 seconded gh-1", "vote 15 2 1", "move to reconsider by ke-1", "second gh-1", "vote 14 2 1")
    sizes = [len(line) for line in (tmp_path / "journal.jsonl").read_bytes().splitlines()]
    assert sizes[-1] < 600  # no register copied: the same seats as the vote before
