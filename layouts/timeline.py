"""The timeline (work card 3): formal actions above one time axis, lived experience below it.

``timeline_figure(case, **view_options)`` is a pure function of the case and the view options. The
expensive part — which events, which lanes, which sub-rows — is :func:`timeline_layout`, which does not
depend on language, highlight, ``as_of`` or story mode: cache it and pass it as ``layout=``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

import numpy as np
import plotly.graph_objects as go

from layouts.style import FONT_FAMILY, GAP_FILL, INK, MUTED, PAPER, TypeScale, type_scale
from layouts.timeline_lanes import (
    Lane,
    PlacedEvent,
    TimelineLayout,
    select_events,
    stack_intervals,
    timeline_event_positions,
    timeline_layout,
)
from layouts.timeline_style import (
    AXIS_DOWN,
    AXIS_UP,
    GL_THRESHOLD,
    GRID_COLOUR,
    GUIDE_COLOUR,
    LANE_GAP,
    LANE_LINE,
    MAX_GUIDES,
    Geometry,
    ProvenanceOf,
    geometry,
    involvement,
    is_decision,
    person_colour,
)
from layouts.timeline_text import HoverWriter, esc, lane_label, word
from layouts.timeline_traces import (
    age_traces,
    certainty_traces,
    concat_marks,
    legend_traces,
    mark_arrays,
    mark_traces,
    span_bar_traces,
    span_decoration_traces,
    whisker_traces,
)
from models.case import Case, Event
from models.dates import Gap, age_marks, day_ms, duration_text, event_gaps, find_gaps, ms_day
from models.partial_date import PartialDate
from models.vocabulary import EventType, Layer, PersonKind

__all__ = [
    "Gap",
    "Lane",
    "PlacedEvent",
    "TimelineLayout",
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

_TOP_PX = 70         # room for the title and the gap labels
_BOTTOM_PX = 12 + 50  # bottom margin and the bottom date labels (the range slider comes on top)
_MIN_PLOT_PX = 320   # a case with few lanes still gets a calm, readable strip
_SLIDER_PX = 38


def uses_webgl(n_marks: int) -> bool:
    """Whether a timeline with ``n_marks`` drawn events is drawn with WebGL traces."""
    return n_marks > GL_THRESHOLD


def _highlighted(events: list[Event], highlight_events: Collection[str] | None,
                 highlight_persons: Collection[str] | None,
                 highlight_organisations: Collection[str] | None) -> np.ndarray | None:
    """Which drawn events are emphasised; None when nothing is highlighted (nothing is dimmed)."""
    if not (highlight_events or highlight_persons or highlight_organisations):
        return None
    ids, persons, orgs = set(highlight_events or ()), set(highlight_persons or ()), set(highlight_organisations or ())
    return np.array([
        event.id in ids
        or bool(persons.intersection(event.persons)) or event.perspective in persons
        or event.organisation in orgs or event.to_organisation in orgs
        for event in events
    ], dtype=bool)


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


def _age_step(layout: TimelineLayout, geo: Geometry, font_px: int) -> int:
    """Label every year, or every 2nd/5th/10th when years are too narrow for "12 jr"."""
    years = (layout.x_range[1] - layout.x_range[0]) / (365.25 * 86_400_000)
    px_per_year = geo.plot_width_px / max(years, 0.1)
    need = font_px * 3.6
    return next((step for step in (1, 2, 5, 10) if px_per_year * step >= need), 20)


def _lane_ticks(lanes: tuple[Lane, ...], writer: HoverWriter, persons: dict, lang: str, geo: Geometry
                ) -> tuple[dict[str, list], dict[str, list]]:
    """Tick values and labels of the formal (y2) and lived (y) lane axes, with the halves' captions."""
    formal = {"tickvals": [AXIS_UP * 0.45], "ticktext": [f"<b>{esc(word('formal', lang))}</b>"]}
    lived = {"tickvals": [-AXIS_DOWN * 0.55], "ticktext": [f"<b>{esc(word('lived', lang))}</b>"]}
    for lane in lanes:
        text = "<br>".join(esc(line) for line in lane_label(lane.kind, lane.ref, writer, lang, geo.label_chars,
                                                             lines=2 if lane.rows >= 2 else 1))
        if lane.kind == "person" and lane.ref in persons:
            text = f"<span style='color:{person_colour(persons[lane.ref].kind)}'>{text}</span>"
        target = formal if lane.layer == Layer.FORMAL else lived
        target["tickvals"].append(lane.centre)
        target["ticktext"].append(text)
    return formal, lived


