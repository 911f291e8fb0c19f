"""Event labels for print: a poster has no hover, so each event mark gets its number and title beside it.

:func:`event_labels` numbers a case's events in time order (the report's list of events uses the same
numbers); :func:`label_events` writes them right of the marks of a figure sized for a sheet, cut to the room
before the next mark.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

import numpy as np
import plotly.graph_objects as go

from layouts.inert import drawn_text
from layouts.style import FONT_FAMILY, INK
from layouts.timeline.hover import point_ids
from layouts.timeline.packing import visible_span
from layouts.timeline.style import LINK_WORD_NAME
from models.dates import day_ms, ms_day

LABEL_PX = 11       # event labels
CHAR_EM = 0.6       # average glyph width of the sans-serif fallback, in em
_MARK_PX = 10       # half a marker plus a gap: where a label starts right of its mark


def _text_px(text: str, font_px: float) -> float:
    return len(re.sub(r"<[^>]+>", "", text)) * font_px * CHAR_EM


def _estimated_plot_width(fig: go.Figure) -> float:
    """The plot width a stretching figure will get: the canvas less lane labels and legend (estimated)."""
    layout = fig.layout
    base = (layout.font.size if layout.font and layout.font.size else 14)
    labels = [str(t) for name in layout if name.startswith("yaxis") and layout[name] is not None
              for t in (layout[name].ticktext or ())]
    left = max((_text_px(t, base) for t in labels), default=0) + 12
    legend_font = (layout.legend.font.size if layout.legend and layout.legend.font and layout.legend.font.size
                   else base)
    names = [str(t.name) for t in fig.data if t.showlegend is not False and t.name]
    vertical = layout.showlegend and not (layout.legend and layout.legend.orientation == "h")
    right = (max((_text_px(n, legend_font) for n in names), default=0) + 50) if names and vertical else 0
    margin = layout.margin
    return max(100.0, (layout.width or 1400) - (margin.l or 0) - (margin.r or 0) - left - right)


def label_events(fig: go.Figure, labels: Mapping[str, str], *, font_px: float = LABEL_PX) -> int:
    """Write ``labels[event id]`` right of each event mark where it fits (print has no hover). Returns the count.

    Marks are the traces whose ``customdata`` holds event ids (markers at ``x``, bars from ``base``); an event
    with a bar (a period) is labelled once, right of the bar's end. Per row, a label is cut to the room before
    the next mark or bar begins, and left out when even its number does not fit or when it would start on top
    of another event's bar. Works on a figure sized by :func:`fit_to_sheet` (stretching width, date axes in ms).
    """
    layout = fig.layout
    # the screen's labels (fitted to a screen's width) make way for the numbered ones of print
    layout.annotations = [note for note in layout.annotations if note.name != "timeline-label"]
    plot_w = _estimated_plot_width(fig)
    rows: dict[tuple[str, str, float], dict[str, list[float]]] = {}  # row → event id → [from x, to x]
    for trace in fig.data:
        ids = trace.customdata
        if ids is None or trace.type not in ("scatter", "scattergl", "bar"):
            continue
        xs = trace.base if trace.type == "bar" else trace.x
        if xs is None or trace.y is None:
            continue
        xs_arr, ys_arr = np.asarray(xs, dtype=float).ravel(), np.asarray(trace.y, dtype=float).ravel()
        ends = xs_arr
        if trace.type == "bar" and trace.x is not None:  # a period reaches to the end of its bar
            ends = xs_arr + np.asarray(trace.x, dtype=float).ravel()
        if xs_arr.size == 1 and len(ids) > 1:
            xs_arr, ends = np.full(len(ids), xs_arr[0]), np.full(len(ids), ends[0])
        for event_id, x, end, y in zip(point_ids(ids), xs_arr, ends, ys_arr, strict=False):
            if str(event_id) in labels and np.isfinite(x) and np.isfinite(end) and np.isfinite(y):
                key = (trace.xaxis or "x", trace.yaxis or "y", round(float(y), 3))
                extent = rows.setdefault(key, {}).setdefault(str(event_id), [float(x), float(end)])
                extent[0], extent[1] = min(extent[0], x, end), max(extent[1], x, end)
    placed: dict[tuple[str, str], tuple[list[float], list[float], list[str]]] = {}
    count = 0
    words = _upright_words(fig) + _axis_years(fig) + _link_words(fig)
    for (xref, yref, y), extents in rows.items():
        marks = sorted((hi, lo, event_id) for event_id, (lo, hi) in extents.items())
        axis = layout["xaxis" + xref[1:]]
        x0, x1 = _axis_range(axis, [(hi, event_id) for hi, _, event_id in marks])
        scale = _XScale(x0, x1, plot_w, _breaks(axis))
        px_per_x = scale.per_x
        row = _Row(extents)
        depth = _px_from_top(fig, yref, y)
        columns = sorted((x - half / px_per_x, x + half / px_per_x) for x, half, top, bottom in words
                         if depth is not None and top < depth + font_px and depth - font_px < bottom)
        for start, text in _label_row(marks, row, columns, labels, scale, font_px):
            xs_, ys_, texts = placed.setdefault((xref, yref), ([], [], []))
            xs_.append(start)
            ys_.append(y)
            texts.append(text)
            count += 1
    traces = [go.Scatter(x=np.array(xs_), y=np.array(ys_), text=texts, mode="text", textposition="middle right",
                         textfont={"size": font_px, "color": INK, "family": FONT_FAMILY}, hoverinfo="skip",
                         showlegend=False, cliponaxis=False, xaxis=xref, yaxis=yref, name="poster-labels")
              for (xref, yref), (xs_, ys_, texts) in placed.items()]
    fig.add_traces(traces)
    return count


class _XScale(NamedTuple):
    """px along the time axis: ``per_x`` px a unit of x outside the axis's breaks (left out of the drawing)."""

    x0: float
    x1: float
    plot_w: float
    breaks: tuple[tuple[float, float], ...]

    @property
    def per_x(self) -> float:
        return self.plot_w / max(1e-9, visible_span((self.x0, self.x1), self.breaks))

    def px(self, a: float, b: float) -> float:
        """The px from ``a`` to ``b`` as drawn (a stretch left out counts nothing; infinite stays infinite)."""
        if not math.isfinite(b):
            return math.inf
        return visible_span((a, b), self.breaks) * self.per_x if b >= a else -self.px(b, a)


