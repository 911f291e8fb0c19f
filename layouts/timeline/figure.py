"""The timeline (work card 3): formal actions above one time axis, lived experience below it.

``timeline_figure(case, **view_options)`` is a pure function of the case and the view options. The
expensive part — which events, which lanes, which sub-rows — is :func:`timeline_layout`, which does not
depend on language, highlight, ``as_of`` or story mode: cache it and pass it as ``layout=``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Collection
from typing import Any

import numpy as np
import plotly.graph_objects as go

from layouts.style import (
    FONT_FAMILY,
    GAP_FILL,
    INK,
    MUTED,
    NOTE_COLOUR,
    NOTE_FILL_KEY,
    PAPER,
    TypeScale,
    type_scale,
)
from layouts.texts import text
from layouts.timeline.event_labels import add_words
from layouts.timeline.lanes import (
    Lane,
    PlacedEvent,
    TimelineLayout,
    select_events,
    stack_intervals,
    timeline_event_positions,
    timeline_layout,
)
from layouts.timeline.style import (
    AXIS_DOWN,
    AXIS_UP,
    GL_THRESHOLD,
    GRID_COLOUR,
    GUIDE_COLOUR,
    LANE_GAP,
    LANE_LINE,
    MAX_GUIDES,
    MIN_PLOT_WIDTH_PX,
    Chrome,
    Geometry,
    ProvenanceOf,
    chrome,
    geometry,
    involvement,
    is_decision,
    person_colour,
    plot_height_px,
    text_px,
)
from layouts.timeline.text import HoverWriter, esc, lane_hover, lane_label, merged_lane_label, note_hover
from layouts.timeline.traces import (
    LegendRow,
    age_traces,
    certainty_traces,
    concat_marks,
    legend_lines,
    legend_traces,
    mark_arrays,
    mark_traces,
    note_traces,
    span_bar_traces,
    span_decoration_traces,
    whisker_traces,
)
from models.case import Annotation, Case, Event
from models.dates import Gap, age_marks, day_ms, duration_text, event_gaps, find_gaps, ms_day
from models.partial_date import PartialDate
from models.vocabulary import EventType, Layer, PersonKind

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


_YEAR_MS = 365.2425 * 86_400_000
_STEPS = (1, 2, 5, 10, 20)


def _axis_px(layout: TimelineLayout, plot_px: float = MIN_PLOT_WIDTH_PX) -> tuple[float, Any]:
    """(px per ms, x → px from the left edge) of the time axis at full zoom on a ``plot_px`` wide plot, with the
    axis breaks left out."""
    lo, _ = layout.x_range
    px_per_ms = plot_px / max(layout.visible_ms(), 1.0)

    def px(x: float) -> float:
        return (x - lo - sum(max(0.0, min(b1, x) - b0) for b0, b1 in layout.breaks if b0 < x)) * px_per_ms
    return px_per_ms, px


def _step(px_per_year: float, need_px: float) -> int:
    """The smallest of every 1, 2, 5, 10, 20 years whose labels are ``need_px`` apart."""
    return next((step for step in _STEPS if px_per_year * step >= need_px), 50)


def _age_need_px(font_px: int, lang: str) -> float:
    """Room one age label needs (its estimated width for a two-digit age, and a space either side)."""
    return text_px(len(text("timeline_age", lang, age=18)), font_px) + font_px / 2


def _age_step(layout: TimelineLayout, font_px: int, lang: str) -> int:
    """Label every year of age, or every 2nd/5th/10th, so that "12 jr" labels stay apart on the narrowest plot."""
    px_per_ms, _ = _axis_px(layout)
    return _step(_YEAR_MS * px_per_ms, _age_need_px(font_px, lang))


def _break_mark_px(font_px: int) -> float:
    """Estimated width of a break mark ("//", bold, a little larger than the small type)."""
    return text_px(2, font_px + 4) + 6


def break_marks(layout: TimelineLayout, font_px: int) -> list[tuple[float, list[tuple[float, float]]]]:
    """Where the axis line gets a break mark: ``(x, cuts)``, one mark per cut, or one for a run of cuts too
    close together to be told apart on the narrowest plot (a short stretch between two long gaps), placed in
    the middle of the run."""
    if not layout.breaks:
        return []
    px_per_ms, px = _axis_px(layout)
    close = 3 * _break_mark_px(font_px)
    runs: list[list[tuple[float, float]]] = []
    for cut in sorted(layout.breaks):
        if runs and px(cut[0]) - px(runs[-1][-1][0]) < close:
            runs[-1].append(cut)
        else:
            runs.append([cut])
    marks = []
    for run in runs:
        x = run[0][0]
        if len(run) > 1:  # the middle of the run, in the stub between two of its cuts
            target = (px(run[0][0]) + px(run[-1][0])) / 2
            for (_, end), (start, _) in itertools.pairwise(run):
                if px(end) <= target <= px(start):
                    x = end + (target - px(end)) / px_per_ms
                    break
        marks.append((x, run))
    return marks


# --- lane labels --------------------------------------------------------------------------------------------


def _lane_labels(layout: TimelineLayout, writer: HoverWriter, persons: dict, lang: str, geo: Geometry,
                 scale: TypeScale, projector: bool) -> tuple[list[dict], int]:
    """Lane labels left of the lanes (annotations: their tooltip has the full name or what a merged lane holds)
    and the halves' captions beside the axis line; and the left margin they need, in px."""
    font = scale.small if projector else scale.base
    notes: list[dict] = []
    widest = 0
    without_org = any(item.lane == "other" and (not item.event.organisation or item.event.organisation
                                                  not in (layout.lane("other") or Lane("", "", "", Layer.FORMAL,
                                                                                        0, 0, 0)).members)
                      for item in layout.placed) if layout.lane("other") is not None else False
    for lane in layout.lanes:
        if lane.kind in ("other", "others") and lane.members:
            lines = [merged_lane_label(lane.kind, len(lane.members), layout.lane_mode, lang, projector)]
        else:
            lines = lane_label(lane.kind, lane.ref, writer, lang, geo.label_chars, lines=2 if lane.rows >= 2 else 1)
        widest = max(widest, *(len(line) for line in lines))
        label_text = "<br>".join(esc(line) for line in lines)
        if lane.kind == "person" and lane.ref in persons:
            label_text = f"<span style='color:{person_colour(persons[lane.ref].kind)}'>{label_text}</span>"
        hover = lane_hover(lane.kind, lane.ref, lane.members, writer, lang,
                           without_organisation=lane.kind == "other" and without_org)
        notes.append({"x": 0, "xref": "paper", "xanchor": "right", "xshift": -8, "align": "right",
                      "y": lane.centre, "yref": "y2" if lane.layer == Layer.FORMAL else "y", "yanchor": "middle",
                      "text": label_text, "hovertext": hover, "showarrow": False,
                      "font": {"size": font, "color": INK}, "captureevents": False})
    captions = ((text("timeline_formal_axis", lang), AXIS_UP * 0.45, "y2"),
                (text("timeline_lived_axis", lang), -AXIS_DOWN * 0.55, "y"))
    for caption, y, yref in captions:
        widest = max(widest, len(caption) + 1)
        notes.append({"x": 0, "xref": "paper", "xanchor": "right", "xshift": -8, "y": y, "yref": yref,
                      "yanchor": "middle", "text": f"<b>{esc(caption)}</b>", "showarrow": False,
                      "font": {"size": font, "color": INK}})
    return notes, int(widest * font * 0.6 + 24)


