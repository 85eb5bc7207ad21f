"""`meeting serve` in a real browser: headless Chromium (the system's) driven by Playwright.

xterm.js draws the terminal into a canvas, so the test reads what the server sends over the
WebSocket: the terminal's bytes, its escape sequences taken out."""

from __future__ import annotations

import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import REPO
from tests.kit import Chair, demo_lines

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# CSI and OSC sequences, and the two-byte escapes: what is left is the text on the screen.
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")


@contextmanager
def chromium() -> Iterator[Any]:
    """The system's Chromium, headless, closed whatever the test does."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


def on_a_phone(browser: Any) -> tuple[Any, Any]:
    """A browsing context and its page as a phone shows them: 390 x 844 points at three pixels
    to the point, touch."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, device_scale_factor=3, is_mobile=True, has_touch=True
    )
    return context, context.new_page()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Screen:
    """Everything the server sent to one page, as text."""

    def __init__(self, page) -> None:
        self.frames: list[bytes] = []
        self.sockets = 0
        page.on("websocket", self._opened)

    def _opened(self, websocket) -> None:
        self.sockets += 1
        websocket.on(
            "framereceived", lambda payload: self.frames.append(payload if isinstance(payload, bytes) else b"")
        )

    def text(self) -> str:
        return ESCAPES.sub(b"", b"".join(self.frames)).decode("utf-8", "replace")

    def wait_for(self, page, words: str, timeout: float) -> float:
        """Seconds until `words` arrived; fails after `timeout`."""
        start = time.monotonic()
        while words not in self.text():
            assert time.monotonic() - start < timeout, f"{words!r} never arrived; the screen:\n{self.text()[-3000:]}"
            page.wait_for_timeout(50)
        return time.monotonic() - start


@pytest.fixture
def meeting_served(tmp_path):
    """The demo meeting up to its roll call, written by a chair in another process, and served."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: .ci/run installs the Debian package 'chromium'")
    journal = tmp_path / "journal.jsonl"
    chair = Chair(journal)
    lines = demo_lines()
    for line in lines[: lines.index("roll-call")]:
        chair.say(line)
    port = _free_port()
    meeting = Path(sys.executable).parent / "meeting"
    server = subprocess.Popen(
        [str(meeting), "serve", str(tmp_path), "--port", str(port)], cwd=REPO, stdout=subprocess.PIPE, text=True
    )
    assert server.stdout is not None
    link = ""
    while not link:
        line = server.stdout.readline()
        assert line, "meeting serve ended before printing its link"
        link = next(iter(re.findall(r"http://\S+", line)), "")
    yield chair, link, port
    chair.close()
    server.send_signal(signal.SIGINT)
    try:
        server.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.kill()
        raise


def test_a_member_follows_the_meeting_in_a_browser_and_nothing_is_served_without_the_token(meeting_served):
    chair, link, port = meeting_served
    assert link.startswith(f"http://127.0.0.1:{port}/") and len(link.split("/")[3]) >= 22
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1280, "height": 720})
        screen = Screen(page)
        assert page.goto(link).status == 200
        # The first frame waits for a new process to start: generous, it is not what is timed.
        screen.wait_for(page, "Constitutional amendment: Article 7", timeout=60)
        chair.say("roll-call")
        chair.say("yes gh-2 sl-1 zw-1")  # returns once the chair's journal is fsynced
        assert screen.wait_for(page, "Kwabena Owusu-Ansah for Ama Serwaa Boatemaa yes", timeout=10) < 2.0
        chair.say("no cm-1")
        assert screen.wait_for(page, "Jean-Paul Ekwalla no", timeout=10) < 2.0

        stranger = browser.new_page()
        unguarded = Screen(stranger)
        base = f"http://127.0.0.1:{port}"
        for path in ("/", "/ws", "/static/js/textual.js", "/" + "x" * 22 + "/"):
            response = stranger.goto(base + path)
            assert response is not None and response.status == 403, path
        stranger.wait_for_timeout(500)
        assert unguarded.sockets == 0 and unguarded.frames == []


def test_a_phone_or_a_scaled_screen_shows_the_whole_view_and_keys_work_without_a_click(meeting_served):
    """textual-serve's terminal drew its letters at the screen's pixel ratio on a canvas sized
    at one: at 200 % only the top-left quarter showed (a member's run, on a phone and a Retina
    laptop). The page pins the ratio the terminal sees to one. And a key works at once."""
    _chair, link, _port = meeting_served
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1366, "height": 768}, device_scale_factor=2)
        screen = Screen(page)
        typed: list[str] = []
        page.on("websocket", lambda ws: ws.on("framesent", lambda payload: typed.append(str(payload))))
        assert page.goto(link).status == 200
        assert page.title() == "IC-ASM Council Meeting, December 2026"
        screen.wait_for(page, "Constitutional amendment: Article 7", timeout=60)
        assert page.evaluate("window.devicePixelRatio") == 1
        page.keyboard.press("t")  # no click first: the tallies
        screen.wait_for(page, "Tallies", timeout=10)
        assert '["stdin","t"]' in typed


def test_on_a_phone_a_swipe_scrolls_the_view(meeting_served):
    """The terminal takes a mouse's wheel only: on a phone nothing below the fold could be
    reached (a member's run). The page turns a swipe into the wheel; the view redraws."""
    _chair, link, _port = meeting_served
    with chromium() as browser:
        context, page = on_a_phone(browser)
        screen = Screen(page)
        assert page.goto(link).status == 200
        screen.wait_for(page, "Constitutional amendment: Article 7", timeout=60)
        page.wait_for_timeout(1000)
        drawn = len(screen.frames)
        touch = context.new_cdp_session(page)
        touch.send("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": 200, "y": 600}]})
        for y in range(580, 200, -20):
            touch.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": 200, "y": y}]})
        touch.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
        page.wait_for_timeout(1500)
        assert len(screen.frames) > drawn  # the view scrolled and was drawn again


