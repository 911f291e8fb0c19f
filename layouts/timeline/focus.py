"""The story in focus, and words for the stretch of time shown.

A case whose family history starts decades before the child (grandparents' marriage, a parent's own youth)
would squeeze the child's story into the right quarter of the axis. :func:`story_start` finds where the
child's story begins (the child's birth, or a formal event shortly before it); :func:`focus_range` is the
x range the timeline opens on when the history before it takes more than :data:`FOCUS_SHARE` of the axis.
The earlier history stays on the window slider (the strip under the plot, spanning the whole case), is
announced at the plot's left edge (:func:`history_note`) and is opened with the view state's ``history``.

Zooming in (a relayout) fits the labels again for the range shown (:func:`relayout_range`,
:func:`range_words`), so that more marks get their words.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from typing import Any

from layouts.style import INK, PAPER
from layouts.texts import text
from layouts.timeline.event_labels import fit_words, in_range, reaching_in, word_notes
from layouts.timeline.lanes import PlacedEvent, TimelineLayout
from layouts.timeline.packing import visible_span
from layouts.timeline.text import esc
from models.case import Case
from models.vocabulary import Layer

FOCUS_SHARE = 0.2
"""The share of the axis the history before the child's story may take before the axis opens on the story."""

PAD_DAYS = 91
"""The axis opens at most this long (real time) before the child's story."""

PRENATAL_YEARS = 2
"""A formal event up to this long before the child's birth (pregnancy, an unborn child's protection) starts
the story; one earlier belongs to the family's history."""

HISTORY_NAME = "timeline-history"
"""The ``name`` of the note at the plot's left edge that says the family history lies before it."""


def story_start(case: Case, layout: TimelineLayout | None = None) -> dt.date | None:
    """Where the child's story begins: the child's birth or, when earlier, the first formal event up to
    :data:`PRENATAL_YEARS` before it; without a known birth the first formal event (None: neither). The formal
    events' first days are read from ``layout`` when it holds every event of the case."""
    index = case.index()
    birth = index.birth.earliest() if index is not None and index.birth is not None else None
    if layout is not None and len(layout.placed) == len(case.events):  # formal lanes lie above the axis (y > 0)
        formal = [item.start_day for item in layout.placed if item.y > 0]
    else:
        formal = [event.start_day() for event in case.events if event.layer == Layer.FORMAL]
    if birth is None:
        return min(formal, default=None)
    # (birth - day).days <= PRENATAL_YEARS * 365.25, as one comparison of days (thousands of formal events)
    earliest = dt.date.fromordinal(max(birth.toordinal() - math.floor(PRENATAL_YEARS * 365.25), 1))
    return min(birth, min((day for day in formal if day >= earliest), default=birth))


def focus_range(case: Case, layout: TimelineLayout) -> tuple[float, float] | None:
    """The x range (ms) the axis opens on: from a little before the child's story to the end, or None when
    the history before the story takes no more than :data:`FOCUS_SHARE` of the axis (kept in the layout)."""
    if ("focus",) not in layout.marks_cache:
        layout.marks_cache[("focus",)] = _focus_range(case, layout)
    return layout.marks_cache[("focus",)]


def _focus_range(case: Case, layout: TimelineLayout) -> tuple[float, float] | None:
    start = story_start(case, layout)
    lo, hi = layout.x_range
    if start is None or layout.first_day is None or not lo < layout.x_of(start) < hi:
        return None
    x = layout.x_of(start)
    before, whole = visible_span((lo, x), layout.breaks), layout.visible_ms()
    if before <= FOCUS_SHARE * whole:
        return None
    pad = 0.02 * visible_span((x, hi), layout.breaks)
    # a little before the story: on the focus axis a quiet year is narrow, so at most a season of real time
    return max(x - pad, layout.x_of(start - dt.timedelta(days=PAD_DAYS))), hi


def history_note(case: Case, layout: TimelineLayout, x_range: tuple[float, float], lang: str, font_px: int
                 ) -> dict[str, Any]:
    """The note at the plot's left edge: "◀ family history 1968–2004 · 12 events" (the events before the
    range shown)."""
    earlier = [item for item in layout.placed if item.x < x_range[0]]
    first = min((item.start_day for item in earlier), default=layout.day_of(layout.x_range[0]))
    last = layout.day_of(x_range[0])
    label = text("timeline_history", lang, start=first.year, end=last.year, n=len(earlier))
    return {"x": 0, "xref": "paper", "xanchor": "left", "y": 1, "yref": "paper", "yanchor": "bottom",
            "text": f"◀ {esc(label)}", "showarrow": False, "font": {"size": font_px, "color": INK},
            "bgcolor": PAPER, "name": HISTORY_NAME, "hovertext": esc(text("timeline_history_hint", lang))}


# --- words for the range shown ---------------------------------------------------------------------------------


def _ms(value: Any) -> float | None:
    """plotly's axis value (a date string, or ms) as ms since 1970."""
    if isinstance(value, int | float):
        return float(value)
    try:
        moment = dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None
    return (moment - dt.datetime(1970, 1, 1, tzinfo=moment.tzinfo)).total_seconds() * 1000


def relayout_range(data: Mapping[str, Any] | None) -> tuple[float, float] | str | None:
    """The x range (ms) a plotly ``relayoutData`` zooms to, ``"reset"`` when it returns to the whole axis
    (autorange), None when it says nothing about the time axis (a resize, a lane drag).

    >>> relayout_range({"xaxis.range[0]": "2010-01-01", "xaxis.range[1]": "2011-01-01"})
    (1262304000000.0, 1293840000000.0)
    >>> relayout_range({"xaxis2.autorange": True}), relayout_range({"autosize": True})
    ('reset', None)
    """
    if not data:
        return None
    for axis in ("xaxis", "xaxis2"):
        pair = data.get(f"{axis}.range")
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            pair = (data.get(f"{axis}.range[0]"), data.get(f"{axis}.range[1]"))
        lo, hi = (_ms(value) if value is not None else None for value in pair)
        if lo is not None and hi is not None and lo < hi:
            return lo, hi
        if data.get(f"{axis}.autorange"):
            return "reset"
    return None


KEPT_RANGE_FITS = 8
"""Fits for a zoomed range a layout keeps (the last is what the browser shows)."""


def range_words(case: Case, layout: TimelineLayout, drawn: Sequence[PlacedEvent], lang: str, projector: bool,
                margin_px: float, x_range: tuple[float, float], plot_px: float,
                gap_notes: Sequence[dict] = (), until: float | None = None,
                band_rows: float = 0.0) -> list[dict[str, Any]]:
    """The label and key-moment-word annotations for the events of ``drawn`` in ``x_range`` (ms), fitted for
    that range on a plot ``plot_px`` wide (the priority rules as for the whole axis); key moments up to
    ``until`` (ms; story mode's day); ``band_rows``: the wall's label rows. The fit is kept last in the layout's
    words (what the browser now shows: the workshop's added titles keep clear of it)."""
    shown = in_range(drawn, x_range)
    fitted = fit_words(case, layout, shown, lang, projector, margin_px, gap_notes, plot_px + margin_px + 12,
                       x_range, until, reaching_in(drawn, x_range), band_rows)
    key = (lang, projector, "range", margin_px, plot_px, x_range, until, band_rows)
    layout.words_cache.pop(key, None)
    layout.words_cache[key] = fitted
    ranges = [old for old in layout.words_cache if "range" in old]
    for old in ranges[:-KEPT_RANGE_FITS]:  # a long session of zooming keeps the last few
        del layout.words_cache[old]
    return word_notes(fitted, shown, projector, wall=band_rows > 0)
