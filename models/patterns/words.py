"""Plain words for figures, as a team says them: ``bijna 13 jaar``, ``3 keer in 2 jaar``, ``12 maart 2022``.

>>> duration(4700)
'bijna 13 jaar'
>>> duration(45, "en")
'6 weeks'
>>> duration(519)
'bijna anderhalf jaar'
>>> times_in(3, 700)
'3 keer in 2 jaar'
"""

from __future__ import annotations

import datetime as dt

from models.partial_date import MONTHS

_UNITS = {"nl": {"day": ("dag", "dagen"), "week": ("week", "weken"), "month": ("maand", "maanden"),
                 "year": ("jaar", "jaar")},
          "en": {"day": ("day", "days"), "week": ("week", "weeks"), "month": ("month", "months"),
                 "year": ("year", "years")}}


def _almost(lang: str) -> str:
    return "almost" if lang == "en" else "bijna"


def _more(lang: str) -> str:
    return "over" if lang == "en" else "ruim"


def _unit(count: int, unit: str, lang: str) -> str:
    one, many = _UNITS.get(lang, _UNITS["nl"])[unit]
    return f"{count} {one if count == 1 else many}"


def duration(days: int, lang: str = "nl") -> str:
    """A span of days in the largest unit that reads well, with ``bijna``/``ruim`` where it helps."""
    if days < 14:
        return _unit(max(days, 0), "day", lang)
    if days < 61:
        return _unit(round(days / 7), "week", lang)
    if days < 330:
        months = days / 30.44
        return _rounded(months, "month", lang)
    years = days / 365.25
    if years < 3 and abs(years * 2 - round(years * 2)) < 0.3 and round(years * 2) % 2 == 1:
        return _half_years(years, lang)
    return _rounded(years, "year", lang)


def _half_years(years: float, lang: str) -> str:
    """``anderhalf jaar``, ``bijna tweeënhalf jaar`` (for 1.5 and 2.5 years, give or take)."""
    half = round(years * 2) / 2
    word = ("anderhalf jaar" if half == 1.5 else "tweeënhalf jaar") if lang != "en" else \
        ("a year and a half" if half == 1.5 else "two and a half years")
    if abs(years - half) < 0.05:
        return word
    return f"{_almost(lang) if half > years else _more(lang)} {word}"


def _rounded(value: float, unit: str, lang: str) -> str:
    whole = round(value)
    if abs(value - whole) < 0.1 or whole == 0:
        return _unit(max(whole, 1), unit, lang)
    prefix = _almost(lang) if whole > value else _more(lang)
    return f"{prefix} {_unit(whole, unit, lang)}"


def times_in(count: int, days: int, lang: str = "nl") -> str:
    """``3 keer in 2 jaar`` / ``3 times in 2 years`` (a whole span, rounded)."""
    word = "keer" if lang == "nl" else ("time" if count == 1 else "times")
    span = duration(days, lang).replace(_almost(lang) + " ", "").replace(_more(lang) + " ", "")
    return f"{count} {word} in {span}"


def format_day(day: dt.date, lang: str = "nl") -> str:
    """``12 maart 2022`` / ``12 March 2022``."""
    months = MONTHS.get(lang, MONTHS["nl"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def format_month(day: dt.date, lang: str = "nl") -> str:
    """``maart 2022`` / ``March 2022``."""
    months = MONTHS.get(lang, MONTHS["nl"])
    return f"{months[day.month - 1]} {day.year}"


def fmt_number(value: float, lang: str = "nl", digits: int = 1) -> str:
    """A number rounded to at most ``digits`` decimals, without trailing zeros (``22``, not ``22,0``), with a
    decimal comma in Dutch (``2,5``) and a point in English (``2.5``)."""
    text = f"{float(value):.{max(0, digits)}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text.replace(".", ",") if lang == "nl" else text


def plural(count: int, singular: str, plural_form: str) -> str:
    """``1 verhuizing``, ``2 verhuizingen``."""
    return f"{count} {singular if count == 1 else plural_form}"


def names(items: list[str], lang: str = "nl") -> str:
    """``A, B en C`` / ``A, B and C``."""
    if len(items) <= 1:
        return "".join(items)
    word = " en " if lang == "nl" else " and "
    return ", ".join(items[:-1]) + word + items[-1]
