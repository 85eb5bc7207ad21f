"""Consensus on the pending motion, from one screen: the call (sent when the screen opens),
blocks with their reasons and stand-asides as they are heard, then the conclusion, whose
result screen says what happens next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from meeting.i18n import N_, _
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import indented, motion_words
from meeting.tui.textual_words import COMMAND_KEY, HELP_KEY, UNDO_KEY, TranslatedFooter
from meeting.vocabulary import MOTION_NAMES, member_name, quoted, words
from meeting.words import labelled

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


class ConsensusScreen(ModalScreen[None]):
    CSS_PATH = "consensus.tcss"
    BINDINGS = [
        Binding("b", "block", N_("Block")),
        Binding("s", "aside", N_("Stand aside")),
        Binding("c", "conclude", N_("Conclude")),
        UNDO_KEY,
        Binding("escape", "close", N_("Back")),
        HELP_KEY,
        COMMAND_KEY,
    ]

    app: MeetingApp

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="consensus-dialog"):
            yield Label(_("Consensus"), classes="title")
            yield Static(id="consensus-motion")
            yield Static(id="consensus-round")
            yield Static(id="consensus-error")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        motion = self.app.session.state.pending
        if motion is not None and motion.consensus is None:
            self.post_message(RunCommand(command_line("consensus"), origin=self))
        self.redraw()

    def on_screen_resume(self) -> None:
        self.redraw()

    def on_command_answered(self, message: CommandAnswered) -> None:
        refused = message.refused
        if refused is not None:
            from meeting.messages import render_named

            self.query_one("#consensus-error", Static).update(
                Text("✗ " + render_named(refused.code, refused.params, self.app.session.state), style="bold red")
            )
        self.redraw()

    def redraw(self) -> None:
        state = self.app.session.state
        motion = state.pending
        if motion is None:
            self.query_one("#consensus-motion", Static).update(_("No motion is pending."))
            return
        head = Text(f"#{motion.number} {words(MOTION_NAMES, motion.kind)}", style="bold")
        if motion.text:
            head.append("\n").append_text(motion_words(state, motion))
        self.query_one("#consensus-motion", Static).update(head)
        round_: list[RenderableType] = []
        consensus = motion.consensus
        if consensus is not None:
            round_.append(Text(_("Consensus sought. Blocks:"), style="bold"))
            for member, reason in consensus.blocks:
                name = member_name(state, member)
                round_.append(indented(labelled(name, quoted(reason) if reason else None)))
            if not consensus.blocks:
                round_.append(indented("—"))
            names = ", ".join(member_name(state, m) for m in consensus.asides) or "—"
            asides = Text.assemble((_("Standing aside:") + " ", "bold"), names)
            round_ += [
                asides,
                Text(),
                Text(_("b: a member blocks · s: a member stands aside · c: conclude"), style="dim"),
            ]
        self.query_one("#consensus-round", Static).update(Group(*round_))

    def action_block(self) -> None:
        self.app.open_form("block")

    def action_aside(self) -> None:
        self.app.open_form("aside")

    def action_conclude(self) -> None:
        self.post_message(RunCommand(command_line("conclude"), origin=self, closes=True))

    def action_close(self) -> None:
        self.dismiss()
