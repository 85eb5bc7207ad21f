"""The record against what a laptop, a careless user or a hostile text can do: one writer
whatever the journal is called, no control character reaching a terminal or a document, every
read bounded, time that never runs backwards in the record."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from meeting.cli.main import main
from meeting.domain.language import ParseError, parse
from meeting.journal import GENESIS, Journal, JournalError, encode_entry, read_journal
from meeting.loader.load import load
from meeting.loader.read import Source
from meeting.messages import render
from meeting.session import Accepted, Session, read_meeting
from tests.conftest import DEMO_AGENDA, MINI_AGENDA, MINI_COUNCIL, REPO
from tests.kit import ALL_SEATS, in_session, start

T0 = datetime(2026, 12, 10, 12, 0, tzinfo=UTC)
FIRST = {"type": "meeting.opened"}
ESC_TITLE = "\x1b]0;pwned\x07"  # an OSC sequence that renames the terminal window
RED = "\x1b[31m"


def refusal(call) -> str:
    with pytest.raises(JournalError) as caught:
        call()
    return caught.value.diagnostic.code


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    path = tmp_path / "meeting" / "journal.jsonl"
    with Journal.create(path, FIRST, T0) as writer:
        writer.append({"type": "note", "text": "one"}, T0 + timedelta(seconds=1))
    return path


# ── 1. One writer, whatever the journal is called ──────────────────────────────


def aliases(journal: Path) -> dict[str, Path]:
    folder = journal.parent
    symlink = folder.parent / "link.jsonl"
    symlink.symlink_to(journal)
    hard = folder.parent / "hard.jsonl"
    os.link(journal, hard)
    linked_folder = folder.parent / "same-folder"
    linked_folder.symlink_to(folder, target_is_directory=True)
    return {
        "symlink": symlink,
        "hard link": hard,
        "dot spelling": folder / "." / ".." / folder.name / "journal.jsonl",
        "double slash": Path(str(folder) + "//journal.jsonl"),
        "relative": Path(os.path.relpath(journal)),
        "folder symlink": linked_folder / "journal.jsonl",
    }


def test_a_second_writer_is_refused_under_any_name_of_the_journal(journal):
    with Journal.open(journal)[0]:
        for name, alias in aliases(journal).items():
            assert refusal(lambda alias=alias: Journal.open(alias)) == "journal.locked", name
    assert journal.read_bytes().count(b"\n") == 2  # nothing written by the refused writers


def test_a_writer_in_another_process_is_refused_through_a_hard_link(journal):
    hard = journal.parent / "other.jsonl"
    os.link(journal, hard)
    code = "from meeting.journal import Journal, JournalError\ntry:\n    Journal.open(__import__('pathlib').Path({!r}))\nexcept JournalError as e:\n    print(e.diagnostic.code)"
    with Journal.open(journal)[0]:
        result = subprocess.run(
            [sys.executable, "-c", code.format(str(hard))], capture_output=True, text=True, timeout=60
        )
    assert result.stdout == "journal.locked\n"


def test_the_mirror_is_locked_too(tmp_path, journal):
    mirror = tmp_path / "usb" / "journal.jsonl"
    other = tmp_path / "other.jsonl"
    Journal.create(other, FIRST, T0).close()
    with Journal.open(journal, mirror)[0]:
        # A second writer on the first one's mirror, or taking the journal for its own mirror.
        assert refusal(lambda: Journal.open(mirror)) == "journal.locked"
        assert refusal(lambda: Journal.open(other, journal)) == "journal.locked"
    assert mirror.read_bytes() == journal.read_bytes()


def moved_aside(journal: Path) -> Path:
    aside = journal.with_name("elsewhere.jsonl")
    journal.rename(aside)
    return aside


def deleted(journal: Path) -> Path:
    journal.unlink()
    return journal


def replaced(journal: Path) -> Path:
    aside = moved_aside(journal)
    journal.write_bytes(aside.read_bytes())  # a copy at the path: another file all the same
    return aside


@pytest.mark.parametrize("gone", [moved_aside, deleted, replaced])
def test_a_journal_moved_or_deleted_while_open_records_nothing_and_says_so(tmp_path, gone, capsys):
    meeting = in_session(tmp_path)
    path = meeting.session.journal.path
    fd = meeting.session.journal._file.fileno()  # the file the console holds open
    events = len(meeting.session.recorded)
    size = os.fstat(fd).st_size
    kept = gone(path)
    with pytest.raises(JournalError) as caught:
        meeting.session.execute('note "lost?"')
    problem = caught.value.diagnostic
    assert (problem.path, problem.line, problem.code) == (str(path), events + 1, "journal.moved")
    assert f"'{path}' was moved or deleted" in problem.message
    assert os.fstat(fd).st_size == size  # nothing written where no one would find it
    assert len(meeting.session.recorded) == events and meeting.state.notes == []
    if gone is deleted:
        # A second console may start a new journal at the path; the first never writes into it.
        Journal.create(path, FIRST, T0).close()
        assert refusal(lambda: meeting.session.execute('note "mixed in?"')) == "journal.moved"
        assert path.read_bytes().count(b"\n") == 1
    else:
        os.replace(kept, path)  # put back, the meeting goes on where it stopped
        assert isinstance(meeting.session.execute('note "back"'), Accepted)
        assert meeting.session.journal.last.seq == events + 1 and read_journal(path)[1] == []
    meeting.session.close()


def test_a_mirror_moved_while_open_is_only_behind_and_brought_level_once_back(tmp_path, journal):
    mirror = tmp_path / "usb" / "journal.jsonl"
    writer, _ = Journal.open(journal, mirror)
    with writer:
        aside = moved_aside(mirror)
        with pytest.raises(JournalError) as caught:
            writer.append({"type": "note", "text": "two"}, T0 + timedelta(seconds=2))
        assert caught.value.diagnostic.code == "journal.mirror-failed"
        assert "moved or deleted" in caught.value.diagnostic.message
        assert writer.last.seq == 3  # the journal itself has it
        assert aside.read_bytes().count(b"\n") == 2  # the copy moved aside was not written
        os.replace(aside, mirror)
        writer.append({"type": "note", "text": "three"}, T0 + timedelta(seconds=3))
    assert mirror.read_bytes() == journal.read_bytes() and journal.read_bytes().count(b"\n") == 4


def test_a_mirror_that_is_the_journal_under_another_name_is_refused(journal):
    hard = journal.parent / "hard.jsonl"
    os.link(journal, hard)
    before = journal.read_bytes()
    for alias in (hard, *aliases(journal).values()):
        assert refusal(lambda alias=alias: Journal.open(journal, alias)) == "journal.mirror-is-journal"
    assert journal.read_bytes() == before  # no line written twice into the one file


def test_a_journal_whose_folder_is_a_file_says_so(tmp_path):
    (tmp_path / "minutes").write_text("not a folder")
    target = tmp_path / "minutes" / "x" / "journal.jsonl"
    with pytest.raises(JournalError) as caught:
        Journal.create(target, FIRST, T0)
    assert caught.value.diagnostic.code == "journal.parent-not-folder"
    assert caught.value.diagnostic.params == {"parent": str(tmp_path / "minutes")}


# ── 2. No raw control characters anywhere ──────────────────────────────────────


@pytest.mark.parametrize(
    ("line", "col", "char"),
    [
        (f'note "a{ESC_TITLE}"', 8, "U+001B"),
        (f'move "That{RED} all" by ke-1', 11, "U+001B"),
        ('note "ring \x07 the bell"', 12, "U+0007"),
        ('note "C1 \x9b31m"', 10, "U+009B"),
        ('note "evil \u202e}; txet"', 12, "U+202E"),
        ('note "isolate \u2066x\u2069"', 15, "U+2066"),
        ('note "back\x08space"', 11, "U+0008"),
        ('note "del \x7f"', 11, "U+007F"),
        ("present gh-1 # a comment \x1b[2J", 26, "U+001B"),
    ],
)
def test_a_command_with_a_control_character_is_refused_at_its_column(line, col, char):
    assert parse(line) == ParseError("text.control-character", col, {"char": char})


def test_a_tab_is_white_space():
    command = parse('note\t"one\ttwo"')
    assert not isinstance(command, ParseError) and command is not None
    assert command.args["text"] == "one\ttwo"


def test_replay_refuses_the_line_and_prints_nothing_raw(tmp_path, capsys):
    script = tmp_path / "evil.script"
    script.write_text(f'present gh-1\nnote "{ESC_TITLE}"\n', encoding="utf-8")
    status = main(["replay", str(DEMO_AGENDA), str(script), "--journal", str(tmp_path / "j.jsonl")])
    out, err = capsys.readouterr()
    assert status == 1
    assert f"{script}:2:7: error: control character U+001B" in err
    assert "\x1b" not in out + err and "\x07" not in out + err


def test_a_control_character_in_a_toml_string_is_a_located_error(tmp_path, capsys):
    council = MINI_COUNCIL.replace('name = "Nadia Benali"', 'name = "Nadia\\u001b]0;pwned\\u0007 Benali"')
    (tmp_path / "council.toml").write_text(council, encoding="utf-8")
    agenda = tmp_path / "mini.toml"
    agenda.write_text(MINI_AGENDA.replace('title = "Budget"', 'title = "Budget \\u202e"'), encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    err = capsys.readouterr().err
    council_line = council.splitlines().index('name = "Nadia\\u001b]0;pwned\\u0007 Benali"') + 1
    agenda_line = MINI_AGENDA.splitlines().index('title = "Budget"') + 1
    assert f"{tmp_path / 'council.toml'}:{council_line}:1: error: control character U+001B" in err
    assert f"{agenda}:{agenda_line}:1: error: control character U+202E" in err
    assert "\x1b" not in err and "\u202e" not in err


def test_a_path_with_control_characters_is_shown_escaped(tmp_path, capsys):
    weird = tmp_path / f"a{RED}b.toml"
    assert main(["check", str(weird)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "a\\u001b[31mb.toml:1:1: error: no such file" in err


def old_journal(tmp_path: Path) -> Path:
    """A journal written before control characters were refused: a member's name, a note and a
    motion carry them (written here below the parser and the loader, as an old version did)."""
    meeting = start(tmp_path)
    meeting.run("present gh-1 sl-1 zm-1 zw-1 bf-1 cm-1 cd-1 mg-1 tz-1 ke-1 ug-1 cd-2 hn-1", "begin", "open agenda")
    meeting.session.close()
    path = tmp_path / "journal.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    first = json.loads(lines[0])
    for member in first["event"]["council"]["members"]:
        if member["id"] == "ke-1":
            member["name"] = f"Otieno{ESC_TITLE} Wafula"
    rewritten = [json.dumps(first, ensure_ascii=False, separators=(",", ":"))]
    path.write_text("\n".join(rewritten) + "\n", encoding="utf-8")
    # Re-chain the rest through a writer, adding events whose texts carry the characters.
    from meeting.journal import parse_ts

    with Journal.open(path)[0] as writer:
        for line in lines[1:]:
            entry = json.loads(line)
            writer.append(entry["event"], parse_ts(entry["ts"]))
        ts = parse_ts(json.loads(lines[-1])["ts"])
        writer.append({"type": "note", "text": f"{RED}red\u202e text"}, ts)
        writer.append(
            {
                "type": "motion.moved",
                "motion": 1,
                "kind": "main",
                "text": '=HYPERLINK("http://evil.example","click")',
                "mover": "ke-1",
                "seconder": "gh-1",
                "item": "agenda",
            },
            ts,
        )
    return path


def test_an_old_journal_is_read_with_its_control_characters_made_visible(tmp_path):
    path = old_journal(tmp_path)
    state, _recorded, diagnostics = read_meeting(path)
    assert diagnostics == [] and state is not None
    assert state.meeting.council.member("ke-1").name == "Otieno\\u001b]0;pwned\\u0007 Wafula"
    assert state.notes[-1].text == "\\u001b[31mred\\u202e text"


def test_minutes_and_tally_of_an_old_journal_show_the_characters_escaped(tmp_path, capsys):
    path = old_journal(tmp_path)
    assert main(["minutes", str(path)]) == 0
    for name in ("minutes.md", "minutes.html", "minutes.toml", "minutes.json", "votes.csv"):
        text = (tmp_path / name).read_text(encoding="utf-8-sig")
        assert not any(c in text for c in "\x1b\x07\u202e"), name
    html = (tmp_path / "minutes.html").read_text(encoding="utf-8")
    assert "Otieno\\u001b]0;pwned\\u0007 Wafula" in html
    assert "\\u001b[31mred\\u202e text" in html
    markdown = (tmp_path / "minutes.md").read_text(encoding="utf-8")
    assert "\\\\u001b\\[31mred\\\\u202e text" in markdown  # Markdown's own escapes on top
    capsys.readouterr()
    main(["tally", str(path)])
    out, err = capsys.readouterr()
    assert "\x1b]" not in out + err and "\u202e" not in out + err


def test_a_formula_in_a_csv_cell_is_neutralised(tmp_path):
    meeting = in_session(tmp_path)
    formula = '=HYPERLINK("http://evil.example","click")'
    meeting.run(f'move "{formula.replace(chr(34), chr(92) + chr(34))}" by ke-1 seconded gh-1', "vote 15 1 0")
    meeting.session.close()
    assert main(["minutes", str(tmp_path / "journal.jsonl"), "--format", "csv"]) == 0
    rows = (tmp_path / "votes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert any(f'"\'{formula.replace(chr(34), chr(34) * 2)}"' in row for row in rows)
    assert not any(row.startswith("=") or ",=" in row or ',"=' in row for row in rows)


@pytest.mark.parametrize("start", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx"])
def test_every_formula_start_gets_an_apostrophe(start):
    from meeting.minutes.csv import cell

    assert cell(start) == "'" + start
    assert cell("That the council " + start) == "That the council " + start


def test_a_carriage_return_is_made_visible_before_it_could_start_a_formula():
    from meeting.minutes.csv import cell

    assert cell("\r=1+1") == "\\u000d=1+1"


# ── 3. Every read is bounded and never hangs ───────────────────────────────────


def run_cli(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """The command in a fresh process, with a deadline: a read that hangs fails the test."""
    return subprocess.run([sys.executable, "-m", "meeting", *args], capture_output=True, text=True, timeout=60, cwd=cwd)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize(
    "args",
    [
        ("check", "{p}"),
        ("replay", "{p}", str(REPO / "agendas/ic-asm/2026-12-council-meeting.script"), "--journal", "{d}/j.jsonl"),
        ("replay", str(DEMO_AGENDA), "{p}", "--journal", "{d}/j.jsonl"),
        ("minutes", "{p}"),
        ("verify", "{p}"),
        ("tally", "{p}"),
    ],
)
@pytest.mark.parametrize("special", ["fifo", "/dev/zero", "/dev/urandom"])
def test_a_file_that_is_not_regular_is_refused_at_once(tmp_path, fifo, args, special):
    target = str(fifo) if special == "fifo" else special
    result = run_cli(*(a.format(p=target, d=tmp_path) for a in args))
    assert result.returncode == 1, result.stderr
    assert f"{target}:1:1: error: not a regular file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("target", ["folder", "/dev/full"])
def test_replay_into_a_journal_that_is_no_file_says_what_it_is(tmp_path, capsys, target):
    journal = tmp_path if target == "folder" else Path(target)
    script = REPO / "agendas/ic-asm/2026-12-council-meeting.script"
    assert main(["replay", str(DEMO_AGENDA), str(script), "--journal", str(journal)]) == 1
    said = "is a directory, not a file" if target == "folder" else "not a regular file"
    assert capsys.readouterr().err.splitlines()[-1].startswith(f"{journal}:1:1: error: {said}")


def test_the_journal_writer_refuses_a_fifo(fifo):
    assert refusal(lambda: Journal.open(fifo)) == "file.not-regular"


def test_a_journal_line_past_its_cap_is_refused_not_read_whole(tmp_path, monkeypatch):
    import meeting.journal as journal_module

    path = tmp_path / "journal.jsonl"
    with Journal.create(path, FIRST, T0) as writer:
        writer.append({"type": "note", "text": "x" * 500}, T0)
        writer.append({"type": "note", "text": "short"}, T0)
    monkeypatch.setattr(journal_module, "LINE_LIMIT", 300)
    entries, diagnostics = read_journal(path)
    assert len(entries) == 1
    assert [(d.code, d.line) for d in diagnostics] == [("journal.line-too-long", 2)]
    assert refusal(lambda: Journal.open(path)) == "journal.line-too-long"


def test_an_event_too_long_for_a_line_is_refused_and_nothing_is_written(tmp_path, monkeypatch):
    import meeting.journal as journal_module

    meeting = in_session(tmp_path)
    before = (tmp_path / "journal.jsonl").read_bytes()
    monkeypatch.setattr(journal_module, "LINE_LIMIT", 200)
    refused = meeting.refuse('note "' + "y" * 300 + '"')
    assert refused.code == "journal.line-too-long"
    assert (tmp_path / "journal.jsonl").read_bytes() == before


# 40,000 parts took tomli 36 s and 6 GB before the loader's own depth check could run.
LONG_KEY = ".".join(["a"] * 40_000)
QUOTED_KEY = ".".join(['"q"'] * 40_000)


@pytest.mark.parametrize(
    ("text", "line", "col"),
    [
        (f"{LONG_KEY} = 1\n", 1, 1),
        (f'name = "x"\n[{LONG_KEY}]\n', 2, 2),
        (f'name = "x"\n[[tables]]\n  {QUOTED_KEY} = 1\n', 3, 3),
        (f"v = {{ x = 1, {LONG_KEY} = 2 }}\n", 1, 14),
        # In a string or a comment it is no key; the one after them is.
        (f'text = """\n{LONG_KEY} = 1\n"""\nt = "{LONG_KEY}" # {LONG_KEY}\n{LONG_KEY} = 1\n', 5, 1),
    ],
    ids=["dotted", "header", "quoted", "inline", "after-strings"],
)
def test_a_dotted_key_too_deep_is_refused_before_parsing(tmp_path, text, line, col):
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")

    def two_gigabytes() -> None:  # tomli, given such a key, runs out of them and fails at once
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    result = subprocess.run(
        [sys.executable, "-m", "meeting", "check", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=two_gigabytes,
    )
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"{path}:{line}:{col}: error: {render('toml.too-deep', {})}"]


def test_keys_as_deep_as_allowed_and_dotted_texts_still_read(tmp_path):
    from meeting.loader.syntax import MAX_DEPTH, parse_toml

    deepest = ".".join(["a"] * MAX_DEPTH)
    dotted = ".".join(["b"] * (MAX_DEPTH + 5))
    text = f"{deepest} = 1\nt = '{dotted}'\nm = '''\n{dotted} = 1'''\n# {dotted}\n"
    data, problems = parse_toml(Source(str(tmp_path / "x.toml"), text, "0" * 64))
    assert problems == [] and data is not None and data["t"] == dotted


@pytest.mark.parametrize("shape", ["header", "dotted", "inline"])
def test_nesting_too_deep_for_the_program_is_a_located_error(tmp_path, shape):
    keys = ".".join(["k"] * 600)
    text = {
        "header": f'name = "x"\n[{keys}]\nv = 1\n',
        "dotted": f'name = "x"\n{keys} = 1\n',
        "inline": 'name = "x"\nv = ' + "{ a = " * 600 + "1" + " }" * 600 + "\n",
    }[shape]
    path = tmp_path / "council.toml"
    path.write_text(text, encoding="utf-8")
    loaded = load(path)
    assert [(d.code, d.line) for d in loaded.diagnostics] == [("toml.too-deep", 2)]


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_start_at_the_ends_of_the_calendar_is_a_located_error(tmp_path, year, capsys):
    (tmp_path / "council.toml").write_text(MINI_COUNCIL, encoding="utf-8")
    agenda = tmp_path / "mini.toml"
    agenda.write_text(MINI_AGENDA.replace("2026-12-10T12:00:00", f"{year}-12-31T23:00:00"), encoding="utf-8")
    assert main(["check", str(agenda)]) == 1
    err = capsys.readouterr().err
    assert f"{agenda}:3:1: error: a meeting starts between the years 1900 and 2999, not in {int(year)}" in err


@pytest.mark.parametrize("bad", ["ӏ-1", "ɡh-1", "gh-ɡ", "_gh"])
def test_an_id_outside_ascii_is_refused_by_the_loader(tmp_path, bad):
    (tmp_path / "council.toml").write_text(MINI_COUNCIL.replace('id = "n-3"', f'id = "{bad}"'), encoding="utf-8")
    loaded = load(tmp_path / "council.toml")
    assert [(d.code, d.params) for d in loaded.diagnostics] == [("id.invalid", {"value": bad})]


def test_a_journal_with_an_older_non_ascii_id_still_reads(tmp_path):
    meeting = start(tmp_path)
    meeting.session.close()
    path = tmp_path / "journal.jsonl"
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    first["event"]["council"]["members"][0]["id"] = "għ-1"
    path.write_text(json.dumps(first, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    state, _recorded, diagnostics = read_meeting(path)
    assert diagnostics == [] and state is not None
    assert state.meeting.council.members[0].id == "għ-1"


@pytest.mark.parametrize(("bound", "code"), [("at_least = 0", "quorum.zero"), ('at_least = "0/3"', "quorum.zero")])
def test_a_quorum_met_by_nobody_is_refused(tmp_path, bound, code):
    council = MINI_COUNCIL.replace("[rules.quorum]\nat_least = 3", f"[rules.quorum]\n{bound}")
    (tmp_path / "council.toml").write_text(council, encoding="utf-8")
    assert [d.code for d in load(tmp_path / "council.toml").diagnostics] == [code]


def test_item_minutes_beyond_a_day_are_refused(tmp_path):
    (tmp_path / "council.toml").write_text(MINI_COUNCIL, encoding="utf-8")
    agenda = tmp_path / "mini.toml"
    agenda.write_text(MINI_AGENDA.replace("minutes = 20", f"minutes = {2**63 - 1}"), encoding="utf-8")
    assert [(d.code, d.params) for d in load(agenda).diagnostics] == [
        ("schema.too-large", {"key": "minutes", "limit": 1440})
    ]


@pytest.mark.parametrize("zone", ["localtime", "posixrules", "posix/Africa/Nairobi", "right/UTC", "Factory"])
def test_names_that_are_not_iana_zones_are_refused(tmp_path, zone):
    (tmp_path / "council.toml").write_text(MINI_COUNCIL, encoding="utf-8")
    agenda = tmp_path / "mini.toml"
    agenda.write_text(MINI_AGENDA.replace('time_zone = "UTC"', f'time_zone = "{zone}"'), encoding="utf-8")
    assert [(d.code, d.params) for d in load(agenda).diagnostics] == [("zone.unknown", {"value": zone})]


def test_huge_numbers_and_other_digits_in_a_command_are_refused_not_crashed():
    assert parse("vote " + "9" * 5000 + " 1").code == "command.number-too-large"  # type: ignore[union-attr]
    assert parse("vote ² 1").code == "command.expected-number"  # type: ignore[union-attr]


@pytest.mark.parametrize("line", ["recess 99999999", "recess 0", 'add "Long item" minutes 999999999'])
def test_lengths_past_a_day_are_refused(tmp_path, line):
    meeting = in_session(tmp_path)
    assert meeting.refuse(line).code in ("sitting.bad-recess", "item.bad-minutes")


READ_ONLY_COMMANDS = textwrap.dedent(
    """
    import sys
    sys.modules["fcntl"] = None  # as on a platform without it
    from meeting.cli.main import main
    raise SystemExit(main(sys.argv[1:]))
    """
)


@pytest.mark.parametrize(
    "args",
    [
        ("check", str(DEMO_AGENDA)),
        ("schema", "council"),
        ("minutes", "{demo}/journal.jsonl", "-o", "{out}"),
        ("verify", "{demo}"),
        ("tally", "{demo}"),
    ],
)
def test_the_reading_commands_run_without_fcntl(tmp_path, args):
    demo = REPO / "minutes" / "2026-12-council-meeting"
    argv = [a.format(demo=demo, out=tmp_path) for a in args]
    result = subprocess.run(
        [sys.executable, "-c", READ_ONLY_COMMANDS, *argv], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert result.returncode == 0, result.stderr  # an `import fcntl` anywhere on the way fails


# ── 4. Time only moves forward in the record ───────────────────────────────────


class SteppedClock:
    """A wall clock that NTP sets back by a quarter of an hour halfway through."""

    def __init__(self, times: list[datetime]) -> None:
        self.times = times

    def now(self) -> datetime:
        return self.times.pop(0)


def test_a_clock_that_steps_back_never_takes_the_record_back(tmp_path):
    loaded = load(DEMO_AGENDA)
    assert loaded.meeting is not None
    later, earlier = T0 + timedelta(minutes=40), T0 + timedelta(minutes=25)
    clock = SteppedClock(
        [T0, T0 + timedelta(minutes=1), later, earlier, earlier + timedelta(minutes=1), later + timedelta(minutes=2)]
    )
    session = Session.start(loaded.meeting, [], tmp_path / "journal.jsonl", clock)
    results = [
        session.execute(line) for line in ("present tz-1 sec-1 gh-1", "begin", 'note "a"', 'note "b"', 'note "c"')
    ]
    assert all(isinstance(r, Accepted) for r in results)
    times = [r.entry.ts for r in results if isinstance(r, Accepted) and r.entry]
    assert times == [T0 + timedelta(minutes=1), later, later, later, later + timedelta(minutes=2)]
    warned = [w.code for r in results if isinstance(r, Accepted) for w in r.warnings]
    assert warned == ["clock.behind"]  # once, not at every event
    session.close()


# ── 5. A journal edited and its hash chain recomputed ──────────────────────────


def rechained(path: Path, change: Callable[[dict[str, Any]], bool]) -> int:
    """The journal with the first event `change` alters (it says whether it did) changed, and
    every `prev` after it recomputed as the writer computes it, so the chain holds: only the
    events themselves can tell. Returns the line changed."""
    entries, problems = read_journal(path)
    assert problems == []
    events = [entry.event for entry in entries]
    changed = next(seq for seq, event in enumerate(events, start=1) if change(event))
    prev, lines = GENESIS, []
    for entry, event in zip(entries, events, strict=True):
        line = encode_entry(entry.seq, entry.ts, prev, event)
        prev = hashlib.sha256(line.encode()).hexdigest()
        lines.append(line + "\n")
    path.write_text("".join(lines), encoding="utf-8")
    return changed


def renaming(kind: str, rename: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], bool]:
    def change(event: dict[str, Any]) -> bool:
        if event["type"] != kind:
            return False
        rename(event)
        return True

    return change


def _unknown_member(event: dict[str, Any]) -> None:
    event["changes"]["zz-9"] = event["changes"].pop("gh-1")


def _unknown_seat(event: dict[str, Any]) -> None:
    event["register"]["added"][0]["seat"] = "zz-9"


# Each thing an event may name, named as nothing the meeting has.
BAD_REFERENCES = {
    "member": renaming("attendance", _unknown_member),
    "item": renaming("item.opened", lambda e: e.update(item="nope")),
    "motion": renaming("consensus.called", lambda e: e.update(motion=99)),
    "seat": renaming("vote.counted", _unknown_seat),
    "election": renaming("candidate.nominated", lambda e: e.update(election="nope")),
    "candidate": renaming("candidate.answered", lambda e: e.update(candidate="zz-9")),
}


@pytest.fixture(scope="module")
def elections_journal(tmp_path_factory) -> Path:
    """A meeting with a motion put to a vote after consensus failed, and an election decided."""
    from tests.unit.test_elections_commands import AGENDA

    folder = tmp_path_factory.mktemp("elections")
    meeting = start(folder, files={"agenda.toml": AGENDA})
    meeting.run(
        f"present {' '.join(ALL_SEATS)}",
        "begin",
        "open opening",
        'move "That the council thank the hosts" by gh-1 seconded sl-1',
        "consensus",
        'block bf-1 "not yet"',
        "conclude",
        "vote 15 2 1",
        "open officers",
        "nominate ke-1 by gh-1 seconded sl-1",
        "accept ke-1",
        "nominate co-1 by pe-1 seconded bo-1",
        "close-nominations",
        "round",
        "tellers ke-1 12 co-1 9",
        "result",
    )
    meeting.session.close()
    return folder / "journal.jsonl"


@pytest.mark.parametrize("reference", BAD_REFERENCES)
def test_an_edited_event_naming_what_the_meeting_lacks_is_a_located_error(
    tmp_path, elections_journal, capsys, reference
):
    path = tmp_path / "journal.jsonl"
    path.write_bytes(elections_journal.read_bytes())
    line = rechained(path, BAD_REFERENCES[reference])
    assert read_journal(path)[1] == []  # the chain holds: only the event gives it away
    expected = f"{path}:{line}:1: error: {render('journal.inconsistent', {})}"
    for args in (["minutes", str(path), "-o", str(tmp_path / "minutes")], ["tally", str(path)], ["verify", str(path)]):
        assert main(args) == 1, args
        err = capsys.readouterr().err
        assert expected in err.splitlines(), (args, err)
        assert "Traceback" not in err
    assert not (tmp_path / "minutes").exists()  # nothing minuted from it


def test_an_edited_journal_is_neither_resumed_nor_appended_to(tmp_path, elections_journal, capsys):
    path = tmp_path / "journal.jsonl"
    path.write_bytes(elections_journal.read_bytes())
    line = rechained(path, BAD_REFERENCES["member"])
    before = path.read_bytes()
    script = tmp_path / "more.script"
    script.write_text('note "more"\n', encoding="utf-8")
    agenda = elections_journal.parent / "agenda.toml"
    assert main(["replay", str(agenda), str(script), "--journal", str(path), "--append"]) == 1
    assert f"{path}:{line}:1: error: {render('journal.inconsistent', {})}" in capsys.readouterr().err
    assert path.read_bytes() == before
    with pytest.raises(JournalError) as caught:
        Session.resume(path, SteppedClock([T0]))
    assert (caught.value.diagnostic.code, caught.value.diagnostic.line) == ("journal.inconsistent", line)


def test_the_follower_stops_at_an_edited_event_and_keeps_the_state_before_it(tmp_path, elections_journal):
    from meeting.view.follow import Follower

    path = tmp_path / "journal.jsonl"
    path.write_bytes(elections_journal.read_bytes())
    # The second item opened: its handler closes the first before it finds no such item.
    opened = iter([False, True])
    line = rechained(path, lambda e: e["type"] == "item.opened" and next(opened) and not e.update(item="nope"))
    follower = Follower(path, str(path))
    follower.poll()
    assert follower.problem is not None
    assert (follower.problem.code, follower.problem.line) == ("journal.inconsistent", line)
    assert len(follower.recorded) == line - 1
    state = follower.state
    assert state is not None and state.current == "opening" and state.items["opening"].status == "open"


# ── 6. A decision edited, its hash chain recomputed: counted again on reading ──


@pytest.fixture(scope="module")
def decided_journal(tmp_path_factory) -> Path:
    """A tie decided by the chair's casting vote (motion 1) and a roll call (motion 2)."""
    from tests.unit.test_decisions import _with_rules

    folder = tmp_path_factory.mktemp("decided")
    tie = 'more_than = "1/2"\nof = "votes_cast"\ntie = '
    meeting = _with_rules(folder, **{tie + '"fails"': tie + '"casting_vote"'})
    meeting.run(
        f"present {' '.join(ALL_SEATS)}",
        "begin",
        "open agenda",
        "move by ke-1 seconded gh-1",
        "vote 10 10",
        "cast yes",
        'move "That the council meet in Accra" by gh-1 seconded sl-1',
        "roll-call",
        f"yes {' '.join(ALL_SEATS[:12])}",
        f"no {' '.join(ALL_SEATS[12:18])}",
        "close",
    )
    meeting.session.close()
    return folder / "journal.jsonl"


