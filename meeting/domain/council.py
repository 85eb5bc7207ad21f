"""The council: its regions, its members and their seats, and its rules."""

from __future__ import annotations

from fractions import Fraction
from functools import cached_property
from typing import Literal

from pydantic import Field

from meeting.domain.base import Id, Language, Model, Text, TimeZone, Translations
from meeting.domain.quantities import Weight
from meeting.domain.rules import Rules

Role = Literal["chair", "vice-chair", "secretary", "member", "alternate", "observer"]
Gender = Literal["F", "M", "X"]

# Roles that hold no voting seat unless the member's `votes` says otherwise.
_SEATLESS_ROLES = frozenset({"alternate", "observer"})


class Region(Model):
    id: Id
    name: Text
    group: Text | None = None
    translations: Translations | None = None  # the name; None so that councils dump as before


class MemberType(Model):
    """A kind of member (States, NGOs, producer networks...), carrying so many votes per seat."""

    id: Id
    name: Text
    weight: Weight = Fraction(1)


class Member(Model):
    id: Id
    name: Text
    organisation: Text | None = None
    country: Text | None = None
    # The country in other languages, as a region's `translations` its name; None so that
    # councils dump as before.
    country_translations: Translations | None = None
    region: Id | None = None
    role: Role = "member"
    votes: bool | None = None
    alternate: Id | None = None
    gender: Gender | None = None
    languages: list[Language] = Field(default_factory=list)
    time_zone: TimeZone | None = None
    good_standing: bool = True
    # Rules part 2 (None when not written, so that councils without them dump as before):
    type: Id | None = None  # the member's type, one of the council's `member_types`
    weight: Weight | None = None  # the votes the seat carries; else its type's, else 1

    @property
    def holds_seat(self) -> bool:
        """A voting seat: by the role, unless `votes` says otherwise."""
        if self.votes is not None:
            return self.votes
        return self.role not in _SEATLESS_ROLES


class Council(Model):
    name: Text
    short_name: Text
    languages: list[Language] = Field(default_factory=lambda: ["en"], min_length=1)
    regions: list[Region] = Field(default_factory=list)
    members: list[Member] = Field(default_factory=list)
    rules: Rules = Field(default_factory=Rules)
    member_types: list[MemberType] | None = None  # rules part 2; None so that councils dump as before
    translations: Translations | None = None  # the name; None so that councils dump as before

    # The council is immutable: its indexes are computed once (an assembly has 1,000 members,
    # and the quorum asks for every seat after each arrival).

    @cached_property
    def seats(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.holds_seat)

    @cached_property
    def seat_index(self) -> dict[str, int]:
        """Each voting seat's place in `seats`."""
        return {member.id: index for index, member in enumerate(self.seats)}

    @cached_property
    def seats_bearing_on(self) -> dict[str, tuple[str, ...]]:
        """The voting seats each member's attendance bears on by the roster alone: their own,
        and the titular's they are the alternate of (proxies come and go: the state has them)."""
        bearing: dict[str, tuple[str, ...]] = {}
        for member in self.members:
            titular = self.titular_of(member.id)
            seats = ((member.id,) if member.holds_seat else ()) + ((titular.id,) if titular is not None else ())
            if seats:
                bearing.setdefault(member.id, seats)
        return bearing

    @cached_property
    def seats_not_in_good_standing(self) -> frozenset[str]:
        return frozenset(m.id for m in self.seats if not m.good_standing)

    @cached_property
    def _members_by_id(self) -> dict[str, Member]:
        return {m.id: m for m in reversed(self.members)}  # the first of a duplicated id wins

    @cached_property
    def _seats_by_region(self) -> dict[str | None, tuple[Member, ...]]:
        by_region: dict[str | None, list[Member]] = {}
        for member in self.seats:
            by_region.setdefault(member.region, []).append(member)
        return {region: tuple(members) for region, members in by_region.items()}

    @cached_property
    def _titulars_by_alternate(self) -> dict[str, Member]:
        return {m.alternate: m for m in reversed(self.members) if m.alternate}  # the first wins

    @cached_property
    def seated_regions(self) -> dict[str, int]:
        """The regions with voting seats, in the council's order, each with how many."""
        return {r.id: len(seats) for r in self.regions if (seats := self.seats_in(r.id))}

    @cached_property
    def groups(self) -> tuple[str, ...]:
        """The groups of regions with seats, in the council's order: a region's `group`, or
        the region itself (by its name) when it has none."""
        return tuple(dict.fromkeys(self.group_of(region) for region in self.seated_regions))

    def group_of(self, region_id: str) -> str:
        region = self.region(region_id)
        if region is None:
            return region_id
        return region.group or region.name

    @cached_property
    def seat_weights(self) -> tuple[Fraction, ...]:
        """The votes each voting seat carries, in the order of `seats`: the member's own
        `weight`, else its type's, else 1."""
        types = {t.id: t.weight for t in self.member_types or ()}
        return tuple(
            seat.weight if seat.weight is not None else types.get(seat.type or "", Fraction(1)) for seat in self.seats
        )

    @cached_property
    def weighted(self) -> bool:
        """Whether any seat carries other than one vote: then votes are counted by weight."""
        return any(weight != 1 for weight in self.seat_weights)

    @cached_property
    def whole_votes(self) -> bool:
        """Whether every seat carries a whole number of votes: then what a vote or the quorum
        needs is a whole number of votes."""
        return all(weight.denominator == 1 for weight in self.seat_weights)

    def member_type(self, type_id: str) -> MemberType | None:
        return next((t for t in self.member_types or () if t.id == type_id), None)

    def member(self, member_id: str) -> Member | None:
        return self._members_by_id.get(member_id)

    def titular_of(self, member_id: str) -> Member | None:
        """The member whose alternate this member is, if any."""
        return self._titulars_by_alternate.get(member_id)

    def region(self, region_id: str) -> Region | None:
        return next((r for r in self.regions if r.id == region_id), None)

    def seats_in(self, region_id: str) -> tuple[Member, ...]:
        return self._seats_by_region.get(region_id, ())
