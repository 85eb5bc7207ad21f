"""The one vocabulary: every code the domain can write has its words, and names come from ids."""

from __future__ import annotations

import typing
from datetime import date

import pytest

from meeting.domain import events as ev
from meeting.domain.agenda import ItemKind, MeetingKind, VoteMode
from meeting.domain.council import Council, Member, Region, Role
from meeting.domain.decisions import Path
from meeting.domain.motions import MotionKind
from meeting.domain.rules import Base, BlockRule, TieRule
from meeting.domain.state import ItemStatus, MotionStatus, Phase
from meeting.i18n import SEVERAL, WOMAN, WOMEN, language, set_language
from meeting.vocabulary import (
    ADMISSIONS,
    ATTENDANCE,
    BASES,
    CHOICES,
    EVENT_NAMES,
    HOW,
    ITEM_KINDS,
    ITEM_STATUS,
    MEETING_KINDS,
    METHODS,
    MOTION_NAMES,
    MOTION_STATUS,
    ON_BLOCK,
    OUTCOMES,
    PHASES,
    RESULTS,
    ROLES,
    RULINGS,
    STANDING,
    TIE_BREAKERS,
    TIE_RULES,
    VIA,
    about,
    attendance_words,
    date_words,
    elected_words,
    fate_words,
    item_heading,
    member_name,
    member_names,
    region_name,
    who,
    words,
)
from tests.kit import start
from tests.unit.test_catalogs import TEMPLATE, catalog


def _codes(literal: object) -> set[str]:
    return set(typing.get_args(literal))


def _event_types() -> set[str]:
    union = typing.get_args(typing.get_args(ev.AnyEvent)[0])
    return {typing.get_args(cls.model_fields["type"].annotation)[0] for cls in union}


@pytest.mark.parametrize(
    ("table", "codes"),
    [
        (PHASES, _codes(Phase)),
        (ATTENDANCE, _codes(ev.Status)),
        (STANDING, _codes(ev.Status)),
        (ITEM_KINDS, _codes(ItemKind)),
        (ITEM_STATUS, _codes(ItemStatus)),
        (MEETING_KINDS, _codes(MeetingKind)),
        (MOTION_NAMES, _codes(MotionKind)),
        (MOTION_STATUS, _codes(MotionStatus)),
        (METHODS, _codes(ev.Method) | _codes(VoteMode)),
        (RESULTS, _codes(ev.Outcome.model_fields["result"].annotation)),
        (OUTCOMES, _codes(ev.Outcome.model_fields["result"].annotation)),
        (CHOICES, _codes(ev.Choice) | {"none"}),
        (VIA, _codes(ev.Voter.model_fields["via"].annotation) - {"titular"}),
        (HOW, _codes(Path)),
        (RULINGS, _codes(ev.Ruled.model_fields["ruling"].annotation)),
        (ADMISSIONS, _codes(ev.Ruled.model_fields["ruling"].annotation)),
        (ROLES, _codes(Role)),
        (TIE_BREAKERS, _codes(ev.TieBroken.model_fields["by"].annotation)),
        (BASES, _codes(Base)),
        (TIE_RULES, _codes(TieRule)),
        (ON_BLOCK, _codes(BlockRule)),
        (EVENT_NAMES, _event_types()),
    ],
)
def test_every_code_has_its_words(table: dict[str, str], codes: set[str]) -> None:
    assert codes, "the domain's codes could not be read"
    assert set(table) == codes


def test_a_code_without_words_is_shown_as_it_is() -> None:
    set_language("en")
    assert words(PHASES, "in_recess") == "in recess"
    assert words(PHASES, "suspended") == "suspended"


COUNCIL = Council(
    name="Test council",
    short_name="TC",
    regions=[Region(id="la", name="Latin America")],
    members=[
        Member(id="ana", name="Ana Quiñones", country="Peru", region="la", alternate="beto"),
        Member(id="beto", name="Beto Ñahui", region="la", role="alternate", country="Peru"),
        Member(id="sec", name="Søren Ødegård", organisation="Secretariat", role="secretary", votes=False),
    ],
)


def test_names_keep_their_letters_and_say_what_tells_members_apart() -> None:
    set_language("en")
    assert member_name(COUNCIL, "ana") == "Ana Quiñones"
    assert member_name(COUNCIL, "nobody") == "nobody"
    assert member_name(COUNCIL, None) == "—"
    assert member_names(COUNCIL, ["ana", "beto"]) == "Ana Quiñones, Beto Ñahui"
    assert who(COUNCIL, "ana") == "Ana Quiñones (Peru)"
    beto = COUNCIL.member("beto")
    assert beto is not None
    assert about(COUNCIL, beto) == "alternate for Ana Quiñones"
    assert who(COUNCIL, "sec") == "Søren Ødegård (Secretariat)"
    assert region_name(COUNCIL, "la") == "Latin America"
    assert region_name(COUNCIL, "xx") == "xx"