def editing(kind: str, edit: Callable[[dict[str, Any]], None], nth: int = 1) -> Callable[[dict[str, Any]], bool]:
    """A change to the `nth` event of this type."""
    seen = iter(range(1, nth + 1))

    def change(event: dict[str, Any]) -> bool:
        if event["type"] != kind or next(seen, None) != nth:
            return False
        edit(event)
        return True

    return change


def _counts(event: dict[str, Any], **counts: Any) -> None:
    event["outcome"].update(counts)


def _answer_changed(event: dict[str, Any]) -> None:
    event["choice"] = "no"


# Each edit with the diagnostic it gives at the line of the decision it falsifies; the
# decision's line is found as the first line of its type (`decided`), `nth` of them.
FALSIFIED = {
    "result flipped": (
        "elections",
        editing("vote.counted", lambda e: _counts(e, result="lost")),
        ("journal.misdecided", {"motion": 1, "decided": "lost", "counted": "carried"}),
    ),
    "counts changed, result kept": (
        "elections",
        editing("vote.counted", lambda e: _counts(e, yes=2, no=15)),
        ("journal.misdecided", {"motion": 1, "decided": "carried", "counted": "lost"}),
    ),
    "a roll call's figures changed, result kept": (
        "decided",
        editing("roll.closed", lambda e: _counts(e, yes=14, no=4)),
        ("journal.miscounted", {"motion": 2}),
    ),
    "casting vote turned": (
        "decided",
        editing("tie.broken", lambda e: e.update(choice="no")),
        ("journal.misdecided", {"motion": 1, "decided": "carried", "counted": "lost"}),
    ),
    "a tie broken that was not awaited": (
        "decided",
        editing("tie.broken", lambda e: e.update(by="lots")),
        ("journal.miscounted", {"motion": 1}),
    ),
    "tellers' report changed": (
        "elections",
        editing("round.tellers", lambda e: e["report"].update(votes={"ke-1": 9, "co-1": 12})),
        ("journal.misdeclared", {"election": "chair", "round": 1}),
    ),
    "another elected": (
        "elections",
        editing("round.declared", lambda e: e["ballot"]["decisions"][0].update(candidate="co-1", votes="9/1")),
        ("journal.misdeclared", {"election": "chair", "round": 1}),
    ),
    "roll-call answers changed": (
        "decided",
        editing("roll.voted", _answer_changed),
        ("journal.misdecided", {"motion": 2, "decided": "carried", "counted": "lost"}),
    ),
}


