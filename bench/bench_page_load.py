"""Time from opening the page to both figures drawn, in headless Chromium, and where that time goes.

For each sample case the page is loaded a few times (the browser's HTTP cache warm after the first) and the
time until the timeline and the geno-sociogram have drawn is printed, beside the server's own time for the
callbacks of that load (summed and the slowest) — the rest is the browser: Dash's renderer, React and
plotly.js. On a 2-core machine shared with other work the figures vary; compare ratios, not seconds.

Run: .venv/bin/python bench/bench_page_load.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import threading
import time
from pathlib import Path

from flask import g, request
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.factory import create_app  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CASES = ("minimal.json", "lisa_gesloten_jeugdzorg.json", "calamiteit_sem.json")


def serve(port: int) -> tuple[object, list[float]]:
    """The app on sample_cases with a hook that records each callback's server time."""
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(ROOT / "sample_cases")
    spent: list[float] = []

    @app.server.before_request
    def _start() -> None:
        g.started = time.perf_counter()

    @app.server.after_request
    def _stop(response):  # type: ignore[no-untyped-def]
        if request.path.endswith("_dash-update-component"):
            spent.append(time.perf_counter() - g.started)
        return response

    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--port", type=int, default=8099)
    args = parser.parse_args()
    server, spent = serve(args.port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            context = browser.new_context(viewport={"width": 1600, "height": 1000})
            print(f"{'case':32} {'first':>7} {'warm median':>12} {'server sum':>11} {'slowest cb':>11}")
            for case in CASES:
                loads, sums, slowest = [], [], []
                for _ in range(args.repeat):
                    spent.clear()
                    page = context.new_page()
                    started = time.perf_counter()
                    page.goto(f"http://127.0.0.1:{args.port}/?case={case}")
                    for graph in ("timeline-graph", "genosociogram-graph"):
                        page.locator(f"#{graph} .scatterlayer .trace").first.wait_for(state="attached",
                                                                                       timeout=120_000)
                    loads.append(time.perf_counter() - started)
                    sums.append(sum(spent))
                    slowest.append(max(spent, default=0.0))
                    page.close()
                warm = statistics.median(loads[1:]) if len(loads) > 1 else loads[0]
                print(f"{case:32} {loads[0]:6.1f}s {warm:11.1f}s {statistics.median(sums):10.2f}s "
                      f"{statistics.median(slowest):10.2f}s")
            browser.close()
    finally:
        server.shutdown()  # type: ignore[attr-defined]



# --- synthetic cases against the empty page, each load in a cold browser context ------------------------------

DRAWN = """() => {
  const gd = document.querySelector('#timeline-graph .js-plotly-plot');
  return Boolean(gd && gd._fullData && gd._fullData.length > 3
                 && gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length > 0
                 && !document.querySelector('[data-dash-is-loading="true"]'));
}"""
EMPTY = "() => Boolean(document.querySelector('#timeline-graph .main-svg'))"
TIMELINE = """() => {
  const gd = document.querySelector('#timeline-graph .js-plotly-plot');
  return Boolean(gd && gd._fullData && gd._fullData.length > 3
                 && gd.querySelectorAll('.scatterlayer .trace, .barlayer .trace').length > 0);
}"""
"""The timeline drawn with its marks (the rest of the page may still load)."""


def cold_loads(sizes: list[int], repeat: int = 3, port: int = 8098) -> list[tuple[str, float, float, float, float]]:
    """(what, median seconds until its timeline is drawn, ratio of that to the empty page, median seconds until
    the whole page is drawn and nothing loads any more, ratio of that) for the app without a case (the floor)
    and each synthetic case of ``sizes`` events: each load in a new browser context (no HTTP cache: cold), all
    in one run. The timeline is what the room reads first; the rest of the page (the pattern panel, the
    geno-sociogram, the table) follows it."""
    import json
    import tempfile

    from tests.synthetic import generate_case_data

    folder = Path(tempfile.mkdtemp(prefix="casusbeeld-bench-"))
    for n in sizes:
        (folder / f"synthetic_{n}.json").write_text(json.dumps(generate_case_data(n, max(40, n // 20), seed=1)))
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app(folder)
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    rows: list[tuple[str, float, float, float, float]] = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            targets = [("empty page", f"http://127.0.0.1:{port}/", EMPTY, EMPTY)]
            targets += [(f"{n:,} events", f"http://127.0.0.1:{port}/?case=synthetic_{n}.json", TIMELINE, DRAWN)
                        for n in sizes]
            first: dict[str, list[float]] = {name: [] for name, *_ in targets}
            whole: dict[str, list[float]] = {name: [] for name, *_ in targets}
            for _ in range(repeat):  # interleaved: load on the machine hits every target alike
                for name, url, shown, ready in targets:
                    context = browser.new_context(viewport={"width": 1920, "height": 1080})
                    page = context.new_page()
                    started = time.perf_counter()
                    page.goto(url)
                    page.wait_for_function(shown, timeout=180_000, polling=50)
                    first[name].append(time.perf_counter() - started)
                    page.wait_for_function(ready, timeout=180_000, polling=50)
                    whole[name].append(time.perf_counter() - started)
                    context.close()
            browser.close()
    finally:
        server.shutdown()
    floor = statistics.median(whole["empty page"])
    for name, *_ in targets:
        timeline, done = statistics.median(first[name]), statistics.median(whole[name])
        rows.append((name, timeline, timeline / floor, done, done / floor))
    return rows


if __name__ == "__main__":
    main()
