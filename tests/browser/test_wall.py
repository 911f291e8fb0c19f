"""The biggest bundled case (Sem) on the wall at 1920×1080 and 1280×720: the figures drawn for the screen the
browser really has, nothing empty taking room, the facilitator's notes on demand, and the pattern panel in sight
beside the views on screen."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from layouts.texts import text
from models import load_case

from .conftest import SAMPLES
from .helpers import all_ids, choose_case, click_point, graph_data, wait_until
from .label_boxes import settled_labels
from .timeline_axis import timeline_js

SEM = load_case(SAMPLES / "calamiteit_sem.json")
SIZES = [(1920, 1080), (1280, 720)]


def _open_sem(page: Any, width: int, height: int) -> None:
    page.set_viewport_size({"width": width, "height": height})
    choose_case(page, SEM.title)
    assert wait_until(lambda: SEM.index_person in all_ids(graph_data(page, "genosociogram-graph")), 60)


def _wall(page: Any, view: str) -> None:
    if not page.locator("#projector").is_checked():
        page.locator("#projector").check()
        expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    page.locator("#wall label", has_text=text(f"wall_{view}", "nl")).click()
    expect(page.locator("#case-body")).to_have_class(re.compile(rf"\bwall-{view}\b"))
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")


def _svg_box(page: Any, graph: str) -> dict[str, float] | None:
    """The drawn figure's box on screen (plotly's main svg, after the wall's scaling)."""
    return page.locator(f"#{graph} .main-svg").first.bounding_box()


def _inside(box: dict[str, float] | None, width: int, height: int) -> bool:
    return bool(box) and box["x"] >= -1 and box["y"] >= 0 and box["x"] + box["width"] <= width + 1 \
        and box["y"] + box["height"] <= height + 1


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_wall_draws_the_network_for_the_screen_it_has(page: Any, width: int, height: int) -> None:
    _open_sem(page, width, height)
    _wall(page, "network")
    # drawn for the frame the browser measured: most of the width, all of it on the screen
    assert wait_until(lambda: (b := _svg_box(page, "genosociogram-graph")) and b["width"] >= 0.8 * width, 60), \
        _svg_box(page, "genosociogram-graph")
    assert wait_until(lambda: _inside(_svg_box(page, "genosociogram-graph"), width, height))
    header = page.locator(".app-header").bounding_box()
    assert header and header["height"] < 70  # the notes switch keeps the header on one line
    expect(page.locator(".details-card")).to_be_hidden()  # nothing selected: no empty details card
    expect(page.locator(".side-panel")).to_be_hidden()

    # both: the width split, the network beside the timeline, each whole on the screen
    _wall(page, "both")
    assert wait_until(lambda: (b := _svg_box(page, "genosociogram-graph"))
                      and 0.35 * width <= b["width"] <= 0.55 * width and b["x"] > width * 0.4, 60), \
        _svg_box(page, "genosociogram-graph")
    assert wait_until(lambda: _inside(_svg_box(page, "genosociogram-graph"), width, height))
    assert wait_until(lambda: _inside(page.locator("#timeline-wrap").bounding_box(), width, height))
    expect(page.locator(".details-card")).to_be_hidden()

    # a new window size: measured again and drawn again for it
    page.set_viewport_size({"width": width - 200, "height": height})
    _wall(page, "network")
    assert wait_until(lambda: (b := _svg_box(page, "genosociogram-graph")) and b["width"] >= 0.8 * (width - 200)
                      and _inside(b, width - 200, height), 60), _svg_box(page, "genosociogram-graph")


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_the_timeline_wall_takes_the_width_and_the_height(page: Any, width: int, height: int) -> None:
    _open_sem(page, width, height)
    _wall(page, "timeline")
    expect(page.locator(".details-card")).to_be_hidden()
    expect(page.locator("#genosociogram-wrap")).to_be_hidden()
    assert wait_until(lambda: (b := _svg_box(page, "timeline-graph")) and b["width"] >= 0.95 * width - 40)
    assert wait_until(lambda: _inside(page.locator("#timeline-wrap").bounding_box(), width, height))
    as_of = page.locator(".as-of").bounding_box()
    assert as_of and as_of["y"] + as_of["height"] <= height
    # no empty bottom third: the timeline and its date control reach down to the screen's last tenth
    assert as_of["y"] + as_of["height"] >= 0.9 * height
    if width == 1920:  # room enough: laid out for the height, not shrunk by CSS
        scale = page.evaluate("() => getComputedStyle(document.getElementById('timeline-wrap'))"
                              ".getPropertyValue('--tl-scale')")
        assert float(scale) == 1


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_every_wall_is_one_screen_without_a_scroll_bar(page: Any, width: int, height: int) -> None:
    """Paddings and gaps below the figures are left room for: the page does not run past the screen (a meeting
    room's computer would show a scroll bar on the wall and scroll it by a few px)."""
    _open_sem(page, width, height)
    for view in ("both", "timeline", "network", "patterns"):
        _wall(page, view)
        page.wait_for_timeout(800)  # the wall's fit, and the figures drawn for it
        assert wait_until(lambda: page.evaluate(
            "() => document.documentElement.scrollHeight <= window.innerHeight"), 30), (view, page.evaluate(
                "() => [document.documentElement.scrollHeight, window.innerHeight]"))


