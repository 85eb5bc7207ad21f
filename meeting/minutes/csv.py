"""`votes.csv`: every counted vote, one row each, and one more row per seat for a roll call.

UTF-8 with a byte-order mark, so spreadsheet programs read the accents in names. A vote's row
holds its counts and arithmetic; the rows of a roll call's seats repeat which vote they belong
to and fill the member columns instead of the counts, so the counts add up once per vote. A
secret ballot has its one row of totals only: no member column is ever filled for it.
"""

from __future__ import annotations

import csv
import io

from meeting.i18n import _
from meeting.minutes import model as m

BOM = "\ufeff"


def header() -> list[str]:
    return [
        _("item"),
        _("motion"),
        _("motion kind"),
        _("text"),
        _("method"),
        _("result"),
        _("yes"),
        _("no"),
        _("abstain"),
        _("blank"),
        _("class"),
        _("threshold"),
        _("base"),
        _("required"),
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
    items = {item.id: item for item in minutes.items}
    out: list[list[str]] = []
    for motion in minutes.motions:
        item = items.get(motion.item) if motion.item else None
        votes = [e.vote for e in motion.earlier if e.vote] + ([motion.vote] if motion.vote else [])
        for vote in votes:
            which = [
                str(item.number) if item else "",
                str(motion.number),
                motion.kind_words,
                motion.text or "",
                vote.method_words,
                vote.result_words,
            ]
            tail = [vote.at, str(vote.entitled), item.title if item else ""]
            out.append(
                [
                    *which,
                    str(vote.yes),
                    str(vote.no),
                    str(vote.abstain),
                    str(vote.blank),
                    vote.class_id,
                    vote.threshold_words,
                    str(vote.base),
                    vote.required,
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    *tail,
                ]
            )
            if vote.method != "roll_call":
                continue  # a show of hands names nobody; a secret ballot must not
            for seat in vote.roll_call:
                for_seat = seat.seat.id if seat.via != "titular" else ""
                out.append(
                    [
                        *which,
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        "",
                        seat.voter.id,
                        seat.voter.name,
                        seat.region_name or "",
                        for_seat,
                        seat.via_words or "",
                        seat.choice_words,
                        *tail,
                    ]
                )
    return out


# A cell starting with one of these is a formula to a spreadsheet program ("=HYPERLINK(...)"):
# OWASP's advice is a leading apostrophe, which shows the text as typed and runs nothing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def render(minutes: m.Minutes) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header())
    writer.writerows([neutralised(cell) for cell in row] for row in rows(minutes))
    return (BOM + buffer.getvalue()).encode("utf-8")
