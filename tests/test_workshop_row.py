"""While a workshop runs the timeline keeps a row free beside its axis in each half ("Inbreng"): participants'
events sit there, clear of the child's ages above the axis and the years under it, and of the case's own lanes
and labels; without a workshop the timeline is drawn as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from layouts.timeline.figure import timeline_figure, timeline_layout
from layouts.timeline.style import AXIS_DOWN, AXIS_UP, WORKSHOP_ROWS
from layouts.timeline.workshop_labels import drawn_words
from layouts.timeline.workshop_overlay import OVERLAY_NAME, TITLE_NAME, OverlayEvent, overlay_traces
from layouts.view_state import ViewState
from models import load_case
from models.vocabulary import Layer

ROOT = Path(__file__).resolve().parent.parent
DAAN = ROOT / "sample_cases" / "werkplaats_daan.json"


def test_without_a_workshop_the_lanes_start_where_they_always_did() -> None:
    case = load_case(DAAN)
    plain, running = timeline_layout(case), timeline_layout(case, workshop=True)
    assert plain.added_rows == 0 and running.added_rows == WORKSHOP_ROWS
    assert min(lane.y0 for lane in plain.lanes if lane.layer == Layer.FORMAL) == pytest.approx(AXIS_UP)
    assert max(lane.y1 for lane in plain.lanes if lane.layer == Layer.LIVED) == pytest.approx(-AXIS_DOWN)
    # with one, every lane moves out by the row; the lanes keep their order and their rows
    assert min(lane.y0 for lane in running.lanes if lane.layer == Layer.FORMAL) == pytest.approx(
        AXIS_UP + WORKSHOP_ROWS)
    assert max(lane.y1 for lane in running.lanes if lane.layer == Layer.LIVED) == pytest.approx(
        -AXIS_DOWN - WORKSHOP_ROWS)
    assert [(lane.key, lane.rows) for lane in plain.lanes] == [(lane.key, lane.rows) for lane in running.lanes]


@pytest.mark.parametrize("projector", [False, True])
def test_added_events_sit_in_the_row_named_inbreng_clear_of_ages_years_lanes_and_labels(projector: bool) -> None:
    case = load_case(DAAN)
    state = ViewState(projector=projector, workshop=True, wall="timeline" if projector else "both")
    layout = timeline_layout(case, projector=projector, workshop=True)
    fig = timeline_figure(case, state, layout=layout)
    captions = [a for a in fig.layout.annotations if a.name == "timeline-added-lane"]
    assert [(a.text, a.yref) for a in captions] == [("<i>Inbreng</i>", "y2"), ("<i>Inbreng</i>", "y")]
    assert [a.y for a in captions] == [layout.added_y(True), layout.added_y(False)]
    drawn = drawn_words(layout, projector)
    assert drawn.rows == (layout.added_y(True), layout.added_y(False))
    events = [OverlayEvent("ws1-e1", "2021-03", "formal", "Gesprek met mentor over verzuim", "Anna", "school"),
              OverlayEvent("ws1-e2", "2021-04", "lived", "Ik voelde me niet gehoord", "Bo", "Ouders")]
    traces = overlay_traces(events, {"school": "#0072B2", "Ouders": "#D55E00"}, projector, drawn=drawn)
    marks = {trace["yaxis"]: trace["y"] for trace in traces if trace["name"] == OVERLAY_NAME}
    assert marks == {"y2": [AXIS_UP + WORKSHOP_ROWS / 2], "y": [-AXIS_DOWN - WORKSHOP_ROWS / 2]}
    # the row is between the axis's own words (ages: 0..AXIS_UP, years: 0..-AXIS_DOWN) and the first lanes
    assert AXIS_UP < marks["y2"][0] < min(lane.y0 for lane in layout.lanes if lane.layer == Layer.FORMAL)
    assert -AXIS_DOWN > marks["y"][0] > max(lane.y1 for lane in layout.lanes if lane.layer == Layer.LIVED)
    # no label of the case's own is drawn in the row (their boxes end where it starts)
    low_formal, high_lived = drawn.frame.regions[0][0], drawn.frame.regions[1][1]
    assert low_formal >= AXIS_UP + WORKSHOP_ROWS - 1e-9 and high_lived <= -AXIS_DOWN - WORKSHOP_ROWS + 1e-9
    titles = [trace for trace in traces if trace["name"] == TITLE_NAME]
    shown = sorted(title for trace in titles for title in trace["text"])
    assert len(shown) == 2 and shown[0].startswith("Gesprek met mentor") and shown[1].startswith("Ik voelde me")


def test_the_workshop_is_no_part_of_the_address() -> None:
    state = ViewState(case="werkplaats_daan.json", workshop=True)
    assert "workshop" not in state.to_query()
    assert ViewState.from_query(state.to_query()) == state.replace(workshop=False)
    assert state.drawing_key != state.replace(workshop=False).drawing_key  # another figure, another signature


@pytest.mark.parametrize("projector", [False, True])
def test_a_title_is_drawn_from_its_edge_beside_its_mark_so_a_wider_plot_keeps_it_there(projector: bool) -> None:
    """The title's near edge is anchored (plotly's textposition "middle right"/"middle left"), not its centre: on
    a plot wider than the one it was placed in (a wall measured after the titles were placed), a centred title
    would drift away from its mark by half its width times the stretch."""
    from layouts.timeline.labels import PlotScale
    from layouts.timeline.workshop_labels import DAY_MS

    case = load_case(DAAN)
    layout = timeline_layout(case, projector=projector, workshop=True)
    timeline_figure(case, ViewState(projector=projector, workshop=True), layout=layout)
    drawn = drawn_words(layout, projector)
    events = [OverlayEvent(f"ws1-e{i}", date, layer, title, "Anna", "school") for i, (date, layer, title) in
              enumerate((("2021-03", "formal", "Gesprek met mentor"), ("2021-04", "lived", "Ik voelde me niet gehoord"),
                         ("2019-02", "lived", "Ruzie thuis")))]
    traces = overlay_traces(events, {"school": "#0072B2"}, projector, drawn=drawn)
    marks = {i: x for t in traces if t["name"] == OVERLAY_NAME for i, x in zip(t["customdata"], t["x"], strict=True)}
    scale = PlotScale(drawn.frame)
    sides = []
    for trace in (t for t in traces if t["name"] == TITLE_NAME):
        for ident, x, position in zip(trace["meta"]["ids"], trace["x"], trace["textposition"], strict=True):
            gap = scale.x(x / DAY_MS) - scale.x(marks[ident] / DAY_MS)
            sides.append(position)
            if position == "middle right":
                assert 0 <= gap <= 40  # starts just right of its mark
            elif position == "middle left":
                assert -40 <= gap <= 0  # ends just left of it
    assert sides and set(sides) <= {"middle right", "middle left", "middle center"}