def _gap_decor(gaps: list[Gap], layout: TimelineLayout, geo: Geometry, lang: str, projector: bool,
               font_px: int) -> tuple[list[dict], list[dict]]:
    """Shaded columns over the gaps, each labelled "geen informatie" (upright when it does not fit)."""
    shapes, notes = [], []
    ms_per_px = (layout.x_range[1] - layout.x_range[0]) / geo.plot_width_px
    for gap in gaps:
        x0, x1 = day_ms(gap.start), day_ms(gap.end)
        if x1 <= layout.x_range[0] or x0 >= layout.x_range[1]:
            continue
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                       "fillcolor": GAP_FILL, "line": {"width": 0}, "layer": "below"})
        text = word("no_information", lang)
        if not projector:
            text += f"<br>{esc(duration_text(gap.months, lang))}"
        width_px = (x1 - x0) / ms_per_px
        fits = width_px >= font_px * 0.58 * len(word("no_information", lang)) + 8
        notes.append({"x": (x0 + x1) / 2, "xref": "x", "y": 1, "yref": "paper", "yanchor": "top",
                      "text": text, "showarrow": False, "textangle": 0 if fits else -90,
                      "font": {"size": font_px, "color": MUTED}, "align": "center"})
    return shapes, notes


def timeline_figure(case: Case, *, lang: str = "nl", projector: bool = False,
                    highlight_events: Collection[str] | None = None,
                    highlight_persons: Collection[str] | None = None,
                    highlight_organisations: Collection[str] | None = None,
                    as_of: dt.date | None = None, date_window: tuple[dt.date, dt.date] | None = None,
                    persons: Collection[str] | None = None, organisations: Collection[str] | None = None,
                    event_types: Collection[str] | None = None, layers: Collection[str] | None = None,
                    reveal_until: dt.date | None = None, lane_mode: str = "organisation",
                    gap_months: float = 6, layout: TimelineLayout | None = None) -> go.Figure:
    """The timeline of ``case`` for the given view options (see ``layouts/__init__.py``).

    Two stacked subplots share one time axis: formal lanes (x2, y2, y > 0) above the axis line, lived
    lanes (x, y, y < 0) below it. ``layout``: a cached :func:`timeline_layout` for the same case, filters,
    lane mode and projector flag (it is computed when not given).
    """
    if layout is None:
        layout = timeline_layout(case, persons=persons, organisations=organisations, event_types=event_types,
                                 layers=layers, lane_mode=lane_mode, projector=projector)
    lang = "en" if lang == "en" else "nl"
    scale, geo = type_scale(projector), geometry(projector)
    provenance_of = ProvenanceOf(case)
    case_persons = provenance_of.persons
    writer = HoverWriter(case, lang)

    drawn = [item for item in layout.placed if reveal_until is None or item.start_day <= reveal_until]
    events = [item.event for item in drawn]
    hovers = layout.hover_cache.setdefault(lang, {})
    highlighted = _highlighted(events, highlight_events, highlight_persons, highlight_organisations)
    gl = uses_webgl(len(drawn))
    glyph_px = max(scale.small - 2, int(geo.decision_px * 0.55))
    all_marks = None
    traces: list[Any] = []
    for layer in (Layer.LIVED, Layer.FORMAL):
        rows = [i for i, event in enumerate(events) if event.layer == layer]
        part = [drawn[i] for i in rows]
        marks = mark_arrays(part, [provenance_of(drawn[i].event) for i in rows],
                            [hovers.get(drawn[i].event.id) or hovers.setdefault(drawn[i].event.id,
                                                                                writer(drawn[i].event))
                             for i in rows],
                            None if highlighted is None else highlighted[rows])
        all_marks = marks if all_marks is None else concat_marks(all_marks, marks)
        layer_traces = whisker_traces(marks, geo, gl)
        if not gl:
            layer_traces += span_bar_traces(marks, geo)
        layer_traces += span_decoration_traces(marks, geo, gl)
        layer_traces += mark_traces(marks, geo, glyph_px, gl)
        layer_traces += certainty_traces(marks, geo, scale.base, gl)
        if layer == Layer.FORMAL:
            layer_traces += _age_traces(case, layout, geo, scale.small, lang)
            for trace in layer_traces:
                trace.update(xaxis="x2", yaxis="y2")
        traces += layer_traces
    # Each half needs a trace of its own for its axes to be drawn.
    for axes in (("x", "y"), ("x2", "y2")):
        traces.append({"type": "scatter", "x": np.array([layout.x_range[0]]), "y": np.zeros(1), "xaxis": axes[0],
                       "yaxis": axes[1], "mode": "markers", "marker": {"opacity": 0}, "hoverinfo": "skip",
                       "showlegend": False})
    guides = life_guides(drawn, case)
    # "No information" is about the whole case: filtering events out must not shade their time as empty.
    gaps = event_gaps(case.events, gap_months, until=reveal_until)
    used_types = [t for t in EventType if any(event.type == t for event in events)]
    involvements = {involvement(event) for event in events if is_decision(event)}
    assert all_marks is not None
    keys = legend_traces(all_marks, used_types, involvements, bool(guides), bool(gaps), lang, projector,
                         scale.small)
    traces += keys
    groups = len({key["legendgroup"] for key in keys})
    legend_px = int((len(keys) + groups) * scale.small * 1.75 + groups * (16 if projector else 12))

    figure_layout = _figure_layout(case, layout, geo, scale, lang, projector, as_of, date_window, gaps, guides,
                                   writer, case_persons, legend_px)
    # Traces and layout are built from known-good parts; plotly's per-element validation of thousands of
    # points would cost seconds (tests validate the figures in full).
    return go.Figure(data=traces, layout=figure_layout, _validate=False)


