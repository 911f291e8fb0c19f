"""The timeline's hover is built in the browser: per point a compact customdata row, per trace one template.

Structure only (sizes and times are for bench/bench_versus_px.py): no hover HTML stored per point, every
mark's row starts with its event id, and user text stays inert once plotly.js fills the template in.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest

from layouts.timeline.event_labels import KEY_LINE_SHAPES, KEY_LINES_NAME
from layouts.timeline.figure import timeline_figure
from layouts.timeline.hover import ID, hover_of, point_ids
from layouts.timeline.text import HoverWriter
from layouts.view_state import Highlight, ViewState
from models import load_case, validate_case_data
from tests.case_builders import case_data
from tests.synthetic import generate_case
from tests.test_timeline_words import _as_plotly_shows

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"


def mark_traces(fig: go.Figure) -> list:
    """The traces whose points stand for events (they carry customdata)."""
    return [trace for trace in fig.data if trace.customdata is not None and len(trace.customdata)]


@pytest.fixture(scope="module")
def sem() -> go.Figure:
    return timeline_figure(load_case(SAMPLES / "calamiteit_sem.json"), ViewState())


@pytest.fixture(scope="module")
def big() -> go.Figure:
    return timeline_figure(generate_case(n_events=1_400, n_persons=120, seed=3), ViewState())  # WebGL, not massed


@pytest.mark.parametrize("name", ["sem", "big"])
def test_no_hover_text_is_stored_per_point(name: str, request: pytest.FixtureRequest) -> None:
    fig = request.getfixturevalue(name)
    marks = mark_traces(fig)
    assert marks and {trace.type for trace in marks} >= ({"scatter", "bar"} if name == "sem" else {"scattergl"})
    for trace in marks:
        assert (trace.hovertext is None and trace.text is None) or trace.mode == "markers+text"
        assert isinstance(trace.hovertemplate, str), "one template per trace, not one per point"
        rows = np.asarray(trace.customdata, dtype=object)
        assert rows.shape == (len(trace.x), 4)
        assert all(isinstance(row[ID], str) and row[ID] for row in rows)
    # the other traces (decoration, legend, ages) have no per-point hover either
    for trace in fig.data:
        if trace.customdata is None and trace.hovertext is not None:
            assert trace.hoverinfo == "text" and trace.mode == "markers+text"  # only the ✎ notes


def test_every_event_has_one_row_and_its_hover_is_the_whole_event() -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    fig = timeline_figure(case, ViewState(lang="en"))
    writer = HoverWriter(case, "en")
    events = {event.id: event for event in case.events}
    seen = []
    for trace in mark_traces(fig):
        for index, event_id in enumerate(point_ids(trace.customdata)):
            seen.append(event_id)
            assert hover_of(trace, index) == writer(events[event_id])
    assert sorted(seen) == sorted(events)
    templates = {trace.hovertemplate for trace in mark_traces(fig)}
    assert all("<extra></extra>" in template for template in templates)
    assert not any(event.title in template for template in templates for event in case.events), \
        "case text is never part of a template (it would be read as placeholders)"


PLACEHOLDERS = "%{customdata[0]} %{x|%Y} %{"
TYPED = f'"Ik <b>wil</b>" & \'nu\' {PLACEHOLDERS} 3 < 4 &amp;'  # one hover line (wrapped at 64)


def test_user_text_in_the_hover_stays_inert() -> None:
    data = case_data()
    data["events"][0]["title"] = TYPED
    data["events"][0]["description"] = f"<i>{PLACEHOLDERS}</i>"
    case = validate_case_data(data)
    fig = timeline_figure(case, ViewState())
    trace, index = next((trace, i) for trace in mark_traces(fig) for i, event_id in
                        enumerate(point_ids(trace.customdata)) if event_id == case.events[0].id)
    row = trace.customdata[index]
    assert "<b>" not in row[1] and "&amp;amp;" in row[1], "markup and entities escaped in the field"
    shown = hover_of(trace, index)  # filled in once, as plotly.js does: a placeholder in a value stays text
    title = _as_plotly_shows(shown.split("<br>")[0])
    assert title == TYPED
    assert _as_plotly_shows(shown).endswith(f"<i>{PLACEHOLDERS}</i>")
    assert PLACEHOLDERS in _as_plotly_shows(shown)


def test_nothing_dimmed_means_one_opacity_per_trace() -> None:
    case = load_case(SAMPLES / "calamiteit_sem.json")
    plain = timeline_figure(case, ViewState())
    assert all(np.ndim(trace.marker.opacity) == 0 for trace in mark_traces(plain))
    lit = timeline_figure(case, ViewState(), highlight=Highlight.of(events=[case.events[0].id]))
    opacities = np.concatenate([np.atleast_1d(trace.marker.opacity) for trace in mark_traces(lit)])
    assert opacities.max() == 1 and opacities.min() < 1


def test_many_key_moments_are_two_line_traces_under_the_marks(big: go.Figure) -> None:
    lines = [trace for trace in big.data if trace.name == KEY_LINES_NAME]
    assert [(trace.xaxis, trace.yaxis) for trace in lines] == [("x", "y"), ("x2", "y2")]
    moments = int(np.isnan(np.asarray(lines[0].x, dtype=float)).sum())
    assert moments > KEY_LINE_SHAPES
    first_mark = min(i for i, trace in enumerate(big.data) if trace.customdata is not None)
    assert all(big.data.index(trace) < first_mark for trace in lines)
    dashed = [shape for shape in big.layout.shapes if shape.line.dash == "dash" and shape.yref == "paper"]
    assert not dashed, "no shape per key moment"
