"""Where each event goes: filtering, lanes, sub-rows and the y coordinate of every mark.

Pure and independent of language, highlight, ``as_of`` and story mode, so a caller may cache
:func:`timeline_layout` per (case version, filters, lane mode, projector) and pass it to
:func:`layouts.timeline.figure.timeline_figure` on every selection change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from layouts.timeline.event_columns import (
    DateNumbers,
    EventColumns,
    LaneInfo,
    event_columns,
    extent,
    screen_intervals,
)
from layouts.timeline.lane_budget import merge_to_budget
from layouts.timeline.packing import (
    LanePacking,
    axis_breaks,
    broken_gaps,
    stack_intervals,  # noqa: F401  (the figure imports it from here)
    visible_span,
)
from layouts.timeline.style import (
    AXIS_DOWN,
    AXIS_UP,
    GL_THRESHOLD,
    LANE_GAP,
    MAX_MOMENT_ROWS,
    WORKSHOP_ROWS,
    geometry,
    lane_budget_rows,
)
from layouts.timeline.time_scale import LINEAR, TimeScale, focus_scale
from models.case import Case, Event
from models.dates import day_ms, event_gaps, ms_day
from models.event_filter import EventFilter
from models.vocabulary import EventType, Layer, PersonKind

LANE_MODES = ("organisation", "event_type")
MIN_SPAN_DAYS = 365    # the axis shows at least a year
GAP_MONTHS = 6         # stretches without any event this long are shaded (and keep room on the focus axis)
MIN_HALF_ROWS = 2.5    # each half is at least this many rows tall, also when empty
_KIND_ORDER = {PersonKind.FAMILY: 0, PersonKind.NETWORK: 1, PersonKind.PROFESSIONAL: 2}


@dataclass(frozen=True)
class Lane:
    """One horizontal lane: an organisation or event type above the axis, a person below it.

    ``kind`` is ``"organisation"``, ``"event_type"``, ``"person"``, ``"family"`` (lived events
    about several family members, without one voice), ``"other"`` (formal: no organisation, and the
    organisations or event types merged to keep the figure compact) or ``"others"`` (lived: the voices
    merged to keep it compact); ``ref`` is the organisation id, event type or person id. ``members``: the
    organisation ids, event types or person ids merged into an ``"other"``/``"others"`` lane.
    """

    key: str
    kind: str
    ref: str
    layer: Layer
    rows: int
    y0: float  # bottom edge
    y1: float  # top edge
    members: tuple[str, ...] = ()

    @property
    def centre(self) -> float:
        return (self.y0 + self.y1) / 2

    def row_y(self, row: int) -> float:
        """The y of sub-row ``row`` (0 is the top row)."""
        return self.y1 - 0.5 - row


class PlacedEvent(NamedTuple):
    """One event's position. x values are ms since 1970 (plotly's numeric dates). A named tuple: thousands are
    made for every layout, several times faster than a frozen dataclass's (read-only all the same)."""

    event: Event
    lane: str
    row: int
    y: float
    x: float          # a moment's date, a period's start
    x_end: float      # a period's drawn end (never before ``x``); equal to ``x`` for a moment
    lo: float         # uncertain range of the (start) date
    hi: float
    end_lo: float     # uncertain range of a period's end (equal to x_end for a moment)
    end_hi: float
    is_span: bool
    start_day: dt.date
    first_day: dt.date  # first day the event may cover (uncertain range; used for gaps)
    last_day: dt.date   # last day the event may cover
    may_weigh: bool     # whether zoomed out it may be drawn as a weighty mark (see event_columns.EventColumns)
    kind: EventType     # the event's type and whether it is drawn as a decision (read with the rest: thousands of
    is_decision: bool   # events are looked over for the legend)


