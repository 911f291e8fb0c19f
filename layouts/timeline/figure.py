"""The timeline (work card 3): formal actions above one time axis, lived experience below it.

``timeline_figure(case, state)`` is a pure function of the case and the view state
(:class:`layouts.view_state.ViewState`). The expensive part — which events, which lanes, which sub-rows — is
:func:`timeline_layout`, which does not depend on language, highlight, ``as_of`` or story mode: cache it and
pass it as ``layout=``. The date line and the highlight are drawn so that a caller can change them later
without a new figure: the line is the shape and the note named :data:`AS_OF_NAME` (always there, hidden
without a date, see :func:`as_of_marks`), and the highlight is the marks' opacity only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import numpy as np
import plotly.graph_objects as go

from layouts.plotly_adapter import unchecked_figure
from layouts.style import (
    FONT_FAMILY,
    INK,
    MUTED,
    PAPER,
    TypeScale,
    type_scale,
)
from layouts.texts import text
from layouts.timeline.axis import (
    age_need_px,
    age_step,
    axis_px,
    break_mark_px,
    break_marks,
    gap_decor,
    rangebreaks,
    year_ticks,
)
from layouts.timeline.event_labels import KEY_LINES_NAME, add_words
from layouts.timeline.focus import focus_range, history_note
from layouts.timeline.hover import mark_template
from layouts.timeline.lane_names import lane_labels
from layouts.timeline.lanes import (
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
    AXIS_DOWN,
    AXIS_UP,
    GL_THRESHOLD,
    GRID_COLOUR,
    GUIDE_COLOUR,
    LANE_GAP,
    LANE_LINE,
    MAX_GUIDES,
    WALL_BOTH_LABEL_PX,
    Chrome,
    Geometry,
    ProvenanceOf,
    chrome,
    geometry,
    involvement,
    is_decision,
    plot_height_px,
)
from layouts.timeline.text import HoverWriter, esc
from layouts.timeline.traces import (
    LegendRow,
    age_traces,
    certainty_traces,
    concat_marks,
    legend_lines,
    legend_traces,
    mark_arrays,
    mark_traces,
    select_marks,
    span_bar_traces,
    span_decoration_traces,
    whisker_traces,
)
from layouts.timeline.wall import (
    WALL_BOTTOM_PX,
    WALL_LABEL_PX,
    WALL_TOP_PX,
    WallLegend,
    wall_band_rows,
    wall_legend_layouts,
    wall_legend_px,
    wall_legends,
)
from layouts.view_state import NO_HIGHLIGHT, Highlight, ViewState
from models.case import Case, Event
from models.dates import Gap, age_marks, day_ms, event_gaps, find_gaps, ms_day
from models.partial_date import PartialDate
from models.vocabulary import EventType, Layer, PersonKind, label

__all__ = [
    "Gap",
    "Lane",
    "PlacedEvent",
    "TimelineLayout",
    "break_marks",
    "find_gaps",
    "life_guides",
    "select_events",
    "stack_intervals",
    "timeline_event_positions",
    "timeline_figure",
    "timeline_gaps",
    "timeline_layout",
    "uses_webgl",
]



def uses_webgl(n_marks: int) -> bool:
    """Whether a timeline with ``n_marks`` drawn events is drawn with WebGL traces."""
    return n_marks > GL_THRESHOLD


def _highlighted(events: list[Event], highlight: Highlight) -> np.ndarray | None:
    """Which drawn events are emphasised; None when nothing is highlighted (nothing is dimmed)."""
    if not highlight.active:
        return None
    return np.fromiter((highlight.emphasises(event) for event in events), bool, len(events))


AS_OF_NAME = "timeline-as-of"
"""The ``name`` of the date line's shape and of its note (a caller moves both, see :func:`as_of_marks`)."""


def as_of_marks(as_of: dt.date | None, lang: str, projector: bool) -> tuple[dict[str, Any], dict[str, Any]]:
    """The date line at ``as_of`` and its note above the plot ("situatie per …"); hidden when None."""
    scale = type_scale(projector)
    x = day_ms(as_of) if as_of is not None else 0.0
    note = text("timeline_as_of", lang, date=PartialDate.from_date(as_of).format(lang)) if as_of is not None else ""
    shape = {"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
             "line": {"color": INK, "width": scale.line_width + 0.5}, "name": AS_OF_NAME,
             "visible": as_of is not None}
    annotation = {"x": x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom",
                  "text": f"<b>{esc(note)}</b>" if note else "", "showarrow": False,
                  "font": {"size": scale.small, "color": INK}, "bgcolor": PAPER, "name": AS_OF_NAME,
                  "visible": as_of is not None, "xanchor": "right" if projector else "center"}  # the wall: not cut
    return shape, annotation


