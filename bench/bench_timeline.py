"""Time building the timeline figure for synthetic cases of growing size, and measure its JSON.

Run: .venv/bin/python bench/bench_timeline.py

Columns: build (wall-clock median of 5, cold: layout + hover texts + traces), its CPU time (steadier
when other processes share the machine), rebuild with a cached layout (what
the app pays on a selection change), ``len(fig.to_json())`` and the time ``to_json`` takes.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from layouts.timeline.figure import timeline_figure, timeline_layout, uses_webgl
from layouts.view_state import Highlight, ViewState
from tests.synthetic import generate_case

SIZES = (100, 1_000, 5_000, 20_000)
RUNS = 5
TARGET_5000_S = 0.5


def _median(action: object, runs: int = RUNS, clock: object = time.perf_counter) -> float:
    timings = []
    for _ in range(runs):
        start = clock()  # type: ignore[operator]
        action()  # type: ignore[operator]
        timings.append(clock() - start)  # type: ignore[operator]
    return statistics.median(timings)


def main() -> None:
    print(f"{'events':>8} {'traces':>7} {'webgl':>6} {'build s':>8} {'cpu s':>6} {'cached-layout s':>16} "
          f"{'JSON bytes':>11} {'to_json s':>10}")
    for n_events in SIZES:
        case = generate_case(n_events=n_events, n_persons=300, seed=1)
        build = _median(lambda case=case: timeline_figure(case, ViewState()))
        cpu = _median(lambda case=case: timeline_figure(case, ViewState()), clock=time.process_time)
        layout = timeline_layout(case)
        timeline_figure(case, ViewState(), layout=layout)  # fills the layout's hover cache
        cached = _median(lambda case=case, layout=layout: timeline_figure(
            case, ViewState(), layout=layout, highlight=Highlight.of(persons=[case.index_person])))
        fig = timeline_figure(case, ViewState())
        started = time.perf_counter()
        payload = fig.to_json()
        to_json = time.perf_counter() - started
        webgl = "yes" if uses_webgl(n_events) else "no"
        print(f"{n_events:>8} {len(fig.data):>7} {webgl:>6} {build:>8.3f} {cpu:>6.3f} "
              f"{cached:>16.3f} {len(payload):>11,} {to_json:>10.3f}")
        if n_events == 5_000 and build > TARGET_5000_S:
            print(f"  !! 5,000 events took {build:.3f} s, above the {TARGET_5000_S} s target")


if __name__ == "__main__":
    main()