@dataclass(frozen=True)
class TimelineLayout:
    """Lanes and event positions for one set of filters; see the module docstring on caching."""

    lanes: tuple[Lane, ...]
    placed: tuple[PlacedEvent, ...]
    x_range: tuple[float, float]   # padded, ms
    y_range: tuple[float, float]
    first_day: dt.date | None
    last_day: dt.date | None
    lane_mode: str
    projector: bool
    # Stretches (ms) without any event in the whole case that the time axis leaves out (plotly rangebreaks),
    # so that empty years do not take the axis; each keeps a short visible stub that carries its gap band.
    breaks: tuple[tuple[float, float], ...] = ()
    compact: bool = True
    # Rows kept free between the axis (its ages and years) and the first lane of each half, for the events
    # participants add during a workshop (:data:`layouts.timeline.style.WORKSHOP_ROWS`; 0 without a workshop).
    added_rows: float = 0.0
    # Real time (ms) → x: a focus + context axis on the wall (dense stretches wider), linear elsewhere. Every x
    # in the layout (events, breaks, range) is in axis units; turn a real date into x with :meth:`x_of`.
    scale: TimeScale = LINEAR
    _by_id: dict[str, PlacedEvent] = field(default_factory=dict, repr=False, compare=False)
    # Filled by timeline_figure: per language, event id → hover fields (valid as long as the layout is).
    hover_cache: dict[str, dict[str, tuple[str, str, str]]] = field(default_factory=dict, repr=False, compare=False)
    # Filled by timeline_figure: per language and layer, the mark columns of every placed event (and their days).
    marks_cache: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)
    # Filled by timeline_figure: the fitted event labels and key moments per language, mode and revealed count.
    words_cache: dict[tuple, Any] = field(default_factory=dict, repr=False, compare=False)

    def position(self, event_id: str) -> PlacedEvent | None:
        return self._by_id.get(event_id)

    def lane(self, key: str) -> Lane | None:
        return next((lane for lane in self.lanes if lane.key == key), None)

    @property
    def axis_up(self) -> float:
        """Rows from the axis to the lowest formal lane (the ages, and a workshop's row)."""
        return AXIS_UP + self.added_rows

    @property
    def axis_down(self) -> float:
        """Rows from the axis to the highest lived lane (the years, and a workshop's row)."""
        return AXIS_DOWN + self.added_rows

    def added_y(self, formal: bool) -> float:
        """The y (rows) of the row a workshop's added events are drawn in, in the formal or the lived half."""
        return AXIS_UP + self.added_rows / 2 if formal else -(AXIS_DOWN + self.added_rows / 2)

    def x_of(self, when: dt.date | float) -> float:
        """The x of a day (or of a moment in ms)."""
        return self.scale.to_axis(day_ms(when) if isinstance(when, dt.date) else when)

    def day_of(self, x: float) -> dt.date:
        """The day at x."""
        return ms_day(round(self.scale.to_time(x)))

    def visible_ms(self) -> float:
        """Length of the x range without the breaks (what the plotting width shows at full zoom)."""
        return visible_span(self.x_range, self.breaks)


# --- filtering -------------------------------------------------------------------------------------


def select_events(case: Case, filters: EventFilter | None = None) -> list[Event]:
    """The case's events that pass ``filters`` (:class:`models.event_filter.EventFilter`, the one rule the
    table, the posters and the report use too), in chronological order. The filter's window is not applied:
    the timeline zooms to it instead of dropping the events outside it."""
    return (filters or EventFilter()).without_window().apply(case.events_in_order())


# --- lanes -----------------------------------------------------------------------------------------


def lane_of(event: Event, lane_mode: str = "organisation",
            collapsed: Collection[str] = ()) -> tuple[str, str, str]:
    """``(key, kind, ref)`` of the lane an event belongs to.

    Formal events of ``collapsed`` organisations (the case's layout hints) share the "other" lane.
    """
    if event.layer == Layer.FORMAL:
        if lane_mode == "event_type":
            return f"type:{event.type.value}", "event_type", event.type.value
        if event.organisation and event.organisation not in collapsed:
            return f"org:{event.organisation}", "organisation", event.organisation
        return "other", "other", ""
    voice = event.perspective or (event.persons[0] if len(event.persons) == 1 else None)
    if voice:
        return f"person:{voice}", "person", voice
    return "family", "family", ""


# --- the layout's steps ------------------------------------------------------------------------------------

