"""`meeting serve` without a browser: the token guards every path, the command it runs is the
view and only the view, its paths quoted."""

from __future__ import annotations

import shlex
import signal
import socket
import subprocess
import sys
from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer
from markupsafe import escape

from meeting.i18n import _, language
from meeting.view.serve import ViewServer, view_command


def test_the_command_is_the_view_following_with_its_paths_quoted(tmp_path):
    """The view names the journal by its folder and file only: a member read the chair's
    /tmp/... path at the foot of every served page."""
    journal = tmp_path / "a folder; rm -rf ~" / "it's $(here).jsonl"
    argv = shlex.split(view_command(journal, "fr", projector=True))
    assert argv == [
        sys.executable,
        "-P",
        "-m",
        "meeting",
        "view",
        "--follow",
        str(journal.resolve()),
        "--shown",
        "a folder; rm -rf ~/it's $(here).jsonl",
        "--served",
        "--lang",
        "fr",
        "--projector",
    ]


def test_the_command_runs_the_installed_program_not_one_in_the_chairs_folder(tmp_path):
    """`python -m meeting` from a folder holding a `meeting` package ran that package in every
    browser's process; `-P` leaves the current folder out of the search."""
    planted = tmp_path / "meeting"
    planted.mkdir()
    (planted / "__init__.py").write_text("", encoding="utf-8")
    (planted / "__main__.py").write_text("print('planted')\n", encoding="utf-8")
    argv = shlex.split(view_command(tmp_path / "journal.jsonl", None, projector=False))
    argv[argv.index("view") :] = ["--version"]
    result = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=60)
    assert "planted" not in result.stdout and result.stdout.startswith("meeting ")


async def _client(tmp_path: Path) -> tuple[ViewServer, TestClient]:
    server = ViewServer(tmp_path / "journal.jsonl", languages=("en", "fr"), token="s3cret-token")
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    return server, client


async def test_nothing_is_served_without_the_token(tmp_path):
    _server, client = await _client(tmp_path)
    try:
        for path in (
            "/",
            "/ws",
            "/static/js/textual.js",
            "/wrong-token/",
            "/s3cret-toke/",
            "/s3cret-tokenx/",
            "/x/s3cret-token/",
        ):
            response = await client.get(path)
            assert response.status == 403, path
            assert "Ask the chair for the link." in await response.text()
        # A French link from before the server was started again: said in French.
        response = await client.get("/old-token/fr/")
        assert response.status == 403 and "Demandez" in await response.text()
    finally:
        await client.close()


async def test_with_the_token_the_page_its_script_and_a_language(tmp_path):
    _server, client = await _client(tmp_path)
    try:
        page = await client.get("/s3cret-token/")
        assert page.status == 200 and page.headers["Cache-Control"] == "no-store"
        html = await page.text()
        assert '"/s3cret-token/ws"' in html and "googleapis" not in html  # nothing from outside
        assert '<html lang="en">' in html  # the default link's page: the language its view speaks
        assert (await client.get("/s3cret-token/static/js/textual.js")).status == 200
        french = await (await client.get("/s3cret-token/fr/?fontsize=24")).text()
        assert '"/s3cret-token/fr/ws"' in french and 'data-font-size="24"' in french
        assert '<html lang="fr">' in french
        assert "Se reconnecter" in french and ">Reconnect<" not in french  # the link's language
        with language("fr"):
            assert escape(_("Connection interrupted: this screen may be out of date. Reconnecting…")) in french
        assert (await client.get("/s3cret-token/xx/")).status == 404  # not one of the languages
        assert (await client.get("/s3cret-token/download/anything")).status == 404  # the view sends no files
        plain = await client.get("/s3cret-token/ws")  # not a websocket: said, not a traceback
        assert plain.status == 400 and "connection" in await plain.text()
    finally:
        await client.close()


def test_the_links_carry_the_token_and_the_projector_size(tmp_path):
    server = ViewServer(tmp_path / "j.jsonl", port=8123, projector=True, languages=("en", "fr"), token="t0k")
    assert server.links() == [
        ("", "http://127.0.0.1:8123/t0k/?fontsize=24"),
        ("en", "http://127.0.0.1:8123/t0k/en/?fontsize=24"),
        ("fr", "http://127.0.0.1:8123/t0k/fr/?fontsize=24"),
    ]
    assert len(ViewServer(tmp_path / "j.jsonl").token) >= 22  # 128 random bits


async def test_past_the_last_viewer_the_laptop_says_no(tmp_path):
    from meeting.view.serve import MAX_VIEWERS

    server, client = await _client(tmp_path)
    try:
        server.viewers = MAX_VIEWERS  # as many views running as one laptop carries
        response = await client.get("/s3cret-token/ws")
        assert response.status == 503 and "Too many viewers" in await response.text()
    finally:
        await client.close()


def test_members_languages_the_program_speaks_are_served_after_the_councils(tmp_path):
    """The council works in en, fr, es and sw; Josefa dos Santos-Arruda reads Portuguese, which
    `/pt/` refused ("No view in that language"). Her Tagalog-, Indonesian- and Lao-speaking
    colleagues get no link in a language the program would show in English."""
    from meeting.cli.serve import _languages
    from tests.kit import in_session

    meeting = in_session(tmp_path)
    meeting.session.close()
    assert _languages(meeting.session.journal.path) == (
        ("en", "fr", "es", "sw", "pt"),
        "en",
        "IC-ASM Council Meeting, December 2026",
    )


