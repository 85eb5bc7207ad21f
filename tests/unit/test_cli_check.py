"""`meeting check`, `meeting schema` and the command line's conventions."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from meeting.cli.main import main
from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL, MINI_AGENDA, MINI_COUNCIL, REPO

TOML_TEST = REPO / "tests" / "data" / "toml-test" / "tests" / "invalid"
INVALID_FILES = sorted(TOML_TEST.rglob("*.toml"))
DIAGNOSTIC = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): (?P<message>.+)$")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_the_demo_meeting_checks_clean_with_a_summary(capsys):
    status, out, err = run(capsys, "check", str(DEMO_AGENDA))
    assert (status, err) == (0, "")
    assert "International Council for Artisanal and Small-Scale Mining (IC-ASM)" in out
    assert (
        "Quorum: 11 of 21 voting seats present (remote members count, proxies count) and members from at least 3 of 5 regions"
        in out
    )
    assert "constitutional: two-thirds of all 21 voting seats (14 yes); a tie fails; 30 days' notice" in out
    assert "Agenda: 10 items, 145 of 150 minutes planned" in out
    # The start and end in the members' own zones, flagged outside 07:00-22:00, names intact.
    assert "The meeting in members' local time (⚠ outside 07:00–22:00):" in out
    assert "  ⚠ 2026-12-10 06:00–08:30 (-06:00)  America/Tegucigalpa: Marisol Cáceres-Lagos\n" in out
    assert "    2026-12-10 07:00–09:30 (-05:00)  America/Bogota: Wilmer Restrepo-Quiñones" in out
    assert "    2026-12-10 19:00–21:30 (+07:00)  Asia/Jakarta: Siti Rahmawati-Lubis" in out
    assert "  ⚠ 2026-12-10 20:00–22:30 (+08:00)  Asia/Manila: Rowena Dimaculangan-Tabora" in out
    assert "  ⚠ 2026-12-10 22:00–2026-12-11 00:30 (+10:00)  Pacific/Port_Moresby: Kila Wamanga-Poro" in out
    assert "Chair: Neema Mwakasege-Lyimo · Secretary: Chiara Ngozi Adébáyọ̀" in out


def test_the_summary_in_another_language_uses_the_files_translations(capsys, monkeypatch):
    """In Swahili the regions, the council, the agenda's title and place and every item's title
    were listed in English though the files translate them, and minutes of time read "min"."""
    import meeting.vocabulary

    spoken = meeting.vocabulary._
    monkeypatch.setattr(meeting.vocabulary, "_", lambda text: "dakika {n}" if text == "{n} min" else spoken(text))
    status, out, _ = run(capsys, "--lang", "sw", "check", str(DEMO_AGENDA))
    assert status == 0
    for english in ("Latin America", "Regional focal points", "Any other business", "with an in-person hub"):
        assert english not in out
    assert "Baraza la Kimataifa la Uchimbaji Mdogo wa Madini (IC-ASM)" in out
    assert "  Amerika ya Kusini  " in out
    assert "Mkutano wa Baraza la IC-ASM, Desemba 2026 [2026-12-council-meeting]" in out
    assert "   9. aob                  dakika 10  Mengineyo" in out
    assert " min " not in out


def test_the_replay_summary_says_minutes_of_time_in_the_language(tmp_path, monkeypatch):
    """The replay's list of items ended each line "3/10 min" in every language."""
    import meeting.vocabulary
    from meeting.report import summary_lines
    from tests.kit import in_session

    spoken = meeting.vocabulary._
    said = {"{used}/{planned} min": "dakika {used}/{planned}"}
    monkeypatch.setattr(meeting.vocabulary, "_", lambda text: said.get(text, spoken(text)))
    lines = [line for line in summary_lines(in_session(tmp_path).state) if "aob" in line]
    assert lines and lines[0].endswith("dakika 0/10")


