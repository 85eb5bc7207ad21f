"""The council's rules in words, for the check summary, the console and the minutes.

The domain holds rules as data; this module says them in the reader's language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from meeting.domain.checks import least_count
from meeting.domain.council import Council
from meeting.domain.events import ChamberOutcome, ClassQuorumCount, Outcome
from meeting.domain.outcome import tie_carries, yes_needed
from meeting.domain.quantities import least_whole
from meeting.domain.rules import ClassQuorum, DecisionClass, Electorate, Quorum, Rules, Threshold
from meeting.domain.seats import outside_electorate, seat_chambers
from meeting.formats import decimal, number
from meeting.i18n import _, ngettext
from meeting.vocabulary import (
    BASES,
    CASTING_VOTES,
    ON_BLOCK,
    OUTCOMES,
    OUTCOMES_OF_KIND,
    QUORUM_UNITS,
    RESULTS,
    SHARES,
    TIE_BREAKERS,
    TIE_RULES,
    group_name,
    region_name,
    short_of_name,
    upper_first,
)


def labelled(what: str, text: str | None) -> str:
    """ "what: text", with the language's colon (after a no-break space in French); `what`
    alone when there is no text."""
    return _("{what}: {text}").format(what=what, text=text) if text else what


def colon() -> str:
    """The language's colon with its spaces, for a label set apart from its text (in bold)."""
    return _("{what}: {text}").format(what="", text="")


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
    if quorum.counts == "votes":
        total = sum(council.seat_weights, Fraction(0))
        amount = quorum.at_least if quorum.at_least is not None else quorum.more_than
        assert amount is not None  # the model guarantees exactly one bound
        required = amount * total if isinstance(amount, Fraction) else Fraction(amount)
        strictly = quorum.at_least is None
        if council.whole_votes:
            needed = str(least_whole(required, strictly))
        else:
            needed = _needed_words("more_than" if strictly else "at_least", required)
        parts = [_("{needed} of {total} votes present").format(needed=needed, total=exact_words(total))]
    else:
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
    regions = len(council.seated_regions)
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
    if quorum.each_group_at_least:
        count = quorum.each_group_at_least
        parts.append(
            ngettext(
                "at least {count} seat from each group of regions ({groups})",
                "at least {count} seats from each group of regions ({groups})",
                count,
            ).format(count=count, groups=_(", ").join(group_name(council, g) for g in council.groups))
        )
    for group, count in quorum.group_at_least.items():
        parts.append(
            ngettext("at least {count} seat from {group}", "at least {count} seats from {group}", count).format(
                count=count, group=group_name(council, group)
            )
        )
    words = _(" and ").join(parts)
    if quorum.open_at_least is not None:
        amount = quorum.open_at_least
        shown = share_words(amount) if isinstance(amount, Fraction) else str(amount)
        counts = quorum.counts or "seats"
        unit = _(QUORUM_UNITS[counts])
        words += _("; ") + _("the meeting opens and debates with at least {amount} of the {unit}").format(
            amount=shown, unit=unit
        )
    return words


def decision_words(decision: DecisionClass, council: Council, rules: Rules | None = None) -> str:
    outside = outside_electorate(council, decision.electorate, seat_chambers(council, rules or council.rules))
    seats = len(council.seats) - len(outside)
    if council.weighted and decision.of in ("membership", "eligible"):
        votes = sum(
            (w for s, w in zip(council.seats, council.seat_weights, strict=True) if s.id not in outside), Fraction(0)
        )
        base = (_("all {n} votes") if decision.of == "membership" else _("the votes of the {n} eligible")).format(
            n=exact_words(votes) if decision.of == "membership" else seats
        )
    elif decision.of == "eligible":
        lapsed = council.seats_not_in_good_standing if (rules or council.rules).good_standing_required else frozenset()
        base = base_words(decision.of, seats - len(lapsed - outside))
    else:
        base = base_words(decision.of, seats)
    parts = [threshold_words(decision, base)]
    if decision.of == "membership" and not council.weighted:
        parts[0] += " " + _("({needed} yes)").format(needed=least_count(decision, seats))
    if council.weighted and decision.of != "membership":
        parts[0] += " " + _("(in votes)")
    if decision.each_chamber:
        parts.append(_("in each chamber"))
    if decision.electorate is not None:
        parts.append(_("voted by {who} only").format(who=_electorate_names(decision.electorate, council, rules)))
    if decision.quorum is not None:
        parts.append(_class_quorum_rule(decision.quorum))
    if decision.of == "votes_cast":
        excluded = decision.abstentions == "excluded"
        parts.append(_("abstentions excluded") if excluded else _("abstentions count as votes cast"))
    # An appeal asks "Shall the decision of the chair be sustained?": a chair read "a tie carries
    # the motion" as the appeal carried on a tie.
    tie = _("a tie carries the question put: on an appeal, the chair's decision stands")
    parts.append(tie if tie_carries(decision) else _(TIE_RULES[decision.tie]))
    if decision.consensus_first:
        parts.append(_(ON_BLOCK[decision.on_block]))
    if decision.notice_days_from:
        by = _(", ").join(
            _("{days} from {proposer}").format(days=days, proposer=proposer)
            for proposer, days in decision.notice_days_from.items()
        )
        parts.append(_("days' notice: {by}").format(by=by))
    elif decision.notice_days:
        parts.append(_("{days} days' notice").format(days=decision.notice_days))
    return _("; ").join(parts)


