"""Dates, times, numbers and percentages as CLDR writes them in the language being spoken.

"jeudi 10 décembre 2026", "Alhamisi, 10 Desemba 2026", "14:05", "40 %": Babel's CLDR data, in
the language of the current scope (`meeting.i18n`). Babel is imported on first use, not with
this module: the console's start-up time counts every import (and its clock uses CLDR's time
pattern copied into SHORT_TIMES, checked against Babel by a test).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Literal

from meeting.i18n import current_language

if TYPE_CHECKING:
    from babel import Locale

# The CLDR locale for each language we speak. English is written as the council's English
# speakers write it (day before month, 24-hour clock): CLDR's British English, not its American.
_LOCALES = {"en": "en_GB"}


@cache
def _locale(code: str) -> Locale:
    from babel import Locale

    return Locale.parse(_LOCALES.get(code, code))


def language_name(code: str) -> str:
    """A language's name in the language being spoken, as CLDR writes it: "French", "français",
    "Kifaransa"; the code itself for one CLDR does not know."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(_locale(current_language()))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def and_list(values: list[str]) -> str:
    """A list as the language closes it: "5 and 7", "5, 6 et 7", "5 na 7"."""
    from babel.lists import format_list

    return format_list(values, locale=_locale(current_language()))


def long_date(day: date) -> str:
    """The date in full, weekday first: "Thursday, 10 December 2026", "jeudi 10 décembre 2026";
    in French the first of the month is "1er" ("lundi 1er mars 2027"), which CLDR leaves out."""
    from babel.dates import format_date, get_date_format

    locale = _locale(current_language())
    pattern = get_date_format("full", locale=locale).pattern
    if current_language() == "fr" and day.day == 1:
        pattern = pattern.replace("d ", "d'er' ", 1)
    return format_date(day, pattern, locale=locale)


def long_date_time(moment: datetime) -> str:
    """A date in full and a time of day, joined as CLDR joins them: "Sunday, 20 December 2026,
    09:15", "Jumapili, 20 Desemba 2026 09:15"."""
    return _date_time("full", long_date(moment.date()), moment)


def medium_date_time(moment: datetime) -> str:
    """A date as a table or a sentence gives it beside others, and a time of day: "11 Dec 2026,
    12:00", "11 déc. 2026, 12:00", "11 Des 2026 12:00"."""
    return _date_time("medium", medium_date(moment.date()), moment)


def _date_time(width: Literal["full", "medium"], day: str, moment: datetime) -> str:
    from babel.dates import get_datetime_format

    pattern = str(get_datetime_format(width, locale=_locale(current_language())))
    literal = pattern.replace("''", "\0").replace("'", "").replace("\0", "'")  # CLDR quotes its words: {1} 'at' {0}
    return literal.replace("{1}", day).replace("{0}", clock_time(moment))


def medium_date(day: date) -> str:
    """The date in a table's column: "15 Jan 2027", "15 janv. 2027", "15 de jan. de 2027"."""
    from babel.dates import format_date

    return format_date(day, "medium", locale=_locale(current_language()))


# CLDR's short time of day for each language we speak ("HH:mm": 09:05; "H:mm": 9:05), so that
# the console draws its clock on the first frame without importing Babel; tests/unit/test_i18n.py
# checks the table against Babel's CLDR data.
SHORT_TIMES = {"en": "HH:mm", "fr": "HH:mm", "es": "H:mm", "sw": "HH:mm", "pt": "HH:mm"}


def clock_time(moment: datetime | time) -> str:
    """A time of day, hours and minutes, as the language writes it ("14:05", "9:05")."""
    pattern = SHORT_TIMES[current_language()]
    hour = f"{moment.hour:02d}" if pattern.startswith("HH") else str(moment.hour)
    return f"{hour}:{moment.minute:02d}"


# CLDR's separator of thousands for each language we speak, so that a count is grouped without
# importing Babel (the console may show one on its first frame); tests/unit/test_i18n.py checks
# the table against Babel's CLDR data.
GROUP_SEPARATORS = {"en": ",", "fr": "\u202f", "es": ".", "sw": ",", "pt": "."}


def number(value: int) -> str:
    """A count with the language's grouping: "1,000", "1 000", "1.000"."""
    return f"{value:,}".replace(",", GROUP_SEPARATORS[current_language()])


def decimal(value: Fraction) -> str:
    """A fraction as a decimal to two places, to help the reader of an exact one: "12.67", "12,67".

    Rounded exactly (half to even, as `decimal` rounds), then written with as many digits as the
    number has: Decimal's default precision (28 digits) would refuse to write a larger one."""
    from decimal import Decimal, localcontext

    from babel.numbers import format_decimal

    hundredths = round(value * 100)
    exact = Decimal(f"{hundredths}E-2")  # exact: the constructor never rounds
    with localcontext() as context:
        context.prec = max(context.prec, len(str(abs(hundredths))) + 2)
        return format_decimal(exact, format="#,##0.00", locale=_locale(current_language()))


def exact_figure(text: str) -> str:
    """A figure as the records keep it, exact ("20.65215", "+0.65215", "-0.65215", "18"), as the
    language writes it ("20,65215" in French): every decimal the count kept, its trailing zeros
    too ("1.55740"), none added."""
    from decimal import Decimal

    sign = "+" if text.startswith("+") else ""
    value = Decimal(text.removeprefix("+"))
    if value == value.to_integral_value():
        return sign + number(int(value))
    from babel.numbers import format_decimal, get_decimal_symbol

    locale = _locale(current_language())
    written = format_decimal(value, locale=locale, decimal_quantization=False)
    places = len(text.partition(".")[2])
    shown = len(written.rpartition(get_decimal_symbol(locale))[2])
    return sign + written + "0" * (places - shown)


def percent(share: Fraction) -> str:
    """A share of people, rounded to a whole percentage: "40%", "40 %"."""
    from decimal import Decimal

    from babel.numbers import format_percent

    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return format_percent(exact, locale=_locale(current_language()))


def from_now(seconds: int) -> str:
    """How long until a moment, rounded to its largest unit, as the language says it: "in 12
    minutes", "dans 12 minutes", "baada ya dakika 12"."""
    from babel.dates import format_timedelta

    return format_timedelta(timedelta(seconds=seconds), add_direction=True, locale=_locale(current_language()))


def duration(seconds: int) -> str:
    """A length of time rounded to its largest unit, as the language says it: "1 week", "dakika 2"."""
    from babel.dates import format_timedelta

    return format_timedelta(timedelta(seconds=seconds), locale=_locale(current_language()))
