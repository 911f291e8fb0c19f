"""The story in focus in the browser: a case with a long family history opens on the child's story (the history
one switch away, kept in the address), story mode steps through the key moments only and shows nothing from the
future, and zooming the timeline brings more labels, none overlapping."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from layouts.texts import text
from models import load_case
from tests.history_case import NAME, write_history_case

from .conftest import SAMPLES, Server
from .helpers import all_ids, graph_data, wait_until
from .timeline_axis import shown_range, timeline_js, zoom_timeline

SEM = load_case(SAMPLES / "calamiteit_sem.json")

_AXIS = timeline_js("""if (!gd || !gd.layout || !gd.layout.xaxis || !gd.layout.xaxis.range) { return null; }
    return gd.layout.xaxis.range.map(realDay);""")

_LABELS = """() => {
    // the label annotations plotly draws (it leaves out those of marks outside the range), with their boxes
    const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    if (!gd || !gd.layout || !gd.layout.annotations) { return []; }
    const out = [];
    gd.layout.annotations.forEach((note, i) => {
        if (note.name !== 'timeline-label') { return; }
        const g = gd.querySelector('g.annotation[data-index="' + i + '"] .annotation-text-g');
        if (!g) { return; }
        const box = g.getBoundingClientRect();
        if (box.width > 0) { out.push([box.left, box.top, box.right, box.bottom]); }
    });
    return out;
}"""


@pytest.fixture(scope="module")
def history_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("history")
    shutil.copy(SAMPLES / "calamiteit_sem.json", folder / "calamiteit_sem.json")
    write_history_case(folder)
    running = Server(folder).start()
    yield running
    running.stop()


@pytest.fixture
def tab(context: Any, history_server: Server) -> Iterator[Any]:
    page = context.new_page()
    page.set_default_timeout(60_000)
    yield page
    page.close()


def _open(page: Any, server: Server, query: str, width: int = 1920, height: int = 1080) -> None:
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}?{query}")
    assert wait_until(lambda: page.evaluate(_AXIS), 90)


def _year(value: str) -> float:
    day = dt.date.fromisoformat(value[:10])
    return day.year + (day.timetuple().tm_yday - 1) / 366


def test_a_long_family_history_opens_on_the_childs_story(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, f"case={NAME}")
    assert wait_until(lambda: 2004 <= _year(tab.evaluate(_AXIS)[0]) < 2005.2, 30), tab.evaluate(_AXIS)
    # the history is announced at the plot's left edge and is one switch away
    note = tab.locator("#timeline-graph .annotation-text", has_text="gezinsgeschiedenis 1978–2004")
    expect(note).to_be_visible()
    expect(tab.locator("#history-control")).to_be_visible()
    tab.locator("#timeline-history").check()
    assert wait_until(lambda: _year(tab.evaluate(_AXIS)[0]) < 1978.5, 60), tab.evaluate(_AXIS)
    expect(note).to_have_count(0)
    expect(tab).to_have_url(re.compile(r"[?&]history=1\b"))
    # the address keeps it: a reload opens the whole history again
    tab.reload()
    assert wait_until(lambda: (r := tab.evaluate(_AXIS)) and _year(r[0]) < 1978.5, 90), tab.evaluate(_AXIS)
    expect(tab.locator("#timeline-history")).to_be_checked()


_WINDOW = """() => Array.from(document.querySelectorAll('#timeline-window [role=slider]'),
                            handle => Number(handle.getAttribute('aria-valuenow')))"""
"""The window slider's two ends, in days since 1970."""


def _day_year(days: float) -> float:
    return _year((dt.date(1970, 1, 1) + dt.timedelta(days=days)).isoformat())


def test_the_window_slider_shows_the_period_shown_and_moves_it(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, f"case={NAME}")
    # it sits on the child's story, on a slider that spans the whole case (years as its marks)
    assert wait_until(lambda: len(ends := tab.evaluate(_WINDOW)) == 2 and 2004 <= _day_year(ends[0]) < 2005.2
                      and _day_year(ends[1]) > 2022, 30), tab.evaluate(_WINDOW)
    expect(tab.locator("#timeline-window-wrap")).to_contain_text("In beeld")
    expect(tab.locator("#timeline-window")).to_contain_text("1980")
    # its start pulled to the beginning (a key, as a drag would): the family history shows, with its words
    tab.locator("#timeline-window [role=slider]").first.focus()
    tab.keyboard.press("Home")
    assert wait_until(lambda: _year(tab.evaluate(_AXIS)[0]) < 1978.5, 30), tab.evaluate(_AXIS)
    expect(tab.locator("#timeline-graph .annotation-text", has_text="Moeder wordt geboren")).to_be_visible()
    # a zoom in the plot (plotly's relayout, as a drag): the slider follows
    zoom_timeline(tab, ["2015-01-01", "2017-01-01"])
    assert wait_until(lambda: [round(_day_year(end)) for end in tab.evaluate(_WINDOW)] == [2015, 2017], 30), \
        tab.evaluate(_WINDOW)


