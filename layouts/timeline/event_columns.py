"""What the timeline's layout reads of each event, in one loop over thousands of events: its date's and its end's
numbers, whether it is drawn as a decision, whether it may be weighty, its lane; and the stretch each mark takes on
screen. Used by :func:`layouts.timeline.lanes.timeline_layout`."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from layouts.timeline.style import Geometry
from models.case import Event
from models.dates import day_ms, uncertain_range
from models.partial_date import PartialDate
from models.vocabulary import EventType, Layer

DateNumbers = tuple[float, float, float, dt.date, dt.date, dt.date]
"""(lo ms, midpoint ms, hi ms, lo day, hi day, earliest day) of a partial date."""
LaneInfo = dict[str, tuple[str, str, Layer, int]]
"""Lane key → (kind, ref, layer, index of its first event)."""
WEIGHTY_TYPES = (EventType.DECISION, EventType.COURT_ORDER, EventType.PLACEMENT)
"""The types of the weighty events after key moments and deaths (see
:func:`layouts.timeline.event_labels.weighty_priority`)."""
MAYBE_WEIGHTY = frozenset({EventType.LIFE_EVENT, *WEIGHTY_TYPES})
"""The types of events that may have a :func:`layouts.timeline.event_labels.weighty_priority` without a key moment,
decision or placement (a life event: a death)."""


@lru_cache(maxsize=65_536)
def date_numbers(value: PartialDate) -> DateNumbers:
    """(lo ms, midpoint ms, hi ms, lo day, hi day, earliest day) of a partial date; cases share their parsed
    dates."""
    lo, hi = uncertain_range(value)
    return day_ms(lo), day_ms(value.midpoint()), day_ms(hi), lo, hi, value.earliest()


def extent(starts: list[DateNumbers], ends: list[DateNumbers | None]
            ) -> tuple[dt.date | None, dt.date | None, float, float]:
    """(first day, last day, first ms, last ms) the events may cover; without events, this calendar year."""
    if starts:
        first_day = min(map(itemgetter(3), starts))  # (C-level maps: thousands of events)
        last_day = max(map(itemgetter(4), [end or start for start, end in zip(starts, ends, strict=True)]))
        return first_day, last_day, day_ms(first_day), day_ms(last_day)
    today = dt.date.today()
    return None, None, day_ms(today.replace(month=1, day=1)), day_ms(today.replace(month=12, day=31))


def screen_intervals(decisions: list[bool], starts: list[DateNumbers], ends: list[DateNumbers | None],
                      ms_per_px: float, geo: Geometry) -> list[tuple[float, float]]:
    """The stretch (ms) each event's mark occupies on screen at full zoom (a decision's mark is larger)."""
    halves = {True: geo.decision_px * ms_per_px / 2, False: geo.marker_px * ms_per_px / 2}
    intervals = []
    for decision, start, end in zip(decisions, starts, ends, strict=True):
        x, half = start[1], halves[decision]
        intervals.append((x - 1.2 * half, x + 1.2 * half) if end is None else (x - half, max(end[1], x + half)))
    return intervals


class EventColumns(NamedTuple):
    """What the layout reads of each event, read in one loop: its date's and its end's numbers, its type, whether
    it is drawn as a decision, whether it may be weighty (its type is in :data:`MAYBE_WEIGHTY`, or it is a key moment, a
    decision or a placement: zoomed out, only those are tested for a weighty mark), its lane key; and the lanes
    (info, lane key → its events' indices)."""

    starts: list[DateNumbers]
    ends: list[DateNumbers | None]
    types: list[EventType]
    decisions: list[bool]
    may_weigh: list[bool]
    lane_keys: list[str]
    lane_info: LaneInfo
    by_lane: dict[str, list[int]]


def event_columns(events: list[Event], lane_mode: str, collapsed: frozenset[str]) -> EventColumns:
    """The events' columns (one loop over thousands of events: each pass over them costs, and so does each call
    per event — :func:`layouts.timeline.lanes.lane_of` and :func:`layouts.timeline.style.is_decision` are inlined
    here, ``tests/test_timeline_shortcuts.py`` checks that they agree)."""
    found = EventColumns([], [], [], [], [], [], {}, {})
    starts, ends, types, decisions, lane_keys = found.starts, found.ends, found.types, found.decisions, found.lane_keys
    lane_info, by_lane, numbers, weighs = found.lane_info, found.by_lane, date_numbers, found.may_weigh
    formal, by_type, decision, maybe = Layer.FORMAL, lane_mode == "event_type", EventType.DECISION, MAYBE_WEIGHTY
    for i, event in enumerate(events):
        end, layer, event_type, decided = event.end, event.layer, event.type, event.decision is not None
        starts.append(numbers(event.date))
        ends.append(numbers(end) if end is not None else None)
        types.append(event_type)
        decisions.append(event_type == decision or decided)
        weighs.append(event_type in maybe or decided or event.key_moment or event.placement is not None)
        if layer == formal:
            if by_type:
                key, kind, ref = f"type:{event_type.value}", "event_type", event_type.value
            elif (organisation := event.organisation) and organisation not in collapsed:
                key, kind, ref = f"org:{organisation}", "organisation", organisation
            else:
                key, kind, ref = "other", "other", ""
        elif voice := event.perspective or (event.persons[0] if len(event.persons) == 1 else None):
            key, kind, ref = f"person:{voice}", "person", voice
        else:
            key, kind, ref = "family", "family", ""
        lane_keys.append(key)
        members = by_lane.get(key)
        if members is None:
            lane_info[key] = (kind, ref, layer, i)
            by_lane[key] = [i]
        else:
            members.append(i)
    return found


