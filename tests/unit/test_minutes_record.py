"""What the minutes record of motions and rulings, in every format written from one meeting run
in the test (found by a parliamentarian, a chair and a secretary)."""

from __future__ import annotations

import csv
import io
import json
import tomllib
import zipfile
from pathlib import Path

from meeting.cli.main import main
from meeting.minutes.model import Minutes, minutes_of
from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL, REPO
from tests.kit import ALL_SEATS, Meeting, in_session, start


def minutes(meeting: Meeting) -> Minutes:
    return minutes_of(meeting.state, meeting.session.recorded, "0" * 64)


def written(tmp_path: Path) -> dict[str, str]:
    """Every format of the minutes of the meeting journalled in tmp_path, as text."""
    out = tmp_path / "out"
    assert main(["minutes", str(tmp_path / "journal.jsonl"), "-o", str(out)]) == 0
    files = {name: (out / name).read_text("utf-8-sig") for name in ("minutes.md", "minutes.html", "votes.csv")}
    files["minutes.json"] = json.dumps(json.loads((out / "minutes.json").read_text("utf-8")), ensure_ascii=False)
    files["minutes.toml"] = json.dumps(tomllib.loads((out / "minutes.toml").read_text("utf-8")), ensure_ascii=False)
    with zipfile.ZipFile(out / "minutes.docx") as docx:
        files["minutes.docx"] = docx.read("word/document.xml").decode("utf-8")
    return files


# ── the text of every motion ──────────────────────────────────────────────────


ACTING_ON_ANOTHER = {
    2: "Two minutes per speaker",
    3: "To the finance committee",
    4: "Until the March 2027 meeting",
    6: "That the decision on the agenda be rescinded",
}


