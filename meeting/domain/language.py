"""The chair's command language: one command per line, the same in the console, in replay
scripts and in tests.

A command is a verb and its arguments, e.g. `present gh-1 zm-1`, `proxy br-1 to pe-1`,
`move "That the agenda be adopted." by ke-1 seconded gh-1`, `vote 14 5 2`. Every verb's
shape is one entry of `GRAMMAR`; the parser, the help, the completion and
docs/commands.md all read that table. Parsing knows nothing of the roster: members and items
stay as written (with their column) and the engine resolves them.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Literal

from meeting.domain.motions import MOTION_WORDS
from meeting.domain.text import code_point, first_forbidden

ArgKind = Literal["member", "members", "item", "text", "int", "choice", "time", "date", "motion", "election", "tally"]


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of a verb: its kind, its name in the parsed command, and for keywords
    and choices the words it accepts."""

    kind: ArgKind
    name: str
    choices: tuple[str, ...] = ()
    default: int | None = None  # what a number left out means: the engine's value and the form's hint


@dataclass(frozen=True, slots=True)
class Keyword:
    word: str


@dataclass(frozen=True, slots=True)
class Optional:
    """An optional group; it is present when its first element matches."""

    parts: tuple[Arg | Keyword, ...]


Part = Arg | Keyword | Optional


def _member(name: str) -> Arg:
    return Arg("member", name)


def _members(name: str = "members") -> Arg:
    return Arg("members", name)


def _text(name: str = "text") -> Arg:
    return Arg("text", name)


def _int(name: str, default: int | None = None) -> Arg:
    return Arg("int", name, default=default)


def _item(name: str = "item") -> Arg:
    return Arg("item", name)


def _choice(name: str, *choices: str) -> Arg:
    return Arg("choice", name, choices)


def _election(name: str = "election") -> Arg:
    return Arg("election", name)


def _opt(*parts: Arg | Keyword) -> Optional:
    return Optional(parts)


def _kw(word: str) -> Keyword:
    return Keyword(word)


@dataclass(frozen=True, slots=True)
class Verb:
    name: str
    parts: tuple[Part, ...]
    group: str
    summary: str  # English; shown through _() by the edges
    example: str
    keywords: frozenset[str]  # its words that end a list of members


def _verb(name: str, group: str, summary: str, example: str, *parts: Part) -> Verb:
    return Verb(name, parts, group, summary, example, _keywords(parts))


def _keywords(parts: tuple[Part, ...]) -> frozenset[str]:
    words: set[str] = set()
    for part in parts:
        if isinstance(part, Keyword):
            words.add(part.word)
        elif isinstance(part, Optional):
            words |= _keywords(part.parts)
    return frozenset(words)


CHOICES = ("yes", "no", "abstain")

