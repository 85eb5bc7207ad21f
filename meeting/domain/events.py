"""Events: the facts the journal records, one per accepted command.

The state of a meeting is a fold over its events (`meeting.domain.state`); the minutes are a
view of that state. An event says what the chair did with everything resolved (member ids,
item ids, the entitled voters, the outcome and its arithmetic), so replaying a journal needs
no rule that might have changed since.
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from typing import Annotated, Literal

from pydantic import ConfigDict, Field, TypeAdapter
from typing_extensions import TypedDict

from meeting.domain.agenda import Agenda, Item
from meeting.domain.base import Model
from meeting.domain.council import Council
from meeting.domain.elections.progress import RoundKind
from meeting.domain.elections.ranked import RankedBallot, RankedCount
from meeting.domain.elections.rounds import BallotRound
from meeting.domain.elections.tellers import TellersReport
from meeting.domain.motions import MotionKind
from meeting.domain.quantities import Amount, Exact, Quantity, Share
from meeting.domain.rules import Base

Status = Literal["present", "remote", "apologies", "absent", "left", "dropped"]
Choice = Literal["yes", "no", "abstain"]
TieBreaker = Literal["casting_vote", "lots", "chair"]
TieChoice = Literal["yes", "no", "none"]  # "none": the chair declines to give a casting vote
Method = Literal["show_of_hands", "roll_call", "secret_ballot", "consensus", "unanimous_consent", "chair"]


class Event(Model):
    """Read back from a journal through `LINES`, which parses each line as JSON."""


class SourceFile(Model):
    path: str
    sha256: str


class CirculatedMinutes(Model):
    """The earlier meeting's minutes a minutes-approval item names (its `approves` folder), as
    the loader found them: the journal's final hash and the SHA-256 of the draft minutes.toml."""

    item: str
    meeting: str
    title: str
    date: date
    journal_sha256: str
    minutes_sha256: str
    written_by: str | None = None  # the version of `meeting` that wrote the draft (its manifest)
    # The title in the other languages its agenda gives (`[translations.LANG]`); None so that
    # journals without them read and dump as before.
    title_translations: dict[str, str] | None = None
    # When the earlier meeting was adjourned (its journal's last adjournment): the sitting that
    # approves its minutes begins after it (RONR §48). None in journals written without it.
    adjourned: datetime | None = None


class Loaded(Event):
    """The first event: the validated council and agenda, so that the journal stands alone."""

    type: Literal["meeting.loaded"] = "meeting.loaded"
    council: Council
    agenda: Agenda
    sources: list[SourceFile]
    circulated: list[CirculatedMinutes] | None = None


class ChairChange(Model):
    """Who presides from this event on: a member, or nobody (`member` absent). Recorded in the
    event that causes it (the presiding officer leaving, an item opened on which they declared
    an interest...), so one undo takes back both."""

    member: str | None = None
    returns_to: str | None = None  # for an item the presiding officer has an interest in: who gets it back


class Begun(Event):
    type: Literal["meeting.begun"] = "meeting.begun"
    chair: ChairChange | None = None  # the designated chair absent: the vice-chair takes the chair


class Recessed(Event):
    type: Literal["meeting.recessed"] = "meeting.recessed"
    minutes: int | None = None


class Resumed(Event):
    type: Literal["meeting.resumed"] = "meeting.resumed"


class Adjourned(Event):
    type: Literal["meeting.adjourned"] = "meeting.adjourned"


class SittingOpened(Event):
    """A new sitting of the same meeting: the agenda's business carries on; attendance, the
    chair and the phase start afresh."""

    type: Literal["sitting.opened"] = "sitting.opened"
    number: int


class ChairHanded(Event):
    type: Literal["chair.handed"] = "chair.handed"
    member: str


class BalanceWaived(Event):
    type: Literal["balance.waived"] = "balance.waived"
    reason: str


class AttendanceChanged(Event):
    type: Literal["attendance"] = "attendance"
    changes: dict[str, Status]
    chair: ChairChange | None = None  # the presiding officer left: who presides now


class ProxyLodged(Event):
    type: Literal["proxy.lodged"] = "proxy.lodged"
    principal: str
    holder: str


