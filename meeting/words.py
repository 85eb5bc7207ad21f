"""The council's rules in words, for the check summary, the console and the minutes.

The domain holds rules as data; this module says them in the reader's language.
"""

from __future__ import annotations

import math
from fractions import Fraction

from meeting.domain.checks import least_count
from meeting.domain.council import Council
from meeting.domain.events import ChamberOutcome, ClassQuorumCount, Outcome
from meeting.domain.outcome import yes_needed
from meeting.domain.rules import DecisionClass, Quorum, Threshold
from meeting.i18n import _, ngettext
from meeting.vocabulary import BASES, ON_BLOCK, OUTCOMES, QUORUM_UNITS, SHARES, TIE_RULES


def base_words(of: str, seats: int) -> str:
    """What a threshold is a share of: "votes cast", "members present", "all 21 voting seats"."""
    return _(BASES[of]).format(seats=seats)


def share_words(share: Fraction) -> str:
    named = SHARES.get(share)
    return _(named) if named else f"{share.numerator}/{share.denominator}"


def threshold_words(threshold: Threshold, of: str) -> str:
    """ "two-thirds of votes cast", "a majority of members present", "at least 14 of ..."."""
    if threshold.more_than == Fraction(1, 2):
        return _("a majority of {base}").format(base=of)
    if threshold.at_least in (Fraction(2, 3), Fraction(3, 4)):
        return _("{share} of {base}").format(share=share_words(Fraction(threshold.at_least)), base=of)
    if threshold.at_least == Fraction(1, 1):
        return _("all {base}").format(base=of)
    if threshold.at_least is not None:
        amount, template = threshold.at_least, _("at least {amount} of {base}")
    else:
        assert threshold.more_than is not None
        amount, template = threshold.more_than, _("more than {amount} of {base}")
    shown = share_words(amount) if isinstance(amount, Fraction) else str(amount)
    return template.format(amount=shown, base=of)


def quorum_words(quorum: Quorum, council: Council) -> str:
    seats = len(council.seats)
    parts = [_("{needed} of {seats} voting seats present").format(needed=least_count(quorum, seats), seats=seats)]
    counted = []
    if quorum.remote_counts:
        counted.append(_("remote members count"))
    else:
        counted.append(_("remote members do not count"))
    if quorum.proxies_count:
        counted.append(_("proxies count"))
    else:
        counted.append(_("proxies do not count"))
    parts[0] += " (" + _(", ").join(counted) + ")"
    regions = sum(1 for r in council.regions if council.seats_in(r.id))
    if quorum.regions_represented:
        parts.append(
            _("members from at least {needed} of {regions} regions").format(
                needed=quorum.regions_represented, regions=regions
            )
        )
    if quorum.each_region_at_least is not None:
        parts.append(
            _("at least {share} of each region's seats").format(share=share_words(quorum.each_region_at_least))
        )
    return _(" and ").join(parts)


def decision_words(decision: DecisionClass, council: Council) -> str:
    seats = len(council.seats)
    base = base_words(decision.of, seats)
    parts = [threshold_words(decision, base)]
    if decision.of == "membership":
        parts[0] += " " + _("({needed} yes)").format(needed=least_count(decision, seats))
    if decision.of == "votes_cast":
        excluded = decision.abstentions == "excluded"
        parts.append(_("abstentions excluded") if excluded else _("abstentions count as votes cast"))
    parts.append(_(TIE_RULES[decision.tie]))
    if decision.consensus_first:
        parts.append(_(ON_BLOCK[decision.on_block]))
    if decision.notice_days:
        parts.append(_("{days} days' notice").format(days=decision.notice_days))
    return _("; ").join(parts)


def exact_words(value: Fraction) -> str:
    """14, or 38/3 (12.67): exact first, the decimal only to help the reader."""
    if value.denominator == 1:
        return str(value.numerator)
    return f"{value.numerator}/{value.denominator} ({float(value):.2f})"


