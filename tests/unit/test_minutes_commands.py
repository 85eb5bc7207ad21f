"""`meeting minutes`, `meeting verify` and `meeting tally` on the demo meeting: what they write and
print, their exit status, and verify catching a one-byte change anywhere."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tomllib
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.journal import read_journal
from meeting.minutes.model import OtherDecision
from tests.conftest import DEMO_AGENDA, REPO
from tests.kit import ALL_SEATS, in_session
from tests.unit.test_minutes_files import FILES, replay_into


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("demo")
    journal = replay_into(folder)
    assert main(["minutes", str(journal)]) == 0
    return folder


@pytest.fixture
def demo(source: Path, tmp_path: Path) -> Path:
    """A copy of the demo's journal and minutes that a test may damage."""
    folder = tmp_path / "demo"
    shutil.copytree(source, folder)
    return folder


def flip(path: Path, needle: bytes, replacement: bytes, occurrence: int = 1) -> int:
    """Change one byte of a file where `needle` occurs; returns the 1-based line changed."""
    data = path.read_bytes()
    index = -1
    for _ in range(occurrence):
        index = data.index(needle, index + 1)
    assert len(needle) == len(replacement)
    changed = sum(a != b for a, b in zip(needle, replacement, strict=False))
    assert changed == 1, "one byte only"
    path.write_bytes(data[:index] + replacement + data[index + len(needle) :])
    return data.count(b"\n", 0, index) + 1


# ── meeting minutes ───────────────────────────────────────────────────────────


def test_minutes_writes_every_format_into_the_journals_folder_by_default(tmp_path, capsys):
    journal = replay_into(tmp_path)
    capsys.readouterr()
    assert main(["minutes", str(journal)]) == 0
    out = capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["journal.jsonl", *FILES])
    assert out.splitlines() == [f"Wrote {tmp_path / name}" for name in FILES]
    manifest = tomllib.loads((tmp_path / "manifest.toml").read_text(encoding="utf-8"))
    entries = journal.read_bytes().count(b"\n")
    assert manifest["journal"] == "journal.jsonl" and manifest["journal_entries"] == entries
    for name in FILES[:-1]:
        assert manifest["files"][name] == hashlib.sha256((tmp_path / name).read_bytes()).hexdigest()


