"""Cross-checks of a council and a meeting: everything a schema alone cannot see.

Each check is a small function named after what it decides, returning findings located
by key path, so the loader can point at the offending key in the file.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from fractions import Fraction
from typing import Any, Protocol

from pydantic import BaseModel

from meeting.domain.agenda import Agenda, Election, Item, Meeting
from meeting.domain.council import Council, Member, Region
from meeting.domain.elections.held import elections_held, ineligibility, listed_candidates
from meeting.domain.findings import Finding, KeyPath, Root, count_problem, problem, unknown, warning
from meeting.domain.outcome import tie_carries
from meeting.domain.quantities import least_count_at_least, least_count_more_than, quantity_text
from meeting.domain.rules import MAJORITY_ONLY, DecisionClass, Rules, Threshold, election_method
from meeting.domain.seats import outside_electorate, seat_chambers
from meeting.domain.text import code_point, plain_letters


class _Entry(Protocol):
    @property
    def id(self) -> str: ...


def duplicate_ids(root: Root, key: str, entries: Sequence[_Entry], label: str) -> Iterator[Finding]:
    """Ids are compared without case: `GH-1` and `gh-1` would be one name when typed."""
    first: dict[str, _Entry] = {}
    for index, entry in enumerate(entries):
        folded = entry.id.casefold()
        if folded in first:
            yield problem("id.duplicate", root, (key, index, "id"), id=entry.id, first=getattr(first[folded], label))
        else:
            first[folded] = entry


def distinct_names(council: Council) -> Iterator[Finding]:
    """Two members of one name look alike on every screen and in the minutes, and the console
    takes either for the other: "José Pérez" and "Jose Perez", "Ali" and "Ali" with a soft hyphen."""
    first: dict[str, str] = {}
    for index, member in enumerate(council.members):
        folded = plain_letters(member.name)
        if folded in first:
            yield warning("member.same-name", "council", ("members", index, "name"), id=member.id, other=first[folded])
        else:
            first[folded] = member.id


# The largest number a council or its rules may write: a count, a weight, either side of a
# fraction. Far above any council's (a weight by subscription in the thousands, an assembly of a
# few thousand seats), and small enough that every total and share of them is written in full.
LARGEST_NUMBER = 10**9


def _numbers(value: Any, at: KeyPath, skip: str | None = None) -> Iterator[tuple[KeyPath, int | Fraction]]:
    """Every count and fraction a model holds, with its key path (`skip`: a field left out)."""
    if isinstance(value, BaseModel):
        for name, info in type(value).model_fields.items():
            if name != skip:
                yield from _numbers(getattr(value, name), (*at, info.alias or name))
    elif isinstance(value, dict):
        for key, entry in value.items():
            yield from _numbers(entry, (*at, key))
    elif isinstance(value, list | tuple):
        for index, entry in enumerate(value):
            yield from _numbers(entry, (*at, index))
    elif isinstance(value, Fraction) or (isinstance(value, int) and not isinstance(value, bool)):
        yield at, value


def numbers_in_bounds(root: Root, model: BaseModel, skip: str | None = None) -> Iterator[Finding]:
    """No count, weight or fraction beyond LARGEST_NUMBER: nothing a council means, and more than
    the minutes can write as a decimal (1e32/7 votes would crash the tally's wording)."""
    for at, number in _numbers(model, (), skip):
        whole = Fraction(number)
        if max(abs(whole.numerator), whole.denominator) > LARGEST_NUMBER:
            key = next((k for k in reversed(at) if isinstance(k, str)), "")
            shown = number if isinstance(number, int) else quantity_text(number)
            yield problem("number.too-large", root, at, key=key, value=shown, limit=LARGEST_NUMBER)


# Characters that show as nothing, or only move the text around it: a zero-width space, the
# direction marks (U+200E, U+200F, U+061C), and the line and paragraph separators. A name holding
# one looks like another name, or breaks a line it should not. The zero-width non-joiner and
# joiner (U+200C, U+200D) are spelling in Persian, Devanagari, Sinhala...: allowed between two
# letters of such a script, and refused elsewhere.
_INVISIBLE = frozenset("\u200b\u200e\u200f\u061c")
_JOINERS = frozenset("\u200c\u200d")


def _joins_letters(name: str, index: int) -> bool:
    """Whether a joiner at `index` stands between two letters (or marks) of a script other than
    Latin, Greek or Cyrillic, where it shapes how they join."""
    if not 0 < index < len(name) - 1:
        return False
    neighbours = (name[index - 1], name[index + 1])
    return all(
        unicodedata.category(c)[0] in "LM" and not unicodedata.name(c, "").startswith(("LATIN", "GREEK", "CYRILLIC"))
        for c in neighbours
    )


def invisible_character(name: str) -> int | None:
    """The index of the first character of a name that would make it look like another, or None."""
    for index, char in enumerate(name):
        if char in _INVISIBLE or (char in _JOINERS and not _joins_letters(name, index)):
            return index
    return None


def visible_names(council: Council) -> Iterator[Finding]:
    named: tuple[tuple[str, Sequence[Region | Member]], ...] = (
        ("regions", council.regions),
        ("members", council.members),
    )
    for key, entries in named:
        for index, entry in enumerate(entries):
            found = invisible_character(entry.name)
            if found is not None:
                char = code_point(entry.name[found])
                yield problem("name.invisible-character", "council", (key, index, "name"), id=entry.id, char=char)


def unknown_regions(council: Council) -> Iterator[Finding]:
    region_ids = {r.id for r in council.regions}
    for index, member in enumerate(council.members):
        if member.region is not None and member.region not in region_ids:
            yield unknown("region.unknown", "council", ("members", index, "region"), "regions", member.region)
        elif member.region is None and member.holds_seat:
            yield problem("member.seat-without-region", "council", ("members", index), id=member.id)


def observers_without_vote(council: Council) -> Iterator[Finding]:
    for index, member in enumerate(council.members):
        if member.role == "observer" and member.votes:
            yield problem("member.observer-votes", "council", ("members", index, "votes"), id=member.id)


def valid_alternates(council: Council) -> Iterator[Finding]:
    """An alternate is another member, without a seat, standing in for one titular only."""
    titular_of: dict[str, str] = {}
    for index, member in enumerate(council.members):
        if member.alternate is None:
            continue
        at = ("members", index, "alternate")
        alternate = council.member(member.alternate)
        if member.alternate == member.id:
            yield problem("alternate.self", "council", at, id=member.id)
        elif alternate is None:
            yield unknown("member.unknown", "council", at, "members", member.alternate)
        elif alternate.holds_seat:
            yield problem("alternate.holds-seat", "council", at, id=alternate.id, name=alternate.name)
        elif not member.holds_seat:
            yield problem("alternate.no-seat", "council", at, id=member.id)
        elif member.alternate in titular_of:
            yield problem("alternate.shared", "council", at, id=member.alternate, other=titular_of[member.alternate])
        else:
            titular_of[member.alternate] = member.id
            if alternate.region != member.region:
                yield warning("alternate.other-region", "council", at, id=alternate.id, name=alternate.name)


def regions_without_seats(council: Council) -> Iterator[Finding]:
    for index, region in enumerate(council.regions):
        if not council.seats_in(region.id):
            yield count_problem("region.no-seats", "council", ("regions", index, "id"), "members", id=region.id)


def council_findings(council: Council) -> list[Finding]:
    return [
        *duplicate_ids("council", "regions", council.regions, "name"),
        *duplicate_ids("council", "members", council.members, "name"),
        *distinct_names(council),
        *visible_names(council),
        *unknown_regions(council),
        *observers_without_vote(council),
        *valid_alternates(council),
        *regions_without_seats(council),
        *member_types(council),
        *numbers_in_bounds("council", council, skip="rules"),
        *([] if council.seats else [count_problem("council.no-seats", "council", ("members",), "members")]),
    ]


def least_count(threshold: Threshold, base: int) -> int:
    """The smallest whole number of seats or votes that meets `threshold` out of `base`."""
    if threshold.at_least is not None:
        return least_count_at_least(threshold.at_least, base)
    assert threshold.more_than is not None  # the model guarantees exactly one bound
    return least_count_more_than(threshold.more_than, base)


def _bound_key(threshold: Threshold) -> str:
    return "at_least" if threshold.at_least is not None else "more_than"


def reachable_quorum(rules: Rules, council: Council) -> Iterator[Finding]:
    quorum = rules.quorum
    seats = len(council.seats)
    needed = least_count(quorum, seats)
    if needed < 1:
        yield problem("quorum.zero", "rules", ("quorum", _bound_key(quorum)))
    if needed > seats:
        yield count_problem(
            "quorum.unreachable", "rules", ("quorum", _bound_key(quorum)), "members", needed=needed, seats=seats
        )
    regions_with_seats = len(council.seated_regions)
    if quorum.regions_represented > regions_with_seats:
        yield count_problem(
            "quorum.regions-unreachable",
            "rules",
            ("quorum", "regions_represented"),
            "members",
            needed=quorum.regions_represented,
            regions=regions_with_seats,
        )


def reachable_decisions(rules: Rules, council: Council) -> Iterator[Finding]:
    """A class needing more yes votes than there are seats can never carry anything; one whose
    threshold is nothing carries whatever the votes against.

    A share of votes cast is reachable, by a unanimous vote, unless it asks for more than all of
    them (`more_than = "1/1"`); a count, or a share of seats, may not be."""
    seats = len(council.seats)
    for class_id, decision in rules.classes.items():
        bound = decision.at_least if decision.at_least is not None else decision.more_than
        if bound == 0:
            yield problem("class.zero", "rules", ("classes", class_id, _bound_key(decision)), id=class_id)
            continue
        by_count = isinstance(bound, int)
        beyond_all = isinstance(bound, Fraction) and (bound > 1 or (bound == 1 and decision.more_than is not None))
        if (by_count or beyond_all or decision.of != "votes_cast") and least_count(decision, seats) > seats:
            yield count_problem(
                "class.unreachable",
                "rules",
                ("classes", class_id, _bound_key(decision)),
                "members",
                id=class_id,
                needed=least_count(decision, seats),
                seats=seats,
            )


def ties_that_carry(rules: Rules) -> Iterator[Finding]:
    """At least half of the votes cast, abstentions left out: a tie meets the threshold and
    carries, so the class's `tie` (written, or the default "fails") never comes into it."""
    for class_id, decision in rules.classes.items():
        if tie_carries(decision) and decision.at_least != 0:  # a threshold of nothing is class.zero
            yield warning("class.tie-carries", "rules", ("classes", class_id, "tie"), id=class_id, tie=decision.tie)


def known_classes(rules: Rules) -> Iterator[Finding]:
    if rules.default_class not in rules.classes:
        yield unknown("class.unknown", "rules", ("default_class",), "classes", rules.default_class)
    for motion, override in rules.motions.items():
        if override.decision_class is not None and override.decision_class not in rules.classes:
            yield unknown("class.unknown", "rules", ("motions", motion, "class"), "classes", override.decision_class)


def reachable_groups(rules: Rules, council: Council) -> Iterator[Finding]:
    """Each group the quorum names exists, and has the seats the quorum asks of it."""
    quorum = rules.quorum
    seats_in_group: dict[str, int] = dict.fromkeys(council.groups, 0)
    for region in council.regions:
        if seats := council.seats_in(region.id):
            seats_in_group[council.group_of(region.id)] += len(seats)
    for group, needed in quorum.group_at_least.items():
        at = ("quorum", "group_at_least", group)
        if group not in seats_in_group:
            yield count_problem(
                "quorum.unknown-group", "rules", at, "regions", group=group, groups=list(council.groups)
            )
        elif needed > seats_in_group[group]:
            yield count_problem(
                "quorum.group-unreachable",
                "rules",
                at,
                "members",
                group=group,
                needed=needed,
                seats=seats_in_group[group],
            )
    short = [g for g, seats in seats_in_group.items() if seats < quorum.each_group_at_least]
    if short:
        yield count_problem(
            "quorum.groups-unreachable",
            "rules",
            ("quorum", "each_group_at_least"),
            "members",
            needed=quorum.each_group_at_least,
            groups=short,
        )


def rules_findings(rules: Rules, council: Council) -> list[Finding]:
    return [
        *known_classes(rules),
        *reachable_quorum(rules, council),
        *reachable_groups(rules, council),
        *reachable_decisions(rules, council),
        *ties_that_carry(rules),
        *election_method_options(rules),
        *rules_part2_findings(rules, council),
        *numbers_in_bounds("rules", rules),
    ]


def _member_reference(meeting: Meeting, member_id: str | None, at: tuple[str | int, ...]) -> Iterator[Finding]:
    if member_id is not None and meeting.council.member(member_id) is None:
        yield unknown("member.unknown", "agenda", at, "members", member_id)


def presiding_officers(meeting: Meeting) -> Iterator[Finding]:
    agenda = meeting.agenda
    chair = meeting.council.member(agenda.chair)
    if chair is None:
        yield unknown("chair.unknown", "agenda", ("chair",), "members", agenda.chair)
    elif chair.role in ("observer", "alternate"):
        yield problem("chair.not-a-member", "agenda", ("chair",), id=chair.id, role=chair.role)
    yield from _member_reference(meeting, agenda.secretary, ("secretary",))


def item_references(meeting: Meeting) -> Iterator[Finding]:
    classes = meeting.rules.classes
    for index, item in enumerate(meeting.agenda.items):
        yield from _member_reference(meeting, item.presenter, ("items", index, "presenter"))
        if item.decision_class is not None and item.decision_class not in classes:
            yield unknown("class.unknown", "agenda", ("items", index, "class"), "classes", item.decision_class)


def item_class(meeting: Meeting, index: int) -> str:
    return meeting.agenda.items[index].decision_class or meeting.rules.default_class


def notice_given_in_time(meeting: Meeting, sitting: date | None = None) -> Iterator[Finding]:
    """Motions of a class with a notice period: notice given early enough, in every language;
    counted to the day the meeting sits (`sitting`, once it has begun), else to the agenda's."""
    agenda = meeting.agenda
    for index, item in enumerate(agenda.items):
        decision = meeting.rules.classes.get(item_class(meeting, index))
        required = notice_days(meeting, index, decision) if decision is not None else 0
        if required == 0 or item.motion is None:
            continue
        at = ("items", index, "motion")
        given = item.motion.notice_given
        if given is None:
            yield warning("notice.missing", "agenda", at, item=item.id, days=required)
            continue
        meets = sitting or agenda.start.date()
        days = (meets - given).days
        if days <= 0:  # dated on the meeting's day or after it: no notice at all, not "-117 days"
            yield warning(
                "notice.after-meeting",
                "agenda",
                (*at, "notice_given"),
                item=item.id,
                given=given.isoformat(),
                meeting=meets.isoformat(),
                required=required,
            )
        elif days < required:
            yield warning("notice.short", "agenda", (*at, "notice_given"), item=item.id, days=days, required=required)
        missing = [lang for lang in other_languages(meeting) if lang not in item.motion.translations]
        if missing:
            yield warning("notice.untranslated", "agenda", at, item=item.id, languages=missing)


def other_languages(meeting: Meeting) -> list[str]:
    """The council's working languages other than the one the meeting's files are written in:
    what the council's texts should be translated into."""
    return [lang for lang in meeting.council.languages if lang != meeting.agenda.language]


def countries_translated(meeting: Meeting) -> Iterator[Finding]:
    """The members' countries given in each working language: once per language, at the first
    member whose country has no translation into it."""
    members = [(index, member) for index, member in enumerate(meeting.council.members) if member.country]
    for lang in other_languages(meeting):
        missing = [(index, member) for index, member in members if lang not in (member.country_translations or {})]
        if missing:
            index, first = missing[0]
            at = ("members", index, "country")
            yield warning("country.untranslated", "council", at, language=lang, id=first.id, missing=len(missing))


def _untranslated(agenda: Agenda, lang: str) -> list[tuple[str, KeyPath]]:
    """The agenda's texts without a translation into `lang`: each its key, and where the first is."""
    words = (agenda.translations or {}).get(lang)
    found: dict[str, KeyPath] = {}
    if words is None or words.title is None:
        found["title"] = ("title",)
    if agenda.place is not None and (words is None or words.place is None):
        found["place"] = ("place",)
    for index, item in enumerate(agenda.items):
        if lang not in (item.translations or {}):
            found.setdefault("items.title", ("items", index, "title"))
        for number, election in enumerate(item.elections or ()):
            if lang not in (election.translations or {}):
                found.setdefault("items.elections.office", ("items", index, "elections", number, "office"))
    return list(found.items())


def agenda_translated(meeting: Meeting) -> Iterator[Finding]:
    """The agenda's title, place, items' titles and elections' offices given in each working
    language: once per language, naming what has no translation into it."""
    for lang in other_languages(meeting):
        missing = _untranslated(meeting.agenda, lang)
        if missing:
            at = missing[0][1]
            yield warning("agenda.untranslated", "agenda", at, language=lang, keys=[key for key, _at in missing])


def items_fit_in_time(agenda: Agenda) -> Iterator[Finding]:
    if agenda.planned_minutes > agenda.duration_minutes:
        yield warning(
            "agenda.over-time",
            "agenda",
            ("duration_minutes",),
            planned=agenda.planned_minutes,
            duration=agenda.duration_minutes,
        )


def working_language(meeting: Meeting) -> Iterator[Finding]:
    if meeting.agenda.language not in meeting.council.languages:
        yield warning(
            "agenda.language-not-working",
            "agenda",
            ("language",),
            language=meeting.agenda.language,
            languages=list(meeting.council.languages),
        )


def approving_items(agenda: Agenda) -> Iterator[Finding]:
    """Only a minutes-approval item names earlier minutes to approve, and each minutes once."""
    first: dict[str, str] = {}
    for index, item in enumerate(agenda.items):
        if item.approves is None:
            continue
        if item.kind != "minutes_approval":
            yield problem("approves.not-minutes-approval", "agenda", ("items", index, "approves"), item=item.id)
        folder = item.approves.rstrip("/")
        if folder in first:
            yield problem("approves.twice", "agenda", ("items", index, "approves"), other=first[folder])
        else:
            first[folder] = item.id


def item_ids_not_numbers(agenda: Agenda) -> Iterator[Finding]:
    """An item is named by its number or by its id: an id of digits only would be both."""
    for index, item in enumerate(agenda.items):
        if item.id.isdigit():
            yield problem("item.id-number", "agenda", ("items", index, "id"), id=item.id)


def agenda_findings(agenda: Agenda) -> list[Finding]:
    """What can be checked in an agenda without its council."""
    return [
        *([] if agenda.items else [count_problem("agenda.empty", "agenda", ("items",), "items")]),
        *duplicate_ids("agenda", "items", agenda.items, "title"),
        *item_ids_not_numbers(agenda),
        *items_fit_in_time(agenda),
        *election_items(agenda),
        *election_composition(agenda),
        *chair_elections(agenda),
        *approving_items(agenda),
    ]


# ── Elections ─────────────────────────────────────────────────────────────────


def election_method_options(rules: Rules) -> Iterator[Finding]:
    """Each method's keys make sense for it: drop and run-off rules are for majority rounds,
    and Scottish STV breaks its ties as its own rules say."""
    for method_id, method in (rules.elections or {}).items():
        at = ("elections", method_id)
        if method.method != "majority":
            for key in MAJORITY_ONLY:
                if getattr(method, key) is not None:
                    yield problem("method.option-not-for-method", "rules", (*at, key), key=key, method=method.method)
        if method.method == "scottish_stv" and method.ties is not None:
            yield problem("method.ties-fixed", "rules", (*at, "ties"))
        if method.drop == "below_share" and method.drop_below is None:
            yield problem("method.drop-below-missing", "rules", (*at, "drop"))
        if method.drop_below is not None and method.drop != "below_share":
            yield problem("method.drop-below-unused", "rules", (*at, "drop_below"))


def _elections(agenda: Agenda) -> Iterator[tuple[KeyPath, Item, Election]]:
    for index, item in enumerate(agenda.items):
        for number, election in enumerate(item.elections or ()):
            yield ("items", index, "elections", number), item, election


def election_items(agenda: Agenda) -> Iterator[Finding]:
    """Elections belong to election items, and each has an id of its own in the agenda."""
    first: dict[str, str] = {}
    for index, item in enumerate(agenda.items):
        if item.elections and item.kind != "election":
            yield problem("election.not-election-item", "agenda", ("items", index, "kind"), item=item.id)
    for at, _, election in _elections(agenda):
        folded = election.id.casefold()
        if folded in first:
            yield problem("id.duplicate", "agenda", (*at, "id"), id=election.id, first=first[folded])
        else:
            first[folded] = election.office


def election_methods(meeting: Meeting) -> Iterator[Finding]:
    """The method is one the rules define, fits the seats, and can be voted the item's way."""
    for at, item, election in _elections(meeting.agenda):
        method = election_method(meeting.rules, election.method)
        if method is None:
            yield unknown("method.unknown", "agenda", (*at, "method"), "elections", election.method)
            continue
        if method.method == "instant_runoff" and election.seats > 1:
            yield problem("election.one-seat-method", "agenda", (*at, "seats"), seats=election.seats)
        if method.method in ("instant_runoff", "scottish_stv") and item.vote != "secret_ballot":
            yield problem("election.ranked-needs-ballot", "agenda", (*at, "method"), method=method.method)


def election_candidates(meeting: Meeting) -> Iterator[Finding]:
    """Candidates named before the meeting exist, are named once, and may stand."""
    council = meeting.council
    for at, _, election in _elections(meeting.agenda):
        if election.region is not None:
            if council.region(election.region) is None:
                yield unknown("region.unknown", "agenda", (*at, "region"), "regions", election.region)
            if election.per_region:
                yield problem("election.region-and-per-region", "agenda", (*at, "per_region"))
        seen: set[str] = set()
        for number, candidate in enumerate(election.candidates):
            where = (*at, "candidates", number)
            if candidate.casefold() in seen:
                yield problem("candidate.repeated", "agenda", where, id=candidate)
            seen.add(candidate.casefold())
            if council.member(candidate) is None:
                yield unknown("member.unknown", "agenda", where, "members", candidate)
                continue
            if election.per_region:
                continue  # a candidate stands in their own region's election
            refused = ineligibility(elections_held(election, council)[0], council, candidate)
            if refused is not None:
                yield problem(refused.code, "agenda", where, **refused.params)
        yield from _enough_candidates(election, at, council)


def _enough_candidates(election: Election, at: KeyPath, council: Council) -> Iterator[Finding]:
    if election.nominations == "list" and not election.candidates:
        yield problem("election.no-candidates", "agenda", (*at, "nominations"), election=election.id)
        return
    for held in elections_held(election, council):
        listed = [c for c in listed_candidates(held, council) if council.member(c) is not None]
        if election.nominations == "list" and len(listed) < election.seats:
            yield warning(
                "election.few-candidates", "agenda", (*at, "candidates"),
                election=held.id, candidates=len(listed), seats=election.seats,
            )  # fmt: skip
        for gender, count in election.gender_at_least.items():
            standing = sum(1 for c in listed if (m := council.member(c)) is not None and m.gender == gender)
            if election.nominations == "list" and standing < count:
                yield warning(
                    "election.composition-short", "agenda", (*at, "gender_at_least", gender),
                    election=held.id, gender=gender, needed=count, standing=standing,
                )  # fmt: skip


def election_composition(agenda: Agenda) -> Iterator[Finding]:
    for at, _, election in _elections(agenda):
        needed = sum(election.gender_at_least.values())
        if needed > election.seats:
            yield problem(
                "election.composition-exceeds-seats", "agenda", (*at, "gender_at_least"),
                needed=needed, seats=election.seats,
            )  # fmt: skip


def chair_elections(agenda: Agenda) -> Iterator[Finding]:
    """Only one member can take the chair: an election whose winner does fills one seat, once."""
    for at, _, election in _elections(agenda):
        if election.takes_chair and (election.seats > 1 or election.per_region):
            yield problem("election.takes-chair-one-seat", "agenda", (*at, "takes_chair"), election=election.id)


def secret_items_without_consensus(meeting: Meeting) -> Iterator[Finding]:
    """A secret-ballot item cannot seek consensus first: a block names who blocks."""
    for index, item in enumerate(meeting.agenda.items):
        decision = meeting.rules.classes.get(item_class(meeting, index))
        if item.vote == "secret_ballot" and decision is not None and decision.consensus_first == "required":
            yield problem(
                "item.secret-consensus",
                "agenda",
                ("items", index, "vote"),
                item=item.id,
                cls=item_class(meeting, index),
            )


def meeting_findings(meeting: Meeting) -> list[Finding]:
    return [
        *council_findings(meeting.council),
        *rules_findings(meeting.rules, meeting.council),
        *agenda_findings(meeting.agenda),
        *presiding_officers(meeting),
        *item_references(meeting),
        *notice_given_in_time(meeting),
        *working_language(meeting),
        *agenda_translated(meeting),
        *countries_translated(meeting),
        *election_methods(meeting),
        *election_candidates(meeting),
        *secret_items_without_consensus(meeting),
        *item_votes_part2(meeting),
    ]


# ── Rules part 2: member types and weights, chambers, electorates, class quorums ──
# The decision rules of federations, checked where a combination cannot be decided.


def member_types(council: Council) -> Iterator[Finding]:
    """Types exist, and only seats carry votes."""
    yield from duplicate_ids("council", "member_types", council.member_types or [], "name")
    known = {t.id for t in council.member_types or ()}
    for index, member in enumerate(council.members):
        if member.type is not None and member.type not in known:
            yield unknown("type.unknown", "council", ("members", index, "type"), "member_types", member.type)
        if member.weight is not None and not member.holds_seat:
            yield problem("weight.without-seat", "council", ("members", index, "weight"), id=member.id)


def _chamber_members(rules: Rules, council: Council) -> Iterator[Finding]:
    """Each chamber names regions or member types that exist; each voting seat sits in one."""
    regions = {r.id for r in council.regions}
    types = {t.id for t in council.member_types or ()}
    claimed: dict[str, str] = {}  # "region:x" or "type:y" -> the chamber naming it
    for cid, chamber in (rules.chambers or {}).items():
        at = ("chambers", cid)
        if (chamber.regions is None) == (chamber.types is None):
            yield problem("chamber.regions-or-types", "rules", at, id=cid)
            continue
        key, names, known, collection = (
            ("regions", chamber.regions, regions, "regions")
            if chamber.regions is not None
            else ("types", chamber.types or [], types, "member_types")
        )
        for number, name in enumerate(names or ()):
            if name not in known:
                code = "region.unknown" if key == "regions" else "type.unknown"
                yield unknown(code, "rules", (*at, key, number), collection, name)
            elif f"{key}:{name}" in claimed:
                yield problem("chamber.overlap", "rules", (*at, key, number), id=name, other=claimed[f"{key}:{name}"])
            else:
                claimed[f"{key}:{name}"] = cid


def chambers_hold_every_seat(rules: Rules, council: Council) -> Iterator[Finding]:
    """With chambers, every voting seat sits in exactly one, and every chamber holds a seat."""
    chambers = rules.chambers or {}
    if not chambers:
        return
    yield from _chamber_members(rules, council)
    used: set[str] = set()
    for index, member in enumerate(council.members):
        if not member.holds_seat:
            continue
        found = [
            cid
            for cid, chamber in chambers.items()
            if member.region in (chamber.regions or ())
            or (member.type is not None and member.type in (chamber.types or ()))
        ]
        used.update(found)
        if not found:
            yield count_problem("chamber.seat-outside", "council", ("members", index), "members", id=member.id)
        elif len(found) > 1:
            yield problem("chamber.seat-in-two", "council", ("members", index), id=member.id, chambers=found)
    for cid in chambers:
        if cid not in used:
            yield count_problem("chamber.no-seats", "rules", ("chambers", cid), "members", id=cid)


def chamber_weights_add_up(rules: Rules) -> Iterator[Finding]:
    """Chambers that weigh alike all say their share, and the shares make the whole."""
    chambers = rules.chambers or {}
    weighed = [cid for cid, chamber in chambers.items() if chamber.weight is not None]
    if not weighed:
        return
    for cid, chamber in chambers.items():
        if chamber.weight is None:
            yield problem("chamber.weight-missing", "rules", ("chambers", cid), id=cid)
    total = sum((chamber.weight for chamber in chambers.values() if chamber.weight is not None), Fraction(0))
    if len(weighed) == len(chambers) and total != 1:
        yield problem("chamber.weights-sum", "rules", ("chambers", weighed[-1], "weight"), total=total)


def _weighs(rules: Rules, council: Council, decision: DecisionClass) -> bool:
    """Whether a class's votes are counted by weight or by chamber."""
    weights = any(chamber.weight is not None for chamber in (rules.chambers or {}).values())
    return council.weighted or weights or decision.each_chamber


def class_rules_part2(rules: Rules, council: Council) -> Iterator[Finding]:
    """Each class's chambers, electorate and own quorum can be decided."""
    chambers = rules.chambers or {}
    weights = any(chamber.weight is not None for chamber in chambers.values())
    for cid, decision in rules.classes.items():
        at = ("classes", cid)
        if decision.each_chamber and not chambers:
            yield problem("class.no-chambers", "rules", (*at, "in_each_chamber"), id=cid)
        amount = decision.at_least if decision.at_least is not None else decision.more_than
        if (decision.each_chamber or weights) and isinstance(amount, int):
            yield problem("class.count-in-chambers", "rules", (*at, _bound_key(decision)), id=cid)
        if decision.tie != "fails" and _weighs(rules, council, decision):
            yield problem("class.tie-weighted", "rules", (*at, "tie"), id=cid)
        yield from _electorate(rules, council, cid, decision)
        yield from _class_quorum(rules, council, cid, decision)
    if rules.chair_votes == "when_decisive" and any(_weighs(rules, council, d) for d in rules.classes.values()):
        yield problem("rules.chair-decisive-weighted", "rules", ("chair_votes",))


def _electorate(rules: Rules, council: Council, cid: str, decision: DecisionClass) -> Iterator[Finding]:
    electorate = decision.electorate
    if electorate is None:
        return
    at = ("classes", cid, "electorate")
    if not (electorate.regions or electorate.chambers or electorate.types):
        yield problem("electorate.empty", "rules", at, id=cid)
        return
    lists = (
        ("regions", electorate.regions, {r.id for r in council.regions}, "region.unknown", "regions"),
        ("chambers", electorate.chambers, set(rules.chambers or {}), "chamber.unknown", "chambers"),
        ("types", electorate.types, {t.id for t in council.member_types or ()}, "type.unknown", "member_types"),
    )
    for key, names, known, code, collection in lists:
        for number, name in enumerate(names or ()):
            if name not in known:
                yield unknown(code, "rules", (*at, key, number), collection, name)
    chambers = seat_chambers(council, rules)
    if len(outside_electorate(council, electorate, chambers)) == len(council.seats):
        yield count_problem("electorate.no-seats", "rules", at, "members", id=cid)


def _class_quorum(rules: Rules, council: Council, cid: str, decision: DecisionClass) -> Iterator[Finding]:
    quorum = decision.quorum
    if quorum is None:
        return
    at = ("classes", cid, "quorum")
    if quorum.on_failure == "postal_ballot" and quorum.postal_ballot_requests is None:
        yield problem("class.quorum-requests-missing", "rules", (*at, "on_failure"), id=cid)
    if quorum.on_failure == "void" and quorum.postal_ballot_requests is not None:
        yield problem("class.quorum-requests-unused", "rules", (*at, "postal_ballot_requests"), id=cid)
    if quorum.on_failure == "postal_ballot":
        for kind, override in rules.motions.items():
            if override.decision_class == cid:
                yield problem("class.postal-ballot-main-only", "rules", ("motions", kind, "class"), id=cid)
    outside = outside_electorate(council, decision.electorate, seat_chambers(council, rules))
    seats = len(council.seats) - len(outside)
    if quorum.unit == "seats" and least_count(quorum, seats) > seats:
        needed = least_count(quorum, seats)
        yield count_problem(
            "class.quorum-unreachable", "rules", (*at, _bound_key(quorum)), "members", needed=needed, seats=seats
        )


def quorum_to_open(rules: Rules, council: Council) -> Iterator[Finding]:
    """The quorum to open asks for someone, and no more than the quorum to decide."""
    amount = rules.quorum.open_at_least
    if amount is None:
        return
    at = ("quorum", "open_at_least")
    seats = len(council.seats)
    to_open = least_count_at_least(amount, seats)
    if to_open < 1:
        yield problem("quorum.zero", "rules", at)
    elif to_open > least_count(rules.quorum, seats):
        yield problem("rules.open-above-quorum", "rules", at, open=to_open, needed=least_count(rules.quorum, seats))


def restoring_needs_standing(rules: Rules) -> Iterator[Finding]:
    if rules.restore_standing and not rules.good_standing_required:
        yield warning("rules.restore-unused", "rules", ("restore_standing",))


def seats_per_country(rules: Rules, council: Council) -> Iterator[Finding]:
    """No country holds more voting seats, or votes, than the rules allow."""
    cap = rules.per_country
    if cap is None:
        return
    seats: dict[str, int] = {}
    votes: dict[str, Fraction] = {}
    weights = dict(zip((s.id for s in council.seats), council.seat_weights, strict=True))
    for index, member in enumerate(council.members):
        if not member.holds_seat or member.country is None:
            continue
        country = member.country.casefold()
        seats[country] = seats.get(country, 0) + 1
        votes[country] = votes.get(country, Fraction(0)) + weights[member.id]
        at = ("members", index, "country")
        if cap.seats_at_most is not None and seats[country] == cap.seats_at_most + 1:
            yield problem("country.seats-over-cap", "council", at, country=member.country, cap=cap.seats_at_most)
        elif (
            cap.votes_at_most is not None and votes[country] > cap.votes_at_most >= votes[country] - weights[member.id]
        ):
            yield problem("country.votes-over-cap", "council", at, country=member.country, cap=cap.votes_at_most)


def rules_part2_findings(rules: Rules, council: Council) -> list[Finding]:
    return [
        *chambers_hold_every_seat(rules, council),
        *chamber_weights_add_up(rules),
        *class_rules_part2(rules, council),
        *quorum_to_open(rules, council),
        *restoring_needs_standing(rules),
        *seats_per_country(rules, council),
    ]


def item_votes_part2(meeting: Meeting) -> Iterator[Finding]:
    """A secret ballot gives totals only: it cannot be weighed or counted by chamber. And notice
    that depends on who proposes names a proposer the class knows."""
    rules = meeting.rules
    for index, item in enumerate(meeting.agenda.items):
        decision = rules.classes.get(item_class(meeting, index))
        if decision is None:
            continue
        if item.vote == "secret_ballot" and item.kind != "election" and _weighs(rules, meeting.council, decision):
            yield problem("class.weighted-ballot", "agenda", ("items", index, "vote"), item=item.id)
        proposer = item.motion.proposed_by if item.motion is not None else None
        if proposer is not None and decision.notice_days_from is not None and proposer not in decision.notice_days_from:
            at = ("items", index, "motion", "proposed_by")
            yield problem("notice.unknown-proposer", "agenda", at, id=proposer, known=sorted(decision.notice_days_from))


def notice_days(meeting: Meeting, index: int, decision: DecisionClass) -> int:
    """The notice a motion needs: by who proposes it, where the class says so."""
    item = meeting.agenda.items[index]
    proposer = item.motion.proposed_by if item.motion is not None else None
    by_proposer = decision.notice_days_from or {}
    return by_proposer.get(proposer, decision.notice_days) if proposer is not None else decision.notice_days
