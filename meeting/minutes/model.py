"""The minutes as a structured record: the one source every minutes file is written from.

`minutes_of(state, recorded)` builds it from a journal's state and events; `minutes.toml` and
`minutes.json` are this model as data, and the Markdown, HTML and CSV files lay it out without
computing anything. Times are HH:MM in the meeting's own time zone (with the date in front when
it is not the meeting's day). Words (sentences, result words) are in the minutes' language,
beside the codes they render.

A secret ballot is recorded by its totals only: no model here can hold a member beside a
choice except `RollCallVote`, which only a roll call fills.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from meeting.domain.state import Recorded, State

FORMAT: Literal["meeting-minutes/1"] = "meeting-minutes/1"


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Person(Record):
    """A member named in the minutes: id, name, and what tells them apart (country, or whose
    alternate they are, or their organisation)."""

    id: str
    name: str
    about: str | None = None


class Source(Record):
    path: str
    sha256: str


class Header(Record):
    title_words: str = Field(description='"Minutes of the ordinary meeting of the ..., held ... on ...".')
    draft: bool = Field(description="True until the council approves the minutes.")
    confidential: bool = Field(description="True for the full record of closed sessions (minutes-closed.*).")
    marks: list[str] = Field(description='What every page says at its top: "DRAFT", "CONFIDENTIAL".')
    council: str
    council_short: str
    meeting: str = Field(description="The meeting's id.")
    title: str
    kind: str
    kind_words: str
    date: str = Field(description="The meeting's date, YYYY-MM-DD, in its time zone.")
    date_words: str
    time_zone: str
    scheduled_start: str
    duration_minutes: int
    time_words: str = Field(description="When it was called to order and adjourned, and as scheduled, in words.")
    called_to_order: str | None = None
    adjourned: str | None = None
    place: str | None = None
    link: str | None = None
    chair: Person
    secretary: Person
    meeting_language: str
    status: Literal["not_started", "in_session", "in_recess", "adjourned"]
    status_words: str


class Recess(Record):
    start: str
    end: str | None = None
    planned_minutes: int | None = None
    words: str


class ChairTerm(Record):
    member: Person
    start: str
    end: str | None = None


class AttendanceChange(Record):
    at: str
    status: str
    words: str


class AttendanceRow(Record):
    member: Person
    role: str | None = None
    organisation: str | None = None
    attended: str = Field(description="How the member attended, in words.")
    arrived: str | None = None
    left: str | None = Field(None, description="Departures and returns, in words.")
    changes: list[AttendanceChange] = Field(default_factory=list)

    def cells(self, with_role: bool) -> list[str]:
        """The row of an attendance table, as text; each format escapes it its own way. The
        role goes in its own column, or after the name."""
        name = self.member.name
        if self.role and not with_role:
            name += f" ({self.role})"
        role = [self.role or ""] if with_role else []
        return [name, *role, self.organisation or "", self.attended, self.arrived or "", self.left or ""]


class RegionAttendance(Record):
    id: str
    name: str
    seats: int
    rows: list[AttendanceRow]


class ProxyRecord(Record):
    principal: Person
    holder: Person
    lodged: str
    revoked: str | None = None
    words: str


class Attendance(Record):
    regions: list[RegionAttendance]
    others: list[AttendanceRow] = Field(description="Members without a seat: secretariat, observers.")
    proxies: list[ProxyRecord]
    apologies: list[Person]
    absent: list[Person] = Field(description="Seats whose titular neither attended nor sent apologies.")


class TimeSlot(Record):
    """A stretch of the sitting: an item, a recess, or the time between items."""

    start: str
    end: str | None = None
    minutes: int
    kind: Literal["item", "recess", "between"]
    item: str | None = None
    words: str


class QuorumLine(Record):
    at: str
    opening: bool
    present: int
    needed: int
    seats: int
    regions_present: int
    regions_needed: int
    regions_total: int
    met: bool
    change_words: str
    words: str


class Sitting(Record):
    number: int
    began: str | None = None
    adjourned: str | None = None
    summary: str
    recesses: list[Recess]
    chairs: list[ChairTerm]
    attendance: Attendance
    quorum_rule: str
    quorum: list[QuorumLine]
    timetable: list[TimeSlot]


class Interest(Record):
    at: str
    member: Person
    item: str | None = None
    item_title: str | None = None
    text: str
    words: str
    ruling_words: str | None = None


class Recusal(Record):
    member: Person
    reason: str | None = None


class Speaker(Record):
    at: str
    member: Person


class Entry(Record):
    """One thing done, in the order it was done: a line of the proceedings."""

    at: str
    text: str
    motion: int | None = None


class ItemRecord(Record):
    number: int
    id: str
    title: str
    kind: str
    kind_words: str
    heading: str
    presenter: Person | None = None
    closed: bool = False
    added: bool
    status: str
    status_words: str
    allotted_minutes: int
    used_minutes: int
    taken_up: str | None = None
    ended: str | None = None
    timing: str
    documents: list[str]
    recusals: list[Recusal]
    speakers: list[Speaker]
    proceedings: list[Entry]
    motions: list[int]


class RegionTally(Record):
    region: str
    name: str
    yes: int
    no: int
    abstain: int


class RollCallVote(Record):
    """One seat's vote in a roll call: the only place the minutes name a member beside a choice.
    Every voting seat has a row: one the roll call did not call says why instead."""

    seat: Person
    voter: Person | None = Field(None, description="Who answered for the seat; none for a seat not called.")
    via: Literal["titular", "alternate", "proxy"]
    via_words: str | None = None
    region: str | None = None
    region_name: str | None = None
    choice: Literal["yes", "no", "abstain", "none"]
    choice_words: str = Field(description='The choice, or why the seat was not called: "recused", "apologies".')
    not_called: str | None = Field(
        None, description='Why the roll call did not call the seat: "absent", "apologies", "vote.recused"...'
    )

    @property
    def voted_by(self) -> str:
        """Who answered for the seat, and as what ("Kwabena Owusu-Ansah (as alternate)"); nobody
        for a seat not called."""
        if self.voter is None:
            return ""
        return self.voter.name + (f" ({self.via_words})" if self.via_words else "")


class VotesRecord(Record):
    """A count in votes, where seats carry weights (or chambers weigh shares of every vote)."""

    yes: str = Field(description='Votes in favour, exactly: "24", or "31/2" where a seat carries part of a vote.')
    no: str
    abstain: str
    base: str = Field(description="The votes the threshold is a share of, exactly.")
    needed: int | None = Field(
        None, description="The votes in favour needed, as a whole number, where every seat carries whole votes."
    )


class ChamberRecord(Record):
    """One chamber's part of a vote: heads, votes where seats carry weights, its share of every
    vote where chambers weigh alike, and its own result where the class carries in each chamber."""

    chamber: str
    name: str
    yes: int
    no: int
    abstain: int
    votes: VotesRecord | None = None
    share: str | None = Field(None, description='The share of every vote the chamber weighs, such as "1/2".')
    required: str | None = Field(None, description="What the chamber needed in favour, exactly.")
    result: Literal["carried", "lost"] | None = None
    result_words: str | None = None


class VoteRecord(Record):
    """A counted decision and its arithmetic, exactly as the engine recorded it."""

    at: str
    method: Literal["show_of_hands", "roll_call", "secret_ballot"]
    method_words: str
    result: Literal["carried", "lost", "pending", "void"]
    result_words: str
    yes: int
    no: int
    abstain: int
    blank: int
    entitled: int
    class_id: str
    base_of: str
    base: int
    bound: str
    amount: str = Field(description='The bound as the rules write it: a share such as "2/3", or a count.')
    required: str = Field(
        description='What the bound asks for in favour, exactly, such as "38/3": in votes where seats carry weights.'
    )
    needed: int | None = Field(
        description="What was needed in favour, as a whole number (votes where seats carry weights); "
        "null where only `required` says it: the chambers' shares, or seats carrying parts of a vote."
    )
    counts_words: str
    threshold_words: str
    tie_broken_by: str | None = None
    casting: str | None = Field(None, description="The chair's casting vote (yes, no, none), not among the counts.")
    tie_break_words: str | None = None
    words: str
    by_region: list[RegionTally] = Field(default_factory=list)
    roll_call: list[RollCallVote] = Field(default_factory=list)
    votes: VotesRecord | None = Field(None, description="The totals in votes, where seats carry weights.")
    chambers: list[ChamberRecord] = Field(default_factory=list)


class Block(Record):
    member: Person
    reason: str | None = None


class ConsensusRecord(Record):
    blocks: list[Block]
    asides: list[Person]
    result: str | None = None


class EarlierDecision(Record):
    """How a motion stood before it came back (reconsidered, or a division demanded)."""

    status: str
    status_words: str
    vote: VoteRecord | None = None


class MotionRecord(Record):
    number: int = Field(description="The motion's number in the journal.")
    minutes_number: int | None = Field(None, description="Its number in the minutes; none for a point of order.")
    item: str | None = None
    kind: str
    kind_words: str
    label: str
    text: str | None = None
    original_text: str | None = Field(None, description="The text as moved, when amendments changed it.")
    translation: str | None = None
    applies_to: int | None = None
    mover: Person
    seconder: Person | None = None
    moved_at: str
    status: str
    status_words: str
    decided_at: str | None = None
    method: str | None = None
    how: str | None = None
    how_words: str | None = None
    blocked_by: list[Person] = Field(default_factory=list)
    consensus: ConsensusRecord | None = None
    objections: list[Person] = Field(default_factory=list)
    unnamed_objections: int = Field(0, description="Objections not named: on a secret-ballot item.")
    ruling: str | None = None
    ruling_words: str | None = None
    appeal: str | None = None
    vote: VoteRecord | None = None
    earlier: list[EarlierDecision] = Field(default_factory=list)
    published: bool = Field(False, description="A decision of a closed session the council made public.")
    summary: str

    @property
    def votes(self) -> list[VoteRecord]:
        """Every count of this motion, the earlier ones first."""
        return [e.vote for e in self.earlier if e.vote] + ([self.vote] if self.vote else [])


class CandidateVotes(Record):
    candidate: Person
    votes: str = Field(description='Exact: whole votes, or an STV count to five decimal places ("123.45678").')
    outcome: Literal["elected", "excluded"] | None = None
    outcome_words: str | None = None


class StageRecord(Record):
    """One stage of a ranked count: what it did, and every candidate's votes after it."""

    number: int
    words: str
    votes: list[str] = Field(description="Each candidate's votes at the end of the stage, in the count's order.")
    transfers: list[str] = Field(description="What the stage added to each candidate (+) or took away (-).")
    non_transferable: str = Field(description="The non-transferable papers' votes at the end of the stage, in all.")
    non_transferable_added: str = Field(description="What the stage added to them.")
    lost: str = Field(description="The fractions of a vote dropped by truncation at the end of the stage, in all.")
    lost_added: str = Field(description="What the stage dropped.")
    decisions: list[str]


