"""The fields forms are made of: a picker (members, items, choices) searched by any part of
what it shows, a text area whose line breaks fold to spaces (a command is one line), and a
number or date box. Each says when the chair is done with it, so the form moves on."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from meeting.domain.elections.conduct import on_item
from meeting.domain.state import State
from meeting.domain.text import plain_letters
from meeting.i18n import _
from meeting.vocabulary import (
    MOTION_NAMES,
    MOTION_STATUS,
    attendance_words,
    country_search,
    in_quotes,
    item_title,
    office_words,
    quoted,
    words,
)
from meeting.words import labelled

SHOWN = 6  # choices listed under a picker at once


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str
    search: str  # what the typed letters are looked for in (with the label), accents and case aside
    refused: str | None = None  # why it may not be chosen: listed, greyed, never taken by Enter


def member_choices(state: State, first: Sequence[str] = ()) -> list[Choice]:
    """Every member, those in `first` first (in its order), then those here; each found by any
    part of the id, name or country."""
    council = state.meeting.council
    here = {"present": 0, "remote": 0}
    ahead = {member: n for n, member in enumerate(dict.fromkeys(first))}
    members = sorted(council.members, key=lambda m: (ahead.get(m.id, len(ahead)), here.get(state.status(m.id), 1)))
    return [
        Choice(
            m.id,
            f"{m.name} ({m.id}) · {attendance_words(state.status(m.id), m.id, state)}",
            f"{m.id} {m.name} {country_search(m)}",
        )
        for m in members
    ]


def nominees(state: State) -> list[str]:
    """The candidates nominated in the open item's elections, in the order nominated."""
    return [n.candidate for election in on_item(state, state.current) for n in election.nominations]


def election_choices(state: State) -> list[Choice]:
    """The elections of the open item, those not over first."""
    here = sorted(on_item(state, state.current), key=lambda e: e.complete)
    return [
        Choice(e.id, f"{office_words(e.election)} ({e.id})", f"{e.id} {e.election.office} {office_words(e.election)}")
        for e in here
    ]


def motion_choices(state: State, numbers: Sequence[int]) -> list[Choice]:
    """Motions by number, each with its kind, its words and what became of it: the chair picks
    "#4 main motion: “That the council …” — carried" rather than remembering a number."""
    choices = []
    for number in numbers:
        motion = state.motions[number]
        label = f"#{number} {words(MOTION_NAMES, motion.kind)}"
        label = labelled(label, quoted(motion.text) if motion.text else None)
        label += " — " + words(MOTION_STATUS, motion.status)
        choices.append(Choice(str(number), label, f"{number} #{number} {motion.text or ''}"))
    return choices


def item_choices(state: State) -> list[Choice]:
    return [
        Choice(item_id, f"{n}. {item_title(state, item_id)}", f"{n} {item_id} {item_title(state, item_id)}")
        for n, item_id in enumerate(state.order, start=1)
    ]


class Done(Message):
    """The chair is done with a field: the form moves to the next one."""

    def __init__(self, field: Vertical | TextArea | Input) -> None:
        super().__init__()
        self.field = field


class _SearchBox(Input):
    BINDINGS = [
        Binding("down", "choice(1)", show=False),
        Binding("up", "choice(-1)", show=False),
        Binding("backspace", "take_back", show=False),
    ]

    def action_choice(self, step: int) -> None:
        if isinstance(self.parent, Picker):
            self.parent.move(step)

    def action_take_back(self) -> None:
        """Backspace deletes a letter; in an empty box of a list, it takes back the last name."""
        if self.value or not isinstance(self.parent, Picker) or not self.parent.take_back():
            self.action_delete_left()


class _Choices(OptionList, can_focus=False):
    """The choices under a picker's box, never focused: Tab landed on them, and letters typed
    there were lost; up and down in the box move through them."""