@pytest.mark.parametrize("falsified", FALSIFIED)
def test_a_decision_its_own_votes_do_not_give_is_a_located_error(
    tmp_path, elections_journal, decided_journal, capsys, falsified
):
    source, change, (code, params) = FALSIFIED[falsified]
    path = tmp_path / "journal.jsonl"
    path.write_bytes((elections_journal if source == "elections" else decided_journal).read_bytes())
    changed = rechained(path, change)
    assert read_journal(path)[1] == []  # the chain holds: only counting again gives it away
    entries, _ = read_journal(path)
    decision = next(
        e.seq
        for e in entries
        if e.seq >= changed and e.event["type"] in ("vote.counted", "tie.broken", "roll.closed", "round.declared")
    )
    expected = f"{path}:{decision}:1: error: {render(code, params)}"
    for args in (["minutes", str(path), "-o", str(tmp_path / "minutes")], ["tally", str(path)], ["verify", str(path)]):
        assert main(args) == 1, args
        err = capsys.readouterr().err
        assert expected in err.splitlines(), (args, err)
        assert "Traceback" not in err
    assert not (tmp_path / "minutes").exists()


def test_the_journals_as_written_are_read_back_without_complaint(elections_journal, decided_journal, capsys):
    for path in (elections_journal, decided_journal):
        assert main(["tally", str(path)]) == 0, capsys.readouterr().err