class CountSheet(Record):
    """A ranked count as a table: the candidates down, the stages across."""

    valid: int = Field(description="Valid ballot papers: those with at least one preference.")
    quota: int | None = Field(None, description="STV: the Droop quota.")
    candidates: list[Person]
    stages: list[StageRecord]
    non_transferable: str
    lost: str = Field(description="Fractions of a vote the truncation to five decimal places dropped.")
    words: str


class RoundRecord(Record):
    """One ballot, as a tellers' report (RONR §46:34), or the ranked papers and their count."""

    number: int
    kind: str
    kind_words: str
    opened: str
    declared: str | None = None
    seats: int
    possible: int = Field(description="Ballots that could be cast: members present who could vote, and proxies.")
    votes_cast: int | None = Field(None, description="The base of the majority: blank ballots left out.")
    necessary: int | None = Field(None, description="Votes necessary for election, in a majority round.")
    blank: int
    invalid: int
    papers: int | None = Field(None, description="Ranked ballot papers entered.")
    file: Source | None = Field(None, description="The BLT file the papers were read from.")
    votes: list[CandidateVotes] = Field(description="Votes per candidate: the tellers' totals, or the final stage.")
    count: CountSheet | None = None
    explanations: list[str]
    words: str


class ElectionRecord(Record):
    id: str
    item: str
    office: str
    method: str
    method_words: str
    seats: int
    region_name: str | None = None
    composition_words: str | None = Field(None, description="The composition rule the election keeps, in words.")
    nominations: list[str] = Field(
        description="How each candidate nominated at the meeting came forward, answered or withdrew, in words."
    )
    candidates: list[Person] = Field(description="On the first ballot.")
    rounds: list[RoundRecord]
    elected: list[Person]
    elected_words: str = Field(description='"elected", agreeing with who was: "élue", "élus".')
    words: str


