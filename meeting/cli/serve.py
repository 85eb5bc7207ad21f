"""`meeting serve PATH`: the members' view in browsers, behind a link with an access token."""

from __future__ import annotations

import argparse
import errno
import sys
from pathlib import Path

from meeting.cli.options import given, path_text, speak
from meeting.formats import language_name
from meeting.i18n import LANGUAGES, _
from meeting.loader.read import resolved
from meeting.messages import render
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
    parser.add_argument(
        "path", metavar="PATH", type=path_text, help=_("a journal.jsonl, or the minutes folder holding it")
    )
    parser.add_argument("--host", default="127.0.0.1", type=given, help=_("address to listen on (default: 127.0.0.1)"))
    parser.add_argument("--port", type=port_number, default=8000, help=_("port to listen on (default: 8000)"))
    parser.add_argument("--projector", action="store_true", help=_("large type and high contrast in every browser"))
    parser.set_defaults(run=run)


def port_number(text: str) -> int:
    """`--port 99999`: a usage error of the option, as a word that is not a number is."""
    try:
        number = int(text)
    except ValueError:
        number = -1
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(_("'{port}' is not a port: give a number from 1 to 65535").format(port=text))
    return number


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
        # Until the journal exists, the council's certain languages: its own once the chair starts.
        learn=None if working else lambda: _languages(path),
    )

    def listening() -> None:  # only once bound: until then no link leads anywhere
        print(_("Serving the members' view of {path} (read-only). Share this link:").format(path=resolved(path)))
        for code, link in server.links():
            print(
                f"  {link}" if not code else "  " + _("in {lang}: {link}").format(lang=language_name(code), link=link)
            )
        print(_("Anyone with the link can watch. Press Ctrl+C to stop."), flush=True)

    try:
        server.serve(listening=listening)
    except OSError as exc:
        # The address is at fault, not the journal: said as a usage error is, without its location.
        reason = errno.errorcode.get(exc.errno or 0, str(exc))
        said = render("serve.cannot-listen", {"host": args.host, "port": args.port, "reason": reason})
        print(f"meeting serve: error: {said}", file=sys.stderr)
        return 1
    return 0