def _stack_lanes(case: Case, lane_info: LaneInfo, n_rows: dict[str, int], merged: dict[str, list[str]],
                 lane_mode: str, added_rows: float = 0.0) -> tuple[list[Lane], float, float]:
    """The lanes top to bottom — formal above the axis, lived below it, ``added_rows`` kept free beside the axis
    in each half — and the bottom and top of them all."""
    formal, lived = _order_keys(lane_info, case, lane_mode)
    lanes: list[Lane] = []
    cursor = AXIS_UP + added_rows
    for key in reversed(formal):
        kind, ref, layer, _ = lane_info[key]
        lanes.append(Lane(key, kind, ref, layer, n_rows[key], cursor, cursor + n_rows[key],
                          tuple(merged.get(key, ()))))
        cursor += n_rows[key] + LANE_GAP
    top = max(cursor - LANE_GAP, AXIS_UP + added_rows + MIN_HALF_ROWS)
    lanes.reverse()
    cursor = -AXIS_DOWN - added_rows
    for key in lived:
        kind, ref, layer, _ = lane_info[key]
        lanes.append(Lane(key, kind, ref, layer, n_rows[key], cursor - n_rows[key], cursor,
                          tuple(merged.get(key, ()))))
        cursor -= n_rows[key] + LANE_GAP
    bottom = min(cursor + LANE_GAP, -AXIS_DOWN - added_rows - MIN_HALF_ROWS)
    return lanes, bottom, top


def _placed(events: list[Event], columns: EventColumns, rows: list[int], lanes: list[Lane],
            starts: list[DateNumbers], ends: list[DateNumbers | None]) -> list[PlacedEvent]:
    """Each event's position: in sub-row ``rows[i]`` of its lane (one loop: thousands of events)."""
    top_y = {lane.key: lane.row_y(0) for lane in lanes}
    placed, make = [], tuple.__new__  # a PlacedEvent made as a tuple is: without its Python-level __new__ call
    for event, key, row, (lo, x, hi, lo_day, hi_day, earliest), end, weighs, kind, decision in zip(
            events, columns.lane_keys, rows, starts, ends, columns.may_weigh, columns.types, columns.decisions,
            strict=True):
        if end is None:
            x_end, end_lo, end_hi, last_day = x, x, x, hi_day
        else:
            x_end, end_lo, end_hi, last_day = max(end[1], x), end[0], end[2], end[4]
        placed.append(make(PlacedEvent, (event, key, row, top_y[key] - row, x, x_end, lo, hi, end_lo, end_hi,
                                         end is not None, earliest, lo_day, last_day, weighs, kind, decision)))
    return placed


def _order_keys(lanes: LaneInfo, case: Case, lane_mode: str) -> tuple[list[str], list[str]]:
    """Formal lane keys top→bottom, lived lane keys top→bottom (nearest the axis first)."""
    formal = [key for key, lane in lanes.items() if lane[2] == Layer.FORMAL]
    lived = [key for key, lane in lanes.items() if lane[2] == Layer.LIVED]
    if lane_mode == "event_type":
        type_rank = {value.value: rank for rank, value in enumerate(EventType)}
        formal.sort(key=lambda key: type_rank.get(lanes[key][1], 99))
    else:
        formal.sort(key=lambda key: (lanes[key][0] == "other", lanes[key][3]))
    persons = case.person_map()

    def lived_rank(key: str) -> tuple:
        kind, ref, _, order = lanes[key]
        if kind == "family":
            return (3, 0, order)
        if kind == "others":
            return (2, 9, order)
        if ref == case.index_person:
            return (0, 0, order)
        person = persons.get(ref)
        return (1, _KIND_ORDER.get(person.kind, 3) if person else 3, order)

    lived.sort(key=lived_rank)
    return formal, lived


# --- the layout ----------------------------------------------------------------------------------------


