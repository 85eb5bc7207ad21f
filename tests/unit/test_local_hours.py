"""The meeting in each member's own time: start and end where they are, flagged outside the
local hours the rules allow (07:00-22:00 unless `[rules.local_hours]` says otherwise)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from meeting.cli.main import main
from meeting.domain.local_hours import local_times, member_local_times
from meeting.loader.load import load
from tests.conftest import MINI_AGENDA, MINI_COUNCIL, position

# Samuel Ortiz lives in London, whose clocks go forward at 01:00 UTC on 28 March 2027.
COUNCIL = MINI_COUNCIL.replace(
    'name = "Samuel Ortiz"\nregion = "south"\n',
    'name = "Samuel Ortiz"\nregion = "south"\ntime_zone = "Europe/London"\n',
)


def meeting_at(write, start: str, minutes: int, rules: str = ""):
    agenda = MINI_AGENDA.replace("start = 2026-12-10T12:00:00", f"start = {start}").replace(
        "duration_minutes = 60", f"duration_minutes = {minutes}"
    )
    loaded = load(write({"agenda.toml": agenda + rules, "council.toml": COUNCIL}))
    assert loaded.ok, loaded.diagnostics
    assert loaded.meeting is not None
    return loaded.meeting


def shown(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def test_a_meeting_across_the_change_of_clocks_ends_in_summer_time(write):
    """00:30 to 03:00 UTC on the day London goes to summer time: 00:30 GMT to 04:00 BST there,
    not 03:00 (the end converted on its own, after the change)."""
    london = member_local_times(meeting_at(write, "2027-03-28T00:30:00", 150))["s-2"]
    assert (london.zone, shown(london.start), shown(london.end)) == (
        "Europe/London",
        "2027-03-28T00:30+00:00",
        "2027-03-28T04:00+01:00",
    )
    assert london.outside


def test_the_change_of_clocks_earlier_that_day_counts(write):
    """06:30 UTC that day is 07:30 in London (summer time since 01:00 UTC): inside the hours,
    where the offset of the day's midnight would say 06:30 and flag it."""
    times = member_local_times(meeting_at(write, "2027-03-28T06:30:00", 60))
    assert (shown(times["s-2"].start), shown(times["s-2"].end), times["s-2"].outside) == (
        "2027-03-28T07:30+01:00",
        "2027-03-28T08:30+01:00",
        False,
    )
    # Bogotá, 01:30 to 02:30: flagged; Lagos, 07:30 to 08:30: not.
    assert (shown(times["s-1"].start), times["s-1"].outside) == ("2027-03-28T01:30-05:00", True)
    assert (shown(times["n-1"].start), times["n-1"].outside) == ("2027-03-28T07:30+01:00", False)
    # A member without a zone is in the meeting's (UTC): 06:30, before 07:00.
    assert (times["n-3"].zone, times["n-3"].outside) == ("UTC", True)


def test_the_rules_set_the_hours(write):
    rules = "\n[rules.local_hours]\nearliest = 06:00:00\nlatest = 23:30:00\n"
    meeting = meeting_at(write, "2027-03-28T06:30:00", 60, rules)
    assert [(row.zone, row.outside) for row in local_times(meeting)] == [
        ("America/Bogota", True),
        ("UTC", False),
        ("Africa/Lagos", False),
        ("Europe/London", False),
    ]


def test_past_midnight_is_outside_whatever_the_hours(write):
    rules = "\n[rules.local_hours]\nearliest = 00:00:00\nlatest = 23:59:00\n"
    meeting = meeting_at(write, "2026-12-10T23:00:00", 90, rules)
    assert member_local_times(meeting)["n-3"].outside  # 23:00 to 00:30 UTC


def test_hours_in_the_wrong_order_are_an_error_at_their_table(write, capsys):
    rules = "\n[rules.local_hours]\nearliest = 22:00:00\nlatest = 07:00:00\n"
    agenda = MINI_AGENDA + rules
    path = write({"agenda.toml": agenda, "council.toml": COUNCIL})
    assert main(["check", str(path)]) == 1
    line, _ = position(agenda, "[rules.local_hours]")
    assert f"agenda.toml:{line}:1: error: 'earliest' must be before 'latest'" in capsys.readouterr().err


def test_check_shows_both_ends_and_the_offsets_when_the_clocks_change(write, capsys):
    meeting_at(write, "2027-03-28T00:30:00", 150)
    assert main(["check", str(Path(write({"x.txt": ""})).parent / "agenda.toml")]) == 0
    out = capsys.readouterr().out
    assert "  ⚠ 2027-03-28 00:30–04:00 (+00:00 → +01:00)  Europe/London: Samuel Ortiz\n" in out
    # Bogotá, the evening before: ending at 22:00 exactly is within the hours.
    assert "    2027-03-27 19:30–22:00 (-05:00)  America/Bogota: Sofía Quiñones\n" in out
