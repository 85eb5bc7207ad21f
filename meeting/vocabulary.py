"""The one vocabulary of `meeting`: the program's words for its codes, and the names of the
council's members, regions and items.

Every table maps a code the domain writes (an enum value, an event type) to the words a reader
sees, marked with `N_()` and translated with `_()` where shown (`words(TABLE, code)`). The
helpers turn ids into names. The minutes, `tally`, the CSV, `replay`'s report, the diagnostics
and the console all say things with these, so a word changes in one place.

How rules read as sentences (thresholds, quorum, a vote's arithmetic) is `meeting.words`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction

from meeting.domain.agenda import Agenda, Election, Item
from meeting.domain.council import Council, Member, Region
from meeting.domain.events import CirculatedMinutes, Voter
from meeting.domain.language import Command, Verb, args_of, format_command, parse
from meeting.domain.motions import ADMITTED_BY_RULING
from meeting.domain.state import State
from meeting.formats import long_date
from meeting.i18n import N_, P_, SEVERAL, WOMAN, WOMEN, _, agreeing, current_language, ngettext

# ── the meeting and its sitting ───────────────────────────────────────────────

MEETING_KINDS = {
    "ordinary": N_("ordinary meeting"),
    "extraordinary": N_("extraordinary meeting"),
    "general_assembly": N_("general assembly"),
}

# The title of the minutes: {council} the council's name (its `name`, which names the body that
# meets: "the International Council for …", not "the Council of the International Council"),
# {held} where and when.
MINUTES_TITLES = {
    "ordinary": N_("Minutes of the ordinary meeting of the {council}, {held}"),
    "extraordinary": N_("Minutes of the extraordinary meeting of the {council}, {held}"),
    "general_assembly": N_("Minutes of the general assembly of the {council}, {held}"),
}

# What a draft waits for, by the kind of meeting: an assembly's own minutes go to the assembly.
DRAFT_WORDS = {
    "ordinary": N_("Draft, to be approved by the council at its next meeting."),
    "extraordinary": N_("Draft, to be approved by the council at its next meeting."),
    "general_assembly": N_("Draft, to be approved by the general assembly at its next meeting."),
}

PHASES = {
    "not_started": N_("not started"),
    "in_session": N_("in session"),
    "in_recess": N_("in recess"),
    "adjourned": N_("adjourned"),
}

# ── people ────────────────────────────────────────────────────────────────────

ROLES = {
    "chair": N_("chair"),
    "vice-chair": N_("vice-chair"),
    "secretary": N_("secretary"),
    "observer": N_("observer"),
    "alternate": N_("alternate"),
    "member": N_("member"),
}

# How a member stands, as a list or a table says it.
ATTENDANCE = {
    "present": N_("in person"),
    "remote": N_("remote"),
    "apologies": N_("apologies"),
    "absent": N_("absent"),
    "left": N_("left"),
    "dropped": N_("connection dropped"),
}

# The words above and below that agree with who they are said of, for the catalogs (`agreeing`).
AGREEING = (  # the contexts written out: the catalogs' extractor reads only literal strings
    P_("said of a woman", "apologies"),
    P_("said of a woman", "absent"),
    P_("said of a woman", "left"),
    P_("said of a woman", "; represented by the alternate, {name}"),
    P_("said of a woman", "elected"),
    P_("said of a woman", "excluded"),
    P_("said of women", "elected"),
    P_("said of several", "elected"),
)


# Why a seat's vote is not in a roll call (attendance.vote_refusal's codes), beside its name.
NOT_VOTING = {
    "vote.recused": N_("recused"),
    "vote.interest-not-ruled": N_("interest not yet ruled on"),
    "vote.seat-recused": N_("recused"),
    "vote.seat-interest-not-ruled": N_("interest not yet ruled on"),
    "vote.not-in-good-standing": N_("not in good standing"),
    "vote.chair-does-not-vote": N_("in the chair"),
    "vote.outside-electorate": N_("outside the electorate"),
    "not-called": N_("not called"),
}

# The texts the command language's examples quote (GRAMMAR's), shown in the language spoken
# where an example is shown (the palette, the help): the command words stay English, as typed.
EXAMPLE_TEXTS = frozenset(
    {
        N_("Two women members are travelling; agreed by all present"),
        N_("Mining permits in South Kivu"),
        N_("That the agenda be adopted."),
        N_("The amendment is not germane"),
        N_("The amendment brings in a new subject"),
        N_("Regions should choose freely"),
        N_("Board member of a cooperative named in the report"),
        N_("Board member of a cooperative in the dialogue"),
        N_("An interest shared with every association of the region"),
        N_("The working group will circulate version 4 by 15 January."),
        N_("Circulate the draft constitution in Swahili"),
        N_("Arrived at 12:03, not 12:05."),
        N_("The member was in the waiting room"),
        N_("Item 10: the motion was moved jointly by the members from South Kivu."),
    }
)

# The statuses that mean the member is taking part.
ATTENDED = {status: ATTENDANCE[status] for status in ("present", "remote")}

# How a member stands, as a sentence says it: "nothing changes: already excused".
STANDING = {
    "present": N_("present"),
    "remote": N_("remote"),
    "apologies": N_("excused"),
    "absent": N_("absent"),
    "left": N_("gone"),
    "dropped": N_("dropped out"),
}

# What a member would be doing, in "'x' is an observer and cannot {role}".
CAPACITIES = {
    "mover": N_("move a motion"),
    "seconder": N_("second a motion"),
    "chair": N_("take the chair"),
    "point": N_("raise a point of order"),
    "objection": N_("object"),
    "block": N_("block consensus"),
    "aside": N_("stand aside"),
    "interest": N_("have an interest ruled on"),
    "secretary": N_("take the minutes"),
    "division": N_("demand a division"),
    "speaker": N_("speak"),
    "nominate": N_("nominate a candidate"),
    "second-nomination": N_("second a nomination"),
}

# Who cast a seat's vote, when not its titular.
VIA = {"alternate": N_("as alternate"), "proxy": N_("by proxy")}
# The same in a word, under the roll call's heading "Cast by": narrow enough for 80 columns.
CAST_BY = {"alternate": N_("alternate"), "proxy": N_("proxy holder")}

# ── the agenda ────────────────────────────────────────────────────────────────

ITEM_KINDS = {
    "procedural": N_("procedural"),
    "agenda_adoption": N_("adoption of the agenda"),
    "information": N_("for information"),
    "discussion": N_("for discussion"),
    "decision": N_("for decision"),
    "election": N_("election"),
    "minutes_approval": N_("approval of minutes"),
    "other_business": N_("other business"),
}

ITEM_STATUS = {
    "pending": N_("pending"),
    "open": N_("open"),
    "done": N_("done"),
    "unfinished": N_("unfinished"),
    "deferred": N_("deferred"),
    "dropped": N_("dropped from the agenda"),
}

# ── motions and how they are decided ──────────────────────────────────────────

MOTION_NAMES: dict[str, str] = {
    "fix_time_to_adjourn": N_("fix the time to which to adjourn"),
    "adjourn": N_("adjourn"),
    "recess": N_("recess"),
    "question_of_privilege": N_("question of privilege"),
    "orders_of_the_day": N_("call for the orders of the day"),
    "lay_on_table": N_("lay on the table"),
    "previous_question": N_("close debate"),
    "limit_debate": N_("limit or extend debate"),
    "postpone": N_("postpone"),
    "commit": N_("refer"),
    "amend": N_("amendment"),
    "postpone_indefinitely": N_("postpone indefinitely"),
    "main": N_("main motion"),
    "point_of_order": N_("point of order"),
    "appeal": N_("appeal from the chair"),
    "suspend_rules": N_("suspend the rules"),
    "objection_to_consideration": N_("objection to consideration"),
    "division_of_question": N_("division of the question"),
    "division_of_assembly": N_("division of the assembly"),
    "withdraw": N_("request to withdraw"),
    "change_agenda": N_("change to the agenda"),
    "take_from_table": N_("take from the table"),
    "rescind": N_("rescind"),
    "reconsider": N_("reconsider"),
}

MOTION_STATUS = {
    "pending": N_("pending"),
    "carried": N_("carried"),
    "lost": N_("lost"),
    "withdrawn": N_("withdrawn"),
    "tabled": N_("laid on the table"),
    "postponed": N_("postponed"),
    "referred": N_("referred"),
    "dismissed": N_("dismissed"),
    "adopted": N_("adopted"),
    "ruled_out": N_("ruled out of order"),
    "void": N_("void for want of the class's quorum"),
    "postal_ballot": N_("referred to a postal ballot"),
}

METHODS = {
    "show_of_hands": N_("show of hands"),
    "roll_call": N_("roll call"),
    "secret_ballot": N_("secret ballot"),
    "consensus": N_("consensus"),
    "unanimous_consent": N_("unanimous consent"),
    "chair": N_("ruling of the chair"),
}

RESULTS = {"carried": N_("Carried"), "lost": N_("Lost"), "pending": N_("Undecided"), "void": N_("Void")}

# A result at the end of a sentence: "... 14 needed (two-thirds of all 21 seats) — carried".
OUTCOMES = {
    "carried": N_("carried"),
    "lost": N_("lost"),
    "pending": N_("tied, awaiting the tie-break"),
    "void": N_("void: too few took part"),
}
# An appeal asks "Shall the decision of the chair be sustained?": its result is said of the chair's decision.
APPEAL_OUTCOMES = {
    **OUTCOMES,
    "carried": N_("the decision of the chair was sustained"),
    "lost": N_("the decision of the chair was overturned"),
}
# An objection to consideration is said of the question it objects to (RONR §26).
OBJECTION_OUTCOMES = {
    **OUTCOMES,
    "carried": N_("the objection was sustained: the question is not considered"),
    "lost": N_("the objection was not sustained: the question is considered"),
}
# The motions whose result is said otherwise than "carried" or "lost".
OUTCOMES_OF_KIND = {"appeal": APPEAL_OUTCOMES, "objection_to_consideration": OBJECTION_OUTCOMES}

CHOICES = {"yes": N_("yes"), "no": N_("no"), "abstain": N_("abstain"), "none": N_("did not vote")}

HOW = {
    "consensus": N_("Reached by consensus."),
    "unanimous_consent": N_("Adopted without objection (unanimous consent)."),
    "vote": N_("Decided by a vote."),
    "vote_without_consensus": N_("Decided by a vote; consensus was not sought."),
    "vote_after_block": N_("Decided by a vote after consensus was blocked by {blocked}."),
    "majority_last_resort": N_(
        "Decided by a simple majority as a last resort, after consensus was blocked by {blocked}."
    ),
    "referred": N_("Referred to a working group after consensus was blocked by {blocked}."),
    "chair": N_("Decided by the chair's ruling."),
    "chair_on_appeal": N_("Decided by a vote on appeal."),
}

RULINGS = {"well-taken": N_("well taken"), "not-well-taken": N_("not well taken")}
# The same rulings on a question of privilege (`ADMITTED_BY_RULING`): the chair admits it or not.
ADMISSIONS = {"well-taken": N_("admitted"), "not-well-taken": N_("not admitted")}


def ruling_words(kind: str, ruling: str) -> str:
    """The chair's ruling on a question of this kind, in the reader's language: a point of order
    "well taken", a question of privilege "admitted" (never "well taken", RONR §19)."""
    return words(ADMISSIONS if kind in ADMITTED_BY_RULING else RULINGS, ruling)


def ruled_phrase(kind: str, ruling: str) -> str:
    """The ruling said of the question: "ruled well taken"; a question of privilege "admitted"."""
    said = ruling_words(kind, ruling)
    return said if kind in ADMITTED_BY_RULING else _("ruled {ruling}").format(ruling=said)


TIE_BREAKERS = {
    "casting_vote": N_("the chair's casting vote"),
    "lots": N_("a drawing of lots"),
    "chair": N_("the chair's vote"),
}
# Why a member may not carry a proxy, beside their name in the console's picker.
PROXY_REFUSED = {
    "proxy.self": N_("the member giving it"),
    "proxy.holder-no-seat": N_("holds no voting seat"),
    "proxy.other-region": N_("from another region"),
    "proxy.holder-full": N_("holds the most proxies the rules allow"),
}
# Why a member may not move, second, object or block (engine.acting_refusal), beside the name.
ACTING_REFUSED = {
    "member.observer": N_("attends as an observer"),
    "member.not-here": N_("not here"),
    "member.no-seat": N_("holds no voting seat"),
    "member.recused": N_("recused from this item"),
    # What the chair does about it is said too: nothing on the form's screen rules on it.
    "interest.not-ruled": N_("interest not yet ruled on: the chair rules first (ctrl+p, recuse or clear)"),
}
# The chair's casting vote, given or not: what decided a tie.
CASTING_VOTES = {
    "yes": N_("the chair's casting vote, in favour"),
    "no": N_("the chair's casting vote, against"),
    "none": N_("no casting vote given"),
}

# ── the rules, as their words ─────────────────────────────────────────────────

SHARES = {
    Fraction(1, 2): N_("half"),
    Fraction(2, 3): N_("two-thirds"),
    Fraction(3, 4): N_("three-quarters"),
    Fraction(1, 1): N_("all"),
}

BASES = {
    "votes_cast": N_("votes cast"),
    "present": N_("members present"),
    "membership": N_("all {seats} voting seats"),
    "eligible": N_("the {seats} voting seats eligible to vote"),
}

# What a quorum counts (rules part 2).
QUORUM_UNITS = {"seats": N_("voting seats"), "votes": N_("votes")}

TIE_RULES = {
    "fails": N_("a tie fails"),
    "casting_vote": N_("the chair breaks a tie"),
    "lots": N_("a tie is decided by drawing lots"),
}

ON_BLOCK = {
    "vote": N_("consensus first; a block leads to a vote"),
    "refer": N_("consensus first; a block refers the matter to a working group"),
    "majority": N_("consensus first; a block leads to a simple majority vote as last resort"),
}

# ── elections ─────────────────────────────────────────────────────────────────

ROUND_KINDS = {
    "majority": N_("ballot for an absolute majority"),
    "runoff": N_("run-off ballot"),
    "plurality": N_("ballot by plurality"),
    "instant_runoff": N_("instant-runoff count of ranked ballots"),
    "scottish_stv": N_("single transferable vote count (Scottish STV)"),
}

ELECTION_METHODS = {
    "majority": N_("an absolute majority of the votes cast, in successive ballots"),
    "plurality": N_("the most votes, in one ballot"),
    "instant_runoff": N_("instant-runoff voting on ranked ballots"),
    "scottish_stv": N_("the single transferable vote, counted as in Scottish local elections"),
}

# Why a count elected or excluded a candidate (meeting.domain.elections.records.Reason).
ELECTION_REASONS = {
    "majority": N_("a majority"),
    "most_votes": N_("the most votes"),
    "quota": N_("reached the quota"),
    "last_vacancies": N_("as many candidates left as seats"),
    "lowest": N_("the fewest votes"),
    "below_share": N_("below the share of the votes cast needed to stay on the ballot"),
    "not_in_runoff": N_("not among those who go to the run-off"),
    "composition": N_("the composition rule"),
}

# A composition rule's gender, as in "at least two women".
GENDER_GROUPS = {"F": N_("women"), "M": N_("men"), "X": N_("people of another gender")}

ELECTION_OUTCOMES = {"elected": N_("elected"), "excluded": N_("excluded")}

NOMINATION_ANSWERS = {"accepted": N_("accepted"), "declined": N_("declined")}

# ── the journal's events, in one or two words ─────────────────────────────────

EVENT_NAMES = {
    "meeting.loaded": N_("meeting loaded"),
    "meeting.begun": N_("meeting called to order"),
    "meeting.recessed": N_("recess"),
    "meeting.resumed": N_("meeting resumed"),
    "meeting.adjourned": N_("meeting adjourned"),
    "sitting.opened": N_("new sitting opened"),
    "chair.handed": N_("chair handed over"),
    "balance.waived": N_("gender balance waived"),
    "attendance": N_("attendance"),
    "proxy.lodged": N_("proxy lodged"),
    "proxy.revoked": N_("proxy revoked"),
    "item.opened": N_("opened"),
    "item.closed": N_("closed"),
    "item.added": N_("item added"),
    "item.moved": N_("item moved"),
    "motion.moved": N_("motion moved"),
    "motion.seconded": N_("motion seconded"),
    "motion.withdrawn": N_("motion withdrawn"),
    "vote.counted": N_("vote counted"),
    "consent.given": N_("adopted without objection"),
    "consent.objected": N_("objection to unanimous consent"),
    "tie.broken": N_("tie broken"),
    "consensus.called": N_("consensus called"),
    "consensus.blocked": N_("consensus blocked"),
    "consensus.aside": N_("stood aside"),
    "consensus.concluded": N_("consensus concluded"),
    "poll.opened": N_("voting opened"),
    "roll.voted": N_("roll-call vote"),
    "roll.closed": N_("roll call closed"),
    "point.raised": N_("point of order"),
    "point.ruled": N_("ruling of the chair"),
    "interest.declared": N_("interest declared"),
    "member.recused": N_("member recused"),
    "interest.cleared": N_("interest cleared"),
    "secretary.named": N_("acting minute-taker"),
    "division.demanded": N_("division demanded"),
    "speakers.queued": N_("speakers queued"),
    "speakers.removed": N_("speaker removed from the queue"),
    "floor.given": N_("floor given"),
    "floor.yielded": N_("speech ended"),
    "note": N_("note"),
    "action": N_("action item"),
    "undone": N_("undo"),
    "record.corrected": N_("correction to the record"),
    "minutes.approved": N_("minutes approved"),
    "decision.published": N_("decision made public"),
    "standing.restored": N_("vote restored for this meeting"),
    "postal.requested": N_("postal ballot requested"),
    "candidate.nominated": N_("candidate nominated"),
    "candidate.seconded": N_("nomination seconded"),
    "candidate.answered": N_("nomination answered"),
    "candidate.withdrawn": N_("candidacy withdrawn"),
    "nominations.closed": N_("nominations closed"),
    "nominations.reopened": N_("nominations reopened"),
    "round.opened": N_("ballot opened"),
    "round.tellers": N_("tellers' report"),
    "round.papers": N_("ballot papers entered"),
    "round.declared": N_("election result declared"),
}


def words(table: Mapping[str, str], code: str) -> str:
    """A code in the reader's language; a code the table lacks is shown as it is."""
    text = table.get(code)
    return _(text) if text is not None else code


