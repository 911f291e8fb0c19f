"""Every bundled case on the wall at 1920×1080 and 1280×720, read as the browser draws it: the timeline alone
carries at least 40 labels (every event of a smaller case), beside the network as many as fit; no two labels
overlap, none runs off the figure."""

from __future__ import annotations

import re
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


def _settled(page: Any, width: int, height: int) -> dict[str, Any] | None:
    """The labels once the wall has fitted the figure (drawn, within the screen, its labels in place)."""
    def check() -> dict[str, Any] | None:
        drawn = drawn_labels(page)
        if not drawn or not drawn["labels"]:
            return None
        svg = drawn["svg"]
        return drawn if svg["right"] <= width + 1 and svg["bottom"] <= height + 1 else None
    found = wait_until(check, 60)
    page.wait_for_timeout(800)  # a last refit (fonts, the date control) redraws the figure once more
    return drawn_labels(page) if found else None


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
    drawn = _settled(page, width, height)
    assert drawn is not None
    _assert_readable(drawn, min(events, 40))

    # beside the network: as many as fit its half of the width, none overlapping
    _on_the_wall(page, "both")
    assert wait_until(lambda: (d := drawn_labels(page)) and d["svg"]["right"] - d["svg"]["left"] < width * 0.7, 60)
    drawn = _settled(page, width, height)
    assert drawn is not None
    _assert_readable(drawn, min(events, 10))
