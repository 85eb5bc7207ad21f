"""The move form: every kind of motion, those in order now (the engine's list) first. A main
motion starts from the item's drafted text; an amendment from the text it amends, with the
change shown word by word as it is typed. A point of order is sent with its own verb."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Label, Static, TextArea

from meeting.domain.engine import says_what_it_does
from meeting.domain.language import Command
from meeting.domain.motions import KIND_OF_WORD, MOTION_WORDS
from meeting.domain.procedure import NAMING_A_MOTION, draft_still_to_move, motions_in_order, motions_to_name, target_of
from meeting.i18n import N_, _
from meeting.tui.fields import Choice, Done, FoldedText, Picker, motion_choices
from meeting.tui.form import CommandForm, FieldProblem, field_words
from meeting.tui.panels import amendment_text
from meeting.vocabulary import MOTION_NAMES

POINT = "point-of-order"  # the kind picker's word for a point of order (the `point` verb)
# Motions whose text says nothing the kind does not: the field is hidden for them.
_NO_TEXT = frozenset(
    {
        "lay_on_table",
        "take_from_table",
        "previous_question",
        "appeal",
        "adjourn",
        "division_of_assembly",
        "reconsider",  # it names the motion reconsidered, and has no words of its own
    }
)

# The motion field's name for take from the table and close debate (for reconsider: the
# form's "Motion reconsidered").
_TARGET_WORDS = {
    "take_from_table": N_("Motion taken from the table"),
    "previous_question": N_("Close debate down to motion"),
    "rescind": N_("Decision of this meeting rescinded"),
}


class MotionForm(CommandForm):
    CSS_PATH = ["form.tcss", "motion.tcss"]  # a subclass's CSS_PATH replaces its base's

    def __init__(self, point: bool = False, kind: str | None = None) -> None:
        """`kind`: the word of the kind to start on (the palette's "amendment")."""
        super().__init__("move", title=_("Move a motion"))
        self.start_kind = POINT if point else kind
        self.amended = ""

    def compose(self) -> ComposeResult:
        state = self.app.session.state
        in_order = motions_in_order(state)
        words = [w for w in MOTION_WORDS if w != "main"]
        ordered = ["main", *words, POINT]
        kinds = sorted(ordered, key=lambda w: (_kind(w) not in in_order, ordered.index(w)))
        self.kind_choices = [
            Choice(
                w,
                _(MOTION_NAMES[_kind(w)]) + ("" if _kind(w) in in_order else "  · " + _("not in order now")),
                f"{w} {_(MOTION_NAMES[_kind(w)])}",
            )
            for w in kinds
        ]
        default = self.start_kind or next((w for w in ("main", "amend") if _kind(w) in in_order), kinds[0])
        self.values = {"kind": default, **self._texts(default)}
        yield from super().compose()

    def extra(self) -> ComposeResult:
        yield Static(id="amending")

    def field(self, arg: Any) -> Any:
        if arg.name == "kind":
            return Picker(self.kind_choices, value=self.values["kind"], id="field-kind")
        return super().field(arg)

    def prepare(self) -> None:
        self._follow_kind(self.values["kind"])

    def restore(self, draft: dict[str, str]) -> None:
        if "kind" in draft:  # the kind first: it decides the fields shown and the text's start
            self.query_one("#field-kind", Picker).pick(draft["kind"])
            self._follow_kind(draft["kind"])
        super().restore(draft)

    def first_field(self) -> Widget:
        state = self.app.session.state
        if state.stack or state.tabled or self.start_kind:
            return self.query_one("#field-kind", Picker)  # what comes now is rarely a main motion
        return super().first_field()

    def _texts(self, word: str) -> dict[str, str]:
        """The text a kind starts from: the item's draft for a main motion; for an amendment,
        the text of the motion it amends."""
        state = self.app.session.state
        if word == "main":
            item = state.current_item
            draft = item.item.motion if item is not None else None
            # Not once moved and carried (or tabled...): the same question moved twice by a prefill.
            return {"text": draft.text} if item and draft and draft_still_to_move(state, item.item.id) else {}
        if word == "amend" and state.pending is not None:
            return {"text": state.pending.text}
        return {}

    def _follow_kind(self, word: str | None) -> None:
        word = word or "main"
        texts = self._texts(word)
        self.amended = texts.get("text", "") if word == "amend" else ""
        area = self.query_one("#field-text", FoldedText)
        if not area.text or area.text == self.values.get("text", ""):
            area.load_text(texts.get("text", ""))
            self.values["text"] = texts.get("text", "")
        hidden = _kind(word) in _NO_TEXT
        area.display = not hidden
        self.query_one("#label-text").display = not hidden
        # "Text (optional)" only where it is: a postponement without its text was refused.
        needed = word != POINT and says_what_it_does(_kind(word)) and not (word == "main" and texts)
        label = field_words("move", "text") + ("" if needed else " " + _("(optional)"))
        self.query_one("#label-text", Label).update(label)
        # Reconsider and take from the table name the motion they act on (one decided this
        # sitting, one on the table, by number); a point of order may name the pending motion it
        # says is out of order.
        point = word == POINT
        named = point or _kind(word) in NAMING_A_MOTION
        self.query_one("#field-target").display = self.query_one("#label-target").display = named
        state = self.app.session.state
        numbers = list(reversed(state.stack)) if point else motions_to_name(state, _kind(word))
        target = self.query_one("#field-target", Picker)
        target.offer(motion_choices(state, numbers))
        if not point and len(numbers) == 1 and numbers[0] == target_of(state, _kind(word)):
            target.pick(str(numbers[0]))  # the only one, which an empty field would name anyway
        if point:
            target_words = field_words("point", "against")
        elif _kind(word) in _TARGET_WORDS:
            target_words = _(_TARGET_WORDS[_kind(word)])
        else:
            target_words = field_words("move", "target")
        self.query_one("#label-target", Label).update(target_words + " " + _("(optional)"))
        # A point of order is raised by a member, and nobody seconds it.
        self.query_one("#field-seconder").display = self.query_one("#label-seconder").display = not point
        self.query_one("#label-mover", Label).update(_("Raised by") if point else field_words("move", "mover"))
        self._show_diff()

    @on(Done)
    def _kind_chosen(self, message: Done) -> None:
        if message.field is self.query_one("#field-kind"):
            self._follow_kind(self.query_one("#field-kind", Picker).value)
            message.prevent_default()  # the form's own move to the next field would skip the text
            target = self.query_one("#field-target", Picker)
            fields = (
                ("#field-target", target.display and target.value is None),
                ("#field-text", self.query_one("#field-text").display),
            )
            self.query_one(next((f for f, empty in fields if empty), "#field-mover")).focus()

    @on(TextArea.Changed)
    def _show_diff(self) -> None:
        amending = self.query_one("#amending", Static)
        amending.display = bool(self.amended)  # empty, it would still take a line and its margin
        if not self.amended:
            return
        text = Text(_("Amending:") + " ", style="bold")
        text.append_text(amendment_text(self.amended, self.query_one("#field-text", FoldedText).value))
        amending.update(text)

    def command(self) -> Command | FieldProblem:
        command = super().command()
        if isinstance(command, FieldProblem):
            return command
        args = dict(command.args)
        word = args.pop("kind", "main")
        if word == POINT:
            point = {
                "member": args["mover"],
                **{k: args[f] for k, f in (("text", "text"), ("against", "target")) if f in args},
            }
            return Command("point", point)
        if _kind(word) in _NO_TEXT:
            args.pop("text", None)
        if _kind(word) not in NAMING_A_MOTION:
            args.pop("target", None)
        if word != "main":
            args["kind"] = word
        return Command("move", args)


def _kind(word: str) -> Any:
    return "point_of_order" if word == POINT else KIND_OF_WORD[word]