def _age_traces(case: Case, layout: TimelineLayout, geo: Geometry, font_px: int, lang: str) -> list[dict]:
    index = case.index()
    if index is None or layout.first_day is None:
        return []
    margin = font_px * 2 * (layout.x_range[1] - layout.x_range[0]) / geo.plot_width_px  # keep labels whole
    ages = age_marks(index.birth, ms_day(layout.x_range[0] + margin), ms_day(layout.x_range[1] - margin),
                     _age_step(layout, geo, font_px))
    return age_traces([day_ms(day) for day, _ in ages], [age for _, age in ages], lang, AXIS_UP * 0.45, font_px)


def _figure_layout(case: Case, layout: TimelineLayout, geo: Geometry, scale: TypeScale, lang: str,
                   projector: bool, as_of: dt.date | None, date_window: tuple[dt.date, dt.date] | None,
                   gaps: list[Gap], guides: list[float], writer: HoverWriter, case_persons: dict,
                   legend_px: int) -> dict[str, Any]:
    """The figure's layout: two lane axes sharing one time axis, the range slider, shapes and notes."""
    bottom, top = layout.y_range
    plot_px = (top - bottom) * geo.row_px
    slider_px = _SLIDER_PX * (1.3 if projector else 1.0)
    split = -bottom / (top - bottom)  # paper height of the axis line
    shapes: list[dict] = []
    for lane in layout.lanes:  # hairlines between lanes (the axis line separates the halves)
        yref = "y2" if lane.layer == Layer.FORMAL else "y"
        edge = lane.y1 + LANE_GAP / 2 if lane.layer == Layer.FORMAL else lane.y0 - LANE_GAP / 2
        shapes.append({"type": "line", "xref": "paper", "yref": yref, "x0": 0, "x1": 1, "y0": edge, "y1": edge,
                       "line": {"color": LANE_LINE, "width": 1}, "layer": "below"})
    gap_shapes, annotations = _gap_decor(gaps, layout, geo, lang, projector, scale.small)
    shapes += gap_shapes
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                "line": {"color": GUIDE_COLOUR, "width": 1.2, "dash": "dot"}, "layer": "below"} for x in guides]
    if as_of is not None:
        x = day_ms(as_of)
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                       "line": {"color": INK, "width": scale.line_width + 0.5}})
        text = word("as_of", lang).format(date=PartialDate.from_date(as_of).format(lang))
        annotations.append({"x": x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom",
                            "text": f"<b>{esc(text)}</b>", "showarrow": False,
                            "font": {"size": scale.small, "color": INK}, "bgcolor": PAPER})
    formal_ticks, lived_ticks = _lane_ticks(layout.lanes, writer, case_persons, lang, geo)
    full_range = list(layout.x_range)
    x_range = [day_ms(date_window[0]), day_ms(date_window[1])] if date_window else full_range
    nticks = max(4, geo.plot_width_px // (scale.base * 5))
    date_ticks = {"tickformatstops": [
        {"dtickrange": [None, 86_400_000 * 32], "value": "%-d-%-m-%Y"},
        {"dtickrange": [86_400_000 * 32, 86_400_000 * 360], "value": "%-m-%Y"},
        {"dtickrange": [86_400_000 * 360, None], "value": "%Y"},
    ], "nticks": nticks, "type": "date", "range": x_range, "zeroline": False}
    lane_axis = {"fixedrange": True, "showgrid": False, "zeroline": False, "showline": False, "ticks": "",
                 "tickfont": {"size": scale.base, "color": INK}, "automargin": True}
    return dict(
        template={},
        # plotly puts the range slider below the bottom margin and grows the margin by the slider and the
        # date labels: keep the margin itself small and count them in the height.
        height=int(max(plot_px, legend_px, _MIN_PLOT_PX) + _TOP_PX + _BOTTOM_PX + slider_px),
        margin={"l": 10, "r": 10, "t": _TOP_PX, "b": 12, "autoexpand": True},
        paper_bgcolor=PAPER, plot_bgcolor="rgba(0,0,0,0)",
        font={"family": FONT_FAMILY, "size": scale.base, "color": INK},
        title={"text": esc(case.title), "x": 0, "xref": "paper", "y": 1, "yref": "container", "yanchor": "top",
               "pad": {"t": 10}, "font": {"size": scale.title}},
        showlegend=True,
        legend={"itemclick": False, "itemdoubleclick": False, "font": {"size": scale.small},
                "tracegroupgap": 12 if not projector else 16, "bgcolor": "rgba(255,255,255,0.9)",
                "x": 1.01, "xanchor": "left", "y": 1, "yanchor": "top"},
        hovermode="closest", hoverdistance=16,
        hoverlabel={"font": {"size": scale.small, "family": FONT_FAMILY}, "bgcolor": PAPER, "bordercolor": MUTED,
                    "align": "left"},
        barmode="overlay", bargap=0, dragmode="zoom",
        uirevision=f"{case.id}|{date_window}",
        xaxis={**date_ticks, "anchor": "y", "showgrid": True, "gridcolor": GRID_COLOUR, "showline": False,
               "ticks": "", "tickfont": {"size": scale.small, "color": MUTED},
               "rangeslider": {"visible": True, "range": full_range,
                               "thickness": min(0.15, slider_px / max(plot_px, legend_px, _MIN_PLOT_PX)),
                               "bgcolor": "#F4F4F4", "bordercolor": GRID_COLOUR, "borderwidth": 1}},
        xaxis2={**date_ticks, "matches": "x", "anchor": "y2", "showgrid": True, "gridcolor": GRID_COLOUR,
                "showline": True, "linecolor": INK, "linewidth": scale.line_width * 1.6, "ticks": "outside",
                "ticklen": 6, "tickwidth": 1.5, "tickcolor": INK, "tickfont": {"size": scale.base, "color": INK}},
        yaxis={**lane_axis, "domain": [0, split], "range": [bottom, 0], **lived_ticks},
        yaxis2={**lane_axis, "domain": [split, 1], "range": [0, top], **formal_ticks},
        shapes=shapes, annotations=annotations,
    )