def date_words(day: date) -> str:
    """ "Thursday, 10 December 2026", "jeudi 10 décembre 2026": CLDR's words (meeting.formats)."""
    return long_date(day)


def quoted(text: str) -> str:
    """Someone's words inside a sentence: “Regions must choose freely” (a final full stop of
    theirs is left to the sentence)."""
    return in_quotes(text.rstrip().removesuffix("."))


def in_quotes(text: str) -> str:
    """Words shown whole, in the language's quotation marks: « That the council … » in French."""
    return _("“{text}”").format(text=text)


def sentence(text: str) -> str:
    """Text that ends as a sentence ends: a full stop added unless it has one."""
    text = text.rstrip()
    return text if text.endswith((".", "!", "?", "…", "”.", "»")) else text + "."


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# ── names ─────────────────────────────────────────────────────────────────────


def _council(where: Council | State) -> Council:
    return where if isinstance(where, Council) else where.meeting.council


def member_name(where: Council | State, member_id: str | None) -> str:
    """A member's name; the id itself when the roster does not know it; "—" for nobody."""
    if member_id is None:
        return "—"
    member = _council(where).member(member_id)
    return member.name if member else member_id


def voter_words(state: State, voter: Voter) -> str:
    """Who votes, and for whom when the seat is not their own (a proxy, an alternate)."""
    name = member_name(state, voter.voter)
    if voter.voter == voter.seat:
        return name
    return _("{voter} for {seat}").format(voter=name, seat=member_name(state, voter.seat))


