"""How marks share the sub-rows of a lane, and which empty stretches the time axis leaves out.

Pure helpers of :func:`layouts.timeline.lanes.timeline_layout`; they know numbers (ms), not events.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Iterable
from dataclasses import dataclass, field

from layouts.timeline.style import MAX_MOMENT_ROWS
from models.case import Case
from models.dates import DAYS_PER_MONTH, day_ms, event_gaps, event_interval

# --- stacking ----------------------------------------------------------------------------------------


def stack_intervals(intervals: list[tuple[float, float]], gap: float = 0.0,
                    max_rows: int | None = None) -> list[int]:
    """First-fit rows for intervals (in input order: pass them sorted by start) so that none overlap.

    Two intervals share a row only when one ends more than ``gap`` before the other starts. With
    ``max_rows``, an interval that fits nowhere goes to the row that frees up first (it overlaps).
    """
    row_ends: list[float] = []
    rows: list[int] = []
    for start, end in intervals:
        for row, row_end in enumerate(row_ends):
            if row_end + gap < start:
                row_ends[row] = end
                rows.append(row)
                break
        else:
            if max_rows is None or len(row_ends) < max_rows:
                row_ends.append(end)
                rows.append(len(row_ends) - 1)
            else:
                row = min(range(len(row_ends)), key=row_ends.__getitem__)
                row_ends[row] = max(row_ends[row], end)
                rows.append(row)
    return rows


# --- the time axis: leaving out empty years ------------------------------------------------------------

COMPRESS_MIN_MONTHS = 24   # stretches without any event at least this long are shortened on the axis
_MS_PER_MONTH = DAYS_PER_MONTH * 86_400_000


def axis_breaks(case: Case, gap_start: float | None = None) -> tuple[tuple[float, float], ...]:
    """Parts of long stretches without information (in the whole case) that the time axis leaves out.

    Each stretch of at least :data:`COMPRESS_MIN_MONTHS` keeps a visible stub (about a twentieth of the
    case's remaining span, 6 to 12 months) that carries its "no information" band and label; the rest is
    left out, so that the years of a family's prehistory with one birth in them do not take most of the axis.
    """
    gaps = event_gaps(case.events, COMPRESS_MIN_MONTHS)
    if not gaps:
        return ()
    intervals = [event_interval(event) for event in case.events]
    first = min(lo for lo, _ in intervals)
    last = max(hi for _, hi in intervals)
    total = day_ms(last) - day_ms(first)
    empty = sum(day_ms(gap.end) - day_ms(gap.start) for gap in gaps)
    keep = min(max((total - empty) / 20, 6 * _MS_PER_MONTH), 12 * _MS_PER_MONTH)
    breaks = []
    for gap in gaps:
        x0, x1 = day_ms(gap.start) + keep / 2, day_ms(gap.end) - keep / 2
        if x1 - x0 > 3 * _MS_PER_MONTH:
            breaks.append((x0, x1))
    return tuple(breaks)


def broken_gaps(case: Case, breaks: Iterable[tuple[float, float]]) -> list[tuple[float, float]]:
    """The stretches (ms) without information that hold one of ``breaks``: the break and its stubs, which carry
    the gap's band and label."""
    found = [(day_ms(gap.start), day_ms(gap.end)) for gap in event_gaps(case.events, COMPRESS_MIN_MONTHS)]
    return [(x0, x1) for x0, x1 in found if any(x0 <= b0 and b1 <= x1 for b0, b1 in breaks)]


def visible_span(x_range: tuple[float, float], breaks: Iterable[tuple[float, float]]) -> float:
    """The length of ``x_range`` without the parts inside ``breaks``."""
    lo, hi = x_range
    return (hi - lo) - sum(max(0.0, min(b1, hi) - max(b0, lo)) for b0, b1 in breaks)


# --- packing a lane -------------------------------------------------------------------------------------------


_Rows = tuple[list[tuple[list[float], list[float]]], list[float]]
"""A lane's rows as they fill: per row the starts and ends of its marks (sorted by start), and where its marks end."""


def pack_lane(moments: list[tuple[float, float]], spans: list[tuple[float, float]], gap: float,
              max_moment_rows: int = MAX_MOMENT_ROWS, max_span_rows: int | None = None
              ) -> tuple[list[int], list[int], int]:
    """Rows for the moments and the periods of one lane, periods and moments sharing rows.

    A period goes to the first row where it fits (periods overlap only beyond ``max_span_rows`` rows, in the
    row that frees first); a moment goes to the first row where it touches nothing, within
    ``max_moment_rows`` rows or as many as the periods took — beyond that it overlaps in the row whose marks
    end first. Returns (moment rows, span rows, number of rows).
    """
    span_rows, (rows, last_end) = pack_spans(spans, gap, max_span_rows)
    moment_rows = _pack_moments(moments, rows, last_end, gap, max(len(rows), max_moment_rows))
    return moment_rows, span_rows, max(len(rows), 1)


def pack_spans(spans: list[tuple[float, float]], gap: float, max_span_rows: int | None = None
               ) -> tuple[list[int], _Rows]:
    """The periods' rows as :func:`pack_lane` gives them, and the rows they fill (for the moments to share)."""
    rows: list[tuple[list[float], list[float]]] = []  # per row: starts and ends, sorted by start
    last_end: list[float] = []                       # per row: where its marks end

    def put(row: int, lo: float, hi: float) -> None:
        starts, ends = rows[row]
        k = bisect.bisect_left(starts, lo)
        starts.insert(k, lo)
        ends.insert(k, hi)
        last_end[row] = max(last_end[row], hi)

    def first_free(lo: float, hi: float, limit: int | None) -> int:
        for row, (starts, ends) in enumerate(rows):  # the first row where [lo, hi] touches no mark
            k = bisect.bisect_left(starts, lo)
            if not (k > 0 and ends[k - 1] + gap >= lo) and not (k < len(starts) and starts[k] - gap <= hi):
                return row
        if limit is None or len(rows) < limit:
            rows.append(([], []))
            last_end.append(-math.inf)
            return len(rows) - 1
        return min(range(len(rows)), key=last_end.__getitem__)  # crowded: overlap where the marks end first

    span_rows = [0] * len(spans)
    for i in sorted(range(len(spans)), key=lambda i: spans[i]):
        lo, hi = spans[i]
        # periods come in order of their start and are alone in the rows so far: a row is free when its
        # last period ends before this one starts
        row = next((r for r, end in enumerate(last_end) if end + gap < lo), None)
        if row is None:
            row = first_free(lo, hi, max_span_rows)
        span_rows[i] = row
        put(row, lo, hi)
    return span_rows, (rows, last_end)


def _pack_moments(moments: list[tuple[float, float]], rows: list[tuple[list[float], list[float]]],
                  last_end: list[float], gap: float, limit: int) -> list[int]:
    """Rows for ``moments`` among ``rows`` (starts and ends per row, sorted by start; ``last_end``: where each
    row's marks end), in order of start: the first row where a moment touches no mark, else a new row up to
    ``limit`` rows, else the row whose marks end first. ``rows`` and ``last_end`` are filled in place (with one
    row at most, every moment goes to it: only that row is made, not filled)."""
    moment_rows = [0] * len(moments)
    if limit <= 1 and len(rows) <= 1:
        if moments and not rows:
            rows.append(([], []))
            last_end.append(-math.inf)
        return moment_rows
    find = bisect.bisect_left
    for i in sorted(range(len(moments)), key=moments.__getitem__):  # first free row and put in one, per moment
        lo, hi = moments[i]
        for row, (starts, ends) in enumerate(rows):  # noqa: B007  (the row found is used after the loop)
            if not starts or starts[-1] <= lo:  # (most rows: moments come in order) the row's marks all start before
                if not starts or ends[-1] + gap < lo:  # free: the moment goes last (a mark starting at lo is not)
                    k = len(starts)
                    break
                continue
            k = find(starts, lo)
            if not (k > 0 and ends[k - 1] + gap >= lo) and not starts[k] - gap <= hi:
                break
        else:  # no row is free: a new one, or (crowded) the one whose marks end first (the first such)
            if len(rows) < limit:
                rows.append(([], []))
                last_end.append(-math.inf)
                row = len(rows) - 1
            else:
                row = last_end.index(min(last_end))
            starts, ends = rows[row]
            k = find(starts, lo)
        if k == len(starts):
            starts.append(lo)
            ends.append(hi)
        else:
            starts.insert(k, lo)
            ends.insert(k, hi)
        if hi > last_end[row]:
            last_end[row] = hi
        moment_rows[i] = row
    return moment_rows


@dataclass
class LanePacking:
    """Each event's sub-row and each lane's number of rows, filled as lanes are packed (and packed again when
    lanes merge). ``intervals``: each event's stretch on screen (ms); ``members``: a lane's event indices.

    Moments packed into one row (``moment_cap`` 1, compact) share the rows the periods take and never add one:
    the lane's rows are its periods' rows, and its moments' rows wait for :meth:`finish` — most such lanes are
    merged into another and packed again there before their rows count."""

    intervals: list[tuple[float, float]]
    is_span: list[bool]
    gap_ms: float
    compact: bool
    row_of: list[int]
    n_rows: dict[str, int] = field(default_factory=dict)
    _waiting: dict[str, tuple[list[int], list[int], list[int], _Rows]] = field(default_factory=dict)

    def pack(self, key: str, members: list[int], moment_cap: int = MAX_MOMENT_ROWS,
             span_cap: int | None = None) -> int:
        """Pack the events ``members`` into the sub-rows of lane ``key``; the number of rows it takes."""
        if self.compact and moment_cap == 1:  # the periods now; the moments join their rows in finish()
            is_span, intervals = self.is_span, self.intervals
            spans = [i for i in members if is_span[i]]
            span_rows, rows = pack_spans([intervals[i] for i in spans], self.gap_ms, span_cap)
            self._waiting[key] = ([i for i in members if not is_span[i]], spans, span_rows, rows)
            self.n_rows[key] = max(len(rows[0]), 1)
            return self.n_rows[key]
        self._waiting.pop(key, None)
        return self._pack_now(key, members, moment_cap, span_cap)

    def finish(self) -> None:
        """Give the moments of the lanes packed into one row (and still lanes of their own) their rows: in the
        rows their periods took (as :func:`pack_lane` would, the periods not packed again)."""
        intervals, row_of = self.intervals, self.row_of
        for key, (moments, spans, span_rows, (rows, last_end)) in self._waiting.items():
            if key not in self.n_rows:
                continue
            moment_rows = _pack_moments([intervals[i] for i in moments], rows, last_end, self.gap_ms,
                                        max(len(rows), 1))
            for i, row in zip(moments, moment_rows, strict=True):
                row_of[i] = row
            for i, row in zip(spans, span_rows, strict=True):
                row_of[i] = row
            self.n_rows[key] = max(len(rows), 1)
        self._waiting.clear()

    def _pack_now(self, key: str, members: list[int], moment_cap: int, span_cap: int | None) -> int:
        moments = [i for i in members if not self.is_span[i]]
        spans = [i for i in members if self.is_span[i]]
        intervals = self.intervals
        if self.compact:
            moment_rows, span_rows, used = pack_lane([intervals[i] for i in moments], [intervals[i] for i in spans],
                                                     self.gap_ms, moment_cap, span_cap)
        else:  # moments on top (at most MAX_MOMENT_ROWS rows), periods below them
            moment_rows = stack_intervals([intervals[i] for i in moments], max_rows=MAX_MOMENT_ROWS)
            first_span_row = max(moment_rows) + 1 if moment_rows else 0
            ordered = sorted(spans, key=lambda i: intervals[i])
            stacked = stack_intervals([intervals[i] for i in ordered], gap=self.gap_ms)
            span_rows = [0] * len(spans)
            position = {i: k for k, i in enumerate(spans)}
            for i, row in zip(ordered, stacked, strict=True):
                span_rows[position[i]] = first_span_row + row
            used = max([*moment_rows, *span_rows, -1]) + 1
        for i, row in zip(moments, moment_rows, strict=True):
            self.row_of[i] = row
        for i, row in zip(spans, span_rows, strict=True):
            self.row_of[i] = row
        self.n_rows[key] = used
        return used