def story_until(case: Case, state: ViewState) -> dt.date | None:
    """The last day story mode reveals (the current step's event's start), or None when it is off."""
    if state.story is None:
        return None
    ordered = case.events_in_order()
    if not ordered:
        return None
    return ordered[min(max(state.story, 0), len(ordered) - 1)].start_day()


def drawn_events(case: Case, layout: TimelineLayout, state: ViewState) -> list[PlacedEvent]:
    """The events of ``layout`` drawn for ``state``: in story mode those up to the step's day only."""
    reveal_until = story_until(case, state)
    return [item for item in layout.placed if reveal_until is None or item.start_day <= reveal_until]


def timeline_gaps(layout: TimelineLayout, gap_months: float = 6,
                  reveal_until: dt.date | None = None) -> list[Gap]:
    """Stretches longer than ``gap_months`` that no event of ``layout`` covers (each with its uncertain range)."""
    return event_gaps((item.event for item in layout.placed), gap_months, until=reveal_until)


def life_guides(drawn: list[PlacedEvent], case: Case) -> list[float]:
    """x of family life events (births, separations, deaths, moves) that get a vertical guide."""
    family = {person.id for person in case.persons if person.kind == PersonKind.FAMILY}
    days = [item.x for item in drawn
            if item.event.type == EventType.LIFE_EVENT and (not item.event.persons
                                                            or family.intersection(item.event.persons))]
    if len(days) > MAX_GUIDES:  # too many to read: keep those of the index child
        days = [item.x for item in drawn if item.event.type == EventType.LIFE_EVENT
                and case.index_person in item.event.persons]
    return sorted(set(days)) if len(days) <= MAX_GUIDES else []


# --- the figure ------------------------------------------------------------------------------------------------