def seat_vote_words(where: Council | State, voter: Voter) -> str:
    """A seat's vote as a sentence names it, by whoever was to cast it: the member ("Otieno
    Wafula-Achieng (Kenya)"), an alternate ("Grace (alternate for Ama)"), or the seat with its
    proxy holder ("Brazil (proxy: Yolanda Huamaní-Ccori)"), not the holder, who has a seat and
    a vote of their own."""
    if voter.via != "proxy":
        return who(where, voter.voter)
    seat = _council(where).member(voter.seat)
    named = (country_words(seat) or seat.name) if seat is not None else voter.seat
    return _("{seat} (proxy: {holder})").format(seat=named, holder=member_name(where, voter.voter))


def member_names(where: Council | State, member_ids: Iterable[str]) -> str:
    """Names in a list: "Ama Serwaa Boatemaa, Foday Kamanda-Lewis"."""
    return _(", ").join(member_name(where, member_id) for member_id in member_ids)


def about(where: Council | State, member: Member, in_brackets: bool = False) -> str | None:
    """What tells a member apart beside their name: the country of a seat, whose alternate
    they are, or their organisation. `in_brackets`: said inside brackets, where a country's own
    ("DR Congo (South Kivu)") becomes a comma; a name keeps its own ("María José (Majo) Pérez")."""
    council = _council(where)
    country = country_words(member)
    if country and in_brackets:
        country = re.sub(r"\s*\(([^()]*)\)", r", \1", country)
    if not member.holds_seat:
        titular = council.titular_of(member.id)
        if titular is not None:
            return _("alternate for {name}").format(name=titular.name)
    if member.holds_seat and country:
        return country
    return member.organisation or country