class OtherDecision(Record):
    """A decision taken on no motion, for the table of decisions: an election's result, minutes
    approved without objection."""

    item: str
    what: str
    decision: str
    election: str | None = Field(None, description="The election whose result this is: its ballots are its count.")


class ActionRecord(Record):
    at: str
    what: str
    owner: Person
    due: str | None = Field(None, description="YYYY-MM-DD.")
    due_words: str | None = Field(None, description="The same date as the minutes' language writes it.")
    item: str | None = None
    item_number: int | None = None


class Correction(Record):
    """A correction to the record after adjournment."""

    at: str = Field(description="When it was made: YYYY-MM-DD HH:MM in the meeting's time zone (HH:MM on its day).")
    at_words: str = Field(description='The same in the minutes\' language: "Sunday, 20 December 2026, 09:15".')
    what: str
    by: Person
    why: str
    words: str


class Withdrawn(Record):
    """An entry the chair took back during the meeting (undo): in the annex, not the body."""

    at: str = Field(description="When the entry was made.")
    cancelled_at: str = Field(description="When the chair took it back.")
    text: str


class CirculatedRecord(Record):
    """Earlier minutes an item put before the council, as the journal recorded them at loading."""

    item: str
    meeting: str
    journal_sha256: str
    minutes_sha256: str
    words: str