def test_a_motion_that_acts_on_another_is_recorded_with_its_text_in_every_format(tmp_path):
    """RONR §48:4 and docs/commands.md: limit-debate, postpone and rescind are "recorded, with
    its text". The Markdown said "Motion 2 (limit or extend debate) on motion 1, moved by …" and
    no more; votes.csv and minutes.json had no text for them (found by a parliamentarian)."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        f'move to limit-debate "{ACTING_ON_ANOTHER[2]}" by zm-1 seconded zw-1',
        "vote 15 2",
        f'move to refer "{ACTING_ON_ANOTHER[3]}" by bo-1 seconded pe-1',
        "vote 3 15",
        f'move to postpone "{ACTING_ON_ANOTHER[4]}" by cm-1 seconded bf-1',
        "vote 15 3",
        "move by ke-1 seconded gh-1",
        "vote 15 3",
        f'move to rescind #5 "{ACTING_ON_ANOTHER[6]}" by ke-1 seconded gh-1',
        "vote 3 15",
    )
    record = minutes(meeting)
    for number, text in ACTING_ON_ANOTHER.items():
        assert record.motion(number).text == text
    said = " ".join(entry.text for item in record.items for entry in item.proceedings)
    assert (
        f"moved by Mutale Chibwe-Nkonde (Zambia), seconded by Tendai Mashiri-Ncube (Zimbabwe): {ACTING_ON_ANOTHER[2]}."
        in said
    )
    # Unfinished business gives the terms of the motion that carried, not of the referral lost.
    assert f"Motion 1 was postponed: “{ACTING_ON_ANOTHER[4]}”." in record.unfinished
    files = written(tmp_path)
    for name, document in files.items():
        for text in ACTING_ON_ANOTHER.values():
            assert text in document, (name, text)
    rows = list(csv.DictReader(io.StringIO(files["votes.csv"])))
    texts = {row["motion"]: row["text"] for row in rows if row["text"]}
    for number in ("2", "3", "4", "6"):
        assert texts.get(number) == ACTING_ON_ANOTHER[int(number)]


def test_a_motion_carrying_another_motions_text_is_not_minuted_with_it_as_its_own(tmp_path):
    """Take from the table and a request to withdraw carry the text of the motion they act on:
    "Motion 3 (take from the table): That the agenda be adopted" would misquote it."""
    meeting = in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "move to table by sl-1 seconded zw-1",
        "vote 15 2",
        "move by zm-1 seconded zw-1",
        "vote 15 2",
        "move to take-from-table by cm-1 seconded bf-1",
        "vote 15 2",
    )
    record = minutes(meeting)
    taken = next(m for m in record.motions if m.kind == "take_from_table")
    assert meeting.state.motions[taken.number].text and taken.text is None
    said = [entry.text for item in record.items for entry in item.proceedings]
    assert any(line.startswith(f"{taken.label} on motion 1, moved by") and line.endswith(".") for line in said)
    assert not any(line.startswith(taken.label) and line.endswith(f"{record.motion(1).text}") for line in said)


# ── a ruling appealed ─────────────────────────────────────────────────────────


def appealed(tmp_path: Path, ruling: str, yes: int, no: int) -> Minutes:
    return minutes(
        in_session(tmp_path).run(
            "move by ke-1 seconded cm-1",
            'move to amend "That each region designate one focal point." by bo-1 seconded pe-1',
            'move to amend "That each region designate one focal point confirmed by the council." by co-1 seconded ph-1',
            'point cd-2 "The secondary amendment is not germane" against #3',
            f'rule {ruling} "Who confirms is part of how one is chosen"',
            "move to appeal by cd-2 seconded ug-1",
            f"vote {yes} {no}",
        )
    )


def test_a_point_the_chair_ruled_not_well_taken_and_the_assembly_upheld_is_minuted_as_upheld(tmp_path):
    """RONR §24: when the chair is overruled, the assembly's decision stands. The table of
    decisions said the point was "Ruled not well taken" and, one row below, that the chair
    was overruled (found by a parliamentarian)."""
    record = appealed(tmp_path, "not-well-taken", 5, 13)
    point = next(m for m in record.motions if m.kind == "point_of_order")
    assert point.appeal == "reversed"
    assert point.summary == "Upheld on appeal: the chair had ruled it not well taken and was overruled."
    rows = [row.summary for row in record.decisions() if getattr(row, "kind", None) == "point_of_order"]
    assert rows == [point.summary]
    sustained = appealed(tmp_path / "sustained", "not-well-taken", 13, 5)
    point = next(m for m in sustained.motions if m.kind == "point_of_order")
    assert point.summary == "Ruled not well taken; the ruling was sustained on appeal."
    reversed_the_other_way = appealed(tmp_path / "reversed", "well-taken", 5, 13)
    point = next(m for m in reversed_the_other_way.motions if m.kind == "point_of_order")
    assert point.summary == "Not upheld on appeal: the chair had ruled it well taken and was overruled."


# ── consensus not reached, referred ───────────────────────────────────────────


def test_a_question_referred_when_consensus_is_blocked_is_said_to_be_referred_once(tmp_path):
    """The minutes said "…; it was referred to a working group. Referred to a working group
    after consensus was blocked by …" (found by a secretary). The block is minuted just above;
    the table of decisions keeps who blocked."""
    council = DEMO_COUNCIL.read_text(encoding="utf-8").replace('on_block = "vote"', 'on_block = "refer"')
    meeting = start(tmp_path, files={"council.toml": council, "meeting.toml": DEMO_AGENDA.read_text(encoding="utf-8")})
    meeting.run(
        "present " + " ".join(ALL_SEATS), "begin", "open focal-points", "move by ke-1 seconded cm-1", "consensus"
    )
    meeting.run('block bo-1 "Regions must choose freely"', "conclude")
    record = minutes(meeting)
    said = " ".join(entry.text for item in record.items for entry in item.proceedings)
    assert said.lower().count("referred to a working group") == 1
    assert "Consensus was not reached on motion 1; it was referred to a working group." in said
    assert record.motion(1).summary == (
        "Referred to a working group after consensus was blocked by Rubén Mamani-Choque (Bolivia)."
    )


# ── votes.csv: exact figures a spreadsheet cannot take for dates ──────────────


def test_an_exact_bound_in_the_csv_is_text_to_a_spreadsheet_not_a_date(tmp_path):
    """A majority of 17 votes cast is more than 17/2: written bare, French and Portuguese
    spreadsheets read "17/2" as 17 February (found by a secretary). It carries the guard the
    CSV puts before a formula; a whole bound is written bare."""
    from fractions import Fraction

    from meeting.minutes import csv as votes_csv

    meeting = in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 15 2", "move by ke-1 seconded gh-1")
    meeting.run("vote 14 2")
    header = votes_csv.header()
    rows = [dict(zip(header, row, strict=True)) for row in votes_csv.rows(minutes(meeting))]
    bounds = [row["bound in votes"] for row in rows]
    assert bounds == ["'17/2", "8"]
    assert [Fraction(bound.lstrip("'")) for bound in bounds] == [Fraction(17, 2), 8]
    assert votes_csv.exact("31/2") == "'31/2" and votes_csv.exact(16) == 16


# ── manifest.toml ─────────────────────────────────────────────────────────────


def test_the_manifest_comment_is_in_the_meetings_language_whichever_was_written_last(tmp_path):
    """After `--lang pt` the manifest of a folder holding English, French and Portuguese files
    began "Os ficheiros da ata…" (found by a secretary)."""
    in_session(tmp_path).run("move by ke-1 seconded gh-1", "vote 15 2")
    journal = str(tmp_path / "journal.jsonl")
    for code in ("en", "fr", "pt"):
        assert main(["minutes", journal, "--lang", code, "--format", "md"]) == 0
        first = (tmp_path / "manifest.toml").read_text("utf-8").splitlines()[0]
        assert first == "# The minutes files written here, their SHA-256, and the journal they come from.", code
    listed = tomllib.loads((tmp_path / "manifest.toml").read_text("utf-8"))["files"]
    assert sorted(listed) == ["minutes.fr.md", "minutes.md", "minutes.pt.md"]


# ── print ─────────────────────────────────────────────────────────────────────


def test_a_short_attendance_table_is_kept_on_one_page_and_a_long_one_may_break(tmp_path):
    """Every region's table was kept whole (break-inside: avoid): at a 1,000-delegate assembly,
    whose regions list up to 241 delegates, Chromium's PDF left the first page mostly empty
    (found by a secretary). A table of at most 25 rows stays whole; a longer one breaks
    between rows, its header row repeated (thead is a table-header-group)."""
    import re

    journal = REPO / "minutes" / "2027-06-general-assembly-election" / "journal.jsonl"
    assert main(["minutes", str(journal), "-o", str(tmp_path), "--format", "html"]) == 0
    page = (tmp_path / "minutes.html").read_text("utf-8")
    tables = re.findall(r'<div class="table-wrap( keep)?">\s*<table class="stack attendance">(.*?)</table>', page, re.S)
    kept = {(bool(keep), body.count("<tr>") - 1 > 25) for keep, body in tables}
    assert kept == {(True, False), (False, True)}  # short ones kept, long ones not