# What another version of the program may write otherwise for the same decision: read as written.
REWORDED = {
    "votes needed": ("vote.counted", lambda e: _counts(e, required="10/3")),
    "an elected's reason": ("round.declared", lambda e: e["ballot"]["decisions"][0].update(reason="most_votes")),
}


@pytest.mark.parametrize("reworded", REWORDED)
def test_the_arithmetic_worded_otherwise_for_the_same_decision_still_reads(
    tmp_path, elections_journal, capsys, reworded
):
    kind, edit = REWORDED[reworded]
    path = tmp_path / "journal.jsonl"
    path.write_bytes(elections_journal.read_bytes())
    rechained(path, editing(kind, edit))
    assert main(["tally", str(path)]) == 0, capsys.readouterr().err


def test_the_follower_stops_at_a_decision_its_votes_do_not_give(tmp_path, decided_journal):
    from meeting.view.follow import Follower

    path = tmp_path / "journal.jsonl"
    path.write_bytes(decided_journal.read_bytes())
    rechained(path, editing("roll.closed", lambda e: _counts(e, result="lost")))
    line = next(e.seq for e in read_journal(path)[0] if e.event["type"] == "roll.closed")
    follower = Follower(path, str(path))
    follower.poll()
    assert follower.problem is not None
    assert (follower.problem.code, follower.problem.line) == ("journal.misdecided", line)
    assert follower.state is not None and follower.state.motions[2].status == "pending"


