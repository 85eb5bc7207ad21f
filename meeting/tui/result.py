"""The result of a decision, whole: what was decided, the counts, the rule in words and the
arithmetic; after a consensus round, who blocked and why, who stood aside, and what happens
next. When the rules break a tie by the chair's casting vote or by lots, it asks for that."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meeting.domain import events as ev
from meeting.domain.motions import ADMITTED_BY_RULING
from meeting.domain.outcome import BUILT_IN_CLASSES
from meeting.domain.procedure import decision_for
from meeting.domain.state import State
from meeting.i18n import N_, _
from meeting.tui.messages import RunCommand, command_line
from meeting.tui.textual_words import COMMAND_KEY, TranslatedFooter
from meeting.vocabulary import MOTION_NAMES, RULINGS, in_quotes, member_name, quoted, ruling_words, words
from meeting.words import decision_words, labelled, outcome_words

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp

_HEADLINES = {"carried": N_("CARRIED"), "lost": N_("LOST"), "pending": N_("TIED"), "void": N_("VOID")}
_APPEAL_HEADLINES = {
    "carried": N_("THE CHAIR'S DECISION IS SUSTAINED"),
    "lost": N_("THE CHAIR'S DECISION IS OVERTURNED"),
}
_CONSENSUS = {
    "adopted": N_("ADOPTED BY CONSENSUS"),
    "vote": N_("NO CONSENSUS: THE QUESTION GOES TO A VOTE"),
    "majority": N_("NO CONSENSUS: A SIMPLE MAJORITY DECIDES"),
    "referred": N_("NO CONSENSUS: REFERRED TO A WORKING GROUP"),
}


class ResultScreen(ModalScreen[None]):
    CSS_PATH = "result.tcss"
    BINDINGS = [
        Binding("escape,enter,space", "close", N_("Close")),
        COMMAND_KEY,
        Binding("y", "cast('yes')", N_("Cast yes"), show=False),
        Binding("n", "cast('no')", N_("Cast no"), show=False),
        Binding("x", "cast('none')", N_("No casting vote"), show=False),
        Binding("l", "draw", N_("Draw lots"), show=False),
    ]

    app: MeetingApp

    def __init__(self, event: ev.AnyEvent) -> None:
        super().__init__()
        self.event = event

    @property
    def awaiting(self) -> str | None:
        outcome = getattr(self.event, "outcome", None)
        return outcome.awaiting if isinstance(outcome, ev.Outcome) else None

    @property
    def kind(self) -> str | None:
        """The kind of the motion the result is about (an appeal's is said of the chair's decision)."""
        number = getattr(self.event, "motion", None)
        motion = self.app.session.state.motions.get(number) if isinstance(number, int) else None
        return motion.kind if motion is not None else None

    def compose(self) -> ComposeResult:
        state = self.app.session.state
        number = getattr(self.event, "motion", None)
        motion = state.motions.get(number) if isinstance(number, int) else None
        with VerticalScroll(classes="dialog", id="result-dialog"):
            headline, tone = self._headline()
            yield Label(headline, classes=f"result -{tone}")
            if motion is not None:
                about = f"#{motion.number} {words(MOTION_NAMES, motion.kind)}"
                yield Static(Text(labelled(about, in_quotes(motion.text) if motion.text else None), style="italic"))
            yield from self._body(state)
            yield Label(self._hint(), classes="hint")
        yield TranslatedFooter()

    def _headline(self) -> tuple[str, str]:
        event = self.event
        if isinstance(event, ev.VoteCounted | ev.RollCallClosed | ev.TieBroken):
            appeal = self.kind == "appeal" and event.outcome.result in _APPEAL_HEADLINES
            headline = (_APPEAL_HEADLINES if appeal else _HEADLINES)[event.outcome.result]
            if event.outcome.awaiting == "chair":  # no tie: the chair may decide it
                headline = N_("UNDECIDED")
            return _(headline), event.outcome.result
        if isinstance(event, ev.ConsentGiven):
            return _("ADOPTED WITHOUT OBJECTION"), "carried"
        if isinstance(event, ev.ConsensusConcluded):
            return _(_CONSENSUS[event.result]), "carried" if event.result == "adopted" else "pending"
        if isinstance(event, ev.Ruled):
            if self.kind in ADMITTED_BY_RULING:  # had read "POINT OF ORDER WELL TAKEN"
                return _("QUESTION OF PRIVILEGE {ruling}").format(
                    ruling=ruling_words(self.kind, event.ruling).upper()
                ), "pending"
            return _("POINT OF ORDER {ruling}").format(ruling=words(RULINGS, event.ruling).upper()), "pending"
        return "", "pending"

    def _body(self, state: State) -> ComposeResult:
        event = self.event
        council = state.meeting.council
        if isinstance(event, ev.VoteCounted | ev.RollCallClosed | ev.TieBroken):
            yield Static(Text(outcome_words(event.outcome, self.kind)), classes="arithmetic")
            class_id = event.outcome.class_id
            rule = state.meeting.rules.classes.get(class_id) or BUILT_IN_CLASSES.get(class_id)  # type: ignore[call-overload]
            if rule is not None:
                rule_words = decision_words(rule, council, state.meeting.rules)
                yield Static(Text(_("Rule: {words}").format(words=rule_words)), classes="rule")
        if isinstance(event, ev.ConsensusConcluded):
            motion = state.motions[event.motion]
            consensus = motion.consensus
            if consensus is not None:
                for member, reason in consensus.blocks:
                    line = _("Blocked by {name}").format(name=member_name(state, member))
                    yield Static(Text(labelled(line, quoted(reason) if reason else None)), classes="block")
                for member in consensus.asides:
                    yield Static(
                        Text(_("Stood aside: {name}").format(name=member_name(state, member))), classes="aside"
                    )
            found = decision_for(state, motion)
            if event.result in ("vote", "majority") and found is not None:
                next_words = _("Next: a vote — {words}").format(words=decision_words(found[1], council))
                yield Static(Text(next_words), classes="rule")
        if isinstance(event, ev.Ruled):
            if event.reason:
                yield Static(Text(labelled(_("Reason"), quoted(event.reason))))
            yield Static(_("A member may appeal from the ruling: Move (m), then 'appeal'."), classes="rule")

    def _hint(self) -> str:
        if self.awaiting == "casting_vote":
            return _("A tie: the chair's casting vote — y: yes · n: no · x: none")
        if self.awaiting == "chair":
            return _("The chair's vote would decide it — y: yes · n: no · x: none")
        if self.awaiting == "lots":
            return _("A tie: the rules decide it by lots — l: draw lots")
        return _("Enter: continue")

    def action_close(self) -> None:
        self.dismiss()

    def action_cast(self, choice: str) -> None:
        if self.awaiting in ("casting_vote", "chair"):
            self.dismiss()
            self.app.post_message(RunCommand(command_line("cast", choice=choice)))

    def action_draw(self) -> None:
        if self.awaiting == "lots":
            self.dismiss()
            self.app.post_message(RunCommand(command_line("draw")))