# --- time axis: gaps, breaks, ticks ---------------------------------------------------------------------------


def _label_px(label: str, font_px: int) -> float:
    """Estimated length of a short lower-case label ("geen informatie"; narrower than :func:`text_px`'s
    average, which allows for capitals and digits)."""
    return len(label) * font_px * 0.5


def _gap_note(gap: Gap, width_px: float, high_px: float, shortened: bool, lang: str, projector: bool,
              font_px: int) -> tuple[str, bool] | None:
    """A gap's label and whether it is written across (else upright), or None when even "no information" does
    not fit its band: ``width_px`` wide (on the narrowest plot), ``high_px`` from the top down to the ages."""
    label = text("no_information", lang)
    duration = duration_text(gap.months, lang)
    across = width_px >= text_px(len(label), font_px) + 8
    if across:
        return label + ("\n" + duration if shortened or not projector else ""), True
    if width_px < font_px * 1.3:  # too narrow for even one upright line
        return None
    if shortened or not projector:  # a shortened gap says how long it is, when that fits
        years = duration_text(round(gap.months / 12) * 12, lang) if gap.months >= 24 else duration
        if _label_px(f"{label} · {years}", font_px) <= high_px:
            return f"{label} · {years}", False
    return (label, False) if _label_px(label, font_px) <= high_px else None