GRAMMAR: tuple[Verb, ...] = (
    # ── the sitting ─────────────────────────────────────────────────────────────
    _verb("begin", "sitting", "Call the meeting to order.", "begin"),
    _verb(
        "recess", "sitting", "Suspend the meeting for a break (minutes optional).", "recess 10", _opt(_int("minutes"))
    ),
    _verb("resume", "sitting", "Resume the meeting after a recess.", "resume"),
    _verb("adjourn", "sitting", "Close the meeting.", "adjourn"),
    _verb(
        "sitting",
        "sitting",
        "Open a new sitting of the meeting (a later session): attendance is taken afresh.",
        "sitting",
    ),
    _verb(
        "chair",
        "sitting",
        "Hand the chair to another member (the vice-chair, a chair pro tem), or back.",
        "chair zw-1",
        _member("member"),
    ),
    _verb(
        "secretary",
        "sitting",
        "Name an acting minute-taker while the secretary is away.",
        "secretary obs-1",
        _member("member"),
    ),
    _verb(
        "waive-balance",
        "sitting",
        "Record the chair's waiver of the gender-balance rule, with the reason.",
        'waive-balance "Two women members are travelling; agreed by all present"',
        _text("reason"),
    ),
    _verb(
        "at",
        "sitting",
        "Set the clock of a replay script: local time of the meeting, on its day or a given date.",
        "at 12:07",
        _opt(Arg("date", "date")),
        Arg("time", "time"),
    ),
    # ── attendance ──────────────────────────────────────────────────────────────
    _verb("present", "attendance", "Members present in person.", "present gh-1 zm-1", _members()),
    _verb("remote", "attendance", "Members present remotely.", "remote pg-1", _members()),
    _verb("apologies", "attendance", "Members who sent apologies.", "apologies sl-1", _members()),
    _verb("absent", "attendance", "Members absent (without apologies).", "absent mg-1", _members()),
    _verb("leave", "attendance", "Members who leave the meeting.", "leave co-1", _members()),
    _verb("drop", "attendance", "Remote members whose connection dropped.", "drop pg-1", _members()),
    _verb("back", "attendance", "Members back as they were before leaving or dropping.", "back pg-1", _members()),
    _verb(
        "proxy",
        "attendance",
        "Lodge a written proxy: the first member's vote is carried by the second.",
        "proxy br-1 to pe-1",
        _member("principal"),
        _kw("to"),
        _member("holder"),
    ),
    _verb("revoke", "attendance", "Revoke the proxy a member gave.", "revoke br-1", _member("principal")),
    _verb(
        "restore",
        "attendance",
        "The meeting restores, for itself, the vote of a member not in good standing.",
        "restore hn-1",
        _member("member"),
    ),
    # ── the agenda ──────────────────────────────────────────────────────────────
    _verb("open", "agenda", "Open an agenda item, by number or id.", "open 3", _item()),
    _verb("next", "agenda", "Open the next item.", "next"),
    _verb("previous", "agenda", "Open the previous item.", "previous"),
    _verb("done", "agenda", "Mark the current item done.", "done"),
    _verb(
        "defer",
        "agenda",
        "Defer an item (the current one if none is named) to a later meeting.",
        "defer 8",
        _opt(_item()),
    ),
    _verb(
        "add",
        "agenda",
        "Add an item (any other business), after the current one unless placed.",
        'add "Mining permits in South Kivu" minutes 10 after aob',
        _text("title"),
        _opt(_kw("minutes"), _int("minutes", default=5)),
        _opt(_kw("after"), _item("after")),
    ),
    _verb(
        "reorder",
        "agenda",
        "Move an item to just after another.",
        "reorder 9 after 5",
        _item(),
        _kw("after"),
        _item("after"),
    ),
    _verb("drop-item", "agenda", "Take an item off the agenda.", "drop-item 8", _item()),
    # ── motions ─────────────────────────────────────────────────────────────────
    _verb(
        "move",
        "motions",
        "Move a motion: a main motion (the item's draft if no text is given), or `to KIND`.",
        'move "That the agenda be adopted." by ke-1 seconded gh-1',
        _opt(_kw("to"), _choice("kind", *MOTION_WORDS)),
        _opt(Arg("motion", "target")),
        _opt(_text()),
        _kw("by"),
        _member("mover"),
        _opt(_kw("seconded"), _member("seconder")),
    ),
    _verb("second", "motions", "Second the pending motion.", "second gh-1", _member("member")),
    _verb(
        "withdraw",
        "motions",
        "The mover withdraws a pending motion: the immediately pending one, or `#N`, with what adheres to it.",
        "withdraw",
        _opt(Arg("motion", "motion")),
    ),
    _verb(
        "point",
        "motions",
        "A point of order raised by a member; `against #N`: the pending motion it says is out of order.",
        'point cd-2 "The amendment is not germane" against #3',
        _member("member"),
        _opt(_text()),
        _opt(_kw("against"), Arg("motion", "against")),
    ),
    _verb(
        "rule",
        "motions",
        "The chair's ruling on the point of order, with the reason for the minutes.",
        'rule well-taken "The amendment brings in a new subject"',
        _choice("ruling", "well-taken", "not-well-taken"),
        _opt(_text("reason")),
    ),
    # ── decisions ───────────────────────────────────────────────────────────────
    _verb(
        "vote",
        "decisions",
        "Counted vote, or secret-ballot totals: yes, no, abstain (and blank ballots).",
        "vote 14 5 2",
        _int("yes"),
        _int("no"),
        _opt(_int("abstain", default=0)),
        _opt(_kw("blank"), _int("blank", default=0)),
    ),
    _verb("agreed", "decisions", "Adopted without objection (unanimous consent).", "agreed"),
    _verb(
        "objection",
        "decisions",
        "A member objects to unanimous consent (unnamed on a secret-ballot item).",
        "objection cm-1",
        _opt(_member("member")),
    ),
    _verb(
        "cast", "decisions", "The chair's casting or deciding vote.", "cast yes", _choice("choice", "yes", "no", "none")
    ),
    _verb("draw", "decisions", "Draw lots to break a tie.", "draw"),
    _verb("consensus", "decisions", "Call for consensus on the pending motion.", "consensus"),
    _verb(
        "block",
        "decisions",
        "A member blocks consensus (a principled objection).",
        'block bo-1 "Regions should choose freely"',
        _member("member"),
        _opt(_text("reason")),
    ),
    _verb(
        "aside", "decisions", "A member stands aside: disagrees but does not block.", "aside mg-1", _member("member")
    ),
    _verb(
        "conclude",
        "decisions",
        "Conclude the call for consensus (`not-reached`: no agreement, though nobody blocked).",
        "conclude",
        _opt(_choice("outcome", "not-reached")),
    ),
    _verb("roll-call", "decisions", "Open a roll-call vote on the pending motion.", "roll-call"),
    _verb("ballot", "decisions", "Open a secret ballot on the pending motion.", "ballot"),
    _verb(
        "yes",
        "decisions",
        "Roll call: these members vote yes (`for` a principal by proxy).",
        "yes gh-1 zm-1",
        _members("voters"),
        _opt(_kw("for"), _member("principal")),
    ),
    _verb(
        "no",
        "decisions",
        "Roll call: these members vote no.",
        "no bo-1",
        _members("voters"),
        _opt(_kw("for"), _member("principal")),
    ),
    _verb(
        "abstain",
        "decisions",
        "Roll call: these members abstain.",
        "abstain mg-1",
        _members("voters"),
        _opt(_kw("for"), _member("principal")),
    ),
    _verb("close", "decisions", "Close the roll call and declare the result.", "close"),
    _verb(
        "division",
        "decisions",
        "A member demands a roll call on the result just declared (show of hands or consent).",
        "division bo-1",
        _member("member"),
    ),
    _verb(
        "postal-ballot",
        "decisions",
        "Members ask for a postal ballot on a decision taken short of its class's own quorum.",
        "postal-ballot 4 by ke-1 ug-1",
        _int("motion"),
        _kw("by"),
        _members(),
    ),
    # ── interests and speakers ─────────────────────────────────────────────────
    _verb(
        "declare",
        "interests",
        "A member declares an interest (on the current item unless named).",
        'declare cd-2 "Board member of a cooperative named in the report" on 7',
        _member("member"),
        _text(),
        _opt(_kw("on"), _item()),
    ),
    _verb(
        "recuse",
        "interests",
        "The chair's ruling: the member does not vote on the item (still counts for quorum).",
        'recuse cd-2 "Board member of a cooperative in the dialogue" on rapporteur',
        _member("member"),
        _opt(_text("reason")),
        _opt(_kw("on"), _item()),
    ),
    _verb(
        "clear",
        "interests",
        "The chair's ruling: the member's declared interest does not bar them from the item.",
        'clear zm-1 "An interest shared with every association of the region" on article-7',
        _member("member"),
        _opt(_text("reason")),
        _opt(_kw("on"), _item()),
    ),
    _verb("queue", "speakers", "Add members to the speakers' queue.", "queue ke-1 bo-1", _members()),
    _verb("unqueue", "speakers", "Remove a member from the speakers' queue.", "unqueue bo-1", _member("member")),
    _verb("floor", "speakers", "Give the floor to the next speaker, or to a member.", "floor", _opt(_member("member"))),
    _verb("yield", "speakers", "End the speech of whoever has the floor: their clock stops.", "yield"),
    # ── the record ──────────────────────────────────────────────────────────────
    _verb(
        "note",
        "record",
        "A note for the minutes.",
        'note "The working group will circulate version 4 by 15 January."',
        _text(),
    ),
    _verb(
        "action",
        "record",
        "An action item: what, who, by when.",
        'action "Circulate the draft constitution in Swahili" owner tz-1 due 2027-01-15',
        _text("what"),
        _kw("owner"),
        _member("owner"),
        _opt(_kw("due"), Arg("date", "due")),
    ),
    _verb("undo", "record", "Undo the last action (the journal keeps both).", "undo"),
    _verb(
        "correct",
        "record",
        "After adjournment: a correction to the record, at a member's request, with the reason.",
        'correct "Arrived at 12:03, not 12:05." by bo-1 "The member was in the waiting room"',
        _text("what"),
        _kw("by"),
        _member("by"),
        _text("why"),
    ),
    _verb(
        "approve-minutes",
        "record",
        "The earlier minutes the open item names stand approved, with the corrections agreed if any.",
        'approve-minutes corrected "Item 10: the motion was moved jointly by the members from South Kivu."',
        _opt(_kw("corrected"), _text("corrections")),
    ),
    _verb(
        "publish",
        "record",
        "Make a decision of a closed session public: the public minutes then show it.",
        "publish 4",
        _int("motion"),
    ),
    # ── elections ───────────────────────────────────────────────────────────────
    _verb(
        "nominate",
        "elections",
        "Nominate a candidate from the floor (for the election named, else the item's).",
        "nominate zm-1 by ke-1 seconded gh-2",
        _member("candidate"),
        _opt(_kw("for"), _election()),
        _kw("by"),
        _member("by"),
        _opt(_kw("seconded"), _member("seconder")),
    ),
    _verb(
        "second-nomination",
        "elections",
        "Second a nomination, where the election asks for a seconder.",
        "second-nomination pe-1 by bo-1",
        _member("candidate"),
        _kw("by"),
        _member("member"),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "accept",
        "elections",
        "The nominee accepts the nomination.",
        "accept zm-1",
        _member("candidate"),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "decline",
        "elections",
        "The nominee declines the nomination, and does not stand.",
        "decline cm-1",
        _member("candidate"),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "withdraw-candidacy",
        "elections",
        "A candidate withdraws before the next ballot.",
        "withdraw-candidacy ph-1",
        _member("candidate"),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "close-nominations",
        "elections",
        "Close nominations: the candidates standing go on the ballot.",
        "close-nominations",
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "reopen-nominations",
        "elections",
        "Reopen nominations between ballots while a seat is unfilled: others may be nominated.",
        "reopen-nominations",
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "round",
        "elections",
        "Open a ballot round (the first, or the next when seats are left).",
        "round",
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "tellers",
        "elections",
        "The tellers' report: votes per candidate, ballot papers with a vote, blank and invalid ballots.",
        "tellers zm-1 8 pe-1 6 ph-1 4 blank 1",
        _opt(Arg("tally", "votes")),
        _opt(_kw("ballots"), _int("ballots")),
        _opt(_kw("blank"), _int("blank", default=0)),
        _opt(_kw("invalid"), _int("invalid", default=0)),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "paper",
        "elections",
        "Ranked ballot papers: the candidates in order of preference (`times` N identical papers).",
        "paper zm-1 pe-1 ph-1 times 3",
        _members("ranking"),
        _opt(_kw("times"), _int("times", default=1)),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "papers",
        "elections",
        "Ranked ballot papers read from a BLT file.",
        'papers "council-seats.blt"',
        _text("file"),
        _opt(_kw("for"), _election()),
    ),
    _verb(
        "result",
        "elections",
        "Count the round by the election's method and declare the result.",
        "result",
        _opt(_kw("for"), _election()),
    ),
)

