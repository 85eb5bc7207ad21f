"""The language as a scope: chosen --lang > the meeting's language > the environment > English,
never a switch one piece of code flips under another; commands and diagnostics in it."""

from __future__ import annotations

import json
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, time
from pathlib import Path

import pytest

from meeting.cli.main import main
from meeting.formats import SHORT_TIMES, _locale, clock_time, long_date
from meeting.i18n import LANGUAGES, _, choose, current_language, environment_language, language, supported
from meeting.messages import render
from meeting.minutes import files
from tests.conftest import MINI_AGENDA, MINI_COUNCIL


def test_codes_name_the_languages_we_speak() -> None:
    assert [supported(code) for code in ("fr", "fr-CA", "fr_FR.UTF-8", "PT_br", "sw@latin")] == [
        "fr",
        "fr",
        "fr",
        "pt",
        "sw",
    ]
    assert [supported(code) for code in ("id", "tl", "C", "", None)] == [None] * 5


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, None),
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "C.UTF-8"}, None),
        ({"LANGUAGE": "id:sw:fr", "LANG": "en_GB.UTF-8"}, "sw"),  # LANGUAGE lists preferences
        ({"LANGUAGE": "id", "LANG": "es_ES.UTF-8"}, "es"),  # none of them ours: the locale's
        ({"LC_ALL": "pt_BR.UTF-8", "LANG": "fr_FR.UTF-8"}, "pt"),  # LC_ALL before LANG
        ({"LC_MESSAGES": "C", "LANG": "fr_FR.UTF-8"}, None),  # the first set says C
    ],
)
def test_the_environment_says_a_language_as_gettext_reads_it(environ: dict[str, str], expected: str | None) -> None:
    assert environment_language(environ) == expected


def test_the_order_of_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "sw_TZ.UTF-8")
    assert choose("fr", "es") == "fr"  # --lang
    assert choose(None, "es") == "es"  # the meeting's language
    assert choose(None, "id") == "sw"  # a meeting language we have no words for: the environment
    assert choose(None, None) == "sw"
    monkeypatch.delenv("LANG")
    assert choose(None, "id") == "en"  # else English


def test_a_scope_gives_the_callers_language_back_even_on_error() -> None:
    assert current_language() == "en"
    with language("fr"):
        assert _("Wrote {path}").startswith("Écrit")
        with pytest.raises(KeyError), language("sw"):
            assert current_language() == "sw"
            raise KeyError
        assert current_language() == "fr"
    assert _("Wrote {path}") == "Wrote {path}"


def test_dates_are_cldrs_in_each_language() -> None:
    day = date(2026, 12, 10)
    shown = {}
    for code in ("en", "fr", "es", "sw", "pt"):
        with language(code):
            shown[code] = long_date(day)
    assert shown == {
        "en": "Thursday, 10 December 2026",
        "fr": "jeudi 10 décembre 2026",
        "es": "jueves, 10 de diciembre de 2026",
        "sw": "Alhamisi, 10 Desemba 2026",
        "pt": "quinta-feira, 10 de dezembro de 2026",
    }


def test_the_clocks_pattern_is_cldrs_short_time() -> None:
    """SHORT_TIMES (which spares the console Babel's import on its first frame) is CLDR's, and
    clock_time writes what Babel writes."""
    from babel.dates import format_time, get_time_format

    for code in LANGUAGES:
        assert SHORT_TIMES[code] == get_time_format("short", locale=_locale(code)).pattern, code
        with language(code):
            for moment in (time(9, 5), time(0, 0), time(23, 59)):
                assert clock_time(moment) == format_time(moment, "short", locale=_locale(code))


def test_counts_are_grouped_as_cldr_groups_them_without_babel() -> None:
    """GROUP_SEPARATORS (which spares the console Babel's import on its first frame) is CLDR's:
    `number` writes what Babel writes, in every language we speak."""
    from babel.numbers import format_decimal

    from meeting.formats import number

    for code in LANGUAGES:
        with language(code):
            for value in (0, 7, 999, 1000, 12_345, 1_000_000, -1000, -25):
                assert number(value) == format_decimal(value, locale=_locale(code)), (code, value)


def test_minutes_in_two_languages_written_at_once_do_not_mix(demos) -> None:
    """French and Swahili minutes of the same journal, built and rendered in two threads at
    the same time, many times over, equal the ones written one after the other."""
    journal = files.read(files.journal_path(demos.draft))

    def minutes(code: str, barrier: threading.Barrier | None = None) -> bytes:
        if barrier is not None:
            barrier.wait()
        written = files.minutes_in(journal, code)
        return files.render(written, "md")

    alone = {code: minutes(code) for code in ("fr", "sw")}
    assert "jeudi 10 décembre 2026".encode() in alone["fr"]
    assert b"Alhamisi, 10 Desemba 2026" in alone["sw"]
    with ThreadPoolExecutor(max_workers=2) as pool:
        for _round in range(4):
            barrier = threading.Barrier(2)
            together = pool.map(lambda code, barrier=barrier: (code, minutes(code, barrier)), ("fr", "sw"))
            assert dict(together) == alone
    assert current_language() == "en"  # nor does either leak into the caller


def test_an_unknown_language_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["check", "agendas/ic-asm/council.toml", "--lang", "id"])
    assert exit_.value.code == 2
    assert "no translation into 'id': use one of en, fr, es, sw, pt" in capsys.readouterr().err


