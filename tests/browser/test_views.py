"""Linked views: clicks in either figure, the date control and story mode, read back from the page."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from layouts.components.i18n import format_partial
from models import load_case

from .conftest import SAMPLES
from .helpers import (
    LISA,
    all_ids,
    choose_case,
    click_point,
    graph_data,
    graph_texts,
    marked_ids,
    open_lisa,
    text_marks,
    wait_for_graph,
    wait_until,
)
from .timeline_axis import shown_range, zoom_timeline


def _dimmed(traces: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """``traces`` when some event mark is dimmed, else None."""
    return traces if marked_ids(traces) != all_ids(traces) else None


def _lisa() -> Any:
    return load_case(SAMPLES / LISA)


def test_person_click_highlights_their_events(page: Any) -> None:
    open_lisa(page)
    case = _lisa()
    wait_for_graph(page, "genosociogram-graph")
    wait_for_graph(page, "timeline-graph")
    click_point(page, "genosociogram-graph", "vader")
    expect(page.locator("#details .details-title")).to_have_text("Vader")
    expected = {e.id for e in case.events if "vader" in e.persons or e.perspective == "vader"}
    traces = wait_until(lambda: _dimmed(graph_data(page, "timeline-graph")))
    assert traces, "the timeline never dimmed anything"
    assert marked_ids(traces) == expected & all_ids(traces)
    assert len(all_ids(traces) - expected) > 10  # the rest is dimmed
    # clearing restores everything
    page.locator("#clear-selection").click()
    expect(page.locator("#details")).to_contain_text("Klik op een persoon")
    traces = wait_until(lambda: (lambda t: None if _dimmed(t) else t)(graph_data(page, "timeline-graph")))
    assert traces and marked_ids(traces) == all_ids(traces)


def test_event_click_highlights_persons_and_moves_the_date(page: Any) -> None:
    open_lisa(page)
    case = _lisa()
    wait_for_graph(page, "timeline-graph")
    wait_for_graph(page, "genosociogram-graph")
    labels = {p.id: p.label for p in case.persons}
    # an event with several people, among them a professional
    event = next(e for e in case.events_in_order() if len(e.persons) >= 3 and e.layer.value == "formal"
                 and any(p.kind.value == "professional" for p in case.persons if p.id in e.persons))
    click_point(page, "timeline-graph", event.id)
    expect(page.locator("#details .details-title")).to_have_text(event.title)
    expect(page.locator("#as-of-text")).to_have_text(format_partial(event.date.__class__.from_date(
        event.start_day()), "nl"))
    assert wait_until(lambda: any(t["trace_opacity"] < 0.5 for t in graph_data(page, "genosociogram-graph")))
    shown = all_ids(graph_data(page, "genosociogram-graph"))
    texts = graph_texts(page, "genosociogram-graph")
    bright, dim = text_marks(texts, bright=True), text_marks(texts, bright=False)
    involved = [p for p in event.persons if p in shown]
    assert involved, "none of the event's persons is drawn"
    for person in involved:
        first_line = labels[person].split("<br>")[0]
        assert first_line in bright, (person, first_line)
    assert "Oma" in dim or "Opa" in dim or "Halfzus" in dim  # family not in the event is dimmed


def test_moving_the_date_changes_the_network(page: Any) -> None:
    open_lisa(page)
    wait_for_graph(page, "genosociogram-graph")
    before = all_ids(graph_data(page, "genosociogram-graph"))
    end_text = page.locator("#as-of-text").inner_text()
    thumb = page.locator("#as-of [role=slider]")
    thumb.focus()
    page.keyboard.press("Home")
    expect(page.locator("#as-of-text")).not_to_have_text(end_text)
    expect(page.locator("#genosociogram-title")).to_contain_text(page.locator("#as-of-text").inner_text())
    after = wait_until(lambda: (lambda ids: ids if ids != before else None)(
        all_ids(graph_data(page, "genosociogram-graph"))))
    assert after, "the network did not change"
    assert len(after) < len(before)  # fewer people at the start of the story
    # the date is marked on the timeline
    marker = page.evaluate("""() => { const gd = document.querySelector('#timeline-graph .js-plotly-plot');
        return (gd.layout.annotations || []).map(a => a.text).join(' '); }""")
    assert re.search(r"\d{4}", marker)


def test_story_mode_with_buttons_and_arrow_keys(page: Any) -> None:
    events = open_lisa(page)
    wait_for_graph(page, "timeline-graph")
    total = len(all_ids(graph_data(page, "timeline-graph")))
    page.locator("#story-toggle").check()
    bar = page.locator("#story-bar")
    expect(bar).to_be_visible()
    expect(page.locator("#story-position")).to_have_text(f"Stap 1 van {len(events)}")
    expect(page.locator("#story-event")).to_contain_text(events[0].title)
    page.locator("#story-next").click()
    expect(page.locator("#story-position")).to_have_text(f"Stap 2 van {len(events)}")
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowRight")
    expect(page.locator("#story-position")).to_have_text(f"Stap 3 van {len(events)}")
    expect(page.locator("#story-event")).to_contain_text(events[2].title)
    expect(page.locator("#details .details-title")).to_have_text(events[2].title)
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#story-position")).to_have_text(f"Stap 2 van {len(events)}")
    # the timeline reveals only what happened so far
    day = events[1].start_day()
    wanted = {e.id for e in events if e.start_day() <= day}
    assert len(wanted) < total
    # (wait for step 2's figure: step 3's may still be on its way)
    revealed = wait_until(lambda: (lambda ids: ids if ids == wanted else None)(
        all_ids(graph_data(page, "timeline-graph"))))
    assert revealed == wanted, all_ids(graph_data(page, "timeline-graph")) ^ wanted
    expect(page.locator("#genosociogram-title")).to_contain_text(
        format_partial(events[1].date.__class__.from_date(day), "nl"))
    page.locator("#story-toggle").uncheck()
    expect(bar).to_be_hidden()


def test_filters_apply_to_timeline_and_table(page: Any) -> None:
    events = open_lisa(page)
    page.locator("#filters-toggle").click()
    expect(page.locator("#filters")).to_be_visible()
    page.locator("#filter-layer label", has_text="Beleving").click()
    lived = {e.id for e in events if e.layer.value == "lived"}
    drawn = wait_until(lambda: (lambda ids: ids if ids == lived else None)(
        all_ids(graph_data(page, "timeline-graph"))))
    assert drawn == lived
    expect(page.locator("#events-table caption")).to_contain_text(f"{len(lived)} rijen")
    expect(page.locator("#filters-badge")).to_have_text("1")
    expect(page.locator("#filter-count")).to_contain_text(f"{len(lived)} van {len(events)}")
    page.locator("#filters-reset").click()
    expect(page.locator("#events-table caption")).to_contain_text(f"{len(events)} rijen")
    assert wait_until(lambda: len(all_ids(graph_data(page, "timeline-graph"))) == len(events))


def test_pattern_click_highlights_its_evidence(page: Any) -> None:
    open_lisa(page)
    finding = page.locator(".finding-button").first
    expect(finding).to_be_visible()
    title = finding.locator(".finding-title").inner_text()
    finding.click()
    expect(page.locator("#details .details-kind")).to_have_text("Patroon")
    expect(page.locator("#details .details-title")).to_have_text(title)
    expect(page.locator(".finding-button").first).to_have_attribute("aria-pressed", "true")
    assert wait_until(lambda: _dimmed(graph_data(page, "timeline-graph")))


_PLOT_ROWS = """() => { const gd = document.querySelector('#timeline-wrap .js-plotly-plot'), f = gd._fullLayout;
    const top = gd.getBoundingClientRect().top;
    return {formalTop: top + f.yaxis2._offset, axis: top + f.yaxis2._offset + f.yaxis2._length,
            livedBottom: top + f.yaxis._offset + f.yaxis._length,
            bar: document.getElementById('story-bar').getBoundingClientRect().bottom, height: innerHeight}; }"""


def test_story_mode_scrolls_the_current_event_into_sight(page: Any) -> None:
    """On a 1280×720 screen the timeline is taller than the window: a step to a lived event brings the
    part under the line into sight, under the story bar that stays at the top."""
    page.set_viewport_size({"width": 1280, "height": 720})
    events = open_lisa(page)
    wait_for_graph(page, "timeline-graph")
    assert page.evaluate(_PLOT_ROWS)["livedBottom"] > 720  # the lived lanes start out of sight
    page.locator("#story-toggle").check()
    lived = next(i for i, e in enumerate(events) if e.layer.value == "lived")
    for step in range(lived):
        page.locator("#story-next").click()
        expect(page.locator("#story-position")).to_have_text(f"Stap {step + 2} van {len(events)}")
    expect(page.locator("#details .details-title")).to_have_text(events[lived].title)

    def in_sight() -> dict[str, float] | None:
        rows = page.evaluate(_PLOT_ROWS)
        return rows if rows["axis"] > rows["bar"] and rows["livedBottom"] <= rows["height"] else None

    rows = wait_until(in_sight)
    assert rows, page.evaluate(_PLOT_ROWS)
    assert 0 <= page.locator("#story-bar").bounding_box()["y"] < 2  # sticky at the top


def test_projector_header_is_one_compact_line(page: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    open_lisa(page)
    case = _lisa()
    page.locator("#projector").check()
    expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    title = page.locator("#case-title")
    expect(title).to_have_attribute("title", case.title)
    assert wait_until(lambda: page.locator(".app-header").bounding_box()["height"] < 70), \
        page.locator(".app-header").bounding_box()
    box = title.bounding_box()
    assert box["height"] < 50  # one line, cut with an ellipsis
    assert page.evaluate("() => getComputedStyle(document.getElementById('case-title')).textOverflow") == "ellipsis"


_TICKS_JS = """() => Array.from(document.querySelectorAll('#timeline-graph .xtick text, #timeline-graph .x2tick text'))
    .map(t => ({text: t.textContent, tilted: (t.getAttribute('transform') || '').includes('rotate')}))"""


def test_zoomed_date_labels_stay_upright_on_a_small_screen(page: Any) -> None:
    """At 1280×720 the plot is narrower than a nominal one: zoomed into a few years or months, the date labels are
    counted for the measured plot, not tilted by plotly (tilted, they hang into the top lived lane)."""
    sem = load_case(SAMPLES / "calamiteit_sem.json")
    page.set_viewport_size({"width": 1280, "height": 720})
    choose_case(page, sem.title)
    wait_for_graph(page, "timeline-graph")
    for span in (["2012-01-01", "2018-01-01"], ["2016-01-01", "2016-09-01"]):
        zoom_timeline(page, span)
        # once the zoom's words (and its count of date labels) have come: none tilted
        assert wait_until(lambda span=span: (shown_range(page) or {}).get("fitted") == span, 30), shown_range(page)
        page.wait_for_timeout(500)
        ticks = page.evaluate(_TICKS_JS)
        assert ticks and not any(t["tilted"] for t in ticks), (span, ticks)
    assert any(re.fullmatch(r"[a-z]{3}( \d{4})?", t["text"]) for t in ticks)  # months when zoomed in on months
