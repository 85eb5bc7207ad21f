"""Dates, times, numbers and percentages as CLDR writes them in the language being spoken.

"jeudi 10 décembre 2026", "Alhamisi, 10 Desemba 2026", "14:05", "40 %": Babel's CLDR data, in
the language of the current scope (`meeting.i18n`). Babel is imported on first use, not with
this module: the console's start-up time counts every import.
"""

from __future__ import annotations

from datetime import date, datetime, time
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING

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


def long_date(day: date) -> str:
    """The date in full, weekday first: "Thursday, 10 December 2026", "jeudi 10 décembre 2026"."""
    from babel.dates import format_date

    return format_date(day, "full", locale=_locale(current_language()))


def clock_time(moment: datetime | time) -> str:
    """A time of day, hours and minutes, as the language writes it ("14:05")."""
    from babel.dates import format_time

    return format_time(moment, "short", locale=_locale(current_language()))


def number(value: int) -> str:
    """A count with the language's grouping: "1,000", "1 000", "1.000"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_locale(current_language()))


def decimal(value: Fraction) -> str:
    """A fraction as a decimal to two places, to help the reader of an exact one: "12.67", "12,67"."""
    from decimal import Decimal

    from babel.numbers import format_decimal

    exact = Decimal(value.numerator) / Decimal(value.denominator)
    return format_decimal(exact, format="#,##0.00", locale=_locale(current_language()))


def percent(share: Fraction) -> str:
    """A share of people, rounded to a whole percentage: "40%", "40 %"."""
    from decimal import Decimal

    from babel.numbers import format_percent

    exact = Decimal(share.numerator) / Decimal(share.denominator)
    return format_percent(exact, locale=_locale(current_language()))
