"""`meeting check FILE`: validate a council or agenda file and summarise it for the chair."""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from meeting.cli.output import json_result, print_diagnostics
from meeting.domain.agenda import Meeting
from meeting.domain.council import Council
from meeting.domain.quantities import quantity_text
from meeting.i18n import _
from meeting.vocabulary import member_name
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
    parser.add_argument("file", metavar="FILE", help=_("a council.toml or a meeting's agenda .toml"))
    parser.add_argument("--json", action="store_true", help=_("print one JSON object on stdout"))
    parser.set_defaults(run=run)


def _seats_by_region(council: Council) -> list[dict[str, Any]]:
    return [{"region": r.id, "name": r.name, "seats": len(council.seats_in(r.id))} for r in council.regions]


def council_summary(council: Council, rules_source: Meeting | None = None) -> dict[str, Any]:
    rules = rules_source.rules if rules_source else council.rules
    return {
        "council": council.name,
        "short_name": council.short_name,
        "languages": list(council.languages),
        "seats": len(council.seats),
        "regions": _seats_by_region(council),
        "quorum": quorum_words(rules.quorum, council),
        "classes": {cid: decision_words(c, council, rules) for cid, c in rules.classes.items()},
        **({"chambers": chamber_words(rules, council)} if rules.chambers else {}),
        **({"votes": quantity_text(sum(council.seat_weights, Fraction(0)))} if council.weighted else {}),
    }


def _local_starts(meeting: Meeting) -> list[dict[str, Any]]:
    """The scheduled start in each member's zone, earliest clock first."""
    start = meeting.agenda.scheduled_start
    by_zone: dict[str, list[str]] = defaultdict(list)
    for member in meeting.council.members:
        by_zone[member.time_zone or meeting.agenda.time_zone].append(member.name)
    locals_ = sorted(
        ((start.astimezone(ZoneInfo(zone)), zone, names) for zone, names in by_zone.items()),
        key=lambda row: (row[0].utcoffset(), row[1]),
    )
    return [
        {"zone": zone, "local": local.isoformat(timespec="minutes"), "members": names} for local, zone, names in locals_
    ]


def meeting_summary(meeting: Meeting) -> dict[str, Any]:
    agenda = meeting.agenda
    council = meeting.council
    return {
        **council_summary(council, meeting),
        "meeting": agenda.id,
        "title": agenda.title,
        "kind": agenda.kind,
        "start": agenda.scheduled_start.isoformat(timespec="minutes"),
        "time_zone": agenda.time_zone,
        "duration_minutes": agenda.duration_minutes,
        "language": agenda.language,
        "place": agenda.place,
        "link": agenda.link,
        "chair": member_name(council, agenda.chair),
        "secretary": member_name(council, agenda.secretary),
        "items": [
            {"id": item.id, "title": item.title, "kind": item.kind, "minutes": item.minutes} for item in agenda.items
        ],
        "planned_minutes": agenda.planned_minutes,
        "local_starts": _local_starts(meeting),
    }


def _lines(summary: dict[str, Any]) -> Iterable[str]:
    yield f"{summary['council']} ({summary['short_name']})"
    yield _("Working languages: {languages}").format(languages=", ".join(summary["languages"]))
    yield _("Voting seats: {seats}").format(seats=summary["seats"])
    if "votes" in summary:
        yield _("Votes: {votes}").format(votes=summary["votes"])
    width = max((len(r["name"]) for r in summary["regions"]), default=0)
    for region in summary["regions"]:
        yield f"  {region['name']:<{width}}  {region['seats']:>3}"
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
    for number, item in enumerate(summary["items"], start=1):
        yield f"  {number:>2}. {item['id']:<{width}}  {item['minutes']:>3} min  {item['title']}"
    for circulated in summary["approves"]:
        yield _("Item '{item}' approves the minutes of {meeting}: journal SHA-256 {journal}, draft {minutes}").format(
            item=circulated["item"],
            meeting=circulated["meeting"],
            journal=circulated["journal_sha256"],
            minutes=circulated["minutes_sha256"],
        )
    yield _("Start in members' local time:")
    for row in summary["local_starts"]:
        local = row["local"]
        names = row["members"]
        shown = ", ".join(names[:3]) + (_(" and {n} more").format(n=len(names) - 3) if len(names) > 3 else "")
        yield f"  {local[:16].replace('T', ' ')} ({local[16:] or 'UTC'})  {row['zone']}: {shown}"


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
    summary = summary_of(loaded) if loaded.ok else None
    if args.json:
        print(json.dumps(json_result(loaded.diagnostics, summary=summary), ensure_ascii=False, indent=2))
    else:
        print_diagnostics(loaded.diagnostics)
        if summary is not None:
            print("\n".join(_lines(summary)))
    return 0 if loaded.ok else 1
