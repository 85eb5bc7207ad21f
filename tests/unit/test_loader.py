"""The loader: every kind of problem, with its exact code, line and column."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from meeting.loader.load import load
from meeting.loader.read import MAX_BYTES
from tests.conftest import MINI_AGENDA, MINI_COUNCIL, position


def diagnose(write, agenda: str = MINI_AGENDA, council: str = MINI_COUNCIL) -> list[tuple]:
    path = write({"agenda.toml": agenda, "council.toml": council})
    return [(Path(d.path).name, d.code, d.line, d.col) for d in load(path).diagnostics]


def at(file: str, code: str, text: str, needle: str, occurrence: int = 1) -> tuple:
    return (file, code, *position(text, needle, occurrence))


def test_the_small_example_is_clean(write):
    loaded = load(write({"agenda.toml": MINI_AGENDA, "council.toml": MINI_COUNCIL}))
    assert loaded.diagnostics == []
    assert loaded.meeting is not None
    assert [m.id for m in loaded.meeting.council.seats] == ["n-1", "n-3", "s-1", "s-2"]


# ── files ──────────────────────────────────────────────────────────────────────


def test_missing_file(tmp_path):
    loaded = load(tmp_path / "nowhere.toml")
    assert [(d.code, d.line, d.col) for d in loaded.diagnostics] == [("file.missing", 1, 1)]


def test_directory(tmp_path):
    assert [d.code for d in load(tmp_path).diagnostics] == ["file.is-directory"]


def test_empty_file(write):
    assert [d.code for d in load(write({"a.toml": ""})).diagnostics] == ["file.empty"]


def test_only_a_bom_is_empty(write):
    assert [d.code for d in load(write({"a.toml": b"\xef\xbb\xbf"})).diagnostics] == ["file.empty"]


def test_file_over_4_mib(write):
    path = write({"big.toml": b"# " + b"x" * MAX_BYTES + b"\n"})
    (diagnostic,) = load(path).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("file.too-large", 1, 1)
    assert diagnostic.params["size"] == MAX_BYTES + 3


def test_exactly_4_mib_is_read(write):
    path = write({"big.toml": b"#" * (MAX_BYTES - 1) + b"\n"})
    assert [d.code for d in load(path).diagnostics] == ["file.unknown-kind"]


def test_not_utf8_points_at_the_bad_byte(write):
    path = write({"a.toml": 'name = "Béatrice"\nshort = "\xff"\n'.encode("latin-1")})
    (diagnostic,) = load(path).diagnostics
    # Line 1 holds a valid é in Latin-1 too: the first invalid byte is é's 0xE9 on line 1.
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("file.not-utf8", 1, 10)


def test_not_utf8_column_counts_characters_before_it(write):
    path = write({"a.toml": 'a = "Ouédraogo"\nb = "'.encode() + b"\xc3\x28" + b'"\n'})
    (diagnostic,) = load(path).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("file.not-utf8", 2, 6)
    assert diagnostic.params["byte"] == "C3"


def test_a_leading_bom_is_allowed(write):
    path = write({"agenda.toml": b"\xef\xbb\xbf" + MINI_AGENDA.encode(), "council.toml": MINI_COUNCIL})
    assert load(path).diagnostics == []


def test_crlf_line_endings(write):
    agenda = MINI_AGENDA.replace("\n", "\r\n").replace('chair = "n-1"', 'chair = "zz"')
    assert diagnose(write, agenda) == [at("agenda.toml", "chair.unknown", MINI_AGENDA, "chair =")]


def test_a_file_that_is_neither_council_nor_agenda(write):
    assert [(d.code, d.line) for d in load(write({"a.toml": "x = 1\n"})).diagnostics] == [("file.unknown-kind", 1)]


def test_council_path_that_is_not_toml(write):
    agenda = MINI_AGENDA.replace('council = "council.toml"', 'council = "roster.xlsx"')
    assert diagnose(write, agenda) == [at("agenda.toml", "file.not-toml", agenda, "council =")]


def test_council_path_that_is_missing(write):
    agenda = MINI_AGENDA.replace('council = "council.toml"', 'council = "other/council.toml"')
    path = write({"agenda.toml": agenda})
    (diagnostic,) = load(path).diagnostics
    assert diagnostic.code == "file.missing"
    assert diagnostic.path == str(path.parent / "other" / "council.toml")


def test_council_file_with_bad_toml_is_reported_in_that_file(write):
    council = MINI_COUNCIL.replace('short_name = "MC"', "short_name = MC")
    assert diagnose(write, council=council) == [("council.toml", "toml.invalid-value", *position(council, "MC\n"))]


# ── TOML syntax ────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "code", "line", "col"),
    [
        ("x = 1\nb = \n", "toml.invalid-value", 2, 5),
        ('a = "open', "toml.unterminated-string", 1, 10),
        ("a = [1,", "toml.invalid-value", 1, 8),
        ("[a", "toml.unclosed-table-header", 1, 3),
        ("a = 1\na = 2\n", "toml.overwrite", 2, 6),
        ("[t]\n[t]\n", "toml.duplicate-table", 2, 3),
        ("a = 1 b = 2\n", "toml.expected-newline", 1, 7),
        ('a = "\\q"\n', "toml.bad-escape", 1, 8),
        ("a = 1979-02-30\n", "toml.bad-datetime", 1, 5),
        ("a = {b = 1, b = 2}\n", "toml.duplicate-key", 1, 18),
        ("a = 1\n= 2\n", "toml.invalid-statement", 2, 1),
    ],
)
def test_toml_syntax_errors_are_located(write, text, code, line, col):
    (diagnostic,) = load(write({"a.toml": text})).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == (code, line, col)


def test_control_character_is_named(write):
    (diagnostic,) = load(write({"a.toml": 'a = "x\x07y"\n'})).diagnostics
    assert diagnostic.code == "toml.illegal-character"
    assert "U+0007" in diagnostic.message


def test_deep_nesting_is_an_error_not_a_crash(write):
    (diagnostic,) = load(write({"a.toml": "a = " + "[" * 5000 + "]" * 5000 + "\n"})).diagnostics
    assert diagnostic.code == "toml.too-deep"
    assert (diagnostic.line, diagnostic.col) == (1, 105)


def test_a_number_too_long_to_convert_is_an_error_at_its_place_not_a_crash(write):
    (diagnostic,) = load(write({"a.toml": "a = 1\nb = 1" + "0" * 5000 + "\n"})).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("toml.number-too-long", 2, 5)


# ── schema: missing, unknown and wrongly typed keys ────────────────────────────


def test_missing_key_in_an_array_of_tables_points_at_its_header(write):
    council = MINI_COUNCIL.replace('id = "n-3"\nname = "Nadia Benali"\n', 'id = "n-3"\n')
    assert diagnose(write, council=council) == [at("council.toml", "schema.missing-key", council, "[[members]]", 3)]


def test_unknown_key_in_an_array_of_tables_suggests_the_right_one(write):
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"\nregion', 'name = "Samuel Ortiz"\nregoin')
    (diagnostic,) = load(write({"agenda.toml": MINI_AGENDA, "council.toml": council})).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == (
        "schema.unknown-key-suggest",
        *position(council, "regoin"),
    )
    assert diagnostic.message == "unknown key 'regoin'; did you mean 'region'?"


def test_wrong_type_in_an_array_of_tables(write):
    council = MINI_COUNCIL.replace('role = "observer"', 'role = "observer"\nvotes = "no"')
    assert diagnose(write, council=council) == [at("council.toml", "schema.expected-boolean", council, 'votes = "no"')]


def test_wrong_type_in_an_array_entry(write):
    council = MINI_COUNCIL.replace('languages = ["en", "fr"]', 'languages = ["en", 7]')
    assert diagnose(write, council=council) == [at("council.toml", "schema.expected-string", council, "7]")]


def test_errors_inside_an_inline_table(write):
    agenda = (
        MINI_AGENDA + '\n[[items]]\nid = "x"\ntitle = "X"\nminutes = 5\nmotion = { text = "T", notice = 2026-01-01 }\n'
    )
    assert diagnose(write, agenda) == [at("agenda.toml", "schema.unknown-key-suggest", agenda, "notice =")]


def test_errors_under_dotted_keys(write):
    council = MINI_COUNCIL + "rules.proxies.max_per_holder = 0\n"
    # Dotted keys after [rules.classes.constitutional] belong to that table.
    assert diagnose(write, council=council) == [at("council.toml", "schema.unknown-key", council, "rules.proxies")]


def test_dotted_keys_at_the_top_level(write):
    council = MINI_COUNCIL.replace('short_name = "MC"\n', 'short_name = "MC"\nrules.debate.speaker_minutes = 0\n')
    assert diagnose(write, council=council) == [at("council.toml", "schema.too-small", council, "speaker_minutes")]


def test_several_problems_are_all_reported_in_reading_order(write):
    council = MINI_COUNCIL.replace('name = "North"', "name = 5").replace('role = "alternate"', 'role = "boss"')
    assert diagnose(write, council=council) == [
        at("council.toml", "schema.expected-string", council, "name = 5"),
        at("council.toml", "schema.not-allowed", council, 'role = "boss"'),
    ]


def test_not_allowed_lists_the_choices(write):
    agenda = MINI_AGENDA.replace('class = "ordinary"', 'class = "ordinary"\nvote = "by acclamation"')
    (diagnostic,) = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})).diagnostics
    assert diagnostic.message == (
        "'vote' cannot be 'by acclamation'; use one of: consensus, show_of_hands, roll_call, secret_ballot"
    )


@pytest.mark.parametrize(
    ("old", "new", "code", "needle"),
    [
        ('id = "s-2"', 'id = "s 2"', "id.invalid", 'id = "s 2"'),
        ('time_zone = "America/Bogota"', 'time_zone = "America/Bogotá"', "zone.unknown", 'time_zone = "America/Bog'),
        ("at_least = 3\n", 'at_least = "3/2"\n', "share.out-of-range", 'at_least = "3/2"'),
        ("at_least = 3\n", 'at_least = "0.5"\n', "share.not-a-fraction", 'at_least = "0.5"'),
        # "1" without a slash could mean one seat or all of them: refused.
        ("at_least = 3\n", 'at_least = "1"\n', "share.not-a-fraction", 'at_least = "1"'),
        ("at_least = 3\n", 'at_least = "1/0"\n', "share.zero-denominator", 'at_least = "1/0"'),
        ("at_least = 3\n", "at_least = -1\n", "count.negative", "at_least = -1"),
        ("at_least = 3\n", "at_least = 0.5\n", "amount.wrong-type", "at_least = 0.5"),
        ("at_least = 3\n", "at_least = 3\nmore_than = 2\n", "threshold.one-bound", "[rules.quorum]"),
        ('languages = ["en", "fr"]', 'languages = ["English"]', "language.invalid", '"English"'),
        ('short_name = "MC"', 'short_name = "  "', "text.empty", "short_name"),
    ],
)
def test_value_errors_in_the_council(write, old, new, code, needle):
    council = MINI_COUNCIL.replace(old, new, 1)
    assert diagnose(write, council=council) == [at("council.toml", code, council, needle)]


def test_start_with_an_offset_is_refused(write):
    agenda = MINI_AGENDA.replace("start = 2026-12-10T12:00:00", "start = 2026-12-10T12:00:00Z")
    assert diagnose(write, agenda) == [at("agenda.toml", "agenda.start-has-offset", agenda, "start")]


def test_start_that_is_a_string(write):
    agenda = MINI_AGENDA.replace("start = 2026-12-10T12:00:00", 'start = "2026-12-10 12:00"')
    assert diagnose(write, agenda) == [at("agenda.toml", "schema.expected-datetime", agenda, "start")]


def test_council_of_the_wrong_type(write):
    agenda = MINI_AGENDA.replace('council = "council.toml"', "council = 3")
    assert diagnose(write, agenda) == [at("agenda.toml", "council.wrong-type", agenda, "council =")]


def test_inline_council_errors_are_located_in_the_agenda_once(write):
    inline = MINI_COUNCIL.replace("[[", "[[council.").replace("[rules", "[council.rules")
    head, _, rest = inline.partition("\n[[")
    agenda = MINI_AGENDA.replace('council = "council.toml"\n', "")
    agenda = agenda + "\n[council]\n" + head + "\n[[" + rest
    agenda = agenda.replace('name = "Sofía Quiñones"', 'name = "Sofía Quiñones"\nvotes = 1')
    path = write({"agenda.toml": agenda})
    assert [(d.code, d.line, d.col) for d in load(path).diagnostics] == [
        ("schema.expected-boolean", *position(agenda, "votes = 1"))
    ]


def test_a_valid_inline_council(write):
    inline = MINI_COUNCIL.replace("[[", "[[council.").replace("[rules", "[council.rules")
    head, _, rest = inline.partition("\n[[")
    agenda = MINI_AGENDA.replace('council = "council.toml"\n', "") + "\n[council]\n" + head + "\n[[" + rest
    loaded = load(write({"agenda.toml": agenda}))
    assert loaded.diagnostics == []
    assert loaded.meeting is not None and loaded.meeting.council.short_name == "MC"


# ── cross-checks ───────────────────────────────────────────────────────────────


def test_duplicate_member_ids_ignore_case(write):
    council = MINI_COUNCIL.replace('id = "s-2"', 'id = "N-3"')
    (diagnostic,) = load(write({"agenda.toml": MINI_AGENDA, "council.toml": council})).diagnostics
    assert (diagnostic.code, diagnostic.line, diagnostic.col) == ("id.duplicate", *position(council, 'id = "N-3"'))
    assert diagnostic.params == {"id": "N-3", "first": "Nadia Benali"}


def test_duplicate_region_and_item_ids(write):
    council = MINI_COUNCIL.replace('id = "south"\nname = "South"', 'id = "North"\nname = "South"')
    council = council.replace('region = "south"', 'region = "North"')
    agenda = MINI_AGENDA.replace('id = "budget"', 'id = "Opening"')
    assert diagnose(write, agenda, council) == [
        at("agenda.toml", "id.duplicate", agenda, 'id = "Opening"'),
        at("council.toml", "id.duplicate", council, 'id = "North"'),
    ]


def test_two_members_of_one_name_is_a_warning(write):
    council = MINI_COUNCIL.replace('name = "Samuel Ortiz"', 'name = "SOFÍA QUIÑONES"')
    assert [
        (d.severity, d.code, d.line, d.col)
        for d in load(write({"agenda.toml": MINI_AGENDA, "council.toml": council})).diagnostics
    ] == [("warning", "member.same-name", *position(council, 'name = "SOFÍA'))]


def test_unknown_region(write):
    council = MINI_COUNCIL.replace('region = "south"', 'region = "sud"', 1)
    assert diagnose(write, council=council) == [at("council.toml", "region.unknown", council, 'region = "sud"')]


def test_a_region_with_no_seats(write):
    council = MINI_COUNCIL.replace(
        '[[regions]]\nid = "south"', '[[regions]]\nid = "east"\nname = "East"\n\n[[regions]]\nid = "south"'
    )
    assert diagnose(write, council=council) == [at("council.toml", "region.no-seats", council, 'id = "east"')]


def test_alternate_who_holds_a_seat(write):
    council = MINI_COUNCIL.replace('alternate = "n-2"', 'alternate = "n-3"')
    assert diagnose(write, council=council) == [
        at("council.toml", "alternate.holds-seat", council, 'alternate = "n-3"')
    ]


def test_own_alternate(write):
    council = MINI_COUNCIL.replace('alternate = "n-2"', 'alternate = "n-1"')
    assert diagnose(write, council=council) == [at("council.toml", "alternate.self", council, "alternate =")]


def test_unknown_alternate(write):
    council = MINI_COUNCIL.replace('alternate = "n-2"', 'alternate = "n-9"')
    assert diagnose(write, council=council) == [at("council.toml", "member.unknown", council, "alternate =")]


def test_alternate_shared_by_two_titulars(write):
    council = MINI_COUNCIL.replace('name = "Nadia Benali"', 'name = "Nadia Benali"\nalternate = "n-2"')
    assert diagnose(write, council=council) == [at("council.toml", "alternate.shared", council, 'alternate = "n-2"', 2)]


def test_observer_cannot_vote(write):
    council = MINI_COUNCIL.replace('role = "observer"', 'role = "observer"\nvotes = true\nregion = "north"')
    assert diagnose(write, council=council) == [at("council.toml", "member.observer-votes", council, "votes = true")]


def test_chair_unknown_and_secretary_unknown(write):
    agenda = MINI_AGENDA.replace('chair = "n-1"', 'chair = "x-1"').replace('secretary = "sec"', 'secretary = "x-2"')
    assert diagnose(write, agenda) == [
        at("agenda.toml", "chair.unknown", agenda, "chair ="),
        at("agenda.toml", "member.unknown", agenda, "secretary ="),
    ]


def test_chair_who_is_an_observer(write):
    agenda = MINI_AGENDA.replace('chair = "n-1"', 'chair = "obs"')
    assert diagnose(write, agenda) == [at("agenda.toml", "chair.not-a-member", agenda, "chair =")]


def test_unknown_presenter_and_class(write):
    agenda = MINI_AGENDA.replace('presenter = "s-1"', 'presenter = "s-9"').replace(
        'class = "ordinary"', 'class = "extraordinary"'
    )
    assert diagnose(write, agenda) == [
        at("agenda.toml", "member.unknown", agenda, "presenter ="),
        at("agenda.toml", "class.unknown", agenda, "class ="),
    ]


def test_unknown_default_class_and_motion_override_class(write):
    council = MINI_COUNCIL + '\n[rules.motions.previous_question]\nclass = "two-thirds"\n'
    council = council.replace("[rules.quorum]", '[rules]\ndefault_class = "normal"\n\n[rules.quorum]')
    assert diagnose(write, council=council) == [
        at("council.toml", "class.unknown", council, "default_class"),
        at("council.toml", "class.unknown", council, 'class = "two-thirds"'),
    ]


def test_unknown_motion_kind(write):
    council = MINI_COUNCIL + "\n[rules.motions.filibuster]\nallowed = false\n"
    assert diagnose(write, council=council) == [
        at("council.toml", "schema.key-not-allowed", council, "[rules.motions.filibuster]")
    ]


def test_quorum_the_roster_can_never_reach(write):
    council = MINI_COUNCIL.replace("at_least = 3\n", "at_least = 5\n")
    assert diagnose(write, council=council) == [at("council.toml", "quorum.unreachable", council, "at_least = 5")]


def test_quorum_of_more_than_all_seats(write):
    council = MINI_COUNCIL.replace("at_least = 3\n", 'more_than = "1/1"\n')
    assert diagnose(write, council=council) == [at("council.toml", "quorum.unreachable", council, "more_than")]


def test_quorum_regions_the_roster_can_never_reach(write):
    council = MINI_COUNCIL.replace("regions_represented = 2", "regions_represented = 3")
    assert diagnose(write, council=council) == [
        at("council.toml", "quorum.regions-unreachable", council, "regions_represented")
    ]


def test_empty_agenda(write):
    agenda = MINI_AGENDA.split("[[items]]")[0]
    assert diagnose(write, agenda) == [("agenda.toml", "agenda.empty", 1, 1)]


def test_items_longer_than_the_meeting_is_a_warning(write):
    agenda = MINI_AGENDA.replace("minutes = 20", "minutes = 55")
    loaded = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL}))
    (diagnostic,) = loaded.diagnostics
    assert (diagnostic.severity, diagnostic.code) == ("warning", "agenda.over-time")
    assert (diagnostic.line, diagnostic.col) == position(agenda, "duration_minutes")
    assert loaded.ok


CONSTITUTIONAL_ITEM = """
[[items]]
id = "art-7"
title = "Amend article 7"
translations = { fr = "Modification de l'article 7" }
kind = "decision"
minutes = 10
class = "constitutional"

