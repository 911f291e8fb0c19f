"""Every bundled case on the wall at 1920×1080 and 1280×720, read as the browser draws it: the timeline alone
carries at least 40 labels at either size (every event of a smaller case; on the smaller wall a label stays near its
mark rather than reach a free place across the wall, see layouts/timeline/wall.py), beside the network as many as
fit; no two labels overlap, none runs off the figure."""

from __future__ import annotations

import re
import time
from typing import Any

import pytest
from playwright.sync_api import expect

from layouts.texts import text
from models import load_case

from .conftest import SAMPLES
from .helpers import wait_until
from .label_boxes import drawn_labels, overlapping

CASES = sorted(path.name for path in SAMPLES.glob("*.json"))
SIZES = [(1920, 1080), (1280, 720)]


def _on_the_wall(page: Any, view: str) -> None:
    page.locator("#wall label", has_text=text(f"wall_{view}", "nl")).click()
    expect(page.locator("#case-body")).to_have_class(re.compile(rf"\bwall-{view}\b"))
    page.evaluate("() => { document.activeElement.blur(); window.scrollTo(0, 0); }")


def _settled(page: Any, width: int, height: int, at_least: int) -> dict[str, Any] | None:
    """The labels once the wall has fitted the figure: drawn within the screen, and the same on two reads a second
    apart once at least ``at_least`` labels show (a busy machine may show the figure first as drawn for another
    frame, then refit it for the wall). After 90 s, the last read as it is, for the assertion to show."""
    last: dict[str, Any] | None = None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        drawn = drawn_labels(page)
        fits = bool(drawn and drawn["labels"]) and drawn["svg"]["right"] <= width + 1 \
            and drawn["svg"]["bottom"] <= height + 1
        if fits and last is not None and len(drawn["labels"]) >= at_least and drawn["labels"] == last["labels"]:
            return drawn
        last = drawn if fits else None
        page.wait_for_timeout(1000)
    return last


def _assert_readable(drawn: dict[str, Any], at_least: int) -> None:
    labels, svg = drawn["labels"], drawn["svg"]
    assert len(labels) >= at_least, [label["text"] for label in labels]
    assert not overlapping(labels)
    for label in labels:  # whole on the figure
        assert svg["left"] - 1 <= label["left"] and label["right"] <= svg["right"] + 1, label
        assert svg["top"] - 1 <= label["top"] and label["bottom"] <= svg["bottom"] + 1, label


@pytest.mark.parametrize(("width", "height"), SIZES, ids=["1920", "1280"])
@pytest.mark.parametrize("name", CASES)
def test_the_wall_timeline_is_labelled_without_overlaps(page: Any, server: Any, name: str, width: int,
                                                        height: int) -> None:
    events = len(load_case(SAMPLES / name).events)
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{server.url}?case={name}&wall=timeline")
    page.locator("#timeline-graph .scatterlayer .trace").first.wait_for(state="attached", timeout=90_000)
    expect(page.locator("#root")).to_have_class(re.compile(r"\bprojector\b"))
    expect(page.locator("#case-body")).to_have_class(re.compile(r"\bwall-timeline\b"))
    at_least = min(events, 40)
    drawn = _settled(page, width, height, at_least)
    assert drawn is not None
    _assert_readable(drawn, at_least)

    # beside the network: as many as fit its half of the width, none overlapping
    _on_the_wall(page, "both")
    assert wait_until(lambda: (d := drawn_labels(page)) and d["svg"]["right"] - d["svg"]["left"] < width * 0.7, 60)
    drawn = _settled(page, width, height, min(events, 10))
    assert drawn is not None
    _assert_readable(drawn, min(events, 10))
