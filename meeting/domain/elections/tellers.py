"""The tellers' report of a majority or plurality round, and what makes one impossible.

RONR §46: blank ballots are not votes cast (they are reported but counted for no one); illegal
(invalid) ballots cast by members entitled to vote are votes cast, so they count toward the
majority. Where a ballot paper may name several candidates (several seats on one ballot), the
majority is computed on the ballot papers with a vote, not on the marks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import Field

from meeting.domain.base import Model


class TellersReport(Model):
    votes: dict[str, Annotated[int, Field(ge=0)]]  # per candidate
    blank: int = Field(0, ge=0)
    invalid: int = Field(0, ge=0)
    # Ballot papers with at least one valid vote, when a paper may name several candidates
    # (required then: see `tellers_report_problems`); with one seat it is the sum of the votes
    # and may be left out.
    ballots: int | None = Field(None, ge=0)

    @property
    def papers_with_votes(self) -> int:
        return self.ballots if self.ballots is not None else sum(self.votes.values())

    @property
    def votes_cast(self) -> int:
        """The base of the majority: papers with a vote plus illegal ones, blanks left out."""
        return self.papers_with_votes + self.invalid

    @property
    def papers(self) -> int:
        """Every paper in the ballot box."""
        return self.votes_cast + self.blank


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a tellers' report or a ranked ballot cannot be accepted: a code and its parameters."""

    code: str
    params: dict[str, Any] = field(default_factory=dict)


def ballots_possible(voters_present: int, proxies_held: int) -> int:
    """At most one ballot per voting member present, plus one per proxy a member holds."""
    return voters_present + proxies_held


def tellers_report_problems(
    report: TellersReport, candidates: Sequence[str], seats: int, possible: int
) -> list[Problem]:
    """Everything that makes the report impossible: more papers than voters, votes for someone
    not on the ballot, a candidate with more votes than papers, more marks than seats allow."""
    problems = [
        Problem("tellers.not-a-candidate", {"candidate": name}) for name in report.votes if name not in candidates
    ]
    marks = sum(report.votes.values())
    if seats > 1 and report.ballots is None and marks > 0:
        # Several seats: a paper may name several candidates, so the votes do not give the
        # papers, the majority's base (RONR §46:33); the tellers must count them.
        return [*problems, Problem("tellers.ballots-needed", {"seats": seats})]
    if report.papers > possible:
        problems.append(Problem("tellers.too-many-ballots", {"papers": report.papers, "possible": possible}))
    with_votes = report.papers_with_votes
    if seats == 1:
        if report.ballots is not None and report.ballots != marks:
            problems.append(Problem("tellers.ballots-not-votes", {"ballots": report.ballots, "votes": marks}))
        return problems
    problems += [
        Problem("tellers.more-votes-than-ballots", {"candidate": name, "votes": votes, "ballots": with_votes})
        for name, votes in report.votes.items()
        if votes > with_votes
    ]
    if marks > seats * with_votes or (with_votes > 0 and marks == 0):
        problems.append(Problem("tellers.marks-do-not-fit", {"votes": marks, "ballots": with_votes, "seats": seats}))
    return problems


def ranked_ballots_problems(papers: int, blank: int, invalid: int, possible: int) -> list[Problem]:
    """The ranked papers of a round, with blank and invalid ones, cannot outnumber the voters."""
    total = papers + blank + invalid
    return [Problem("tellers.too-many-ballots", {"papers": total, "possible": possible})] if total > possible else []
