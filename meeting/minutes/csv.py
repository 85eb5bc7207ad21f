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
from fractions import Fraction

from meeting.domain.rules import Threshold
from meeting.domain.text import visible
from meeting.i18n import N_, _, ngettext
from meeting.minutes import model as m
from meeting.vocabulary import words
from meeting.words import _counted_base, threshold_words

BOM = "\ufeff"

# The `bound` column: how the votes in favour compare with `bound in votes`, as the rules write
# the bound ("more than" half, "at least" two-thirds).
BOUNDS = {"more_than": N_("more than"), "at_least": N_("at least")}

# What a spreadsheet would take for a formula at the start of a cell (OWASP: CSV injection).
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str | int) -> str:
    """A value as a cell: numbers as they are; text shown safely, a leading `'` where a
    spreadsheet would otherwise run it as a formula."""
    if isinstance(value, int):
        return str(value)
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA) else text


def exact(value: str | int) -> str | int:
    """An exact figure as a cell: a fraction with a leading `'`, the guard `cell` puts before a
    formula, so that a spreadsheet keeps "17/2" as text where it would read a date (17 February
    in French or Portuguese); a whole number as it is, to be counted."""
    return "'" + value if isinstance(value, str) and "/" in value else value


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
        _("bound"),
        _("bound in votes"),
        _("votes in favour needed"),
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
            tail: list[str | int] = [_moment(minutes, vote.at), vote.entitled, item.title if item else ""]
            # No invalid papers: only an election's ballot counts them.
            counts: list[str | int] = [vote.yes, vote.no, vote.abstain, vote.blank, ""]
            votes = vote.votes
            weighed = [exact(votes.yes), exact(votes.no), exact(votes.abstain)] if votes else ["", "", ""]
            # The base; the bound as the rules write it ("more than" 17/2) and the least whole number of
            # votes in favour it asks for: in votes where seats carry weights.
            base: list[str | int] = [
                exact(votes.base) if votes else vote.base,
                words(BOUNDS, vote.bound),
                exact(vote.required),
                _blank(vote.needed),
            ]
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
    (never who voted for whom: a ballot is secret); the round's blank and invalid papers on its
    first row only."""
    out: list[list[str]] = []
    for election in minutes.elections:
        item = minutes.item(election.item)
        for r in election.rounds:
            text = _("{office}, ballot {number}").format(office=election.office, number=r.number)
            # What a candidate's votes were measured against, as a motion's are: more than half the
            # votes cast, or in a ranked count at least the quota out of the valid papers.
            rule, base, bound, required, needed = _rule(r)
            for index, row in enumerate(r.votes):
                # The round's blank and invalid papers once, on its first row, so that the rows of a
                # round add up to its papers.
                first = index == 0
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
                    r.blank if first else "",
                    r.invalid if first else "",
                    "",
                    "",
                    "",
                    rule,
                    base,
                    bound,
                    required,
                    needed,
                    row.candidate.id,
                    row.candidate.name,
                    "",
                    "",
                    _("candidate"),
                    "",
                    _moment(minutes, r.declared or r.opened),
                    r.possible,
                    item.title if item else "",
                ]
                out.append([cell(v) for v in values])
    return out


def _rule(r: m.RoundRecord) -> tuple[str, str | int, str, str | int, str | int]:
    """An election round's rule in words, its base, its bound, what the bound is in votes and the
    votes needed: "a majority of the 18 votes cast", 18, "more than", 9, 10."""
    if r.necessary is not None:
        if r.votes_cast is None:  # not said: the necessary votes alone
            return "", "", "", "", r.necessary
        rule = threshold_words(Threshold(more_than=Fraction(1, 2)), _counted_base("votes_cast", r.votes_cast))
        return rule, r.votes_cast, words(BOUNDS, "more_than"), exact(str(Fraction(r.votes_cast, 2))), r.necessary
    if r.count is not None and r.count.quota is not None:
        valid = r.count.valid
        rule = ngettext(
            "the Droop quota of the {n} valid ballot paper", "the Droop quota of the {n} valid ballot papers", valid
        ).format(n=valid)
        return rule, valid, words(BOUNDS, "at_least"), r.count.quota, r.count.quota
    return "", "", "", "", ""


def _moment(minutes: m.Minutes, at: str) -> str:
    """The `time` column: always the date and the time in the meeting's time zone, "2026-12-10
    12:10", where the minutes give HH:MM alone on the meeting's day (a vote after midnight read
    "2026-12-11 12:08" beside others' "12:10")."""
    return at if not at or " " in at else f"{minutes.header.date} {at}"


def _blank(value: int | None) -> str | int:
    return "" if value is None else value


def render(minutes: m.Minutes) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header())
    writer.writerows(rows(minutes))
    return (BOM + buffer.getvalue()).encode("utf-8")
