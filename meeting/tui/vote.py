"""A counted vote, or a secret ballot's totals: what carries it is said before the counts are
entered, and the total is checked live against the number who may vote. A ballot's form holds
totals only: no widget ever holds a member's choice."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Input, Label, Static

from meeting.domain.attendance import entitled_voters
from meeting.i18n import _
from meeting.tui.form import CommandForm
from meeting.tui.panels import motion_words, needed_text
from meeting.vocabulary import MOTION_NAMES, words


class VoteForm(CommandForm):
    CSS_PATH = ["form.tcss", "vote.tcss"]  # a subclass's CSS_PATH replaces its base's
    side_by_side = True

    def __init__(self) -> None:
        super().__init__("vote")

    @property
    def ballot(self) -> bool:
        motion = self.app.session.state.pending
        return motion is not None and motion.poll is not None and motion.poll.method == "secret_ballot"

    def compose(self) -> ComposeResult:
        motion = self.app.session.state.pending
        if motion is None:
            self.heading = _("No motion is pending")
        else:
            kind = words(MOTION_NAMES, motion.kind)
            title = _("Secret ballot on motion #{n} ({kind})") if self.ballot else _("Count on motion #{n} ({kind})")
            self.heading = title.format(n=motion.number, kind=kind)
        yield from super().compose()

    def extra(self) -> ComposeResult:
        state = self.app.session.state
        motion = state.pending
        if motion is not None:
            if motion.text:
                yield Label(motion_words(state, motion), classes="motion-text")  # an amendment: its change
            if motion.kind == "appeal":  # what a yes means is not in its name
                yield Label(_("Shall the decision of the chair stand? Yes sustains it; no reverses it."))
            yield Static(needed_text(state, motion), id="vote-needed")
        yield Static(id="vote-check")

    def prepare(self) -> None:
        self.query_one("#beside-blank").display = self.query_one("#field-blank").display = self.ballot
        self._check()

    def may_vote(self) -> int:
        state = self.app.session.state
        motion = state.pending
        if motion is not None and motion.poll is not None:
            return len(motion.poll.entitled)
        return len(entitled_voters(state, state.current))

    @on(Input.Changed)
    def _check(self) -> None:
        counts = [int(w.value) for w in self.query(Input) if w.id and w.id.startswith("field-") and w.value.isdigit()]
        total, may = sum(counts), self.may_vote()
        check = self.query_one("#vote-check", Static)
        check.update(Text(_("{total} of {may} who may vote").format(total=total, may=may)))
        check.set_class(total > may, "-over")