class ProxyRevoked(Event):
    type: Literal["proxy.revoked"] = "proxy.revoked"
    principal: str


class ItemOpened(Event):
    type: Literal["item.opened"] = "item.opened"
    item: str
    leaving: Literal["done", "pending"] = "pending"  # what becomes of the item it replaces
    chair: ChairChange | None = None  # handed over for an item the presiding officer has an interest in, or back


class ItemClosed(Event):
    type: Literal["item.closed"] = "item.closed"
    item: str
    status: Literal["done", "deferred", "dropped"]
    chair: ChairChange | None = None  # given back at the end of an item the presiding officer had an interest in


class ItemAdded(Event):
    type: Literal["item.added"] = "item.added"
    item: Item
    after: str | None = None


class ItemMoved(Event):
    type: Literal["item.moved"] = "item.moved"
    item: str
    after: str


class AgendaChange(Model):
    """A change to the adopted agenda, proposed to the council: an item added (`add`), moved
    after another (`after`), deferred or dropped. It takes effect when the proposal carries."""

    change: Literal["add", "reorder", "defer", "drop"]
    item: str | None = None  # the item moved, deferred or dropped
    after: str | None = None  # where an added or moved item goes
    added: Item | None = None


class MotionMoved(Event):
    type: Literal["motion.moved"] = "motion.moved"
    motion: int
    kind: MotionKind
    text: str
    mover: str
    seconder: str | None = None
    item: str | None = None
    applies_to: int | None = None  # the motion it acts on (amend, lay on the table, ...)
    agenda: AgendaChange | None = None  # what an agenda change proposes


class MotionSeconded(Event):
    type: Literal["motion.seconded"] = "motion.seconded"
    motion: int
    member: str


class MotionWithdrawn(Event):
    type: Literal["motion.withdrawn"] = "motion.withdrawn"
    motion: int


Via = Literal["titular", "alternate", "proxy"]


class Voter(Model):
    """One vote that may be cast: the seat's, cast by its titular, alternate or proxy holder."""

    seat: str
    voter: str
    via: Via


class Register(Model):
    """Who may vote on a question, written once per change: as a change to the register of an
    earlier vote (`base`, that vote's journal seq: seats `added` or whose voter changed, seats
    `removed`), or whole (`base` absent). A vote at 1,000 delegates thus costs a few lines of
    journal, not 37 KiB, and the minutes and `verify` still know who was entitled."""

    base: int | None = None
    added: list[Voter] = Field(default_factory=list)
    removed: list[str] = Field(default_factory=list)


class Votes(Model):
    """A vote's totals in votes, where seats carry weights (rules part 2): what the threshold
    counts then, with `base` the votes it is a share of."""

    yes: Quantity
    no: Quantity
    abstain: Quantity = Fraction(0)
    base: Quantity
    # The votes in favour needed, as a whole number, where every seat carries whole votes and
    # the chambers weigh no shares; None otherwise, and in journals from before it was written.
    needed: int | None = None


class ChamberOutcome(Model):
    """One chamber's part of a vote: its heads, its votes where seats carry weights, its share
    of every vote (`weight`) where chambers weigh alike whatever attends, and its own result
    where the class must carry in each chamber."""

    chamber: str
    name: str
    yes: int
    no: int
    abstain: int = 0
    votes: Votes | None = None
    base: Quantity
    weight: Share | None = None
    required: Exact | None = None
    result: Literal["carried", "lost"] | None = None


class ClassQuorumCount(Model):
    """A class's own quorum at a vote: the seats (or votes) that took part out of the class's
    electorate, what was required, and, when it was short and the rules let the decision stand,
    how many members' requests for a postal ballot would stop it."""

    counts: Literal["seats", "votes"]
    took_part: Quantity
    of: Quantity
    bound: Literal["at_least", "more_than"]
    required: Exact
    met: bool
    requests_needed: int | None = None