def _gap_decor(gaps: list[Gap], layout: TimelineLayout, lang: str, projector: bool, font_px: int,
               high_px: float, in_lived: bool = False) -> tuple[list[dict], list[dict]]:
    """Shaded columns over the gaps, each labelled "geen informatie" where the band has room (upright when it is
    narrow; shortened or left out when it is short); a gap the axis shortens says how long it is, and the axis
    line gets one break mark per cut (or per run of cuts close together). ``high_px``: the room from the top
    of the plot down to the ages above the axis (``in_lived``: from under the years down to the bottom)."""
    shapes, notes = [], []
    _, px = _axis_px(layout)
    marks = break_marks(layout, font_px)
    groups: list[list[Gap]] = []  # gaps that touch (one moment between them) share one label
    for gap in gaps:
        x0, x1 = day_ms(gap.start), day_ms(gap.end)
        if x1 <= layout.x_range[0] or x0 >= layout.x_range[1]:
            continue
        shapes.append({"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0, "y1": 1,
                       "fillcolor": GAP_FILL, "line": {"width": 0}, "layer": "below"})
        if groups and (gap.start - groups[-1][-1].end).days <= 1:
            groups[-1].append(gap)
        else:
            groups.append([gap])
    last_upright = -1e9
    for group in groups:
        x0, x1 = max(day_ms(group[0].start), layout.x_range[0]), min(day_ms(group[-1].end), layout.x_range[1])
        breaks = [b for b in layout.breaks if x0 <= b[0] and b[1] <= x1]
        width_px = px(x1) - px(x0)
        found = _gap_note(group[0], width_px, high_px, bool(breaks) and len(group) == 1, lang,
                          projector or len(group) > 1, font_px)
        x = next((mark for mark, _ in marks if x0 <= mark <= x1), (x0 + x1) / 2)
        if found is None or (not found[1] and px(x) - last_upright < font_px * 1.4):
            continue  # no room, or right beside the label of the gap before (hover on the band's break mark)
        note, across = found
        if not across:
            last_upright = px(x)
        hover = " + ".join(duration_text(gap.months, lang) for gap in group)
        notes.append({"x": x, "xref": "x", "y": -AXIS_DOWN if in_lived else 1, "yref": "y" if in_lived else "paper",
                      "yanchor": "top", "text": esc(note).replace("\n", "<br>"), "showarrow": False,
                      "textangle": 0 if across else -90,
                      "font": {"size": font_px, "color": MUTED}, "align": "center", "name": "timeline-gap",
                      "hovertext": esc(f"{text('no_information', lang)} · {hover}")})
    for x, run in marks:  # a break in the axis line, like a torn paper strip
        months = sum(b1 - b0 for b0, b1 in run) / 86_400_000 / 30.44
        notes.append({"x": x, "xref": "x", "y": 0, "yref": "y2", "text": "<b>//</b>", "showarrow": False,
                      "font": {"size": font_px + 4, "color": INK}, "bgcolor": PAPER, "borderpad": 0,
                      "name": "timeline-break",
                      "hovertext": esc(text("timeline_break", lang, duration=duration_text(months, lang)))})
    return shapes, notes


def _year_ticks(layout: TimelineLayout, x_range: list[float], font_px: int, mark_font_px: int, gl: bool
                ) -> dict[str, Any]:
    """Ticks at whole years when the axis has breaks (plotly's own ticks bunch up beside a break): every
    year, or every 2nd/5th/10th, none closer than a label's width to the one before or to a break mark (on
    the narrowest plot)."""
    if gl or not layout.breaks:
        return {}
    lo, hi = x_range
    px_per_ms, px = _axis_px(layout)
    need = text_px(4, font_px) + 14
    step = _step(_YEAR_MS * px_per_ms, need)
    marks = [px(x) for x, _ in break_marks(layout, mark_font_px)]
    clear = need / 2 + _break_mark_px(mark_font_px) / 2

    candidates = [day_ms(dt.date(year, 1, 1)) for year in range(ms_day(lo).year + 1, ms_day(hi).year + 1)
                  if year % step == 0]
    # A stretch between two breaks without a new year in it gets its year in the middle.
    edges = [lo, *(x for b in layout.breaks for x in b if lo < x < hi), hi]
    for start, end in zip(edges[::2], edges[1::2], strict=False):
        if not any(start <= x <= end for x in candidates):
            candidates.append((start + end) / 2)
    vals: list[float] = []
    labels: list[str] = []
    last = -1e9
    for x in sorted(candidates):
        if any(b0 <= x <= b1 for b0, b1 in layout.breaks) or px(x) - last < need or px(x) < need * 0.45 \
                or not lo <= x <= hi or any(abs(px(x) - mark) < clear for mark in marks):
            continue
        vals.append(x)
        labels.append(str(ms_day(x).year))
        last = px(x)
    return {"tickmode": "array", "tickvals": vals, "ticktext": labels, "tickangle": 0}