def test_the_view_names_the_journal_as_it_is_shown(tmp_path):
    """What `--shown` names is all a message says of the journal: not the folders it lies in."""
    journal = tmp_path / "secret-folder" / "journal.jsonl"
    done = subprocess.run(
        [sys.executable, "-m", "meeting", "view", str(journal), "--shown", "2026-12/journal.jsonl"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1 and "secret-folder" not in done.stdout + done.stderr
    assert done.stderr.startswith("2026-12/journal.jsonl:1:1: error: ")


def test_an_ipv6_host_is_bracketed_in_the_links(tmp_path):
    server = ViewServer(tmp_path / "j.jsonl", host="::1", port=8123, languages=("fr",), token="t0k")
    assert server.links() == [("", "http://[::1]:8123/t0k/"), ("fr", "http://[::1]:8123/t0k/fr/")]
    zoned = ViewServer(tmp_path / "j.jsonl", host="fe80::1%eth0", port=8123, languages=(), token="t0k")
    assert zoned.links() == [("", "http://[fe80::1%25eth0]:8123/t0k/")]


def test_no_link_is_printed_when_the_port_is_taken(tmp_path):
    """The links, token and all, only once the server listens: before, they led nowhere."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "meeting", "serve", str(tmp_path / "j.jsonl"), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 1
    assert result.stdout == ""
    # The address is at fault, not the journal: no journal's location before the message.
    assert result.stderr.startswith(f"meeting serve: error: cannot serve on 127.0.0.1 port {port}: ")


def test_a_port_out_of_range_is_a_usage_error_and_an_unbindable_host_names_no_journal(tmp_path):
    """`--port 99999` came back as the journal's error "J:1:1: ... EINVAL", exit 2 beside the
    exit 1 of a host that cannot be bound."""
    journal = str(tmp_path / "j.jsonl")

    def serve(*options: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "meeting", "serve", journal, *options]
        return subprocess.run(argv, capture_output=True, text=True, timeout=60)

    for port in ("99999", "0", "-1", "eighty"):
        result = serve("--port", port)
        assert result.returncode == 2 and result.stdout == "", port
        assert f"argument --port: '{port}' is not a port" in result.stderr and journal not in result.stderr
    result = serve("--host", "999.1.1.1", "--port", "8123")
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith("meeting serve: error: cannot serve on 999.1.1.1 port 8123: ")


def test_the_links_name_their_languages_in_the_chairs(tmp_path):
    """The links read "in en:", "in fr:"; in French "en en :", "en fr :"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    argv = [sys.executable, "-m", "meeting", "serve", str(tmp_path / "j.jsonl"), "--port", str(port)]
    lines = []
    for lang in ("en", "fr"):
        server = subprocess.Popen([*argv, "--lang", lang], stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            lines += [server.stdout.readline() for _ in range(6)]
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    said = "".join(lines)
    assert "in French: http://" in said and "in Swahili: http://" in said
    assert "en français\u00a0: http://" in said and "en anglais\u00a0: http://" in said
    assert "in fr:" not in said and "en en " not in said


async def test_started_before_the_meeting_its_languages_and_title_come_with_its_journal(tmp_path):
    """Served before the chair started, `/pt/` answered "No view in that language" and the tab
    read "meeting" for the whole meeting: the languages were read once, at start-up."""
    from meeting.cli.serve import _languages
    from tests.kit import in_session

    journal = tmp_path / "journal.jsonl"
    server = ViewServer(journal, token="tok", learn=lambda: _languages(journal))
    client = TestClient(TestServer(await server._make_app()))
    await client.start_server()
    try:
        assert (await client.get("/tok/pt/")).status == 404
        assert "<title>meeting</title>" in await (await client.get("/tok/")).text()
        meeting = in_session(tmp_path)
        meeting.session.close()
        assert meeting.session.journal.path == journal
        portuguese = await client.get("/tok/pt/")
        assert portuguese.status == 200
        assert "<title>IC-ASM Council Meeting, December 2026</title>" in await portuguese.text()
    finally:
        await client.close()


async def test_a_page_cannot_ask_for_a_terminal_larger_than_the_largest(tmp_path, monkeypatch):
    """20,000 x 20,000 cells, at the start or in a resize, made one viewer's process take
    gigabytes of the chair's laptop: the view gets the largest allowed instead."""
    from textual_serve.app_service import AppService

    from meeting.view.serve import MAX_COLUMNS, MAX_ROWS, ViewService

    asked: list[tuple[str, int, int]] = []

    async def start(self, width, height):
        asked.append(("start", width, height))

    async def resize(self, width, height):
        asked.append(("resize", width, height))

    monkeypatch.setattr(AppService, "start", start)
    monkeypatch.setattr(AppService, "set_terminal_size", resize)
    service = ViewService("true", write_bytes=None, write_str=None, close=None, download_manager=None)
    await service.start(20_000, 20_000)
    await service.set_terminal_size(120, 40)
    await service.set_terminal_size(-5, 0)
    assert asked == [("start", MAX_COLUMNS, MAX_ROWS), ("resize", 120, 40), ("resize", 1, 1)]
