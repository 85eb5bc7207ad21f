"""The tellers' report of the open ballot: a box for each candidate's votes, then the blank and
invalid ballots, checked live against the ballots that could be cast. A ranked round's report
gives only its blank and invalid papers (the papers themselves are entered with `paper`). The
line is printed by `format_command`; no box ever holds a member's choice."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from meeting.domain.elections.conduct import round_open
from meeting.domain.language import VERBS, Arg, Command, Ref, args_of
from meeting.i18n import _
from meeting.messages import render
from meeting.tui.form import CommandForm, FieldProblem
from meeting.vocabulary import ROUND_KINDS, member_name, office_words, words


class TellersForm(CommandForm):
    CSS_PATH = ["form.tcss", "tellers.tcss"]  # a subclass's CSS_PATH replaces its base's

    def __init__(self) -> None:
        super().__init__("tellers")

    def compose(self) -> ComposeResult:
        self._ballot()
        yield from super().compose()

    def _ballot(self) -> None:
        """The open ballot: its candidates become the form's boxes."""
        election = round_open(self.app.session.state)
        ballot = election.open_round if election is not None else None
        self.election = election
        self.candidates = ballot.candidates if ballot is not None and not ballot.ranked else ()
        self.possible = ballot.possible if ballot is not None else 0
        grammar = {arg.name: arg for arg, _optional in args_of(VERBS["tellers"].parts)}
        self.args = [
            # A candidate the tellers leave out has no votes.
            *((Arg("int", f"votes-{n}", default=0), True) for n in range(len(self.candidates))),
            (grammar["blank"], True),
            (grammar["invalid"], True),
        ]
        if election is None or ballot is None:
            self.heading = _("No ballot is open")
        else:
            kind = words(ROUND_KINDS, ballot.kind)
            # Not "({kind})": the count's own name may hold parentheses ("… (Scottish STV)").
            self.heading = _("Tellers' report: {office}, ballot {number} · {kind}").format(
                office=office_words(election.election), number=ballot.number, kind=kind
            )

    def _labelled(self, arg: Arg, optional: bool) -> ComposeResult:
        if arg.name.startswith("votes-"):
            candidate = self.candidates[int(arg.name.removeprefix("votes-"))]
            label = member_name(self.app.session.state, candidate)
        else:
            label = {"blank": _("Blank ballots (not votes cast)"), "invalid": _("Invalid ballots")}[arg.name]
        yield Label(Text(label), classes="field-label", id=f"label-{arg.name}")
        yield self.field(arg)

    def extra(self) -> ComposeResult:
        yield Static(id="tellers-check")

    def prepare(self) -> None:
        self._check()

    def _numbers(self) -> dict[str, int]:
        found = {}
        for arg, _optional in self.args:
            text = self.query_one(f"#field-{arg.name}", Input).value.strip()
            if text.isdigit():
                found[arg.name] = int(text)
        return found

    @on(Input.Changed)
    def _check(self) -> None:
        papers = sum(self._numbers().values())
        check = self.query_one("#tellers-check", Static)
        words_ = _("{papers} ballot papers of {possible} that could be cast").format(
            papers=papers, possible=self.possible
        )
        check.update(Text(words_, style="bold red" if papers > self.possible else "dim"))

    def command(self) -> Command | FieldProblem:
        args: dict[str, Any] = {}
        for arg, _optional in self.args:
            text = self.query_one(f"#field-{arg.name}", Input).value.strip()
            if text and not text.isdigit():
                return FieldProblem(arg.name, render("command.expected-number", {}))
        numbers = self._numbers()
        pairs = tuple((Ref(c), numbers[f"votes-{n}"]) for n, c in enumerate(self.candidates) if f"votes-{n}" in numbers)
        if pairs:
            args["votes"] = pairs
        for name in ("blank", "invalid"):
            if name in numbers:
                args[name] = numbers[name]
        return Command("tellers", args)
