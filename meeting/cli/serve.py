"""`meeting serve PATH`: the members' view in browsers, behind a link with an access token."""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

from meeting.cli.options import given, speak
from meeting.cli.output import print_diagnostics
from meeting.diagnostics import error
from meeting.i18n import LANGUAGES, _
from meeting.minutes.files import journal_path


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "serve",
        parents=[common],
        help=_("serve the members' view to browsers, read-only"),
        description=_(
            "Serve 'meeting view --follow PATH' to web browsers: each member who opens the link "
            "sees the meeting live, read-only. The link carries a random access token; without "
            "it nothing is served. Binds to this computer only (127.0.0.1) unless --host says "
            "otherwise; see the README to share it on a network or through a tunnel."
        ),
    )
    parser.add_argument("path", metavar="PATH", help=_("a journal.jsonl, or the minutes folder holding it"))
    parser.add_argument("--host", default="127.0.0.1", type=given, help=_("address to listen on (default: 127.0.0.1)"))
    parser.add_argument("--port", type=int, default=8000, help=_("port to listen on (default: 8000)"))
    parser.add_argument("--projector", action="store_true", help=_("large type and high contrast in every browser"))
    parser.set_defaults(run=run)


def _languages(path: Path) -> tuple[tuple[str, ...] | None, str | None, str | None]:
    """The council's working languages, then those of its members this program speaks (a
    Brazilian member reads Portuguese where the council works in four others); the meeting's
    own; and its title, for the browser's tab; when the journal can already be read."""
    from meeting.view.follow import Follower

    follower = Follower(path)
    follower.poll()
    if follower.state is None:
        return None, None, None
    council, agenda = follower.state.meeting.council, follower.state.meeting.agenda
    spoken = (code for member in council.members for code in member.languages if code in LANGUAGES)
    return tuple(dict.fromkeys([*council.languages, *spoken])), agenda.language, agenda.title


def run(args: argparse.Namespace) -> int:
    from meeting.view.serve import DEFAULT_LANGUAGES, ViewServer  # aiohttp only when serving

    path = journal_path(Path(args.path))
    if not 0 < args.port < 65536:
        print_diagnostics([error(str(path), "serve.cannot-listen", host=args.host, port=args.port, reason="EINVAL")])
        return 2
    working, own, title = _languages(path)
    speak(args, own)
    languages = working or DEFAULT_LANGUAGES
    server = ViewServer(
        path,
        host=args.host,
        port=args.port,
        projector=args.projector,
        lang=args.lang,
        languages=languages,
        title=title or "meeting",
    )

    def listening() -> None:  # only once bound: until then no link leads anywhere
        print(_("Serving the members' view of {path} (read-only). Share this link:").format(path=path.resolve()))
        for code, link in server.links():
            print(f"  {link}" if not code else "  " + _("in {lang}: {link}").format(lang=code, link=link))
        print(_("Anyone with the link can watch. Press Ctrl+C to stop."), flush=True)

    try:
        server.serve(listening=listening)
    except OSError as exc:
        reason = errno.errorcode.get(exc.errno or 0, str(exc))
        print_diagnostics([error(str(path), "serve.cannot-listen", host=args.host, port=args.port, reason=reason)])
        return 1
    return 0
