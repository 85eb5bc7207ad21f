"""The quorum to open a meeting (rules part 2): "the President may declare a meeting open and
permit the debate to proceed when at least one third of the members are present; the
presence of a majority is required for any decision" (UN General Assembly, rule 67).

Counted as the quorum counts (seats or votes; remote members and proxies as it says), from the
state's running counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

from meeting.domain import events as ev
from meeting.domain.checks import notice_given_in_time
from meeting.domain.findings import Finding, warning
from meeting.domain.quantities import least_count_at_least

if TYPE_CHECKING:
    from meeting.domain.state import State


@dataclass(frozen=True, slots=True)
class OpeningStatus:
    """Whether enough are here to open the meeting: seats (or votes) present and needed."""

    present: Fraction
    needed: Fraction
    unit: Literal["seats", "votes"]

    @property
    def met(self) -> bool:
        return self.present >= self.needed


def opening_status(state: State) -> OpeningStatus | None:
    """The quorum to open the meeting now; None where the rules set none."""
    quorum = state.meeting.rules.quorum
    amount = quorum.open_at_least
    if amount is None:
        return None
    council = state.meeting.council
    if quorum.counts == "votes":
        total = sum(council.seat_weights, Fraction(0))
        needed = amount * total if isinstance(amount, Fraction) else Fraction(amount)
        return OpeningStatus(state.counted_votes if council.weighted else _heads(state), needed, "votes")
    needed = Fraction(least_count_at_least(amount, len(council.seats)))
    return OpeningStatus(_heads(state), needed, "seats")


def _heads(state: State) -> Fraction:
    return Fraction(sum(state.counted_by_region.values()))


def sitting_date(state: State) -> date | None:
    """The day the meeting began, in the agenda's time zone; None before it has."""
    begun = next((at for name, at in state.sessions if name == "begun"), None)
    return begun.astimezone(ZoneInfo(state.meeting.agenda.time_zone)).date() if begun is not None else None


def begun_on_another_day(state: State, event: ev.AnyEvent) -> list[Finding]:
    """Once this event has begun the meeting on a day other than the agenda's: that (a warning),
    and each motion's notice short when counted to the day it sits, not to the agenda's date."""
    sitting = sitting_date(state) if isinstance(event, ev.Begun) else None
    scheduled = state.meeting.agenda.start.date()
    if sitting is None or sitting == scheduled:
        return []
    other_day = warning(
        "sitting.other-day", "agenda", ("start",), sitting=sitting.isoformat(), scheduled=scheduled.isoformat()
    )
    late = ("notice.short", "notice.after-meeting")
    notice = [f for f in notice_given_in_time(state.meeting, sitting) if f.code in late]
    return [other_day, *notice]