def test_region_seat_counts_line_up_in_terminal_cells(capsys, tmp_path):
    """A region named with combining accents takes fewer cells than characters: its count is
    not pushed left of the others'."""
    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace('name = "Latin America"', 'name = "Àmẹ́ríkà Látìnì"')
    (tmp_path / "council.toml").write_text(council, encoding="utf-8")
    status, out, _ = run(capsys, "check", str(tmp_path / "council.toml"))
    assert status == 0
    rows = [line for line in out.splitlines() if line.startswith("  ") and line.rstrip()[-1:].isdigit()][:5]
    assert any("Àmẹ́ríkà" in row for row in rows)
    assert len({cell_len(row) for row in rows}) == 1, rows


def test_the_council_file_alone(capsys):
    status, out, _ = run(capsys, "check", str(DEMO_COUNCIL))
    assert status == 0
    assert "Latin America" in out and "Agenda:" not in out


def test_json_summary(capsys):
    status, out, _ = run(capsys, "check", str(DEMO_AGENDA), "--json")
    result = json.loads(out)
    assert status == 0
    assert (result["ok"], result["errors"], result["warnings"]) == (True, [], [])
    summary = result["summary"]
    assert summary["seats"] == 21
    assert [r["seats"] for r in summary["regions"]] == [4, 4, 4, 5, 4]
    assert summary["planned_minutes"] == 145
    assert summary["local_hours"] == {"earliest": "07:00", "latest": "22:00"}
    assert summary["local_times"][0] == {
        "zone": "America/Tegucigalpa",
        "start": "2026-12-10T06:00-06:00",
        "end": "2026-12-10T08:30-06:00",
        "outside": True,
        "members": ["Marisol Cáceres-Lagos"],
    }
    assert [row["zone"] for row in summary["local_times"] if row["outside"]] == [
        "America/Tegucigalpa",
        "Asia/Manila",
        "Pacific/Port_Moresby",
    ]


def test_errors_go_to_stderr_one_per_line_and_exit_1(capsys, write):
    agenda = MINI_AGENDA.replace('chair = "n-1"', 'chair = "nobody"').replace("minutes = 20", 'minutes = "20"')
    path = write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})
    status, out, err = run(capsys, "check", str(path))
    assert (status, out) == (1, "")
    # The schema error does not hide the reference error: both are reported, in file order.
    assert err.splitlines() == [
        f"{path}:7:1: error: the chair 'nobody' is not on the council's roster",
        f"{path}:26:1: error: 'minutes' must be an integer",
    ]


def test_json_errors(capsys, write):
    agenda = MINI_AGENDA.replace("minutes = 20", "minutes = 55")
    path = write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL.replace('short_name = "MC"', "short_name = 1")})
    status, out, err = run(capsys, "check", str(path), "--json")
    result = json.loads(out)
    assert (status, err, result["ok"]) == (1, "", False)
    assert result["errors"] == [
        {
            "path": str(path.parent / "council.toml"),
            "line": 2,
            "col": 1,
            "severity": "error",
            "code": "schema.expected-string",
            "message": "'short_name' must be a string",
        }
    ]
    assert [w["code"] for w in result["warnings"]] == ["agenda.over-time"]
    assert "summary" in result and result["summary"] is None


def test_warnings_alone_still_exit_0(capsys, write):
    path = write({"agenda.toml": MINI_AGENDA.replace("minutes = 20", "minutes = 55"), "council.toml": MINI_COUNCIL})
    status, out, err = run(capsys, "check", str(path))
    assert status == 0
    assert err == f"{path}:5:1: warning: the items take 65 minutes, more than the meeting's 60\n"
    assert "Mini Council" in out


@pytest.mark.parametrize("name", ["council", "agenda"])
def test_schema_is_a_json_schema_of_the_model(capsys, name):
    status, out, _ = run(capsys, "schema", name)
    schema = json.loads(out)
    assert status == 0
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert "additionalProperties" in json.dumps(schema)
    properties = schema["properties"]
    assert ("members" in properties) == (name == "council")
    assert ("items" in properties) == (name == "agenda")