def _electorate_names(electorate: Electorate, council: Council, rules: Rules | None) -> str:
    """Who an electorate names, as people read it: "State members", "Region A"."""
    chambers = (rules or council.rules).chambers or {}
    names = [region_name(council, r) for r in electorate.regions or ()]
    names += [chambers[c].name if c in chambers else c for c in electorate.chambers or ()]
    names += [council.member_type(t).name if council.member_type(t) else t for t in electorate.types or ()]  # type: ignore[union-attr]
    return _(", ").join(names)


def _class_quorum_rule(quorum: ClassQuorum) -> str:
    """ "its own quorum: at least half of its voting seats take part; short of it, void"."""
    amount = quorum.at_least if quorum.at_least is not None else quorum.more_than
    assert amount is not None  # the model guarantees exactly one bound
    shown = share_words(amount) if isinstance(amount, Fraction) else str(amount)
    bound = _("at least {amount}") if quorum.at_least is not None else _("more than {amount}")
    words = _("its own quorum: {bound} of its {unit} take part").format(
        bound=bound.format(amount=shown), unit=_(QUORUM_UNITS[quorum.unit])
    )
    requests = quorum.postal_ballot_requests
    if quorum.on_failure == "postal_ballot" and requests is not None:
        asked = share_words(requests) if isinstance(requests, Fraction) else str(requests)
        return words + _(", or the decision stands unless {asked} of the members ask for a postal ballot").format(
            asked=asked
        )
    return words + _(", or the vote is void")


def chamber_words(rules: Rules, council: Council) -> dict[str, str]:
    """Each chamber in words, for the summary: "States and agencies: State members, Government
    agencies (17 votes)"."""
    chambers = seat_chambers(council, rules)
    shown = {}
    for cid, chamber in (rules.chambers or {}).items():
        seats = [w for c, w in zip(chambers, council.seat_weights, strict=True) if c == cid]
        words = ngettext("{n} voting seat", "{n} voting seats", len(seats)).format(n=len(seats))
        if council.weighted:
            words += _(", {votes} votes").format(votes=exact_words(sum(seats, Fraction(0))))
        if chamber.weight is not None:
            words += _(", {share} of every vote").format(share=share_words(chamber.weight))
        shown[cid] = _("{name}: {words}").format(name=chamber.name, words=words)
    return shown


def exact_words(value: Fraction) -> str:
    """14, or 38/3 (12.67): exact first, the decimal only to help the reader."""
    if value.denominator == 1:
        return number(value.numerator)
    return f"{value.numerator}/{value.denominator} ({decimal(value)})"


@dataclass(frozen=True, slots=True)
class VotesPresent:
    """The votes present where seats carry weights, all the votes, and the votes the quorum
    requires (more than them when `strictly`) when it counts votes."""

    present: Fraction
    total: Fraction
    required: Fraction | None = None
    strictly: bool = False
    needed: int | None = None  # `required` as a whole number of votes, where seats carry whole votes

    @property
    def met(self) -> bool:
        if self.required is None:
            return True
        return self.present > self.required if self.strictly else self.present >= self.required

    def words(self) -> str:
        counted = _("{present} of {total} votes present").format(
            present=exact_words(self.present), total=exact_words(self.total)
        )
        if self.required is None:
            return counted
        if self.needed is not None:
            needed = str(self.needed)
        else:
            needed = _needed_words("more_than" if self.strictly else "at_least", self.required)
        return _("{counted} ({needed} needed)").format(counted=counted, needed=needed)


def votes_present(
    present: Fraction | None,
    total: Fraction | None,
    required: Fraction | None = None,
    strictly: bool = False,
    needed: int | None = None,
) -> VotesPresent | None:
    """The votes present, from a quorum's numbers (None where seats carry no weights)."""
    if present is None or total is None:
        return None
    exact = None if required is None else Fraction(required)
    return VotesPresent(Fraction(present), Fraction(total), exact, strictly, needed)


