"""A timeline of thousands of events: density bars and the weighty marks when zoomed out, every mark on zoom."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from app.timeline_view import build, patch
from app.timeline_zoom import zoom_update
from app.view_state_io import timeline_state
from layouts.timeline.aggregate import (
    AGGREGATE_ABOVE,
    DENSITY_NAME,
    MAX_WEIGHTY,
    aggregate,
    in_view,
    marks_in_view,
)
from layouts.timeline.event_labels import is_key_event, label_priority
from layouts.timeline.figure import drawn_events, timeline_figure
from layouts.timeline.focus import relayout_range
from layouts.timeline.hover import point_ids
from layouts.timeline.lanes import timeline_layout
from layouts.view_state import NO_HIGHLIGHT, Highlight, ViewState
from models.case_view import CaseView
from tests.synthetic import generate_case


@pytest.fixture(scope="module")
def big():
    return generate_case(n_events=6_000, n_persons=300, seed=5)


@pytest.fixture(scope="module")
def big_layout(big):
    return timeline_layout(big)


def _drawn_ids(fig) -> list[str]:
    return [event_id for trace in fig.data if trace.customdata is not None for event_id in point_ids(trace.customdata)]


def _density(fig) -> list:
    return [trace for trace in fig.data if trace.name == DENSITY_NAME]


def test_counts_add_up_to_the_events_in_view(big, big_layout) -> None:
    drawn = list(big_layout.placed)
    x_range = big_layout.x_range
    found = aggregate(big, drawn, big_layout, x_range, "nl")
    assert found is not None and found.in_view == len(in_view(drawn, x_range)) > AGGREGATE_ABOVE
    counted = sum(int(count) for trace in found.traces for count in trace["hovertext"])
    assert counted == found.in_view
    # every bar sits in its lane, no higher than it
    lanes = {(lane.y0, lane.y1) for lane in big_layout.lanes}
    for trace in found.traces:
        for base, height in zip(trace["base"], trace["y"], strict=True):
            top = next(y1 for y0, y1 in lanes if y0 == base)
            assert 0 < height <= top - base + 1e-9


def test_a_stretch_counts_only_its_events(big, big_layout) -> None:
    drawn = list(big_layout.placed)
    lo, hi = big_layout.x_range
    half = (lo, lo + (hi - lo) / 2)
    found = aggregate(big, drawn, big_layout, half, "en", threshold=100)
    assert found is not None
    assert sum(int(n) for trace in found.traces for n in trace["hovertext"]) == len(in_view(drawn, half))
    assert all(half[0] <= x <= half[1] for trace in found.traces for x in trace["x"])


def test_weighty_marks_are_kept_and_few(big, big_layout) -> None:
    drawn = list(big_layout.placed)
    marked, found = marks_in_view(big, drawn, big_layout, big_layout.x_range, "nl")
    assert found is not None and 0 < len(marked) <= MAX_WEIGHTY
    persons = big.person_map()
    priorities = [label_priority(item.event, persons, set()) for item in marked]
    assert max(priorities) <= 1  # key moments, deaths, decisions, court orders, placements only
    key = [item for item in drawn if label_priority(item.event, persons, set()) == 0]
    kept = {item.event.id for item in marked}
    assert all(item.event.id in kept for item in key[:MAX_WEIGHTY])  # the key moments first
    assert any(is_key_event(item.event, persons) for item in marked)
    # spread over the whole axis, not the first ones in time
    xs = sorted(item.x for item in marked)
    lo, hi = big_layout.x_range
    assert xs[0] < lo + (hi - lo) / 3 and xs[-1] > hi - (hi - lo) / 3


def test_the_zoomed_out_figure_is_small_and_says_the_counts(big, big_layout) -> None:
    fig = timeline_figure(big, ViewState(lang="en"), layout=big_layout)
    ids = _drawn_ids(fig)
    assert 0 < len(set(ids)) <= MAX_WEIGHTY
    density = _density(fig)
    assert density and all(trace.type == "bar" and "events in this period" in trace.hovertemplate
                           for trace in density)
    assert {trace.yaxis or "y" for trace in density} == {"y", "y2"}  # both halves
    assert len(fig.to_json()) < 400_000
    assert not any(trace.type == "scattergl" for trace in fig.data)  # a few hundred marks: SVG, with labels
    assert any(note.name == "timeline-label" for note in fig.layout.annotations)


def test_the_weighty_marks_labels_sit_beside_them(big, big_layout) -> None:
    """Over density bars a leader line would cross other lanes' bars to a far label: the weighty marks are labelled
    beside their marks only (on the screen and on the wall)."""
    for state in (ViewState(), ViewState(projector=True)):
        fig = timeline_figure(big, state, layout=timeline_layout(big, projector=state.projector))
        labels = [note for note in fig.layout.annotations if note.name == "timeline-label"]
        assert labels and not any(note.showarrow for note in labels)


def test_a_small_case_is_drawn_whole(big) -> None:
    small = generate_case(n_events=300, n_persons=40, seed=2)
    fig = timeline_figure(small, ViewState())
    assert not _density(fig)
    assert len(set(_drawn_ids(fig))) == len(small.events)


def test_zooming_in_brings_every_mark_in_the_range(big, big_layout) -> None:
    view = CaseView.build(big, "aggregate-test")
    state = ViewState()
    drawing = timeline_state(view, state)
    fig, sig = build(view, drawing, NO_HIGHLIGHT)
    assert _density(fig)
    placed = sorted(view_layout_x(view, drawing))
    lo = placed[len(placed) // 2]
    hi = placed[len(placed) // 2 + 400]  # 400 events: few enough to draw each
    zoom = {"relayout": {"xaxis.range[0]": _iso(lo), "xaxis.range[1]": _iso(hi)}, "width": 1400}
    update, zoomed = zoom_update(view, state, sig, zoom)
    assert update is not None and zoomed is not None and zoomed.startswith(sig)
    operations = {tuple(op["location"]): op["params"]["value"] for op in update.to_plotly_json()["operations"]}
    data = operations[("data",)]
    assert not [trace for trace in data if trace.get("name") == DENSITY_NAME]
    ids = {event_id for trace in data if trace.get("customdata") is not None
           for event_id in point_ids(trace["customdata"])}
    layout = timeline_layout(big)
    x_lo, x_hi = relayout_range(zoom["relayout"])
    wanted = {item.event.id for item in in_view(drawn_events(big, layout, drawing), (x_lo, x_hi))}
    assert wanted <= ids
    assert len(ids) < len(big.events) / 2
    assert ("layout", "annotations") in operations
    # the same zoom again changes the words only (the traces are there); a click patches the zoomed marks
    again, same = zoom_update(view, state, zoomed, zoom)
    assert same is None and all(op["location"] != ["data"] for op in again.to_plotly_json()["operations"])
    chosen = sorted(wanted)[0]
    highlight = Highlight.of(events=[chosen])
    clicked = patch(view, drawing, highlight, zoomed)
    assert clicked is not None
    opacities = [(op["location"], op["params"]["value"]) for op in clicked.to_plotly_json()["operations"]
                 if op["location"][-1] == "opacity"]
    assert opacities
    bright = [(location[1], i) for location, alphas in opacities for i, alpha in enumerate(np.ravel(alphas))
              if alpha == 1]
    assert len(bright) == 1
    trace_index, point = bright[0]
    assert point_ids(data[trace_index]["customdata"])[point] == chosen


def view_layout_x(view: CaseView, drawing: ViewState) -> list[float]:
    from app.timeline_view import cached_layout

    return [item.x for item in cached_layout(view, drawing).placed]


def _iso(ms: float) -> str:
    return dt.datetime.fromtimestamp(ms / 1000, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