def quorum_count_words(
    present: int,
    needed: int,
    seats: int,
    regions_present: int,
    regions_needed: int,
    regions_total: int,
    short: list[str] | tuple[str, ...] = (),
    separator: str = "; ",
) -> str:
    """ "11 of 21 voting seats present (11 needed); 2 of 5 regions represented (3 needed)"."""
    parts = [
        _("{present} of {seats} voting seats present ({needed} needed)").format(
            present=present, seats=seats, needed=needed
        )
    ]
    if regions_needed:
        parts.append(
            _("{present} of {total} regions represented ({needed} needed)").format(
                present=regions_present, total=regions_total, needed=regions_needed
            )
        )
    if short:
        parts.append(_("too few seats present from {regions}").format(regions=_(", ").join(short)))
    return separator.join(parts)


def quorum_status_words(
    present: int,
    needed: int,
    seats: int,
    regions_present: int,
    regions_needed: int,
    regions_total: int,
    short: list[str] | tuple[str, ...] = (),
) -> str:
    """ "11 of 21 voting seats present (11 needed) · 2 of 5 regions represented (3 needed) → no quorum",
    the console's line."""
    counts = quorum_count_words(present, needed, seats, regions_present, regions_needed, regions_total, short, " · ")
    met = present >= needed and regions_present >= regions_needed and not short
    return counts + " → " + (_("quorum") if met else _("no quorum"))


def counts_words(yes: int, no: int, abstain: int = 0, blank: int = 0) -> str:
    """ "15 in favour, 4 against, 1 abstention", and blank ballots when there were any."""
    parts = [
        _("{n} in favour").format(n=yes),
        _("{n} against").format(n=no),
        ngettext("{n} abstention", "{n} abstentions", abstain).format(n=abstain),
    ]
    if blank:
        parts.append(ngettext("{n} blank ballot", "{n} blank ballots", blank).format(n=blank))
    return _(", ").join(parts)


def counted_base_words(outcome: Outcome) -> str:
    """What the threshold was a share of, counted: "the 15 votes cast", "all 21 seats"."""
    return _counted_base(outcome.of, outcome.base)


def _counted_base(of: str, n: int) -> str:
    if of == "membership":
        return ngettext("the {n} seat", "all {n} seats", n).format(n=n)
    if of == "present":
        return ngettext("the {n} member present", "the {n} members present", n).format(n=n)
    if of == "eligible":
        return ngettext("the {n} seat eligible to vote", "the {n} seats eligible to vote", n).format(n=n)
    return ngettext("the {n} vote cast", "the {n} votes cast", n).format(n=n)


def outcome_words(outcome: Outcome) -> str:
    """A vote read one way, in whole votes: "15 in favour, 4 against, 1 abstention; 14 needed
    (two-thirds of all 21 seats) — carried". Where seats carry weights, in votes as well as
    heads; where chambers count, each chamber's count first; where the class has a quorum of
    its own, how many took part."""
    result = _(OUTCOMES[outcome.result])
    quorum = outcome.quorum
    if quorum is not None and not quorum.met and quorum.requests_needed is not None:
        result = ngettext(
            "{result} unless {n} member asks for a postal ballot",
            "{result} unless {n} members ask for a postal ballot",
            quorum.requests_needed,
        ).format(result=result, n=quorum.requests_needed)
    parts = [_chamber_words(chamber, outcome) for chamber in outcome.chambers or ()]
    parts.append(_whole_words(outcome))
    if quorum is not None:
        parts.append(_class_quorum_words(quorum))
    return _("{counts} — {result}").format(counts=_("; ").join(parts), result=result)


def _whole_words(outcome: Outcome) -> str:
    """The whole vote's count and what it needed: "15 in favour, 4 against, 1 abstention; 14
    needed (two-thirds of all 21 seats)"."""
    threshold = Threshold.model_validate({outcome.bound: amount_text(outcome.amount)})
    counts = counts_words(outcome.yes, outcome.no, outcome.abstain, outcome.blank)
    votes = outcome.votes
    if votes is None:
        rule = threshold_words(threshold, counted_base_words(outcome))
        needed = str(yes_needed(outcome))
    elif outcome.chambers and any(chamber.weight is not None for chamber in outcome.chambers):
        counts = _("in all {counts}; each chamber weighing its share, {yes} in favour, {no} against").format(
            counts=counts, yes=exact_words(votes.yes), no=exact_words(votes.no)
        )
        rule = threshold_words(threshold, _("the chambers' shares of the votes"))
        needed = _needed_words(outcome.bound, Fraction(outcome.required))
    else:
        counts = _("{counts}, with {yes}, {no} and {abstain} votes").format(
            counts=counts, yes=exact_words(votes.yes), no=exact_words(votes.no), abstain=exact_words(votes.abstain)
        )
        rule = threshold_words(threshold, _votes_base_words(outcome.of, votes.base))
        needed = _("{n} votes").format(n=_needed_words(outcome.bound, Fraction(outcome.required)))
    if outcome.in_each_chamber and outcome.chambers:
        rule = _("{rule}, and in each chamber").format(rule=rule)
    return _("{counts}; {needed} needed ({rule})").format(counts=counts, needed=needed, rule=rule)