class Picker(Vertical, can_focus=False):
    """Letters typed narrow the choices; Enter takes the highlighted one (up and down move).
    With `multiple`, each Enter adds one (the chosen leave the list: no name twice), Backspace
    in an empty box takes the last one back, and Enter on an empty box is done."""

    DEFAULT_CSS = """
    Picker { height: auto; }
    Picker > OptionList { height: auto; max-height: 6; display: none; border: none; padding: 0; }
    Picker.choosing > OptionList { display: block; }
    Picker > .chosen { height: auto; color: $text-accent; }
    Picker > .how { display: none; color: $text-muted; }
    Picker.choosing > .how { display: block; }
    """

    def __init__(
        self, choices: list[Choice], multiple: bool = False, value: str | None = None, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.multiple = multiple
        self.values: list[str] = [value] if value else []
        self.moved = False  # the chair went up or down the list since the box last changed
        self._index(choices)

    def _index(self, choices: list[Choice]) -> None:
        self.choices = choices
        self._keys = [plain_letters(f"{c.search} {c.label}") for c in choices]
        # Where a word that begins with the letters puts a choice first: its id, name and country,
        # not the words around them in the label ("in person" put everyone present before "pe-1").
        self._names = [plain_letters(c.search) for c in choices]

    def pick(self, value: str) -> None:
        """One of its choices chosen, as Enter on it would."""
        if not self.multiple and any(c.value == value for c in self.choices):
            self.values = [value]
            self.query_one(_SearchBox).value = self._label(value)

    def put_back(self, held: str) -> None:
        """What a draft held: a choice, or letters typed and not yet taken (in the box again)."""
        if any(c.value == held for c in self.choices):
            self.pick(held)
        elif not self.multiple:
            self.query_one(_SearchBox).value = held

    def offer(self, choices: list[Choice]) -> None:
        """Other choices than those it was built with; what was chosen stays if still offered."""
        if [c.value for c in choices] == [c.value for c in self.choices]:
            return
        self._index(choices)
        kept = [value for value in self.values if any(c.value == value for c in choices)]
        if self.multiple:
            self._choose(kept)
        else:
            self.values = kept
            self.query_one(_SearchBox).value = self._label(kept[0]) if kept else ""
            self._narrow("")

    def compose(self) -> ComposeResult:
        if self.multiple:
            yield Static(classes="chosen")
            yield Label(
                _("Enter adds the name highlighted · Backspace in the empty box takes back the last"), classes="how"
            )
        label = self._label(self.values[0]) if self.values and not self.multiple else ""
        yield _SearchBox(value=label, compact=True, select_on_focus=True)
        yield _Choices(markup=False)  # names and titles are the files' own, never markup

    def on_mount(self) -> None:
        self._narrow("")
        self._show_chosen()

    # Not `:focus-within` in the CSS: Textual restyles on a focus change only below an ancestor
    # that has such a rule itself, so a second picker's list stayed hidden and the first's shown.
    @on(events.DescendantFocus)
    @on(events.DescendantBlur)
    def _show_choices(self) -> None:
        self.set_class(self.has_focus_within, "choosing")

    def focus(self, scroll_visible: bool = True) -> Picker:
        # Its words selected, also when the box had the focus already (a refusal sends the chair
        # back to it): what is typed replaces them, not lands in the middle of a name.
        box = self.query_one(_SearchBox)
        box.focus(scroll_visible)
        box.select_all()
        return self

    @property
    def value(self) -> str | None:
        return self.values[0] if self.values else None

    def exact(self, typed: str) -> str | None:
        """The one choice that may be taken whose id (value) or whole name is what was typed,
        accents and case aside: "gh-006" typed and ctrl+s is that member, not a refusal."""
        wanted = plain_letters(typed.strip())
        found = [
            c.value
            for c in self.choices
            if wanted and c.refused is None and wanted in (plain_letters(c.value), plain_letters(_name(c.label)))
        ]
        return found[0] if len(set(found)) == 1 else None

    def take_exact(self) -> None:
        """Letters in the box that are exactly a choice's id or name: taken, as Enter on it."""
        typed = self.query_one(_SearchBox).value
        value = self.exact(typed) if self.unmatched else None
        if value is None or value in self.values:
            return
        if self.multiple:
            self._choose([*self.values, value])
        else:
            self.pick(value)

    @property
    def unmatched(self) -> str:
        """Letters in the box that choose nothing (not the chosen one's label): said, never
        dropped, and never sent as an earlier choice the box no longer shows."""
        typed = self.query_one(_SearchBox).value
        return "" if not typed or (not self.multiple and self.value and typed == self._label(self.value)) else typed

    @property
    def refused_shown(self) -> Choice | None:
        """The first choice listed under the letters typed that may not be taken, if any."""
        listed = {
            str(self.query_one(_Choices).get_option_at_index(n).id)
            for n in range(self.query_one(_Choices).option_count)
        }
        return next((c for c in self.choices if c.refused is not None and c.value in listed), None)

    @property
    def choosable(self) -> bool:
        """Whether the letters in the box match a choice that may be taken, not yet taken."""
        options = self.query_one(_Choices)
        return any(not options.get_option_at_index(n).disabled for n in range(options.option_count))

    def move(self, step: int) -> None:
        options = self.query_one(OptionList)
        (options.action_cursor_down if step > 0 else options.action_cursor_up)()
        self.moved = True

    def _narrow(self, typed: str) -> None:
        self.moved = False
        wanted = plain_letters(typed)
        chosen = set(self.values) if self.multiple else set()
        matches = [
            (c, name)
            for c, key, name in zip(self.choices, self._keys, self._names, strict=True)
            if wanted in key and c.value not in chosen and (wanted or c.refused is None)
        ]  # those who may not be chosen only when their letters are typed, with why not
        if wanted:  # names with a word that begins so first: "ama" is Ama Serwaa before Kamanda
            begins = re.compile(rf"(?:^|[\s(-]){re.escape(wanted)}")
            matches.sort(key=lambda match: begins.search(match[1]) is None)
        found = [c for c, _key in matches]
        options = self.query_one(OptionList)
        options.set_options(_option(c) for c in found)
        if wanted and not found:
            said = _("nothing matches {typed}").format(typed=in_quotes(typed.strip()))
            options.add_option(Option(Text(said, style="italic"), disabled=True))
        elif not self.choices:  # nothing to choose from yet: no decision to publish, say
            options.add_option(Option(Text(_("(none yet)"), style="italic"), disabled=True))
        # Enter takes the highlighted choice, so one is highlighted only once letters are typed
        # (or the chair goes down the list): Enter on an untouched box leaves the field as it is.
        # Only a name with a word that begins so: "Ama", with Ama Serwaa not allowed, highlighted
        # Foday Kamanda-Lewis and Enter gave him the proxy; letters inside a word need a ↓.
        if wanted:
            begun = (n for n, (c, name) in enumerate(matches) if c.refused is None and begins.search(name))
            options.highlighted = next(begun, None)

    def take_back(self) -> bool:
        """Take the last of several chosen back into the list; False if there is none."""
        if not self.multiple or not self.values:
            return False
        self._choose(self.values[:-1])
        return True

    def _choose(self, values: list[str]) -> None:
        """Several chosen: shown above an empty box, the list narrowed to the others."""
        self.values = values
        self.query_one(_SearchBox).value = ""
        self._narrow("")
        self._show_chosen()

    def _label(self, value: str) -> str:
        return next((c.label for c in self.choices if c.value == value), value)

    def _show_chosen(self) -> None:
        if self.multiple:
            labels = [c.label.split(" · ")[0] for v in self.values for c in self.choices if c.value == v]
            self.query_one(".chosen", Static).update(Text(", ".join(labels) or _("(none yet)"), style="bold"))

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        if not self.multiple and self.value is not None and event.value != self._label(self.value):
            self.values = []  # the letters changed: the field holds what the box shows, or nothing
        self._narrow(event.value)

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        box = self.query_one(_SearchBox)
        options = self.query_one(OptionList)
        # An empty box leaves the field empty, unless the chair went down the list to a choice.
        highlighted = options.highlighted_option if box.value or self.moved else None
        if not self.multiple and self.value is not None and box.value == self._label(self.value):
            self.post_message(Done(self))  # kept as it was
            return
        if self.multiple:
            if highlighted is not None:
                self._choose([*self.values, str(highlighted.id)])
                return
            if not box.value:
                self.post_message(Done(self))
            return
        if highlighted is not None:
            chosen = str(highlighted.id)
            self.values = [chosen]
            box.value = self._label(chosen)
        elif box.value:
            return  # letters that match nothing: the list says so, and the chair mends them
        self.post_message(Done(self))

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.multiple:
            self._choose([*self.values, str(event.option.id)])
        else:
            self.query_one(_SearchBox).value = str(event.option.prompt)
            self.values = [str(event.option.id)]
            self.post_message(Done(self))


def _name(label: str) -> str:
    """A choice's name in its label: "Ama Serwaa (gh-1) · in person" is "Ama Serwaa"."""
    return label.split(" · ")[0].rsplit(" (", 1)[0]


def _option(choice: Choice) -> Option:
    if choice.refused is None:
        return Option(choice.label, id=choice.value)
    said = _("{choice} — {why}").format(choice=choice.label, why=choice.refused)
    return Option(Text(said, style="dim"), id=choice.value, disabled=True)


class FoldedText(TextArea):
    """A text that wraps as it is typed; a line break (pasted) folds to a space, and Enter
    moves on: a command is one line."""

    BINDINGS = [
        Binding("enter", "done", show=False, priority=True),
        Binding("ctrl+a", "select_all", show=False),
    ]

    def __init__(self, text: str = "", id: str | None = None) -> None:
        super().__init__(text, soft_wrap=True, compact=True, id=id, tab_behavior="focus")

    @property
    def value(self) -> str:
        return " ".join(line.strip() for line in self.text.splitlines() if line.strip())

    def action_done(self) -> None:
        self.post_message(Done(self))


class Box(Input):
    """A number or a date; a number's hint is what leaving it empty means, if anything."""

    def __init__(self, value: str = "", number: bool = True, hint: str = "", id: str | None = None) -> None:
        # A date takes whatever is typed ("15/01/2027" lost its slashes, then was quoted back as
        # "15012027"): the form says when it is not a date, and in what form one is written.
        super().__init__(
            value,
            placeholder=hint if number else _("YYYY-MM-DD"),
            type="integer" if number else "text",
            compact=True,
            id=id,
        )

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(Done(self))