def _breaks(axis: Any) -> tuple[tuple[float, float], ...]:
    """The axis's rangebreaks (ISO day bounds) as ms."""
    found = []
    for item in axis.rangebreaks or ():
        try:
            lo, hi = (day_ms(dt.date.fromisoformat(str(bound)[:10])) for bound in item.bounds)
        except (TypeError, ValueError):
            continue
        found.append((lo, hi))
    return tuple(found)


def _label_row(marks: list[tuple[float, float, str]], row: _Row, columns: list[tuple[float, float]],
               labels: Mapping[str, str], scale: _XScale, font_px: float) -> list[tuple[float, str]]:
    """(where it begins, text) of the labels of one row's ``marks`` (sorted (end, start, id)): beside each mark,
    past an upright word (``columns``: their x from, to) that stands where it would begin, cut before the next
    mark or word; distances in px as drawn (``scale``: the axis's breaks take none)."""
    px_per_x = scale.per_x
    found = []
    for x, _, event_id in marks:
        if row.covered(x):
            continue  # the label would start on another event's bar
        start = x
        for lo, hi in columns:
            if lo <= start + _MARK_PX / px_per_x and start < hi:
                start = hi
        beyond = min((lo for lo, _ in columns if lo >= start), default=math.inf)
        room = min(scale.px(start, x + row.room_after(x, event_id)) - _MARK_PX, scale.px(start, beyond), 400.0)
        room = min(room, scale.px(start, scale.x1) + 8) - _MARK_PX
        number, _, title = labels[event_id].partition(" ")
        text = _fit(number, title, room, font_px)
        if text is not None:
            found.append((start, text))
    return found


def _upright_words(fig: go.Figure) -> list[tuple[float, float, float, float]]:
    """The words turned upright (a key moment's "plaatsing" from the plot's top, a gap's "geen informatie" from the
    top or from under the axis line): (x, half their width, their top, their bottom), in px below the plot's top."""
    found = []
    for note in fig.layout.annotations:
        if note.textangle != -90 or note.xref not in ("x", None) or note.yanchor not in ("top", None):
            continue
        try:
            x, y = float(note.x), float(note.y)
        except (TypeError, ValueError):
            continue
        # hanging from the plot's top, or from a place on a half's axis (a gap's words under the axis line)
        top = (0.0 if y == 1 else None) if note.yref == "paper" else _px_from_top(fig, note.yref or "y", y)
        if top is None:
            continue
        size = note.font.size if note.font and note.font.size else LABEL_PX
        longest = max((len(re.sub(r"<[^>]+>", "", line)) for line in str(note.text).split("<br>")), default=0)
        lines = str(note.text).count("<br>") + 1
        found.append((x, lines * size * 0.65 + 4, top, top + longest * size * CHAR_EM + 8))
    return found


def _link_words(fig: go.Figure) -> list[tuple[float, float, float, float]]:
    """The words on the group's arrows ("leidde tot", "herhaling van"), written across each arrow: (x, half their
    width, their top, their bottom), in px below the plot's top."""
    found = []
    for note in fig.layout.annotations:
        if note.name != LINK_WORD_NAME:
            continue
        try:
            x, middle = float(note.x), _px_from_top(fig, note.yref or "y", float(note.y))
        except (TypeError, ValueError):
            continue
        if middle is None:
            continue
        size = note.font.size if note.font and note.font.size else LABEL_PX
        width = len(re.sub(r"<[^>]+>", "", str(note.text))) * size * CHAR_EM + 4
        found.append((x, width / 2 + 2, middle - size * 0.65 - 2, middle + size * 0.65 + 2))
    return found


