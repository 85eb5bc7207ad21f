"""`meeting run` draws its console before the meeting is read: the opening screen first, the
meeting behind it (in a thread), the keys typed meanwhile taken once it is there."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from textual.widgets import Static

from meeting.domain import events as ev
from meeting.session import Opened, open_session
from meeting.tui.app import MeetingApp, opening_app
from meeting.tui.attendance import AttendanceScreen
from meeting.tui.main import MainScreen
from meeting.tui.opening import OpeningScreen
from meeting.tui.small import TooSmallScreen
from tests.conftest import DEMO_AGENDA, REPO

SIZE = (80, 24)


def demo_console(journal, gate: threading.Event, agenda: str = str(DEMO_AGENDA)) -> MeetingApp:
    """`meeting run`'s console on the demo meeting, opened once the test lets it (`gate`)."""

    def opening() -> Opened:
        assert gate.wait(20), "the test never let the meeting open"
        return open_session(DEMO_AGENDA, journal, None, scripted=True, resume=True)

    return opening_app(opening, agenda, asks_to_resume=False)


async def until(pilot, done) -> None:
    for _ in range(400):  # up to 20 s on a loaded machine
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"never happened; the screen is {pilot.app.screen!r}")


async def test_the_console_is_drawn_before_the_meeting_is_read_and_the_keys_typed_meanwhile_are_taken(tmp_path):
    gate = threading.Event()
    app = demo_console(tmp_path / "journal.jsonl", gate, "agendas/2026-12-council-meeting.toml")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OpeningScreen)
        said = str(app.screen.query_one("#opening", Static).render())
        assert said == "Opening the meeting: agendas/2026-12-council-meeting.toml…"
        await pilot.press("r", "p")  # the roll call, and the first member present: typed ahead
        assert not app.is_open and isinstance(app.screen, OpeningScreen)
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen) and len(app.session.recorded) > 1)
        assert isinstance(app.screen_stack[-2], MainScreen)
        marked = app.session.recorded[-1].event
        assert isinstance(marked, ev.AttendanceChanged) and list(marked.changes.values()) == ["present"]
    app.session.close()


async def test_a_terminal_too_small_is_said_over_the_opening_screen_and_over_the_meeting(tmp_path):
    gate = threading.Event()
    app = demo_console(tmp_path / "journal.jsonl", gate)
    async with app.run_test(size=(70, 20)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, TooSmallScreen))
        assert isinstance(app.screen_stack[0], OpeningScreen)
        gate.set()
        await until(pilot, lambda: app.is_open and isinstance(app.screen_stack[-2], MainScreen))
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(80, 24)
        await until(pilot, lambda: isinstance(app.screen, MainScreen))
    app.session.close()


async def test_a_meeting_that_cannot_be_opened_closes_the_console_and_says_why(tmp_path):
    broken = tmp_path / "agenda.toml"
    broken.write_text('id = "m"\ntitle = [\n', encoding="utf-8")
    app = opening_app(
        lambda: open_session(broken, tmp_path / "j.jsonl", None, scripted=True, resume=True), str(broken), False
    )
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 1 and not app.is_open
    assert [(d.path, d.severity) for d in app.diagnostics] == [(str(broken), "error")]
    assert not (tmp_path / "j.jsonl").exists()


async def test_ctrl_q_leaves_while_the_meeting_is_still_being_read(tmp_path):
    gate = threading.Event()
    app = demo_console(tmp_path / "journal.jsonl", gate)
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not app.is_running)
    finally:
        gate.set()
    assert not app.is_open and not app.return_code


def test_meeting_run_imports_neither_pydantic_nor_the_domain_before_its_console_runs(tmp_path):
    """What the first frame waits for: Textual, the command line, the opening screen. The rest
    (pydantic, the events' models, the screens) is imported behind it, by the thread that opens
    the meeting: here the console is not run at all, and none of it was imported."""
    code = (
        "import sys\n"
        "from textual.app import App\n"
        "App.run = lambda self, *args, **kwargs: print(sorted(m for m in sys.modules if m.startswith(\n"
        "    ('pydantic', 'meeting.domain.', 'meeting.session', 'meeting.tui.main'))))\n"
        "from meeting.cli.main import main\n"
        f"sys.exit(main(['run', {str(DEMO_AGENDA)!r}, '--journal', sys.argv[1]]))\n"
    )
    journal = tmp_path / "journal.jsonl"
    result = subprocess.run([sys.executable, "-c", code, str(journal)], capture_output=True, text=True, cwd=REPO)
    assert (result.returncode, result.stdout, result.stderr) == (0, "['meeting.domain.text']\n", "")
    assert not journal.exists()


def test_an_agenda_that_cannot_be_read_is_said_before_any_console_is_drawn(tmp_path, capsys, monkeypatch):
    from textual.app import App

    from meeting.cli.main import main

    monkeypatch.setattr(App, "run", lambda self, *args, **kwargs: pytest.fail("a console was drawn"))
    assert main(["run", str(tmp_path / "nowhere.toml")]) == 1
    assert capsys.readouterr().err == f"{tmp_path / 'nowhere.toml'}:1:1: error: no such file\n"
