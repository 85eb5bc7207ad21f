"""The elections in the minutes: each round as a tellers' report in RONR's form (§46:34: votes
cast, necessary for election, votes per candidate, blank and invalid ballots), a ranked count as
its count sheet (stages across, candidates down, the quota), and who was elected. Everything
comes from the counts the journal recorded; nothing is counted again here.
"""

from __future__ import annotations

from fractions import Fraction

from meeting.domain.elections.progress import Ballot, ElectionProgress, Nomination
from meeting.domain.elections.ranked import RankedCount
from meeting.domain.elections.rounds import BallotRound
from meeting.election_words import (
    explained,
    round_summary,
    stage_explained,
    stage_words,
    votes_text,
    votes_words,
)
from meeting.i18n import _, ngettext
from meeting.minutes import model as m
from meeting.minutes.wording import Context
from meeting.vocabulary import (
    ELECTION_METHODS,
    GENDER_GROUPS,
    NOMINATION_ANSWERS,
    ROUND_KINDS,
    elected_words,
    fate_words,
    member_names,
    office_words,
    region_name,
    words,
)


def _nomination_words(ctx: Context, election: ElectionProgress, nomination: Nomination) -> str:
    name = ctx.who(nomination.candidate)
    if nomination.by is None:
        text = _("{name}: a candidate named in the agenda").format(name=name)
    elif nomination.seconder is not None:
        text = _("{name}: nominated by {by}, seconded by {seconder}").format(
            name=name, by=ctx.who(nomination.by), seconder=ctx.who(nomination.seconder)
        )
    else:
        text = _("{name}: nominated by {by}").format(name=name, by=ctx.who(nomination.by))
    if nomination.answer is not None:
        text += _("; ") + words(NOMINATION_ANSWERS, nomination.answer)
    if nomination.withdrawn is not None:
        text += _("; ") + _("withdrew at {time}").format(time=ctx.clock.said(nomination.withdrawn))
    elif election.closed is not None and election.unseconded(nomination):
        text += _("; ") + _("not seconded, so not on the ballot")
    return text


def _signed(value: Fraction) -> str:
    return ("+" if value > 0 else "") + votes_text(value) if value else ""


def _count_sheet(ctx: Context, count: RankedCount) -> m.CountSheet:
    candidates = list(count.candidates)
    stages = []
    before: dict[str, Fraction] = {}
    # Running totals, as the candidates' votes are, so that every column adds up to the valid papers.
    non_transferable = lost = Fraction(0)
    for stage in count.stages:
        after = {c: Fraction(stage.votes.get(c, 0)) for c in candidates}
        non_transferable += stage.non_transferable
        lost += stage.lost
        stages.append(
            m.StageRecord(
                number=stage.number,
                words=stage_words(ctx.council, stage),
                votes=[votes_text(after[c]) for c in candidates],
                transfers=[_signed(after[c] - before.get(c, Fraction(0))) if before else "" for c in candidates],
                non_transferable=votes_text(non_transferable),
                non_transferable_added=_signed(Fraction(stage.non_transferable)),
                lost=votes_text(lost),
                lost_added=_signed(Fraction(stage.lost)),
                decisions=stage_explained(ctx.council, stage),
            )
        )
        before = after
    if count.quota is not None:
        summary = _(
            "{valid} valid ballot papers; quota {quota} (the valid papers divided by {divisor}, the {seats} "
            "seats plus one, decimals ignored, plus one)."
        ).format(valid=count.valid, quota=count.quota, divisor=count.seats + 1, seats=count.seats)
    else:
        summary = _("{valid} valid ballot papers.").format(valid=count.valid)
    return m.CountSheet(
        valid=count.valid,
        quota=count.quota,
        candidates=[ctx.person(c) for c in candidates],
        stages=stages,
        non_transferable=votes_text(count.non_transferable),
        lost=votes_text(count.lost),
        words=summary,
    )


