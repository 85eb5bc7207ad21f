"""The console's screens: roll call, counted vote and its result, a motion, undo's
confirmation, resuming a meeting, and help. Each sends commands through the app; none decides
a rule."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Input, Label, Static

from meeting.domain.attendance import entitled_voters, representation
from meeting.domain.engine import Refused
from meeting.domain.events import Outcome
from meeting.domain.language import GRAMMAR, usage
from meeting.i18n import N_, _
from meeting.messages import render
from meeting.tui.panels import quorum_text
from meeting.tui.roster import RosterList, Row, row_text
from meeting.vocabulary import ATTENDANCE, member_name
from meeting.words import decision_words, outcome_words

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


class RollCallScreen(Screen[None]):
    """Members grouped by region; one key per way of attending; `/` filters by name or id."""

    BINDINGS = [
        Binding("p", "mark('present')", _("Present")),
        Binding("r", "mark('remote')", _("Remote")),
        Binding("a", "mark('apologies')", _("Apologies")),
        Binding("x", "mark('absent')", _("Absent")),
        Binding("l", "mark('leave')", _("Left"), show=False),
        Binding("d", "mark('drop')", _("Dropped"), show=False),
        Binding("b", "mark('back')", _("Back"), show=False),
        Binding("k", "proxy", _("Proxy")),
        Binding("slash", "filter", _("Filter")),
        Binding("escape", "done", _("Done")),
    ]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        yield Static(id="roll-quorum")
        yield Input(placeholder=_("/ filter by name, id, country or region"), id="roll-filter", compact=True)
        heading = Row("", (_("Id"), _("Name"), _("Attending"), _("Seat")))
        yield Static(row_text(Row("-", heading.cells)), id="roll-heading")
        yield RosterList(id="roll-list")
        yield Footer()

    def on_mount(self) -> None:
        self._fill("")
        self.query_one(RosterList).focus()
        self.refresh_quorum()

    def _rows(self, wanted: str) -> list[Row]:
        """A heading row per region, then its members: seats first, then alternates; members
        of no region (secretariat, observers) last."""
        council = self.app.session.state.meeting.council
        groups = [(r.id, r.name) for r in council.regions] + [(None, _("Secretariat and observers"))]
        rows: list[Row] = []
        for region_id, region_name in groups:
            members = sorted((m for m in council.members if m.region == region_id), key=lambda m: not m.holds_seat)
            shown = [
                m
                for m in members
                if not wanted or wanted.casefold() in f"{m.id} {m.name} {m.country or ''} {region_name}".casefold()
            ]
            if shown:
                rows.append(Row(None, (region_name,)))
            rows += [self._row(m.id) for m in shown]
        return rows

    def _row(self, member_id: str) -> Row:
        member = self.app.session.state.meeting.council.member(member_id)
        assert member is not None
        return Row(member_id, (member_id, member.name, self._status(member_id), self._seat(member_id)))

    def _status(self, member_id: str) -> str:
        return _(ATTENDANCE[self.app.session.state.status(member_id)])

    def _seat(self, member_id: str) -> str:
        state = self.app.session.state
        member = state.meeting.council.member(member_id)
        assert member is not None
        if member.holds_seat:
            voter = representation(state, member)
            holder = state.proxies.get(member.id)
            if voter is not None and voter.via != "titular":
                return _("cast by {name}").format(name=member_name(state, voter.voter))
            return _("proxy to {name}").format(name=member_name(state, holder)) if holder else _("seat")
        if member.role == "alternate":
            titular = state.meeting.council.titular_of(member.id)
            return _("alternate for {name}").format(name=titular.name if titular else "—")
        return _(member.role)

    def _fill(self, wanted: str) -> None:
        self.query_one(RosterList).show(self._rows(wanted))

    def refresh_quorum(self) -> None:
        text, met = quorum_text(self.app.session.state)
        widget = self.query_one("#roll-quorum", Static)
        widget.update(text, layout=False)  # two lines, always: no need to lay the screen out again
        widget.set_class(not met, "-lost")

    def action_mark(self, verb: str) -> None:
        roster = self.query_one(RosterList)
        member = roster.member
        if member is not None:
            self.app.execute(f"{verb} {member}")
            self._update_rows(member)
        roster.action_move(1)

    def _update_rows(self, *members: str) -> None:
        """Redraw the rows of these members and of those whose seat they touch (alternate,
        titular, proxy holder): at 1,000 delegates only a few rows change."""
        state = self.app.session.state
        council = state.meeting.council
        touched = set(members)
        for member_id in members:
            member = council.member(member_id)
            if member is not None and member.alternate:
                touched.add(member.alternate)
            if (titular := council.titular_of(member_id)) is not None:
                touched.add(titular.id)
            touched |= {p for p, h in state.proxies.items() if member_id in (p, h)}
            touched |= {h for p, h in state.proxies.items() if p == member_id}
        roster = self.query_one(RosterList)
        for index, row in enumerate(roster.rows):
            if row.member in touched:
                roster.change(index, self._row(row.member))
        self.refresh_quorum()

    def action_proxy(self) -> None:
        member = self.query_one(RosterList).member
        if member is None:
            return

        def lodge(holder: str | None) -> None:
            if holder:
                self.app.execute(f'proxy {member} to "{holder}"')
                self._update_rows(member)

        prompt = _("Proxy of {name}: carried by (id or name)").format(name=member_name(self.app.session.state, member))
        self.app.push_screen(AskScreen(prompt), lodge)

    def action_filter(self) -> None:
        self.query_one("#roll-filter", Input).focus()

    @on(Input.Changed, "#roll-filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#roll-filter")
    def _back_to_list(self) -> None:
        self.query_one(RosterList).focus()

    def action_done(self) -> None:
        if self.focused is self.query_one("#roll-filter"):
            self.query_one(RosterList).focus()
        else:
            self.app.pop_screen()


class AskScreen(ModalScreen[str | None]):
    """One line of input: a member, a text."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"))]

    def __init__(self, prompt: str, value: str = "") -> None:
        super().__init__()
        self.prompt = prompt
        self.value = value

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.prompt)
            yield Input(value=self.value, id="answer", compact=True)

    @on(Input.Submitted)
    def _answer(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class VoteScreen(ModalScreen[None]):
    """A counted vote: yes, no, abstain (and blank ballots in a secret ballot), checked live
    against the number of members who may vote."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"))]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        state = self.app.session.state
        motion = state.pending
        ballot = motion is not None and motion.poll is not None and motion.poll.method == "secret_ballot"
        with Vertical(classes="dialog", id="vote-dialog"):
            title = _("Count on motion #{n}").format(n=motion.number) if motion else _("No motion is pending")
            yield Label(title, classes="title")
            if motion is not None and motion.text:
                yield Label(f"“{motion.text}”", classes="motion-text")
            with Horizontal(id="vote-inputs"):
                for name, label in (("yes", N_("Yes")), ("no", N_("No")), ("abstain", N_("Abstain"))):
                    with Vertical(classes="count"):
                        yield Label(_(label))
                        yield Input(placeholder="0", type="integer", id=f"vote-{name}", compact=True)
                if ballot:
                    with Vertical(classes="count"):
                        yield Label(_("Blank"))
                        yield Input(placeholder="0", type="integer", id="vote-blank", compact=True)
            yield Static(id="vote-check")
            yield Static(id="vote-error")

    def on_mount(self) -> None:
        self._check()

    def _counts(self) -> dict[str, int]:
        counts = {}
        for widget in self.query(Input):
            name = (widget.id or "").removeprefix("vote-")
            counts[name] = int(widget.value) if widget.value.isdigit() else 0
        return counts

    def _may_vote(self) -> int:
        state = self.app.session.state
        motion = state.pending
        if motion is not None and motion.poll is not None:
            return len(motion.poll.entitled)
        return len(entitled_voters(state, state.current))

    @on(Input.Changed)
    def _check(self) -> None:
        total, may = sum(self._counts().values()), self._may_vote()
        check = self.query_one("#vote-check", Static)
        check.update(_("{total} of {may} who may vote").format(total=total, may=may))
        check.set_class(total > may, "-over")

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index < len(inputs) - 1 and not inputs[index + 1].value:
            inputs[index + 1].focus()
            return
        counts = self._counts()
        line = f"vote {counts['yes']} {counts['no']} {counts['abstain']}"
        if "blank" in counts:
            line += f" blank {counts['blank']}"
        result = self.app.execute(line, notify=False)
        if isinstance(result, Refused):
            self.query_one("#vote-error", Static).update(Text(render(result.code, result.params), style="bold red"))
            return
        self.dismiss()
        outcome = getattr(result.event, "outcome", None) if result else None
        if outcome is not None:
            self.app.push_screen(ResultScreen(outcome))

    def action_cancel(self) -> None:
        self.dismiss()


class ResultScreen(ModalScreen[None]):
    """The outcome, its arithmetic, and the rule that was applied."""

    BINDINGS = [Binding("escape,enter,space", "close", _("Close"))]

    app: MeetingApp

    def __init__(self, outcome: Outcome) -> None:
        super().__init__()
        self.outcome = outcome

    def compose(self) -> ComposeResult:
        state = self.app.session.state
        result = {"carried": N_("CARRIED"), "lost": N_("LOST"), "pending": N_("TIED"), "void": N_("VOID")}[
            self.outcome.result
        ]
        rules = state.meeting.rules
        decision = rules.classes.get(self.outcome.class_id)
        with Vertical(classes="dialog", id="result-dialog"):
            yield Label(_(result), classes=f"result -{self.outcome.result}")
            yield Label(outcome_words(self.outcome), classes="arithmetic")
            if decision is not None:
                yield Label(
                    _("Rule ({cls}): {words}").format(
                        cls=self.outcome.class_id, words=decision_words(decision, state.meeting.council)
                    ),
                    classes="rule",
                )
            if self.outcome.awaiting:
                yield Label(_("Break the tie: type 'cast yes', 'cast no' or 'draw' as the rules say."))
            yield Label(_("Press Enter to continue."), classes="hint")

    def action_close(self) -> None:
        self.dismiss()


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y,enter", "answer(True)", _("Yes")),
        Binding("n,escape", "answer(False)", _("No")),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question)
            yield Label(_("y: yes · n: no"), classes="hint")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)


class ResumeScreen(ModalScreen[str]):
    """A journal exists for this meeting: resume it, or open a new sitting."""

    BINDINGS = [
        Binding("r,enter", "choose('resume')", _("Resume")),
        Binding("s", "choose('sitting')", _("New sitting")),
        Binding("q,escape", "choose('quit')", _("Quit")),
    ]

    def __init__(self, summary: str) -> None:
        super().__init__()
        self.summary = summary

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(_("This meeting already has a journal."), classes="title")
            yield Label(self.summary)
            yield Label(_("r: resume where it stopped · s: open a new sitting · q: quit"), classes="hint")

    def action_choose(self, choice: str) -> None:
        self.dismiss(choice)


class MotionScreen(ModalScreen[None]):
    """Move a main motion: its text (the item's draft if there is one), mover and seconder."""

    BINDINGS = [Binding("escape", "cancel", _("Cancel"))]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        state = self.app.session.state
        item = state.current_item
        draft = item.item.motion.text if item is not None and item.item.motion else ""
        with Vertical(classes="dialog", id="motion-dialog"):
            yield Label(_("Move a motion"), classes="title")
            yield Label(_("Text"))
            yield Input(value=draft, id="motion-text", compact=True)
            yield Label(_("Moved by (id or name)"))
            yield Input(id="motion-mover", compact=True)
            yield Label(_("Seconded by (optional)"))
            yield Input(id="motion-seconder", compact=True)
            yield Static(id="motion-error")

    def on_mount(self) -> None:
        self.query_one("#motion-mover", Input).focus()

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        text = self.query_one("#motion-text", Input).value.strip().replace('"', "'")
        mover = self.query_one("#motion-mover", Input).value.strip()
        seconder = self.query_one("#motion-seconder", Input).value.strip()
        if event.input.id == "motion-mover" and not seconder:
            self.query_one("#motion-seconder", Input).focus()
            return
        line = f'move "{text}" by "{mover}"' + (f' seconded "{seconder}"' if seconder else "")
        result = self.app.execute(line, notify=False)
        if isinstance(result, Refused):
            self.query_one("#motion-error", Static).update(Text(render(result.code, result.params), style="bold red"))
            return
        self.dismiss()

    def action_cancel(self) -> None:
        self.dismiss()


class HelpScreen(ModalScreen[None]):
    """Every key, and every command of the language with its shape."""

    BINDINGS = [Binding("escape,q,question_mark", "close", _("Close"))]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Label(_("Keys"), classes="title")
            keys = Text()
            for key, description in self.app.key_help():
                keys.append(f"{key:>10}  ", style="bold")
                keys.append(f"{description}\n")
            yield Static(keys)
            yield Label(_("Commands (type them in the command bar; : to go there)"), classes="title")
            commands = Text()
            for verb in GRAMMAR:
                commands.append(f"{usage(verb)}\n", style="bold")
                commands.append(f"    {_(verb.summary)}   e.g. {verb.example}\n", style="dim")
            yield Static(commands)

    def action_close(self) -> None:
        self.dismiss()
