"""Small Playwright helpers shared by the browser tests."""

from __future__ import annotations

import time
from typing import Any

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from models import load_case

from .conftest import SAMPLES


def sample_titles() -> dict[str, tuple[str, int]]:
    """file name → (title, number of events) of every valid sample case."""
    titles = {}
    for path in sorted(SAMPLES.glob("*.json")):
        case = load_case(path)
        titles[path.name] = (case.title, len(case.events))
    return titles


LISA = "lisa_gesloten_jeugdzorg.json"


def open_lisa(page: Any) -> list[Any]:
    """Open the Lisa sample case and wait for both figures to show it; return its events in time order."""
    case = load_case(SAMPLES / LISA)
    choose_case(page, case.title)
    events = case.events_in_order()
    assert wait_until(lambda: case.index_person in all_ids(graph_data(page, "genosociogram-graph")), 30)
    assert wait_until(lambda: events[0].id in all_ids(graph_data(page, "timeline-graph")), 30)
    return events


def switch_lang(page: Any, code: str) -> None:
    page.locator("#lang label", has_text=code.upper()).click()


def choose_case(page: Any, title: str) -> None:
    """Open a case from the chooser by its title."""
    if page.locator("#case-title").inner_text() == title:
        return
    choose_option(page, page.locator("#case-chooser"), title)
    expect(page.locator("#case-title")).to_have_text(title)


def choose_option(page: Any, control: Any, label: str, attempts: int = 5) -> None:
    """Open a dropdown and click its option showing ``label``.

    The opening click and the option's click are retried: a dialog still fading in, or a callback
    re-rendering the form, can swallow either on a busy machine.
    """
    option = page.locator("[role=listbox] [role=option]", has_text=label).first
    for _ in range(attempts):
        if not option.is_visible():
            control.click()
        try:
            option.wait_for(state="visible", timeout=4000)
            option.click(timeout=4000)  # a re-rendered form can close the list between seeing and clicking
        except PlaywrightTimeoutError:
            continue
        return
    raise AssertionError(f"the option {label!r} never showed")


def graph_data(page: Any, graph_id: str) -> list[dict[str, Any]]:
    """The traces a ``dcc.Graph`` currently draws (plotly's decoded ``_fullData``), reduced to plain lists."""
    return page.evaluate(
        """id => {
            const gd = document.getElementById(id).querySelector('.js-plotly-plot');
            if (!gd || !gd._fullData) { return []; }
            const list = v => (v === undefined || v === null) ? null
                : (Array.isArray(v) || ArrayBuffer.isView(v)) ? Array.from(v) : v;
            return gd._fullData.map(trace => ({
                type: trace.type, mode: trace.mode || null,
                customdata: trace.customdata ? Array.from(trace.customdata, v => Array.isArray(v) ? v[0] : v) : null,
                opacity: trace.marker ? list(trace.marker.opacity) : null,
                trace_opacity: trace.opacity === undefined ? 1 : trace.opacity,
                visible: trace.visible,
                text: list(trace.text),
            }));
        }""",
        graph_id,
    )


def address_of(page: Any) -> str:
    """The tab's address as the page has it now. ``page.url`` is only brought up to date while Playwright talks
    to the browser, never while :func:`wait_until` sleeps: read it in the page."""
    return str(page.evaluate("() => location.href"))


def wait_until(check: Any, timeout_s: float = 15.0) -> Any:
    """Poll ``check()`` until it returns something truthy (the graph draws after the callback answers)."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.15)


def wait_for_graph(page: Any, graph_id: str) -> None:
    """Wait until the graph has drawn at least one trace with ids in customdata."""
    page.wait_for_function(
        """id => {
            const gd = document.getElementById(id).querySelector('.js-plotly-plot');
            return gd && gd.data && gd.data.some(t => t.customdata && t.customdata.length);
        }""",
        arg=graph_id, timeout=20_000,
    )


def marked_ids(traces: list[dict[str, Any]], *, min_opacity: float = 0.5) -> set[str]:
    """Ids in customdata whose marks are drawn at full strength (not dimmed)."""
    ids: set[str] = set()
    for trace in traces:
        data = trace.get("customdata") or []
        opacity = trace.get("opacity")
        trace_opacity = trace.get("trace_opacity", 1) or 0
        for i, item in enumerate(data):
            if item is None:
                continue
            value = opacity[i] if isinstance(opacity, list) and i < len(opacity) else opacity
            value = 1 if value is None else value
            if value * trace_opacity >= min_opacity and trace.get("visible") is True:
                ids.add(str(item))
    return ids


def all_ids(traces: list[dict[str, Any]]) -> set[str]:
    return {str(item) for trace in traces for item in (trace.get("customdata") or []) if item is not None}


_POINT_JS = """([graphId, id]) => {
    const gd = document.getElementById(graphId).querySelector('.js-plotly-plot');
    const axis = (name, letter) => gd._fullLayout[(name || letter).replace(letter, letter + 'axis')];
    for (const trace of gd._fullData) {
        if (!trace.customdata || trace.visible !== true) { continue; }
        const ids = Array.from(trace.customdata, v => Array.isArray(v) ? v[0] : v);
        const i = ids.indexOf(id);
        if (i < 0) { continue; }
        const xa = axis(trace.xaxis, 'x'), ya = axis(trace.yaxis, 'y');
        let x = Number(trace.x[i]);
        if (trace.type === 'bar' && trace.base) { x = Number(trace.base[i]) + x / 2; }
        const y = Number(trace.y[i]);
        const rect = gd.getBoundingClientRect();
        const scale = rect.width / gd._fullLayout.width;  // projector mode may scale the figure as a whole
        return {x: rect.left + (xa._offset + xa.l2p(x)) * scale, y: rect.top + (ya._offset + ya.l2p(y)) * scale};
    }
    return null;
}"""


def click_point(page: Any, graph_id: str, item_id: str) -> None:
    """Click the mark whose customdata is ``item_id`` with the mouse (scrolled into view first)."""
    spot = page.evaluate(_POINT_JS, [graph_id, item_id])
    assert spot is not None, f"{item_id} is not drawn in {graph_id}"
    page.evaluate("y => window.scrollBy(0, y - window.innerHeight / 2)", spot["y"])
    page.wait_for_timeout(150)
    spot = page.evaluate(_POINT_JS, [graph_id, item_id])
    page.mouse.move(spot["x"], spot["y"])
    page.wait_for_timeout(100)
    page.mouse.click(spot["x"], spot["y"])


def click_point_until(page: Any, graph_id: str, item_id: str, shown: Any, attempts: int = 5) -> None:
    """Click the mark of ``item_id`` until ``shown()`` is true: on a busy machine the wall may redraw a figure for
    its measured frame just after its marks were located, and a click then lands where the mark was."""
    for _ in range(attempts):
        click_point(page, graph_id, item_id)
        if wait_until(shown, 6):
            return
        page.wait_for_timeout(500)
    raise AssertionError(f"clicking {item_id} in {graph_id} did not select it")


def text_marks(traces_js: list[dict[str, Any]], *, bright: bool) -> str:
    """All text of text traces drawn at full strength (``bright``) or dimmed."""
    parts = []
    for trace in traces_js:
        if not trace.get("text"):
            continue
        strong = (trace.get("trace_opacity") or 0) >= 0.5
        if strong == bright:
            parts.extend(str(t) for t in trace["text"])
    return "\n".join(parts)


def graph_texts(page: Any, graph_id: str) -> list[dict[str, Any]]:
    """Text traces of a graph with their trace opacity."""
    return [t for t in graph_data(page, graph_id) if t.get("text") and "text" in (t.get("mode") or "")]