class Outcome(Model):
    """A decision's result and the arithmetic that gave it."""

    result: Literal["carried", "lost", "pending", "void"]
    awaiting: TieBreaker | None = None
    yes: int
    no: int
    abstain: int = 0
    blank: int = 0
    class_id: str
    of: Base
    base: int
    bound: Literal["at_least", "more_than"]
    amount: Amount  # the bound as the rules write it: a share of the base, or a count
    required: Exact  # the yes votes the bound asks for, exactly: amount x base
    tie_broken_by: TieBreaker | None = None
    # The chair's casting vote, which decides a tie without being counted among the votes
    # (journals before it was kept apart added it to the count and left this out).
    casting: Literal["yes", "no", "none"] | None = None
    # Rules part 2, absent from a plain count: the totals in votes where seats carry weights
    # (`required` is then in votes); each chamber's count; the class's own quorum.
    votes: Votes | None = None
    chambers: list[ChamberOutcome] | None = None
    in_each_chamber: bool | None = None
    quorum: ClassQuorumCount | None = None
    # The class whose threshold the one counted stood in for, where the rules let either carry
    # it: a rescind carried by a majority of the entire membership in place of two-thirds of the
    # votes cast (RONR §35:2). The rest of the outcome is the arithmetic of the rule that carried it.
    in_place_of: str | None = None


class VoteCounted(Event):
    """A show of hands counted by the chair, or the totals of a secret ballot."""

    type: Literal["vote.counted"] = "vote.counted"
    motion: int
    method: Literal["show_of_hands", "secret_ballot"]
    # Named `register` in the journal; `register_` here, since BaseModel's metaclass has a `register`.
    register_: Register | None = Field(None, alias="register")
    entitled: list[Voter] | None = None  # the whole register, as journals before `register` wrote it
    outcome: Outcome


class ConsentGiven(Event):
    type: Literal["consent.given"] = "consent.given"
    motion: int


class ConsentObjected(Event):
    type: Literal["consent.objected"] = "consent.objected"
    motion: int
    member: str | None = None  # unnamed on a secret-ballot item


class TieBroken(Event):
    """The chair's casting or deciding vote, or the lots drawn, and the final outcome."""

    type: Literal["tie.broken"] = "tie.broken"
    motion: int
    by: TieBreaker
    choice: TieChoice
    outcome: Outcome


class ConsensusCalled(Event):
    type: Literal["consensus.called"] = "consensus.called"
    motion: int


class Blocked(Event):
    type: Literal["consensus.blocked"] = "consensus.blocked"
    motion: int
    member: str
    reason: str | None = None


class StoodAside(Event):
    type: Literal["consensus.aside"] = "consensus.aside"
    motion: int
    member: str


class ConsensusConcluded(Event):
    type: Literal["consensus.concluded"] = "consensus.concluded"
    motion: int
    result: Literal["adopted", "vote", "majority", "referred"]


class PollOpened(Event):
    """A roll call or a secret ballot opened, with who may vote."""

    type: Literal["poll.opened"] = "poll.opened"
    motion: int
    method: Literal["roll_call", "secret_ballot"]
    # Named `register` in the journal; `register_` here, since BaseModel's metaclass has a `register`.
    register_: Register | None = Field(None, alias="register")
    entitled: list[Voter] | None = None  # the whole register, as journals before `register` wrote it


class RollCallVoted(Event):
    type: Literal["roll.voted"] = "roll.voted"
    motion: int
    votes: list[Voter]
    choice: Choice


class RollCallClosed(Event):
    type: Literal["roll.closed"] = "roll.closed"
    motion: int
    outcome: Outcome
    # The votes not cast: each seat that did not answer, with who was to cast its vote.
    silent: list[Voter] | None = None
    not_voting: list[str] | None = None  # the members who did not answer, as older journals wrote it


class PointRaised(Event):
    type: Literal["point.raised"] = "point.raised"
    motion: int
    member: str
    text: str | None = None
    applies_to: int | None = None  # the motion the point is raised against: the pending one


class Ruled(Event):
    type: Literal["point.ruled"] = "point.ruled"
    motion: int
    ruling: Literal["well-taken", "not-well-taken"]
    reason: str | None = None