def short_region_words(council: Council | None, kind: str, key: str, present: int, seats: int, needed: int) -> str:
    """A region (or group of regions) short of its quorum, with its figures, named in the
    language spoken: "Southeast Asia & Pacific (20 of 120, 24 needed)"."""
    return _("{region} ({present} of {seats}, {needed} needed)").format(
        region=short_of_name(council, kind, key), present=present, seats=seats, needed=needed
    )


def quorum_count_words(
    present: int,
    needed: int,
    seats: int,
    regions_present: int,
    regions_needed: int,
    regions_total: int,
    short: Sequence[Sequence[Any]] = (),  # each region short: kind, id or name, present, seats, needed
    separator: str | None = None,  # the language's "; " unless given
    votes: VotesPresent | None = None,
    council: Council | None = None,  # names the regions short; else they are said by id
) -> str:
    """ "11 of 21 voting seats present (11 needed); 2 of 5 regions represented (3 needed)";
    where seats carry weights, the votes present too, and what is needed of them when the
    quorum counts votes: "4 of 5 voting seats present; 7 of 12 votes present (6 needed)"."""
    if votes is not None and votes.required is not None:
        # Counted on `present`: French agrees the words with it ("1 siège … présent").
        parts = [
            ngettext(
                "{present} of {seats} voting seats present", "{present} of {seats} voting seats present", present
            ).format(present=present, seats=seats)
        ]
    else:
        parts = [
            ngettext(
                "{present} of {seats} voting seats present ({needed} needed)",
                "{present} of {seats} voting seats present ({needed} needed)",
                present,
            ).format(present=present, seats=seats, needed=needed)
        ]
    if votes is not None:
        parts.append(votes.words())
    if regions_needed:
        parts.append(
            ngettext(
                "{present} of {total} regions represented ({needed} needed)",
                "{present} of {total} regions represented ({needed} needed)",
                regions_present,
            ).format(present=regions_present, total=regions_total, needed=regions_needed)
        )
    if short:
        regions = _(", ").join(short_region_words(council, *figures) for figures in short)
        parts.append(_("too few seats present from {regions}").format(regions=regions))
    return (separator or _("; ")).join(parts)


def quorum_status_words(
    present: int,
    needed: int,
    seats: int,
    regions_present: int,
    regions_needed: int,
    regions_total: int,
    short: Sequence[Sequence[Any]] = (),
    votes: VotesPresent | None = None,
    council: Council | None = None,
) -> str:
    """ "11 of 21 voting seats present (11 needed) · 2 of 5 regions represented (3 needed) → no quorum",
    the console's line."""
    counts = quorum_count_words(
        present, needed, seats, regions_present, regions_needed, regions_total, short, " · ", votes, council
    )
    head_count = votes.met if votes is not None and votes.required is not None else present >= needed
    met = head_count and regions_present >= regions_needed and not short
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


def outcome_words(outcome: Outcome, kind: str | None = None) -> str:
    """A vote read one way, in whole votes: "15 in favour, 4 against, 1 abstention; 14 needed
    (two-thirds of all 21 seats) — carried". Where seats carry weights, in votes as well as
    heads; where chambers count, each chamber's count first; where the class has a quorum of
    its own, how many took part. An appeal (`kind`) ends "— the decision of the chair was
    sustained", never "carried"."""
    return _("{counts} — {result}").format(counts=count_words(outcome), result=decided_words(outcome, kind))


def count_words(outcome: Outcome) -> str:
    """A vote's count and what it needed, without its result: "15 in favour, 4 against, 1
    abstention; 14 needed (two-thirds of all 21 seats)"."""
    parts = [_chamber_words(chamber, outcome) for chamber in outcome.chambers or ()]
    parts.append(_whole_words(outcome))
    if outcome.quorum is not None:
        parts.append(_class_quorum_words(outcome.quorum))
    return _("; ").join(parts)


def result_of_kind(result: str, kind: str | None) -> str:
    """A result as said of the motion (`kind`) it decides: "carried"; of an appeal, "the decision
    of the chair was sustained"; of an objection to consideration, of the question."""
    return _(OUTCOMES_OF_KIND.get(kind or "", OUTCOMES)[result])


def result_words(result: str, kind: str | None = None) -> str:
    """A vote's result on its own (votes.csv, the tallies): "Carried"; an appeal's or an
    objection to consideration's as the minutes say it, since "appeal carried" reads as the
    chair overruled."""
    if kind in OUTCOMES_OF_KIND and result in ("carried", "lost"):
        return upper_first(result_of_kind(result, kind))
    return _(RESULTS[result])


