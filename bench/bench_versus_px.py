"""The timeline beside what a user would pick instead: ``px.timeline`` on the same events, in one run.

Run: .venv/bin/python bench/bench_versus_px.py [n_events ...]   (default 1000 5000)

For each size: casusbeeld's ``timeline_figure`` (cold: lane layout, labels, traces) plus ``to_json``, against
``plotly.express.timeline`` given every event as a one-day bar on its lane, coloured by layer, the title as
hover name, plus ``to_json``. Prints CPU medians, JSON sizes and the ratios (casusbeeld ÷ px; below 1 is
better). Nothing is asserted: a shared machine's timings are for reading, not for failing a build.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd
import plotly.express as px

from layouts.timeline.figure import timeline_figure
from layouts.timeline.lanes import lane_of
from layouts.view_state import ViewState
from tests.synthetic import generate_case

RUNS = 3


def cpu_median(action: object) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        start = time.process_time()
        result = action()  # type: ignore[operator]
        times.append(time.process_time() - start)
    return statistics.median(times), result


def ours(case: object) -> str:
    return timeline_figure(case, ViewState()).to_json()  # type: ignore[arg-type]


def theirs(case: object) -> str:
    rows = [{"start": event.start_day(), "end": event.start_day() + dt.timedelta(days=1),
             "lane": lane_of(event)[0], "layer": event.layer.value, "title": event.title}
            for event in case.events_in_order()]  # type: ignore[attr-defined]
    frame = pd.DataFrame(rows)
    return px.timeline(frame, x_start="start", x_end="end", y="lane", color="layer", hover_name="title").to_json()


def main(sizes: list[int]) -> None:
    print(f"{'events':>7} {'casusbeeld s':>13} {'px.timeline s':>14} {'time ratio':>11} "
          f"{'casusbeeld MB':>14} {'px MB':>7} {'size ratio':>11}")
    for n in sizes:
        case = generate_case(n_events=n, n_persons=max(40, n // 20), seed=1)
        ours_s, ours_json = cpu_median(lambda case=case: ours(case))
        px_s, px_json = cpu_median(lambda case=case: theirs(case))
        print(f"{n:>7} {ours_s:>13.3f} {px_s:>14.3f} {ours_s / px_s:>11.2f} "
              f"{len(ours_json) / 1e6:>14.2f} {len(px_json) / 1e6:>7.2f} {len(ours_json) / len(px_json):>11.2f}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [1000, 5000])
