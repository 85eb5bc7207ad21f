"""`meeting run` draws its console before the meeting is read: the opening screen first, the
meeting behind it (in a thread), the keys typed meanwhile taken once it is there."""

from __future__ import annotations

import subprocess
import sys
import threading

import pytest
from textual import events
from textual.widgets import Static

from meeting.domain import events as ev
from meeting.i18n import choose, set_language
from meeting.session import Opened, open_session
from meeting.tui.app import MeetingApp, Resuming, opening_app
from meeting.tui.attendance import AttendanceScreen
from meeting.tui.commandbar import CommandBar
from meeting.tui.main import MainScreen
from meeting.tui.opening import OpeningScreen
from meeting.tui.resume import ResumeScreen
from meeting.tui.small import TooSmallScreen
from tests.conftest import DEMO_AGENDA, REPO

SIZE = (80, 24)


def demo_console(
    journal, gate: threading.Event, agenda: str = str(DEMO_AGENDA), resuming: Resuming = "ask"
) -> MeetingApp:
    """`meeting run`'s console on the demo meeting, opened once the test lets it (`gate`),
    speaking the meeting's language as `meeting run` does."""

    def opening() -> Opened:
        assert gate.wait(20), "the test never let the meeting open"
        return open_session(DEMO_AGENDA, journal, None, scripted=True, resume=True)

    return opening_app(opening, agenda, resuming, lambda language: set_language(choose(None, language)))


def demo_journal(journal, *lines: str, agenda=DEMO_AGENDA) -> None:
    """A journal of the demo meeting (or of `agenda`, another file of it) with `lines` run."""
    session = open_session(agenda, journal, None, scripted=True, resume=False).session
    assert session is not None
    for line in lines:
        session.execute(line)
    session.close()


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


async def test_once_the_meeting_is_on_screen_the_opening_screen_beneath_draws_nothing(tmp_path, monkeypatch):
    """Its loading indicator went on animating under the main screen: sixteen frames a second
    written for nothing (a laptop's battery), and a console whose terminal had gone filled
    Textual's output queue and hung before it could see the terminal gone. Now the screen is
    drawn about once a second, as the clock ticks."""
    from textual.app import App

    frames: list[float] = []
    display = App._display

    def counted(app, *args, **kwargs):
        frames.append(1)
        return display(app, *args, **kwargs)

    monkeypatch.setattr(App, "_display", counted)
    gate = threading.Event()
    gate.set()
    app = demo_console(tmp_path / "journal.jsonl", gate)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.is_open and isinstance(app.screen, MainScreen))
        await pilot.pause(0.5)
        frames.clear()
        await pilot.pause(2)
        assert len(frames) <= 4, f"{len(frames)} frames drawn in 2 s with nothing happening"
    app.session.close()


async def test_a_line_pasted_while_it_opens_is_taken_in_its_turn_with_the_keys_around_it(tmp_path):
    gate = threading.Event()
    app = demo_console(tmp_path / "journal.jsonl", gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press(":")  # the command bar
        app.post_message(events.Paste("note pasted"))
        await pilot.press("X")
        gate.set()
        await until(pilot, lambda: app.is_open and app.screen.focused is not None)
        await pilot.pause(0.3)
        assert app.screen.query_one(CommandBar).value == "note pastedX"
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
        lambda: open_session(broken, tmp_path / "j.jsonl", None, scripted=True, resume=True),
        str(broken),
        "ask",
        lambda language: None,
    )
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: not app.is_running)
    assert app.return_code == 1 and not app.is_open
    opened = app.what_opened()
    assert opened is not None and [(d.path, d.severity) for d in opened.diagnostics] == [(str(broken), "error")]
    assert not (tmp_path / "j.jsonl").exists()


async def test_ctrl_q_leaves_while_the_meeting_is_still_being_read_and_no_new_sitting_is_opened(tmp_path):
    """`meeting run --new-sitting`, left before the meeting is on screen: the opening goes on to
    its end (its diagnostics and journal are still said), and no sitting is opened."""
    journal = tmp_path / "journal.jsonl"
    demo_journal(journal, "present tz-1 ke-1", "begin", "adjourn")
    gate = threading.Event()
    app = demo_console(journal, gate, resuming="sitting")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+q")
        await until(pilot, lambda: not app.is_running)
    gate.set()
    opened = app.what_opened()
    assert opened is not None and opened.session is not None and not app.is_open and not app.return_code
    opened.session.close()
    assert [entry.event.type for entry in opened.session.recorded][-1] == "meeting.adjourned"


async def test_keys_typed_while_it_opens_wait_for_the_meeting_not_for_the_question_asked_first(tmp_path):
    """A journal already there: the chair is asked whether to resume it; what was typed while
    it opened is not taken as the answer (the `r` typed for the roll call would resume), but
    once it is answered, on the meeting."""
    journal = tmp_path / "journal.jsonl"
    demo_journal(journal, "present tz-1")
    gate = threading.Event()
    app = demo_console(journal, gate)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r", "p")  # the roll call, and the first member present
        gate.set()
        await until(pilot, lambda: isinstance(app.screen, ResumeScreen))
        await pilot.pause(0.3)
        assert isinstance(app.screen, ResumeScreen) and len(app.session.recorded) == 2
        await pilot.press("r")  # resume
        await until(pilot, lambda: isinstance(app.screen, AttendanceScreen) and len(app.session.recorded) == 3)
    app.session.close()


async def test_a_journal_resumed_speaks_the_language_it_recorded_not_the_agenda_files(tmp_path):
    """The console opened on the demo agenda (English) speaks the language each journal
    recorded: English, and French for a meeting begun under the same agenda in French, as it
    runs under the agenda its journal recorded (it spoke the file's)."""
    french = tmp_path / "fr" / DEMO_AGENDA.name
    french.parent.mkdir()
    french.write_text(DEMO_AGENDA.read_text(encoding="utf-8").replace('language = "en"', 'language = "fr"'), "utf-8")
    (french.parent / "council.toml").write_bytes((DEMO_AGENDA.parent / "council.toml").read_bytes())
    gate = threading.Event()
    gate.set()
    for agenda, said in ((DEMO_AGENDA, "NOT STARTED"), (french, "NON OUVERTE")):
        journal = tmp_path / f"{said}.jsonl"
        demo_journal(journal, agenda=agenda)
        app = demo_console(journal, gate, resuming="resume")
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, lambda app=app: app.is_open and isinstance(app.screen, MainScreen))
            await pilot.pause()
            header = str(app.screen.query_one("#header", Static).render())
            assert said in header, header
        app.session.close()


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
