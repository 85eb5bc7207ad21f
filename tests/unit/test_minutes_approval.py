"""Approving minutes across two meetings: the agenda names the earlier minutes folder
(`approves`), loading checks it and records its hashes, `approve-minutes` records the council's
approval under the rule of meeting.domain.approval, and `meeting minutes --approved-by` /
`meeting verify --approved-by` write and check the link both ways.

The folders come from the two demo meetings (tests/demos.py): December 2026 as circulated
(`demos.draft`), and as approved by March 2027 (`demos.december`).
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tomllib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.domain import events as ev
from meeting.loader.load import load
from tests.conftest import DEMO_COUNCIL
from tests.demos import DECEMBER, MARCH, Demos, replay
from tests.kit import ALL_SEATS, Meeting, start

# A later meeting of the demo council whose second item approves the minutes in {folder}.
LATER = """\
id = "{id}"
title = "Next meeting"
start = {start}
time_zone = "UTC"
duration_minutes = 60
language = "en"
chair = "tz-1"
secretary = "sec-1"
council = "council.toml"

[[items]]
id = "opening"
title = "Opening"
kind = "procedural"
minutes = 5

[[items]]
id = "minutes"
title = "Approval of the minutes"
kind = "{kind}"
minutes = 10
class = "procedural"
approves = "{folder}"

[items.motion]
text = "That the minutes of the meeting of 10 December 2026 be approved."
"""


def later_files(
    folder: Path,
    id: str = "2027-01-council-meeting",
    start: str = "2027-01-14T12:00:00",
    kind: str = "minutes_approval",
) -> dict[str, str]:
    return {
        "council.toml": DEMO_COUNCIL.read_text(encoding="utf-8"),
        "next.toml": LATER.format(id=id, start=start, kind=kind, folder=folder.as_posix()),
    }


def later_meeting(tmp_path: Path, folder: Path) -> Meeting:
    meeting = start(tmp_path, files=later_files(folder))
    return meeting.run(f"present {' '.join(ALL_SEATS)}", "begin", "open minutes")


def check(tmp_path: Path, folder: Path, capsys: pytest.CaptureFixture[str], **kwargs: str) -> tuple[int, str]:
    for name, text in later_files(folder, **kwargs).items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    capsys.readouterr()
    status = main(["check", str(tmp_path / "next.toml")])
    return status, capsys.readouterr().err


def copy(folder: Path, to: Path) -> Path:
    shutil.copytree(folder, to)
    return to


# ── loading: the folder is checked and its hashes recorded ────────────────────


def test_loading_records_the_journals_final_hash_and_the_drafts_sha256(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    circulated = meeting.state.circulated["minutes"]
    lines = (demos.draft / "journal.jsonl").read_bytes().splitlines()
    assert circulated.meeting == DECEMBER and circulated.title == "IC-ASM Council Meeting, December 2026"
    assert circulated.journal_sha256 == hashlib.sha256(lines[-1]).hexdigest()
    assert circulated.minutes_sha256 == hashlib.sha256((demos.draft / "minutes.toml").read_bytes()).hexdigest()
    assert circulated.written_by is not None
    # The first line of the new journal carries it, so the journal stands alone.
    first = json.loads((tmp_path / "journal.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["event"]["circulated"][0]["minutes_sha256"] == circulated.minutes_sha256


def test_check_accepts_a_folder_of_draft_minutes_and_says_what_it_records(demos: Demos, tmp_path, capsys):
    status, err = check(tmp_path, demos.draft, capsys)
    assert status == 0 and ": error:" not in err  # its title and item have no translations: warnings
    assert main(["check", str(tmp_path / "next.toml")]) == 0
    journal = hashlib.sha256((demos.draft / "journal.jsonl").read_bytes().splitlines()[-1]).hexdigest()
    draft = hashlib.sha256((demos.draft / "minutes.toml").read_bytes()).hexdigest()
    assert (
        f"Item 'minutes' approves the minutes of {DECEMBER}: journal SHA-256 {journal}, draft {draft}"
        in capsys.readouterr().out
    )
    assert main(["check", str(tmp_path / "next.toml"), "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)["summary"]
    assert summary["approves"][0]["minutes_sha256"] == draft


def test_only_a_minutes_approval_item_approves(demos: Demos, tmp_path, capsys):
    status, err = check(tmp_path, demos.draft, capsys, kind="decision")
    assert status == 1
    assert "next.toml:23:1: error: only a minutes-approval item approves earlier minutes" in err


def test_a_missing_folder_is_said_at_the_key_and_at_the_file(tmp_path, capsys):
    status, err = check(tmp_path, tmp_path / "nowhere", capsys)
    assert status == 1
    assert f"{tmp_path / 'nowhere' / 'journal.jsonl'}:1:1: error: no such file" in err
    assert "next.toml:23:1: error: the minutes in" in err and "their journal is missing or damaged" in err


def test_a_folder_without_minutes_toml_is_refused(demos: Demos, tmp_path, capsys):
    folder = copy(demos.draft, tmp_path / "earlier")
    (folder / "minutes.toml").unlink()
    status, err = check(tmp_path, folder, capsys)
    assert status == 1 and "no minutes.toml in" in err


def test_a_draft_only_in_another_language_is_refused_saying_which_draft_is_needed(demos: Demos, tmp_path, capsys):
    """Found by a secretary: with only `meeting minutes J --lang sw` written, she was told to
    write the draft minutes with 'meeting minutes', which she had done. The council approves
    the draft in the earlier meeting's own language: the message says which, and how."""
    folder = tmp_path / "earlier"
    folder.mkdir()
    shutil.copy(demos.draft / "journal.jsonl", folder / "journal.jsonl")
    assert main(["minutes", str(folder), "--lang", "sw"]) == 0
    status, err = check(tmp_path, folder, capsys)
    assert status == 1
    assert (
        f"error: no minutes.toml in '{folder}': the council approves the draft in that meeting's own language "
        f"('en'), and a draft written with --lang in another is a translation of it; write it first with "
        f"'meeting minutes {folder / 'journal.jsonl'}', without --lang"
    ) in err
    assert main(["minutes", str(folder)]) == 0
    assert check(tmp_path, folder, capsys)[0] == 0


