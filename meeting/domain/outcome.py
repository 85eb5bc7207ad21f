"""Whether a vote carried, under a decision class, with exact arithmetic.

"Carried — 14 yes, 5 no, 2 abstain; two-thirds of votes cast required: 14 ≥ 38/3": the
outcome keeps every number of that sentence, and the edges write it.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from meeting.domain.events import ChamberOutcome, ClassQuorumCount, Outcome, Votes
from meeting.domain.motions import Decision
from meeting.domain.quantities import least_count_at_least, least_whole, meets
from meeting.domain.rules import DecisionClass


@dataclass(frozen=True, slots=True)
class Tally:
    yes: int
    no: int
    abstain: int = 0
    blank: int = 0

    @property
    def votes(self) -> int:
        """Ballots with a choice: blank ballots are not votes."""
        return self.yes + self.no + self.abstain


# The classes a motion falls under when the council has not named one (RONR defaults).
BUILT_IN_CLASSES: dict[Decision, DecisionClass] = {
    "majority": DecisionClass(more_than=Fraction(1, 2)),
    "two_thirds": DecisionClass(at_least=Fraction(2, 3)),
    # "Shall the decision of the chair stand?": a tie sustains the chair (RONR §24).
    "sustain": DecisionClass(at_least=Fraction(1, 2)),
}


# What else adopts a motion to rescind (or amend) something previously adopted, besides
# two-thirds of the votes cast: a majority of the entire membership (RONR §35:2). The third
# way, a majority with previous notice, the engine cannot tell of a motion moved from the floor.
MEMBERSHIP_MAJORITY = "membership_majority"
RESCIND_ALTERNATIVE = DecisionClass(more_than=Fraction(1, 2), of="membership")


def either_carries(outcome: Outcome, alternative: Outcome) -> Outcome:
    """The outcome where either of two rules carries the question: the first's when it carries
    it (or the second does not), else the second's, saying whose place it took."""
    if outcome.result != "lost" or alternative.result != "carried":
        return outcome
    return alternative.model_copy(update={"in_place_of": outcome.class_id})


def base_of(decision: DecisionClass, tally: Tally, present: int, seats: int, eligible: int | None = None) -> int:
    """What the threshold is a share of: votes cast, the members present (`present`: every
    voting seat represented, the chair and the recused included; `attendance.members_present`),
    all seats, or the seats eligible to vote (in good standing)."""
    if decision.of == "present":
        return present
    if decision.of == "membership":
        return seats
    if decision.of == "eligible":
        return seats if eligible is None else eligible
    return tally.yes + tally.no + (tally.abstain if decision.abstentions == "counted" else 0)


def bound_amount(decision: DecisionClass) -> int | Fraction:
    amount = decision.at_least if decision.at_least is not None else decision.more_than
    assert amount is not None  # the model guarantees exactly one bound
    return amount


def required_of(decision: DecisionClass, base: Fraction) -> Fraction:
    """What the bound asks for out of a base: a share of it, or a count. A question nobody
    voted for carries nothing: "at least two-thirds of the 0 votes cast" asks for one vote, not
    none, unless a tie carries the question by the threshold itself (an appeal nobody votes on
    leaves the chair's decision standing)."""
    amount = bound_amount(decision)
    required = amount * base if isinstance(amount, Fraction) else Fraction(amount)
    if required == 0 and decision.at_least is not None and not tie_carries(decision):
        return Fraction(1)
    return required


def carries(decision: DecisionClass, yes: int, required: Fraction) -> bool:
    return yes >= required if decision.at_least is not None else yes > required


def tie_carries(decision: DecisionClass) -> bool:
    """Whether equal yes and no carry the question by the threshold itself, so that the tie
    rule never comes into it: at least half of the votes cast, abstentions left out. An
    appeal's "Shall the decision of the chair stand?" is such a question (a tie sustains the
    chair, RONR §24)."""
    bound = decision.at_least
    return (
        isinstance(bound, Fraction)
        and bound <= Fraction(1, 2)
        and decision.of == "votes_cast"
        and decision.abstentions != "counted"
    )


