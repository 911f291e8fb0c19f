"""Time from a participant's add to the wall's update, with 20 participants in one workshop.

The wall is Lisa's case in headless Chromium with a workshop open; 20 participants join over HTTP as phones do
(each with a cookie of their own, sending the participant page's callback requests) and add events. Printed:

* **one add**: one participant adds an event; the time until the wall's timeline shows it (repeated);
* **all at once**: the 20 add an event each at the same moment; the time until the wall shows all 20;
* **server CPU** per lone add: the CPU seconds the server spent on every callback between the add and the wall's
  update (the poll, the case store, and each view that redraws from it), which machine load does not inflate.

The wall asks for the workshop's version every half second (a few bytes) and fetches the rest only when it moved;
the events added are drawn over the timeline as a patch, so the timeline is not rebuilt. A lone add waits a quarter
of a second on average before the wall asks. On a 2-core machine shared with other work the times vary (the load
average is printed beside them); the server CPU per update does not.

Measured 6 Dec 2026 with Lisa's case and 20 participants, before (1a4c211: the wall polled every second and merged
every add into the case, which redrew the timeline) and after, each pair one run right after the other, on 2 cores
shared with other sessions' tests (load average ~7.5 in run 1 with 9 lone adds, ~10 in run 2 with 15):

=========================================  ==================  ==================
                                           before (run 1, 2)   after (run 1, 2)
=========================================  ==================  ==================
one add → wall, median                     7.99 s, 9.09 s      1.57 s, 2.32 s
one add → wall, max                        14.5 s, 15.7 s      11.1 s, 9.5 s
20 adds at once → all 20 on the wall       17.2 s, 26.4 s      1.49 s, 2.60 s
server CPU per update (median)             1.10 s, 1.04 s      0.02 s, 0.02 s
=========================================  ==================  ==================

The slowest lone adds after are the browser's, not the server's (the CPU per update stays 0.02 s): under this load
headless Chromium sometimes takes seconds to run a poll's answer.

Again 6 Dec 2026 (20:25-20:37 UTC), after the participants' arrows, the perspectives' colours and the added
titles placed clear of the timeline's labels (3b8c1ba), against 7324b2f just before; each pair one run right after
the other, load average 8-11 on 2 cores (run 1: 9 lone adds, run 2: 15):

=========================================  ==================  ==================
                                           7324b2f (run 1, 2)  after (run 1, 2)
=========================================  ==================  ==================
one add → wall, median                     2.80 s, 1.56 s      3.14 s, 2.74 s
one add → wall, max                        16.3 s, 11.2 s      11.2 s, 10.5 s
20 adds at once → all 20 on the wall       3.75 s, 3.20 s      3.18 s, 3.13 s
server CPU per update (median)             0.03 s, 0.02 s      0.06 s, 0.06 s
=========================================  ==================  ==================

The server's ~0.04 s more per update is the titles' placement (the timeline's label placement over Lisa's 93
events); the wall's times are the machine's load (a third run of the new code: median 2.11 s).

Run: .venv/bin/python bench/bench_workshop.py [--participants 20] [--repeat 5]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import logging
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from flask import g, request
from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.factory import create_app  # noqa: E402
from tests.chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LISA = "lisa_gesloten_jeugdzorg.json"
RINGS = """n => { const gd = document.getElementById('timeline-graph').querySelector('.js-plotly-plot');
    let seen = 0;
    for (const t of (gd && gd.data) || []) {
        if (t.name === 'workshop-ring' || t.name === 'workshop-overlay') seen += t.meta.ids.length;
    }
    return seen >= n; }"""
"""Whether the wall's timeline shows ``n`` added events (ringed in the case, or drawn over it before a save)."""