class InterestDeclared(Event):
    type: Literal["interest.declared"] = "interest.declared"
    member: str
    text: str
    item: str | None = None
    recused: bool = False  # the rules recuse on declaration
    chair: ChairChange | None = None  # the presiding officer declared on the item open: the chair passes


class Recused(Event):
    """The chair's ruling on a declared interest (or on a conflict the chair raises): the member
    does not vote on the item's questions, and still counts for the quorum."""

    type: Literal["member.recused"] = "member.recused"
    member: str
    item: str
    reason: str | None = None


class InterestCleared(Event):
    """The chair's ruling that a declared interest does not stop the member taking part."""

    type: Literal["interest.cleared"] = "interest.cleared"
    member: str
    item: str
    reason: str | None = None


class SecretaryNamed(Event):
    """An acting minute-taker while the secretary is away."""

    type: Literal["secretary.named"] = "secretary.named"
    member: str


class DivisionDemanded(Event):
    """A member's demand that a result declared on a show of hands or by general consent be
    taken again by roll call (RONR §29): the result is set aside and the roll call opens."""

    type: Literal["division.demanded"] = "division.demanded"
    motion: int
    member: str
    # Named `register` in the journal, as for a poll opened.
    register_: Register | None = Field(None, alias="register")


class SpeakersQueued(Event):
    type: Literal["speakers.queued"] = "speakers.queued"
    item: str
    members: list[str]


class SpeakerRemoved(Event):
    type: Literal["speakers.removed"] = "speakers.removed"
    item: str
    member: str


class FloorGiven(Event):
    type: Literal["floor.given"] = "floor.given"
    item: str
    member: str


class FloorYielded(Event):
    """A speech ended with nobody given the floor after it (the speaker yielded, or the chair
    called time)."""

    type: Literal["floor.yielded"] = "floor.yielded"
    item: str
    member: str


class Noted(Event):
    type: Literal["note"] = "note"
    text: str
    item: str | None = None


class ActionRecorded(Event):
    type: Literal["action"] = "action"
    what: str
    owner: str
    due: date | None = None
    item: str | None = None


class Undone(Event):
    type: Literal["undone"] = "undone"
    target: int  # the journal seq of the action it cancels


class Corrected(Event):
    """A correction to the record after adjournment: what was wrong, at whose request, and why.
    The journal keeps what it corrects; the minutes list the corrections."""

    type: Literal["record.corrected"] = "record.corrected"
    what: str
    by: str
    why: str


class MinutesApproved(Event):
    """The council approved the earlier meeting's minutes that an item names, as circulated
    (the hashes recorded when the meeting was loaded), with its corrections if any."""

    type: Literal["minutes.approved"] = "minutes.approved"
    item: str
    meeting: str
    journal_sha256: str
    minutes_sha256: str
    corrections: str | None = None
    motion: int | None = None  # the carried motion that approved them; None: general consent


class DecisionPublished(Event):
    """The council made a decision of a closed session public: the public minutes show it."""

    type: Literal["decision.published"] = "decision.published"
    motion: int


class StandingRestored(Event):
    """The meeting restored, for itself, the vote of a member not in good standing (rules
    part 2: `restore_standing`, as the UN Charter's Article 19 allows)."""

    type: Literal["standing.restored"] = "standing.restored"
    member: str


class PostalBallotRequested(Event):
    """Members ask for a postal ballot on a decision taken short of its class's quorum."""

    type: Literal["postal.requested"] = "postal.requested"
    motion: int
    members: list[str]


# ── Elections (issue #15): nominations, ballot rounds, the tellers' report, the result ──
# A ballot is secret: no event names a member beside a choice. The tellers' totals and the
# ranked papers are anonymous; the result embeds the count whole (every round, stage, tie and
# lot drawn), so a journal replays to the same result without counting again.


class CandidateNominated(Event):
    """A member nominated from the floor (by a member; seconded when the election asks it)."""

    type: Literal["candidate.nominated"] = "candidate.nominated"
    election: str
    candidate: str
    by: str
    seconder: str | None = None


class NominationSeconded(Event):
    type: Literal["candidate.seconded"] = "candidate.seconded"
    election: str
    candidate: str
    member: str


