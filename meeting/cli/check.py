"""`meeting check FILE`: validate a council or agenda file and summarise it for the chair."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from datetime import datetime, time
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from meeting.cli.options import path_text, speak
from meeting.cli.output import json_result, print_diagnostics
from meeting.domain.agenda import Meeting
from meeting.domain.council import Council
from meeting.domain.local_hours import local_times
from meeting.domain.quantities import quantity_text
from meeting.domain.rules import LocalHours
from meeting.formats import clock_time, number
from meeting.i18n import _
from meeting.vocabulary import (
    council_words,
    meeting_place,
    meeting_title,
    member_name,
    region_words,
    short_minutes,
    title_words,
)
from meeting.words import chamber_words, decision_words, quorum_words

if TYPE_CHECKING:
    from meeting.loader.load import Loaded


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "check",
        parents=[common],
        help=_("validate a council or agenda file and summarise it"),
        description=_(
            "Validate a council file or a meeting's agenda file. Prints every problem as "
            "PATH:LINE:COL: error: message and exits 1, or prints a summary and exits 0."
        ),
    )
    parser.add_argument("file", metavar="FILE", type=path_text, help=_("a council.toml or a meeting's agenda .toml"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def _seats_by_region(council: Council) -> list[dict[str, Any]]:
    return [{"region": r.id, "name": region_words(r), "seats": len(council.seats_in(r.id))} for r in council.regions]


def council_summary(council: Council, rules_source: Meeting | None = None) -> dict[str, Any]:
    rules = rules_source.rules if rules_source else council.rules
    return {
        "council": council_words(council),
        "short_name": council.short_name,
        "languages": list(council.languages),
        "seats": len(council.seats),
        "regions": _seats_by_region(council),
        "quorum": quorum_words(rules.quorum, council),
        "classes": {cid: decision_words(c, council, rules) for cid, c in rules.classes.items()},
        **({"chambers": chamber_words(rules, council)} if rules.chambers else {}),
        **({"votes": quantity_text(sum(council.seat_weights, Fraction(0)))} if council.weighted else {}),
    }


def _local_times(meeting: Meeting) -> list[dict[str, Any]]:
    """The scheduled start and end in each member's zone, earliest clock first, flagged when
    outside the local hours the rules allow (domain/local_hours.py)."""
    return [
        {
            "zone": row.zone,
            "start": row.start.isoformat(timespec="minutes"),
            "end": row.end.isoformat(timespec="minutes"),
            "outside": row.outside,
            "members": [member_name(meeting.council, member) for member in row.members],
        }
        for row in local_times(meeting)
    ]


def meeting_summary(meeting: Meeting) -> dict[str, Any]:
    agenda = meeting.agenda
    hours = meeting.rules.local_hours or LocalHours()
    council = meeting.council
    return {
        **council_summary(council, meeting),
        "meeting": agenda.id,
        "title": meeting_title(agenda),
        "kind": agenda.kind,
        "start": agenda.scheduled_start.isoformat(timespec="minutes"),
        "time_zone": agenda.time_zone,
        "duration_minutes": agenda.duration_minutes,
        "language": agenda.language,
        "place": meeting_place(agenda),
        "link": agenda.link,
        "chair": member_name(council, agenda.chair),
        "secretary": member_name(council, agenda.secretary),
        "items": [
            {"id": item.id, "title": title_words(item), "kind": item.kind, "minutes": item.minutes}
            for item in agenda.items
        ],
        "planned_minutes": agenda.planned_minutes,
        "local_hours": {
            "earliest": hours.earliest.isoformat(timespec="minutes"),
            "latest": hours.latest.isoformat(timespec="minutes"),
        },
        "local_times": _local_times(meeting),
    }


def _lines(summary: dict[str, Any]) -> Iterable[str]:
    yield f"{summary['council']} ({summary['short_name']})"
    yield _("Working languages: {languages}").format(languages=", ".join(summary["languages"]))
    yield _("Voting seats: {seats}").format(seats=number(summary["seats"]))
    if "votes" in summary:
        yield _("Votes: {votes}").format(votes=summary["votes"])
    # In terminal cells: a name with a combining accent ("Ọ̀yọ́") takes fewer than its characters.
    width = max((cell_len(r["name"]) for r in summary["regions"]), default=0)
    for region in summary["regions"]:
        padding = " " * (width - cell_len(region["name"]))
        yield f"  {region['name']}{padding}  {region['seats']:>3}"
    yield _("Quorum: {words}").format(words=summary["quorum"])
    if "chambers" in summary:
        yield _("Chambers:")
        for words in summary["chambers"].values():
            yield f"  {words}"
    yield _("Decision classes:")
    for class_id, words in summary["classes"].items():
        yield f"  {class_id}: {words}"
    if "meeting" not in summary:
        return
    yield ""
    yield f"{summary['title']} [{summary['meeting']}]"
    yield _("Starts {start} ({zone}), {minutes} minutes").format(
        start=summary["start"][:16].replace("T", " "), zone=summary["time_zone"], minutes=summary["duration_minutes"]
    )
    where = " · ".join(x for x in (summary["place"], summary["link"]) if x)
    if where:
        yield _("Where: {where}").format(where=where)
    yield _("Chair: {chair} · Secretary: {secretary}").format(chair=summary["chair"], secretary=summary["secretary"])
    yield _("Agenda: {count} items, {planned} of {duration} minutes planned").format(
        count=len(summary["items"]), planned=summary["planned_minutes"], duration=summary["duration_minutes"]
    )
    width = max(len(item["id"]) for item in summary["items"])
    planned = [short_minutes(item["minutes"]) for item in summary["items"]]
    room = max(map(cell_len, planned))
    for position, (item, minutes) in enumerate(zip(summary["items"], planned, strict=True), start=1):
        padding = " " * (room - cell_len(minutes))
        yield f"  {position:>2}. {item['id']:<{width}}  {padding}{minutes}  {item['title']}"
    for circulated in summary["approves"]:
        yield _("Item '{item}' approves the minutes of {meeting}: journal SHA-256 {journal}, draft {minutes}").format(
            item=circulated["item"],
            meeting=circulated["meeting"],
            journal=circulated["journal_sha256"],
            minutes=circulated["minutes_sha256"],
        )
    yield _("The meeting in members' local time (⚠ outside {earliest}–{latest}):").format(
        earliest=clock_time(time.fromisoformat(summary["local_hours"]["earliest"])),
        latest=clock_time(time.fromisoformat(summary["local_hours"]["latest"])),
    )
    for row in summary["local_times"]:
        start, end = datetime.fromisoformat(row["start"]), datetime.fromisoformat(row["end"])
        names = row["members"]
        shown = ", ".join(names[:3]) + (_(" and {n} more").format(n=len(names) - 3) if len(names) > 3 else "")
        # The date with each end, since either may fall on another day than the meeting's.
        span = f"{start.date().isoformat()} {clock_time(start)}–" + (
            clock_time(end) if end.date() == start.date() else f"{end.date().isoformat()} {clock_time(end)}"
        )
        offset = row["start"][16:] or "UTC"
        if row["end"][16:] != row["start"][16:]:  # the clocks changed during the meeting
            offset += " → " + (row["end"][16:] or "UTC")
        yield f"  {'⚠' if row['outside'] else ' '} {span} ({offset})  {row['zone']}: {shown}"


def summary_of(loaded: Loaded) -> dict[str, Any] | None:
    if loaded.meeting is not None:
        summary = meeting_summary(loaded.meeting)
        summary["approves"] = [c.model_dump(mode="json") for c in loaded.circulated]
        return summary
    if loaded.council is not None:
        return council_summary(loaded.council)
    return None


def run(args: argparse.Namespace) -> int:
    from meeting.loader.load import load  # validating a council is this command's work only

    loaded = load(Path(args.file))
    speak(args, loaded.meeting.agenda.language if loaded.meeting else None)
    summary = summary_of(loaded) if loaded.ok else None
    if args.json:
        print(json.dumps(json_result(loaded.diagnostics, summary=summary), ensure_ascii=False, indent=2))
    else:
        print_diagnostics(loaded.diagnostics)
        if summary is not None:
            print("\n".join(_lines(summary)))
    return 0 if loaded.ok else 1
