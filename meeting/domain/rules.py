"""The council's governance rules, as data.

Defaults follow Robert's Rules of Order (RONR, 12th ed.) where the council's file is silent;
the IC-ASM council file sets its own. Nothing procedural is a constant elsewhere in code.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time
from fractions import Fraction
from typing import Annotated, Any, Literal, Self

from pydantic import BeforeValidator, Field, model_validator
from pydantic_core import PydanticCustomError

from meeting.domain.base import Id, Model, Text
from meeting.domain.motions import MotionKind
from meeting.domain.quantities import Amount, Share, Weight, parse_share

Base = Literal["votes_cast", "present", "membership", "eligible"]
TieRule = Literal["fails", "casting_vote", "lots"]
BlockRule = Literal["vote", "refer", "majority"]
ChairVotes = Literal["always", "when_decisive", "never"]
ConsensusFirst = Literal["required", "preferred"]


def _consensus_first(value: Any) -> Any:
    if value is True:
        return "required"
    if value is False:
        return None
    return value


# The two ways to write a threshold's bound; a table has exactly one of them.
BOUNDS = ("at_least", "more_than")


class Threshold(Model):
    """How many are needed: `at_least` or `more_than` a count or a share of some base."""

    at_least: Amount | None = None
    more_than: Amount | None = None

    @model_validator(mode="after")
    def _exactly_one_bound(self) -> Self:
        if (self.at_least is None) == (self.more_than is None):
            raise PydanticCustomError("threshold.one-bound", "threshold")
        return self


class Quorum(Threshold):
    """A head count of voting seats, plus conditions on the regions and on groups of regions
    (a region's `group`; a region without one is a group of its own, named as the region)."""

    remote_counts: bool = True
    proxies_count: bool = True
    regions_represented: int = Field(0, ge=0)
    each_region_at_least: Share | None = None
    each_group_at_least: int = Field(0, ge=0)  # seats present from every group
    group_at_least: dict[Text, Annotated[int, Field(ge=1)]] = Field(default_factory=dict)  # by group name
    # Rules part 2 (None when not written, so that rules without them dump as before):
    counts: QuorumUnit | None = None  # what the head count counts: seats (default) or votes
    open_at_least: Amount | None = None  # enough to open the meeting and debate, not to decide


# ── Weighted votes, chambers, electorates and quorums per class (rules part 2) ──
# The decision rules of federations that are not one member, one vote: a seat's votes are its
# `weight` (council.py); chambers group seats by region or member type; a class may be decided
# in each chamber, by an electorate of its own, under a quorum of its own.

QuorumUnit = Literal["seats", "votes"]
OnQuorumFailure = Literal["void", "postal_ballot"]


class Chamber(Model):
    """A set of seats, by region or by member type, that may have to carry a decision on its
    own (`in_each_chamber`) or that weighs a fixed share of every vote (`weight`)."""

    name: Text
    regions: list[Id] | None = None
    types: list[Id] | None = None
    weight: Share | None = None  # the chamber's share of every vote, whatever attends


class Electorate(Model):
    """Who may vote on a class's decisions: the seats of these regions, chambers or member types."""

    regions: list[Id] | None = None
    chambers: list[Id] | None = None
    types: list[Id] | None = None


class ClassQuorum(Threshold):
    """A class's own quorum: the seats (or votes) that take part in the vote, in favour, against
    or abstaining, out of the class's electorate; and what a vote short of it does."""

    counts: QuorumUnit | None = None
    on_failure: OnQuorumFailure = "void"
    postal_ballot_requests: Amount | None = None  # with "postal_ballot": requests that stop it

    @property
    def unit(self) -> QuorumUnit:
        return self.counts or "seats"


class CountryCap(Model):
    """At most so many voting seats, or votes, from one country."""

    seats_at_most: int | None = Field(None, ge=1)
    votes_at_most: Weight | None = None


class DecisionClass(Threshold):
    """What carries a decision of one kind (ordinary, procedural, constitutional, ...)."""

    description: Text | None = None
    of: Base = "votes_cast"
    abstentions: Literal["excluded", "counted"] = "excluded"
    tie: TieRule = "fails"
    # Whether consensus is sought before a vote: "required" (a vote waits until consensus has
    # been called and has failed) or "preferred" (the chair may go straight to a vote, and the
    # minutes say consensus was not sought). `true` and `false`, as older files write it, read
    # as "required" and as not at all.
    consensus_first: Annotated[ConsensusFirst | None, BeforeValidator(_consensus_first)] = None
    on_block: BlockRule = "vote"
    notice_days: int = Field(0, ge=0)
    # Rules part 2 (None when not written, so that rules without them dump as before):
    in_each_chamber: bool | None = None  # the threshold is met in each chamber, on its own votes
    electorate: Electorate | None = None  # who votes on decisions of this class; everyone if not set
    quorum: ClassQuorum | None = None  # a quorum of this class's own, on those who take part
    notice_days_from: dict[Id, Annotated[int, Field(ge=0)]] | None = None  # notice by who proposes
    # A decision of this class is rescinded or amended only as it was adopted: a motion to
    # rescind it (`rescind #N`) is decided under this class (a constitution: RONR §35:2, §57:1).
    rescinded_as_adopted: bool | None = None

    @property
    def each_chamber(self) -> bool:
        return bool(self.in_each_chamber)


class Interests(Model):
    """What a declared interest does: recuse the member at once, or wait for the chair's
    ruling (`recuse` or `clear`) before the member moves, seconds or votes on the item."""

    on_declaration: Literal["recuse", "chair-rules"] = "chair-rules"


class Proxies(Model):
    allowed: bool = False
    same_region: bool = True
    max_per_holder: int = Field(1, ge=1)


class GenderBalance(Model):
    women_at_least: Share = Field(default_factory=lambda: parse_share("2/5"))
    enforce: Literal["warn", "waiver"] = "warn"


class LocalHours(Model):
    """The part of a member's own day a meeting may reasonably take: members for whom any part
    of the meeting falls outside it are flagged (`meeting check`, the console's attendance)."""

    earliest: time = time(7, 0)
    latest: time = time(22, 0)

    @model_validator(mode="after")
    def _earliest_first(self) -> Self:
        if self.earliest >= self.latest:
            raise PydanticCustomError("hours.order", "local_hours")
        return self


class Debate(Model):
    speaker_minutes: int = Field(3, ge=1)


class MotionOverride(Model):
    """Changes to one row of the motion table (governance reference §3)."""

    allowed: bool | None = None
    needs_second: bool | None = None
    debatable: bool | None = None
    amendable: bool | None = None
    decision_class: Id | None = Field(None, alias="class")


# ── Elections ─────────────────────────────────────────────────────────────────
# How the council elects its officers: `[rules.elections.<id>]`, named by an election item's
# `method`. The counting itself is in `meeting.domain.elections`.

ElectionMethodKind = Literal["majority", "plurality", "instant_runoff", "scottish_stv"]
DropRule = Literal["none", "lowest", "below_share"]
ElectionTieRule = Literal["earlier_rounds", "lots"]

# The keys only some methods read; writing one for another method is an error (checks.py).
MAJORITY_ONLY = ("drop", "drop_below", "runoff_after")


class ElectionMethod(Model):
    """A way of electing: the method, and for successive majority rounds who drops out and
    when the top candidates go to a run-off. Ties are broken as `ties` says, then by lots."""

    method: ElectionMethodKind
    description: Text | None = None
    drop: DropRule | None = None  # majority: after a round without a result; default "none" (RONR)
    drop_below: Share | None = None  # with drop = "below_share": the share of votes cast to stay on
    runoff_after: int | None = Field(None, ge=1)  # majority: rounds before a run-off of the top two
    ties: ElectionTieRule | None = None  # default "earlier_rounds"; Scottish STV's own rules fix it

    @property
    def drop_rule(self) -> DropRule:
        return self.drop or "none"

    @property
    def tie_rule(self) -> ElectionTieRule:
        return self.ties or "earlier_rounds"


# RONR §46: an absolute majority of the votes cast, balloting repeated, nobody dropped.
BUILT_IN_ELECTION_METHODS: dict[str, ElectionMethod] = {"majority": ElectionMethod(method="majority")}


def election_method(rules: Rules, method_id: str) -> ElectionMethod | None:
    """The method an election item names: the rules' own, or RONR's `majority`."""
    return (rules.elections or {}).get(method_id) or BUILT_IN_ELECTION_METHODS.get(method_id)


def _default_classes() -> dict[str, DecisionClass]:
    majority = DecisionClass(more_than=Fraction(1, 2), description="Majority of votes cast")
    return {"ordinary": majority, "procedural": majority}


class Rules(Model):
    quorum: Quorum = Field(default_factory=lambda: Quorum(more_than=Fraction(1, 2)))
    classes: dict[Id, DecisionClass] = Field(default_factory=_default_classes)
    default_class: Id = "ordinary"
    chair_votes: ChairVotes = "always"
    good_standing_required: bool = True
    proxies: Proxies = Field(default_factory=Proxies)
    interests: Interests = Field(default_factory=Interests)
    gender_balance: GenderBalance | None = None
    debate: Debate = Field(default_factory=Debate)
    motions: dict[MotionKind, MotionOverride] = Field(default_factory=dict)
    # Elections: None rather than {} so that rules without elections dump as before.
    elections: dict[Id, ElectionMethod] | None = None
    # Rules part 2, likewise None when not written:
    chambers: dict[Id, Chamber] | None = None
    restore_standing: bool | None = None  # the meeting may restore a vote lost to arrears
    per_country: CountryCap | None = None
    local_hours: LocalHours | None = None  # not set: 07:00 to 22:00 (LocalHours' defaults)


def merge_rules(base: Mapping[str, Any], override: Mapping[str, Any]) -> dict[str, Any]:
    """The rules in force for one meeting: the council's, with the agenda's written over
    them key by key. A bound the agenda writes replaces the council's bound, whichever it was."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = merge_rules(merged[key], value)
        else:
            merged[key] = value
    if any(bound in override for bound in BOUNDS):
        for bound in BOUNDS:
            if bound not in override:
                merged.pop(bound, None)
    return merged
