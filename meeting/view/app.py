"""The members' view: the meeting as the chair's console records it, read-only.

`build_view` is the one way to make the app: `meeting view`, `meeting serve` (through
`meeting view` in each browser's process) and the tests all use it. With `follow`, the
journal is read again five times a second, only its new lines; the screen changes when an
event arrives, and its clocks (the item's time, the speaker's time left) every second.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, ClassVar, cast

from rich.text import Text
from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.theme import Theme
from textual.widgets import Digits, Static

from meeting.diagnostics import format_diagnostic
from meeting.domain.decisions import floor
from meeting.domain.state import Recorded, State
from meeting.i18n import N_, _
from meeting.tui.panels import agenda_text, attendance_text, header_text, local_time
from meeting.tui.terminal import TerminalApp
from meeting.tui.textual_words import TranslatedFooter, open_palette, translated_system_commands
from meeting.view.follow import Follower
from meeting.view.panels import (
    ON_THE_RECORD_OR_UNDO,
    OnTheRecord,
    ballot_open_text,
    decisions,
    floor_text,
    in_closed_session,
    item_text,
    motions_text,
    on_the_record,
    on_the_record_key,
    quorum_bar,
    regions_line,
    results_text,
    vote_on,
    vote_text,
)
from meeting.vocabulary import meeting_title

Clock = Callable[[], datetime]
POLL_SECONDS = 0.2  # the chair's fsync reaches the screen within this, plus a frame

# White on black, with yellow for what needs attention: readable through a beamer and a
# compressed screen share.
PROJECTOR_THEME = Theme(
    name="meeting-projector",
    primary="#FFD700",
    secondary="#FFFFFF",
    accent="#FFD700",
    warning="#FFD700",
    error="#FF5555",
    success="#55FF55",
    foreground="#FFFFFF",
    background="#000000",
    surface="#000000",
    panel="#1A1A1A",
    dark=True,
)


def wall_clock() -> datetime:
    return datetime.now(UTC)


class _Panels(Screen[None]):
    """A screen of panels, each updated only when what it says has changed: an unchanged
    panel costs nothing to draw, and sends nothing to a browser."""

    app: ViewApp

    def __init__(self) -> None:
        super().__init__()
        self.said: dict[str, Text | str] = {}

    def show(self, selector: str, text: Text | str, hide_empty: bool = False) -> None:
        widget = self.query_one(selector, Static)
        if hide_empty:
            widget.display = bool(text)  # a panel with nothing to say takes no room
        if self.said.get(selector) != text:
            self.said[selector] = text
            widget.update(text)

    def meeting(self) -> State | None:
        """The meeting as last read, the status line said either way; no quorum bar before a
        meeting is read (an empty green one read as a quorum met)."""
        state = self.app.follower.state
        self.show("#status", self.app.status_text())
        self.query_one("#quorum").display = state is not None
        return state

    def show_quorum(self, state: State) -> None:
        """The quorum while the council sits; once adjourned, that it is (a green "quorum met"
        bar over an adjourned meeting read as a council still sitting)."""
        text, met = quorum_bar(state)
        self.show("#quorum", text)
        self.query_one("#quorum").set_class(not met, "-lost")
        self.query_one("#quorum").set_class(state.phase == "adjourned", "-adjourned")


class LiveScreen(_Panels):
    """The meeting now: the agenda, the item, the motion, the floor, the vote, the quorum."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "app.review", N_("Tallies")),
        Binding("q", "app.quit", N_("Quit")),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with Horizontal(id="body"):
            with VerticalScroll(id="side"):
                yield Static(id="agenda")
            with VerticalScroll(id="main"):
                yield Static(id="item")
                yield Static(id="motions")
                yield Static(id="floor")
                yield Static(id="vote")
                yield Static(_("Decisions"), classes="heading")
                yield Static(id="results")
                yield Static(_("Corrections"), classes="heading", id="corrections-heading")
                yield Static(id="corrections")
        yield Static(id="quorum")
        yield Static(id="regions")
        yield Static(id="attendance")
        yield Static(id="status")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.voting: tuple[object, ...] = ()  # the vote shown, as `vote_on` names it
        self.redraw()

    def on_resize(self) -> None:
        # Below 32 rows the seats by region take one or two lines instead of one per region;
        # below 64 columns (a phone) the agenda's column gives its width to the item and the vote.
        self.set_class(self.size.height < 32, "-short")
        self.set_class(self.size.width < 64, "-narrow")

    def redraw(self) -> None:
        state, now = self.meeting(), self.app.now()
        if state is None:
            return
        self.show("#header", header_text(state, now))
        self.show("#agenda", agenda_text(state, now))
        record = self.app.on_the_record()
        self.show("#results", results_text(state, record.approvals) or Text("—", style="dim"))
        self.show("#corrections", hide_empty=True, text=record.corrections)
        self.query_one("#corrections-heading").display = bool(record.corrections)
        self.show("#item", item_text(state, now))
        self.show("#motions", hide_empty=True, text=motions_text(state))
        self.show("#floor", hide_empty=True, text=floor_text(state, now))
        vote = vote_text(state)
        voting = vote_on(state) if vote else ()
        if voting and voting != self.voting:
            self.call_after_refresh(self.question_in_sight)
        self.voting = voting
        self.show("#vote", hide_empty=True, text=vote)
        self.show_quorum(state)
        self.show("#regions", regions_line(state))
        self.show("#attendance", attendance_text(state))

    def question_in_sight(self) -> None:
        """A vote has just opened: the item, the motion's text and the vote in sight together
        where they fit; else the motion's text at the top, the vote under it. Only then: at the
        answers that follow, the member may be reading the question, and stays where they are."""
        main = self.query_one("#main", VerticalScroll)
        item, motions, vote = (self.query_one(selector) for selector in ("#item", "#motions", "#vote"))
        whole = item.virtual_region.union(vote.virtual_region)
        if whole.height <= main.scrollable_content_region.height:
            main.scroll_to_region(whole, animate=False, immediate=True)
        else:
            question = motions if motions.display else item
            main.scroll_to(y=question.virtual_region.y, animate=False, immediate=True)


