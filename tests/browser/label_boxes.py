"""The timeline's event labels as the browser draws them: their text and their boxes on the screen."""

from __future__ import annotations

import time
from typing import Any

_LABELS_JS = """id => {
    const gd = document.getElementById(id).querySelector('.js-plotly-plot');
    if (!gd || !gd.layout || !gd.layout.annotations) { return null; }
    const names = gd.layout.annotations.map(a => a.name);
    const out = [];
    gd.querySelectorAll('g.annotation').forEach(g => {
        const i = Number(g.getAttribute('data-index'));
        if (names[i] !== 'timeline-label') { return; }
        const text = g.querySelector('text.annotation-text');
        if (!text || getComputedStyle(g).display === 'none') { return; }
        const r = text.getBoundingClientRect();
        if (!r.width || !r.height) { return; }
        out.push({text: text.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom});
    });
    const svg = gd.querySelector('.main-svg').getBoundingClientRect();
    return {labels: out, svg: {left: svg.left, top: svg.top, right: svg.right, bottom: svg.bottom}};
}"""


def drawn_labels(page: Any, graph_id: str = "timeline-graph") -> dict[str, Any] | None:
    """{"labels": [{text, left, top, right, bottom}], "svg": {...}}: the labels' text boxes in screen px."""
    return page.evaluate(_LABELS_JS, graph_id)


def settled_labels(page: Any, at_least: int, screen: tuple[int, int] | None = None) -> dict[str, Any] | None:
    """The labels once the page has fitted the figure: the same on two reads a second apart once at least
    ``at_least`` show (a busy machine may show the figure first as drawn for another frame or width, then refit
    it), and with ``screen`` (width, height: the wall) drawn within it. After 90 s, the last read as it is, for the
    assertion to show."""
    last: dict[str, Any] | None = None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        drawn = drawn_labels(page)
        fits = bool(drawn and drawn["labels"]) and (screen is None or (
            drawn["svg"]["right"] <= screen[0] + 1 and drawn["svg"]["bottom"] <= screen[1] + 1))
        if fits and last is not None and len(drawn["labels"]) >= at_least and drawn["labels"] == last["labels"]:
            return drawn
        last = drawn if fits else None
        page.wait_for_timeout(1000)
    return last


def assert_readable(drawn: dict[str, Any], at_least: int) -> None:
    """At least ``at_least`` labels drawn, none overlapping another, each whole on the figure."""
    labels, svg = drawn["labels"], drawn["svg"]
    assert len(labels) >= at_least, [label["text"] for label in labels]
    assert not overlapping(labels)
    for label in labels:
        assert svg["left"] - 1 <= label["left"] and label["right"] <= svg["right"] + 1, label
        assert svg["top"] - 1 <= label["top"] and label["bottom"] <= svg["bottom"] + 1, label


def overlapping(labels: list[dict[str, Any]], slack: float = 0.5) -> list[tuple[str, str]]:
    """Pairs of labels whose text boxes overlap (by more than ``slack`` px each way)."""
    pairs = []
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            if a["left"] + slack < b["right"] and b["left"] + slack < a["right"] \
                    and a["top"] + slack < b["bottom"] and b["top"] + slack < a["bottom"]:
                pairs.append((a["text"], b["text"]))
    return pairs


_TEXTS_JS = """([id, start]) => {
    const gd = document.getElementById(id).querySelector('.js-plotly-plot');
    const out = [];
    gd.querySelectorAll('.scatterlayer .textpoint text').forEach(text => {
        if (!text.textContent.startsWith(start) || text.closest('.rangeslider-container')) { return; }
        const r = text.getBoundingClientRect();
        if (r.width && r.height) {
            out.push({text: text.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom});
        }
    });
    return out;
}"""


def drawn_point_texts(page: Any, start: str, graph_id: str = "timeline-graph") -> list[dict[str, Any]]:
    """The text boxes (screen px) of the words a graph's scatter traces draw that begin with ``start`` (the
    range slider's copies left out)."""
    return list(page.evaluate(_TEXTS_JS, [graph_id, start]))