def who(where: Council | State, member_id: str) -> str:
    """A member as a sentence names them: "Otieno Wafula-Achieng (Kenya)"."""
    member = _council(where).member(member_id)
    if member is None:
        return member_id
    told = about(where, member, in_brackets=True)
    return f"{member.name} ({told})" if told else member.name


def in_language(text: str, translations: Mapping[str, str] | None) -> str:
    """A text of the council's files in the language being spoken, where the file gives it in
    that language (an item's title, a region's name, an election's office, a member's country,
    the council's name); else as written."""
    return translations.get(current_language(), text) if translations else text


def council_words(council: Council) -> str:
    """The council's name in the language being spoken."""
    return in_language(council.name, council.translations)


def country_words(member: Member) -> str | None:
    """A member's country in the language being spoken: "Tanzanie"; as written without one."""
    if member.country is None:
        return None
    return in_language(member.country, member.country_translations)


def country_search(member: Member) -> str:
    """A member's country as a picker finds them by it: as written and in the language being
    spoken ("Tanzania Tanzanie"), so that either finds them; "" when the roster gives none."""
    shown = country_words(member)
    return " ".join(dict.fromkeys(c for c in (member.country, shown) if c))


def region_name(where: Council | State, region_id: str) -> str:
    region = _council(where).region(region_id)
    return region_words(region) if region else region_id


