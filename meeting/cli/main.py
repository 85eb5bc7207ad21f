"""`meeting`: the entry point. Each subcommand lives in its own module and registers here."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from meeting import __version__
from meeting.cli.argparse_words import speak_argparse
from meeting.i18n import LANGUAGES, _, choose, language, supported
from meeting.lasting import built_to_last

# In the order `meeting --help` lists them; each is the module meeting.cli.<name>.
COMMANDS = ("check", "schema", "replay", "run", "minutes", "verify", "tally", "correct", "view", "serve")


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The command line; with `only`, the parser of that command alone (the one given: usage
    and errors read the same), so that no other command's module is imported. The modules (and
    through most of them the domain, pydantic and its models) are imported here, so that `main`
    builds them with the garbage collector waiting; `meeting run` imports neither before the
    console's first frame."""
    from importlib import import_module

    parser = argparse.ArgumentParser(
        prog="meeting",
        description=_("Run council meetings: agendas, quorum, motions, votes, journal and minutes."),
    )
    parser.add_argument(
        "--version", action="version", version=f"meeting {__version__}", help=_("show the program's version and exit")
    )
    # Before the command or after it: `meeting --lang fr run ...` as `meeting run --lang fr ...`.
    # None when not given: the meeting's own language, else the environment's (i18n.choose); the
    # command's own is left unset when not given, or it would undo the one before the command.
    _lang_option(parser, default=None)
    common = argparse.ArgumentParser(add_help=False)
    _lang_option(common, default=argparse.SUPPRESS)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in (only,) if only in COMMANDS else COMMANDS:
        import_module(f"meeting.cli.{name}").register(commands, common)
    return parser


def _lang_option(parser: argparse.ArgumentParser, default: object) -> None:
    parser.add_argument(
        "--lang",
        metavar="CODE",
        type=language_code,
        default=default,
        help=_("language of messages and output: {codes} (default: the meeting's language)").format(
            codes=", ".join(LANGUAGES)
        ),
    )


def language_code(text: str) -> str:
    """`--lang fr` (or `fr-CA`, `fr_FR`): a language we have words for; any other is a usage
    error rather than output in English under another language's name."""
    found = supported(text)
    if found is None:
        raise argparse.ArgumentTypeError(
            _("no translation into '{code}': use one of {codes}").format(code=text, codes=", ".join(LANGUAGES))
        )
    return found


def printable_streams() -> None:
    """Output never fails on a character the terminal's encoding lacks (a Latin-1 locale,
    PYTHONIOENCODING=ascii): it is written as a backslash escape instead, on stdout as Python
    already does on stderr; a name like Adébáyọ̀ must not stop a command that did its work."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # a test's capture may not have it
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")


def _asked(argv: Sequence[str] | None) -> tuple[str | None, str | None]:
    """The language (`--lang`) and the command, read before the parser is built: so that its
    help is in that language, and only that command's module is imported. Neither for a help
    (which may be the whole program's: `meeting --help run`), after `--`, or for words this
    reading cannot make out (`--lang` with no code): the whole parser then says what it says."""
    early = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    early.add_argument("--lang", default=None)
    early.add_argument("-h", "--help", action="store_true")
    early.add_argument("command", nargs="?")
    words = list(sys.argv[1:] if argv is None else argv)
    try:
        asked = early.parse_known_args(words)[0]
    except argparse.ArgumentError:
        return None, None
    whole = asked.help or "--" in words
    return supported(asked.lang), None if whole else asked.command


def main(argv: Sequence[str] | None = None) -> int:
    printable_streams()
    speak_argparse()
    # Until a command knows its meeting, it speaks --lang, else the environment's language;
    # each command then speaks the meeting's own language unless --lang was given.
    lang, command = _asked(argv)
    with language(choose(lang)):
        with built_to_last():
            args = build_parser(command).parse_args(argv)
        try:
            status: int = args.run(args)
            return status
        except BrokenPipeError:
            # `meeting check ... | head`: the reader left; that is not an error of ours.
            sys.stderr.close()
            return 0


if __name__ == "__main__":
    raise SystemExit(main())