def timeline_figure(case: Case, state: ViewState, *, highlight: Highlight = NO_HIGHLIGHT,
                    layout: TimelineLayout | None = None, compact: bool = True, show_annotations: bool = True,
                    gap_months: float = 6) -> go.Figure:
    """The timeline of ``case`` as ``state`` asks: its filters (the window zooms), lanes, language, projector
    flag, date line (``state.as_of``; None: no line) and story step; ``highlight`` dims the other marks.

    Two stacked subplots share one time axis: formal lanes (x2, y2, y > 0) above the axis line, lived
    lanes (x, y, y < 0) below it. ``compact`` (default): both halves fit one screen (see
    :func:`timeline_layout`). ``show_annotations``: a ✎ above annotated events and at annotated stretches
    of time (shaded), their notes in the hover. ``layout``: a cached :func:`timeline_layout` for the same
    case, filters, lane mode, projector flag and compactness (it is computed when not given).
    """
    lang, projector, as_of, date_window = state.lang, state.projector, state.as_of, state.filters.window
    reveal_until = story_until(case, state)
    if layout is None:
        layout = timeline_layout(case, state.filters, lane_mode=state.lanes, projector=projector, compact=compact)
    lang = "en" if lang == "en" else "nl"
    scale, geo = type_scale(projector), geometry(projector)
    provenance_of = ProvenanceOf(case)
    case_persons = provenance_of.persons
    writer = HoverWriter(case, lang)

    drawn = drawn_events(case, layout, state)
    # the axis opens on the child's story unless the family history before it is asked for (or a window is)
    focus = None if date_window or state.history else focus_range(case, layout)
    opened = _part(layout, focus) if focus else layout  # ages spaced for what is shown
    events = _cached(layout, ("events", reveal_until), lambda: [item.event for item in drawn])
    formal = _cached(layout, ("formal", reveal_until),
                     lambda: np.fromiter((event.layer == Layer.FORMAL for event in events), bool, len(events)))
    hovers = layout.hover_cache.setdefault(lang, {})
    highlighted = _highlighted(events, highlight)
    gl = uses_webgl(len(drawn))
    glyph_px = max(scale.small - 2, int(geo.decision_px * 0.55))
    templates = {event_type: mark_template(label(event_type.value, lang)) for event_type in EventType}
    all_marks = None
    traces: list[Any] = []
    for layer in (Layer.LIVED, Layer.FORMAL):
        rows = formal if layer == Layer.FORMAL else ~formal
        key = ("marks", lang, layer)
        if key not in layout.marks_cache:  # every mark of the layer, not dimmed; story mode keeps a prefix
            part = [item for item in layout.placed if item.event.layer == layer]
            layout.marks_cache[key] = (np.array([item.start_day.toordinal() for item in part], dtype=np.int64),
                                       mark_arrays(part, [provenance_of(item.event) for item in part],
                                                   [hovers.get(item.event.id) or hovers.setdefault(
                                                       item.event.id, writer.parts(item.event)) for item in part],
                                                   None, templates))
        starts, every = layout.marks_cache[key]
        marks = select_marks(every, None if reveal_until is None else starts <= reveal_until.toordinal(),
                             None if highlighted is None else highlighted[rows])
        all_marks = marks if all_marks is None else concat_marks(all_marks, marks)
        layer_traces = whisker_traces(marks, geo, gl)
        if not gl:
            layer_traces += span_bar_traces(marks, geo)
        layer_traces += span_decoration_traces(marks, geo, gl)
        layer_traces += mark_traces(marks, geo, glyph_px, gl)
        layer_traces += certainty_traces(marks, geo, scale.base, gl)
        if layer == Layer.FORMAL:
            layer_traces += _age_traces(case, opened, scale.small, lang)
            for trace in layer_traces:
                trace.update(xaxis="x2", yaxis="y2")
        traces += layer_traces
    # Each half needs a trace of its own for its axes to be drawn.
    for axes in (("x", "y"), ("x2", "y2")):
        traces.append({"type": "scatter", "x": np.array([layout.x_range[0]]), "y": np.zeros(1), "xaxis": axes[0],
                       "yaxis": axes[1], "mode": "markers", "marker": {"opacity": 0}, "hoverinfo": "skip",
                       "showlegend": False})
    note_shapes: list[dict] = []
    if show_annotations:
        note_marks, note_shapes = annotation_marks(case, layout, drawn, lang, scale.small + 2, layout.y_range[1],
                                                   until=reveal_until)
        traces += note_marks
    guides = _cached(layout, ("guides", reveal_until), lambda: life_guides(drawn, case)) if not projector else []
    # "No information" is about the whole case: filtering events out must not shade their time as empty.
    gaps = _cached(layout, ("gaps", gap_months, reveal_until),
                   lambda: event_gaps(case.events, gap_months, until=reveal_until))
    used_types, involvements = _cached(layout, ("kinds", reveal_until), lambda: (
        [t for t in EventType if t in {event.type for event in events}],
        {involvement(event) for event in events if is_decision(event)}))
    assert all_marks is not None
    # on the wall (projector mode): label rows above and below the lanes, no range slider, a compact legend
    wall_px = (WALL_BOTH_LABEL_PX if state.wall == "both" else WALL_LABEL_PX) if projector else None
    keys, legend_rows = legend_traces(all_marks, used_types, involvements, bool(guides), bool(gaps), lang,
                                      projector, chrome(projector).legend_font_px, has_notes=bool(note_shapes) or any(
                                          trace.get("hovertext") is not None and trace.get("customdata") is None
                                          and trace.get("mode") == "markers+text" for trace in traces))
    group = group_layer(case, layout, drawn, lang, projector)  # the group's perspectives and links
    traces += group.traces
    keys += group.keys
    legend_rows += group.rows
    if wall_px is not None:
        keys, wall_rows = wall_legends(keys, legend_rows, wall_px - 24, chrome(projector).legend_font_px)
        legend_rows = []
    traces += keys

    figure_layout = _figure_layout(case, layout, geo, scale, lang, projector, as_of, date_window, gaps, guides,
                                   writer, case_persons, keys, legend_rows, gl, note_shapes, focus,
                                   _future_lanes(layout, drawn) if reveal_until is not None else frozenset())
    band = 0.0
    if wall_px is not None:
        band = wall_band_rows(layout.y_range[1] - layout.y_range[0],
                              wall_legend_px(wall_rows, chrome(projector).legend_row_px), geo.row_px, state.wall)
        _wall_layout(figure_layout, layout, wall_rows, wall_px, projector, band)
    # Traces and layout are built from known-good parts: not validated again (see layouts/plotly_adapter.py;
    # tests validate the figures in full).
    # labels on marks, key moments; on the wall fitted for the width the timeline has on the smallest wall
    figure_layout["annotations"] += group.annotations
    shown = (day_ms(date_window[0]), day_ms(date_window[1])) if date_window else focus
    words = add_words(case, layout, drawn, lang, projector, figure_layout, figure_px=wall_px, x_range=shown,
                      until=day_ms(reveal_until) if reveal_until is not None else None, band_rows=band)
    under = [trace for trace in words if trace.get("name") == KEY_LINES_NAME]
    traces = under + traces + [trace for trace in words if trace.get("name") != KEY_LINES_NAME]
    return unchecked_figure(traces, figure_layout)