def decided_words(outcome: Outcome, kind: str | None = None) -> str:
    """A vote's result at the end of a sentence: "carried"; "tied, awaiting the chair's
    casting vote"; "tied; carried (the chair's casting vote, in favour)"."""
    result = result_of_kind(outcome.result, kind)
    if outcome.awaiting == "chair":  # not a tie: the chair, who votes only to decide, may decide it
        result = _("undecided, awaiting the chair's vote")
    elif outcome.awaiting is not None:
        result = _("tied, awaiting {breaker}").format(breaker=_(TIE_BREAKERS[outcome.awaiting]))
    if outcome.in_place_of is not None:  # a rescind: RONR §35:2
        result = _(
            "{result} (a majority of the entire membership, which suffices in place of two-thirds of the votes cast)"
        ).format(result=result)
    tie_break = tie_break_words(outcome)
    if tie_break is not None:
        # The casting vote and the lots decide a tie, left as the members voted; the chair's
        # vote is counted with theirs (journals that added the casting vote to the count too).
        tied = outcome.tie_broken_by != "chair" and outcome.yes == outcome.no
        how = _("tied; {result} ({how})") if tied else _("{result} ({how})")
        result = how.format(result=result, how=tie_break)
    quorum = outcome.quorum
    if quorum is not None and not quorum.met and quorum.requests_needed is not None:
        result = ngettext(
            "{result} unless {n} member asks for a postal ballot",
            "{result} unless {n} members ask for a postal ballot",
            quorum.requests_needed,
        ).format(result=result, n=quorum.requests_needed)
    return result


def tie_break_words(outcome: Outcome) -> str | None:
    """What decided a question the count left open: "the chair's casting vote, in favour",
    "no casting vote given", "a drawing of lots", "the chair's vote"; None when the count did."""
    if outcome.tie_broken_by is None:
        return None
    if outcome.tie_broken_by == "casting_vote" and outcome.casting is not None:
        return _(CASTING_VOTES[outcome.casting])
    return _(TIE_BREAKERS[outcome.tie_broken_by])


def _whole_words(outcome: Outcome) -> str:
    """The whole vote's count and what it needed: "15 in favour, 4 against, 1 abstention; 14
    needed (two-thirds of all 21 seats)"."""
    counts = counts_words(outcome.yes, outcome.no, outcome.abstain, outcome.blank)
    votes = outcome.votes
    rule = vote_rule_words(outcome)
    if votes is None:
        needed = str(yes_needed(outcome))
    elif _weighs_shares(outcome):
        counts = _("in all {counts}; each chamber weighing its share, {yes} in favour, {no} against").format(
            counts=counts, yes=exact_words(votes.yes), no=exact_words(votes.no)
        )
        needed = _needed_words(outcome.bound, Fraction(outcome.required))
    else:
        counts = _("{counts}, with {yes}, {no} and {abstain} votes").format(
            counts=counts, yes=exact_words(votes.yes), no=exact_words(votes.no), abstain=exact_words(votes.abstain)
        )
        needed = _votes_needed_words(outcome.bound, Fraction(outcome.required), votes.needed)
    if outcome.in_each_chamber and outcome.chambers:
        rule = _("{rule}, and in each chamber").format(rule=rule)
        counts = _("in all {counts}").format(counts=counts)
    return _("{counts}; {needed} needed ({rule})").format(counts=counts, needed=needed, rule=rule)


def vote_rule_words(outcome: Outcome) -> str:
    """The rule of a whole vote, of the base it counted: "two-thirds of the 15 votes cast"; in
    votes where seats carry weights ("of the 23 votes cast"); of the chambers' shares of the
    votes where chambers weigh alike whatever attends."""
    threshold = Threshold.model_validate({outcome.bound: amount_text(outcome.amount)})
    if outcome.votes is None:
        return threshold_words(threshold, counted_base_words(outcome))
    if _weighs_shares(outcome):
        return threshold_words(threshold, _("the chambers' shares of the votes"))
    return threshold_words(threshold, _votes_base_words(outcome.of, outcome.votes.base))


def _weighs_shares(outcome: Outcome) -> bool:
    return any(chamber.weight is not None for chamber in outcome.chambers or ())


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
        needed = _votes_needed_words(outcome.bound, Fraction(chamber.required), chamber.votes.needed)
    else:
        rule = threshold_words(threshold, _counted_base(outcome.of, int(base)))
        needed = str(least_whole(Fraction(chamber.required), outcome.bound == "more_than"))
    return _("{chamber}: {counts}; {needed} needed ({rule}): {result}").format(
        chamber=name, counts=counts, needed=needed, rule=rule, result=_(OUTCOMES[chamber.result])
    )


def _votes_needed_words(bound: str, required: Fraction, needed: int | None) -> str:
    """ "16 votes" where seats carry whole votes; exactly otherwise: "more than 31/4 (7.75) votes"."""
    if needed is not None:
        return ngettext("{n} vote", "{n} votes", needed).format(n=needed)
    return _("{n} votes").format(n=_needed_words(bound, required))


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
        str(least_whole(Fraction(quorum.required), quorum.bound == "more_than"))
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
