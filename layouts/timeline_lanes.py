"""Where each event goes: filtering, lanes, sub-rows and the y coordinate of every mark.

Pure and independent of language, highlight, ``as_of`` and story mode, so a caller may cache
:func:`timeline_layout` per (case version, filters, lane mode, projector) and pass it to
:func:`layouts.timeline.timeline_figure` on every selection change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from layouts.timeline_style import (
    AXIS_DOWN,
    AXIS_UP,
    LANE_GAP,
    MAX_MOMENT_ROWS,
    geometry,
    is_decision,
)
from models.case import Case, Event
from models.dates import day_ms, uncertain_range
from models.partial_date import PartialDate
from models.vocabulary import EventType, Layer, PersonKind

LANE_MODES = ("organisation", "event_type")
MIN_SPAN_DAYS = 365    # the axis shows at least a year
MIN_HALF_ROWS = 2.5    # each half is at least this many rows tall, also when empty
_KIND_ORDER = {PersonKind.FAMILY: 0, PersonKind.NETWORK: 1, PersonKind.PROFESSIONAL: 2}


@dataclass(frozen=True)
class Lane:
    """One horizontal lane: an organisation or event type above the axis, a person below it.

    ``kind`` is ``"organisation"``, ``"event_type"``, ``"person"``, ``"family"`` (lived events
    about several family members, without one voice) or ``"other"`` (formal, no organisation);
    ``ref`` is the organisation id, event type or person id.
    """

    key: str
    kind: str
    ref: str
    layer: Layer
    rows: int
    y0: float  # bottom edge
    y1: float  # top edge

    @property
    def centre(self) -> float:
        return (self.y0 + self.y1) / 2

    def row_y(self, row: int) -> float:
        """The y of sub-row ``row`` (0 is the top row)."""
        return self.y1 - 0.5 - row


@dataclass(frozen=True)
class PlacedEvent:
    """One event's position. x values are ms since 1970 (plotly's numeric dates)."""

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
    _by_id: dict[str, PlacedEvent] = field(default_factory=dict, repr=False, compare=False)
    # Filled by timeline_figure: per language, event id → hover text (valid as long as the layout is).
    hover_cache: dict[str, dict[str, str]] = field(default_factory=dict, repr=False, compare=False)

    def position(self, event_id: str) -> PlacedEvent | None:
        return self._by_id.get(event_id)

    def lane(self, key: str) -> Lane | None:
        return next((lane for lane in self.lanes if lane.key == key), None)


# --- filtering -------------------------------------------------------------------------------------


def _as_set(values: Iterable | None) -> set[str] | None:
    return None if values is None else {str(value) for value in values}


def select_events(case: Case, *, persons: Iterable[str] | None = None, organisations: Iterable[str] | None = None,
                  event_types: Iterable[str] | None = None, layers: Iterable[str] | None = None) -> list[Event]:
    """The case's events that pass the filters (None: no filter), in chronological order.

    persons: any of its persons or its voice; organisations: its organisation or receiving organisation.
    """
    person_set, org_set = _as_set(persons), _as_set(organisations)
    type_set, layer_set = _as_set(event_types), _as_set(layers)
    kept = []
    for event in case.events_in_order():
        if person_set is not None and not (person_set.intersection(event.persons)
                                           or event.perspective in person_set):
            continue
        if org_set is not None and event.organisation not in org_set and event.to_organisation not in org_set:
            continue
        if type_set is not None and event.type.value not in type_set:
            continue
        if layer_set is not None and event.layer.value not in layer_set:
            continue
        kept.append(event)
    return kept


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


# --- stacking ----------------------------------------------------------------------------------------


def stack_intervals(intervals: list[tuple[float, float]], gap: float = 0.0,
                    max_rows: int | None = None) -> list[int]:
    """First-fit rows for intervals (in input order: pass them sorted by start) so that none overlap.

    Two intervals share a row only when one ends more than ``gap`` before the other starts. With
    ``max_rows``, an interval that fits nowhere goes to the row that frees up first (it overlaps).
    """
    row_ends: list[float] = []
    rows: list[int] = []
    for start, end in intervals:
        for row, row_end in enumerate(row_ends):
            if row_end + gap < start:
                row_ends[row] = end
                rows.append(row)
                break
        else:
            if max_rows is None or len(row_ends) < max_rows:
                row_ends.append(end)
                rows.append(len(row_ends) - 1)
            else:
                row = min(range(len(row_ends)), key=row_ends.__getitem__)
                row_ends[row] = max(row_ends[row], end)
                rows.append(row)
    return rows


# --- the layout ----------------------------------------------------------------------------------------


@lru_cache(maxsize=65_536)
def _date_numbers(value: PartialDate) -> tuple[float, float, float, dt.date, dt.date]:
    """(lo ms, midpoint ms, hi ms, lo day, hi day) of a partial date; cases share their parsed dates."""
    lo, hi = uncertain_range(value)
    return day_ms(lo), day_ms(value.midpoint()), day_ms(hi), lo, hi


def _order_keys(lanes: dict[str, tuple[str, str, Layer, int]], case: Case, lane_mode: str
                ) -> tuple[list[str], list[str]]:
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
        if ref == case.index_person:
            return (0, 0, order)
        person = persons.get(ref)
        return (1, _KIND_ORDER.get(person.kind, 3) if person else 3, order)

    lived.sort(key=lived_rank)
    return formal, lived


def timeline_layout(case: Case, *, persons: Collection[str] | None = None,
                    organisations: Collection[str] | None = None, event_types: Collection[str] | None = None,
                    layers: Collection[str] | None = None, lane_mode: str = "organisation",
                    projector: bool = False) -> TimelineLayout:
    """Lanes, sub-rows and positions of the events that pass the filters. Pure; cache it freely."""
    if lane_mode not in LANE_MODES:
        raise ValueError(f"lane_mode must be one of {LANE_MODES}, not {lane_mode!r}")
    events = select_events(case, persons=persons, organisations=organisations, event_types=event_types,
                           layers=layers)
    geo = geometry(projector)

    # Per event: (lo, x, hi, lo day) of its date, and of its end for a period.
    starts = [_date_numbers(event.date) for event in events]
    ends = [_date_numbers(event.end) if event.end is not None else None for event in events]
    if events:
        first_day = min(start[3] for start in starts)
        last_day = max((end or start)[4] for start, end in zip(starts, ends, strict=True))
        span_ms = day_ms(last_day) - day_ms(first_day)
    else:
        first_day = last_day = None
        span_ms = 0.0
    span_ms = max(span_ms, MIN_SPAN_DAYS * 86_400_000)
    ms_per_px = span_ms / geo.plot_width_px

    # The interval each mark occupies on screen at full zoom, grouped by lane.
    lane_info: dict[str, tuple[str, str, Layer, int]] = {}
    moments: dict[str, list[tuple[int, tuple[float, float]]]] = {}
    spans: dict[str, list[tuple[int, tuple[float, float]]]] = {}
    lane_keys = []
    collapsed = frozenset(case.layout.collapsed_organisations)
    for i, event in enumerate(events):
        key, kind, ref = lane_of(event, lane_mode, collapsed)
        lane_keys.append(key)
        if key not in lane_info:
            lane_info[key] = (kind, ref, event.layer, i)
        x = starts[i][1]
        half = (geo.decision_px if is_decision(event) else geo.marker_px) * ms_per_px / 2
        end = ends[i]
        if end is None:
            moments.setdefault(key, []).append((i, (x - 1.2 * half, x + 1.2 * half)))
        else:
            spans.setdefault(key, []).append((i, (x - half, max(end[1], x + half))))

    row_of = [0] * len(events)
    n_rows: dict[str, int] = {}
    for key in lane_info:
        lane_moments = moments.get(key, [])
        rows = stack_intervals([interval for _, interval in lane_moments], max_rows=MAX_MOMENT_ROWS)
        for (i, _), row in zip(lane_moments, rows, strict=True):
            row_of[i] = row
        first_span_row = max(rows) + 1 if rows else 0
        lane_spans = sorted(spans.get(key, []), key=lambda item: item[1])
        span_rows = stack_intervals([interval for _, interval in lane_spans], gap=2 * ms_per_px)
        for (i, _), row in zip(lane_spans, span_rows, strict=True):
            row_of[i] = first_span_row + row
        n_rows[key] = first_span_row + (max(span_rows) + 1 if span_rows else 0)

    formal, lived = _order_keys(lane_info, case, lane_mode)
    lanes: list[Lane] = []
    cursor = AXIS_UP
    for key in reversed(formal):
        kind, ref, layer, _ = lane_info[key]
        lanes.append(Lane(key, kind, ref, layer, n_rows[key], cursor, cursor + n_rows[key]))
        cursor += n_rows[key] + LANE_GAP
    top = max(cursor - LANE_GAP, AXIS_UP + MIN_HALF_ROWS)
    lanes.reverse()
    cursor = -AXIS_DOWN
    for key in lived:
        kind, ref, layer, _ = lane_info[key]
        lanes.append(Lane(key, kind, ref, layer, n_rows[key], cursor - n_rows[key], cursor))
        cursor -= n_rows[key] + LANE_GAP
    bottom = min(cursor + LANE_GAP, -AXIS_DOWN - MIN_HALF_ROWS)
    lane_by_key = {lane.key: lane for lane in lanes}

    placed = []
    for i, event in enumerate(events):
        lane = lane_by_key[lane_keys[i]]
        lo, x, hi, lo_day, hi_day = starts[i]
        end = ends[i]
        if end is None:
            x_end, end_lo, end_hi, last_day_i = x, x, x, hi_day
        else:
            x_end, end_lo, end_hi, last_day_i = max(end[1], x), end[0], end[2], end[4]
        placed.append(PlacedEvent(event, lane.key, row_of[i], lane.row_y(row_of[i]), x, x_end, lo, hi, end_lo,
                                  end_hi, end is not None, event.date.earliest(), lo_day,
                                  last_day_i))

    if first_day is not None and last_day is not None:
        centre = (day_ms(first_day) + day_ms(last_day)) / 2
        half = 0.52 * span_ms  # 2 % padding each side; at least a year in all
        x_range = (centre - half, centre + half)
    else:
        today = dt.date.today()
        x_range = (day_ms(today.replace(month=1, day=1)), day_ms(today.replace(month=12, day=31)))
    return TimelineLayout(tuple(lanes), tuple(placed), x_range, (bottom - 0.3, top + 0.3), first_day, last_day,
                          lane_mode, projector, {item.event.id: item for item in placed})


def timeline_event_positions(case: Case, **options: object) -> dict[str, PlacedEvent]:
    """Event id → position, for the filters and lane mode in ``options`` (others are ignored)."""
    keys = ("persons", "organisations", "event_types", "layers", "lane_mode", "projector")
    layout = timeline_layout(case, **{key: value for key, value in options.items() if key in keys})  # type: ignore[arg-type]
    return {item.event.id: item for item in layout.placed}