def _chamber_words(chamber: ChamberOutcome, outcome: Outcome) -> str:
    """One chamber's count: "States: 11 in favour, 9 against; 14 needed (two-thirds of the 20
    votes cast): lost"."""
    counts = counts_words(chamber.yes, chamber.no, chamber.abstain)
    if chamber.votes is not None:
        counts = _("{counts}, with {yes}, {no} and {abstain} votes").format(
            counts=counts,
            yes=exact_words(chamber.votes.yes),
            no=exact_words(chamber.votes.no),
            abstain=exact_words(chamber.votes.abstain),
        )
    name = chamber.name
    if chamber.weight is not None:
        name = _("{name} ({share} of every vote)").format(name=name, share=share_words(chamber.weight))
    if chamber.required is None or chamber.result is None:
        return _("{chamber}: {counts}").format(chamber=name, counts=counts)
    threshold = Threshold.model_validate({outcome.bound: amount_text(outcome.amount)})
    base = Fraction(chamber.base)
    if chamber.votes is not None:
        rule = threshold_words(threshold, _votes_base_words(outcome.of, base))
        needed = _("{n} votes").format(n=_needed_words(outcome.bound, Fraction(chamber.required)))
    else:
        rule = threshold_words(threshold, _counted_base(outcome.of, int(base)))
        needed = str(_whole_needed(outcome.bound, Fraction(chamber.required)))
    return _("{chamber}: {counts}; {needed} needed ({rule}): {result}").format(
        chamber=name, counts=counts, needed=needed, rule=rule, result=_(OUTCOMES[chamber.result])
    )


def _whole_needed(bound: str, required: Fraction) -> int:
    """At least 38/3 is 13; more than 17/2 is 9 (as `outcome.yes_needed`)."""
    return math.ceil(required) if bound == "at_least" else math.floor(required) + 1


def _needed_words(bound: str, required: Fraction) -> str:
    """Votes needed, exactly: "22", "64/3 (21.33)", "more than 16"."""
    if bound == "at_least":
        return exact_words(required)
    return _("more than {n}").format(n=exact_words(required))


def _votes_base_words(of: str, base: Fraction) -> str:
    """What a threshold in votes was a share of: "the 32 votes cast", "all 100 votes"."""
    n = exact_words(base)
    if of == "membership":
        return _("all {n} votes of the voting seats").format(n=n)
    if of == "present":
        return _("the {n} votes of the members present").format(n=n)
    if of == "eligible":
        return _("the {n} votes of the seats eligible to vote").format(n=n)
    return _("the {n} votes cast").format(n=n)


def _class_quorum_words(quorum: ClassQuorumCount) -> str:
    """ "quorum of the class: 12 of 40 voting seats took part (20 needed)"."""
    unit = _(QUORUM_UNITS[quorum.counts])
    needed = (
        str(_whole_needed(quorum.bound, Fraction(quorum.required)))
        if quorum.counts == "seats"
        else _needed_words(quorum.bound, Fraction(quorum.required))
    )
    return _("quorum of the class: {took_part} of {of} {unit} took part ({needed} needed)").format(
        took_part=exact_words(Fraction(quorum.took_part)), of=exact_words(Fraction(quorum.of)), unit=unit, needed=needed
    )


def outcome_threshold_words(outcome: Outcome) -> str:
    """The rule a vote was decided under, from the outcome alone: "two-thirds of votes cast"."""
    threshold = Threshold.model_validate({outcome.bound: amount_text(outcome.amount)})
    return threshold_words(threshold, base_words(outcome.of, outcome.base))


def amount_text(amount: int | Fraction) -> int | str:
    """A bound as the rules write it: a count, or a fraction such as "2/3"."""
    return f"{amount.numerator}/{amount.denominator}" if isinstance(amount, Fraction) else amount