class NominationAnswered(Event):
    """The nominee accepts the nomination, or declines it (and does not stand)."""

    type: Literal["candidate.answered"] = "candidate.answered"
    election: str
    candidate: str
    answer: Literal["accepted", "declined"]


class CandidacyWithdrawn(Event):
    """A candidate withdraws before the next ballot."""

    type: Literal["candidate.withdrawn"] = "candidate.withdrawn"
    election: str
    candidate: str


class NominationsClosed(Event):
    """Nominations closed: the candidates who stand, as the first ballot lists them."""

    type: Literal["nominations.closed"] = "nominations.closed"
    election: str
    candidates: list[str]


class NominationsReopened(Event):
    """Nominations reopened between ballots (RONR §31), for an election with seats left: those
    still standing stay nominated, others may be nominated, and closing again makes the list
    of the next ballot."""

    type: Literal["nominations.reopened"] = "nominations.reopened"
    election: str


class RoundOpened(Event):
    """A ballot opened: its candidates, the seats it fills, and how many ballots can be cast
    (members present who may vote, and proxies held), fixed now."""

    type: Literal["round.opened"] = "round.opened"
    election: str
    round: int
    kind: RoundKind
    seats: int
    candidates: list[str]
    voters: int
    proxies: int = 0


class TellersReported(Event):
    """The tellers' report of a round: the votes for each candidate, blank and invalid ballots
    (for a ranked round, the blank and invalid papers only: its papers are entered as such)."""

    type: Literal["round.tellers"] = "round.tellers"
    election: str
    round: int
    report: TellersReport


class PapersEntered(Event):
    """Ranked ballot papers of a round, anonymous: typed, or read from a BLT file (named, with
    its SHA-256, and its blank papers)."""

    type: Literal["round.papers"] = "round.papers"
    election: str
    round: int
    papers: list[RankedBallot]
    blank: int = 0
    file: SourceFile | None = None


class ResultDeclared(Event):
    """The chair declares the result of a round, counted by the method: a majority or
    plurality round (`ballot`) or a ranked count (`count`), with every decision, tie and lot;
    and, when the rules say so, the member elected chair takes the chair."""

    type: Literal["round.declared"] = "round.declared"
    election: str
    round: int
    ballot: BallotRound | None = None
    count: RankedCount | None = None
    chair: ChairChange | None = None


AnyEvent = Annotated[
    Loaded
    | Begun
    | Recessed
    | Resumed
    | Adjourned
    | SittingOpened
    | ChairHanded
    | BalanceWaived
    | AttendanceChanged
    | ProxyLodged
    | ProxyRevoked
    | ItemOpened
    | ItemClosed
    | ItemAdded
    | ItemMoved
    | MotionMoved
    | MotionSeconded
    | MotionWithdrawn
    | VoteCounted
    | ConsentGiven
    | ConsentObjected
    | TieBroken
    | ConsensusCalled
    | Blocked
    | StoodAside
    | ConsensusConcluded
    | PollOpened
    | RollCallVoted
    | RollCallClosed
    | PointRaised
    | Ruled
    | InterestDeclared
    | Recused
    | InterestCleared
    | SecretaryNamed
    | DivisionDemanded
    | SpeakersQueued
    | SpeakerRemoved
    | FloorGiven
    | FloorYielded
    | Noted
    | ActionRecorded
    | Undone
    | Corrected
    | MinutesApproved
    | DecisionPublished
    | StandingRestored
    | PostalBallotRequested
    | CandidateNominated
    | NominationSeconded
    | NominationAnswered
    | CandidacyWithdrawn
    | NominationsClosed
    | NominationsReopened
    | RoundOpened
    | TellersReported
    | PapersEntered
    | ResultDeclared,
    Field(discriminator="type"),
]


class JournalLine(TypedDict):
    """A journal line's fields, read in one pass with its event (see meeting.journal)."""

    __pydantic_config__ = ConfigDict(extra="forbid", defer_build=True)  # type: ignore[misc]
    seq: int
    ts: datetime
    prev: str
    event: AnyEvent


LINES: TypeAdapter[JournalLine] = TypeAdapter(JournalLine)
