"""Whether a vote carried, under a decision class, with exact arithmetic.

"Carried — 14 yes, 5 no, 2 abstain; two-thirds of votes cast required: 14 ≥ 38/3": the
outcome keeps every number of that sentence, and the edges write it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from meeting.domain.events import Outcome
from meeting.domain.motions import Decision
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


def base_of(decision: DecisionClass, tally: Tally, entitled: int, seats: int) -> int:
    """What the threshold is a share of: votes cast, members present and voting, or all seats."""
    if decision.of == "present":
        return entitled
    if decision.of == "membership":
        return seats
    return tally.yes + tally.no + (tally.abstain if decision.abstentions == "counted" else 0)


def bound_amount(decision: DecisionClass) -> int | Fraction:
    amount = decision.at_least if decision.at_least is not None else decision.more_than
    assert amount is not None  # the model guarantees exactly one bound
    return amount


def required_yes(decision: DecisionClass, base: int) -> Fraction:
    """The yes votes the bound names: a share of the base, or a count."""
    amount = bound_amount(decision)
    return amount * base if isinstance(amount, Fraction) else Fraction(amount)


def carries(decision: DecisionClass, yes: int, required: Fraction) -> bool:
    return yes >= required if decision.at_least is not None else yes > required


def _tie_decides(decision: DecisionClass, tally: Tally, entitled: int, seats: int) -> bool:
    """A tie the rules break: equal yes and no, where one more yes would carry it."""
    if tally.yes != tally.no or tally.yes == 0:
        return False
    one_more = Tally(tally.yes + 1, tally.no, tally.abstain)
    base = base_of(decision, one_more, entitled, seats)
    return carries(decision, one_more.yes, required_yes(decision, base))


def vote_outcome(decision: DecisionClass, class_id: str, tally: Tally, entitled: int, seats: int) -> Outcome:
    """The result of a count. A tie that the rules break otherwise than by failing is pending
    until the chair's casting vote or the lots."""
    base = base_of(decision, tally, entitled, seats)
    required = required_yes(decision, base)
    carried = carries(decision, tally.yes, required)
    awaiting: Literal["casting_vote", "lots"] | None = None
    if decision.tie != "fails" and not carried and _tie_decides(decision, tally, entitled, seats):
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


def chair_could_decide(decision: DecisionClass, tally: Tally, entitled: int, seats: int) -> bool:
    """Whether one more vote, yes or no, would change the result (RONR §44:12): when the chair
    votes only then, the count waits for the chair."""
    now = vote_outcome(decision, "", tally, entitled, seats).result
    with_yes = vote_outcome(decision, "", Tally(tally.yes + 1, tally.no, tally.abstain), entitled, seats).result
    with_no = vote_outcome(decision, "", Tally(tally.yes, tally.no + 1, tally.abstain), entitled, seats).result
    return now != with_yes or now != with_no


def after_chair_votes(
    outcome: Outcome,
    decision: DecisionClass,
    by: Literal["casting_vote", "chair"],
    choice: str,
    entitled: int,
    seats: int,
) -> Outcome:
    """The outcome once the chair's casting or deciding vote (`yes`, `no` or `none`) is added."""
    extra_yes, extra_no = {"yes": (1, 0), "no": (0, 1)}.get(choice, (0, 0))
    tally = Tally(outcome.yes + extra_yes, outcome.no + extra_no, outcome.abstain, outcome.blank)
    after = vote_outcome(decision, outcome.class_id, tally, entitled, seats)
    carried = carries(decision, after.yes, after.required)
    return after.model_copy(update={"result": "carried" if carried else "lost", "awaiting": None, "tie_broken_by": by})


def after_lots(outcome: Outcome, carried: bool) -> Outcome:
    """The outcome as the lots fell."""
    return outcome.model_copy(
        update={"result": "carried" if carried else "lost", "awaiting": None, "tie_broken_by": "lots"}
    )


def yes_to_carry(decision: DecisionClass, voting: int, entitled: int, seats: int) -> int | None:
    """The fewest yes votes that carry when `voting` members all vote yes or no, said before
    the count ("12 of 18 if all vote"); None when not even all of them carry it."""
    for yes in range(voting + 1):
        if vote_outcome(decision, "", Tally(yes, voting - yes), entitled, seats).result == "carried":
            return yes
    return None


def yes_needed(outcome: Outcome) -> int:
    """The yes votes a decision needed, as a whole number: at least 38/3 is 13; more than 17/2
    is 9. The minutes say this one number instead of the exact bound."""
    required = Fraction(outcome.required)
    if outcome.bound == "at_least":
        return math.ceil(required)
    return math.floor(required) + 1
