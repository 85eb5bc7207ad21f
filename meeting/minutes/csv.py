"""`votes.csv`: every counted vote, one row each, and one more row per seat for a roll call.

UTF-8 with a byte-order mark, so spreadsheet programs read the accents in names. A vote's row
holds its counts (in votes too, where seats carry weights) and what it needed; the rows of a roll call's seats repeat which vote
they belong to and fill the member columns instead of the counts, so the counts add up once per
vote. A secret ballot has its one row of totals only: no member column is ever filled for it.
`cell()` is the one place text becomes a CSV cell.
"""

from __future__ import annotations

import csv
import io

from meeting.domain.text import visible
from meeting.i18n import _
from meeting.minutes import model as m

BOM = "\ufeff"

# What a spreadsheet would take for a formula at the start of a cell (OWASP: CSV injection).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | int) -> str:
    """A value as a cell: numbers as they are; text shown safely, a leading `'` where a
    spreadsheet would otherwise run it as a formula."""
    if isinstance(value, int):
        return str(value)
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA) else text


def header() -> list[str]:
    return [
        _("item"),
        _("motion"),
        _("motion kind"),
        _("text"),
        _("method"),
        _("result"),
        _("tie broken by"),
        _("in favour"),
        _("against"),
        _("abstentions"),
        _("blank"),
        _("invalid"),
        _("votes in favour"),
        _("votes against"),
        _("votes abstaining"),
        _("rule"),
        _("base"),
        _("required"),
        _("needed"),
        _("member id"),
        _("name"),
        _("region"),
        _("for seat"),
        _("as"),
        _("choice"),
        _("time"),
        _("entitled"),
        _("item title"),
    ]


def rows(minutes: m.Minutes) -> list[list[str]]:
    out: list[list[str]] = []
    for motion in minutes.motions:
        item = minutes.item(motion.item)
        for vote in motion.votes:
            which: list[str | int] = [
                item.number if item else "",
                motion.minutes_number or "",
                motion.kind_words,
                motion.text or "",
                vote.method_words,
                vote.result_words,
                vote.tie_break_words or "",
            ]
            tail: list[str | int] = [vote.at, vote.entitled, item.title if item else ""]
            # No invalid papers: only an election's ballot counts them.
            counts: list[str | int] = [vote.yes, vote.no, vote.abstain, vote.blank, ""]
            votes = vote.votes
            weighed = [votes.yes, votes.no, votes.abstain] if votes else ["", "", ""]
            # The base, what the bound asks for exactly and in whole numbers: in votes where seats carry weights.
            base: list[str | int] = [votes.base if votes else vote.base, vote.required, _blank(vote.needed)]
            arithmetic = [*counts, *weighed, vote.threshold_words, *base]
            out.append([cell(v) for v in [*which, *arithmetic, "", "", "", "", "", "", *tail]])
            if vote.method != "roll_call":
                continue  # a show of hands names nobody; a secret ballot must not
            for seat in vote.roll_call:
                who = seat.voter or seat.seat  # a seat not called: its titular, and why in `choice`
                member: list[str | int] = [
                    who.id,
                    who.name,
                    seat.region_name or "",
                    seat.seat.id if seat.via != "titular" else "",
                    seat.via_words or "",
                    seat.choice_words,
                ]
                out.append([cell(v) for v in [*which, *[""] * len(arithmetic), *member, *tail]])
    out += _election_rows(minutes)
    return out


def _election_rows(minutes: m.Minutes) -> list[list[str]]:
    """An election's rounds: a row per candidate per ballot, with the votes they received
    (never who voted for whom: a ballot is secret)."""
    out: list[list[str]] = []
    for election in minutes.elections:
        item = minutes.item(election.item)
        for r in election.rounds:
            text = _("{office}, ballot {number}").format(office=election.office, number=r.number)
            # What a candidate's votes were measured against: the majority of the votes cast, or
            # in a ranked count the quota out of the valid papers.
            base: str | int
            needed: str | int
            if r.necessary is not None:
                rule, base, needed = _("necessary for election"), _blank(r.votes_cast), r.necessary
            elif r.count is not None and r.count.quota is not None:
                rule, base, needed = _("quota"), r.count.valid, r.count.quota
            else:
                rule, base, needed = "", "", ""
            for row in r.votes:
                values: list[str | int] = [
                    item.number if item else "",
                    "",
                    _("election"),
                    text,
                    r.kind_words,
                    row.outcome_words or "",
                    "",
                    row.votes,
                    "",
                    "",
                    r.blank,
                    r.invalid,
                    "",
                    "",
                    "",
                    rule,
                    base,
                    needed,
                    needed,
                    row.candidate.id,
                    row.candidate.name,
                    "",
                    "",
                    _("candidate"),
                    "",
                    r.declared or r.opened,
                    r.possible,
                    item.title if item else "",
                ]
                out.append([cell(v) for v in values])
    return out


def _blank(value: int | None) -> str | int:
    return "" if value is None else value


def render(minutes: m.Minutes) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header())
    writer.writerows(rows(minutes))
    return (BOM + buffer.getvalue()).encode("utf-8")
