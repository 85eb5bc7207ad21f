"""Every counted vote of a meeting, with who voted how where the record names them, and every
ballot of its elections: the one selection behind `meeting tally` (tables and `--json`) and the
members' view.

A vote is taken from the minutes record (`VoteRecord`: counts, the rule and its arithmetic, by
region, seat by seat for a roll call), so the terminal, the JSON and the view cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from meeting.domain.engine import find_members, find_regions
from meeting.domain.state import State
from meeting.minutes.model import (
    ElectionRecord,
    ItemRecord,
    Minutes,
    MotionRecord,
    OtherDecision,
    RegionTally,
    RollCallVote,
    RoundRecord,
    VoteRecord,
)
from meeting.vocabulary import ruled_phrase, upper_first

_FOLD = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Tally:
    motion: MotionRecord
    vote: VoteRecord
    item: ItemRecord | None
    seats: list[RollCallVote]  # the roll-call rows the selection asked about (all, unfiltered)
    regions: list[RegionTally]

    def data(self) -> dict[str, Any]:
        """The tally as `meeting tally --json` prints it."""
        vote = self.vote.model_copy(update={"roll_call": self.seats, "by_region": self.regions})
        return {
            "motion": self.motion.number,
            "label": self.motion.label,
            "item": self.motion.item,
            "text": self.motion.text,
            **vote.model_dump(mode="json", exclude_none=True),
        }


@dataclass(frozen=True, slots=True)
class BallotTally:
    """One ballot of an election, declared: the tellers' report, or the ranked papers' count."""

    election: ElectionRecord
    round: RoundRecord
    item: ItemRecord | None

    def data(self) -> dict[str, Any]:
        """The ballot as `meeting tally --json` prints it."""
        return {
            "election": self.election.id,
            "office": self.election.office,
            "item": self.election.item,
            **self.round.model_dump(mode="json", exclude_none=True),
        }


@dataclass(frozen=True, slots=True)
class Uncounted:
    """A decision taken without a count: by general consent, by consensus, by the chair."""

    motion: MotionRecord
    item: ItemRecord | None

    @property
    def result_words(self) -> str:
        """The decision as the minutes say it: a point of order "Ruled not well taken" (its
        status alone read "Rejected"), any other motion its status."""
        motion = self.motion
        if motion.ruling is not None and motion.kind != "appeal" and motion.minutes_number is None:
            return upper_first(ruled_phrase(motion.kind, motion.ruling))  # a question of privilege: "Admitted"
        return upper_first(motion.status_words)

    def data(self) -> dict[str, Any]:
        """The decision as `meeting tally --json` prints it, under "uncounted"."""
        motion = self.motion
        return {
            "motion": motion.number,
            "label": motion.label,
            "item": motion.item,
            "text": motion.text,
            "result": motion.status,
            "result_words": self.result_words,
            "method": motion.method,
            "how": motion.how_words,
        }


@dataclass(frozen=True, slots=True)
class UncountedOther:
    """A decision taken on no motion and without a count: earlier minutes approved without
    objection."""

    decision: OtherDecision
    item: ItemRecord | None

    def data(self) -> dict[str, Any]:
        """The decision as `meeting tally --json` prints it, under "uncounted"."""
        return {"item": self.decision.item, "label": self.decision.what, "result_words": self.decision.decision}


def without_count(minutes: Minutes, item: ItemRecord | None = None) -> list[Uncounted | UncountedOther]:
    """Every decision of the minutes' table of decisions (`Minutes.decisions()`, in its order)
    that no count gives: a motion decided with no vote counted, a ruling of the chair's, earlier
    minutes approved without objection. A counted motion is among the `tallies`, an election's result among its `ballots`."""
    found: list[Uncounted | UncountedOther] = []
    for row in minutes.decisions():
        if item is not None and row.item != item.id:
            continue
        if isinstance(row, OtherDecision):
            if row.election is None:
                found.append(UncountedOther(row, minutes.item(row.item)))
        elif row.decided_at is not None and not row.votes:
            found.append(Uncounted(row, minutes.item(row.item)))
    return found


def uncounted(minutes: Minutes, item: ItemRecord | None = None) -> list[Uncounted]:
    """The motions among the decisions taken without a count, in order."""
    return [found for found in without_count(minutes, item) if isinstance(found, Uncounted)]


@dataclass(frozen=True, slots=True)
class Who:
    """Whose votes are asked about: members (seats or those who cast their vote) and regions."""

    text: str
    members: frozenset[str] = field(default_factory=frozenset)
    regions: frozenset[str] = field(default_factory=frozenset)

    def __contains__(self, row: RollCallVote) -> bool:
        voter = row.voter.id if row.voter is not None else None
        return row.seat.id in self.members or voter in self.members or row.region in self.regions


def who(state: State, text: str) -> Who | None:
    """A member or a region as typed ("pe-1", "Huamaní", "latin america"); None if nobody matches."""
    regions = frozenset(r.id for r in find_regions(state, text))
    members = frozenset(m.id for m in find_members(state, text)) if not regions else frozenset()
    return Who(text, members, regions) if members or regions else None


@dataclass(frozen=True, slots=True)
class NoItem:
    """Why the words typed name no one item: a code and its parameters, as a refusal."""

    code: str
    params: dict[str, Any]


def find_item(minutes: Minutes, text: str) -> ItemRecord | NoItem:
    """An item by its id or number, or by words of its title ("Article 7") when only one has them;
    words in several titles name none ("constitution": items 5 and 7)."""
    wanted = text.casefold()
    exact = next((i for i in minutes.items if i.id.casefold() == wanted or str(i.number) == text), None)
    if exact is not None:
        return exact
    words = _FOLD.sub(" ", wanted).strip()
    titled = [i for i in minutes.items if words and words in _FOLD.sub(" ", i.title.casefold())]
    if len(titled) == 1:
        return titled[0]
    if titled:
        return NoItem("item.ambiguous", {"text": text, "numbers": [i.number for i in titled]})
    return NoItem("item.not-found", {"text": text})


def tallies(minutes: Minutes, item: ItemRecord | None = None, asked: Who | None = None) -> list[Tally]:
    """Every counted vote the minutes record, in the order of the motions (a motion's earlier
    votes first); with `asked`, only the roll calls where those seats answered, and only their
    rows. (The public minutes leave out what a closed session decided, unless it was published.)"""
    found = []
    for motion in minutes.motions:
        if item is not None and motion.item != item.id:
            continue
        record = minutes.item(motion.item)
        for vote in motion.votes:
            seats = [row for row in vote.roll_call if asked is None or row in asked]
            regions = [r for r in vote.by_region if asked is None or not asked.regions or r.region in asked.regions]
            if asked is not None and not seats:
                continue
            found.append(Tally(motion, vote, record, seats, regions))
    return found


def ballots(minutes: Minutes, item: ItemRecord | None = None, asked: Who | None = None) -> list[BallotTally]:
    """Every ballot declared in the minutes' elections, in order; none when a member or region
    is asked about: a ballot is secret, and names nobody's vote."""
    if asked is not None:
        return []
    return [
        BallotTally(election, ballot, minutes.item(election.item))
        for election in minutes.elections
        if item is None or election.item == item.id
        for ballot in election.rounds
        if ballot.declared is not None
    ]
