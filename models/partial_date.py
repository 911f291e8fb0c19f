"""Partial dates: a year, a year and month, or a full date, optionally approximate.

In JSON a partial date is a string: ``"2015"``, ``"2015-03"``, ``"2015-03-12"``;
a leading ``~`` marks it approximate (``"~1952"`` reads "around 1952").
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache, total_ordering
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

PARTIAL_DATE_PATTERN = r"^~?\d{4}(-\d{2}(-\d{2})?)?$"
_PARSE = re.compile(r"^(~)?(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

MONTHS = {
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli",
           "augustus", "september", "oktober", "november", "december"],
    "en": ["January", "February", "March", "April", "May", "June", "July",
           "August", "September", "October", "November", "December"],
}
_ABOUT = {"nl": "ca.", "en": "c."}


@total_ordering
class PartialDate:
    """A date known to the year, the month or the day; sorts by its earliest day.

    Treat instances as immutable: parsed values are shared (see ``_parse_cached``).
    """

    __slots__ = ("approximate", "day", "month", "number", "year")

    def __init__(self, year: int, month: int | None = None, day: int | None = None,
                 approximate: bool = False) -> None:
        if day is not None and month is None:
            raise ValueError("a day needs a month")
        if not 1 <= year <= 9999:
            raise ValueError(f"year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None and not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"day {day} does not exist in {year}-{month:02d}")
        self.year = year
        self.month = month
        self.day = day
        self.approximate = approximate
        self.number = year * 10_000 + (month or 0) * 100 + (day or 0)
        """:meth:`sort_key` as one number, year × 10,000 + month × 100 + day (thousands of events are sorted)."""

    # --- construction -------------------------------------------------------
    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``[~]YYYY[-MM[-DD]]``; raise ``ValueError`` with a readable reason."""
        match = _PARSE.match(text.strip())
        if not match:
            raise ValueError(f"'{text}' is not a date like 2015, 2015-03 or 2015-03-12")
        about, year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None,
                   approximate=bool(about))

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        return cls(value.year, value.month, value.day)

    def with_approximate(self, approximate: bool = True) -> PartialDate:
        return PartialDate(self.year, self.month, self.day, approximate)

    # --- views --------------------------------------------------------------
    @property
    def precision(self) -> str:
        """``"year"``, ``"month"`` or ``"day"``."""
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        """The first day this partial date could mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day this partial date could mean."""
        if self.day:
            return dt.date(self.year, self.month, self.day)
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def midpoint(self) -> dt.date:
        """The middle of the range this partial date covers (used to place it on an axis)."""
        first, last = self.earliest(), self.latest()
        return first + (last - first) // 2

    def sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def iso(self) -> str:
        """The JSON form, e.g. ``~2015-03``."""
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return ("~" if self.approximate else "") + text

    def format(self, lang: str = "nl") -> str:
        """Write the date as a reader of ``lang`` would: ``12 maart 2015``, ``ca. 2015``."""
        months = MONTHS.get(lang, MONTHS["nl"])
        if self.day:
            text = f"{self.day} {months[self.month - 1]} {self.year}"
        elif self.month:
            text = f"{months[self.month - 1]} {self.year}"
        else:
            text = str(self.year)
        if self.approximate:
            text = f"{_ABOUT.get(lang, _ABOUT['nl'])} {text}"
        return text

    # --- comparison -----------------------------------------------------------
    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() == other.sort_key() and self.approximate == other.approximate

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self.sort_key() < other.sort_key()

    def __hash__(self) -> int:  # hash((self.sort_key(), self.approximate)), inline: thousands are hashed per layout
        return hash(((self.year, self.month or 0, self.day or 0), self.approximate))

    def __repr__(self) -> str:
        return f"PartialDate({self.iso()!r})"

    def __str__(self) -> str:
        return self.iso()

    # --- pydantic integration ------------------------------------------------
    @classmethod
    def _validate(cls, value: Any) -> PartialDate:
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, dt.date):
            return cls.from_date(value)
        if not isinstance(value, str):
            raise PydanticCustomError(
                "partial_date_type", "expected a date as text, like 2015, 2015-03 or 2015-03-12")
        try:
            return _parse_cached(value)
        except ValueError as exc:
            if not _PARSE.match(value.strip()):
                raise PydanticCustomError(
                    "partial_date_format", "'{value}' is not a date like 2015, 2015-03 or 2015-03-12",
                    {"value": value[:40]}) from None
            raise PydanticCustomError(
                "partial_date_impossible", "'{value}' does not exist in the calendar ({reason})",
                {"value": value[:40], "reason": str(exc)}) from None

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler
                                     ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda value: value.iso(), when_used="always"),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema,
                                     handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "description": "A year, year-month or full date (YYYY, YYYY-MM, YYYY-MM-DD); "
                           "a leading ~ marks it approximate.",
            "examples": ["2015", "2015-03", "2015-03-12", "~1952"],
        }


@lru_cache(maxsize=8192)
def _parse_cached(text: str) -> PartialDate:
    """Parsing is pure, and a case repeats many dates: share the parsed values."""
    return PartialDate.parse(text)


_DUTCH_DAY = re.compile(r"^(~?)(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")
_DUTCH_MONTH = re.compile(r"^(~?)(\d{1,2})[-/.](\d{4})$")
_ABOUT_WORDS = re.compile(r"^(ca\.?|circa|ongeveer|approx\.?|about)\s*", flags=re.IGNORECASE)


def normal_date(text: Any) -> Any:
    """Dates as people type them (``12-3-2015``, ``3-2015``, ``ca. 2015``) in the case format's form.

    >>> normal_date("12-3-2015"), normal_date("ca. 3-2015"), normal_date("2015")
    ('2015-03-12', '~2015-03', '2015')

    Anything else comes back as it is (stripped), for the parser to report.
    """
    if not isinstance(text, str):
        return text
    value = _ABOUT_WORDS.sub("~", text.strip())
    if match := _DUTCH_DAY.match(value):
        tilde, day, month, year = match.groups()
        return f"{tilde}{year}-{int(month):02d}-{int(day):02d}"
    if match := _DUTCH_MONTH.match(value):
        tilde, month, year = match.groups()
        return f"{tilde}{year}-{int(month):02d}"
    return value


def dutch_date(value: PartialDate) -> str:
    """The date as a Dutch spreadsheet user types it; :func:`normal_date` reads it back.

    >>> dutch_date(PartialDate(2015, 3, 12)), dutch_date(PartialDate(2015, 3)), dutch_date(PartialDate.parse("~2015"))
    ('12-3-2015', '3-2015', 'ca. 2015')
    """
    text = f"{value.year:04d}"
    if value.month:
        text = f"{value.month}-{text}"
    if value.day:
        text = f"{value.day}-{text}"
    return f"ca. {text}" if value.approximate else text