def test_the_details_show_beside_a_single_view_only_with_a_selection(page: Any) -> None:
    _open_sem(page, 1920, 1080)
    _wall(page, "network")
    expect(page.locator(".details-card")).to_be_hidden()
    assert wait_until(lambda: (b := _svg_box(page, "genosociogram-graph")) and b["width"] >= 0.8 * 1920, 60)
    page.wait_for_timeout(600)
    click_point(page, "genosociogram-graph", SEM.index_person)
    name = next(p.label for p in SEM.persons if p.id == SEM.index_person)
    expect(page.locator("#details")).to_contain_text(name)
    expect(page.locator(".details-card")).to_be_in_viewport()
    details = page.locator(".details-card").bounding_box()
    assert details and details["width"] <= 420  # a narrow column, not a quarter of the screen
    # the network drawn again for the narrower frame beside it
    assert wait_until(lambda: (b := _svg_box(page, "genosociogram-graph")) and b["x"] + b["width"] <= details["x"]
                      and b["width"] >= 0.6 * 1920, 60)
    page.locator("#details-close").click()  # the timeline's clear button is not on this wall
    expect(page.locator(".details-card")).to_be_hidden()


def test_the_facilitator_shows_the_card_questions_and_notes_on_the_wall(page: Any) -> None:
    _open_sem(page, 1280, 720)
    _wall(page, "timeline")
    question = text("card3_q1", "nl")
    expect(page.locator("#reflections-card")).to_be_hidden()
    expect(page.locator("#annotations-card")).to_be_hidden()
    expect(page.locator("#wall-notes")).not_to_be_checked()  # off by default
    page.locator("#wall-notes").check()
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-notes\b"))
    expect(page.locator("#reflections-card")).to_be_visible()
    expect(page.locator("#reflections-card")).to_contain_text(question)
    expect(page.locator("#annotations-card")).to_be_visible()  # Sem's file has analysts' annotations
    expect(page.locator("#annotations-card .annotation-item").first).to_be_in_viewport()
    # beside the timeline, which keeps its place on the screen
    notes = page.locator(".side-panel").bounding_box()
    timeline = page.locator("#timeline-wrap").bounding_box()
    assert notes and timeline and timeline["x"] + timeline["width"] <= notes["x"]
    page.locator("#wall-notes").uncheck()
    expect(page.locator("#reflections-card")).to_be_hidden()
    expect(page.locator("#annotations-card")).to_be_hidden()


def test_the_pattern_panel_is_in_sight_beside_the_views_on_screen(page: Any) -> None:
    _open_sem(page, 1920, 1080)
    expect(page.locator("#root")).not_to_have_class(re.compile(r"\bprojector\b"))
    page.evaluate("() => window.scrollTo(0, 0)")
    first = page.locator("#patterns-card .finding-button").first
    expect(first).to_be_in_viewport()
    card = page.locator("#patterns-card").bounding_box()
    timeline = page.locator("#timeline-wrap").bounding_box()
    assert card and timeline and card["y"] < 1080 * 0.5 and card["x"] > timeline["x"] + timeline["width"]
    assert page.evaluate("() => window.scrollY") == 0


