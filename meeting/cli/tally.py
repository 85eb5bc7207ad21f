"""`meeting tally JOURNAL_OR_DIR`: every vote of a meeting in tables, for members in a terminal."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from meeting.cli.options import given, path_text, speak
from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import error
from meeting.i18n import _
from meeting.minutes import files

if TYPE_CHECKING:
    from meeting.minutes.model import Minutes, VoteRecord
    from meeting.minutes.tally import BallotTally, Tally, Uncounted, UncountedOther


MIN_WIDTH = 80


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "tally",
        parents=[common],
        help=_("show every vote of a meeting in tables"),
        description=_(
            "Show every counted vote of a meeting, from its journal: the counts, the rule and its "
            "base, the yes votes required and the result; for a roll call, each seat's vote and the "
            "counts by region; for each ballot of an election, the candidates' votes and the count, "
            "stage by stage; then the decisions taken without a count. A secret ballot shows its totals only."
        ),
    )
    parser.add_argument(
        "path", metavar="JOURNAL_OR_DIR", type=path_text, help=_("a journal.jsonl, or the folder holding it")
    )
    parser.add_argument(
        "--item",
        metavar="ITEM",
        type=given,
        help=_("only the votes on this agenda item (its id, number, or words of its title)"),
    )
    parser.add_argument(
        "--member",
        metavar="WHO",
        type=given,
        help=_("only the roll calls where this member or region voted, and only their seats (an id or a name)"),
    )
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def _summary(minutes: Minutes, votes: list[Tally]) -> Table:
    table = Table(title=_("Votes: {title}").format(title=minutes.header.title), box=box.SIMPLE_HEAVY, expand=False)
    # The words wrap and the numbers and the result do not: at 80 columns, in every language,
    # the motion's label takes more lines rather than the result being cut to "Aprob". The item
    # and the method go under the label: as columns of their own they pushed the result off the
    # edge in Spanish, Swahili and Portuguese. Blank ballots have a column only where some were
    # cast.
    blanks = any(tally.vote.blank for tally in votes)
    # As wide as its longest word (up to a limit), so that "sous-amendement" is not cut in two.
    words = (word for tally in votes for word in f"{tally.motion.label} {_about(tally)}".split())
    longest = max(map(cell_len, words), default=0)
    table.add_column(_("Motion"), min_width=min(max(12, longest), 16), overflow="fold")
    for name in (_("For"), _("Against"), _("Abst."), *([_("Blank")] if blanks else [])):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column(_("Needed"), justify="right", no_wrap=True)
    # An appeal's result is a sentence ("The decision of the chair was sustained"): it wraps,
    # never narrower than its longest word.
    results = (word for tally in votes for word in tally.vote.result_words.split())
    table.add_column(_("Result"), min_width=max(map(cell_len, results), default=0), overflow="fold")
    for tally in votes:
        vote = tally.vote
        style = "bold green" if vote.result == "carried" else "bold red" if vote.result == "lost" else "bold yellow"
        counts = (str(vote.yes), str(vote.no), str(vote.abstain), *([str(vote.blank)] if blanks else []))
        motion = Text(tally.motion.label)
        motion.append("\n" + _about(tally), style="dim")
        table.add_row(motion, *counts, _needed(vote), Text(vote.result_words, style=style))
    return table


def _about(tally: Tally) -> str:
    """Where and how the vote was taken: "item 6 · show of hands"."""
    where = [_("item {number}").format(number=tally.item.number)] if tally.item else []
    return " · ".join([*where, tally.vote.method_words])


def _needed(vote: VoteRecord) -> str:
    """The whole number needed in favour; the exact bound where no whole number says it."""
    if vote.needed is not None:
        return str(vote.needed)
    return _("more than {n}").format(n=vote.required) if vote.bound == "more_than" else vote.required


def _detail(tally: Tally) -> Panel:
    motion, vote = tally.motion, tally.vote
    parts: list[RenderableType] = []
    if motion.text:
        parts.append(Text(motion.text))
    counts = Table(box=box.SIMPLE, show_header=True, pad_edge=False)
    for name in (_("For"), _("Against"), _("Abst."), _("Blank"), _("Entitled"), _("Base"), _("Needed")):
        counts.add_column(name, justify="right")
    counts.add_row(
        str(vote.yes),
        str(vote.no),
        str(vote.abstain),
        str(vote.blank),
        str(vote.entitled),
        vote.votes.base if vote.votes else str(vote.base),
        _needed(vote),
    )
    parts.append(counts)
    parts.append(
        Text(_("Needed: {needed} yes votes, {threshold}.").format(needed=_needed(vote), threshold=vote.threshold_words))
    )
    style = "bold green" if vote.result == "carried" else "bold red" if vote.result == "lost" else "bold yellow"
    parts.append(Text(vote.words, style=style))
    if vote.method == "secret_ballot":
        parts.append(Text(_("Secret ballot: totals only."), style="italic"))
    if tally.regions:
        regions = Table(title=_("By region"), box=box.SIMPLE, title_justify="left")
        regions.add_column(_("Region"))
        for name in (_("For"), _("Against"), _("Abstentions")):
            regions.add_column(name, justify="right")
        for region in tally.regions:
            regions.add_row(region.name, str(region.yes), str(region.no), str(region.abstain))
        parts.append(regions)
    if tally.seats:
        names = Table(title=_("Seat by seat"), box=box.SIMPLE, title_justify="left")
        names.add_column(_("Seat"), no_wrap=True)
        names.add_column(_("Vote"), no_wrap=True)
        names.add_column(_("Cast by (alternate or proxy)"))
        heading: str | None = None
        for seat in tally.seats:
            if seat.region_name != heading:
                heading = seat.region_name
                names.add_row(Text(heading or "", style="bold"), "", "")
            voter = seat.voted_by if seat.via_words else ""
            style = {"yes": "green", "no": "red"}.get(seat.choice, "")
            names.add_row("  " + seat.seat.name, Text(seat.choice_words, style=style), voter)
        parts.append(names)
    title = _("{label} — {method}, {at}").format(label=motion.label, method=vote.method_words, at=vote.at)
    item = tally.item.heading if tally.item else ""
    return Panel(Group(*parts), title=title, subtitle=item or None, title_align="left", subtitle_align="left")


def _ballot(ballot: BallotTally) -> Panel:
    # Here, not at the top: the figures import the minutes' model, which every other command
    # (the chair's console first) would otherwise build before its first frame.
    from meeting.ballot_figures import ballot_figures

    record = ballot.round
    title = _("{office}, ballot {number}, {at}").format(
        office=ballot.election.office, number=record.number, at=record.declared
    )
    item = ballot.item.heading if ballot.item else ""
    body = Group(Text(record.kind_words, style="italic"), ballot_figures(ballot))
    return Panel(body, title=title, subtitle=item or None, title_align="left", subtitle_align="left")


def run(args: argparse.Namespace) -> int:
    from meeting.minutes.tally import NoItem, ballots, find_item, tallies, who, without_count

    path = files.journal_path(Path(args.path))
    journal = files.read(path)
    speak(args, journal.state.meeting.agenda.language if journal.state else None)
    diagnostics = list(journal.diagnostics)
    votes: list[Tally] = []
    held: list[BallotTally] = []
    without: list[Uncounted | UncountedOther] = []
    minutes = None
    if journal.ok and journal.state is not None:
        minutes = files.minutes_in(journal, args.lang)
        item = find_item(minutes, args.item) if args.item is not None else None
        asked = who(journal.state, args.member) if args.member is not None else None
        if isinstance(item, NoItem):
            diagnostics.append(error(str(path), item.code, **item.params))
        elif args.member is not None and asked is None:
            diagnostics.append(error(str(path), "tally.no-match", text=args.member))
        else:
            votes = tallies(minutes, item, asked)
            held = ballots(minutes, item, asked)
            without = without_count(minutes, item) if asked is None else []  # they name nobody
    ok = journal.ok and not any(d.severity == "error" for d in diagnostics)
    if args.json:
        shown = [tally.data() for tally in votes]
        balloted = [ballot.data() for ballot in held]
        decided = [decision.data() for decision in without]
        result = json_result(diagnostics, votes=shown, ballots=balloted, uncounted=decided)
        print(json.dumps(result, ensure_ascii=False, indent=2))
        return 0 if ok else 1
    print_diagnostics(diagnostics)
    if not ok or minutes is None:
        return 1
    console = Console(highlight=False, markup=False)  # names and texts are the files' own, never markup
    # The tables are laid out for 80 columns; narrower (COLUMNS=1, a tiny pane) they would be a
    # column of single letters, so they are printed at 80 and the terminal wraps them.
    console.width = max(console.width, MIN_WIDTH)
    if not votes and not held:
        console.print(_("No counted votes."))
    if votes:
        console.print(_summary(minutes, votes))
    for tally in votes:
        console.print(_detail(tally))
    for ballot in held:
        console.print(_ballot(ballot))
    if without:
        console.print(_uncounted(without))
    return 0


def _uncounted(decisions: list[Uncounted | UncountedOther]) -> Table:
    """The decisions taken with no count: by general consent, by consensus; earlier minutes
    approved without objection. Headed as the minutes' table of decisions heads them."""
    from meeting.minutes.tally import Uncounted

    rows: list[tuple[Text, str]] = []
    for decision in decisions:
        if isinstance(decision, Uncounted):
            what = Text(decision.motion.label)
            result = decision.motion.how_words or decision.result_words
        else:
            what, result = Text(decision.decision.what), decision.decision.decision
        if decision.item is not None:
            what.append("\n" + decision.item.heading, style="dim")
        rows.append((what, result))
    table = Table(title=_("Decided without a count"), box=box.SIMPLE_HEAVY, expand=False)
    table.add_column(_("Question"), overflow="fold")
    table.add_column(_("Decision"), no_wrap=True)  # on one line: the question wraps
    for what, result in rows:
        table.add_row(what, Text(result))
    return table
