"""Closed sessions: the public minutes record only that the council met in closed session, from
when to when, and the decisions it chose to make public; the full record goes to
`minutes-closed.*` and `votes-closed.csv`, marked confidential.

The proof that nothing leaks: a meeting whose closed item does everything a chair can do, each
text carrying the marker SECRET; no public file (every format, the Word document's every part,
the CSV, the manifest) holds the marker, and the confidential files hold every text.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.messages import render
from tests.conftest import DEMO_COUNCIL
from tests.kit import ALL_SEATS, Meeting, start
from tests.unit.test_minutes_files import COMMITTED_MARCH

AGENDA = """\
id = "closed-meeting"
title = "A meeting with a closed session"
start = 2027-02-04T12:00:00
time_zone = "UTC"
duration_minutes = 90
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
id = "staff"
title = "A staff matter"
kind = "decision"
minutes = 40
class = "procedural"
closed = true
documents = ["SECRET-DOCUMENT: the panel's report"]

[[items]]
id = "closing"
title = "Closing"
kind = "procedural"
minutes = 5
"""

# Every text typed under the closed item, each a marker the public files must not hold.
SECRETS = {
    "SECRET-MOTION": 'move "That SECRET-MOTION be adopted." by ke-1 seconded zw-1',
    "SECRET-AMENDMENT": 'move to amend "That SECRET-AMENDMENT be adopted." by bo-1 seconded co-1',
    "SECRET-POINT": 'point cd-2 "SECRET-POINT: the amendment is not germane"',
    "SECRET-NOTE": 'note "SECRET-NOTE: the panel scored three candidates."',
    "SECRET-ACTION": 'action "SECRET-ACTION: write to the candidates" owner sec-1',
    "SECRET-BLOCK": 'block bo-1 "SECRET-BLOCK: the terms are unfair"',
    "SECRET-RECUSAL": 'recuse pe-1 "SECRET-RECUSAL: related to a candidate"',
    "SECRET-INTEREST": 'declare pe-1 "SECRET-INTEREST: cousin of a candidate" on staff',
    "SECRET-UNDONE": 'note "SECRET-UNDONE: typed in error"',
    "SECRET-TABLED": 'move "That SECRET-TABLED be studied." by ug-1 seconded cm-1',
}
PUBLIC_DECISION = "That the council appoint the candidate the panel proposed."


def closed_meeting(tmp_path: Path) -> Meeting:
    meeting = start(tmp_path, files={"council.toml": DEMO_COUNCIL.read_text(encoding="utf-8"), "agenda.toml": AGENDA})
    return meeting.run(
        f"present {' '.join(ALL_SEATS)}",
        "remote obs-1 obs-2",
        "at 12:02",
        "begin",
        "open opening",
        "at 12:10",
        "leave obs-1 obs-2",
        "next",
        SECRETS["SECRET-INTEREST"],
        SECRETS["SECRET-RECUSAL"],
        "queue ke-1 bo-1",
        "floor",
        "at 12:15",
        SECRETS["SECRET-MOTION"],
        SECRETS["SECRET-AMENDMENT"],
        SECRETS["SECRET-POINT"],
        "rule not-well-taken",
        "vote 4 14 1",  # the amendment is lost
        "consensus",
        SECRETS["SECRET-BLOCK"],
        "conclude",
        "vote 16 3 0",
        "undo",  # a count misread, withdrawn...
        "vote 15 4 0",  # ...and counted again
        SECRETS["SECRET-NOTE"],
        SECRETS["SECRET-ACTION"],
        SECRETS["SECRET-UNDONE"],
        "undo",
        "at 12:30",
        f'move "{PUBLIC_DECISION}" by zw-1 seconded sl-1',
        "roll-call",
        "yes " + " ".join(s for s in ALL_SEATS if s not in ("bo-1", "co-1", "pe-1")),
        "no bo-1 co-1",
        "close",
        SECRETS["SECRET-TABLED"],
        "move to table by bo-1 seconded co-1",
        "vote 12 6 0",
        "at 12:45",
        "publish 4",  # the appointment made public, not the rest
        "next",
        "back obs-1 obs-2",
        "at 12:50",
        "adjourn",
    )


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("closed")
    closed_meeting(folder)
    assert main(["minutes", str(folder / "journal.jsonl")]) == 0
    return folder


PUBLIC = ("minutes.toml", "minutes.json", "minutes.md", "minutes.html", "minutes.docx", "votes.csv", "manifest.toml")
CONFIDENTIAL = (
    "minutes-closed.toml",
    "minutes-closed.json",
    "minutes-closed.md",
    "minutes-closed.html",
    "minutes-closed.docx",
    "votes-closed.csv",
)


def text_of(path: Path) -> str:
    """A file's text; a Word document's every part (body, header, footer, properties)."""
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as archive:
            parts = [name for name in archive.namelist() if name.endswith((".xml", ".rels"))]
            assert len(parts) >= 10
            return "\n".join(archive.read(name).decode("utf-8") for name in parts)
    return path.read_bytes().decode("utf-8-sig")


def test_both_views_are_written(written):
    assert {p.name for p in written.iterdir()} >= {*PUBLIC, *CONFIDENTIAL}


@pytest.mark.parametrize("name", PUBLIC)
def test_no_public_file_holds_anything_said_or_done_in_closed_session(written, name):
    text = text_of(written / name)
    assert "SECRET" not in text, [line for line in text.splitlines() if "SECRET" in line][:3]


@pytest.mark.parametrize(
    "name",
    ("minutes-closed.md", "minutes-closed.html", "minutes-closed.docx", "minutes-closed.toml", "minutes-closed.json"),
)
def test_the_confidential_record_holds_everything(written, name):
    text = text_of(written / name)
    # What undo took back is in the annex; what the chair withdrew from a note is too.
    for marker in SECRETS:
        assert marker in text, f"{marker} missing from {name}"
    assert "CONFIDENTIAL" in text


def test_the_public_minutes_say_when_the_council_met_in_closed_session_and_what_it_made_public(written):
    md = (written / "minutes.md").read_text(encoding="utf-8")
    section = md[md.index("### 2. A staff matter") : md.index("### 3. Closing")]
    entries = [line for line in section.splitlines() if line.startswith("- ")]
    assert entries[0] == "- **12:10** The council met in closed session from 12:10 to 12:45."
    assert entries[1] == f"- **12:30** Decision made public — Motion 4: {PUBLIC_DECISION} Carried."
    assert len(entries) == 2 and "Speakers:" not in section and "Documents:" not in section
    assert "*for decision · 12:10–12:45; 35 minutes in session, 40 minutes allotted · closed session*" in section
    # The decisions table has the published decision, its count, and no other motion of the item.
    decisions = md[md.index("## Decisions") : md.index("## Action items")]
    assert PUBLIC_DECISION in decisions and decisions.count("| 2 |") == 1
    # The roll call's names stay confidential: the count is public, not who voted how.
    assert "Roll call on" not in md
    data = json.loads((written / "minutes.json").read_text(encoding="utf-8"))
    published = [m for m in data["motions"] if m["item"] == "staff"]
    assert len(published) == 1 and published[0]["published"] is True
    assert published[0]["vote"]["roll_call"] == [] and published[0]["vote"]["yes"] == 18
    assert data["actions"] == [] and data["header"]["confidential"] is False
    # What was left on the table in closed session is unfinished business of the closed record only.
    assert data["unfinished"] == []
    closed = json.loads((written / "minutes-closed.json").read_text(encoding="utf-8"))
    assert closed["unfinished"] == ["Motion 5 lies on the table."]


def test_the_public_csv_has_the_published_count_and_no_seat(written):
    lines = (written / "votes.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 2 and PUBLIC_DECISION in lines[1]
    closed = (written / "votes-closed.csv").read_text(encoding="utf-8-sig").splitlines()
    assert sum("SECRET" in line for line in closed) == 2 and any(",bo-1," in line for line in closed)


def test_the_confidential_files_are_marked_on_every_page_and_in_their_data(written):
    assert (written / "minutes-closed.md").read_text(encoding="utf-8").startswith("**CONFIDENTIAL · DRAFT**")
    html = (written / "minutes-closed.html").read_text(encoding="utf-8")
    assert '@top-right { content: "CONFIDENTIAL \\0000b7  DRAFT"' in html
    toml = (written / "minutes-closed.toml").read_text(encoding="utf-8")
    assert toml.splitlines()[0].endswith("(CONFIDENTIAL · DRAFT)") and "confidential = true" in toml
    with zipfile.ZipFile(written / "minutes-closed.docx") as archive:
        headers = [n for n in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", n)]
        assert any("CONFIDENTIAL" in archive.read(n).decode("utf-8") for n in headers)


def test_the_confidential_record_tells_the_closed_item_in_full(written):
    md = (written / "minutes-closed.md").read_text(encoding="utf-8")
    section = md[md.index("### 2. A staff matter") : md.index("### 3. Closing")]
    assert "SECRET-RECUSAL" in section and "Speakers: Otieno Wafula-Achieng" in section
    assert "#### Roll call on motion" in section
    assert "SECRET-ACTION" in md[md.index("## Action items") :]


def test_a_decision_can_be_published_only_once_and_only_from_a_closed_session(tmp_path):
    meeting = closed_meeting(tmp_path)
    assert meeting.refuse("publish 4").code == "publish.already"
    assert meeting.refuse("publish 99").code == "publish.no-motion"
    other = start(tmp_path / "other")
    other.run(f"present {' '.join(ALL_SEATS)}", "begin", "open agenda", "move by ke-1 seconded zw-1")
    assert other.refuse("publish 1").code == "publish.not-closed"


def test_the_demo_meeting_of_march_keeps_its_closed_session_apart():
    public = text_of(COMMITTED_MARCH / "minutes.md")
    confidential = text_of(COMMITTED_MARCH / "minutes-closed.md")
    for said in ("for one year from 1 April 2027", "selection panel's scores", "Write to the two candidates"):
        assert said in confidential
        for name in PUBLIC:
            assert said not in text_of(COMMITTED_MARCH / name), (said, name)
    assert "The council met in closed session from 12:10 to 12:33." in public
    assert "Decision made public — Motion 1: That the council appoint Valentina Quispe-Mamani" in public


def test_observers_here_when_a_closed_item_opens_or_during_it_are_a_warning(tmp_path):
    """The chair is told that observers must leave: when the closed item opens with one here,
    and when one comes back during it; a member's coming and going warns of nothing."""
    meeting = start(tmp_path, files={"council.toml": DEMO_COUNCIL.read_text(encoding="utf-8"), "agenda.toml": AGENDA})
    meeting.run(f"present {' '.join(ALL_SEATS)}", "remote obs-1 obs-2", "begin", "open opening")
    opened = meeting.accept("next")
    assert [(w.code, w.params["ids"]) for w in opened.warnings] == [("closed.observers-here", ["obs-1", "obs-2"])]
    assert "they leave before the council takes it up" in render(opened.warnings[0].code, opened.warnings[0].params)
    assert meeting.accept("leave obs-1 obs-2 gh-1").warnings == ()
    assert meeting.accept("back gh-1").warnings == ()
    assert [w.params["ids"] for w in meeting.accept("back obs-2").warnings] == [["obs-2"]]
    meeting.run("leave obs-2", "next")
    assert meeting.accept("back obs-1").warnings == ()  # the closed item is over
