"""A timeline with thousands of events in view: per-lane density bars and the weighty marks, detail on zoom.

Above :data:`AGGREGATE_ABOVE` events in the stretch of time shown no one can read every mark, and a browser
takes seconds to draw them. :func:`aggregate` then draws, per lane, how many events fall in each of
:data:`DENSITY_BINS` bins of the range (a bar whose hover gives the count) and keeps as marks at most
:data:`MAX_WEIGHTY` of the weightiest events (key moments and deaths, then decisions, court orders and
placements: the order in which labels are kept, :func:`layouts.timeline.event_labels.label_priority`), which
get their labels. Zooming in to a stretch with fewer events brings every mark in it (see
:mod:`app.timeline_zoom`). Pure functions of the drawn events and the range.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter
from typing import Any

import numpy as np

from layouts.texts import text
from layouts.timeline.event_labels import weighty_priority
from layouts.timeline.hover import template_text
from layouts.timeline.lanes import PlacedEvent, TimelineLayout
from models.case import Case
from models.vocabulary import Layer

AGGREGATE_ABOVE = 1_500
"""More events than this in the range shown: density bars and the weighty marks only."""

MAX_WEIGHTY = 150
"""At most this many marks drawn over the density bars."""

WEIGHTY_PRIORITY = 1
"""Label priorities (0 key moments and deaths, 1 decisions, court orders, placements) drawn as marks."""

DENSITY_BINS = 120
"""Bins across the range shown."""

DENSITY_NAME = "timeline-density"
"""The ``name`` of the density bar traces."""

_FILL = {Layer.FORMAL: "rgba(70, 100, 150, 0.35)", Layer.LIVED: "rgba(150, 95, 60, 0.35)"}
_MIN_SHARE = 0.12  # a bin with one event still shows: this share of its lane's height at least


@dataclass(frozen=True)
class Aggregate:
    """What a zoomed-out timeline draws: the weighty marks (in drawing order) and the density bar traces."""

    in_view: int
    weighty: list[PlacedEvent]
    traces: list[dict[str, Any]]


def in_view(drawn: Sequence[PlacedEvent], x_range: tuple[float, float]) -> list[PlacedEvent]:
    """The events of ``drawn`` with a mark or a bar in ``x_range`` (ms), in their order."""
    lo, hi = x_range
    if len(drawn) < 200:
        return [item for item in drawn if item.x <= hi and item.x_end >= lo]
    # thousands: the test as columns, the events picked at C speed
    xs, ends = (np.fromiter(map(attrgetter(name), drawn), float, len(drawn)) for name in ("x", "x_end"))
    return list(compress(drawn, ((xs <= hi) & (ends >= lo)).tolist()))


def weighty_marks(case: Case, items: Sequence[PlacedEvent], limit: int = MAX_WEIGHTY) -> list[PlacedEvent]:
    """At most ``limit`` of ``items`` kept as marks, weightiest first (see :data:`WEIGHTY_PRIORITY`); of the
    last priority that does not fit whole, a selection spread evenly over time. In the order of ``items``."""
    persons = case.person_map()
    by_priority: dict[int, list[int]] = {}
    for index in [index for index, item in enumerate(items) if item.may_weigh]:  # (read by the layout)
        priority = weighty_priority(items[index].event, persons)
        if priority is not None and priority <= WEIGHTY_PRIORITY:
            by_priority.setdefault(priority, []).append(index)
    kept: list[int] = []
    for priority in sorted(by_priority):
        group = sorted(by_priority[priority], key=lambda index: items[index].x)
        room = limit - len(kept)
        if room <= 0:
            break
        if len(group) > room:  # spread over the whole range, not the first ones in time
            group = [group[int(i)] for i in np.linspace(0, len(group) - 1, room).round()]
        kept += group
    return [items[index] for index in sorted(set(kept))]


def density_traces(items: Sequence[PlacedEvent], layout: TimelineLayout, x_range: tuple[float, float],
                   lang: str, bins: int = DENSITY_BINS) -> list[dict[str, Any]]:
    """Per layer one bar trace: for each lane and bin of ``x_range`` with events, a bar from the lane's bottom,
    its height the square root of its count's share of the layer's busiest bin (which fills its lane: a quiet
    lane beside a busy one still shows its rhythm), the count in the hover."""
    lo, hi = x_range
    edges = np.linspace(lo, hi, bins + 1)
    width = (hi - lo) / bins
    # each mark's start, inside the range, per lane (as columns: thousands of events)
    lanes = list(map(attrgetter("lane"), items))
    lane_index = {key: k for k, key in enumerate(dict.fromkeys(lanes))}  # in order of their first event
    lane_of = np.fromiter(map(lane_index.__getitem__, lanes), int, len(items))
    xs = np.clip(np.fromiter(map(attrgetter("x"), items), float, len(items)), lo, hi)
    starts = {key: xs[lane_of == k] for key, k in lane_index.items()}
    template = f"<b>%{{hovertext}}</b> {template_text(text('timeline_density_hover', lang))}<extra></extra>"
    traces = []
    for layer in (Layer.LIVED, Layer.FORMAL):
        lanes = [lane for lane in layout.lanes if lane.layer == layer and lane.key in starts]
        counts = [np.histogram(starts[lane.key], edges)[0] for lane in lanes]
        most = max((int(count.max()) for count in counts), default=0)
        if not most:
            continue
        xs, bases, heights, labels = [], [], [], []
        for lane, count in zip(lanes, counts, strict=True):
            full = lane.y1 - lane.y0
            filled = np.nonzero(count)[0]
            xs.append(edges[filled] + width / 2)
            bases.append(np.full(len(filled), lane.y0))
            heights.append(full * np.maximum(np.sqrt(count[filled] / most), _MIN_SHARE))
            labels += [str(int(n)) for n in count[filled]]
        trace = {"type": "bar", "orientation": "v", "name": DENSITY_NAME, "x": np.concatenate(xs),
                 "base": np.concatenate(bases), "y": np.concatenate(heights), "width": width * 0.92,
                 "hovertext": labels, "hovertemplate": template, "showlegend": False,
                 "marker": {"color": _FILL[layer], "line": {"width": 0}}}
        if layer == Layer.FORMAL:
            trace.update(xaxis="x2", yaxis="y2")
        traces.append(trace)
    return traces


def aggregate(case: Case, drawn: Sequence[PlacedEvent], layout: TimelineLayout, x_range: tuple[float, float],
              lang: str, threshold: int = AGGREGATE_ABOVE) -> Aggregate | None:
    """The density bars and weighty marks of the events of ``drawn`` in ``x_range`` (ms), or None when no
    more than ``threshold`` events are in it (then every one is drawn)."""
    items = in_view(drawn, x_range)
    if len(items) <= threshold:
        return None
    return Aggregate(len(items), weighty_marks(case, items), density_traces(items, layout, x_range, lang))


def marks_in_view(case: Case, drawn: Sequence[PlacedEvent], layout: TimelineLayout, x_range: tuple[float, float],
                  lang: str, threshold: int = AGGREGATE_ABOVE) -> tuple[list[PlacedEvent], Aggregate | None]:
    """The events drawn as marks for ``x_range`` (ms) and the aggregate drawn under them (None: every mark).

    Up to ``threshold`` events in all: every one, as before. More, but no more than ``threshold`` in the range:
    those in it and half the range's length either side (a pan shows marks before the detail for the new
    range arrives). More in the range: the weighty ones and the density bars."""
    if len(drawn) <= threshold:
        return list(drawn), None
    found = aggregate(case, drawn, layout, x_range, lang, threshold)
    if found is not None:
        return found.weighty, found
    half = (x_range[1] - x_range[0]) / 2
    return in_view(drawn, (x_range[0] - half, x_range[1] + half)), None