def test_minutes_behind_their_journal_are_refused(demos: Demos, tmp_path, capsys):
    folder = copy(demos.draft, tmp_path / "earlier")
    assert main(["correct", str(folder), "A correction.", "--by", "bo-1", "--why", "asked"]) == 0
    status, err = check(tmp_path, folder, capsys)
    assert status == 1 and "written before the last entries of their journal (entries since: 1)" in err


def test_minutes_toml_changed_by_hand_is_refused(demos: Demos, tmp_path, capsys):
    folder = copy(demos.draft, tmp_path / "earlier")
    toml = folder / "minutes.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("17 in favour", "18 in favour"), encoding="utf-8")
    status, err = check(tmp_path, folder, capsys)
    assert status == 1 and "changed after 'meeting minutes' wrote it" in err


def test_a_damaged_journal_is_refused_at_its_line(demos: Demos, tmp_path, capsys):
    folder = copy(demos.draft, tmp_path / "earlier")
    journal = folder / "journal.jsonl"
    journal.write_bytes(journal.read_bytes().replace(b"welcomed", b"Welcomed", 1))
    status, err = check(tmp_path, folder, capsys)
    assert status == 1 and f"{journal}:" in err and "their journal is missing or damaged" in err


def test_the_meeting_must_be_earlier_and_adjourned(demos: Demos, tmp_path, capsys):
    status, err = check(tmp_path, demos.draft, capsys, start="2026-12-01T12:00:00")
    assert status == 1 and f"({DECEMBER}, 2026-12-10) is not earlier than this one" in err
    status, err = check(tmp_path, demos.draft, capsys, id=DECEMBER)
    assert status == 1 and "holds this meeting's own minutes" in err
    # A meeting whose journal stops before adjournment.
    folder = tmp_path / "unfinished"
    script = tmp_path / "short.script"
    script.write_text("at 12:00\npresent tz-1 ke-1\n", encoding="utf-8")
    replay(demos.agenda(DECEMBER), script, folder / "journal.jsonl")
    assert main(["minutes", str(folder)]) == 0
    status, err = check(tmp_path, folder, capsys)
    assert status == 1 and "was never adjourned: its minutes are not complete" in err


