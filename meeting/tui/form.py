"""A form for any verb of the command language, built from its entry in `GRAMMAR`: one field
per argument, in the verb's order (members and items picked by any part of their name, texts
in wrapping areas, numbers and dates in boxes). The line it sends is printed by
`format_command`, the parser's inverse; a refusal stays in the form, whole, at its field."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from meeting.domain.attendance import proxy_givers, proxy_holder_refusals, proxy_holders
from meeting.domain.elections.conduct import election_for, ranked_candidates
from meeting.domain.engine import acting_refusal
from meeting.domain.language import VERBS, Arg, Command, Ref, args_of, format_command, parse
from meeting.domain.motions import KIND_OF_WORD
from meeting.domain.procedure import (
    motions_open_to_postal_ballot,
    motions_to_publish,
    motions_to_reconsider,
    motions_to_withdraw,
)
from meeting.domain.state import State
from meeting.i18n import N_, _
from meeting.messages import render, render_named
from meeting.tui.fields import (
    Box,
    Choice,
    Done,
    FoldedText,
    Picker,
    election_choices,
    item_choices,
    member_choices,
    motion_choices,
    nominees,
)
from meeting.tui.messages import CommandAnswered, RunCommand
from meeting.tui.textual_words import TranslatedFooter
from meeting.vocabulary import ACTING_REFUSED, CHOICES, MOTION_NAMES, PROXY_REFUSED, RULINGS, in_quotes, words
from meeting.words import labelled

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp

DraftKey = tuple[str, str | None, int | None]  # the verb, the item open, the motion pending

# What each argument is called on a form.
FIELD_WORDS: dict[str, str] = {
    "members": N_("Members"),
    "member": N_("Member"),
    "principal": N_("Whose vote (proxy of)"),
    "holder": N_("Carried by"),
    "voters": N_("Voting"),
    "mover": N_("Moved by"),
    "seconder": N_("Seconded by"),
    "owner": N_("Who"),
    "item": N_("Agenda item"),
    "after": N_("After item"),
    "text": N_("Text"),
    "reason": N_("Reason"),
    "title": N_("Title"),
    "what": N_("What"),
    "minutes": N_("Minutes"),
    "yes": N_("Yes"),
    "no": N_("No"),
    "abstain": N_("Abstain"),
    "blank": N_("Blank"),
    "kind": N_("Kind of motion"),
    "motion": N_("Motion"),
    "target": N_("Motion reconsidered"),
    "against": N_("Motion said to be out of order"),
    "ruling": N_("Ruling"),
    "choice": N_("Chair's vote"),
    "due": N_("Due (YYYY-MM-DD)"),
    "date": N_("Date (YYYY-MM-DD)"),
    "candidate": N_("Candidate"),
    "by": N_("Nominated by"),
    "election": N_("Election"),
    "ranking": N_("Candidates in order of preference"),
    "times": N_("Identical papers"),
    "file": N_("Ballot file (BLT)"),
    "ballots": N_("Ballot papers with a vote"),
    "invalid": N_("Invalid"),
    "votes": N_("Votes"),
    "outcome": N_("Outcome"),
    "corrections": N_("Corrections"),
    "why": N_("Why"),
    "time": N_("Time"),
}
# Where one verb's argument means something else than the same name elsewhere.
VERB_FIELD_WORDS: dict[tuple[str, str], str] = {
    ("correct", "by"): N_("Requested by"),
}


def field_words(verb: str, arg: str) -> str:
    """What an argument of a verb is called on its form, in the language spoken."""
    return _(VERB_FIELD_WORDS.get((verb, arg)) or FIELD_WORDS[arg])


def unmatched_words(picker: Picker) -> str | None:
    """What letters typed in a picker and not taken say: a name listed is taken with Enter; a
    name that may not be chosen, why not (a proxy to another region); else that nothing
    matches. None when no such letters are there."""
    if not picker.unmatched:
        return None
    typed = in_quotes(picker.unmatched.strip())
    refused = picker.refused_shown
    if picker.choosable:
        return _("{typed} is not chosen yet: Enter takes the name highlighted, ↓ goes down the list").format(
            typed=typed
        )
    if refused is not None:
        return _("{choice} may not be chosen: {why}").format(choice=refused.label, why=refused.refused)
    return _("nothing that may be chosen matches {typed}").format(typed=typed)


def choice_label(word: str) -> str:
    kind = KIND_OF_WORD.get(word)
    table = MOTION_NAMES if kind else RULINGS if word in RULINGS else CHOICES
    return words(table, kind or word) if (kind or word) in table else word


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A field left empty or not understood: said in words, and the form goes to the field."""

    field: str  # the argument's name
    words: str