class JournalRecord(Record):
    entries: int
    last_entry_sha256: str
    sources: list[Source]
    words: str
    how_to_check: str
    check_command: str = Field(
        description="The command that checks a copy, FOLDER (in the minutes' language) standing for where it is kept."
    )
    withdrawn: list[Withdrawn] = Field(default_factory=list)
    circulated: list[CirculatedRecord] = Field(default_factory=list)


class Approval(Record):
    approved: bool
    words: str
    date: str | None = None
    corrections: str | None = None
    meeting: str | None = Field(None, description="The id of the meeting that approved them.")
    entry_sha256: str | None = Field(None, description="The SHA-256 of the approving journal's entry.")
    circulated_sha256: str | None = Field(
        None, description="The SHA-256 of the draft minutes.toml the council had before it and approved."
    )
    record_words: str | None = Field(None, description="Where the approval is recorded, for the annex.")


class Signature(Record):
    role: str
    name: str


class Minutes(Record):
    """The minutes of one meeting, as the journal records it."""

    format: Literal["meeting-minutes/1"] = FORMAT
    language: str
    header: Header
    sittings: list[Sitting]
    interests: list[Interest]
    items: list[ItemRecord]
    other_proceedings: list[Entry] = Field(description="What was done while no item was open.")
    motions: list[MotionRecord]
    elections: list[ElectionRecord] = Field(default_factory=list)
    other_decisions: list[OtherDecision] = Field(
        default_factory=list, description="Decisions taken on no motion: elections, minutes approved without objection."
    )
    actions: list[ActionRecord]
    unfinished: list[str]
    corrections: list[Correction]
    journal: JournalRecord
    approval: Approval
    signatures: list[Signature]

    def motion(self, number: int) -> MotionRecord:
        return next(m for m in self.motions if m.number == number)

    def item(self, item_id: str | None) -> ItemRecord | None:
        return next((i for i in self.items if i.id == item_id), None)

    def decisions(self) -> list[MotionRecord | OtherDecision]:
        """The table of decisions: every motion not withdrawn (RONR §48:4), each election's
        result and minutes approved without objection, in the agenda's order (an item's motions
        by number)."""
        numbers = {item.id: item.number for item in self.items}
        decided = [motion for motion in self.motions if motion.status != "withdrawn"]
        rows: list[MotionRecord | OtherDecision] = [*decided, *self.other_decisions]
        return sorted(rows, key=lambda row: numbers.get(row.item or "", len(numbers) + 1))

    def data(self) -> dict[str, Any]:
        """The record as plain data: what minutes.toml and minutes.json hold."""
        return self.model_dump(mode="json", exclude_none=True)


def minutes_of(
    state: State,
    recorded: Sequence[Recorded],
    last_entry_sha256: str = "",
    approval: Approved | None = None,
    confidential: bool = False,
) -> Minutes:
    """The minutes of the meeting a journal records, in the current language of `_()`: the
    public minutes, or with `confidential` the full record of closed sessions too."""
    from meeting.minutes.build import build

    return build(state, recorded, last_entry_sha256, approval, confidential)


class Approved(Record):
    """What a later meeting's journal says of these minutes' approval (meeting.minutes.approval)."""

    date: date
    meeting: str
    corrections: str | None = None
    entry_sha256: str
    circulated_sha256: str
    through: int | None = None  # the journal has grown since (a correction): approved up to this entry