def _votes(ctx: Context, result: BallotRound | RankedCount | None, ballot: Ballot) -> list[m.CandidateVotes]:
    if isinstance(result, RankedCount):
        # What the tellers found, the first preferences, with each candidate's fate; the votes
        # at later stages are the count sheet's (a total from another stage misled).
        first = result.stages[0].votes if result.stages else {}
        tally = {c: Fraction(first.get(c, 0)) for c in ballot.candidates}
        fates = {d.candidate: d.outcome for s in result.stages for d in s.decisions}
        # ... and the stage that decided it, with the votes it was decided on.
        when = {d.candidate: (s.number, d.votes) for s in result.stages for d in s.decisions}
        return [
            m.CandidateVotes(
                candidate=ctx.person(c),
                votes=votes_text(tally[c]),
                outcome=fates.get(c),
                outcome_words=_fate_at_stage(ctx, c, fates[c], *when[c]) if c in fates else None,
            )
            for c in ballot.candidates
        ]
    elif isinstance(result, BallotRound):
        tally = {c: Fraction(v) for c, v in result.votes.items()}
        fates = {d.candidate: d.outcome for d in result.decisions}
    elif ballot.report is not None:
        tally = {c: Fraction(v) for c, v in ballot.report.votes.items()}
        fates = {}
    else:
        return []
    return [
        m.CandidateVotes(
            candidate=ctx.person(c),
            votes=votes_text(tally.get(c, Fraction(0))),
            outcome=fates.get(c),
            outcome_words=fate_words(fates[c], c, ctx.council) if c in fates else None,
        )
        for c in ballot.candidates
    ]


def _fate_at_stage(ctx: Context, candidate: str, outcome: str, stage: int, votes: Fraction) -> str:
    figure = Fraction(votes)
    n = figure.numerator if figure.denominator == 1 else 2
    return ngettext(
        "{fate} at stage {stage}, with {votes} vote", "{fate} at stage {stage}, with {votes} votes", int(n)
    ).format(fate=fate_words(outcome, candidate, ctx.council), stage=stage, votes=votes_words(figure))


def round_record(ctx: Context, election: ElectionProgress, ballot: Ballot) -> m.RoundRecord:
    result = ballot.result
    report = ballot.report
    return m.RoundRecord(
        number=ballot.number,
        kind=ballot.kind,
        kind_words=words(ROUND_KINDS, ballot.kind),
        opened=ctx.clock(ballot.opened),
        declared=ctx.clock(ballot.declared) if ballot.declared else None,
        seats=ballot.seats,
        possible=ballot.possible,
        votes_cast=report.votes_cast if report is not None and not ballot.ranked else None,
        necessary=result.necessary if isinstance(result, BallotRound) else None,
        blank=ballot.blank,
        invalid=ballot.invalid,
        papers=ballot.paper_count if ballot.ranked else None,
        file=m.Source(path=ballot.files[0][0], sha256=ballot.files[0][1]) if ballot.files else None,
        votes=_votes(ctx, result, ballot),
        count=_count_sheet(ctx, result) if isinstance(result, RankedCount) else None,
        explanations=explained(ctx.council, result) if result is not None else [],
        words=round_summary(ctx.council, election, ballot),
    )


def _composition(election: ElectionProgress) -> str | None:
    rule = election.election.gender_at_least
    if not rule:
        return None
    wanted = _(", ").join(
        _("at least {n} {group} elected").format(n=n, group=words(GENDER_GROUPS, gender)) for gender, n in rule.items()
    )
    return _(
        "Composition rule: {wanted}. Candidates are elected in the count's order, skipping any whose election "
        "would make the rule unreachable; a candidate whose exclusion would make it unreachable is kept."
    ).format(wanted=wanted)


