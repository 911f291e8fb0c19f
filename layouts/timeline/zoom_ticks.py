"""Date ticks for a zoomed stretch of an axis whose ticks the figure sets itself.

On the wall's focus + context axis, and on an axis with breaks, the figure lists its ticks (whole years: plotly's
own would be in axis units, or bunch up beside a break). Zoomed into a few months such a list has no tick left in
view, and the room no longer sees when anything happened. A zoom therefore brings its own ticks: months where the
zoomed plot has room for them ("mrt 2019", then "apr", "mei"… and the year again at each January), every 2nd, 3rd
or 6th month where it has less, else the years as the full figure spaces them (:func:`.axis.year_ticks`); zoomed
into a few weeks, a tick a week.
"""

from __future__ import annotations

import datetime as dt
import itertools
import statistics
from typing import Any

from layouts.timeline.axis import axis_px, year_ticks
from layouts.timeline.figure_layout import part_of
from layouts.timeline.lanes import TimelineLayout
from layouts.timeline.style import text_px

SHORT_MONTHS = {
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}
MONTH_STEPS = (1, 2, 3, 6)
MOST_MONTH_YEARS = 4  # a zoom wider than this many years gets year ticks


def sets_own_ticks(layout: TimelineLayout, gl: bool) -> bool:
    """Whether the figure drawn for ``layout`` lists its date ticks (and a zoom must bring its own)."""
    return not gl and bool(layout.breaks or not layout.scale.linear)


def zoomed_ticks(layout: TimelineLayout, x_range: tuple[float, float], plot_px: float, font_px: int,
                 mark_font_px: int, lang: str) -> dict[str, Any]:
    """``tickmode``/``tickvals``/``ticktext`` for the axis shown over ``x_range`` on a plot ``plot_px`` wide."""
    lo, hi = x_range
    first, last = layout.day_of(lo), layout.day_of(hi)
    if (last - first).days <= MOST_MONTH_YEARS * 366:
        months = _month_ticks(layout, x_range, plot_px, font_px, lang, first, last)
        if months is not None:
            return months
    if (last - first).days <= 93:  # a deep zoom: a tick a week ("8 mrt")
        names = SHORT_MONTHS.get(lang, SHORT_MONTHS["nl"])
        span = max((last - first).days, 1)
        weeks = next((k for k in (1, 2, 4) if 7 * k * plot_px / span >= text_px(6, font_px) + 14), 8)
        days = [first + dt.timedelta(days=k) for k in range(1, span, 7 * weeks)]
        return {"tickmode": "array", "tickvals": [layout.x_of(day) for day in days],
                "ticktext": [f"{day.day} {names[day.month - 1]}" for day in days], "tickangle": 0}
    return year_ticks(part_of(layout, x_range), [lo, hi], font_px, mark_font_px, False, always=True, plot_px=plot_px) \
        or {"tickmode": "array", "tickvals": [], "ticktext": []}


def _month_ticks(layout: TimelineLayout, x_range: tuple[float, float], plot_px: float, font_px: int, lang: str,
                 first: dt.date, last: dt.date) -> dict[str, Any] | None:
    """Ticks at the first of every 1st/2nd/3rd/6th month (the finest whose labels keep apart), or None (fewer than
    three: a deeper zoom gets weeks)."""
    lo, hi = x_range
    _, px = axis_px(part_of(layout, x_range), plot_px)
    names = SHORT_MONTHS.get(lang, SHORT_MONTHS["nl"])
    need = text_px(len("mrt 2019"), font_px) + 14
    starts = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        starts.append(dt.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    for step in MONTH_STEPS:
        days = [day for day in starts if (day.month - 1) % step == 0]
        xs = [layout.x_of(day) for day in days]
        inside = [(day, x) for day, x in zip(days, xs, strict=True)
                  if lo <= x <= hi and not any(b0 <= x <= b1 for b0, b1 in layout.breaks)]
        gaps = [px(b) - px(a) for (_, a), (_, b) in itertools.pairwise(inside)]
        if len(inside) < 2 or statistics.median(gaps) < need:
            continue
        vals: list[float] = []
        labels: list[str] = []
        shown_px, last_year = -1e9, 0
        for day, x in inside:
            if px(x) - shown_px < need or px(x) < need * 0.45 or px(x) > plot_px - need * 0.45:
                continue
            with_year = not labels or day.month == 1 or day.year != last_year
            labels.append(f"{names[day.month - 1]} {day.year}" if with_year else names[day.month - 1])
            vals.append(x)
            shown_px, last_year = px(x), day.year
        return {"tickmode": "array", "tickvals": vals, "ticktext": labels, "tickangle": 0} if len(vals) >= 3 else None
    return None
