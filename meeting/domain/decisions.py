"""What the record of a decision says: how it was reached, and the roll call by region;
and the speakers' hints a chair needs while an item is discussed."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from meeting.domain.attendance import is_attending
from meeting.domain.events import Choice
from meeting.domain.procedure import decision_for, motion_rule
from meeting.domain.state import Motion, State

Path = Literal[
    "consensus",
    "unanimous_consent",
    "vote",
    "vote_without_consensus",
    "vote_after_block",
    "majority_last_resort",
    "referred",
    "chair",
    "chair_on_appeal",
]


@dataclass(frozen=True, slots=True)
class HowDecided:
    path: Path
    blocked_by: tuple[str, ...] = ()  # members who blocked consensus, when it came to that


def how_decided(state: State, motion: Motion) -> HowDecided | None:
    """How a disposed motion was decided, as the minutes must say; None while pending. A vote
    taken under a class that prefers consensus, without seeking it, says so; a chair's ruling
    appealed was decided on the appeal's vote."""
    if motion.status == "pending":
        return None
    blocks = tuple(member for member, _ in motion.consensus.blocks) if motion.consensus else ()
    if motion.method == "consensus":
        return HowDecided("consensus")
    if motion.method == "unanimous_consent":
        return HowDecided("unanimous_consent")
    if motion.method == "chair":
        # A ruling appealed was decided by the meeting's count on the appeal, not by the chair
        # alone (RONR §24): `tally` listed it "Decided by the chair's ruling".
        return HowDecided("chair" if motion.appeal is None else "chair_on_appeal")
    if motion.consensus is not None and motion.consensus.result == "referred":
        return HowDecided("referred", blocks)
    if motion.consensus is not None and motion.consensus.result == "majority":
        return HowDecided("majority_last_resort", blocks)
    if blocks:
        return HowDecided("vote_after_block", blocks)
    if motion.consensus is None and motion.method is not None:
        decision = decision_for(state, motion)
        if decision is not None and decision[1].consensus_first == "preferred":
            return HowDecided("vote_without_consensus")
    return HowDecided("vote")


@dataclass(frozen=True, slots=True)
class RegionCount:
    region: str
    yes: int
    no: int
    abstain: int


def roll_call_by_region(state: State, motion: Motion) -> list[RegionCount]:
    """A roll call's choices counted by the region of each seat, in the council's order."""
    council = state.meeting.council
    counts: dict[str, dict[Choice, int]] = {r.id: {"yes": 0, "no": 0, "abstain": 0} for r in council.regions}
    if motion.poll is not None and motion.poll.method == "roll_call":
        for voter, choice in motion.poll.choices.values():
            seat = council.member(voter.seat)
            if seat is not None and seat.region in counts:
                counts[seat.region][choice] += 1
    return [RegionCount(region, c["yes"], c["no"], c["abstain"]) for region, c in counts.items()]


@dataclass(frozen=True, slots=True)
class Floor:
    member: str
    seconds_left: int  # of the speaking time the rules give; negative when over


def floor(state: State, now: datetime) -> Floor | None:
    """Who has the floor, and how much of their time is left: nobody once the chair has put a
    question or moved on since the floor was given. A recess stops the speaker's clock: the
    speech goes on where it was when the meeting resumes (RONR 8:2)."""
    if state.speaking is None:
        return None
    since, member = state.speaking
    allowed = state.meeting.rules.debate.speaker_minutes * 60
    # A clock behind the journal's (set back, or another laptop's) has used none of the time:
    # a speaker never has more than the rules give.
    spoken = max(0, int((now - since - _in_recess(state, since, now)).total_seconds()))
    return Floor(member, allowed - spoken)


def _in_recess(state: State, since: datetime, now: datetime) -> timedelta:
    """The time between `since` and `now` that the meeting spent in recess."""
    paused, recessed = timedelta(0), None
    for name, at in state.sessions:
        if name == "recessed" and at >= since:
            recessed = at
        elif name == "resumed" and recessed is not None:
            paused += at - recessed
            recessed = None
    if recessed is not None and now > recessed:
        paused += now - recessed
    return paused


def regions_not_heard(state: State) -> list[str]:
    """Regions with a member present who has not yet spoken on the current item."""
    item = state.current_item
    if item is None:
        return []
    council = state.meeting.council
    speakers = (council.member(member) for _, member in item.speakers)
    spoken = {speaker.region for speaker in speakers if speaker is not None}
    present = {m.region for m in council.members if m.region and is_attending(state, m.id)}
    return [r.id for r in council.regions if r.id in present and r.id not in spoken]


def minutes_numbers(state: State) -> dict[int, int]:
    """The number each motion has in the minutes: the one the chair gave it when it was moved
    ("#7" on the console, in the members' view and in the commands that name it), so that the
    minutes, the tallies and the meeting say the same. What the chair rules on without a vote
    (a point of order, a question of privilege) is not a motion and is not numbered there: its
    number is a gap in the minutes' sequence."""
    rules = state.meeting.rules
    return {n: n for n in sorted(state.motions) if motion_rule(rules, state.motions[n].kind).decided_by != "chair"}
