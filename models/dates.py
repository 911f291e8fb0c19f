"""Date arithmetic shared by the timeline and the pattern analysis: gaps, uncertain ranges, ages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from operator import itemgetter

from models.case import Event
from models.partial_date import PartialDate

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()
MS_PER_DAY = 86_400_000
DAYS_PER_MONTH = 365.2425 / 12

# How far "around" (an approximate date) reaches beyond the range its precision already covers.
_APPROXIMATE_SLACK = {"day": 7, "month": 31, "year": 183}


def day_ms(day: dt.date) -> float:
    """Milliseconds since 1970-01-01: the numeric form plotly's date axes accept."""
    return float((day.toordinal() - EPOCH_ORDINAL) * MS_PER_DAY)


def ms_day(ms: float) -> dt.date:
    """The day holding ``ms`` (inverse of :func:`day_ms`)."""
    return dt.date.fromordinal(int(ms // MS_PER_DAY) + EPOCH_ORDINAL)


def is_fuzzy(value: PartialDate) -> bool:
    """Whether the date covers more than one day or is marked approximate."""
    return value.approximate or value.day is None


def uncertain_range(value: PartialDate) -> tuple[dt.date, dt.date]:
    """First and last day the date may mean; an approximate date reaches a little further each way.

    ``2015-03`` covers March; ``~2015-03`` also a month either side; ``~2015`` half a year either side.
    """
    first, last = value.earliest(), value.latest()
    if value.approximate:
        slack = dt.timedelta(days=_APPROXIMATE_SLACK[value.precision])
        first, last = first - slack, last + slack
    return first, last


def event_interval(event: Event) -> tuple[dt.date, dt.date]:
    """The days an event may cover: from the first day its (uncertain) date may mean to the last day its
    (uncertain) end, or for a moment its date, may mean."""
    first, last = uncertain_range(event.date)
    if event.end is not None:
        last = uncertain_range(event.end)[1]
    return first, last


def event_gaps(events: Iterable[Event], gap_months: float, until: dt.date | None = None) -> list[Gap]:
    """Stretches longer than ``gap_months`` that none of ``events`` covers (up to ``until`` in story mode)."""
    intervals = [event_interval(event) for event in events if until is None or event.date.earliest() <= until]
    return find_gaps(intervals, gap_months, until=until)


@dataclass(frozen=True)
class Gap:
    """A stretch of time without any information."""

    start: dt.date
    end: dt.date

    @property
    def months(self) -> float:
        return (self.end - self.start).days / DAYS_PER_MONTH


def find_gaps(intervals: Iterable[tuple[dt.date, dt.date]], min_months: float,
              until: dt.date | None = None) -> list[Gap]:
    """Stretches longer than ``min_months`` that no interval covers, between the first and the last.

    ``intervals`` are the days each event covers (a moment's uncertain range, a period from start to end).
    With ``until`` (story mode), the time from the last interval up to that day counts too.
    """
    # by start only (faster than whole tuples: thousands of events): intervals that start together give the same gaps
    # in any order
    spans = sorted(intervals, key=itemgetter(0))
    if not spans or min_months <= 0:
        return []
    min_days = min_months * DAYS_PER_MONTH
    gaps: list[Gap] = []
    covered_to = spans[0][1]
    for start, end in spans[1:]:
        if start > covered_to and (start - covered_to).days > min_days:  # (most start inside: no subtraction)
            gaps.append(Gap(covered_to, start))
        if end > covered_to:
            covered_to = end
    if until is not None and (until - covered_to).days > min_days:
        gaps.append(Gap(covered_to, until))
    return gaps


def birthday(birth: dt.date, year: int) -> dt.date:
    """The birthday in ``year`` (29 February becomes 28 February in other years)."""
    try:
        return birth.replace(year=year)
    except ValueError:
        return dt.date(year, 2, 28)


def age_marks(birth: PartialDate | None, start: dt.date, end: dt.date, step: int = 1) -> list[tuple[dt.date, int]]:
    """``(day, age)`` at each birthday between ``start`` and ``end``, every ``step`` years (age ≥ 1).

    A birth known only to the month or year is anchored on the middle of that month or year.
    """
    if birth is None:
        return []
    anchor = birth.earliest() if birth.precision == "day" else birth.midpoint()
    marks = []
    for age in range(1, 130):
        day = birthday(anchor, anchor.year + age)
        if day > end:
            break
        if day >= start and age % step == 0:
            marks.append((day, age))
    return marks


def duration_text(months: float, lang: str) -> str:
    """``"2 jr 3 mnd"`` / ``"2 yrs 3 mos"`` for a length of time, rounded to whole months."""
    total = round(months)
    years, rest = divmod(total, 12)
    if lang == "en":
        parts = ([f"{years} yr" + ("s" if years != 1 else "")] if years else []) + \
                ([f"{rest} mo" + ("s" if rest != 1 else "")] if rest else [])
    else:
        parts = ([f"{years} jr"] if years else []) + ([f"{rest} mnd"] if rest else [])
    return " ".join(parts) or ("0 mnd" if lang != "en" else "0 mos")