class ProjectorScreen(_Panels):
    """The same meeting for a room: the item, the motion, and the numbers in large digits."""

    BINDINGS: ClassVar[list[BindingType]] = LiveScreen.BINDINGS

    def compose(self) -> ComposeResult:
        yield Static(id="header")
        with VerticalScroll(id="main"):
            yield Static(id="item")
            yield Static(id="motions")
            with Horizontal(id="numbers"):
                with Vertical(id="floor-box"):
                    yield Static(id="floor")
                    yield Digits(id="floor-clock")
                with Vertical(id="count-box"):
                    yield Static(id="count-label")
                    yield Digits(id="count")
            yield Static(id="vote")
            yield Static(id="results")
        yield Static(id="quorum")
        yield Static(id="regions")
        yield Static(id="status")

    def on_mount(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        state, now = self.meeting(), self.app.now()
        if state is None:
            return
        self.show("#header", header_text(state, now))
        self.show("#item", item_text(state, now))
        self.show("#motions", hide_empty=True, text=motions_text(state))
        voting = state.pending is not None and state.pending.poll is not None
        # While the seats answer, the count is what the room watches, not the last speaker's clock.
        quiet = voting or state.phase != "in_session" or in_closed_session(state)
        speaking = None if quiet else floor(state, now)
        self.query_one("#floor-box").display = speaking is not None
        if speaking is not None:
            left = abs(speaking.seconds_left)
            self.show("#floor", floor_text(state, now).split("\n")[0])
            self.query_one("#floor-clock", Digits).update(f"{left // 60}:{left % 60:02d}")
        self._count(state)
        ballot = ballot_open_text(state)
        polling = state.pending is not None and state.pending.poll is not None
        self.show("#vote", hide_empty=True, text=ballot or (vote_text(state) if polling else Text()))
        latest = decisions(state, self.app.on_the_record().approvals)[:1]
        self.show("#results", hide_empty=True, text=latest[0][1] if latest else Text())
        self.show_quorum(state)
        self.show("#regions", regions_line(state))

    def _count(self, state: State) -> None:
        """Yes, no and abstain in large digits: a roll call as it fills, else the last result."""
        pending = state.pending
        box = self.query_one("#count-box")
        if in_closed_session(state):  # a closed session's votes are not shown as they are cast either
            box.display = False
            return
        if pending is not None and pending.poll is not None and pending.poll.method == "roll_call":
            choices = [choice for _voter, choice in pending.poll.choices.values()]
            counts = (choices.count("yes"), choices.count("no"), choices.count("abstain"))
            caption = _("Roll call so far: yes · no · abstain")
        else:
            # The latest decision's, only: the line under them is its rule and outcome (an older
            # vote's figures stood over a tabling's or an election's line).
            latest = decisions(state, self.app.on_the_record().approvals)[:1]
            decided = latest[0][0] if latest else None
            item = state.items.get(decided.item) if decided and decided.item else None
            if decided is None or decided.outcome is None or (item is not None and item.item.closed):
                box.display = False  # an election, a ruling, or a closed session's, even published
                return
            outcome = decided.outcome
            counts = (outcome.yes, outcome.no, outcome.abstain)
            caption = _("Last result, #{number}: yes · no · abstain").format(number=decided.number)
        box.display = True
        self.show("#count-label", caption)
        self.query_one("#count", Digits).update(" ".join(str(n) for n in counts))


class ViewApp(TerminalApp):
    CSS_PATH = "view.tcss"
    TITLE = "meeting view"

    def __init__(self, follower: Follower, follow: bool, projector: bool, clock: Clock, served: bool = False) -> None:
        super().__init__()
        self.follower = follower
        self.follow = follow
        self.projector = projector
        # In a member's browser (`meeting serve`): the meeting's title where the journal's name
        # was, and no Quit: a tap on it ended the member's own session, which the page restarts.
        self.served = served
        self.clock = clock
        # What `on_the_record` last read: the follower's list of events and how far.
        self._record_read: list[Recorded] | None = None
        self._record_seen = 0
        self._record_key: tuple[Recorded, ...] = ()
        self._record = OnTheRecord()

    def get_default_screen(self) -> Screen[None]:
        return ProjectorScreen() if self.projector else LiveScreen()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own, in the member's language; not "Keys" (the footer says them) nor
        "Screenshot" (in a browser, the file would land on the chair's laptop)."""
        shown = (c for c in super().get_system_commands(screen) if c.title not in ("Keys", "Screenshot"))
        yield from translated_system_commands(c for c in shown if not (self.served and c.callback == self.action_quit))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.served and action == "quit")

    def action_command_palette(self) -> None:
        open_palette(cast("App[object]", self))

    def on_mount(self) -> None:
        self.watch_terminal()
        self.poll()  # whatever was written since the follower last looked
        self.register_theme(PROJECTOR_THEME)
        if self.projector:
            self.theme = PROJECTOR_THEME.name
            self.screen.add_class("-projector")
        if self.follow:
            self.set_interval(POLL_SECONDS, self.poll)
            self.set_interval(1, self.redraw)
        elif self.follower.state is not None and self.follower.state.phase == "adjourned":
            self.action_review()  # after the meeting, the tallies are what members come for

    def now(self) -> datetime:
        """The wall clock while following (never before the last event), else the last event's time."""
        last = self.follower.last_at
        if not self.follow and last is not None:
            return last
        now = self.clock()
        return max(now, last) if last is not None else now

    def on_the_record(self) -> OnTheRecord:
        """Earlier minutes approved and corrections, as the minutes say them. Only the events
        read since the last look are looked at; the minutes are made again only when one of
        those comes or goes (never at an answer of a roll call)."""
        follower = self.follower
        recorded = follower.recorded
        if follower.state is None:
            return self._record
        grown = recorded is self._record_read and len(recorded) >= self._record_seen
        new = recorded[self._record_seen :] if grown else recorded
        self._record_read, self._record_seen = recorded, len(recorded)
        if grown and not any(isinstance(entry.event, ON_THE_RECORD_OR_UNDO) for entry in new):
            return self._record
        key = on_the_record_key(recorded)
        if not grown or key != self._record_key:
            self._record_key = key
            self._record = on_the_record(follower.state, recorded)
        return self._record

    def poll(self) -> None:
        before = self.follower.problem
        update = self.follower.poll()
        if update.events or update.restarted or self.follower.problem != before:
            self.redraw()

    def redraw(self) -> None:
        if not self.is_running:  # shutting down: the timers may still fire while screens are taken apart
            return
        for screen in self.screen_stack:
            if isinstance(screen, LiveScreen | ProjectorScreen) and screen.is_mounted:
                screen.redraw()
        from meeting.view.review import ReviewScreen

        if isinstance(self.screen, ReviewScreen) and self.screen.is_mounted:
            self.screen.refresh_data()

    def status_text(self) -> Text:
        follower = self.follower
        if follower.problem is not None:
            return Text("⚠ " + format_diagnostic(follower.problem), style="bold yellow")
        if follower.waiting and follower.state is not None:
            return Text(
                _("The journal {path} is not there now: the meeting is shown as last read.").format(
                    path=follower.shown
                ),
                style="bold yellow",
            )
        if follower.waiting:
            return Text(_("Waiting for the journal {path}: the meeting has not started.").format(path=follower.shown))
        state = follower.state
        last = follower.last_at
        if state is None or last is None:
            return Text()
        words = _("{events} events, the last at {time}").format(
            events=len(follower.recorded), time=local_time(state, last)
        )
        prefix = _("Following") if self.follow else _("Read")
        name = meeting_title(state.meeting.agenda) if self.served else follower.shown
        return Text(f"{prefix} {name} · {words}", style="dim")

    def action_review(self) -> None:
        from meeting.view.review import ReviewScreen

        if self.follower.state is not None and not isinstance(self.screen, ReviewScreen):
            self.push_screen(ReviewScreen())


def build_view(
    follower: Follower, follow: bool = False, projector: bool = False, clock: Clock = wall_clock, served: bool = False
) -> ViewApp:
    return ViewApp(follower, follow, projector, clock, served)