def test_dates_and_items_in_words() -> None:
    set_language("en")
    assert date_words(date(2026, 12, 10)) == "Thursday, 10 December 2026"
    assert item_heading(3, "Adoption of the agenda") == "3. Adoption of the agenda"


def test_every_event_has_a_sentence_in_the_minutes_or_is_left_out_on_purpose() -> None:
    from meeting.minutes.proceedings import SENTENCES, SILENT

    union = typing.get_args(typing.get_args(ev.AnyEvent)[0])
    assert not set(SENTENCES) & SILENT
    assert set(union) == set(SENTENCES) | SILENT, "word a new event in meeting/minutes/proceedings.py"


def test_words_said_of_members_agree_with_them(tmp_path):
    """French minutes wrote "excusé" of Marisol Cáceres-Lagos and proclaimed Mutale
    Chibwe-Nkonde "élu(s)"; the roster gives each member's gender (found by a secretary's run)."""
    state = start(tmp_path).state  # gh-1, zm-1: women; sl-1, zw-1: men
    with language("fr"):
        assert [attendance_words("apologies", m, state) for m in ("gh-1", "sl-1")] == ["excusée", "excusé"]
        assert (fate_words("excluded", "zm-1", state), fate_words("excluded", "zw-1", state)) == ("éliminée", "éliminé")
        shown = [elected_words(ids, state) for ids in (["zm-1"], ["zw-1"], ["gh-1", "zm-1"], ["gh-1", "sl-1"])]
        assert shown == ["élue", "élu", "élues", "élus"]
    with language("pt"):
        assert [elected_words(ids, state) for ids in (["zm-1"], ["gh-1", "zm-1"])] == ["eleita", "eleitas"]
    with language("en"):
        assert (attendance_words("apologies", "gh-1", state), elected_words(["gh-1", "zm-1"], state)) == (
            "apologies",
            "elected",
        )


def test_the_contexts_of_agreement_are_those_the_catalogs_hold():
    """`agreeing` looks words up under the contexts the catalogs were extracted with."""
    contexts = {message.context for message in catalog(TEMPLATE) if message.context}
    assert {WOMAN, WOMEN, SEVERAL} <= contexts


def test_a_country_with_its_own_brackets_is_not_bracketed_twice(tmp_path):
    """ "Furaha Bisimwa-Mirindi (DR Congo (South Kivu))" (found by a secretary's run)."""
    state = start(tmp_path).state
    assert who(state, "cd-2") == "Furaha Bisimwa-Mirindi (DR Congo, South Kivu)"
    assert who(state, "gh-1") == "Ama Serwaa Boatemaa (Ghana)"


def test_only_a_countrys_brackets_become_a_comma_a_names_stay(tmp_path):
    """ "alternate for María José, Majo Pérez": the flattening meant for "DR Congo (South Kivu)"
    ran over the titular's name too."""
    council = start(tmp_path).state.meeting.council
    data = council.model_dump()
    for member in data["members"]:
        if member["id"] == "gh-1":
            member.update(name="María José (Majo) Pérez", country="Ghana (Ashanti)")
    renamed = type(council).model_validate(data)
    assert who(renamed, "gh-2") == "Kwabena Owusu-Ansah (alternate for María José (Majo) Pérez)"
    assert who(renamed, "gh-1") == "María José (Majo) Pérez (Ghana, Ashanti)"


def test_every_text_an_example_quotes_is_marked_for_translation():
    """The palette's and the help's examples quoted English texts in every language: each text
    a GRAMMAR example quotes (a file name aside) is in EXAMPLE_TEXTS, for the catalogs."""
    from meeting.domain.language import GRAMMAR, Command, args_of, parse
    from meeting.vocabulary import EXAMPLE_TEXTS

    quoted = set()
    for verb in GRAMMAR:
        parsed = parse(verb.example)
        assert isinstance(parsed, Command), verb.name
        texts = {arg.name for arg, _optional in args_of(verb.parts) if arg.kind == "text" and arg.name != "file"}
        quoted |= {value for name, value in parsed.args.items() if name in texts}
    assert quoted == set(EXAMPLE_TEXTS)


def test_an_example_says_its_texts_in_the_language_spoken_and_keeps_the_command_words(monkeypatch):
    import meeting.vocabulary
    from meeting.domain.language import VERBS, parse
    from meeting.vocabulary import example_words

    monkeypatch.setattr(meeting.vocabulary, "_", lambda text: "«" + text.upper() + "»")
    correct = VERBS["correct"]
    said = example_words(correct)
    assert said == 'correct "«ARRIVED AT 12:03, NOT 12:05.»" by bo-1 "«THE MEMBER WAS IN THE WAITING ROOM»"'
    assert parse(said).verb == "correct"  # type: ignore[union-attr]
    # An example already given this meeting's members keeps them.
    assert example_words(correct, correct.example.replace("bo-1", "gh-001")).endswith(
        'by gh-001 "«THE MEMBER WAS IN THE WAITING ROOM»"'
    )
    assert example_words(VERBS["papers"]) == VERBS["papers"].example  # a file's name is not translated