def region_words(region: Region) -> str:
    return in_language(region.name, region.translations)


def group_name(where: Council | State, group: str) -> str:
    """A group of regions, in the language spoken: a region without a `group` is a group of its
    own, named as the region is; any other group as the council writes it (it has no translations)."""
    alone = next((r for r in _council(where).regions if r.group is None and r.name == group), None)
    return region_words(alone) if alone is not None else group


def short_of_name(where: Council | State | None, kind: str, key: str) -> str:
    """A region ("region", its id) or a group of regions ("group", its name) short of its
    quorum, in the language spoken; without the council (the command line's messages), as given."""
    if where is None:
        return key
    return region_name(where, key) if kind == "region" else group_name(where, key)


def office_words(election: Election) -> str:
    """The office an election fills, in the language being spoken."""
    return in_language(election.office, election.translations)


def meeting_title(agenda: Agenda) -> str:
    words = (agenda.translations or {}).get(current_language())
    return words.title if words is not None and words.title else agenda.title


def meeting_place(agenda: Agenda) -> str | None:
    words = (agenda.translations or {}).get(current_language())
    return words.place if words is not None and words.place and agenda.place else agenda.place


def circulated_title(circulated: CirculatedMinutes) -> str:
    """The title of the earlier meeting whose minutes an item approves, in the language spoken."""
    return in_language(circulated.title, circulated.title_translations)


