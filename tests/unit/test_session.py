"""Sessions and their journal: undo, resume after a crash, torn and edited lines, replay."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import typing
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from meeting import session as session_module
from meeting.cli.main import main
from meeting.domain.attendance import quorum_status
from meeting.domain.reading import fold
from meeting.journal import JournalError
from meeting.session import Accepted, ScriptClock, Session, WallClock, read_meeting
from tests.conftest import DEMO_AGENDA, REPO
from tests.kit import ALL_SEATS, in_session, start

DEMO_SCRIPT = REPO / "agendas" / "ic-asm" / "2026-12-council-meeting.script"


def lines_of(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_every_accepted_command_is_one_journal_line_before_it_is_acknowledged(tmp_path):
    meeting = in_session(tmp_path)
    before = len(lines_of(tmp_path / "journal.jsonl"))
    result = meeting.accept("move by ke-1 seconded gh-1")
    # The entry the session acknowledges is already on disk.
    assert lines_of(tmp_path / "journal.jsonl")[-1]["seq"] == result.entry.seq == before + 1
    meeting.refuse("vote 99 0")
    assert len(lines_of(tmp_path / "journal.jsonl")) == before + 1


@pytest.mark.parametrize(
    ("before", "line"),
    [
        ((), "leave ke-1"),
        ((), "move by ke-1 seconded gh-1"),
        (("move by ke-1 seconded gh-1",), "vote 16 1 1"),
        (("move by ke-1 seconded gh-1", "vote 16 1 1"), "next"),
    ],
)
def test_a_line_the_disk_refuses_leaves_the_state_as_it_was(tmp_path, monkeypatch, before, line):
    """The state takes the event while the disk takes the line; if the fsync fails, the
    command is not acknowledged and the state is put back as the journal's lines make it."""
    from tests.unit.test_engine_stateful import snapshot
    from tests.unit.test_journal import fail_fsync_of

    meeting = in_session(tmp_path).run(*before)
    was, recorded = snapshot(meeting.state), list(meeting.session.recorded)
    fail_fsync_of(monkeypatch, tmp_path / "journal.jsonl")
    with pytest.raises(JournalError) as failed:
        meeting.session.execute(line)
    assert failed.value.diagnostic.code == "journal.unwritable"
    assert meeting.session.recorded == recorded
    assert snapshot(meeting.state) == was == snapshot(fold(recorded))


def test_a_mirror_that_fails_leaves_the_command_done_and_warns(tmp_path, monkeypatch):
    """The line is safe in the journal and only the second copy is behind: the command counts,
    its event is in the state and the record, and the chair is warned."""
    from tests.unit.test_engine_stateful import snapshot
    from tests.unit.test_journal import fail_fsync_of

    in_session(tmp_path).session.close()
    mirror = tmp_path / "usb.jsonl"
    clock = ScriptClock(datetime(2026, 12, 10, 13, tzinfo=UTC), "UTC")
    session, _warnings = Session.resume(tmp_path / "journal.jsonl", clock, mirror)
    failing = fail_fsync_of(monkeypatch, mirror)
    result = session.execute("move by ke-1 seconded gh-1")
    assert isinstance(result, Accepted)
    assert [(w.code, w.severity) for w in result.warnings] == [("journal.mirror-failed", "warning")]
    assert session.state.pending is not None and session.recorded[-1].event == result.event
    assert lines_of(tmp_path / "journal.jsonl")[-1]["seq"] == result.entry.seq
    assert snapshot(session.state) == snapshot(fold(session.recorded))
    # Said once while the mirror stays behind, not at every command; again once it failed anew.
    said = [session.execute(line) for line in ('note "one"', 'note "two"')]
    assert [[w.code for w in r.warnings] for r in said if isinstance(r, Accepted)] == [[], []], said
    failing["on"] = False
    assert session.execute('note "level"').warnings == ()  # type: ignore[union-attr]
    failing["on"] = True
    assert [w.code for w in session.execute('note "behind"').warnings] == ["journal.mirror-failed"]  # type: ignore[union-attr]
    session.close()