def test_the_agenda_schema_names_the_toml_keys():
    from meeting.cli.schema import json_schema

    item = json_schema("agenda")["$defs"]["Item"]["properties"]
    assert "class" in item and "decision_class" not in item


@pytest.mark.parametrize("path", INVALID_FILES, ids=lambda p: str(p.relative_to(TOML_TEST)))
def test_every_invalid_toml_file_gives_a_located_error(capsys, path):
    status, _out, err = run(capsys, "check", str(path))
    assert status == 1
    lines = err.splitlines()
    assert lines, "no diagnostic"
    for line in lines:
        match = DIAGNOSTIC.match(line)
        assert match, line
        assert match["path"] == str(path)
        assert int(match["line"]) >= 1 and int(match["col"]) >= 1
    assert any(DIAGNOSTIC.match(line)["severity"] == "error" for line in lines)


def test_the_toml_test_corpus_is_complete():
    assert len(INVALID_FILES) == 509
    assert (TOML_TEST.parent.parent / "LICENSE").is_file()


def _meeting(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "meeting", *argv], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )


def test_usage_errors_exit_2():
    assert _meeting("check").returncode == 2
    assert _meeting("check", "--frobnicate", str(DEMO_AGENDA)).returncode == 2
    assert _meeting("nosuchcommand").returncode == 2
    assert _meeting("schema", "minutes-of-1999").returncode == 2


def test_version_and_help():
    version = _meeting("--version")
    assert version.returncode == 0 and re.fullmatch(r"meeting \d+\.\d+\.\d+\n", version.stdout)
    help_ = _meeting("--help")
    assert help_.returncode == 0 and "check" in help_.stdout and "schema" in help_.stdout
    for command in ("check", "schema"):
        sub = _meeting(command, "--help")
        assert sub.returncode == 0 and "--lang" in sub.stdout


def test_only_the_command_given_is_imported_and_its_usage_reads_the_same(capsys):
    """`main` builds the parser of the command given alone (no other command's module, and
    for `run` neither pydantic nor the domain, is imported); a help asked anywhere gets the
    whole program's, which lists every command."""
    from meeting.cli.main import COMMANDS, build_parser

    for command in COMMANDS:
        said = []
        for parser in (build_parser(command), build_parser()):
            with pytest.raises(SystemExit):
                parser.parse_args([command, "--frobnicate"])
            said.append(capsys.readouterr().err)
        assert said[0] == said[1] and said[0].startswith(f"usage: meeting {command} ")
    with pytest.raises(SystemExit):
        main(["--help", "run"])
    listed = capsys.readouterr().out
    assert all(command in listed for command in COMMANDS)
    with pytest.raises(SystemExit):
        main(["--", "check", "x"])  # no command before `--`: the choices are every command
    choices = capsys.readouterr().err
    assert all(f"'{command}'" in choices for command in COMMANDS)
    with pytest.raises(SystemExit):
        main(["check", "x", "--lang"])  # said by the command's own parser, not a hidden one
    assert capsys.readouterr().err.startswith("usage: meeting check [-h] [--lang CODE]")


def test_a_real_process_on_a_bad_file_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff\xfe not text")
    result = _meeting("check", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr == f"{bad}:1:1: error: the file is not UTF-8 text: invalid byte 0xFF here\n"


def test_the_language_may_be_named_before_the_command_or_after_it(capsys):
    """`meeting --lang fr run ...` was a usage error ("invalid choice: 'fr'")."""
    for argv in (("--lang", "fr", "check", str(DEMO_AGENDA)), ("check", "--lang", "fr", str(DEMO_AGENDA))):
        assert main(list(argv)) == 0
        assert "Langues de travail" in capsys.readouterr().out
    assert main(["--lang", "fr", "check", "--lang", "es", str(DEMO_AGENDA)]) == 0  # the command's own wins
    assert "Idiomas de trabajo" in capsys.readouterr().out
    assert main(["check", str(DEMO_AGENDA)]) == 0
    assert "Working languages" in capsys.readouterr().out