def _axis_years(fig: go.Figure) -> list[tuple[float, float, float, float]]:
    """The formal half's date labels, written under the axis line into the lived half (x, half their width, their
    top, their bottom in px below the plot's top): on a sheet the lived lanes come close to them."""
    axis = fig.layout.xaxis2
    line = _px_from_top(fig, "y2", 0.0)
    if axis is None or axis.showticklabels is False or line is None:
        return []
    if axis.tickvals is not None and axis.ticktext is not None:
        ticks = list(zip(axis.tickvals, (str(label) for label in axis.ticktext), strict=False))
    else:
        ticks = [(day_ms(dt.date(year, 1, 1)), str(year)) for year in _auto_years(axis)]
    size = axis.tickfont.size if axis.tickfont and axis.tickfont.size else 12
    top = line + (axis.ticklen or 0) + 2
    found = []
    for value, label in ticks:
        try:
            found.append((float(value), len(label) * size * CHAR_EM / 2 + 3, top, top + size * 1.2))
        except (TypeError, ValueError):
            continue
    return found


def _auto_years(axis: Any) -> list[int]:
    """The years plotly writes on a date axis it ticks itself (``nticks`` set, a range of years): every 1, 2, 5, 10,
    20… years, the first step at least the range over ``nticks`` (plotly.js's rule for dates); [] otherwise."""
    try:
        lo, hi = (float(v) for v in axis.range)
    except (TypeError, ValueError, AttributeError):
        return []
    rough = (hi - lo) / (axis.nticks or 0 or math.inf) / (365.25 * 86_400_000)
    if not 1 <= rough < 1000:
        return []
    base = 10 ** math.floor(math.log10(rough))
    step = int(base * next(nice for nice in (1, 2, 5, 10) if nice >= rough / base - 1e-9))
    first, last = ms_day(lo).year, ms_day(hi).year
    return [year for year in range(first, last + 1) if year % step == 0]


def _px_from_top(fig: go.Figure, yref: str, y: float) -> float | None:
    """How far below the plot's top a row at ``y`` (on axis ``yref``) is drawn, in px; None when the axis has no
    range set."""
    layout = fig.layout
    axis = layout["yaxis" + yref[1:]]
    try:
        r0, r1 = (float(v) for v in axis.range)
        d0, d1 = (float(v) for v in (axis.domain or (0, 1)))
    except (TypeError, ValueError, AttributeError):
        return None
    margin = layout.margin
    plot_h = (layout.height or 450) - (margin.t or 0) - (margin.b or 0)
    return (1 - (d0 + (y - r0) / max(1e-9, r1 - r0) * (d1 - d0))) * plot_h


class _Row:
    """The marks of one row, sorted by start: which bar covers a point, and how far the next mark is (both in
    log time, so that labelling a row of n marks takes n log n, not n²)."""

    def __init__(self, extents: Mapping[str, list[float]]) -> None:
        ordered = sorted((lo, hi, event_id) for event_id, (lo, hi) in extents.items())
        self.starts = [lo for lo, _, _ in ordered]
        self.ids = [event_id for _, _, event_id in ordered]
        self.reach = list(itertools.accumulate((hi for _, hi, _ in ordered), max))  # furthest end so far

    def covered(self, x: float) -> bool:
        """Whether a bar that starts before ``x`` ends after it (a mark's own bar ends at ``x``: never)."""
        before = bisect.bisect_left(self.starts, x)
        return before > 0 and self.reach[before - 1] > x

    def room_after(self, x: float, event_id: str) -> float:
        """The distance from ``x`` to the next start at or after it of another mark (infinite: none)."""
        index = bisect.bisect_left(self.starts, x)
        while index < len(self.starts) and self.ids[index] == event_id:
            index += 1
        return self.starts[index] - x if index < len(self.starts) else math.inf


def _axis_range(axis: Any, marks: list[tuple[float, str]]) -> tuple[float, float]:
    """The axis range as numbers (ms for dates); the marks' extent when it is not set or not numeric."""
    try:
        x0, x1 = (float(v) for v in axis.range)
        return x0, x1
    except (TypeError, ValueError, AttributeError):
        return marks[0][0], marks[-1][0] + 1


def _fit(number: str, title: str, room_px: float, font_px: float) -> str | None:
    """``number title`` cut (with an ellipsis) to ``room_px``; the number alone, or None when even it does not fit."""
    chars = int(room_px / (font_px * CHAR_EM)) - 1  # one for the leading space
    if chars < len(number):
        return None
    full = f"{number} {title}".rstrip()
    if len(full) <= chars:
        text = full
    elif chars < len(number) + 5:
        text = number
    else:
        text = full[: chars - 1].rstrip() + "…"
    return "\u2007" + drawn_text(text)


def event_labels(case: Any) -> dict[str, str]:
    """``{event id: "<number> <title>"}``, numbered 1… in time order (the report's event list uses the same)."""
    return {event.id: f"{number} {event.title}" for number, event in enumerate(case.events_in_order(), start=1)}
