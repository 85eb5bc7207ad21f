"""The meeting in each member's own time: when it starts and ends where they are, and whether
any part of it falls outside the local hours the rules allow (07:00 to 22:00 by default).

Each end is converted on its own through the member's zone, so a daylight-saving change on the
meeting's day (or during it) moves that end and not the other.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from meeting.domain.agenda import Meeting
from meeting.domain.rules import LocalHours


@dataclass(frozen=True, slots=True)
class LocalTimes:
    zone: str
    start: datetime  # aware, in `zone`
    end: datetime
    outside: bool  # some part of the meeting falls outside the allowed local hours
    members: tuple[str, ...]  # ids, in roster order


def outside_local_hours(start: datetime, end: datetime, hours: LocalHours) -> bool:
    """Whether a meeting from `start` to `end` (local times) leaves the allowed hours: it starts
    before the earliest, ends after the latest, or runs past midnight."""
    if end.date() != start.date():
        return True
    return start.time() < hours.earliest or end.time() > hours.latest


def local_times(meeting: Meeting) -> list[LocalTimes]:
    """The scheduled start and end in each member's zone (the meeting's own for a member
    without one), one row per zone, earliest local clock first."""
    # In UTC: adding to a local wall clock would not see a daylight-saving change on the way.
    start = meeting.agenda.scheduled_start.astimezone(UTC)
    end = start + timedelta(minutes=meeting.agenda.duration_minutes)
    hours = meeting.rules.local_hours or LocalHours()
    by_zone: dict[str, list[str]] = defaultdict(list)
    for member in meeting.council.members:
        by_zone[member.time_zone or meeting.agenda.time_zone].append(member.id)
    rows = []
    for zone, members in by_zone.items():
        there = ZoneInfo(zone)
        local_start, local_end = start.astimezone(there), end.astimezone(there)
        outside = outside_local_hours(local_start, local_end, hours)
        rows.append(LocalTimes(zone, local_start, local_end, outside, tuple(members)))
    return sorted(rows, key=lambda row: (row.start.utcoffset() or timedelta(0), row.zone))


def member_local_times(meeting: Meeting) -> dict[str, LocalTimes]:
    """Each member's row of `local_times`, by member id."""
    return {member: row for row in local_times(meeting) for member in row.members}