def _cached(layout: TimelineLayout, key: tuple, make: Callable[[], Any]) -> Any:
    """What ``make`` computes for the case and events of ``layout`` (kept in the layout: valid as long as it is)."""
    if key not in layout.marks_cache:
        layout.marks_cache[key] = make()
    return layout.marks_cache[key]


def _future_lanes(layout: TimelineLayout, drawn: list[PlacedEvent]) -> frozenset[str]:
    """Story mode: the lanes nobody is in yet (no event drawn up to the step), whose names wait too."""
    return frozenset(lane.key for lane in layout.lanes) - {item.lane for item in drawn}


def _wall_layout(figure_layout: dict[str, Any], layout: TimelineLayout, rows: list[WallLegend], wall_px: float,
                 projector: bool, band: float) -> None:
    """The figure's layout on the wall: label rows above and below the lanes, no range slider, no second row
    of years (the axis line has them), the legend in one or two rows."""
    c = chrome(projector)
    bottom, top = layout.y_range
    bottom, top = bottom - band, top + band
    plot_px = plot_height_px(top - bottom, projector)
    legends_px = wall_legend_px(rows, c.legend_row_px)
    height = int(plot_px + WALL_TOP_PX + WALL_BOTTOM_PX + legends_px)
    legends, _ = wall_legend_layouts(rows, c.legend_row_px, c.legend_font_px, wall_px, esc)
    for name in [name for name in figure_layout if name.startswith("legend")]:
        del figure_layout[name]
    figure_layout.update(legends)
    split = -bottom / (top - bottom)
    figure_layout["height"] = height
    # every margin counted here: plotly must not grow them (it keeps pushes of the screen's figure it replaced)
    figure_layout["margin"].update(b=legends_px + WALL_BOTTOM_PX, t=WALL_TOP_PX, autoexpand=False)
    # narrower, the wall scales it down whole (casusbeeld.js); a zoom refits the labels in the same rows
    figure_layout["meta"] = {"min_width": wall_px, "label_band": band}
    figure_layout["xaxis"].update(rangeslider={"visible": False}, showticklabels=False)
    figure_layout["yaxis"].update(domain=[0, split], range=[bottom, 0])
    figure_layout["yaxis2"].update(domain=[split, 1], range=[0, top])


def _age_traces(case: Case, layout: TimelineLayout, font_px: int, lang: str) -> list[dict]:
    """The index child's age every k-th birthday above the axis: k so that the labels stay apart on the
    narrowest plot, none cut at the plot's edges or on a break mark, none closer than a label's room."""
    index = case.index()
    if index is None or layout.first_day is None:
        return []
    px_per_ms, px = axis_px(layout)
    need = age_need_px(font_px, lang)
    margin = need / 2 / px_per_ms  # keep labels whole
    ages = age_marks(index.birth, ms_day(layout.x_range[0] + margin), ms_day(layout.x_range[1] - margin),
                     age_step(layout, font_px, lang))
    marks = [px(x) for x, _ in break_marks(layout, font_px)]
    clear = need / 2 + break_mark_px(font_px) / 2
    kept: list[tuple[float, int]] = []
    for day, age in ages:
        x = day_ms(day)
        if any(b0 <= x <= b1 for b0, b1 in layout.breaks) or any(abs(px(x) - mark) < clear for mark in marks) \
                or (kept and px(x) - px(kept[-1][0]) < need):
            continue
        kept.append((x, age))
    return age_traces([x for x, _ in kept], [age for _, age in kept], lang, AXIS_UP * 0.45, font_px)