def test_minutes_takes_a_folder_an_output_folder_and_a_list_of_formats(source, tmp_path, capsys):
    assert main(["minutes", str(source), "-o", str(tmp_path / "out"), "--format", "csv,md"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["manifest.toml", "minutes.md", "votes.csv"]


def test_minutes_never_replace_those_of_another_journal(source, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["minutes", str(source), "-o", str(out), "--format", "md,csv"]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    other = in_session(tmp_path / "other")
    other.session.close()
    capsys.readouterr()
    assert main(["minutes", str(tmp_path / "other"), "-o", str(out), "--format", "md"]) == 1
    err = capsys.readouterr().err
    named = os.path.relpath(source / "journal.jsonl", out)
    assert err.splitlines() == [
        f"{out / 'manifest.toml'}:1:1: error: this folder holds the minutes of another journal ('{named}'), "
        "which these would replace: nothing was written; give another folder with -o"
    ]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    # The same journal writes over its own minutes without a word, and so does that journal
    # grown since by a correction.
    journal = tmp_path / "grown" / "journal.jsonl"
    journal.parent.mkdir()
    shutil.copy(source / "journal.jsonl", journal)
    assert main(["minutes", str(journal), "-o", str(out), "--format", "md,csv"]) == 0
    assert main(["correct", str(journal), "Item 2: a name misspelt.", "--by", "ke-1", "--why", "Asked."]) == 0
    capsys.readouterr()
    assert main(["minutes", str(journal), "-o", str(out), "--format", "md"]) == 0
    assert capsys.readouterr().err == ""
    assert (out / "minutes.md").read_bytes() != before["minutes.md"]


@pytest.mark.parametrize("manifest", ["garbage = [\n", "journal_sha256 = 5\n[files]\n", "folder"])
def test_minutes_never_replace_those_whose_manifest_says_not_whose_they_are(source, tmp_path, capsys, manifest):
    """A manifest damaged, naming no journal, or a folder: another meeting's minutes were
    replaced without a word, or written before the error (found by an adversary)."""
    out = tmp_path / "out"
    out.mkdir()
    if manifest == "folder":
        (out / "manifest.toml").mkdir()
    else:
        (out / "manifest.toml").write_text(manifest, encoding="utf-8")
    (out / "minutes.md").write_text("Another meeting's minutes.", encoding="utf-8")
    assert main(["minutes", str(source), "-o", str(out), "--format", "md"]) == 1
    assert "does not say which journal the minutes here were written from" in capsys.readouterr().err
    assert (out / "minutes.md").read_text(encoding="utf-8") == "Another meeting's minutes."


def test_minutes_in_another_language_are_named_with_it(source, tmp_path, capsys):
    assert main(["minutes", str(source), "-o", str(tmp_path), "--lang", "fr", "--format", "all"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [
            "minutes.fr.toml",
            "minutes.fr.json",
            "minutes.fr.md",
            "minutes.fr.html",
            "minutes.fr.docx",
            "votes.fr.csv",
            "manifest.toml",
        ]
    )
    assert '<html lang="fr">' in (tmp_path / "minutes.fr.html").read_text(encoding="utf-8")
    data = json.loads((tmp_path / "minutes.fr.json").read_text(encoding="utf-8"))
    assert data["language"] == "fr" and data["header"]["meeting_language"] == "en"
    # The agenda's French text of a draft motion moved as written.
    focal = next(m for m in data["motions"] if m["number"] == 11)
    assert focal["translation"].startswith("Que l'article 7 soit modifié")
    # Asking for the meeting's own language explicitly gives the plain names.
    assert main(["minutes", str(source), "-o", str(tmp_path / "en"), "--lang", "en", "--format", "md"]) == 0
    assert sorted(p.name for p in (tmp_path / "en").iterdir()) == ["manifest.toml", "minutes.md"]


def test_templates_restyle_the_html_and_verify_regenerates_with_them(source, tmp_path, capsys):
    """A council's own minutes.css, beside the packaged minutes.html: the manifest records the
    folder and `meeting verify` regenerates with it."""
    styles = tmp_path / "house-style"
    styles.mkdir()
    (styles / "minutes.css").write_text("body { font-family: 'Gill Sans'; }\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["minutes", str(source), "-o", str(out), "--format", "html", "--templates", str(styles)]) == 0
    assert "font-family: 'Gill Sans'" in (out / "minutes.html").read_text("utf-8")
    assert tomllib.loads((out / "manifest.toml").read_text("utf-8"))["templates"] == "../house-style"
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0


@pytest.mark.parametrize(
    ("template", "line", "said"),
    [
        ("<p>{{ m.nosuch.attr }}</p>\n", 1, "has no attribute 'nosuch'"),
        ("<p>\n{% if %}\n", 2, "Expected an expression"),
    ],
)
def test_a_template_that_fails_is_an_error_at_its_line_and_nothing_is_written(
    source, tmp_path, capsys, template, line, said
):
    """Once a traceback from Jinja2; and the Markdown and TOML were written before the HTML failed."""
    styles = tmp_path / "house-style"
    styles.mkdir()
    (styles / "minutes.html").write_text(template, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["minutes", str(source), "-o", str(out), "--templates", str(styles)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{styles / 'minutes.html'}:{line}:1: error: the minutes' template could not be filled: ")
    assert said in err and "Traceback" not in err
    assert not out.exists()


@pytest.mark.parametrize(("make", "said"), [(None, "must name a folder"), ("", "neither a minutes.html nor")])
def test_templates_that_name_no_folder_of_templates_are_an_error(source, tmp_path, capsys, make, said):
    """A mistyped folder once gave the packaged look, and the manifest recorded the typo."""
    styles = tmp_path / "house-style"
    if make is not None:
        styles.mkdir()
    assert main(["minutes", str(source), "-o", str(tmp_path / "out"), "--templates", str(styles)]) == 1
    assert capsys.readouterr().err.startswith(f"{styles}:1:1: error: --templates ")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "template", "line"),
    [
        ("minutes.html", "<h1>{{ m.header.title_words }}</h1>\n<p>{{ m.header.title | safe }}</p>\n", 2),
        ("parts.html", "<p>\n{% autoescape false %}{{ m.header.title }}{% endautoescape %}</p>\n", 2),
    ],
)
def test_a_template_that_would_let_the_records_text_through_unescaped_is_an_error(
    source, tmp_path, capsys, name, template, line
):
    """A member's name holding '<script>' reached the page as a tag through a council's own
    template with '|safe' (an adversary's run), where the docs said no template could."""
    styles = tmp_path / "house-style"
    styles.mkdir()
    (styles / "minutes.css").write_text("body { color: #111; }\n", encoding="utf-8")
    (styles / name).write_text(template, encoding="utf-8")
    assert main(["minutes", str(source), "-o", str(tmp_path / "out"), "--templates", str(styles)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{styles / name}:{line}:1: error: this template lets text through unescaped")
    assert not (tmp_path / "out").exists()


def test_an_output_folder_that_is_a_file_is_said_in_words(source, tmp_path, capsys):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert main(["minutes", str(source), "-o", str(tmp_path / "taken"), "--format", "md"]) == 1
    assert "cannot write the minutes: a file of that name is in the way (EEXIST)" in capsys.readouterr().err


@pytest.mark.parametrize("formats", ["pdf", "md,odt", ""])
def test_a_format_this_version_does_not_write_is_a_usage_error(source, tmp_path, capsys, formats):
    with pytest.raises(SystemExit) as exit_:
        main(["minutes", str(source), "-o", str(tmp_path / "out"), "--format", formats])
    assert exit_.value.code == 2
    assert "--format" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_minutes_of_a_missing_journal_is_an_error_at_its_path(tmp_path, capsys):
    missing = tmp_path / "nowhere.jsonl"
    assert main(["minutes", str(missing)]) == 1
    assert capsys.readouterr().err.strip() == f"{missing}:1:1: error: no such file"


def test_minutes_are_not_written_from_a_damaged_journal(demo, tmp_path, capsys):
    line = flip(demo / "journal.jsonl", b'"ke-1":"present"', b'"ke-1":"presenT"')
    assert main(["minutes", str(demo), "-o", str(tmp_path / "out"), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False and result["files"] == []
    # "presenT" is no way of attending: the edited line itself is refused.
    assert (result["errors"][0]["line"], result["errors"][0]["code"]) == (line, "journal.bad-event")
    assert not (tmp_path / "out").exists()


# ── meeting verify ────────────────────────────────────────────────────────────


def test_verify_passes_on_the_demo_and_says_what_it_did_not_check(demo, capsys):
    assert main(["verify", str(demo)]) == 0
    out = capsys.readouterr().out
    entries = (demo / "journal.jsonl").read_bytes().count(b"\n")
    assert f"{entries} entries, hash chain intact" in out
    assert "Sources: not checked (2026-12-council-meeting.toml, council.toml); give --agenda-dir DIR" in out
    for name in FILES[:-1]:
        assert f"{demo / name}: matches the journal" in out
    assert out.rstrip().endswith("Verified.")


def test_verify_never_prints_a_name_from_the_manifest_raw(demo, capsys):
    """A folder of minutes received from someone: its manifest's names reach the terminal
    written out, never as an escape that retitles or recolours it."""
    manifest = demo / "manifest.toml"
    hostile = "\\u001b]0;PWNED\\u0007\\u001b[41mEVIL\\u001b[0m.md"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("[files]\n", f'[files]\n"{hostile}" = "00"\n'))
    assert main(["verify", str(demo)]) == 1
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "\\u001b]0;PWNED\\u0007\\u001b[41mEVIL\\u001b[0m.md" in out


def test_verify_checks_the_sources_against_the_agenda_folder(demo, tmp_path, capsys):
    assert main(["verify", str(demo / "journal.jsonl"), "--agenda-dir", str(DEMO_AGENDA.parent)]) == 0
    assert "Source council.toml: SHA-256 matches the journal's record" in capsys.readouterr().out
    agendas = tmp_path / "agendas"
    shutil.copytree(DEMO_AGENDA.parent, agendas)
    flip(agendas / "council.toml", b"at_least = 11", b"at_least = 12")
    (agendas / "2026-12-council-meeting.toml").unlink()
    assert main(["verify", str(demo), "--agenda-dir", str(agendas), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert {s["path"]: s["status"] for s in result["sources"]} == {
        "2026-12-council-meeting.toml": "missing",
        "council.toml": "changed",
    }
    assert [(e["path"], e["code"]) for e in result["errors"]] == [
        (str(agendas / "2026-12-council-meeting.toml"), "verify.source-missing"),
        (str(agendas / "council.toml"), "verify.source-changed"),
    ]


def test_verify_catches_rules_rewritten_in_the_journal_and_the_chain_rebuilt(demo, capsys):
    """The quorum the meeting was decided under, changed from 11 to 3 in the journal's copy of
    the council, every later line's `prev` recomputed: the chain is intact and the files'
    SHA-256 still match what the journal records, but the council the files give is not the
    one the journal holds. `--agenda-dir` once vouched for it."""
    journal = demo / "journal.jsonl"
    lines = journal.read_bytes().splitlines()
    assert b'"quorum":{"at_least":11,' in lines[0]
    lines[0] = lines[0].replace(b'"quorum":{"at_least":11,', b'"quorum":{"at_least":3,', 1)
    for before, line in enumerate(lines[1:]):
        old = json.loads(line)["prev"].encode()
        lines[before + 1] = line.replace(old, hashlib.sha256(lines[before]).hexdigest().encode(), 1)
    journal.write_bytes(b"\n".join(lines) + b"\n")
    assert main(["verify", str(journal)]) == 1  # the minutes no longer match: but they could be regenerated
    capsys.readouterr()
    assert main(["verify", str(journal), "--agenda-dir", str(DEMO_AGENDA.parent), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["journal"]["chain"] == "intact"
    assert {s["status"] for s in result["sources"]} == {"matches"}
    assert (str(DEMO_AGENDA), "verify.source-not-embedded") in [(e["path"], e["code"]) for e in result["errors"]]


def _rechained(journal, change) -> None:
    """The journal's first line changed, every later line's `prev` recomputed: the chain intact."""
    lines = journal.read_bytes().splitlines()
    first = json.loads(lines[0])
    change(first["event"])
    lines[0] = json.dumps(first, ensure_ascii=False, separators=(",", ":")).encode()
    for before, line in enumerate(lines[1:]):
        old = json.loads(line)["prev"].encode()
        lines[before + 1] = line.replace(old, hashlib.sha256(lines[before]).hexdigest().encode(), 1)
    journal.write_bytes(b"\n".join(lines) + b"\n")


def test_verify_is_not_led_by_the_journal_to_other_files_or_to_none(demo, tmp_path, capsys):
    """A forger who rewrote the rules could empty the journal's list of sources (nothing was
    compared, and no error said so), or point it at copies of their own outside the folder."""
    journal = demo / "journal.jsonl"
    original = journal.read_bytes()
    _rechained(journal, lambda event: event.update(sources=[]))
    assert main(["verify", str(journal), "--agenda-dir", str(DEMO_AGENDA.parent), "--json"]) == 1
    errors = json.loads(capsys.readouterr().out)["errors"]
    assert ("verify.no-sources", str(DEMO_AGENDA.parent)) in [(e["code"], e["path"]) for e in errors]
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(DEMO_AGENDA.parent, elsewhere)
    for outside in (str(elsewhere) + "/council.toml", "../elsewhere/council.toml"):
        journal.write_bytes(original)

        def point(event, outside=outside):
            event["sources"][1]["path"] = outside

        _rechained(journal, point)
        assert main(["verify", str(journal), "--agenda-dir", str(DEMO_AGENDA.parent), "--json"]) == 1
        result = json.loads(capsys.readouterr().out)
        assert {s["path"]: s["status"] for s in result["sources"]}[outside] == "outside"
        assert "verify.source-outside" in [e["code"] for e in result["errors"]]


@pytest.mark.parametrize(
    "needle, replacement, at_next",
    [
        (b'"ke-1":"present"', b'"ke-1":"presenT"', False),  # no such way of attending: refused where it is
        (b'"yes":17,', b'"yes":18,', True),  # a plausible count: the chain breaks at the next line
        (b'"choice":"no"', b'"choice":"nO"', False),  # no such choice in a roll call
    ],
)
def test_verify_catches_a_one_byte_change_in_the_journal_and_says_which_line(
    demo, capsys, needle, replacement, at_next
):
    line = flip(demo / "journal.jsonl", needle, replacement)
    assert main(["verify", str(demo)]) == 1
    err = capsys.readouterr().err.splitlines()
    if at_next:
        assert err[0].startswith(f"{demo / 'journal.jsonl'}:{line + 1}:1: error: line {line} was changed")
    else:
        assert err[0].startswith(
            f"{demo / 'journal.jsonl'}:{line}:1: error: this line's event is not one this program writes"
        )


def test_verify_catches_a_change_to_the_journals_last_line_through_the_minutes(demo, capsys):
    # The last line has no successor whose `prev` could show the change: the minutes record its hash.
    data = (demo / "journal.jsonl").read_bytes()
    last = data.rstrip(b"\n").split(b"\n")[-1]
    edited = last.replace(b'"ts":"2026-12-10T14:27:00.000Z"', b'"ts":"2026-12-10T14:28:00.000Z"')
    (demo / "journal.jsonl").write_bytes(data[: len(data) - len(last) - 1] + edited + b"\n")
    assert main(["verify", str(demo)]) == 1
    err = capsys.readouterr().err
    entries = data.count(b"\n")
    assert f"{demo / 'journal.jsonl'}:{entries}:1: error: the journal's last entry has SHA-256" in err
    assert f"{demo / 'minutes.md'}:" in err and "differs from what the journal regenerates" in err


@pytest.mark.parametrize(
    "name, needle, replacement",
    [
        ("minutes.toml", b"yes = 17", b"yes = 18"),
        ("minutes.json", b'"yes": 17', b'"yes": 18'),
        ("minutes.md", b"17 in favour, 0", b"18 in favour, 0"),
        ("minutes.html", b"17 in favour, 0", b"18 in favour, 0"),
        ("votes.csv", b",17,0,1,", b",18,0,1,"),
        ("minutes.md", "Adébáyọ̀".encode(), "Adébáyọ̀".encode().replace(b"\xa9", b"\xa8")),  # é becomes è
    ],
)
def test_verify_catches_a_one_byte_change_in_each_minutes_file_at_its_line_and_column(
    demo, capsys, name, needle, replacement
):
    path = demo / name
    original = path.read_bytes()
    line = flip(path, needle, replacement)
    assert main(["verify", str(demo)]) == 1
    out, err = capsys.readouterr()
    index = original.index(needle)
    start = original.rfind(b"\n", 0, index) + 1
    changed = index + next(i for i, (a, b) in enumerate(zip(needle, replacement, strict=False)) if a != b)
    while original[changed] & 0xC0 == 0x80:
        changed -= 1
    col = len(original[start:changed].decode("utf-8").removeprefix("\ufeff")) + 1
    found = hashlib.sha256(path.read_bytes()).hexdigest()
    assert err.splitlines() == [
        f"{path}:1:1: error: this file's SHA-256 is {found}, but the manifest lists "
        f"{hashlib.sha256(original).hexdigest()}: it changed since it was written",
        f"{path}:{line}:{col}: error: this file differs from what the journal regenerates, from here on: "
        "the file was changed, or the journal was",
    ]
    assert f"{path}: DIFFERS from what the journal regenerates" in out
    assert out.rstrip().endswith("Verification failed.")


def test_verify_with_json_reports_every_file(demo, capsys):
    flip(demo / "votes.csv", b",17,0,1,", b",18,0,1,")
    assert main(["verify", str(demo), "--json"]) == 1
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is False
    entries = (demo / "journal.jsonl").read_bytes().count(b"\n")
    assert result["journal"]["entries"] == entries and result["journal"]["chain"] == "intact"
    assert {Path(m["file"]).name: m["status"] for m in result["minutes"]} == {
        **{name: "matches" for name in FILES if name != "manifest.toml"},
        "votes.csv": "differs",
    }
    assert [s["status"] for s in result["sources"]] == ["not-checked", "not-checked"]


def test_verify_checks_minutes_in_another_language_in_that_language(demo, capsys):
    assert main(["minutes", str(demo), "--lang", "fr", "--format", "md"]) == 0
    capsys.readouterr()
    assert main(["verify", str(demo)]) == 0
    assert f"{demo / 'minutes.fr.md'}: matches the journal" in capsys.readouterr().out


@pytest.mark.parametrize("deleted", [["minutes.html"], [n for n in FILES if n != "manifest.toml"]])
def test_verify_says_which_listed_file_is_missing(demo, capsys, deleted):
    for name in deleted:
        (demo / name).unlink()
    assert main(["verify", str(demo)]) == 1
    out, err = capsys.readouterr()
    for name in deleted:
        assert f"{demo / name}:1:1: error: the manifest lists this file, but it is missing" in err
        assert f"{demo / name}: MISSING" in out
    assert out.rstrip().endswith("Verification failed.")


def test_verify_without_any_minutes_says_so(tmp_path, capsys):
    replay_into(tmp_path)
    capsys.readouterr()
    assert main(["verify", str(tmp_path / "journal.jsonl")]) == 1
    assert f"no minutes in {tmp_path}: neither a manifest.toml nor any minutes file" in capsys.readouterr().err


def test_verify_of_a_missing_journal_says_it_was_not_read_not_that_it_is_damaged(tmp_path, capsys):
    assert main(["verify", str(tmp_path / "nowhere")]) == 1
    captured = capsys.readouterr()
    assert f"{tmp_path / 'nowhere'}:1:1: error: no such file" in captured.err
    assert f"{tmp_path / 'nowhere'}: not read (see the errors above)" in captured.out
    assert "damaged" not in captured.out


def test_verify_of_minutes_written_by_another_version_says_so_instead_of_tampering(demo, capsys):
    manifest = demo / "manifest.toml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace('meeting_version = "', 'meeting_version = "0.0.9-')
    )
    (demo / "minutes.md").write_bytes((demo / "minutes.md").read_bytes())  # unchanged
    assert main(["verify", str(demo)]) == 0
    out, err = capsys.readouterr()
    assert "warning: written by meeting 0.0.9-" in err and "; this is " in err
    assert f"{demo / 'minutes.md'}: as listed in the manifest" in out


def test_verify_expect_checks_the_final_hash_of_the_signed_copy(demo, capsys):
    final = tomllib.loads((demo / "manifest.toml").read_text(encoding="utf-8"))["journal_sha256"]
    assert main(["verify", str(demo), "--expect", final]) == 0
    capsys.readouterr()
    assert main(["verify", str(demo), "--expect", "0" * 64]) == 1
    assert (
        f"error: the journal's final SHA-256 is {final}, not {'0' * 64} as on the signed copy"
        in capsys.readouterr().err
    )


@pytest.mark.parametrize(
    ("what", "why", "said"),
    [
        ("Rubén arrived\x1b[31m late", "asked", "control character"),
        ("x" * 10_001, "asked", "a text may have at most 10000"),
    ],
)
def test_correct_refuses_what_the_command_language_refuses_and_writes_nothing(demo, capsys, what, why, said):
    """`meeting correct` sends its line through the parser like the console: an empty reason,
    an escape sequence or an over-long text is refused, not written into the journal."""
    before = (demo / "journal.jsonl").read_bytes()
    assert main(["correct", str(demo), what, "--by", "bo-1", "--why", why]) == 1
    assert said in capsys.readouterr().err
    assert (demo / "journal.jsonl").read_bytes() == before


def test_a_refused_correction_leaves_a_torn_last_line_where_it_was(demo, capsys):
    journal = demo / "journal.jsonl"
    with journal.open("ab") as file:
        file.write(b'{"seq":999,"ts":"2026-12-10T')  # the power went mid-write
    before = journal.read_bytes()
    assert main(["correct", str(demo), "A correction.", "--by", "nobody", "--why", "asked"]) == 1
    err = capsys.readouterr().err
    assert "no member matches 'nobody'" in err and "warning: this last line was cut off" in err
    assert journal.read_bytes() == before and not Path(f"{journal}.torn").exists()
    # Accepted, the correction is written where the torn line was, which is kept aside.
    assert main(["correct", str(demo), "A correction.", "--by", "bo-1", "--why", "asked"]) == 0
    assert Path(f"{journal}.torn").read_bytes() == b'{"seq":999,"ts":"2026-12-10T\n'
    entries, problems = read_journal(journal)
    assert problems == [] and entries[-1].event["type"] == "record.corrected"


@pytest.mark.parametrize(
    ("what", "by", "why", "said"),
    [
        ("", "bo-1", "asked", "argument WHAT: it is empty"),
        ("A correction.", "bo-1", "   ", "argument --why: it is empty"),
        ("A correction.", "", "asked", "argument --by: it is empty"),
        # Bytes that are not UTF-8, as Python passes them on: said so, not "a defect".
        ("A correction.", "bo-1", "\udcff", "argument --why: it is not UTF-8 text"),
    ],
)
def test_an_empty_text_or_name_for_a_correction_is_a_usage_error_naming_its_option(demo, capsys, what, by, why, said):
    """The journal cannot say which of two texts was empty ("the quoted text is empty", at the
    journal's line 1, once): the command line can."""
    before = (demo / "journal.jsonl").read_bytes()
    with pytest.raises(SystemExit) as exit_:
        main(["correct", str(demo), what, "--by", by, "--why", why])
    assert exit_.value.code == 2 and said in capsys.readouterr().err
    assert (demo / "journal.jsonl").read_bytes() == before


# ── meeting tally ─────────────────────────────────────────────────────────────


def test_tally_shows_every_vote_with_its_counts_rule_and_result(source, capsys):
    assert main(["tally", str(source)]) == 0
    out = capsys.readouterr().out
    assert "Votes: IC-ASM Council Meeting, December 2026" in out
    for label in ("Motion 1", "Motion 3", "Amendment 4", "Amendment 5", "Motion 7", "Motion 10", "Motion 11"):
        assert label in out
    assert "Needed: 14 yes votes, two-thirds of all 21 seats." in out
    assert "17 in favour, 0 against, 1 abstention;" in out and "9 needed" in out
    assert "class" not in out
    assert "Kwabena Owusu-Ansah" in out and "Wilmer Restrepo-Quiñones" in out
    # The decisions taken without a count, last: they were left out of the tallies.
    rest = out[out.index("Decided without a count") :]
    assert "Motion 12" in rest and "Motion 13" in rest and "Adopted without objection (unanimous consent)." in rest


def test_tally_says_a_ruling_appealed_was_decided_by_the_appeals_vote(source, capsys, monkeypatch):
    """The demo's point of order, ruled not well taken and sustained on appeal by 11-6-1, was
    listed "Decided by the chair's ruling." as if the chair alone had decided it."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["tally", str(source)]) == 0
    rest = " ".join(capsys.readouterr().out.split("Decided without a count")[1].split())
    assert "Decided by the chair's ruling." not in rest
    assert "The point of order Decided by a vote on appeal." in rest
    assert main(["tally", str(source), "--json"]) == 0
    point = next(u for u in json.loads(capsys.readouterr().out)["uncounted"] if u["label"] == "The point of order")
    assert point["how"] == "Decided by a vote on appeal."


def test_tally_shows_each_ballot_of_an_election_with_its_figures(source, capsys):
    """An election's ballots are tallied too (they were left out: a meeting that only elected
    its officers had "No counted votes."): each declared ballot with every candidate's votes."""
    assert main(["tally", str(source), "--item", "rapporteur"]) == 0
    out = " ".join(capsys.readouterr().out.replace("│", " ").split())
    assert "Rapporteur of the council to the 2027 ASM policy dialogue, ballot 2, 14:13" in out
    assert "Round 2: Mutale Chibwe-Nkonde elected." in out
    assert "Mutale Chibwe-Nkonde 11 elected Yolanda Huamaní-Ccori 7" in out
    assert "blank 0, invalid 1 · 19 votes cast, 10 necessary" in out
    assert main(["tally", str(source), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [(b["election"], b["number"]) for b in printed["ballots"]] == [("rapporteur", 1), ("rapporteur", 2)]
    assert main(["tally", str(source), "--member", "Huamaní", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ballots"] == []  # a ballot names nobody's vote


def test_tally_of_a_ranked_count_gives_its_count_sheet_to_redo_it(capsys, monkeypatch):
    """The general assembly's STV count: the stages were listed by their words alone ("Stage 1:
    First preferences", no figures); the count sheet of the minutes now follows them, every
    candidate's votes after each stage with what it moved, the non-transferable papers and the
    fractions dropped, so that a member can redo the count."""
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["tally", str(REPO / "minutes" / "2027-06-general-assembly-election")]) == 0
    out = capsys.readouterr().out
    sheet = out[out.index("Candidate", out.index("Stage 1: First preferences")) :]
    assert "Stage 12" in sheet and "Non-transferable" in sheet and "Fractions dropped" in sheet
    assert "Zawadi Mushi-Massawe" in sheet and "9.13043 (+0.13043)" in sheet and "0 (-9.13043)" in sheet


def test_tally_shows_names_and_texts_as_typed_never_as_markup(tmp_path, capsys):
    from tests.kit import ALL_SEATS, HOSTILE, hostile_meeting

    meeting = hostile_meeting(tmp_path).run("conclude", "roll-call", f"yes {' '.join(ALL_SEATS)}", "close")
    meeting.session.close()
    assert main(["tally", str(meeting.session.journal.path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    for key in ("member", "region", "motion"):
        assert HOSTILE[key] in out


@pytest.mark.parametrize(
    ("lang", "carried", "lost", "long_word"),
    [
        ("en", "Carried", "Lost", "Amendment"),
        ("fr", "Adoptée", "Rejetée", "sous-amendement"),
        ("es", "Aprobada", "Rechazada", "presidencia)"),
        ("sw", "Imepitishwa", "Imekataliwa", "(marekebisho"),
        ("pt", "Aprovada", "Rejeitada", "presidência)"),
    ],
)
def test_tally_at_80_columns_cuts_no_result_and_no_word(source, capsys, monkeypatch, lang, carried, lost, long_word):
    """The summary's words wrap so that each vote's numbers and result are shown whole, in every
    language (in Spanish, Swahili and Portuguese the result was cut to "Aprob", or off the edge,
    by columns of their own for the item and the method), and no word is cut in two ("sous-
    amendem" / "ent" in French)."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["tally", str(source), "--lang", lang]) == 0
    summary = capsys.readouterr().out.split("╭")[0]
    assert max(len(line) for line in summary.splitlines()) <= 80 and "…" not in summary
    # The eighth carried is the appeal's: "The decision of the chair was sustained", whole too.
    assert (summary.count(carried), summary.count(lost)) == (7, 1)
    assert lang != "en" or "sustained" in summary.split()
    assert long_word in summary.split()


def test_tally_of_one_item_and_as_json(source, capsys):
    assert main(["tally", str(source), "--item", "article-7", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] is True and [v["motion"] for v in result["votes"]] == [11]
    vote = result["votes"][0]
    assert (vote["yes"], vote["no"], vote["abstain"], vote["base"], vote["required"]) == (14, 3, 1, 21, "14")
    by_region = {r["name"]: (r["yes"], r["no"], r["abstain"]) for r in vote["by_region"]}
    assert by_region["Southeast Asia & Pacific"] == (3, 1, 0)
    # Every voting seat: 18 answered; Mutale Chibwe-Nkonde recused, two seats excused.
    assert len(vote["roll_call"]) == 21
    assert {r["seat"]["id"]: r["not_called"] for r in vote["roll_call"] if "not_called" in r} == {
        "zm-1": "vote.recused",
        "mg-1": "apologies",
        "hn-1": "apologies",
    }


@pytest.mark.parametrize("which", ["december", "march"])
def test_tally_gives_every_decision_the_minutes_list(demos, capsys, monkeypatch, which):
    """Each row of the minutes' table of decisions is in `meeting tally`: a counted motion under
    "votes", an election under its "ballots", and every other under "uncounted". The approval of
    December's minutes without objection (no motion, no count) was left out: March printed
    "uncounted": []; so was the chair's ruling on a point of order."""
    from meeting.minutes.files import minutes_in, read

    folder = getattr(demos, which)
    assert main(["tally", str(folder), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    minutes = minutes_in(read(folder / "journal.jsonl"), "en")
    listed = [row.what if isinstance(row, OtherDecision) else row.label for row in minutes.decisions()]
    ballots = {f"Election: {b['office']}" for b in printed["ballots"]}
    tallied = [v["label"] for v in printed["votes"]] + [u["label"] for u in printed["uncounted"]]
    assert sorted(set(tallied) | (ballots & set(listed))) == sorted(listed)
    if which == "march":
        assert printed["uncounted"] == [
            {
                "item": "minutes",
                "label": "Approval of the minutes of the meeting of Thursday, 10 December 2026 "
                "(IC-ASM Council Meeting, December 2026)",
                "result_words": "Approved without objection, with corrections.",
            }
        ]
        monkeypatch.setenv("COLUMNS", "250")
        assert main(["tally", str(folder)]) == 0
        rest = " ".join(capsys.readouterr().out.split("Decided without a count")[1].split())
        assert "Approval of the minutes of the meeting of Thursday, 10 December 2026" in rest
        assert "Approved without objection, with corrections." in rest


def secret_ballot_journal(tmp_path: Path) -> Path:
    """A motion decided by secret ballot on the demo's secret-ballot item."""
    meeting = in_session(tmp_path, item="rapporteur")
    meeting.run('move "That Mutale Chibwe-Nkonde be elected rapporteur." by ke-1 seconded pg-1', "ballot")
    meeting.run("vote 12 3 2 blank 1")
    meeting.session.close()
    return tmp_path / "journal.jsonl"


def test_tally_of_a_secret_ballot_names_nobody(tmp_path, capsys):
    journal = secret_ballot_journal(tmp_path)
    assert main(["tally", str(journal), "--item", "rapporteur"]) == 0
    out = capsys.readouterr().out
    assert "Secret ballot: totals only." in out
    assert "12 in favour, 3 against, 2 abstentions, 1 blank ballot" in out
    for name in ("Otieno Wafula-Achieng", "Kila Wamanga-Poro", "Furaha Bisimwa-Mirindi"):
        assert name not in out
    assert main(["tally", str(journal), "--item", "8", "--json"]) == 0
    ballot = json.loads(capsys.readouterr().out)["votes"][0]
    assert ballot["method"] == "secret_ballot" and ballot["roll_call"] == [] and ballot["blank"] == 1


def test_tally_of_an_unknown_item_is_an_error(source, capsys):
    assert main(["tally", str(source), "--item", "budget"]) == 1
    assert capsys.readouterr().err.strip() == f"{source / 'journal.jsonl'}:1:1: error: no agenda item 'budget'"


def test_tally_of_words_in_several_titles_asks_for_more_precision(source, capsys):
    """ "constitution" is in the titles of items 5 and 7: it was said there was no such item."""
    assert main(["tally", str(source), "--item", "constitution"]) == 1
    said = capsys.readouterr().err.strip()
    assert said == f"{source / 'journal.jsonl'}:1:1: error: 'constitution' matches items 5 and 7: be more precise"
    assert main(["tally", str(source), "--item", "constitution", "--json"]) == 1
    [found] = json.loads(capsys.readouterr().out)["errors"]
    assert found["code"] == "item.ambiguous"
    assert main(["tally", str(source), "--item", "constitution", "--lang", "fr"]) == 1
    assert "5 et 7" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["minutes", "verify", "tally"])
def test_every_new_command_takes_help_and_lang(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help", "--lang", "en"])
    assert exit_.value.code == 0
    assert "--lang CODE" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["minutes", "verify", "tally"])
def test_a_missing_argument_is_a_usage_error(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command])
    assert exit_.value.code == 2


def test_the_readme_links_the_committed_minutes():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "minutes/2026-12-council-meeting/minutes.md" in readme
    assert (REPO / "minutes/2026-12-council-meeting/minutes.md").is_file()


# ── meeting correct ───────────────────────────────────────────────────────────


def test_correct_appends_a_correction_after_adjournment_and_the_minutes_show_it(demo, capsys):
    before = (demo / "journal.jsonl").read_bytes()
    assert (
        main(["correct", str(demo), "Rubén Mamani-Choque arrived at 12:03.", "--by", "bo-1", "--why", "He was waiting"])
        == 0
    )
    entry = before.count(b"\n") + 1
    assert f"Correction recorded as entry {entry}" in capsys.readouterr().out
    after = (demo / "journal.jsonl").read_bytes()
    assert after.startswith(before) and after.count(b"\n") == before.count(b"\n") + 1  # the chain goes on
    assert main(["verify", str(demo)]) == 1  # the minutes are now behind the journal
    capsys.readouterr()
    assert main(["minutes", str(demo)]) == 0
    md = (demo / "minutes.md").read_text(encoding="utf-8")
    assert "## Corrections" in md and "Asked by Rubén Mamani-Choque (Bolivia), because he was waiting." in md
    assert main(["correct", str(demo), "x", "--by", "nobody", "--why", "y"]) == 1
    assert "no member matches 'nobody'" in capsys.readouterr().err


def test_a_correction_made_while_the_computers_clock_is_behind_the_journal_says_so(demo, capsys, monkeypatch):
    """A laptop whose clock read a week before the meeting recorded the correction at the
    adjournment's time, and nothing said so (found by a secretary)."""
    from datetime import UTC, datetime

    from meeting.session import WallClock

    monkeypatch.setattr(WallClock, "now", lambda self: datetime(2026, 12, 4, 9, 0, tzinfo=UTC))
    assert main(["correct", str(demo), "The count was 14.", "--by", "bo-1", "--why", "Recounted"]) == 0
    said = capsys.readouterr()
    assert "Correction recorded" in said.out
    assert "warning: the computer's clock is about" in said.err and "behind the last recorded event" in said.err


def test_a_correction_is_taken_after_an_adjournment_that_left_a_vote_open(tmp_path, capsys):
    """Adjourned for want of a quorum during a roll call, the record could not be corrected:
    'correct' was refused as interrupting the vote (found by an adversary)."""
    meeting = in_session(tmp_path, item="article-7").run("move by bf-1 seconded zw-1", "roll-call", "yes gh-1")
    meeting.run("leave " + " ".join(ALL_SEATS[-11:]), "adjourn")
    path = meeting.session.journal.path
    meeting.session.close()
    assert main(["correct", str(path), "The roll call began at 12:00.", "--by", "tz-1", "--why", "Clock"]) == 0
    assert "Correction recorded" in capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "fr", "es", "sw", "pt"])
def test_tally_at_80_columns_cuts_no_heading_in_any_language(lang, capsys, monkeypatch):
    """At 80 columns the Spanish detail tables read "Abstencion…" and "Habilitad…" (a chair's
    run): every heading is whole, in every language, for every vote of the demo."""
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["tally", str(REPO / "minutes" / "2026-12-council-meeting" / "journal.jsonl"), "--lang", lang]) == 0
    assert "…" not in capsys.readouterr().out
