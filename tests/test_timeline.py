"""The timeline figure (work card 3), checked on the sample cases and synthetic cases without a browser."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go
import pytest

from layouts.style import DIM_OPACITY
from layouts.timeline import (
    timeline_event_positions,
    timeline_figure,
    timeline_gaps,
    timeline_layout,
    uses_webgl,
)
from layouts.timeline_lanes import stack_intervals
from layouts.timeline_style import GL_THRESHOLD
from layouts.timeline_text import short_name
from models import Case, PartialDate, load_case, validate_case_data
from models.dates import age_marks, birthday, day_ms, find_gaps, ms_day, uncertain_range
from models.synthetic import generate_case
from models.vocabulary import label
from tests.case_builders import case_data

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "sample_cases").glob("*.json"))
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


def _array(value: Any) -> list:
    if value is None:
        return []
    return list(np.asarray(value, dtype=object).ravel())


def id_traces(fig: go.Figure) -> Iterator[tuple[Any, list]]:
    """Traces carrying event ids in customdata, with their ids."""
    for trace in fig.data:
        ids = [value for value in _array(getattr(trace, "customdata", None)) if value is not None]
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


# --- every sample and synthetic case -------------------------------------------------------------------------


def test_every_event_drawn_exactly_once(case: Case) -> None:
    fig = timeline_figure(case)
    counts = drawn_ids(fig)
    assert set(counts) == {event.id for event in case.events}
    assert max(counts.values()) == 1


def test_formal_above_lived_below(case: Case) -> None:
    positions = mark_y(timeline_figure(case))
    for event in case.events:
        y, axis = positions[event.id]
        if event.layer.value == "formal":
            assert y > 0 and axis == "y2", event.id
        else:
            assert y < 0 and axis == "y", event.id


def test_spans_in_a_lane_do_not_overlap(case: Case) -> None:
    layout = timeline_layout(case)
    rows: dict[tuple[str, float], list[tuple[float, float]]] = {}
    for item in layout.placed:
        if item.is_span:
            rows.setdefault((item.lane, item.y), []).append((item.x, item.x_end))
    for intervals in rows.values():
        intervals.sort()
        for (_, end), (start, _) in itertools.pairwise(intervals):
            assert end < start
    # The bars in the figure agree with the layout.
    fig = timeline_figure(case)
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
    fig = timeline_figure(case)
    index = case.index()
    labels = [trace for trace in fig.data if getattr(trace, "mode", None) == "text"
              and any("jr" in str(t) for t in _array(trace.text))]
    if index is None or index.birth is None:
        assert not labels
        return
    anchor = index.birth.earliest() if index.birth.precision == "day" else index.birth.midpoint()
    first, last = (ms_day(x) for x in fig.layout.xaxis.range)
    expected = {birthday(anchor, year) for year in range(anchor.year + 1, last.year + 1)
                if first <= birthday(anchor, year) <= last}
    if not expected:
        assert not labels
        return
    assert len(labels) == 1
    shown = set()
    for x, text in zip(_array(labels[0].x), _array(labels[0].text), strict=True):
        age = int(text.split()[0])
        assert ms_day(x) == birthday(anchor, anchor.year + age)
        assert text == f"{age} jr"
        shown.add(ms_day(x))
    assert shown <= expected and len(shown) >= len(expected) // 10


def test_figure_is_valid_plotly(case: Case) -> None:
    go.Figure(timeline_figure(case, as_of=dt.date(2020, 1, 1), highlight_events=[case.events[0].id]).to_dict())


def test_hover_is_complete_and_dutch() -> None:
    case = load_case(next(path for path in SAMPLES if path.stem == "minimal"))
    fig = timeline_figure(case)
    hover = next(_array(trace.hovertext)[0] for trace, _ in id_traces(fig))
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
    fig = timeline_figure(detailed)
    hover = {event_id: text for trace, ids in id_traces(fig)
             for event_id, text in zip(ids, _array(trace.hovertext), strict=True)}
    decision = hover["e1"]
    for part in ("OTS uitgesproken", "10 februari 2021", "besluit", "Jeugdbescherming Regio", "Kind",
                 "Jeugdbeschermer", "Dossier jeugdbescherming", "Besloten door", "Gezin betrokken", "nee",
                 "Zorgen"):
        assert part in decision, part
    assert "ca. april 2021" in hover["e3"] and "emotie" in hover["e3"]
    assert "Zekerheid: betwist" in hover["e5"]
    english = timeline_figure(detailed, lang="en")
    text = next(t for trace, ids in id_traces(english) for i, t in zip(ids, _array(trace.hovertext), strict=True)
                if i == "e1")
    assert "10 February 2021" in text and "Family involved" in text


def test_decisions_spans_and_fuzzy_dates_look_different(detailed: Case) -> None:
    fig = timeline_figure(detailed)
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
    values = go.scatter.Marker()._get_validator("symbol").values
    names = {values[i]: values[i + 2] for i in range(0, len(values) - 2, 3)}
    return names.get(symbol, str(symbol))


def test_provenance_colours_differ(detailed: Case) -> None:
    fig = timeline_figure(detailed)
    colours = {}
    for trace, ids in id_traces(fig):
        for event_id in ids:
            colours[event_id] = trace.marker.line.color if trace.type == "bar" else trace.marker.color
    assert colours["e1"] != colours["e3"]  # dossier (professional) vs the child's own voice (family)


def test_life_events_draw_guides(detailed: Case) -> None:
    fig = timeline_figure(detailed)
    guides = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.line.dash == "dot"]
    assert [ms_day(shape.x0) for shape in guides] == [PartialDate.parse("2016-09").midpoint()]
    assert guides[0].yref == "paper" and guides[0].y0 == 0 and guides[0].y1 == 1


def test_lane_labels_on_the_left(detailed: Case) -> None:
    fig = timeline_figure(detailed)
    assert "Jeugdbescherming Regio" in fig.layout.yaxis2.ticktext
    assert any("Kind" in text for text in fig.layout.yaxis.ticktext)
    by_type = timeline_figure(detailed, lane_mode="event_type")
    assert {"Besluit", "Plaatsing", "Behandeling"} <= set(by_type.layout.yaxis2.ticktext)


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
    fig = timeline_figure(case)
    shaded = [shape for shape in fig.layout.shapes if shape.type == "rect" and shape.xref == "x"]
    assert [(ms_day(s.x0), ms_day(s.x1)) for s in shaded] == [(gaps[0].start, gaps[0].end)]
    assert any("geen informatie" in note.text for note in fig.layout.annotations)
    assert any("no information" in note.text for note in timeline_figure(case, lang="en").layout.annotations)
    assert not timeline_gaps(timeline_layout(case), gap_months=20)      # the threshold is an option
    dense = validate_case_data(case_data(events=_events_on(_monthly(dt.date(2015, 1, 1), 60)), annotations=[]))
    assert not timeline_gaps(timeline_layout(dense))
    assert not [s for s in timeline_figure(dense).layout.shapes if s.type == "rect" and s.xref == "x"]


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
        fig = timeline_figure(case, **options)
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
    fig = timeline_figure(rich, persons=[person])
    events = rich.event_map()
    drawn = drawn_ids(fig)
    assert drawn and all(person in events[i].persons or events[i].perspective == person for i in drawn)
    assert max(drawn.values()) == 1
    org = next(event.organisation for event in rich.events if event.organisation)
    drawn = drawn_ids(timeline_figure(rich, organisations=[org]))
    assert drawn and all(org in (events[i].organisation, events[i].to_organisation) for i in drawn)
    drawn = drawn_ids(timeline_figure(rich, event_types=["decision"]))
    assert drawn and all(events[i].type.value == "decision" for i in drawn)
    drawn = drawn_ids(timeline_figure(rich, layers=["formal"]))
    assert drawn and all(events[i].layer.value == "formal" for i in drawn)
    assert not drawn_ids(timeline_figure(rich, persons=["nobody"]))


def test_reveal_until_keeps_the_axis(rich: Case) -> None:
    ordered = rich.events_in_order()
    middle = ordered[len(ordered) // 2].start_day()
    full, story = timeline_figure(rich), timeline_figure(rich, reveal_until=middle)
    drawn = drawn_ids(story)
    events = rich.event_map()
    assert set(drawn) == {event.id for event in rich.events if event.start_day() <= middle}
    assert all(events[i].start_day() <= middle for i in drawn)
    assert list(story.layout.xaxis.range) == list(full.layout.xaxis.range)
    assert list(story.layout.yaxis2.range) == list(full.layout.yaxis2.range)
    assert list(story.layout.yaxis.ticktext) == list(full.layout.yaxis.ticktext)


def test_date_window_and_as_of(rich: Case) -> None:
    window = (dt.date(2021, 1, 1), dt.date(2023, 1, 1))
    fig = timeline_figure(rich, date_window=window, as_of=dt.date(2022, 3, 12))
    assert list(fig.layout.xaxis.range) == [day_ms(window[0]), day_ms(window[1])]
    assert fig.layout.xaxis2.matches == "x"
    assert fig.layout.xaxis.rangeslider.visible
    lines = [shape for shape in fig.layout.shapes if shape.type == "line" and shape.x0 == day_ms(dt.date(2022, 3, 12))]
    assert lines
    assert any("12 maart 2022" in note.text for note in fig.layout.annotations)
    assert not any("peildatum" in (note.text or "") for note in timeline_figure(rich).layout.annotations)


def test_highlight_dims_the_others(rich: Case) -> None:
    plain = mark_opacity(timeline_figure(rich))
    assert set(plain.values()) == {1.0}
    target = rich.events_in_order()[3].id
    dimmed = mark_opacity(timeline_figure(rich, highlight_events=[target]))
    assert dimmed[target] == 1.0
    assert all(alpha == DIM_OPACITY for event_id, alpha in dimmed.items() if event_id != target)
    person = rich.index_person
    by_person = mark_opacity(timeline_figure(rich, highlight_persons=[person]))
    for event in rich.events:
        involved = person in event.persons or event.perspective == person
        assert by_person[event.id] == (1.0 if involved else DIM_OPACITY)
    org = next(event.organisation for event in rich.events if event.organisation)
    by_org = mark_opacity(timeline_figure(rich, highlight_organisations=[org]))
    assert {e.id for e in rich.events if by_org[e.id] == 1.0} == {
        e.id for e in rich.events if org in (e.organisation, e.to_organisation)}


def test_english_legend(rich: Case) -> None:
    dutch, english = legend_names(timeline_figure(rich)), legend_names(timeline_figure(rich, lang="en"))
    assert "besluit" in dutch and "professionals" in dutch
    assert "decision" in english and "besluit" not in english
    assert any("approximate" in name for name in english)
    used = {event.type.value for event in rich.events}
    assert {label(t, "en") for t in used} <= set(english)
    unused = {"court order"} if "court_order" not in used else set()
    assert not unused & set(english)


def test_legend_shows_only_what_is_used() -> None:
    case = validate_case_data(case_data())
    names = legend_names(timeline_figure(case))
    assert "besluit" in names and "plaatsing" in names and "beleving" in names
    assert "incident" not in names and "verwijzing" not in names
    assert not any("vermoed" in name or "betwist" in name for name in names)


def test_projector_has_larger_type(rich: Case) -> None:
    screen, projector = timeline_figure(rich), timeline_figure(rich, projector=True)
    assert projector.layout.font.size > screen.layout.font.size
    assert projector.layout.yaxis.tickfont.size > screen.layout.yaxis.tickfont.size
    assert projector.layout.legend.font.size > screen.layout.legend.font.size
    sizes = lambda fig: max(t.marker.size for t, _ in id_traces(fig) if t.type != "bar")  # noqa: E731
    assert sizes(projector) > sizes(screen)


def test_webgl_above_threshold() -> None:
    small, large = _synthetic(200), _synthetic(GL_THRESHOLD + 200, seed=4)
    assert not uses_webgl(len(small.events)) and uses_webgl(len(large.events))
    assert {trace.type for trace, _ in id_traces(timeline_figure(small))} <= {"scatter", "bar"}
    large_fig = timeline_figure(large)
    assert {trace.type for trace, _ in id_traces(large_fig)} == {"scattergl"}
    assert max(drawn_ids(large_fig).values()) == 1


def test_arrays_are_numpy_and_traces_are_grouped() -> None:
    case = _synthetic(2000, seed=5)
    fig = timeline_figure(case)
    for trace, _ in id_traces(fig):
        assert isinstance(trace.x, np.ndarray) and isinstance(trace.y, np.ndarray)
    assert len(fig.data) < 100


def test_five_thousand_events_build_fast() -> None:
    case = generate_case(n_events=5000, n_persons=300, seed=1)
    timeline_figure(case)  # warm the caches of parsed dates
    started = time.perf_counter()
    fig = timeline_figure(case)
    elapsed = time.perf_counter() - started
    assert elapsed < 1.5, f"{elapsed:.2f} s (target 0.5 s; see bench/bench_timeline.py)"
    assert len(fig.to_json()) < 2_500_000


def test_cached_layout_gives_the_same_figure(rich: Case) -> None:
    layout = timeline_layout(rich)
    assert timeline_figure(rich, layout=layout).to_json() == timeline_figure(rich).to_json()
    highlighted = timeline_figure(rich, layout=layout, highlight_persons=[rich.index_person])
    assert highlighted.to_json() == timeline_figure(rich, highlight_persons=[rich.index_person]).to_json()


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
    positions = timeline_event_positions(rich, lane_mode="event_type", lang="en")
    assert set(positions) == {event.id for event in rich.events}


def test_short_names() -> None:
    assert short_name("Politie, basisteam Centrum", 22) == "Politie"
    assert short_name("Jeugdhulp De Linde (open groep)", 22) == "Jeugdhulp De Linde"
    assert len(short_name("Huisartsenpraktijk Het Plein Centrum", 22)) <= 22


def test_empty_case_still_draws() -> None:
    case = validate_case_data(case_data(events=[], annotations=[]))
    fig = timeline_figure(case)
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
    """A filter hides events; it must not shade their time as "geen informatie"."""
    case = load_case(next(path for path in SAMPLES if path.name == "lisa_gesloten_jeugdzorg.json"))

    def gap_labels(fig) -> list[str]:
        return sorted(a.text for a in fig.layout.annotations if a.text and "geen informatie" in a.text)

    everything = gap_labels(timeline_figure(case))
    assert everything
    assert gap_labels(timeline_figure(case, layers=["lived"])) == everything
    assert gap_labels(timeline_figure(case, persons=["vader"])) == everything