# The decisions a verb may name, offered by number, kind, words and fate.
_MOTIONS_FOR: dict[tuple[str, str], Callable[[State], list[int]]] = {
    ("publish", "motion"): motions_to_publish,
    ("postal-ballot", "motion"): motions_open_to_postal_ballot,
    ("move", "target"): motions_to_reconsider,
    ("withdraw", "motion"): motions_to_withdraw,
}

# The members who act in the assembly (engine.acting_refusal): those who may not are greyed.
_ACTING = frozenset(
    {
        ("move", "mover"),
        ("move", "seconder"),
        ("second", "member"),
        ("point", "member"),
        ("objection", "member"),
        ("block", "member"),
        ("aside", "member"),
        ("division", "member"),
        ("nominate", "by"),
        ("nominate", "seconder"),
        ("second-nomination", "member"),
        ("chair", "member"),
    }
)

# The verbs that act on a nomination already made: their candidate picker lists the nominees.
_ON_A_NOMINATION = frozenset({"second-nomination", "accept", "decline", "withdraw-candidacy"})


class _Fields(VerticalScroll, can_focus=False):
    """A form's fields, scrolled as the focus moves through them: never a Tab stop of its own,
    where the digits typed next were lost (found by a chair's run)."""


class CommandForm(ModalScreen[None]):
    CSS_PATH = ["form.tcss"]  # a list: the forms built on this one add their own
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel")),
        Binding("ctrl+s", "submit", N_("Send"), priority=True),
        Binding("ctrl+r", "restore_draft", N_("Put back"), show=False),
    ]

    app: MeetingApp
    side_by_side = False  # fields in a row (counts), rather than one under another

    def __init__(self, verb: str, values: dict[str, str] | None = None, title: str | None = None) -> None:
        super().__init__()
        self.verb = VERBS[verb]
        self.values = values or {}
        self.given = dict(self.values)  # what it was opened on (a member's proxy): not a draft's
        self.heading = title
        self.args = args_of(self.verb.parts)
        self.line = ""

    def compose(self) -> ComposeResult:
        with _Fields(classes="dialog form"):
            # A heading may hold an office's name from the agenda: a Text, never read as markup.
            # What the verb does, in the chair's words: not its English command word ("block · …"
            # on a Spanish screen), nor the help's `backticks`.
            yield Label(Text(self.heading or _(self.verb.summary).replace("`", "")), classes="title")
            yield from self.extra()
            if self.side_by_side:
                with Horizontal(classes="side-by-side"):
                    for arg, optional in self.args:
                        with Vertical(classes="beside", id=f"beside-{arg.name}"):
                            yield from self._labelled(arg, optional)
            else:
                for arg, optional in self.args:
                    yield from self._labelled(arg, optional)
            yield Static(classes="error")
            yield Label(_("Enter: next field, and sends after the last · ctrl+s: send · Esc: cancel"), classes="hint")
        yield TranslatedFooter()  # the form's keys, not those of the screen beneath

    def _labelled(self, arg: Arg, optional: bool) -> ComposeResult:
        words = field_words(self.verb.name, arg.name)
        yield Label(words + (" " + _("(optional)") if optional else ""), classes="field-label", id=f"label-{arg.name}")
        yield self.field(arg)

    def extra(self) -> ComposeResult:
        """What a particular form shows above its fields."""
        yield from ()

    def field(self, arg: Arg) -> Widget:
        state = self.app.session.state
        value = self.values.get(arg.name)
        ident = f"field-{arg.name}"
        if arg.kind in ("member", "members"):
            # Those nominated, or on the ranked ballot, alone where there are some: a chair at a
            # general assembly does not page through its delegates for a candidate.
            return Picker(self.member_field_choices(arg), multiple=arg.kind == "members", value=value, id=ident)
        if arg.kind == "item":
            return Picker(item_choices(state), value=value, id=ident)
        if arg.kind == "election":
            # The one the engine would take: a paper goes to the open ballot, not the first election.
            default = election_for(state, self.verb.name)
            return Picker(election_choices(state), value=value or (default.id if default else None), id=ident)
        if arg.kind == "choice":
            return Picker(
                [Choice(c, choice_label(c), f"{c} {choice_label(c)}") for c in arg.choices], value=value, id=ident
            )
        if arg.kind == "text":
            return FoldedText(value or "", id=ident)
        motions = _MOTIONS_FOR.get((self.verb.name, arg.name))
        if motions is not None:
            numbers = motions(state)
            sole = str(numbers[0]) if len(numbers) == 1 else None
            return Picker(motion_choices(state, numbers), value=value or sole, id=ident)
        hint = "" if arg.default is None else str(arg.default)
        return Box(value or "", number=arg.kind in ("int", "motion"), hint=hint, id=ident)

    def member_field_choices(self, arg: Arg) -> list[Choice]:
        only = self.members_offered(arg)
        state = self.app.session.state
        named = self.value_of("principal") if self.verb.name == "proxy" and arg.name == "holder" else None
        principal = state.meeting.council.member(named) if named else None
        if principal is not None:  # the others listed too, each with why not
            refusals = proxy_holder_refusals(state, principal)
            return [
                replace(c, refused=words(PROXY_REFUSED, refusals[c.value][0])) if c.value in refusals else c
                for c in member_choices(state, only or ())
                if c.value != principal.id and (c.value in refusals or c.value in (only or ()))
            ]
        if (self.verb.name, arg.name) in _ACTING:
            item = None if self.verb.name == "chair" else state.current
            barred = {
                m.id: code
                for m in state.meeting.council.members
                if (code := acting_refusal(state, m, item)) is not None
            }
            return [
                replace(c, refused=words(ACTING_REFUSED, barred[c.value])) if c.value in barred else c
                for c in member_choices(state, only or ())
            ]
        return [c for c in member_choices(state, only or ()) if only is None or c.value in only]

    def members_offered(self, arg: Arg) -> Sequence[str] | None:
        """The members a picker offers, in order, where not every member may be named: those
        who may carry the proxy of the member named above, say."""
        state = self.app.session.state
        verb = self.verb.name
        if verb in _ON_A_NOMINATION and arg.name == "candidate":
            return nominees(state)
        if verb == "paper":
            return ranked_candidates(state) or None
        if verb == "proxy" and arg.name == "principal":
            return proxy_givers(state)
        if verb == "proxy" and arg.name == "holder":
            principal = self.value_of("principal")
            return proxy_holders(state, state.meeting.council.member(principal) if principal else None)
        if verb == "revoke":
            return list(state.proxies)
        return None

    def on_mount(self) -> None:
        # Textual calls on_mount of every class in the MRO: forms that differ override
        # `prepare` and `first_field`, never on_mount.
        for picker in self.query(Picker):
            if picker.id == "field-election" and len(picker.choices) <= 1:
                # The item's one election: nothing to choose.
                picker.display = self.query_one("#label-election").display = False
        self.prepare()
        # What was typed before Esc is offered, not put back: a chair who cancelled a motion
        # and later opened the form for another moved the first one by typing a seconder.
        kept = self.app.drafts.pop(self.draft_key(), {})
        self.kept = {name: value for name, value in kept.items() if name not in self.given}
        if self.kept:
            self.note(_("ctrl+r puts back what you typed before Esc."))
        self.opened_with = self.draft()
        self.first_field().focus()

    def action_restore_draft(self) -> None:
        if not self.kept:
            return
        self.restore(self.kept)
        self.kept = {}
        self.note(_("What you typed before Esc is back; Esc again clears it."))
        self.opened_with = self.draft()  # Esc on a draft put back and left as it was clears it
        self.first_field().focus()

    def prepare(self) -> None:
        """What a particular form sets up once its fields exist."""

    def first_field(self) -> Widget:
        """The first empty field, where the chair starts."""
        empty = [w for w in self.fields() if not self.filled(w)]
        return (empty or self.fields() or [self])[0]

    def fields(self) -> list[Widget]:
        """The fields shown, in order (a form may hide those that do not apply)."""
        return [w for arg, _optional in self.args if (w := self.query_one(f"#field-{arg.name}")).display]

    @staticmethod
    def filled(widget: Widget) -> bool:
        if isinstance(widget, Picker):
            return bool(widget.values)
        return bool(widget.value if isinstance(widget, FoldedText | Input) else False)

    def value_of(self, arg: str) -> str | None:
        """What a picker holds now; before the fields exist, what the form was opened with."""
        pickers = self.query(f"#field-{arg}").results(Picker)
        return next((picker.value for picker in pickers), self.values.get(arg))

    @on(Done)
    def _next(self, message: Done) -> None:
        for arg, _optional in self.args:  # a choice may change who the fields below offer
            if (
                arg.kind in ("member", "members")
                and (picker := self.query_one(f"#field-{arg.name}")) is not message.field
            ):
                cast(Picker, picker).offer(self.member_field_choices(arg))
        fields = self.fields()
        field = message.field
        needed = next((arg for arg, optional in self.args if not optional and field.id == f"field-{arg.name}"), None)
        if needed is not None and not self.filled(field):
            # Stays, and says so: Enter on an empty mover had put the seconder's name in its place.
            words = field_words(self.verb.name, needed.name)
            said = unmatched_words(field) if isinstance(field, Picker) else None
            self.show_error(labelled(words, said) if said else _("{field} is needed").format(field=words))
            return
        self.query_one(".error", Static).display = False  # what it said is answered or moved past
        index = fields.index(field) if field in fields else len(fields) - 1
        if index + 1 < len(fields):
            fields[index + 1].focus()
        else:
            self.action_submit()

    def command(self) -> Command | FieldProblem:
        """The command the fields say, or what is missing or malformed."""
        args: dict[str, Any] = {}
        for arg, optional in self.args:
            widget = self.query_one(f"#field-{arg.name}")
            words = field_words(self.verb.name, arg.name)
            if isinstance(widget, Picker):
                widget.take_exact()
                said = unmatched_words(widget)
                if said is not None:
                    return FieldProblem(arg.name, labelled(words, said))
                raw: Any = widget.values
                if raw and arg.kind == "members":
                    args[arg.name] = tuple(Ref(v) for v in raw)
                elif raw and arg.kind in ("int", "motion"):
                    args[arg.name] = int(raw[0])  # a motion picked by its number
                elif raw:
                    args[arg.name] = Ref(raw[0]) if arg.kind in ("member", "item", "election") else raw[0]
            else:
                text = widget.value.strip() if isinstance(widget, FoldedText | Input) else ""
                if text and arg.kind in ("int", "motion"):
                    text = text.removeprefix("#") if arg.kind == "motion" else text
                    if not text.isdigit():
                        return FieldProblem(arg.name, labelled(words, render("command.expected-number", {})))
                    args[arg.name] = int(text)
                elif text and arg.kind == "date":
                    try:
                        args[arg.name] = date.fromisoformat(text)
                    except ValueError:
                        return FieldProblem(arg.name, labelled(words, render("command.bad-date", {"value": text})))
                elif text:
                    args[arg.name] = text
            if arg.name not in args and not optional:
                return FieldProblem(arg.name, _("{field} is needed").format(field=words))
        return Command(self.verb.name, args)

    def action_submit(self) -> None:
        command = self.command()
        if isinstance(command, FieldProblem):
            self.show_error(command.words)
            self.query_one(f"#field-{command.field}").focus()
            return
        self.line = format_command(command)
        self.post_message(RunCommand(self.line, origin=self, closes=True))

    def on_command_answered(self, message: CommandAnswered) -> None:
        refused = message.refused
        if refused is None:
            return
        self.show_error(render_named(refused.code, refused.params, self.app.session.state))
        parsed = parse(message.line)
        if hasattr(parsed, "cols"):
            named = [name for name, col in parsed.cols.items() if col == refused.col]  # type: ignore[union-attr]
            if named:
                self.query_one(f"#field-{named[0]}").focus()

    @on(Input.Changed)
    @on(TextArea.Changed)
    def _edited(self, event: Input.Changed | TextArea.Changed) -> None:
        # A refusal or a note is about what the fields held: it goes once the chair changes them
        # (a count refused stayed on screen under other counts), not when a draft is put back.
        if event.control is not None and event.control.has_focus:
            self.query_one(".error", Static).display = False

    def note(self, words: str) -> None:
        note = self.query_one(".error", Static)
        note.update(Text(words, style="italic"))
        note.display = True

    def show_error(self, words: str) -> None:
        error = self.query_one(".error", Static)
        error.update(Text("✗ " + words, style="bold red"))
        error.display = True
        error.scroll_visible()  # at 80×24 it can lie below the fields, out of sight

    def action_cancel(self) -> None:
        # What was typed is kept for the next time this form opens on the same item: Esc pressed
        # for a moment's look at the main screen does not cost the chair a motion's words.
        draft = self.draft()
        if draft != self.opened_with:
            self.app.drafts[self.draft_key()] = draft
        elif self.kept:  # offered and left alone: still on offer next time
            self.app.drafts[self.draft_key()] = self.kept
        self.dismiss()

    def draft_key(self) -> DraftKey:
        """A draft is for the same verb on the same item and question: a vote's counts never
        come back for another motion."""
        state = self.app.session.state
        return self.verb.name, state.current, state.pending.number if state.pending else None

    def draft(self) -> dict[str, str]:
        """What the fields hold: a picker's choice (or the letters typed in it, not yet taken), a
        box's or a text area's words."""
        held: dict[str, str] = {}
        for arg, _optional in self.args:
            widget = self.query_one(f"#field-{arg.name}")
            if isinstance(widget, Picker) and not widget.multiple and (widget.value or widget.unmatched):
                held[arg.name] = widget.value or widget.unmatched
            elif isinstance(widget, FoldedText):
                held[arg.name] = widget.text
            elif isinstance(widget, Input):
                held[arg.name] = widget.value
        return held

    def restore(self, draft: dict[str, str]) -> None:
        """A draft kept at Esc back in the fields."""
        for name, value in draft.items():
            widget = self.query_one(f"#field-{name}")
            if isinstance(widget, Picker):
                widget.put_back(value)
            elif isinstance(widget, FoldedText):
                widget.load_text(value)
            elif isinstance(widget, Input):
                widget.value = value