_FITTED = """() => {
    const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    const range = gd && gd.layout.meta && gd.layout.meta.fitted_range;
    return range ? range.map(v => new Date(v).toISOString().slice(0, 10)) : null;
}"""


def test_words_fitted_for_another_range_than_shown_are_asked_for_again(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, "case=calamiteit_sem.json")
    tab.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    span = ["2015-01-01", "2017-01-01"]
    tab.evaluate("""span => window.Plotly.relayout(document.querySelector('#timeline-graph .js-plotly-plot'),
                    {'xaxis.range': span})""", span)
    assert wait_until(lambda: tab.evaluate(_FITTED) == span, 60), tab.evaluate(_FITTED)
    # as if an older fit (for the whole axis) had answered the zoom: the page asks for the range shown again
    tab.evaluate("""() => window.Plotly.relayout(document.querySelector('#timeline-graph .js-plotly-plot'),
                    {'meta.fitted_range': [1041379200000, 1703980800000]})""")
    assert tab.evaluate(_FITTED)[0] == "2003-01-01"
    assert wait_until(lambda: tab.evaluate(_FITTED) == span, 30), tab.evaluate(_FITTED)


_FIT = """() => {
    const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    const drag = gd.querySelector('.draglayer .xy .nsewdrag');
    return [(gd.layout.meta || {}).fitted_plot_px || null, drag ? parseFloat(drag.getAttribute('width')) : null];
}"""


def test_a_new_figure_on_the_screen_comes_fitted_for_the_measured_width(tab: Any, history_server: Server) -> None:
    asked: list[str] = []
    tab.on("request", lambda request: asked.append(request.url) if "timeline-zoom" in (request.post_data or "")
           and "_dash-update-component" in request.url else None)
    _open(tab, history_server, "case=calamiteit_sem.json")
    assert wait_until(lambda: len(tab.evaluate(_LABELS)) >= 25, 90)
    # the first figure: refitted, measured. Playwright hands its request events over only while it talks to the
    # browser: the wait asks the page something each round, else a request made after the labels showed is never seen
    assert wait_until(lambda: tab.evaluate("() => true") and len(asked) >= 1, 60), tab.evaluate(_FIT)
    _settled(tab)
    first = len(asked)
    # another figure (English): its words fitted at once for the width the page measured, no second fit
    tab.locator("label", has_text="EN").first.click()
    expect(tab.locator("#timeline-graph .annotation-text", has_text="▲ Formal")).to_be_visible()
    assert wait_until(lambda: (fit := tab.evaluate(_FIT))[0] is not None and abs(fit[0] - fit[1]) < 8, 30), \
        tab.evaluate(_FIT)
    _settled(tab)
    assert len(asked) == first


def test_the_period_chosen_stays_when_the_language_changes(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, "case=calamiteit_sem.json")
    assert wait_until(lambda: len(tab.evaluate(_LABELS)) >= 25, 90)
    span = ["2013-01-01", "2017-01-01"]
    # set as the window slider sets it (Plotly.relayout: plotly itself keeps only a zoom made by hand)
    zoom_timeline(tab, span)
    assert wait_until(lambda: shown_range(tab)["fitted"] == span, 60), shown_range(tab)
    tab.locator("label", has_text="EN").first.click()
    expect(tab.locator("#timeline-graph .annotation-text", has_text="▲ Formal")).to_be_visible()
    _settled(tab)
    assert tab.evaluate(_AXIS) == span
    assert shown_range(tab)["fitted"] == span  # its words fitted for it
    assert [round(_day_year(end)) for end in tab.evaluate(_WINDOW)] == [2013, 2017]


def test_a_short_history_needs_no_switch(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, "case=calamiteit_sem.json")
    expect(tab.locator("#history-control")).to_be_hidden()
    assert wait_until(lambda: _year(tab.evaluate(_AXIS)[0]) < 2003.2, 30)  # Sem's whole file, from 2003


def test_a_wall_link_with_notes_shows_the_card_questions_and_annotations(tab: Any, history_server: Server) -> None:
    _open(tab, history_server, "case=calamiteit_sem.json&wall=timeline&notes=1", 1280, 720)
    expect(tab.locator("#wall-notes")).to_be_checked()
    for question in ("card3_q1", "card4_q1"):  # both work cards' questions, with the reflection notes
        expect(tab.locator("#reflections-card")).to_contain_text(text(question, "nl"))
    expect(tab.locator("#reflections-card")).to_be_visible()
    expect(tab.locator("#annotations-card .annotation-item").first).to_be_visible()
    tab.locator("#wall-notes").uncheck()
    expect(tab.locator("#reflections-card")).to_be_hidden()
    expect(tab).not_to_have_url(re.compile(r"notes=1"))


def _story_ids(page: Any) -> set[str]:
    return all_ids(graph_data(page, "timeline-graph"))


