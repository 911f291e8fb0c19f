"""The view in the address: one filter for the table and the timeline, a reload that keeps the view, and a
clear message for an address that names no case of the folder."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from playwright.sync_api import expect

from layouts.texts import text
from layouts.timeline.lanes import timeline_layout
from models import load_case

from .conftest import SAMPLES
from .helpers import LISA, address_of, all_ids, choose_option, graph_data, open_lisa, wait_until
from .timeline_axis import SHOWN_JS, zoom_timeline


def _table_ids(page: Any) -> set[str]:
    """The event ids of every row of the events table, over all its pages."""
    ids: set[str] = set()
    while True:
        for raw in page.locator("#events-table .row-button").evaluate_all("els => els.map(e => e.id)"):
            ids.add(json.loads(raw)["id"])
        following = page.locator("#table-next")
        if following.is_disabled() or page.locator("#table-pager").is_hidden():
            return ids
        text = page.locator("#table-page-text").inner_text()
        following.click()
        expect(page.locator("#table-page-text")).not_to_have_text(text)


def test_a_person_filter_shows_the_same_events_in_the_table_and_the_timeline(page: Any) -> None:
    events = open_lisa(page)
    case = load_case(SAMPLES / LISA)
    voice_only = [e for e in events if e.perspective == "vader" and "vader" not in e.persons]
    assert voice_only, "the sample should have an event told in the father's voice without him in it"
    expected = {e.id for e in events if "vader" in e.persons or e.perspective == "vader"}
    page.locator("#filters-toggle").click()
    choose_option(page, page.locator("#filter-persons"), case.person_map()["vader"].label)
    drawn = wait_until(lambda: (lambda ids: ids if ids == expected else None)(
        all_ids(graph_data(page, "timeline-graph"))))
    assert drawn == expected, "the timeline does not show the father's events and voice"
    expect(page.locator("#events-table caption")).to_contain_text(f"{len(expected)} rijen")
    assert _table_ids(page) == drawn
    assert wait_until(lambda: "persons=vader" in address_of(page), 30), address_of(page)  # the filter is in it


def test_a_reload_shows_the_same_case_date_and_filter(page: Any, recorder: Any) -> None:
    events = open_lisa(page)
    title = load_case(SAMPLES / LISA).title
    # the address names the chosen case
    assert wait_until(lambda: f"case={LISA}" in address_of(page), 40), address_of(page)
    opening_text = page.locator("#as-of-text").inner_text()
    thumb = page.locator("#as-of [role=slider]")
    thumb.focus()
    page.keyboard.press("Home")
    expect(page.locator("#as-of-text")).not_to_have_text(opening_text)
    chosen_day = page.locator("#as-of-text").inner_text()
    page.locator("#filters-toggle").click()
    page.locator("#filter-layer label", has_text="Beleving").click()
    lived = {e.id for e in events if e.layer.value == "lived"}
    assert wait_until(lambda: all_ids(graph_data(page, "timeline-graph")) == lived)
    assert wait_until(lambda: "layer=lived" in (now := address_of(page)) and "date=" in now, 40), address_of(page)
    address = page.url

    page.reload()
    expect(page.locator("#case-title")).to_have_text(title)
    assert page.url == address
    expect(page.locator("#as-of-text")).to_have_text(chosen_day)
    assert wait_until(lambda: all_ids(graph_data(page, "timeline-graph")) == lived), "the filter was lost"
    assert page.locator("#filter-layer input[value=lived]").is_checked()
    expect(page.locator("#events-table caption")).to_contain_text(f"{len(lived)} rijen")
    # back: the view before the filter (same case, same date), every event again
    page.go_back()
    assert wait_until(lambda: len(all_ids(graph_data(page, "timeline-graph"))) == len(events)), "back kept the filter"
    assert "layer=" not in page.url and f"case={LISA}" in page.url
    expect(page.locator("#as-of-text")).to_have_text(chosen_day)
    assert page.locator("#filter-layer input[value=both]").is_checked()
    assert not recorder.errors


def test_an_unknown_case_in_the_address_opens_none_and_says_so(page: Any, server: Any, recorder: Any) -> None:
    page.goto(server.url + "?case=no_such_family.json")
    box = page.locator("#error-box")
    expect(box).to_contain_text(text("unknown_case_title", "nl"))
    expect(box).to_contain_text("no_such_family.json")
    expect(page.locator("#case-title")).to_have_text(text("no_case_title", "nl"))
    assert page.locator("#case-body").is_hidden()  # no case opened, not silently the first one
    assert "case=no_such_family.json" in page.url
    assert not recorder.errors





def test_a_reload_opens_the_timeline_on_the_period_zoomed_into(page: Any, recorder: Any) -> None:
    """The stretch of time shown after a zoom (or a move of the window slider) is in the address: a reload or a
    link opens the timeline there, with its words fitted for it; back goes to the view before the zoom."""
    open_lisa(page)
    assert wait_until(lambda: f"case={LISA}" in address_of(page), 60), address_of(page)
    assert wait_until(lambda: (r := page.evaluate(SHOWN_JS)) and r["opened"], 60), page.evaluate(SHOWN_JS)
    opened = page.evaluate(SHOWN_JS)["opened"]
    assert "shown=" not in page.url  # where the axis opens: nothing to keep
    zoom_timeline(page, ['2021-01-01', '2023-06-01'])
    search = lambda: page.evaluate("() => location.search")  # noqa: E731  (read in the page: it draws frames)
    assert wait_until(lambda: "shown=2021-01-01,2023-06-01" in search(), 90), search()
    address = page.url

    page.reload()
    assert wait_until(lambda: (r := page.evaluate(SHOWN_JS)) and r["shown"] == ["2021-01-01", "2023-06-01"]
                      and r["fitted"] == r["shown"], 90), page.evaluate(SHOWN_JS)
    assert page.url == address
    window = page.locator("#timeline-window [role=slider]").first.get_attribute("aria-valuenow")
    assert window is not None and abs(int(window) - 18628) <= 1  # 2021-01-01 in days since 1970: the slider too
    # back: the view before the zoom
    page.go_back()
    assert wait_until(lambda: "shown=" not in search() and page.evaluate(SHOWN_JS)["shown"] == opened, 60), \
        (search(), page.evaluate(SHOWN_JS))
    assert not recorder.errors


def test_back_and_forward_between_cases_open_each_case_again(page: Any, server: Any, recorder: Any) -> None:
    """Back after choosing another case opens the case before it, with its address kept as it was (no entry
    written while it opens); forward opens the chosen case again; then choosing a third case writes its address."""
    first_title = page.locator("#case-title").inner_text()
    open_lisa(page)
    assert wait_until(lambda: f"case={LISA}" in address_of(page), 60), address_of(page)
    page.go_back()
    expect(page.locator("#case-title")).to_have_text(first_title, timeout=60_000)
    assert page.url.endswith("?case=minimal.json"), page.url
    page.go_forward()
    expect(page.locator("#case-title")).to_have_text(load_case(SAMPLES / LISA).title, timeout=60_000)
    assert f"case={LISA}" in page.url
    page.go_back()
    expect(page.locator("#case-title")).to_have_text(first_title, timeout=60_000)
    other = load_case(SAMPLES / "werkplaats_daan.json").title
    choose_option(page, page.locator("#case-chooser"), other)
    expect(page.locator("#case-title")).to_have_text(other, timeout=60_000)
    # the chosen case's address, not stuck after back
    assert wait_until(lambda: "case=werkplaats_daan.json" in address_of(page), 60), address_of(page)
    assert not recorder.errors



_AS_OF_JS = """() => { const gd = document.querySelector('#timeline-graph .js-plotly-plot');
    const line = gd && gd.layout && (gd.layout.shapes || []).find(s => s.name === 'timeline-as-of' && s.visible);
    const knots = gd && gd.layout.meta && gd.layout.meta.time_knots;
    return line ? {x: typeof line.x0 === 'number' ? line.x0 : Date.parse(line.x0.replace(' ', 'T') + 'Z'),
                   knots: knots ? knots[0].length : 0} : null; }"""


def test_the_walls_focus_axis_draws_a_dates_line_where_that_day_is_drawn(page: Any, server: Any,
                                                                          recorder: Any) -> None:
    """On the wall the time axis gives Lisa's dense years more room (x is not the date): the date from the address
    is drawn where that day lies on the axis, and the figure carries the axis's knots for the browser."""
    layout = timeline_layout(load_case(SAMPLES / LISA), projector=True)
    assert not layout.scale.linear
    day = dt.date(2022, 6, 1)
    page.goto(f"{server.url}?case={LISA}&wall=timeline&date={day.isoformat()}")
    assert wait_until(lambda: page.evaluate(_AS_OF_JS), 90), page.evaluate(_AS_OF_JS)
    found = page.evaluate(_AS_OF_JS)
    assert abs(found["x"] - layout.x_of(day)) < 86_400_000, (found, layout.x_of(day))
    assert found["knots"] == len(layout.scale.real)
    assert not recorder.errors
