"""What the timeline draws for a view state: the events revealed (story mode), the highlighted ones, the life
guides and the child's ages; and the per-layout cache the figure keeps its derived columns in."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable
from operator import attrgetter
from typing import Any

import numpy as np

from layouts.timeline.axis import age_need_px, age_step, axis_px, break_mark_px, break_marks, label_step
from layouts.timeline.lanes import GAP_MONTHS, PlacedEvent, TimelineLayout
from layouts.timeline.style import AXIS_UP, GL_THRESHOLD, MAX_GUIDES, involvement
from layouts.timeline.traces import age_traces
from layouts.view_state import Highlight, ViewState
from models.case import Case, Event
from models.dates import Gap, age_marks, event_gaps, find_gaps
from models.vocabulary import EventType, FamilyInvolved, PersonKind


def uses_webgl(n_marks: int) -> bool:
    """Whether a timeline with ``n_marks`` drawn events is drawn with WebGL traces."""
    return n_marks > GL_THRESHOLD


def highlighted_of(events: list[Event], highlight: Highlight) -> np.ndarray | None:
    """Which drawn events are emphasised; None when nothing is highlighted (nothing is dimmed)."""
    if not highlight.active:
        return None
    return np.fromiter((highlight.emphasises(event) for event in events), bool, len(events))


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


def timeline_gaps(layout: TimelineLayout, gap_months: float = GAP_MONTHS,
                  reveal_until: dt.date | None = None) -> list[Gap]:
    """Stretches longer than ``gap_months`` that no event of ``layout`` covers (each with its uncertain range)."""
    return event_gaps((item.event for item in layout.placed), gap_months, until=reveal_until)


def case_gaps(case: Case, layout: TimelineLayout, gap_months: float = GAP_MONTHS,
              reveal_until: dt.date | None = None) -> list[Gap]:
    """Stretches longer than ``gap_months`` that no event of the whole case covers (filtered-out events count:
    filtering must not shade their time as empty). When ``layout`` holds every event of the case, the days each
    covers are read from its positions (the same days :func:`models.dates.event_interval` gives) instead of
    being worked out again from the dates: a tenth of a 20,000-event drawing."""
    if len(layout.placed) != len(case.events):
        return event_gaps(case.events, gap_months, until=reveal_until)
    return find_gaps([(item.first_day, item.last_day) for item in layout.placed
                      if reveal_until is None or item.start_day <= reveal_until], gap_months, until=reveal_until)


def life_guides(drawn: list[PlacedEvent], case: Case) -> list[float]:
    """x of family life events (births, separations, deaths, moves) that get a vertical guide."""
    return drawn_kinds(drawn, case)[2]


def drawn_kinds(drawn: list[PlacedEvent], case: Case) -> tuple[list[EventType], set[FamilyInvolved], list[float]]:
    """The event types among ``drawn`` (in the vocabulary's order), the decisions' kinds of involvement and the
    :func:`life_guides`, found in one loop (each loop over thousands of events costs)."""
    family = {person.id for person in case.persons if person.kind == PersonKind.FAMILY}
    # column by column, with C-level maps where they do, from what the layout read (thousands of events)
    kinds = list(map(attrgetter("kind"), drawn))
    types = set(kinds)
    decisions = [item.event for item in drawn if item.is_decision]
    days, childs = [], []
    life = EventType.LIFE_EVENT
    for item in [item for item, kind in zip(drawn, kinds, strict=True) if kind == life] if life in types else []:
        event = item.event
        if not event.persons or family.intersection(event.persons):
            days.append(item.x)
        if case.index_person in event.persons:
            childs.append(item.x)
    if len(days) > MAX_GUIDES:  # too many to read: keep those of the index child
        days = childs
    guides = sorted(set(days)) if len(days) <= MAX_GUIDES else []
    return [t for t in EventType if t in types], {involvement(event) for event in decisions}, guides


def cached(layout: TimelineLayout, key: tuple, make: Callable[[], Any]) -> Any:
    """What ``make`` computes for the case and events of ``layout`` (kept in the layout: valid as long as it is)."""
    if key not in layout.marks_cache:
        layout.marks_cache[key] = make()
    return layout.marks_cache[key]


def future_lanes(layout: TimelineLayout, drawn: list[PlacedEvent]) -> frozenset[str]:
    """Story mode: the lanes nobody is in yet (no event drawn up to the step), whose names wait too."""
    return frozenset(lane.key for lane in layout.lanes) - {item.lane for item in drawn}


def child_age_traces(case: Case, layout: TimelineLayout, font_px: int, lang: str) -> list[dict]:
    """The index child's age every k-th birthday above the axis: k so that the labels stay apart on the
    narrowest plot, none cut at the plot's edges or on a break mark, none closer than a label's room."""
    index = case.index()
    if index is None or layout.first_day is None:
        return []
    px_per_ms, px = axis_px(layout)
    need = age_need_px(font_px, lang)
    margin = need / 2 / px_per_ms  # keep labels whole
    first, last = layout.day_of(layout.x_range[0] + margin), layout.day_of(layout.x_range[1] - margin)
    if layout.scale.linear:
        ages = age_marks(index.birth, first, last, age_step(layout, font_px, lang))
    else:  # a year's room varies along the focus axis: every 2nd birthday where years are wide, 5th… where narrow
        every = age_marks(index.birth, first, last + dt.timedelta(days=366))
        ages = [(day, age) for (day, age), (after, _) in itertools.pairwise(every)
                if age % label_step(px(layout.x_of(after)) - px(layout.x_of(day)), need) == 0]
    marks = [px(x) for x, _ in break_marks(layout, font_px)]
    clear = need / 2 + break_mark_px(font_px) / 2
    kept: list[tuple[float, int]] = []
    for day, age in ages:
        x = layout.x_of(day)
        if any(b0 <= x <= b1 for b0, b1 in layout.breaks) or any(abs(px(x) - mark) < clear for mark in marks) \
                or (kept and px(x) - px(kept[-1][0]) < need):
            continue
        kept.append((x, age))
    return age_traces([x for x, _ in kept], [age for _, age in kept], lang, AXIS_UP * 0.45, font_px)
