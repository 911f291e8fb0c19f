"""Every bundled case on the screen and on the wall at 1920×1080 and 1280×720, read as the browser draws it: the
timeline (alone, on the wall) carries at least 40 labels at either size (every event of a smaller case; on the
smaller wall a label stays near its mark rather than reach a free place across the wall, see
layouts/timeline/wall.py), beside the network as many as fit; no two labels overlap, none runs off the figure."""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from layouts.texts import text
from models import load_case

from .conftest import SAMPLES
from .helpers import wait_until
from .label_boxes import assert_readable, drawn_labels, settled_labels

CASES = sorted(path.name for path in SAMPLES.glob("*.json"))
SIZES = [(1920, 1080), (1280, 720)]


def _on_the_wall(page: Any, view: str) -> None:
    page.locator("#wall label", has_text=text(f"wall_{view}", "nl")).click()
    expect(page.locator("#case-body")).to_have_class(re.compile(rf"\bwall-{view}\b"))
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")


@pytest.mark.parametrize("view", ["screen", "wall"])
@pytest.mark.parametrize(("width", "height"), SIZES, ids=["1920", "1280"])
@pytest.mark.parametrize("name", CASES)
def test_the_timeline_is_labelled_without_overlaps(page: Any, server: Any, name: str, width: int, height: int,
                                                   view: str) -> None:
    """On the screen (below 1600 px the views take the width) and on the wall alone, then beside the network."""
    events = len(load_case(SAMPLES / name).events)
    wall = view == "wall"
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}?case={name}" + ("&wall=timeline" if wall else ""))
    page.locator("#timeline-graph .scatterlayer .trace").first.wait_for(state="attached", timeout=90_000)
    root = expect(page.locator("#root"))
    (root.to_have_class if wall else root.not_to_have_class)(re.compile(r"\bprojector\b"))
    at_least = min(events, 40)
    drawn = settled_labels(page, at_least, (width, height) if wall else None)
    assert drawn is not None
    assert_readable(drawn, at_least)
    if not wall:
        return
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-timeline\b"))

    # beside the network: as many as fit its half of the width, none overlapping
    _on_the_wall(page, "both")
    assert wait_until(lambda: (d := drawn_labels(page)) and d["svg"]["right"] - d["svg"]["left"] < width * 0.7, 60)
    drawn = settled_labels(page, min(events, 10), (width, height))
    assert drawn is not None
    assert_readable(drawn, min(events, 10))