VERBS: dict[str, Verb] = {verb.name: verb for verb in GRAMMAR}


def args_of(parts: tuple[Part, ...], optional: bool = False) -> list[tuple[Arg, bool]]:
    """A verb's arguments in order, each with whether it may be left out."""
    found: list[tuple[Arg, bool]] = []
    for part in parts:
        if isinstance(part, Optional):
            found += args_of(part.parts, True)
        elif isinstance(part, Arg):
            found.append((part, optional))
    return found


NUMBER_DEFAULTS: dict[tuple[str, str], int] = {
    (verb.name, arg.name): arg.default
    for verb in GRAMMAR
    for arg, _optional in args_of(verb.parts)
    if arg.default is not None
}


@dataclass(frozen=True, slots=True)
class Ref:
    """A member or item as written, and where: the engine resolves it against the roster."""

    text: str
    col: int = field(default=1, compare=False)  # where it was written, not what it says


@dataclass(frozen=True)
class Command:
    verb: str
    args: dict[str, Any] = field(default_factory=dict)
    # Where each argument and the verb were written: not part of what the command says, so a
    # command printed and parsed again is equal to itself.
    cols: dict[str, int] = field(default_factory=dict, compare=False)  # argument name -> column
    col: int = field(default=1, compare=False)  # where the verb starts

    def number(self, name: str) -> int:
        """A number as given, else what leaving it out means (`paper ... times` is 1): only for
        the numbers the grammar gives a default."""
        given: int = self.args[name] if name in self.args else NUMBER_DEFAULTS[self.verb, name]
        return given