@pytest.mark.parametrize(("width", "height"), [(1920, 1080), (1280, 720)], ids=["1920", "1280"])
def test_the_pattern_panel_is_in_sight_on_the_wall(page: Any, width: int, height: int) -> None:
    """Patronen on the wall: the most telling finding's question is read without scrolling, large."""
    _open_sem(page, width, height)
    _wall(page, "patterns")
    question = page.locator("#patterns-card .finding-question").first
    title = page.locator("#patterns-card .finding-button").first
    for part in (question, title):
        expect(part).to_be_in_viewport()
        box = part.bounding_box()
        assert box and box["y"] + box["height"] <= height and box["width"] >= 0.5 * width, box
    size = page.evaluate("(el) => parseFloat(getComputedStyle(el).fontSize)", question.element_handle())
    assert size >= 18, size  # projector type, read from the back of the room
    assert page.evaluate("() => window.scrollY") == 0


@pytest.mark.parametrize("refit", [False, True], ids=["zoom", "zoom-while-refitting"])
def test_a_zoom_on_the_wall_shows_the_months_it_spans(page: Any, refit: bool) -> None:
    """The wall's axis lists its years; zoomed into half a year it would show none: the zoom brings months. Also
    when the wall resizes the figure in the same moment (plotly then reports the resize only: the zoom's words are
    asked for again, window.js)."""
    _open_sem(page, 1280, 720)
    _wall(page, "timeline")
    graph = "#timeline-graph .js-plotly-plot"
    # as a facilitator would: zoom once the wall's picture stands (a busy machine first shows the screen's figure)
    wall = f"() => document.querySelector('{graph}')?.layout?.meta?.wall"
    assert wait_until(lambda: page.evaluate(wall) == "timeline", 60)
    assert settled_labels(page, 20, (1280, 720))
    # the zoom, and with ``refit`` a resize in the same moment (one page call: plotly reports both at once)
    page.evaluate(timeline_js("""window.Plotly.relayout(gd, {'xaxis.range': arg.span.map(axisMs)});
        if (arg.refit) window.Plotly.relayout(gd, {width: gd.layout.width, height: gd.layout.height});"""),
                  {"span": ["2019-03-01", "2019-10-01"], "refit": refit})

    def ticks() -> list[str]:
        return page.evaluate(f"() => [...document.querySelectorAll('{graph} .xtick text, {graph} .x2tick text')]"
                             ".map(t => t.textContent)")
    assert wait_until(lambda: {"jun", "jul", "aug"} <= set(ticks()), 30), ticks()
    assert any(tick.endswith("2019") for tick in ticks())


@pytest.mark.parametrize("view", ["timeline", "both"])
def test_a_selection_on_a_1280_wall_shows_its_details_in_a_drawer_and_keeps_the_picture(page: Any, view: str) -> None:
    """Beside a column the timeline shrank to a type nobody at the back can read, and below Beide's views the details
    were off the screen: on a 1280 × 720 wall they float over the picture's right edge, the picture keeps its size."""
    _open_sem(page, 1280, 720)
    _wall(page, view)
    assert wait_until(lambda: (b := _svg_box(page, "timeline-graph")) and b["width"] > 300, 60)
    page.wait_for_timeout(800)
    before = _svg_box(page, "timeline-graph")
    court_order = next(e for e in SEM.events if e.type.value == "court_order")
    click_point(page, "timeline-graph", court_order.id)  # a mark drawn near it may take the click: any event will do
    expect(page.locator(".details-card")).to_be_visible()
    expect(page.locator("#details .details-kind")).to_have_text(text("event", "nl"), ignore_case=True)
    expect(page.locator(".details-card")).to_be_in_viewport(ratio=0.9)
    page.wait_for_timeout(800)
    after = _svg_box(page, "timeline-graph")
    assert after and before
    assert abs(after["width"] - before["width"]) < 2 and abs(after["height"] - before["height"]) < 2
    assert page.evaluate("() => document.documentElement.scrollHeight <= window.innerHeight + 1")
    expect(page.locator("#clear-selection")).to_be_hidden()  # the drawer's × clears it, nothing over the lane names
    page.locator("#details-close").click()
    expect(page.locator(".details-card")).to_be_hidden()