def test_a_lost_connection_is_said_and_the_view_comes_back_by_itself(meeting_served):
    """A member's phone offline kept the old screen with nothing said; back online the new
    screen showed dimmed under "The view has ended. Reconnect" and stayed there until tapped.
    Now the page says at once that the connection is lost, and connects again by itself: when
    the network returns, and when the server's end of the connection closes."""
    chair, link, _port = meeting_served
    with chromium() as browser:
        context, page = on_a_phone(browser)
        screen = Screen(page)
        assert page.goto(link).status == 200
        screen.wait_for(page, "Constitutional amendment: Article 7", timeout=60)
        lost = page.locator(".lost")
        assert not lost.is_visible()
        context.set_offline(True)
        lost.wait_for(state="visible", timeout=15_000)
        assert "Connection interrupted" in lost.inner_text()
        chair.say("roll-call")
        chair.say("yes gh-2 sl-1 zw-1")
        context.set_offline(False)
        screen.wait_for(page, "3 in favour", timeout=60)
        lost.wait_for(state="hidden", timeout=30_000)
        assert not page.locator(".ended").is_visible()
        # The server's end closes (its heartbeat gave up on a phone long offline): no tap needed.
        opened = screen.sockets
        page.evaluate("window.viewSocket.close()")
        deadline = time.monotonic() + 60
        while screen.sockets == opened:
            assert time.monotonic() < deadline, "the page never connected again"
            page.wait_for_timeout(100)
        chair.say("no cm-1")
        screen.wait_for(page, "1 against", timeout=60)  # at a phone's width the names wrap
        lost.wait_for(state="hidden", timeout=30_000)


def test_the_browser_is_never_downloaded():
    # Playwright must use the system's Chromium: no browser of its own is installed.
    cache = Path.home() / ".cache" / "ms-playwright"
    assert not cache.exists() or not any(cache.glob("chromium*")), "a Playwright browser was downloaded"
    assert shutil.which("chromium") == str(CHROMIUM) or CHROMIUM.exists()
