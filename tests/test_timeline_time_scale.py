"""The focus + context time axis (#15): dense stretches wider, time in order, the wall only."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import pytest

from layouts.timeline.figure import timeline_figure
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.time_scale import LINEAR, MS_PER_DAY, TimeScale, focus_scale
from layouts.view_state import ViewState
from models import load_case
from models.dates import day_ms

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
LO = day_ms(dt.date(2010, 1, 1))
HI = day_ms(dt.date(2020, 1, 1))


def _lisa():
    return load_case(SAMPLES / "lisa_gesloten_jeugdzorg.json")


def test_linear_scale_is_the_identity():
    assert LINEAR.linear and LINEAR.to_axis(123.0) == 123.0 and LINEAR.to_time(-5.0) == -5.0


def test_evenly_spread_events_give_the_identity():
    monthly = [LO + i * 30 * MS_PER_DAY + MS_PER_DAY for i in range(int((HI - LO) // (30 * MS_PER_DAY)) + 1)]
    scale = focus_scale(monthly, LO, HI)
    for ms in (LO, LO + 1e10, (LO + HI) / 2, HI):
        assert scale.to_axis(ms) == pytest.approx(ms, abs=MS_PER_DAY)


def test_scale_is_monotonic_keeps_its_ends_and_round_trips():
    dense = [day_ms(dt.date(2018, 1, 1)) + i * 5 * MS_PER_DAY for i in range(60)]
    scale = focus_scale([LO, *dense, HI], LO, HI)
    assert not scale.linear
    assert scale.to_axis(LO) == pytest.approx(LO) and scale.to_axis(HI) == pytest.approx(HI)
    xs = np.linspace(LO - 1e10, HI + 1e10, 500)
    axis = [scale.to_axis(x) for x in xs]
    assert all(b > a for a, b in itertools.pairwise(axis))
    assert scale.to_axis_all(xs) == pytest.approx(axis)
    for x in xs:
        assert scale.to_time(scale.to_axis(x)) == pytest.approx(x, abs=1.0)
    # outside the knots the slope is 1
    assert scale.to_axis(LO - 1e9) == pytest.approx(LO - 1e9)


def test_breaks_keep_their_length():
    events = [LO + i * MS_PER_DAY * 3 for i in range(50)] + [HI - i * MS_PER_DAY * 3 for i in range(50)]
    hidden = (day_ms(dt.date(2012, 1, 1)), day_ms(dt.date(2018, 1, 1)))
    scale = focus_scale(events, LO, HI, [hidden])
    assert scale.to_axis(hidden[1]) - scale.to_axis(hidden[0]) == pytest.approx(hidden[1] - hidden[0])


def test_lisas_dense_years_get_at_least_twice_the_room_on_the_wall():
    layout = timeline_layout(_lisa(), projector=True)
    assert not layout.scale.linear
    start, end = day_ms(dt.date(2021, 1, 1)), day_ms(dt.date(2024, 6, 1))
    assert layout.x_of(end) - layout.x_of(start) >= 2 * (end - start)
    # time stays in order: every event's x follows its date
    xs = [item.x for item in sorted(layout.placed, key=lambda item: item.event.date.midpoint())]
    assert all(b >= a for a, b in itertools.pairwise(xs))


def test_posters_and_a_running_workshop_keep_a_linear_axis():
    """The screen draws the wall's focus axis (the facilitator prepares what the room will see); a poster has room
    for a linear one; during a workshop each added event would move it under the room's eyes."""
    case = _lisa()
    assert not timeline_layout(case).scale.linear
    assert timeline_layout(case, projector=True, compact=False).scale.linear
    assert timeline_layout(case, projector=True, workshop=True).scale.linear


def test_wall_years_are_labelled_at_their_first_of_january():
    case = _lisa()
    layout = timeline_layout(case, projector=True)
    fig = timeline_figure(case, ViewState(projector=True, wall="timeline"), layout=layout)
    axis = fig.layout.xaxis
    assert axis.tickvals and len(axis.tickvals) == len(axis.ticktext) >= 4
    assert {"2023", "2024"} <= set(axis.ticktext)  # the dense years, each labelled
    beside = timeline_figure(case, ViewState(projector=True, wall="both"), layout=layout).layout.xaxis
    assert 3 <= len(beside.ticktext) < len(axis.ticktext)  # Beide's narrower plot: fewer, never run together
    for x, year in zip(axis.tickvals, axis.ticktext, strict=True):
        assert layout.day_of(x) == dt.date(int(year), 1, 1)
    assert fig.layout.meta["time_knots"] == layout.scale.knots()


def test_knots_for_the_browser():
    scale = TimeScale((0.0, 10.0), (0.0, 20.0))
    assert scale.knots() == [[0.0, 10.0], [0.0, 20.0]] and LINEAR.knots() == []


def _stop_for(stops: list[dict], dtick_ms: float) -> str:
    """The format plotly.js picks for a tick step: the first stop whose range holds it (ends included)."""
    for stop in stops:
        low, high = stop["dtickrange"]
        if (low is None or low <= dtick_ms) and (high is None or dtick_ms <= high):
            return stop["value"]
    raise AssertionError(dtick_ms)


def test_a_months_step_reads_as_months_not_as_the_first_of_each_month():
    """plotly counts a month's step ("M1") as 30.4 days: zoomed into eight months of Sem's screen timeline at
    1280 px, the ticks read "1-1-2016", "1-2-2016"… under a 32-day day-format stop."""
    fig = timeline_figure(load_case(SAMPLES / "calamiteit_sem.json"), ViewState())
    stops = fig.layout.xaxis.to_plotly_json()["tickformatstops"]
    month = 30.4375 * MS_PER_DAY
    assert _stop_for(stops, 7 * MS_PER_DAY) == "%-d-%-m-%Y"
    assert _stop_for(stops, 14 * MS_PER_DAY) == "%-d-%-m-%Y"
    assert _stop_for(stops, month) == _stop_for(stops, 6 * month) == "%-m-%Y"
    assert _stop_for(stops, 12 * month) == "%Y"
