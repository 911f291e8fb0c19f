"""The timeline's words on its marks and its key moments, as plotly parts.

Which events keep a label first (:func:`label_priority`), the frame the labels are fitted in (the plot at
the nominal width of the mode, see :class:`~layouts.timeline.style.Geometry`), the labels as annotations
(a leader line is the annotation's arrow, so it follows its mark when the axis is zoomed), and the key
moments — deaths, court orders, the start and end of placements, events the case marks as key — as a ring
round the mark and a line across both halves with a word on it.

Zooming in brings the labels that did not fit: :mod:`layouts.timeline.zoom` runs :func:`fit_words` on the
events in the zoomed range, for that range and the graph's measured width (``x_range``, ``figure_px``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from layouts.inert import drawn_text
from layouts.style import INK, MUTED, PAPER, type_scale
from layouts.texts import text
from layouts.timeline.event_columns import WEIGHTY_TYPES
from layouts.timeline.label_obstacles import decor_boxes
from layouts.timeline.labels import LabelBox, LabelFrame, LabelMark, PlotScale, place_labels, text_width
from layouts.timeline.lanes import PlacedEvent, TimelineLayout
from layouts.timeline.style import (
    GL_THRESHOLD,
    KEY_MOMENT_COLOUR,
    KEY_MOMENT_LINE,
    LABEL_FIGURE_PX,
    LABEL_FONT_PX,
    LINK_WORD_NAME,
    SYMBOL_NUMBER,
    Geometry,
    geometry,
    is_decision,
    plot_height_px,
)
from layouts.timeline.wall import (
    WALL_DRIFT_PX,
    WALL_LINE_PX,
    WALL_REFITS,
    wall_growth,
    wall_key_lines,
)
from models.case import Case, Event, Person
from models.vocabulary import EventType, Layer

DAY_MS = 86_400_000
_SECOND = (EventType.INCIDENT, EventType.STATEMENT_OF_NEED)
_THIRD = (EventType.REFERRAL, EventType.ASSESSMENT, EventType.TREATMENT)


def is_death(event: Event, persons: dict[str, Person]) -> Person | None:
    """The person whose death the (life) event is, if it is one: someone in it died on its date."""
    if event.type != EventType.LIFE_EVENT:
        return None
    span = None  # the event's first and last day, worked out for the first person who died (thousands are tested)
    for person_id in event.persons:
        person = persons.get(person_id)
        if person is not None and person.death is not None:
            lo, hi = span = span or (event.date.earliest(), event.date.latest())
            if person.death.earliest() <= hi and lo <= person.death.latest():
                return person
    return None


def weighty_priority(event: Event, persons: dict[str, Person]) -> int | None:
    """:func:`label_priority` when it is 0 or 1, else None (the cheap tests first: thousands of events are
    tested when zoomed out, see :mod:`layouts.timeline.aggregate`)."""
    if event.key_moment or (event.type == EventType.LIFE_EVENT and is_death(event, persons) is not None):
        return 0
    if event.type in WEIGHTY_TYPES or event.decision is not None or event.placement is not None:
        return 1
    return None


def label_priority(event: Event, persons: dict[str, Person], annotated: set[str]) -> int:
    """0 for key moments and deaths; 1 decisions, court orders, placements; 2 incidents, statements of need
    and annotated events; 3 referrals, assessments, treatment; 4 the rest (lower keeps its label first)."""
    weighty = weighty_priority(event, persons)
    if weighty is not None:
        return weighty
    if event.type in _SECOND or event.id in annotated:
        return 2
    return 3 if event.type in _THIRD else 4


# --- key moments ----------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeyMoment:
    """A line across the timeline at ``x`` (ms) with ``word`` on it; ``mark`` the (x, y, layer) it rings."""

    x: float
    word: str
    strong: bool
    mark: tuple[float, float, Layer] | None  # None: no ring (a court order's or placement's own symbol shows it)
    rank: int = 0  # 0 a death, 1 marked key, 2 a court order, 3 a placement's start, 4 its end


def is_key_event(event: Event, persons: dict[str, Person]) -> bool:
    """Whether ``event`` is a key moment: a death, an event the case marks as key, a court order, a placement."""
    return bool(event.key_moment) or event.type in (EventType.COURT_ORDER, EventType.PLACEMENT) \
        or event.placement is not None or is_death(event, persons) is not None


def key_moments(case: Case, drawn: Sequence[PlacedEvent], lang: str, until: float | None = None
                ) -> list[KeyMoment]:
    """The key moments among the drawn events, in time order (one per day: the weightiest); up to ``until``
    (ms; story mode: a placement's end after the step's day is not known yet)."""
    persons = case.person_map()
    found: list[tuple[int, KeyMoment]] = []
    for item in drawn:
        event, at = item.event, (item.x, item.y, item.event.layer)
        dead = is_death(event, persons)
        if dead is not None:
            word = text("timeline_key_death", lang) if dead.id != case.index_person else f"† {dead.label}"
            found.append((0, KeyMoment(item.x, word, dead.id == case.index_person, at, 0)))
        elif event.key_moment:
            found.append((1, KeyMoment(item.x, text("timeline_key_moment", lang), False, at, 1)))
        elif event.type == EventType.COURT_ORDER:
            found.append((2, KeyMoment(item.x, text("timeline_key_court_order", lang), False, None, 2)))
        elif event.type == EventType.PLACEMENT or event.placement is not None:
            found.append((3, KeyMoment(item.x, text("timeline_key_placement", lang), False, None, 3)))
            if item.is_span and event.end is not None:
                found.append((4, KeyMoment(item.x_end, text("timeline_key_placement_end", lang), False, None, 4)))
    return _one_per_day([(rank, moment) for rank, moment in found if until is None or moment.x <= until])


def _one_per_day(found: list[tuple[int, KeyMoment]]) -> list[KeyMoment]:
    """The weightiest moment of each day (lowest rank), in time order."""
    by_day: dict[int, tuple[int, KeyMoment]] = {}
    for rank, moment in found:
        day = int(moment.x // DAY_MS)
        if day not in by_day or rank < by_day[day][0]:
            by_day[day] = (rank, moment)
    return [moment for _, moment in sorted(by_day.values(), key=lambda pair: pair[1].x)]


def _key_words(moments: list[KeyMoment], scale: PlotScale, font_px: float, marks: np.ndarray
               ) -> list[tuple[KeyMoment, tuple]]:
    """The moments whose word fits upright at the top of the plot, clear of the marks (px boxes, N × 4; the
    child's death is always written) and of the words before it; with its px box."""
    kept: list[tuple[KeyMoment, tuple]] = []
    for moment in sorted(moments, key=lambda m: (not m.strong, m.x)):
        px = scale.x(moment.x / DAY_MS)
        box = (px - font_px * 0.75, 0.0, px + font_px * 0.75, text_width(moment.word, font_px) + 6)
        clear = moment.strong or not len(marks) \
            or not np.count_nonzero((marks[:, 0] < box[2]) & (box[0] < marks[:, 2]) & (marks[:, 1] < box[3]))
        if clear and all(abs(px - other[0] - font_px * 0.75) > font_px * 1.5 for _, other in kept):
            kept.append((moment, box))
    return kept


KEY_LINE_SHAPES = 60
"""Up to this many key moments, each line is a shape; beyond it, the dashed lines are one line trace per half
(a shape each would be ~200 bytes of JSON and an SVG element of its own; the child's death stays a shape)."""


def _key_line_traces(moments: list[KeyMoment], y_range: tuple[float, float]) -> list[dict]:
    """The dashed lines of ``moments`` as one polyline (broken by NaN) on each half's axes, under the marks."""
    x = np.repeat(np.array([m.x for m in moments], dtype=float), 3)
    x[2::3] = np.nan
    traces = []
    for (lo, hi), axes in (((y_range[0], 0.0), ("x", "y")), ((0.0, y_range[1]), ("x2", "y2"))):
        y = np.tile(np.array([lo, hi, np.nan], dtype=np.float32), len(moments))  # rows: f4 is exact enough
        traces.append({"type": "scatter", "x": x, "y": y, "xaxis": axes[0], "yaxis": axes[1], "mode": "lines",
                       "hoverinfo": "skip", "showlegend": False, "name": KEY_LINES_NAME,
                       "line": {"color": KEY_MOMENT_LINE, "width": 1.2, "dash": "dash"}})
    return traces


KEY_LINES_NAME = "timeline-key-moment-lines"


def _key_parts(moments: list[KeyMoment], words: list[tuple[KeyMoment, tuple]], geo: Geometry, font_px: float,
               y_range: tuple[float, float], lines: list[KeyMoment] | None = None
               ) -> tuple[list[dict], list[dict], list[dict]]:
    """(shapes, annotations, traces): the lines (of ``lines`` when given, else of every moment), the words on
    them and the rings round the marks (and, for many lines, the dashed ones as traces)."""
    with_line = moments if lines is None else lines
    many = len(with_line) > KEY_LINE_SHAPES
    as_shapes = [m for m in with_line if m.strong] if many else with_line
    shapes = [{"type": "line", "xref": "x", "yref": "paper", "x0": m.x, "x1": m.x, "y0": 0, "y1": 1, "layer": "below",
               "line": {"color": KEY_MOMENT_COLOUR if m.strong else KEY_MOMENT_LINE, "width": 2.5 if m.strong else 1.2,
                        "dash": "solid" if m.strong else "dash"}}
              for m in as_shapes]
    lines = [m for m in with_line if not m.strong] if many else []
    notes = [{"x": m.x, "xref": "x", "y": 1, "yref": "paper", "yanchor": "top", "xanchor": "center",
              "textangle": -90, "text": f"<b>{drawn_text(m.word)}</b>" if m.strong else drawn_text(m.word),
              "showarrow": False, "font": {"size": font_px, "color": INK}, "bgcolor": PAPER, "borderpad": 1,
              "name": "timeline-key-moment"} for m, _ in words]
    traces = []
    for layer, axes in ((Layer.LIVED, ("x", "y")), (Layer.FORMAL, ("x2", "y2"))):
        ring = [m.mark for m in moments if m.mark is not None and m.mark[2] == layer]
        if ring:
            traces.append({"type": "scatter", "x": np.array([mark[0] for mark in ring]),
                           "y": np.array([mark[1] for mark in ring]), "xaxis": axes[0], "yaxis": axes[1],
                           "mode": "markers", "hoverinfo": "skip", "showlegend": False,
                           "marker": {"symbol": SYMBOL_NUMBER["circle-open"], "size": geo.decision_px + 6,
                                      "color": KEY_MOMENT_COLOUR, "line": {"width": 1.6, "color": KEY_MOMENT_COLOUR}}})
    return shapes, notes, (_key_line_traces(lines, y_range) if lines else []) + traces


# --- labels ---------------------------------------------------------------------------------------------------

YEAR_TICK_PX = 10
"""px from the axis line to the top of its years (the tick and the gap under it, see figure_layout's xaxis2)."""


SCREEN_REFIT_MARKS = 120
"""Up to this many marks the screen's labels are fitted four ways, as the wall's (+2 to +4 labels, 3× the CPU)."""


def label_frame(layout: TimelineLayout, projector: bool, margin_px: float,
                avoid: tuple[tuple[float, float, float, float], ...] = (), figure_px: float | None = None,
                x_range: tuple[float, float] | None = None, band_rows: float = 0.0, massed: bool = False,
                refit: bool = False) -> LabelFrame:
    """The plot the labels are fitted in: the figure's width (default the mode's nominal one) less the lane
    labels, its lanes' height; showing ``x_range`` (ms; default the whole axis); with ``band_rows`` (the wall),
    label rows above and below the lanes. A leader line may pass under a label beside its own mark (on the screen
    too: 50-event cases at 1280 got 32–42 labels with every label kept clear of lines, 39–45 so);
    ``massed``: the weighty marks over density bars, labelled beside their marks only (no leader lines);
    ``refit``: fitted four ways, as on the wall (:data:`SCREEN_REFIT_MARKS`)."""
    bottom, top = layout.y_range
    bottom, top = bottom - band_rows, top + band_rows
    lo, hi = x_range or layout.x_range
    width_px = (figure_px or LABEL_FIGURE_PX[projector]) - margin_px - 12
    height_px = plot_height_px(top - bottom, projector)
    # the years under the axis line (its ticks, then a line of type): no label over them
    years_rows = (YEAR_TICK_PX + type_scale(projector).base * 1.2) / (height_px / (top - bottom))
    reach = 0.0 if layout.added_rows else 0.35  # into the room beside the axis (not a workshop's row)
    return LabelFrame(
        width_px=width_px,
        height_px=height_px,
        x_range=(lo / DAY_MS, hi / DAY_MS), y_range=(bottom, top),
        font_px=LABEL_FONT_PX[projector], breaks=tuple((b0 / DAY_MS, b1 / DAY_MS) for b0, b1 in layout.breaks),
        regions=((layout.axis_up - reach, top), (bottom, -max(layout.axis_down - reach, years_rows))),
        line_px=LABEL_FONT_PX[projector] * 1.3,
        avoid=avoid, leaders_under=True, max_lines=1 if band_rows else 2,  # see word_notes
        max_width_px=WALL_LINE_PX * wall_growth(width_px) if band_rows else 0.0,
        max_drift_px=WALL_DRIFT_PX * wall_growth(width_px) if band_rows else 0.0, leaders=not massed,
        refits=tuple((LABEL_FONT_PX[projector] * height, rows) for height, rows in WALL_REFITS)
        if band_rows or refit else ())


def label_marks(case: Case, drawn: Sequence[PlacedEvent], geo: Geometry) -> list[LabelMark]:
    """The drawn events as marks to label (x in days, y in rows), with their priority and size."""
    persons = case.person_map()
    annotated = {event_id for note in case.annotations for event_id in note.target.events}
    return [LabelMark(x=item.x / DAY_MS, y=item.y, title=item.event.title,
                      priority=label_priority(item.event, persons, annotated),
                      x_end=item.x_end / DAY_MS if item.is_span else None,
                      size_px=geo.decision_px if is_decision(item.event) else geo.marker_px)
            for item in drawn]


def _label_note(box: LabelBox, item: PlacedEvent, font_px: float, geo: Geometry, scale: PlotScale | None = None
                ) -> dict[str, Any]:
    """One placed label as a plotly annotation on its mark's axes (a leader line is its arrow). With ``scale``
    (the wall) a label with a leader line sits at a place on the axes, not at a px offset: on a larger wall it
    spreads out with the marks. Labels are opaque: one beside its mark hides a leader line passing under it."""
    (mx, my), (cx, cy) = box.mark_px, box.centre
    formal = item.event.layer == Layer.FORMAL
    xref, yref = ("x2", "y2") if formal else ("x", "y")
    note: dict[str, Any] = {
        "x": item.x, "y": item.y, "xref": xref, "yref": yref,
        "text": "<br>".join(drawn_text(line) for line in box.lines), "font": {"size": font_px, "color": INK},
        "align": "right" if box.side == "left" else "left",
        "bgcolor": PAPER,
        "borderpad": 0, "captureevents": False, "name": "timeline-label", "yanchor": "middle",
    }
    if box.leader:
        note.update(showarrow=True, ax=cx - mx, ay=cy - my, arrowhead=0, arrowwidth=1, arrowcolor=MUTED,
                    standoff=geo.marker_px / 2, xanchor="center")
        if scale is not None:
            note.update(ax=scale.days(cx) * DAY_MS, ay=scale.rows(cy), axref=xref, ayref=yref)
    else:
        anchor = {"right": ("left", box.left), "left": ("right", box.left + box.width)}.get(box.side, ("center", cx))
        note.update(showarrow=False, xanchor=anchor[0], xshift=anchor[1] - mx, yshift=my - cy)
    return note


@dataclass(frozen=True, slots=True)
class Words:
    """What :func:`add_words` draws: the label boxes (px, in the frame), the key moments and their words."""

    frame: LabelFrame
    boxes: list[LabelBox]
    moments: list[KeyMoment]
    words: list[tuple[KeyMoment, tuple]]
    lines: list[KeyMoment] | None = None  # the moments with a line (None: all)


def fit_words(case: Case, layout: TimelineLayout, drawn: Sequence[PlacedEvent], lang: str, projector: bool,
              margin_px: float, gap_notes: Sequence[dict] = (), figure_px: float | None = None,
              x_range: tuple[float, float] | None = None, until: float | None = None,
              around: Sequence[PlacedEvent] = (), band_rows: float = 0.0, place: bool = True,
              massed: bool = False) -> Words:
    """Fit the key moments' words and the event labels in the plot (``margin_px``: the lane labels' room;
    ``figure_px``: the figure's width when not the mode's nominal one; ``x_range``: the stretch of time shown,
    ms, when not the whole axis — ``drawn`` then holds the events in it, ``around`` the periods that began
    before it and reach into it: their bars are kept clear, their ends can be key moments; ``band_rows``: the
    wall's label rows, where only the most telling key moments keep a line; ``place``: False when print puts
    numbered labels of its own; ``massed``: ``drawn`` are the weighty marks of thousands, drawn over density
    bars: labelled beside their marks only, as a leader line across the bars is hard to follow). Fitted for a
    width, the labels also stay apart when drawn wider: fit for the narrowest width the figure will have."""
    geo, font_px = geometry(projector), LABEL_FONT_PX[projector]
    scale = PlotScale(label_frame(layout, projector, margin_px, figure_px=figure_px, x_range=x_range,
                                  band_rows=band_rows))
    marks = label_marks(case, drawn, geo) if place and len(drawn) <= GL_THRESHOLD else []
    mark_boxes = np.array([_mark_box(mark, scale) for mark in marks], dtype=float).reshape(-1, 4)
    moments = key_moments(case, [*drawn, *around], lang, until)
    if x_range is not None:
        moments = [moment for moment in moments if x_range[0] <= moment.x <= x_range[1]]
    lines = wall_key_lines(moments) if band_rows else None
    # on the wall the labels name the court orders and placements: only the child's death has its word
    words = _key_words(moments if lines is None else [m for m in lines if m.strong], scale, font_px, mark_boxes)
    noted = {event_id for note in case.annotations for event_id in note.target.events}
    glyph_px = type_scale(projector).base
    decor = decor_boxes(drawn, scale, geo, font_px, glyph_px, noted, list(gap_notes)) if marks else []
    bars = [_mark_box(mark, scale) for mark in label_marks(case, around, geo)] if marks else []
    avoid = (*decor, *((max(box[0], 0.0), *box[1:]) for box in bars), *(box for _, box in words))
    frame = label_frame(layout, projector, margin_px, avoid, figure_px=figure_px, x_range=x_range,
                        band_rows=band_rows, massed=massed, refit=len(marks) <= SCREEN_REFIT_MARKS)
    # Above the WebGL threshold the axis is full at this zoom: labels come with zooming in (not yet built).
    return Words(frame, place_labels(marks, frame) if marks else [], moments, words, lines)


def _mark_box(mark: LabelMark, scale: PlotScale) -> tuple[float, float, float, float]:
    x, y, r = scale.x(mark.x), scale.y(mark.y), mark.size_px / 2
    return x - r, y - r, (scale.x(mark.x_end) if mark.x_end is not None else x) + r, y + r


def add_words(case: Case, layout: TimelineLayout, drawn: Sequence[PlacedEvent], lang: str, projector: bool,
              figure_layout: dict[str, Any], figure_px: float | None = None,
              x_range: tuple[float, float] | None = None, until: float | None = None,
              band_rows: float = 0.0, place: bool = True, massed: bool = False) -> list[dict]:
    """Add the event labels and the key moments' lines and words to ``figure_layout`` (its annotations and
    shapes), the labels fitted for ``x_range`` (ms; default the whole axis), the key moments up to ``until``
    (ms; story mode's day); ``band_rows``: the wall's label rows (see :mod:`layouts.timeline.wall`);
    ``place``: False for no event labels (print numbers its own), the key moments only; ``massed``: ``drawn``
    are the weighty marks over density bars (see :func:`fit_words`). Return the
    traces of the key moments' rings (and of their lines when there are many, named :data:`KEY_LINES_NAME`:
    drawn first, under the marks)."""
    geo, font_px = geometry(projector), LABEL_FONT_PX[projector]
    annotations = figure_layout.setdefault("annotations", [])
    # the gaps' "geen informatie" and the words on the group's arrows: the labels keep clear of them
    gap_notes = [note for note in annotations if note.get("name") in ("timeline-gap", LINK_WORD_NAME)]
    margin = figure_layout["margin"]["l"]
    shown = drawn if x_range is None else in_range(drawn, x_range)
    key = (lang, projector, margin, len(drawn), tuple((note["x"], note["text"]) for note in gap_notes), figure_px,
           x_range, until, band_rows, place, massed)
    fitted = layout.words_cache.get(key)
    if fitted is None:
        fitted = layout.words_cache[key] = fit_words(
            case, layout, shown, lang, projector, margin, gap_notes, figure_px, x_range, until,
            reaching_in(drawn, x_range) if x_range is not None else (), band_rows, place, massed)
    # the words for the range shown, the lines of every key moment
    moments = fitted.moments if x_range is None else key_moments(case, drawn, lang, until)
    lines = fitted.lines if x_range is None or fitted.lines is None else wall_key_lines(moments)
    shapes, _, rings = _key_parts(moments, [], geo, font_px, layout.y_range, lines)
    annotations += word_notes(fitted, shown, projector, wall=band_rows > 0)
    figure_layout.setdefault("shapes", []).extend(shapes)
    return rings


def in_range(drawn: Sequence[PlacedEvent], x_range: tuple[float, float]) -> list[PlacedEvent]:
    """The events whose mark (a period's start) lies in ``x_range`` (ms)."""
    lo, hi = x_range
    return [item for item in drawn if lo <= item.x <= hi]


def reaching_in(drawn: Sequence[PlacedEvent], x_range: tuple[float, float]) -> list[PlacedEvent]:
    """The periods that begin before ``x_range`` (ms) and reach into it."""
    return [item for item in drawn if item.is_span and item.x < x_range[0] <= item.x_end]


def word_notes(fitted: Words, drawn: Sequence[PlacedEvent], projector: bool, *, wall: bool = False
               ) -> list[dict[str, Any]]:
    """The annotations of ``fitted``: the event labels (``drawn``: the events it was fitted on) and the key
    moments' words. On the ``wall`` labels with a leader line sit at a place on the axes. The labels with a leader
    line come first: a label beside its mark is drawn over any leader line passing under it."""
    geo, font_px = geometry(projector), LABEL_FONT_PX[projector]
    _, notes, _ = _key_parts([], fitted.words, geo, font_px, y_range=(0.0, 0.0))  # no moments: no lines
    scale = PlotScale(fitted.frame) if wall else None
    boxes = sorted(fitted.boxes, key=lambda box: not box.leader)
    return [_label_note(box, drawn[box.index], font_px, geo, scale) for box in boxes] + notes