def test_undo_cancels_the_last_action_and_the_journal_keeps_both(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1")
    assert meeting.state.motions[1].status == "carried"
    meeting.run("undo")
    assert meeting.state.motions[1].status == "pending"
    assert meeting.state.motions[1].outcome is None
    events = [line["event"]["type"] for line in lines_of(tmp_path / "journal.jsonl")]
    assert events[-2:] == ["vote.counted", "undone"]
    meeting.run("undo")  # then the motion itself
    assert meeting.state.motions == {} and meeting.state.stack == []
    journal = lines_of(tmp_path / "journal.jsonl")
    move, vote = journal[-4]["seq"], journal[-3]["seq"]
    assert [line["event"]["target"] for line in journal[-2:]] == [vote, move]


def test_nothing_to_undo_at_the_start(tmp_path):
    assert start(tmp_path).refuse("undo").code == "undo.nothing"


def test_the_state_read_back_equals_the_live_state(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1", "undo", "vote 17 0 1", "next")
    state, _recorded, diagnostics = read_meeting(tmp_path / "journal.jsonl")
    assert diagnostics == [] and state is not None
    assert state.motions[1].outcome == meeting.state.motions[1].outcome
    assert (state.current, state.order, state.clock) == (
        meeting.state.current,
        meeting.state.order,
        meeting.state.clock,
    )


def test_resume_continues_where_the_journal_stops(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    meeting.session.close()
    session, warnings = Session.resume(tmp_path / "journal.jsonl", WallClock())
    assert warnings == []
    assert session.state.pending.number == 1
    assert isinstance(session.execute("vote 18 1 1"), object)
    assert session.state.motions[1].status == "carried"
    session.close()


def test_a_second_writer_is_refused(tmp_path):
    meeting = in_session(tmp_path)
    with pytest.raises(JournalError) as raised:
        Session.resume(tmp_path / "journal.jsonl", WallClock())
    assert raised.value.diagnostic.code == "journal.locked"
    meeting.session.close()


def test_a_torn_last_line_is_set_aside_and_the_meeting_continues(tmp_path):
    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1")
    meeting.session.close()
    journal = tmp_path / "journal.jsonl"
    with journal.open("ab") as f:
        f.write(b'{"seq":99,"ts":"2026-12-10T12:')  # the power went mid-write
    session, warnings = Session.resume(journal, WallClock())
    assert [(w.code, w.line) for w in warnings] == [("journal.torn", 6)]
    assert (tmp_path / "journal.jsonl.torn").read_bytes().startswith(b'{"seq":99')
    session.execute("vote 18 1 1")
    session.close()
    state, _, diagnostics = read_meeting(journal)
    assert diagnostics == [] and state.motions[1].status == "carried"


def test_a_line_edited_by_hand_is_reported_at_its_place(tmp_path, capsys):
    in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 16 1 1").session.close()
    journal = tmp_path / "journal.jsonl"
    lines = journal.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].replace('"gh-1":"present"', '"gh-1":"remote"')  # someone "corrects" line 2
    journal.write_text("\n".join(lines), encoding="utf-8")
    status = main(["replay", str(DEMO_AGENDA), str(DEMO_SCRIPT), "--journal", str(journal), "--append"])
    err = capsys.readouterr().err
    assert status == 1
    assert err.startswith(f"{journal}:3:1: error: line 2 was changed after it was written")


def _replay(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["replay", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_the_demo_script_replays_cleanly_and_identically(tmp_path, capsys):
    first, second = tmp_path / "a" / "journal.jsonl", tmp_path / "b" / "journal.jsonl"
    for journal in (first, second):
        status, out, err = _replay(capsys, str(DEMO_AGENDA), str(DEMO_SCRIPT), "--journal", str(journal))
        assert (status, err) == (0, "")
        assert f"Journal: {journal.resolve()}" in out
    assert first.read_bytes() == second.read_bytes()
    state, recorded, _ = read_meeting(first)
    assert state.phase == "adjourned"
    # Quorum was lost when the hub's power and the cable failed, and regained after.
    quorums = []
    for n in range(2, len(recorded) + 1):
        quorums.append(quorum_status(fold(recorded[:n])).met)
    changes = [q for i, q in enumerate(quorums) if i == 0 or q != quorums[i - 1]]
    assert changes == [False, True, False, True]


def test_replay_stops_at_the_first_refused_command_and_keeps_what_came_before(tmp_path, capsys):
    script = tmp_path / "short.script"
    script.write_text(
        'present tz-1 sec-1 ke-1 gh-1\nbegin\n\n# then a mistake\nopen 3\nmove by ke-1 secnded gh-1\nnote "never"\n',
        encoding="utf-8",
    )
    journal = tmp_path / "j" / "journal.jsonl"
    status, _out, err = _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal))
    assert status == 1
    assert err == f"{script}:6:14: error: unexpected 'secnded' here\n"
    assert [line["event"]["type"] for line in lines_of(journal)] == [
        "meeting.loaded",
        "attendance",
        "meeting.begun",
        "item.opened",
    ]


def test_replay_refuses_to_write_into_an_existing_journal_without_append(tmp_path, capsys):
    script = tmp_path / "s.script"
    script.write_text("present ke-1\n", encoding="utf-8")
    journal = tmp_path / "journal.jsonl"
    assert _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal))[0] == 0
    before = journal.read_bytes()
    status, _, err = _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal))
    assert (status, err.split(": error: ")[0]) == (1, f"{journal}:1:1")
    assert journal.read_bytes() == before
    script.write_text("remote ke-1\n", encoding="utf-8")
    assert _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal), "--append")[0] == 0
    assert lines_of(journal)[-1]["event"] == {"type": "attendance", "changes": {"ke-1": "remote"}}


