"""A ballot of an election as the terminal shows it, whole: in the members' review and in
`meeting tally`, which must not import Textual for it."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from meeting.formats import exact_figure
from meeting.i18n import _
from meeting.minutes.model import CountSheet
from meeting.minutes.tally import BallotTally


def ballot_figures(ballot: BallotTally) -> Group:
    """What a ballot decided, each candidate's votes and fate, the papers, and how the count
    went, stage by stage (a ballot is secret: totals only)."""
    record = ballot.round
    parts: list[RenderableType] = [
        Text(record.words, style="bold green" if any(v.outcome == "elected" for v in record.votes) else "bold")
    ]
    votes = Table(box=None, pad_edge=False)
    votes.add_column(_("Candidate"))
    votes.add_column(_("Votes"), justify="right")
    votes.add_column(_("Result"))
    for row in record.votes:
        style = "green" if row.outcome == "elected" else ""
        figure = exact_figure(row.votes)
        votes.add_row(Text(row.candidate.name, style=style), figure, Text(row.outcome_words or "", style=style))
    parts.append(votes)
    figures = [_("blank {blank}, invalid {invalid}").format(blank=record.blank, invalid=record.invalid)]
    if record.votes_cast is not None and record.necessary is not None:
        figures.append(
            _("{cast} votes cast, {necessary} necessary").format(cast=record.votes_cast, necessary=record.necessary)
        )
    if record.count is not None:
        figures.append(record.count.words)
    parts.append(Text(" · ".join(figures), style="dim"))
    if record.count is not None:
        for stage in record.count.stages:
            parts.append(Text(_("Stage {number}: {words}").format(number=stage.number, words=stage.words)))
            parts.extend(Padding(Text(decision), (0, 0, 0, 2)) for decision in stage.decisions)
        parts.extend(_count_sheet(record.count))
    else:
        parts.extend(Text(explanation) for explanation in record.explanations)
    return Group(*parts)


def _count_sheet(count: CountSheet) -> list[Padding]:
    """The count sheet as the minutes print it, a few stages a table (each cell the votes after
    the stage and what it moved), so that a member can redo the count stage by stage."""
    from meeting.minutes.html import Words  # the minutes' own sheet, its words in the language

    tables = []
    for head, rows in Words.sheet_tables(count):
        table = Table(box=None, pad_edge=False, padding=(0, 2, 0, 0))
        table.add_column(head[0], overflow="fold")
        for title in head[1:]:
            table.add_column(title, justify="right", overflow="fold")
        for row in rows:
            table.add_row(*row)
        tables.append(Padding(table, (1, 0, 0, 0)))
    return tables
