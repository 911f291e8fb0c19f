"""A laptop's screen (below 1600 px): the views take the width (beside a column the 1280 timeline kept a 540 px plot
and 24 of Sem's labels; the label counts are read in test_wall_labels.py), the side cards follow the
geno-sociogram, a selection's details open as a drawer over the lane names, and editing brings the column back."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from .helpers import wait_until
from .label_boxes import drawn_labels, overlapping

_BOX = """s => { const r = document.querySelector(s).getBoundingClientRect();
    return [r.left, r.top + scrollY, r.width]; }"""


def test_a_1280_screen_gives_the_views_the_width_and_opens_the_details_as_a_drawer(page: Any, server: Any) -> None:
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{server.url}?case=calamiteit_sem.json")
    page.locator("#timeline-graph .scatterlayer .trace").first.wait_for(state="attached", timeout=90_000)
    # nothing chosen: no empty details card; the timeline across the page
    expect(page.locator(".details-card")).to_be_hidden()
    assert page.evaluate(_BOX, "#timeline-wrap")[2] > 1180
    # the pattern panel after the geno-sociogram, across the width, before the table
    network, patterns, table = (page.evaluate(_BOX, s) for s in ("#genosociogram-wrap", "#patterns-card",
                                                                  "#table-section"))
    assert network[1] < patterns[1] < table[1] and patterns[2] > 1180
    # a finding chosen in the pattern panel: its details in a drawer over the lane names at the left edge, the
    # latest years (where the story mostly is) left in sight
    page.locator("#patterns-card .finding-button").first.click()
    drawer = page.locator(".details-card")
    expect(drawer).to_be_visible()
    # the pattern panel is below the views: the timeline comes into sight, where the finding's events light up
    assert wait_until(lambda: -20 < page.evaluate("() => document.getElementById('timeline-wrap')"
                                                  ".getBoundingClientRect().top") < 240, 10)
    expect(drawer).to_have_css("position", "fixed")
    box = drawer.bounding_box()
    assert box is not None and box["x"] < 40 and box["x"] + box["width"] < 400
    assert box["y"] >= 0 and box["y"] + box["height"] <= 720
    assert page.evaluate(_BOX, "#timeline-wrap")[2] > 1180  # the picture keeps its size
    page.locator("#details-close").click()
    expect(drawer).to_be_hidden()
    # Escape closes it too
    page.locator("#patterns-card .finding-button").first.click()
    expect(drawer).to_be_visible()
    page.keyboard.press("Escape")
    expect(drawer).to_be_hidden()
    # while editing the column comes back: details, links and perspectives are worked on beside the views, and
    # the timeline's words are fitted again for its narrower plot (none over the lane names or off the figure)
    page.evaluate("() => window.scrollTo(0, 0)")
    page.locator("label[for=edit-mode]").click()
    expect(drawer).to_be_visible()
    expect(drawer).not_to_have_css("position", "fixed")
    assert page.evaluate(_BOX, "#timeline-wrap")[2] < 1000
    assert wait_until(lambda: _inside_the_plot(page), 30)


_PLOT = """() => { const r = document.querySelector('#timeline-graph .draglayer .xy .nsewdrag').getBoundingClientRect();
    return [r.left, r.right]; }"""


def _inside_the_plot(page: Any) -> bool:
    """Every label on the plot's side of the lane names and on the figure, none overlapping."""
    drawn, (left, _) = drawn_labels(page), page.evaluate(_PLOT)
    labels = drawn["labels"] if drawn else []
    return bool(labels) and not overlapping(labels) and all(
        label["left"] >= left - 2 and label["right"] <= drawn["svg"]["right"] + 1 for label in labels)
