"""The timeline (work card 3): formal actions above one time axis, lived experience below it.

``timeline_figure(case, state)`` is a pure function of the case and the view state
(:class:`layouts.view_state.ViewState`). The expensive part — which events, which lanes, which sub-rows — is
:func:`timeline_layout`, which does not depend on language, highlight, ``as_of`` or story mode: cache it and
pass it as ``layout=``. The date line and the highlight are drawn so that a caller can change them later
without a new figure: the line is the shape and the note named :data:`AS_OF_NAME` (always there, hidden
without a date, see :func:`as_of_marks`), and the highlight is the marks' opacity only. With thousands of
events in the range shown the figure draws density bars and the weighty marks (:mod:`layouts.timeline.aggregate`).
The layout dict is built in :mod:`layouts.timeline.figure_layout`, what is drawn in :mod:`layouts.timeline.drawn`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import numpy as np
import plotly.graph_objects as go

from layouts.plotly_adapter import unchecked_figure
from layouts.style import type_scale
from layouts.texts import text
from layouts.timeline.aggregate import marks_in_view
from layouts.timeline.axis import break_marks
from layouts.timeline.drawn import (
    cached,
    case_gaps,
    child_age_traces,
    drawn_events,
    drawn_kinds,
    future_lanes,
    highlighted_of,
    life_guides,
    story_until,
    timeline_gaps,
    uses_webgl,
)
from layouts.timeline.event_labels import KEY_LINES_NAME, add_words, key_moments
from layouts.timeline.figure_layout import AS_OF_NAME, as_of_marks, layout_dict, part_of, wall_layout
from layouts.timeline.focus import focus_range
from layouts.timeline.hover import mark_template
from layouts.timeline.lanes import (
    GAP_MONTHS,
    Lane,
    PlacedEvent,
    TimelineLayout,
    select_events,
    stack_intervals,
    timeline_event_positions,
    timeline_layout,
)
from layouts.timeline.links import group_layer
from layouts.timeline.notes import annotation_marks
from layouts.timeline.style import (
    WALL_BOTH_LABEL_PX,
    ProvenanceOf,
    chrome,
    geometry,
)
from layouts.timeline.text import HoverWriter
from layouts.timeline.traces import (
    MarkArrays,
    certainty_traces,
    concat_marks,
    legend_traces,
    mark_arrays,
    mark_traces,
    select_marks,
    span_bar_traces,
    span_decoration_traces,
    whisker_traces,
)
from layouts.timeline.wall import (
    WALL_LABEL_PX,
    axis_note,
    key_lines_legend,
    wall_band_rows,
    wall_key_lines,
    wall_legend_px,
    wall_legends,
)
from layouts.view_state import NO_HIGHLIGHT, Highlight, ViewState
from models.case import Case
from models.dates import Gap, find_gaps
from models.vocabulary import EventType, Layer, label

__all__ = [
    "AS_OF_NAME",
    "Gap",
    "Lane",
    "PlacedEvent",
    "TimelineLayout",
    "as_of_marks",
    "break_marks",
    "drawn_events",
    "find_gaps",
    "life_guides",
    "select_events",
    "stack_intervals",
    "story_until",
    "timeline_event_positions",
    "timeline_figure",
    "timeline_gaps",
    "timeline_layout",
    "uses_webgl",
]


def _columns(case: Case, layout: TimelineLayout, part: list[PlacedEvent], lang: str) -> MarkArrays:
    """The mark columns of the events ``part``, not dimmed (their hover fields kept in the layout)."""
    provenance_of, writer = ProvenanceOf(case), HoverWriter(case, lang)
    hovers = layout.hover_cache.setdefault(lang, {})
    templates = {event_type: mark_template(label(event_type.value, lang)) for event_type in EventType}
    return mark_arrays(part, [provenance_of(item.event) for item in part],
                       [hovers.get(item.event.id) or hovers.setdefault(item.event.id, writer.parts(item.event))
                        for item in part], None, templates)


def _layer_marks(case: Case, layout: TimelineLayout, layer: Layer, lang: str) -> tuple[list[PlacedEvent], Any]:
    """Every placed event of ``layer`` and the mark columns of each, not dimmed (computed once per layout)."""
    key = ("marks", lang, layer)
    if key not in layout.marks_cache:
        part = [item for item in layout.placed if item.event.layer == layer]
        layout.marks_cache[key] = (part, _columns(case, layout, part, lang))
    return layout.marks_cache[key]


def _mark_traces(case: Case, layout: TimelineLayout, marked: list[PlacedEvent], every_drawn: bool, massed: bool,
                 highlight: Highlight, lang: str, projector: bool) -> tuple[list[Any], MarkArrays]:
    """The traces of the events ``marked`` (``every_drawn``: all those of the layout the story reveals;
    ``massed``: the weighty few of thousands) in both halves; and the columns of all the marks."""
    scale, geo = type_scale(projector), geometry(projector)
    events = [item.event for item in marked]
    formal = np.fromiter((event.layer == Layer.FORMAL for event in events), bool, len(events))
    highlighted = highlighted_of(events, highlight)
    chosen = {id(item) for item in marked}
    gl = uses_webgl(len(marked))
    glyph_px = max(scale.small - 2, int(geo.decision_px * 0.55))
    all_marks = None
    traces: list[Any] = []
    for layer in (Layer.LIVED, Layer.FORMAL):
        rows = formal if layer == Layer.FORMAL else ~formal
        if massed or len(marked) < len(layout.placed) / 2:  # a part of thousands: their columns only
            every = _columns(case, layout, [item for item in marked if item.event.layer == layer], lang)
            keep = None
        else:
            part, every = _layer_marks(case, layout, layer, lang)
            keep = None if every_drawn and len(part) == int(rows.sum()) \
                else np.fromiter((id(item) in chosen for item in part), bool, len(part))
        marks = select_marks(every, keep, None if highlighted is None else highlighted[rows])
        all_marks = marks if all_marks is None else concat_marks(all_marks, marks)
        layer_traces = whisker_traces(marks, geo, gl)
        if not gl:
            layer_traces += span_bar_traces(marks, geo)
        layer_traces += span_decoration_traces(marks, geo, gl)
        layer_traces += mark_traces(marks, geo, glyph_px, gl)
        layer_traces += certainty_traces(marks, geo, scale.base, gl)
        if layer == Layer.FORMAL:
            for trace in layer_traces:
                trace.update(xaxis="x2", yaxis="y2")
        traces += layer_traces
    assert all_marks is not None
    return traces, all_marks


def timeline_figure(case: Case, state: ViewState, *, highlight: Highlight = NO_HIGHLIGHT,
                    layout: TimelineLayout | None = None, compact: bool = True, show_annotations: bool = True,
                    gap_months: float = GAP_MONTHS, view_range: tuple[float, float] | None = None,
                    label_px: float | None = None, labels: bool = True) -> go.Figure:
    """The timeline of ``case`` as ``state`` asks: its filters (the window zooms), lanes, language, projector
    flag, date line (``state.as_of``; None: no line) and story step; ``highlight`` dims the other marks.

    Two stacked subplots share one time axis: formal lanes (x2, y2, y > 0) above the axis line, lived
    lanes (x, y, y < 0) below it. ``compact`` (default): both halves fit one screen (see
    :func:`timeline_layout`). ``show_annotations``: a ✎ above annotated events and at annotated stretches
    of time (shaded), their notes in the hover. ``layout``: a cached :func:`timeline_layout` for the same
    case, filters, lane mode, projector flag and compactness (it is computed when not given).
    ``view_range``: the stretch of time (ms) the browser shows after a zoom, when not the one the axis opens
    on: the marks and labels are drawn for it (the axis keeps its range: the browser has the zoom); ``label_px``:
    the width labels are fitted for (measured); ``labels``: False when print numbers its own (key moments stay).
    """
    lang, projector, date_window = state.lang, state.projector, state.filters.window
    reveal_until = story_until(case, state)
    if layout is None:
        layout = layout_for(case, state, compact)
    lang = "en" if lang == "en" else "nl"
    scale = type_scale(projector)

    drawn = drawn_events(case, layout, state)
    # the axis opens on the child's story unless the family history before it is asked for (or a window is)
    focus = None if date_window or state.history else focus_range(case, layout)
    opened = part_of(layout, focus) if focus else layout  # ages spaced for what is shown
    shown = (layout.x_of(date_window[0]), layout.x_of(date_window[1])) if date_window else focus
    marked, massed = marks_in_view(case, drawn, layout, view_range or shown or layout.x_range, lang)
    traces, all_marks = _mark_traces(case, layout, marked, massed is None and len(marked) == len(drawn),
                                     massed is not None, highlight, lang, projector)
    ages = child_age_traces(case, opened, scale.small, lang)
    for trace in ages:
        trace.update(xaxis="x2", yaxis="y2")
    traces = (massed.traces if massed else []) + traces + ages
    # Each half needs a trace of its own for its axes to be drawn.
    for axes in (("x", "y"), ("x2", "y2")):
        traces.append({"type": "scatter", "x": np.array([layout.x_range[0]]), "y": np.zeros(1), "xaxis": axes[0],
                       "yaxis": axes[1], "mode": "markers", "marker": {"opacity": 0}, "hoverinfo": "skip",
                       "showlegend": False})
    note_shapes: list[dict] = []
    if show_annotations:
        note_marks, note_shapes = annotation_marks(case, layout, marked, lang, scale.small + 2, layout.y_range[1],
                                                   until=reveal_until)
        traces += note_marks
    used_types, involvements, guides = cached(layout, ("kinds", reveal_until), lambda: drawn_kinds(drawn, case))
    guides = guides if not projector else []
    # "No information" is about the whole case: filtering events out must not shade their time as empty.
    gaps = cached(layout, ("gaps", gap_months, reveal_until),
                  lambda: case_gaps(case, layout, gap_months, reveal_until))
    traces, figure_layout, wall_px, band = _dressed(case, layout, state, traces, all_marks, marked, used_types,
                                                    involvements, guides, gaps, note_shapes, focus,
                                                    uses_webgl(len(marked)), label_px)
    # labels on marks, key moments; on the wall fitted for the width the timeline has on the smallest wall
    words = add_words(case, layout, marked, lang, projector, figure_layout, figure_px=label_px or wall_px,
                      x_range=view_range or shown, band_rows=band, place=labels, massed=massed is not None,
                      until=layout.x_of(reveal_until) if reveal_until is not None else None)
    under = [trace for trace in words if trace.get("name") == KEY_LINES_NAME]
    traces = under + traces + [trace for trace in words if trace.get("name") != KEY_LINES_NAME]
    # Traces and layout are built from known-good parts: not validated again (see layouts/plotly_adapter.py;
    # tests validate the figures in full).
    return unchecked_figure(traces, figure_layout)


def layout_for(case: Case, state: ViewState, compact: bool = True) -> TimelineLayout:
    """The lane layout ``state`` draws (its filters, lanes, mode and whether a workshop runs)."""
    return timeline_layout(case, state.filters, lane_mode=state.lanes, projector=state.projector, compact=compact,
                           workshop=state.workshop)


def _dressed(case: Case, layout: TimelineLayout, state: ViewState, traces: list[Any], all_marks: MarkArrays,
             marked: list[PlacedEvent], used_types: list[EventType], involvements: set, guides: list[float],
             gaps: list[Gap], note_shapes: list[dict], focus: tuple[float, float] | None, gl: bool,
             figure_px: float | None = None) -> tuple[list[Any], dict[str, Any], float | None, float]:
    """The traces with the legend keys and the group's perspectives, the figure's layout, and on the wall the
    width its labels are fitted for and its label rows; on the screen, a measured ``figure_px`` sets the width the
    legends' lines are laid out for (plotly wraps a line wider than the plot over the next)."""
    lang, projector = "en" if state.lang == "en" else "nl", state.projector
    scale, geo, legend_font = type_scale(projector), geometry(projector), chrome(projector).legend_font_px
    if figure_px and not projector:
        geo = dataclasses.replace(geo, width_px=int(figure_px))
    # on the wall (projector mode): label rows above and below the lanes, no range slider, a compact legend
    wall_px = (WALL_BOTH_LABEL_PX if state.wall == "both" else WALL_LABEL_PX) if projector else None
    keys, legend_rows = legend_traces(all_marks, used_types, involvements, bool(guides), bool(gaps), lang,
                                      projector, legend_font, has_notes=bool(note_shapes) or any(
                                          trace.get("hovertext") is not None and trace.get("customdata") is None
                                          and trace.get("mode") == "markers+text" for trace in traces))
    group = group_layer(case, layout, marked, lang, projector, gaps)  # the group's perspectives and links
    traces = traces + group.traces
    keys += group.keys
    legend_rows += group.rows
    wall_rows: list = []
    reveal_until = story_until(case, state)
    if wall_px is not None:
        until = layout.x_of(reveal_until) if reveal_until is not None else None
        line_keys, line_rows = key_lines_legend(wall_key_lines(key_moments(case, marked, lang, until)), lang)
        keys, wall_rows = wall_legends(keys + line_keys, legend_rows + line_rows, wall_px - 24, legend_font)
        legend_rows = []
    traces += keys
    figure_layout = layout_dict(case, layout, geo, scale, lang, projector, state.as_of, state.filters.window, gaps,
                                guides, HoverWriter(case, lang), ProvenanceOf(case).persons, keys, legend_rows, gl,
                                note_shapes, focus, future_lanes(layout, drawn_events(case, layout, state))
                                if reveal_until is not None else frozenset(), wall_px)
    band = 0.0
    if wall_px is not None:
        band = wall_band_rows(layout.y_range[1] - layout.y_range[0],
                              wall_legend_px(wall_rows, chrome(projector).legend_row_px), geo.row_px, state.wall)
        wall_layout(figure_layout, layout, wall_rows, wall_px, projector, band,
                    "timeline" if state.wall == "timeline" else "both")
        note = None if layout.scale.linear else axis_note(wall_rows, wall_px - 24, legend_font,
                                                          chrome(projector).legend_row_px,
                                                          text("timeline_axis_focus", lang))
        figure_layout["annotations"] += [note] if note else []
    figure_layout["annotations"] += group.annotations
    figure_layout["meta"]["case"] = state.case  # the address's file name (window.js: a zoom kept in the address)
    return traces, figure_layout, wall_px, band
