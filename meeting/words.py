"""The council's rules in words, for the check summary, the console and the minutes.

The domain holds rules as data; this module says them in the reader's language.
"""

from __future__ import annotations

from fractions import Fraction

from meeting.domain.checks import least_count
from meeting.domain.council import Council
from meeting.domain.events import Outcome
from meeting.domain.rules import DecisionClass, Quorum, Threshold
from meeting.i18n import _
from meeting.vocabulary import BASES, ON_BLOCK, RESULTS, SHARES, TIE_RULES


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


def quorum_status_words(
    present: int,
    needed: int,
    seats: int,
    regions_present: int,
    regions_needed: int,
    regions_total: int,
    short: list[str] | tuple[str, ...] = (),
) -> str:
    """ "11 of 21 voting seats present (11 needed) · 2 of 5 regions represented (3 needed) → no quorum"."""
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
    met = present >= needed and regions_present >= regions_needed and not short
    return " · ".join(parts) + " → " + (_("quorum") if met else _("no quorum"))


def outcome_words(outcome: Outcome) -> str:
    """ "Carried — 14 yes, 5 no, 2 abstain; two-thirds of votes cast required: 14 ≥ 38/3 (12.67)
    (class: ordinary)"."""
    counts = _("{yes} yes, {no} no, {abstain} abstain").format(yes=outcome.yes, no=outcome.no, abstain=outcome.abstain)
    if outcome.blank:
        counts += ", " + _("{blank} blank").format(blank=outcome.blank)
    # The comparison that decided it: 14 ≥ 38/3 carried; 13 < 40/3 lost.
    carried = outcome.result == "carried"
    sign = ("≥" if carried else "<") if outcome.bound == "at_least" else (">" if carried else "≤")
    rule = _("{threshold} required: {yes} {sign} {required}").format(
        threshold=outcome_threshold_words(outcome), yes=outcome.yes, sign=sign, required=exact_words(outcome.required)
    )
    return _("{result} — {counts}; {rule} (class: {class_id})").format(
        result=_(RESULTS[outcome.result]), counts=counts, rule=rule, class_id=outcome.class_id
    )


def outcome_threshold_words(outcome: Outcome) -> str:
    """The rule a vote was decided under, from the outcome alone: "two-thirds of votes cast"."""
    threshold = Threshold.model_validate({outcome.bound: amount_text(outcome.amount)})
    return threshold_words(threshold, base_words(outcome.of, outcome.base))


def amount_text(amount: int | Fraction) -> int | str:
    """A bound as the rules write it: a count, or a fraction such as "2/3"."""
    return f"{amount.numerator}/{amount.denominator}" if isinstance(amount, Fraction) else amount