@dataclass(frozen=True, slots=True)
class ParseError:
    code: str
    col: int
    params: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    col: int
    quoted: bool


# A motion runs to a few hundred words; a text ten times longer is a paste gone wrong, and every
# event must fit on one journal line.
MAX_TEXT = 10_000
# No count in a meeting needs more digits (and Python refuses to read a 4,301-digit int).
MAX_DIGITS = 9

_MOTION_NUMBER = re.compile(r"#[0-9]{1,9}")
_TIME = re.compile(r"(\d{1,2}):(\d{2})(?::(\d{2}))?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# What a token must look like to be taken for an optional number, time or date.
_LOOKS: dict[str, Callable[[str], bool]] = {
    "int": lambda text: text.isascii() and text.isdigit(),
    "motion": lambda text: bool(_MOTION_NUMBER.fullmatch(text)),
    "time": lambda text: ":" in text,
    "date": lambda text: bool(re.fullmatch(r"\d{4}-.*", text)),
}
_QUOTES = {'"': '"', "“": "”", "«": "»"}
# The tokenizer's steps as patterns, a line being scanned once rather than a character at a time
# (`\s` is `str.isspace`): spaces; what a word goes on with (no space, opening quote or `#`); a
# quoted text up to its closing quote, a backslash taking the next character as it is.
_SPACE = re.compile(r"\s*")
_WORD_GOES_ON = re.compile(r"[^\s#" + "".join(_QUOTES) + "]*")
_QUOTED = {
    opening: re.compile(r"([^\\{0}]*(?:\\.[^\\{0}]*)*){0}".format(re.escape(closing)), re.DOTALL)
    for opening, closing in _QUOTES.items()
}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def _tokens(line: str) -> list[_Token] | ParseError:
    """Words and quoted strings; `#` outside quotes starts a comment, unless a digit follows it
    (`#10`, a motion's number). A control character or a
    bidi override anywhere in the line refuses it (see `meeting.domain.text`)."""
    bad = first_forbidden(line)
    if bad is not None:
        return ParseError("text.control-character", bad + 1, {"char": code_point(line[bad])})
    tokens: list[_Token] = []
    i, end = 0, len(line)
    while (i := _SPACE.match(line, i).end()) < end:  # type: ignore[union-attr]  # `\s*` always matches
        char = line[i]
        if char == "#" and not line[i + 1 : i + 2].isdigit():
            break
        quoted = _QUOTED.get(char)
        if quoted is not None:
            found = quoted.match(line, i + 1)
            if found is None:
                return ParseError("command.unclosed-quote", i + 1)
            text = found.group(1)
            tokens.append(_Token(_ESCAPED.sub(r"\1", text) if "\\" in text else text, i + 1, True))
            i = found.end()
        else:  # a first `#` here begins a motion number: `#10`
            stop = _WORD_GOES_ON.match(line, i + 1).end()  # type: ignore[union-attr]
            tokens.append(_Token(line[i:stop], i + 1, False))
            i = stop
    return tokens


_EXPECTED: dict[ArgKind, str] = {
    "member": "command.expected-member",
    "members": "command.expected-members",
    "item": "command.expected-item",
    "text": "command.expected-text",
    "int": "command.expected-number",
    "motion": "command.expected-motion",
    "time": "command.expected-time",
    "date": "command.expected-date",
    "election": "command.expected-election",
    "tally": "command.expected-tally",
}


def _expected(part: Arg | Keyword, col: int) -> ParseError:
    if isinstance(part, Keyword):
        return ParseError("command.expected-keyword", col, {"word": part.word})
    if part.kind == "choice":
        return ParseError("command.expected-choice", col, {"choices": list(part.choices)})
    return ParseError(_EXPECTED[part.kind], col)


class _Parser:
    def __init__(self, tokens: list[_Token], end_col: int, keywords: frozenset[str]) -> None:
        self.tokens = tokens
        self.index = 0
        self.end_col = end_col
        self.keywords = keywords  # words that end a list of members
        self.args: dict[str, Any] = {}
        self.cols: dict[str, int] = {}

    def peek(self) -> _Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None

    def col(self) -> int:
        token = self.peek()
        return token.col if token else self.end_col

    def matches(self, part: Arg | Keyword) -> bool:
        """Whether the next token can start `part` (decides optional groups)."""
        token = self.peek()
        if token is None:
            return False
        if isinstance(part, Keyword):
            return not token.quoted and token.text.lower() == part.word
        if part.kind == "text":
            return token.quoted
        if part.kind in ("int", "time", "date", "motion"):
            return not token.quoted and _LOOKS[part.kind](token.text)
        if part.kind == "choice":
            return not token.quoted and token.text.lower() in part.choices
        return not self._is_keyword(token)

    def _is_keyword(self, token: _Token) -> bool:
        return not token.quoted and token.text.lower() in self.keywords

    def take(self, part: Arg | Keyword) -> ParseError | None:
        token = self.peek()
        if token is None or not self.matches(part):
            return _expected(part, self.col())
        self.index += 1
        if isinstance(part, Keyword):
            return None
        if part.kind == "text" and not token.text.strip():
            return ParseError("command.empty-text", token.col)
        if part.kind == "text" and len(token.text) > MAX_TEXT:
            return ParseError("command.text-too-long", token.col, {"length": len(token.text), "limit": MAX_TEXT})
        if part.kind == "int" and len(token.text) > MAX_DIGITS:
            return ParseError("command.number-too-large", token.col, {"value": token.text[:MAX_DIGITS] + "…"})
        self.cols[part.name] = token.col
        value: Any
        if part.kind in ("member", "item", "election"):
            value = Ref(token.text, token.col)
        elif part.kind == "tally":
            return self._tally(part, token)
        elif part.kind == "members":
            refs = [Ref(token.text, token.col)]
            while (nxt := self.peek()) is not None and not self._is_keyword(nxt):
                refs.append(Ref(nxt.text, nxt.col))
                self.index += 1
            value = tuple(refs)
        elif part.kind == "motion":
            value = int(token.text[1:])
        elif part.kind == "int":
            value = int(token.text)
        elif part.kind == "time":
            match = _TIME.fullmatch(token.text)
            if not match or int(match[1]) > 23 or int(match[2]) > 59 or int(match[3] or 0) > 59:
                return ParseError("command.bad-time", token.col, {"value": token.text})
            value = time(int(match[1]), int(match[2]), int(match[3] or 0))
        elif part.kind == "date":
            try:
                value = date.fromisoformat(token.text) if _DATE.fullmatch(token.text) else None
            except ValueError:
                value = None
            if value is None:
                return ParseError("command.bad-date", token.col, {"value": token.text})
        elif part.kind == "choice":
            value = token.text.lower()
        else:
            value = token.text
        self.args[part.name] = value
        return None

    def _tally(self, part: Arg, first: _Token) -> ParseError | None:
        """Pairs of a candidate and a number, up to the next keyword: `zm-1 9 gh-2 9`."""
        pairs: list[tuple[Ref, int]] = []
        token: _Token | None = first
        while token is not None and not self._is_keyword(token):
            number = self.peek()
            if number is None or number.quoted or not _LOOKS["int"](number.text):
                return ParseError("command.expected-number", self.col())
            if len(number.text) > MAX_DIGITS:
                return ParseError("command.number-too-large", number.col, {"value": number.text[:MAX_DIGITS] + "…"})
            self.index += 1
            pairs.append((Ref(token.text, token.col), int(number.text)))
            token = self.peek()
            if token is not None and not self._is_keyword(token):
                self.index += 1
        self.cols[part.name] = first.col
        self.args[part.name] = tuple(pairs)
        return None

    def parse(self, parts: tuple[Part, ...]) -> ParseError | None:
        index = 0
        while index < len(parts):
            part = parts[index]
            if _led_by_keyword(part):
                # A run of options each led by its keyword is taken in any order, each once:
                # `tellers ... invalid 1 blank 0` as well as `blank 0 invalid 1`.
                end = index
                while end < len(parts) and _led_by_keyword(parts[end]):
                    end += 1
                run = [p for p in parts[index:end] if isinstance(p, Optional)]
                while (found := next((o for o in run if self.matches(o.parts[0])), None)) is not None:
                    run.remove(found)
                    if (problem := self.parse(found.parts)) is not None:
                        return problem
                index = end
                continue
            if isinstance(part, Optional):
                if self.matches(part.parts[0]) and (problem := self.parse(part.parts)) is not None:
                    return problem
            elif (problem := self.take(part)) is not None:
                return problem
            index += 1
        return None


def _led_by_keyword(part: Part) -> bool:
    return isinstance(part, Optional) and isinstance(part.parts[0], Keyword)


def parse(line: str) -> Command | ParseError | None:
    """A command, the reason it is not one (with its column), or None for a blank line."""
    tokens = _tokens(line)
    if isinstance(tokens, ParseError):
        return tokens
    if not tokens:
        return None
    head, rest = tokens[0], tokens[1:]
    verb = VERBS.get(head.text.lower()) if not head.quoted else None
    if verb is None:
        close = difflib.get_close_matches(head.text.lower(), VERBS, n=1, cutoff=0.6)
        params = {"verb": head.text, "suggestion": close[0] if close else ""}
        return ParseError("command.unknown-suggest" if close else "command.unknown", head.col, params)
    parser = _Parser(rest, len(line.rstrip()) + 1, verb.keywords)
    if (problem := parser.parse(verb.parts)) is not None:
        return problem
    if (extra := parser.peek()) is not None:
        return ParseError("command.unexpected", extra.col, {"token": extra.text})
    return Command(verb.name, parser.args, parser.cols, head.col)


def usage(verb: Verb) -> str:
    """`move [to KIND] ["TEXT"] by MEMBER [seconded MEMBER]`: the verb's shape in words."""

    def shape(part: Part) -> str:
        if isinstance(part, Optional):
            return "[" + " ".join(shape(p) for p in part.parts) + "]"
        if isinstance(part, Keyword):
            return part.word
        if part.kind == "choice":
            return part.name.upper() if len(part.choices) > 4 else "|".join(part.choices)
        if part.kind == "text":
            return f'"{part.name.upper()}"'
        if part.kind == "members":
            return "MEMBER..."
        if part.kind == "tally":
            return "CANDIDATE VOTES..."
        shapes = {"int": part.name.upper(), "time": "HH:MM[:SS]", "date": "YYYY-MM-DD", "motion": "#MOTION"}
        return shapes.get(part.kind, part.kind.upper())

    return " ".join([verb.name, *(shape(p) for p in verb.parts)])


def format_command(command: Command) -> str:
    """The command as one line of the language: the exact inverse of `parse`, so
    `parse(format_command(c)) == c`. Texts are always quoted, with `\\` and `"` escaped;
    members and items are written bare when they read as one word, quoted otherwise."""
    verb = VERBS[command.verb]
    keywords = verb.keywords
    words = [verb.name]

    def emit(parts: tuple[Part, ...]) -> None:
        for part in parts:
            if isinstance(part, Optional):
                named = next(p.name for p in part.parts if isinstance(p, Arg))
                if named in command.args:
                    emit(part.parts)
            elif isinstance(part, Keyword):
                words.append(part.word)
            else:
                words.extend(_printed(part, command.args[part.name], keywords))

    emit(verb.parts)
    return " ".join(words)


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _word(text: str, keywords: frozenset[str]) -> str:
    """A member or item: bare when the tokenizer reads it back as the same single word that is
    not one of the verb's keywords."""
    bare = (
        text != ""
        and text.lower() not in keywords
        and not any(char.isspace() or char in _QUOTES or char == "#" for char in text)
    )
    return text if bare else _quoted(text)


def _printed(arg: Arg, value: Any, keywords: frozenset[str]) -> list[str]:
    if arg.kind == "members":
        return [_word(ref.text, keywords) for ref in value]
    if arg.kind in ("member", "item", "election"):
        return [_word(value.text, keywords)]
    if arg.kind == "tally":
        return [word for ref, votes in value for word in (_word(ref.text, keywords), str(votes))]
    if arg.kind == "text":
        return [_quoted(value)]
    if arg.kind == "time":
        return [value.isoformat(timespec="seconds" if value.second else "minutes")]
    if arg.kind == "date":
        return [value.isoformat()]
    if arg.kind == "motion":
        return [f"#{value}"]
    return [str(value)]  # a number or a choice