def _part(layout: TimelineLayout, x_range: tuple[float, float]) -> TimelineLayout:
    """``layout`` as if its axis were ``x_range`` (with the breaks inside it): for spacing ticks and ages."""
    breaks = tuple(b for b in layout.breaks if x_range[0] <= b[0] and b[1] <= x_range[1])
    return dataclasses.replace(layout, x_range=x_range, breaks=breaks)


def _year_ticks(layout: TimelineLayout, x_range: list[float], scale: TypeScale, gl: bool,
                focus: tuple[float, float] | None) -> dict[str, Any]:
    """Year ticks for an axis with breaks; with ``focus``, spaced for the story the axis opens on and, in the
    family history before it (reached with the range slider), for the whole axis."""
    if focus is None or list(focus) != x_range:
        return year_ticks(layout, x_range, scale.base, scale.small, gl)
    story = year_ticks(_part(layout, focus), list(focus), scale.base, scale.small, gl, always=True)
    history = year_ticks(_part(layout, (layout.x_range[0], focus[0])), [layout.x_range[0], focus[0]], scale.base,
                         scale.small, gl, always=True)
    if not story or not history:
        return story or history
    return {**story, "tickvals": [*history["tickvals"], *story["tickvals"]],
            "ticktext": [*history["ticktext"], *story["ticktext"]]}


def _legend_layouts(rows: list[LegendRow], c: Chrome, height: int) -> tuple[dict[str, dict], int]:
    """The horizontal legends under the range slider, one per line, the first on top; and the px they take."""
    font = c.legend_font_px
    total = len(rows) * c.legend_row_px + 6
    layouts: dict[str, dict] = {}
    top = total
    for row in rows:
        layouts[row.legend] = {
            "orientation": "h", "x": 0, "xanchor": "left", "xref": "container", "y": top / height,
            "yref": "container", "yanchor": "top", "itemclick": False, "itemdoubleclick": False,
            "font": {"size": font}, "bgcolor": "rgba(0,0,0,0)", "tracegroupgap": 0, "itemsizing": "constant",
            "title": {"text": f"<b>{esc(row.title)}</b>" if row.title else "", "side": "left",
                      "font": {"size": font}},
        }
        top -= c.legend_row_px
    return layouts, total