class Phone:
    """One participant's HTTP client: a cookie jar and the participant page's callback requests."""

    def __init__(self, base: str, dependencies: list[dict[str, Any]]) -> None:
        self.base, self.deps = base, dependencies
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def call(self, input_id: str, states: dict[str, Any]) -> dict[str, Any]:
        dep = next(d for d in self.deps if any(i["id"] == input_id for i in d["inputs"]))
        names = dep["output"].strip(".").split("...")
        outputs = [{"id": n.rsplit(".", 1)[0], "property": n.rsplit(".", 1)[1]} for n in names]
        body = {"output": dep["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
                "inputs": [{**i, "value": 1 if i["id"] == input_id else None} for i in dep["inputs"]],
                "state": [{**s, "value": states.get(f"{s['id']}.{s['property']}")} for s in dep["state"]],
                "changedPropIds": [f"{input_id}.n_clicks"]}
        request = urllib.request.Request(self.base + "meedoen/_dash-update-component", json.dumps(body).encode(),
                                         {"Content-Type": "application/json"})
        with self.opener.open(request, timeout=60) as response:
            return json.loads(response.read() or b"{}")

    def join(self, code: str, name: str, perspective: str) -> None:
        self.call("p-join", {"p-code.value": code, "p-name.value": name, "p-perspective.value": perspective})

    def add(self, code: str, title: str) -> None:
        answer = self.call("p-event-add", {"p-event-title.value": title, "p-event-date.value": "2022",
                                           "p-event-layer.value": "lived", "p-event-type.value": "experience",
                                           "p-session.data": {"code": code}, "p-added.data": 0})
        assert "Toegevoegd" in json.dumps(answer), answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--port", type=int, default=8098)
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    folder = Path(tempfile.mkdtemp(prefix="bench-workshop-"))
    shutil.copy(ROOT / "sample_cases" / LISA, folder / LISA)
    app = create_app(folder)
    spent: list[float] = []

    @app.server.before_request
    def _start() -> None:
        g.started = time.thread_time()

    @app.server.after_request
    def _stop(response: Any) -> Any:
        if request.path == "/_dash-update-component":  # the wall's callbacks, not the phones'
            spent.append(time.thread_time() - g.started)
        return response

    server = make_server("127.0.0.1", args.port, app.server, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{args.port}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            wall = browser.new_page(viewport={"width": 1600, "height": 1000})
            wall.goto(base + f"?case={LISA}")
            wall.locator("#events-table caption").wait_for(timeout=120_000)
            wall.locator("#workshop-open").click()
            code = wall.locator("#workshop-code").inner_text(timeout=60_000).strip()
            with urllib.request.urlopen(base + "meedoen/_dash-dependencies") as response:
                deps = json.loads(response.read())
            phones = [Phone(base, deps) for _ in range(args.participants)]
            for i, phone in enumerate(phones):
                phone.join(code, f"Deelnemer {i + 1}", f"perspectief {i % 6 + 1}")
            time.sleep(2)
            measure(wall, phones, code, args.repeat, spent)
            browser.close()
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)


def measure(wall: Any, phones: list[Phone], code: str, repeat: int, spent: list[float]) -> None:
    shown = 0
    lone: list[float] = []
    cpu: list[float] = []
    for i in range(repeat):
        spent.clear()
        start = time.monotonic()
        phones[i % len(phones)].add(code, f"Los {i}")
        shown += 1
        wall.wait_for_function(RINGS, arg=shown, timeout=120_000, polling=50)
        lone.append(time.monotonic() - start)
        time.sleep(1.5)  # the callbacks after the figure drew (table, patterns…) count too
        cpu.append(sum(spent))
    start = time.monotonic()
    threads = [threading.Thread(target=phone.add, args=(code, f"Samen {n}")) for n, phone in enumerate(phones)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sent = time.monotonic() - start
    shown += len(phones)
    wall.wait_for_function(RINGS, arg=shown, timeout=180_000, polling=50)
    together = time.monotonic() - start
    load = os.getloadavg()[0]
    print(f"participants: {len(phones)}   load average: {load:.1f} on {os.cpu_count()} cores")
    p95 = statistics.quantiles(lone, n=20, method="inclusive")[18] if len(lone) > 1 else lone[0]
    print(f"one add → wall:   median {statistics.median(lone):.2f} s, p95 {p95:.2f} s, max {max(lone):.2f} s  "
          f"({repeat} adds); server CPU per update median {statistics.median(cpu):.2f} s")
    print(f"{len(phones)} adds at once → all on the wall: {together:.2f} s  (the adds themselves took {sent:.2f} s)")


if __name__ == "__main__":
    main()