def test_the_default_journal_is_under_minutes_in_the_current_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    script = tmp_path / "s.script"
    script.write_text("present ke-1\n", encoding="utf-8")
    status, out, _ = _replay(capsys, str(DEMO_AGENDA), str(script))
    expected = tmp_path / "minutes" / "2026-12-council-meeting" / "journal.jsonl"
    assert status == 0 and expected.is_file()
    assert f"Journal: {expected}" in out


def test_the_script_clock(tmp_path, capsys):
    script = tmp_path / "s.script"
    script.write_text("at 12:30\npresent ke-1\nat 12:10\n", encoding="utf-8")
    journal = tmp_path / "journal.jsonl"
    status, _, err = _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal))
    assert status == 1 and err.startswith(f"{script}:3:4: error: 'at 12:10:00' is earlier")
    assert [line["ts"] for line in lines_of(journal)] == ["2026-12-10T12:00:00.000Z", "2026-12-10T12:30:00.000Z"]


def test_the_live_console_has_no_script_clock(tmp_path):
    meeting = start(tmp_path)
    meeting.session.clock = WallClock()
    assert meeting.refuse("at 12:00").code == "clock.script-only"


def test_a_mirror_is_kept_identical(tmp_path, capsys):
    script = tmp_path / "s.script"
    script.write_text("present tz-1 sec-1 ke-1 gh-1\nbegin\n", encoding="utf-8")
    journal, mirror = tmp_path / "j.jsonl", tmp_path / "usb" / "j.jsonl"
    status, _, _ = _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal), "--mirror", str(mirror))
    assert status == 0 and mirror.read_bytes() == journal.read_bytes()


@pytest.mark.parametrize("append", [False, True], ids=["new", "append"])
def test_a_mirror_that_cannot_be_written_stops_a_replay_that_says_so(tmp_path, capsys, monkeypatch, append):
    """Not 'the journal itself is up to date', said mid-meeting when a mirror fails: nothing
    opened, and a journal that was to be begun is not left behind to refuse the next try."""
    from tests.unit.test_journal import fail_fsync_of

    script = tmp_path / "s.script"
    script.write_text("present tz-1\n", encoding="utf-8")
    journal, mirror = tmp_path / "j.jsonl", tmp_path / "usb.jsonl"
    if append:
        assert _replay(capsys, str(DEMO_AGENDA), str(script), "--journal", str(journal))[0] == 0
        before = journal.read_bytes()
        os.mkfifo(mirror)  # never waited on, never written
    else:
        fail_fsync_of(monkeypatch, mirror)  # a stick that fails as the mirror is begun
    args = ["--journal", str(journal), "--mirror", str(mirror), *(["--append"] if append else [])]
    status, out, err = _replay(capsys, str(DEMO_AGENDA), str(script), *args)
    assert status == 1 and out == ""
    assert "the journal was not opened" in err and "up to date" not in err
    assert journal.read_bytes() == before if append else not journal.exists()


