"""The real `meeting run` in a real terminal (tmux), driven and read as a person would."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import DEMO_AGENDA, REPO

TMUX = shutil.which("tmux")
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed: the terminal test could not run")
MEETING = Path(sys.executable).parent / "meeting"


class Terminal:
    def __init__(self, name: str, command: str, size: tuple[int, int] = (80, 24)) -> None:
        self.name = name
        # A tmux server of this test run's own: the default one is shared by every worktree's test
        # run on the machine, and exits under another run's feet when its last session ends.
        # -u: UTF-8 whatever the locale (the tests clear LANG and LC_*), so names keep their letters.
        self.tmux = [TMUX or "tmux", "-u", "-L", f"meeting-e2e-{os.getpid()}"]
        new = [*self.tmux, "new-session", "-d", "-s", self.name, "-x", str(size[0]), "-y", str(size[1]), command]
        for _ in range(3):
            started = subprocess.run(new, cwd=REPO, capture_output=True, text=True)
            if started.returncode == 0:
                return
            # The server exits a moment after its last session closes: a session started in that
            # moment reaches the exiting server and fails ("server exited unexpectedly", seen
            # once in a clean clone's run). The next try starts a server of its own.
            time.sleep(0.5)
        raise AssertionError(f"tmux could not start the session: {started.stderr}")

    def screen(self) -> str:
        return subprocess.run(
            [*self.tmux, "capture-pane", "-t", self.name, "-p"], capture_output=True, text=True
        ).stdout

    def keys(self, *keys: str, pause: float = 0.3) -> None:
        for key in keys:
            subprocess.run([*self.tmux, "send-keys", "-t", self.name, key], check=True)
            time.sleep(pause)

    def type(self, text: str) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, "-l", text], check=True)
        time.sleep(0.3)

    def wait_for(self, text: str, timeout: float = 20) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{text!r} never appeared; the screen shows:\n{self.screen()}")

    def kill_program(self) -> None:
        """SIGKILL the program running in the pane (the shell's child), not tmux itself."""
        shell = subprocess.run(
            [*self.tmux, "list-panes", "-t", self.name, "-F", "#{pane_pid}"], capture_output=True, text=True, check=True
        ).stdout.strip()
        for pid in subprocess.run(["pgrep", "-P", shell], capture_output=True, text=True).stdout.split():
            os.kill(int(pid), signal.SIGKILL)

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-session", "-t", self.name], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    journal = tmp_path / "journal.jsonl"
    name = f"meeting-e2e-{tmp_path.name}"
    term = Terminal(name, f"{MEETING} run {DEMO_AGENDA} --journal {journal}; sleep 5")
    yield term, journal
    term.close()


def test_opening_the_demo_meeting_as_a_chair_would(terminal):
    term, journal = terminal
    term.wait_for("NO QUORUM")
    screen = term.wait_for("r Attendance")  # the footer comes with the first full frame
    assert "NOT STARTED" in screen and "Opening, roll" in screen  # the title wraps in the agenda pane
    term.keys("r")
    term.wait_for("Ama Serwaa Boatemaa")
    for _ in range(4):  # from the first member on; each region's alternate passed over
        term.keys("p")
    term.keys("Down")
    for _ in range(4):
        term.keys("r")
    term.keys("Down")
    for _ in range(3):
        term.keys("p")
    screen = term.wait_for("QUORUM ✓ 11 of 21")
    assert "Aminata Ouédraogo-Kaboré" in screen and "remote" in screen
    term.keys("Escape")  # (an Escape followed at once by a letter reads as Alt+letter)
    term.keys("b", "n", pause=0)  # as fast as fingers go: no key is lost
    screen = term.wait_for("1. Opening, roll call and quorum")
    assert "IN SESSION" in screen
    term.keys("n", "n")
    term.wait_for("3. Adoption of the agenda")
    term.keys(":")
    term.type("move by ke-1 seconded gh-1")
    term.keys("Enter")
    screen = term.wait_for("#1 main motion")
    assert "#1 main motion  Otieno Wafula-Achieng /" in screen
    term.keys("v")  # the bar gave the keys back as soon as the command was accepted
    term.wait_for("Count on motion #1")
    term.type("10")
    term.keys("Enter")
    term.type("0")
    term.keys("Enter")
    term.type("1")
    term.keys("Enter")
    screen = term.wait_for("CARRIED")
    assert "10 in favour, 0 against, 1 abstention" in screen
    term.keys("Enter", "q")
    screen = term.wait_for("Journal: ")
    assert str(journal) in screen.replace("\n", "")
    lines = journal.read_text(encoding="utf-8").splitlines()
    assert '"type":"vote.counted"' in lines[-1]


def test_an_agenda_that_cannot_be_opened_closes_the_console_and_says_why(tmp_path):
    """The console is drawn before the agenda is checked: it closes, gives the terminal back as
    it was, and the error is printed there, with exit status 1."""
    agenda = tmp_path / "agenda.toml"
    agenda.write_text(DEMO_AGENDA.read_text(encoding="utf-8").replace('chair = "tz-1"', 'chair = "zz-9"'), "utf-8")
    (tmp_path / "council.toml").write_bytes((DEMO_AGENDA.parent / "council.toml").read_bytes())
    journal = tmp_path / "journal.jsonl"
    term = Terminal(
        f"meeting-e2e-bad-{tmp_path.name}", f"{MEETING} run {agenda} --journal {journal}; echo status=$?; sleep 5"
    )
    try:
        screen = term.wait_for("status=")
    finally:
        term.close()
    said = screen.replace("\n", "")
    assert f"{agenda}:" in said and "error:" in said and "zz-9" in said
    assert "status=1" in said
    assert not journal.exists()


def test_running_it_again_offers_to_resume(tmp_path):
    journal = tmp_path / "journal.jsonl"
    first = Terminal(f"meeting-e2e-a-{tmp_path.name}", f"{MEETING} run {DEMO_AGENDA} --journal {journal}; sleep 5")
    try:
        first.wait_for("NO QUORUM")
        first.keys(":")
        first.type("present ke-1 gh-1")
        first.keys("Enter")
        first.wait_for("attendance: Otieno")
        # The laptop dies: the console's process is killed without a chance to clean up.
        first.kill_program()
    finally:
        first.close()
    second = Terminal(f"meeting-e2e-b-{tmp_path.name}", f"{MEETING} run {DEMO_AGENDA} --journal {journal}; sleep 5")
    try:
        screen = second.wait_for("This meeting already has a journal.")
        assert "r: resume" in screen
        second.keys("r")
        screen = second.wait_for("NO QUORUM — 2 of 21")
    finally:
        second.close()


DEMO_JOURNAL = REPO / "minutes" / "2026-12-council-meeting" / "journal.jsonl"


def test_closing_the_terminal_closes_the_console_and_frees_the_journal(tmp_path):
    """The window is closed, and the hang-up signal does not reach the console (under `make
    demo`, make takes it and waits): the console sees its terminal gone and exits, instead of
    reading nothing at full speed with the journal locked, so the next `meeting run` resumes."""
    journal = tmp_path / "journal.jsonl"
    term, pid = _hung_up(tmp_path, f"run {DEMO_AGENDA} --journal {journal}", "NO QUORUM")
    try:
        term.keys(":")
        term.type("present ke-1")
        term.keys("Enter")
        term.wait_for("attendance: Otieno")
    finally:
        term.close()
    _outlives_no_terminal(pid)
    from meeting.journal import Journal

    reopened, _warnings = Journal.open(journal)  # the lock was let go
    with reopened:
        assert reopened.last.event["type"] == "attendance"


def test_closing_the_terminal_closes_a_members_view(tmp_path):
    term, pid = _hung_up(tmp_path, f"view {DEMO_JOURNAL} --follow", "ADJOURNED")
    term.close()
    _outlives_no_terminal(pid)


def _hung_up(tmp_path: Path, arguments: str, shown: str) -> tuple[Terminal, int]:
    """`meeting ARGUMENTS` in a terminal, ignoring the hang-up signal as the shell does; once
    `shown` is on screen, the terminal and the program's process id."""
    pid_file = tmp_path / "pid"
    command = f"trap '' HUP; echo $$ > {pid_file}; exec {MEETING} {arguments}"
    term = Terminal(f"meeting-e2e-hup-{tmp_path.name}", command)
    try:
        term.wait_for(shown)
    except BaseException:
        term.close()
        raise
    return term, int(pid_file.read_text())


def _outlives_no_terminal(pid: int) -> None:
    deadline = time.monotonic() + 10
    while _running(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _running(pid):
        os.kill(pid, signal.SIGKILL)
        raise AssertionError("the program outlived its terminal")


def _running(pid: int) -> bool:
    """Whether the process is alive (a zombie waiting for its parent has exited)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return False
    return state not in ("Z", "X")
