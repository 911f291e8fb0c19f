"""The timeline figure (work card 3), checked on the sample cases and synthetic cases without a browser."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import pytest
from plotly.validator_cache import ValidatorCache

from layouts.style import DIM_OPACITY
from layouts.timeline.figure import (
    timeline_event_positions,
    timeline_figure,
    timeline_gaps,
    timeline_layout,
    uses_webgl,
)
from layouts.timeline.hover import hover_of, point_ids
from layouts.timeline.lanes import stack_intervals
from layouts.timeline.style import GL_THRESHOLD
from layouts.timeline.text import short_name
from layouts.view_state import Highlight, ViewState
from models import Case, PartialDate, load_case, validate_case_data
from models.dates import age_marks, birthday, find_gaps, uncertain_range
from models.event_filter import EventFilter
from models.vocabulary import label
from tests.axis_days import axis_day, axis_x
from tests.case_builders import case_data
from tests.synthetic import generate_case

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_cases").glob("*.json"))
SAMPLES_BY_NAME = {path.stem: path for path in SAMPLES}
HOSTILE = "<img src=x onerror=alert(1)>"
BOLD = "<b>bold</b>"


def _synthetic(n_events: int, seed: int = 1) -> Case:
    return generate_case(n_events=n_events, n_persons=60, seed=seed)


CASES: dict[str, Any] = {path.stem: (lambda path=path: load_case(path)) for path in SAMPLES}
CASES["synthetic_300"] = lambda: _synthetic(300)
CASES["synthetic_gl"] = lambda: _synthetic(GL_THRESHOLD + 400, seed=3)


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request: pytest.FixtureRequest) -> Case:
    return CASES[request.param]()


# --- helpers ------------------------------------------------------------------------------------------------


def draw(case: Case, *, highlight_events: Any = None, highlight_persons: Any = None,
         highlight_organisations: Any = None, persons: Any = None, organisations: Any = None,
         event_types: Any = None, layers: Any = None, date_window: Any = None, as_of: dt.date | None = None,
         reveal_until: dt.date | None = None, lang: str = "nl", projector: bool = False,
         lane_mode: str = "organisation", **rest: Any) -> go.Figure:
    """``timeline_figure`` with the view given as separate keywords (the state is built from them)."""
    story = None
    if reveal_until is not None:  # the story step of the last event starting by that day
        story = max(i for i, event in enumerate(case.events_in_order()) if event.start_day() <= reveal_until)
    state = ViewState(as_of=as_of, lang=lang, projector=projector, lanes=lane_mode, story=story,
                      filters=EventFilter.of(persons=persons, organisations=organisations, event_types=event_types,
                                             layer=next(iter(layers)) if layers else None, window=date_window))
    highlight = Highlight.of(events=highlight_events, persons=highlight_persons,
                             organisations=highlight_organisations)
    return timeline_figure(case, state, highlight=highlight, **rest)


def _array(value: Any) -> list:
    if value is None:
        return []
    return list(np.asarray(value, dtype=object).ravel())


def id_traces(fig: go.Figure) -> Iterator[tuple[Any, list]]:
    """Traces carrying event ids in customdata, with their ids."""
    for trace in fig.data:
        ids = point_ids(getattr(trace, "customdata", None))
        if ids:
            yield trace, ids


def drawn_ids(fig: go.Figure) -> Counter:
    return Counter(value for _, ids in id_traces(fig) for value in ids)


def mark_y(fig: go.Figure) -> dict[str, tuple[float, str]]:
    """Event id → (y, y axis) of its mark."""
    out = {}
    for trace, ids in id_traces(fig):
        for event_id, y in zip(ids, _array(trace.y), strict=True):
            out[event_id] = (float(y), trace.yaxis or "y")
    return out


def mark_opacity(fig: go.Figure) -> dict[str, float]:
    out = {}
    for trace, ids in id_traces(fig):
        opacity = _array(trace.marker.opacity)
        for event_id, alpha in zip(ids, opacity if len(opacity) == len(ids) else [1.0] * len(ids), strict=True):
            out[event_id] = float(alpha)
    return out


def all_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from all_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from all_strings(item)


def legend_names(fig: go.Figure) -> list[str]:
    return [trace.name for trace in fig.data if trace.showlegend is not False and trace.name]


def lane_labels(fig: go.Figure, yref: str) -> list[Any]:
    """The lane labels left of the formal (``"y2"``) or lived (``"y"``) lanes: annotations in the left margin."""
    return [note for note in fig.layout.annotations if note.xref == "paper" and note.x == 0 and note.yref == yref]


def lane_texts(fig: go.Figure, yref: str) -> list[str]:
    return [note.text for note in lane_labels(fig, yref)]


# --- every sample and synthetic case -------------------------------------------------------------------------


def test_every_event_drawn_exactly_once(case: Case) -> None:
    fig = draw(case)
    counts = drawn_ids(fig)
    assert set(counts) == {event.id for event in case.events}
    assert max(counts.values()) == 1


def test_formal_above_lived_below(case: Case) -> None:
    positions = mark_y(draw(case))
    for event in case.events:
        y, axis = positions[event.id]
        if event.layer.value == "formal":
            assert y > 0 and axis == "y2", event.id
        else:
            assert y < 0 and axis == "y", event.id


def test_spans_in_a_lane_do_not_overlap(case: Case) -> None:
    for compact in (False, True):
        layout = timeline_layout(case, compact=compact)
        # Only the lane that merges many organisations or voices to fit one screen is capped at a few rows.
        capped = {lane.key for lane in layout.lanes if lane.members}
        rows: dict[tuple[str, float], list[tuple[float, float]]] = {}
        for item in layout.placed:
            if item.is_span and item.lane not in capped:
                rows.setdefault((item.lane, item.y), []).append((item.x, item.x_end))
        for intervals in rows.values():
            intervals.sort()
            for (_, end), (start, _) in itertools.pairwise(intervals):
                assert end < start
    layout = timeline_layout(case)
    rows = {}
    for item in layout.placed:
        if item.is_span:
            rows.setdefault((item.lane, item.y), []).append((item.x, item.x_end))
    # The bars in the figure agree with the layout.
    fig = draw(case)
    for trace in fig.data:
        if trace.type == "bar":
            for base, length, y in zip(_array(trace.base), _array(trace.x), _array(trace.y), strict=True):
                assert (base, base + length) in rows[next(key for key in rows if key[1] == y)]


def test_moments_and_spans_stay_inside_their_lane(case: Case) -> None:
    layout = timeline_layout(case)
    lanes = {lane.key: lane for lane in layout.lanes}
    for item in layout.placed:
        lane = lanes[item.lane]
        assert lane.y0 < item.y < lane.y1
    ordered = sorted(layout.lanes, key=lambda lane: lane.y0)
    for lower, upper in itertools.pairwise(ordered):
        assert lower.y1 < upper.y0


def test_age_labels_match_index_birth(case: Case) -> None:
    fig = draw(case)
    index = case.index()
    labels = [trace for trace in fig.data if getattr(trace, "mode", None) == "text"
              and any("jr" in str(t) for t in _array(trace.text))]
    if index is None or index.birth is None:
        assert not labels
        return
    anchor = index.birth.earliest() if index.birth.precision == "day" else index.birth.midpoint()
    first, last = (axis_day(fig, x) for x in fig.layout.xaxis.range)
    expected = {birthday(anchor, year) for year in range(anchor.year + 1, last.year + 1)
                if first <= birthday(anchor, year) <= last}
    if not expected:
        assert not labels
        return
    assert len(labels) == 1
    shown = set()
    for x, text in zip(_array(labels[0].x), _array(labels[0].text), strict=True):
        age = int(text.split()[0])
        assert axis_day(fig, x) == birthday(anchor, anchor.year + age)
        assert text == f"{age} jr"
        shown.add(axis_day(fig, x))
    assert shown <= expected and len(shown) >= len(expected) // 10


def test_figure_is_valid_plotly(case: Case) -> None:
    go.Figure(draw(case, as_of=dt.date(2020, 1, 1), highlight_events=[case.events[0].id]).to_dict())


def test_hover_is_complete_and_dutch() -> None:
    case = load_case(next(path for path in SAMPLES if path.stem == "minimal"))
    fig = draw(case)
    hover = next(hover_of(trace, 0) for trace, _ in id_traces(fig))
    assert "Eerste gesprek" in hover and "september 2020" in hover and "overleg" in hover


# --- the detailed case ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def detailed() -> Case:
    data = case_data()
    data["events"] += [
        {"id": "e4", "date": "2016-09", "layer": "lived", "type": "life_event", "title": "Ouders scheiden",
         "persons": ["vader", "moeder", "kind"], "source": "s1"},
        {"id": "e5", "date": "2021-05-01", "end": "2021-08-01", "layer": "formal", "type": "treatment",
         "title": "Behandeling", "organisation": "gi", "persons": ["kind"], "certainty": "disputed"},
        {"id": "e6", "date": "2021-06-01", "end": "2021-09-01", "layer": "formal", "type": "treatment",
         "title": "Tweede behandeling", "organisation": "gi", "persons": ["kind"]},
        {"id": "e7", "date": "2021-06-15", "layer": "lived", "type": "statement_of_need",
         "title": "Vader: het gaat niet meer", "persons": ["vader"], "perspective": "vader",
         "certainty": "suspected"},
    ]
    return validate_case_data(data)


def test_hover_shows_the_whole_event(detailed: Case) -> None:
    fig = draw(detailed)
    hover = {event_id: hover_of(trace, i) for trace, ids in id_traces(fig) for i, event_id in enumerate(ids)}
    decision = hover["e1"]
    for part in ("OTS uitgesproken", "10 februari 2021", "besluit", "Jeugdbescherming Regio", "Kind",
                 "Jeugdbeschermer", "Dossier jeugdbescherming", "Besloten door", "Gezin betrokken", "nee",
                 "Zorgen"):
        assert part in decision, part
    assert "ca. april 2021" in hover["e3"] and "emotie" in hover["e3"]
    assert "Zekerheid: betwist" in hover["e5"]
    english = draw(detailed, lang="en")
    text = next(hover_of(trace, i) for trace, ids in id_traces(english) for i, event_id in enumerate(ids)
                if event_id == "e1")
    assert "10 February 2021" in text and "Family involved" in text


def test_decisions_spans_and_fuzzy_dates_look_different(detailed: Case) -> None:
    fig = draw(detailed)
    by_id = {}
    for trace, ids in id_traces(fig):
        for event_id in ids:
            by_id[event_id] = trace
    assert by_id["e1"].marker.size > by_id["e3"].marker.size          # decisions are larger
    assert "✗" in _array(by_id["e1"].text)                             # family not involved, at a glance
    assert by_id["e2"].type == "bar" and by_id["e5"].type == "bar"      # periods are bars
    assert "open" in _symbol_name(by_id["e3"].marker.symbol)            # approximate: open marker
    assert "open" not in _symbol_name(by_id["e7"].marker.symbol)
    glyphs = [str(t) for trace in fig.data if getattr(trace, "mode", None) == "markers+text"
              and trace.customdata is None for t in _array(trace.text)]
    assert "≠" in glyphs and "?" in glyphs                               # disputed and suspected
    whiskers = [trace for trace in fig.data if getattr(trace, "mode", None) == "lines"
                and trace.customdata is None and trace.showlegend is False]
    assert whiskers                                                      # month and ~ dates get whiskers


def _symbol_name(symbol: Any) -> str:
    values = ValidatorCache.get_validator("scatter.marker", "symbol").values
    names = {values[i]: values[i + 2] for i in range(0, len(values) - 2, 3)}
    return names.get(symbol, str(symbol))


def test_provenance_colours_differ(detailed: Case) -> None:
    fig = draw(detailed)
    colours = {}
    for trace, ids in id_traces(fig):
        for event_id in ids:
            colours[event_id] = trace.marker.line.color if trace.type == "bar" else trace.marker.color
    assert colours["e1"] != colours["e3"]  # dossier (professional) vs the child's own voice (family)


def test_life_events_draw_guides(detailed: Case) -> None:
    fig = draw(detailed)
    guides = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.line.dash == "dot"]
    assert [axis_day(fig, shape.x0) for shape in guides] == [PartialDate.parse("2016-09").midpoint()]
    assert guides[0].yref == "paper" and guides[0].y0 == 0 and guides[0].y1 == 1


def test_lane_labels_on_the_left(detailed: Case) -> None:
    fig = draw(detailed)
    assert "Jeugdbescherming Regio" in lane_texts(fig, "y2")
    assert any("Kind" in text for text in lane_texts(fig, "y"))
    assert all(note.xanchor == "right" for note in lane_labels(fig, "y") + lane_labels(fig, "y2"))
    by_type = draw(detailed, lane_mode="event_type")
    assert {"Besluit", "Plaatsing", "Behandeling"} <= set(lane_texts(by_type, "y2"))


def test_lane_labels_are_short_on_the_projector_with_the_full_name_in_the_tooltip() -> None:
    case = load_case(SAMPLES_BY_NAME["noor_jeugd_ggz"])
    names = {org.id: org.name for org in case.organisations}
    projector = draw(case, projector=True)
    limit = 18
    for note in lane_labels(projector, "y2") + lane_labels(projector, "y"):
        lines = note.text.replace("<b>", "").replace("</b>", "").split("<br>")
        assert all(len(line) <= limit + 1 or "span" in line for line in lines), note.text
    layout = timeline_layout(case, projector=True)
    for lane in layout.lanes:
        if lane.kind == "organisation":
            label = next(n for n in lane_labels(projector, "y2") if n.y == lane.centre)
            assert names[lane.ref] in label.hovertext  # the tooltip keeps the full name


# --- gaps ----------------------------------------------------------------------------------------------------


def _events_on(days: list[dt.date]) -> list[dict]:
    return [{"id": f"g{i}", "date": day.isoformat(), "layer": "formal", "type": "meeting", "title": f"Overleg {i}",
             "organisation": "gi"} for i, day in enumerate(days)]


def _monthly(start: dt.date, months: int) -> list[dt.date]:
    return [dt.date(start.year + (start.month - 1 + k) // 12, (start.month - 1 + k) % 12 + 1, 15)
            for k in range(months)]


def test_gap_found_where_planted_and_not_where_dense() -> None:
    days = _monthly(dt.date(2015, 1, 1), 24) + _monthly(dt.date(2018, 6, 1), 24)
    case = validate_case_data(case_data(events=_events_on(days), annotations=[]))
    gaps = timeline_gaps(timeline_layout(case))
    assert len(gaps) == 1
    assert gaps[0].start == dt.date(2016, 12, 15) and gaps[0].end == dt.date(2018, 6, 15)
    fig = draw(case)
    shaded = [shape for shape in fig.layout.shapes if shape.type == "rect" and shape.xref == "x"]
    assert [(axis_day(fig, s.x0), axis_day(fig, s.x1)) for s in shaded] == [(gaps[0].start, gaps[0].end)]
    assert any("geen informatie" in note.text for note in fig.layout.annotations)
    assert any("no information" in note.text for note in draw(case, lang="en").layout.annotations)
    assert not timeline_gaps(timeline_layout(case), gap_months=20)      # the threshold is an option
    dense = validate_case_data(case_data(events=_events_on(_monthly(dt.date(2015, 1, 1), 60)), annotations=[]))
    assert not timeline_gaps(timeline_layout(dense))
    assert not [s for s in draw(dense).layout.shapes if s.type == "rect" and s.xref == "x"]


def test_periods_count_as_information() -> None:
    events = _events_on([dt.date(2015, 1, 1), dt.date(2019, 1, 1)])
    events.append({"id": "p", "date": "2015-01-02", "end": "2018-12-30", "layer": "formal", "type": "placement",
                   "title": "Pleeggezin", "organisation": "gi"})
    case = validate_case_data(case_data(events=events, annotations=[]))
    assert not timeline_gaps(timeline_layout(case))


def test_find_gaps_uses_uncertain_ranges() -> None:
    year = uncertain_range(PartialDate.parse("~2016"))
    assert year == (dt.date(2015, 7, 2), dt.date(2017, 7, 2))
    assert find_gaps([(dt.date(2015, 1, 1), dt.date(2015, 1, 1)), year], 6) == []
    assert find_gaps([(dt.date(2015, 1, 1), dt.date(2015, 1, 1))], 6, until=dt.date(2016, 1, 1))


# --- escaping --------------------------------------------------------------------------------------------------


def test_hostile_strings_are_inert() -> None:
    data = case_data()
    data["title"] = HOSTILE
    data["events"][0].update(title=HOSTILE, description=BOLD)
    data["events"][0]["decision"]["rationale"] = HOSTILE
    data["persons"][0]["label"] = BOLD
    data["organisations"][0]["name"] = HOSTILE
    data["sources"][0]["title"] = BOLD
    data["events"][2]["title"] = f"{BOLD} & {HOSTILE}"
    case = validate_case_data(data)
    for options in ({}, {"lang": "en", "projector": True}, {"lane_mode": "event_type"}):
        fig = draw(case, **options)
        strings = list(all_strings(json.loads(fig.to_json())))
        assert not any("<img" in s or BOLD in s or "<b>bold" in s for s in strings)
        joined = "\n".join(strings)
        assert "&lt;img src=x onerror=alert(1)&gt;" in joined
        assert "&lt;b&gt;bold&lt;/b&gt;" in joined


# --- view options -----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rich() -> Case:
    preferred = [path for path in SAMPLES if path.stem.startswith("lisa")]
    return load_case(preferred[0]) if preferred else _synthetic(300)


def test_filters(rich: Case) -> None:
    person = rich.index_person
    fig = draw(rich, persons=[person])
    events = rich.event_map()
    drawn = drawn_ids(fig)
    assert drawn and all(person in events[i].persons or events[i].perspective == person for i in drawn)
    assert max(drawn.values()) == 1
    org = next(event.organisation for event in rich.events if event.organisation)
    drawn = drawn_ids(draw(rich, organisations=[org]))
    assert drawn and all(org in (events[i].organisation, events[i].to_organisation) for i in drawn)
    drawn = drawn_ids(draw(rich, event_types=["decision"]))
    assert drawn and all(events[i].type.value == "decision" for i in drawn)
    drawn = drawn_ids(draw(rich, layers=["formal"]))
    assert drawn and all(events[i].layer.value == "formal" for i in drawn)
    assert not drawn_ids(draw(rich, persons=["nobody"]))


def test_reveal_until_keeps_the_axis(rich: Case) -> None:
    ordered = rich.events_in_order()
    middle = ordered[len(ordered) // 2].start_day()
    full, story = draw(rich), draw(rich, reveal_until=middle)
    drawn = drawn_ids(story)
    events = rich.event_map()
    assert set(drawn) == {event.id for event in rich.events if event.start_day() <= middle}
    assert all(events[i].start_day() <= middle for i in drawn)
    assert list(story.layout.xaxis.range) == list(full.layout.xaxis.range)
    assert list(story.layout.yaxis2.range) == list(full.layout.yaxis2.range)
    # the lanes keep their places; one nobody is in yet waits for its name (nothing from the future)
    for yref in ("y", "y2"):
        told, whole = lane_texts(story, yref), lane_texts(full, yref)
        assert len(told) == len(whole) and all(t in ("", w) for t, w in zip(told, whole, strict=True))
    assert "" in lane_texts(story, "y") + lane_texts(story, "y2")


def test_date_window_and_as_of(rich: Case) -> None:
    window = (dt.date(2021, 1, 1), dt.date(2023, 1, 1))
    fig = draw(rich, date_window=window, as_of=dt.date(2022, 3, 12))
    assert list(fig.layout.xaxis.range) == [axis_x(fig, window[0]), axis_x(fig, window[1])]
    assert fig.layout.xaxis2.matches == "x"
    assert not fig.layout.xaxis.rangeslider.visible  # the page's window slider, not plotly's (it doubled the drawing)
    assert fig.layout.meta["window"][0] < axis_x(fig, window[0])  # the window slider spans the whole case
    as_of = axis_x(fig, dt.date(2022, 3, 12))
    lines = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.x0 == as_of]
    assert lines
    assert any("12 maart 2022" in note.text for note in fig.layout.annotations)
    assert not any("peildatum" in (note.text or "") for note in draw(rich).layout.annotations)


def test_highlight_dims_the_others(rich: Case) -> None:
    plain = mark_opacity(draw(rich))
    assert set(plain.values()) == {1.0}
    target = rich.events_in_order()[3].id
    dimmed = mark_opacity(draw(rich, highlight_events=[target]))
    assert dimmed[target] == 1.0
    assert all(alpha == DIM_OPACITY for event_id, alpha in dimmed.items() if event_id != target)
    person = rich.index_person
    by_person = mark_opacity(draw(rich, highlight_persons=[person]))
    for event in rich.events:
        involved = person in event.persons or event.perspective == person
        assert by_person[event.id] == (1.0 if involved else DIM_OPACITY)
    org = next(event.organisation for event in rich.events if event.organisation)
    by_org = mark_opacity(draw(rich, highlight_organisations=[org]))
    assert {e.id for e in rich.events if by_org[e.id] == 1.0} == {
        e.id for e in rich.events if org in (e.organisation, e.to_organisation)}


def test_english_legend(rich: Case) -> None:
    dutch, english = legend_names(draw(rich)), legend_names(draw(rich, lang="en"))
    assert "besluit" in dutch and "professionals" in dutch
    assert "decision" in english and "besluit" not in english
    assert any("approximate" in name for name in english)
    used = {event.type.value for event in rich.events}
    assert {label(t, "en") for t in used} <= set(english)
    unused = {"court order"} if "court_order" not in used else set()
    assert not unused & set(english)


def test_legend_shows_only_what_is_used() -> None:
    case = validate_case_data(case_data())
    names = legend_names(draw(case))
    assert "besluit" in names and "plaatsing" in names and "beleving" in names
    assert "incident" not in names and "verwijzing" not in names
    assert not any("vermoed" in name or "betwist" in name for name in names)


def test_projector_has_larger_type(rich: Case) -> None:
    screen, projector = draw(rich), draw(rich, projector=True)
    assert projector.layout.font.size > screen.layout.font.size
    assert lane_labels(projector, "y2")[0].font.size > lane_labels(screen, "y2")[0].font.size
    assert projector.layout.legend.font.size > screen.layout.legend.font.size
    sizes = lambda fig: max(t.marker.size for t, _ in id_traces(fig) if t.type != "bar")  # noqa: E731
    assert sizes(projector) > sizes(screen)


def test_webgl_above_threshold() -> None:
    small, large = _synthetic(200), _synthetic(GL_THRESHOLD + 200, seed=4)
    assert not uses_webgl(len(small.events)) and uses_webgl(len(large.events))
    assert {trace.type for trace, _ in id_traces(draw(small))} <= {"scatter", "bar"}
    large_fig = draw(large)
    assert {trace.type for trace, _ in id_traces(large_fig)} == {"scattergl"}
    assert max(drawn_ids(large_fig).values()) == 1


def test_arrays_are_numpy_and_traces_are_grouped() -> None:
    case = _synthetic(2000, seed=5)
    fig = draw(case)
    for trace, _ in id_traces(fig):
        assert isinstance(trace.x, np.ndarray) and isinstance(trace.y, np.ndarray)
    assert len(fig.data) < 100


def test_five_thousand_events_stay_compact() -> None:
    """Size, not time: timings are printed by bench/bench_timeline.py, never asserted (a busy machine lies)."""
    case = generate_case(n_events=5000, n_persons=300, seed=1)
    fig = draw(case)
    assert len(fig.to_json()) < 2_500_000


def test_cached_layout_gives_the_same_figure(rich: Case) -> None:
    layout = timeline_layout(rich)
    assert draw(rich, layout=layout).to_json() == draw(rich).to_json()
    highlighted = draw(rich, layout=layout, highlight_persons=[rich.index_person])
    assert highlighted.to_json() == draw(rich, highlight_persons=[rich.index_person]).to_json()


# --- small pure helpers ------------------------------------------------------------------------------------------


def test_stack_intervals() -> None:
    assert stack_intervals([(0, 2), (1, 3), (2.5, 4), (5, 6)]) == [0, 1, 0, 0]
    assert stack_intervals([(0, 2), (0, 2), (0, 2)], max_rows=2) == [0, 1, 0]


def test_age_marks() -> None:
    marks = age_marks(PartialDate.parse("2008-02-29"), dt.date(2009, 1, 1), dt.date(2013, 1, 1))
    assert marks == [(dt.date(2009, 2, 28), 1), (dt.date(2010, 2, 28), 2), (dt.date(2011, 2, 28), 3),
                     (dt.date(2012, 2, 29), 4)]
    assert [age for _, age in age_marks(PartialDate.parse("2000-01-01"), dt.date(2000, 1, 1),
                                        dt.date(2020, 1, 2), step=5)] == [5, 10, 15, 20]
    assert age_marks(None, dt.date(2000, 1, 1), dt.date(2001, 1, 1)) == []


def test_positions_helper(rich: Case) -> None:
    positions = timeline_event_positions(rich, lane_mode="event_type")
    assert set(positions) == {event.id for event in rich.events}


def test_short_names() -> None:
    assert short_name("Politie, basisteam Centrum", 22) == "Politie"
    assert short_name("Jeugdhulp De Linde (open groep)", 22) == "Jeugdhulp De Linde"
    assert len(short_name("Huisartsenpraktijk Het Plein Centrum", 22)) <= 22


def test_empty_case_still_draws() -> None:
    case = validate_case_data(case_data(events=[], annotations=[]))
    fig = draw(case)
    assert not drawn_ids(fig)
    go.Figure(fig.to_dict())


# --- a rendered PNG ------------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("chromium") is None and shutil.which("chromium-browser") is None,
                    reason="needs Chromium for kaleido")
def test_renders_png(tmp_path: Path) -> None:
    from scripts.render_timeline import render

    paths = render(SAMPLES[0], tmp_path)
    assert len(paths) == 2
    for path in paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_filters_do_not_invent_gaps():
    """A filter hides events; it must not shade their time as "geen informatie". (A band's words may be shorter
    or left out: the axis gives the remaining events' busy months their room.)"""
    case = load_case(next(path for path in SAMPLES if path.name == "lisa_gesloten_jeugdzorg.json"))

    def gap_bands(fig) -> list[tuple[dt.date, dt.date]]:
        return [(axis_day(fig, s.x0), axis_day(fig, s.x1)) for s in fig.layout.shapes
                if s.type == "rect" and s.yref == "paper" and s.y0 == 0 and s.y1 == 1]

    def gap_labels(fig) -> int:
        return sum(1 for a in fig.layout.annotations if a.text and "geen informatie" in a.text)

    everything = draw(case)
    assert gap_bands(everything) and gap_labels(everything)
    for filtered in (draw(case, layers=["lived"]), draw(case, persons=["vader"])):
        assert gap_bands(filtered) == gap_bands(everything)
        assert 1 <= gap_labels(filtered) <= gap_labels(everything)


# --- one screen: compact lanes, a short axis, a horizontal legend ---------------------------------------------


def _lane_domain_px(fig: go.Figure) -> tuple[float, float]:
    """(formal, lived) heights in px of the plotting area, from the figure's own height and margins."""
    plot = fig.layout.height - fig.layout.margin.t
    return plot * (fig.layout.yaxis2.domain[1] - fig.layout.yaxis2.domain[0]), \
        plot * (fig.layout.yaxis.domain[1] - fig.layout.yaxis.domain[0])


@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
def test_both_layers_fit_one_screen(name: str) -> None:
    case = load_case(SAMPLES_BY_NAME[name])
    for projector, cap in ((False, 930), (True, 720)):
        fig = draw(case, projector=projector)
        assert fig.layout.height <= cap, (name, projector, fig.layout.height)
        formal, lived = _lane_domain_px(fig)
        assert formal > 100 and lived > 80
        assert set(drawn_ids(fig)) == {event.id for event in case.events}  # merged, never dropped
    full = draw(case, compact=False)
    assert full.layout.height >= draw(case).layout.height


def test_calamity_lanes_merge_beyond_the_budget() -> None:
    case = load_case(SAMPLES_BY_NAME["calamiteit_sem"])
    full, compact = timeline_layout(case, compact=False), timeline_layout(case)
    assert len(full.lanes) > len(compact.lanes)
    assert (full.y_range[1] - full.y_range[0]) > 2 * (compact.y_range[1] - compact.y_range[0])
    other = compact.lane("other")
    assert other is not None and len(other.members) >= 10
    busiest = Counter(event.organisation for event in case.events if event.layer.value == "formal").most_common(1)
    assert compact.lane(f"org:{busiest[0][0]}") is not None  # the busiest organisation keeps its own lane
    assert case.index_person in {lane.ref for lane in compact.lanes}
    fig = draw(case, layout=compact)
    label = next(note for note in lane_labels(fig, "y2") if note.y == other.centre)
    assert f"({len(other.members)})" in label.text
    names = {org.id: org.name for org in case.organisations}
    assert all(names[ref].split(",")[0] in label.hovertext.replace("&amp;", "&") for ref in other.members[:24])
    for item in compact.placed:  # merged events keep their own organisation in the hover
        if item.lane == "other" and item.event.organisation in names:
            hover = "".join(compact.hover_cache["nl"][item.event.id])
            assert names[item.event.organisation].split(",")[0] in hover.replace("&amp;", "&")


def test_empty_years_are_left_out_of_the_axis() -> None:
    case = load_case(SAMPLES_BY_NAME["noor_jeugd_ggz"])
    layout = timeline_layout(case)
    assert layout.breaks
    fig = draw(case, layout=layout)
    assert len(fig.layout.xaxis.rangebreaks) == len(layout.breaks) == len(fig.layout.xaxis2.rangebreaks)
    for item in layout.placed:  # nothing drawn inside a break
        for b0, b1 in layout.breaks:
            assert not (b0 < item.lo < b1 or b0 < item.hi < b1 or b0 < item.x_end < b1), item.event.id
    full = layout.x_range[1] - layout.x_range[0]
    assert layout.visible_ms() < 0.8 * full
    # the shortened gaps say how long they are, and the break is marked on the axis line
    notes = [note.text for note in fig.layout.annotations]
    # (one mark per cut, or one for cuts too close together to be told apart: see break_marks)
    from layouts.timeline.figure import break_marks

    marks = break_marks(layout, 12)
    assert sum("//" in text for text in notes) == len(marks) and sum(len(run) for _, run in marks) == len(layout.breaks)
    assert any("geen informatie" in text and " jr" in text for text in notes)
    ticks = [int(t) for t in fig.layout.xaxis2.ticktext]
    assert ticks == sorted(ticks) and len(ticks) >= 4
    assert not timeline_layout(case, compact=False).breaks  # a poster may keep the linear axis
    assert not timeline_layout(_synthetic(GL_THRESHOLD + 400, seed=3)).breaks  # WebGL does not follow breaks


def test_legend_is_horizontal_under_the_timeline(rich: Case) -> None:
    for projector in (False, True):
        fig = draw(rich, projector=projector)
        legends = [name for name in fig.layout if name.startswith("legend") and fig.layout[name] is not None
                   and fig.layout[name].orientation]
        assert legends
        for name in legends:
            legend = fig.layout[name]
            if projector:  # the wall: side by side in a row under the plot, or a second on the figure's bottom edge
                assert legend.orientation == "h" and legend.y == 0 and legend.yanchor in ("top", "bottom")
                assert (legend.yref, legend.yanchor) in (("paper", "top"), ("container", "bottom"))
                continue
            assert legend.orientation == "h" and legend.yref == "container" and legend.x == 0
            assert legend.y * fig.layout.height < 300  # under the range slider, not beside the plot
        keys = [trace for trace in fig.data if trace.showlegend is not False and trace.name]
        assert keys and all(trace.legend in legends or (trace.legend is None and "legend" in legends)
                            for trace in keys)
        assert fig.layout.margin.r <= 20  # the width goes to the time axis
    screen, projector = draw(rich), draw(rich, projector=True)
    assert len(legend_names(projector)) < len(legend_names(screen))  # fewer words on the wall


# --- analysts' notes (annotations) -----------------------------------------------------------------------------


def _annotated_case() -> Case:
    data = case_data(annotations=[
        {"id": "a1", "target": {"events": ["e1", "e3"]}, "tag": "turning_point", "text": f"Hier kantelt {HOSTILE}",
         "author": BOLD},
        {"id": "a2", "target": {"events": ["e1"], "persons": ["vader"]}, "tag": "<script>alert(1)</script>",
         "text": "Tweede notitie"},
        {"id": "a3", "target": {"date_range": {"start": "2021-05", "end": "2021-09"}}, "tag": "question",
         "text": "Wat gebeurde er deze zomer?"},
    ])
    return validate_case_data(data)


def note_traces(fig: go.Figure) -> list[Any]:
    return [trace for trace in fig.data if trace.customdata is None and trace.text is not None
            and "✎" in _array(trace.text)]


def test_annotated_events_and_stretches_are_marked() -> None:
    case = _annotated_case()
    fig = draw(case)
    marks = note_traces(fig)
    positions = mark_y(fig)
    points = [(x, y, hover) for trace in marks
              for x, y, hover in zip(_array(trace.x), _array(trace.y), _array(trace.hovertext), strict=True)]
    layout = timeline_layout(case)
    for event_id in ("e1", "e3"):
        item = layout.position(event_id)
        assert any(x == item.x and y > positions[event_id][0] for x, y, _ in points), event_id
    e1 = next(hover for x, _, hover in points if x == layout.position("e1").x and "kantelpunt" in hover)
    assert "Tweede notitie" in e1  # both notes on e1 share one mark
    assert not any(x == layout.position("e2").x for x, _, _ in points)  # e2 has no note
    shaded = [shape for shape in fig.layout.shapes if shape.fillcolor and "204, 121, 167" in shape.fillcolor]
    assert [(axis_day(fig, s.x0), axis_day(fig, s.x1)) for s in shaded] == [(dt.date(2021, 5, 1), dt.date(2021, 10, 1))]
    assert any("zomer" in hover for _, _, hover in points)
    assert any("aantekening" in name for name in legend_names(fig))
    # no ids: the notes never count as events (one mark per event, and a click selects nothing)
    assert max(drawn_ids(fig).values()) == 1


def test_annotation_marks_can_be_switched_off() -> None:
    case = _annotated_case()
    off = draw(case, show_annotations=False)
    assert not note_traces(off)
    assert not [shape for shape in off.layout.shapes if shape.fillcolor and "204, 121, 167" in shape.fillcolor]
    assert not any("aantekening" in name for name in legend_names(off))
    assert drawn_ids(off) == drawn_ids(draw(case))


def test_annotation_text_is_inert() -> None:
    fig = draw(_annotated_case())
    hovers = "\n".join(str(h) for trace in note_traces(fig) for h in _array(trace.hovertext))
    assert "<script>" not in hovers and "&lt;script&gt;alert(1)&lt;/script&gt;" in hovers
    assert "<img" not in hovers and "&lt;img src=x onerror=alert(1)&gt;" in hovers
    assert BOLD not in hovers and "&lt;b&gt;bold&lt;/b&gt;" in hovers
    strings = list(all_strings(json.loads(fig.to_json())))
    assert not any("<script" in s or "<img" in s for s in strings)


def test_compact_figure_with_notes_is_valid_plotly() -> None:
    for name in ("calamiteit_sem", "noor_jeugd_ggz"):
        case = load_case(SAMPLES_BY_NAME[name])
        for projector in (False, True):
            go.Figure(draw(case, projector=projector, as_of=dt.date(2016, 1, 1)).to_dict())


# --- readability: text along the time axis cannot collide (at the narrowest plot the app gives) -------------


def _axis_px_of(fig: go.Figure, layout: Any) -> Any:
    """x → px on the narrowest plot (MIN_PLOT_WIDTH_PX), breaks left out, as the figure's text is spaced."""
    from layouts.timeline.style import MIN_PLOT_WIDTH_PX

    lo, _ = layout.x_range
    px_per_ms = MIN_PLOT_WIDTH_PX / layout.visible_ms()
    return lambda x: (x - lo - sum(max(0.0, min(b1, x) - b0) for b0, b1 in layout.breaks if b0 < x)) * px_per_ms


def _age_trace(fig: go.Figure) -> Any:
    return next(t for t in fig.data if t.type == "scatter" and t.mode == "text" and t.text is not None
                and any(str(w).endswith(("jr", "yr", "yrs")) for w in t.text))


@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
@pytest.mark.parametrize("projector", [False, True])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_age_labels_do_not_collide_on_the_narrowest_plot(name: str, projector: bool, lang: str) -> None:
    from layouts.timeline.style import text_px

    case = load_case(SAMPLES_BY_NAME[name])
    layout = timeline_layout(case, projector=projector)
    fig = draw(case, lang=lang, projector=projector, layout=layout)
    ages = _age_trace(fig)
    px = _axis_px_of(fig, layout)
    font = ages.textfont.size
    xs = [px(x) for x in ages.x]
    assert len(xs) >= 2
    for (a, word_a), (b, word_b) in itertools.pairwise(zip(xs, ages.text, strict=True)):
        assert b - a >= (text_px(len(word_a), font) + text_px(len(word_b), font)) / 2, (word_a, word_b)


def test_sem_ages_every_second_year_like_the_year_axis() -> None:
    case = load_case(SAMPLES_BY_NAME["calamiteit_sem"])
    ages = [int(str(w).split()[0]) for w in _age_trace(draw(case)).text]
    # every second year where the axis lists every year; the quiet years drawn narrower skip more
    assert all(0 < b - a <= 5 for a, b in itertools.pairwise(ages))
    assert ages[-4:] == list(range(ages[-4], ages[-1] + 1, 2))


def _breaks(fig: go.Figure) -> list[Any]:
    return [a for a in fig.layout.annotations if a.text == "<b>//</b>"]


@pytest.mark.parametrize("projector", [False, True])
def test_lisa_one_break_mark_for_the_cut_around_her_birth(projector: bool) -> None:
    from layouts.timeline.figure import break_marks

    case = load_case(SAMPLES_BY_NAME["lisa_gesloten_jeugdzorg"])
    layout = timeline_layout(case, projector=projector)
    assert len(layout.breaks) == 2  # two long gaps, her birth between them
    fig = draw(case, lang="en", projector=projector, layout=layout)
    marks = _breaks(fig)
    assert len(marks) == 1 == len(break_marks(layout, fig.layout.annotations[0].font.size or 12))
    assert "shortened" in marks[0].hovertext
    # no year label on or beside the mark
    px = _axis_px_of(fig, layout)
    mark_px = px(marks[0].x)
    assert all(abs(px(x) - mark_px) > 30 for x in fig.layout.xaxis2.tickvals)


def test_each_cut_far_from_the_others_gets_its_own_break_mark() -> None:
    events = [{"id": f"e{i}", "date": f"{year}-01-01", "layer": "formal", "type": "meeting", "title": "m"}
              for i, year in enumerate((1990, 2000, 2001, 2002, 2003, 2004, 2005, 2015, 2016))]
    case = Case.model_validate(case_data(events=events)) if hasattr(Case, "model_validate") else None
    if case is None:
        pytest.skip("no case builder")
    layout = timeline_layout(case)
    fig = draw(case, layout=layout)
    assert len(layout.breaks) == 2 and len(_breaks(fig)) == 2


@pytest.mark.parametrize("name", ["calamiteit_sem", "lisa_gesloten_jeugdzorg", "noor_jeugd_ggz"])
@pytest.mark.parametrize("projector", [False, True])
def test_gap_labels_fit_their_band(name: str, projector: bool) -> None:
    from layouts.timeline.style import AXIS_UP, MIN_PLOT_WIDTH_PX, geometry

    case = load_case(SAMPLES_BY_NAME[name])
    layout = timeline_layout(case, projector=projector)
    fig = draw(case, lang="en", projector=projector, layout=layout)
    px = _axis_px_of(fig, layout)
    bands = [s for s in fig.layout.shapes if s.type == "rect" and s.yref == "paper" and s.y0 == 0 and s.y1 == 1]
    bottom, top = layout.y_range
    plot_px = max((top - bottom) * geometry(projector).row_px, 320)
    high = (top - AXIS_UP) * plot_px / (top - bottom)
    for note in (a for a in fig.layout.annotations if a.name == "timeline-gap"):
        font = note.font.size
        lines = str(note.text).split("<br>")
        touching = [b for b in bands if b.x0 - 86_400_000 * 2 <= note.x <= b.x1 + 86_400_000 * 2]
        while more := [b for b in bands if b not in touching and any(  # gaps that touch share their label
                b.x0 - 86_400_000 * 2 <= t.x1 and t.x0 <= b.x1 + 86_400_000 * 2 for t in touching)]:
            touching += more
        width = max(px(min(b.x1, layout.x_range[1])) for b in touching) - min(px(max(b.x0, layout.x_range[0]))
                                                                              for b in touching)
        if note.textangle == -90:
            assert len(lines) == 1 and width >= font * 1.2
            assert len(lines[0]) * font * 0.44 <= high  # (real glyphs of lower-case text: ~0.44 em)
        else:
            assert max(len(line) for line in lines) * font * 0.5 <= width
        assert width <= MIN_PLOT_WIDTH_PX


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_poster_legend_says_what_the_numbers_are(lang: str) -> None:
    from layouts.poster import event_labels, poster_figure
    from layouts.texts import text

    case = load_case(SAMPLES_BY_NAME["calamiteit_sem"])
    poster = poster_figure(draw(case, lang=lang), case, size="A3", lang=lang,
                           printed_on=dt.date(2026, 1, 1))
    key = [t for t in poster.data if t.name == text("poster_number_key", lang)]
    assert len(key) == 1 and key[0].showlegend
    legend = poster.layout[key[0].legend]
    assert legend.title.text.strip().isdigit() and legend.orientation == "h"
    assert ("bijlage" if lang == "nl" else "appendix") in key[0].name
    # the key sits under the view's other legend lines, inside the sheet
    others = [poster.layout[name].y for name in poster.layout if name.startswith("legend") and name != key[0].legend
              and poster.layout[name] is not None and poster.layout[name].yref == "container"]
    assert 0 < legend.y < min(others)
    # the numbers are the report's: time order, from 1
    assert next(iter(event_labels(case).values())).startswith("1 ")
    assert [e.id for e in case.events_in_order()] == list(event_labels(case))


def test_poster_labels_never_start_on_a_bar() -> None:
    from layouts.poster import poster_figure

    case = load_case(SAMPLES_BY_NAME["calamiteit_sem"])
    poster = poster_figure(draw(case), case, size="A3", printed_on=dt.date(2026, 1, 1))
    bars: dict[tuple[str, float], list[tuple[float, float, str]]] = {}
    for t in poster.data:
        if t.type == "bar" and t.customdata is not None:
            for base, width, y, ident in zip(t.base, t.x, t.y, point_ids(t.customdata), strict=False):
                bars.setdefault((t.yaxis or "y", round(float(y), 3)), []).append((base, base + width, str(ident)))
    labels = [t for t in poster.data if t.name == "poster-labels"]
    assert labels
    for t in labels:
        for x, y in zip(t.x, t.y, strict=True):
            for lo, hi, _ in bars.get((t.yaxis or "y", round(float(y), 3)), []):
                assert not lo < x < hi
