"""An election's count in words, the same on the console, in the members' view and in the
minutes: each decision with its arithmetic ("Mutale Chibwe-Nkonde: 11 of 19 votes cast, 10
necessary — elected"), each tie with what broke it, each time the composition rule acted.

Nothing is decided here: the count's record (`BallotRound`, `RankedCount`) already says what was
decided and why; this only words it.
"""

from __future__ import annotations

from fractions import Fraction

from meeting.domain.council import Council
from meeting.domain.elections.progress import Ballot, ElectionProgress
from meeting.domain.elections.ranked import UNIT, RankedCount, Stage
from meeting.domain.elections.records import CompositionActed, Decision, Tie
from meeting.domain.elections.rounds import BallotRound
from meeting.formats import exact_figure
from meeting.i18n import _, ngettext
from meeting.vocabulary import (
    ELECTION_REASONS,
    GENDER_GROUPS,
    elected_words,
    fate_words,
    member_name,
    member_names,
    words,
)


def votes_text(value: Fraction | int) -> str:
    """Votes as the count keeps them: whole, or to the five decimal places of an STV transfer,
    all five written so that a column of them lines up. A change may be negative: the sign is
    the whole figure's ("-0.65215"), not the floor's ("-1.34785")."""
    value = Fraction(value)
    if value.denominator == 1:
        return str(value.numerator)
    scaled = abs(value) * UNIT
    if scaled.denominator == 1:
        whole, part = divmod(scaled.numerator, UNIT)
        return f"{'-' if value < 0 else ''}{whole}.{part:05d}"
    return f"{float(value):.5f}"


def votes_words(value: Fraction | int) -> str:
    """The same figure as a person reads it in the language spoken: "20,65215" in French."""
    return exact_figure(votes_text(value))


def tie_words(council: Council, tie: Tie) -> str:
    among = member_names(council, tie.among)
    if tie.by == "earlier_round":
        return _("tied with equal votes ({among}): decided by the votes at round or stage {round}").format(
            among=among, round=tie.round
        )
    assert tie.lot is not None
    return _("tied with equal votes ({among}): decided by lots, drawn in the order {order}").format(
        among=among, order=member_names(council, tie.lot.order)
    )


def decision_words(council: Council, decision: Decision, of: int | None = None, necessary: int | None = None) -> str:
    """One candidate's fate with its arithmetic: of `of` votes cast, `necessary` to be elected."""
    name = member_name(council, decision.candidate)
    votes = votes_words(decision.votes)
    outcome = fate_words(decision.outcome, decision.candidate, council) if decision.outcome else ""
    reason = words(ELECTION_REASONS, decision.reason)
    if of is not None and necessary is not None:
        text = _("{name}: {votes} of {of} votes cast, {necessary} necessary — {outcome}").format(
            name=name, votes=votes, of=of, necessary=necessary, outcome=outcome
        )
    else:
        # Plural as the figure reads: "1 vote", "2 votes", "1.50000 votes".
        figure = Fraction(decision.votes)
        n = figure.numerator if figure.denominator == 1 else 2
        text = ngettext(
            "{name}: {votes} vote, {reason} — {outcome}", "{name}: {votes} votes, {reason} — {outcome}", int(n)
        ).format(name=name, votes=votes, reason=reason, outcome=outcome)
    if decision.tie is not None:
        text += _("; ") + tie_words(council, decision.tie)
    return text


def composition_words(council: Council, acted: CompositionActed) -> str:
    condition = words(GENDER_GROUPS, acted.condition)
    if acted.action == "unreachable":
        return _(
            "The composition rule ({condition}) asks for more than the candidates standing can give: it was held to "
            "as many as stand."
        ).format(condition=condition)
    name = member_name(council, acted.candidate)
    if acted.action == "not_elected":
        template = _(
            "The composition rule acted: {name} was not elected, as electing them would have left too few seats "
            "for the {condition} the rule requires."
        )
    else:
        template = _(
            "The composition rule acted: {name} was kept in the count, as excluding them would have left too few "
            "{condition} for the rule."
        )
    return template.format(name=name, condition=condition)