def _summary(ctx: Context, election: ElectionProgress) -> str:
    """Who was elected, and, while the election is not complete, what remains: an office is
    not left unfilled by the election running out of candidates (RONR §46: balloting goes on,
    nominations may be reopened), so it is said to remain to be filled."""
    text = _elected_summary(ctx, election)
    if election.closed is None or election.open_round is not None or election.complete:
        return text
    left = election.seats_left
    if left == election.election.seats == 1:
        unfilled = _("The office remains to be filled.")
    else:
        unfilled = ngettext("{left} seat remains to be filled.", "{left} seats remain to be filled.", left).format(
            left=left
        )
    return f"{text} {unfilled}"


def _elected_summary(ctx: Context, election: ElectionProgress) -> str:
    elected = election.elected
    rounds = len([r for r in election.rounds if r.result is not None])
    # One elects a President, but to a Board: an office of several seats is a body.
    several = election.election.seats > 1
    if elected:
        template = (
            ngettext(
                "{names} {elected} to the {office}, after {rounds} round.",
                "{names} {elected} to the {office}, after {rounds} rounds.",
                rounds,
            )
            if several
            else ngettext(
                "{names} {elected} {office}, after {rounds} round.",
                "{names} {elected} {office}, after {rounds} rounds.",
                rounds,
            )
        )
        return template.format(
            names=member_names(ctx.council, elected),
            elected=elected_words(elected, ctx.council),
            office=office_words(election.election),
            rounds=rounds,
        )
    if election.closed is None:
        return _("Nominations for {office} were not closed.").format(office=office_words(election.election))
    if election.open_round is not None:  # not "nobody was elected" while the papers are out
        return _("Ballot {round} for {office} is open; nobody is elected yet.").format(
            round=election.open_round.number, office=office_words(election.election)
        )
    if several:
        return _("Nobody was elected to the {office}.").format(office=office_words(election.election))
    return _("Nobody was elected {office}.").format(office=office_words(election.election))


def elections_unfinished(ctx: Context, item: str) -> list[str]:
    """For unfinished business: the elections of an item taken up that were never held, or
    left a seat unfilled (an office is not left empty: the election goes on at a later meeting)."""
    lines = []
    for election in ctx.state.elections.values():
        if election.item != item or election.complete or ctx.hidden(item):
            continue
        office = office_words(election.election)
        if election.region:
            office = f"{office} — {region_name(ctx.council, election.region)}"  # as the election headings
        if election.closed is None and not any(n.at is not None for n in election.nominations):
            lines.append(_("The election for {office} was not held.").format(office=office))
        else:
            lines.append(_("The election for {office} was not completed.").format(office=office))
    return lines


def _first_ballot(election: ElectionProgress) -> tuple[str, ...]:
    """The candidates as nominations first closed (once reopened and closed again, the first
    ballot's: `candidates` then holds the latest list)."""
    return election.rounds[0].candidates if election.ballots_at_close else election.candidates


def election_records(ctx: Context) -> list[m.ElectionRecord]:
    """Every election taken up at the meeting (nominations or ballots), in the agenda's order."""
    records = []
    for election in ctx.state.elections.values():
        taken_up = election.closed is not None or any(n.at is not None for n in election.nominations)
        if not taken_up or ctx.hidden(election.item):
            continue
        records.append(
            m.ElectionRecord(
                id=election.id,
                item=election.item,
                office=office_words(election.election),
                method=election.method,
                method_words=words(ELECTION_METHODS, election.method),
                seats=election.election.seats,
                region_name=region_name(ctx.council, election.region) if election.region else None,
                composition_words=_composition(election),
                nominations=[
                    _nomination_words(ctx, election, n)
                    for n in election.nominations
                    if n.by is not None or n.answer is not None or n.withdrawn is not None
                ],
                candidates=[ctx.person(c) for c in _first_ballot(election)],
                rounds=[round_record(ctx, election, ballot) for ballot in election.rounds],
                elected=[ctx.person(c) for c in election.elected],
                elected_words=elected_words(election.elected, ctx.council),
                words=_summary(ctx, election),
            )
        )
    return records