def short_minutes(n: int) -> str:
    """Minutes of time as a list's column says them: "10 min", "dakika 10"."""
    return _("{n} min").format(n=n)


def minutes_of_planned(used: int, planned: int) -> str:
    """The minutes an item has taken of those planned for it: "3/10 min", "dakika 3/10"."""
    return _("{used}/{planned} min").format(used=used, planned=planned)


def title_words(item: Item) -> str:
    """An item's title in the language being spoken."""
    return in_language(item.title, item.translations)


def item_number(state: State, item_id: str) -> int | None:
    """An item's number on the agenda as it stands (items added or moved included)."""
    return state.order.index(item_id) + 1 if item_id in state.items and item_id in state.order else None


def item_title(state: State, item_id: str) -> str:
    item = state.items.get(item_id)
    return title_words(item.item) if item else item_id


def item_heading(number: int | str, title: str) -> str:
    """An item as a heading or a list shows it: "3. Adoption of the agenda"."""
    return _("{number}. {title}").format(number=number, title=title)


def item_words(state: State, item_id: str) -> str:
    """An item as a sentence names it: 'item 3, “Adoption of the agenda”'."""
    number = item_number(state, item_id)
    return _("item {number}, “{title}”").format(
        number=number if number is not None else "?", title=item_title(state, item_id)
    )


