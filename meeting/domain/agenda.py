"""A meeting: its details, the council it belongs to, and its agenda items."""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from functools import cached_property
from typing import Annotated, Literal
from zoneinfo import ZoneInfo

from pydantic import Discriminator, Field, Tag, field_validator
from pydantic_core import PydanticCustomError

from meeting.domain.base import Id, Language, Model, Text, TimeZone, Translations
from meeting.domain.council import Council, Gender
from meeting.domain.rules import Rules
from meeting.domain.seats import SeatTotals, outside_electorate, seat_chambers, seat_totals

MeetingKind = Literal["ordinary", "extraordinary", "general_assembly"]
ItemKind = Literal[
    "procedural",
    "agenda_adoption",
    "information",
    "discussion",
    "decision",
    "election",
    "minutes_approval",
    "other_business",
]
VoteMode = Literal["consensus", "show_of_hands", "roll_call", "secret_ballot"]


class DraftMotion(Model):
    text: Text
    translations: dict[Language, Text] = Field(default_factory=dict)
    notice_given: date | None = None
    proposed_by: Id | None = None  # who proposes it, for the class's `notice_days_from`


# An item longer than a day is a typing slip, and time arithmetic must stay far from the
# calendar's end; a meeting may run over several days of sittings.
MAX_ITEM_MINUTES = 24 * 60
MAX_MEETING_MINUTES = 7 * 24 * 60
# Years a meeting may start in: wide enough for any record, narrow enough that every date and
# time computed from the start stays inside the calendar Python can represent.
FIRST_YEAR, LAST_YEAR = 1900, 2999


Nominations = Literal["floor", "list"]


class Election(Model):
    """One election under an item: an office, its seats, who may stand, how candidates come
    forward, and the method (one of the rules' `elections`, or RONR's `majority`)."""

    id: Id
    office: Text
    seats: int = Field(1, ge=1)
    method: Id = "majority"
    nominations: Nominations = "floor"  # from the floor, or a list closed before the meeting
    seconded: bool = False  # a nomination from the floor needs a seconder
    candidates: list[Id] = Field(default_factory=list)  # the closed list, or those nominated beforehand
    good_standing: bool = True  # only members in good standing may stand
    region: Id | None = None  # only members of this region may stand
    per_region: bool = False  # held as one election per region, `seats` in each
    gender_at_least: dict[Gender, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)
    # The council's rules have the member elected take the chair at once (a chair's election).
    # None rather than False so that elections without it dump as before.
    takes_chair: bool | None = None
    translations: Translations | None = None  # the office; None so that elections dump as before


class Item(Model):
    id: Id
    title: Text
    kind: ItemKind = "discussion"
    presenter: Id | None = None
    minutes: int = Field(ge=1, le=MAX_ITEM_MINUTES)
    motion: DraftMotion | None = None
    decision_class: Id | None = Field(None, alias="class")
    vote: VoteMode = "show_of_hands"
    documents: list[Text] = Field(default_factory=list)
    closed: bool = False
    # None rather than [] so that items without elections dump as before.
    elections: list[Election] | None = None
    # The earlier meeting's minutes folder a minutes-approval item approves, relative to the
    # agenda's folder; the loader reads it (meeting.loader.circulated).
    approves: Text | None = None
    translations: Translations | None = None  # the title; None so that items dump as before


def _council_source(value: object) -> str | None:
    if isinstance(value, str):
        return "file"
    if isinstance(value, dict | Council):
        return "inline"
    return None


# The council is a path to its file (relative to the agenda) or an inline table.
CouncilSource = Annotated[
    Annotated[str, Tag("file")] | Annotated[Council, Tag("inline")],
    Discriminator(
        _council_source,
        custom_error_type="council.wrong-type",
        custom_error_message="council",
    ),
]


class AgendaWords(Model):
    """The meeting's title and place in another language."""

    title: Text | None = None
    place: Text | None = None


class Agenda(Model):
    id: Id
    title: Text
    kind: MeetingKind = "ordinary"
    start: datetime
    time_zone: TimeZone
    duration_minutes: int = Field(ge=1, le=MAX_MEETING_MINUTES)
    language: Language
    place: Text | None = None
    link: Text | None = None
    chair: Id
    secretary: Id
    council: CouncilSource
    rules: Rules | None = None
    items: list[Item] = Field(default_factory=list)
    translations: dict[Language, AgendaWords] | None = None  # None so that agendas dump as before

    @field_validator("start")
    @classmethod
    def _local_start(cls, start: datetime) -> datetime:
        # One way to say when: local wall-clock time plus `time_zone`, which knows about DST.
        if start.tzinfo is not None:
            raise PydanticCustomError("agenda.start-has-offset", "start")
        if not FIRST_YEAR <= start.year <= LAST_YEAR:
            raise PydanticCustomError(
                "agenda.start-out-of-range", "start", {"year": start.year, "first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return start

    @property
    def scheduled_start(self) -> datetime:
        """The start as an aware date-time in the meeting's zone."""
        return self.start.replace(tzinfo=ZoneInfo(self.time_zone))

    @property
    def planned_minutes(self) -> int:
        return sum(item.minutes for item in self.items)


class Meeting(Model):
    """A meeting ready to run: its agenda and its council, resolved from wherever it lives."""

    agenda: Agenda
    council: Council

    @classmethod
    def of(cls, agenda: Agenda, council: Council) -> Meeting:
        """The two already checked: nothing to validate, and no validator built for it (7 to
        11 ms of the console's start at 1,000 delegates)."""
        return cls.model_construct(agenda=agenda, council=council)

    @property
    def rules(self) -> Rules:
        return self.agenda.rules or self.council.rules

    # Rules part 2: who sits in which chamber and who votes on which class, computed once.

    @cached_property
    def seat_chambers(self) -> tuple[str | None, ...]:
        """The chamber of each voting seat, in the order of the council's seats."""
        return seat_chambers(self.council, self.rules)

    @cached_property
    def outside_electorates(self) -> dict[str, frozenset[str]]:
        """For each class with an electorate, the voting seats outside it."""
        return {
            class_id: outside_electorate(self.council, decision.electorate, self.seat_chambers)
            for class_id, decision in self.rules.classes.items()
            if decision.electorate is not None
        }

    @cached_property
    def eligible_seat_totals(self) -> dict[str | None, dict[str | None, tuple[SeatTotals, int, Fraction]]]:
        """`class_seat_totals` with the seats eligible to vote in each group, in heads and in
        votes, before the meeting restores any seat's vote: what every count starts from."""
        return {
            class_id: {
                key: (seats, seats.seats - seats.lapsed, seats.votes - seats.lapsed_votes)
                for key, seats in groups.items()
            }
            for class_id, groups in self.class_seat_totals.items()
        }

    @cached_property
    def class_seat_totals(self) -> dict[str | None, dict[str | None, SeatTotals]]:
        """The seats each class's electorate holds, whole and by chamber; under None, every seat."""
        everyone = seat_totals(self.council, self.rules, self.seat_chambers, frozenset())
        totals: dict[str | None, dict[str | None, SeatTotals]] = {None: everyone}
        for class_id, outside in self.outside_electorates.items():
            totals[class_id] = seat_totals(self.council, self.rules, self.seat_chambers, outside)
        return totals