def _figure_layout(case: Case, layout: TimelineLayout, geo: Geometry, scale: TypeScale, lang: str,
                   projector: bool, as_of: dt.date | None, date_window: tuple[dt.date, dt.date] | None,
                   gaps: list[Gap], guides: list[float], writer: HoverWriter, case_persons: dict,
                   keys: list[dict], legend_groups: list[LegendRow], gl: bool, note_shapes: list[dict],
                   focus: tuple[float, float] | None = None, unnamed: frozenset[str] = frozenset()
                   ) -> dict[str, Any]:
    """The figure's layout: two lane axes sharing one time axis (showing ``date_window``, else ``focus``, else
    all), the range slider, shapes and notes; the lanes of ``unnamed`` without their name."""
    c = chrome(projector)
    bottom, top = layout.y_range
    plot_px = plot_height_px(top - bottom, projector)
    split = -bottom / (top - bottom)  # paper height of the axis line
    shapes: list[dict] = []
    for lane in layout.lanes:  # hairlines between lanes (the axis line separates the halves)
        yref = "y2" if lane.layer == Layer.FORMAL else "y"
        edge = lane.y1 + LANE_GAP / 2 if lane.layer == Layer.FORMAL else lane.y0 - LANE_GAP / 2
        shapes.append({"type": "line", "xref": "paper", "yref": yref, "x0": 0, "x1": 1, "y0": edge, "y1": edge,
                       "line": {"color": LANE_LINE, "width": 1}, "layer": "below"})
    # Gap labels hang from the top of the plot down to the ages, or when the formal half is the shorter one
    # (the lived layer alone, say), from under the years down to the bottom.
    px_per_row = plot_px / (top - bottom)
    high_px, in_lived = max(((top - AXIS_UP) * px_per_row - 8, False), ((-bottom - AXIS_DOWN) * px_per_row - 8, True))
    gap_shapes, annotations = gap_decor(gaps, layout, lang, projector, scale.small, high_px, in_lived)
    shapes += gap_shapes + note_shapes
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                "line": {"color": GUIDE_COLOUR, "width": 1.2, "dash": "dot"}, "layer": "below"} for x in guides]
    as_of_shape, as_of_note = as_of_marks(as_of, lang, projector)
    shapes.append(as_of_shape)
    annotations.append(as_of_note)
    lane_notes, label_px = lane_labels(layout, writer, case_persons, lang, geo, scale, projector, unnamed)
    annotations += lane_notes
    full_range = list(layout.x_range)
    x_range = [day_ms(date_window[0]), day_ms(date_window[1])] if date_window else list(focus or full_range)
    if focus is not None:
        annotations.append(history_note(case, layout, focus, lang, scale.small))
    nticks = max(4, geo.plot_width_px // (scale.base * 5))
    date_ticks = {"tickformatstops": [
        {"dtickrange": [None, 86_400_000 * 32], "value": "%-d-%-m-%Y"},
        {"dtickrange": [86_400_000 * 32, 86_400_000 * 360], "value": "%-m-%Y"},
        {"dtickrange": [86_400_000 * 360, None], "value": "%Y"},
    ], "nticks": nticks, "type": "date", "range": x_range, "zeroline": False, "rangebreaks": rangebreaks(layout, gl),
        **_year_ticks(layout, x_range, scale, gl, focus)}
    lane_axis = {"fixedrange": True, "showgrid": False, "zeroline": False, "showline": False, "ticks": "",
                 "showticklabels": False}
    top_px = c.title_px
    # One plotly legend per line, as wide as the plot (the nominal card width less the lane labels).
    lines = legend_lines(keys, legend_groups, geo.width_px - label_px - 12, c.legend_font_px)
    legend_px = len(lines) * c.legend_row_px + 6
    height = int(plot_px + top_px + c.bottom_px + c.slider_px + legend_px)
    legends, _ = _legend_layouts(lines, c, height)
    title = {"text": esc(case.title), "x": 0, "xref": "paper", "y": 1, "yref": "container", "yanchor": "top",
             "pad": {"t": 10}, "font": {"size": scale.title}} if not projector else {"text": ""}
    return dict(
        template={},
        # plotly puts the range slider and the date labels under the plot and grows the bottom margin to fit
        # them and the legends: keep the margin itself small and count them all in the height.
        height=height,
        margin={"l": label_px, "r": 12, "t": top_px, "b": 8, "autoexpand": True},
        paper_bgcolor=PAPER, plot_bgcolor="rgba(0,0,0,0)",
        font={"family": FONT_FAMILY, "size": scale.base, "color": INK},
        title=title,
        showlegend=True,
        **legends,
        hovermode="closest", hoverdistance=16,
        hoverlabel={"font": {"size": scale.small, "family": FONT_FAMILY}, "bgcolor": PAPER, "bordercolor": MUTED,
                    "align": "left"},
        barmode="overlay", bargap=0, dragmode="zoom",
        uirevision=f"{case.id}|{date_window}|{focus is not None}",
        xaxis={**date_ticks, "anchor": "y", "showgrid": True, "gridcolor": GRID_COLOUR, "showline": False,
               "ticks": "", "tickfont": {"size": scale.small, "color": MUTED},
               "rangeslider": {"visible": True, "range": full_range, "thickness": min(0.15, c.slider_px / plot_px),
                               "bgcolor": "#F4F4F4", "bordercolor": GRID_COLOUR, "borderwidth": 1}},
        xaxis2={**date_ticks, "matches": "x", "anchor": "y2", "showgrid": True, "gridcolor": GRID_COLOUR,
                "showline": True, "linecolor": INK, "linewidth": scale.line_width * 1.6, "ticks": "outside",
                "ticklen": 6, "tickwidth": 1.5, "tickcolor": INK, "tickfont": {"size": scale.base, "color": INK}},
        yaxis={**lane_axis, "domain": [0, split], "range": [bottom, 0]},
        yaxis2={**lane_axis, "domain": [split, 1], "range": [0, top]},
        shapes=shapes, annotations=annotations,
    )
