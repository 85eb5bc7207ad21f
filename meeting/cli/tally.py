"""`meeting tally JOURNAL_OR_DIR`: every vote of a meeting in tables, for members in a terminal."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from meeting.cli.output import json_result, print_diagnostics
from meeting.diagnostics import error
from meeting.i18n import _
from meeting.minutes import files
from meeting.minutes.model import Minutes, MotionRecord, VoteRecord
from meeting.vocabulary import item_heading


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "tally",
        parents=[common],
        help=_("show every vote of a meeting in tables"),
        description=_(
            "Show every counted vote of a meeting, from its journal: the counts, the rule and its "
            "base, the yes votes required and the result; for a roll call, each seat's vote and the "
            "counts by region. A secret ballot shows its totals only."
        ),
    )
    parser.add_argument("path", metavar="JOURNAL_OR_DIR", help=_("a journal.jsonl, or the folder holding it"))
    parser.add_argument("--item", metavar="ID", help=_("only the votes on this agenda item (its id or number)"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def votes_of(minutes: Minutes, item: str | None) -> list[tuple[MotionRecord, VoteRecord]]:
    """Every counted vote, in the order of the motions (a motion's earlier votes first)."""
    wanted = None
    if item is not None:
        wanted = next(
            (i.id for i in minutes.items if i.id.casefold() == item.casefold() or str(i.number) == item), None
        )
    out = []
    for motion in minutes.motions:
        if item is not None and motion.item != wanted:
            continue
        for vote in [e.vote for e in motion.earlier if e.vote] + ([motion.vote] if motion.vote else []):
            out.append((motion, vote))
    return out


def _item_title(minutes: Minutes, motion: MotionRecord) -> str:
    item = next((i for i in minutes.items if i.id == motion.item), None)
    return item_heading(item.number, item.title) if item else ""


def _summary(minutes: Minutes, votes: list[tuple[MotionRecord, VoteRecord]]) -> Table:
    table = Table(title=_("Votes: {title}").format(title=minutes.header.title), box=box.SIMPLE_HEAVY, expand=False)
    table.add_column(_("Motion"), no_wrap=True)
    table.add_column(_("Item"), justify="right")
    table.add_column(_("Method"))
    for name in (_("Yes"), _("No"), _("Abst."), _("Blank")):
        table.add_column(name, justify="right")
    table.add_column(_("Required"), justify="right")
    table.add_column(_("Result"))
    for motion, vote in votes:
        item = next((str(i.number) for i in minutes.items if i.id == motion.item), "")
        style = "bold green" if vote.result == "carried" else "bold red" if vote.result == "lost" else "bold yellow"
        table.add_row(
            f"#{motion.number}",
            item,
            vote.method_words,
            str(vote.yes),
            str(vote.no),
            str(vote.abstain),
            str(vote.blank),
            vote.required_words,
            Text(vote.result_words, style=style),
        )
    return table


def _detail(minutes: Minutes, motion: MotionRecord, vote: VoteRecord) -> Panel:
    parts: list[RenderableType] = []
    if motion.text:
        parts.append(Text(motion.text))
    counts = Table(box=box.SIMPLE, show_header=True, pad_edge=False)
    for name in (_("Yes"), _("No"), _("Abstain"), _("Blank"), _("Entitled"), _("Base"), _("Required")):
        counts.add_column(name, justify="right")
    counts.add_row(
        str(vote.yes),
        str(vote.no),
        str(vote.abstain),
        str(vote.blank),
        str(vote.entitled),
        str(vote.base),
        vote.required_words,
    )
    parts.append(counts)
    parts.append(
        Text(_("Rule: {threshold} (class: {class_id})").format(threshold=vote.threshold_words, class_id=vote.class_id))
    )
    style = "bold green" if vote.result == "carried" else "bold red" if vote.result == "lost" else "bold yellow"
    parts.append(Text(vote.words, style=style))
    if vote.method == "secret_ballot":
        parts.append(Text(_("Secret ballot: totals only."), style="italic"))
    if vote.by_region:
        regions = Table(title=_("By region"), box=box.SIMPLE, title_justify="left")
        regions.add_column(_("Region"))
        for name in (_("Yes"), _("No"), _("Abstain")):
            regions.add_column(name, justify="right")
        for region in vote.by_region:
            regions.add_row(region.name, str(region.yes), str(region.no), str(region.abstain))
        parts.append(regions)
    if vote.roll_call:
        names = Table(title=_("Seat by seat"), box=box.SIMPLE, title_justify="left")
        names.add_column(_("Seat"), no_wrap=True)
        names.add_column(_("Vote"), no_wrap=True)
        names.add_column(_("Cast by (alternate or proxy)"))
        heading: str | None = None
        for seat in vote.roll_call:
            if seat.region_name != heading:
                heading = seat.region_name
                names.add_row(Text(heading or "", style="bold"), "", "")
            voter = f"{seat.voter.name} ({seat.via_words})" if seat.via_words else ""
            style = {"yes": "green", "no": "red"}.get(seat.choice, "")
            names.add_row("  " + seat.seat.name, Text(seat.choice_words, style=style), voter)
        parts.append(names)
    title = _("{label} — {method}, {at}").format(label=motion.label, method=vote.method_words, at=vote.at)
    item = _item_title(minutes, motion)
    return Panel(Group(*parts), title=title, subtitle=item or None, title_align="left", subtitle_align="left")


def run(args: argparse.Namespace) -> int:
    path = files.journal_path(Path(args.path))
    journal = files.read(path)
    diagnostics = list(journal.diagnostics)
    votes: list[tuple[MotionRecord, VoteRecord]] = []
    minutes = None
    if journal.ok:
        minutes = files.minutes_in(journal, args.lang)
        if args.item is not None and not any(
            i.id.casefold() == args.item.casefold() or str(i.number) == args.item for i in minutes.items
        ):
            diagnostics.append(error(str(path), "item.not-found", text=args.item))
        else:
            votes = votes_of(minutes, args.item)
    ok = journal.ok and not any(d.severity == "error" for d in diagnostics)
    if args.json:
        shown = [
            {
                "motion": motion.number,
                "label": motion.label,
                "item": motion.item,
                "text": motion.text,
                **vote.model_dump(mode="json", exclude_none=True),
            }
            for motion, vote in votes
        ]
        print(json.dumps(json_result(diagnostics, votes=shown), ensure_ascii=False, indent=2))
        return 0 if ok else 1
    print_diagnostics(diagnostics)
    if not ok or minutes is None:
        return 1
    console = Console(highlight=False)
    if not votes:
        console.print(_("No counted votes."))
        return 0
    console.print(_summary(minutes, votes))
    for motion, vote in votes:
        console.print(_detail(minutes, motion, vote))
    return 0