# ── 7. The record never written over by what is made from it ─────────────────


@pytest.mark.parametrize("name", ["minutes.toml", "votes.csv", "minutes.md", "linked.jsonl"])
def test_the_minutes_never_replace_the_journal_they_come_from(tmp_path, elections_journal, capsys, name):
    folder = tmp_path / "o"
    folder.mkdir()
    journal = folder / name
    journal.write_bytes(elections_journal.read_bytes())
    if name == "linked.jsonl":  # the same file under the name of a minutes file
        os.link(journal, folder / "minutes.md")
    before = journal.read_bytes()
    assert main(["minutes", str(journal)]) == 1
    err = capsys.readouterr().err
    named = "minutes.md" if name == "linked.jsonl" else name
    assert f"{journal}:1:1: error: {render('minutes.would-replace-journal', {'file': named})}" in err.splitlines()
    assert journal.read_bytes() == before
    assert not (folder / "manifest.toml").exists()  # nothing written


def test_a_minutes_file_that_is_a_symbolic_link_loop_is_no_journal_and_is_written(tmp_path, elections_journal, capsys):
    """Looking whether a file to be written is the journal followed its links, and a loop of
    them raised ('Symlink loop from ...'): it leads to no file, so to no journal."""
    folder = tmp_path / "o"
    folder.mkdir()
    journal = folder / "journal.jsonl"
    journal.write_bytes(elections_journal.read_bytes())
    (folder / "minutes.md").symlink_to("loop.md")
    (folder / "loop.md").symlink_to("minutes.md")
    assert main(["minutes", str(journal), "--format", "md"]) == 0
    capsys.readouterr()
    assert "# Minutes of" in (folder / "minutes.md").read_text(encoding="utf-8")