def test_minutes_approved_by_another_meeting_cannot_be_approved_again(demos: Demos, tmp_path, capsys):
    status, err = check(tmp_path, demos.december, capsys)
    assert status == 1
    assert f"are already approved, by the council's meeting '{MARCH}' of 2027-03-11" in err
    # The meeting that approved them loads its agenda again, as it was: the same record.
    loaded = load(demos.agenda(MARCH))
    assert loaded.ok
    journal = (demos.march / "journal.jsonl").read_text(encoding="utf-8").splitlines()[0]
    assert [c.model_dump(mode="json") for c in loaded.circulated] == json.loads(journal)["event"]["circulated"]


# ── the rule: what approve-minutes records, and when it is refused ────────────


def approved(meeting: Meeting) -> ev.MinutesApproved:
    event = meeting.session.recorded[-1].event
    assert isinstance(event, ev.MinutesApproved)
    return event


def test_general_consent_with_corrections(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run('approve-minutes corrected "Item 6: the vote was 10 to 5."')
    event = approved(meeting)
    circulated = meeting.state.circulated["minutes"]
    assert (event.motion, event.corrections) == (None, "Item 6: the vote was 10 to 5.")
    assert (event.journal_sha256, event.minutes_sha256) == (circulated.journal_sha256, circulated.minutes_sha256)
    assert meeting.refuse("approve-minutes").code == "minutes.already-approved"
    meeting.run("undo", "approve-minutes")
    assert approved(meeting).corrections is None


def test_the_console_says_whose_minutes_were_approved_and_for_how_long_a_recess(demos: Demos, tmp_path):
    from meeting.report import describe

    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run('approve-minutes corrected "Item 6: the vote was 10 to 5."')
    title = meeting.state.circulated["minutes"].title
    assert describe(approved(meeting), meeting.state) == f"minutes of {title} approved, with corrections"
    meeting.run("undo", "approve-minutes", "recess 10")
    assert describe(meeting.session.recorded[-2].event, meeting.state) == f"minutes of {title} approved"
    assert describe(meeting.session.recorded[-1].event, meeting.state) == "recess of 10 minutes"


def test_a_carried_motion_to_approve_is_what_the_approval_rests_on(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("move by ke-1 seconded zw-1")
    assert meeting.refuse("approve-minutes").code == "item.motion-pending"
    meeting.run("vote 15 3 1", "approve-minutes")
    assert approved(meeting).motion == 1


def test_on_a_motion_the_corrections_are_those_the_motion_carried(demos: Demos, tmp_path):
    """A motion approving the minutes "as circulated" carried, and the chair recorded them
    approved with corrections the council never adopted (found by a parliamentarian)."""
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run('move "That the minutes of 10 December 2026 be approved as circulated." by ke-1 seconded gh-1')
    meeting.run("agreed")
    refused = meeting.refuse('approve-minutes corrected "Item 10: moved jointly by the members from South Kivu."')
    assert (refused.code, refused.col, refused.params) == ("minutes.corrections-not-decided", 27, {"motion": 1})
    meeting.run("approve-minutes")
    assert (approved(meeting).motion, approved(meeting).corrections) == (1, None)
    # The correction put in by an amendment, then carried: recorded as the motion states it.
    meeting.run("undo", "undo")  # the motion pending again, unamended
    correction = "Item 10: moved jointly by the members from South Kivu."
    meeting.run(
        f'move to amend "That the minutes be approved with this correction: {correction}" by bo-1 seconded pe-1'
    )
    meeting.run("agreed", "agreed", f'approve-minutes corrected "{correction}"')
    assert (approved(meeting).motion, approved(meeting).corrections) == (1, correction)


def test_a_lost_motion_means_the_minutes_are_not_approved(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("move by ke-1 seconded zw-1", "vote 3 15 1")
    refused = meeting.refuse("approve-minutes")
    assert refused.code == "minutes.approval-lost" and refused.params == {"motion": 1}


def test_a_motion_laid_on_the_table_leaves_the_question_undecided(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("move by ke-1 seconded zw-1", "move to table by bo-1 seconded co-1", "vote 12 5 0")
    refused = meeting.refuse("approve-minutes")
    assert refused.code == "minutes.approval-set-aside" and refused.params["decided"] == "tabled"


def test_a_withdrawn_motion_leaves_general_consent_open(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("move by ke-1", "withdraw", "approve-minutes")  # not yet seconded: withdrawn at will
    assert approved(meeting).motion is None


def test_approval_needs_an_item_naming_minutes_and_a_quorum(demos: Demos, tmp_path):
    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("open opening")
    assert meeting.refuse("approve-minutes").code == "minutes.nothing-to-approve"
    meeting.run("open minutes", "leave " + " ".join([s for s in ALL_SEATS if s != "tz-1"][:12]))  # not the chair
    assert meeting.refuse("approve-minutes").code == "quorum.lost"


def test_minutes_not_approved_are_unfinished_business(demos: Demos, tmp_path):
    from meeting.minutes.model import minutes_of

    meeting = later_meeting(tmp_path, demos.draft)
    meeting.run("done", "adjourn")
    minutes = minutes_of(meeting.state, meeting.session.recorded)
    assert (
        "The minutes of the meeting of Thursday, 10 December 2026 (IC-ASM Council Meeting, December 2026) were not approved."
        in minutes.unfinished
    )


def test_the_earlier_meeting_is_named_by_its_title_in_the_language_spoken(demos: Demos, tmp_path):
    """The French March minutes named the December meeting "(IC-ASM Council Meeting, December
    2026)": the loader keeps the titles its agenda gives in other languages."""
    from meeting.i18n import language
    from meeting.minutes.model import minutes_of
    from meeting.report import describe

    meeting = later_meeting(tmp_path, demos.draft)
    circulated = meeting.state.circulated["minutes"]
    assert circulated.title_translations is not None
    assert circulated.title_translations["fr"] == "Réunion du conseil de l'IC-ASM, décembre 2026"
    meeting.run("approve-minutes")
    with language("es"):
        assert "Reunión del Consejo del IC-ASM, diciembre de 2026" in describe(approved(meeting), meeting.state)
    meeting.run("undo", "done", "adjourn")
    with language("fr"):
        unfinished = minutes_of(meeting.state, meeting.session.recorded).unfinished
    assert any("(Réunion du conseil de l'IC-ASM, décembre 2026)" in line for line in unfinished), unfinished


# ── the link both ways: minutes --approved-by, verify --approved-by ───────────


def test_the_demo_minutes_read_as_approved_and_the_next_meeting_says_so(demos: Demos):
    december = (demos.december / "minutes.md").read_text(encoding="utf-8")
    assert "DRAFT" not in december
    assert (
        "Approved by the council at its meeting of Thursday, 11 March 2027, with the following corrections: Item 10: "
        "the statement of solidarity was proposed jointly by the members from South Kivu and Haut-Katanga."
    ) in december
    march = (demos.march / "minutes.md").read_text(encoding="utf-8")
    assert (
        "The council approved the minutes of the meeting of Thursday, 10 December 2026 (IC-ASM Council Meeting, "
        "December 2026) without objection, with the following corrections: Item 10:"
    ) in march
    draft = hashlib.sha256((demos.draft / "minutes.toml").read_bytes()).hexdigest()
    assert (
        f"the draft minutes of the meeting of Thursday, 10 December 2026 (IC-ASM Council Meeting, December 2026): minutes.toml with the SHA-256 hash {draft}"
        in march
    )
    record = json.loads((demos.december / "minutes.json").read_text(encoding="utf-8"))["approval"]
    assert record["meeting"] == MARCH and record["circulated_sha256"] == draft and record["date"] == "2027-03-11"


def test_verify_follows_the_manifest_to_the_approving_journal(demos: Demos, capsys):
    capsys.readouterr()
    assert main(["verify", str(demos.december)]) == 0
    out = capsys.readouterr().out
    # The date in words, in the language spoken: an ISO date sat inside a French sentence.
    assert f"Approved by the council at its meeting '{MARCH}' of Thursday, 11 March 2027" in out
    assert out.endswith("Verified.\n")
    assert main(["verify", str(demos.december), "--lang", "fr"]) == 0
    out = capsys.readouterr().out
    assert "11 mars 2027" in out and "2027-03-11" not in out
    assert main(["verify", str(demos.december), "--approved-by", str(demos.march), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["ok"] and result["approval"]["meeting"] == MARCH
    assert all(f["status"] == "matches" for f in result["minutes"])


@pytest.mark.parametrize("lang", ["fr", "es", "sw", "pt"])
def test_approved_minutes_are_written_in_any_language_and_verified_away_from_their_journal(
    approved_copy, tmp_path, capsys, lang
):
    """The approval names the draft the council had, in the meeting's language: the draft
    regenerated to check it was once written in --lang's words (the TOML's comment line), so
    approved minutes could be written in no other language. Minutes written elsewhere with -o
    are then verified through the journal their manifest names."""
    december, march = approved_copy
    out = tmp_path / "out"
    assert main(["minutes", str(december), "--lang", lang, "-o", str(out), "--approved-by", str(march)]) == 0
    assert "DRAFT" not in (out / f"minutes.{lang}.md").read_text("utf-8")
    assert main(["minutes", str(december), "--lang", lang]) == 0  # the manifest's approval, kept
    assert f"minutes.{lang}.md" in tomllib.loads((december / "manifest.toml").read_text("utf-8"))["files"]
    capsys.readouterr()
    assert main(["verify", str(out)]) == 0
    assert capsys.readouterr().out.endswith("Verified.\n")


@pytest.fixture
def approved_copy(demos: Demos, tmp_path) -> tuple[Path, Path]:
    """A copy of both folders, side by side as in the repository, that a test may change."""
    december = copy(demos.december, tmp_path / "minutes" / DECEMBER)
    march = copy(demos.march, tmp_path / "minutes" / MARCH)
    return december, march


def test_a_changed_byte_in_the_approved_minutes_is_caught(approved_copy, capsys):
    december, _march = approved_copy
    path = december / "minutes.md"
    path.write_bytes(path.read_bytes().replace(b"11 March 2027", b"12 March 2027"))
    assert main(["verify", str(december)]) == 1
    assert f"{path}:" in capsys.readouterr().err


def test_a_correction_after_approval_is_a_draft_that_keeps_the_approval_it_had(approved_copy, capsys):
    """Corrected after approval, the minutes are a draft again, but what the council approved,
    and the corrections it agreed then, stay in them: they read uncorrected once (found by a
    secretary's run)."""
    december, march = approved_copy
    approved_at = len((december / "journal.jsonl").read_bytes().splitlines())  # its last entry when approved
    assert main(["correct", str(december), "Item 3: a typo.", "--by", "bo-1", "--why", "asked"]) == 0
    capsys.readouterr()
    # Without the later journal, verify says the journal grew since the minutes, where.
    assert main(["verify", str(december)]) == 1
    err = capsys.readouterr().err
    assert (
        f"{december / 'journal.jsonl'}:{approved_at + 1}:1: error: 'manifest.toml' was made from this journal up to "
        f"entry {approved_at}, and it now ends at entry {approved_at + 1}: entries were added since" in err
    )
    # Written again, they are a draft that says what was approved; the secretary is told, once.
    assert main(["minutes", str(december)]) == 0
    assert capsys.readouterr().err == (
        f"{december / 'manifest.toml'}:1:1: warning: these minutes were approved (by ../{MARCH}/journal.jsonl) as "
        f"written from entry {approved_at} of the journal, which now ends at entry {approved_at + 1}: written "
        "again, they are a draft, for a later meeting to approve\n"
    )
    text = (december / "minutes.md").read_text(encoding="utf-8")
    assert "**DRAFT**" in text and "Item 3: a typo." in text
    assert (
        "Approved by the council at its meeting of Thursday, 11 March 2027, with the following corrections: Item 10: "
        "the statement of solidarity was proposed jointly by the members from South Kivu and Haut-Katanga. That "
        f"approval covers the journal up to its entry {approved_at}; the corrections recorded since are a draft, to "
        "be approved by the council at its next meeting."
    ) in text
    assert main(["minutes", str(december)]) == 0
    assert capsys.readouterr().err == ""
    # The link checked both ways still holds, up to that entry: verify says so, and the files match.
    assert main(["verify", str(december), "--approved-by", str(march)]) == 0
    captured = capsys.readouterr()
    assert (
        f"{december / 'journal.jsonl'}:{approved_at}:1: warning: the council approved the minutes of this journal as "
        "it stood at this entry" in captured.err
    )
    assert main(["minutes", str(december), "--approved-by", str(march), "--format", "md"]) == 0
    assert "warning: the council approved the minutes of this journal" in capsys.readouterr().err  # asked: told


def test_a_journal_that_approves_other_minutes_is_no_approval(demos: Demos, tmp_path, capsys):
    capsys.readouterr()
    assert main(["minutes", str(demos.draft), "--approved-by", str(demos.draft), "-o", str(tmp_path)]) == 1
    assert f"no approval of the minutes of '{DECEMBER}'" in capsys.readouterr().err
    assert not (tmp_path / "minutes.md").exists()


def test_a_draft_changed_before_the_meeting_is_caught_when_the_approval_is_written(demos: Demos, tmp_path, capsys):
    """A doctored minutes.toml (its manifest doctored too) passes loading, but is not the draft
    the journal gives: writing the approved minutes says so, and verify too."""
    folder = copy(demos.draft, tmp_path / "minutes" / DECEMBER)
    toml = folder / "minutes.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("17 in favour", "18 in favour"), encoding="utf-8")
    manifest = folder / "manifest.toml"
    old = hashlib.sha256((demos.draft / "minutes.toml").read_bytes()).hexdigest()
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(old, hashlib.sha256(toml.read_bytes()).hexdigest())
    )
    agendas = copy(demos.root / "agendas", tmp_path / "agendas")
    march = replay(
        agendas / "ic-asm" / f"{MARCH}.toml",
        demos.root / "agendas" / "ic-asm" / f"{MARCH}.script",
        tmp_path / "minutes" / MARCH / "journal.jsonl",
    )
    capsys.readouterr()
    assert main(["minutes", str(folder), "--approved-by", str(march)]) == 1
    assert "the council approved a draft minutes.toml with SHA-256" in capsys.readouterr().err
    assert main(["verify", str(folder), "--approved-by", str(march)]) == 1


def test_a_draft_written_by_another_version_is_not_regenerated(demos: Demos, tmp_path, capsys, monkeypatch):
    import meeting.minutes.approval as approval

    monkeypatch.setattr(approval, "__version__", "9.9.9")
    capsys.readouterr()
    assert (
        main(["minutes", str(demos.draft / "journal.jsonl"), "--approved-by", str(demos.march), "-o", str(tmp_path)])
        == 0
    )
    assert "warning: the draft the council approved was written by meeting" in capsys.readouterr().err
    assert "Approved by the council at its meeting of Thursday, 11 March 2027" in (tmp_path / "minutes.md").read_text(
        encoding="utf-8"
    )


def test_minutes_that_say_they_are_approved_need_the_approving_journal(approved_copy, capsys):
    december, march = approved_copy
    shutil.rmtree(march)
    capsys.readouterr()
    assert main(["verify", str(december)]) == 1
    err = capsys.readouterr().err
    assert "cannot be read whole" in err
    manifest = december / "manifest.toml"
    manifest.write_text(
        "\n".join(
            line for line in manifest.read_text(encoding="utf-8").splitlines() if not line.startswith("approved_")
        )
        + "\n"
    )
    assert main(["verify", str(december)]) == 1
    assert f"these minutes say the council approved them at its meeting '{MARCH}'" in capsys.readouterr().err


def test_the_table_of_decisions_has_the_elections_and_the_minutes_approved_without_objection(demos: Demos):
    """A secretary: March's table of decisions left out the approval of December's minutes
    (given by general consent, its sentence said not how), and December's the election."""
    march = tomllib.loads((demos.march / "minutes.toml").read_text(encoding="utf-8"))
    (approval,) = march["other_decisions"]
    assert approval["item"] == "minutes" and approval["decision"] == "Approved without objection, with corrections."
    markdown = (demos.march / "minutes.md").read_text(encoding="utf-8")
    assert "| 2 | Approval of the minutes of the meeting of Thursday, 10 December 2026" in markdown
    assert "(IC-ASM Council Meeting, December 2026) without objection, with the following corrections" in markdown
    december = (demos.draft / "minutes.md").read_text(encoding="utf-8")
    assert (
        "| 8 | Election: Rapporteur of the council to the 2027 ASM policy dialogue | Mutale Chibwe-Nkonde" in december
    )


def test_the_earlier_meeting_is_named_by_its_title_in_the_minutes_language(demos: Demos, tmp_path, capsys):
    """French minutes said "la réunion du jeudi 10 décembre 2026 (IC-ASM Council Meeting,
    December 2026)" though December's agenda gives its title in French (found by a secretary):
    the loader records the earlier agenda's titles, the minutes name it as `meeting_title` does."""
    meeting = later_meeting(tmp_path, demos.draft)
    circulated = meeting.state.circulated["minutes"]
    assert (
        circulated.title_translations
        and circulated.title_translations["fr"] == "Réunion du conseil de l'IC-ASM, décembre 2026"
    )
    meeting.run("approve-minutes", "adjourn")
    capsys.readouterr()
    assert main(["minutes", str(tmp_path / "journal.jsonl"), "--lang", "fr", "--format", "md"]) == 0
    text = (tmp_path / "minutes.fr.md").read_text("utf-8")
    assert "(Réunion du conseil de l'IC-ASM, décembre 2026)" in text and "IC-ASM Council Meeting" not in text
    # Both places: the proceedings and the annex on the draft the council had before it.
    assert text.count("Réunion du conseil de l'IC-ASM, décembre 2026") >= 2


# ── an approval comes after the meeting it approves (RONR §48) ────────────────


def sitting_on(tmp_path: Path, folder: Path, at: datetime) -> Meeting:
    """The later meeting, its agenda dated after the earlier one, but its clock at `at`."""
    tmp_path.mkdir(exist_ok=True)
    meeting = start(tmp_path, files=later_files(folder), at=at)
    return meeting.run(f"present {' '.join(ALL_SEATS)}", "begin", "open minutes")


def test_a_sitting_begun_before_the_earlier_meeting_adjourned_cannot_approve_its_minutes(demos: Demos, tmp_path):
    """Found by a secretary: the agenda dated March 2027, the machine's clock at 5 December 2026,
    the December meeting's minutes (adjourned on 10 December at 14:27) were approved, and the
    minutes then said they were approved on 5 December, before the meeting they record."""
    meeting = sitting_on(tmp_path, demos.draft, datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    assert meeting.state.circulated["minutes"].adjourned == datetime(2026, 12, 10, 14, 27, tzinfo=UTC)
    refused = meeting.refuse('approve-minutes corrected "Item 6: the vote was 10 to 5."')
    assert refused.code == "minutes.before-meeting"
    assert refused.params == {"meeting": DECEMBER, "began": "2026-12-05 09:00", "adjourned": "2026-12-10 14:27"}
    # A sitting begun after the adjournment approves them, even on the same day.
    later = sitting_on(tmp_path / "b", demos.draft, datetime(2026, 12, 10, 15, 0, tzinfo=UTC))
    later.run("approve-minutes")
    assert approved(later).meeting == DECEMBER


def test_minutes_and_verify_refuse_an_approval_recorded_before_the_meeting_was_adjourned(
    demos: Demos, tmp_path, capsys, monkeypatch
):
    """A journal that records such an approval (written before the console refused it) is no
    approval: `minutes --approved-by` writes nothing, `verify` fails, each saying why."""
    import meeting.domain.approval as rule

    monkeypatch.setattr(rule, "sat_before_adjournment", lambda began, adjourned: False)  # an older console's
    december = copy(demos.draft, tmp_path / "minutes" / DECEMBER)
    meeting = sitting_on(tmp_path, december, datetime(2026, 12, 5, 9, 0, tzinfo=UTC))
    meeting.run("approve-minutes", "open opening", "adjourn")
    monkeypatch.undo()
    later = tmp_path / "journal.jsonl"
    capsys.readouterr()
    assert main(["minutes", str(december), "--approved-by", str(later), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert (
        "error: the sitting that recorded this approval began at 2026-12-05 09:00, before the meeting whose minutes "
        "it approves was adjourned (2026-12-10 14:27): minutes are approved at a later meeting"
    ) in err
    assert not (tmp_path / "out").exists()
    assert main(["verify", str(december), "--approved-by", str(later)]) == 1
    assert "before the meeting whose minutes it approves was adjourned" in capsys.readouterr().err


# ── verify: files written before the approval, or before a correction, are not called changed ──


def test_drafts_in_another_language_than_the_approved_minutes_are_said_to_be_older_not_changed(
    demos: Demos, tmp_path, capsys
):
    """Found by a secretary: the drafts written in English, the approved minutes in Swahili
    only, `verify` called each English draft changed ("the file was changed, or the journal
    was") and failed. Each is the draft the journal gave before the approval, unchanged: said so,
    a warning; a byte changed in one of them is still caught."""
    december = copy(demos.draft, tmp_path / "minutes" / DECEMBER)
    march = copy(demos.march, tmp_path / "minutes" / MARCH)
    assert main(["minutes", str(december), "--approved-by", str(march), "--lang", "sw"]) == 0
    capsys.readouterr()
    assert main(["verify", str(december), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    status = {Path(f["file"]).name: f["status"] for f in result["minutes"]}
    assert status["minutes.md"] == status["minutes.docx"] == "before-approval"
    assert status["minutes.sw.md"] == status["minutes.sw.docx"] == "matches"
    assert status["votes.csv"] == "matches"  # the same in the draft and the approved minutes
    assert main(["verify", str(december)]) == 0
    captured = capsys.readouterr()
    assert f"{december / 'minutes.md'}: written before the approval, as the draft: write it again" in captured.out
    assert (
        f"{december / 'minutes.md'}:1:1: warning: this file was written before the approval, as the draft, and is "
        "unchanged since: it is not the approved minutes; write it again with 'meeting minutes'"
    ) in captured.err
    assert "the file was changed" not in captured.err and captured.out.endswith("Verified.\n")
    path = december / "minutes.md"
    path.write_bytes(path.read_bytes().replace(b"17 in favour", b"18 in favour"))
    assert main(["verify", str(december)]) == 1
    assert f"{path}:" in (err := capsys.readouterr().err) and "the file was changed, or the journal was" in err


def test_verify_after_a_correction_says_which_entry_the_approval_covers_and_which_files_are_older(
    approved_copy, capsys
):
    """Found by a secretary: corrected after the approval, `verify` said the approval named this
    journal's last entry (it names the one before the correction), and called every file written
    before the correction changed."""
    december, march = approved_copy
    approved_at = len((december / "journal.jsonl").read_bytes().splitlines())
    assert main(["correct", str(december), "Item 3: a typo.", "--by", "bo-1", "--why", "asked"]) == 0
    capsys.readouterr()
    assert main(["verify", str(december), "--approved-by", str(march)]) == 1
    captured = capsys.readouterr()
    assert (
        f"that journal names entry {approved_at} of this one's {approved_at + 1} and the draft it regenerated then; "
        "the entries since are not approved"
    ) in captured.out
    assert "names this one's last entry" not in captured.out
    assert f"{december / 'minutes.md'}: written before entry {approved_at + 1} of the journal: write it again" in (
        captured.out
    )
    assert "the file was changed" not in captured.err
    assert (
        f"{december / 'journal.jsonl'}:{approved_at + 1}:1: error: 'minutes.md' was made from this journal up to "
        f"entry {approved_at}, and it now ends at entry {approved_at + 1}"
    ) in captured.err
    # Written again, they are the journal's: verified.
    assert main(["minutes", str(december)]) == 0
    capsys.readouterr()
    assert main(["verify", str(december), "--approved-by", str(march)]) == 0