def _tie_decides(decision: DecisionClass, tally: Tally, present: int, seats: int, eligible: int | None) -> bool:
    """A tie the rules break: equal yes and no, where one more yes would carry it."""
    if tally.yes != tally.no or tally.yes == 0:
        return False
    one_more = Tally(tally.yes + 1, tally.no, tally.abstain)
    base = base_of(decision, one_more, present, seats, eligible)
    return carries(decision, one_more.yes, required_of(decision, Fraction(base)))


def vote_outcome(
    decision: DecisionClass, class_id: str, tally: Tally, present: int, seats: int, eligible: int | None = None
) -> Outcome:
    """The result of a count. A tie that the rules break otherwise than by failing is pending
    until the chair's casting vote or the lots. `seats`: the seats of the class's electorate;
    `eligible`: those of them eligible to vote."""
    base = base_of(decision, tally, present, seats, eligible)
    required = required_of(decision, Fraction(base))
    carried = carries(decision, tally.yes, required)
    awaiting: Literal["casting_vote", "lots"] | None = None
    if decision.tie != "fails" and not carried and _tie_decides(decision, tally, present, seats, eligible):
        awaiting = "casting_vote" if decision.tie == "casting_vote" else "lots"
    return Outcome(
        result="pending" if awaiting else "carried" if carried else "lost",
        awaiting=awaiting,
        yes=tally.yes,
        no=tally.no,
        abstain=tally.abstain,
        blank=tally.blank,
        class_id=class_id,
        of=decision.of,
        base=base,
        bound="at_least" if decision.at_least is not None else "more_than",
        amount=bound_amount(decision),
        required=required,
    )


def chair_could_decide(
    decision: DecisionClass, tally: Tally, present: int, seats: int, eligible: int | None = None
) -> bool:
    """Whether one more vote, yes or no, would change the result (RONR §44:12): when the chair
    votes only then, the count waits for the chair."""
    now = vote_outcome(decision, "", tally, present, seats, eligible).result
    yes = Tally(tally.yes + 1, tally.no, tally.abstain)
    no = Tally(tally.yes, tally.no + 1, tally.abstain)
    with_yes = vote_outcome(decision, "", yes, present, seats, eligible).result
    with_no = vote_outcome(decision, "", no, present, seats, eligible).result
    return now != with_yes or now != with_no


def after_chair_votes(
    outcome: Outcome, decision: DecisionClass, choice: str, present: int, seats: int, eligible: int | None = None
) -> Outcome:
    """The outcome once the chair, who votes only when it decides the question, has voted
    (`yes`, `no` or `none`): a member's vote, added to the count (the class's own quorum, if
    any, as the count found it)."""
    extra_yes, extra_no = {"yes": (1, 0), "no": (0, 1)}.get(choice, (0, 0))
    tally = Tally(outcome.yes + extra_yes, outcome.no + extra_no, outcome.abstain, outcome.blank)
    after = vote_outcome(decision, outcome.class_id, tally, present, seats, eligible)
    carried = carries(decision, after.yes, after.required)
    update = {"result": "carried" if carried else "lost", "awaiting": None, "tie_broken_by": "chair"}
    return after.model_copy(update={**update, "quorum": outcome.quorum})


def after_casting_vote(outcome: Outcome, choice: Literal["yes", "no", "none"]) -> Outcome:
    """The outcome of a tie once the chair has given a casting vote, or declined to: the
    casting vote decides the question without being one of the votes counted, so the count
    stays as the members cast it (9 to 9, carried on the chair's casting vote). Without one
    the tie fails."""
    return outcome.model_copy(
        update={
            "result": "carried" if choice == "yes" else "lost",
            "awaiting": None,
            "tie_broken_by": "casting_vote",
            "casting": choice,
        }
    )