def timeline_layout(case: Case, filters: EventFilter | None = None, *, lane_mode: str = "organisation",
                    projector: bool = False, compact: bool = True, workshop: bool = False) -> TimelineLayout:
    """Lanes, sub-rows and positions of the events that pass the filters. Pure; cache it freely.

    ``compact`` (the default) keeps formal and lived lanes together within the height of one screen
    (:func:`layouts.timeline.style.lane_budget_rows`): moments and periods share sub-rows, the lanes with
    the fewest events are merged into one "other organisations" / "other voices" lane when there are too
    many, and long stretches without any event are shortened on the time axis. Every event stays drawn.
    ``compact=False``: one lane per organisation and person and a linear axis (posters with room to spare).
    ``workshop``: a row beside the axis in each half is kept free for the events participants add, and the axis
    stays linear. Otherwise (compact) the axis gives dense stretches more room than quiet ones
    (:func:`layouts.timeline.time_scale.focus_scale`): positions are in axis units, ``layout.x_of`` turns a date into
    one, ``layout.day_of`` back.
    """
    if lane_mode not in LANE_MODES:
        raise ValueError(f"lane_mode must be one of {LANE_MODES}, not {lane_mode!r}")
    events = select_events(case, filters)
    geo = geometry(projector)

    # Per event: (lo, x, hi, lo day, hi day, first day) of its date, and of its end for a period; its lane.
    columns = event_columns(events, lane_mode, frozenset(case.layout.collapsed_organisations))
    starts, ends, lane_info, lane_keys, by_lane = (columns.starts, columns.ends, columns.lane_info,
                                                   columns.lane_keys, columns.by_lane)
    first_day, last_day, lo_ms, hi_ms = extent(starts, ends)
    breaks = axis_breaks(case) if compact and len(events) <= GL_THRESHOLD else ()
    breaks = tuple(b for b in breaks if lo_ms < b[0] and b[1] < hi_ms)
    scale = LINEAR
    # the focus + context axis; not during a workshop (each added event would move the axis)
    if compact and not workshop and len(events) <= GL_THRESHOLD:
        scale = focus_scale((start[1] for start in starts), lo_ms, hi_ms, broken_gaps(case, breaks),
                            [(day_ms(gap.start), day_ms(gap.end)) for gap in event_gaps(case.events, GAP_MONTHS)])
        if not scale.linear:
            starts, ends = scale.numbers_to_axis(starts), scale.numbers_to_axis(ends)
            breaks = tuple((scale.to_axis(b0), scale.to_axis(b1)) for b0, b1 in breaks)
    span_ms = max(visible_span((lo_ms, hi_ms), breaks), MIN_SPAN_DAYS * 86_400_000)
    ms_per_px = span_ms / geo.plot_width_px

    intervals = screen_intervals(columns.decisions, starts, ends, ms_per_px, geo)
    packing = LanePacking(intervals, [end is not None for end in ends], 2 * ms_per_px, compact, [0] * len(events))
    # With more lanes than fit one row each, sharing a moment in one row is certain: skip the roomier pass.
    roomy = not compact or len(by_lane) * (1 + LANE_GAP) <= lane_budget_rows(projector)
    for key, members in by_lane.items():
        packing.pack(key, members, MAX_MOMENT_ROWS if roomy else 1)
    merged: dict[str, list[str]] = {}
    if compact:
        merged = merge_to_budget(lane_info, by_lane, packing.n_rows, lane_keys, packing.pack, lane_mode, projector,
                                 case, roomy)

    packing.finish()
    added_rows = WORKSHOP_ROWS if workshop else 0.0
    lanes, bottom, top = _stack_lanes(case, lane_info, packing.n_rows, merged, lane_mode, added_rows)
    placed = _placed(events, columns, packing.row_of, lanes, starts, ends)
    # 2 % padding each side of what is visible; at least a year in all.
    pad = 0.02 * span_ms + max(0.0, span_ms - visible_span((lo_ms, hi_ms), breaks)) / 2
    x_range = (lo_ms - pad, hi_ms + pad)
    return TimelineLayout(tuple(lanes), tuple(placed), x_range, (bottom - 0.3, top + 0.3), first_day, last_day,
                          lane_mode, projector, breaks, compact, added_rows, scale,
                          dict(zip([event.id for event in events], placed, strict=True)))


def timeline_event_positions(case: Case, filters: EventFilter | None = None, *, lane_mode: str = "organisation",
                             projector: bool = False) -> dict[str, PlacedEvent]:
    """Event id → position, for these filters, lane mode and projector flag."""
    layout = timeline_layout(case, filters, lane_mode=lane_mode, projector=projector)
    return {item.event.id: item for item in layout.placed}