def test_serving_a_journal_named_by_a_symbolic_link_loop_is_no_traceback(tmp_path):
    """`meeting serve` names the journal to its view by its absolute path, links followed: a
    loop of them raised; it is served as named, and the view says ELOOP as for any file it
    cannot read."""
    import shlex

    from meeting.view.serve import view_command

    (tmp_path / "l2.jsonl").symlink_to("l1.jsonl")
    (tmp_path / "l1.jsonl").symlink_to("l2.jsonl")
    argv = shlex.split(view_command(tmp_path / "l1.jsonl", None, projector=False))
    assert argv[argv.index("--follow") + 1] == str(tmp_path / "l1.jsonl")


def test_an_item_number_in_other_digits_is_no_item_not_a_crash(tmp_path):
    meeting = in_session(tmp_path)
    for text in ("²", "٢", "①"):
        refused = meeting.refuse(f"open {text}")
        assert (refused.code, refused.params) == ("item.not-found", {"text": text})


@pytest.mark.parametrize("char", ["\ufffe", "\uffff", "\u2028", "\u2029"])
def test_a_noncharacter_or_a_line_separator_is_refused_where_text_comes_in(tmp_path, char):
    refused = in_session(tmp_path).refuse(f'note "bad {char} end"')
    assert (refused.code, refused.col) == ("text.control-character", 11)