def after_lots(outcome: Outcome, carried: bool) -> Outcome:
    """The outcome as the lots fell."""
    return outcome.model_copy(
        update={"result": "carried" if carried else "lost", "awaiting": None, "tie_broken_by": "lots"}
    )


def yes_to_carry(
    decision: DecisionClass, voting: int, present: int, seats: int, eligible: int | None = None, abstain: int = 0
) -> int | None:
    """The fewest yes votes that carry when `voting` members all vote yes or no (and `abstain`
    more abstain), said before the count ("12 of 18 if all vote") and as a roll call fills (two
    abstentions among 18 make it 11 of the 16 votes left); None when not even all carry it."""
    for yes in range(voting + 1):
        tally = Tally(yes, voting - yes, abstain)
        if vote_outcome(decision, "", tally, present, seats, eligible).result == "carried":
            return yes
    return None


def yes_needed(outcome: Outcome) -> int | None:
    """What a decision needed in favour, as a whole number: at least 38/3 is 13; more than 17/2
    is 9. The minutes say this one number instead of the exact bound. In votes where seats
    carry weights, when every seat carries whole votes; None where no whole number says it
    (the chambers' shares of every vote, or seats carrying parts of a vote)."""
    if outcome.votes is not None:
        return outcome.votes.needed
    return least_whole(Fraction(outcome.required), outcome.bound == "more_than")


# ── Weighted votes, chambers, a class's own quorum (rules part 2) ─────────────


@dataclass(frozen=True, slots=True)
class Group:
    """The count of a whole vote, or of one chamber: heads and votes cast (votes are heads
    where seats carry no weights), and what each base is, in heads and in votes: the members
    present (`present`: `attendance.members_present`), the electorate's seats (`seats`), those
    eligible to vote (`eligible`)."""

    tally: Tally
    yes: Fraction
    no: Fraction
    abstain: Fraction
    present: int
    present_votes: Fraction
    seats: int
    seat_votes: Fraction
    eligible: int
    eligible_votes: Fraction


def group_base(decision: DecisionClass, group: Group) -> tuple[int, Fraction]:
    """The base of the threshold in a group: in heads, and in votes."""
    tally = group.tally
    if decision.of == "present":
        return group.present, group.present_votes
    if decision.of == "membership":
        return group.seats, group.seat_votes
    if decision.of == "eligible":
        return group.eligible, group.eligible_votes
    counted = decision.abstentions == "counted"
    heads = tally.yes + tally.no + (tally.abstain if counted else 0)
    return heads, group.yes + group.no + (group.abstain if counted else 0)


def _votes(group: Group, base: Fraction, required: Fraction | None, strictly: bool, whole_votes: bool) -> Votes:
    """A count in votes; what it needs in whole votes when every seat carries whole votes."""
    needed = least_whole(required, strictly) if required is not None and whole_votes else None
    return Votes(yes=group.yes, no=group.no, abstain=group.abstain, base=base, needed=needed)


def _chamber_outcome(
    decision: DecisionClass,
    chamber: str,
    name: str,
    group: Group,
    weighted: bool,
    weight: Fraction | None,
    whole_votes: bool,
) -> ChamberOutcome:
    heads, base = group_base(decision, group)
    tally = group.tally
    strictly = decision.more_than is not None
    required = required_of(decision, base) if decision.each_chamber else None
    update: dict[str, object] = {}
    if required is not None:
        # A chamber where nobody voted in favour carries nothing, whatever the bound.
        carried = group.yes > 0 and meets(group.yes, required, strictly)
        update = {"required": required, "result": "carried" if carried else "lost"}
    return ChamberOutcome(
        chamber=chamber,
        name=name,
        yes=tally.yes,
        no=tally.no,
        abstain=tally.abstain,
        votes=_votes(group, base, required, strictly, whole_votes) if weighted else None,
        base=base if weighted else Fraction(heads),
        weight=weight,
        **update,  # type: ignore[arg-type]
    )