def test_a_meeting_killed_mid_way_resumes_exactly(tmp_path):
    """A real process killed with SIGKILL after acknowledging commands loses none of them."""
    journal = tmp_path / "journal.jsonl"
    child = textwrap.dedent(
        f"""
        import os, signal, sys
        from pathlib import Path
        sys.path.insert(0, {str(REPO)!r})
        from tests.kit import start
        meeting = start(Path({str(tmp_path)!r}))
        meeting.run("present {" ".join(ALL_SEATS)}", "begin", "open agenda", "move by ke-1 seconded gh-1")
        print("acknowledged", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    result = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == -signal.SIGKILL and result.stdout == "acknowledged\n"
    session, warnings = Session.resume(journal, ScriptClock(read_meeting(journal)[0].clock, "UTC"))
    assert warnings == []
    assert session.state.pending.text == "That the agenda be adopted as circulated."
    session.execute("vote 20 0 1")
    assert session.state.motions[1].status == "carried"
    session.close()


@pytest.mark.parametrize("command", ["replay", "run"])
@pytest.mark.parametrize("option", ["--journal", "--mirror"])
def test_an_empty_journal_or_mirror_path_is_a_usage_error(tmp_path, capsys, monkeypatch, command, option):
    monkeypatch.chdir(tmp_path)
    args = [command, str(DEMO_AGENDA), *([str(DEMO_SCRIPT)] if command == "replay" else []), option, ""]
    with pytest.raises(SystemExit) as exit:
        main(args)
    assert exit.value.code == 2
    assert "an empty path names no file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # nothing written under ./minutes/ in its place


# Each command's positional paths, with what else it needs to get that far.
POSITIONAL_PATHS = [
    ["check", ""],
    ["minutes", ""],
    ["correct", "", "A correction.", "--by", "bo-1", "--why", "a slip"],
    ["tally", ""],
    ["verify", ""],
    ["view", ""],
    ["serve", ""],
    ["run", ""],
    ["replay", "", str(DEMO_SCRIPT)],
    ["replay", str(DEMO_AGENDA), ""],
]


@pytest.mark.parametrize("args", POSITIONAL_PATHS, ids=lambda args: f"{args[0]}-{args.index('')}")
def test_an_empty_positional_path_is_a_usage_error(tmp_path, capsys, monkeypatch, args):
    """Not the current folder (`check ""` read `.`), nor a default found in it (`minutes ""`
    looked for ./journal.jsonl)."""
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as exit:
        main(args)
    assert exit.value.code == 2
    assert "an empty path names no file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def _demo_copy(folder: Path) -> Path:
    folder.mkdir()
    for name in (DEMO_AGENDA.name, "council.toml"):
        (folder / name).write_bytes((DEMO_AGENDA.parent / name).read_bytes())
    return folder / DEMO_AGENDA.name


def test_a_journal_resumes_under_the_meeting_it_recorded_even_when_a_file_changed_since(tmp_path):
    from meeting.session import open_session

    agenda = _demo_copy(tmp_path / "files")
    journal = tmp_path / "journal.jsonl"
    opened = open_session(agenda, journal, None, scripted=True, resume=False)
    assert opened.session is not None
    opened.session.execute("present tz-1 ke-1")
    opened.session.close()
    council = agenda.parent / "council.toml"
    council.write_text(council.read_text(encoding="utf-8").replace("at_least = 11", "at_least = [broken"), "utf-8")
    resumed = open_session(agenda, journal, None, scripted=True, resume=True)
    assert resumed.session is not None and resumed.existed
    assert [(d.path, d.severity, d.code) for d in resumed.diagnostics] == [
        (str(council), "warning", "journal.source-changed")
    ]
    assert resumed.session.state.meeting.rules.quorum.at_least == 11  # the council as recorded
    assert resumed.session.state.status("ke-1") == "present"
    resumed.session.close()


def test_a_journal_of_another_meeting_is_not_resumed(tmp_path):
    from meeting.session import open_session

    agenda = _demo_copy(tmp_path / "files")
    journal = tmp_path / "journal.jsonl"
    opened = open_session(agenda, journal, None, scripted=True, resume=False)
    assert opened.session is not None
    opened.session.close()
    agenda.write_text(
        agenda.read_text(encoding="utf-8").replace('id = "2026-12-council-meeting"', 'id = "other"'), "utf-8"
    )
    refused = open_session(agenda, journal, None, scripted=True, resume=True)
    assert refused.session is None
    assert [(d.code, dict(d.params)) for d in refused.diagnostics] == [
        ("replay.other-meeting", {"id": "2026-12-council-meeting"})
    ]


def _models(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _models(sub)


def test_every_field_that_may_be_none_has_a_default() -> None:
    """Events are written without their None fields (`exclude_none`): a field that may be None
    but has no default is then missing, and the journal's reader refuses the line."""
    import meeting.domain.elections.progress  # noqa: F401  (every model the events hold)
    from meeting.domain.base import Model

    required_none = [
        f"{model.__name__}.{name}"
        for model in set(_models(Model))
        for name, field in model.model_fields.items()
        if field.is_required() and type(None) in typing.get_args(field.annotation)
    ]
    assert required_none == []


def test_an_event_the_journal_could_not_read_back_is_refused_and_not_written(tmp_path, monkeypatch) -> None:
    meeting = in_session(tmp_path)
    lines = meeting.session.journal.path.read_bytes()
    before = meeting.state.motions.copy()
    dump = session_module._data
    monkeypatch.setattr(session_module, "_data", lambda event: {**dump(event), "stray": 1})
    refused = meeting.refuse("move by ke-1 seconded gh-1")
    assert refused.code == "journal.would-not-read" and refused.params == {"type": "motion.moved"}
    assert meeting.session.journal.path.read_bytes() == lines and meeting.state.motions == before


def test_a_meeting_begun_on_another_day_counts_notice_to_the_day_it_sits(tmp_path):
    """Begun two days before the agenda's date: notice of Article 7 given on 10 November was
    30 days before 10 December, but 28 before the sitting; the notice was counted to the
    agenda's date, and a constitutional amendment was carried on short notice (found by a
    parliamentarian). At `begin`: the other day, and the notice short counted to it."""
    from meeting.loader.load import load
    from meeting.session import source_files

    text = DEMO_AGENDA.read_text(encoding="utf-8").replace("notice_given = 2026-11-04", "notice_given = 2026-11-10")
    agenda = tmp_path / "meeting.toml"
    agenda.write_text(text, encoding="utf-8")
    (tmp_path / "council.toml").write_text((DEMO_AGENDA.parent / "council.toml").read_text(encoding="utf-8"))
    loaded = load(agenda)
    assert loaded.meeting is not None and not [d for d in loaded.diagnostics if d.code.startswith("notice.")]
    sources = source_files(loaded.sources, agenda)
    for day, expected in ((8, ["sitting.other-day", "notice.short"]), (10, [])):
        clock = ScriptClock(datetime(2026, 12, day, 9, 0, tzinfo=UTC), "UTC")
        session = Session.start(loaded.meeting, sources, tmp_path / f"{day}.jsonl", clock)
        session.execute(f"present {' '.join(ALL_SEATS)}")
        begun = session.execute("begin")
        assert isinstance(begun, Accepted)
        found = [w for w in begun.warnings if w.code in ("sitting.other-day", "notice.short")]
        assert [w.code for w in found] == expected
        if found:
            assert found[0].params == {"sitting": "2026-12-08", "scheduled": "2026-12-10"}
            assert found[1].params == {"item": "article-7", "days": 28, "required": 30}


def test_a_meeting_begun_before_its_notice_says_no_notice_was_given_not_days_below_zero(tmp_path):
    """The assembly's agenda, begun on 5 December 2026 with its notice dated 1 April 2027, said
    "notice given -117 days before the meeting": a notice dated on the day the meeting sits, or
    after it, is no notice at all, said with its date (`notice.after-meeting`)."""
    from meeting.loader.load import load
    from meeting.messages import render
    from meeting.session import source_files

    text = DEMO_AGENDA.read_text(encoding="utf-8").replace("notice_given = 2026-11-04", "notice_given = 2026-12-10")
    agenda = tmp_path / "meeting.toml"
    agenda.write_text(text, encoding="utf-8")
    (tmp_path / "council.toml").write_text((DEMO_AGENDA.parent / "council.toml").read_text(encoding="utf-8"))
    loaded = load(agenda)
    assert loaded.meeting is not None
    checked = [d for d in loaded.diagnostics if d.code.startswith("notice.")]
    assert [(d.code, d.params) for d in checked] == [
        ("notice.after-meeting", {"item": "article-7", "given": "2026-12-10", "meeting": "2026-12-10", "required": 30})
    ]
    sources = source_files(loaded.sources, agenda)
    clock = ScriptClock(datetime(2026, 12, 8, 9, 0, tzinfo=UTC), "UTC")
    session = Session.start(loaded.meeting, sources, tmp_path / "journal.jsonl", clock)
    session.execute(f"present {' '.join(ALL_SEATS)}")
    begun = session.execute("begin")
    assert isinstance(begun, Accepted)
    late = [w for w in begun.warnings if w.code.startswith("notice.")]
    assert [w.code for w in late] == ["notice.after-meeting"]
    said = render(late[0].code, late[0].params)
    assert said == (
        "item 'article-7': notice dated 2026-12-10, not before the meeting (on 2026-12-08): "
        "no notice was given in time; the rules require 30 days"
    )


def test_a_file_named_in_bytes_that_are_not_utf8_is_said_before_a_journal_is_begun(tmp_path, capsys):
    """The journal records the name of each file the meeting is read from, and a name that is
    not UTF-8 (which reaches Python as lone surrogates) cannot be written in a journal line:
    said as an error, nothing written, where it was a traceback."""
    from meeting.session import open_session

    demo = _demo_copy(tmp_path / "files")
    agenda = demo.with_name("bad\udcff\udcfe.toml")  # b"bad\xff\xfe.toml" on the disk
    demo.rename(agenda)
    journal = tmp_path / "journal.jsonl"
    status, out, _err = _replay(capsys, str(agenda), str(DEMO_SCRIPT), "--journal", str(journal), "--json")
    errors = json.loads(out)["errors"]
    assert status == 1 and [(e["path"], e["code"]) for e in errors] == [(str(agenda), "journal.name-not-utf8")]
    assert not journal.exists()
    # `meeting run` opens its meeting the same way.
    opened = open_session(agenda, journal, None, scripted=False, resume=True)
    assert opened.session is None and [d.code for d in opened.diagnostics] == ["journal.name-not-utf8"]
    assert not journal.exists()
    # Reading the file records nothing: `meeting check` takes it.
    assert main(["check", str(agenda)]) == 0


def test_a_council_file_replaced_by_a_symbolic_link_loop_is_a_changed_file(tmp_path):
    """Resuming compares each recorded file with the file now at its path: a loop of links
    leads to no file, so it has changed (a warning), where `Path.resolve` raised."""
    from meeting.session import open_session

    agenda = _demo_copy(tmp_path / "files")
    journal = tmp_path / "journal.jsonl"
    opened = open_session(agenda, journal, None, scripted=True, resume=False)
    assert opened.session is not None
    opened.session.close()
    council = agenda.parent / "council.toml"
    council.unlink()
    council.symlink_to("loop.toml")
    (agenda.parent / "loop.toml").symlink_to("council.toml")
    resumed = open_session(agenda, journal, None, scripted=True, resume=True)
    assert resumed.session is not None
    assert [(d.path, d.code) for d in resumed.diagnostics] == [(str(council), "journal.source-changed")]
    resumed.session.close()
