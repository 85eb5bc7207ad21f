"""Attendance: members grouped by region, seats first, then alternates; one key per way of
attending, `k` for a written proxy, `/` to find a member by any part of the name, id, country
or region. Each key sends its command; only the rows it touches are redrawn, so a 1,000-delegate
assembly stays quick to mark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, Static

from meeting.domain.attendance import representation
from meeting.domain.language import Command, Ref, parse
from meeting.domain.local_hours import LocalTimes, member_local_times
from meeting.formats import clock_time
from meeting.i18n import N_, P_, _
from meeting.messages import render_named
from meeting.tui.messages import CommandAnswered, RunCommand, command_line
from meeting.tui.panels import quorum_text
from meeting.tui.roster import RosterList, Row, found, row_text, widest
from meeting.tui.textual_words import COMMAND_KEY, HELP_KEY, TranslatedFooter
from meeting.vocabulary import attendance_words, country_search, member_name, region_words

if TYPE_CHECKING:
    from meeting.tui.app import MeetingApp


WIDE = (9, 30, 19, 14)  # id, name, attending, local time; the seat takes the rest


class AttendanceScreen(Screen[None]):
    """Members grouped by region; one key per way of attending; `/` filters by name or id."""

    BINDINGS = [
        Binding("p", "mark('present')", N_("Present")),
        Binding("r", "mark('remote')", N_("Remote")),
        # Each says what the member is, as Present does (in the key's context: the minutes'
        # headings "Apologies" and "Absent" are plural lists); "Came back", as "Back" is Esc's.
        Binding("a", "mark('apologies')", P_("key", "Apologies")),
        Binding("x", "mark('absent')", P_("key", "Absent")),
        Binding("l", "mark('leave')", P_("key", "Left"), show=False),
        Binding("d", "mark('drop')", N_("Dropped"), show=False),
        Binding("b", "mark('back')", P_("key", "Came back"), show=False),
        Binding("k", "proxy", N_("Proxy")),
        Binding("v", "revoke", N_("Revoke proxy"), show=False),
        Binding("slash", "filter", N_("Filter")),
        Binding("escape", "done", N_("Done")),
        HELP_KEY,
        COMMAND_KEY,
    ]

    CSS_PATH = "attendance.tcss"

    app: MeetingApp
    _local_times: dict[str, LocalTimes] | None = None  # worked out once, when first shown
    _quorum_lines = 0  # the lines the quorum took when last said

    def compose(self) -> ComposeResult:
        yield Static(id="roll-quorum")
        yield Input(placeholder=_("/ filter by name, id, country or region"), id="roll-filter", compact=True)
        yield Static(row_text(self._heading(), WIDE), id="roll-heading")
        yield RosterList(WIDE, id="roll-list")
        yield Static(id="roll-detail")
        yield Static(id="roll-error")
        yield TranslatedFooter()

    @on(RosterList.Highlighted)
    def _detail(self, message: RosterList.Highlighted) -> None:
        row = message.row
        detail = self.query_one("#roll-detail", Static)
        detail.update(Text(" · ".join(row.cells[1:] + row.cells[:1]) if row is not None and row.member else ""))

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self._fill(self.query_one("#roll-filter", Input).value)
            self.refresh_quorum()

    def on_mount(self) -> None:
        self._fill("")
        self._fit()
        self.query_one(RosterList).focus()
        self.refresh_quorum()

    def on_resize(self) -> None:
        self._fit()

    @staticmethod
    def _heading() -> Row:
        return Row("-", (_("Id"), _("Name"), _("Attending"), _("Local time"), _("Seat")))

    def _fit(self) -> None:
        """Under 100 columns, each column as wide as its longest cell in the whole roster (a
        filter leaves the columns where they were) and no id column (the filter still finds
        ids); the local times give way when the seats' words ("alternate for ...") would not
        fit beside them. The line under the list says the highlighted member's row whole."""
        room = self.app.size.width - 3  # the space before each row, and the scrollbar
        widths = WIDE
        roster = self.query_one(RosterList)
        if room + 3 < 100:
            rows = self._rows("") if self.query_one("#roll-filter", Input).value else roster.rows
            shown = [self._heading(), *rows]
            name, attending, local, seat = (widest(shown, column) for column in range(1, 5))
            name = min(name, 28)
            widths = (0, name, attending, local if name + attending + local + seat <= room else 0)
        if widths != roster.widths:
            roster.set_widths(widths)
            self.query_one("#roll-heading", Static).update(row_text(self._heading(), widths))

    def _rows(self, wanted: str) -> list[Row]:
        """A heading row per region, then its members: seats first, then alternates; members
        of no region (secretariat, observers) last."""
        council = self.app.session.state.meeting.council
        groups = [(r.id, region_words(r)) for r in council.regions] + [(None, _("Secretariat and observers"))]
        rows: list[Row] = []
        for region_id, region_name in groups:
            members = sorted((m for m in council.members if m.region == region_id), key=lambda m: not m.holds_seat)
            shown = [m for m in members if found(wanted, m.id, m.name, country_search(m), region_name)]
            if shown:
                rows.append(Row(None, (region_name,)))
            rows += [self._row(m.id) for m in shown]
        return rows

    def _row(self, member_id: str) -> Row:
        member = self.app.session.state.meeting.council.member(member_id)
        assert member is not None
        return Row(
            member_id, (member_id, member.name, self._status(member_id), self._local(member_id), self._seat(member_id))
        )

    def _local(self, member_id: str) -> str:
        """The meeting's scheduled start and end in the member's own time, ⚠ when some of it
        falls outside the local hours the rules allow."""
        if self._local_times is None:
            self._local_times = member_local_times(self.app.session.state.meeting)
        row = self._local_times[member_id]
        return f"{clock_time(row.start)}–{clock_time(row.end)}" + (" ⚠" if row.outside else "")

    def _status(self, member_id: str) -> str:
        state = self.app.session.state
        return attendance_words(state.status(member_id), member_id, state)

    def _seat(self, member_id: str) -> str:
        state = self.app.session.state
        member = state.meeting.council.member(member_id)
        assert member is not None
        if member.holds_seat:
            voter = representation(state, member)
            holder = state.proxies.get(member.id)
            if voter is not None and voter.via != "titular":
                return _("cast by {name}").format(name=member_name(state, voter.voter))
            if holder and voter is not None:  # a principal who arrives takes the vote back (council.md)
                return _("seat (proxy to {name} unused while attending)").format(name=member_name(state, holder))
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
        # Wrapped whole (at 80 columns a region short of its minimum, with its figures, takes a
        # third line); the screen is laid out again only when the number of lines changes.
        lines = len(text.wrap(self.app.console, max(widget.content_region.width, 1)))
        widget.update(text, layout=lines != self._quorum_lines)
        self._quorum_lines = lines
        widget.set_class(not met, "-lost")

    def action_mark(self, verb: str) -> None:
        roster = self.query_one(RosterList)
        member = roster.member
        if member is not None:
            self.post_message(RunCommand(command_line(verb, members=(Ref(member),)), origin=self))

    def _marked(self, parsed: Command) -> None:
        """After a key's mark is taken, on to the next member; a refused one stays on its member
        (the next key acted on the wrong delegate)."""
        roster = self.query_one(RosterList)
        marked = parsed.args.get("members")
        if isinstance(marked, tuple) and len(marked) == 1 and marked[0].text == roster.member:
            roster.action_move(1)

    def on_command_answered(self, message: CommandAnswered) -> None:
        """Redraw the rows the command touched (the member of the line, and seats they share)."""
        parsed = parse(message.line)
        if isinstance(parsed, Command) and message.refused is None:
            refs = [v for v in parsed.args.values() if isinstance(v, Ref)]
            refs += [r for v in parsed.args.values() if isinstance(v, tuple) for r in v]
            self._update_rows(*(r.text for r in refs))
            self.query_one("#roll-error", Static).update("")
            self._marked(parsed)
        elif message.refused is not None:
            self.query_one("#roll-error", Static).update(
                Text(
                    "✗ " + render_named(message.refused.code, message.refused.params, self.app.session.state),
                    style="bold red",
                )
            )

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
        changed = []
        for index, row in enumerate(roster.rows):
            if row.member in touched:
                changed.append(self._row(row.member))
                roster.change(index, changed[-1])
        if any(
            cell_len(cell) >= width
            for row in changed
            for cell, width in zip(row.cells, roster.widths, strict=False)
            if width
        ):
            self._fit()  # a longer word now ("connection dropped")
        self.refresh_quorum()

    def action_proxy(self) -> None:
        member = self.query_one(RosterList).member
        if member is None:
            return

        from meeting.tui.form import CommandForm

        self.app.push_screen(CommandForm("proxy", values={"principal": member}))

    def action_revoke(self) -> None:
        member = self.query_one(RosterList).member
        if member is not None:
            self.post_message(RunCommand(command_line("revoke", principal=Ref(member)), origin=self))

    def action_filter(self) -> None:
        self.query_one("#roll-filter", Input).focus()

    @on(Input.Changed, "#roll-filter")
    def _filtered(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#roll-filter")
    def _back_to_list(self) -> None:
        roster = self.query_one(RosterList)
        roster.action_move(-len(roster.rows))  # to the first member found
        roster.focus()

    def action_done(self) -> None:
        if self.focused is self.query_one("#roll-filter"):
            self.query_one(RosterList).focus()
        else:
            self.app.pop_screen()
