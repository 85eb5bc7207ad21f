"""Every decision of the meeting with its tally, and a filter: an item ("Article 7") and a
member or region ("Huamaní", "Latin America"). The rows are `meeting tally --json`'s, from the
same function (`meeting.minutes.tally.tallies`)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from meeting.ballot_figures import ballot_figures
from meeting.i18n import N_, _, ngettext
from meeting.journal import GENESIS
from meeting.messages import render
from meeting.minutes.model import Minutes, MotionRecord, minutes_of
from meeting.minutes.tally import (
    BallotTally,
    NoItem,
    Tally,
    Uncounted,
    UncountedOther,
    Who,
    ballots,
    find_item,
    tallies,
    who,
    without_count,
)
from meeting.tui.roster import fitted
from meeting.tui.textual_words import TranslatedFooter
from meeting.vocabulary import METHODS, in_quotes, upper_first, words

if TYPE_CHECKING:
    from meeting.view.app import ViewApp

_RESULT_STYLES = {"carried": "bold green", "lost": "bold red"}
_ITEM_CELLS, _MOTION_CELLS = 16, 20  # the table's first columns, so that 80 columns show the result
_NARROW = 60  # a phone's width, where the item and the method give way
# There a result said in a sentence ("The decision of the chair was sustained") takes lines,
# its counts on a line under it; the motion takes the rest of the width, on up to three lines.
_NARROW_RESULT_CELLS, _NARROW_MOTION_LINES = 14, 3
# The table's cell padding (one each side of two columns) and its scroll bar.
_NARROW_SPARE = 6


class ReviewScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", N_("Live")),
        Binding("slash", "filter", N_("Filter")),
        Binding("q", "app.quit", N_("Quit")),
    ]

    app: ViewApp

    def compose(self) -> ComposeResult:
        yield Static(_("Decisions and how they were voted"), id="review-title")
        with Horizontal(id="filters"):
            yield Input(placeholder=_("item: number, id or title words"), id="item-filter")
            yield Input(placeholder=_("member or region"), id="who-filter")
        yield Static(id="review-note")
        yield DataTable(id="votes", cursor_type="row", zebra_stripes=True)
        with VerticalScroll(id="detail-box"):
            yield Static(id="detail")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.shown: list[Tally | Uncounted | UncountedOther | BallotTally] = []
        self.narrow: bool | None = None  # the columns not yet laid out
        self.motion_cells = 0
        self.on_resize()
        self.query_one("#votes", DataTable).focus()

    def on_resize(self) -> None:
        """On a phone (under 60 columns) the item and the method give way, so that the result
        and the counts stay in sight; the detail below says them."""
        narrow = self.app.size.width < _NARROW
        layout = self._motion_cells() if narrow else 0  # a phone turned: the motion's width again
        if narrow == self.narrow and layout == self.motion_cells:
            return
        self.narrow, self.motion_cells = narrow, layout
        table = self.query_one("#votes", DataTable)
        table.clear(columns=True)
        # The item and the motion are cut to fit, with "…"; the detail below says them in full.
        # The result comes before the counts and the method, so that 80 columns show it.
        if narrow:  # the counts under the result: "Adopted", "11–6–1"
            table.add_column(_("Motion"), width=self._motion_cells())
            table.add_column(_("Result"), width=_NARROW_RESULT_CELLS)
        else:
            table.add_column(_("Item"), width=_ITEM_CELLS)
            table.add_column(_("Motion"), width=_MOTION_CELLS)
            table.add_columns(_("Result"), _("For"), _("Against"), _("Abst."), _("Method"))
        self.refresh_data()

    def _motion_cells(self) -> int:
        """On a phone, the motion's column: the width the result's leaves."""
        return max(10, self.app.size.width - _NARROW_RESULT_CELLS - _NARROW_SPARE)

    def action_filter(self) -> None:
        self.query_one("#item-filter", Input).focus()

    @on(Input.Submitted)
    def _filtered(self) -> None:
        self.refresh_data()
        self.query_one("#votes", DataTable).focus()

    def refresh_data(self) -> None:
        """Read the record again (new events while following) and apply the filters."""
        follower = self.app.follower
        state = follower.state
        if state is None:
            return
        minutes = minutes_of(state, follower.recorded, follower.last_hash if follower.last_hash != GENESIS else "")
        item_typed = self.query_one("#item-filter", Input).value.strip()
        who_typed = self.query_one("#who-filter", Input).value.strip()
        notes: list[str] = []
        named = find_item(minutes, item_typed) if item_typed else None
        item = None if isinstance(named, NoItem) else named
        if isinstance(named, NoItem):
            notes.append(render(named.code, named.params))
        asked: Who | None = who(state, who_typed) if who_typed else None
        if who_typed and asked is None:
            notes.append(render("tally.no-match", {"text": who_typed}))
        elif asked is not None:
            notes.append(_("Only roll calls name who voted how; shows of hands and ballots record counts only."))
        closed = [i.heading for i in minutes.items if i.closed]
        if closed:
            notes.append(_("Closed session (title only): {items}.").format(items=_("; ").join(closed)))
        failed = bool(item_typed and item is None) or bool(who_typed and asked is None)
        # Decisions taken without a count name nobody: shown unless a member's votes are asked for.
        without = without_count(minutes, item) if asked is None else []
        decisions: list[Tally | Uncounted] = [*tallies(minutes, item, asked)]
        decisions += [found for found in without if isinstance(found, Uncounted)]
        decisions.sort(key=lambda found: found.motion.number)  # stable: a motion's earlier counts first
        # In agenda order: an election's ballots and earlier minutes approved under their item.
        place = {i.id: n for n, i in enumerate(minutes.items)}
        others = [found for found in without if isinstance(found, UncountedOther)]
        found: list[Tally | Uncounted | UncountedOther | BallotTally] = [
            *decisions,
            *others,
            *ballots(minutes, item, asked),
        ]
        found.sort(key=lambda tally: place.get(tally.item.id, len(place)) if tally.item else len(place))
        self.shown = [] if failed else found
        self.query_one("#review-note", Static).update(Text(" ".join(notes), style="italic"))
        self._fill(minutes)

    def _fill(self, minutes: Minutes) -> None:
        table = self.query_one("#votes", DataTable)
        row = table.cursor_row
        table.clear()
        # Cells as Text: a DataTable reads a string as markup, and titles are the agenda's own.
        rows: list[tuple[Text, ...]] = []
        for tally in self.shown:
            item = Text(fitted(tally.item.heading, _ITEM_CELLS) if tally.item else "")
            if isinstance(tally, BallotTally):
                rows.append((item, *_ballot_cells(tally)))
                continue
            if isinstance(tally, UncountedOther):  # earlier minutes approved without objection
                other = tally.decision
                approved = Text(upper_first(other.decision), style="bold green")
                rows.append((item, Text(other.what), approved, *(Text(""),) * 4))
                continue
            if isinstance(tally, Uncounted):
                decided = tally.motion
                ruled = decided.ruling is not None  # neither carried nor lost: ruled on
                status = Text(tally.result_words, style="bold" if ruled else _RESULT_STYLES.get(decided.status, "bold"))
                label = _motion_cell(decided)
                method = Text(words(METHODS, decided.method) if decided.method else "")
                rows.append((item, label, status, Text(""), Text(""), Text(""), method))
                continue
            vote = tally.vote
            result = Text(vote.result_words, style=_RESULT_STYLES.get(vote.result, "bold yellow"))
            counts = (Text(str(n)) for n in (vote.yes, vote.no, vote.abstain))
            rows.append((item, _motion_cell(tally.motion), result, *counts, Text(vote.method_words)))
        # The motion is said whole (its number first), and cut to fit here.
        if self.narrow:
            width = self._motion_cells()
            rows = [
                (_wrapped(motion, width), _result_and_counts(result, counts))
                for _item, motion, result, *counts, _method in rows
            ]
        else:
            rows = [(item, Text(fitted(motion.plain, _MOTION_CELLS)), *rest) for item, motion, *rest in rows]
        for cells in rows:
            table.add_row(*cells, height=None)  # as tall as its cells' lines
        if self.shown:
            table.move_cursor(row=min(max(row, 0), len(self.shown) - 1))
            self._detail(self.shown[table.cursor_row])
        else:
            self.query_one("#detail", Static).update(Text(_("No counted votes."), style="italic"))

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        if 0 <= event.cursor_row < len(self.shown):
            self._detail(self.shown[event.cursor_row])

    def _detail(self, tally: Tally | Uncounted | UncountedOther | BallotTally) -> None:
        if isinstance(tally, Uncounted):
            shown: RenderableType = Text(tally.motion.summary)
        elif isinstance(tally, UncountedOther):
            shown = Text(f"{tally.decision.what}: {tally.decision.decision}")
        else:
            shown = detail(tally) if isinstance(tally, Tally) else ballot_detail(tally)
        self.query_one("#detail", Static).update(shown)


def _wrapped(text: Text, cells: int) -> Text:
    """A motion on up to three lines of a phone's width, no word cut; past them cut with "…"
    (the detail below says it whole)."""
    lines = textwrap.wrap(text.plain, cells) or [text.plain]
    if len(lines) > _NARROW_MOTION_LINES:
        rest = " ".join(lines[_NARROW_MOTION_LINES - 1 :])
        lines = [*lines[: _NARROW_MOTION_LINES - 1], fitted(rest, cells).rstrip()]
    return Text("\n".join(lines), style=text.style)


def _result_and_counts(result: Text, counts: list[Text]) -> Text:
    """A result on as many lines as it takes at a phone's width, no word cut; under it for,
    against and abstentions, "11–6–1" (nothing for a ballot or a decision taken without a count)."""
    cell = Text("\n".join(textwrap.wrap(result.plain, _NARROW_RESULT_CELLS)) or result.plain, style=result.style)
    if all(c.plain for c in counts):
        cell.append("\n" + "–".join(c.plain for c in counts), style=Style(bold=False, color="default"))
    return cell


def _motion_cell(motion: MotionRecord) -> Text:
    """ "#4 amendment": the number first, as the chair's console says it, so that two motions cut
    to fit still read apart (French labels, "La proposition d'amendement 4 à la motion 3", cut
    alike); the detail below gives the label whole. What the chair rules on without a vote has no
    number in the minutes, and none here ("Point of order"): it read "#6 point of order"."""
    if motion.minutes_number is None:
        return Text(upper_first(motion.kind_words))
    return Text(f"#{motion.minutes_number} {motion.kind_words}")


def _ballot_cells(ballot: BallotTally) -> tuple[Text, ...]:
    """A ballot's row under the motions' columns: the ballot and office (its number first, so
    that two ballots cut to fit still read apart), who was elected; no for and against."""
    record = ballot.round
    office = _("Ballot {number}: {office}").format(number=record.number, office=ballot.election.office)
    elected = sum(1 for v in record.votes if v.outcome == "elected")
    result = (
        Text(ngettext("{count} elected", "{count} elected", elected).format(count=elected), style="bold green")
        if elected
        else Text(_("nobody elected"), style="bold yellow")
    )
    return (Text(office), result, Text(""), Text(""), Text(""), Text(record.kind_words))


def detail(tally: Tally) -> RenderableType:
    """One vote in full: the text, the counts, the rule, by region and seat by seat."""
    item = tally.item.heading if tally.item else ""
    vote = tally.vote
    parts: list[RenderableType] = [
        Text(item, style="bold"),
        Text(f"{tally.motion.label} — {vote.method_words}, {vote.at}"),
    ]
    if tally.motion.text:
        parts.append(Text(in_quotes(tally.motion.text), style="italic"))
    parts.append(Text(vote.words, style=_RESULT_STYLES.get(vote.result, "bold yellow")))
    if vote.method == "secret_ballot":
        parts.append(Text(_("Secret ballot: totals only."), style="italic"))
    if tally.regions:
        regions = Table(title=_("By region"), title_justify="left", box=None, pad_edge=False)
        regions.add_column(_("Region"))
        for name in (_("For"), _("Against"), _("Abstentions")):
            regions.add_column(name, justify="right")
        for region in tally.regions:
            regions.add_row(Text(region.name), str(region.yes), str(region.no), str(region.abstain))
        parts.append(regions)
    if tally.seats:
        seats = Table(title=_("Seat by seat"), title_justify="left", box=None, pad_edge=False)
        seats.add_column(_("Seat"))
        seats.add_column(_("Vote"))
        seats.add_column(_("Cast by (alternate or proxy)"))
        for row in tally.seats:
            voter = row.voted_by if row.via_words else ""
            style = {"yes": "green", "no": "red"}.get(row.choice, "")
            seat = Text(f"{row.seat.name} · {row.region_name or ''}")
            seats.add_row(seat, Text(row.choice_words, style=style), Text(voter))
        parts.append(seats)
    return Group(*parts)


def ballot_detail(ballot: BallotTally) -> Group:
    """One ballot of an election in full, under its item and office."""
    record = ballot.round
    heading = Text(ballot.item.heading if ballot.item else "", style="bold")
    return Group(
        heading, Text(f"{ballot.election.office} — {record.kind_words}, {record.declared}"), ballot_figures(ballot)
    )