def _rangebreaks(layout: TimelineLayout, gl: bool) -> list[dict]:
    """plotly rangebreaks for the layout's breaks (not with WebGL traces, which do not follow them)."""
    if gl or not layout.breaks:
        return []
    return [{"bounds": [ms_day(b0).isoformat(), ms_day(b1).isoformat()]} for b0, b1 in layout.breaks]


# --- analysts' notes -------------------------------------------------------------------------------------------


def annotation_marks(case: Case, layout: TimelineLayout, drawn: list[PlacedEvent], lang: str, font_px: int,
                     top: float) -> tuple[list[dict], list[dict]]:
    """✎ marks for the case's annotations: above each annotated event that is drawn, and at the top of each
    annotated stretch of time (which is shaded lightly). Returns (traces, shapes)."""
    if not case.annotations:
        return [], []
    drawn_by_id = {item.event.id: item for item in drawn}
    per_event: dict[str, list[Annotation]] = {}
    ranges: list[tuple[float, float, Annotation]] = []
    for note in case.annotations:
        for event_id in dict.fromkeys(note.target.events):
            if event_id in drawn_by_id:
                per_event.setdefault(event_id, []).append(note)
        if note.target.date_range is not None:
            span = note.target.date_range
            x0 = day_ms(span.start.earliest())
            x1 = day_ms((span.end or span.start).latest() + dt.timedelta(days=1))
            ranges.append((x0, max(x1, x0 + 86_400_000), note))
    traces: list[dict] = []
    for layer, axes in ((Layer.LIVED, ("x", "y")), (Layer.FORMAL, ("x2", "y2"))):
        items = [drawn_by_id[event_id] for event_id in per_event if drawn_by_id[event_id].event.layer == layer]
        traces += note_traces([item.x for item in items], [item.y + 0.48 for item in items],
                              [note_hover(per_event[item.event.id], lang) for item in items], font_px, axes)
    # A light band along the top edge with a thin rule at each end: it marks the stretch without tinting
    # the whole plot (a full-height wash read as a selection, and hid the "no information" bands).
    shapes = [{"type": "rect", "xref": "x", "yref": "paper", "x0": x0, "x1": x1, "y0": 0.965, "y1": 1,
               "fillcolor": NOTE_FILL_KEY, "line": {"width": 0}, "layer": "below"}
              for x0, x1, _ in ranges]
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0.94, "y1": 1,
                "line": {"width": 1, "color": NOTE_COLOUR}, "layer": "below"}
               for x0, x1, _ in ranges for x in (x0, x1)]
    traces += note_traces([x0 for x0, _, _ in ranges], [top - 0.45] * len(ranges),
                          [note_hover([note], lang) for _, _, note in ranges], font_px, ("x2", "y2"))
    return traces, shapes


# --- the figure ------------------------------------------------------------------------------------------------


def timeline_figure(case: Case, *, lang: str = "nl", projector: bool = False,
                    highlight_events: Collection[str] | None = None,
                    highlight_persons: Collection[str] | None = None,
                    highlight_organisations: Collection[str] | None = None,
                    as_of: dt.date | None = None, date_window: tuple[dt.date, dt.date] | None = None,
                    persons: Collection[str] | None = None, organisations: Collection[str] | None = None,
                    event_types: Collection[str] | None = None, layers: Collection[str] | None = None,
                    reveal_until: dt.date | None = None, lane_mode: str = "organisation",
                    gap_months: float = 6, compact: bool = True, show_annotations: bool = True,
                    layout: TimelineLayout | None = None) -> go.Figure:
    """The timeline of ``case`` for the given view options (see ``layouts/__init__.py``).

    Two stacked subplots share one time axis: formal lanes (x2, y2, y > 0) above the axis line, lived
    lanes (x, y, y < 0) below it. ``compact`` (default): both halves fit one screen (see
    :func:`timeline_layout`). ``show_annotations``: a ✎ above annotated events and at annotated stretches
    of time (shaded), their notes in the hover. ``layout``: a cached :func:`timeline_layout` for the same
    case, filters, lane mode, projector flag and compactness (it is computed when not given).
    """
    if layout is None:
        layout = timeline_layout(case, persons=persons, organisations=organisations, event_types=event_types,
                                 layers=layers, lane_mode=lane_mode, projector=projector, compact=compact)
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
            layer_traces += _age_traces(case, layout, scale.small, lang)
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
        note_marks, note_shapes = annotation_marks(case, layout, drawn, lang, scale.small + 2, layout.y_range[1])
        traces += note_marks
    guides = life_guides(drawn, case)
    # "No information" is about the whole case: filtering events out must not shade their time as empty.
    gaps = event_gaps(case.events, gap_months, until=reveal_until)
    used_types = [t for t in EventType if any(event.type == t for event in events)]
    involvements = {involvement(event) for event in events if is_decision(event)}
    assert all_marks is not None
    keys, legend_rows = legend_traces(all_marks, used_types, involvements, bool(guides), bool(gaps), lang,
                                      projector, chrome(projector).legend_font_px, has_notes=bool(note_shapes) or any(
                                          trace.get("hovertext") is not None and trace.get("customdata") is None
                                          and trace.get("mode") == "markers+text" for trace in traces))
    traces += keys

    figure_layout = _figure_layout(case, layout, geo, scale, lang, projector, as_of, date_window, gaps, guides,
                                   writer, case_persons, keys, legend_rows, gl, note_shapes)
    traces += add_words(case, layout, drawn, lang, projector, figure_layout)  # labels on marks, key moments
    # Traces and layout are built from known-good parts; plotly's per-element validation of thousands of
    # points would cost seconds (tests validate the figures in full).
    return go.Figure(data=traces, layout=figure_layout, _validate=False)


