"""An election as the meeting holds it, from its nominations to its last ballot: the part of the
meeting's state the election commands change.

Every object here is frozen and replaced whole when it changes, so that an undo (which puts back
the state's `elections` table as it was) takes an election back exactly, and the state stays a
tree. What follows from the record (who stands, who is elected, the next ballot's candidates) is
computed here, once, for the engine, the console, the members' view and the minutes alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from meeting.domain.agenda import Election
from meeting.domain.elections.ranked import RankedBallot, RankedCount
from meeting.domain.elections.rounds import BallotRound
from meeting.domain.elections.tellers import TellersReport

RoundKind = Literal["majority", "runoff", "plurality", "instant_runoff", "scottish_stv"]
RANKED: frozenset[str] = frozenset({"instant_runoff", "scottish_stv"})


@dataclass(frozen=True, slots=True)
class Nomination:
    """A candidate: nominated before the meeting (`at` None, named in the agenda) or from the floor."""

    candidate: str
    at: datetime | None = None
    by: str | None = None
    seconder: str | None = None
    answer: Literal["accepted", "declined"] | None = None
    withdrawn: datetime | None = None


@dataclass(frozen=True, slots=True)
class Ballot:
    """One round: its ballot (candidates, seats), how many ballots could be cast, what the
    tellers reported (totals, or ranked papers with the blank and invalid ones), the result."""

    number: int
    opened: datetime
    kind: RoundKind
    seats: int
    candidates: tuple[str, ...]
    voters: int
    proxies: int
    report: TellersReport | None = None
    papers: tuple[RankedBallot, ...] = ()
    file_blank: int = 0  # blank papers a ballot file counted
    files: tuple[tuple[str, str], ...] = ()  # ballot files read: (path, SHA-256)
    result: BallotRound | RankedCount | None = None
    declared: datetime | None = None

    @property
    def ranked(self) -> bool:
        return self.kind in RANKED

    @property
    def possible(self) -> int:
        return self.voters + self.proxies

    @property
    def paper_count(self) -> int:
        return sum(p.count for p in self.papers)

    @property
    def blank(self) -> int:
        return (self.report.blank if self.report else 0) + (self.file_blank if self.ranked else 0)

    @property
    def invalid(self) -> int:
        return self.report.invalid if self.report else 0

    @property
    def elected(self) -> tuple[str, ...]:
        return self.result.elected if self.result is not None else ()


@dataclass(frozen=True, slots=True)
class ElectionProgress:
    """One election held under an item (`id` is `<id>.<region>` for one region's election)."""

    id: str
    item: str
    election: Election
    region: str | None
    method: str  # the method's kind: majority, plurality, instant_runoff or scottish_stv
    nominations: tuple[Nomination, ...] = ()
    closed: datetime | None = None
    candidates: tuple[str, ...] = ()  # as nominations last closed: the next ballot's after them
    rounds: tuple[Ballot, ...] = ()
    # Ballots held when nominations last closed: nominations reopened (RONR §31) and closed
    # again after a ballot put a new list of candidates on the next one.
    ballots_at_close: int = 0

    # ── reading ────────────────────────────────────────────────────────────────

    def nomination(self, candidate: str) -> Nomination | None:
        return next((n for n in reversed(self.nominations) if n.candidate == candidate), None)

    @property
    def standing(self) -> tuple[str, ...]:
        """Who would be on the ballot if nominations closed now: nominated and not declined or
        withdrawn; from the floor, seconded where the election asks a seconder."""
        return tuple(
            n.candidate
            for n in self.nominations
            if n.answer != "declined" and n.withdrawn is None and not self.unseconded(n)
        )

    def unseconded(self, nomination: Nomination) -> bool:
        """A nomination from the floor without the seconder the election asks: it does not
        stand, and lapses when nominations close."""
        return bool(self.election.seconded) and nomination.at is not None and nomination.seconder is None

    @property
    def withdrawn(self) -> frozenset[str]:
        """Candidates whose latest nomination was withdrawn (one nominated again stands again)."""
        latest = {n.candidate: n for n in self.nominations}
        return frozenset(c for c, n in latest.items() if n.withdrawn is not None)

    @property
    def elected(self) -> tuple[str, ...]:
        return tuple(c for r in self.rounds for c in r.elected)

    @property
    def seats_left(self) -> int:
        return self.election.seats - len(self.elected)

    @property
    def open_round(self) -> Ballot | None:
        last = self.rounds[-1] if self.rounds else None
        return last if last is not None and last.result is None else None

    @property
    def next_candidates(self) -> tuple[str, ...]:
        """The next ballot's candidates: the first ballot's, then those a round left on the
        ballot (a majority round's own list; otherwise all but the elected), less any who
        withdrew since."""
        if len(self.rounds) == self.ballots_at_close:
            on_ballot = self.candidates
        else:
            last = self.rounds[-1]
            if isinstance(last.result, BallotRound) and last.result.next_kind is not None:
                on_ballot = last.result.next_candidates
            else:
                on_ballot = tuple(c for c in last.candidates if c not in last.elected)
        gone = self.withdrawn
        return tuple(c for c in on_ballot if c not in gone)

    @property
    def next_kind(self) -> RoundKind:
        if self.method != "majority":
            return self.method  # type: ignore[return-value]
        last = self.rounds[-1].result if len(self.rounds) > self.ballots_at_close else None
        if isinstance(last, BallotRound) and last.next_kind is not None:
            return last.next_kind
        return "majority"

    @property
    def complete(self) -> bool:
        """Every seat filled. Until then the election goes on (RONR §46: balloting continues
        until the office is filled), if need be with nominations reopened."""
        return self.closed is not None and self.seats_left == 0

    @property
    def stalled(self) -> bool:
        """Seats left but nobody left for the next ballot (all withdrew, or fewer stood than
        seats): only reopening nominations (RONR §31) lets the election go on."""
        return self.closed is not None and not self.complete and self.open_round is None and not self.next_candidates

    @property
    def previous_ballots(self) -> tuple[BallotRound, ...]:
        """The majority rounds counted so far, whose votes break ties before lots do."""
        return tuple(r.result for r in self.rounds if isinstance(r.result, BallotRound))

    # ── changing: a new progress each time ─────────────────────────────────────

    def with_nomination(self, nomination: Nomination) -> ElectionProgress:
        return replace(self, nominations=(*self.nominations, nomination))

    def changing(self, candidate: str, **changes: object) -> ElectionProgress:
        """The candidate's latest nomination changed (seconded, answered, withdrawn)."""
        index = max(i for i, n in enumerate(self.nominations) if n.candidate == candidate)
        nominations = list(self.nominations)
        nominations[index] = replace(nominations[index], **changes)  # type: ignore[arg-type]
        return replace(self, nominations=tuple(nominations))

    def with_round(self, ballot: Ballot) -> ElectionProgress:
        """The last round replaced (it changed), or a new round added."""
        if self.rounds and self.rounds[-1].number == ballot.number:
            return replace(self, rounds=(*self.rounds[:-1], ballot))
        return replace(self, rounds=(*self.rounds, ballot))
