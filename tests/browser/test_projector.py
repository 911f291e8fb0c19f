"""Projector mode at 1280×720: the header's choice of what the wall shows, each fitted under the header."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import expect

from .conftest import OUT
from .helpers import all_ids, click_point_until, graph_data, open_lisa, wait_for_graph, wait_until

WIDTH, HEIGHT = 1280, 720
LABELS = {"both": "Beide", "timeline": "Tijdlijn", "network": "Geno-sociogram", "patterns": "Patronen"}


def _box(page: Any, selector: str) -> dict[str, float] | None:
    return page.locator(selector).bounding_box()


def _projector_on(page: Any) -> list[Any]:
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})
    events = open_lisa(page)
    expect(page.locator("#wall-wrap")).to_be_hidden()  # normal mode: no wall choice
    page.locator("#projector").check()
    expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    expect(page.locator("#wall-wrap")).to_be_visible()
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-both\b"))  # the default
    return events


def _choose(page: Any, view: str) -> None:
    page.locator("#wall label", has_text=LABELS[view]).click()
    expect(page.locator("#case-body")).to_have_class(re.compile(rf"\bwall-{view}\b"))
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")


def _fits(page: Any, selector: str) -> dict[str, float] | None:
    """The element's box when its top part is in the window (under the header), else None."""
    box = _box(page, selector)
    header = _box(page, ".app-header")
    if not box or not header or box["height"] < 100:
        return None
    return box if header["y"] + header["height"] <= box["y"] and box["y"] + min(box["height"], 400) <= HEIGHT \
        and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH else None


def test_projector_shows_the_chosen_view_fitted_to_the_screen(page: Any) -> None:
    OUT.mkdir(exist_ok=True)
    _projector_on(page)
    wait_for_graph(page, "timeline-graph")
    header = _box(page, ".app-header")
    assert header and header["height"] < 70  # still one line with the wall choice in it

    # both: the two figures side by side, the timeline entirely in sight
    assert wait_until(lambda: _fits(page, "#timeline-wrap") and _fits(page, "#genosociogram-wrap"))
    assert wait_until(lambda: _box(page, "#timeline-wrap")["y"] + _box(page, "#timeline-wrap")["height"] <= HEIGHT)
    assert _box(page, "#genosociogram-wrap")["x"] > _box(page, "#timeline-wrap")["x"] + 300
    expect(page.locator("#patterns-card")).to_be_hidden()
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "projector_both.png"))

    _choose(page, "timeline")
    expect(page.locator("#genosociogram-wrap")).to_be_hidden()
    expect(page.locator("#patterns-card")).to_be_hidden()
    expect(page.locator("#timeline-wrap")).to_be_visible()
    assert wait_until(lambda: (b := _fits(page, "#timeline-wrap")) and b["y"] + b["height"] <= HEIGHT)
    assert wait_until(lambda: (b := _box(page, ".as-of")) and b["y"] + b["height"] <= HEIGHT)  # the date too
    expect(page.locator(".details-card")).to_be_hidden()  # nothing selected: no empty card beside it
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "projector_timeline.png"))

    _choose(page, "network")
    expect(page.locator("#timeline-wrap")).to_be_hidden()
    expect(page.locator("#patterns-card")).to_be_hidden()
    expect(page.locator("#genosociogram-wrap")).to_be_visible()
    assert wait_until(lambda: _fits(page, "#genosociogram-wrap"))
    expect(page.locator(".details-card")).to_be_hidden()
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "projector_network.png"))

    _choose(page, "patterns")
    expect(page.locator("#timeline-wrap")).to_be_hidden()
    expect(page.locator("#genosociogram-wrap")).to_be_hidden()
    expect(page.locator("#patterns-card")).to_be_visible()
    findings = page.locator("#patterns-card .finding-button")
    expect(findings.first).to_be_visible()
    assert wait_until(lambda: _fits(page, "#patterns-card"))
    card = _box(page, "#patterns-card")
    assert card["width"] > 700 and card["y"] + card["height"] <= HEIGHT  # large, scrolling inside itself
    page.screenshot(path=str(OUT / "projector_patterns.png"))

    # English labels; back to normal mode: the choice is gone and the page is as before
    page.locator("#lang label", has_text="EN").click()
    expect(page.locator("#wall label", has_text="Patterns")).to_be_visible()
    page.locator("#projector").uncheck()
    expect(page.locator("#wall-wrap")).to_be_hidden()
    expect(page.locator("#root")).to_have_class("app-root")
    expect(page.locator("#timeline-wrap")).to_be_visible()
    expect(page.locator("#genosociogram-wrap")).to_be_visible()
    expect(page.locator("#patterns-card")).to_be_visible()


