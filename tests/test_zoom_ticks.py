"""A zoom brings its own date ticks where the figure lists them (the wall's focus + context axis, an axis with
breaks): zoomed into months the room still reads when things happened."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from app.timeline_view import build
from app.timeline_zoom import zoom_patch
from app.view_state_io import timeline_state
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.zoom_ticks import sets_own_ticks, zoomed_ticks
from layouts.view_state import NO_HIGHLIGHT, ViewState
from models import load_case
from models.case_view import CaseView

SEM = Path(__file__).resolve().parent.parent / "sample_cases" / "calamiteit_sem.json"


@pytest.fixture(scope="module")
def sem():
    return load_case(SEM)


def _range(layout, first: dt.date, last: dt.date) -> tuple[float, float]:
    return layout.x_of(first), layout.x_of(last)


def test_a_zoom_into_months_on_the_walls_axis_gets_month_ticks_with_their_year(sem) -> None:
    layout = timeline_layout(sem, projector=True)
    assert sets_own_ticks(layout, False) and not sets_own_ticks(layout, True)
    ticks = zoomed_ticks(layout, _range(layout, dt.date(2019, 3, 1), dt.date(2019, 10, 1)), 1000, 20, 16, "nl")
    texts = ticks["ticktext"]
    assert texts[0].endswith(" 2019") and {"jun", "jul", "aug"} <= set(texts), texts
    days = [layout.day_of(x) for x in ticks["tickvals"]]
    assert all(day.day == 1 and dt.date(2019, 3, 1) <= day <= dt.date(2019, 10, 1) for day in days)
    assert days == sorted(days)


def test_the_year_comes_back_at_january_and_english_months_in_english(sem) -> None:
    layout = timeline_layout(sem, projector=True)
    ticks = zoomed_ticks(layout, _range(layout, dt.date(2018, 9, 1), dt.date(2019, 6, 1)), 1600, 20, 16, "en")
    assert "Jan 2019" in ticks["ticktext"] and ticks["ticktext"][0].endswith("2018")


def test_a_wide_zoom_gets_years_and_a_deep_one_weeks(sem) -> None:
    layout = timeline_layout(sem, projector=True)
    years = zoomed_ticks(layout, _range(layout, dt.date(2008, 1, 1), dt.date(2020, 1, 1)), 1000, 20, 16, "nl")
    assert years["ticktext"] and all(text.isdigit() for text in years["ticktext"])
    weeks = zoomed_ticks(layout, _range(layout, dt.date(2019, 4, 1), dt.date(2019, 5, 10)), 1000, 20, 16, "nl")
    assert len(weeks["ticktext"]) >= 3 and all(text.split()[1] in ("apr", "mei") for text in weeks["ticktext"])


def test_the_walls_zoom_patch_carries_the_ticks_of_the_zoomed_stretch(sem) -> None:
    view = CaseView.build(sem, "zoom-ticks-test")
    state = ViewState(case="calamiteit_sem.json", projector=True, wall="timeline")
    fig, sig = build(view, timeline_state(view, state), NO_HIGHLIGHT)
    assert fig.layout.xaxis.tickmode == "array"  # the wall's focus + context axis lists its years
    layout = timeline_layout(sem, projector=True)
    lo, hi = _range(layout, dt.date(2019, 3, 1), dt.date(2019, 10, 1))
    zoom = {"relayout": {"xaxis.range[0]": lo, "xaxis.range[1]": hi}, "width": 1000}
    operations = {tuple(op["location"]): op["params"]["value"] for op in zoom_patch(view, state, sig, zoom)
                  .to_plotly_json()["operations"]}
    for axis in ("xaxis", "xaxis2"):
        assert operations[("layout", axis, "tickmode")] == "array"
        assert "jul" in operations[("layout", axis, "ticktext")]
    out = {tuple(op["location"]): op["params"]["value"] for op in zoom_patch(
        view, state, sig, {"relayout": {"xaxis.autorange": True}, "width": 1000}).to_plotly_json()["operations"]}
    assert all(text.isdigit() for text in out[("layout", "xaxis", "ticktext")])  # zoomed out: years again
    refit = zoom_patch(view, state, sig, {"refit": True, "width": 1634}).to_plotly_json()["operations"]
    assert not any("tickvals" in op["location"] for op in refit)  # a refit keeps the figure's own ticks
