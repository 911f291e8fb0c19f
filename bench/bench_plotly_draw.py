"""plotly.js drawing our timeline against drawing ``px.timeline``'s, on the same events, in one Chromium page.

The server's part of a first picture is measured in ``bench_versus_px.py``; this is the browser's: the figure's
JSON given to ``Plotly.newPlot`` (median of several draws in a page that has plotly.js loaded), and a
``Plotly.react`` after a change of every marker's opacity (what a selection changes). Both figures are drawn in
the same box, one after the other, so the machine's load hits both alike; compare the ratios.

Run: .venv/bin/python bench/bench_plotly_draw.py [n_events ...]   (default 1000 5000)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import plotly
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_versus_px import ours, theirs  # noqa: E402

from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.synthetic import generate_case  # noqa: E402

DRAWS = 7
PLOTLY_JS = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"

DRAW = """async ([figure, draws]) => {
    const gd = document.getElementById('graph'), times = [];
    for (let i = 0; i < draws; i++) {
        Plotly.purge(gd);
        const start = performance.now();
        await Plotly.newPlot(gd, figure.data, figure.layout, {responsive: false});
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""

REACT = """async (draws) => {
    const gd = document.getElementById('graph'), times = [];
    for (let i = 0; i < draws; i++) {
        const data = gd.data.map(trace => trace.marker
            ? Object.assign({}, trace, {marker: Object.assign({}, trace.marker, {opacity: i % 2 ? 0.3 : 1})})
            : trace);
        const start = performance.now();
        await Plotly.react(gd, data, Object.assign({}, gd.layout));
        times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
}"""


def main(sizes: list[int]) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1920, "height": 1080})
        page.set_content('<div id="graph" style="width:1800px"></div>')
        page.add_script_tag(path=str(PLOTLY_JS))
        print(f"{'events':>7} {'ours newPlot ms':>16} {'px newPlot ms':>14} {'÷ px':>6} "
              f"{'ours react ms':>14} {'px react ms':>12} {'÷ px':>6}")
        for n_events in sizes:
            case = generate_case(n_events=n_events, n_persons=max(40, n_events // 20), seed=1)
            drawn = {}
            for name, build in (("ours", ours), ("px", theirs)):
                figure = json.loads(build(case))
                first = page.evaluate(DRAW, [figure, DRAWS])
                drawn[name] = (first, page.evaluate(REACT, DRAWS))
            (our_new, our_react), (px_new, px_react) = drawn["ours"], drawn["px"]
            print(f"{n_events:7,} {our_new:16.0f} {px_new:14.0f} {our_new / px_new:6.2f} "
                  f"{our_react:14.0f} {px_react:12.0f} {our_react / px_react:6.2f}")
        browser.close()


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
