"""Workshop contributions in the figures: every added event and person ringed where its mark is, in its
perspective's colour; nothing extra for a case without workshop items."""

from __future__ import annotations

import copy

import numpy as np
import plotly.graph_objects as go

from layouts.contributions import (
    PALETTE,
    RING_NAME,
    case_perspectives,
    mark_genosociogram,
    mark_timeline,
    perspective_colours,
)
from layouts.genogram.figure import genosociogram_figure
from layouts.timeline.figure import timeline_figure
from layouts.timeline.hover import point_ids
from layouts.view_state import ViewState
from models import validate_case_data
from models.contribution import Contribution, with_contributions
from tests.case_builders import BASE_CASE

ADDED = [
    Contribution(1, 7, "event", {"title": "Overleg school", "date": "2021-06-01", "layer": "formal",
                                 "type": "meeting"}, "Anna", "school"),
    Contribution(2, 7, "event", {"title": "Ruzie thuis", "date": "2022-02", "layer": "lived", "type": "experience",
                                 "persons": ["kind"]}, "Bo", "ouder"),
    Contribution(3, 7, "person", {"label": "Buurvrouw", "kind": "network"}, "Bo", "ouder"),
    Contribution(4, 7, "event", {"title": "Nog een", "date": "2021-09", "end": "2021-12", "layer": "formal",
                                 "type": "treatment"}, "Anna", "school"),
]


def rings(fig: go.Figure) -> dict[str, tuple[str, float, float]]:
    """Ringed id → (colour, x, y)."""
    found = {}
    for trace in fig.data:
        if trace.name == RING_NAME:
            for ident, x, y in zip(trace.meta["ids"], trace.x, trace.y, strict=True):
                found[ident] = (trace.marker.line.color, x, y)
    return found


def mark_points(fig: go.Figure) -> dict[str, tuple[float, float]]:
    points = {}
    for trace in fig.data:
        if trace.customdata is None or trace.name == RING_NAME:
            continue
        xs = trace.base if trace.type == "bar" else trace.x
        for ident, x, y in zip(point_ids(trace.customdata), np.asarray(xs), np.asarray(trace.y), strict=True):
            points.setdefault(str(ident), (x, y))
    return points


def test_added_events_are_ringed_on_their_marks_in_their_perspectives_colour() -> None:
    case = validate_case_data(with_contributions(copy.deepcopy(BASE_CASE), 7, ADDED))
    fig = timeline_figure(case, ViewState(lang="nl"))
    before = len(fig.data)
    ringed = rings(mark_timeline(fig, case))
    assert set(ringed) == {"ws7-e1", "ws7-e2", "ws7-e4"} and len(fig.data) == before + 2  # one trace per perspective
    points = mark_points(fig)
    for ident, (_, x, y) in ringed.items():
        assert (x, y) == points[ident]
    assert ringed["ws7-e1"][0] == ringed["ws7-e4"][0] == PALETTE[0]  # school, the first perspective
    assert ringed["ws7-e2"][0] == PALETTE[1]  # ouder
    assert case_perspectives(case) == ["school", "ouder"]


def test_added_persons_are_ringed_in_the_genosociogram() -> None:
    case = validate_case_data(with_contributions(copy.deepcopy(BASE_CASE), 7, ADDED))
    fig = genosociogram_figure(case, ViewState(lang="nl"))
    positions = fig.layout.meta["positions"]
    ringed = rings(mark_genosociogram(fig, case))
    assert set(ringed) == {"ws7-p3"}
    colour, x, y = ringed["ws7-p3"]
    assert colour == PALETTE[1] and [x, y] == [float(v) for v in positions["ws7-p3"]]


def test_a_case_without_workshop_items_is_drawn_as_before() -> None:
    case = validate_case_data(BASE_CASE)
    fig = timeline_figure(case, ViewState(lang="nl"))
    before = fig.to_json()
    assert mark_timeline(fig, case).to_json() == before
    network = genosociogram_figure(case, ViewState(lang="nl"))
    assert len(mark_genosociogram(network, case).data) == len(genosociogram_figure(case, ViewState(lang="nl")).data)


def test_perspective_colours_follow_first_appearance_and_repeat_past_the_palette() -> None:
    keys = [f"p{i}" for i in range(len(PALETTE) + 1)]
    colours = perspective_colours(["p1", *keys])
    assert colours["p1"] == PALETTE[0] and colours["p0"] == PALETTE[1]
    assert colours[keys[-1]] == PALETTE[0]


def test_the_groups_chosen_colours_come_first_and_the_palette_fills_in_without_repeating_them() -> None:
    colours = perspective_colours(["school", "ouder", "wijk"], {"ouder": PALETTE[0]})
    assert colours["ouder"] == PALETTE[0]  # the group's choice, kept in the case file
    assert colours["school"] == PALETTE[1] and colours["wijk"] == PALETTE[2]  # the palette, without the taken one