def test_check_speaks_swahili_and_keeps_the_codes_and_the_words_error_and_warning(
    write, capsys: pytest.CaptureFixture[str]
) -> None:
    agenda = MINI_AGENDA.replace('chair = "n-1"', 'chair = "nobody"').replace(
        "duration_minutes = 60", "duration_minutes = 20"
    )
    path: Path = write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})
    assert main(["check", str(path), "--lang", "sw", "--json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert main(["check", str(path), "--lang", "sw"]) == 1
    lines = capsys.readouterr().err.splitlines()
    shown = {d["code"]: d for d in found["errors"] + found["warnings"]}
    assert {"chair.unknown", "agenda.over-time"} <= shown.keys()
    with language("sw"):
        chair = render("chair.unknown", {"id": "nobody"})
        over = render("agenda.over-time", {"planned": 30, "duration": 20})
    with language("en"):
        assert chair != render("chair.unknown", {"id": "nobody"})  # Swahili, not English
    assert shown["chair.unknown"]["message"] == chair
    assert any(line.endswith(": error: " + chair) for line in lines), lines
    assert any(line.endswith(": warning: " + over) for line in lines), lines


def test_the_meeting_language_is_the_default_and_lang_overrides_it(write, capsys: pytest.CaptureFixture[str]) -> None:
    agenda = MINI_AGENDA.replace('language = "en"', 'language = "fr"')
    path = write({"agenda.toml": agenda, "council.toml": MINI_COUNCIL})
    assert main(["check", str(path)]) == 0
    assert "Langues de travail\u00a0: en, fr"  # French: a no-break space before the colon in capsys.readouterr().out
    assert main(["check", str(path), "--lang", "es"]) == 0
    assert "Idiomas de trabajo: en, fr" in capsys.readouterr().out


def test_argparses_words_are_its_own_and_follow_the_language(monkeypatch, capsys) -> None:
    """The sentences marked for the catalogs are argparse's (a new Python may change them), and
    `meeting ... --help` and usage errors say them through the translation."""
    import argparse
    import gettext
    import inspect

    from meeting import i18n
    from meeting.cli.argparse_words import ARGPARSE_WORDS

    source = inspect.getsource(argparse)
    assert [words for words in ARGPARSE_WORDS if repr(words) not in source] == []

    class Marked(gettext.NullTranslations):
        def gettext(self, message: str) -> str:
            return f"«{message}»"

    real = i18n._translation
    monkeypatch.setattr(i18n, "_translation", lambda code: Marked() if code == "pt" else real(code))
    with pytest.raises(SystemExit):
        main(["check", "--help", "--lang", "pt"])
    shown = capsys.readouterr().out
    assert shown.startswith("«usage: »meeting check")
    assert "«positional arguments»:" in shown and "«options»:" in shown and "«show this help message and exit»" in shown
    with pytest.raises(SystemExit):
        main(["check", "--lang", "pt"])
    err = capsys.readouterr().err
    assert "meeting check: error: «the following arguments are required: FILE»" in err


def test_numbers_and_shares_are_written_as_each_language_writes_them() -> None:
    from fractions import Fraction

    from meeting.formats import percent
    from meeting.words import exact_words

    shown = {}
    for code in ("en", "fr", "es", "sw", "pt"):
        with language(code):
            shown[code] = (exact_words(Fraction(1000)), exact_words(Fraction(38, 3)), percent(Fraction(2, 5)))
            assert exact_words(Fraction(999)) == "999"
    assert shown == {
        "en": ("1,000", "38/3 (12.67)", "40%"),
        "fr": ("1\u202f000", "38/3 (12,67)", "40\u00a0%"),
        "es": ("1.000", "38/3 (12,67)", "40\u00a0%"),
        "sw": ("1,000", "38/3 (12.67)", "40%"),
        "pt": ("1.000", "38/3 (12,67)", "40%"),
    }


def test_an_exact_figure_of_a_count_keeps_its_decimals_in_the_languages_writing() -> None:
    from meeting.formats import exact_figure

    figures = ("20.65215", "+0.65215", "-1.34785", "18", "+2", "1234.5")
    shown = {}
    for code in ("en", "fr", "es", "sw", "pt"):
        with language(code):
            shown[code] = tuple(exact_figure(f) for f in figures)
    assert shown == {
        "en": ("20.65215", "+0.65215", "-1.34785", "18", "+2", "1,234.5"),
        "fr": ("20,65215", "+0,65215", "-1,34785", "18", "+2", "1\u202f234,5"),
        "es": ("20,65215", "+0,65215", "-1,34785", "18", "+2", "1.234,5"),
        "sw": ("20.65215", "+0.65215", "-1.34785", "18", "+2", "1,234.5"),
        "pt": ("20,65215", "+0,65215", "-1,34785", "18", "+2", "1.234,5"),
    }


def test_french_writes_the_first_of_the_month_as_1er():
    """A French reader of "lundi 1 mars 2027" sees a typing slip: the first is "1er"."""
    with language("fr"):
        assert (long_date(date(2027, 3, 1)), long_date(date(2027, 3, 11))) == (
            "lundi 1er mars 2027",
            "jeudi 11 mars 2027",
        )
    with language("en"):
        assert long_date(date(2027, 3, 1)) == "Monday, 1 March 2027"