[items.motion]
text = "That article 7 be amended."
notice_given = 2026-11-20
translations = { fr = "Que l'article 7 soit modifié." }
"""


def test_short_notice_is_a_warning(write):
    agenda = MINI_AGENDA + CONSTITUTIONAL_ITEM
    loaded = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL}))
    assert [(d.severity, d.code, d.line, d.col) for d in loaded.diagnostics] == [
        ("warning", "notice.short", *position(agenda, "notice_given"))
    ]
    assert loaded.diagnostics[0].params == {"item": "art-7", "days": 20, "required": 30}
    assert loaded.ok


def test_enough_notice_in_every_language_is_clean(write):
    agenda = MINI_AGENDA + CONSTITUTIONAL_ITEM.replace("2026-11-20", "2026-11-10")
    assert diagnose(write, agenda) == []


def test_missing_notice_and_missing_translation(write):
    agenda = MINI_AGENDA + CONSTITUTIONAL_ITEM.replace("notice_given = 2026-11-20\n", "").replace("2026-11-20", "")
    agenda2 = MINI_AGENDA + CONSTITUTIONAL_ITEM.replace(
        'translations = { fr = "Que l\'article 7 soit modifié." }\n', ""
    ).replace("2026-11-20", "2026-11-01")
    assert diagnose(write, agenda) == [at("agenda.toml", "notice.missing", agenda, "[items.motion]")]
    assert diagnose(write, agenda2) == [at("agenda.toml", "notice.untranslated", agenda2, "[items.motion]")]


def test_meeting_language_outside_the_working_languages(write):
    agenda = MINI_AGENDA.replace('language = "en"', 'language = "sw"')
    assert diagnose(write, agenda) == [
        # Written in Swahili, its title and items are given in French but not in English.
        at("agenda.toml", "agenda.untranslated", agenda, "title"),
        at("agenda.toml", "agenda.language-not-working", agenda, "language"),
    ]


def test_a_working_language_the_agenda_is_not_translated_into_is_one_warning(write):
    """The March minutes in French read "Réunion : IC-ASM Council Meeting", "Lieu : online" and
    English item titles, and `meeting check` had said nothing: once per language, naming what."""
    agenda = (
        MINI_AGENDA.replace('[translations.fr]\ntitle = "Mini réunion"\n', "")
        .replace('translations = { fr = "Budget" }\n', "")
        .replace('council = "council.toml"\n', 'council = "council.toml"\nplace = "online"\n')
    )
    (found,) = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})).diagnostics
    assert (found.severity, found.code, found.line, found.col) == ("warning", "agenda.untranslated", 2, 1)
    assert found.params == {"language": "fr", "keys": ["title", "place", "items.title"]}
    # The title and place given: at the first item without one.
    agenda = MINI_AGENDA.replace('translations = { fr = "Budget" }\n', "")
    assert diagnose(write, agenda) == [at("agenda.toml", "agenda.untranslated", agenda, 'title = "Budget"')]
    # Only in the council's working languages, not in the meeting's own.
    council = MINI_COUNCIL.replace('languages = ["en", "fr"]', 'languages = ["en"]')
    assert diagnose(write, agenda.replace("[translations.fr]", "[translations.es]"), council) == []


def test_an_election_s_office_wants_a_translation_too(write):
    agenda = MINI_AGENDA + (
        '\n[[items]]\nid = "vote"\ntitle = "Election"\ntranslations = { fr = "Élection" }\nkind = "election"\n'
        'minutes = 5\n\n[[items.elections]]\nid = "chair"\noffice = "Chair"\n'
    )
    (found,) = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})).diagnostics
    assert (found.code, found.line, found.col) == ("agenda.untranslated", *position(agenda, 'office = "Chair"'))
    assert found.params == {"language": "fr", "keys": ["items.elections.office"]}


def test_members_countries_without_a_translation_are_one_warning_per_language(write):
    """Country names stayed in English in every language; a council that works in French says
    so once for all the members whose country has no French, at the first."""
    council = (
        MINI_COUNCIL.replace(
            'name = "Ngozi Adébáyọ̀"\n',
            'name = "Ngozi Adébáyọ̀"\ncountry = "Nigeria"\ncountry_translations = { fr = "Nigéria" }\n',
        )
        .replace('name = "Nadia Benali"\n', 'name = "Nadia Benali"\ncountry = "Morocco"\n')
        .replace('name = "Sofía Quiñones"\n', 'name = "Sofía Quiñones"\ncountry = "Colombia"\n')
    )
    loaded = load(write({"agenda.toml": MINI_AGENDA, "council.toml": council}))
    (found,) = loaded.diagnostics
    assert (found.severity, found.code) == ("warning", "country.untranslated")
    assert (Path(found.path).name, found.line, found.col) == ("council.toml", *position(council, 'country = "Morocco"'))
    assert found.params == {"language": "fr", "id": "n-3", "missing": 2}
    # Two languages lacking: one warning each.
    twice = council.replace('languages = ["en", "fr"]', 'languages = ["en", "fr", "es"]')
    agenda = MINI_AGENDA.replace("[translations.fr]", '[translations.es]\ntitle = "Mini reunión"\n\n[translations.fr]')
    agenda = agenda.replace('fr = "Ouverture"', 'fr = "Ouverture", es = "Apertura"').replace(
        'fr = "Budget"', 'fr = "Budget", es = "Presupuesto"'
    )
    codes = [
        (d.code, d.params.get("language"))
        for d in load(write({"agenda.toml": agenda, "council.toml": twice})).diagnostics
    ]
    assert sorted(codes) == [("country.untranslated", "es"), ("country.untranslated", "fr")]


@pytest.mark.parametrize("name", ["2026-12-council-meeting.toml", "2027-03-council-meeting.toml"])
def test_the_demo_meetings_are_translated_into_every_working_language(name):
    loaded = load(Path(__file__).resolve().parents[2] / "agendas" / "ic-asm" / name)
    assert [(d.code, d.params) for d in loaded.diagnostics] == []


# ── rules overridden by the meeting ────────────────────────────────────────────


def test_agenda_rules_override_the_council(write):
    agenda = MINI_AGENDA + "\n[rules.quorum]\nat_least = 4\n"
    loaded = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL}))
    assert loaded.diagnostics == []
    assert loaded.meeting is not None
    assert loaded.meeting.rules.quorum.at_least == 4
    assert loaded.meeting.rules.quorum.regions_represented == 2  # kept from the council
    assert loaded.meeting.council.rules.quorum.at_least == 3


def test_an_override_may_write_the_other_bound(write):
    agenda = MINI_AGENDA + '\n[rules.quorum]\nmore_than = "1/2"\n'
    loaded = load(write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL}))
    assert loaded.diagnostics == []
    assert loaded.meeting is not None
    quorum = loaded.meeting.rules.quorum
    assert (quorum.at_least, quorum.more_than, quorum.regions_represented) == (None, Fraction(1, 2), 2)


def test_an_override_adds_to_the_classes_in_force_defaults_included(write):
    council = MINI_COUNCIL.split("[rules.classes.ordinary]")[0]  # no classes: the defaults apply
    agenda = MINI_AGENDA + '\n[rules.classes.urgent]\nat_least = "3/4"\n'
    loaded = load(write({"agenda.toml": agenda, "council.toml": council}))
    assert loaded.diagnostics == []
    assert loaded.meeting is not None
    assert sorted(loaded.meeting.rules.classes) == ["ordinary", "procedural", "urgent"]


def test_a_decision_count_above_the_seats_is_unreachable(write):
    council = MINI_COUNCIL.replace(
        '[rules.classes.ordinary]\nmore_than = "1/2"', "[rules.classes.ordinary]\nat_least = 5"
    )
    assert diagnose(write, council=council) == [at("council.toml", "class.unreachable", council, "at_least = 5")]


@pytest.mark.parametrize("bound", ['at_least = "0/3"', "at_least = 0", 'more_than = "0/1"'])
def test_a_decision_threshold_of_nothing_is_refused(write, bound):
    """Under `at_least = "0/3"` every motion carried, 1 vote to 16; `meeting check` passed it."""
    council = MINI_COUNCIL.replace('[rules.classes.ordinary]\nmore_than = "1/2"', f"[rules.classes.ordinary]\n{bound}")
    assert diagnose(write, council=council) == [at("council.toml", "class.zero", council, bound)]


def test_an_error_in_the_override_is_located_in_the_agenda(write):
    agenda = MINI_AGENDA + "\n[rules.quorum]\nat_least = 9\n"
    assert diagnose(write, agenda) == [at("agenda.toml", "quorum.unreachable", agenda, "at_least = 9")]


def test_an_error_the_override_does_not_touch_stays_in_the_council(write):
    council = MINI_COUNCIL.replace("regions_represented = 2", "regions_represented = 3")
    agenda = MINI_AGENDA + "\n[rules.quorum]\nat_least = 2\n"
    assert diagnose(write, agenda, council) == [
        at("council.toml", "quorum.regions-unreachable", council, "regions_represented")
    ]


# ── one schema error does not hide the reference problems elsewhere ───────────


def test_a_broken_member_is_not_reported_again_through_references(write):
    # n-2 has a bad role; n-1 names n-2 as alternate: only the schema error is worth saying.
    council = MINI_COUNCIL.replace('role = "alternate"', 'role = "stand-in"')
    assert diagnose(write, council=council) == [at("council.toml", "schema.not-allowed", council, 'role = "stand-in"')]


def test_a_broken_member_does_not_empty_its_region(write):
    council = MINI_COUNCIL.replace('name = "Sofía Quiñones"', 'name = ["Sofía"]').replace(
        'name = "Samuel Ortiz"', "name = 2"
    )
    assert diagnose(write, council=council) == [
        at("council.toml", "schema.expected-string", council, 'name = ["Sofía"]'),
        at("council.toml", "schema.expected-string", council, "name = 2"),
    ]


def test_references_after_a_broken_entry_are_located_at_their_own_line(write):
    agenda = MINI_AGENDA.replace("minutes = 10", 'minutes = "ten"').replace('presenter = "s-1"', 'presenter = "s-7"')
    assert diagnose(write, agenda) == [
        at("agenda.toml", "schema.expected-integer", agenda, 'minutes = "ten"'),
        at("agenda.toml", "member.unknown", agenda, 'presenter = "s-7"'),
    ]


def test_a_broken_decision_class_is_not_reported_as_unknown(write):
    council = MINI_COUNCIL.replace('of = "membership"', 'of = "everyone"')
    agenda = MINI_AGENDA.replace('class = "ordinary"', 'class = "constitutional"')
    assert diagnose(write, agenda, council) == [at("council.toml", "schema.not-allowed", council, 'of = "everyone"')]


def test_a_rule_broken_across_two_keys_still_lets_the_rest_be_checked(write):
    council = MINI_COUNCIL.replace("at_least = 3\n", "")  # neither at_least nor more_than
    agenda = MINI_AGENDA.replace('chair = "n-1"', 'chair = "n-9"')
    assert diagnose(write, agenda, council) == [
        at("agenda.toml", "chair.unknown", agenda, "chair ="),
        at("council.toml", "threshold.one-bound", council, "[rules.quorum]"),
    ]