def test_story_mode_steps_through_key_moments_and_hides_the_future(tab: Any, history_server: Server) -> None:
    from app.story import key_steps
    from models.case_view import CaseView

    view = CaseView.build(SEM, "browser")
    keys = key_steps(view)
    _open(tab, history_server, "case=calamiteit_sem.json")
    # the case fully open (its network drawn on its opening day) before story mode starts
    assert wait_until(lambda: SEM.index_person in all_ids(graph_data(tab, "genosociogram-graph")), 60)
    tab.locator("#story-toggle").check()
    expect(tab.locator("#story-position")).to_contain_text(text("story_step", "nl", i=1, n=len(view.ordered)))
    # the first step: nothing later on the timeline, nobody not yet born in the geno-sociogram
    first_day = view.ordered[0].start_day()
    later = {e.id for e in view.ordered if e.start_day() > first_day}
    assert wait_until(lambda: (ids := _story_ids(tab)) and not ids & later, 60), _story_ids(tab) & later
    unborn = {p.id for p in SEM.persons if p.birth is not None and p.birth.earliest() > first_day}
    assert SEM.index_person in unborn
    assert wait_until(lambda: (ids := all_ids(graph_data(tab, "genosociogram-graph"))) and not ids & unborn, 60), \
        (all_ids(graph_data(tab, "genosociogram-graph")) & unborn, tab.locator("#as-of-text").inner_text())

    tab.locator("#story-keys").check()
    for number in (1, 2, 3):
        tab.locator("#story-next").click()
        expect(tab.locator("#story-position")).to_contain_text(
            text("story_key_step", "nl", i=number, n=len(keys), step="").split(" · ")[0])
        event = view.ordered[keys[number - 1]]
        expect(tab.locator("#story-event")).to_contain_text(event.title)
        later = {e.id for e in view.ordered if e.start_day() > event.start_day()}
        assert wait_until(lambda later=later: (ids := _story_ids(tab)) and not ids & later, 60)
    tab.locator("#story-prev").click()
    expect(tab.locator("#story-event")).to_contain_text(view.ordered[keys[1]].title)
    expect(tab).to_have_url(re.compile(r"[?&]keys=1\b"))


_IN_RANGE = """([lo, hi]) => {
    // label annotations of marks in [lo, hi] in the figure (drawn or not)
    const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    const a = Date.parse(lo), b = Date.parse(hi);
    return gd.layout.annotations.filter(n => n.name === 'timeline-label')
        .filter(n => { const x = typeof n.x === 'number' ? n.x : Date.parse(n.x); return a <= x && x <= b; }).length;
}"""


def _settled(page: Any, seconds: float = 2.0) -> int:
    """The number of labels drawn once it has not changed for ``seconds`` (the refit for the measured width
    comes as a patch after the figure)."""
    last, since = -1, 0.0
    while since < seconds:
        now = len(page.evaluate(_LABELS))
        since = since + 0.25 if now == last else 0.0
        last = now
        page.wait_for_timeout(250)
    return last


@pytest.mark.parametrize(("width", "height", "wall"), [(1920, 1080, False), (1280, 720, True)],
                         ids=["screen-1920", "wall-1280"])
def test_zooming_in_brings_more_labels_without_overlaps(tab: Any, history_server: Server, width: int, height: int,
                                                         wall: bool) -> None:
    _open(tab, history_server, "case=calamiteit_sem.json" + ("&wall=timeline" if wall else ""), width, height)
    if wall:
        expect(tab.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    # fitted for the plot's measured width (a single view on the wall: the whole width); on a busy machine the page
    # may first show a figure drawn for another frame (beside the network: a dozen labels) for longer than it settles
    assert wait_until(lambda: len(tab.evaluate(_LABELS)) >= 25, 90)
    whole = _settled(tab)
    assert whole >= 25
    span = ["2015-01-01", "2017-01-01"]
    before = tab.evaluate(_IN_RANGE, span)
    # zoom in on 2015–2017 as a drag would (plotly's own relayout, heard by the app as relayoutData)
    tab.evaluate("""span => window.Plotly.relayout(document.querySelector('#timeline-graph .js-plotly-plot'),
                    {'xaxis.range': span})""", span)
    in_view = lambda: len(tab.evaluate(_LABELS))  # noqa: E731  (plotly leaves out notes of marks out of range)
    assert wait_until(lambda: tab.evaluate(_IN_RANGE, span) > max(before, 10) and in_view() > max(before, 10), 60), \
        (before, tab.evaluate(_IN_RANGE, span), in_view())
    boxes = tab.evaluate(_LABELS)
    for a, b in itertools.combinations(boxes, 2):
        assert not (a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1), (a, b)
    # back to the whole axis (a double click): the labels fitted for it again
    tab.evaluate("""() => window.Plotly.relayout(document.querySelector('#timeline-graph .js-plotly-plot'),
                    {'xaxis.autorange': true})""")
    assert wait_until(lambda: tab.evaluate(_IN_RANGE, span) < max(before, 10) + 1 and in_view() >= whole * 0.8, 60)