def explained(council: Council, result: BallotRound | RankedCount) -> list[str]:
    """Every decision of a round's count, and every time the composition rule acted."""
    lines: list[str] = []
    if isinstance(result, BallotRound):
        for decision in result.decisions:
            elected_by_majority = decision.outcome == "elected" and result.necessary is not None
            if elected_by_majority:
                lines.append(decision_words(council, decision, result.votes_cast, result.necessary))
            else:
                lines.append(decision_words(council, decision))
        if result.tied_for_last:
            lines.append(
                _(
                    "Tied with equal votes for the last seat ({among}): none of them is elected; the seat is "
                    "filled at the next ballot"
                ).format(among=member_names(council, result.tied_for_last))
            )
        notes = list(result.composition)
    else:
        # Each line says at which stage of the count it happened, as the sheet numbers them.
        lines += [composition_words(council, acted) for acted in result.composition]
        for stage in result.stages:
            said = [decision_words(council, d) for d in stage.decisions]
            said += [composition_words(council, acted) for acted in stage.composition]
            lines += [_("Stage {number}: {what}").format(number=stage.number, what=line) for line in said]
        lines += _surpluses_kept(council, result)
        return lines
    lines += [composition_words(council, acted) for acted in notes]
    return lines


def _surpluses_kept(council: Council, count: RankedCount) -> list[str]:
    """The surpluses the count never transferred (rule 52 filled the last seats first): an
    elected candidate still above the quota at the end."""
    if count.quota is None or not count.stages:
        return []
    last = count.stages[-1]
    transferred = {s.candidate for s in count.stages if s.action == "surplus" and s.transferred}
    return [
        _("Stage {number}: the surplus of {name} ({surplus}) was not transferred: the last seats were filled.").format(
            number=last.number,
            name=member_name(council, c),
            surplus=votes_words(Fraction(last.votes.get(c, 0)) - count.quota),
        )
        for c in count.elected
        if c not in transferred and Fraction(last.votes.get(c, 0)) > count.quota
    ]


def stage_explained(council: Council, stage: Stage) -> list[str]:
    """What one stage of a ranked count decided, and where the composition rule acted."""
    return [decision_words(council, d) for d in stage.decisions] + [
        composition_words(council, acted) for acted in stage.composition
    ]


def stage_words(council: Council, stage: Stage) -> str:
    """What a stage of a ranked count did."""
    if stage.action == "first_preferences":
        return _("First preferences")
    name = member_name(council, stage.candidate)
    if stage.action == "surplus":
        surplus = votes_words(stage.surplus or 0)
        if not stage.transferred:
            return _("Surplus of {name} ({surplus}), not transferred: the last seats are filled").format(
                name=name, surplus=surplus
            )
        return _("Transfer of the surplus of {name} ({surplus})").format(name=name, surplus=surplus)
    return _("Exclusion of {name}").format(name=name)


def round_summary(council: Council, election: ElectionProgress, ballot: Ballot) -> str:
    """One sentence: what the round decided, or that it waits for the tellers or the count."""
    number = ballot.number
    result = ballot.result
    if result is None:
        if ballot.ranked:
            return ngettext(
                "Round {number}: {papers} ballot paper entered.",
                "Round {number}: {papers} ballot papers entered.",
                ballot.paper_count,
            ).format(number=number, papers=ballot.paper_count)
        if ballot.report is None:
            return _("Round {number}: the ballot is open; the tellers have not reported.").format(number=number)
        return _("Round {number}: the tellers have reported; the result is not declared yet.").format(number=number)
    if result.elected:
        return _("Round {number}: {names} {elected}.").format(
            number=number, names=member_names(council, result.elected), elected=elected_words(result.elected, council)
        )
    dropped = [d.candidate for d in getattr(result, "decisions", ()) if d.outcome == "excluded"]
    if dropped:
        return ngettext(
            "Round {number}: nobody elected; {names} leaves the ballot.",
            "Round {number}: nobody elected; {names} leave the ballot.",
            len(dropped),
        ).format(number=number, names=member_names(council, dropped))
    return _("Round {number}: nobody elected.").format(number=number)


def tally_line(council: Council, ballot: Ballot) -> str:
    """A round's figures on one line: each candidate's votes, then the ballots that were not
    votes, the votes cast and the majority (or the valid papers and the quota)."""
    result = ballot.result
    if isinstance(result, RankedCount):
        last = result.stages[-1].votes if result.stages else {}
        votes = [(c, votes_words(last.get(c, 0))) for c in ballot.candidates]
    elif ballot.report is not None:
        votes = [(c, str(ballot.report.votes.get(c, 0))) for c in ballot.candidates]
    else:
        return ""
    parts = [f"{member_name(council, c)} {v}" for c, v in votes]
    parts.append(_("blank {blank}, invalid {invalid}").format(blank=ballot.blank, invalid=ballot.invalid))
    if isinstance(result, BallotRound) and result.necessary is not None:
        parts.append(
            _("{cast} votes cast, {necessary} necessary").format(cast=result.votes_cast, necessary=result.necessary)
        )
    elif isinstance(result, RankedCount):
        quota = _(", quota {quota}").format(quota=result.quota) if result.quota is not None else ""
        parts.append(_("{valid} valid papers").format(valid=result.valid) + quota)
    return " · ".join(parts)
