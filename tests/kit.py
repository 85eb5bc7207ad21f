"""Running meetings in tests: a real session (real journal in a temporary folder, script clock)
on the demo council or an inline one, driven by lines of the command language."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from meeting.domain.engine import Refused
from meeting.domain.state import State
from meeting.loader.load import load
from meeting.messages import render
from meeting.session import Accepted, ScriptClock, Session, source_files
from tests.conftest import DEMO_AGENDA, DEMO_COUNCIL, REPO


class Meeting:
    """A session and a way to talk to it: `run` expects every line accepted, `refuse` expects
    the last line refused and returns the refusal."""

    def __init__(self, session: Session) -> None:
        self.session = session

    @property
    def state(self) -> State:
        return self.session.state

    def run(self, *lines: str) -> Meeting:
        for line in lines:
            result = self.session.execute(line)
            if isinstance(result, Refused):
                raise AssertionError(f"{line!r} refused: {result.code} {render(result.code, result.params)}")
        return self

    def refuse(self, line: str) -> Refused:
        result = self.session.execute(line)
        assert isinstance(result, Refused), f"{line!r} was accepted: {result}"
        return result

    def accept(self, line: str) -> Accepted:
        result = self.session.execute(line)
        assert isinstance(result, Accepted), f"{line!r}: {result}"
        return result


def start(
    tmp_path: Path, agenda: Path = DEMO_AGENDA, files: dict[str, str] | None = None, at: datetime | None = None
) -> Meeting:
    """A meeting on `agenda`, or on an agenda and council written from `files` (names to text;
    the agenda is the file that is not council.toml); its clock at the agenda's start, or `at`."""
    if files:
        for name, text in files.items():
            (tmp_path / name).write_text(text, encoding="utf-8")
        agenda = tmp_path / next(n for n in files if n != "council.toml")
    loaded = load(agenda)
    assert loaded.meeting is not None, loaded.diagnostics
    clock = ScriptClock(at or loaded.meeting.agenda.scheduled_start, loaded.meeting.agenda.time_zone)
    sources = source_files(loaded.sources, agenda)
    session = Session.start(loaded.meeting, sources, tmp_path / "journal.jsonl", clock, circulated=loaded.circulated)
    return Meeting(session)


# The demo council's seats by region, for roll calls in tests.
ANGLOPHONE = ("gh-1", "sl-1", "zm-1", "zw-1")
FRANCOPHONE = ("bf-1", "cm-1", "cd-1", "mg-1")
SWAHILI = ("tz-1", "ke-1", "ug-1", "cd-2")
LATIN_AMERICA = ("hn-1", "co-1", "pe-1", "bo-1", "br-1")
SEA_PACIFIC = ("ph-1", "id-1", "la-1", "pg-1")
ALL_SEATS = ANGLOPHONE + FRANCOPHONE + SWAHILI + LATIN_AMERICA + SEA_PACIFIC


def in_session(tmp_path: Path, present: tuple[str, ...] = ALL_SEATS, item: str = "agenda") -> Meeting:
    """The demo meeting begun, with these members present in person and an item open."""
    meeting = start(tmp_path)
    meeting.run(f"present {' '.join(present)}", "begin", f"open {item}")
    return meeting


def two_items_tabled(tmp_path: Path) -> Meeting:
    """A motion laid on the table under the agenda item (#1), another under the minutes (#3)."""
    return in_session(tmp_path).run(
        "move by ke-1 seconded gh-1",
        "move to table by sl-1 seconded zw-1",
        "vote 12 3",
        "open minutes",
        "move by pe-1 seconded bo-1",
        "move to table by sl-1 seconded zw-1",
        "vote 12 3",
    )


class Chair:
    """The chair's console as another process: `tests/writer.py` holding the journal's lock
    and writing each line sent with `say` (returns once the event is fsynced)."""

    def __init__(self, journal: Path, agenda: Path = DEMO_AGENDA) -> None:
        import subprocess
        import sys

        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.writer", str(agenda), str(journal)],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.seq = self._answer()["seq"]

    def _answer(self) -> dict:
        import json

        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, "the chair's process ended"
        return json.loads(line)

    def say(self, line: str) -> int:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        answer = self._answer()
        assert answer["refused"] is None, f"{line!r} refused: {answer['refused']}"
        self.seq = answer["seq"]
        return self.seq

    def close(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        self.process.wait(timeout=30)


def demo_lines() -> list[str]:
    """The demo script's lines, as the chair typed them (comments and blank lines left out)."""
    script = DEMO_AGENDA.with_suffix(".script").read_text(encoding="utf-8")
    lines = []
    for line in script.splitlines():
        command = line.split("  #", 1)[0].strip()
        if command and not command.startswith("#"):
            lines.append(command)
    return lines


# Names, titles and texts from the files and the chair, as console markup would read them.
HOSTILE = {
    "member": "Rubén [b]Mamani[/b]-Choque",
    "region": "Latin America [/]",
    "item": "[draft] Regional focal points",
    "motion": "That we [/] agree [i]now",
    "reason": "Not yet [/] really [red]",
    "office": "Rapporteur [/] to the [b]dialogue",
}


def hostile_meeting(tmp_path: Path) -> Meeting:
    """The demo with `HOSTILE`'s names and titles, in session on the focal points: a motion
    with brackets pending, a consensus round blocked with a bracketed reason."""
    council = DEMO_COUNCIL.read_text(encoding="utf-8")
    council = council.replace('"Rubén Mamani-Choque"', f'"{HOSTILE["member"]}"')
    council = council.replace('name = "Latin America"', f'name = "{HOSTILE["region"]}"')
    agenda = DEMO_AGENDA.read_text(encoding="utf-8").replace('"Regional focal points"', f'"{HOSTILE["item"]}"')
    agenda = agenda.replace('"Rapporteur of the council to the 2027 ASM policy dialogue"', f'"{HOSTILE["office"]}"')
    return start(tmp_path, files={"council.toml": council, DEMO_AGENDA.name: agenda}).run(
        f"present {' '.join(ALL_SEATS)}",
        "begin",
        "open focal-points",
        f'move "{HOSTILE["motion"]}" by bo-1 seconded cm-1',
        "consensus",
        f'block bo-1 "{HOSTILE["reason"]}"',
    )