def test_the_wall_choice_is_a_labelled_keyboard_radio_group(page: Any) -> None:
    _projector_on(page)
    group = page.locator("#wall-wrap")
    expect(group).to_have_attribute("role", "radiogroup")
    expect(page.locator("#wall-label")).to_have_text("Wat de beamer toont")
    page.locator("#wall input[value=both]").focus()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#wall input[value=timeline]")).to_be_checked()
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-timeline\b"))


def test_story_mode_steps_the_network_on_the_wall(page: Any) -> None:
    events = _projector_on(page)
    _choose(page, "network")
    wait_for_graph(page, "genosociogram-graph")
    page.locator("#story-toggle").check()
    expect(page.locator("#story-position")).to_have_text(f"Stap 1 van {len(events)}")
    page.evaluate("() => document.activeElement.blur()")
    first = wait_until(lambda: all_ids(graph_data(page, "genosociogram-graph")))
    expect(page.locator("#story-bar")).to_be_in_viewport()
    assert wait_until(lambda: _fits(page, "#genosociogram-wrap"))
    seen = set(first)
    for step in range(2, 16):
        page.keyboard.press("ArrowRight")
        expect(page.locator("#story-position")).to_have_text(f"Stap {step} van {len(events)}")
        seen = wait_until(lambda: all_ids(graph_data(page, "genosociogram-graph")), 5)
        if seen != first:
            break
    assert seen != first, "the network never changed while stepping"
    expect(page.locator("#timeline-wrap")).to_be_hidden()
    assert wait_until(lambda: _fits(page, "#genosociogram-wrap"))
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "projector_network_story.png"))


def test_clicks_land_on_the_scaled_figures(page: Any) -> None:
    """The wall scales a figure as a whole: a click must still select what is under the mouse."""
    events = _projector_on(page)
    wait_for_graph(page, "genosociogram-graph")
    page.wait_for_timeout(600)
    details = page.locator("#details")
    click_point_until(page, "genosociogram-graph", "vader", lambda: "Vader" in (details.text_content() or ""))
    expect(details).to_contain_text("Vader")
    _choose(page, "timeline")
    wait_for_graph(page, "timeline-graph")
    page.wait_for_timeout(600)
    shown = all_ids(graph_data(page, "timeline-graph"))
    event = next(e for e in reversed(events) if e.id in shown)
    page.locator("#details-close").click()  # the wall's drawer: its × clears the selection (and uncovers the marks)
    click_point_until(page, "timeline-graph", event.id, lambda: event.title in (details.text_content() or ""))
    expect(details).to_contain_text(event.title)


def test_a_clicker_steps_the_story_not_the_wall_choice(page: Any) -> None:
    """After choosing a wall with the mouse, → and PageDown (a presentation clicker) step the story."""
    events = _projector_on(page)
    page.locator("#story-toggle").check()
    expect(page.locator("#story-position")).to_have_text(f"Stap 1 van {len(events)}")
    page.locator("#wall label", has_text=LABELS["timeline"]).click()  # the radio keeps the focus
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-timeline\b"))
    page.keyboard.press("ArrowRight")
    expect(page.locator("#story-position")).to_have_text(f"Stap 2 van {len(events)}")
    page.keyboard.press("PageDown")
    expect(page.locator("#story-position")).to_have_text(f"Stap 3 van {len(events)}")
    page.keyboard.press("PageUp")
    expect(page.locator("#story-position")).to_have_text(f"Stap 2 van {len(events)}")
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-timeline\b"))  # the wall stayed