def weighed_outcome(
    decision: DecisionClass,
    class_id: str,
    whole: Group,
    chambers: dict[str, tuple[str, Group]],
    weights: dict[str, Fraction] | None,
    weighted: bool,
    whole_votes: bool,
) -> Outcome:
    """The result of a vote counted by name where seats carry weights or chambers count.

    With chamber `weights` (each chamber's share of every vote, whatever attends), each
    chamber's votes count as its share: in favour is the sum over the chambers that voted of
    weight x (its votes in favour / its base), and the threshold is a share of the weights of
    those chambers. Otherwise the votes (or heads) of the whole are counted. With
    `in_each_chamber`, the threshold must also be met in every chamber, on its own count.
    `whole_votes`: every seat carries whole votes, so what is needed is a whole number of them."""
    strictly = decision.more_than is not None
    heads, base = group_base(decision, whole)
    yes = whole.yes
    votes: Votes | None = _votes(whole, base, required_of(decision, base), strictly, whole_votes) if weighted else None
    if weights:
        yes = no = abstain = total = Fraction(0)
        for chamber, (_, group) in chambers.items():
            _, own = group_base(decision, group)
            if own:  # a chamber with nothing to count carries no weight in this vote
                share = weights[chamber] / own
                yes, no, abstain = yes + share * group.yes, no + share * group.no, abstain + share * group.abstain
                total += weights[chamber]
        base = total
        votes = Votes(yes=yes, no=no, abstain=abstain, base=total)
    required = required_of(decision, base if (weighted or weights) else Fraction(heads))
    # Chambers are told where they decide something: each on its own, or each weighing its share.
    told = chambers if decision.each_chamber or weights else {}
    chamber_results = [
        _chamber_outcome(decision, chamber, name, group, weighted, (weights or {}).get(chamber), whole_votes)
        for chamber, (name, group) in told.items()
    ]
    carried = meets(yes if (weighted or weights) else Fraction(whole.tally.yes), required, strictly)
    if decision.each_chamber:
        carried = carried and all(chamber.result == "carried" for chamber in chamber_results)
    return Outcome(
        result="carried" if carried else "lost",
        yes=whole.tally.yes,
        no=whole.tally.no,
        abstain=whole.tally.abstain,
        blank=whole.tally.blank,
        class_id=class_id,
        of=decision.of,
        base=heads,
        bound="more_than" if strictly else "at_least",
        amount=bound_amount(decision),
        required=required,
        votes=votes,
        chambers=chamber_results or None,
        in_each_chamber=True if decision.each_chamber else None,
    )


def with_class_quorum(outcome: Outcome, decision: DecisionClass, whole: Group) -> Outcome:
    """The outcome under the class's own quorum, if it has one: the seats (or votes) that took
    part, in favour, against or abstaining (or with a blank ballot), out of the electorate's.
    Short of it, the vote is void, or stands unless enough members ask for a postal ballot."""
    quorum = decision.quorum
    if quorum is None:
        return outcome
    tally = whole.tally
    if quorum.unit == "votes":
        took_part, of = whole.yes + whole.no + whole.abstain, whole.seat_votes
    else:
        took_part, of = Fraction(tally.votes + tally.blank), Fraction(whole.seats)
    amount = quorum.at_least if quorum.at_least is not None else quorum.more_than
    assert amount is not None  # the model guarantees exactly one bound
    required = amount * of if isinstance(amount, Fraction) else Fraction(amount)
    met = meets(took_part, required, quorum.more_than is not None)
    requests = None
    if not met and quorum.on_failure == "postal_ballot" and quorum.postal_ballot_requests is not None:
        requests = least_count_at_least(quorum.postal_ballot_requests, whole.seats)
    count = ClassQuorumCount(
        counts=quorum.unit,
        took_part=took_part,
        of=of,
        bound="more_than" if quorum.more_than is not None else "at_least",
        required=required,
        met=met,
        requests_needed=requests,
    )
    if not met and quorum.on_failure == "void":
        return outcome.model_copy(update={"result": "void", "awaiting": None, "quorum": count})
    return outcome.model_copy(update={"quorum": count})