def said_of(member_ids: Iterable[str], where: Council | State) -> str | None:
    """Who a word is said of, as `agreeing` takes it: a woman, women, several people; None for
    one man or one whose gender the roster does not give."""
    council = _council(where)
    genders = [member.gender if (member := council.member(m)) else None for m in member_ids]
    if len(genders) != 1:  # nobody too: "Élus : personne"
        return WOMEN if genders and all(g == "F" for g in genders) else SEVERAL
    return WOMAN if genders == ["F"] else None


def elected_words(member_ids: Sequence[str], where: Council | State) -> str:
    """ "elected", agreeing with who: "élue", "élus", "eleitas"."""
    return agreeing(ELECTION_OUTCOMES["elected"], said_of(member_ids, where))


def attendance_words(status: str, member_id: str, where: Council | State) -> str:
    """A member's attendance, agreeing with them: "excusée" in French of a woman."""
    return agreeing(ATTENDANCE[status], said_of([member_id], where))


def example_words(verb: Verb, example: str | None = None) -> str:
    """A verb's example (or `example`, the same with this meeting's members and items in place
    of the demo council's) with the texts it quotes in the language spoken:
    `move "Que l'ordre du jour soit adopté." by ke-1 seconded gh-1`."""
    example = example or verb.example
    parsed = parse(example)
    if not isinstance(parsed, Command):
        return example
    texts = {arg.name for arg, _optional in args_of(verb.parts) if arg.kind == "text"}
    args = {
        name: _(value) if name in texts and isinstance(value, str) and value in EXAMPLE_TEXTS else value
        for name, value in parsed.args.items()
    }
    return format_command(Command(parsed.verb, args))


def members_counted(status: str, count: int) -> str:
    """So many members whose attendance changed to one status, a phrase of its own for each so
    that every language agrees its words with the count: "10 members left", "7 membros presentes"."""
    match status:
        case "present":
            words = ngettext("{count} member in person", "{count} members in person", count)
        case "remote":
            words = ngettext("{count} member attending remotely", "{count} members attending remotely", count)
        case "apologies":
            words = ngettext("{count} member sent apologies", "{count} members sent apologies", count)
        case "absent":
            words = ngettext("{count} member absent", "{count} members absent", count)
        case "left":
            words = ngettext("{count} member left", "{count} members left", count)
        case _:  # "dropped"
            words = ngettext("{count} member's connection dropped", "{count} members' connections dropped", count)
    return words.format(count=count)


def not_voting_words(code: str, seat_id: str, where: Council | State) -> str:
    """Why a seat has no vote in a roll call (`attendance.not_voting`'s code): its titular's
    attendance, agreeing with them ("excusée"), or the rule that leaves it out ("recused")."""
    if code in ATTENDANCE:
        return attendance_words(code, seat_id, where)
    return words(NOT_VOTING, code)


def fate_words(outcome: str, member_id: str, where: Council | State) -> str:
    """A candidate's fate in a round, agreeing with them: "éliminée", "eleita"."""
    return agreeing(ELECTION_OUTCOMES[outcome], said_of([member_id], where))