def _age_traces(case: Case, layout: TimelineLayout, font_px: int, lang: str) -> list[dict]:
    """The index child's age every k-th birthday above the axis: k so that the labels stay apart on the
    narrowest plot, none cut at the plot's edges or on a break mark, none closer than a label's room."""
    index = case.index()
    if index is None or layout.first_day is None:
        return []
    px_per_ms, px = _axis_px(layout)
    need = _age_need_px(font_px, lang)
    margin = need / 2 / px_per_ms  # keep labels whole
    ages = age_marks(index.birth, ms_day(layout.x_range[0] + margin), ms_day(layout.x_range[1] - margin),
                     _age_step(layout, font_px, lang))
    marks = [px(x) for x, _ in break_marks(layout, font_px)]
    clear = need / 2 + _break_mark_px(font_px) / 2
    kept: list[tuple[float, int]] = []
    for day, age in ages:
        x = day_ms(day)
        if any(b0 <= x <= b1 for b0, b1 in layout.breaks) or any(abs(px(x) - mark) < clear for mark in marks) \
                or (kept and px(x) - px(kept[-1][0]) < need):
            continue
        kept.append((x, age))
    return age_traces([x for x, _ in kept], [age for _, age in kept], lang, AXIS_UP * 0.45, font_px)


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
                   keys: list[dict], legend_groups: list[LegendRow], gl: bool, note_shapes: list[dict]
                   ) -> dict[str, Any]:
    """The figure's layout: two lane axes sharing one time axis, the range slider, shapes and notes."""
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
    gap_shapes, annotations = _gap_decor(gaps, layout, lang, projector, scale.small, high_px, in_lived)
    shapes += gap_shapes + note_shapes
    shapes += [{"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                "line": {"color": GUIDE_COLOUR, "width": 1.2, "dash": "dot"}, "layer": "below"} for x in guides]
    if as_of is not None:
        x = day_ms(as_of)
        shapes.append({"type": "line", "xref": "x", "yref": "paper", "x0": x, "x1": x, "y0": 0, "y1": 1,
                       "line": {"color": INK, "width": scale.line_width + 0.5}})
        as_of_note = text("timeline_as_of", lang, date=PartialDate.from_date(as_of).format(lang))
        annotations.append({"x": x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "bottom",
                            "text": f"<b>{esc(as_of_note)}</b>", "showarrow": False,
                            "font": {"size": scale.small, "color": INK}, "bgcolor": PAPER})
    lane_notes, label_px = _lane_labels(layout, writer, case_persons, lang, geo, scale, projector)
    annotations += lane_notes
    full_range = list(layout.x_range)
    x_range = [day_ms(date_window[0]), day_ms(date_window[1])] if date_window else full_range
    nticks = max(4, geo.plot_width_px // (scale.base * 5))
    date_ticks = {"tickformatstops": [
        {"dtickrange": [None, 86_400_000 * 32], "value": "%-d-%-m-%Y"},
        {"dtickrange": [86_400_000 * 32, 86_400_000 * 360], "value": "%-m-%Y"},
        {"dtickrange": [86_400_000 * 360, None], "value": "%Y"},
    ], "nticks": nticks, "type": "date", "range": x_range, "zeroline": False, "rangebreaks": _rangebreaks(layout, gl),
        **_year_ticks(layout, x_range, scale.base, scale.small, gl)}
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
        uirevision=f"{case.id}|{date_window}",
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
