"""The story in focus (the axis opens on the child's story, the family history on the side), zooming in
bringing more labels, and story mode showing nothing from the future."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest

from app.story import key_steps
from app.timeline_view import build
from app.timeline_zoom import zoom_patch
from app.view_state_io import timeline_state
from layouts.timeline.event_labels import fit_words, in_range, is_key_event
from layouts.timeline.figure import drawn_events, timeline_figure
from layouts.timeline.focus import HISTORY_NAME, focus_range, range_words, relayout_range, story_start
from layouts.timeline.lanes import timeline_layout
from layouts.timeline.packing import visible_span
from layouts.timeline.style import LABEL_FIGURE_PX
from layouts.view_state import NO_HIGHLIGHT, ViewState
from models import load_case
from models.case_view import CaseView
from models.dates import day_ms
from models.event_filter import EventFilter
from models.loading import validate_case_data
from tests.axis_days import axis_day, axis_x
from tests.history_case import history_case_data

SAMPLES = Path(__file__).resolve().parent.parent / "sample_cases"
SEM = SAMPLES / "calamiteit_sem.json"


@pytest.fixture(scope="module")
def history():
    return validate_case_data(history_case_data())


@pytest.fixture(scope="module")
def sem():
    return load_case(SEM)


def _story_share(case, fig) -> float:
    """The share of the opened plot's width that shows the child's story (birth to the last event)."""
    layout = timeline_layout(case, EventFilter())
    lo, hi = (float(x) for x in fig.layout.xaxis.range)
    birth = layout.x_of(case.index().birth.earliest())
    return visible_span((max(lo, birth), hi), layout.breaks) / visible_span((lo, hi), layout.breaks)


# --- the story in focus --------------------------------------------------------------------------------------


def test_the_story_starts_at_the_birth_or_a_formal_event_shortly_before(sem) -> None:
    assert story_start(sem) == dt.date(2005, 2, 1)  # Sem's birth (its month); the family events before: history
    data = history_case_data()
    data["events"].append({"id": "pre", "date": "2004-11", "layer": "formal", "type": "referral",
                           "title": "Verloskundige meldt zorgen over de zwangerschap", "persons": ["moeder"]})
    assert story_start(validate_case_data(data)) == dt.date(2004, 11, 1)  # prenatal: part of the story
    # the mother's own placement in 1997 is formal too, but years before the child: history, not the story
    assert story_start(validate_case_data(history_case_data())) == dt.date(2005, 2, 1)
    for person in data["persons"]:
        person.pop("birth", None) if person["id"] == "sem" else None
    assert story_start(validate_case_data(data)) == dt.date(1991, 1, 1)  # no birth: the first formal event


def test_a_long_family_history_does_not_squeeze_the_childs_story(history) -> None:
    opened = timeline_figure(history, ViewState())
    assert _story_share(history, opened) > 0.9
    # the whole axis, asked for: the history takes a good part of it (its quiet decades drawn narrower)
    whole = timeline_figure(history, ViewState(history=True))
    assert _story_share(history, whole) < 0.8
    # the history is announced at the left edge, in the UI language, only while it is out of sight
    (note,) = [a for a in opened.layout.annotations if a.name == HISTORY_NAME]
    assert note.text.startswith("◀ gezinsgeschiedenis 1978–2004 · 11 gebeurtenissen")
    (english,) = [a for a in timeline_figure(history, ViewState(lang="en")).layout.annotations
                  if a.name == HISTORY_NAME]
    assert "family history 1978–2004 · 11 events" in english.text
    assert not [a for a in whole.layout.annotations if a.name == HISTORY_NAME]
    # years and ages spaced for the story the axis opens on, not for the whole history
    lo = float(opened.layout.xaxis.range[0])
    years = [t for v, t in zip(opened.layout.xaxis.tickvals, opened.layout.xaxis.ticktext, strict=True) if v >= lo]
    assert len(years) >= 8 and "2010" in years
    ages = [str(t) for trace in opened.data if getattr(trace, "mode", None) == "text"
            for t in (list(trace.text) if trace.text is not None else []) if str(t)[:1].isdigit()]
    whole_ages = [str(t) for trace in whole.data if getattr(trace, "mode", None) == "text"
                  for t in (list(trace.text) if trace.text is not None else []) if str(t)[:1].isdigit()]
    assert len(ages) >= max(5, len(whole_ages)) and "10 jr" in ages
    # the window slider under the figure still spans the whole case
    assert opened.layout.meta["window"][0] < day_ms(dt.date(1978, 5, 1))


def test_a_short_history_keeps_the_whole_axis(sem) -> None:
    layout = timeline_layout(sem, EventFilter())
    assert focus_range(sem, layout) is None  # two years of a twenty-year case
    fig = timeline_figure(sem, ViewState(), layout=layout)
    assert tuple(fig.layout.xaxis.range) == pytest.approx(layout.x_range)
    assert not [a for a in fig.layout.annotations if a.name == HISTORY_NAME]


def test_labels_are_fitted_for_the_story_the_axis_opens_on(history) -> None:
    layout = timeline_layout(history, EventFilter())
    opened = timeline_figure(history, ViewState(), layout=layout)
    lo = float(opened.layout.xaxis.range[0])
    labels = [a for a in opened.layout.annotations if a.name == "timeline-label"]
    assert labels and all(float(a.x) >= lo for a in labels)  # none for a mark out of sight
    whole = timeline_figure(history, ViewState(history=True), layout=layout)
    in_story = [a for a in whole.layout.annotations if a.name == "timeline-label" and float(a.x) >= lo]
    assert len(labels) > len(in_story)  # the story's marks get more words when the axis opens on them


@pytest.mark.parametrize(("lang", "word"), [("nl", "jr"), ("en", "yrs")])
def test_age_ticks_read_as_ages(sem, lang: str, word: str) -> None:
    fig = timeline_figure(sem, ViewState(lang=lang))
    texts = [[str(t) for t in trace.text] for trace in fig.data if getattr(trace, "mode", None) == "text"]
    (ages,) = [words for words in texts if words and all(w[:1].isdigit() for w in words)]
    assert len(ages) >= 3 and all(a.endswith(f" {word}") and a.split()[0].isdigit() for a in ages)


def test_the_view_state_keeps_history_and_key_moments_in_the_address() -> None:
    state = ViewState(case="sem.json", story=3, story_keys=True, history=True)
    assert "history=1" in state.to_query() and "keys=1" in state.to_query()
    assert ViewState.from_query(state.to_query()) == state
    assert ViewState.from_query("case=sem.json&history=yes").history is False
    assert ViewState(history=True).drawing_key != ViewState().drawing_key  # another drawing
    # the facilitator's notes on the wall: kept with the wall, meaningless without it
    wall = ViewState(case="sem.json", projector=True, wall="timeline", notes=True)
    assert "notes=1" in wall.to_query() and ViewState.from_query(wall.to_query()) == wall
    assert ViewState.from_query("case=sem.json&notes=1").notes is False


# --- zooming brings more labels ------------------------------------------------------------------------------


def test_relayout_ranges_are_read_from_either_axis() -> None:
    assert relayout_range({"xaxis2.range[0]": "2016-01-01 00:00:00", "xaxis2.range[1]": "2016-12-31 12:00"}) \
        == (day_ms(dt.date(2016, 1, 1)), day_ms(dt.date(2016, 12, 31)) + 43_200_000)
    assert relayout_range({"xaxis.range": ["2016-01-01", "2017-01-01"]})[0] == day_ms(dt.date(2016, 1, 1))
    assert relayout_range({"xaxis.autorange": True}) == "reset"
    assert relayout_range({"width": 900}) is None and relayout_range(None) is None
    assert relayout_range({"xaxis.range[0]": "nonsense", "xaxis.range[1]": "2017-01-01"}) is None


def test_a_zoomed_range_labels_more_of_its_marks_without_overlaps(sem) -> None:
    layout = timeline_layout(sem, EventFilter())
    drawn = drawn_events(sem, layout, ViewState())
    whole = fit_words(sem, layout, drawn, "nl", False, 200)
    zoom = (day_ms(dt.date(2015, 1, 1)), day_ms(dt.date(2017, 1, 1)))
    shown = in_range(drawn, zoom)
    before = sum(1 for box in whole.boxes if zoom[0] <= drawn[box.index].x <= zoom[1])
    zoomed = fit_words(sem, layout, shown, "nl", False, 200, x_range=zoom)
    assert len(zoomed.boxes) > before and len(zoomed.boxes) >= min(len(shown), 30)
    for a, b in itertools.combinations(zoomed.boxes, 2):
        assert not a.overlaps(b)
    assert all(box.left >= 0 and box.left + box.width <= zoomed.frame.width_px for box in zoomed.boxes)
    # the priority rules as before: a key moment in range keeps its label first
    persons = sem.person_map()
    keys = {i for i, item in enumerate(shown) if is_key_event(item.event, persons)}
    assert keys <= {box.index for box in zoomed.boxes}
    notes = range_words(sem, layout, drawn, "nl", False, 200, zoom, 1000)
    assert all(zoom[0] <= float(note["x"]) <= zoom[1] for note in notes)


def test_the_zoom_patch_replaces_only_the_words(sem) -> None:
    view = CaseView.build(sem, "zoom-test")
    state = ViewState(case="calamiteit_sem.json", as_of=dt.date(2016, 6, 1))
    fig, sig = build(view, timeline_state(view, state), NO_HIGHLIGHT)
    before = [a.name for a in fig.layout.annotations]
    zoom = {"relayout": {"xaxis.range[0]": "2015-06-01", "xaxis.range[1]": "2016-12-31"}, "width": 1400}
    update = zoom_patch(view, state, sig, zoom)
    operation, fitted, *ticks = update.to_plotly_json()["operations"]
    assert operation["location"] == ["layout", "annotations"]
    # and as many date labels as the measured plot holds upright (the other patches' locations)
    # (the focus axis lists its own: the months of the range, on both axes)
    assert {tuple(tick["location"][:2]) for tick in ticks} == {("layout", "xaxis"), ("layout", "xaxis2")}
    # the figure says which range its words are fitted for (the browser asks again if it shows another)
    assert fitted["location"] == ["layout", "meta", "fitted_range"]
    assert fitted["params"]["value"] == [day_ms(dt.date(2015, 6, 1)), day_ms(dt.date(2016, 12, 31))]
    assert fig.layout.meta["fitted_range"] == list(fig.layout.xaxis.range)
    notes = operation["params"]["value"]
    names = [note.get("name") for note in notes]
    # everything but the words stays, in its place (a later date-line patch finds its note by index)
    kept = [name for name in before if name not in ("timeline-label", "timeline-key-moment")]
    assert names[:len(kept)] == kept
    labels = [note for note in notes if note.get("name") == "timeline-label"]
    assert len(labels) > sum(1 for a in fig.layout.annotations if a.name == "timeline-label"
                             and day_ms(dt.date(2015, 6, 1)) <= float(a.x) <= day_ms(dt.date(2016, 12, 31)))
    assert zoom_patch(view, state, "another figure", zoom) is None  # not the figure the browser shows
    assert zoom_patch(view, state, sig, {"relayout": {"autosize": True}}) is None


# --- story mode: key moments only, nothing from the future ---------------------------------------------------


def test_key_moment_steps_are_deaths_court_orders_and_placements(sem) -> None:
    view = CaseView.build(sem, "keys-test")
    steps = key_steps(view)
    assert 3 <= len(steps) < len(view.ordered) / 3
    kinds = {view.ordered[step].type.value for step in steps}
    assert {"court_order", "placement"} <= kinds
    death = next(e for e in view.ordered if e.type.value == "life_event" and "overl" in e.title.lower()
                 and "sem" in e.persons)
    assert view.order[death.id] in steps


def _drawn_ids(fig) -> set[str]:
    ids = {str(row[0]) if isinstance(row, list | tuple | np.ndarray) else str(row)
           for trace in fig.data if trace.customdata is not None for row in trace.customdata}
    return ids


def test_story_mode_shows_nothing_from_the_future(sem) -> None:
    ordered = sem.events_in_order()
    step = next(i for i, e in enumerate(ordered) if e.start_day() >= dt.date(2008, 1, 1))
    day = ordered[step].start_day()
    fig = timeline_figure(sem, ViewState(story=step))
    future = {e.id for e in sem.events if e.start_day() > day}
    assert not _drawn_ids(fig) & future  # no mark, no hover of a later event
    # the last drawn mark's x (a date of a month is drawn mid-month, a year's mid-year)
    cut = max(item.x for item in timeline_layout(sem, EventFilter()).placed if item.start_day <= day)
    # no annotation band, key-moment line or label after the step's day
    assert all(float(s.x0) <= cut for s in fig.layout.shapes if s.xref == "x" and s.type == "rect"
               and s.fillcolor and "note" not in str(s.name) and s.y0 == 0.965)
    assert all(float(a.x) <= cut for a in fig.layout.annotations if a.name in ("timeline-label", "timeline-key-moment"))
    # lanes of organisations and persons not involved yet carry no name yet
    names = [a.text for a in fig.layout.annotations if a.xref == "paper" and a.xanchor == "right"]
    full = [a.text for a in timeline_figure(sem, ViewState()).layout.annotations
            if a.xref == "paper" and a.xanchor == "right"]
    assert names.count("") > 0 and len(names) == len(full)
    assert not any("Horizon" in name for name in names)  # Jeugdhulp Horizon comes in 2012
    assert any("Horizon" in name for name in full)


def test_story_mode_hides_annotation_bands_that_start_later() -> None:
    data = history_case_data()
    data["annotations"] = [{"id": "a1", "tag": "patroon", "text": "Periode van veel wisselingen", "target": {
        "date_range": {"start": "2016-01", "end": "2017-06"}}}]
    case = validate_case_data(data)
    ordered = case.events_in_order()
    early = next(i for i, e in enumerate(ordered) if e.start_day() >= dt.date(2010, 1, 1))
    late = next(i for i, e in enumerate(ordered) if e.start_day() >= dt.date(2016, 6, 1))

    def bands(step: int) -> list:
        fig = timeline_figure(case, ViewState(story=step, history=True))
        band = axis_x(fig, dt.date(2016, 1, 1))
        return [s for s in fig.layout.shapes if s.type == "rect" and s.y0 == 0.965 and float(s.x0) == band]
    assert not bands(early)
    (band_so_far,) = bands(late)  # begun, and shaded up to the step's day: its end is not known yet
    fig = timeline_figure(case, ViewState(story=late, history=True))
    assert axis_day(fig, float(band_so_far.x1)) <= ordered[late].start_day() + dt.timedelta(days=1)


def test_a_wall_shown_again_gets_its_labels_fitted_for_its_measured_width_at_once(sem) -> None:
    """The browser keeps the plot width it measured on each wall; the next figure for that wall is drawn with its
    labels fitted for it (the same words a refit after measuring brings), not for the smallest wall first."""
    from app.callbacks.view import fitted_for_wall
    from app.timeline_zoom import refit_notes

    view = CaseView.build(sem, "wall-width-test")
    state = ViewState(case="calamiteit_sem.json", projector=True, wall="timeline")
    fig, sig = build(view, timeline_state(view, state), NO_HIGHLIGHT)
    nominal = sum(1 for a in fig.layout.annotations if a.name == "timeline-label")
    refit = zoom_patch(view, state, sig, {"refit": True, "width": 1634})
    assert refit is not None
    operation, _fitted_range = refit.to_plotly_json()["operations"]
    wide = fitted_for_wall(view, state, go_copy(fig), sig, {"timeline": 1634, "both": 700})
    assert [a.to_plotly_json() for a in wide.layout.annotations] == operation["params"]["value"]
    assert sum(1 for a in wide.layout.annotations if a.name == "timeline-label") > nominal
    assert wide.layout.meta["fitted_plot_px"] == 1634  # the browser asks for no refit at this width
    # a width stored for the wall that no longer holds (the details column opened): the browser measures the
    # plot at the nominal width and says what the figure was fitted for; the refit brings the nominal fit back
    nominal_px = (fig.layout.meta["min_width"] or 0) - fig.layout.margin.l - 12
    assert zoom_patch(view, state, sig, {"refit": True, "width": nominal_px}) is None  # as drawn
    back = zoom_patch(view, state, sig, {"refit": True, "width": nominal_px, "fitted": 1634})
    assert back is not None
    operation, _fitted_range = back.to_plotly_json()["operations"]
    assert sum(1 for note in operation["params"]["value"] if note.get("name") == "timeline-label") == nominal
    # on the screen too: a wider screen's figure is built with its labels and legend lines fitted for its measured
    # width (the store has the whole figure's), and says so; a narrow one lays its legends out in more lines
    screen = timeline_state(view, state.replace(projector=False, wall="both"))
    screen_fig, _ = build(view, screen, NO_HIGHLIGHT)
    screen_nominal = LABEL_FIGURE_PX[False] - screen_fig.layout.margin.l - 12
    assert refit_notes(view, screen, screen_fig, screen_nominal + 3) is None  # as drawn
    assert "fitted_plot_px" not in screen_fig.layout.meta
    wide_screen, _ = build(view, screen, NO_HIGHLIGHT, 1634 + screen_fig.layout.margin.l + 12)
    assert wide_screen.layout.meta["fitted_plot_px"] == 1634
    assert sum(1 for a in wide_screen.layout.annotations if a.name == "timeline-label") > \
        sum(1 for a in screen_fig.layout.annotations if a.name == "timeline-label")
    narrow, _ = build(view, screen, NO_HIGHLIGHT, 560 + screen_fig.layout.margin.l + 12)
    assert _legends(wide_screen) < _legends(narrow) <= _legends(screen_fig)  # not measured: the narrowest plot's
    # nothing to do: no width measured for this wall, or the width the figure was fitted for
    assert fitted_for_wall(view, state, fig, sig, {"both": 700}) is fig
    assert refit_notes(view, state, fig, None) is None
    plot_px = (fig.layout.meta["min_width"] or 0) - fig.layout.margin.l - 12
    assert refit_notes(view, state, fig, plot_px + 3) is None


def _legends(fig: go.Figure) -> int:
    """The figure's legends (one per legend line)."""
    return sum(1 for name in fig.layout if name.startswith("legend") and fig.layout[name] is not None)


def go_copy(fig: go.Figure) -> go.Figure:
    """A copy of a figure (the fitted one is changed in place)."""
    return go.Figure(fig)
