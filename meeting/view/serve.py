"""`meeting serve`: the members' view in browsers, through textual-serve.

Each browser that connects gets its own `meeting view --follow` process (textual-serve's
design); the server only relays a terminal. It cannot run anything else: the command is fixed
here, its paths quoted, and the only choice a viewer makes — the language, from the path — is
checked against a list. Everything, the page, its script and the WebSocket, lives under a
random token in the path; without it the answer is 403 and nothing else.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import re
import secrets
import shlex
import signal
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from meeting.i18n import _, current_language, language
from meeting.loader.read import resolved

log = logging.getLogger("meeting.serve")

# The council's certain working languages, offered when the journal does not exist yet.
DEFAULT_LANGUAGES = ("en", "fr", "es", "sw")
# Each viewer is a process of its own (about 50 MB): past this, say so rather than sink the laptop.
MAX_VIEWERS = 100
# The largest terminal a viewer's page may ask for: a wall screen at a small font is well
# inside it; 20,000 x 20,000 cells made one viewer's process take gigabytes of the laptop.
MAX_COLUMNS, MAX_ROWS = 500, 200


def fitted(width: int, height: int) -> tuple[int, int]:
    """A terminal size a page asked for, kept within one cell and the largest allowed."""
    return max(1, min(width, MAX_COLUMNS)), max(1, min(height, MAX_ROWS))


class ViewService(AppService):
    """One viewer's `meeting view`, whose terminal is never larger than `fitted` allows, at
    the start as at every resize the page sends."""

    async def start(self, width: int, height: int) -> None:
        await super().start(*fitted(width, height))

    async def set_terminal_size(self, width: int, height: int) -> None:
        await super().set_terminal_size(*fitted(width, height))


PROJECTOR_FONT_SIZE = 24  # about 90x26 cells in a 1280x720 window: large type for a beamer
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_TEMPLATES = Path(__file__).parent / "templates"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
# The meeting's working languages, its own language and its title, once its journal can be read.
Learned = tuple[tuple[str, ...] | None, str | None, str | None]


def new_token() -> str:
    """128 random bits, in a form that survives being pasted into a chat."""
    return secrets.token_urlsafe(16)


def view_command(journal: Path, lang: str | None, projector: bool) -> str:
    """The one command a browser's process runs: the view, following, never the console. `-P`:
    the installed program, not a `meeting` folder in whatever folder the chair started from
    (Python would look there first)."""
    journal = resolved(journal)
    # A member's browser sees the journal's own name, never the folders of the chair's machine.
    shown = f"{journal.parent.name}/{journal.name}"
    argv = [sys.executable, "-P", "-m", "meeting", "view", "--follow", str(journal), "--shown", shown, "--served"]
    if lang is not None:
        argv += ["--lang", lang]
    if projector:
        argv.append("--projector")
    return shlex.join(argv)  # textual-serve runs it through a shell


class ViewServer(Server):
    def __init__(
        self,
        journal: Path,
        *,
        host: str = "127.0.0.1",
        port: int = 8000,
        projector: bool = False,
        lang: str | None = None,
        languages: tuple[str, ...] = DEFAULT_LANGUAGES,
        token: str | None = None,
        title: str = "meeting",
        learn: Callable[[], Learned] | None = None,
    ) -> None:
        self.journal = journal
        self.learn = learn
        self.own: str | None = None  # the meeting's language, once learnt
        self.projector = projector
        self.lang = lang
        self.languages = tuple(code for code in languages if _LANGUAGE.fullmatch(code))
        self.token = token or new_token()
        self.viewers = 0
        super().__init__(view_command(journal, lang, projector), host=host, port=port, title=title)
        self.templates_path = _TEMPLATES

    def learned(self) -> None:
        """Started before the chair started the meeting: its languages and title from the moment
        its journal can be read (until then, the council's certain ones and "meeting")."""
        if self.learn is None:
            return
        languages, own, title = self.learn()
        if languages is None:
            return
        self.learn = None
        self.languages = tuple(code for code in languages if _LANGUAGE.fullmatch(code))
        self.own = own
        self.title = title or self.title

    def links(self, base: str | None = None) -> list[tuple[str, str]]:
        """(language, link) for the meeting's own language first, then each other one."""
        # An IPv6 address goes in brackets, its zone's % escaped (RFC 6874): http://[::1]:8000.
        host = f"[{self.host.replace('%', '%25')}]" if ":" in self.host else self.host
        base = base or f"http://{host}:{self.port}"
        query = f"?fontsize={PROJECTOR_FONT_SIZE}" if self.projector else ""
        links = [("", f"{base}/{self.token}/{query}")]
        links += [(code, f"{base}/{self.token}/{code}/{query}") for code in self.languages]
        return links

    def serve(self, debug: bool = False, listening: Callable[[], None] | None = None) -> None:
        """textual-serve's `serve`, telling `listening` once the port is bound: links printed
        before would lead nowhere when the port is taken. aiohttp calls its `print` then."""
        self.debug = debug
        self.initialize_logging()
        loop = asyncio.new_event_loop()
        try:
            loop.add_signal_handler(signal.SIGINT, self.request_exit)
            loop.add_signal_handler(signal.SIGTERM, self.request_exit)
        except NotImplementedError:
            pass
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *_args: listening() if listening is not None else None,
        )

    def initialize_logging(self) -> None:
        # Quiet: the chair's terminal shows the links, then only what goes wrong.
        logging.basicConfig(level=logging.WARNING, format="%(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """The links are printed by `meeting serve` itself, in the chair's language."""

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._only_with_token])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        prefix = f"/{self.token}"
        app.add_routes(
            [
                web.get(f"{prefix}/", self.handle_index),
                web.get(f"{prefix}/ws", self.handle_websocket),
                web.get(prefix + "/{lang}/", self.handle_index),
                web.get(prefix + "/{lang}/ws", self.handle_websocket),
                web.static(f"{prefix}/static", self.statics_path),
            ]
        )
        app.on_startup.append(self.on_startup)
        return app

    @web.middleware
    async def _only_with_token(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.learned()
        first = request.path.split("/", 2)[1] if request.path.count("/") >= 1 else ""
        # Compared in constant time, so the token cannot be guessed a character at a time.
        if not hmac.compare_digest(first.encode(), self.token.encode()):
            # In the language the link asked for: a member whose link is from before a restart
            # of the server is told so in their own.
            asked = request.path.split("/")[2] if request.path.count("/") >= 2 else ""
            with language(asked if asked in self.languages else self.lang or current_language()):
                said = _(
                    "This link is not the chair's current one: the view was started again since, "
                    "or the link was cut short. Ask the chair for the link."
                )
            raise web.HTTPForbidden(text=said + "\n")
        return await handler(request)

    def _language(self, request: web.Request) -> str | None:
        lang = request.match_info.get("lang")
        if lang is not None and lang not in self.languages:
            raise web.HTTPNotFound(text=_("No view in that language.") + "\n")
        return lang or self.lang

    async def handle_index(self, request: web.Request) -> web.Response:
        lang = self._language(request)
        font_size = to_int(request.query.get("fontsize", "16"), 16)
        prefix = f"/{self.token}"
        spoken = lang or self.own or current_language()  # the default link: the language its view speaks
        with language(spoken):  # the page's own words in the link's language, as its view's
            context = {
                "lang": spoken,
                "title": self.title,
                "static_url": f"{prefix}/static/",
                "websocket_path": f"{prefix}/{lang}/ws" if request.match_info.get("lang") else f"{prefix}/ws",
                "font_size": max(8, min(font_size, 64)),
                "lost": _("Connection interrupted: this screen may be out of date. Reconnecting…"),
                "reconnect": _("Reconnect"),
            }
        response = aiohttp_jinja2.render_template("view.html", request, context)
        response.headers["Cache-Control"] = "no-store"  # the page carries the token
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's handler, with the view's command for the language asked for."""
        lang = self._language(request)
        if self.viewers >= MAX_VIEWERS:
            raise web.HTTPServiceUnavailable(text=_("Too many viewers on this laptop.") + "\n")
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:  # a plain GET of the address: no traceback
            raise web.HTTPBadRequest(text=_("This address is the view's connection, for the page's script.") + "\n")
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        service: ViewService | None = None
        self.viewers += 1

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            service = ViewService(
                view_command(self.journal, lang, self.projector),
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=close,
                download_manager=self.download_manager,
                debug=False,
            )
            await service.start(width, height)
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # one viewer's failure must not stop the others
            log.exception(error)
        finally:
            self.viewers -= 1
            if service is not None:
                await service.stop()
        return websocket
